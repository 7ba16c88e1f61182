"""Finding meetings: the words typed and the history's filters, over the summaries in memory."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from prep.model.summary import MeetingSummary


@dataclass(frozen=True)
class Filters:
    """What the history can be narrowed to, besides the words typed."""

    customer: str | None = None
    since: date | None = None
    until: date | None = None
    checklist: str | None = None
    open_followups: bool = False

    def keeps(self, summary: MeetingSummary) -> bool:
        """True when the meeting passes every filter that is set."""
        return (
            (self.customer is None or summary.customer == self.customer)
            and (self.since is None or summary.when.date() >= self.since)
            and (self.until is None or summary.when.date() <= self.until)
            and (self.checklist is None or summary.checklist_title == self.checklist)
            and (not self.open_followups or summary.has_open_followups)
        )


NO_FILTERS = Filters()


def search(summaries: Iterable[MeetingSummary], text: str, filters: Filters = NO_FILTERS) -> list[MeetingSummary]:
    """The meetings whose customer, contact, goal, answers, notes or follow-ups contain every word typed."""
    words = [word.encode() for word in text.lower().split()]
    if filters != NO_FILTERS:
        summaries = [s for s in summaries if filters.keeps(s)]
    if not words:
        return list(summaries)
    if len(words) == 1:
        word = words[0]
        return [s for s in summaries if word in s.text]
    return [s for s in summaries if all(word in s.text for word in words)]
