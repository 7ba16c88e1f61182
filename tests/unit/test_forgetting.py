"""What `prep forget` erased stays erased: a second running copy that still shows the meeting
cannot save it back, and an old export cannot bring it back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from prep.errors import ErasedMeeting, PrepError
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.storage.autosave import Autosave
from prep.storage.store import Store

GONE = "Northwind Dental Group"  # in the demo history, and mentioned in no other customer's notes


def a_meeting(customer: str, goal: str = "Pilot scope", day: int = 24) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, day, 10), checklist=checklist, goal=goal)


def prep(*args: str, db: Path, python: tuple[str, ...] = ("-m", "prep")) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *python, *args, "--db", str(db)], capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60)


def mentioning(folder: Path, text: str) -> list[str]:
    return [p.name for p in folder.iterdir() if p.is_file() and text.encode() in p.read_bytes()]


def theirs(db: Path, customer: str = GONE) -> dict[str, str]:
    """The customer's meetings by id, with their goals."""
    store = Store(db)
    found = {s.id: s.goal for s in store.summaries() if s.customer == customer}
    store.close()
    return found


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
