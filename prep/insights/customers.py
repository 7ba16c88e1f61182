"""Which customer the rep means, and what erasing one would remove."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from prep.errors import PrepError
from prep.model.summary import MeetingSummary
from prep.storage import Store


def resolve_customer(summaries: Iterable[MeetingSummary], typed: str) -> str:
    """The one customer the user means: exact (any case) first, else a unique part of the name."""
    names = sorted({s.customer for s in summaries}, key=str.lower)
    wanted = typed.strip().casefold()
    exact = [name for name in names if name.casefold() == wanted]
    if exact:
        return exact[0]
    partial = [name for name in names if wanted and wanted in name.casefold()]
    if len(partial) == 1:
        return partial[0]
    if partial:
        raise PrepError(f"{typed!r} matches several customers: {'; '.join(partial)} — give the full name")
    raise PrepError(f"no customer called {typed!r}; the names are listed in the app's history")


@dataclass(frozen=True)
class Erasure:
    """What forgetting a customer will remove."""

    customer: str
    meetings: list[MeetingSummary]

    @property
    def drafts(self) -> int:
        """Unfinished preparations among them."""
        return sum(m.is_draft for m in self.meetings)

    @property
    def followups(self) -> int:
        """Follow-ups recorded in their debriefs."""
        return sum(len(m.followups) for m in self.meetings)


def plan_erasure(store: Store, typed: str) -> Erasure:
    """Find the customer; ambiguous or unknown names are refused with what to do."""
    summaries = store.summaries()
    name = resolve_customer(summaries, typed)
    return Erasure(name, [s for s in summaries if s.customer == name])
