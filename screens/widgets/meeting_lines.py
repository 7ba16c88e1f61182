"""How a meeting reads as one line in a list: the home screen's lists and the history, with what a search found."""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from prep.dates import shown_moment
from prep.insights.search import Excerpt
from prep.language import _
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert
from prep.screens.widgets.shown import markup

MATCH = "b u $text-accent"  # the words searched for, found: marked by more than colour alone


def meeting_line(meeting: MeetingSummary, *, detail: str = "") -> Text:
    """One meeting on one line: when, customer, and the goal or a detail; a cancelled one says so and is struck through."""
    cancelled = meeting.is_cancelled
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{shown_moment(meeting.when)}  ", style="dim strike" if cancelled else "dim")
    line.append(inert(meeting.customer, one_line=True), style="bold strike" if cancelled else "bold")
    if cancelled:
        line.append("  " + _("cancelled"), style="bold yellow")
        line.append(inert(f" · {detail or meeting.goal}", one_line=True), style="dim")
    else:
        line.append(inert(f"  {detail or meeting.goal}", one_line=True))
    return line


def meeting_hit(meeting: MeetingSummary, hit: Excerpt | None) -> Content:
    """One meeting in the history: when, customer, and the words around what a search found, each typed word marked.

    Without an excerpt (nothing typed, or the words were only in the customer's name) the
    line shows how the meeting ended, or its goal.
    """
    values: dict[str, object] = {"when": shown_moment(meeting.when), "customer": inert(meeting.customer, one_line=True)}
    if meeting.is_cancelled:  # as meeting_line shows it: said, and struck through
        template = "[dim strike]$when[/]  [b strike]$customer[/]  [b yellow]" + _("cancelled") + "[/]  "
    else:
        template = "[dim]$when  [/][b]$customer[/b]  " + (_("draft") + " · " if meeting.is_draft else "")
    if hit is None:
        values["detail"] = inert(meeting.outcome or meeting.goal, one_line=True)
        return markup(template + "$detail", **values)
    shown = 0
    for index, (start, end) in enumerate(hit.matches):
        template += f"$before{index}[{MATCH}]$match{index}[/]"
        values[f"before{index}"] = hit.text[shown:start]
        values[f"match{index}"] = hit.text[start:end]
        shown = end
    values["after"] = hit.text[shown:]
    return markup(template + "$after", **values)
