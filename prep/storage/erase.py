"""Erasing a customer: their meetings, drafts and follow-ups, and every copy prep kept of them.

Customer notes are personal data. After `forget`, the customer's name is in no file of
the data folder: the journal is folded into a fresh snapshot, backups are rewritten
without the customer, and leftover temporary files are removed.
"""

from __future__ import annotations

import json
from pathlib import Path

from prep.errors import PrepError
from prep.storage.files import write_file
from prep.storage.rows import dumps
from prep.storage.snapshot import parse_snapshot

MEETINGS = "meetings"


def scrub(files: list[Path], customer: str) -> list[Path]:
    """Remove the customer from backups and leftovers; returns files that still mention them (should be none)."""
    for path in files:
        if path.name.endswith(".bak"):
            _scrub_backup(path, customer)
        elif path.name.endswith(".tmp"):
            path.unlink(missing_ok=True)
    needle = customer.encode()
    escaped = json.dumps(customer).encode()[1:-1]
    return [p for p in files if p.is_file() and (needle in p.read_bytes() or escaped in p.read_bytes())]


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
    write_file(path, dumps(plain), fix="delete the backup by hand")
