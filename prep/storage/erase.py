"""Erasing meetings for good — a customer's, or one the rep deleted: all or nothing, and erased for as long as the database lives.

Customer notes are personal data. `erase` removes meetings (all of a customer's with
`prep forget`, or those the rep deleted) and leaves a
tombstone for each — the meeting's id and when it was erased, nothing the rep wrote — in
one journal line, together with a mark that the erasure is unfinished. A kill before
that line leaves the customer as they were; a kill after it leaves them gone from every
list. `finish` then folds the journal into a fresh snapshot, rewrites backups without the
erased meetings, removes leftover temporary files, and looks for the erased ids in
anything else in the data folder; only then is the mark removed. Whatever stops it
half way (a kill, a full disk, a read-only folder), the next `prep forget`, compaction or
start of the app does it again from the start: every step can be repeated.

A meeting the rep deletes in the app is first only set aside (`set_aside`): out of the
meetings table, so out of every list at once, and kept whole in the `deleting` table so
that an undo can put it back (`put_back`). When the undo window closes it is erased like
the rest. If the app is killed inside the window, the set-aside row stays hidden and the
next start erases it (`overdue_deletions`): deleted is never silently back, and nothing
the rep still wanted went without the few seconds they had to say so.

The tombstones stay. `refuse_erased` is called for every write through the tables, inside
the write lock, so no writer — a second running copy autosaving the draft it still shows,
an import of an old export — can bring an erased meeting back; nor a set-aside one while
its undo window is open.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from prep.errors import ErasedMeeting, PrepError
from prep.language import N_, _
from prep.model.customer import redact, same_name
from prep.storage.files import read_ordinary, what_to_do, write_file
from prep.storage.migrations import APPOINTMENTS, CUSTOMERS, MEETINGS, doc_id
from prep.storage.rows import Row, Rows, dumps
from prep.storage.snapshot import parse_snapshot

if TYPE_CHECKING:  # the journal brings TinyDB, which loads with the first read
    from prep.storage.journal import JournalStorage

FORGOTTEN = "forgotten"  # a row per erased meeting, keyed like its meeting row: {"id", "at"}
ERASING = "erasing"  # row "1" while an erasure is unfinished: {"since", "meetings"}
UNFINISHED = "1"
DELETING = "deleting"  # a row per meeting deleted but still undoable, keyed like its meeting row: {"since", "row"}


def refuse_erased(path: Path, table: str, tables: dict[str, Rows], changes: dict[str, Row | None]) -> None:
    """Raise ErasedMeeting if these changes would write a meeting that was erased or is being deleted; call inside the write lock."""
    forgotten, deleting = tables.get(FORGOTTEN) or Rows(), tables.get(DELETING) or Rows()
    if table != MEETINGS or not (forgotten or deleting):
        return
    for key, row in changes.items():
        if row is None or (key not in forgotten and key not in deleting):
            continue
        meeting = {"path": path, "customer": row.get("customer", "?"), "day": str(row.get("when", ""))[:10]}
        if key in deleting:
            said = _("{path}: the meeting with {customer} on {day} was deleted and is not saved again (undo the delete to keep it)")
        elif forgotten[key].get("deleted"):
            said = _("{path}: the meeting with {customer} on {day} was deleted and is not saved again")
        else:
            said = _("{path}: the meeting with {customer} on {day} was erased with `prep forget` and is not saved again")
        raise ErasedMeeting(said.format(**meeting), str(row.get("id", key)))


def unfinished(tables: dict[str, Rows]) -> bool:
    """True while an erasure has removed meetings but not yet every old copy of them."""
    return UNFINISHED in (tables.get(ERASING) or ())


def customer_keys(tables: dict[str, Rows], customer: str) -> list[str]:
    """The keys of a customer's meetings, those set aside for an undo included."""
    meetings, deleting = tables.get(MEETINGS) or Rows(), tables.get(DELETING) or Rows()
    keys = [key for key in meetings if meetings[key].get("customer") == customer]
    return keys + [key for key in deleting if (deleting[key].get("row") or {}).get("customer") == customer]


def set_aside(storage: JournalStorage, tables: dict[str, Rows], keys: list[str], at: str) -> list[str]:
    """Take meetings out of the meetings table, kept whole for an undo, in one journal line; call inside `writing()`.

    Returns the keys set aside (those of `keys` that are meetings).
    """
    meetings = tables.get(MEETINGS) or Rows()
    found = [key for key in dict.fromkeys(keys) if key in meetings]
    storage.commit({MEETINGS: dict.fromkeys(found), DELETING: {key: {"since": at, "row": meetings[key]} for key in found}})
    return found


def put_back(storage: JournalStorage, tables: dict[str, Rows], keys: list[str]) -> list[str]:
    """Undo `set_aside` for these keys, in one journal line; call inside `writing()`. Returns the keys put back."""
    deleting = tables.get(DELETING) or Rows()
    found = [key for key in dict.fromkeys(keys) if key in deleting]
    rows = {key: deleting[key]["row"] for key in found}
    storage.commit({MEETINGS: rows, DELETING: dict.fromkeys(found)})
    return found


def overdue_deletions(tables: dict[str, Rows], before: str) -> list[str]:
    """Meetings set aside before `before` (an ISO time): their undo window closed without an erase (a kill)."""
    deleting = tables.get(DELETING) or Rows()
    return [key for key in deleting if str(deleting[key].get("since", "")) < before]


def erase(storage: JournalStorage, tables: dict[str, Rows], keys: list[str], at: str, *, deleted: bool = False,
          others: dict[str, list[str]] | None = None) -> list[str]:
    """Remove these meetings (set aside or not) and record the erasure, in one journal line; call inside `writing()`.

    `deleted` says the rep deleted them one by one (the tombstone says so, for the
    message a refused save shows). `others` are rows of other tables that go with them (a
    customer's card and appointments), by table. Returns the keys of the meetings removed.
    """
    meetings, deleting = tables.get(MEETINGS) or Rows(), tables.get(DELETING) or Rows()
    rows = {key: meetings[key] if key in meetings else deleting[key].get("row") or {}
            for key in dict.fromkeys(keys) if key in meetings or key in deleting}
    others = {table: [key for key in found if key in (tables.get(table) or ())] for table, found in (others or {}).items()}
    others = {table: found for table, found in others.items() if found}
    if not rows and not others:
        return []
    earlier = (tables.get(ERASING) or Rows()).get(UNFINISHED) or {}
    mark = {**earlier, "since": earlier.get("since", at), "meetings": len(rows) + earlier.get("meetings", 0)}
    if others:
        # Only their keys (hashes), for scrubbing backups: what they held is not kept.
        mark["rows"] = {table: [*earlier.get("rows", {}).get(table, []), *found] for table, found in others.items()}
    ids = {key: str(row.get("id", key)) for key, row in rows.items()}
    if deleted:
        # A meeting the rep deleted leaves not even its id once erased: the id is kept only in the
        # unfinished mark, for finding leftover copies, and goes with it.
        tombstones = {key: {"at": at, "deleted": True} for key in rows}
        mark["ids"] = [*earlier.get("ids", []), *ids.values()]
    else:
        tombstones = {key: {"id": ids[key], "at": at} for key in rows}
    storage.commit({
        MEETINGS: {key: None for key in rows if key in meetings},
        DELETING: {key: None for key in rows if key in deleting},
        FORGOTTEN: tombstones,
        ERASING: {UNFINISHED: mark},
        **{table: dict.fromkeys(found) for table, found in others.items()},
    })
    return list(rows)


def erase_person(storage: JournalStorage, tables: dict[str, Rows], customer: str, names: list[str], at: str) -> list[str]:
    """Remove a person from their customer's card, meetings and appointments, in one journal line; call inside `writing()`.

    `names` are what the person is known by: their name, and their e-mail address if any. The
    meetings stay; the person leaves every list of people and their name every text (see
    `prep.model.customer.redact`). The names stay in the unfinished mark until every backup is
    scrubbed the same way (`finish`). Returns the keys of the meetings changed.
    """
    changes: dict[str, dict[str, Row | None]] = {}
    for table in (MEETINGS, DELETING, CUSTOMERS, APPOINTMENTS):
        for key, row in _customer_rows(tables, table, customer):
            scrubbed = _redacted(row, names, table)
            if scrubbed != row:
                changes.setdefault(table, {})[key] = scrubbed
    earlier = (tables.get(ERASING) or Rows()).get(UNFINISHED) or {}
    people = [*earlier.get("people", []), {"customer": customer, "names": names}]
    changes[ERASING] = {UNFINISHED: {**earlier, "since": earlier.get("since", at), "meetings": earlier.get("meetings", 0),
                                     "people": people}}
    storage.commit(changes)
    return list(changes.get(MEETINGS, {}))


def rename_in_rows(tables: dict[str, Rows], customer: str, old: str, new: str) -> dict[str, Row | None]:
    """The customer's meeting rows with a person's old name replaced by the new one in who was planned and who was there."""
    def renamed(names: object) -> object:
        return [new if isinstance(name, str) and same_name(name, old) else name for name in names] \
            if isinstance(names, list) else names

    changed: dict[str, Row | None] = {}
    for key, row in _customer_rows(tables, MEETINGS, customer):
        after = {**row, "people": renamed(row.get("people", []))}
        debrief = row.get("debrief")
        if isinstance(debrief, dict) and "present" in debrief:
            after["debrief"] = {**debrief, "present": renamed(debrief["present"])}
        if after != {**row, "people": row.get("people", [])}:
            changed[key] = after
    return changed


def _customer_rows(tables: dict[str, Rows], table: str, customer: str) -> list[tuple[str, Row]]:
    """The rows of this table that belong to the customer (by name, as a rep would compare it)."""
    rows = tables.get(table) or Rows()
    found = []
    for key in rows:
        row = rows[key]
        owner = row.get("row", {}).get("customer") if table == DELETING else row.get("name" if table == CUSTOMERS else "customer")
        if isinstance(owner, str) and same_name(owner, customer):
            found.append((key, row))
    return found


# What the rows are known and found by stays as it is, even where a person's name is part of it
# ("Weber GmbH"): only what was written about people is redacted.
_KEPT = ("customer", "id", "key", "checklist_ref", "when", "created", "updated")


def _redacted(row: Row, names: list[str], table: str) -> Row:
    scrubbed = row
    for name in names:
        scrubbed = redact(scrubbed, name)
    kept = _KEPT + (("name",) if table == CUSTOMERS else ())
    scrubbed.update({key: row[key] for key in kept if key in row})
    if table == DELETING and isinstance(row.get("row"), dict):
        scrubbed["row"].update({key: row["row"][key] for key in _KEPT if key in row["row"]})
    return scrubbed


def finish(storage: JournalStorage, tables: dict[str, Rows], files: list[Path], *, everywhere: bool) -> int:
    """Remove every old copy of erased meetings and people, if an erasure is unfinished (or `everywhere`); call inside `writing()`.

    Returns how many meetings the unfinished erasure covered (0 if none was). Raises
    PrepError naming a file that could not be cleaned; the erasure stays unfinished then.
    """
    forgotten = tables.get(FORGOTTEN) or Rows()
    pending = (tables.get(ERASING) or Rows()).get(UNFINISHED)
    if pending is None and not (everywhere and forgotten):
        return 0
    storage.fold_journal()  # the journal's older lines still hold the erased rows
    gone = _Gone(forgotten, pending or {})
    ours = {storage.path.name, storage.journal_path.name, storage.lock_path.name}
    stuck = []
    for path in files:
        if path.name in ours or not path.is_file():
            continue
        if path.name.endswith(".tmp"):
            _delete(path)  # a write a kill cut short: it may hold anything
        elif path.name.endswith(".bak"):
            _scrub_backup(path, gone)
        elif _holds_erased(path, gone):
            stuck.append(path)
    if stuck:
        said = _("{path}: still holds meetings erased with `prep forget`; delete it by hand").format(path=stuck[0])
        if stuck[1:]:
            said += " " + _("(and {files})").format(files=", ".join(p.name for p in stuck[1:]))
        raise PrepError(said)
    if pending is None:
        return 0
    storage.commit({ERASING: {UNFINISHED: None}})
    if pending.get("ids") or pending.get("people"):
        storage.fold_journal()  # the snapshot still held the mark with the deleted meetings' ids or the people's names
    return int(pending.get("meetings", 0))


class _Gone:
    """What an erasure removed, as old copies are searched for it: meetings by key or id, other rows by
    key, people by their customer and names."""

    def __init__(self, forgotten: Rows, pending: Row) -> None:
        self.keys = set(forgotten)
        self.ids = ({forgotten[key].get("id", "") for key in self.keys} | set(pending.get("ids", []))) - {""}
        self.rows = {table: set(keys) for table, keys in (pending.get("rows") or {}).items()}
        self.people = [(str(p.get("customer", "")), [str(n) for n in p.get("names", [])]) for p in pending.get("people", [])]

    def clean(self, tables: dict[str, Rows]) -> tuple[dict[str, dict[str, Row]], bool]:
        """A database file's tables without what is gone, and whether anything was."""
        plain = {name: {key: rows[key] for key in rows} for name, rows in tables.items()}
        found = False
        for name, rows in plain.items():
            for key in list(rows):
                row = rows[key]
                meeting = name in (MEETINGS, DELETING) and (key in self.keys or (
                    isinstance(row, dict) and str(doc_id(str(row.get("id", "")))) in self.keys))
                if meeting or key in self.rows.get(name, ()):
                    del rows[key]
                    found = True
        for customer, names in self.people:
            for name in (MEETINGS, DELETING, CUSTOMERS, APPOINTMENTS):
                if name not in plain:
                    continue
                for key, row in _customer_rows({name: Rows(plain[name])}, name, customer):
                    scrubbed = _redacted(row, names, name)
                    if scrubbed != row:
                        plain[name][key] = scrubbed
                        found = True
        return plain, found

    def named_in(self, data: bytes) -> bool:
        """Whether a file that is not a database holds an erased meeting's id or an erased person's name."""
        needles = [meeting_id.encode() for meeting_id in self.ids]
        needles += [name.encode() for _customer, names in self.people for name in names if name.strip()]
        return any(needle in data for needle in needles)


def _scrub_backup(path: Path, gone: _Gone) -> None:
    """Rewrite a backup without what was erased, through a temporary file and rename."""
    try:
        plain, found = gone.clean(parse_snapshot(read_ordinary(path))[0])
    except (OSError, ValueError):
        raise PrepError(_("{path}: this backup cannot be read, so erased meetings cannot be removed from it; "
                          "delete it by hand").format(path=path)) from None
    if found:
        write_file(path, dumps(plain), fix=N_("free some disk space, or delete the backup by hand"))


def _holds_erased(path: Path, gone: _Gone) -> bool:
    """Whether a file that is not prep's own holds something erased: a copy of a database, or any text naming it."""
    try:
        data = read_ordinary(path)
    except OSError as error:
        raise PrepError(_("{path}: cannot read ({problem}), so it may still hold erased meetings; "
                          "delete it by hand").format(path=path, problem=error.strerror)) from None
    try:
        return gone.clean(parse_snapshot(data)[0])[1]
    except ValueError:
        return gone.named_in(data)


def _delete(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        raise PrepError(_("{path}: cannot delete ({problem}); {fix}").format(
            path=path, problem=error.strerror, fix=what_to_do(error, path.parent, N_("delete it by hand")))) from None
