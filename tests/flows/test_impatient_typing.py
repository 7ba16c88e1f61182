"""An impatient rep types before the next screen is on the terminal: nothing they typed is dropped.

Pilot waits for the app to be idle after each key; a person does not. These tests hand
the app a burst of keys at once, as a terminal does when someone types ahead.
"""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Input, TextArea

from helpers import (
    debriefed_meeting,
    fixed_now,
    page_to,
    press,
    settle,
    start_preparation,
)
from prep.app import PrepApp
from prep.model.customer import Person
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.widgets.fields import Choice
from prep.storage.store import Store


def type_ahead(app: PrepApp, *keys: str) -> None:
    """Keys as a terminal delivers them to someone typing fast: all queued before the first is handled."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def test_what_is_typed_right_after_n_lands_in_the_customer_field(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        type_ahead(app, "n", *"Acme", "enter", *"Jane")
        await settle(app, pilot)
        assert isinstance(app.screen, NewPreparationScreen)
        assert app.screen.query_one("#customer", Input).value == "Acme"
        assert app.screen.query_one("#people", Input).value == "Jane"


async def test_typing_into_a_reopened_draft_at_once_keeps_every_key(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        type_ahead(app, "enter", *"Paper")
        await settle(app, pilot)
        assert isinstance(app.focused, TextArea) and app.focused.text == "Paper"


async def test_enter_on_a_dropdown_moves_on_before_the_next_letter_arrives(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        await page_to(app, pilot, "objections")  # the likelihood has the focus
        likelihood = app.focused
        assert isinstance(likelihood, Choice) and likelihood.value == "likely"  # the checklist's guess
        type_ahead(app, "u", "enter", *"Ask")
        await settle(app, pilot)
        assert likelihood.value == "unlikely"
        assert isinstance(app.focused, TextArea) and app.focused.text == "Ask"


async def test_tab_moves_on_before_the_next_letter_arrives(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        first = app.focused
        type_ahead(app, *"Paper", "tab", *"Costs")
        await settle(app, pilot)
        assert isinstance(first, TextArea) and first.text == "Paper"
        assert isinstance(app.focused, TextArea) and app.focused.text == "Costs"


async def test_what_is_typed_straight_after_page_down_lands_in_the_new_step(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        type_ahead(app, "pagedown", "pagedown", "pagedown", "pagedown", *"Who")
        await settle(app, pilot)
        assert "Step 5 of 5" in str(app.screen.query_one("#progress").render())
        assert isinstance(app.focused, TextArea) and app.focused.text == "Who"


async def test_enter_in_the_outcome_moves_to_the_notes_before_the_next_letter_arrives(db_path: Path) -> None:
    Store(db_path).save(debriefed_meeting("Acme", 1))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        # After the outcome who was there, one dropdown for each of the checklist's four exit criteria, then the notes.
        type_ahead(app, *"Pilot", "enter", "enter", "p", "enter", "enter", "enter", "enter", *"Numbers")
        await settle(app, pilot)
        assert app.screen.query_one("#outcome", Input).value == "Pilot"
        assert app.screen.query(".met").first(Choice).value == "partly"
        assert isinstance(app.focused, TextArea) and app.focused.text == "Numbers"
        assert app.focused is app.screen.query_one("#notes")


async def test_a_person_typed_without_looking_lands_field_by_field(db_path: Path) -> None:
    from helpers import acme_with_people
    from prep.screens.customer_card import CustomerCardScreen

    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        # Enter moves on before the next key is read: the title goes into the title, not onto the name.
        type_ahead(app, "k", "a", *"Frau Neu", "enter", *"Leitung IT", "enter", "t", "enter", "s", "enter", "enter",
                   *"neu@acme.example", "enter", *"+49 1")
        await settle(app, pilot)
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, CustomerCardScreen)
    card = Store(db_path).customer("Acme Tools")
    assert card is not None and card.people[-1] == Person(name="Frau Neu", role="Leitung IT", email="neu@acme.example",
                                                          phone="+49 1", part="technical evaluator", stance="supportive")
