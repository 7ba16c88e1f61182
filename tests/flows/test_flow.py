"""A rep prepares a meeting with the keyboard alone, from home to brief to history."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.widgets import OptionList, Static, TextArea

from helpers import (
    FIRST_ITEM,
    fixed_now,
    page_to,
    press,
    settle,
    start_preparation,
    type_text,
)
from prep.app import PrepApp
from prep.errors import StoreError
from prep.model.meeting import PREPARED
from prep.screens.brief import BriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.home import HomeScreen
from prep.screens.missing_items import MissingItemsScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.reading import ReadingPane
from prep.storage.store import Store


async def test_rep_prepares_a_meeting_from_home_to_history(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        # Up-front contract: the first answer is focused; tab moves on to the next prompts, the outcomes last.
        await type_text(pilot, "Check the 45 minutes still hold")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "A pilot, or a clear no")
        await press(app, pilot, "pagedown")
        # Needs: the first answer is focused; tab moves to the next prompt.
        await type_text(pilot, "Spreadsheets everywhere")
        await pilot.press("tab")
        await type_text(pilot, "They lose orders")
        await press(app, pilot, "pagedown")
        # Objections: likelihood first (the checklist guesses "likely"), picked by its first letter;
        # enter moves on to the rep's own response.
        await pilot.press("p", "enter")
        await type_text(pilot, "Ask what they compare")
        await press(app, pilot, "pagedown")
        # Trust: tick the first point and note something.
        await pilot.press("space", "tab")
        await type_text(pilot, "Checked my profile")
        await press(app, pilot, "pagedown")
        # Questions: the rep's readiness.
        await type_text(pilot, "Who signs")
        await press(app, pilot, "ctrl+s")

        assert isinstance(app.screen, BriefScreen)
        brief = app.screen.query_one(ReadingPane).source
        for text in ("Acme Tools", "Agree on a pilot", "Check the 45 minutes still hold", "A pilot, or a clear no",
                     "Spreadsheets everywhere", "They lose orders",
                     "Ask what they compare", "_possible_", "✓ Look at what you", "Checked my profile", "Who signs"):
            assert text in brief

        saved = Store(db_path).summaries()
        assert [(s.customer, s.status) for s in saved] == [("Acme Tools", PREPARED)]

        await press(app, pilot, "h")
        assert isinstance(app.screen, HomeScreen)
        await press(app, pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        await type_text(pilot, "orders")
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        assert results.option_count == 1
        await press(app, pilot, "enter")
        assert isinstance(app.screen, BriefScreen)
        assert app.screen.meeting.customer == "Acme Tools"


async def test_rep_quits_mid_walkthrough_and_resumes_the_draft(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot, "Brandt Logistik")
        await page_to(app, pilot, "needs")
        await type_text(pilot, "Planning on paper")
        await page_to(app, pilot, "objections")
        await pilot.press("u", "enter")  # "unlikely", then on to the response
        await type_text(pilot, "Offer a pilot")
        # Quit at once: whatever was typed must already be on its way to disk.
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    again = PrepApp(db_path, now=fixed_now)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(again, pilot)
        drafts = again.screen.query_one("#drafts", OptionList)
        assert drafts.option_count == 1 and drafts.has_focus
        await press(again, pilot, "enter")
        walkthrough = again.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        # It goes on where the rep last typed: the objections.
        assert app_focused_text(again) == "Offer a pilot"
        assert walkthrough.meeting.answers["objections/no-need"].likelihood == "unlikely"
        await press(again, pilot, "pageup")
        assert walkthrough.query(TextArea).first().text == "Planning on paper"


async def test_rep_is_told_what_is_wrong_in_the_form(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NewPreparationScreen)
        assert "Who is the meeting with" in str(screen.query_one("#customer-error", Static).render())
        assert "A date is needed" in str(screen.query_one("#date-error", Static).render())
        assert app.focused is screen.query_one("#customer")

        await type_text(pilot, "Acme")
        await pilot.press("tab", "tab")
        await type_text(pilot, "someday")
        await pilot.press("tab")
        await type_text(pilot, "25:00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NewPreparationScreen)
        assert not screen.query_one("#customer-error").display
        assert "'someday' is not a date" in str(screen.query_one("#date-error", Static).render())
        assert "'25:00' is not a time" in str(screen.query_one("#time-error", Static).render())
        assert Store(db_path).count() == 0


async def test_rep_is_shown_empty_required_items_before_finishing(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        await page_to(app, pilot, "trust")
        await press(app, pilot, "ctrl+s")
        modal = app.screen
        assert isinstance(modal, MissingItemsScreen)
        assert [section.key(item) for section, item in modal.missing] == [
            "up-front-contract/outcomes", "needs/situation", "needs/problem", "objections/no-need", "readiness/learn"]
        await press(app, pilot, "enter")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        assert walkthrough.step == 0
        assert app.focused is walkthrough.query_one("#answer-outcomes")

        await press(app, pilot, "ctrl+s")
        await press(app, pilot, "f")
        assert isinstance(app.screen, BriefScreen)
        assert Store(db_path).summaries()[0].status == PREPARED


async def test_damaged_database_is_explained_on_home_and_left_alone(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b'{"meetings": {"1": ')
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "could not be loaded" in summary and "damaged" in summary
        await pilot.press("ctrl+q")
    assert db_path.read_bytes() == b'{"meetings": {"1": '


async def test_a_failing_save_is_shown_and_the_text_stays(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    errors: list[str] = []
    error_shown = asyncio.Event()

    def toasts(message: Message) -> None:
        if isinstance(message, Notify) and message.notification.severity == "error":
            errors.append(message.notification.message)
            error_shown.set()

    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24), message_hook=toasts) as pilot:
        await start_preparation(app, pilot)
        real_save = app.store.save
        saved = threading.Event()

        def disk_full(meeting) -> None:  # type: ignore[no-untyped-def]
            raise StoreError(f"{db_path}: could not save (No space left on device); free some disk space")

        def disk_fine_again(meeting) -> None:  # type: ignore[no-untyped-def]
            real_save(meeting)
            saved.set()

        monkeypatch.setattr(app.store, "save", disk_full)
        await type_text(pilot, "Kept on screen")
        await asyncio.wait_for(error_shown.wait(), timeout=10)  # typing stopped: the save was tried
        [error] = errors
        assert "No space left on device" in error and "stays on screen" in error
        assert app.screen.query(TextArea).first().text == "Kept on screen"

        monkeypatch.setattr(app.store, "save", disk_fine_again)
        await type_text(pilot, "!")
        assert await asyncio.to_thread(saved.wait, 10)
        meeting_id = app.screen.meeting.id  # type: ignore[attr-defined]
    saved_meeting = Store(db_path).meeting(meeting_id)
    assert saved_meeting is not None and saved_meeting.answers[FIRST_ITEM].text == "Kept on screen!"
    assert errors == [error]


def app_focused_text(app: PrepApp) -> str | None:
    """The text of the focused text area, if one is focused."""
    return app.focused.text if isinstance(app.focused, TextArea) else None
