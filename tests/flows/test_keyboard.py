"""Keyboard everywhere: help on `?`, remappable keys, a command palette, themes remembered, escape keeps input."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from helpers import SCREENS, fixed_now, press, settle, type_text
from prep.app import PrepApp, all_bindings, known_binding_ids
from prep.screens.help import HelpScreen
from prep.screens.home import HomeScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.timeline import TimelineScreen
from prep.settings import SWALLOWED, Settings, read_keymap


def test_every_binding_has_an_id_and_a_key_terminals_deliver() -> None:
    bindings = all_bindings()
    assert len(bindings) > 30
    for owner, binding in bindings:
        assert binding.id, f"{owner}: {binding.key} has no id"
        keys = {k.strip() for k in binding.key.split(",")}
        assert keys - SWALLOWED, f"{binding.id} needs a key terminals deliver"


def test_a_bad_keys_file_names_the_line_and_keeps_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("home.new: ctrl+n\nhome.histroy: y\nwalkthrough.next: ctrl+j\n")
    keymap, problems = read_keymap(path, known_binding_ids())
    assert keymap == {"home.new": "ctrl+n"}
    assert problems[0] == f"{path}:2: no key binding is called `home.histroy`; did you mean `home.history`?"
    assert problems[1].startswith(f"{path}:3: ctrl+j does not reach prep")
    path.write_text("home.new: [unclosed\n")
    assert read_keymap(path)[1][0].startswith(f"{path}:2: not valid YAML")


async def test_remapped_key_works(db_path: Path) -> None:
    keys_file = Settings.from_environment().keys_file
    keys_file.parent.mkdir(parents=True)
    keys_file.write_text("home.new: ctrl+n\n")
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await press(app, pilot, "ctrl+n")
        assert isinstance(app.screen, NewPreparationScreen)


async def test_question_mark_shows_the_keys_of_this_screen(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.render()) for s in app.screen.query(Static))
        assert "home.new" in text and "History" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_theme_is_remembered(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        app.theme = "textual-light"
        await settle(app, pilot)
    assert Settings.from_environment().theme == "textual-light"
    again = PrepApp(db_path, now=fixed_now)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        assert again.theme == "textual-light"


async def test_palette_opens_a_customer_by_name(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "open brandt")
        await settle(app, pilot)  # the palette searches in a worker
        await press(app, pilot, "enter")
        assert isinstance(app.screen, TimelineScreen) and app.screen.customer == "Brandt Logistik GmbH"


async def test_escape_from_the_form_keeps_what_was_typed(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        await type_text(pilot, "Acme")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        await press(app, pilot, "n")
        assert app.screen.query_one("#customer", Input).value == "Acme"


async def test_rep_rehearses_objections_and_sees_the_result_in_the_debrief(demo_db: Path) -> None:
    from prep.screens.brief import BriefScreen
    from prep.screens.debrief import DebriefScreen
    from prep.screens.rehearsal import RehearsalScreen
    from prep.storage.store import Store

    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # a meeting coming up: its brief
        await settle(app, pilot)
        assert isinstance(app.screen, BriefScreen)
        meeting_id = app.screen.meeting.id
        await press(app, pilot, "r")
        drill = app.screen
        assert isinstance(drill, RehearsalScreen)
        await type_text(pilot, "Ask what they compare")
        await pilot.press("ctrl+s")
        await pilot.pause()
        compare = str(drill.query_one("#compare", Static).render())
        assert "What the trainer suggests" in compare and "Acknowledge" in compare
        await pilot.press("1")
        await pilot.press("ctrl+s", "3")
        await press(app, pilot, "escape")
        await press(app, pilot, "d", "y")  # the meeting is still to come: prep asks first
        assert isinstance(app.screen, DebriefScreen)
        rehearsed = str(app.screen.query_one("#rehearsed", Static).render())
        assert "went well" in rehearsed and "needs work" in rehearsed
    saved = Store(demo_db).meeting(meeting_id)
    assert saved is not None
    assert sorted(r.verdict for r in saved.rehearsal.values()) == ["needs work", "went well"]
    assert "Ask what they compare" in [r.answer for r in saved.rehearsal.values()]


@pytest.mark.parametrize("screen", list(SCREENS))
async def test_palette_offers_each_command_of_a_screen_once(demo_db: Path, screen: str) -> None:
    kind, keys = SCREENS[screen]
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *keys)
        assert type(app.screen).__name__ == kind
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert [title for title in titles if titles.count(title) > 1] == []
        # Each thing a key of the screen does is there, named as the footer names its first key
        # (ctrl+s "Done" and escape "Back" both finish a debrief); home's `n` is "New preparation".
        own: dict[str, str] = {}
        for active in app.screen.active_bindings.values():
            if active.node is app.screen and active.binding.show and active.enabled:
                own.setdefault(active.binding.action, active.binding.description)
        assert set(own.values()) - {"New"} <= set(titles)


async def test_practice_from_a_checklist_keeps_nothing(db_path: Path) -> None:
    from prep.screens.rehearsal import RehearsalScreen
    from prep.storage.store import Store

    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        await press(app, pilot, "r")
        assert isinstance(app.screen, RehearsalScreen)
        await type_text(pilot, "Practice answer")
        await press(app, pilot, "ctrl+s", "1", "escape")
    assert Store(db_path).count() == 0
