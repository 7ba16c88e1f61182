"""How every screen and modal looks at 80×24 and 120×40 in the dark theme, and the main ones in the light theme.

The demo history at a fixed moment. Update a snapshot only after looking at the report:
`pytest --snapshot-update`, then open snapshot_report.html. Snapshots of cases that are
no longer here are not deleted by the update: remove their SVGs by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SCREENS, fixed_now, press, settle
from prep.app import PrepApp

SIZES = [(80, 24), (120, 40)]
# The light theme shares every layout with the dark one: the screens a rep spends time on are enough.
LIGHT = ["home", "brief", "debrief", "walkthrough"]
CASES = [(screen, size, "textual-dark") for screen in SCREENS for size in SIZES]
CASES += [(screen, (80, 24), "textual-light") for screen in LIGHT]


def after(*keys: str, theme: str = "textual-dark"):  # type: ignore[no-untyped-def]
    """Wait for the home screen, press these keys one by one, and let each settle."""

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        pilot.app.theme = theme
        await settle(pilot.app, pilot)
        await press(pilot.app, pilot, *keys)

    return run_before


@pytest.mark.parametrize(("screen", "size", "theme"), [
    pytest.param(screen, size, theme, id=f"{screen}-{size[0]}x{size[1]}-{theme}") for screen, size, theme in CASES
])
def test_screen_looks_right(snap_compare, demo_db: Path, screen: str, size: tuple[int, int], theme: str) -> None:  # type: ignore[no-untyped-def]
    app = PrepApp(demo_db, now=fixed_now)
    _, keys = SCREENS[screen]
    assert snap_compare(app, terminal_size=size, run_before=after(*keys, theme=theme))


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_home_on_an_empty_database_invites_a_first_preparation(snap_compare, db_path: Path, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(PrepApp(db_path, now=fixed_now), terminal_size=size, run_before=after())


# After the meeting: where a search found its words, and a debriefed meeting's brief (opened from the history).
AFTERWARDS = {
    "history-search": ("h", *"budget"),
    "brief-debriefed": ("h", *"lost", "enter"),
}


@pytest.mark.parametrize(("case", "size"), [
    pytest.param(case, size, id=f"{case}-{size[0]}x{size[1]}") for case in AFTERWARDS for size in SIZES
])
def test_what_happened_looks_right(snap_compare, demo_db: Path, case: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = PrepApp(demo_db, now=fixed_now)
    assert snap_compare(app, terminal_size=size, run_before=after(*AFTERWARDS[case]))


def test_debriefing_a_meeting_still_to_come_asks_first(snap_compare, demo_db: Path) -> None:  # type: ignore[no-untyped-def]
    # "Coming up" is the second list on home: its first meeting is on Friday.
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=(80, 24), run_before=after("tab", "d"))


def _typed(text: str) -> tuple[str, ...]:
    return tuple("space" if c == " " else c for c in text)


# The form on a known customer with a meeting two days later: what we know, the date resolved, both warnings.
FORM_WITH_WARNINGS = ("n", *_typed("Copperleaf Software"), "enter", "enter", *_typed("wed"))
# The first meeting coming up, its brief, then the form to change its plan.
FORM_CHANGING_A_MEETING = ("tab", "enter", "ctrl+e")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("keys", [FORM_WITH_WARNINGS, FORM_CHANGING_A_MEETING], ids=["warnings", "changing"])
def test_the_form_shows_what_a_date_means_its_warnings_and_a_meeting_to_change(  # type: ignore[no-untyped-def]
        snap_compare, demo_db: Path, size: tuple[int, int], keys: tuple[str, ...]) -> None:
    assert snap_compare(PrepApp(demo_db, now=fixed_now), terminal_size=size, run_before=after(*keys))
