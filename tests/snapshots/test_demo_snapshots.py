"""How the demo looks: its title, and the question on leaving it with meetings the rep prepared."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import fixed_now, press, settle, start_preparation
from prep.app import PrepApp
from prep.demo import DemoRun
from prep.storage.store import Store


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_leaving_the_demo_asks_about_what_the_rep_prepared(snap_compare, demo_db: Path,  # type: ignore[no-untyped-def]
                                                           size: tuple[int, int]) -> None:
    shipped = frozenset(summary.id for summary in Store(demo_db).summaries())
    app = PrepApp(demo_db, now=fixed_now, demo=DemoRun(shipped, Path("/home/rep/.local/share/prep/prep.json")))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot.app, pilot)
        await start_preparation(pilot.app, pilot, "Acme Tools")
        await press(pilot.app, pilot, "ctrl+q")

    assert snap_compare(app, terminal_size=size, run_before=run_before)
