"""Small pieces of wording shared by the screens, the CLI and the reports."""

from __future__ import annotations

from datetime import date

from prep.insights.customers import Erasure
from prep.insights.followups import OpenFollowUp
from prep.model.summary import MeetingSummary


def counted(number: int, noun: str) -> str:
    """`1 draft`, `3 drafts`: counts the way a rep reads them."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


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


def erasure_line(erasure: Erasure) -> str:
    """One line saying what forgetting a customer will remove."""
    return (f"{erasure.customer}: {counted(len(erasure.meetings), 'meeting')} ({counted(erasure.drafts, 'draft')}) "
            f"and {counted(erasure.followups, 'follow-up')}, with every copy in journals and backups")


def mention_line(customer: str, meetings: list[MeetingSummary]) -> str:
    """One line naming the other customers' meetings that still mention an erased customer."""
    named = "; ".join(f"{m.customer} ({m.when:%Y-%m-%d})" for m in meetings)
    return (f"{customer} is still mentioned in {counted(len(meetings), 'meeting')} of other customers: {named} — "
            "edit them if that should go too")
