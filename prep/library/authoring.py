"""What a sales trainer does with checklists: list them, check files, start a new one, get the schema."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from prep.errors import PrepError
from prep.language import N_, _, ngettext, speaking
from prep.library.format import ID_PATTERN, json_schema
from prep.library.loader import (
    Library,
    _id_line,
    checklist_files,
    read_checklist,
    read_knowing_each_other,
)
from prep.library.problems import Problem
from prep.storage import SHARED, private_folder, write_file

SCHEMA_FILE = "prep-checklist.schema.json"
COLUMNS = (N_("ID"), N_("TITLE"), N_("LANG"), N_("VER"), N_("SOURCE"))
BUILT_IN = N_("built-in")


def list_lines(library: Library) -> list[str]:
    """One line per checklist — id, title, language, version, source — then what failed to load."""
    rows = [tuple(_(column) for column in COLUMNS)]
    for checklist in library.ordered():
        file = library.sources.get(checklist.id, "")
        source = _(BUILT_IN) if file.startswith("built-in:") else file
        replaced = library.replaced.get(checklist.id)
        if replaced:
            shown = ", ".join(_(BUILT_IN) if origin == "built-in" else origin for origin in replaced)
            source += "  " + _("(replaces {sources})").format(sources=shown)
        if checklist.id in library.last_good:
            source += "  " + _("(its last good version, read {when}: the file has a problem below)").format(
                when=library.last_good[checklist.id].replace("T", " "))
        if checklist.is_draft:
            source += "  " + _("(draft)")
        rows.append((checklist.id, checklist.title, checklist.language, str(checklist.version), source))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] for row in rows]
    if library.problems:
        count = len(library.problems)
        lines += ["", ngettext("{count} problem(s) in files that did not load:", "{count} problem(s) in files that did not load:",
                               count).format(count=count)]
        lines += [f"  {problem}" for problem in library.problems]
    if library.drafts:
        count = len(library.drafts)
        lines += ["", ngettext("{count} draft not shown to reps: {ids}; see it with --drafts",
                               "{count} drafts not shown to reps: {ids}; see them with --drafts", count).format(
            count=count, ids=", ".join(sorted(library.drafts)))]
    if library.warnings:
        count = len(library.warnings)
        lines += ["", ngettext("{count} warning(s) in checklists that loaded:", "{count} warning(s) in checklists that loaded:",
                               count).format(count=count)]
        lines += [f"  {problem}" for problem in library.warnings]
    return lines


@dataclass
class Validation:
    """The result of checking files: every problem, errors and warnings, and how many files were checked."""

    files: int = 0
    problems: list[Problem] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)  # files of checklists marked `status: draft`

    @property
    def errors(self) -> list[Problem]:
        """The problems that stop a file loading."""
        return [p for p in self.problems if not p.is_warning]

    @property
    def warnings(self) -> list[Problem]:
        """The problems of files that load all the same."""
        return [p for p in self.problems if p.is_warning]

    @property
    def invalid_files(self) -> int:
        """Files with at least one error."""
        return len({p.path for p in self.errors})

    def summary(self) -> str:
        """The closing line."""
        # English writes "file(s)" whatever the count; German counts each part on its own.
        checked = ngettext("{count} file(s) checked", "{count} file(s) checked", self.files).format(count=self.files)
        count = len(self.warnings)
        warnings = ngettext("{count} warning(s)", "{count} warning(s)", count).format(count=count)
        if not self.errors:
            if count:
                return _("{checked}: all valid, but look at {warnings} above").format(checked=checked, warnings=warnings)
            return _("{checked}: all valid").format(checked=checked)
        problems = ngettext("{count} problem(s)", "{count} problem(s)", len(self.errors)).format(count=len(self.errors))
        if count:
            return _("{checked}: {invalid} with {problems}, and {warnings}; fix the problems above and run validate again"
                     ).format(checked=checked, invalid=self.invalid_files, problems=problems, warnings=warnings)
        return _("{checked}: {invalid} with {problems}; fix each line above and run validate again").format(
            checked=checked, invalid=self.invalid_files, problems=problems)


def validate(paths: Iterable[str]) -> Validation:
    """Check files and folders of checklists, including ids used twice among them."""
    result = Validation()
    seen: dict[str, str] = {}
    files = _expand(paths, result)
    result.files = len(files)
    read = read_knowing_each_other([partial(read_checklist, path) for path in files])
    for path, (checklist, problems) in zip(files, read):
        result.problems += problems
        if checklist is None:
            continue
        if checklist.id in seen:
            result.problems.append(Problem(str(path), _id_line(str(path)), 5, _(
                "id {id} is also used by {file}; ids must be unique").format(id=repr(checklist.id), file=seen[checklist.id])))
        seen.setdefault(checklist.id, str(path))
        if checklist.is_draft:
            result.drafts.append(str(path))
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
                result.problems.append(Problem(str(path), 1, 1, _("no .yaml files in this folder")))
            files += found
        elif os.path.lexists(path):
            files.append(path)  # read_checklist refuses what is not a regular file, a broken link too
        else:
            result.problems.append(Problem(str(path), 1, 1, _("no such file or folder; check the path")))
    return files


STARTER_LANGUAGES = ("en", "de")


def starter_text(language: str) -> str:
    """The commented starter checklist in this language, with {schema}, {path}, {id} and {title} to fill in."""
    from importlib import resources

    return (resources.files("prep.library") / "templates" / f"starter-{language}.yaml").read_text(encoding="utf-8")


MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE}"


def write_schema(folder: Path) -> Path:
    """The JSON Schema beside the checklists of `folder` (created if need be), for editors that read the modeline."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / SCHEMA_FILE
    write_file(path, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", mode=SHARED)
    return path


def new_checklist(checklist_id: str, language: str | None, folder: Path, *, library: Library | None = None,
                  start_from: str | None = None, replace: bool = False, private: bool = True) -> Path:
    """Write a starter file into `folder` (the rep's checklist folder, or a team's); never overwrite a file.

    The starter is in `language`, or in the language prep speaks to the rep when it is None; with
    `start_from`, it is a copy of that checklist (a built-in's, a team's) under the new id. A new id
    that a checklist in `library` already has would replace that one for everyone reading `folder`:
    refused unless `replace`, or unless the copy is of that very checklist (then replacing it is the point).
    """
    import re

    if not re.match(ID_PATTERN, checklist_id):
        raise PrepError(_("{id} is not a checklist id: use a-z, 0-9 and '-', e.g. discovery-call").format(id=repr(checklist_id)))
    language = language or speaking()
    if language not in STARTER_LANGUAGES:
        raise PrepError(_("no starter in {language}; use --lang en or --lang de").format(language=repr(language)))
    if (folder / f"{checklist_id}.yaml").exists():
        raise PrepError(_("{path}: already exists; edit it, or choose another id").format(path=folder / f"{checklist_id}.yaml"))
    taken = library.get(checklist_id) if library is not None else None
    if taken is not None and not replace and start_from != checklist_id:
        where = library.sources.get(checklist_id, "") if library is not None else ""
        raise PrepError(_("{id} is already a checklist ({where}); a new file with this id would replace it for everyone "
                          "reading {folder}: start from a copy with --from {id}, choose another id, or pass --replace")
                        .format(id=checklist_id, where=_(BUILT_IN) if where.startswith("built-in:") else where, folder=folder))
    text = _copy_of(start_from, checklist_id, library) if start_from else None
    folder = private_folder(folder) if private else folder
    path = folder / f"{checklist_id}.yaml"
    if path.exists():
        raise PrepError(_("{path}: already exists; edit it, or choose another id").format(path=path))
    write_schema(folder)
    if text is None:
        title = checklist_id.replace("-", " ").capitalize()
        text = starter_text(language).format(schema=f"./{SCHEMA_FILE}", path=path, id=checklist_id, title=title)
    write_file(path, text, mode=SHARED)
    return path


def _copy_of(source_id: str, checklist_id: str, library: Library | None) -> str:
    """The YAML of checklist `source_id` as its file says it, under `checklist_id`, with the schema's modeline."""
    import re

    from prep.library.loader import builtin_files

    source = library.sources.get(source_id) if library is not None else None
    if source is None:
        raise PrepError(_("no checklist has the id {id}; `prep checklists list` shows them").format(id=repr(source_id)))
    if source.startswith("built-in:"):
        content = dict(builtin_files())[source.removeprefix("built-in:")]
    else:
        try:
            content = Path(source).read_bytes()
        except OSError as error:
            raise PrepError(_("{path}: cannot read it ({reason})").format(path=source, reason=error.strerror)) from None
    text = content.decode("utf-8-sig")
    text = re.sub(r"(?m)^id:[ \t]*\S.*$", f"id: {checklist_id}", text, count=1)
    lines = [line for line in text.splitlines() if not line.startswith("# yaml-language-server:")]
    return "\n".join([MODELINE, *lines]) + "\n"
