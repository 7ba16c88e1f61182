"""The form's reading, without a terminal: a date says what it resolved to, a problem names the field."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from helpers import NOW
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.model.summary import summarise
from prep.screens.form_checks import check_form, nearby_warning, plan_of, resolved_date

TODAY = NOW.date()


def test_the_date_line_says_what_was_meant_notes_the_past_and_explains_what_cannot_be_read() -> None:
    assert resolved_date("", TODAY) == ("", False)
    assert resolved_date("wed", TODAY) == ("→ Wed 25 Nov", False)
    assert resolved_date("gestern", TODAY) == ("→ Sun 22 Nov · in the past: this records a meeting that already happened.", False)
    line, problem = resolved_date("someday", TODAY)
    assert problem and line.startswith("'someday' is not a date")


def test_a_form_reads_as_a_meeting_time_or_as_one_problem_per_field() -> None:
    checked = check_form({"customer": "Acme", "date": "yesterday", "time": "14.30 Uhr"}, TODAY, checklist_chosen=True)
    assert checked.errors == {} and checked.when == datetime(2026, 11, 22, 14, 30)
    assert check_form({"customer": "Acme", "date": "tomorrow"}, TODAY, checklist_chosen=True).when == datetime(2026, 11, 24, 9, 0)
    checked = check_form({"customer": " ", "date": "", "time": "25:00"}, TODAY, checklist_chosen=False)
    assert set(checked.errors) == {"customer", "date", "time", "checklist"} and checked.when is None


def test_a_saved_meeting_fills_the_form_with_what_reads_back_the_same() -> None:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer="Acme", when=datetime(2026, 12, 1, 14, 30), checklist=checklist, contact="Jane", goal="Pilot")
    plan = plan_of(meeting)
    assert check_form(plan, TODAY, checklist_chosen=True).when == meeting.when
    other = summarise(meeting, checklist.title)
    assert nearby_warning(other, TODAY) == "You already have a draft with Acme on Tue 1 Dec at 14:30 — ctrl+o opens it."
    past = summarise(Meeting(customer="Acme", when=NOW - timedelta(days=1), checklist=checklist, status="prepared"), "x")
    assert nearby_warning(past, date(2026, 11, 23)) == "You already met Acme on Sun 22 Nov at 09:00 — ctrl+o opens that meeting."


def test_a_german_rep_reads_what_a_date_means_and_why_it_is_refused_in_german_capitals() -> None:
    from prep.language import use

    use("de")
    try:
        assert resolved_date("übermorgen", TODAY) == ("→ Mi., 25. Nov.", False)
        line, problem = resolved_date("irgendwann", TODAY)
        assert problem and line.startswith("„irgendwann“ ist kein Datum, das prep versteht; z. B. 1.12.2026")
        assert "KW 50" in line and "Fr," in line  # the example keeps its capitals
        checked = check_form({"customer": "Müller GmbH", "date": "morgen", "time": "25 Uhr"}, TODAY, checklist_chosen=True)
        assert checked.errors["time"].startswith("„25 Uhr“ ist keine Uhrzeit") and "14 Uhr" in checked.errors["time"]
    finally:
        use("en")
