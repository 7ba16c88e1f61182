"""`prep new` makes a preparation from a script or a calendar hook and prints its id; `prep open ID` opens it."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from prep.cli import main
from prep.dates import parse_moment
from prep.model.meeting import DRAFT
from prep.storage import Store


def made(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> str:
    capsys.readouterr()
    assert main(["new", "--db", str(db), *args]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n") and len(out.splitlines()) == 1  # the id alone, for a script
    return out.strip()


@pytest.mark.parametrize(("text", "expected"), [
    ("tomorrow 14:30", datetime(2026, 11, 25, 14, 30)),
    ("1.12. 10 Uhr", datetime(2026, 12, 1, 10, 0)),
    ("2026-12-01", datetime(2026, 12, 1, 9, 0)),
    ("fri 2pm", datetime(2026, 11, 27, 14, 0)),
])
def test_a_day_and_a_time_read_as_one(text: str, expected: datetime) -> None:
    assert parse_moment(text, date(2026, 11, 24)) == expected


def test_new_prints_the_id_of_a_draft_with_the_suggested_checklist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "prep.json"
    meeting_id = made(capsys, db, "--customer", "  Acme   Tools ", "--when", "tomorrow 14:30", "--with", "Jane Doe, CFO",
                      "--with", "Tom Lee", "--goal", "Agree on a next step")
    saved = Store(db).meeting(meeting_id)
    assert saved is not None and saved.status == DRAFT
    assert (saved.customer, saved.people, saved.goal) == ("Acme Tools", ["Jane Doe", "Tom Lee"], "Agree on a next step")
    card = Store(db).customer("Acme Tools")
    assert card is not None and [(p.name, p.role) for p in card.people] == [("Jane Doe", "CFO"), ("Tom Lee", "")]
    # Named again in any case, they are the people on the card: not added twice.
    again = made(capsys, db, "--customer", "acme tools", "--when", "friday 9:00", "--with", "jane doe")
    assert Store(db).meeting(again).people == ["Jane Doe"]  # type: ignore[union-attr]
    assert len(Store(db).customer("Acme Tools").people) == 2  # type: ignore[union-attr]
    assert saved.when.date() == datetime.now().date() + timedelta(days=1) and (saved.when.hour, saved.when.minute) == (14, 30)
    assert saved.checklist.id == "first-meeting"  # the rep's language, the first meeting
    offer = Store(db).meeting(made(capsys, db, "--customer", "Acme", "--when", "fri", "--type", "offer"))
    assert offer is not None and offer.checklist.id == "offer-negotiation"
    named = Store(db).meeting(made(capsys, db, "--customer", "Acme", "--when", "fri", "--checklist", "erstgespraech"))
    assert named is not None and named.checklist.id == "erstgespraech"


@pytest.mark.parametrize(("args", "message"), [
    (["--customer", " ", "--when", "fri"], "prep: --customer: who is the meeting with? Give the company's name\n"),
    (["--customer", "Acme", "--when", "someday"], "prep: --when: 'someday' is not a date prep understands"),
    (["--customer", "Acme", "--when", "fri 25:00"], "prep: --when: '25:00' is not a time prep understands"),
    (["--customer", "Acme", "--when", "fri", "--checklist", "nope"], "prep: --checklist: no checklist 'nope'"),
])
def test_what_new_cannot_read_is_one_line_and_nothing_is_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               args: list[str], message: str) -> None:
    db = tmp_path / "prep.json"
    capsys.readouterr()
    assert main(["new", "--db", str(db), *args]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.startswith(message) and captured.err.count("\n") == 1
    assert not db.exists()


def test_open_finds_a_meeting_by_the_start_of_its_id_and_refuses_what_it_cannot_find(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "prep.json"
    meeting_id = made(capsys, db, "--customer", "Acme", "--when", "fri")
    opened: list[str | None] = []
    monkeypatch.setattr("prep.cli._run_app", lambda settings, meeting=None: opened.append(meeting) or 0)
    assert main(["open", "--db", str(db), meeting_id[:8]]) == 0
    assert opened == [meeting_id]
    assert main(["open", "--db", str(db), "zzzz"]) == 1
    assert "no meeting 'zzzz'" in capsys.readouterr().err
