"""How a meeting reads as one line in a list: the home screen's lists and the history."""

from __future__ import annotations

from rich.text import Text

from prep.model.summary import MeetingSummary
from prep.reports.inert import inert


def meeting_line(meeting: MeetingSummary, *, detail: str = "") -> Text:
    """One meeting on one line: when, customer, and the goal or a detail; a cancelled one says so and is struck through."""
    cancelled = meeting.is_cancelled
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{meeting.when:%a %d %b %H:%M}  ", style="dim strike" if cancelled else "dim")
    line.append(inert(meeting.customer, one_line=True), style="bold strike" if cancelled else "bold")
    if cancelled:
        line.append("  cancelled", style="bold yellow")
        line.append(inert(f" · {detail or meeting.goal}", one_line=True), style="dim")
    else:
        line.append(inert(f"  {detail or meeting.goal}", one_line=True))
    return line

