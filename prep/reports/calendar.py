"""Follow-ups as a calendar file (RFC 5545) that every calendar program imports.

RFC 5545 allows no control character in TEXT but tab; icalendar writes a newline as
`\\n` itself but lets ESC, NUL or C1 through. Each is written as a visible escape first,
as prep does on the terminal: the file stays valid, and inert if it is ever shown raw.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from prep.dates import shown_date
from prep.insights.followups import OpenFollowUp
from prep.language import N_, _
from prep.reports.inert import inert

CALENDAR_NAME = N_("prep follow-ups")
SUMMARY = {"me": N_("{text} — {customer}"), "customer": N_("{text} (customer) — {customer}")}
DESCRIPTION = N_("Promised in the meeting of {when} with {customer}.")


def followups_ics(followups: list[OpenFollowUp], now: datetime) -> bytes:
    """A calendar (RFC 5545) with one all-day entry per dated open follow-up, in the rep's language."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//prep//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _(CALENDAR_NAME))
    for item in followups:
        due = item.followup.due
        if due is None:
            continue
        event = Event()
        event.add("uid", inert(item.uid, one_line=True))  # the ids of an imported file may be anything
        event.add("dtstamp", now)
        event.add("dtstart", due)
        event.add("dtend", due + timedelta(days=1))
        owner = item.followup.owner if item.followup.owner in SUMMARY else "customer"
        summary = _(SUMMARY[owner])
        event.add("summary", inert(summary.format(text=item.followup.text, customer=item.meeting.customer)))
        event.add("description", inert(_(DESCRIPTION).format(when=shown_date(item.meeting.when), customer=item.meeting.customer)))
        calendar.add_component(event)
    return calendar.to_ical()
