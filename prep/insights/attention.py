"""What needs the rep's attention when they open prep: drafts, meetings coming up, follow-ups due."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from prep.model.meeting import FollowUp
from prep.model.summary import MeetingSummary


@dataclass(frozen=True)
class DueFollowUp:
    """An open follow-up with the meeting it came from."""

    followup: FollowUp
    meeting: MeetingSummary

    def is_overdue(self, today: date) -> bool:
        """Due before today."""
        return self.followup.due is not None and self.followup.due < today


@dataclass
class Attention:
    """The home screen's lists, each in the order a rep would work through it."""

    drafts: list[MeetingSummary] = field(default_factory=list)
    upcoming: list[MeetingSummary] = field(default_factory=list)
    followups: list[DueFollowUp] = field(default_factory=list)
    recent: list[MeetingSummary] = field(default_factory=list)
    total: int = 0


def what_needs_attention(meetings: Iterable[MeetingSummary], now: datetime, *, recent: int = 5,
                         followup_horizon: int = 7) -> Attention:
    """Sort the meetings into what the home screen shows; a cancelled meeting is neither a draft nor coming up."""
    attention = Attention()
    horizon = now.date() + timedelta(days=followup_horizon)
    for meeting in meetings:
        attention.total += 1
        if meeting.is_cancelled:
            # Called off: nothing to prepare or walk into. Once past, it is history like any other.
            if meeting.when < now:
                attention.recent.append(meeting)
        elif meeting.is_draft:
            attention.drafts.append(meeting)
        elif meeting.when >= now:
            attention.upcoming.append(meeting)
        else:
            attention.recent.append(meeting)
        for followup in meeting.followups:
            if not followup.done and followup.due is not None and followup.due <= horizon:
                attention.followups.append(DueFollowUp(followup, meeting))
    # Ties are broken by id so that the same data always shows in the same order.
    attention.drafts.sort(key=lambda m: (m.updated, m.id), reverse=True)
    attention.upcoming.sort(key=lambda m: (m.when, m.id))
    attention.followups.sort(key=lambda d: (d.followup.due or date.max, d.meeting.id, d.followup.text))
    attention.recent.sort(key=lambda m: (m.when, m.id), reverse=True)
    del attention.recent[recent:]
    return attention
