"""Reading never writes, and damage is reported with the file and the line, never dropped or written over."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from prep.errors import StoreError
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.storage import Store


def meeting(customer: str) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, 25, 14), checklist=checklist, goal="Pilot")


def prep(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prep", *args, "--db", str(db)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60)


def files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def a_database(db_path: Path, *names: str, compact: bool = True) -> None:
    store = Store(db_path)
    for name in names:
        store.save(meeting(name))
    if compact:
        store.compact()
    store.close()


READS = [("export",), ("export", "--format", "csv"), ("followups",)]


@pytest.mark.parametrize("read", READS, ids=lambda r: " ".join(r))
def test_reading_a_database_that_does_not_exist_creates_nothing(tmp_path: Path, read: tuple[str, ...]) -> None:
    db = tmp_path / "nowhere" / "prep.json"
    result = prep(*read, db=db)
    assert result.returncode == 0, result.stderr
    assert not db.parent.exists()


@pytest.mark.parametrize("read", READS, ids=lambda r: " ".join(r))
def test_reads_leave_every_file_byte_for_byte(db_path: Path, read: tuple[str, ...]) -> None:
    a_database(db_path, "Kept Co", compact=False)
    with db_path.with_name("prep.json.journal").open("ab") as journal:
        journal.write(b'0badc0de {"meetings": {"1": {"customer": "Half wri')  # a write a crash cut short
    before = files_of(db_path.parent)
    result = prep(*read, db=db_path)
    assert result.returncode == 0, result.stderr
    assert files_of(db_path.parent) == before


def test_an_empty_snapshot_beside_its_journal_is_damage_not_a_new_database(db_path: Path) -> None:
    a_database(db_path, "One Co")
    Store(db_path).save(meeting("Two Co"))
    db_path.write_bytes(b"")
    before = files_of(db_path.parent)
    for read in READS:
        result = prep(*read, db=db_path)
        assert result.returncode == 1 and result.stderr.count("\n") == 1
        assert f"{db_path}: the database is empty but its journal is not" in result.stderr
    assert files_of(db_path.parent) == before  # no migration, no fold, no backup


def test_a_missing_snapshot_that_the_journal_follows_is_damage(db_path: Path) -> None:
    a_database(db_path, "One Co")
    db_path.unlink()
    before = files_of(db_path.parent)
    result = prep("export", db=db_path)
    assert result.returncode == 1 and "is missing or empty, yet its journal follows one" in result.stderr
    assert files_of(db_path.parent) == before


@pytest.mark.parametrize("line", [-1, 0])
def test_a_damaged_complete_journal_line_is_reported_by_number_and_never_cut(db_path: Path, line: int) -> None:
    a_database(db_path, "Snapshot Co")
    store = Store(db_path)
    store.save(meeting("First Co"))
    store.save(meeting("Last Co"))
    store.close()
    journal = db_path.with_name("prep.json.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    index = len(lines) + line if line < 0 else 1  # the last complete line, or the first after the mark
    lines[index] = lines[index][:30] + bytes([lines[index][30] ^ 0x01]) + lines[index][31:]
    journal.write_bytes(b"".join(lines))
    before = files_of(db_path.parent)
    result = prep("export", db=db_path)
    assert result.returncode == 1
    assert f"{journal}:{index + 1}: a damaged entry" in result.stderr and "prep repair" in result.stderr
    with pytest.raises(StoreError):
        Store(db_path).save(meeting("Another Co"))
    assert files_of(db_path.parent) == before


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_database_that_is_not_an_ordinary_file_is_refused_at_once(tmp_path: Path, special: str) -> None:
    db = tmp_path / "data" / "prep.json"
    db.parent.mkdir()
    if special == "fifo":
        os.mkfifo(db)
    else:
        db.symlink_to(special)
    started = time.monotonic()
    result = prep("export", db=db)
    assert time.monotonic() - started < 10
    assert result.returncode == 1 and "is not an ordinary file" in result.stderr
    assert sorted(p.name for p in db.parent.iterdir()) == ["prep.json"]


def test_a_journal_that_is_a_pipe_is_refused_at_once(db_path: Path) -> None:
    a_database(db_path, "One Co")
    journal = db_path.with_name("prep.json.journal")
    journal.unlink()
    os.mkfifo(journal)
    result = prep("export", db=db_path)
    assert result.returncode == 1 and f"{journal}: the journal is not an ordinary file" in result.stderr


def test_repair_sets_a_damaged_journal_aside_and_keeps_every_line_that_reads(db_path: Path) -> None:
    a_database(db_path, "Snapshot Co")
    store = Store(db_path)
    for name in ("First Co", "Damaged Co", "Last Co"):
        store.save(meeting(name))
    store.close()
    journal = db_path.with_name("prep.json.journal")
    lines = journal.read_bytes().splitlines(keepends=True)
    lines[2] = lines[2].replace(b"Damaged Co", b"Damaged Cx")  # line 3: the checksum no longer matches
    journal.write_bytes(b"".join(lines))
    damaged = journal.read_bytes()

    result = prep("repair", db=db_path)
    assert result.returncode == 0, result.stderr
    assert "Left out journal lines that do not read: 3." in result.stdout
    [aside] = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]
    assert aside.name.startswith("prep.json.journal.damaged-") and aside.read_bytes() == damaged
    assert {s.customer for s in Store(db_path).summaries()} == {"Snapshot Co", "First Co", "Last Co"}
    Store(db_path).save(meeting("After Co"))  # writing works again
    assert prep("repair", db=db_path).stdout.startswith("Nothing to repair")


def test_repair_rebuilds_from_the_journal_when_the_snapshot_is_gone(db_path: Path) -> None:
    a_database(db_path, "Lost Co")
    Store(db_path).save(meeting("Journal Co"))
    db_path.write_bytes(b"")
    result = prep("repair", db=db_path)
    assert result.returncode == 0, result.stderr
    assert {s.customer for s in Store(db_path).summaries()} == {"Journal Co"}
    assert len([p for p in db_path.parent.iterdir() if ".damaged-" in p.name]) == 2


def test_looking_up_a_meeting_in_a_database_that_does_not_exist_creates_nothing(tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "prep.json"
    store = Store(db)
    assert store.meeting("0123456789abcdef") is None and store.summaries() == [] and store.count() == 0
    assert not db.parent.exists()


def test_forget_beside_a_backup_that_is_a_pipe_never_hangs(db_path: Path) -> None:
    a_database(db_path, "Gone Co", "Kept Co")
    os.mkfifo(db_path.with_name("prep.json.before-upgrade.bak"))
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "prep", "forget", "Gone Co", "--yes", "--db", str(db_path)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60)
    assert time.monotonic() - started < 10
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert [s.customer for s in Store(db_path).summaries()] == ["Kept Co"]
