"""Saving while the rep types: the newest text wins, and a save that failed is made good by the next one."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from helpers import NOW
from prep.errors import PrepError, StoreError
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.storage.autosave import Autosave
from prep.storage.store import Saved, Store

WAIT = 10  # seconds; only reached when something is broken


class WatchedStore(Store):
    """A real store that notes every goal it is asked to save, can hold the first save, and can fail."""

    def __init__(self, path: Path, *, hold_first: bool = False, failures: list[Exception] | None = None) -> None:
        super().__init__(path)
        self.asked: list[str] = []
        self.saving = threading.Event()
        self.release = threading.Event()
        if not hold_first:
            self.release.set()
        self.failures = failures or []

    def save(self, meeting: Meeting) -> Saved:
        self.asked.append(meeting.goal)
        self.saving.set()
        assert self.release.wait(WAIT), "the test never let the save go on"
        if self.failures:
            raise self.failures.pop(0)
        return super().save(meeting)


def draft(goal: str) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer="Brandt Logistik GmbH", when=NOW, checklist=checklist, goal=goal, id="draft-1")
    return meeting


def stored_goal(path: Path) -> str:
    meeting = Store(path).meeting("draft-1")
    assert meeting is not None
    return meeting.goal


def test_the_newest_text_is_saved_when_several_versions_wait(db_path: Path) -> None:
    store = WatchedStore(db_path, hold_first=True)
    errors: list[PrepError] = []
    autosave = Autosave(store, errors.append)
    autosave.save(draft("v1"))
    assert store.saving.wait(WAIT)  # v1 is being written; the rep types on
    autosave.save(draft("v2"))
    autosave.save(draft("v3"))
    store.release.set()
    autosave.close()
    assert store.asked == ["v1", "v3"]  # v2 was never written: v3 had replaced it
    assert stored_goal(db_path) == "v3"
    assert errors == []


def test_a_failed_save_is_made_good_by_the_next_change(db_path: Path) -> None:
    store = WatchedStore(db_path, failures=[OSError(28, "No space left on device")])
    errors: list[PrepError] = []
    autosave = Autosave(store, errors.append)
    autosave.save(draft("v1")).result(WAIT)
    [error] = errors
    assert isinstance(error, StoreError)
    assert "\n" not in str(error)
    assert str(db_path) in str(error) and "No space left on device" in str(error)
    assert Store(db_path).meeting("draft-1") is None

    autosave.save(draft("v2")).result(WAIT)
    autosave.close()
    assert stored_goal(db_path) == "v2"
    assert len(errors) == 1


def test_a_failed_older_version_does_not_replace_a_newer_one_waiting(db_path: Path) -> None:
    failure = StoreError(f"{db_path}: could not save (disk full); free some disk space")
    store = WatchedStore(db_path, hold_first=True, failures=[failure])
    errors: list[PrepError] = []
    autosave = Autosave(store, errors.append)
    autosave.save(draft("v1"))
    assert store.saving.wait(WAIT)
    autosave.save(draft("v2"))  # typed while v1 is failing
    store.release.set()
    autosave.close()
    assert errors == [failure]  # the store's own one-line error reaches the rep as it is
    assert store.asked == ["v1", "v2"]
    assert stored_goal(db_path) == "v2"


@pytest.mark.parametrize("failure", [StoreError("prep.json: locked by another program; try again"),
                                     PermissionError(13, "Permission denied")])
def test_every_failed_save_is_told_in_one_line(db_path: Path, failure: Exception) -> None:
    store = WatchedStore(db_path, failures=[failure])
    errors: list[PrepError] = []
    autosave = Autosave(store, errors.append)
    autosave.save(draft("v1")).result(WAIT)
    autosave.close()
    [error] = errors
    assert str(error) and "\n" not in str(error)


def test_a_failed_save_is_tried_once_more_when_the_rep_leaves(db_path: Path) -> None:
    store = WatchedStore(db_path, failures=[OSError(28, "No space left on device")])
    errors: list[PrepError] = []
    autosave = Autosave(store, errors.append)
    autosave.save(draft("typed before the disk filled")).result(WAIT)
    assert len(errors) == 1 and Store(db_path).meeting("draft-1") is None
    autosave.close()  # the rep quits without typing again
    assert stored_goal(db_path) == "typed before the disk filled"


def test_whoever_shows_the_save_state_hears_saving_then_saved_or_not_saved(db_path: Path) -> None:
    store = WatchedStore(db_path, hold_first=True, failures=[StoreError("disk full")])
    heard: list[str] = []
    autosave = Autosave(store, lambda error: None, on_state=heard.append)
    autosave.save(draft("First"))
    assert store.saving.wait(WAIT)
    assert heard == ["saving"]  # while the write is under way
    store.release.set()
    autosave.wait()
    assert heard == ["saving", "not saved"]
    autosave.save(draft("Second"))
    autosave.wait()
    assert heard == ["saving", "not saved", "saving", "saved"]
    assert stored_goal(db_path) == "Second"
    autosave.close()
