"""The rep's meetings are kept safely in one private file, and come back as they were saved."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path

import msgspec
import pytest

from helpers import NOW
from prep.demo import demo_meetings
from prep.errors import StoreError
from prep.insights.search import search
from prep.library.loader import load_library, parse_checklist
from prep.model.meeting import PREPARED, Answer, Meeting
from prep.storage.store import Store


def a_meeting(customer: str = "Brandt Logistik GmbH", when: datetime = datetime(2026, 11, 24, 10, 30)) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer=customer, when=when, checklist=checklist, contact="Katrin Brandt", goal="Pilot scope")
    needs = checklist.sections[0]
    meeting.answers[needs.key(needs.items[0])] = Answer(text="Three spreadsheets, two planners")
    return meeting


def test_saved_meeting_comes_back_as_it_was(db_path: Path) -> None:
    meeting = a_meeting()
    Store(db_path).save(meeting)
    again = Store(db_path).meeting(meeting.id)
    assert again == meeting


def test_saving_again_replaces_the_earlier_version(db_path: Path) -> None:
    store = Store(db_path)
    meeting = a_meeting()
    store.save(meeting)
    meeting.status = PREPARED
    meeting.goal = "Agree the pilot"
    store.save(meeting)
    assert store.count() == 1
    assert Store(db_path).meeting(meeting.id).goal == "Agree the pilot"  # type: ignore[union-attr]


def test_meeting_keeps_its_checklist_after_the_file_changes(db_path: Path) -> None:
    meeting = a_meeting()
    Store(db_path).save(meeting)
    # The trainer rewrites the checklist; the meeting still shows what it was prepared with.
    changed, _ = parse_checklist(
        "schema: 1\nid: first-meeting\ntitle: Rewritten\nsections:\n  - id: n\n    kind: needs\n    title: N\n"
        "    items:\n      - id: x\n        prompt: New?\n", "x.yaml",
    )
    assert changed is not None
    again = Store(db_path).meeting(meeting.id)
    assert again is not None
    assert again.checklist.title == "First meeting"
    assert again.checklist.sections[0].items[0].prompt == meeting.checklist.sections[0].items[0].prompt


def test_checklist_copies_are_stored_once(db_path: Path) -> None:
    store = Store(db_path)
    for day in range(1, 6):
        store.save(a_meeting(when=datetime(2026, 11, day, 9)))
    store.compact()
    data = json.loads(db_path.read_text())
    assert len(data["checklists"]) == 1
    assert len(data["meetings"]) == 5


def test_summaries_are_newest_first_and_searchable(db_path: Path) -> None:
    store = Store(db_path)
    store.save(a_meeting("Older Co", datetime(2026, 10, 1, 9)))
    store.save(a_meeting("Newer Co", datetime(2026, 11, 20, 9)))
    summaries = store.summaries()
    assert [s.customer for s in summaries] == ["Newer Co", "Older Co"]
    assert [s.customer for s in search(summaries, "older")] == ["Older Co"]
    assert [s.customer for s in search(summaries, "spreadsheets newer")] == ["Newer Co"]
    assert search(summaries, "nothing like this") == []
    assert store.customers() == ["Newer Co", "Older Co"]


@pytest.mark.parametrize("content", [b"{\"meetings\": {", b"\x00\x01\x02garbage", b"[1, 2, 3]"])
def test_damaged_database_is_reported_and_left_as_it_is(db_path: Path, content: bytes) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    store = Store(db_path)
    with pytest.raises(StoreError, match=str(db_path)):
        store.summaries()
    with pytest.raises(StoreError):
        store.save(a_meeting())
    assert db_path.read_bytes() == content


def test_database_from_a_newer_prep_is_not_touched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    content = json.dumps({"meta": {"1": {"schema": 99}}, "meetings": {}}).encode()
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match="newer prep"):
        Store(db_path).save(a_meeting())
    assert db_path.read_bytes() == content


def test_tinydb_writes_are_journal_lines_of_just_the_rows_they_change(db_path: Path) -> None:
    from tinydb import Query
    from tinydb.table import Document

    from prep.storage.tables import PrepDB

    db_path.parent.mkdir(parents=True)
    table = PrepDB(db_path).table("meetings")
    table.insert_multiple([Document({"customer": f"Customer {n}", "goal": "Pilot"}, doc_id=n) for n in range(1, 51)])
    table.update({"goal": "Signed"}, Query().customer == "Customer 7")
    table.remove(Query().customer == "Customer 9")
    lines = db_path.with_name(db_path.name + ".journal").read_bytes().splitlines()
    assert len(lines) == 3  # one line a call, whatever the number of rows read
    assert json.loads(lines[1][9:]) == {"meetings": {"7": {"customer": "Customer 7", "goal": "Signed"}}}
    assert json.loads(lines[2][9:]) == {"meetings": {"9": None}}
    again = PrepDB(db_path).table("meetings")
    assert len(again) == 49 and again.get(doc_id=7) == {"customer": "Customer 7", "goal": "Signed"}


def test_the_whole_history_is_read_while_the_rep_saves_and_nothing_is_lost_or_doubled(db_path: Path) -> None:
    history = list(demo_meetings(load_library().ordered(), NOW, 5000))
    store = Store(db_path)
    store.add_many(history)
    store.compact()  # as after a day's work: most rows wait in the snapshot to be read
    store.close()

    store = Store(db_path)
    store.home_summaries()  # what a start reads first
    changed = [msgspec.structs.replace(data, goal=f"Changed while reading {index}") for index, data in enumerate(history[::250])]
    added = list(demo_meetings(load_library().ordered(), NOW, 20, seed=99))
    reading = threading.Thread(target=store.index_everything)
    reading.start()
    for data in changed + added:
        store.save(data)
    reading.join()

    summaries = store.summaries()
    ids = [s.id for s in summaries]
    assert len(ids) == len(set(ids)) == len(history) + len(added)
    goals = {s.id: s.goal for s in summaries}
    assert all(goals[data.id] == data.goal for data in changed + added)
    assert Store(db_path).count() == len(history) + len(added)
