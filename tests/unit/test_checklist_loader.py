"""Trainers write checklists in YAML; prep tells them exactly what is wrong, and keeps going."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from prep.library.authoring import validate
from prep.library.loader import load_library, parse_checklist

VALID = """\
schema: 1
id: demo-call
title: Demo call
sections:
  - id: needs
    kind: needs
    title: Needs
    items:
      - id: problem
        prompt: What hurts?
        required: true
  - id: objections
    kind: objections
    title: Objections
    items:
      - id: price
        objection: Too expensive.
        responses: ["Ask what they compare with."]
  - id: trust
    kind: trust
    title: Trust
    items:
      - id: profile
        point: Check your public profile.
"""


def messages(text: str | bytes) -> list[str]:
    checklist, problems = parse_checklist(text, "team/demo.yaml")
    assert checklist is None or not problems
    return [str(problem) for problem in problems]


def test_builtin_checklists_load_without_problems() -> None:
    library = load_library()
    assert library.problems == []
    assert library.warnings == []
    first = library.get("first-meeting")
    assert first is not None
    kinds = {section.kind for section in first.sections}
    assert {"needs", "objections", "trust"} <= kinds
    for section in first.sections:
        if section.kind == "objections":
            assert all(2 <= len(item.responses) <= 3 for item in section.items)


def test_valid_file_becomes_a_checklist() -> None:
    checklist, problems = parse_checklist(VALID, "demo.yaml")
    assert problems == []
    assert checklist is not None
    assert [s.kind for s in checklist.sections] == ["needs", "objections", "trust"]
    assert checklist.sections[0].items[0].required is True
    assert checklist.sections[1].items[0].responses == ("Ask what they compare with.",)


def test_trainer_sees_line_of_unknown_key_with_a_suggestion() -> None:
    broken = VALID.replace("prompt: What hurts?", "promt: What hurts?")
    found = messages(broken)
    assert found == ["team/demo.yaml:10:9: unknown key `promt` in a needs item; did you mean `prompt`?"]


def test_trainer_sees_every_problem_not_just_the_first() -> None:
    broken = VALID.replace("id: demo-call", "id: Demo Call").replace("kind: trust", "kind: trsut")
    found = messages(broken)
    assert any(":2:5:" in m and "'demo-call'" in m for m in found)
    assert any("did you mean `trust`" in m for m in found)


def test_key_given_twice_is_an_error() -> None:
    found = messages(VALID.replace("title: Demo call\n", "title: Demo call\ntitle: Again\n"))
    assert found == ["team/demo.yaml:4:1: `title` is given twice in the checklist; keep one"]


def test_objection_needs_responses() -> None:
    found = messages(VALID.replace('        responses: ["Ask what they compare with."]\n', ""))
    assert any("needs `responses`" in m for m in found)


def test_duplicate_item_ids_are_refused() -> None:
    doubled = VALID.replace(
        "        point: Check your public profile.\n",
        "        point: Check your public profile.\n      - id: profile\n        point: Again.\n",
    )
    assert any("id 'profile' is used twice" in m for m in messages(doubled))


def test_alias_bomb_is_refused_before_it_expands() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(20)
    )
    found = messages(bomb)  # refused at the first anchor, before anything is expanded
    assert found and "anchors" in found[0]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01binary", "binary file"),
        (b"title: \xff\xfe caf\xe9", "not UTF-8"),
        (b"- just\n- a list\n", "top level must be a mapping"),
        (b"just a string", "top level must be a mapping"),
        (b"schema: 1\nid: x\n\ttitle: tabbed\n", "tab character"),
        (b"schema: 1\nid: [unclosed\n", "YAML syntax"),
        (b"x" * (100 * 1024), "over 64 KB"),
    ],
)
def test_odd_files_get_one_clear_error(content: bytes, expected: str) -> None:
    found = messages(content)
    assert len(found) == 1
    assert expected in found[0]
    assert found[0].startswith("team/demo.yaml:")


# A trainer's slips, as PyYAML reads them: where it gives up is not where the slip is.
ITEM = VALID.split("      - id: problem\n", 1)[0] + "      - id: problem\n"
SLIPS = [
    # A quote left open, closed by the next quote PyYAML finds: with a ': ' after it, or a word.
    (ITEM + '        prompt: "What hurts?\n        hint: "Listen: first"\n', 10, 17, "a quoted text is not closed"),
    (ITEM + "        prompt: 'What hurts?\n        hint: Listen.\n", 10, 17, "a quoted text is not closed"),
    (ITEM + '        prompt: "He says "no" to it"\n', 10, 26, 'a " ends a text in double quotes "…": write \\"'),
    (ITEM + "        prompt: 'The customer' words'\n", 10, 30, "an apostrophe ends a text in single quotes"),
    (ITEM + "        prompt: What hurts\n          most: the price?\n", 10, 17, "text that contains ': ' must be in double quotes"),
    (ITEM + "        prompt: What hurts?\n         hint: Listen.\n", 11, 10, "this key is indented further than the key above"),
    (ITEM + "        prompt: „Frage: was?“\n", 10, 17, "„…“ are not YAML quotes"),
    (ITEM + "        prompt: ‚Frage: was?‘\n", 10, 17, "‚…‘ are not YAML quotes"),
    (ITEM.replace("needs", "objections") + "        objection: O\n        responses:\n          - Price: high?\n", 12, 13,
     "text that contains ': ' must be in double quotes"),
    (ITEM.replace("needs", "objections") + "        objection: O\n        responses:\n          - „Price: high?“\n", 12, 13,
     "„…“ are not YAML quotes"),
    (ITEM.replace("needs", "objections") + "        objection: O\n        responses:\n          - One\n          Two\n", 13, 11,
     "a list item needs '- ' (dash and space): this line has no dash"),
    (ITEM.replace("      - id: problem", "      -\u00a0id: problem") + "        prompt: P\n", 9, 8, "a non-breaking space"),
    (ITEM + "\u202f       prompt: P\n", 10, 1, "a non-breaking space"),
    (ITEM + "        prompt: What\x0bhurts?\n", 10, 21, "an invisible control character (U+000B)"),  # Word's line break
]


@pytest.mark.parametrize(("text", "line", "column", "message"), SLIPS)
def test_a_slip_is_named_at_its_place(text: str, line: int, column: int, message: str) -> None:
    checklist, problems = parse_checklist(text, "team/demo.yaml")
    assert checklist is None
    assert [(p.line, p.column) for p in problems] == [(line, column)], problems
    assert message in problems[0].message


@pytest.mark.parametrize("content", [
    VALID.encode("utf-8-sig"),  # Windows editors save UTF-8 with a byte order mark
    VALID.replace("What hurts?", "What costs 10\u00a0% more?").encode(),  # a non-breaking space in the text itself
    VALID.replace("What hurts?", '"“What hurts?”"').encode(),  # typographic quotes inside YAML quotes: meant
], ids=["utf-8-with-bom", "non-breaking-space-in-text", "smart-quotes-quoted"])
def test_what_looks_odd_but_is_fine_loads_without_a_word(content: bytes) -> None:
    checklist, problems = parse_checklist(content, "team/demo.yaml")
    assert problems == [] and checklist is not None


def test_utf_16_is_named_in_any_byte_order_with_or_without_a_mark() -> None:
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        assert messages(VALID.encode(encoding)) == ["team/demo.yaml:1:1: the file is saved as UTF-16 — save it as UTF-8 in your editor"]


def test_warnings_come_only_with_a_checklist_that_loads() -> None:
    text = VALID.replace("What hurts?", "“What hurts?”")
    checklist, problems = parse_checklist(text, "team/demo.yaml")
    assert checklist is not None and [p.is_warning for p in problems] == [True]
    checklist, problems = parse_checklist(text.replace("schema: 1", "schema: 2"), "team/demo.yaml")
    assert checklist is None and [p.message for p in problems] == ["schema 2 is not known; this prep reads schema 1"]


def test_warnings_do_not_make_a_team_checklist_a_file_that_did_not_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "long.yaml").write_text(VALID.replace("What hurts?", "What hurts? " * 50), encoding="utf-8")
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    library = load_library()
    assert library.get("demo-call") is not None and library.problems == []
    assert [(p.line, p.column, p.severity) for p in library.warnings] == [(10, 17, "warning")]
    assert "599 characters long" in library.warnings[0].message


@pytest.mark.parametrize("text", ["[" * 60_000, "{" * 60_000, "- " * 30_000], ids=["lists", "mappings", "dashes"])
def test_deeply_nested_input_is_refused_without_a_traceback(text: str) -> None:
    found = messages(text)
    assert found == ["team/demo.yaml:1:1: the YAML is nested far too deeply; a checklist needs only a few levels"]


def test_a_file_full_of_mistakes_lists_the_first_fifty_and_a_count() -> None:
    found = messages("".join(f"key{i}: value\n" for i in range(300)))
    assert len(found) == 51
    assert found[-1].endswith("and 254 more problems; fix these first, then validate again")


def test_newer_schema_is_named() -> None:
    found = messages(VALID.replace("schema: 1", "schema: 2"))
    assert found == ["team/demo.yaml:1:9: schema 2 is not known; this prep reads schema 1"]


def test_broken_team_file_does_not_stop_the_others(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "good.yaml").write_text(VALID)
    (team / "broken.yaml").write_text("schema: 1\nid: broken\n")
    (team / "notes.txt").write_text("not a checklist")
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    library = load_library()
    assert library.get("demo-call") is not None
    assert library.get("first-meeting") is not None
    assert {Path(p.path).name for p in library.problems} == {"broken.yaml"}


def test_team_checklist_overrides_a_builtin_with_the_same_id(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "ours.yaml").write_text(VALID.replace("id: demo-call", "id: first-meeting").replace("Demo call", "Our first meeting"))
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    library = load_library()
    assert library.get("first-meeting").title == "Our first meeting"  # type: ignore[union-attr]
    assert library.replaced["first-meeting"] == ["built-in"]


HUGE = "9" * 50_000  # past the 4,300 digits Python reads or prints


@pytest.mark.parametrize("key", ["schema", "version"])  # every whole number of the format
@pytest.mark.parametrize(
    "number", [HUGE, f"-{HUGE}", "0x" + "f" * 20_000, "1_000_000_000_000", "0b" + "1" * 100, "99:59:59:59:59"],
    ids=["digits", "negative", "hex", "underscores", "binary", "sexagesimal"],
)
def test_a_number_far_too_large_is_one_problem_at_its_place(key: str, number: str) -> None:
    found = messages(VALID.replace("schema: 1\n", f"schema: 1\n{key}: {number}\n" if key != "schema" else f"schema: {number}\n"))
    line = 2 if key != "schema" else 1
    assert found == [f"team/demo.yaml:{line}:{len(key) + 3}: `{key}` is a number far too large; write a small whole number, such as 1"]


@pytest.mark.parametrize("number", ["1.0e+999", ".inf", "-.inf", ".nan", "1e999", "2.5"])
def test_a_number_that_is_not_whole_is_one_problem(number: str) -> None:
    found = messages(VALID.replace("schema: 1\n", f"schema: 1\nversion: {number}\n"))
    assert found == ["team/demo.yaml:2:10: `version` must be a whole number"]


@pytest.mark.parametrize("spelling", ["0x2", "0b10", "0_2", "+2", "02"])
def test_every_yaml_spelling_of_a_small_number_is_read(spelling: str) -> None:
    checklist, problems = parse_checklist(VALID.replace("schema: 1\n", f"schema: 1\nversion: {spelling}\n"), "demo.yaml")
    assert problems == [] and checklist is not None and checklist.version == 2


@pytest.mark.parametrize(
    "place",
    [
        ("id: demo-call", "id: X{}"),  # an id that breaks the pattern
        ("kind: needs", "kind: {}"),  # an unknown kind
        ("title: Demo call", "title: Demo call\nlanguage: {}"),  # not a language tag
        ("title: Demo call", "title: Demo call\n? {}\n: x"),  # an unknown key
        ("title: Demo call", "title: Demo call\n? {0}\n: x\n? {0}\n: y"),  # a key given twice
        ("- id: problem", "- id: a{0}\n        prompt: x\n      - id: a{0}"),  # an id used twice
    ],
    ids=["id", "kind", "language", "unknown-key", "key-twice", "id-twice"],
)
def test_a_huge_key_or_value_is_quoted_short(place: tuple[str, str]) -> None:
    old, new = place
    found = messages(VALID.replace(old, new.format("k" * 30_000), 1))  # twice in one file stays under 64 KB
    assert found and all(len(problem) < 200 for problem in found)
    assert any("kkk…" in problem for problem in found)


def test_a_number_far_too_large_does_not_stop_the_other_checklists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "good.yaml").write_text(VALID)
    (team / "huge.yaml").write_text(VALID.replace("schema: 1", f"schema: {HUGE}").replace("demo-call", "huge"))
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    library = load_library()
    assert library.get("demo-call") is not None and library.get("first-meeting") is not None
    assert [str(p) for p in library.problems] == [
        f"{team / 'huge.yaml'}:1:9: `schema` is a number far too large; write a small whole number, such as 1"]


def special_entries(folder: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Entries named like checklists that are no file to read, and what each problem must say."""
    os.mkfifo(folder / "fifo.yaml")
    (folder / "folder.yaml").mkdir()
    (folder / "fifo-link.yml").symlink_to(folder / "fifo.yaml")
    (folder / "nowhere.yaml").symlink_to(folder / "missing.yaml")
    (folder / "device.yaml").symlink_to(os.devnull)  # a link in the test's folder, to the device; never opened
    monkeypatch.chdir(folder)  # a socket's path must be short; relative to here it is
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind("socket.yaml")  # the entry stays when the socket is closed
    monkeypatch.chdir(folder.parent)
    (folder / ".#call.yaml").symlink_to("editor@host.1234")  # an editor's lock file: not a checklist at all
    return {"fifo.yaml": "a named pipe (FIFO)", "folder.yaml": "a folder", "fifo-link.yml": "a named pipe (FIFO)",
            "nowhere.yaml": "a link to a file that does not exist", "device.yaml": "a device", "socket.yaml": "a socket"}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs and sockets are POSIX")
def test_what_is_named_like_a_checklist_but_is_no_file_is_a_problem_never_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    expected = special_entries(team, monkeypatch)
    (team / "LOUD.YAML").write_text(VALID.replace("demo-call", "loud"))
    (team / "sub").mkdir()
    (team / "sub" / "nested.YML").write_text(VALID.replace("demo-call", "nested"))
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    library = load_library()
    assert library.get("loud") is not None and library.get("nested") is not None
    found = {Path(p.path).name: p.message for p in library.problems}
    assert found.keys() == expected.keys()
    for name, what in expected.items():
        assert what in found[name], found[name]
    checked = validate([str(team)])
    assert {Path(p.path).name: p.message for p in checked.problems} == found
    assert checked.files == len(expected) + 2  # validate reads what the app reads


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_validate_refuses_a_fifo_named_on_the_command_line_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "call.yaml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "prep", "checklists", "validate", str(fifo)],
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=30)
    assert result.returncode == 1
    assert result.stdout == f"{fifo}:1:1: this is a named pipe (FIFO), not a checklist file; move it out of the folder or rename it\n"
