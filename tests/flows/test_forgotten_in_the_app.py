"""A customer erased with `prep forget` while the app is open stays erased, and the app finishes an
erasure that was interrupted."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify

from helpers import fixed_now, settle, start_preparation, type_text
from prep.app import PrepApp
from prep.errors import StoreError, UnfinishedErasure
from prep.storage.journal import JournalStorage
from prep.storage.store import Store


async def typed_and_saved(app: PrepApp, pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type, then save at once instead of after the quiet moment the app waits for."""
    await type_text(pilot, text)
    app.screen.flush_draft()  # type: ignore[attr-defined]
    await settle(app, pilot)


async def test_a_draft_erased_from_the_command_line_is_not_saved_back_and_the_rep_is_told_once(db_path: Path) -> None:
    toasts: list[tuple[str, str]] = []
    told = asyncio.Event()

    def hook(message: Message) -> None:
        if isinstance(message, Notify) and message.notification.severity in ("warning", "error"):
            toasts.append((message.notification.title, message.notification.message))
            told.set()

    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await start_preparation(app, pilot, customer="Bolt Systems")
        await typed_and_saved(app, pilot, "Before")
        meeting_id = app.screen.meeting.id  # type: ignore[attr-defined]
        assert Store(db_path).meeting(meeting_id) is not None

        assert Store(db_path).forget("Bolt Systems") == 1  # `prep forget` in another window
        for text in (" after", " and more"):
            await typed_and_saved(app, pilot, text)
        await asyncio.wait_for(told.wait(), timeout=10)
    assert toasts == [("Erased", f"{db_path}: the meeting with Bolt Systems on 2026-11-24 was erased with "
                                 "`prep forget` and is not saved again.")]
    assert Store(db_path).meeting(meeting_id) is None
    assert [p.name for p in db_path.parent.iterdir() if b"Bolt" in p.read_bytes()] == []


async def test_the_app_finishes_an_erasure_a_full_disk_interrupted(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot, customer="Bolt Systems")
        await typed_and_saved(app, pilot, "Notes about Bolt")

    def disk_full(self: JournalStorage) -> None:
        raise StoreError(f"{self.path}: cannot write (No space left on device); free some disk space")

    with monkeypatch.context() as patch:
        patch.setattr(JournalStorage, "fold_journal", disk_full)
        with pytest.raises(UnfinishedErasure, match="gone from every list"):
            store.forget("Bolt Systems")
    assert [p.name for p in db_path.parent.iterdir() if b"Notes about Bolt" in p.read_bytes()] == ["prep.json.journal"]

    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
    assert [p.name for p in db_path.parent.iterdir() if b"Bolt" in p.read_bytes()] == []
    assert Store(db_path).finish_forgetting() == 0
