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
import threading
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tinydb import Storage

from prep.errors import PrepError, StoreError
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

    # -- TinyDB's interface -------------------------------------------------------

    def read(self) -> dict[str, Rows] | None:
        """Every table, caught up with what other running copies wrote (TinyDB's read)."""
        with self._thread_lock, self._locked(exclusive=False):
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
        """Hold the write lock, caught up with every other copy's changes."""
        with self._thread_lock, self._locked(exclusive=True):
            self._catch_up()
            if self._broken:
                raise self._broken
            yield self._tables

    def commit(self, changes: Changes) -> None:
        """Append these row changes to the journal and fsync; call inside `writing()`."""
        changes = {table: rows for table, rows in changes.items() if rows}
        if not changes:
            return
        payload = dumps(changes)
        line = b"%08x " % zlib.crc32(payload) + payload + b"\n"
        self._append(line)
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
        if self._lock_fd is None:
            self._ensure_folder()
            try:
                self._lock_fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            except OSError as error:
                raise StoreError(f"{self.lock_path}: cannot open the lock file ({error.strerror}); check the folder's permissions") from None
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(self._lock_fd, fcntl.LOCK_UN)

    def _ensure_folder(self) -> None:
        folder = self.path.parent
        if not folder.exists():
            try:
                # Every folder it creates is 0700, whatever the umask; another copy may
                # create it at the same moment, and that is fine.
                private_folder(folder, fix="choose another with --db")
            except PrepError as error:
                raise StoreError(str(error)) from None

    def _snapshot_size(self) -> int:
        return self._snapshot_id[2] if self._snapshot_id else 0

    def _catch_up(self) -> None:
        """Bring memory up to date with the files, cheaply when nothing changed."""
        try:
            snapshot = self.path.stat()
            snapshot_id: tuple[int, int, int] | None = (snapshot.st_ino, snapshot.st_mtime_ns, snapshot.st_size)
        except FileNotFoundError:
            snapshot_id = None
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read the database ({error.strerror}); check its permissions") from None
        try:
            journal = self.journal_path.stat()
            journal_id, journal_size = journal.st_ino, journal.st_size
        except FileNotFoundError:
            journal_id, journal_size = None, 0

        if not self._loaded or snapshot_id != self._snapshot_id or journal_id != self._journal_id:
            self._load(snapshot_id)
            self._journal_id = journal_id
            self._offset = 0
            self._replay()
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
            raise StoreError(f"{self.path}: cannot read the database ({error.strerror}); check its permissions") from None
        try:
            self._tables, self._hot = parse_snapshot(data)
        except ValueError:
            self._broken = StoreError(
                f"{self.path}: the database is damaged; it was left as it is — restore a backup, or start afresh with --db NEW_PATH"
            )
            raise self._broken from None

    def _replay(self) -> None:
        start = self._offset
        try:
            with open(self.journal_path, "rb") as journal:
                journal.seek(start)
                data = journal.read()
        except FileNotFoundError:
            return
        except OSError as error:
            raise StoreError(f"{self.journal_path}: cannot read the journal ({error.strerror}); check its permissions") from None
        position = 0
        while True:
            end = data.find(b"\n", position)
            if end < 0:
                return  # nothing more, or a line cut short by a crash: never reported saved
            changes = _journal_line(data[position:end])
            if changes is None:
                if data[end + 1:].strip(b"\x00\n"):
                    self._broken = StoreError(
                        f"{self.journal_path}: a damaged entry in the middle of the journal; it was left as it is — "
                        "keep a copy and restore a backup, or start afresh with --db NEW_PATH"
                    )
                    raise self._broken
                return  # a damaged last line is a write that never finished
            self._apply(changes, replayed=True)
            position = end + 1
            self._offset = start + position

    def _apply(self, changes: Changes, *, replayed: bool = False) -> None:
        for table, rows in changes.items():
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
            fix = what_to_do(error, self.path.parent, "free some disk space — what was saved before is safe")
            raise StoreError(f"{self.journal_path}: cannot write ({error.strerror}); {fix}") from None
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
            fix = what_to_do(error, self.path.parent, "free some disk space — what was saved before is safe")
            raise StoreError(f"{self.journal_path}: could not save ({error.strerror}); {fix}") from None
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
        fix = "free some disk space — nothing saved was lost"
        try:
            write_file(self.path, lambda handle: write_snapshot(handle, self._tables, hot), fix=fix)
            write_file(self.journal_path, b"", fix=fix)
        except PrepError as error:
            raise StoreError(str(error)) from None
        info = self.path.stat()
        self._snapshot_id = (info.st_ino, info.st_mtime_ns, info.st_size)
        self._journal_id = self.journal_path.stat().st_ino
        self._offset = 0
        self._journal_keys = {}
        self._hot = {name: [key for key in rows if key in hot[name]] for name, rows in self._tables.items()}


def _journal_line(line: bytes) -> Changes | None:
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
