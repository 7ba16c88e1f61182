"""Before planning a meeting: another one with the customer near that day, and contact counted both ways."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from helpers import NOW, debriefed_meeting
from prep.insights.planning import planned_nearby
from prep.insights.story import customer_story
from prep.library.loader import load_library
from prep.model.meeting import PREPARED, Meeting
from prep.model.summary import summarise
from prep.storage.store import Store


def _meeting(customer: str, days_ahead: float, *, draft: bool = True) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=NOW + timedelta(days=days_ahead), checklist=checklist,
                   status="draft" if draft else PREPARED)


def test_a_draft_or_meeting_with_the_customer_within_three_days_is_found_nearest_first() -> None:
    meetings = [_meeting("Acme Tools", 2), _meeting("acme  tools", 5, draft=False), _meeting("Acme Tools", -1, draft=False),
                _meeting("Brandt", 2), _meeting("Acme Tools", 9)]
    summaries = [summarise(m, m.checklist.title) for m in meetings]
    found = planned_nearby(summaries, "Acme Tools", NOW + timedelta(days=3))
    assert [s.id for s in found] == [meetings[0].id, meetings[1].id]
    # Two days back reaches yesterday's meeting; the one being changed is never near itself.
    found = planned_nearby(summaries, "ACME TOOLS", NOW + timedelta(days=1), exclude=meetings[0].id)
    assert [s.id for s in found] == [meetings[2].id]
    assert planned_nearby(summaries, "Acme Tools", NOW + timedelta(days=20)) == []


def test_the_contact_warning_counts_a_meeting_still_to_come(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 60, rating=4, contact_rhythm="monthly"))
    upcoming = _meeting("Acme", 10, draft=False)
    store.save(upcoming)
    story = customer_story(store, "Acme")
    # 60 days after the last meeting, but only 6 before the one already planned.
    warning = story.contact_warning(NOW + timedelta(days=4), NOW)
    assert warning == ("Contact is running ahead of what Acme asked for: another meeting is planned 6 days after this one, "
                       "and they want contact monthly.")
    # Rescheduling the planned meeting itself is not contact next to itself.
    assert story.contact_warning(NOW + timedelta(days=4), NOW, exclude=upcoming.id) is None
    assert story.contact_warning(NOW + timedelta(days=45), NOW) is None


def test_a_customer_who_wants_less_contact_is_warned_about_a_draft_planned_close_by(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 90, contact_wish="less"))
    store.save(_meeting("Acme", 3))
    warning = customer_story(store, "Acme").contact_warning(NOW + timedelta(days=1), NOW)
    assert warning == "Acme asked for less contact at the last meeting, and another meeting is planned 2 days after this one."


def test_a_cancelled_meeting_is_neither_nearby_nor_contact(db_path: Path) -> None:
    called_off = _meeting("Acme", 10, draft=False)
    called_off.cancelled = NOW
    assert planned_nearby([summarise(called_off, "First meeting")], "Acme", NOW + timedelta(days=9)) == []
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 60, rating=4, contact_rhythm="monthly"))
    store.save(called_off)
    assert customer_story(store, "Acme").contact_warning(NOW + timedelta(days=4), NOW) is None
