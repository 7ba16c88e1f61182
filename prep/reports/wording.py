"""Small pieces of wording shared by the screens, the CLI and the reports."""

from __future__ import annotations

from datetime import date

from prep.insights.customers import Erasure
from prep.insights.followups import OpenFollowUp
from prep.language import N_, _, ngettext, number
from prep.model.summary import MeetingSummary

NO_DATE = N_("no date")
OVERDUE = N_("overdue")
TODAY = N_("today")
FOLLOWUP_LINE = {"me": N_("{when}  {state}{text}  — {customer} (me)"),
                 "customer": N_("{when}  {state}{text}  — {customer} (customer)")}


def followup_lines(followups: list[OpenFollowUp], today: date) -> list[str]:
    """One line each: due date, overdue or not, what, whose, customer; the dates and states in columns."""
    lines = []
    dates = max(len("2026-11-25"), len(_(NO_DATE)))
    states = max(len(_(OVERDUE)), len(_(TODAY)))
    for item in followups:
        due = item.followup.due
        when = due.isoformat() if due else _(NO_DATE)
        state = _(OVERDUE) if due and due < today else (_(TODAY) if due == today else "")
        owner = item.followup.owner if item.followup.owner in FOLLOWUP_LINE else "customer"
        template = _(FOLLOWUP_LINE[owner])
        lines.append(template.format(when=when.ljust(dates), state=state.ljust(states) + " ", text=item.followup.text,
                                     customer=item.meeting.customer))
    return lines


def erasure_line(erasure: Erasure) -> str:
    """One line saying what forgetting a customer will remove."""
    meetings = ngettext("{count} meeting", "{count} meetings", len(erasure.meetings)).format(count=number(len(erasure.meetings)))
    drafts = ngettext("{count} draft", "{count} drafts", erasure.drafts).format(count=number(erasure.drafts))
    followups = ngettext("{count} follow-up", "{count} follow-ups", erasure.followups).format(count=number(erasure.followups))
    if not erasure.people:
        return _("{customer}: {meetings} ({drafts}) and {followups}, with every copy in journals and backups").format(
            customer=erasure.customer, meetings=meetings, drafts=drafts, followups=followups)
    people = ngettext("{count} person on their card", "{count} people on their card", erasure.people).format(
        count=number(erasure.people))
    return _("{customer}: {meetings} ({drafts}), {followups} and {people}, with every copy in journals and backups").format(
        customer=erasure.customer, meetings=meetings, drafts=drafts, followups=followups, people=people)


def mention_line(customer: str, meetings: list[MeetingSummary]) -> str:
    """One line naming the other customers' meetings that still mention an erased customer."""
    named = "; ".join(f"{m.customer} ({m.when:%Y-%m-%d})" for m in meetings)
    return ngettext("{customer} is still mentioned in {count} meeting of other customers: {named} — "
                    "edit them if that should go too",
                    "{customer} is still mentioned in {count} meetings of other customers: {named} — "
                    "edit them if that should go too", len(meetings)).format(
        customer=customer, count=number(len(meetings)), named=named)
