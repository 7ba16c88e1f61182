"""The last good version of every checklist read from a folder, kept in the cache folder.

A trainer's edit that breaks a shared file must not take the checklist away from a rep the
morning before a meeting: the app goes on with the version that last loaded, and says so —
the rep "this checklist has a problem, tell your trainer", the trainer the file, line and
column (`prep checklists list`, `validate`). Only the app keeps copies: `list` and `validate`
read them but never write. Written only when a file changed, atomically, for the rep only.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import msgspec

from prep.language import N_
from prep.model.checklist import Checklist
from prep.storage import private_folder, write_file

FILE = "last-good-checklists.json"


class Kept(msgspec.Struct, frozen=True):
    """One file's last good checklist, and when it was read."""

    checklist: Checklist
    read: str  # when, to the minute (ISO): the rep and the trainer are told how old the copy is


class LastGood:
    """The copies kept in `folder` (the cache folder), by the file they came from."""

    def __init__(self, folder: Path, *, write: bool = True) -> None:
        self.path = folder / FILE
        self.write = write
        try:
            self.kept = msgspec.json.decode(self.path.read_bytes(), type=dict[str, Kept])
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            self.kept = {}  # none yet, or damaged: a cache, made again from the files that load
        self._changed = False

    def loaded(self, file: str, checklist: Checklist) -> None:
        """`file` loaded as `checklist`: keep it, unless that is what is kept already."""
        known = self.kept.get(file)
        if known is None or known.checklist != checklist:
            self.kept[file] = Kept(checklist, datetime.now().isoformat(timespec="minutes"))
            self._changed = True

    def instead_of(self, file: str) -> Kept | None:
        """The last version of `file` that loaded, for while it is broken."""
        return self.kept.get(file)

    def save(self, files: set[str], folders: list[Path]) -> None:
        """Write the copies down if any changed, forgetting files no longer in `folders` (the folders that were read).

        A file of a folder that could not be read (a team share not mounted today) is not forgotten.
        """
        gone = {file for file in set(self.kept) - files if any(Path(file).is_relative_to(folder) for folder in folders)}
        for file in gone:
            del self.kept[file]
        if not self.write or not (self._changed or gone):
            return
        fix = N_("check the permissions of your cache folder")
        private_folder(self.path.parent, fix=fix)
        write_file(self.path, msgspec.json.encode(self.kept), fix=fix)
        self._changed = False
