"""What lists, the home screen and search show of a meeting, without rebuilding its checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from sys import intern
from typing import Any

from prep.model.meeting import DRAFT, FollowUp


@dataclass(frozen=True, slots=True)
class MeetingSummary:
    """What lists show of a meeting, without rebuilding its checklist."""

    id: str
    customer: str
    contact: str
    when: datetime
    goal: str
    status: str
    checklist_title: str
    updated: datetime
    followups: tuple[FollowUp, ...] = ()
    outcome: str = ""
    text: bytes = field(default=b"", repr=False, compare=False)

    @property
    def is_draft(self) -> bool:
        """True while the preparation is unfinished."""
        return self.status == DRAFT

    @property
    def has_open_followups(self) -> bool:
        """True while something promised is not done."""
        return any(not f.done for f in self.followups)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingSummary:
        """Summarise a stored meeting row."""
        debrief = data.get("debrief") or {}
        # 50,000 summaries stay in memory: the few distinct names, titles and
        # phrases are shared rather than held once per meeting.
        return cls(
            id=data["id"], customer=intern(data["customer"]), contact=intern(data.get("contact", "")),
            when=datetime.fromisoformat(data["when"]), goal=intern(data.get("goal", "")),
            status=intern(data.get("status", DRAFT)),
            checklist_title=intern(data.get("checklist_title") or (data.get("checklist") or {}).get("title", "")),
            updated=datetime.fromisoformat(data["updated"]),
            followups=tuple(FollowUp.from_dict(f) for f in debrief.get("followups", [])),
            outcome=intern(debrief.get("outcome", "")),
            text=_search_text(data),
        )


def _search_text(data: dict[str, Any]) -> bytes:
    """Everything the rep wrote about a meeting, lower-cased, for substring search.

    Kept as UTF-8: one dash or curly quote would make a str take two bytes a
    character, and 50,000 of these stay in memory.
    """
    parts = [data["customer"], data.get("contact", ""), data.get("goal", "")]
    parts += [answer.get("text", "") for answer in data.get("answers", {}).values()]
    debrief = data.get("debrief") or {}
    parts += [debrief.get("outcome", ""), debrief.get("notes", "")]
    parts += [f.get("text", "") for f in debrief.get("followups", [])]
    return "\n".join(part for part in parts if part).lower().encode()
