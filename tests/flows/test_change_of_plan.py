"""A rep's plans change: a meeting is cancelled, a duplicate draft dropped, a follow-up ticked
off by mistake — and one key undoes each, for a while. Autosave shows when it has caught up."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import OptionList

from helpers import FIRST_ITEM, fixed_now, press, settle, start_preparation, type_text
from prep.app import PrepApp
from prep.screens.brief import BriefScreen
from prep.screens.confirm import Confirm
from prep.screens.history import HistoryScreen
from prep.screens.home import HomeScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.save_state import SaveState
from prep.storage.store import Store

DRAFT = "Copperleaf Software"  # the demo history's one draft
COMING_UP = "Brandt Logistik GmbH"  # the first meeting coming up; Brandt has a second one after it
COMING_UP_FOUND_BY = "brandt feedback"  # what finds that first meeting in the history, and none of Brandt's others


def listed(app: PrepApp, list_id: str) -> list[str]:
    options = app.screen.query_one(f"#{list_id}", OptionList)
    if not options.display:
        return []
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


def files_holding(folder: Path, text: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and text.encode() in p.read_bytes())


def the_draft_id(db: Path) -> str:
    return next(s.id for s in Store(db).summaries() if s.is_draft)


async def test_a_dropped_draft_leaves_every_list_and_comes_back_with_undo(demo_db: Path) -> None:
    draft_id = the_draft_id(demo_db)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert any(DRAFT in line for line in listed(app, "drafts"))
        await press(app, pilot, "delete")
        assert isinstance(app.screen, Confirm)
        await press(app, pilot, "y")
        assert isinstance(app.screen, HomeScreen)
        assert listed(app, "drafts") == []
        assert Store(demo_db).meeting(draft_id) is None

        await press(app, pilot, "ctrl+z")
        assert any(DRAFT in line for line in listed(app, "drafts"))
        assert Store(demo_db).meeting(draft_id) is not None
    assert Store(demo_db).meeting(draft_id) is not None  # quitting after the undo keeps it


async def test_no_or_escape_keeps_the_draft(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for answer in ("n", "escape"):
            await press(app, pilot, "delete")
            assert isinstance(app.screen, Confirm)
            await press(app, pilot, answer)
            assert isinstance(app.screen, HomeScreen)
        assert any(DRAFT in line for line in listed(app, "drafts"))
    assert Store(demo_db).count() == 24


async def test_after_the_undo_window_the_deleted_draft_is_in_no_file_of_the_data_folder(
        demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prep.changes.UNDO_SECONDS", 0.3)
    draft_id = the_draft_id(demo_db)
    assert files_holding(demo_db.parent, draft_id)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "delete", "y")
        assert listed(app, "drafts") == []
        for _ in range(100):  # the window closes after 0.3 s; a busy machine may take longer to erase
            await asyncio.sleep(0.1)
            await settle(app, pilot)
            if not files_holding(demo_db.parent, draft_id):
                break
        assert files_holding(demo_db.parent, draft_id) == []
        await press(app, pilot, "ctrl+z")  # too late
        assert listed(app, "drafts") == []
    assert Store(demo_db).count() == 23


async def test_quitting_inside_the_undo_window_erases_the_deleted_meeting(demo_db: Path) -> None:
    draft_id = the_draft_id(demo_db)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "delete", "y")
        await pilot.press("ctrl+q")
    assert files_holding(demo_db.parent, draft_id) == []
    assert Store(demo_db).count() == 23


async def test_a_cancelled_meeting_leaves_coming_up_and_says_so_in_brief_and_history(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        upcoming = listed(app, "upcoming")
        await press(app, pilot, "tab", "enter")
        assert isinstance(app.screen, BriefScreen) and app.screen.meeting.customer == COMING_UP
        meeting_id = app.screen.meeting.id
        await press(app, pilot, "c")
        assert app.screen.sub_title.startswith("CANCELLED")
        saved = Store(demo_db).meeting(meeting_id)
        assert saved is not None and saved.cancelled is not None and saved.state == "cancelled"

        await press(app, pilot, "escape")
        assert listed(app, "upcoming") == upcoming[1:]
        await press(app, pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        assert any(COMING_UP in line and "cancelled" in line for line in listed(app, "results"))

        await press(app, pilot, "ctrl+z")  # the search box has the focus: it is the text field's
        assert Store(demo_db).meeting(meeting_id).cancelled is not None  # type: ignore[union-attr]
        await type_text(pilot, COMING_UP_FOUND_BY)
        await settle(app, pilot)  # the search done: until "feedback", Brandt's newer meeting came first
        assert COMING_UP in listed(app, "results")[0] and "cancelled" in listed(app, "results")[0]
        await press(app, pilot, "down", "c")  # from the results, the same key takes it back
        assert Store(demo_db).meeting(meeting_id).cancelled is None  # type: ignore[union-attr]
        assert not any("cancelled" in line for line in listed(app, "results"))
        await press(app, pilot, "escape")
        assert listed(app, "upcoming") == upcoming


async def test_undo_brings_a_cancelled_meeting_back_into_coming_up(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        upcoming = listed(app, "upcoming")
        assert COMING_UP in upcoming[0]
        await press(app, pilot, "tab", "enter", "c", "escape")
        assert listed(app, "upcoming") == upcoming[1:]
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(title.startswith(f"Undo the cancellation of {COMING_UP}") for title in titles)
        await press(app, pilot, "ctrl+z")
        assert listed(app, "upcoming") == upcoming


async def test_a_follow_up_ticked_off_by_mistake_comes_back_with_ctrl_z(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "tab")
        before = listed(app, "followups")
        await press(app, pilot, "x")
        assert listed(app, "followups") == before[1:]
        await press(app, pilot, "ctrl+z")
        assert listed(app, "followups") == before
    open_followups = [f for s in Store(demo_db).summaries() for f in s.followups if not f.done]
    assert any(f.text in before[0] for f in open_followups)


async def test_rep_drops_the_draft_from_its_walkthrough_and_undo_keeps_what_they_typed(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        meeting_id = app.screen.meeting.id  # type: ignore[attr-defined]
        await type_text(pilot, "Typed just before")
        await press(app, pilot, "ctrl+r")
        assert isinstance(app.screen, Confirm)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, HomeScreen)
        assert Store(db_path).count() == 0
        await press(app, pilot, "ctrl+z")
        assert listed(app, "drafts")
    meeting = Store(db_path).meeting(meeting_id)
    assert meeting is not None and meeting.answers[FIRST_ITEM].text == "Typed just before"


async def test_the_header_shows_saving_until_the_autosave_caught_up(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prep.screens.base.SAVE_DELAY", 2.0)  # long enough to look before the write, however busy the machine
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(60, 20)) as pilot:
        await start_preparation(app, pilot)
        assert isinstance(app.screen, WalkthroughScreen)
        await settle(app, pilot)
        state = app.screen.query_one(SaveState)
        assert str(state.render()) == "saved"
        await type_text(pilot, "45 minutes")
        assert str(state.render()) == "saving…"
        for _ in range(100):  # the pause after typing, then the write
            await asyncio.sleep(0.1)
            await settle(app, pilot)
            if str(state.render()) == "saved":
                break
        assert str(state.render()) == "saved"
        saved = Store(db_path).meeting(app.screen.meeting.id)
        assert saved is not None and saved.answers[FIRST_ITEM].text == "45 minutes"
