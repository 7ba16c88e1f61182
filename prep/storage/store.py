"""The one gateway to the rep's database. Nothing else in prep knows TinyDB is underneath.

TinyDB sits on `prep.storage.journal.JournalStorage`, which keeps rows as JSON text in memory,
appends each change to an fsync'd journal and compacts now and then. On top of it the
store keeps an index of meeting summaries (what lists, the home screen and search
need): built first for the rows the home screen needs, the rest in the background.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from prep.errors import PrepError, StoreError, UnfinishedErasure
from prep.model.meeting import Meeting
from prep.model.shapes import ShapeError, convert, decode, to_builtins
from prep.model.summary import MeetingSummary, summarise
from prep.storage.migrations import (
    CHECKLISTS,
    MEETINGS,
    META,
    SCHEMA_VERSION,
    checklist_ref,
    doc_id,
    migrate,
)
from prep.storage.rows import MeetingRow

if TYPE_CHECKING:  # TinyDB and the journal load with the first read, not before the first paint
    from prep.storage.journal import Changes, JournalStorage
    from prep.storage.rows import Rows
    from prep.storage.tables import PrepDB

T = TypeVar("T")
RECENT_HOT = 20  # the newest meetings are read first too: the home screen lists them
INDEX_CHUNK = 2000


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

    # -- opening ------------------------------------------------------------------

    def _open(self) -> PrepDB:
        if self._db is None:
            from prep.storage.journal import JournalStorage
            from prep.storage.tables import PrepDB

            db = PrepDB(self.path, on_reload=self._reloaded)
            storage = db.storage
            assert isinstance(storage, JournalStorage)
            storage.hot_rows = self._hot_rows
            self._db, self._storage = db, storage
            try:
                self._check_schema()
            except StoreError:
                self._db, self._storage = None, None
                db.close()
                raise
        return self._db

    def _check_schema(self) -> None:
        tables = self._tables()
        meta = tables.get(META)
        version = meta[next(iter(meta))].get("schema") if meta else None
        if version is None and not tables:
            return  # a new database: the schema is written with the first save
        if version is None and MEETINGS not in tables:
            raise StoreError(f"{self.path}: this is not a prep database; it was left as it is — use --db to pick another file")
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer prep (schema {version}); update prep — the file was left as it is")
        if version is None or version < SCHEMA_VERSION:
            migrate(self._storage, self.path, version or 1)

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

    def save(self, meeting: Meeting) -> None:
        """Save a meeting (a draft or a finished one), replacing an earlier save of it."""
        with self._lock:
            self._write([meeting])

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

    def forget(self, customer: str) -> int:
        """Erase a customer for good: their meetings, and every copy prep kept of them.

        All or nothing (see prep.storage.erase): a StoreError means nothing was erased;
        UnfinishedErasure means the meetings are gone from every list and an old copy is
        left until `finish_forgetting` (the next forget or start of the app) removes it.
        Returns how many meetings were erased; none when no meeting has this customer.
        """
        from prep.storage.erase import erase

        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                removed = erase(self._storage, tables, customer, self.clock().isoformat(timespec="seconds"))
                self._stale.update(removed)
                self._finish(tables, everywhere=True)
        return len(removed)

    def finish_forgetting(self, *, everywhere: bool = False) -> int:
        """Finish an erasure that a kill, a full disk or a read-only folder interrupted.

        `everywhere` looks through the data folder again even when none is unfinished (what
        `prep forget` does). Returns how many meetings the unfinished erasure covered.
        """
        from prep.storage.erase import FORGOTTEN, unfinished

        with self._lock:
            tables = self._tables()  # a read first: nothing is written when nothing was ever erased
            if not tables.get(FORGOTTEN) or not (everywhere or unfinished(tables)):
                return 0
            assert self._storage is not None
            with self._storage.writing() as tables:
                return self._finish(tables, everywhere=everywhere)

    def erased(self) -> int:
        """How many meetings were erased with `forget` (only their ids are kept, so no copy saves them again)."""
        from prep.storage.erase import FORGOTTEN

        with self._lock:
            return len(self._tables().get(FORGOTTEN) or ())

    def _finish(self, tables: dict[str, Rows], *, everywhere: bool) -> int:
        from prep.storage.erase import finish

        assert self._storage is not None
        try:
            return finish(self._storage, tables, self.files(), everywhere=everywhere)
        except PrepError as error:
            raise UnfinishedErasure(f"{error} — the erased meetings are gone from every list; the rest is done "
                                    "when `prep forget` runs again (or the app next opens)") from None

    def compact(self) -> None:
        """Fold the journal into the snapshot now, finishing an interrupted erasure if there is one."""
        from prep.storage.erase import unfinished

        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                if unfinished(tables):
                    self._finish(tables, everywhere=False)  # folds too
                else:
                    self._storage.fold_journal()

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
