"""Nothing a rep wrote is replaced by one key: reopened fields keep their text, ctrl+z undoes, dropdowns take letters."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select, TextArea
from textual.widgets._select import SelectOverlay

from helpers import (
    NOW,
    debriefed_meeting,
    fixed_now,
    page_to,
    press,
    settle,
    start_preparation,
    type_text,
)
from prep.app import PrepApp
from prep.model.meeting import FollowUp, NeedVerdict, ObjectionOutcome
from prep.screens.base import SAVE_DELAY
from prep.screens.debrief import DebriefScreen
from prep.screens.widgets.fields import Choice, TextField
from prep.storage.store import Store


async def _reopen_debrief(app: PrepApp, pilot) -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(app, pilot, "d")
    assert isinstance(app.screen, DebriefScreen)


async def _first_likelihood(app: PrepApp, pilot) -> Choice:  # type: ignore[no-untyped-def]
    """A new preparation's objections step, its first dropdown ("How likely?") focused."""
    await start_preparation(app, pilot)
    await page_to(app, pilot, "objections")
    likelihood = app.focused
    assert isinstance(likelihood, Choice)
    return likelihood


async def test_a_stray_key_on_a_reopened_debrief_keeps_the_outcome(db_path: Path) -> None:
    meeting = debriefed_meeting("Acme", 1, outcome="Pilot agreed for March")
    Store(db_path).save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await _reopen_debrief(app, pilot)
        outcome = app.screen.query_one("#outcome", TextField)
        assert outcome.has_focus and outcome.selection.is_empty
        # The impatient rep's second `d` lands in the field: it is added, nothing is replaced.
        await press(app, pilot, "d")
        assert outcome.value == "Pilot agreed for Marchd"
        await press(app, pilot, "ctrl+z")
        assert outcome.value == "Pilot agreed for March"
        await press(app, pilot, "escape")
    saved = Store(db_path).meeting(meeting.id)
    assert saved is not None and saved.debrief is not None
    assert saved.debrief.outcome == "Pilot agreed for March"


async def test_undo_goes_back_a_burst_at_a_time_and_redo_takes_it_back(db_path: Path) -> None:
    Store(db_path).save(debriefed_meeting("Acme", 1, outcome=""))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await _reopen_debrief(app, pilot)
        outcome = app.screen.query_one("#outcome", TextField)
        await type_text(pilot, "Pilot")
        outcome._last_edit = 0.0  # a pause in the typing, as a person makes
        await type_text(pilot, " agreed")
        await press(app, pilot, "ctrl+z")
        assert outcome.value == "Pilot"
        await press(app, pilot, "ctrl+z")
        assert outcome.value == ""
        await press(app, pilot, "ctrl+y")
        assert outcome.value == "Pilot"
        assert outcome.cursor_position == len("Pilot")


async def test_a_reopened_draft_continues_after_the_text_not_before_it(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        await type_text(pilot, "Spreadsheets")
        await press(app, pilot, "escape")
        await press(app, pilot, "enter")  # the draft, from home
        answer = app.focused
        assert isinstance(answer, TextArea) and answer.text == "Spreadsheets"
        await type_text(pilot, " everywhere")
        assert answer.text == "Spreadsheets everywhere"


async def test_a_dropdown_takes_letters_and_enter_moves_on(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        likelihood = await _first_likelihood(app, pilot)
        await press(app, pilot, "p")
        assert likelihood.value == "possible"
        # A letter no option starts with is not swallowed silently: the rep is told.
        await press(app, pilot, "q")
        assert likelihood.value == "possible"
        assert any("No choice starts with “q”" in n.message for n in app._notifications)
        await press(app, pilot, "enter")
        assert isinstance(app.focused, TextArea)
        assert likelihood.value != Select.NULL


async def test_a_dropdown_opens_with_down_and_picks_with_enter(db_path: Path) -> None:
    """Its list is built the first time it opens; it shows every option, and picks the one chosen."""
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        likelihood = await _first_likelihood(app, pilot)
        assert likelihood.value == "likely"  # the checklist's own guess for this objection
        assert not likelihood.query(SelectOverlay)  # not built until it is opened
        await press(app, pilot, "down")
        overlay = likelihood.query_one(SelectOverlay)
        assert likelihood.expanded and app.focused is overlay
        assert overlay.option_count == len(likelihood._options)
        values = [value for _prompt, value in likelihood._options]
        assert overlay.highlighted == values.index("likely")  # it opens on the value chosen
        await press(app, pilot, "up", "enter")  # one up is the option above it
        assert not likelihood.expanded and app.focused is likelihood
        assert likelihood.value == "possible" == values[values.index("likely") - 1]
        await press(app, pilot, "space", "escape")  # opened again, and closed without a change
        assert not likelihood.expanded and likelihood.value == "possible"


async def test_a_dropdown_opens_with_a_click(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        likelihood = await _first_likelihood(app, pilot)
        await pilot.click(likelihood)
        await settle(app, pilot)
        assert likelihood.expanded and likelihood.query_one(SelectOverlay).display


async def test_opening_a_debrief_saves_nothing(db_path: Path) -> None:
    """Each field and dropdown says its value as it is filled: none of that is taken for an edit."""
    meeting = debriefed_meeting("Acme", 1, outcome="Pilot agreed for March", notes="Went well.\nPaula joined late.",
                                unprepared=["Price too high"], rating=4, contact_wish="more", contact_rhythm="monthly")
    assert meeting.debrief is not None
    meeting.debrief.objections["objections/no-need"] = ObjectionOutcome(came_up=True, landed="partly")
    meeting.debrief.needs["needs/situation"] = NeedVerdict(verdict="changed", note="They use an old ERP too")
    meeting.debrief.followups.append(FollowUp(text="Send the offer", due=NOW.date(), owner="customer", done=True))
    Store(db_path).save(meeting)
    stored = {path: path.read_bytes() for path in db_path.parent.glob(f"{db_path.name}*") if path.suffix != ".lock"}
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await _reopen_debrief(app, pilot)
        await pilot.pause(SAVE_DELAY * 3)
        assert app.save_state == "saved"
        assert {path: path.read_bytes() for path in stored} == stored
