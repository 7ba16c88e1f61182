"""The recap a rep sends the customer after a meeting: from the debrief, in the checklist's language."""

from __future__ import annotations

import stat
from dataclasses import replace as replace_summary
from datetime import date, datetime, timedelta
from pathlib import Path

import msgspec

from helpers import NOW, debriefed_meeting
from prep.model.meeting import FollowUp, Meeting
from prep.model.summary import summarise
from prep.reports.brief import saved_briefs, write_brief
from prep.reports.recap import next_meeting, recap_text, spoken_day, write_recap

MEETING_DAY = NOW + timedelta(days=2, hours=5)  # Wednesday, 25 November 2026, 14:00


def meeting(language: str = "en", contact: str = "Jane Doe, CFO", **debrief: object) -> Meeting:
    found = debriefed_meeting("Acme Tools", 0, **debrief)
    found.when = MEETING_DAY  # type: ignore[assignment]
    found.contact = contact
    found.checklist = msgspec.structs.replace(found.checklist, language=language)
    return found


AGREED = {
    "outcome": "Pilot with two teams from January",
    "followups": [
        FollowUp("Send the offer", date(2026, 11, 27)),
        FollowUp("Share the IT requirements", date(2026, 12, 1), owner="customer"),
        FollowUp("Book the kick-off", None),
        FollowUp("Slides sent", date(2026, 11, 24), done=True),
        FollowUp("Workshop with the works council", date(2027, 1, 8)),
    ],
}


def test_the_english_recap_thanks_says_what_was_agreed_who_does_what_and_when_we_meet_again() -> None:
    text = recap_text(meeting(**AGREED), datetime(2026, 12, 3, 10, 0))
    assert text == (
        "Dear Jane Doe,\n\n"
        "Thank you for the meeting on Wednesday, 25 November.\n\n"
        "What we agreed:\nPilot with two teams from January.\n\n"
        "Our next steps:\n"
        "- Send the offer (by Friday, 27 November)\n"
        "- Workshop with the works council (by Friday, 8 January 2027)\n"
        "- Book the kick-off\n\n"
        "Your next steps:\n"
        "- Share the IT requirements (by Tuesday, 1 December)\n\n"
        "Our next meeting is on Thursday, 3 December at 10:00.\n\n"
        "Best regards,\n"
    )


def test_the_german_recap_is_in_sie_form_with_german_dates_and_quotes() -> None:
    agreed = AGREED | {"outcome": 'Pilot "Alpha" mit zwei Teams ab Januar'}
    text = recap_text(meeting("de", **agreed), datetime(2026, 12, 3, 10, 0))
    assert text == (
        "Guten Tag, Jane Doe,\n\n"
        "vielen Dank für das Gespräch am Mittwoch, 25. November.\n\n"
        "Vereinbart haben wir:\nPilot „Alpha“ mit zwei Teams ab Januar.\n\n"
        "Unsere nächsten Schritte:\n"
        "- Send the offer (bis Freitag, 27. November)\n"
        "- Workshop with the works council (bis Freitag, 8. Januar 2027)\n"
        "- Book the kick-off\n\n"
        "Ihre nächsten Schritte:\n"
        "- Share the IT requirements (bis Dienstag, 1. Dezember)\n\n"
        "Unser nächstes Gespräch ist am Donnerstag, 3. Dezember, um 10:00 Uhr.\n\n"
        "Freundliche Grüße\n"
    )


def test_an_empty_debrief_still_makes_a_polite_note_without_a_name() -> None:
    empty = meeting("en", contact="")
    empty.debrief = None
    assert recap_text(empty) == "Hello,\n\nThank you for the meeting on Wednesday, 25 November.\n\nBest regards,\n"
    assert recap_text(meeting("de-AT", contact=", CFO")) == (
        "Guten Tag,\n\nvielen Dank für das Gespräch am Mittwoch, 25. November.\n\nFreundliche Grüße\n")


def test_follow_ups_without_a_date_stand_after_the_dated_ones_as_written() -> None:
    text = recap_text(meeting(followups=[FollowUp("Call back", None), FollowUp("Send prices", date(2026, 11, 30)),
                                         FollowUp("Ask legal", None), FollowUp("  ", date(2026, 11, 26))]))
    assert "Our next steps:\n- Send prices (by Monday, 30 November)\n- Call back\n- Ask legal\n\n" in text
    assert "Your next steps" not in text


def test_names_with_odd_characters_come_out_as_written_and_inert() -> None:
    text = recap_text(meeting(contact="Zoë O'Brien-Łukasiewicz [b], Head of IT", outcome="Done.\x1b[2J Really",
                              followups=[FollowUp('Send "the" deck\x9b', None, owner="customer")]))
    assert text.startswith("Dear Zoë O'Brien-Łukasiewicz [b],\n")
    assert "Done.\\x1b[2J Really.\n" in text
    assert "- Send “the” deck\\x9b\n" in text
    assert "\x1b" not in text and "\x9b" not in text


def test_days_are_spoken_as_a_letter_names_them() -> None:
    assert spoken_day(date(2026, 3, 2), "de") == "Montag, 2. März"
    assert spoken_day(date(2026, 3, 2), "en", year=True) == "Monday, 2 March 2026"


def test_the_next_meeting_is_the_first_with_the_customer_after_this_one() -> None:
    this = meeting()
    summary = summarise(this, "First meeting")
    later = [replace_summary(summary, id=name, when=this.when + timedelta(days=days), customer=customer)
             for name, days, customer in [("b", 14, "Acme Tools"), ("a", 7, "Acme Tools"), ("c", 3, "Bolt"), ("old", -7, "Acme Tools")]]
    assert next_meeting([summary, *later], this).id == "a"  # type: ignore[union-attr]
    assert next_meeting([summary, later[3]], this) is None
    called_off = replace_summary(later[1], cancelled=this.when)  # "a" was cancelled: "b" is the next
    assert next_meeting([summary, later[0], called_off], this).id == "b"  # type: ignore[union-attr]


def test_a_saved_recap_is_private_and_forget_finds_it_with_the_briefs(tmp_path: Path) -> None:
    folder = tmp_path / "briefs"
    recap = write_recap(meeting(), "Dear Jane Doe,\n", folder)
    assert recap.name == "2026-11-25-acme-tools-recap.md"
    assert recap.read_text() == "# Acme Tools\n\nDear Jane Doe,\n"
    assert stat.S_IMODE(recap.stat().st_mode) == 0o600
    other = debriefed_meeting("Acme Tools Recap", 3)
    brief = write_brief(other, folder)  # a customer whose name ends in "recap" keeps its brief its own
    (folder / "2026-11-25-notes-recap.md").write_text("# Something else\n")
    assert saved_briefs(folder) == {brief: "Acme Tools Recap", recap: "Acme Tools"}
