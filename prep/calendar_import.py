"""The rep's coming customer meetings, read from a calendar export (.ics from Outlook, Google or Apple Calendar).

Pure: the file's bytes, today, the rep's own address and the customer cards go in; the
appointments and what changed since the last import come out. No terminal, no storage:
`prep calendar import` (calendar_cli) reads the file and writes what this returns.

A meeting counts when someone from outside the rep's company is invited: the rep's
colleagues are told apart by the domain of the rep's own address (`--me`), else by the
address the file says owns the calendar. Recurring series are expanded by
recurring-ical-events, which knows RRULE, EXDATE, RDATE and moved occurrences.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any

import msgspec

from prep.errors import InputError, PrepError
from prep.language import _
from prep.model.appointment import Appointment, Attendee
from prep.model.customer import Customer, email_domain, name_key
from prep.model.meeting import When

DEFAULT_WEEKS = 4
TO_PREPARE_DAYS = 14  # how far ahead home offers appointments to prepare
LONGEST = 500  # characters kept of a title, a place or a name: the rest is not what a rep reads in a list
QUOTED = 40  # characters of a bad line repeated in the error
# Addresses anyone may have: a person writing from one says nothing about their employer.
FREE_MAIL = frozenset({"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com",
                       "icloud.com", "me.com", "mac.com", "aol.com", "gmx.de", "gmx.net", "web.de", "t-online.de",
                       "proton.me", "protonmail.com", "mail.com"})
_ADDRESS = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_CALENDAR_LINE = re.compile(r"^[A-Za-z0-9-]+[;:]")
_NOT_THERE = frozenset({"ROOM", "RESOURCE"})  # invited rooms and projectors are not people
_WHEN = frozenset({"DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID"})


class CalendarFileError(PrepError):
    """The file is not a calendar prep can read; the message names the file and the line."""


def _not_a_calendar(name: str, line: int, problem: str) -> CalendarFileError:
    return CalendarFileError(_("{file}: not a calendar file (line {line}: {problem}); export it again as .ics").format(
        file=name, line=line, problem=problem))


def _quoted(text: str) -> str:
    text = text.strip()
    return repr(text[:QUOTED] + ("…" if len(text) > QUOTED else ""))  # repr shows a control character as an escape


def own_address(text: str, source: str) -> str:
    """The rep's e-mail address as given by `source` (--me, PREP_ME), lower-cased; InputError if it is not one."""
    address = text.strip().lower().removeprefix("mailto:")
    if not _ADDRESS.match(address):
        raise InputError(_("{source}: {text} is not an e-mail address; give yours, e.g. you@company.com").format(
            source=source, text=_quoted(text)))
    return address


@dataclass(frozen=True)
class CalendarRead:
    """What a calendar file holds for the coming weeks."""

    appointments: list[Appointment]  # the meetings with people from outside, soonest first
    seen: frozenset[str]  # the key of every timed occurrence in the window, customer meeting or not
    start: datetime  # the window looked at, in local time
    end: datetime
    covered_until: datetime | None  # the last start the file has in the window: past it, the export may simply stop
    own_domain: str  # whose attendees are the rep's colleagues ("": nobody's, every attendee counts as outside)
    owner: str  # the calendar's owner as the file says it, when the domain came from there
    internal: int  # meetings left out: only colleagues invited
    calendar: str = ""  # the calendar's name as the file gives it (X-WR-CALNAME), else ""


def read_calendar(data: bytes, *, name: str, today: date, weeks: int = DEFAULT_WEEKS, me: str = "",
                  customers: Sequence[Customer] = (), local: tzinfo | None = None) -> CalendarRead:
    """The coming meetings in a calendar file, from today for `weeks`, their starts in local time (naive).

    `local` is the rep's time zone (None: the system's). `name` is the file as the rep named it, for errors.
    Raises CalendarFileError when the file is not a calendar.
    """
    import icalendar
    import recurring_ical_events

    text = _decoded(data)
    _check_lines(text, name)
    try:
        calendar = icalendar.Calendar.from_ical(text)
        _check_properties(calendar, text, name)
        start = datetime.combine(today, time()).replace(tzinfo=local) if local else datetime.combine(today, time()).astimezone()
        end = start + timedelta(weeks=weeks)
        found = recurring_ical_events.of(calendar, keep_recurrence_attributes=True).between(start, end)
    except recurring_ical_events.BadRuleStringFormat as error:
        raise _not_a_calendar(name, _line_of(text, error.rule, "RRULE"), _("the repetition {rule} does not read").format(
            rule=_quoted(error.rule))) from None
    except ValueError as error:  # icalendar's and recurring-ical-events' errors both are ValueErrors
        raise _not_a_calendar(name, 1, " ".join(str(error)[:200].split())) from None
    series = {str(event.get("UID", "")) for event in calendar.walk("VEVENT")
              if any(event.get(prop) is not None for prop in ("RRULE", "RDATE", "RECURRENCE-ID"))}
    # A day is not a meeting; a day given a duration in hours comes back from the expansion as a midnight start.
    days = {str(event.get("UID", "")) for event in calendar.walk("VEVENT")
            if not isinstance(getattr(event.get("DTSTART"), "dt", None), datetime)}
    events = [(event, _local(event.get("DTSTART").dt, local)) for event in found
              if isinstance(event.get("DTSTART").dt, datetime) and str(event.get("UID", "")) not in days]
    owner = "" if me else _owner(calendar, [event for event, _when in events])
    own = email_domain(me or owner)
    cards = [card for card in customers if card.name.strip()]
    appointments: dict[str, Appointment] = {}
    seen, internal, source = set(), 0, _clean(calendar.get("X-WR-CALNAME", ""))
    for event, when in sorted(events, key=lambda pair: pair[1]):
        key = _key(event, series)
        seen.add(key)
        people = _outside(event, own)
        title = _clean(event.get("SUMMARY", ""))
        customer = _customer(people, title, cards)
        card = next((c for c in cards if c.name == customer), None)  # someone on the card is named as the card names them
        people = [Attendee(name=known.name, email=a.email) if card and (known := card.by_email(a.email)) else a for a in people]
        if not people and own and _invited(event):  # only colleagues
            internal += 1
            continue
        if not people and not customer:  # nobody from outside, no customer named: the rep's own time
            continue
        if key in appointments:  # a series changed "this and following": later occurrences share a RECURRENCE-ID
            key = f"{key}@{when.isoformat()}"
        appointments[key] = Appointment(
            key=key, when=When.fromisoformat(when.isoformat()), title=title, minutes=_minutes(event),
            location=_clean(event.get("LOCATION", "")), attendees=people, customer=customer, calendar=source,
            cancelled=str(event.get("STATUS", "")).upper() == "CANCELLED")
    covered = max((when for _event, when in events), default=None)
    return CalendarRead(appointments=list(appointments.values()), seen=frozenset(seen), start=_local(start, local),
                        end=_local(end, local), covered_until=covered, own_domain=own, owner=owner, internal=internal, calendar=source)


# -- reading the file --------------------------------------------------------------------

def _decoded(data: bytes) -> str:
    """The file's text: UTF-8 as RFC 5545 says, with or without a byte order mark; else as old Outlook wrote it."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _check_lines(text: str, name: str) -> None:
    """Refuse what is not a calendar, naming the first line that shows it: icalendar would skip such lines quietly."""
    open_: list[str] = []
    number = written = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line[0] in " \t":  # an empty line, or a long line folded onto the next
            continue
        written += 1
        if not open_ and not line.strip().upper() == "BEGIN:VCALENDAR":
            problem = _("it starts with {text}, not BEGIN:VCALENDAR").format(text=_quoted(line))
            raise _not_a_calendar(name, number, problem)
        if not _CALENDAR_LINE.match(line):
            raise _not_a_calendar(name, number, _("{text} is not a calendar line").format(text=_quoted(line)))
        word, _colon, value = line.partition(":")
        if word.upper() == "BEGIN":
            open_.append(value.strip().upper())
        elif word.upper() == "END":
            if value.strip().upper() != open_[-1]:
                raise _not_a_calendar(name, number, _("{found} where END:{expected} was expected").format(
                    found=_quoted(line), expected=open_[-1]))
            open_.pop()
    if not written:
        raise _not_a_calendar(name, max(number, 1), _("the file is empty"))
    if open_:
        raise _not_a_calendar(name, number, _("the file ends before END:{expected}; it was cut off").format(expected=open_[-1]))


def _check_properties(calendar: Any, text: str, name: str) -> None:
    """A start, an end or a repetition that does not read, named with its line: a meeting at an unknown time
    cannot be prepared. (What else icalendar could not read, a note or a stamp, is no matter here.)"""
    for component in calendar.walk("VEVENT"):
        for prop, _problem in component.errors:
            if prop in _WHEN:
                raw = str(component.get(prop, ""))
                raise _not_a_calendar(name, _line_of(text, raw, prop), _("{property} {text} does not read").format(
                    property=prop, text=_quoted(raw)))
    # An event without a start (RFC 5545 requires one) has no time to prepare for, and no meeting repeats
    # every second or minute (four weeks of those are hundreds of thousands): both are left out.
    calendar.subcomponents = [c for c in calendar.subcomponents if c.name != "VEVENT" or (
        c.get("DTSTART") is not None and not _too_often(c.get("RRULE")))]


def _too_often(rule: Any) -> bool:
    rules = rule if isinstance(rule, list) else [rule] if rule is not None else []
    return any(str(frequency).upper() in ("SECONDLY", "MINUTELY") for r in rules for frequency in r.get("FREQ", []))


def _line_of(text: str, snippet: str, prop: str = "") -> int:
    """The first line of `prop` holding `snippet` (1 if none does)."""
    lines = enumerate(text.splitlines(), start=1)
    return next((number for number, line in lines if line.upper().startswith(prop) and snippet in line), 1)


def _local(moment: datetime, local: tzinfo | None) -> datetime:
    """A start in the rep's local time, to the minute and naive, as prep's times are; a floating time is local already."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(local).replace(tzinfo=None) if local else moment.astimezone().replace(tzinfo=None)
    return moment.replace(second=0, microsecond=0)


def _key(event: Any, series: set[str]) -> str:
    """The event's UID, and for an occurrence of a series "#" and the start it was first planned for (UTC, ISO)."""
    uid = str(event.get("UID", "")).strip()
    if not uid:  # RFC 5545 requires one; without it the title and start stand in, and a move looks like a new meeting
        start = event.get("DTSTART").dt.isoformat()
        uid = "no-uid-" + hashlib.sha256(f"{event.get('SUMMARY', '')}|{start}".encode()).hexdigest()[:16]
    elif len(uid) > LONGEST:  # a key is a line of the database: the same UID gives the same short one
        uid = "uid-" + hashlib.sha256(uid.encode()).hexdigest()[:32]
    recurrence = event.get("RECURRENCE-ID")
    if uid not in series or recurrence is None:
        return uid
    first = recurrence.dt
    if isinstance(first, datetime) and first.tzinfo is not None:
        return f"{uid}#{first.astimezone(timezone.utc).replace(tzinfo=None).isoformat()}Z"
    return f"{uid}#{first.isoformat()}"


def _clean(value: Any) -> str:
    """A text property as one line a list can show."""
    return " ".join(str(value).split())[:LONGEST]


def _minutes(event: Any) -> int:
    try:
        return max(0, int((event.end - event.start).total_seconds() // 60))
    except (TypeError, ValueError, AttributeError, KeyError):  # no end, or a day for an end
        return 0


def _addresses(event: Any) -> list[Any]:
    """Everyone the event names: its organizer and its attendees, as icalendar gives them."""
    attendees = event.get("ATTENDEE", [])
    found = list(attendees) if isinstance(attendees, list) else [attendees]
    organizer = event.get("ORGANIZER")
    return ([organizer] if organizer is not None else []) + found


def _email(address: Any) -> str:
    text = str(address).strip()
    return text[len("mailto:"):].strip().lower() if text.lower().startswith("mailto:") else text.lower()


def _invited(event: Any) -> bool:
    """True when the event has attendees; an organizer alone is the calendar's owner in most programs."""
    return event.get("ATTENDEE") is not None


def _outside(event: Any, own: str) -> list[Attendee]:
    """The people from outside the rep's company: neither a colleague, nor a room, nor someone who declined."""
    people: dict[str, Attendee] = {}
    for address in _addresses(event):
        params = getattr(address, "params", {})
        email = _email(address)
        if not _ADDRESS.match(email) or len(email) > 320:
            email = ""
        domain = email_domain(email)
        if own and domain and (domain == own or domain.endswith("." + own)):
            continue
        if str(params.get("CUTYPE", "")).upper() in _NOT_THERE or str(params.get("PARTSTAT", "")).upper() == "DECLINED":
            continue
        name = _clean(params.get("CN", "")).strip("\"'")
        if name.lower() == email:
            name = ""
        found = people.get(email or name_key(name))
        if (email or name) and (found is None or not found.name):  # the organizer is often an attendee too
            people[email or name_key(name)] = Attendee(name=name, email=email)
    return list(people.values())


def _owner(calendar: Any, events: list[Any]) -> str:
    """The calendar's owner: Google names a calendar by its owner's address; else the one organizer every invitation names."""
    name = _email(calendar.get("X-WR-CALNAME", ""))
    if _ADDRESS.match(name):
        return name
    invitations = [{_email(a) for a in _addresses(event)} for event in events if _invited(event)]
    organizers = {_email(event.get("ORGANIZER")) for event in events if event.get("ORGANIZER") is not None}
    if len(invitations) < 2:
        return ""
    candidates = [address for address in set.intersection(*invitations) & organizers if _ADDRESS.match(address)]
    return candidates[0] if len(candidates) == 1 else ""


def _customer(people: list[Attendee], title: str, cards: Sequence[Customer]) -> str:
    """The customer a meeting is with: by the attendees' addresses, else by a name in the title ("" if none)."""
    votes: Counter[str] = Counter()
    for person in people:
        domain = email_domain(person.email)
        for card in cards:
            if domain and domain not in FREE_MAIL:
                hit = any(domain == own or domain.endswith("." + own) for own in card.domains() - FREE_MAIL)
            else:
                hit = any(p.email.strip().lower() == person.email for p in card.people if person.email) or bool(
                    person.name and card.person(person.name))
            votes[card.name] += hit
    best = [name for name, count in votes.most_common() if count]
    if best:
        return best[0]
    words = name_key(title)
    named = [(len(card.name), card.name) for card in cards if _names(words, card.name)]
    named += [(len(person.name), card.name) for card in cards for person in card.people
              if len(person.name.strip()) >= 4 and _names(words, person.name)]
    return max(named)[1] if named else ""


def _names(words: str, name: str) -> bool:
    return bool(re.search(rf"(?<!\w){re.escape(name_key(name))}(?!\w)", words))


# -- what changed since the last import ------------------------------------------------------

@dataclass
class Changes:
    """An import set against what is stored: each appointment as it is now, and what to write."""

    new: list[Appointment]
    moved: list[tuple[Appointment, Appointment]]  # (as stored, as it is now)
    cancelled: list[Appointment]  # cancelled since the last import
    unchanged: list[Appointment]
    to_save: list[Appointment]

    @property
    def shown(self) -> list[Appointment]:
        """Every appointment of this import as it is now, soonest first."""
        found = [*self.new, *(after for _before, after in self.moved), *self.cancelled, *self.unchanged]
        return sorted(found, key=lambda appointment: (appointment.when, appointment.key))

    @property
    def preparations_to_move(self) -> list[tuple[str, When]]:
        """(meeting id, new start) of each preparation whose appointment moved."""
        return [(after.meeting, after.when) for _before, after in self.moved if after.meeting]


def compare(read: CalendarRead, stored: Iterable[Appointment], now: datetime) -> Changes:
    """What the import changes: new, moved and cancelled appointments; the rest unchanged.

    An appointment keeps its preparation (`meeting`) and its customer once prepared, or when the file no longer tells.
    One stored in the window and gone from the file is cancelled — up to the last start the
    file has, as an export of the next 30 days says nothing of day 31, and only if it came from
    the same calendar: an export of another calendar says nothing of this one's.
    """
    before = {appointment.key: appointment for appointment in stored}
    changes = Changes([], [], [], [], [])
    stamp = now.replace(microsecond=0)
    for found in read.appointments:
        old = before.get(found.key)
        if old is None:
            if not found.cancelled:  # a meeting called off before prep knew it: nothing to keep
                changes.new.append(found)
                changes.to_save.append(found)
            continue
        customer = (old.meeting and old.customer) or found.customer or old.customer  # the rep's pick once prepared
        current = msgspec.structs.replace(found, meeting=old.meeting, customer=customer, imported=old.imported)
        if current.cancelled and not old.cancelled:
            changes.cancelled.append(current)
        elif old.cancelled and not current.cancelled:
            changes.new.append(current)  # back in the calendar
        elif current.when != old.when and not current.cancelled:
            changes.moved.append((old, current))
        else:
            changes.unchanged.append(current)
        if current != old:
            changes.to_save.append(msgspec.structs.replace(current, imported=stamp))
    covered = read.covered_until
    for old in before.values():
        if (covered is not None and not old.cancelled and old.key not in read.seen and old.calendar == read.calendar
                and read.start <= old.when <= covered and old.when < read.end):
            gone = msgspec.structs.replace(old, cancelled=True, imported=stamp)
            changes.cancelled.append(gone)
            changes.to_save.append(gone)
    return changes


def person_name(attendee: Attendee) -> str:
    """An attendee's name as prep writes people: "Weber, Anna" as Anna Weber, an address alone as anna.weber@… → Anna Weber."""
    name = attendee.name.strip()
    if "," in name:  # Outlook's "Last, First": a comma would make two people of one
        last, _comma, first = name.partition(",")
        name = f"{first.strip()} {last.strip()}".strip()
    if not name and "@" in attendee.email:
        words = re.split(r"[._-]+", attendee.email.partition("@")[0])
        name = " ".join(word.capitalize() for word in words if word.isalpha())
    return " ".join(name.replace(",", " ").split())


def coming_to_prepare(appointments: Iterable[Appointment], now: datetime, days: int = TO_PREPARE_DAYS) -> list[Appointment]:
    """The coming appointments nothing was prepared for yet, soonest first, for `days` ahead."""
    return sorted((a for a in appointments if a.to_prepare and now <= a.when < now + timedelta(days=days)),
                  key=lambda a: (a.when, a.key))
