"""What every prep screen shares: what a screen may ask of the app, and failed workers shown as a toast.

Screens never import the app: the app imports them (it pushes the first screen, opens
meetings, lists every binding), so a screen sees the app only as the `PrepHost` below.
That keeps the import graph free of cycles, and says in one place what screens use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Protocol, cast

from textual.app import App
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from prep.errors import PrepError
from prep.model.merge import merge

if TYPE_CHECKING:
    from prep.library.loader import Library
    from prep.model.meeting import Meeting
    from prep.settings import Settings
    from prep.storage import Autosave, Store

SAVE_DELAY = 0.3  # seconds of quiet before what was typed is written; leaving or quitting writes at once


class PrepHost(Protocol):
    """The part of the running app that screens use (PrepApp provides it)."""

    settings: Settings
    store: Store
    autosave: Autosave
    now: Callable[[], datetime]
    unfinished_form: dict[str, str]

    def load_library(self) -> Library:
        """Every checklist (slow: call it in a worker)."""

    def open_meeting(self, meeting_id: str, *, debrief: bool = False) -> None:
        """Load a meeting and show it on the screen that fits it."""

    def show_meeting(self, meeting: Meeting | None, *, debrief: bool = False, replace: bool = False) -> None:
        """Show a meeting on the screen that fits it, on top of this one or instead of it."""

    def change_plan(self, meeting: Meeting, then: Callable[[Meeting | None], object]) -> None:
        """The new-preparation form on a meeting's plan; `then` gets the saved meeting, or None when the rep left."""

    def mark_followup_done(self, meeting_id: str, followup_id: str) -> None:
        """Tick off a follow-up; the screen gets FollowUpDone once it is saved."""

    def go_home(self) -> None:
        """Back to the home screen, closing everything above it."""


class FollowUpDone(Message):
    """A follow-up was marked done and saved; lists that show it reload."""


def report_failure(app: App[object], event: Worker.StateChanged) -> None:
    """Show a failed worker's error as a toast: one clear line, never a traceback."""
    if event.state != WorkerState.ERROR or event.worker.error is None:
        return
    error = event.worker.error
    message = str(error) if isinstance(error, PrepError) else f"Something went wrong: {error!r}"
    app.log.error(event.worker.error)
    app.notify(message, title="prep", severity="error", timeout=12)


class PrepScreen(Screen[object]):
    """A screen of the prep app."""

    @property
    def prep(self) -> PrepHost:
        """The running app, as far as screens use it."""
        return cast("PrepHost", self.app)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self.app, event)


class EditingScreen(PrepScreen):
    """A screen where the rep writes into a meeting: saved while typing, off the UI thread."""

    meeting: Meeting
    _timer: Timer | None = None

    def schedule_save(self) -> None:
        """Save after a short quiet moment, so a burst of typing is one write."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush_draft)

    def flush_draft(self) -> None:
        """Hand the meeting to the autosave now (the app calls this before quitting)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.meeting.updated = self.prep.now().replace(microsecond=0)
        self.prep.autosave.save(self.meeting)

    def adopt(self, saved: Meeting, merged: Meeting) -> None:
        """Take another window's changes: `merged` is what was written when `saved` met them.

        What the rep typed since `saved` is merged once more, so nothing typed in
        between is lost; then the screen shows the merged meeting.
        """
        self.meeting, _ = merge(saved, self.meeting, merged)
        self.meeting_replaced()
        self.call_later(self.show_meeting_again)

    def meeting_replaced(self) -> None:
        """Point whatever the screen keeps of the meeting at the new one, before the next key arrives."""

    async def show_meeting_again(self) -> None:
        """Show `self.meeting` anew after it was replaced (each editing screen knows how)."""
        await self.recompose()
