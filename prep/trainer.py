"""What a sales trainer does with checklists: list them, check files, start a new one, get the schema."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from prep import locations
from prep.checklist_format import ID_PATTERN, json_schema
from prep.checklist_loader import Library, Problem, _id_line, read_checklist
from prep.errors import PrepError

SCHEMA_FILE = "prep-checklist.schema.json"


def list_lines(library: Library) -> list[str]:
    """One line per checklist — id, title, language, version, source — then what failed to load."""
    rows = [("ID", "TITLE", "LANG", "VER", "SOURCE")]
    for checklist in library.ordered():
        source = "built-in" if checklist.source.startswith("built-in:") else checklist.source
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
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                result.problems.append(Problem(str(path), 1, 1, "no .yaml files in this folder"))
            files += found
        elif path.exists():
            files.append(path)
        else:
            result.problems.append(Problem(str(path), 1, 1, "no such file or folder; check the path"))
    return files


STARTER = {
    "en": """\
# yaml-language-server: $schema={schema}
# A prep checklist (format v1). Check it with: prep checklists validate {path}
schema: 1
id: {id}
title: {title}
language: en
version: 1
description: >-
  What this checklist is for, and which frameworks it draws on (e.g. SPIN, LAER,
  the Trust Equation).
meeting_types: [first-meeting]   # suggests this checklist for these meetings
sections:
  # needs: each prompt gets the rep's answer — their hypothesis, in their words.
  - id: needs
    kind: needs
    title: Customer needs
    intro: Write what you expect; the meeting will tell you whether you were right.
    items:
      - id: problem
        prompt: Which problem must be solved, in the customer's words?
        hint: "SPIN: Problem."
        required: true
  # objections: the rep marks how likely each is and writes their own response.
  - id: objections
    kind: objections
    title: Likely objections
    items:
      - id: price
        objection: "You are more expensive than the competition."
        responses:
          - "Ask what exactly they compare, then compare the total cost with their numbers."
          - "Offer a smaller first step rather than a lower price."
  # trust: points the rep ticks off or notes.
  - id: trust
    kind: trust
    title: Trust-building points
    items:
      - id: promises
        point: Make only promises you can keep, and write each one down.
  # questions: anything else, e.g. the rep's own readiness.
  - id: readiness
    kind: questions
    title: Your readiness
    items:
      - id: learn
        prompt: What is the one thing you want to learn in this meeting?
""",
    "de": """\
# yaml-language-server: $schema={schema}
# Eine prep-Checkliste (Format v1). Prüfen mit: prep checklists validate {path}
schema: 1
id: {id}
title: {title}
language: de
version: 1
description: >-
  Wofür diese Checkliste gedacht ist und auf welchen Methoden sie aufbaut
  (z. B. SPIN, LAER, Vertrauensgleichung).
meeting_types: [first-meeting]   # für diese Terminarten vorgeschlagen
sections:
  # needs: Zu jeder Frage notiert der Vertrieb seine Vermutung, in eigenen Worten.
  - id: needs
    kind: needs
    title: Bedarf des Kunden
    intro: Schreiben Sie auf, was Sie erwarten; das Gespräch zeigt, ob es stimmt.
    items:
      - id: problem
        prompt: Welches Problem muss gelöst werden – in den Worten des Kunden?
        hint: "SPIN: Problem."
        required: true
  # objections: Wahrscheinlichkeit einschätzen und eine eigene Antwort schreiben.
  - id: objections
    kind: objections
    title: Mögliche Einwände
    items:
      - id: price
        objection: "Sie sind teurer als der Wettbewerb."
        responses:
          - "Fragen, was genau verglichen wird, dann die Gesamtkosten mit ihren Zahlen gegenüberstellen."
          - "Lieber einen kleineren ersten Schritt anbieten als einen niedrigeren Preis."
  # trust: Punkte zum Abhaken oder Notieren.
  - id: trust
    kind: trust
    title: Vertrauen aufbauen
    items:
      - id: promises
        point: Versprechen Sie nur, was Sie halten können, und schreiben Sie jede Zusage auf.
  # questions: alles Weitere, z. B. die eigene Verfassung.
  - id: readiness
    kind: questions
    title: Ihre Verfassung
    items:
      - id: learn
        prompt: Was ist das eine, das Sie in diesem Gespräch erfahren wollen?
""",
}


def new_checklist(checklist_id: str, language: str) -> Path:
    """Write a commented starter file into the user's checklist folder; never overwrite."""
    import re

    if not re.match(ID_PATTERN, checklist_id):
        raise PrepError(f"{checklist_id!r} is not a checklist id: use a-z, 0-9 and '-', e.g. discovery-call")
    if language not in STARTER:
        raise PrepError(f"no starter in {language!r}; use --lang en or --lang de")
    folder = locations.user_checklists_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{checklist_id}.yaml"
    if path.exists():
        raise PrepError(f"{path}: already exists; edit it, or choose another id")
    schema_path = folder / SCHEMA_FILE
    schema_path.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    title = checklist_id.replace("-", " ").capitalize()
    text = STARTER[language].format(schema=f"./{SCHEMA_FILE}", path=path, id=checklist_id, title=title)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    return path
