"""The one gateway to the rep's database. Nothing else in prep knows TinyDB is underneath.

TinyDB sits on `prep.storage.journal.JournalStorage`, which keeps rows as JSON text in memory,
appends each change to an fsync'd journal and compacts now and then. On top of it the
store keeps an index of meeting summaries (what lists, the home screen and search
need): built first for the rows the home screen needs, the rest in the background.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from prep.errors import StoreError
from prep.model.meeting import Meeting
from prep.model.merge import merge
from prep.model.shapes import ShapeError, convert, decode, encode, to_builtins
from prep.model.summary import MeetingSummary, summarise
from prep.storage.migrations import (
    CHECKLISTS,
    MEETINGS,
    META,
    SCHEMA_VERSION,
    checklist_ref,
    doc_id,
    keep_backup,
    upgrade,
)
from prep.storage.rows import MeetingRow

if TYPE_CHECKING:  # TinyDB and the journal load with the first read, not before the first paint
    from prep.storage.repair import Repair
    from prep.storage.journal import Changes, JournalStorage
    from prep.storage.rows import Rows
    from prep.storage.tables import PrepDB

T = TypeVar("T")
RECENT_HOT = 20  # the newest meetings are read first too: the home screen lists them
INDEX_CHUNK = 2000


@dataclass(frozen=True)
class Saved:
    """What a save did: `merged` is the meeting as written when another copy's changes were merged in."""

    merged: Meeting | None
    conflicts: list[str]


class Store:
    """The rep's meetings, drafts and debriefs, kept in one database."""

    def __init__(self, path: Path, *, clock: Callable[[], datetime] = datetime.now) -> None:
        self.path = Path(path)
        self.clock = clock
        self._lock = threading.RLock()
        self._db: PrepDB | None = None
        self._storage: JournalStorage | None = None
        self._summaries: dict[str, MeetingSummary] = {}
        self._complete = False
        self._reset = True
        self._stale: set[str] = set()
        # What this copy last read or wrote of each meeting: when another copy saved it
        # since, a save merges instead of writing over the other copy's words.
        self._versions: dict[str, tuple[bytes, bytes]] = {}

    # -- opening ------------------------------------------------------------------

    def _open(self) -> PrepDB:
        if self._db is None:
            from prep.storage.journal import JournalStorage
            from prep.storage.tables import PrepDB

            db = PrepDB(self.path, on_reload=self._reloaded)
            storage = db.storage
            assert isinstance(storage, JournalStorage)
            storage.hot_rows = self._hot_rows
            storage.upgrade = partial(upgrade, path=self.path)
            storage.before_upgrade = partial(keep_backup, self.path)
            self._db, self._storage = db, storage
            try:
                storage.read()  # a file prep cannot use is reported now, and left as it is
            except StoreError:
                self._db, self._storage = None, None
                db.close()
                raise
        return self._db

    def close(self) -> None:
        """Release the database files."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = self._storage = None
                self._reset = True

    # -- keeping the index in step --------------------------------------------------

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
        rows = self._tables().get(MEETINGS) or _no_rows()
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
        return hot | {key for key, _ in newest}

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

    # -- writing ------------------------------------------------------------------

    def save(self, meeting: Meeting) -> Saved:
        """Save a meeting (a draft or a finished one), replacing an earlier save of it.

        If another running copy saved it since this copy read it, both sides' changes
        are merged field by field (see `prep.model.merge`); the result says so.
        """
        with self._lock:
            self._open()
            assert self._storage is not None
            ours = meeting.tidied()
            result = Saved(None, [])
            with self._storage.writing():
                seen = self._versions.get(meeting.id)
                # Comparing the row's text is enough to know nobody else wrote it: only then
                # is anything parsed and merged, so a save stays well under a millisecond.
                if seen is not None and self._row_text(meeting.id) not in (None, seen[0]):
                    theirs = self._stored(meeting.id)
                    if theirs is not None:
                        ours, conflicts = merge(decode(seen[1], Meeting), ours, theirs)
                        result = Saved(ours, conflicts)
                self._write([ours])
                self._remember(ours)
            return result

    def _row_text(self, meeting_id: str) -> bytes | None:
        rows = self._tables().get(MEETINGS)
        key = str(doc_id(meeting_id))
        return bytes(rows.text(key)) if rows is not None and key in rows else None

    def _remember(self, meeting: Meeting) -> None:
        """Note what this copy last read or wrote of a meeting: its row as stored, and the meeting."""
        text = self._row_text(meeting.id)
        if text is not None:
            self._versions[meeting.id] = (text, encode(meeting))

    def add_many(self, meetings: Iterable[Meeting]) -> int:
        """Add or replace many meetings in one write (demo data and imports)."""
        with self._lock:
            return self._write(list(meetings))

    def _write(self, meetings: list[Meeting]) -> int:
        from tinydb.table import Document

        db = self._open()
        copies: dict[str, Document] = {}
        refs: dict[int, tuple[str, str]] = {}  # most meetings share a few checklist objects
        rows: list[Document] = []
        for meeting in meetings:
            ref, title = refs.get(id(meeting.checklist)) or ("", "")
            if not ref:
                copy = to_builtins(meeting.checklist)
                ref, _ = checklist_ref(copy)
                title = meeting.checklist.title
                refs[id(meeting.checklist)] = (ref, title)
                copies[ref] = Document({"ref": ref, "checklist": copy}, doc_id=doc_id(ref))
            row = to_builtins(meeting.tidied())
            del row["checklist"]
            row["checklist_ref"], row["checklist_title"] = ref, title
            rows.append(Document(row, doc_id=doc_id(meeting.id)))
        # The schema first: another running copy that opens the file between these writes
        # must see a prep database, never checklist copies without it.
        meta = db.table(META)
        if meta.get(doc_id=1) is None:
            meta.upsert(Document({"schema": SCHEMA_VERSION}, doc_id=1))
        checklists = db.table(CHECKLISTS)
        new_copies = [copy for copy in copies.values() if not checklists.contains(doc_id=copy.doc_id)]
        if new_copies:
            # Written first: a meeting never refers to a copy that is not there.
            checklists.upsert_many(new_copies)
        # Marked before the write: a compaction inside it must see these rows as
        # indexed, or a new draft could land among the rows read last.
        self._stale.update(str(row.doc_id) for row in rows)
        table = db.table(MEETINGS)
        if len(rows) == 1:
            table.upsert(rows[0])
        elif rows:
            table.upsert_many(rows)
        return len(rows)

    def forget(self, customer: str) -> list[Path]:
        """Erase everything about a customer: their meetings are removed, the journal is folded
        away at once, backups are rewritten without them and leftovers removed.

        Returns the files that still mention them (there should be none).
        """
        from tinydb import Query

        from prep.storage.erase import scrub

        with self._lock:
            db = self._open()
            assert self._storage is not None
            removed = db.table(MEETINGS).remove(Query().customer == customer)
            self._stale.update(str(key) for key in removed)
            self._storage.compact()
        return scrub(self.files(), customer)

    def repair(self, now: datetime) -> Repair:
        """Set damaged files aside and rebuild the database from everything that still reads."""
        from prep.storage.repair import repair

        with self._lock:
            self.close()
            return repair(self.path, now)

    def compact(self) -> None:
        """Fold the journal into the snapshot now."""
        with self._lock:
            self._open()
            assert self._storage is not None
            self._storage.compact()

    # -- reading ------------------------------------------------------------------

    def meetings(self, meeting_ids: Iterable[str]) -> Iterable[Meeting]:
        """The whole meetings with these ids, one at a time."""
        for meeting_id in meeting_ids:
            meeting = self.meeting(meeting_id)
            if meeting is not None:
                yield meeting

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The whole meeting with this id, or None."""
        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.reading():  # the row and the text remembered are one version
                found = self._stored(meeting_id)
                if found is not None:
                    self._remember(found)
            return found

    def _stored(self, meeting_id: str) -> Meeting | None:
        with self._lock:
            db = self._open()
            row = db.table(MEETINGS).get(doc_id=doc_id(meeting_id))
            if row is None:
                return None
            data = dict(row)
            ref = data.pop("checklist_ref", "")
            data.pop("checklist_title", None)
            copy = db.table(CHECKLISTS).get(doc_id=doc_id(ref)) if isinstance(ref, str) else None
            if copy is None:
                raise StoreError(f"{self.path}: the checklist of meeting {meeting_id} is missing; restore a backup")
            data["checklist"] = copy["checklist"]
        return self._convert(data, Meeting, meeting_id)

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
        return StoreError(f"{self.path}: meeting {key} does not read as a meeting ({error}); "
                          "it was left as it is — restore a backup, or export and fix it")

    def home_summaries(self) -> list[MeetingSummary]:
        """What the home screen needs, fast at any size: drafts, upcoming, open follow-ups, newest."""
        with self._lock:
            self._meetings()
            return list(self._summaries.values())

    def summaries(self) -> list[MeetingSummary]:
        """Every meeting, newest first."""
        self.index_everything()
        with self._lock:
            self._meetings()
            rows = list(self._summaries.values())
        rows.sort(key=lambda s: (s.when, s.id), reverse=True)
        return rows

    def count(self) -> int:
        """How many meetings are stored."""
        with self._lock:
            return len(self._meetings())

    def customers(self) -> list[str]:
        """Every customer met or prepared for, alphabetically."""
        return sorted({s.customer for s in self.summaries()}, key=str.lower)

    def exists(self) -> bool:
        """True when this database already holds something (a snapshot or a journal)."""
        return any(path.exists() and path.stat().st_size > 0 for path in (self.path, self.path.with_name(self.path.name + ".journal")))

    def files(self) -> list[Path]:
        """Every file that holds or may hold the rep's data: database, journal, lock, backups."""
        folder = self.path.parent
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.name.startswith(self.path.name) or p.name.startswith(f".{self.path.name}"))


def _no_rows() -> Rows:
    from prep.storage.rows import Rows

    return Rows()
