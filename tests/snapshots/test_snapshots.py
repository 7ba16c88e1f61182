"""How every screen and modal looks at 80×24 and 120×40, in a dark and a light theme.

The demo history at a fixed moment. Update a snapshot only after looking at the report:
`pytest --snapshot-update`, then open snapshot_report.html.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

import pytest
from helpers import fixed_now
from textual.worker import WorkerFailed

from prep.app import PrepApp

SIZES = [(80, 24), (120, 40)]
THEMES = ["textual-dark", "textual-light"]

# Each screen, and the keys that reach it from the home screen of the demo history.
SCREENS = {
    "home": (),
    "new-preparation": ("n",),
    "walkthrough": ("enter",),
    "walkthrough-objections": ("enter", "pagedown"),
    "missing-items": ("enter", "ctrl+s"),
    "brief": ("tab", "enter"),
    "rehearsal": ("tab", "enter", "r"),
    "debrief": ("tab", "tab", "tab", "d"),
    "history": ("h",),
    "timeline": ("h", "down", "t"),
    "checklists": ("c",),
    "help": ("question_mark",),
}


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    for _ in range(2):
        with contextlib.suppress(WorkerFailed):
            await app.workers.wait_for_complete()
        await asyncio.to_thread(app.autosave.wait)
        await pilot.pause()


def after(*keys: str, theme: str = "textual-dark"):  # type: ignore[no-untyped-def]
    """Wait for the home screen, press these keys one by one, and let each settle."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = theme
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_looks_right(snap_compare, demo_db: Path, screen: str, size: tuple[int, int], theme: str) -> None:  # type: ignore[no-untyped-def]
    app = PrepApp(demo_db, now=fixed_now)
    assert snap_compare(app, terminal_size=size, run_before=after(*SCREENS[screen], theme=theme))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_home_on_an_empty_database_invites_a_first_preparation(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(db_path, now=fixed_now), terminal_size=size, run_before=after())
