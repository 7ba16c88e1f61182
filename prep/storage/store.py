"""The one gateway to the rep's database. Nothing else in prep knows TinyDB is underneath.

TinyDB sits on `prep.storage.journal.JournalStorage`, which keeps rows as JSON text in memory,
appends each change to an fsync'd journal and compacts now and then. On top of it the
store keeps an index of meeting summaries (`prep.storage.index`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from prep.errors import PrepError, StoreError, UnfinishedErasure
from prep.language import _
from prep.model.checklist import Checklist
from prep.model.meeting import Meeting
from prep.model.merge import merge
from prep.model.shapes import decode, encode, to_builtins
from prep.model.summary import MeetingSummary
from prep.storage.cards import CustomerCards
from prep.storage.index import SummaryIndex
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

if TYPE_CHECKING:  # TinyDB and the journal load with the first read, not before the first paint
    from prep.storage.journal import JournalStorage
    from prep.storage.repair import Repair
    from prep.storage.rows import Rows
    from prep.storage.tables import PrepDB



@dataclass(frozen=True)
class Saved:
    """What a save did: `merged` is the meeting as written when another copy's changes were merged in."""

    merged: Meeting | None
    conflicts: list[str]


READ_AT_ONCE = 500  # meetings `Store.meetings` reads under one lock: a report on 50,000 reads a hundred times, not 50,000


class Store(SummaryIndex, CustomerCards):
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
        self._copies: dict[str, Checklist] = {}  # checklist copies read, by the name they are stored under

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
            return self._write([meeting.tidied() for meeting in meetings])

    def _write(self, meetings: list[Meeting]) -> int:
        # The meetings come tidied (`Meeting.tidied`): save has tidied its own already, for the merge.
        from tinydb.table import Document

        db = self._open()
        copies: dict[str, Document] = {}
        refs: dict[int, tuple[str, str]] = {}  # most meetings share a few checklist objects
        rows: list[Document] = []
        for meeting in meetings:
            ref, title = refs.get(id(meeting.checklist)) or ("", "")
            if not ref:
                copy = to_builtins(meeting.checklist)
                ref = checklist_ref(copy)[0]
                title = meeting.checklist.title
                refs[id(meeting.checklist)] = (ref, title)
                copies[ref] = Document({"ref": ref, "checklist": copy}, doc_id=doc_id(ref))
            row = to_builtins(meeting)
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
        from prep.storage.erase import customer_keys

        return self._erase(lambda tables: customer_keys(tables, customer), deleted=False, others=self._theirs(customer))

    def erase_meetings(self, meeting_ids: Iterable[str]) -> int:
        """Erase these meetings for good, as `forget` erases a customer: tombstones, backups scrubbed, no copy left.

        A meeting set aside by `delete_meetings` is erased too. The same errors as `forget`;
        returns how many meetings were erased.
        """
        keys = [str(doc_id(meeting_id)) for meeting_id in meeting_ids]
        return self._erase(lambda tables: keys, deleted=True)

    def _erase(self, keys: Callable[[dict[str, Rows]], list[str]], *, deleted: bool,
               others: Callable[[dict[str, Rows]], dict[str, list[str]]] | None = None) -> int:
        from prep.storage.erase import erase

        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                removed = erase(self._storage, tables, keys(tables), self._stamp(), deleted=deleted,
                                others=others(tables) if others else None)
                self._stale.update(removed)
                self._finish(tables, everywhere=True)
        return len(removed)

    def delete_meetings(self, meeting_ids: Iterable[str]) -> int:
        """Take meetings out of every list at once, kept only so that `restore_meetings` can undo it.

        `erase_meetings` erases them for good when the undo window closes; if nothing does
        (a kill), `finish_deleting` at the next start does. Returns how many were set aside.
        """
        from prep.storage.erase import set_aside

        return self._move(set_aside, meeting_ids)

    def restore_meetings(self, meeting_ids: Iterable[str]) -> int:
        """Undo `delete_meetings`: the meetings are back in every list as they were. Returns how many."""
        from prep.storage.erase import put_back

        return self._move(lambda storage, tables, keys, at: put_back(storage, tables, keys), meeting_ids)

    def _move(self, move: Callable[[JournalStorage, dict[str, Rows], list[str], str], list[str]],
              meeting_ids: Iterable[str]) -> int:
        keys = [str(doc_id(meeting_id)) for meeting_id in meeting_ids]
        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                moved = move(self._storage, tables, keys, self._stamp())
                self._stale.update(moved)
        return len(moved)

    def finish_deleting(self, older_than: timedelta) -> int:
        """Erase meetings deleted longer ago than `older_than` whose erasure a kill stopped (see prep.storage.erase).

        Deletions younger than that may still be undone in another running copy: they wait.
        """
        from prep.storage.erase import overdue_deletions

        with self._lock:
            before = (self.clock() - older_than).isoformat(timespec="seconds")
            if not overdue_deletions(self._tables(), before):
                return 0  # a read first: nothing is written when nothing waits
        return self._erase(lambda tables: overdue_deletions(tables, before), deleted=True)

    def _stamp(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    def repair(self, now: datetime) -> Repair:
        """Set damaged files aside and rebuild the database from everything that still reads."""
        from prep.storage.repair import repair

        with self._lock:
            self.close()
            return repair(self.path, now)

    def finish_forgetting(self, *, everywhere: bool = False) -> int:
        """Finish an erasure that a kill, a full disk or a read-only folder interrupted.

        `everywhere` looks through the data folder again even when none is unfinished (what
        `prep forget` does). Returns how many meetings the unfinished erasure covered.
        """
        from prep.storage.erase import FORGOTTEN, unfinished

        with self._lock:
            tables = self._tables()  # a read first: nothing is written when nothing was ever erased
            if not (unfinished(tables) or (everywhere and tables.get(FORGOTTEN))):
                return 0
            assert self._storage is not None
            with self._storage.writing() as tables:
                return self._finish(tables, everywhere=everywhere)

    def erased(self) -> int:
        """How many meetings were erased with `forget` (only their ids are kept, so no copy saves them again).

        Meetings the rep deleted one by one in the app are not counted: they were not forgotten.
        """
        from prep.storage.erase import FORGOTTEN

        with self._lock:
            forgotten = self._tables().get(FORGOTTEN) or {}
            return sum(1 for key in forgotten if not forgotten[key].get("deleted"))

    def _finish(self, tables: dict[str, Rows], *, everywhere: bool) -> int:
        from prep.storage.erase import finish

        assert self._storage is not None
        try:
            return finish(self._storage, tables, self.files(), everywhere=everywhere)
        except PrepError as error:
            raise UnfinishedErasure(_("{problem} — the erased meetings are gone from every list; the rest is done "
                                      "when `prep forget` runs again (or the app next opens)").format(problem=error)) from None

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
        """The whole meetings with these ids, one at a time, to read (reports, exports, lists).

        Unlike `meeting`, what is read here is not remembered as the version an edit started
        from: a report read while a debrief is open must not hide another window's save from
        the debrief's, and 50,000 meetings read for a report need not stay in memory.
        """
        batch: list[str] = []
        for meeting_id in meeting_ids:
            batch.append(meeting_id)
            if len(batch) == READ_AT_ONCE:
                yield from self._read(batch)
                batch = []
        yield from self._read(batch)

    def _read(self, meeting_ids: list[str]) -> list[Meeting]:
        """These meetings, read as one version of the database (another copy's journal is caught up with once)."""
        if not meeting_ids:
            return []
        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.reading() as tables:
                return [meeting for meeting_id in meeting_ids if (meeting := self._stored(meeting_id, tables)) is not None]

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

    def _stored(self, meeting_id: str, tables: dict[str, Rows] | None = None) -> Meeting | None:
        """The meeting as stored; from `tables` when the caller holds them caught up (`reading()`), else read now."""
        with self._lock:
            if tables is None:
                tables = self._tables()
            rows = tables.get(MEETINGS)
            key = str(doc_id(meeting_id))
            if rows is None or key not in rows:
                return None
            data = dict(rows[key])
            ref = data.pop("checklist_ref", "")
            data.pop("checklist_title", None)
            checklist = self._copies.get(ref) if isinstance(ref, str) else None
            if checklist is None:
                copies = tables.get(CHECKLISTS)
                copy = copies.get(str(doc_id(ref))) if copies is not None and isinstance(ref, str) else None
                if copy is None:
                    raise StoreError(_("{path}: the checklist of meeting {meeting} is missing; restore a backup").format(
                        path=self.path, meeting=meeting_id))
                # A copy is named by the hash of its content, so it never changes: read once, shared by every
                # meeting of that checklist version (checklists are frozen).
                checklist = self._copies[ref] = self._convert(copy["checklist"], Checklist, meeting_id)
            data["checklist"] = checklist
        return self._convert(data, Meeting, meeting_id)

    def exists(self) -> bool:
        """True when this database already holds something (a snapshot or a journal)."""
        return any(path.exists() and path.stat().st_size > 0 for path in (self.path, self.path.with_name(self.path.name + ".journal")))

    def files(self) -> list[Path]:
        """Every file that holds or may hold the rep's data: database, journal, lock, backups."""
        folder = self.path.parent
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.name.startswith(self.path.name) or p.name.startswith(f".{self.path.name}"))
