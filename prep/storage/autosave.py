"""Saving while the rep types: in order, off the UI thread, the latest version winning.

A Textual worker per keystroke could finish out of order and write an older text over
a newer one. Here one background thread writes; if several versions of a meeting
wait, only the newest is written.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from prep.errors import ErasedMeeting, PrepError, StoreError
from prep.model.meeting import Meeting
from prep.model.shapes import deep_copy
from prep.storage.store import Saved, Store


class Autosave:
    """Writes meetings to the store on one background thread."""

    def __init__(self, store: Store, on_error: Callable[[PrepError], None],
                 on_merged: Callable[[Meeting, Saved], None] | None = None) -> None:
        """`on_error` hears of a failed save, `on_merged` of one merged with another window's (both on this thread)."""
        self.store = store
        self.on_error = on_error
        self.on_merged = on_merged
        self._pending: dict[str, Meeting] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prep-autosave")

    def save(self, meeting: Meeting) -> Future[None]:
        """Queue this version of a meeting; it replaces any older version still waiting.

        A deep copy is queued: the rep goes on typing into the meeting on screen while it is written.
        """
        snapshot = deep_copy(meeting)
        with self._lock:
            self._pending[meeting.id] = snapshot
        return self._executor.submit(self._write, meeting.id)

    def _write(self, meeting_id: str) -> None:
        with self._lock:
            snapshot = self._pending.pop(meeting_id, None)
        if snapshot is None:
            return  # a newer version was already written by an earlier task
        try:
            saved = self.store.save(snapshot)
            if saved.merged is not None and self.on_merged is not None:
                self.on_merged(snapshot, saved)
        except ErasedMeeting as error:
            self.on_error(error)  # erased with `prep forget` by the rep: never tried again
        except PrepError as error:
            with self._lock:
                self._pending.setdefault(meeting_id, snapshot)  # retried with the next save
            self.on_error(error)
        except OSError as error:
            with self._lock:
                self._pending.setdefault(meeting_id, snapshot)
            self.on_error(StoreError(f"{self.store.path}: could not save ({error}); your text is still on screen"))

    def wait(self) -> None:
        """Block until everything queued so far is written (or has failed); at once after `close`."""
        try:
            self._executor.submit(lambda: None).result()
        except RuntimeError:  # closed: everything was written then
            return

    def close(self) -> None:
        """Write everything still waiting, then stop the thread.

        A version whose save failed earlier is tried once more: the rep may be leaving
        without typing again, and that was the only other chance.
        """
        with self._lock:
            waiting = list(self._pending)
        for meeting_id in waiting:
            self._executor.submit(self._write, meeting_id)
        self._executor.shutdown(wait=True)
