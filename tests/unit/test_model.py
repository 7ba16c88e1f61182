"""Every stored and exported shape is declared once: what does not match it is refused, and says where."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import msgspec
import pytest

from prep.errors import StoreError
from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.model.shapes import ShapeError, decode, deep_copy, encode
from prep.storage.store import Store


class File(msgspec.Struct):
    meetings: list[Meeting]


def a_meeting(customer: str = "Brandt Logistik GmbH") -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer=customer, when=datetime(2026, 11, 25, 14, 0), checklist=checklist)
    section = checklist.sections[0]
    meeting.answer(section, section.items[0]).text = "Spreadsheets everywhere"
    return meeting


def import_file(path: Path, db: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "prep", "import", str(path), "--db", str(db)], capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60)


def an_export(tmp_path: Path, *meetings: Meeting) -> dict[str, object]:
    source = tmp_path / "source.json"
    Store(source).add_many(meetings)
    result = subprocess.run([sys.executable, "-m", "prep", "export", "--db", str(source)], capture_output=True,
                            text=True, stdin=subprocess.DEVNULL, env=os.environ.copy(), timeout=60, check=True)
    return json.loads(result.stdout)


def test_a_meeting_reads_back_from_its_json_exactly() -> None:
    meeting = a_meeting()
    assert decode(encode(meeting), Meeting) == meeting
    assert b'"when":"2026-11-25T14:00"' in encode(meeting)  # written to the minute, as always


def test_meetings_written_to_the_minute_or_the_second_both_read() -> None:
    data = json.loads(encode(a_meeting()))
    for written in ("2026-11-25T14:00", "2026-11-25T14:00:00"):
        assert decode(json.dumps(data | {"when": written}), Meeting).when == datetime(2026, 11, 25, 14, 0)


@pytest.mark.parametrize(("change", "expected"), [
    ({"customer": 123}, "customer: expected text, got a whole number"),
    ({"status": "maybe"}, "status: not one of the allowed values"),
    ({"when": "next tuesday"}, "when: expected a date and time such as 2026-11-25T14:00"),
    ({"colour": "red"}, "colour: a field prep does not know"),
    ({"debrief": {"rating": 9}}, "debrief.rating: expected int <= 5"),
    ({"answers": {"needs/situation": {"text": ["a", "list"]}}}, "answers[...].text: expected text, got a list"),
])
def test_a_shape_that_does_not_match_names_the_field(change: dict[str, object], expected: str) -> None:
    data = json.loads(encode(a_meeting())) | change
    with pytest.raises(ShapeError) as error:
        decode(json.dumps({"meetings": [data]}), File)
    assert str(error.value).startswith(f"meetings[0].{expected}")


def test_a_deep_copy_shares_nothing_with_the_meeting_on_screen() -> None:
    meeting = a_meeting()
    copy = deep_copy(meeting)
    section = meeting.checklist.sections[0]
    meeting.answer(section, section.items[0]).text = "changed while saving"
    assert copy.peek(section, section.items[0]).text == "Spreadsheets everywhere"


def test_an_import_with_a_number_for_a_customer_is_refused_whole(tmp_path: Path) -> None:
    document = an_export(tmp_path, a_meeting("Kept Co"), a_meeting("Broken Co"))
    document["meetings"][1]["customer"] = 123  # type: ignore[index]
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document))
    target = tmp_path / "target.json"
    result = import_file(path, target)
    assert result.returncode == 1
    assert result.stderr.strip() == (f"prep: {path}: meetings[1].customer: expected text, got a whole number; "
                                     "nothing was imported")
    assert Store(target).count() == 0


def test_an_import_with_one_meeting_twice_is_refused(tmp_path: Path) -> None:
    document = an_export(tmp_path, a_meeting())
    document["meetings"].append(document["meetings"][0])  # type: ignore[union-attr]
    path = tmp_path / "twice.json"
    path.write_text(json.dumps(document))
    result = import_file(path, tmp_path / "target.json")
    assert result.returncode == 1 and "meetings[1].id: the same id as meetings[0]" in result.stderr


@pytest.mark.parametrize(("content", "expected"), [
    (b'{"format": "prep-export", "version": 1,\n "meetings": [}', "not valid JSON at line 2, column 15"),
    (b"[" * 100_000, "expected a set of fields, got a list"),
    (b'{"format": "prep-export", "version": 1, "exported": "2026-11-23T09:00:00", "customer": null, '
     b'"meetings": [{"rating": NaN}]}', "not valid JSON"),
    (b'{"format": "something else"}', "not a prep export"),
])
def test_files_that_are_not_exports_are_refused_in_one_line(tmp_path: Path, content: bytes, expected: str) -> None:
    path = tmp_path / "odd.json"
    path.write_bytes(content)
    result = import_file(path, tmp_path / "target.json")
    assert result.returncode == 1 and expected in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_row_that_does_not_read_as_a_meeting_is_reported_with_the_field(db_path: Path) -> None:
    meeting = a_meeting()
    store = Store(db_path)
    store.save(meeting)
    store.compact()
    store.close()
    # The database in TinyDB's plain layout (no checksum), with one field changed by hand.
    tables = {name: rows for name, rows in json.loads(db_path.read_bytes()).items() if not name.startswith("~")}
    for row in tables["meetings"].values():
        row["customer"] = 7
    db_path.write_text(json.dumps(tables))
    for read in (lambda: Store(db_path).meeting(meeting.id), lambda: Store(db_path).summaries()):
        with pytest.raises(StoreError) as error:
            read()
        assert str(error.value).startswith(f"{db_path}: meeting ")
        assert "customer: expected text, got a whole number" in str(error.value)


def test_an_old_row_without_cancelled_reads_and_opening_a_debrief_alone_does_not_make_it_debriefed() -> None:
    from prep.model.meeting import Debrief, ObjectionOutcome

    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer="Acme", when=datetime(2026, 11, 25, 14), checklist=checklist, status="prepared")
    row = msgspec.json.decode(encode(meeting))
    del row["cancelled"]  # as every database and export written before cancelling existed
    old = decode(msgspec.json.encode(row), Meeting)
    assert old.cancelled is None and old.state == "prepared"
    old.debrief = Debrief(objections={"objections/price": ObjectionOutcome()})
    assert old.state == "prepared"
    old.debrief.objections["objections/price"].came_up = True
    assert old.state == "debriefed"
