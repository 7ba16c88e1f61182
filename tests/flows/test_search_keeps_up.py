"""History's search shows the results of what is in the box, never of an older search that finished late."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from textual.widgets import Input

import prep.screens.history as history
from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp


async def test_an_older_search_that_finishes_late_is_not_shown(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    current = history.get_current_worker
    shown: list[str] = []

    class HeldUp:
        """The search for "brandt", held up just after it found itself not cancelled (as a busy machine may)."""

        def __init__(self, worker) -> None:  # type: ignore[no-untyped-def]
            self.worker = worker

        @property
        def is_cancelled(self) -> bool:
            cancelled = self.worker.is_cancelled
            if not cancelled and self.worker.description.startswith("filter('brandt',"):
                time.sleep(1)
            return cancelled

    def show(screen, found, text, hits) -> None:  # type: ignore[no-untyped-def]
        shown.append(text)
        real_show(screen, found, text, hits)

    real_show = history.HistoryScreen.show
    monkeypatch.setattr(history, "get_current_worker", lambda: HeldUp(current()))
    monkeypatch.setattr(history.HistoryScreen, "show", show)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        await type_text(pilot, "brandt feedback")
        await asyncio.sleep(1.5)  # the held-up search has finished by now
        await settle(app, pilot)
        assert app.screen.query_one("#filter", Input).value == "brandt feedback"
        assert shown and shown[-1] == "brandt feedback" and "brandt" not in shown
