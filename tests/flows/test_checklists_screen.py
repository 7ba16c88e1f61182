"""Reps and trainers see every checklist, a preview, and the files that did not load; the form suggests the right one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.widgets import OptionList, Select, Static

from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.checklists import ChecklistsScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.widgets.reading import ReadingPane

BUILT_INS = 10  # five kinds of meeting, in English and in German
BROKEN = "schema: 1\nid: team-call\ntitle: Team call\nsections:\n  - id: needs\n    kind: needs\n    title: N\n    items:\n      - id: a\n        promt: x\n"


@pytest.fixture
def team_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    team = tmp_path / "team"
    team.mkdir()
    (team / "team-call.yaml").write_text(BROKEN)
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    return team


async def open_checklists(app: PrepApp, pilot) -> tuple[ChecklistsScreen, str]:  # type: ignore[no-untyped-def]
    """The checklists screen from home, and the problems it lists."""
    await settle(app, pilot)
    await press(app, pilot, "c")
    screen = app.screen
    assert isinstance(screen, ChecklistsScreen)
    return screen, str(screen.query_one("#problems", Static).render())


async def test_checklists_screen_previews_and_shows_broken_files(db_path: Path, team_share: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, problems = await open_checklists(app, pilot)
        assert f"{team_share / 'team-call.yaml'}:10:9: unknown key `promt`" in problems
        assert not screen.query_one("#warnings", Static).display  # no checklist that loaded has a warning
        options = screen.query_one("#checklists", OptionList)
        assert options.option_count == BUILT_INS
        await pilot.press("down")
        await pilot.pause()
        preview = screen.query_one(ReadingPane).source
        highlighted = options.get_option_at_index(options.highlighted or 0).id
        assert f"`{highlighted}`" in preview and "## 1." in preview
        # Only German checklists.
        screen.query_one("#language", Select).value = "de"
        await pilot.pause()
        assert options.option_count == 5  # one for each kind of meeting


async def test_a_rep_is_told_which_checklist_has_a_problem_and_whom_to_tell(db_path: Path, team_share: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        await settle(app, pilot)
        told = str(app.screen.query_one("#checklist-problems", Static).render())
        assert "team-call.yaml" in told and "tell your trainer" in told
        assert "promt" not in told and ":10:9" not in told  # where and what is the trainer's to read


async def test_form_suggests_a_follow_up_checklist_in_the_reps_language(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        screen = app.screen
        assert isinstance(screen, NewPreparationScreen)
        assert screen.query_one("#checklist", Select).value == "erstgespraech"
        await type_text(pilot, "Brandt Logistik GmbH")
        await pilot.pause()
        assert screen.query_one("#meeting-type", Select).value == "follow-up"
        assert screen.query_one("#checklist", Select).value == "folgetermin"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
async def test_files_that_cannot_load_are_listed_never_waited_on_and_stop_nothing(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    (team / "sub").mkdir(parents=True)
    os.mkfifo(team / "waiting.yaml")
    (team / "huge.yaml").write_text(BROKEN.replace("schema: 1", f"schema: {'9' * 50_000}"))
    (team / "sub" / "LOUD.YML").write_text(BROKEN.replace("promt", "prompt"))  # upper case, in a subfolder
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, problems = await open_checklists(app, pilot)
        assert f"{team / 'waiting.yaml'}:1:1: this is a named pipe (FIFO), not a checklist file" in problems
        assert f"{team / 'huge.yaml'}:1:9: `schema` is a number far too large" in problems
        assert screen.query_one("#checklists", OptionList).option_count == BUILT_INS + 1  # the built-ins and LOUD.YML


async def test_a_checklist_with_a_warning_is_listed_and_its_warning_shown_apart(
    db_path: Path, team_share: Path
) -> None:
    quoted = BROKEN.replace("team-call", "quoted").replace("promt: x", "prompt: “What hurts?”")
    (team_share / "quoted.yaml").write_text(quoted, encoding="utf-8")
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 30)) as pilot:
        screen, problems = await open_checklists(app, pilot)
        assert "team-call.yaml" in problems and "quoted.yaml" not in problems
        warnings = screen.query_one("#warnings", Static)
        assert warnings.display
        shown = str(warnings.render())
        assert shown.startswith("1 warning in checklists that loaded:")
        assert f"{team_share / 'quoted.yaml'}:10:17: warning: the text starts and ends with “ ”" in shown
        assert screen.query_one("#checklists", OptionList).option_count == BUILT_INS + 1  # it loaded
        assert screen.library.get("quoted") is not None
