"""Reading trainers' checklist files (format v1), with errors that point at the line.

The loader walks PyYAML's node tree rather than the loaded Python values, so that
every problem can name its line and column, and so that what PyYAML would let
through silently (a key given twice, anchors and aliases) is refused. A broken
file never stops the others: `load_library` collects its problems and goes on.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from prep import paths as locations
from prep.library.format import (
    CHECKLIST,
    ID_PATTERN,
    ITEMS,
    LANGUAGE_PATTERN,
    SCHEMA_VERSION,
    SECTION,
    SECTION_KINDS,
    TEXT_KEY,
    Field,
)
from prep.library.problems import Problem
from prep.model.checklist import Checklist, Item, Section

MAX_FILE_BYTES = 64 * 1024  # the largest built-in is about 13 KB; parsing stays well under a second
MAX_NESTING = 64
MAX_PROBLEMS = 50
ID_RE = re.compile(ID_PATTERN)
LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)


@dataclass
class Library:
    """Every checklist that loaded, by id, and the problems of the files that did not."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    replaced: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # where each checklist was read from

    def meeting_types(self) -> list[str]:
        """Every meeting type some checklist is meant for."""
        return sorted({kind for c in self.checklists.values() for kind in c.meeting_types})

    def suggest(self, meeting_type: str | None, language: str) -> list[Checklist]:
        """All checklists, the best fit first: the meeting type, then the rep's language."""
        def fit(checklist: Checklist) -> tuple[int, int, str]:
            type_fit = 0 if meeting_type and meeting_type in checklist.meeting_types else 1
            language_fit = 0 if checklist.language.split("-")[0] == language.split("-")[0] else 1
            return (type_fit, language_fit, checklist.title.lower())

        return sorted(self.checklists.values(), key=fit)

    def ordered(self) -> list[Checklist]:
        """Checklists sorted by language, then title."""
        return sorted(self.checklists.values(), key=lambda c: (c.language, c.title.lower()))

    def get(self, checklist_id: str) -> Checklist | None:
        """The checklist with this id, if one loaded."""
        return self.checklists.get(checklist_id)


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class _StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases before expanding anything."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, "aliases (*name) are not allowed in checklists; write the text out")
        if getattr(event, "anchor", None):
            raise _Refused(event.start_mark, "anchors (&name) are not allowed in checklists; write the text out")
        return super().compose_node(parent, index)


class _Reader:
    """Validates one file's node tree and builds the checklist, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: Node | yaml.Mark | None, message: str) -> None:
        mark = node.start_mark if isinstance(node, Node) else node
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.problems.append(Problem(self.path, line, column, message))

    # -- shapes ---------------------------------------------------------------

    def mapping(self, node: Node, allowed: Iterable[str], what: str, required: Iterable[str],
                misplaced: dict[str, str] | None = None) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys to values")
            return None
        allowed = tuple(allowed)
        found: dict[str, Node] = {}
        suggested: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, f"keys in {what} must be plain words")
                continue
            if key in found:
                self.problem(key_node, f"`{key}` is given twice in {what}; keep one")
                continue
            if key not in allowed:
                self.problem(key_node, self._unknown_key(key, allowed, what, misplaced or {}))
                suggested.update(difflib.get_close_matches(key, allowed, n=1, cutoff=0.6))
                if misplaced and key in misplaced:
                    suggested.update(k for k in allowed if f"`{k}`" in misplaced[key])
                continue
            found[key] = value_node
        for key in required:
            # A misspelt key was already reported with its right name: say it once.
            if key not in found and key not in suggested:
                self.problem(node, f"{what} needs `{key}`; add it")
        return found

    @staticmethod
    def _unknown_key(key: str, allowed: tuple[str, ...], what: str, misplaced: dict[str, str]) -> str:
        if key in misplaced:
            return f"`{key}` does not belong in {what}; {misplaced[key]}"
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "allowed: " + ", ".join(allowed)
        return f"unknown key `{key}` in {what}; {hint}"

    def text(self, node: Node | None, key: str, *, required: bool = True) -> str:
        if node is None:
            return ""
        if isinstance(node, ScalarNode) and node.tag.endswith((":str", ":int", ":float")):
            value = str(node.value).strip()
            if not value and required:
                self.problem(node, f"`{key}` is empty; write the text")
            return value
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            if required:
                self.problem(node, f"`{key}` is empty; write the text")
            return ""
        self.problem(node, f"`{key}` must be text; put it in quotes if it looks like something else")
        return ""

    def integer(self, node: Node | None, key: str, default: int) -> int:
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.tag.endswith(":int"):
            return int(node.value)
        self.problem(node, f"`{key}` must be a whole number")
        return default

    def boolean(self, node: Node | None, key: str) -> bool:
        if node is None:
            return False
        if isinstance(node, ScalarNode) and node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, f"`{key}` must be true or false")
        return False

    def identifier(self, node: Node | None, key: str) -> str:
        value = self.text(node, key)
        if value and not ID_RE.match(value):
            self.problem(node, f"`{key}` {value!r} may only use a-z, 0-9 and '-'; for example {_slug(value)!r}")
        return value

    def sequence(self, node: Node | None, key: str, *, at_least: int = 0) -> list[Node]:
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, f"`{key}` must be a list (lines starting with '- ')")
            return []
        if len(node.value) < at_least:
            self.problem(node, f"`{key}` needs at least {at_least} entr{'y' if at_least == 1 else 'ies'}")
        return list(node.value)

    def unique(self, node: Node | None, value: str, seen: set[str], what: str) -> None:
        if value and value in seen:
            self.problem(node, f"id {value!r} is used twice in {what}; ids must be unique")
        seen.add(value)

    def value(self, node: Node | None, key: str, field: Field) -> Any:
        """Read one value as the format says it must be."""
        if field.type == "text":
            return self.text(node, key, required=field.required)
        if field.type == "id":
            return self.identifier(node, key)
        if field.type == "int":
            number = self.integer(node, key, field.minimum or 1)
            if node is not None and field.minimum is not None and number < field.minimum:
                self.problem(node, f"`{key}` must be {field.minimum} or more")
            return number
        if field.type == "bool":
            return self.boolean(node, key)
        if field.type == "language":
            language = self.text(node, key, required=False)
            if language and not LANGUAGE_RE.match(language):
                self.problem(node, f"`{key}` {language!r} is not a language tag; write e.g. en, de or de-AT")
            return language
        if field.type == "kind":
            kind = self.text(node, key)
            if kind and kind not in SECTION_KINDS:
                close = difflib.get_close_matches(kind, SECTION_KINDS, n=1)
                hint = f"did you mean `{close[0]}`?" if close else "use one of " + ", ".join(SECTION_KINDS)
                self.problem(node, f"unknown section kind `{kind}`; {hint}")
                return ""
            return kind
        if field.type == "ids":
            return tuple(self.identifier(entry, key) for entry in self.sequence(node, key))
        if field.type == "texts":
            return tuple(self.text(entry, key) for entry in self.sequence(node, key, at_least=1))
        return self.sequence(node, key, at_least=1)  # "list": nodes, read by the caller

    def values(self, fields: dict[str, Node], spec: dict[str, Field]) -> dict[str, Any]:
        return {key: self.value(fields.get(key), key, field) for key, field in spec.items()}

    def checklist(self, root: Node) -> Checklist | None:
        fields = self.mapping(root, CHECKLIST, "the checklist", [k for k, f in CHECKLIST.items() if f.required])
        if fields is None:
            return None
        values = self.values(fields, CHECKLIST)
        if "schema" in fields and values["schema"] != SCHEMA_VERSION:
            self.problem(fields["schema"], f"schema {values['schema']} is not known; this prep reads schema {SCHEMA_VERSION}")
        sections: list[Section] = []
        seen: set[str] = set()
        for entry in values["sections"]:
            section = self.section(entry, seen)
            if section:
                sections.append(section)
        if self.problems:
            return None
        return Checklist(
            id=values["id"], title=values["title"], sections=tuple(sections), language=values["language"] or "en",
            version=values["version"], description=values["description"], meeting_types=tuple(values["meeting_types"]),
        )

    def section(self, node: Node, seen: set[str]) -> Section | None:
        fields = self.mapping(node, SECTION, "a section", [k for k, f in SECTION.items() if f.required])
        if fields is None:
            return None
        values = self.values(fields, SECTION)
        self.unique(fields.get("id"), values["id"], seen, "this checklist's sections")
        kind = values["kind"]
        items: list[Item] = []
        seen_items: set[str] = set()
        for entry in values["items"] if kind else []:
            item = self.item(entry, kind, seen_items)
            if item:
                items.append(item)
        return Section(id=values["id"], kind=kind, title=values["title"], intro=values["intro"], items=tuple(items))

    def item(self, node: Node, kind: str, seen: set[str]) -> Item | None:
        spec = ITEMS[kind]
        what = f"{'an' if kind[0] in 'aeiou' else 'a'} {kind} item"
        misplaced = {
            key: f"{what} uses `{TEXT_KEY[kind]}`" for key in ("prompt", "objection", "point", "responses")
            if key not in spec
        }
        fields = self.mapping(node, spec, what, [k for k, f in spec.items() if f.required], misplaced)
        if fields is None:
            return None
        values = self.values(fields, spec)
        self.unique(fields.get("id"), values["id"], seen, "this section's items")
        return Item(
            id=values["id"], prompt=values.get("prompt", ""), objection=values.get("objection", ""),
            point=values.get("point", ""), responses=tuple(values.get("responses", ())), hint=values["hint"],
            required=values["required"],
        )


def _id_line(path: str) -> int:
    """The line of the top-level `id:` key, for problems found after parsing."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.startswith("id:")), 1)


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-checklist"


def parse_checklist(text: bytes | str, path: str) -> tuple[Checklist | None, list[Problem]]:
    """Read one checklist from the file's content; the problems say what to fix."""
    if len(text) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, f"the file is over {MAX_FILE_BYTES // 1024} KB; a checklist is far smaller — is this the right file?")]
    if isinstance(text, bytes):
        if b"\x00" in text:
            return None, [Problem(path, 1, 1, "this is a binary file, not a YAML checklist")]
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = text[: error.start].count(b"\n") + 1
            return None, [Problem(path, line, 1, "the file is not UTF-8 text; save it as UTF-8 in your editor")]
    if not text.strip():
        return None, [Problem(path, 1, 1, "the file is empty; start from `prep checklists new ID`")]
    if _nesting(text) > MAX_NESTING:
        return None, [Problem(path, 1, 1, "the YAML is nested far too deeply; a checklist needs only a few levels")]
    try:
        root = yaml.compose(text, Loader=_StrictLoader)
    except _Refused as refused:
        reader = _Reader(path)
        reader.problem(refused.mark, refused.message)
        return None, reader.problems
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error)]
    except RecursionError:
        return None, [Problem(path, 1, 1, "the YAML is nested far too deeply; a checklist needs only a few levels")]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, f"not valid YAML: {error}")]
    if root is None:
        return None, [Problem(path, 1, 1, "the file is empty; start from `prep checklists new ID`")]
    reader = _Reader(path)
    if not isinstance(root, MappingNode):
        reader.problem(root, "the top level must be a mapping with schema, id, title and sections")
        return None, reader.problems
    checklist = reader.checklist(root)
    problems = reader.problems
    if len(problems) > MAX_PROBLEMS:
        rest = len(problems) - MAX_PROBLEMS
        problems = problems[:MAX_PROBLEMS] + [
            Problem(path, problems[MAX_PROBLEMS].line, 1, f"and {rest} more problems; fix these first, then validate again")
        ]
    return checklist, problems


def _nesting(text: str) -> int:
    """How deep [ ] and { } nest (ignoring quotes: a cheap guard before the recursive parser)."""
    depth = deepest = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _syntax_problem(path: str, error: yaml.MarkedYAMLError) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or "").strip()
    if "\\t" in problem or "\t" in problem or "tab" in problem:
        message = "a tab character where YAML needs spaces; indent with spaces"
    else:
        message = f"YAML syntax: {problem or error}; check the indentation and quotes here"
    return Problem(path, line, column, message)


def read_checklist(path: Path) -> tuple[Checklist | None, list[Problem]]:
    """Read one checklist file from disk."""
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        return None, [Problem(str(path), 1, 1, f"cannot read the file ({error.strerror}); check that it exists and is readable")]
    return parse_checklist(data, str(path))


def _yaml_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def rep_language() -> str:
    """The rep's language for suggesting checklists: PREP_LANG, else the locale (de_DE.UTF-8 → de)."""
    import os

    for name in ("PREP_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        code = value.split(".")[0].split("_")[0].lower()
        if code and code not in ("c", "posix"):
            return code
    return "en"


def builtin_files() -> list[tuple[str, bytes]]:
    """The checklists shipped with prep, as (name, content)."""
    folder = resources.files("prep.checklists")
    return [
        (entry.name, entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".yaml", ".yml"))
    ]


def load_library() -> Library:
    """Load the built-ins, the user's folder, then each PREP_CHECKLISTS folder; later ids win."""
    library = Library()
    origin: dict[str, str] = {}

    def add(checklist: Checklist | None, problems: list[Problem], file: str, source: str, folder_ids: dict[str, str]) -> None:
        library.problems.extend(problems)
        if checklist is None:
            return
        if checklist.id in folder_ids:
            # Two files of one folder with one id: neither is clearly meant, so keep the first.
            library.problems.append(Problem(
                file, _id_line(file), 1,
                f"id {checklist.id!r} is already used by {folder_ids[checklist.id]} in the same folder; give one of them another id",
            ))
            return
        folder_ids[checklist.id] = file
        if checklist.id in library.checklists:
            library.replaced.setdefault(checklist.id, []).append(origin[checklist.id])
        library.checklists[checklist.id] = checklist
        origin[checklist.id] = source
        library.sources[checklist.id] = file

    builtin_ids: dict[str, str] = {}
    for name, content in builtin_files():
        checklist, problems = parse_checklist(content, f"built-in:{name}")
        add(checklist, problems, f"built-in:{name}", "built-in", builtin_ids)

    folders = [locations.user_checklists_dir(), *locations.team_checklist_dirs()]
    for index, folder in enumerate(folders):
        if not folder.is_dir():
            if index > 0:
                library.problems.append(Problem(str(folder), 1, 1, "PREP_CHECKLISTS names a folder that does not exist; fix the path"))
            continue
        folder_ids: dict[str, str] = {}
        for path in _yaml_files(folder):
            checklist, problems = read_checklist(path)
            add(checklist, problems, str(path), str(path), folder_ids)
    return library
