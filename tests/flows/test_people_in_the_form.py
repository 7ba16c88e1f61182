"""The people of a meeting, picked in the form from the customer's card or added on the spot, and warned about
when a person would hear from the rep more often than they asked; the walkthrough shows who is in the room."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Static

from helpers import NOW, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.library.loader import load_library
from prep.model.customer import Customer, Person
from prep.model.meeting import Debrief, Meeting
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage.store import Store

CARD = Customer(name="Weber Logistik", people=[
    Person(name="Anna Weber", role="CFO", email="anna@weber.example", part="economic buyer", stance="sceptical"),
    Person(name="Tom Berg", role="Head of Planning", part="champion", contact_rhythm="monthly"),
])


def _shown(screen: NewPreparationScreen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_a_customer_known_only_by_its_card_and_its_people_complete_and_a_new_person_goes_on_the_card(db_path: Path) -> None:
    Store(db_path).save_customer(CARD)  # imported from the CRM: no meeting yet
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        await type_text(pilot, "weber l")
        await press(app, pilot, "right", "enter")  # the card's name completes
        assert form.query_one("#customer", Input).value == "Weber Logistik"
        assert "On the card: Anna Weber (economic buyer), Tom Berg (champion)" in _shown(form, "#people-known")
        await type_text(pilot, "tom b")  # completed as the card spells the name, whatever case is typed
        await press(app, pilot, "right")
        await type_text(pilot, ", Nina Neu (Controller)")
        assert form.query_one("#people", Input).value == "Tom Berg, Nina Neu (Controller)"
        hint = _shown(form, "#people-known")
        assert "On the card: Anna Weber (economic buyer)" in hint and "new on the card: Nina Neu" in hint
        await press(app, pilot, "enter")
        await type_text(pilot, "tomorrow")
        await press(app, pilot, "ctrl+s")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        assert (walkthrough.meeting.customer, walkthrough.meeting.people) == ("Weber Logistik", ["Tom Berg", "Nina Neu"])
        await press(app, pilot, "escape")
    card = Store(db_path).customer("Weber Logistik")
    assert card is not None and [(p.name, p.role) for p in card.people] == [
        ("Anna Weber", "CFO"), ("Tom Berg", "Head of Planning"), ("Nina Neu", "Controller")]


async def test_a_person_who_asked_for_monthly_contact_is_warned_about_and_the_walkthrough_shows_the_room(db_path: Path) -> None:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    store = Store(db_path)
    store.save_customer(CARD)
    store.save(Meeting(customer="Weber Logistik", when=NOW - timedelta(days=6), checklist=checklist, status="prepared",
                       people=["Tom Berg"], debrief=Debrief(outcome="Pilot scoped", present=["Tom Berg"])))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        for text in ("Weber Logistik", "Tom Berg, Anna Weber", "tomorrow"):
            await type_text(pilot, text)
            await press(app, pilot, "enter")
        warning = _shown(form, "#contact-warning")
        assert "Tom Berg wants contact monthly, and you met them 7 days before." in warning
        assert "Anna Weber" not in warning
        await press(app, pilot, "ctrl+s")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        for _ in range(len(checklist.sections)):
            if walkthrough.meeting.checklist.sections[walkthrough.step].kind == "needs":
                break
            await press(app, pilot, "pagedown")
        room = walkthrough.query_one("#room", Static).render()
        assert "In the room" in str(room) and "Anna Weber — CFO · economic buyer · sceptical · never met" in str(room)
        assert "Tom Berg — Head of Planning · champion" in str(room)


async def test_who_was_there_completes_from_the_whole_card(db_path: Path) -> None:
    from prep.screens.debrief import DebriefScreen

    checklist = load_library().get("first-meeting")
    assert checklist is not None
    store = Store(db_path)
    store.save_customer(CARD)
    held = Meeting(customer="Weber Logistik", when=NOW - timedelta(hours=3), checklist=checklist, status="prepared",
                   people=["Tom Berg"])
    store.save(held)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        assert isinstance(app.screen, DebriefScreen)
        await press(app, pilot, "enter", "end")  # from the outcome to who was there: "Tom Berg", as planned
        await type_text(pilot, ", an")
        await press(app, pilot, "right")
        assert app.screen.query_one("#present", Input).value == "Tom Berg, Anna Weber"
        await press(app, pilot, "ctrl+s")
    saved = Store(db_path).meeting(held.id)
    assert saved is not None and saved.debrief is not None and saved.debrief.present == ["Tom Berg", "Anna Weber"]
