"""What every prep screen shares: failed workers become a toast, not a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.worker import Worker

from prep.app import report_failure

if TYPE_CHECKING:
    from prep.app import PrepApp


class PrepScreen(Screen[object]):
    """A screen of the prep app."""

    @property
    def prep(self) -> PrepApp:
        """The running app, typed."""
        return cast("PrepApp", self.app)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self.app, event)
