"""Meetings imported from the rep's calendar wait on home "to prepare"; one key opens the form filled in from one."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from textual.widgets import Input

from helpers import NOW, fixed_now, press, settle
from prep.app import PrepApp
from prep.calendar_import import compare, read_calendar
from prep.dates import written
from prep.model.customer import Customer
from prep.screens.home import HomeScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.to_prepare import ToPrepareList
from prep.storage.store import Store

CALENDAR = b"""BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//test//calendar//EN\r
BEGIN:VEVENT\r
UID:review@acme\r
SUMMARY:Quarterly review\r
DTSTART:20261125T100000\r
DURATION:PT1H\r
ORGANIZER;CN=Rep:mailto:rep@company.com\r
ATTENDEE;CN="Weber, Anna":mailto:anna.weber@acme.com\r
ATTENDEE:mailto:tom.berg@acme.com\r
ATTENDEE;CN=Colleague:mailto:col@company.com\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:intro@globex\r
SUMMARY:Intro call\r
DTSTART:20261201T150000\r
DURATION:PT30M\r
ORGANIZER;CN=Rep:mailto:rep@company.com\r
ATTENDEE;CN=Bob Stone:mailto:bob@globex.example\r
END:VEVENT\r
END:VCALENDAR\r
"""


def imported(db_path: Path) -> None:
    """What `prep calendar import work.ics --me rep@company.com` saves, as of the tests' clock."""
    store = Store(db_path)
    store.save_customers([Customer(name="Acme Tools", domain="acme.com")])
    read = read_calendar(CALENDAR, name="work.ics", today=NOW.date(), me="rep@company.com", customers=store.customer_cards())
    store.save_appointments(compare(read, [], NOW).to_save)
    store.close()


async def test_a_meeting_from_the_calendar_is_prepared_from_home_with_its_plan_filled_in(db_path: Path) -> None:
    imported(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        waiting = app.screen.query_one(ToPrepareList)
        assert waiting.display and [a.key for a in waiting.appointments] == ["review@acme", "intro@globex"]
        assert app.screen.focused is waiting  # nothing else on home yet: the list to act on
        await press(app, pilot, "p")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        filled = {name: form.query_one(f"#{name}", Input).value for name in ("customer", "people", "date", "time", "goal")}
        assert filled == {"customer": "Acme Tools", "people": "Anna Weber, Tom Berg",
                          "date": written(datetime(2026, 11, 25), "typed date"), "time": "10:00", "goal": "Quarterly review"}
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, WalkthroughScreen)
        prepared = app.screen.meeting
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
        assert [a.key for a in app.screen.query_one(ToPrepareList).appointments] == ["intro@globex"]
    store = Store(db_path)
    assert {a.key: a.meeting for a in store.appointments()} == {"review@acme": prepared.id, "intro@globex": ""}
    saved = store.meeting(prepared.id)
    assert saved is not None and (saved.customer, saved.when, saved.goal) == ("Acme Tools", datetime(2026, 11, 25, 10, 0),
                                                                             "Quarterly review")


async def test_enter_on_an_appointment_prepares_it_and_a_meetings_keys_stay_away(db_path: Path) -> None:
    imported(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert not home.check_action("delete", ()) and not home.check_action("debrief", ()) and home.check_action("prepare", ())
        await press(app, pilot, "down", "enter")
        assert isinstance(app.screen, NewPreparationScreen)
        assert app.screen.query_one("#customer", Input).value == ""  # no card matches: the rep picks the customer
        assert app.screen.query_one("#goal", Input).value == "Intro call"


async def test_p_prepares_the_next_meeting_from_the_calendar_whichever_list_has_the_focus(demo_db: Path) -> None:
    imported(demo_db)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.focused is not app.screen.query_one(ToPrepareList)  # the drafts, as always
        assert app.screen.check_action("prepare", ()) is True  # offered in the footer from anywhere on home
        await press(app, pilot, "p")
        form = app.screen
        assert isinstance(form, NewPreparationScreen)
        assert form.query_one("#goal", Input).value == "Quarterly review"  # the soonest
