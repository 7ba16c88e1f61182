"""How the screens a rep lives in look in a small (60×20) and a big (160×50) terminal.

At 60×20 nothing essential is cut: the step tabs shorten, the footer keeps quit and help.
At 160×50 the home lists use the height. Update only after looking at the report.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SCREENS, fixed_now, press, settle
from prep.app import PrepApp

CASES = [("home", (60, 20)), ("walkthrough", (60, 20)), ("brief", (60, 20)), ("debrief", (60, 20)),
         ("new-preparation", (60, 20)), ("home", (160, 50)), ("brief", (160, 50))]


@pytest.mark.parametrize(("screen", "size"), [
    pytest.param(screen, size, id=f"{screen}-{size[0]}x{size[1]}") for screen, size in CASES
])
def test_screen_fits_the_terminal(snap_compare, demo_db: Path, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    _, keys = SCREENS[screen]

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot.app, pilot)
        await press(pilot.app, pilot, *keys)

    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=size, run_before=run_before)
