"""After the debrief, what happened stays in view: in the brief and its Markdown, the CSV, and "What we know"."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

from helpers import NOW, debriefed_meeting
from prep.insights.story import CustomerStory, customer_story
from prep.model.meeting import (
    DRAFT,
    PREPARED,
    Answer,
    Debrief,
    FollowUp,
    Meeting,
    NeedVerdict,
    ObjectionOutcome,
)
from prep.reports.brief import brief_markdown
from prep.reports.export import export_csv, export_markdown
from prep.storage.store import Store


def _acme_debriefed() -> Meeting:
    meeting = debriefed_meeting(
        "Acme", 3, outcome="Pilot agreed for the Hamburg site", notes="Jane brought her IT lead.\nThey fear a long roll-out.",
        rating=4, contact_wish="less", contact_rhythm="monthly",
        objections={"objections/no-need": ObjectionOutcome(True, "partly"),
                    "objections/no-time": ObjectionOutcome(False, "")},
        unprepared=["Can you guarantee the go-live date?"],
        needs={"needs/situation": NeedVerdict("changed", "They moved to SAP last year"),
               "needs/problem": NeedVerdict("wrong", "")},
        followups=[FollowUp("Send the pilot plan", date(2026, 11, 27)),
                   FollowUp("Introduce us to IT", None, owner="customer", done=True)],
    )
    meeting.answers["objections/no-time"] = Answer(text="Offer twenty minutes", likelihood="possible")
    return meeting


def _section(markdown: str, title: str) -> str:
    """The text of one `## title` section of a brief."""
    return markdown.split(f"## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_the_brief_of_a_debriefed_meeting_tells_how_it_went() -> None:
    markdown = brief_markdown(_acme_debriefed())
    went = _section(markdown, "How it went")
    assert "**Outcome:** Pilot agreed for the Hamburg site" in went
    assert "**Relationship now:** 4/5" in went
    assert "they want less contact" in went and "monthly" in went
    assert "Jane brought her IT lead.  \nThey fear a long roll-out." in went  # the rep's lines stay lines
    # what happened comes before the plan is read again, right under the goal
    assert markdown.index("## How it went") < markdown.index("## Customer needs")


def test_each_prepared_objection_shows_how_it_landed_under_the_prepared_response() -> None:
    objections = _section(brief_markdown(_acme_debriefed()), "Likely objections").splitlines()
    no_need = objections.index("- **“We are fine as we are.”** — _likely_  ")
    assert objections[no_need + 1] == "  → Ask what works well  "
    assert objections[no_need + 2] == "  ⇒ _Came up; the answer landed partly._"
    no_time = objections.index("- **“I don't really have time for this right now.”** — _possible_  ")
    assert objections[no_time + 1:no_time + 3] == ["  → Offer twenty minutes  ", "  ⇒ _Did not come up._"]
    # an objection whose outcome was not recorded says nothing about it
    competitor = next(i for i, line in enumerate(objections) if "one of your competitors" in line)
    assert not objections[competitor + 2].startswith("  ⇒")
    assert objections[-3:] == ["### Came up unprepared", "", "- **“Can you guarantee the go-live date?”**"]


def test_each_need_hypothesis_shows_its_verdict_and_what_was_learned() -> None:
    needs = _section(brief_markdown(_acme_debriefed()), "Customer needs").splitlines()
    situation = next(i for i, line in enumerate(needs) if line.startswith("- **What is their situation today"))
    assert needs[situation + 1:situation + 3] == ["  Spreadsheets  ", "  ⇒ _Turned out different:_ They moved to SAP last year"]
    # a verdict on a need left empty before the meeting is shown too, instead of being counted as still open
    problem = next(i for i, line in enumerate(needs) if line.startswith("- **Which problem do you expect"))
    assert needs[problem + 1] == "  ⇒ _Proved wrong._"
    assert "Which problem" not in next(line for line in needs if line.startswith("- _Still open"))


def test_follow_ups_show_who_promised_what_by_when_and_whether_it_is_done() -> None:
    followups = _section(brief_markdown(_acme_debriefed()), "Follow-ups").strip().splitlines()
    assert followups == ["- ☐ Send the pilot plan — we promised, due Fri 27 Nov 2026",
                         "- ✓ Introduce us to IT — they promised, done"]


def test_the_brief_of_a_meeting_without_a_debrief_is_the_plan_alone() -> None:
    meeting = _acme_debriefed()
    for debrief in (None, Debrief()):  # a debrief opened and left empty records nothing
        meeting.debrief = debrief
        markdown = brief_markdown(meeting)
        assert "How it went" not in markdown and "Follow-ups" not in markdown and "⇒" not in markdown


def test_the_debriefed_brief_stays_inert_and_reads_at_80_columns() -> None:
    meeting = _acme_debriefed()
    meeting.debrief.notes = "\x1b[2Jwiped"  # type: ignore[union-attr]
    markdown = brief_markdown(meeting)
    assert "\x1b" not in markdown and "\\x1b[2Jwiped" in markdown
    # not a table: no line of what happened needs more than a screen's width to make sense of it
    assert "|" not in _section(markdown, "How it went") + _section(markdown, "Follow-ups")


def test_csv_status_tells_drafts_prepared_debriefed_and_cancelled_meetings_apart(db_path: Path) -> None:
    store = Store(db_path)
    debriefed = _acme_debriefed()
    prepared = debriefed_meeting("Brandt", -2)
    prepared.debrief = None
    opened = debriefed_meeting("Copper", 5)  # the debrief was opened, nothing written
    draft = debriefed_meeting("Dunmore", -5)
    draft.debrief, draft.status = None, DRAFT
    called_off = debriefed_meeting("Eastgate", -3)
    called_off.debrief, called_off.cancelled = None, NOW
    store.add_many([debriefed, prepared, opened, draft, called_off])
    rows = {row["customer"]: row["status"] for row in csv.DictReader(io.StringIO(export_csv(store, None)))}
    assert rows == {"Acme": "debriefed", "Brandt": "prepared", "Copper": "prepared", "Dunmore": "draft",
                    "Eastgate": "cancelled"}
    assert prepared.status == PREPARED


def test_csv_cells_stay_text_for_a_spreadsheet(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("=HYPERLINK(\"http://x\")", 3, outcome="+1 for the pilot"))
    row = next(csv.DictReader(io.StringIO(export_csv(store, None))))
    assert row["customer"].startswith("'=") and row["outcome"] == "'+1 for the pilot" and row["status"] == "debriefed"


def test_what_we_know_says_what_was_learned_not_only_that_it_changed(db_path: Path) -> None:
    store = Store(db_path)
    store.save(_acme_debriefed())
    known = customer_story(store, "Acme").what_we_know(NOW)
    assert known[0] == "20 Nov 2026 · First meeting · 4/5 · Pilot agreed for the Hamburg site"
    assert "Proved wrong: Which problem do you expect them to have, in their words rather than yours?" in known
    assert "Turned out different: They moved to SAP last year" in known
    assert "Open (we promised, 27 Nov): Send the pilot plan" in known
    assert "Introduce us to IT" not in " ".join(known)  # done, so not open
    assert known[-1] == "Relationship 4/5 · wants less contact, monthly"


def test_what_we_know_names_the_last_outcome_when_later_meetings_are_not_debriefed() -> None:
    earlier = debriefed_meeting("Acme", 40, outcome="Verbal yes, contract via procurement", rating=5)
    later = [debriefed_meeting("Acme", days) for days in (10, 5)]
    for meeting in later:
        meeting.debrief, meeting.goal = None, "Check the pilot's numbers"
    known = CustomerStory("Acme", [earlier, *later]).what_we_know(NOW)
    assert known[:3] == ["18 Nov 2026 · First meeting · not debriefed · goal: Check the pilot's numbers",
                         "13 Nov 2026 · First meeting · not debriefed · goal: Check the pilot's numbers",
                         "Last outcome (14 Oct 2026): Verbal yes, contract via procurement"]


def test_the_markdown_export_carries_what_happened(db_path: Path) -> None:
    store = Store(db_path)
    store.save(_acme_debriefed())
    exported = export_markdown(store, "Acme")
    for text in ("## How it went", "Pilot agreed for the Hamburg site", "⇒ _Came up; the answer landed partly._",
                 "⇒ _Turned out different:_ They moved to SAP last year", "### Came up unprepared",
                 "- ☐ Send the pilot plan — we promised, due Fri 27 Nov 2026"):
        assert text in exported
