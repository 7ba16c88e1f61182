"""Saving while the rep types: in order, off the UI thread, the latest version winning.

A Textual worker per keystroke could finish out of order and write an older text over
a newer one. Here one background thread writes; if several versions of a meeting
wait, only the newest is written.

Whoever shows the rep whether their words are on disk listens with `on_state`: "saving"
as soon as a version is queued, "saved" once nothing waits, "not saved" after a failure
(until a later save succeeds). It is called on whichever thread the change happened on.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from prep.errors import ErasedMeeting, PrepError, StoreError
from prep.language import _
from prep.model.meeting import Meeting
from prep.model.shapes import deep_copy
from prep.storage.store import Saved, Store

SAVING, SAVED, NOT_SAVED = "saving", "saved", "not saved"


class Autosave:
    """Writes meetings to the store on one background thread."""

    def __init__(self, store: Store, on_error: Callable[[PrepError], None],
                 on_merged: Callable[[Meeting, Saved], None] | None = None,
                 on_state: Callable[[str], None] | None = None) -> None:
        """`on_error` hears of a failed save, `on_merged` of one merged with another window's (both on this thread);
        `on_state` of every change between SAVING, SAVED and NOT_SAVED."""
        self.store = store
        self.on_error = on_error
        self.on_merged = on_merged
        self.on_state = on_state
        self.state = SAVED
        self._queued = 0  # saves submitted and not yet finished
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
            self._queued += 1
            self._set_state(SAVING)
        return self._executor.submit(self._write_and_tell, meeting.id)

    def _set_state(self, state: str) -> None:
        # Called with the lock held, so listeners hear the states in the order they happened.
        if state != self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)

    def _write_and_tell(self, meeting_id: str) -> None:
        failed = True
        try:
            failed = not self._write(meeting_id)
        finally:
            with self._lock:
                self._queued -= 1
                if failed:
                    self._set_state(NOT_SAVED)
                elif not self._queued:
                    # A version that failed earlier waits for the next save: not saved until then.
                    self._set_state(NOT_SAVED if self._pending else SAVED)

    def _write(self, meeting_id: str) -> bool:
        """Write the newest waiting version of a meeting; False when it failed."""
        with self._lock:
            snapshot = self._pending.pop(meeting_id, None)
        if snapshot is None:
            return True  # a newer version was already written by an earlier task
        try:
            saved = self.store.save(snapshot)
            if saved.merged is not None and self.on_merged is not None:
                self.on_merged(snapshot, saved)
        except ErasedMeeting as error:
            self.on_error(error)  # erased or deleted by the rep: never tried again
        except PrepError as error:
            with self._lock:
                self._pending.setdefault(meeting_id, snapshot)  # retried with the next save
            self.on_error(error)
        except OSError as error:
            with self._lock:
                self._pending.setdefault(meeting_id, snapshot)
            self.on_error(StoreError(_("{path}: could not save ({problem}); your text is still on screen").format(
                path=self.store.path, problem=error)))
        else:
            return True
        return False

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
            with self._lock:
                self._queued += 1
            self._executor.submit(self._write_and_tell, meeting_id)
        self._executor.shutdown(wait=True)
