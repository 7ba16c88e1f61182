"""`prep open ID`: the app starts on that meeting, over the home screen."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from helpers import NOW, debriefed_meeting, fixed_now, press, settle
from prep.app import PrepApp
from prep.screens.brief import BriefScreen
from prep.screens.home import HomeScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage.store import Store


async def test_prep_open_shows_a_draft_in_its_walkthrough_over_home(db_path: Path) -> None:
    draft = debriefed_meeting("Acme", -1)
    draft.status, draft.debrief, draft.when = "draft", None, NOW + timedelta(days=1)
    Store(db_path).save(draft)
    app = PrepApp(db_path, now=fixed_now, first_meeting=draft.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.meeting.id == draft.id
        await press(app, pilot, "escape")
        assert isinstance(app.screen, HomeScreen)


async def test_prep_open_shows_a_prepared_meeting_in_its_brief(db_path: Path) -> None:
    prepared = debriefed_meeting("Acme", 2)
    Store(db_path).save(prepared)
    app = PrepApp(db_path, now=fixed_now, first_meeting=prepared.id)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, BriefScreen) and app.screen.meeting.id == prepared.id
