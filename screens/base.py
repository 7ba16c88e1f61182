"""What every prep screen shares: failed workers become a toast, not a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker

from prep.app import report_failure

if TYPE_CHECKING:
    from prep.app import PrepApp
    from prep.model.meeting import Meeting

SAVE_DELAY = 0.3  # seconds of quiet before what was typed is written; leaving or quitting writes at once


class PrepScreen(Screen[object]):
    """A screen of the prep app."""

    @property
    def prep(self) -> PrepApp:
        """The running app, typed."""
        return cast("PrepApp", self.app)

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
