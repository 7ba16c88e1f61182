"""What a sales trainer does with checklists: list them, check files, start a new one, get the schema."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from prep.errors import PrepError
from prep.library.format import ID_PATTERN, json_schema
from prep.library.loader import Library, _id_line, checklist_files, read_checklist
from prep.library.problems import Problem
from prep.storage import SHARED, private_folder, write_file

SCHEMA_FILE = "prep-checklist.schema.json"


def list_lines(library: Library) -> list[str]:
    """One line per checklist — id, title, language, version, source — then what failed to load."""
    rows = [("ID", "TITLE", "LANG", "VER", "SOURCE")]
    for checklist in library.ordered():
        file = library.sources.get(checklist.id, "")
        source = "built-in" if file.startswith("built-in:") else file
        replaced = library.replaced.get(checklist.id)
        if replaced:
            source += f"  (replaces {', '.join(replaced)})"
        rows.append((checklist.id, checklist.title, checklist.language, str(checklist.version), source))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] for row in rows]
    if library.problems:
        lines += ["", f"{len(library.problems)} problem(s) in files that did not load:"]
        lines += [f"  {problem}" for problem in library.problems]
    return lines


@dataclass
class Validation:
    """The result of checking files: every problem, and how many files were checked."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def invalid_files(self) -> int:
        """Files with at least one problem."""
        return len({p.path for p in self.problems})

    def summary(self) -> str:
        """The closing line."""
        if not self.problems:
            return f"{self.files} file(s) checked: all valid"
        return (f"{self.files} file(s) checked: {self.invalid_files} with {len(self.problems)} problem(s); "
                f"fix each line above and run validate again")


def validate(paths: Iterable[str]) -> Validation:
    """Check files and folders of checklists, including ids used twice among them."""
    result = Validation()
    seen: dict[str, str] = {}
    for path in _expand(paths, result):
        result.files += 1
        checklist, problems = read_checklist(path)
        result.problems += problems
        if checklist is None:
            continue
        if checklist.id in seen:
            result.problems.append(Problem(str(path), _id_line(str(path)), 5,
                                           f"id {checklist.id!r} is also used by {seen[checklist.id]}; ids must be unique"))
        seen.setdefault(checklist.id, str(path))
    return result


def _expand(paths: Iterable[str], result: Validation) -> list[Path]:
    """The files to check: a folder's as the app reads them, a path given as it is (whatever it is)."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found, problems = checklist_files(path)
            result.problems += problems
            if not found and not problems:
                result.problems.append(Problem(str(path), 1, 1, "no .yaml files in this folder"))
            files += found
        elif os.path.lexists(path):
            files.append(path)  # read_checklist refuses what is not a regular file, a broken link too
        else:
            result.problems.append(Problem(str(path), 1, 1, "no such file or folder; check the path"))
    return files


STARTER_LANGUAGES = ("en", "de")


def starter_text(language: str) -> str:
    """The commented starter checklist in this language, with {schema}, {path}, {id} and {title} to fill in."""
    from importlib import resources

    return (resources.files("prep.library") / "templates" / f"starter-{language}.yaml").read_text(encoding="utf-8")


def new_checklist(checklist_id: str, language: str, folder: Path) -> Path:
    """Write a commented starter file into `folder` (the rep's checklist folder); never overwrite."""
    import re

    if not re.match(ID_PATTERN, checklist_id):
        raise PrepError(f"{checklist_id!r} is not a checklist id: use a-z, 0-9 and '-', e.g. discovery-call")
    if language not in STARTER_LANGUAGES:
        raise PrepError(f"no starter in {language!r}; use --lang en or --lang de")
    folder = private_folder(folder)
    path = folder / f"{checklist_id}.yaml"
    if path.exists():
        raise PrepError(f"{path}: already exists; edit it, or choose another id")
    schema_path = folder / SCHEMA_FILE
    write_file(schema_path, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", mode=SHARED)
    title = checklist_id.replace("-", " ").capitalize()
    text = starter_text(language).format(schema=f"./{SCHEMA_FILE}", path=path, id=checklist_id, title=title)
    write_file(path, text, mode=SHARED)
    return path
