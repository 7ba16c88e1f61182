"""Older databases brought up to the current schema, with a backup of the old file kept first."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from prep.errors import PrepError, StoreError
from prep.language import N_, _
from prep.model.customer import Customer, name_key, people_in
from prep.model.shapes import ShapeError, convert, to_builtins
from prep.storage.files import write_file
from prep.storage.rows import Rows

if TYPE_CHECKING:  # the journal brings TinyDB, which loads with the first read
    from prep.storage.journal import Changes

SCHEMA_VERSION = 3
MEETINGS = "meetings"
CHECKLISTS = "checklists"
META = "meta"
CUSTOMERS = "customers"  # a customer card per customer, keyed by `customer_key`
APPOINTMENTS = "appointments"  # meetings imported from the calendar, keyed by `appointment_key`


def doc_id(key: str) -> int:
    """A row id derived from a meeting's or checklist's own id, the same in every running copy."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:13], 16)


def customer_key(name: str) -> str:
    """The row key of a customer's card: from the name as a rep would compare it."""
    return str(doc_id("customer:" + name_key(name)))


def appointment_key(key: str) -> str:
    """The row key of an appointment, from its own key (the calendar's UID and occurrence)."""
    return str(doc_id("appointment:" + key))


def checklist_ref(copy: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The name a checklist copy is stored under: the hash of its content.

    Most meetings share a few checklist versions: each distinct copy is stored once,
    so history stays readable after a checklist changes without a copy per meeting.
    """
    canonical = json.dumps(copy, sort_keys=True, ensure_ascii=False).encode()
    return hashlib.sha256(canonical).hexdigest()[:20], copy


def upgrade(tables: dict[str, Rows], path: Path) -> Changes | None:
    """What brings the tables read from `path` to the current schema; None when they are current.

    Pure: the storage applies it in memory on every read and writes it only with the
    first write (after `keep_backup`), so reading an older file never changes it.
    """
    meta = tables.get(META)
    version = meta[next(iter(meta))].get("schema") if meta else None
    if version is None and not tables:
        return None  # a new database: the schema is written with the first save
    if version is None and MEETINGS not in tables:
        raise StoreError(_("{path}: this is not a prep database; it was left as it is — use --db to pick another file").format(
            path=path))
    if not isinstance(version, (int, type(None))) or (version or 1) < 1:
        raise StoreError(_("{path}: the schema version {version!r} is not one prep wrote; the file was left as it is").format(
            path=path, version=version))
    if version is not None and version > SCHEMA_VERSION:
        raise StoreError(_("{path}: written by a newer prep (schema {version}); update prep — the file was left as it is").format(
            path=path, version=version))
    if version == SCHEMA_VERSION:
        return None
    changes: Changes = {MEETINGS: {}, CHECKLISTS: {}, CUSTOMERS: {}, META: {"1": {"schema": SCHEMA_VERSION}}}
    meetings = _keyed_by_id(tables, changes) if (version or 1) < 2 else tables.get(MEETINGS) or Rows()
    _people_from_contacts(meetings, tables.get(CUSTOMERS) or Rows(), changes)
    if META in tables:
        changes[META].update({key: None for key in tables[META] if key != "1"})
    return changes


def _keyed_by_id(tables: dict[str, Rows], changes: Changes) -> dict[str, Any]:
    """Schema 1 to 2: a checklist copy is stored once, not in each meeting; rows are keyed by ids
    derived from their own ids (see `doc_id`). Returns the meeting rows as they are now."""
    checklists = tables.get(CHECKLISTS) or Rows()
    for key in list(checklists):
        row = checklists[key]
        new_key = str(doc_id(row["ref"]))
        if new_key != key:
            changes[CHECKLISTS][key] = None
            changes[CHECKLISTS][new_key] = row
    meetings = tables.get(MEETINGS) or Rows()
    now: dict[str, Any] = {}
    for key in list(meetings):
        row = meetings[key]
        if "checklist" in row:
            ref, copy = checklist_ref(row.pop("checklist"))
            row["checklist_ref"], row["checklist_title"] = ref, copy["title"]
            changes[CHECKLISTS][str(doc_id(ref))] = {"ref": ref, "checklist": copy}
        new_key = str(doc_id(row["id"]))
        if new_key != key:
            changes[MEETINGS][key] = None
        changes[MEETINGS][new_key] = now[new_key] = row
    return now


def _people_from_contacts(meetings: Any, cards: Rows, changes: Changes) -> None:
    """Schema 2 to 3: each meeting's free-text contact becomes people on its customer's card, and the
    meeting names them. A row that does not read as expected is left for the store to report."""
    found: dict[str, Customer] = {}
    for key in list(meetings):
        row = meetings[key]
        contact, customer = row.get("contact"), row.get("customer")
        if not isinstance(contact, str) or not contact.strip() or not isinstance(customer, str) or not customer.strip():
            continue
        people = people_in(contact)
        if "people" not in row:
            row["people"] = [person.name for person in people]
        row["contact"] = ""
        changes[MEETINGS][key] = row
        card_key = customer_key(customer)
        if card_key not in found:
            try:
                found[card_key] = convert(cards[card_key], Customer) if card_key in cards else Customer(name=customer.strip())
            except ShapeError:
                continue
        for person in people:
            if found[card_key].person(person.name) is None:
                found[card_key] = found[card_key].with_person(person)
    changes[CUSTOMERS].update({key: to_builtins(card) for key, card in found.items()})


def keep_backup(path: Path) -> None:
    """Copy the database aside before it is first rewritten in the current schema, and check the copy.

    The copy is read back and compared: the original is replaced only once an exact
    copy is known to be on disk.
    """
    try:
        original = path.read_bytes()
    except FileNotFoundError:
        return  # only a journal so far: it stays until its rows are in the new snapshot
    except OSError as error:
        raise StoreError(_("{path}: cannot read the database to back it up ({problem}); check its permissions").format(
            path=path, problem=error.strerror)) from None
    backup = path.with_name(f"{path.name}.before-upgrade.bak")
    fix = N_("free some disk space; the database was left as it is")
    try:
        write_file(backup, original, fix=fix)
        if backup.read_bytes() != original:
            raise StoreError(_("{path}: the backup does not read back as written; {fix}").format(path=backup, fix=_(fix)))
    except PrepError as error:
        raise StoreError(str(error)) from None
    except OSError as error:
        raise StoreError(_("{path}: cannot check the backup ({problem}); {fix}").format(
            path=backup, problem=error.strerror, fix=_(fix))) from None
