"""`prep repair`: set damaged files aside and go on with everything that still reads.

Nothing is deleted: a snapshot that does not read, and a journal with lines that do
not, are renamed to `….damaged-<when>` beside the database, where a backup tool or a
person can still reach them. The new snapshot holds every row the old snapshot and
every readable journal line agree on, in journal order.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from prep.errors import PrepError, StoreError
from prep.language import N_, _
from prep.storage.files import write_file
from prep.storage.journal import (
    MARK_LINE,
    SNAPSHOT_MARK,
    read_entry,
    regular_or_missing,
)
from prep.storage.rows import Rows
from prep.storage.snapshot import parse_snapshot, write_snapshot

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: one running copy at a time
    fcntl = None  # type: ignore[assignment]


@dataclass
class Repair:
    """What `repair` did: the files set aside, the journal lines left out, the meetings kept."""

    set_aside: list[tuple[Path, Path]] = field(default_factory=list)
    skipped_lines: list[int] = field(default_factory=list)
    meetings: int = 0

    @property
    def needed(self) -> bool:
        """False when every file read whole and nothing was touched."""
        return bool(self.set_aside)


def repair(path: Path, now: datetime) -> Repair:
    """Rebuild the database at `path` from what reads, keeping every damaged file aside."""
    journal = path.with_name(path.name + ".journal")
    for file, what in ((path, N_("the database")), (journal, N_("the journal"))):
        regular_or_missing(file, what)
    with _write_lock(path):
        result = Repair()
        tables: dict[str, Rows] = {}
        snapshot_damaged = False
        journal_bytes = _read(journal)
        snapshot_bytes = _read(path)
        if snapshot_bytes is not None:
            if snapshot_bytes or not journal_bytes:
                try:
                    tables = parse_snapshot(snapshot_bytes)[0] if snapshot_bytes else {}
                except ValueError:
                    snapshot_damaged = True
            else:
                snapshot_damaged = True  # empty beside a journal: prep never writes that
        lines = (journal_bytes or b"").split(b"\n")[:-1]  # what follows the last newline never finished
        follows_snapshot = False
        for number, line in enumerate(lines, start=1):
            changes = read_entry(line)
            if changes is None:
                result.skipped_lines.append(number)
                continue
            for table, rows in changes.items():
                if table == SNAPSHOT_MARK:
                    follows_snapshot = True
                    continue
                target = tables.setdefault(table, Rows())
                for key, row in rows.items():
                    if row is None:
                        target.pop(key, None)
                    else:
                        target[key] = row
        missing_snapshot = follows_snapshot and not snapshot_bytes and not snapshot_damaged
        if not (snapshot_damaged or result.skipped_lines or missing_snapshot):
            return result
        stamp = now.strftime("%Y%m%d-%H%M%S")
        if snapshot_damaged:
            result.set_aside.append(_set_aside(path, stamp))
        if journal_bytes is not None:
            result.set_aside.append(_set_aside(journal, stamp))
        fix = N_("free some disk space; the damaged files are kept beside it")
        try:
            write_file(path, lambda handle: write_snapshot(handle, tables, {}), fix=fix)
            write_file(journal, MARK_LINE, fix=fix)
        except PrepError as error:
            raise StoreError(str(error)) from None
        result.meetings = len(tables.get("meetings", ()))
        return result


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(_("{path}: cannot read ({problem}); check its permissions").format(
            path=path, problem=error.strerror)) from None


def _set_aside(path: Path, stamp: str) -> tuple[Path, Path]:
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    try:
        os.replace(path, aside)
    except OSError as error:
        raise StoreError(_("{path}: cannot set it aside ({problem}); check the folder's permissions").format(
            path=path, problem=error.strerror)) from None
    return path, aside


@contextlib.contextmanager
def _write_lock(path: Path):  # type: ignore[no-untyped-def]
    """The lock every running copy takes before writing: no copy writes while repair does."""
    if fcntl is None or not path.parent.is_dir():
        yield
        return
    lock = path.with_name(path.name + ".lock")
    regular_or_missing(lock, N_("the lock file"))
    try:
        fd = os.open(lock, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK, 0o600)
    except OSError as error:
        raise StoreError(_("{path}: cannot open the lock file ({problem}); check the folder's permissions").format(
            path=lock, problem=error.strerror)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
