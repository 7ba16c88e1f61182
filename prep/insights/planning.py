"""Before a meeting is planned: is another one with the customer already on or near that day?

A rep who forgot the draft they started on Monday starts a second one on Wednesday;
a rep who books a meeting two days after another annoys the customer. The form says
so, with the other meeting at hand, before anything is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from prep.model.summary import MeetingSummary

NEARBY_DAYS = 3


def same_customer(a: str, b: str) -> bool:
    """`acme  tools` and `Acme Tools` are one customer: case and spacing do not make another."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def planned_nearby(meetings: Iterable[MeetingSummary], customer: str, when: datetime, *,
                   days: int = NEARBY_DAYS, exclude: str | None = None) -> list[MeetingSummary]:
    """Other meetings and drafts with this customer within `days` calendar days of `when`, nearest first.

    `exclude` is the meeting being changed, which is never near itself; a cancelled meeting is no longer planned.
    """
    found = [m for m in meetings
             if m.id != exclude and not m.is_cancelled and same_customer(m.customer, customer)
             and abs((m.when.date() - when.date()).days) <= days]
    return sorted(found, key=lambda m: (abs((m.when - when).total_seconds()), m.id))
