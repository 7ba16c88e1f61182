"""The index of meeting summaries the store keeps: what lists, the home screen and search need.

Built first for the rows the home screen needs (the snapshot keeps them first), the
rest in the background a chunk at a time, and kept in step with every write of this
copy and every change another running copy makes. Rows that do not read as meetings
are reported with their id and the field.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from prep.errors import StoreError
from prep.language import _
from prep.model.shapes import ShapeError, convert, decode
from prep.model.summary import MeetingSummary, summarise
from prep.storage.migrations import MEETINGS
from prep.storage.rows import MeetingRow, Rows

if TYPE_CHECKING:
    from prep.storage.journal import Changes, JournalStorage
    from prep.storage.tables import PrepDB

T = TypeVar("T")
RECENT_HOT = 20  # the newest meetings are read first too: the home screen lists them
INDEX_CHUNK = 2000


class SummaryIndex:
    """The summaries of every meeting, by row key; the Store builds on it."""

    path: Path
    clock: Callable[[], datetime]
    _lock: threading.RLock
    _storage: JournalStorage | None
    _summaries: dict[str, MeetingSummary]
    _complete: bool
    _reset: bool
    _stale: set[str]
    _newest_first: list[MeetingSummary] | None = None  # summaries() sorted, until the index changes
    _revision = 0  # counts the index's changes: see `summaries_at`

    def _open(self) -> PrepDB:
        raise NotImplementedError

    def _reloaded(self, changes: Changes | None) -> None:
        # Called by the storage while it holds its lock: only note what to redo.
        if changes is None:
            self._reset = True
        else:
            self._stale.update(changes.get(MEETINGS, {}))

    def _tables(self) -> dict[str, Rows]:
        self._open()
        assert self._storage is not None
        return self._storage.read() or {}

    def _meetings(self) -> Rows:
        """The meeting rows, caught up with every running copy, with the index in step."""
        rows = self._tables().get(MEETINGS) or Rows()
        self._index_hot(rows)
        return rows

    def _index_hot(self, rows: Rows) -> None:
        """Index what the home screen needs, and whatever changed since the index was made."""
        assert self._storage is not None
        if self._reset:
            self._summaries, self._stale = {}, set()
            self._complete = False
            self._reset = False
            self._index(rows, self._storage.hot_keys(MEETINGS))
        if self._stale:
            stale, self._stale = self._stale, set()
            self._index(rows, stale)

    def _index(self, rows: Rows, keys: Iterable[str]) -> None:
        self._newest_first = None
        self._revision += 1
        for key in keys:
            self._summaries.pop(key, None)
            if key in rows:
                record = self._decode(rows.text(key), MeetingRow, key)
                self._summaries[key] = summarise(record, record.checklist_title)

    def _hot_rows(self, table: str, rows: Rows) -> set[str]:
        """What the next start needs first: drafts, what is coming up, open follow-ups, the newest."""
        if table != MEETINGS:
            return set()
        # Called while the snapshot is rewritten. Rows not indexed yet come from the
        # cold part of the last snapshot and stay cold: past meetings stay past, and
        # anything new or changed arrived through the journal and is indexed.
        self._index_hot(rows)
        since = self.clock() - timedelta(days=1)
        hot = {key for key, s in self._summaries.items() if s.is_draft or s.when >= since or s.has_open_followups}
        newest = sorted(self._summaries.items(), key=lambda item: item[1].when, reverse=True)[:RECENT_HOT]
        return hot | {key for key, _summary in newest}

    def index_everything(self) -> None:
        """Read every meeting into the index, a chunk at a time so saves are not held up."""
        while True:
            with self._lock:
                rows = self._meetings()
                if self._complete:
                    return  # rows changed since were indexed by `_meetings` as they arrived
                missing = [key for key in rows if key not in self._summaries][:INDEX_CHUNK]
                if not missing:
                    self._complete = True
                    return
                self._index(rows, missing)

    def _decode(self, text: bytes | memoryview, kind: type[T], key: str) -> T:
        try:
            return decode(text, kind)
        except ShapeError as error:
            raise self._damaged(key, error) from None

    def _convert(self, data: dict[str, Any], kind: type[T], key: str) -> T:
        try:
            return convert(data, kind)
        except ShapeError as error:
            raise self._damaged(key, error) from None

    def _damaged(self, key: str, error: ShapeError) -> StoreError:
        return StoreError(_("{path}: meeting {meeting} does not read as a meeting ({problem}); "
                            "it was left as it is — restore a backup, or export and fix it").format(
                                path=self.path, meeting=key, problem=error))

    def home_summaries(self) -> list[MeetingSummary]:
        """What the home screen needs, fast at any size: drafts, upcoming, open follow-ups, newest."""
        with self._lock:
            self._meetings()
            return list(self._summaries.values())

    def summaries(self) -> list[MeetingSummary]:
        """Every meeting, newest first."""
        return self.summaries_at()[1]

    def summaries_at(self) -> tuple[int, list[MeetingSummary]]:
        """Every meeting newest first, and a number that is different whenever they are.

        What is worked out from every summary (the customers a form completes) is kept
        with the number and worked out again only once it changes.
        """
        self.index_everything()
        with self._lock:
            self._meetings()
            # Sorted once until something changes: at 20k the sort is most of what a screen
            # listing meetings waits for, and most screens ask before anything has changed.
            if self._newest_first is None:
                self._newest_first = sorted(self._summaries.values(), key=lambda s: (s.when, s.id), reverse=True)
            return self._revision, list(self._newest_first)

    def count(self) -> int:
        """How many meetings are stored."""
        with self._lock:
            return len(self._meetings())

    def customers(self) -> list[str]:
        """Every customer met or prepared for, alphabetically."""
        return sorted({s.customer for s in self.summaries()}, key=str.lower)
