"""How the main screens look to a German rep at 80×24, on the German demo: German runs a third longer,
and every footer, tab, label and date must still fit."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SCREENS, fixed_now, press, settle
from prep.app import PrepApp

MAIN = ["home", "new-preparation", "walkthrough", "walkthrough-objections", "brief", "rehearsal", "debrief", "recap",
        "history", "timeline", "checklists", "help"]


@pytest.mark.parametrize("screen", MAIN)
def test_screen_looks_right_in_german(snap_compare, german_demo_db: Path, screen: str,  # type: ignore[no-untyped-def]
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    _, keys = SCREENS[screen]

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot.app, pilot)
        await press(pilot.app, pilot, *keys)

    assert snap_compare(PrepApp(german_demo_db, now=fixed_now), terminal_size=(80, 24), run_before=run_before)
