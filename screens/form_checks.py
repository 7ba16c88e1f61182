"""The new-preparation form's reading and checking, apart from its widgets.

What was typed becomes a meeting's date and time, or one problem per field to show
beside it; the date says what it resolved to while the rep types; another meeting
with the customer near that day is named. No Textual here: these are tested as plain
functions, and the screen only shows what they return.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from prep.dates import DEFAULT_TIME, parse_day, parse_time, shown_day, written
from prep.errors import InputError
from prep.language import N_, _, ngettext, sentence
from prep.model.customer import people_in
from prep.model.meeting import Meeting
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert

if TYPE_CHECKING:
    from prep.library.loader import Library

FIELDS = ("customer", "people", "date", "time", "goal")
CHECKED = ("customer", "date", "time", "checklist")  # in the order the form shows them
PLACEHOLDERS = {
    "customer": N_("Company — known ones complete with →"),
    "people": N_("Who: Katrin Brandt (COO), Tom Berg"),
    "date": N_("tomorrow, fri, 1.12., yesterday, 2026-12-01"),
    "time": N_("14:30, 2pm, 14 Uhr (default 9:00)"),
    "goal": N_("What should be true when you leave?"),
}
LABELS = {"customer": N_("Customer"), "people": N_("People"), "date": N_("Date"), "time": N_("Time"), "goal": N_("Goal")}
LOCKED = N_("The meeting type and checklist stay: answers were written with them.")


def plan_of(meeting: Meeting) -> dict[str, str]:
    """A saved meeting's plan as the form's fields show it, in forms the form reads back the same."""
    people = meeting.people or [f"{p.name} ({p.role})" if p.role else p.name for p in people_in(meeting.contact)]
    return {"customer": meeting.customer, "people": ", ".join(people), "date": written(meeting.when, "typed date"),
            "time": f"{meeting.when:%H:%M}", "goal": meeting.goal}


def meeting_type_of(meeting: Meeting, known: list[str]) -> str | None:
    """The meeting type a saved meeting was most likely prepared as: the first its checklist is for."""
    return next((t for t in meeting.checklist.meeting_types if t in known), None)


def has_answers(meeting: Meeting) -> bool:
    """True once the rep wrote anything into the walkthrough: its checklist is then no longer free to change."""
    return any(not answer.is_empty for answer in meeting.answers.values())


@dataclass(frozen=True)
class Checked:
    """The form read: the meeting's date and time if they could be read, and a problem per field."""

    when: datetime | None
    errors: dict[str, str]


def check_form(values: dict[str, str], today: date, *, checklist_chosen: bool) -> Checked:
    """Read the typed fields; every field that cannot be right gets one sentence saying what to type."""
    errors: dict[str, str] = {}
    if not values.get("customer", "").strip():
        errors["customer"] = _("Who is the meeting with? Type the company's name.")
    day = at = None
    try:
        day = parse_day(values.get("date", ""), today)
    except InputError as error:
        errors["date"] = sentence(str(error))
    raw_time = values.get("time", "").strip()
    try:
        at = parse_time(raw_time) if raw_time else DEFAULT_TIME
    except InputError as error:
        errors["time"] = sentence(str(error))
    if not checklist_chosen:
        errors["checklist"] = _("Pick the checklist to walk through.")
    when = datetime.combine(day, at) if day is not None and at is not None else None
    return Checked(when, errors)


def planned_when(date_text: str, time_text: str, today: date) -> datetime | None:
    """The date and time typed so far, if they can be read (the time defaults to 9:00)."""
    return check_form({"customer": "-", "date": date_text, "time": time_text}, today, checklist_chosen=True).when


def resolved_date(text: str, today: date) -> tuple[str, bool]:
    """What the date field says under it as the rep types: (the line, True when it is a problem); empty when nothing is typed."""
    if not text.strip():
        return "", False
    try:
        day = parse_day(text, today)
    except InputError as error:
        return sentence(str(error)), True
    if day < today:
        return _("→ {day} · in the past: this records a meeting that already happened.").format(day=shown_day(day, today)), False
    return f"→ {shown_day(day, today)}", False


def nearby_warning(other: MeetingSummary, today: date) -> str:
    """The sentence that names another meeting or draft with the customer near the chosen day."""
    day, at = shown_day(other.when.date(), today), f"{other.when:%H:%M}"
    if other.is_draft:
        return _("You already have a draft with {customer} on {day} at {time} — ctrl+o opens it.").format(
            customer=other.customer, day=day, time=at)
    if other.when.date() < today:
        return _("You already met {customer} on {day} at {time} — ctrl+o opens that meeting.").format(
            customer=other.customer, day=day, time=at)
    return _("You already have a meeting with {customer} on {day} at {time} — ctrl+o opens it.").format(
        customer=other.customer, day=day, time=at)


def shown_name(customer: str) -> str:
    """A customer's name as the form shows and suggests it, for comparing with what was typed."""
    return inert(customer, one_line=True).lower()


@dataclass(frozen=True)
class KnownCustomers:
    """The history by customer, as the form looks it up at every key: built once, off the UI thread.

    Looking through 20,000 meetings at each key typed into the customer field was most of
    what the form waited for.
    """

    by_name: dict[str, list[MeetingSummary]]
    names: list[str]  # as shown and suggested, in alphabetical order
    cards: dict[str, str] = field(default_factory=dict)  # customers with a card and no meeting yet, by shown name

    @classmethod
    def of(cls, history: list[MeetingSummary], cards: tuple[str, ...] = ()) -> KnownCustomers:
        by_name: dict[str, list[MeetingSummary]] = {}
        for meeting in history:
            by_name.setdefault(shown_name(meeting.customer), []).append(meeting)
        only_cards = {shown_name(name): name for name in cards if shown_name(name) not in by_name}
        # Suggested as shown: a name with a control character comes back as typed, and is matched as shown.
        names = {inert(meetings[0].customer, one_line=True) for meetings in by_name.values()}
        names |= {inert(name, one_line=True) for name in only_cards.values()}
        return cls(by_name, sorted(names, key=str.lower), only_cards)

    def meetings(self, typed: str, *, skip: str | None = None) -> list[MeetingSummary]:
        """The meetings with the customer typed (the one being changed left out)."""
        return [m for m in self.by_name.get(typed.strip().lower(), []) if m.id != skip]

    def spelling(self, name: str) -> str:
        """`brandt logistik gmbh` is the known `Brandt Logistik GmbH`, not a new customer."""
        known = self.by_name.get(name.lower())
        return known[0].customer if known else self.cards.get(shown_name(name), name)


def checklist_trouble(library: Library) -> str:
    """What the rep is told of checklists with a problem: which files, and to tell the trainer.

    Where in each file, and what to do, is the trainer's to read (Checklists on the home
    screen, `prep checklists validate`): parser words help no rep.
    """
    missing, kept = library.broken_files()
    lines = []
    if missing:
        lines.append(ngettext(
            "A checklist has a problem and is not offered: {files} — tell your trainer; Checklists on the home "
            "screen shows where.", "{count} checklists have a problem and are not offered: {files} — tell your "
            "trainer; Checklists on the home screen shows where.", len(missing)).format(count=len(missing), files=_names(missing)))
    if kept:
        lines.append(ngettext(
            "A checklist has a problem; its last good version is offered: {files} — tell your trainer.",
            "{count} checklists have a problem; their last good versions are offered: {files} — tell your trainer.",
            len(kept)).format(count=len(kept), files=_names(kept)))
    return "\n".join(lines)


def _names(files: list[str]) -> str:
    names = [Path(file).name for file in files]
    return inert(", ".join(names[:3]) + (" …" if len(names) > 3 else ""), one_line=True)
