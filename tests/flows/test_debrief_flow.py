"""A rep debriefs with the keyboard, ticks off a follow-up on home, searches, and prepares again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import OptionList, Static

from helpers import NOW, debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.debrief import DebriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.home import HomeScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage.store import Store


async def test_rep_debriefs_with_a_follow_up_and_ticks_it_off_on_home(db_path: Path) -> None:
    store = Store(db_path)
    meeting = debriefed_meeting("Acme", 1)
    meeting.debrief = None
    store.save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#recent", OptionList).has_focus
        await press(app, pilot, "d")
        assert isinstance(app.screen, DebriefScreen)
        await type_text(pilot, "Pilot agreed")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await type_text(pilot, "Send offer")
        await pilot.press("tab", "tab")
        await type_text(pilot, "someday")
        await pilot.pause()
        error = app.screen.query_one(".due-error", Static)
        assert error.display and "'someday' is not a date" in str(error.render())
        for _ in range(7):
            await pilot.press("backspace")
        await type_text(pilot, "+1d")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, HomeScreen)

        saved = Store(db_path).meeting(meeting.id)
        assert saved is not None and saved.debrief is not None
        assert saved.debrief.outcome == "Pilot agreed"
        assert [(f.text, f.due) for f in saved.debrief.followups] == [("Send offer", NOW.date() + timedelta(days=1))]

        followups = app.screen.query_one("#followups", OptionList)
        assert followups.option_count == 1
        followups.focus()
        await press(app, pilot, "x")
        await settle(app, pilot)
        assert Store(db_path).meeting(meeting.id).debrief.followups[0].done  # type: ignore[union-attr]
        assert not app.screen.query_one("#followups", OptionList).display


async def test_search_narrows_as_the_rep_types(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        results = app.screen.query_one("#results", OptionList)
        counts = [results.option_count]
        for letter in "budget":
            await press(app, pilot, letter)
            counts.append(results.option_count)
        assert counts[0] == 24
        assert counts == sorted(counts, reverse=True) and 0 < counts[-1] < 24


async def test_preparing_again_shows_what_is_open_and_warns_about_contact(db_path: Path) -> None:
    from prep.model.meeting import NeedVerdict, ObjectionOutcome

    Store(db_path).save(debriefed_meeting(
        "Acme", 6, rating=4, contact_wish="less", contact_rhythm="monthly",
        objections={"objections/no-need": ObjectionOutcome(True, "badly")},
        needs={"needs/situation": NeedVerdict("changed", "Moved to SAP")},
    ))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "n")
        for text in ("Acme", "", "tomorrow"):
            await type_text(pilot, text)
            await press(app, pilot, "tab")
        screen = app.screen
        known = str(screen.query_one("#customer-known", Static).render())
        assert "What we know" in known and "Came up before" in known and "wants less contact, monthly" in known
        assert "Turned out different: Moved to SAP" in known  # what was learned, not only that it changed
        warning = screen.query_one("#contact-warning", Static)
        assert warning.display and "7 days" in str(warning.render())
        await press(app, pilot, "ctrl+s")
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        carried = str(walkthrough.query_one(".carried", Static).render())
        assert "From last time" in carried and "changed — Moved to SAP" in carried
        await press(app, pilot, "pagedown")
        carried = str(walkthrough.query_one(".carried", Static).render())
        assert "“We are fine as we are.” (answer landed badly)" in carried
