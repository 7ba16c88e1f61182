"""Trainers write checklists in YAML; prep tells them exactly what is wrong, and keeps going."""

from __future__ import annotations

from pathlib import Path

import pytest

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
