"""After the meeting the rep debriefs from the brief, writes the customer a recap, and finds their way back."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.widgets import Static

from helpers import debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.brief import BriefScreen
from prep.screens.confirm import Confirm
from prep.screens.debrief import DebriefScreen
from prep.screens.home import HomeScreen
from prep.screens.recap import RecapScreen
from prep.screens.widgets.fields import NoteArea
from prep.settings import Settings
from prep.storage.store import Store


def yesterdays_meeting_and_the_next(db_path: Path) -> str:
    """Yesterday's meeting with Acme, not yet debriefed, and the next one planned in a week."""
    store = Store(db_path)
    meeting = debriefed_meeting("Acme", 1)
    meeting.contact, meeting.debrief = "Jane Doe, CFO", None
    store.save(meeting)
    store.save(debriefed_meeting("Acme", -7))
    store.close()
    return meeting.id


async def test_rep_debriefs_from_the_brief_and_sends_a_recap(db_path: Path) -> None:
    meeting_id = yesterdays_meeting_and_the_next(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "enter")  # from "Coming up" to "Recent meetings": yesterday's brief
        assert isinstance(app.screen, BriefScreen) and app.screen.meeting.id == meeting_id
        await press(app, pilot, "d")
        assert isinstance(app.screen, DebriefScreen)
        await type_text(pilot, "Pilot with two teams from January")
        await pilot.press("ctrl+n")
        await type_text(pilot, "Send the offer")
        await pilot.press("enter", "enter")
        await type_text(pilot, "fri")
        await press(app, pilot, "ctrl+r")

        recap = app.screen
        assert isinstance(recap, RecapScreen)
        draft = recap.query_one("#draft", NoteArea)
        assert draft.has_focus
        assert draft.text.startswith("Dear Jane Doe,\n\nThank you for the meeting on Sunday, 22 November.")
        assert "What we agreed:\nPilot with two teams from January.\n" in draft.text
        assert "Our next steps:\n- Send the offer (by Friday, 27 November)\n" in draft.text
        assert "Our next meeting is on Monday, 30 November at 09:00." in draft.text
        about = str(recap.query_one("#about", Static).render())
        assert "in English" in about and "not kept with the meeting" in about

        await type_text(pilot, "Sam")  # signed at the end, where the cursor is
        await press(app, pilot, "ctrl+c")
        assert app.clipboard.endswith("Best regards,\nSam")
        assert "Copied" in [n.title for n in app._notifications]
        await press(app, pilot, "ctrl+s")
        saved = Settings.from_environment().briefs / "2026-11-22-acme-recap.md"
        assert saved.read_text() == "# Acme\n\n" + app.clipboard
        assert stat.S_IMODE(saved.stat().st_mode) == 0o600
        assert any(str(saved) in n.message for n in app._notifications)

        await press(app, pilot, "escape")
        assert isinstance(app.screen, DebriefScreen)
        await press(app, pilot, "escape")
        brief = app.screen
        assert isinstance(brief, BriefScreen)
        assert brief.meeting.debrief is not None and brief.meeting.debrief.outcome == "Pilot with two teams from January"
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)
    saved_meeting = Store(db_path).meeting(meeting_id)
    assert saved_meeting is not None and saved_meeting.debrief is not None
    assert [f.text for f in saved_meeting.debrief.followups] == ["Send the offer"]


async def test_leaving_a_recap_with_edits_not_copied_asks_first(db_path: Path) -> None:
    yesterdays_meeting_and_the_next(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "d", "ctrl+r")
        assert isinstance(app.screen, RecapScreen)
        await type_text(pilot, "PS: see you soon")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, Confirm)
        await press(app, pilot, "n")
        assert isinstance(app.screen, RecapScreen)
        assert app.screen.query_one("#draft", NoteArea).text.endswith("PS: see you soon")
        await press(app, pilot, "escape", "y")
        assert isinstance(app.screen, DebriefScreen)
        await press(app, pilot, "ctrl+r", "escape")  # nothing edited: back at once
        assert isinstance(app.screen, DebriefScreen)
