"""What lists, the home screen and search show of a meeting, without rebuilding its checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from sys import intern

from prep.model.meeting import DRAFT, FollowUp, MeetingRecord, meeting_state


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
    cancelled: datetime | None = None
    debriefed: bool = False
    attended: tuple[str, ...] = ()  # who was there, else who was planned (`MeetingRecord.attended`)
    text: bytes = field(default=b"", repr=False, compare=False)

    @property
    def is_draft(self) -> bool:
        """True while the preparation is unfinished."""
        return self.status == DRAFT

    @property
    def is_cancelled(self) -> bool:
        """True once the rep called the meeting off."""
        return self.cancelled is not None

    @property
    def state(self) -> str:
        """draft, prepared, debriefed or cancelled (see `Meeting.state`)."""
        return meeting_state(self.status, self.cancelled is not None, self.debriefed)

    @property
    def has_open_followups(self) -> bool:
        """True while something promised is not done."""
        return any(not f.done for f in self.followups)


def summarise(record: MeetingRecord, checklist_title: str) -> MeetingSummary:
    """What lists and search need of a meeting."""
    debrief = record.debrief
    # 50,000 summaries stay in memory: the few distinct names, titles and
    # phrases are shared rather than held once per meeting.
    return MeetingSummary(
        id=record.id, customer=intern(record.customer), contact=intern(record.with_whom),
        when=record.when, goal=intern(record.goal), status=intern(record.status),
        checklist_title=intern(checklist_title), updated=record.updated,
        followups=tuple(debrief.followups) if debrief else (),
        outcome=intern(debrief.outcome) if debrief else "",
        cancelled=record.cancelled, debriefed=debrief is not None and not debrief.is_empty,
        attended=tuple(intern(name) for name in record.attended),
        text=_search_text(record),
    )


def _search_text(record: MeetingRecord) -> bytes:
    """Everything the rep wrote about a meeting, lower-cased, for substring search.

    Kept as UTF-8: one dash or curly quote would make a str take two bytes a
    character, and 50,000 of these stay in memory.
    """
    parts = [record.customer, record.with_whom, record.goal]
    parts += [answer.text for answer in record.answers.values()]
    debrief = record.debrief
    if debrief is not None:
        parts += [debrief.outcome, debrief.notes]
        parts += [f.text for f in debrief.followups]
    return "\n".join(part for part in parts if part).lower().encode()
