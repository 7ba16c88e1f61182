"""How the screens look at 80×24, on the demo history at a fixed moment.

Update a snapshot only after looking at the report: `pytest --snapshot-update`.
"""

from __future__ import annotations

import asyncio
import contextlib
from pathlib import Path

from textual.worker import WorkerFailed

from conftest import fixed_now
from prep.app import PrepApp

SIZE = (80, 24)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    app = pilot.app
    with contextlib.suppress(WorkerFailed):  # a failed worker is shown to the rep; tests look at that
        await app.workers.wait_for_complete()
    await asyncio.to_thread(app.autosave.wait)
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def after(*keys: str):  # type: ignore[no-untyped-def]
    """Wait for the home screen, press these keys one by one, and let each settle."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_home_shows_drafts_meetings_and_followups(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after())


def test_home_on_an_empty_database_invites_a_first_preparation(snap_compare, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(db_path, now=fixed_now), terminal_size=SIZE, run_before=after())


def test_walkthrough_of_the_demo_draft(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("enter"))


def test_objections_step_shows_suggested_responses(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("enter", "pagedown"))


def test_brief_of_a_prepared_meeting(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    # tab: from the drafts to the meetings coming up
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("tab", "enter"))


def test_new_preparation_form(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("n"))


def test_checklists_screen(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("c"))


def test_debrief_screen(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    # tab, tab: to the follow-ups list; shift+tab back would be the meetings coming up
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE,
                        run_before=after("tab", "tab", "tab", "d"))


def test_history_screen(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE, run_before=after("h"))


def test_customer_timeline(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=SIZE,
                        run_before=after("h", "down", "t"))
