"""A rep's plans change: the same form changes a meeting's customer, contact, date, time, goal and type."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, OptionList, Select, Static

from helpers import NOW, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.library.loader import load_library
from prep.model.meeting import PREPARED, Answer, Meeting
from prep.screens.brief import BriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.home import HomeScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage.store import Store


def _meeting(customer: str, days_ahead: int, hour: int = 10, *, status: str = PREPARED, answered: bool = True) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer=customer, when=(NOW + timedelta(days=days_ahead)).replace(hour=hour), checklist=checklist,
                      status=status, contact="Jane Doe, CFO", goal="Agree on a pilot")  # type: ignore[arg-type]
    if answered:
        meeting.answers["needs/situation"] = Answer(text="Spreadsheets")
    return meeting


def _upcoming(app: PrepApp) -> list[str]:
    upcoming = app.screen.query_one("#upcoming", OptionList)
    return [str(upcoming.get_option_at_index(i).id).split(":")[0] for i in range(upcoming.option_count)]


async def _replace(app: PrepApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await press(app, pilot, "ctrl+u")
    await type_text(pilot, text)
    await settle(app, pilot)


async def test_a_rescheduled_meeting_moves_in_coming_up(db_path: Path) -> None:
    acme, brandt = _meeting("Acme", 1), _meeting("Brandt", 3)
    store = Store(db_path)
    store.save(acme)
    store.save(brandt)
    store.close()
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert _upcoming(app) == [acme.id, brandt.id]
        await press(app, pilot, "enter")  # Acme's brief
        assert isinstance(app.screen, BriefScreen)
        await press(app, pilot, "ctrl+e")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        assert [form.query_one(f"#{name}", Input).value for name in ("customer", "people", "date", "time", "goal")] == [
            "Acme", "Jane Doe (CFO)", "2026-11-24", "10:00", "Agree on a pilot"]
        # Answers were written with the checklist: it stays, and the form says why.
        assert form.query_one("#checklist", Select).disabled
        assert "answers were written with them" in str(form.query_one("#checklist-locked", Static).render())
        await press(app, pilot, "enter", "enter")  # on to the date
        await _replace(app, pilot, "+5d")
        assert "→ Sat 28 Nov" in str(form.query_one("#date-resolved", Static).render())
        await press(app, pilot, "enter")
        await _replace(app, pilot, "14 Uhr")
        await press(app, pilot, "ctrl+s")
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        assert brief.meeting.id == acme.id and brief.meeting.when == NOW.replace(hour=14) + timedelta(days=5)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert _upcoming(app) == [brandt.id, acme.id]
    saved = Store(db_path).meeting(acme.id)
    assert saved is not None and saved.when == NOW.replace(hour=14) + timedelta(days=5)
    assert saved.answers["needs/situation"].text == "Spreadsheets" and saved.status == PREPARED


async def test_escape_leaves_the_meeting_as_it_was(db_path: Path) -> None:
    acme = _meeting("Acme", 1, status="draft")
    Store(db_path).save(acme)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")  # the draft's walkthrough
        assert isinstance(app.screen, WalkthroughScreen)
        await press(app, pilot, "ctrl+e")
        await _replace(app, pilot, "Bolt Systems")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.meeting.customer == "Acme"
        await press(app, pilot, "escape")
    saved = Store(db_path).meeting(acme.id)
    assert saved is not None and saved.customer == "Acme"


async def test_rep_renames_the_contact_from_the_walkthrough_and_picks_another_checklist_while_nothing_is_answered(
        db_path: Path) -> None:
    acme = _meeting("Acme", 1, status="draft", answered=False)
    Store(db_path).save(acme)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")
        await press(app, pilot, "ctrl+e")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        assert form.query_one("#meeting-type", Select).value == "first-meeting"
        assert not form.query_one("#checklist", Select).disabled
        await press(app, pilot, "enter")
        await _replace(app, pilot, "Katrin Brandt (COO), Tom Berg")
        await press(app, pilot, "enter", "enter", "enter", "enter")  # date, time, goal: on to the meeting type
        assert app.focused is form.query_one("#meeting-type")
        await press(app, pilot, "o")  # offer
        await press(app, pilot, "ctrl+s")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        assert walkthrough.meeting.people == ["Katrin Brandt", "Tom Berg"] and walkthrough.meeting.checklist.id == "offer-negotiation"
        assert "Acme" in walkthrough.sub_title
        await press(app, pilot, "escape")
    saved = Store(db_path).meeting(acme.id)
    assert saved is not None and (saved.people, saved.contact, saved.checklist.id) == (
        ["Katrin Brandt", "Tom Berg"], "", "offer-negotiation")
    # Named on the spot, they are on the customer's card now, with the role typed in brackets.
    card = Store(db_path).customer("Acme")
    assert card is not None and [(p.name, p.role) for p in card.people] == [("Katrin Brandt", "COO"), ("Tom Berg", "")]


async def test_rep_moves_a_meeting_to_another_customer_from_history(db_path: Path) -> None:
    acme = _meeting("Acme", -3)
    Store(db_path).save(acme)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h", "down")  # history, into the results
        assert isinstance(app.screen, HistoryScreen)
        await press(app, pilot, "ctrl+e")
        assert isinstance(app.screen, NewPreparationScreen)
        await _replace(app, pilot, "Acme Tools AG")
        await press(app, pilot, "ctrl+s")
        history = app.screen
        assert isinstance(history, HistoryScreen)
        assert [m.customer for m in history.meetings or []] == ["Acme Tools AG"]
    saved = Store(db_path).meeting(acme.id)
    assert saved is not None and saved.customer == "Acme Tools AG"
