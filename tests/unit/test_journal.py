"""Nothing the rep saved is lost: not on a kill, a torn write, a full disk or a second copy."""

from __future__ import annotations

import errno
import json
import os
import random
import runpy
import signal
import stat
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import msgspec
import pytest

from prep.errors import StoreError
from prep.library.loader import load_library
from prep.model.meeting import Answer, Meeting
from prep.model.shapes import to_builtins
from prep.storage import journal
from prep.storage.store import SCHEMA_VERSION, Store

WRITER = Path(__file__).parents[2] / "benchmarks" / "crash_writer.py"
# The writer is a script the soak benchmark runs too; its parser of acknowledged saves is read from it.
acknowledged = runpy.run_path(str(WRITER))["acknowledged"]


def meeting(customer: str, goal: str = "Pilot", index: int = 0) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    found = Meeting(customer=customer, when=datetime(2026, 11, 24, 9 + index % 8), checklist=checklist, goal=goal)
    found.answers["needs/situation"] = Answer(text=f"{customer} plans on paper")
    return found


def journal_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".journal")


def test_saves_survive_reopening_and_compaction(db_path: Path) -> None:
    store = Store(db_path)
    saved = [meeting(f"Customer {i}", index=i) for i in range(5)]
    for item in saved:
        store.save(item)
    assert Store(db_path).meeting(saved[2].id) == saved[2]
    store.compact()
    assert journal_of(db_path).read_bytes() == journal.MARK_LINE  # folded: the journal holds no row
    again = Store(db_path)
    assert [again.meeting(m.id) for m in saved] == saved
    # The snapshot is still JSON that any tool can read.
    data = json.loads(db_path.read_bytes())
    assert len(data["meetings"]) == 5 and len(data["checklists"]) == 1
    assert data["meta"]["1"]["schema"] == SCHEMA_VERSION


def test_a_write_cut_short_by_a_crash_is_ignored_and_cut_off(db_path: Path) -> None:
    first = meeting("Kept Co")
    Store(db_path).save(first)
    with journal_of(db_path).open("ab") as torn:
        torn.write(b'0badc0de {"meetings": {"1": {"customer": "Half wri')
    store = Store(db_path)
    assert [s.customer for s in store.summaries()] == ["Kept Co"]
    second = meeting("Next Co")
    store.save(second)
    assert b"Half wri" not in journal_of(db_path).read_bytes()
    assert {s.customer for s in Store(db_path).summaries()} == {"Kept Co", "Next Co"}


def test_a_zeroed_journal_tail_is_a_write_that_never_finished(db_path: Path) -> None:
    Store(db_path).save(meeting("Kept Co"))
    with journal_of(db_path).open("ab") as tail:
        tail.write(b"\x00" * 512)
    store = Store(db_path)
    store.save(meeting("Next Co"))
    assert {s.customer for s in Store(db_path).summaries()} == {"Kept Co", "Next Co"}


def test_damage_in_the_middle_of_the_journal_is_reported_and_left_alone(db_path: Path) -> None:
    store = Store(db_path)
    for name in ("One", "Two", "Three"):
        store.save(meeting(name))
    data = bytearray(journal_of(db_path).read_bytes())
    first_line_end = data.index(b"\n")
    data[first_line_end - 5] ^= 0x20  # one flipped bit in the first entry
    journal_of(db_path).write_bytes(bytes(data))
    before = journal_of(db_path).read_bytes()
    broken = Store(db_path)
    with pytest.raises(StoreError, match=r"prep.json.journal:1: a damaged entry .*prep repair"):
        broken.summaries()
    with pytest.raises(StoreError):
        broken.save(meeting("Four"))
    assert journal_of(db_path).read_bytes() == before


@pytest.mark.parametrize("cut", [1, 100, 2000, -10])
def test_a_truncated_snapshot_is_reported_and_never_written_over(db_path: Path, cut: int) -> None:
    store = Store(db_path)
    store.add_many(meeting(f"Customer {i}", index=i) for i in range(30))
    store.compact()
    data = db_path.read_bytes()
    damaged = data[:cut] if cut > 0 else data[:cut]
    db_path.write_bytes(damaged)
    broken = Store(db_path)
    with pytest.raises(StoreError, match=f"{db_path}: the database is damaged"):
        broken.summaries()
    with pytest.raises(StoreError):
        broken.save(meeting("New"))
    assert db_path.read_bytes() == damaged


def test_a_full_disk_keeps_what_was_saved_and_says_so(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_path)
    store.save(meeting("Kept Co"))
    before = journal_of(db_path).read_bytes()

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(journal.os, "write", disk_full)
        with pytest.raises(StoreError, match="No space left on device.*free some disk space"):
            store.save(meeting("Lost Co"))
    assert journal_of(db_path).read_bytes() == before
    assert [s.customer for s in store.summaries()] == ["Kept Co"]
    store.save(meeting("Later Co"))
    assert {s.customer for s in Store(db_path).summaries()} == {"Kept Co", "Later Co"}


@pytest.mark.parametrize("error", [errno.EACCES, errno.EROFS])
def test_a_folder_prep_may_not_write_is_a_permission_problem_not_a_full_disk(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, error: int,
) -> None:
    store = Store(db_path)
    store.save(meeting("Kept Co"))

    def not_allowed(*args: object) -> int:
        raise OSError(error, os.strerror(error))

    for name, call in (("write", "save"), ("fsync", "compact")):
        with monkeypatch.context() as patch:
            patch.setattr(journal.os, name, not_allowed)
            with pytest.raises(StoreError) as caught:
                store.save(meeting("Lost Co")) if call == "save" else store.compact()
        message = str(caught.value)
        assert f"prep may not write in {db_path.parent}: check its permissions" in message, message
        assert "disk space" not in message
    assert [s.customer for s in Store(db_path).summaries()] == ["Kept Co"]


def test_every_file_is_private_to_its_owner(db_path: Path) -> None:
    store = Store(db_path)
    store.save(meeting("Private Co"))
    store.compact()
    store.save(meeting("Other Co"))
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    files = store.files()
    assert {p.name for p in files} >= {"prep.json", "prep.json.journal", "prep.json.lock"}
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in files)


def test_two_copies_see_each_others_saves(db_path: Path) -> None:
    app, cli = Store(db_path), Store(db_path)
    first, second = meeting("From the app"), meeting("From the CLI")
    app.save(first)
    cli.save(second)
    assert {s.customer for s in app.summaries()} == {"From the app", "From the CLI"}
    cli.compact()
    first.goal = "Changed after the other compacted"
    app.save(first)
    assert cli.meeting(first.id).goal == "Changed after the other compacted"  # type: ignore[union-attr]
    assert Store(db_path).count() == 2


def test_an_older_layout_is_read_as_it_is_and_upgraded_with_the_first_write(db_path: Path) -> None:
    old = meeting("Old Co")
    db_path.parent.mkdir(parents=True)
    original = json.dumps({"meta": {"1": {"schema": 1}}, "meetings": {"1": to_builtins(old)}}).encode()
    db_path.write_bytes(original)
    store = Store(db_path)
    assert store.meeting(old.id) == old and [s.customer for s in store.summaries()] == ["Old Co"]
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["prep.json", "prep.json.lock"]  # read: nothing written
    assert db_path.read_bytes() == original
    store.save(meeting("New Co"))
    backup = db_path.with_name("prep.json.before-upgrade.bak")
    assert backup.read_bytes() == original
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert json.loads(db_path.read_bytes())["meta"]["1"]["schema"] == SCHEMA_VERSION
    assert {s.customer for s in Store(db_path).summaries()} == {"Old Co", "New Co"}


def run_writer(db_path: Path, name: str, count: int, compact_at: int = 64 * 1024) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(db_path), name, str(count), str(compact_at)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def test_killing_a_writer_at_random_moments_keeps_every_acknowledged_save(db_path: Path) -> None:
    rng = random.Random(4)
    acked: dict[str, str] = {}
    for round_ in range(4):
        writer = run_writer(db_path, f"w{round_}", 100_000)
        assert writer.stdout is not None
        first = writer.stdout.readline()  # it is up and writing, however slowly Python started
        time.sleep(rng.uniform(0.3, 1.2))
        writer.send_signal(signal.SIGKILL)
        out, _ = writer.communicate()
        acked.update(acknowledged(first + out))
        store = Store(db_path)
        for meeting_id, goal in acked.items():
            found = store.meeting(meeting_id)
            assert found is not None, f"{meeting_id} was acknowledged and is gone"
            assert found.goal == goal
    assert len(acked) > 20


def test_two_writers_at_once_lose_nothing(db_path: Path) -> None:
    writers = [run_writer(db_path, name, 60) for name in ("left", "right")]
    outputs = [writer.communicate(timeout=120) for writer in writers]
    assert all(writer.returncode == 0 for writer in writers), [err for _, err in outputs]
    acked = {k: v for out, _ in outputs for k, v in acknowledged(out).items()}
    assert len(acked) == 120
    store = Store(db_path)
    assert store.count() == 120
    assert all(store.meeting(meeting_id).goal == goal for meeting_id, goal in acked.items())  # type: ignore[union-attr]


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_database_names_the_file_and_the_fix(db_path: Path) -> None:
    Store(db_path).save(meeting("Locked Co"))
    Store(db_path).compact()
    db_path.chmod(0)
    try:
        with pytest.raises(StoreError, match="check its permissions"):
            Store(db_path).summaries()
    finally:
        db_path.chmod(0o600)


def test_a_new_draft_stays_among_the_rows_read_first_after_a_compaction(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_path)
    store.add_many(msgspec.structs.replace(meeting(f"Past {i}", index=i), status="prepared", when=datetime(2025, 1, i + 1, 9))
                   for i in range(25))
    store.compact()
    monkeypatch.setattr(journal, "COMPACT_AT_BYTES", 1)  # the next save compacts
    monkeypatch.setattr(journal.JournalStorage, "_snapshot_size", lambda self: 0)
    draft = meeting("Fresh draft")
    store.save(draft)
    assert journal_of(db_path).read_bytes() == journal.MARK_LINE  # folded: the journal holds no row
    reopened = Store(db_path)
    assert "Fresh draft" in {s.customer for s in reopened.home_summaries()}


def test_leftovers_of_a_killed_compaction_are_removed(db_path: Path) -> None:
    store = Store(db_path)
    store.save(meeting("Secret Co"))
    leftover = db_path.with_name(".prep.json.99999.tmp")
    leftover.write_bytes(b'{"customer": "Secret Co"')
    store.compact()
    assert not leftover.exists()


def test_the_data_folders_are_private_even_under_umask_000(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        db = tmp_path / "new" / "deeper" / "prep.json"
        Store(db).save(meeting("Private Co"))
    finally:
        os.umask(old)
    assert [stat.S_IMODE(p.stat().st_mode) for p in (db.parent.parent, db.parent)] == [0o700, 0o700]
    assert {stat.S_IMODE(p.stat().st_mode) for p in db.parent.iterdir()} == {0o600}


@pytest.mark.parametrize(("code", "advice"), [(errno.ENOSPC, "free some disk space"),
                                              (errno.EROFS, "may not write in"),
                                              (errno.EACCES, "may not write in")])
def test_a_failed_save_says_whether_the_disk_is_full_or_the_folder_read_only(
        db_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, advice: str) -> None:
    store = Store(db_path)
    store.save(meeting("Kept Co"))

    def refuse(fd: int, data: bytes) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(journal.os, "write", refuse)
    with pytest.raises(StoreError, match=advice):
        store.save(meeting("Lost Co"))
    monkeypatch.undo()
    assert [s.customer for s in Store(db_path).summaries()] == ["Kept Co"]
