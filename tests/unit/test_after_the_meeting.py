"""After the meeting and before the next: debrief, follow-ups, the customer's story, exports."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from helpers import NOW, debriefed_meeting
from prep.insights.followups import open_followups
from prep.insights.search import Filters, search
from prep.insights.story import customer_story
from prep.model.meeting import (
    FollowUp,
    NeedVerdict,
    ObjectionOutcome,
)
from prep.reports.calendar import followups_ics
from prep.reports.export import export_csv
from prep.reports.trainer import export_trainer
from prep.storage.store import Store


def test_customer_story_tells_ratings_promises_objections_and_needs(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 60, rating=3, objections={"objections/no-need": ObjectionOutcome(True, "badly")},
                                 unprepared=["Your price list is out of date."],
                                 needs={"needs/situation": NeedVerdict("changed", "They moved to SAP")}))
    store.save(debriefed_meeting("Acme", 10, rating=4, contact_wish="less", contact_rhythm="monthly",
                                 followups=[FollowUp("Send the case study", NOW.date() - timedelta(days=2)),
                                            FollowUp("Intro to IT", None, owner="customer", done=True)]))
    story = customer_story(store, "Acme")
    assert [r for _, r in story.ratings()] == [3, 4]
    assert [f.text for _, f in story.followups(done=False)] == ["Send the case study"]
    assert [f.text for _, f in story.followups(done=True)] == ["Intro to IT"]
    assert story.objections_met() == [("We are fine as we are.", 1), ("Your price list is out of date.", 1)]
    assert story.need_verdicts()[0][1:] == ("changed", "They moved to SAP")
    warning = story.contact_warning(NOW + timedelta(days=3), NOW)
    assert warning and "13 days" in warning and "monthly" in warning
    assert story.contact_warning(NOW + timedelta(days=40), NOW) is None


def test_what_is_still_open_is_carried_forward(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 5, objections={"objections/no-need": ObjectionOutcome(True, "partly")},
                                 unprepared=["Can you start in January?"],
                                 needs={"needs/situation": NeedVerdict("wrong", "No spreadsheets at all")}))
    carried = customer_story(store, "Acme").carried_forward(NOW)
    assert any("wrong — No spreadsheets at all" in line for line in carried.needs)
    assert any("unanswered" in line for line in carried.needs)  # required `problem` was left empty
    assert carried.objections == ["“We are fine as we are.” (answer landed partly)",
                                  "“Can you start in January?” (came up unprepared)"]


def test_calendar_file_reads_back_with_stable_uids(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 3, followups=[FollowUp("Send offer", date(2026, 11, 30)),
                                                      FollowUp("No date yet"), FollowUp("Old", date(2026, 1, 1), done=True)]))
    first = Calendar.from_ical(followups_ics(open_followups(store), NOW))
    second = Calendar.from_ical(followups_ics(open_followups(store), NOW + timedelta(hours=1)))
    events = [c for c in first.walk("VEVENT")]
    assert [str(e["summary"]) for e in events] == ["Send offer — Acme"]
    assert events[0]["dtstart"].dt == date(2026, 11, 30)
    assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in second.walk("VEVENT")]


def test_csv_has_documented_columns(demo_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(Store(demo_db), None))))
    assert list(rows[0]) == ["id", "customer", "contact", "when", "goal", "status", "checklist", "outcome",
                             "rating", "contact_wish", "open_followups"]
    assert len(rows) == 24


def test_trainer_export_is_anonymous(demo_db: Path) -> None:
    store = Store(demo_db)
    text = export_trainer(store)
    document = json.loads(text)
    assert document["format"] == "prep-trainer-export" and document["meetings"] > 0
    for summary in store.summaries():
        assert summary.customer not in text and (not summary.contact or summary.contact not in text)
    objections = [o for c in document["checklists"] for o in c["objections"]]
    assert all(o["came_up_unprepared"] <= o["came_up"] for o in objections)
    assert sum(o["came_up"] for o in objections) > 0


def test_filters_narrow_the_history(demo_db: Path) -> None:
    summaries = Store(demo_db).summaries()
    brandt = search(summaries, "", Filters(customer="Brandt Logistik GmbH"))
    assert brandt and {s.customer for s in brandt} == {"Brandt Logistik GmbH"}
    recent = search(summaries, "", Filters(since=date(2026, 11, 1)))
    assert recent and all(s.when.date() >= date(2026, 11, 1) for s in recent)
    open_ones = search(summaries, "", Filters(open_followups=True))
    assert open_ones and all(s.has_open_followups for s in open_ones)
    narrowed = search(summaries, "budget frozen")
    assert 0 < len(narrowed) < len(summaries)
    assert all(b"budget" in s.text and b"frozen" in s.text for s in narrowed)
