"""Erasing a customer: their meetings, drafts and follow-ups, and every copy prep kept of them.

Customer notes are personal data. After `forget`, the customer's name is in no file of
the data folder: the journal is folded into a fresh snapshot, backups are rewritten
without the customer, and leftover temporary files are removed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from prep.brief import counted
from prep.errors import PrepError
from prep.export import resolve_customer
from prep.snapshot import dumps, parse_snapshot
from prep.store import MEETINGS, MeetingSummary, Store


@dataclass(frozen=True)
class Erasure:
    """What forgetting a customer will remove."""

    customer: str
    meetings: list[MeetingSummary]

    @property
    def drafts(self) -> int:
        """Unfinished preparations among them."""
        return sum(m.is_draft for m in self.meetings)

    @property
    def followups(self) -> int:
        """Follow-ups recorded in their debriefs."""
        return sum(len(m.followups) for m in self.meetings)

    def describe(self) -> str:
        """One line saying what will go."""
        return (f"{self.customer}: {counted(len(self.meetings), 'meeting')} ({counted(self.drafts, 'draft')}) "
                f"and {counted(self.followups, 'follow-up')}, with every copy in journals and backups")


def plan_erasure(store: Store, typed: str) -> Erasure:
    """Find the customer; ambiguous or unknown names are refused with what to do."""
    summaries = store.summaries()
    name = resolve_customer(summaries, typed)
    return Erasure(name, [s for s in summaries if s.customer == name])


def erase(store: Store, erasure: Erasure) -> list[Path]:
    """Erase everything about the customer; returns files that still mention them (should be none)."""
    store.forget(m.id for m in erasure.meetings)
    for path in store.files():
        if path.name.endswith(".bak"):
            _scrub_backup(path, erasure.customer)
        elif path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
    needle = erasure.customer.encode()
    escaped = json.dumps(erasure.customer).encode()[1:-1]
    return [p for p in store.files() if p.is_file() and (needle in p.read_bytes() or escaped in p.read_bytes())]


def _scrub_backup(path: Path, customer: str) -> None:
    """Rewrite a backup without the customer, through a temporary file and rename."""
    try:
        tables, _ = parse_snapshot(path.read_bytes())
    except (OSError, ValueError):
        raise PrepError(f"{path}: this backup cannot be read, so the customer cannot be erased from it; delete it by hand") from None
    plain = {}
    for name, rows in tables.items():
        plain[name] = {key: rows[key] for key in rows
                       if not (name == MEETINGS and rows[key].get("customer") == customer)}
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(dumps(plain))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)
