"""Follow-ups: what was promised, by whom, by when — listed, and as a calendar file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from prep.model.meeting import FollowUp
from prep.model.summary import MeetingSummary
from prep.storage import Store


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


