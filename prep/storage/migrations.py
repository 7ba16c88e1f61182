"""Older databases brought up to the current schema, with a backup of the old file kept first."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prep.storage.files import write_file
from prep.storage.rows import Rows

if TYPE_CHECKING:  # the journal brings TinyDB, which loads with the first read
    from prep.storage.journal import Changes, JournalStorage

SCHEMA_VERSION = 2
MEETINGS = "meetings"
CHECKLISTS = "checklists"
META = "meta"


def doc_id(key: str) -> int:
    """A row id derived from a meeting's or checklist's own id, the same in every running copy."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:13], 16)


def checklist_ref(copy: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The name a checklist copy is stored under: the hash of its content.

    Most meetings share a few checklist versions: each distinct copy is stored once,
    so history stays readable after a checklist changes without a copy per meeting.
    """
    canonical = json.dumps(copy, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(canonical).hexdigest()[:20], copy


def migrate(storage: JournalStorage, path: Path, version: int) -> None:
    """Schema 1 kept a checklist copy inside each meeting; now each copy is stored once."""
    backup = path.with_name(f"{path.name}.schema-{version}.bak")
    if not backup.exists():
        write_file(backup, path.read_bytes(), fix="free some disk space; the database was left as it is")
    with storage.writing() as tables:
        changes: Changes = {MEETINGS: {}, CHECKLISTS: {}, META: {"1": {"schema": SCHEMA_VERSION}}}
        # Rows are keyed by ids derived from their own ids now (see `doc_id`).
        checklists = tables.get(CHECKLISTS) or Rows()
        for key in list(checklists):
            row = checklists[key]
            new_key = str(doc_id(row["ref"]))
            if new_key != key:
                changes[CHECKLISTS][key] = None
                changes[CHECKLISTS][new_key] = row
        meetings = tables.get(MEETINGS) or Rows()
        for key in list(meetings):
            row = meetings[key]
            if "checklist" in row:
                ref, copy = checklist_ref(row.pop("checklist"))
                row["checklist_ref"], row["checklist_title"] = ref, copy["title"]
                changes[CHECKLISTS][str(doc_id(ref))] = {"ref": ref, "checklist": copy}
            new_key = str(doc_id(row["id"]))
            if new_key != key:
                changes[MEETINGS][key] = None
            changes[MEETINGS][new_key] = row
        if META in tables:
            changes[META].update({key: None for key in tables[META] if key != "1"})
        storage.commit(changes)
        storage.fold_journal()
