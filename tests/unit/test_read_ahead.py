"""What screens read ahead: worked out once for what the history is, again once it changes — here or in another copy."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.screens.read_ahead import ReadAhead
from prep.storage import Store


def meeting(customer: str, day: int) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, day, 10), checklist=checklist)


def test_the_history_is_worked_out_again_only_once_it_changes(db_path: Path) -> None:
    store = Store(db_path)
    store.save(meeting("Brandt Logistik GmbH", 20))
    ahead = ReadAhead(store, load_library)
    assert ahead.history_if_read() is None  # nothing read before it is asked for
    first = ahead.history()
    assert ahead.history() is first and ahead.history_if_read() is first
    assert first.customers == ["Brandt Logistik GmbH"]
    assert first.known.names == ["Brandt Logistik GmbH"]

    store.save(meeting("Acme AG", 21))
    second = ahead.history()
    assert second is not first
    assert second.customers == ["Acme AG", "Brandt Logistik GmbH"]
    assert [m.customer for m in second.meetings] == ["Acme AG", "Brandt Logistik GmbH"]  # newest first
    assert second.known.meetings("acme ag")[0].customer == "Acme AG"


def test_a_meeting_saved_by_another_running_copy_is_caught_up_with(db_path: Path) -> None:
    store = Store(db_path)
    store.save(meeting("Brandt Logistik GmbH", 20))
    ahead = ReadAhead(store, load_library)
    first = ahead.history()
    Store(db_path).save(meeting("Nordlicht Foods", 22))  # another window
    assert ahead.history_if_read() is first  # what was read, without reading again
    assert "Nordlicht Foods" in ahead.history().customers


def test_the_checklists_are_read_once(db_path: Path) -> None:
    reads = []

    def read() -> object:
        reads.append(1)
        return load_library()

    ahead = ReadAhead(Store(db_path), read)  # type: ignore[arg-type]
    assert ahead.library_if_read() is None
    assert ahead.library() is ahead.library() is ahead.library_if_read()
    assert reads == [1]
