"""Follow-ups: what was promised, by whom, by when — listed, and as a calendar file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from prep.meeting import FollowUp
from prep.store import MeetingSummary, Store


@dataclass(frozen=True)
class OpenFollowUp:
    """An open follow-up and the meeting it was promised in."""

    followup: FollowUp
    meeting: MeetingSummary

    @property
    def uid(self) -> str:
        """Stable across exports, so a calendar updates the entry instead of adding it again."""
        return f"{self.meeting.id}-{self.followup.id}@prep"


def open_followups(store: Store) -> list[OpenFollowUp]:
    """Every open follow-up, overdue first (oldest due date first), undated last."""
    found = [OpenFollowUp(f, m) for m in store.summaries() for f in m.followups if not f.done]
    return sorted(found, key=lambda o: (o.followup.due or date.max, o.meeting.customer, o.followup.text))


def followup_lines(followups: list[OpenFollowUp], today: date) -> list[str]:
    """One line each: due date, overdue or not, what, whose, customer."""
    lines = []
    for item in followups:
        due = item.followup.due
        when = due.isoformat() if due else "no date   "
        state = "overdue " if due and due < today else ("today   " if due == today else "        ")
        owner = "me" if item.followup.owner == "me" else "customer"
        lines.append(f"{when}  {state}{item.followup.text}  — {item.meeting.customer} ({owner})")
    return lines


def followups_ics(followups: list[OpenFollowUp], now: datetime) -> bytes:
    """A calendar (RFC 5545) with one all-day entry per dated open follow-up."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//prep//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "prep follow-ups")
    for item in followups:
        due = item.followup.due
        if due is None:
            continue
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", now)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        who = "" if item.followup.owner == "me" else " (customer)"
        event.add("summary", f"{item.followup.text}{who} — {item.meeting.customer}")
        event.add("description", f"Promised in the meeting of {item.meeting.when:%d %b %Y} with {item.meeting.customer}.")
        calendar.add_component(event)
    return calendar.to_ical()
