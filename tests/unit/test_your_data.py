"""The notes belong to the rep: export them, restore them, erase a customer for good."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prep.storage.store import Store


def prep(*args: str, db: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prep", *args, "--db", str(db)], capture_output=True, text=True,
        input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL, env=os.environ.copy(), timeout=60,
    )


def content(path: Path) -> dict[str, object]:
    document = json.loads(path.read_text())
    document.pop("exported")
    return document


def test_export_import_export_gives_the_same_content(demo_db: Path, tmp_path: Path) -> None:
    first, second, empty = tmp_path / "first.json", tmp_path / "second.json", tmp_path / "empty" / "prep.json"
    assert prep("export", "--format", "json", "-o", str(first), db=demo_db).returncode == 0
    assert oct(first.stat().st_mode & 0o777) == "0o600"
    imported = prep("import", str(first), db=empty)
    assert imported.returncode == 0 and "24 new, 0 updated, 0 already there" in imported.stdout
    assert prep("export", "-o", str(second), db=empty).returncode == 0
    assert content(first) == content(second)
    assert len(content(first)["meetings"]) == 24  # type: ignore[arg-type]


def test_importing_the_same_file_twice_adds_nothing_twice(demo_db: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    prep("export", "-o", str(export), db=demo_db)
    target = tmp_path / "target.json"
    first, second = (prep("import", str(export), db=target) for _ in range(2))
    assert f"{export}: 24 new, 0 updated, 0 already there as in the file" in first.stdout
    assert f"{export}: 0 new, 0 updated, 24 already there as in the file" in second.stdout
    journal = target.with_name("target.json.journal").read_bytes()
    assert prep("import", str(export), db=target).returncode == 0
    assert target.with_name("target.json.journal").read_bytes() == journal  # nothing to write: nothing written
    assert Store(target).count() == 24
    document = json.loads(export.read_text())
    document["meetings"][0]["goal"] = "Changed in the backup"
    export.write_text(json.dumps(document))
    assert "0 new, 1 updated, 23 already there" in prep("import", str(export), db=target).stdout


def test_an_import_that_is_not_an_ordinary_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "backup.json"
    os.mkfifo(fifo)
    result = prep("import", str(fifo), db=tmp_path / "db.json")
    assert result.returncode == 1 and f"{fifo}: not an ordinary file" in result.stderr


def test_an_import_with_a_name_of_a_million_letters_is_refused_with_the_field(demo_db: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    prep("export", "-o", str(export), db=demo_db)
    document = json.loads(export.read_text())
    document["meetings"][2]["customer"] = "A" * 1_000_001
    export.write_text(json.dumps(document))
    result = prep("import", str(export), db=tmp_path / "target.json")
    assert result.returncode == 1
    assert f"{export}: meetings[2].customer: longer than 10,000 characters" in result.stderr


def test_a_bad_import_file_is_refused_whole(demo_db: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    prep("export", "-o", str(export), db=demo_db)
    document = json.loads(export.read_text())
    del document["meetings"][5]["when"]
    export.write_text(json.dumps(document))
    target = tmp_path / "target.json"
    result = prep("import", str(export), db=target)
    assert result.returncode == 1
    assert f"{export}: meetings[5].when: missing" in result.stderr and "nothing was imported" in result.stderr
    assert Store(target).count() == 0

    export.write_text(json.dumps(document)[:500])
    result = prep("import", str(export), db=target)
    assert result.returncode == 1 and "not valid JSON at line 1" in result.stderr


HUGE = "9" * 5_000  # past the 4,300 digits Python reads or prints


@pytest.mark.parametrize(
    ("field", "number"),
    [
        ("version", HUGE),  # the header, read before anything else
        ("meetings[0].checklist.version", HUGE),  # a whole number
        ("meetings[0].checklist.version", f"-{HUGE}"),
        ("meetings[0].debrief.rating", HUGE),  # a whole number from 1 to 5
        ("meetings[0].customer", HUGE),  # text
        ("meetings[0].checklist.version", "1e999"),  # a number past what a float holds
    ],
)
def test_an_import_with_a_number_far_too_large_names_the_file_and_the_field(
    demo_db: Path, tmp_path: Path, field: str, number: str
) -> None:
    export = tmp_path / "export.json"
    prep("export", "-o", str(export), db=demo_db)
    document = json.loads(export.read_text())
    document["meetings"][0]["debrief"] = {"outcome": "agreed"}
    place = document
    *parents, key = field.replace("[0]", ".0").split(".")
    for step in parents:
        place = place[int(step)] if step.isdigit() else place[step]
    place[key] = "NUMBER"  # a placeholder json.dumps can write, replaced by the number as text
    export.write_text(json.dumps(document).replace('"NUMBER"', number))
    result = prep("import", str(export), db=tmp_path / "target.json")
    assert result.returncode == 1
    assert result.stderr.startswith(f"prep: {export}: {field}: a number far too large; ")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_one_customers_export(demo_db: Path) -> None:
    result = prep("export", "--customer", "brandt", db=demo_db)
    meetings = json.loads(result.stdout)["meetings"]
    assert meetings and {m["customer"] for m in meetings} == {"Brandt Logistik GmbH"}
    csv = prep("export", "--format", "csv", "--customer", "Brandt Logistik GmbH", db=demo_db).stdout
    assert csv.splitlines()[0].startswith("id,customer,contact,when")
    assert len(csv.splitlines()) == len(meetings) + 1
    markdown = prep("export", "--format", "md", "--customer", "Brandt Logistik GmbH", db=demo_db).stdout
    assert markdown.startswith("# Brandt Logistik GmbH")


def test_forget_erases_the_customer_from_every_file(demo_db: Path) -> None:
    store = Store(demo_db)
    store.compact()  # the customer is in the snapshot, and again in the journal below
    theirs = [s for s in store.summaries() if s.customer == "Northwind Dental Group"]
    meeting = store.meeting(theirs[0].id)
    assert meeting is not None
    meeting.goal = "A change that goes to the journal"
    store.save(meeting)
    backup = demo_db.with_name("prep.json.schema-1.bak")
    backup.write_bytes(demo_db.read_bytes())

    result = prep("forget", "Northwind Dental Group", "--yes", db=demo_db)
    assert result.returncode == 0, result.stderr
    assert f"Northwind Dental Group: {len(theirs)} meetings (0 drafts)" in result.stdout
    for path in demo_db.parent.iterdir():
        assert b"Northwind" not in path.read_bytes(), path
    remaining = Store(demo_db).summaries()
    assert len(remaining) == 24 - len(theirs)
    assert "Northwind Dental Group" not in {s.customer for s in remaining}


def test_forget_without_a_terminal_and_without_yes_erases_nothing(demo_db: Path) -> None:
    result = prep("forget", "Quarry Hill Foods", db=demo_db)
    assert result.returncode == 1
    assert "nothing was erased" in result.stderr and "--yes" in result.stderr
    assert "Quarry Hill Foods" in {s.customer for s in Store(demo_db).summaries()}


@pytest.mark.parametrize(("typed", "expected"), [("h", "too short to pick a customer"), ("orth", "no customer called"),
                                              ("Nobody Inc", "no customer called")])
def test_forget_refuses_unclear_names(demo_db: Path, typed: str, expected: str) -> None:
    result = prep("forget", typed, "--yes", db=demo_db)
    assert result.returncode == 1 and expected in result.stderr
    assert Store(demo_db).count() == 24


def test_every_file_is_written_whole_and_private_whatever_the_umask(tmp_path: Path) -> None:
    from prep.errors import PrepError
    from prep.storage.files import private_folder, write_file

    old = os.umask(0)
    try:
        folder = private_folder(tmp_path / "a" / "b")
        assert all((tmp_path / part).stat().st_mode & 0o777 == 0o700 for part in ("a", "a/b"))
        target = folder / "export.json"
        target.write_text("the old backup")
        with pytest.raises(PrepError, match="export.json: cannot write"):
            write_file(target, lambda handle: (handle.write(b"half"), (_ for _ in ()).throw(OSError(28, "No space left"))))
        assert target.read_text() == "the old backup" and os.listdir(folder) == ["export.json"]
        write_file(target, "new")
        assert target.read_text() == "new" and target.stat().st_mode & 0o777 == 0o600
        link = tmp_path / "link.json"
        link.symlink_to(target)
        write_file(link, "through the link")
        assert link.is_symlink() and target.read_text() == "through the link"
        write_file(Path(os.devnull), "nothing")  # a device is written to, never replaced
        assert Path(os.devnull).is_char_device()
        with pytest.raises(PrepError, match="not a file prep can write"):
            write_file(folder, "x")
    finally:
        os.umask(old)
