"""What changed in a checklist, told to the rep once: the trainer's `changes:` note after a new version.

The versions the rep has seen are kept in the state folder. The first time a checklist is
seen there is nothing to tell (it is new to the rep, not changed); after that, a higher
version with a `changes:` note is told once, and remembered as seen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from prep.language import N_, _
from prep.model.checklist import Checklist
from prep.storage import private_folder, write_file

FILE = "checklists-seen.json"


def news(checklists: Iterable[Checklist], state_folder: Path, *, used_before: bool = False) -> list[Checklist]:
    """The checklists updated since the rep last saw them, with a note to tell; each is then remembered as seen.

    `used_before`: the rep has meetings already. Without a memory of what they saw, they used a prep
    from before checklists had notes, when every checklist they met was at most version 1.
    """
    checklists = list(checklists)
    path = state_folder / FILE
    try:
        seen = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        seen = None  # the first start (or a damaged memory of it): everything is new, nothing is news
    if not isinstance(seen, dict):
        seen = None
    first = seen is None
    before_all = dict(seen or {})  # as remembered: written again only if this start changes it
    seen = dict(before_all)
    if first and used_before:
        seen, first = {checklist.id: 1 for checklist in checklists}, False
    told = []
    for checklist in checklists:
        before = seen.get(checklist.id)
        if not first and isinstance(before, int) and checklist.version > before and checklist.changes:
            told.append(checklist)
        if before != checklist.version:
            seen[checklist.id] = checklist.version
    if seen == before_all and path.exists():
        return told  # nothing new: the memory stays as it is, unwritten
    fix = N_("check the permissions of your state folder")
    private_folder(state_folder, fix=fix)
    write_file(path, json.dumps(seen, sort_keys=True), fix=fix)
    return told


def told(updated: list[Checklist], language: str) -> list[tuple[str, str]]:
    """What the rep is told of `news`, as (title, text) a note: the checklists in the rep's `language` (the others
    are remembered as seen all the same); after an update of prep itself, one note for many."""
    updated = [checklist for checklist in updated if checklist.language.split("-")[0] == language.split("-")[0]]
    if len(updated) > 2:
        return [(_("Checklists updated"), _("{titles} — what changed is in each one's preview under Checklists.").format(
            titles=", ".join(checklist.title for checklist in updated)))]
    return [(_("Checklist updated: {title} (version {version})").format(title=checklist.title, version=checklist.version),
             checklist.changes) for checklist in updated]
