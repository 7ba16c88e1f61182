"""A rep keeps a customer's card: the people in their decision, added, changed and taken off with the keys they
use everywhere in prep, each change saved at once, a removal undone with ctrl+z — and the card says when the
rep last met each person, from who was really there."""

from __future__ import annotations

import time
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, OptionList, Static, TextArea

from helpers import (
    MET_ANNA,
    MET_TOM,
    NOW,
    acme_with_people,
    debriefed_meeting,
    fixed_now,
    press,
    settle,
    type_text,
)
from prep.app import PrepApp
from prep.dates import shown_date
from prep.model.customer import Customer, Person
from prep.screens.customer_card import CustomerCardScreen
from prep.screens.person_form import PersonForm
from prep.storage.store import Store


def people(app: PrepApp) -> list[str]:
    """The people as the card lists them, each as its two lines joined."""
    listed = app.screen.query_one("#people", OptionList)
    return [" | ".join(" ".join(line.split()) for line in str(listed.get_option_at_index(i).prompt).split("\n"))
            for i in range(listed.option_count)]


def saved(db_path: Path, customer: str = "Acme Tools") -> Customer | None:
    store = Store(db_path)
    try:
        return store.customer(customer)
    finally:
        store.close()


def toasts(app: PrepApp) -> list[str]:
    return [n.message for n in app._notifications]


async def test_from_home_the_card_says_whom_the_rep_met_when_by_who_was_really_there(db_path: Path) -> None:
    acme_with_people(db_path)
    before = saved(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k")  # the meeting coming up, highlighted on home
        assert isinstance(app.screen, CustomerCardScreen) and app.screen.customer == "Acme Tools"
        anna, tom = people(app)
        # Anna was there ten days ago; the meeting in five days' time and the cancelled one do not count.
        assert anna == f"Anna Weber CFO | economic buyer · neutral · last met {shown_date((NOW - timedelta(MET_ANNA)).date())}"
        # The debrief ten days ago says Tom was not there: his last meeting is the one whose debrief said nothing.
        assert tom == f"Tom Berg Head of IT | last met {shown_date((NOW - timedelta(MET_TOM)).date())}"
        meetings = app.screen.query_one("#meetings", OptionList)
        assert meetings.option_count == 4  # newest first: the one coming up
        assert "Anna Weber, Tom Berg" in str(meetings.get_option_at_index(0).prompt)
        await press(app, pilot, "escape")
        assert type(app.screen).__name__ == "HomeScreen"
    assert saved(db_path) == before  # opening and leaving wrote nothing, not even the same card again


async def test_from_history_the_rep_adds_a_person_with_their_part_and_stance(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h", "down", "k")
        assert isinstance(app.screen, CustomerCardScreen) and app.screen.customer == "Acme Tools"
        await press(app, pilot, "a")
        assert isinstance(app.screen, PersonForm)
        await type_text(pilot, "Lena Vogt")
        await pilot.press("tab")
        await type_text(pilot, "Head of Planning")
        await pilot.press("tab", "c", "tab", "s", "c", "tab", "m", "tab")  # champion, sceptical, monthly
        await type_text(pilot, "lena.vogt@acme.example")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, CustomerCardScreen)
        assert people(app)[2] == "Lena Vogt Head of Planning lena.vogt@acme.example | champion · sceptical · not met yet · contact monthly"
    card = saved(db_path)
    assert card is not None and [p.name for p in card.people] == ["Anna Weber", "Tom Berg", "Lena Vogt"]
    assert card.people[2] == Person(name="Lena Vogt", role="Head of Planning", email="lena.vogt@acme.example", part="champion",
                                    stance="sceptical", contact_rhythm="monthly")


async def test_a_person_needs_a_name_of_their_own_and_an_address_that_reads_like_one(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k", "a", "ctrl+s")
        form = app.screen
        assert isinstance(form, PersonForm)
        assert str(form.query_one("#name-error", Static).render()) == "Give the person a name."
        await type_text(pilot, "tom  berg")
        await press(app, pilot, "ctrl+s")
        assert str(form.query_one("#name-error", Static).render()) == "tom berg is on the card already: edit them there."
        await press(app, pilot, *["backspace"] * len("tom  berg"))
        await type_text(pilot, "Jo Klein")
        for key in ("tab",) * 5:
            await pilot.press(key)
        await type_text(pilot, "jo.klein@acme")
        await press(app, pilot, "enter", "enter")  # on to the phone, the last field: enter there saves
        assert app.screen is form and form.query_one("#email-error", Static).display
        assert "name@company.com" in str(form.query_one("#email-error", Static).render())
        form.query_one("#email").focus()
        await press(app, pilot, "end")
        await type_text(pilot, ".example")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, CustomerCardScreen)
        assert people(app)[2].startswith("Jo Klein jo.klein@acme.example | ")
        await press(app, pilot, "a")
        await type_text(pilot, "Never Saved")
        await press(app, pilot, "escape")  # leaves the form, nothing added
        assert len(people(app)) == 3
    card = saved(db_path)
    assert card is not None and [p.name for p in card.people] == ["Anna Weber", "Tom Berg", "Jo Klein"]


async def test_the_rep_edits_a_person_where_they_stand_on_the_card(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k", "e")  # Anna, the first
        assert isinstance(app.screen, PersonForm) and app.screen.query_one("#role", Input).value == "CFO"
        await press(app, pilot, "tab", *["backspace"] * 3)
        await type_text(pilot, "Finance Director")
        await press(app, pilot, "ctrl+s")
        await press(app, pilot, "down", "enter")  # Tom: enter edits too
        assert isinstance(app.screen, PersonForm)
        await pilot.press("tab", "tab", "t", "tab", "s")  # technical evaluator, supportive
        await press(app, pilot, "ctrl+s")
        assert people(app)[1].startswith("Tom Berg Head of IT | technical evaluator · supportive · last met")
    card = saved(db_path)
    assert card is not None
    assert [(p.name, p.role, p.part, p.stance) for p in card.people] == [
        ("Anna Weber", "Finance Director", "economic buyer", "neutral"), ("Tom Berg", "Head of IT", "technical evaluator", "supportive")]


async def test_a_person_taken_off_the_card_comes_back_with_ctrl_z(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k", "delete")  # Anna
        assert [line.split(" | ")[0] for line in people(app)] == ["Tom Berg Head of IT"]
        card = saved(db_path)
        assert card is not None and [p.name for p in card.people] == ["Tom Berg"]
        assert "Removed Anna Weber from Acme Tools · ctrl+z undoes" in toasts(app)
        await press(app, pilot, "ctrl+z")
        assert [line.split(" | ")[0] for line in people(app)] == ["Anna Weber CFO", "Tom Berg Head of IT"]
        assert "Anna Weber is back on the card of Acme Tools." in toasts(app)
    card = saved(db_path)
    assert card is not None and card.people[0] == Person(name="Anna Weber", role="CFO", part="economic buyer", stance="neutral")


async def test_a_customer_without_a_card_gets_one_with_the_first_change(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Birch Ltd", 3, outcome="Offer sent", present=["Jane Doe"]))
    store.close()
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k")
        assert isinstance(app.screen, CustomerCardScreen) and people(app) == []
        assert "the meetings name Jane Doe" in str(app.screen.query_one("#people-empty", Static).render())
        await press(app, pilot, "escape")
        assert saved(db_path, "Birch Ltd") is None  # looking writes nothing
        await press(app, pilot, "k", "ctrl+e")
        await type_text(pilot, "Furniture")
        await pilot.press("enter")
        await type_text(pilot, "birch.example")
        await press(app, pilot, "escape")  # leaving writes what was typed at once
        await press(app, pilot, "k", "a")
        await type_text(pilot, "Jane Doe")
        await press(app, pilot, "ctrl+s")
        assert people(app) == [f"Jane Doe | last met {shown_date((NOW - timedelta(3)).date())}"]
    card = saved(db_path, "Birch Ltd")
    assert card is not None and (card.industry, card.domain, [p.name for p in card.people]) == (
        "Furniture", "birch.example", ["Jane Doe"])


async def test_the_palette_opens_a_customers_card_by_name(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "customer card")
        await settle(app, pilot)
        await press(app, pilot, "enter")
        await type_text(pilot, "acme")
        await settle(app, pilot)
        await press(app, pilot, "enter")
        assert isinstance(app.screen, CustomerCardScreen) and app.screen.customer == "Acme Tools"


async def test_the_timeline_opens_the_card_with_the_same_key(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h", "down", "t", "k")
        assert isinstance(app.screen, CustomerCardScreen) and app.screen.customer == "Acme Tools"
        await press(app, pilot, "escape")
        assert type(app.screen).__name__ == "TimelineScreen"


async def test_a_german_rep_reads_the_card_in_german(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k")
        assert app.screen.sub_title == "Kundenkarte · Acme Tools"
        anna, tom = people(app)
        assert anna.endswith(f"| wirtschaftlicher Entscheider · neutral · zuletzt getroffen {shown_date((NOW - timedelta(MET_ANNA)).date())}")
        await press(app, pilot, "a")
        labels = [str(label.render()) for label in app.screen.query(".field-label")]
        assert labels == ["Name", "Funktion", "Rolle", "Haltung", "Kontakt", "E-Mail", "Telefon"]
        await type_text(pilot, "Lena Vogt")
        await pilot.press("tab", "tab", "b", "l", "tab", "s", "k")  # Blockierer (b alone is Beeinflusser), skeptisch
        await press(app, pilot, "ctrl+s")
        assert people(app)[2].endswith("| Blockierer / Skeptiker · skeptisch · noch nicht getroffen")
        await press(app, pilot, "delete")  # the person just added is the one highlighted
        assert "Lena Vogt bei Acme Tools entfernt · ctrl+z macht es rückgängig" in toasts(app)


async def test_names_and_notes_on_the_card_are_shown_as_they_are(db_path: Path) -> None:
    hostile = "[/]Acme [b]bold[/b] [@click=app.quit]quit[/] \x1b[2J\x9b31m"
    meeting = debriefed_meeting(hostile, 2, outcome="[$error]red[/]", present=["[b]Jane[/b]"])
    meeting.people = ["[b]Jane[/b]"]
    store = Store(db_path)
    store.save(meeting)
    store.save_customer(Customer(name=hostile, industry="[i]x", notes="line\x1b[2J", people=[
        Person(name="[b]Jane[/b]", role="[/]", email="j@[x].example")]))
    store.close()
    before = saved(db_path, hostile)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k")
        assert isinstance(app.screen, CustomerCardScreen)
        assert people(app) == [f"[b]Jane[/b] [/] j@[x].example | last met {shown_date((NOW - timedelta(2)).date())}"]
        assert app.screen.sub_title == "Customer card · [/]Acme [b]bold[/b] [@click=app.quit]quit[/] \\x1b[2J\\x9b31m"
        assert app.screen.query_one("#notes", TextArea).text == "line\\x1b[2J"
        await press(app, pilot, "e", "ctrl+s")  # saved unchanged: the stored words, not their visible escapes
        await press(app, pilot, "escape")
    assert saved(db_path, hostile) is not None and saved(db_path, hostile).people == before.people  # type: ignore[union-attr]


async def test_keys_typed_right_after_k_wait_until_the_card_is_read(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    acme_with_people(db_path)
    read = Store.customer

    def slowly(store: Store, name: str) -> Customer | None:
        time.sleep(0.3)  # a big database on a busy machine: the keys come before the card
        return read(store, name)

    monkeypatch.setattr(Store, "customer", slowly)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        # As a terminal delivers them to someone typing fast: all queued before the first is handled.
        for key, character in [("k", "k"), ("ctrl+e", None), ("slash", "/"), *((c, c) for c in "Lathes"), ("escape", None)]:
            app.post_message(events.Key(key, character))
        await settle(app, pilot)
        assert type(app.screen).__name__ == "HomeScreen"
    card = saved(db_path)
    assert card is not None and card.industry == "Machine tools/Lathes" and [p.name for p in card.people] == ["Anna Weber", "Tom Berg"]


async def test_a_person_renamed_on_the_card_keeps_when_they_were_last_met(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k", "e")  # Anna, the first
        assert isinstance(app.screen, PersonForm)
        await press(app, pilot, *["backspace"] * len("Anna Weber"))
        await type_text(pilot, "Dr. Anna Weber")
        await press(app, pilot, "ctrl+s")
        assert people(app)[0].startswith("Dr. Anna Weber CFO") and "last met" in people(app)[0]
    store = Store(db_path)
    met = [m for m in store.meetings(s.id for s in store.summaries()) if "Dr. Anna Weber" in m.people]
    assert met and not [m for m in store.meetings(s.id for s in store.summaries()) if "Anna Weber" in m.people]
    assert all("Dr. Anna Weber" in m.debrief.present for m in met if m.debrief and m.debrief.present)


async def test_enter_moves_through_the_person_form_as_through_every_form_and_saves_from_the_last_field(db_path: Path) -> None:
    acme_with_people(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "k", "a")
        form = app.screen
        assert isinstance(form, PersonForm)
        await type_text(pilot, "Jürgen Weiß")
        await press(app, pilot, "enter")
        assert app.screen is form and app.focused is form.query_one("#role")
        await type_text(pilot, "Head of IT")
        await press(app, pilot, "enter", "t", "enter", "n", "enter", "enter")  # technical evaluator, neutral, no rhythm
        assert app.focused is form.query_one("#email")
        await type_text(pilot, "j.weiss@acme.example")
        await press(app, pilot, "enter")
        await type_text(pilot, "+49 30 1234")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, CustomerCardScreen)
    card = saved(db_path)
    assert card is not None and card.people[-1] == Person(name="Jürgen Weiß", role="Head of IT", email="j.weiss@acme.example",
                                                          phone="+49 30 1234", part="technical evaluator", stance="neutral")
