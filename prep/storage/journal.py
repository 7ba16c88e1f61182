"""A TinyDB storage that stays fast at 50,000 meetings and never loses a saved word.

Stock TinyDB re-reads and re-parses the whole JSON file for every query and rewrites
all of it, in place, for every write. This storage keeps the database in memory and
on disk as two files:

- the *snapshot* (`prep.json`): JSON that TinyDB itself could read, written one row
  per line, with a checksum at the end. Rows are kept in memory as their JSON text
  and parsed only when asked for, so memory stays close to the size on disk.
- the *journal* (`prep.json.journal`): one line per committed change, each with a
  CRC, appended and fsync'd before a save is reported. A line cut short by a crash
  was never reported saved; it is ignored, and cut off before the next append.

When the journal has grown, the snapshot is rewritten through a temporary file,
fsync and rename, and the journal starts again empty. Replaying a journal over a
snapshot that already holds it gives the same result (every change is a whole
row or a deletion), so a crash between those two steps loses nothing.

Several processes may use one database: writes hold an exclusive `flock` on
`prep.json.lock` and first catch up with what the others wrote; reads take a
shared lock to catch up. A file that cannot be read is reported and never written.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tinydb import Storage

from prep.errors import PrepError, StoreError
from prep.language import N_, _
from prep.storage.files import fsync_folder, private_folder, what_to_do, write_file
from prep.storage.rows import Row, Rows, dumps
from prep.storage.snapshot import parse_snapshot, write_snapshot

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one running copy at a time
    fcntl = None  # type: ignore[assignment]

COMPACT_AT_BYTES = 8 * 1024 * 1024

Changes = dict[str, dict[str, Row | None]]


class JournalStorage(Storage):
    """Snapshot plus journal; see the module docstring."""

    def __init__(self, path: Path | str, on_reload: Callable[[Changes | None], None] | None = None) -> None:
        self.path = Path(path)
        self.journal_path = self.path.with_name(self.path.name + ".journal")
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.on_reload = on_reload
        self.hot_rows: Callable[[str, Rows], set[str]] = lambda table, rows: set()
        self._tables: dict[str, Rows] = {}
        self._hot: dict[str, list[str]] = {}
        self._journal_keys: dict[str, dict[str, None]] = {}
        self._snapshot_id: tuple[int, int, int] | None = None
        self._journal_id: int | None = None
        self._offset = 0  # end of the last whole journal line read or written
        self._broken: StoreError | None = None
        self._loaded = False
        self._lock_fd: int | None = None
        self._thread_lock = threading.RLock()
        self._lines = 0  # whole journal lines read so far, to name a damaged one
        self._held: list[str] = []  # the lock this copy holds now, outermost first
        # What turns an older layout into the current one (the store sets it): applied in
        # memory whenever the files are read, written only with the first write.
        self.upgrade: Callable[[dict[str, Rows]], Changes | None] = lambda tables: None
        self.before_upgrade: Callable[[], None] = lambda: None
        self._upgrade: Changes | None = None

    # -- TinyDB's interface -------------------------------------------------------

    def read(self) -> dict[str, Rows] | None:
        """Every table, caught up with what other running copies wrote (TinyDB's read).

        Reading never writes: a database that does not exist yet stays without a folder
        or a lock file, and nothing is migrated, compacted or cut here.
        """
        with self._thread_lock:
            if self._lock_fd is None and not self._exists():
                return None
            with self._locked(exclusive=False):
                self._catch_up()
        return self._tables or None

    def write(self, data: dict[str, dict[str, Row]]) -> None:
        """Replace everything (TinyDB's drop_tables and the like): a compaction with this data."""
        with self.writing():
            self._tables = {name: Rows({k: dumps(v) for k, v in rows.items()}) for name, rows in data.items()}
            self.fold_journal()

    def close(self) -> None:
        """Release the lock file (TinyDB's close)."""
        with self._thread_lock:
            if self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None

    # -- what the store uses --------------------------------------------------------

    @contextlib.contextmanager
    def writing(self) -> Iterator[dict[str, Rows]]:
        """Hold the write lock, caught up with every other copy's changes.

        An older layout read so far only in memory is written now, before anything else,
        after the store has kept a verified backup (`before_upgrade`).
        """
        with self._thread_lock, self._locked(exclusive=True):
            self._catch_up()
            if self._broken:
                raise self._broken
            if self._upgrade is not None:
                self.before_upgrade()
                upgrade, self._upgrade = self._upgrade, None
                self.commit(upgrade)
                self.fold_journal()
            yield self._tables

    @contextlib.contextmanager
    def reading(self) -> Iterator[dict[str, Rows]]:
        """Hold the shared lock, caught up: several reads inside see one version of the files."""
        with self._thread_lock:
            if self._lock_fd is None and not self._exists():
                yield {}  # nothing to read, and reading makes no folder or lock
                return
            with self._locked(exclusive=False):
                self._catch_up()
                yield self._tables

    def commit(self, changes: Changes) -> None:
        """Append these row changes to the journal and fsync; call inside `writing()`."""
        changes = {table: rows for table, rows in changes.items() if rows}
        if not changes:
            return
        self._append(journal_entry(changes))
        self._apply(changes)
        if self._offset > max(COMPACT_AT_BYTES, self._snapshot_size() // 2):
            self.fold_journal()

    def compact(self) -> None:
        """Fold the journal into a new snapshot now (after `forget`, so no old copy stays)."""
        with self.writing():
            self.fold_journal()

    def hot_keys(self, table: str) -> list[str]:
        """Rows the last snapshot marked as needed first, and rows changed since."""
        keys = dict.fromkeys(self._hot.get(table, []))
        keys.update(self._journal_keys.get(table, {}))
        return list(keys)

    # -- files ----------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self, *, exclusive: bool) -> Iterator[None]:
        if fcntl is None:
            yield
            return
        if self._held:
            # Already held by this copy (a read inside a write): taking or releasing the
            # lock again would let another copy in halfway.
            if exclusive and self._held[0] != "exclusive":
                raise RuntimeError("a write inside a read would need the lock upgraded")  # a bug, never a user error
            self._held.append("nested")
            try:
                yield
            finally:
                self._held.pop()
            return
        if self._lock_fd is None:
            # Checked before the lock file is made: a database prep cannot use gets no lock beside it.
            regular_or_missing(self.path, N_("the database"))
            regular_or_missing(self.journal_path, N_("the journal"))
            regular_or_missing(self.lock_path, N_("the lock file"))
            self._ensure_folder()
            try:
                self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
            except OSError as error:
                raise StoreError(_("{path}: cannot open the lock file ({problem}); check the folder's permissions").format(
                    path=self.lock_path, problem=error.strerror)) from None
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        self._held.append("exclusive" if exclusive else "shared")
        try:
            yield
        finally:
            self._held.pop()
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _ensure_folder(self) -> None:
        folder = self.path.parent
        if not folder.exists():
            try:
                # Every folder it creates is 0700, whatever the umask; another copy may
                # create it at the same moment, and that is fine.
                private_folder(folder, fix=N_("choose another with --db"))
            except PrepError as error:
                raise StoreError(str(error)) from None

    def _exists(self) -> bool:
        return os.path.lexists(self.path) or os.path.lexists(self.journal_path)

    def _snapshot_size(self) -> int:
        return self._snapshot_id[2] if self._snapshot_id else 0

    def _catch_up(self) -> None:
        """Bring memory up to date with the files, cheaply when nothing changed."""
        regular_or_missing(self.path, N_("the database"))
        regular_or_missing(self.journal_path, N_("the journal"))
        try:
            snapshot = self.path.stat()
            snapshot_id: tuple[int, int, int] | None = (snapshot.st_ino, snapshot.st_mtime_ns, snapshot.st_size)
        except FileNotFoundError:
            snapshot_id = None
        except OSError as error:
            raise StoreError(_("{path}: cannot read the database ({problem}); check its permissions").format(path=self.path, problem=error.strerror)) from None
        try:
            journal = self.journal_path.stat()
            journal_id, journal_size = journal.st_ino, journal.st_size
        except FileNotFoundError:
            journal_id, journal_size = None, 0

        if not self._loaded or snapshot_id != self._snapshot_id or journal_id != self._journal_id:
            self._load(snapshot_id)
            self._journal_id = journal_id
            self._offset = self._lines = 0
            if snapshot_id is not None and snapshot_id[2] == 0 and journal_size:
                # prep never writes an empty snapshot (it is replaced whole): this is damage.
                raise self._damaged(_("{path}: the database is empty but its journal is not; both were left as they are").format(path=self.path))
            self._replay()
            self._upgrade = self.upgrade(self._tables)
            if self._upgrade is not None:
                self._apply(self._upgrade)  # in memory only: written with the first write
            self._loaded = True
            if self.on_reload:
                self.on_reload(None)
        elif journal_size > self._offset:
            self._replay()

    def _load(self, snapshot_id: tuple[int, int, int] | None) -> None:
        self._tables, self._hot, self._journal_keys = {}, {}, {}
        self._snapshot_id = snapshot_id
        self._broken = None
        if snapshot_id is None or snapshot_id[2] == 0:
            return
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise StoreError(_("{path}: cannot read the database ({problem}); check its permissions").format(path=self.path, problem=error.strerror)) from None
        try:
            self._tables, self._hot = parse_snapshot(data)
        except ValueError:
            raise self._damaged(_("{path}: the database is damaged; it was left as it is").format(path=self.path)) from None

    def _replay(self) -> None:
        start = self._offset
        try:
            with open(self.journal_path, "rb") as journal:
                journal.seek(start)
                data = journal.read()
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(_("{path}: cannot read the journal ({problem}); check its permissions").format(path=self.journal_path, problem=error.strerror)) from None
        position = 0
        while True:
            end = data.find(b"\n", position)
            if end < 0:
                return  # nothing more, or a last line without its newline: a write that never finished
            changes = read_entry(data[position:end])
            if changes is None:
                # A whole line was written and fsync'd: if it does not read, it was damaged later.
                raise self._damaged(_("{place}: a damaged entry (its checksum or its shape is wrong); the journal was left "
                                      "as it is").format(place=f"{self.journal_path}:{self._lines + 1}"))
            self._apply(changes, replayed=True)
            self._lines += 1
            position = end + 1
            self._offset = start + position

    def _damaged(self, what: str) -> StoreError:
        """Damage is reported and everything is left as it is; writing stays refused until it is dealt with."""
        self._broken = StoreError(_("{problem} — run `prep repair` to set the damaged part aside and keep the rest, "
                                    "or restore a backup").format(problem=what))
        return self._broken

    def _apply(self, changes: Changes, *, replayed: bool = False) -> None:
        for table, rows in changes.items():
            if table == SNAPSHOT_MARK:
                if self._snapshot_id is None or not self._snapshot_id[2]:
                    raise self._damaged(_("{path}: the database is missing or empty, yet its journal follows one; "
                                          "the files were left as they are").format(path=self.path))
                continue
            target = self._tables.setdefault(table, Rows())
            touched = self._journal_keys.setdefault(table, {})
            for key, row in rows.items():
                touched[key] = None
                if row is None:
                    target.pop(key, None)
                else:
                    target[key] = row
        if replayed and self.on_reload:
            self.on_reload(changes)

    def _append(self, line: bytes) -> None:
        self._ensure_folder()
        try:
            fd = os.open(self.journal_path, os.O_WRONLY | os.O_CREAT, 0o600)
        except OSError as error:
            fix = what_to_do(error, self.path.parent, N_("free some disk space — what was saved before is safe"))
            raise StoreError(_("{path}: cannot write ({problem}); {fix}").format(path=self.journal_path, problem=error.strerror, fix=fix)) from None
        created = self._journal_id is None
        try:
            # Start exactly after the last whole line: a line cut short by a crash goes.
            os.ftruncate(fd, self._offset)
            os.lseek(fd, self._offset, os.SEEK_SET)
            written = 0
            while written < len(line):
                written += os.write(fd, line[written:])
            os.fsync(fd)
            if created:
                fsync_folder(self.path.parent)
                self._journal_id = os.fstat(fd).st_ino
        except OSError as error:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, self._offset)
            fix = what_to_do(error, self.path.parent, N_("free some disk space — what was saved before is safe"))
            raise StoreError(_("{path}: could not save ({problem}); {fix}").format(path=self.journal_path, problem=error.strerror, fix=fix)) from None
        finally:
            os.close(fd)
        self._offset += len(line)

    def _remove_leftovers(self) -> None:
        """Temporary files of a compaction that was killed: nobody else compacts while we hold the lock."""
        for pattern in (f".{self.path.name}.*.tmp", f".{self.journal_path.name}.*.tmp"):
            for leftover in self.path.parent.glob(pattern):
                leftover.unlink(missing_ok=True)

    def fold_journal(self) -> None:
        """Write a new snapshot with everything and start an empty journal; call inside `writing()`."""
        self._ensure_folder()
        self._remove_leftovers()
        hot = {name: self.hot_rows(name, rows) for name, rows in self._tables.items()}
        fix = N_("free some disk space — nothing saved was lost")
        try:
            write_file(self.path, lambda handle: write_snapshot(handle, self._tables, hot), fix=fix)
            # The new journal starts by saying that a snapshot goes with it, so that a
            # snapshot lost or emptied later is seen as damage, not as a new database.
            write_file(self.journal_path, MARK_LINE, fix=fix)
        except PrepError as error:
            raise StoreError(str(error)) from None
        info = self.path.stat()
        self._snapshot_id = (info.st_ino, info.st_mtime_ns, info.st_size)
        self._journal_id = self.journal_path.stat().st_ino
        self._offset, self._lines = len(MARK_LINE), 1
        self._journal_keys = {}
        self._hot = {name: [key for key in rows if key in hot[name]] for name, rows in self._tables.items()}


def read_entry(line: bytes) -> Changes | None:
    """The row changes of one journal line, or None when its checksum or its shape is wrong."""
    if len(line) < 10 or line[8:9] != b" ":
        return None
    payload = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(payload):
            return None
        changes = json.loads(payload)
    except ValueError:
        return None
    return changes if isinstance(changes, dict) else None


def journal_entry(changes: Changes) -> bytes:
    """One journal line: a CRC of the JSON, the JSON, a newline."""
    payload = dumps(changes)
    return b"%08x " % zlib.crc32(payload) + payload + b"\n"


SNAPSHOT_MARK = "~snapshot"
MARK_LINE = journal_entry({SNAPSHOT_MARK: {"1": {"follows": True}}})


def regular_or_missing(path: Path, what: str) -> None:
    """Refuse a device, a pipe or a link to one where prep keeps data: reading one could hang or never end."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(_("{path}: cannot read {what} ({problem}); check its permissions").format(path=path, what=_(what), problem=error.strerror)) from None
    if not stat.S_ISREG(mode):
        raise StoreError(_("{path}: {what} is not an ordinary file (a device, a pipe or a folder); prep keeps its data "
                           "only in ordinary files — choose another with --db").format(path=path, what=_(what)))
