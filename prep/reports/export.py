"""The rep's notes leave prep only when the rep says so: as JSON (a backup, a CRM), Markdown or CSV.

The JSON export is the documented format that `prep import` reads back:

    {"format": "prep-export", "version": 2, "exported": "2026-11-23T09:00:00",
     "customer": null, "meetings": [<meeting>, ...], "customers": [<customer card>, ...]}

Each meeting is a `prep.model.meeting.Meeting`: id, customer, the people met, when, goal,
status, the copy of its checklist, the answers by `section/item`, and the debrief. Each
customer card is a `prep.model.customer.Customer`, with the people in their decision.
Version 1 files (no cards; a free-text contact per meeting) are read too: the contact
becomes people on the customer's card, as the storage's upgrade does.
`ExportFile` declares the whole file once; reading it back checks every field
against that declaration before anything is imported. Meetings erased with
`prep forget` are refused, never imported again.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import msgspec

from prep.errors import ErasedMeeting, PrepError
from prep.insights.customers import resolve_customer
from prep.language import N_, _
from prep.model.customer import Customer, name_key, people_in
from prep.model.meeting import Meeting
from prep.model.shapes import ShapeError, decode, to_builtins
from prep.model.summary import MeetingSummary
from prep.reports.brief import brief_markdown
from prep.reports.inert import inert_json
from prep.storage import Store

# A spreadsheet reads a cell starting with one of these as a formula (OWASP, "CSV Injection"):
# `=HYPERLINK(...)` in a customer name would run in the trainer's or the CRM admin's Excel.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EXPORT_FORMAT = "prep-export"
EXPORT_VERSION = 2
ONLY_EXPORTS = N_("import only files written by `prep export --format json`")
NOTHING_IMPORTED = N_("{path}: {error}; nothing was imported")
MAX_IMPORT_BYTES = 2**30
# The CSV's columns, as a spreadsheet user reads them: in English the documented names, in German German ones.
# Translators: the CSV export's column headings and, below, its words for a meeting's state and contact wish.
CSV_COLUMNS = (N_("id"), N_("customer"), N_("contact"), N_("when"), N_("goal"), N_("status"), N_("checklist"),
               N_("outcome"), N_("rating"), N_("contact_wish"), N_("open_followups"))
# What a meeting is and the contact the customer wants, in the rep's language (English: the stored words).
CSV_STATES = {"draft": N_("draft"), "prepared": N_("prepared"), "debriefed": N_("debriefed"),
              "cancelled": N_("cancelled")}
CSV_CONTACT_WISHES = {"more": N_("more"), "same": N_("same"), "less": N_("less")}


class ExportFile(msgspec.Struct, forbid_unknown_fields=True):
    """The JSON export, as `prep export --format json` writes it and `prep import` reads it."""

    format: Literal["prep-export"]
    version: Literal[1, 2]
    exported: datetime
    customer: str | None
    meetings: list[Meeting]
    customers: list[Customer] = msgspec.field(default_factory=list)


class _Header(msgspec.Struct):
    """Just enough of any JSON file to tell whether it is a prep export at all."""

    format: Any = None
    version: Any = None


def chosen_meetings(store: Store, customer: str | None) -> list[MeetingSummary]:
    """The meetings to export, oldest first; one customer's if a name is given."""
    summaries = store.summaries()
    if customer:
        name = resolve_customer(summaries, customer)
        summaries = [s for s in summaries if s.customer == name]
    return sorted(summaries, key=lambda s: (s.when, s.id))


def export_json(store: Store, customer: str | None, now: datetime) -> str:
    """Everything (or one customer's), as the documented JSON."""
    meetings = list(store.meetings(s.id for s in chosen_meetings(store, customer)))
    if customer:
        card = store.customer(meetings[0].customer if meetings else customer)
        cards = [card] if card is not None else []
    else:
        cards = store.customer_cards()
    document = ExportFile(EXPORT_FORMAT, EXPORT_VERSION, now.replace(microsecond=0), customer, meetings, cards)
    return inert_json(json.dumps(to_builtins(document), ensure_ascii=False, indent=1)) + "\n"


def export_markdown(store: Store, customer: str | None) -> str:
    """Every brief, one after another."""
    return "\n---\n\n".join(brief_markdown(m) for m in store.meetings(s.id for s in chosen_meetings(store, customer)))


def export_csv(store: Store, customer: str | None) -> str:
    """One line a meeting, for a spreadsheet or a CRM import; no cell can start a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([spreadsheet_cell(_(column)) for column in CSV_COLUMNS])
    for meeting in store.meetings(s.id for s in chosen_meetings(store, customer)):
        debrief = meeting.debrief
        open_followups = [f"{f.text} ({f.due})" if f.due else f.text
                          for f in (debrief.followups if debrief else []) if not f.done]
        wish = debrief.contact_wish if debrief else ""
        writer.writerow(map(spreadsheet_cell, [
            meeting.id, meeting.customer, meeting.with_whom, meeting.when.isoformat(timespec="minutes"), meeting.goal,
            _(CSV_STATES[meeting.state]) if meeting.state in CSV_STATES else meeting.state, meeting.checklist.title,
            debrief.outcome if debrief else "", debrief.rating if debrief and debrief.rating is not None else "",
            _(CSV_CONTACT_WISHES[wish]) if wish in CSV_CONTACT_WISHES else wish, "; ".join(open_followups),
        ]))
    return out.getvalue()


def spreadsheet_cell(value: object) -> str:
    """A cell that a spreadsheet shows as the text it is: one starting like a formula gets a leading '."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def read_export(path: Path) -> ExportFile:
    """Check a whole export file before anything is imported; PrepError names the file and the field."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise PrepError(_("{path}: not an ordinary file (a folder, a device or a pipe); {fix}").format(
                path=path, fix=_(ONLY_EXPORTS)))
        if info.st_size > MAX_IMPORT_BYTES:
            raise PrepError(_("{path}: over {size} GB, far more than an export of prep; {fix}").format(
                path=path, size=MAX_IMPORT_BYTES // 2**30, fix=_(ONLY_EXPORTS)))
        data = path.read_bytes()
    except OSError as error:
        raise PrepError(_("{path}: cannot read ({reason}); check the path and its permissions").format(
            path=path, reason=error.strerror)) from None
    try:
        header = decode(data, _Header)
    except ShapeError as error:
        raise PrepError(f"{path}: {error}; {_(ONLY_EXPORTS)}") from None
    if header.format != EXPORT_FORMAT:
        raise PrepError(_("{path}: not a prep export; {fix}").format(path=path, fix=_(ONLY_EXPORTS)))
    if header.version not in (1, EXPORT_VERSION):
        raise PrepError(_("{path}: export version {version} is not known; update prep").format(
            path=path, version=repr(header.version)))
    try:
        document = decode(data, ExportFile)
    except ShapeError as error:
        raise PrepError(_(NOTHING_IMPORTED).format(path=path, error=error)) from None
    meetings = document.meetings
    seen: dict[str, int] = {}
    for index, meeting in enumerate(meetings):
        if meeting.id in seen:
            raise PrepError(_(NOTHING_IMPORTED).format(
                path=path, error=_("meetings[{index}].id: the same id as meetings[{first}]").format(
                    index=index, first=seen[meeting.id])))
        seen[meeting.id] = index
    return document


@dataclass(frozen=True)
class Imported:
    """What an import did: meetings that were new, changed, or already there as they are in the file."""

    new: int
    updated: int
    unchanged: int
    cards: int = 0  # customer cards added or changed


def import_json(store: Store, path: Path) -> Imported:
    """Restore an export: new and changed meetings are written, in one go; the rest is left alone."""
    document = read_export(path)
    meetings, cards = _with_people(document.meetings, document.customers, store)
    known = {summary.id for summary in store.summaries()}
    new = [meeting for meeting in meetings if meeting.id not in known]
    changed = [meeting for meeting in meetings if meeting.id in known and store.meeting(meeting.id) != meeting.tidied()]
    try:
        store.add_many(new + changed)
    except ErasedMeeting as error:
        # A meeting erased with `prep forget` is not brought back: the rep asked for it to be
        # gone, and an old export must not undo that. The file is refused whole, naming it.
        index = next((i for i, m in enumerate(meetings) if m.id == error.meeting_id), None)
        found = meetings[index] if index is not None else None
        which = f"meetings[{index}] ({found.customer}, {found.when:%Y-%m-%d})" if found else _("a meeting")
        raise PrepError(_("{path}: {which} was erased with `prep forget` and is not imported again; nothing was "
                          "imported — remove it from the file to import the rest").format(path=path, which=which)) from None
    store.save_customers(cards)
    return Imported(len(new), len(changed), len(meetings) - len(new) - len(changed), len(cards))


def _with_people(meetings: list[Meeting], cards: list[Customer], store: Store) -> tuple[list[Meeting], list[Customer]]:
    """The file's meetings with their contact lines made people, and the customer cards that change:
    the file's people added to (or replacing the same person on) the cards prep has."""
    changed: dict[str, Customer] = {}

    def card(name: str) -> Customer:
        key = name_key(name)
        if key not in changed:
            changed[key] = store.customer(name) or Customer(name=name)
        return changed[key]

    for theirs in cards:
        if store.customer(theirs.name) is None and name_key(theirs.name) not in changed:
            changed[name_key(theirs.name)] = theirs  # restored as it was exported
            continue
        for person in theirs.people:
            changed[name_key(theirs.name)] = card(theirs.name).with_person(person)
        ours = card(theirs.name)
        changed[name_key(theirs.name)] = msgspec.structs.replace(
            ours, industry=ours.industry or theirs.industry, domain=ours.domain or theirs.domain, notes=ours.notes or theirs.notes)
    adopted = []
    for meeting in meetings:
        if meeting.contact.strip():
            people = people_in(meeting.contact)
            for person in people:
                if card(meeting.customer).person(person.name) is None:
                    changed[name_key(meeting.customer)] = card(meeting.customer).with_person(person)
            meeting = msgspec.structs.replace(meeting, people=meeting.people or [p.name for p in people], contact="")
        adopted.append(meeting)
    kept = {name_key(c.name): c for c in store.customer_cards()}
    return adopted, [c for key, c in changed.items() if kept.get(key) is None or _differs(kept[key], c)]


def _differs(ours: Customer, theirs: Customer) -> bool:
    return msgspec.structs.replace(ours, updated=theirs.updated) != theirs
