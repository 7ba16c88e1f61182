"""The rep opens a debrief from wherever they are, moves through it with enter, and finds every field again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Checkbox, Static

from helpers import debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.brief import BriefScreen
from prep.screens.confirm import Confirm
from prep.screens.debrief import DebriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.home import HomeScreen
from prep.screens.widgets.debrief_rows import (
    CriterionRow,
    FollowUpRow,
    NeedRow,
    ObjectionRow,
)
from prep.screens.widgets.fields import Choice, NoteArea, TextField
from prep.storage.store import Store


async def test_enter_moves_through_the_debrief_and_every_field_survives_leaving_it(db_path: Path) -> None:
    meeting = debriefed_meeting("Acme", 1)
    meeting.debrief = None
    Store(db_path).save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        screen = app.screen
        assert isinstance(screen, DebriefScreen)

        await type_text(pilot, "Pilot agreed")
        await pilot.press("enter")
        assert app.focused is screen.query_one("#present")  # who was there, then did the meeting succeed?
        await type_text(pilot, "Jane Doe (CFO), Tom Berg")
        await pilot.press("enter")
        criteria = screen.query(CriterionRow)
        assert len(criteria) == len(meeting.checklist.exit_criteria) == 4
        for row, letter in zip(criteria, "mpnm"):  # met, partly met, not met, met
            assert app.focused is row.query_one(".met")  # after the outcome, did the meeting succeed?
            await pilot.press(letter, "enter")
        assert app.focused is screen.query_one("#notes")
        await type_text(pilot, "Started late")

        await press(app, pilot, "ctrl+n", "ctrl+n")
        first, second = screen.query(FollowUpRow)
        first.query_one(".what").focus()
        await type_text(pilot, "Send the offer")
        await pilot.press("enter")
        assert app.focused is first.query_one(".owner")
        await pilot.press("c", "enter")  # the customer's
        assert app.focused is first.query_one(".due")
        await type_text(pilot, "fri")
        await pilot.press("enter")
        assert app.focused is second.query_one(".what")  # on to the next follow-up
        await type_text(pilot, "Book the workshop")
        await pilot.press("enter", "enter")
        await type_text(pilot, "2026-12-10")
        await pilot.press("enter")
        assert app.focused is screen.query_one("#rating")  # after the last follow-up, the relationship
        await pilot.press("4", "enter", "l", "enter", "m")
        second.query_one(".done").focus()
        await pilot.press("space")

        objection = screen.query_one(ObjectionRow)
        objection.query_one(".came-up").focus()
        await pilot.press("c", "enter", "p")
        need = screen.query_one(NeedRow)
        need.query_one(".verdict").focus()
        await pilot.press("w", "enter")
        assert app.focused is need.query_one(".note")
        await type_text(pilot, "They moved to SAP")
        screen.query_one("#unprepared").focus()
        await type_text(pilot, "Your support hours are too short")

        await press(app, pilot, "escape", "d")
        again = app.screen
        assert isinstance(again, DebriefScreen) and again is not screen
        outcome = again.query_one("#outcome", TextField)
        assert outcome.has_focus and outcome.value == "Pilot agreed" and outcome.cursor_position == len("Pilot agreed")
        assert [row.query_one(".met", Choice).value for row in again.query(CriterionRow)] == [
            "met", "partly", "not met", "met"]
        assert again.query_one("#notes", NoteArea).text == "Started late"
        assert again.query_one("#present", TextField).value == "Jane Doe, Tom Berg"
        assert again.query_one("#unprepared", NoteArea).text == "Your support hours are too short"
        assert [(row.query_one(".what", TextField).value, row.query_one(".owner", Choice).value,
                 row.query_one(".due", TextField).value, row.query_one(".done", Checkbox).value)
                for row in again.query(FollowUpRow)] == [
            ("Send the offer", "customer", "2026-11-27", False), ("Book the workshop", "me", "2026-12-10", True)]
        assert [again.query_one(f"#{name}", Choice).value for name in ("rating", "wish", "rhythm")] == [4, "less", "monthly"]
        objection = again.query_one(ObjectionRow)
        assert (objection.query_one(".came-up", Choice).value, objection.query_one(".landed", Choice).value) == ("yes", "partly")
        need = again.query_one(NeedRow)
        assert (need.query_one(".verdict", Choice).value, need.query_one(".note", TextField).value) == ("wrong", "They moved to SAP")

    saved = Store(db_path).meeting(meeting.id)
    assert saved is not None and saved.debrief is not None and saved.debrief.present == ["Jane Doe", "Tom Berg"]
    assert [(f.text, f.owner, f.due) for f in saved.debrief.followups] == [
        ("Send the offer", "customer", date(2026, 11, 27)), ("Book the workshop", "me", date(2026, 12, 10))]
    assert [saved.debrief.criteria.get(criterion) for criterion in meeting.checklist.exit_criteria] == [
        "met", "partly", "not met", "met"]


async def test_debriefing_a_meeting_that_has_not_happened_asks_first_from_every_way_in(db_path: Path) -> None:
    store = Store(db_path)
    tomorrow = debriefed_meeting("Acme", -1)
    tomorrow.debrief = None
    store.save(tomorrow)
    store.close()
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        question = app.screen
        assert isinstance(question, Confirm)
        assert str(question.query_one("#question", Static).render()) == \
            "The meeting with Acme is on Tue 24 Nov at 09:00 — debrief it already?"
        await press(app, pilot, "n")
        assert isinstance(app.screen, HomeScreen)

        await press(app, pilot, "h", "down", "d")
        assert isinstance(app.screen, Confirm)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HistoryScreen)
        await press(app, pilot, "d", "y")
        assert isinstance(app.screen, DebriefScreen)
        await press(app, pilot, "escape")  # back to the history, where the rep was
        assert isinstance(app.screen, HistoryScreen)
        await press(app, pilot, "escape")

        await press(app, pilot, "enter", "d")
        assert isinstance(app.screen, Confirm)
        await press(app, pilot, "n")
        assert isinstance(app.screen, BriefScreen)
        await press(app, pilot, "d", "y")
        assert isinstance(app.screen, DebriefScreen)
        await press(app, pilot, "escape")
        assert isinstance(app.screen, BriefScreen)
