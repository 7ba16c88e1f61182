"""`prep forget` is all or nothing, and what it erased stays erased: through a kill, a full disk,
a read-only folder, a second running copy that still shows the meeting, and an old export."""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from prep.cli import main
from prep.errors import ErasedMeeting, PrepError
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.reports.brief import write_brief
from prep.settings import Settings
from prep.storage.autosave import Autosave
from prep.storage.store import Store

GONE = "Northwind Dental Group"  # in the demo history, and mentioned in no other customer's notes


def a_meeting(customer: str, goal: str = "Pilot scope", day: int = 24) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, day, 10), checklist=checklist, goal=goal)


def prep(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prep", *args, "--db", str(db)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60)


def mentioning(folder: Path, text: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file() and text.encode() in p.read_bytes()]


def theirs(db: Path, customer: str = GONE) -> dict[str, str]:
    """The customer's meetings by id, with their goals."""
    store = Store(db)
    found = {s.id: s.goal for s in store.summaries() if s.customer == customer}
    store.close()
    return found


@pytest.fixture
def history(demo_db: Path) -> Path:
    """The demo history with the customer in the snapshot, the journal, a backup and a saved brief."""
    store = Store(demo_db)
    store.compact()
    meeting = store.meeting(next(iter(theirs(demo_db))))
    assert meeting is not None
    meeting.goal = "A change that goes to the journal"
    store.save(meeting)
    demo_db.with_name("prep.json.schema-1.bak").write_bytes(demo_db.read_bytes())
    write_brief(meeting, Settings.from_environment().briefs)
    write_brief(a_meeting("Quarry Hill Foods"), Settings.from_environment().briefs)
    store.close()
    return demo_db


def briefs() -> list[str]:
    folder = Settings.from_environment().briefs
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def assert_forgotten_for_good(db: Path, before: dict[str, str]) -> None:
    assert theirs(db) == {}
    assert mentioning(db.parent, "Northwind") == []
    assert [name for name in briefs() if "northwind" in name] == []
    assert Store(db).count() == 24 - len(before)
    assert Store(db).finish_forgetting() == 0  # nothing is left unfinished


# -- a second running copy and an old export ---------------------------------------------

def test_a_second_running_copy_cannot_save_an_erased_meeting_back(db_path: Path) -> None:
    app, cli = Store(db_path), Store(db_path)
    draft, other = a_meeting("Bolt Systems"), a_meeting("Quarry Hill Foods")
    app.save(draft)
    app.save(other)
    assert cli.forget("Bolt Systems") == 1

    draft.goal = "Typed after the forget, in the window still open"
    with pytest.raises(ErasedMeeting, match=r"prep\.json: the meeting with Bolt Systems on 2026-11-24 was erased "
                                             r"with `prep forget` and is not saved again"):
        app.save(draft)
    with pytest.raises(ErasedMeeting):
        app.add_many([other, draft])  # all or nothing: the other meeting's change is not written either
    errors: list[PrepError] = []
    autosave = Autosave(app, errors.append)
    autosave.save(draft)
    autosave.close()  # an erased meeting is not tried again on the way out
    assert [type(error) for error in errors] == [ErasedMeeting]
    assert Store(db_path).meeting(draft.id) is None
    assert [s.customer for s in Store(db_path).summaries()] == ["Quarry Hill Foods"]
    assert mentioning(db_path.parent, "Bolt") == []


def test_an_old_export_does_not_bring_an_erased_customer_back(demo_db: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    assert prep("export", "-o", str(export), db=demo_db).returncode == 0
    assert prep("forget", GONE, "--yes", db=demo_db).returncode == 0

    result = prep("import", str(export), db=demo_db)
    assert result.returncode == 1
    index = next(i for i, m in enumerate(json.loads(export.read_text())["meetings"]) if m["customer"] == GONE)
    assert f"{export}: meetings[{index}] ({GONE}, " in result.stderr
    assert "was erased with `prep forget` and is not imported again; nothing was imported" in result.stderr
    assert theirs(demo_db) == {} and Store(demo_db).count() < 24


# -- briefs, mentions and leftovers -------------------------------------------------------

def test_forget_lists_the_customers_briefs_and_deletes_them(history: Path) -> None:
    before = theirs(history)
    assert any("northwind" in name for name in briefs())
    result = prep("forget", "northwind", "--yes", db=history)
    assert result.returncode == 0, result.stderr
    assert "It deletes the 1 brief prep saved for them: " in result.stdout and "northwind-dental-group.md" in result.stdout
    assert "Exports you made with `prep export` are yours to delete." in result.stdout
    assert_forgotten_for_good(history, before)
    assert [name for name in briefs() if "quarry-hill-foods" in name]  # another customer's brief stays


def test_other_customers_meetings_that_mention_the_name_are_named_and_left_to_the_rep(db_path: Path) -> None:
    store = Store(db_path)
    store.save(a_meeting("Bolt Systems"))
    store.save(a_meeting("Acme Bolt GmbH", goal="Win them over from Bolt Systems", day=20))
    result = prep("forget", "Bolt Systems", "--yes", db=db_path)
    assert result.returncode == 0, result.stderr
    assert ("Bolt Systems is still mentioned in 1 meeting of other customers: Acme Bolt GmbH (2026-11-20) — "
            "edit them if that should go too") in result.stdout
    assert [s.customer for s in Store(db_path).summaries()] == ["Acme Bolt GmbH"]


def test_a_copy_of_the_database_left_in_the_folder_is_named_and_the_rerun_finishes(history: Path) -> None:
    before = theirs(history)
    copy = history.with_name("prep.json.copy")
    copy.write_bytes(history.read_bytes())
    result = prep("forget", GONE, "--yes", db=history)
    assert result.returncode == 1
    assert f"{copy}: still holds meetings erased with `prep forget`; delete it by hand" in result.stderr
    assert "gone from every list" in result.stderr and theirs(history) == {}

    copy.unlink()
    rerun = prep("forget", GONE, "--yes", db=history)
    assert rerun.returncode == 0, rerun.stderr
    assert f"Finished erasing {len(before)} meetings that an interrupted `prep forget` left in old copies." in rerun.stdout
    assert f"Nothing called {GONE!r} is left" in rerun.stdout
    assert_forgotten_for_good(history, before)


# -- a full disk, a read-only folder, a kill ----------------------------------------------

@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Make the Nth system call that writes fail with an errno: [n, errno, calls so far].

    Opening the lock file is left alone: it comes with the first read, before anything is planned.
    """
    plan = [0, 0, 0]
    writes = os.O_WRONLY | os.O_RDWR | os.O_CREAT

    def failing_at_n(real, opening: bool):  # type: ignore[no-untyped-def]
        def call(*args, **kwargs):  # type: ignore[no-untyped-def]
            if not opening or (args[1] & writes and not str(args[0]).endswith(".lock")):
                plan[2] += 1
                if plan[2] == plan[0]:
                    raise OSError(plan[1], os.strerror(plan[1]))
            return real(*args, **kwargs)

        return call

    for name in ("open", "write", "fsync", "replace"):
        monkeypatch.setattr(os, name, failing_at_n(getattr(os, name), name == "open"))
    yield plan


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_a_failure_at_any_write_leaves_the_customer_whole_or_erased_and_the_rerun_finishes(
    history: Path, tmp_path: Path, failing: list[int], capsys: pytest.CaptureFixture[str], error: int,
) -> None:
    before = theirs(history)
    template, briefs_template = tmp_path / "template", tmp_path / "briefs-template"
    shutil.copytree(history.parent, template)
    shutil.copytree(Settings.from_environment().briefs, briefs_template)
    outcomes = set()
    for n in range(1, 200):
        shutil.rmtree(history.parent)
        shutil.copytree(template, history.parent)
        shutil.rmtree(Settings.from_environment().briefs)
        shutil.copytree(briefs_template, Settings.from_environment().briefs)
        failing[:] = [n, error, 0]
        code = main(["forget", GONE, "--yes", "--db", str(history)])
        failing[0] = 0
        out, err = capsys.readouterr()
        if code == 0:
            break
        assert code == 1 and err.count("\n") == 1, err
        if error == errno.ENOSPC:
            assert "free some disk space" in err
        else:
            assert "prep may not write in" in err and "check its permissions" in err and "disk space" not in err
        left = theirs(history)
        assert left in ({}, before), f"write {n}: half erased"
        outcomes.add("untouched" if left else "erased")
        assert ("nothing was erased" in err) == bool(left)
        assert main(["forget", GONE, "--yes", "--db", str(history)]) == 0, capsys.readouterr().err
        capsys.readouterr()
        assert_forgotten_for_good(history, before)
    else:
        pytest.fail("forget never finished")
    assert outcomes == {"untouched", "erased"}
    assert_forgotten_for_good(history, before)


# prep on a slow disk, so that kills land between its steps: each flush takes a while, and
# so does each journal append, which leaves time to kill it before the erasure is recorded.
SLOW_DISK = ("-u", "-c", "import os, sys, time\n"
             "fsync, write = os.fsync, os.write\n"
             "os.fsync = lambda fd: (time.sleep(0.03), fsync(fd))[1]\n"
             "os.write = lambda fd, data: (time.sleep(0.15), write(fd, data))[1]\n"
             "from prep.cli import main\n"
             "raise SystemExit(main(sys.argv[1:]))\n")


def forget_killed_after(db: Path, delay: float | None) -> float:
    """Run forget on a slow disk and SIGKILL it `delay` seconds into its work; returns how long it ran."""
    run = subprocess.Popen([sys.executable, *SLOW_DISK, "forget", GONE, "--yes", "--db", str(db)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    assert run.stdout is not None
    assert run.stdout.readline().startswith("This erases"), run.stderr.read() if run.stderr else ""
    started = time.monotonic()
    if delay is None:
        run.communicate(timeout=60)
        assert run.returncode == 0
    else:
        time.sleep(delay)
        run.send_signal(signal.SIGKILL)
        run.communicate(timeout=60)
    return time.monotonic() - started


def test_a_forget_killed_at_any_moment_is_finished_by_running_it_again(history: Path, tmp_path: Path) -> None:
    before = theirs(history)
    template, briefs_template = tmp_path / "template", tmp_path / "briefs-template"
    shutil.copytree(history.parent, template)
    shutil.copytree(Settings.from_environment().briefs, briefs_template)
    length = forget_killed_after(history, None)  # how long a whole forget takes on this slow disk
    outcomes = []
    runs = 12
    for run in range(runs):
        shutil.rmtree(history.parent)
        shutil.copytree(template, history.parent)
        shutil.rmtree(Settings.from_environment().briefs)
        shutil.copytree(briefs_template, Settings.from_environment().briefs)
        forget_killed_after(history, length * run / (runs - 2))
        left = theirs(history)
        assert left in ({}, before), f"kill {run}: half erased"
        rerun = prep("forget", GONE, "--yes", db=history)
        assert rerun.returncode == 0, rerun.stderr
        outcomes.append("untouched" if left else "finished by the rerun" if "Finished erasing" in rerun.stdout else "done")
        assert_forgotten_for_good(history, before)
    assert "untouched" in outcomes and "finished by the rerun" in outcomes, outcomes
