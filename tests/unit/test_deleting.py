"""Deleting one meeting: gone from every list at once, back with an undo, and after the undo
window erased as thoroughly as `prep forget` erases a customer."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from helpers import NOW
from prep.errors import ErasedMeeting
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.model.shapes import encode
from prep.storage.store import Store


def a_meeting(customer: str, goal: str = "Pilot scope") -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, 24, 10), checklist=checklist, goal=goal)


def files_holding(folder: Path, text: str) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.is_file() and text.encode() in p.read_bytes())


@pytest.fixture
def store(db_path: Path) -> Store:
    return Store(db_path, clock=lambda: NOW)


def test_a_deleted_meeting_leaves_every_list_and_an_undo_brings_it_back_as_it_was(store: Store) -> None:
    kept, dropped = a_meeting("Acme Tools"), a_meeting("Bolt Systems", goal="A duplicate draft")
    store.save(kept)
    store.save(dropped)
    before = store.meeting(dropped.id)

    assert store.delete_meetings([dropped.id]) == 1
    assert [s.customer for s in store.summaries()] == ["Acme Tools"]
    assert store.count() == 1 and store.meeting(dropped.id) is None
    assert [s.customer for s in Store(store.path).summaries()] == ["Acme Tools"]  # another running copy too

    assert store.restore_meetings([dropped.id]) == 1
    back = store.meeting(dropped.id)
    assert back is not None and before is not None and encode(back) == encode(before)
    assert store.count() == 2


def test_a_window_still_showing_a_deleted_meeting_cannot_save_it_back(store: Store) -> None:
    draft = a_meeting("Bolt Systems")
    store.save(draft)
    store.delete_meetings([draft.id])
    draft.goal = "Typed in a window that still shows it"
    with pytest.raises(ErasedMeeting, match="was deleted and is not saved again"):
        store.save(draft)
    assert store.meeting(draft.id) is None


def test_after_the_undo_window_the_meeting_is_in_no_file_of_the_data_folder(store: Store) -> None:
    kept, dropped = a_meeting("Acme Tools"), a_meeting("Bolt Systems", goal="Secret discount plan")
    store.save(kept)
    store.save(dropped)
    store.compact()
    # A backup from before the delete holds the meeting too.
    backup = store.path.with_name("prep.json.schema-1.bak")
    backup.write_bytes(store.path.read_bytes())
    store.delete_meetings([dropped.id])

    assert store.erase_meetings([dropped.id]) == 1
    folder = store.path.parent
    assert files_holding(folder, dropped.id) == []
    assert files_holding(folder, "Secret discount plan") == []
    assert "Acme Tools" in backup.read_text()  # the backup keeps the rest
    assert store.restore_meetings([dropped.id]) == 0  # too late for an undo
    with pytest.raises(ErasedMeeting, match="was deleted and is not saved again"):
        store.save(dropped)
    assert [s.customer for s in Store(store.path).summaries()] == ["Acme Tools"]
    assert store.finish_forgetting() == 0  # nothing left unfinished


def test_a_meeting_can_be_erased_without_being_set_aside_first(store: Store) -> None:
    meeting = a_meeting("Bolt Systems")
    store.save(meeting)
    assert store.erase_meetings([meeting.id]) == 1
    assert store.count() == 0 and files_holding(store.path.parent, meeting.id) == []


def test_a_delete_a_kill_left_unerased_is_erased_at_a_later_start_but_not_while_it_may_be_undone(db_path: Path) -> None:
    meeting = a_meeting("Bolt Systems")
    Store(db_path, clock=lambda: NOW).save(meeting)
    Store(db_path, clock=lambda: NOW).delete_meetings([meeting.id])  # and then the app was killed

    soon = Store(db_path, clock=lambda: NOW + timedelta(seconds=5))
    assert soon.finish_deleting(timedelta(minutes=1)) == 0
    assert soon.restore_meetings([meeting.id]) == 1  # still undoable in the window that deleted it
    soon.delete_meetings([meeting.id])

    later = Store(db_path, clock=lambda: NOW + timedelta(hours=1))
    assert later.finish_deleting(timedelta(minutes=1)) == 1
    assert later.restore_meetings([meeting.id]) == 0
    assert files_holding(db_path.parent, meeting.id) == []


def test_forgetting_a_customer_erases_their_meeting_that_waits_for_an_undo_too(store: Store) -> None:
    first, second = a_meeting("Bolt Systems"), a_meeting("Bolt Systems", goal="Second")
    store.save(first)
    store.save(second)
    store.delete_meetings([first.id])
    assert store.forget("Bolt Systems") == 2
    assert store.restore_meetings([first.id]) == 0
    assert files_holding(store.path.parent, "Bolt Systems") == []
