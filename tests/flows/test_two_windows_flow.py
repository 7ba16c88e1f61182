"""A rep types in one window while another window saved the same draft: nothing either typed is lost."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.notifications import Notify

from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage import Store


async def test_rep_types_on_while_another_window_changed_the_draft(demo_db: Path) -> None:
    [draft] = [s for s in Store(demo_db).summaries() if s.is_draft]
    toasts: list[str] = []

    def hear(message: Message) -> None:
        if isinstance(message, Notify):
            toasts.append(message.notification.message)

    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24), message_hook=hear) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")  # the draft is the first thing home offers
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.meeting.id == draft.id
        other = Store(demo_db)  # the other window
        theirs = other.meeting(draft.id)
        assert theirs is not None
        theirs.goal = "Goal set in the other window"
        other.save(theirs)
        await type_text(pilot, "typed here")
        screen.flush_draft()
        await settle(app, pilot)
        assert any("changed in another window too" in toast for toast in toasts)
        assert screen.meeting.goal == "Goal set in the other window"  # the screen took the other change
    stored = Store(demo_db).meeting(draft.id)
    assert stored is not None and stored.goal == "Goal set in the other window"
    assert any("typed here" in answer.text for answer in stored.answers.values())


async def test_opening_the_app_and_looking_around_writes_nothing(demo_db: Path) -> None:
    Store(demo_db).compact()
    before = {p.name: p.read_bytes() for p in demo_db.parent.iterdir()}
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h", "escape", "c", "escape")
    assert {p.name: p.read_bytes() for p in demo_db.parent.iterdir()} == before
