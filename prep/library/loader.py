"""Reading trainers' checklist files (format v1), with errors that point at the line.

The loader walks PyYAML's node tree rather than the loaded Python values, so that
every problem can name its line and column, and so that what PyYAML would let
through silently (a key given twice, anchors and aliases) is refused. A broken
file never stops the others: `load_library` collects its problems and goes on.
"""

from __future__ import annotations

import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

import yaml
import yaml.reader
from yaml.nodes import MappingNode

from prep.errors import PrepError
from prep.language import N_, _, ngettext
from prep.library import yaml_mistakes
from prep.library.last_good import LastGood
from prep.library.meeting_types import MEETING_TYPES
from prep.library.problems import Problem
from prep.library.reader import NodeReader, Refused, StrictLoader
from prep.model.checklist import Checklist
from prep.settings import Settings

MAX_FILE_BYTES = 64 * 1024  # the largest built-in is about 13 KB; parsing stays well under a second
MAX_NESTING = 64
MAX_PROBLEMS = 50
SUFFIXES = (".yaml", ".yml")  # in any case: Windows and macOS editors save x.YAML as readily
# Never blocks: a FIFO that slipped past the type check opens at once instead of waiting for a writer.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
# What an entry named like a checklist may be instead of a file.
FOLDER, FIFO, SOCKET, DEVICE, SPECIAL = (N_("a folder"), N_("a named pipe (FIFO)"), N_("a socket"), N_("a device"),
                                         N_("not a regular file"))
EMPTY = N_("the file is empty; start from `prep checklists new ID`")
TOO_DEEP = N_("the YAML is nested far too deeply; a checklist needs only a few levels")
UNREADABLE = N_("cannot read the file ({reason}); check that it exists and is readable")
NOT_A_FILE = N_("this is {what}, not a checklist file; move it out of the folder or rename it")
# Reads one file, given the meeting types the other checklists use.
Read = Callable[[Collection[str]], tuple[Checklist | None, list[Problem]]]


@dataclass
class Library:
    """Every checklist that loaded, by id, and the problems of the files that did not."""

    checklists: dict[str, Checklist] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # in checklists that loaded all the same
    replaced: dict[str, list[str]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)  # where each checklist was read from
    drafts: dict[str, str] = field(default_factory=dict)  # checklists marked draft and left out: id → file
    # Checklists whose file is broken now, offered in the last version that loaded: id → when that was read.
    last_good: dict[str, str] = field(default_factory=dict)

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

    def broken_files(self) -> tuple[list[str], list[str]]:
        """The files with a problem: those whose checklist is not offered, and those offered in their last good version."""
        kept = {self.sources.get(checklist_id, "") for checklist_id in self.last_good}
        files = list(dict.fromkeys(problem.path for problem in self.problems))
        return [file for file in files if file not in kept], [file for file in files if file in kept]

    def get(self, checklist_id: str) -> Checklist | None:
        """The checklist with this id, if one loaded."""
        return self.checklists.get(checklist_id)


def _id_line(path: str) -> int:
    """The line of the top-level `id:` key, for problems found after parsing."""
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return 1
    return next((number for number, line in enumerate(lines, start=1) if line.startswith("id:")), 1)


def parse_checklist(text: bytes | str, path: str, meeting_types: Collection[str] = ()) -> tuple[Checklist | None, list[Problem]]:
    """Read one checklist from the file's content; the problems say what to fix.

    A checklist that loads may come with warnings (`Problem.is_warning`), never with errors.
    `meeting_types` are the ones other checklists use, known beside the common ones.
    """
    if len(text) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, _("the file is over {size} KB; a checklist is far smaller — is this the right file?")
                              .format(size=MAX_FILE_BYTES // 1024))]
    if isinstance(text, bytes):
        if yaml_mistakes.saved_as_utf16(text):
            return None, [Problem(path, 1, 1, _(yaml_mistakes.UTF16))]
        if b"\x00" in text:
            return None, [Problem(path, 1, 1, _("this is a binary file, not a YAML checklist"))]
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = text[: error.start].count(b"\n") + 1
            return None, [Problem(path, line, 1, _("the file is not UTF-8 text; save it as UTF-8 in your editor"))]
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [Problem(path, 1, 1, _(EMPTY))]
    if _nesting(text) > MAX_NESTING:
        return None, [Problem(path, 1, 1, _(TOO_DEEP))]
    spaces = yaml_mistakes.non_breaking_spaces(text)
    if spaces:
        return None, _at_most([Problem(path, line, column, _(yaml_mistakes.NBSP)) for line, column in spaces])
    try:
        root = yaml.compose(text, Loader=StrictLoader)
    except Refused as refused:
        reader = NodeReader(path)
        reader.problem(refused.mark, refused.message)
        return None, reader.problems
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_problem(path, error, text)]
    except RecursionError:
        return None, [Problem(path, 1, 1, _(TOO_DEEP))]
    except yaml.reader.ReaderError as error:
        return None, [Problem(path, *yaml_mistakes.control_character(text, error))]
    except yaml.YAMLError as error:
        return None, [Problem(path, 1, 1, _("not valid YAML: {error}").format(error=error))]
    if root is None:
        return None, [Problem(path, 1, 1, _(EMPTY))]
    reader = NodeReader(path, meeting_types)
    if not isinstance(root, MappingNode):
        reader.problem(root, _("the top level must be a mapping with schema, id, title and sections"))
        return None, reader.problems
    checklist = reader.checklist(root)
    if checklist is None:
        return None, _at_most(reader.problems)
    return checklist, _at_most(reader.warnings)  # warnings only once there are no errors: those come first


def _at_most(problems: list[Problem]) -> list[Problem]:
    """The first MAX_PROBLEMS, and how many more there are."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest, first = len(problems) - MAX_PROBLEMS, problems[MAX_PROBLEMS]
    return problems[:MAX_PROBLEMS] + [
        Problem(first.path, first.line, 1, ngettext(
            "and {count} more problem; fix these first, then validate again",
            "and {count} more problems; fix these first, then validate again", rest).format(count=rest), first.severity)
    ]


def _nesting(text: str) -> int:
    """How deep [ ] and { } nest (ignoring quotes: a cheap guard before the recursive parser)."""
    depth = deepest = 0
    for match in re.finditer(r"[\[\]{}]", text):
        depth += 1 if match.group() in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


def _syntax_problem(path: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """Where PyYAML gave up: the slip behind it in plain words, at its place; else PyYAML's own words."""
    found = yaml_mistakes.explain(text, error)
    if found is not None:
        return Problem(path, *found)
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or "").strip()
    return Problem(path, line, column, _("YAML syntax: {problem}; check the indentation and quotes here").format(
        problem=problem or error))


def read_checklist(path: Path, meeting_types: Collection[str] = ()) -> tuple[Checklist | None, list[Problem]]:
    """Read one checklist file from disk; anything but a regular file is a problem, and is never opened.

    Opening a FIFO waits for a writer forever, and opening a device may do something:
    the type is checked first (of what a link points at), and again on what was opened.
    """
    def refused(message: str) -> tuple[None, list[Problem]]:
        return None, [Problem(str(path), 1, 1, message)]

    try:
        not_a_file = _not_a_file(os.stat(path).st_mode)
    except FileNotFoundError:
        if os.path.islink(path):
            return refused(_("a link to a file that does not exist; point it at a checklist or remove it"))
        return refused(_("no such file; check the path"))
    except OSError as error:
        return refused(_(UNREADABLE).format(reason=error.strerror))
    if not_a_file:
        return refused(_(NOT_A_FILE).format(what=_(not_a_file)))
    try:
        handle = os.fdopen(os.open(path, OPEN_FLAGS), "rb")
    except OSError as error:
        return refused(_(UNREADABLE).format(reason=error.strerror))
    with handle:
        not_a_file = _not_a_file(os.fstat(handle.fileno()).st_mode)  # it may have been swapped since the stat
        if not_a_file:
            return refused(_(NOT_A_FILE).format(what=_(not_a_file)))
        try:
            data = handle.read(MAX_FILE_BYTES + 1)
        except OSError as error:
            return refused(_(UNREADABLE).format(reason=error.strerror))
    return parse_checklist(data, str(path), meeting_types)


def _not_a_file(mode: int) -> str:
    """What an entry is if it is not a regular file (FOLDER, FIFO…, in English: `_()` says it); empty for a file."""
    if stat.S_ISREG(mode):
        return ""
    kinds = ((stat.S_ISDIR, FOLDER), (stat.S_ISFIFO, FIFO), (stat.S_ISSOCK, SOCKET), (stat.S_ISCHR, DEVICE),
             (stat.S_ISBLK, DEVICE))
    return next((name for test, name in kinds if test(mode)), SPECIAL)


def checklist_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """Every entry named like a checklist (.yaml or .yml, any case) in `folder` and its subfolders, sorted.

    Named like one is enough: a FIFO, a socket or a folder called x.yaml is listed too, so
    that `read_checklist` names it as a problem rather than it being skipped without a word.
    A folder that cannot be read is a problem too. Names starting with a dot are left
    alone: `.git`, and the lock files editors leave beside what they edit (`.#call.yaml`).
    Links to folders are not followed into, so a link to a parent cannot loop.
    """
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        where = error.filename or str(folder)
        problems.append(Problem(str(where), 1, 1, _("cannot read this folder ({reason}); check its permissions")
                                .format(reason=error.strerror)))

    for root, folders, files in os.walk(folder, onerror=unreadable):
        folders[:] = [name for name in folders if not name.startswith(".")]
        found += [Path(root, name) for name in folders + files
                  if not name.startswith(".") and name.lower().endswith(SUFFIXES)]
    return sorted(found), problems


def builtin_files() -> list[tuple[str, bytes]]:
    """The checklists shipped with prep, as (name, content)."""
    folder = resources.files("prep.checklists")
    return [
        (entry.name, entry.read_bytes())
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith((".yaml", ".yml"))
    ]


def _builtin(content: bytes, name: str, meeting_types: Collection[str] = ()) -> tuple[Checklist | None, list[Problem]]:
    """A built-in checklist, read once a process: the files ship with prep and do not change while it runs."""
    checklist, problems = _read_builtin(content, name, tuple(sorted(meeting_types)))
    return checklist, list(problems)


@lru_cache(maxsize=64)
def _read_builtin(content: bytes, name: str, meeting_types: tuple[str, ...]) -> tuple[Checklist | None, tuple[Problem, ...]]:
    checklist, problems = parse_checklist(content, name, meeting_types)
    return checklist, tuple(problems)


def load_library(settings: Settings | None = None, *, keep: bool = False) -> Library:
    """Load the built-ins, the user's folder, then each PREP_CHECKLISTS folder; later ids win.

    Without settings, the folders are read from the environment now. A file that breaks is
    offered in its last good version from the cache folder; `keep` (the app) keeps the
    versions that load there. Drafts are left out unless the settings ask for them.
    """
    if settings is None:
        settings = Settings.from_environment()
    library = Library()
    origin: dict[str, str] = {}
    last_good = LastGood(settings.cache, write=keep) if settings.cache else None

    def add(checklist: Checklist | None, problems: list[Problem], file: str, source: str, folder_ids: dict[str, str]) -> None:
        library.problems.extend(problem for problem in problems if not problem.is_warning)
        library.warnings.extend(problem for problem in problems if problem.is_warning)
        if last_good is not None and source != "built-in":
            if checklist is not None:
                last_good.loaded(file, checklist)
            elif (kept := last_good.instead_of(file)) is not None:
                checklist = kept.checklist
                library.last_good[checklist.id] = kept.read
        if checklist is None:
            return
        if checklist.is_draft and not settings.drafts:
            library.drafts[checklist.id] = file
            return
        if checklist.id in folder_ids:
            # Two files of one folder with one id: neither is clearly meant, so keep the first.
            library.problems.append(Problem(
                file, _id_line(file), 1,
                _("id {id} is already used by {file} in the same folder; give one of them another id").format(
                    id=repr(checklist.id), file=folder_ids[checklist.id]),
            ))
            return
        folder_ids[checklist.id] = file
        if checklist.id in library.checklists:
            library.replaced.setdefault(checklist.id, []).append(origin[checklist.id])
        library.checklists[checklist.id] = checklist
        origin[checklist.id] = source
        library.sources[checklist.id] = file

    files: list[tuple[str, str, dict[str, str]]] = []  # each file, where it came from, and the ids of its folder
    reads: list[Read] = []
    builtin_ids: dict[str, str] = {}
    for name, content in builtin_files():
        files.append((f"built-in:{name}", "built-in", builtin_ids))
        reads.append(partial(_builtin, content, f"built-in:{name}"))

    for index, folder in enumerate(settings.checklist_folders):
        if not folder.is_dir():
            # The first is the rep's own folder, there only once they start a checklist;
            # a team folder that is missing is a wrong path in PREP_CHECKLISTS.
            if index > 0:
                library.problems.append(Problem(str(folder), 1, 1,
                                                _("PREP_CHECKLISTS names a folder that does not exist; fix the path")))
            continue
        folder_ids: dict[str, str] = {}
        paths, problems = checklist_files(folder)
        library.problems.extend(problems)
        for path in paths:
            files.append((str(path), str(path), folder_ids))
            reads.append(partial(read_checklist, path))
    for (file, source, ids), (checklist, problems) in zip(files, read_knowing_each_other(reads)):
        add(checklist, problems, file, source, ids)
    if last_good is not None:
        try:
            last_good.save({file for file, source, _ids in files if source != "built-in"},
                           [folder for folder in settings.checklist_folders if folder.is_dir()])
        except PrepError as error:
            library.problems.append(Problem(str(last_good.path), 1, 1, str(error)))
    return library


def read_knowing_each_other(reads: list[Read]) -> list[tuple[Checklist | None, list[Problem]]]:
    """Read every file; one that uses a meeting type beside the common ones is read again, knowing the others' types.

    A meeting type no other checklist uses is a warning (a typo, often); one that others
    use too is the team's own. Only the few files with such a type are read twice.
    """
    results = [read(()) for read in reads]
    used = Counter(kind for checklist, problems in results if checklist for kind in set(checklist.meeting_types))
    for index, (checklist, problems) in enumerate(results):
        if checklist is None or not any(p.is_warning for p in problems):
            continue
        own = set(checklist.meeting_types)
        others = {kind for kind, count in used.items() if count > (1 if kind in own else 0)}
        if any(kind not in MEETING_TYPES and kind in others for kind in own):
            results[index] = reads[index](others)
    return results
