"""Home shows drafts, meetings coming up, follow-ups due within a week and the five latest meetings,
from the few rows read first, just as if every meeting had been read."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from pathlib import Path

from helpers import NOW, fixed_now
from prep.insights.attention import Attention, what_needs_attention
from prep.library.loader import load_library
from prep.model.checklist import Checklist
from prep.model.meeting import DRAFT, PREPARED, Debrief, FollowUp, Meeting
from prep.storage.store import Store

TODAY = NOW.date()


def meeting_with(checklist: Checklist, customer: str, days: int, *, status: str = PREPARED,
            followups: tuple[FollowUp, ...] = (), edited_hours_ago: int = 24) -> Meeting:
    found = Meeting(customer=customer, when=NOW + timedelta(days=days), checklist=checklist, status=status,
                    goal=f"{customer} goal", updated=NOW - timedelta(hours=edited_hours_ago), id=customer)
    if followups:
        found.debrief = Debrief(outcome="Talked it through", followups=list(followups))
    return found


def a_history() -> list[Meeting]:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = partial(meeting_with, checklist)
    return [
        meeting("Draft started long ago", -60, status=DRAFT, edited_hours_ago=2),
        meeting("Draft for next week", 2, status=DRAFT, edited_hours_ago=1),
        meeting("Tomorrow", 1),
        meeting("Next week", 6),
        meeting("In a year", 365),
        meeting("Yesterday", -1),
        meeting("Overdue promise", -10, followups=(FollowUp("Send the offer", due=TODAY - timedelta(days=3)),)),
        meeting("Promise this week", -2, followups=(FollowUp("Call back", due=TODAY + timedelta(days=5)),)),
        meeting("Promise next month", -3, followups=(FollowUp("Check in", due=TODAY + timedelta(days=20)),)),
        meeting("Promise kept", -4, followups=(FollowUp("Send slides", due=TODAY + timedelta(days=1), done=True),)),
        meeting("Promise without a date", -5, followups=(FollowUp("Introduce a colleague"),)),
        meeting("Last week", -7),
        *(meeting(f"Old customer {index}", -30 - index) for index in range(40)),
        meeting("Long ago", -800),
    ]


def shown(attention: Attention) -> dict[str, list[str]]:
    return {
        "drafts": [m.customer for m in attention.drafts],
        "upcoming": [m.customer for m in attention.upcoming],
        "followups": [f"{due.meeting.customer}: {due.followup.text}" for due in attention.followups],
        "recent": [m.customer for m in attention.recent],
    }


def a_store(db_path: Path) -> Store:
    """The history, written and folded into the snapshot as after a day's work, then opened afresh."""
    store = Store(db_path, clock=fixed_now)
    store.add_many(a_history())
    store.compact()
    store.close()
    return Store(db_path, clock=fixed_now)


def test_home_shows_drafts_upcoming_follow_ups_due_this_week_and_the_latest_meetings(db_path: Path) -> None:
    store = a_store(db_path)
    home = store.home_summaries()
    assert len(home) < store.count()  # home does not wait for the whole history
    assert shown(what_needs_attention(home, NOW)) == {
        "drafts": ["Draft for next week", "Draft started long ago"],
        "upcoming": ["Tomorrow", "Next week", "In a year"],
        "followups": ["Overdue promise: Send the offer", "Promise this week: Call back"],
        "recent": ["Yesterday", "Promise this week", "Promise next month", "Promise kept", "Promise without a date"],
    }
    assert shown(what_needs_attention(home, NOW)) == shown(what_needs_attention(store.summaries(), NOW))


def test_an_old_meeting_changed_since_is_on_home_at_the_next_start(db_path: Path) -> None:
    store = a_store(db_path)
    again = store.meeting("Long ago")
    assert again is not None
    again.debrief = Debrief(outcome="They called again", followups=[FollowUp("Send the new price", due=TODAY)])
    store.save(again)
    store.close()

    for _ in range(2):  # from the journal, then from the snapshot it is folded into
        reopened = Store(db_path, clock=fixed_now)
        followups = shown(what_needs_attention(reopened.home_summaries(), NOW))["followups"]
        assert followups == ["Overdue promise: Send the offer", "Long ago: Send the new price",
                             "Promise this week: Call back"]
        reopened.compact()
        reopened.close()


def test_a_cancelled_meeting_or_draft_is_not_coming_up_nor_to_finish_but_stays_in_history(db_path: Path) -> None:
    store = a_store(db_path)
    for meeting_id in ("Tomorrow", "Draft for next week", "Yesterday"):
        meeting = store.meeting(meeting_id)
        assert meeting is not None
        meeting.cancelled = NOW  # type: ignore[assignment]
        store.save(meeting)
    attention = shown(what_needs_attention(store.home_summaries(), NOW))
    assert attention["drafts"] == ["Draft started long ago"]
    assert attention["upcoming"] == ["Next week", "In a year"]
    assert attention["recent"][0] == "Yesterday"  # it was to happen then: the rep sees it was called off
    states = {s.id: s.state for s in store.summaries()}
    assert [states[key] for key in ("Tomorrow", "Draft for next week", "Next week", "Overdue promise", "Draft started long ago")] \
        == ["cancelled", "cancelled", "prepared", "debriefed", "draft"]
    again = store.meeting("Tomorrow")
    assert again is not None and again.state == "cancelled" and again.cancelled == NOW
