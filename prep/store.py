"""The one gateway to the rep's database. Nothing else in prep knows TinyDB is underneath.

Stock TinyDB re-reads the whole file for every query and rewrites it in place for
every write. `_SafeStorage` keeps what it read in memory (re-reading only when the
file changed on disk) and writes through a temporary file, fsync and rename, so a
crash never leaves a half-written database. A file that cannot be read is reported
and never written over.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage

from prep.errors import StoreError
from prep.meeting import DRAFT, FollowUp, Meeting

SCHEMA_VERSION = 1
MEETINGS = "meetings"
CHECKLISTS = "checklists"
META = "meta"


@dataclass(frozen=True)
class MeetingSummary:
    """What lists show of a meeting, without rebuilding its checklist."""

    id: str
    customer: str
    contact: str
    when: datetime
    goal: str
    status: str
    checklist_title: str
    updated: datetime
    followups: tuple[FollowUp, ...] = ()
    outcome: str = ""
    text: str = field(default="", repr=False, compare=False)

    @property
    def is_draft(self) -> bool:
        """True while the preparation is unfinished."""
        return self.status == DRAFT

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MeetingSummary:
        """Summarise a stored meeting."""
        debrief = data.get("debrief") or {}
        return cls(
            id=data["id"], customer=data["customer"], contact=data.get("contact", ""),
            when=datetime.fromisoformat(data["when"]), goal=data.get("goal", ""),
            status=data.get("status", DRAFT), checklist_title=data["checklist_title"],
            updated=datetime.fromisoformat(data["updated"]),
            followups=tuple(FollowUp.from_dict(f) for f in debrief.get("followups", [])),
            outcome=debrief.get("outcome", ""),
            text=_search_text(data),
        )


def _search_text(data: dict[str, Any]) -> str:
    """Everything the rep wrote about a meeting, lower-cased, for substring search."""
    parts = [data["customer"], data.get("contact", ""), data.get("goal", "")]
    parts += [answer.get("text", "") for answer in data.get("answers", {}).values()]
    debrief = data.get("debrief") or {}
    parts += [debrief.get("outcome", ""), debrief.get("notes", "")]
    parts += [f.get("text", "") for f in debrief.get("followups", [])]
    return "\n".join(part for part in parts if part).lower()


class _SafeStorage(Storage):
    """A TinyDB storage that caches what it read and replaces the file atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._data: dict[str, Any] | None = None
        self._stamp: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except FileNotFoundError:
            return None
        return info.st_mtime_ns, info.st_size

    def read(self) -> dict[str, Any] | None:
        stamp = self._stat()
        if self._data is not None and stamp == self._stamp:
            return self._data
        if stamp is None or stamp[1] == 0:
            self._data, self._stamp = None, stamp
            return None
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise StoreError(f"{self.path}: cannot read the database ({error.strerror}); check its permissions") from None
        try:
            data = json.loads(raw)
        except (ValueError, UnicodeDecodeError) as error:
            where = f" at line {error.lineno}" if isinstance(error, json.JSONDecodeError) else ""
            raise StoreError(
                f"{self.path}: the database is damaged{where}; it was left as it is — restore a backup or start with --db NEW_PATH"
            ) from None
        if not isinstance(data, dict):
            raise StoreError(f"{self.path}: this is not a prep database; it was left as it is — use --db to pick another file")
        self._data, self._stamp = data, stamp
        return data

    def write(self, data: dict[str, Any]) -> None:
        temp = self.path.with_name(f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, self.path)
            _fsync_folder(self.path.parent)
        except OSError as error:
            temp.unlink(missing_ok=True)
            self._data = None  # TinyDB changed the cached copy in place; read it back from disk
            raise StoreError(
                f"{self.path}: could not save ({error.strerror}); free some disk space or check permissions — nothing already saved was lost"
            ) from None
        self._data, self._stamp = data, self._stat()

    def close(self) -> None:
        self._data = None


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Store:
    """The rep's meetings, drafts and debriefs, kept in one database file."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._db: TinyDB | None = None
        self._lock = threading.RLock()
        self._checklists: dict[str, dict[str, Any]] | None = None

    # -- opening ------------------------------------------------------------------

    def _open(self) -> TinyDB:
        if self._db is None:
            folder = self.path.parent
            if not folder.exists():
                folder.mkdir(mode=0o700, parents=True)
            if self.path.exists():
                _private(self.path)
            db = TinyDB(self.path, storage=_SafeStorage)
            self._check_schema(db)
            self._db = db
        return self._db

    def _check_schema(self, db: TinyDB) -> None:
        meta = db.table(META).all()
        version = meta[0].get("schema") if meta else None
        if version is None:
            if db.storage.read():  # type: ignore[attr-defined]
                raise StoreError(f"{self.path}: this is not a prep database; it was left as it is — use --db to pick another file")
            db.table(META).insert({"schema": SCHEMA_VERSION})
            _private(self.path)
        elif version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: written by a newer prep (schema {version}); update prep — the file was left as it is"
            )

    def close(self) -> None:
        """Release the database file."""
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None
                self._checklists = None

    # -- writing ------------------------------------------------------------------

    def save(self, meeting: Meeting | dict[str, Any]) -> None:
        """Save a meeting (a draft or a finished one), replacing an earlier save of it."""
        data = meeting.to_dict() if isinstance(meeting, Meeting) else meeting
        with self._lock:
            row = self._split(data, {})
            self._open().table(MEETINGS).upsert(row, Query().id == data["id"])

    def add_many(self, meetings: Iterable[dict[str, Any]]) -> int:
        """Add many meetings in one write (demo data and imports)."""
        with self._lock:
            seen: dict[int, str] = {}
            rows = [self._split(data, seen) for data in meetings]
            self._open().table(MEETINGS).insert_multiple(rows)
        return len(rows)

    # Every meeting keeps the checklist it was prepared with. Most meetings share a
    # few checklist versions, so each distinct copy is stored once and meetings
    # refer to it by the hash of its content: history stays readable after a
    # checklist changes, without a copy per meeting.

    def _known_checklists(self) -> dict[str, dict[str, Any]]:
        if self._checklists is None:
            rows = self._open().table(CHECKLISTS).all()
            self._checklists = {row["ref"]: row["checklist"] for row in rows}
        return self._checklists

    def _split(self, data: dict[str, Any], seen: dict[int, str]) -> dict[str, Any]:
        copy = data["checklist"]
        ref = seen.get(id(copy))
        if ref is None:
            canonical = json.dumps(copy, sort_keys=True, ensure_ascii=False).encode()
            ref = hashlib.sha256(canonical).hexdigest()[:20]
            seen[id(copy)] = ref
            known = self._known_checklists()
            if ref not in known:
                self._open().table(CHECKLISTS).insert({"ref": ref, "checklist": copy})
                known[ref] = copy
        row = {key: value for key, value in data.items() if key != "checklist"}
        row["checklist_ref"] = ref
        row["checklist_title"] = copy["title"]
        return row

    def _join(self, row: dict[str, Any]) -> dict[str, Any]:
        data = {key: value for key, value in row.items() if key not in ("checklist_ref", "checklist_title")}
        data["checklist"] = self._known_checklists()[row["checklist_ref"]]
        return data

    # -- reading ------------------------------------------------------------------

    def _rows(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._open().table(MEETINGS).all())

    def meeting(self, meeting_id: str) -> Meeting | None:
        """The whole meeting with this id, or None."""
        with self._lock:
            row = self._open().table(MEETINGS).get(Query().id == meeting_id)
            data = self._join(dict(row)) if row else None  # type: ignore[arg-type]
        return Meeting.from_dict(data) if data else None

    def summaries(self) -> list[MeetingSummary]:
        """Every meeting, newest first."""
        rows = [MeetingSummary.from_dict(row) for row in self._rows()]
        rows.sort(key=lambda s: s.when, reverse=True)
        return rows

    def count(self) -> int:
        """How many meetings are stored."""
        with self._lock:
            return len(self._open().table(MEETINGS))

    def customers(self) -> list[str]:
        """Every customer met or prepared for, alphabetically."""
        return sorted({row["customer"] for row in self._rows()}, key=str.lower)


def _private(path: Path) -> None:
    """Customer notes are personal data: only their owner may read the file."""
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def search(summaries: Iterable[MeetingSummary], text: str) -> list[MeetingSummary]:
    """The meetings whose customer, contact, goal or notes contain every word typed."""
    words = text.lower().split()
    if not words:
        return list(summaries)
    return [s for s in summaries if all(word in s.text for word in words)]
