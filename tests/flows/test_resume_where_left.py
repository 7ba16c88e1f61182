"""A reopened draft goes on where the rep last typed: the step, the item, the end of the text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from helpers import fixed_now, page_to, press, start_preparation, type_text
from prep.app import PrepApp
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.item_cards import ItemCard
from prep.storage.store import Store


async def test_rep_reopens_a_draft_in_the_item_they_last_typed_into(db_path: Path) -> None:
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot)
        await type_text(pilot, "45 minutes")  # in the first step
        await page_to(app, pilot, "objections")
        await press(app, pilot, "tab", "tab", "tab")  # past the first card to the second one's response
        await type_text(pilot, "Ask what a week of delay costs")
        await press(app, pilot, "escape")
        await press(app, pilot, "enter")  # the draft, from home
        walkthrough = app.screen
        assert isinstance(walkthrough, WalkthroughScreen)
        assert walkthrough.meeting.checklist.sections[walkthrough.step].id == "objections"
        response = app.focused
        assert isinstance(response, TextArea)
        card = next(node for node in response.ancestors if isinstance(node, ItemCard))
        assert card.item.id == "no-time"
        await type_text(pilot, " them")
        meeting_id = walkthrough.meeting.id
        await press(app, pilot, "escape")
    saved = Store(db_path).meeting(meeting_id)
    assert saved is not None and saved.place == "objections/no-time"
    assert saved.answers["objections/no-time"].text == "Ask what a week of delay costs them"
