"""The new-preparation form as a rep fills it: enter moves on, dates say what they mean, warnings are honest,
and leaving and coming back keeps everything it showed."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Button, Input, Select, Static

from helpers import NOW, debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.screens.home import HomeScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage.store import Store


async def _open_form(app: PrepApp, pilot) -> NewPreparationScreen:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(app, pilot, "n")
    assert isinstance(app.screen, NewPreparationScreen)
    return app.screen


def _shown(screen: NewPreparationScreen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_enter_moves_through_every_field_to_the_start_button_and_starts(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_form(app, pilot)
        order = []
        for text in ("Acme", "Jane Doe", "tomorrow", "14:30", "Pilot", "", ""):
            order.append(app.focused.id if app.focused else None)
            await type_text(pilot, text)
            await press(app, pilot, "enter")
        assert order == ["customer", "people", "date", "time", "goal", "meeting-type", "checklist"]
        assert isinstance(app.focused, Button) and app.focused is form.query_one("#start")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, WalkthroughScreen)


async def test_yesterday_records_a_meeting_that_already_happened(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_form(app, pilot)
        await press(app, pilot, "tab", "tab")
        await type_text(pilot, "yester")
        await settle(app, pilot)
        assert "is not a date" in _shown(form, "#date-error") and not _shown(form, "#date-resolved")
        await type_text(pilot, "day")
        await settle(app, pilot)
        assert not _shown(form, "#date-error")
        assert _shown(form, "#date-resolved") == "→ Sun 22 Nov · in the past: this records a meeting that already happened."
        await press(app, pilot, "shift+tab", "shift+tab")
        await type_text(pilot, "Acme")
        await press(app, pilot, "ctrl+s")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        assert walkthrough.meeting.when == NOW - timedelta(days=1)
        meeting_id = walkthrough.meeting.id
        await press(app, pilot, "escape")
    saved = Store(db_path).meeting(meeting_id)
    assert saved is not None and saved.when == NOW - timedelta(days=1)


async def test_a_second_draft_for_acme_two_days_after_the_first_is_warned_about_and_ctrl_o_opens_the_first(
        db_path: Path) -> None:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    first = Meeting(customer="Acme", when=NOW + timedelta(days=2, hours=5), checklist=checklist, people=["Jane Doe"])
    Store(db_path).save(first)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_form(app, pilot)
        await type_text(pilot, "acme")
        await press(app, pilot, "enter")
        # The contacts of a known customer complete as its name does.
        await type_text(pilot, "Ja")
        await settle(app, pilot)
        await press(app, pilot, "right")
        assert form.query_one("#people", Input).value == "Jane Doe"
        await press(app, pilot, "enter")
        await type_text(pilot, "+4d")
        await settle(app, pilot)
        assert _shown(form, "#nearby-warning") == "⚠ You already have a draft with Acme on Wed 25 Nov at 14:00 — ctrl+o opens it."
        await press(app, pilot, "ctrl+o")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen) and walkthrough.meeting.id == first.id
        await press(app, pilot, "escape")
        # The form waited underneath, as it was left.
        assert app.screen is form and form.query_one("#date", Input).value == "+4d"
        await press(app, pilot, "ctrl+u")
        await type_text(pilot, "+9d")
        await settle(app, pilot)
        assert not _shown(form, "#nearby-warning")
    assert Store(db_path).count() == 1


async def test_leaving_and_reopening_the_form_keeps_what_we_know_the_warning_and_the_choices(db_path: Path) -> None:
    Store(db_path).save(debriefed_meeting("Acme", 6, rating=4, contact_wish="less", contact_rhythm="monthly"))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        form = await _open_form(app, pilot)
        for text in ("Acme", "", "tomorrow"):
            await type_text(pilot, text)
            await press(app, pilot, "enter")
        known, warning = _shown(form, "#customer-known"), _shown(form, "#contact-warning")
        assert "What we know" in known and "7 days" in warning
        # A known customer's next meeting is suggested as a follow-up; the rep picks an offer instead.
        assert form.query_one("#meeting-type", Select).value == "follow-up"
        form.query_one("#meeting-type").focus()
        await press(app, pilot, "o")
        checklist = form.query_one("#checklist", Select).value
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        again = await _open_form(app, pilot)
        assert again is not form
        assert again.query_one("#customer", Input).value == "Acme" and again.query_one("#date", Input).value == "tomorrow"
        assert _shown(again, "#customer-known") == known and _shown(again, "#contact-warning") == warning
        assert _shown(again, "#date-resolved") == "→ Tue 24 Nov"
        assert again.query_one("#meeting-type", Select).value == "offer"
        assert again.query_one("#checklist", Select).value == checklist
