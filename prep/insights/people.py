"""Who is in the room, and who in the decision the rep has never met.

A B2B decision is made by several people; a rep who has only ever spoken to one of five is
selling to the wrong room. From the customer card (the people and their part in the
decision) and the meetings (who was planned, who was there) this says, before the meeting:
who comes and what they are to the deal, whom the rep has met, and which part of the
decision no one has been named for or met — and when someone is contacted more often
than they asked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from prep.dates import shown_date
from prep.insights.story import RHYTHMS
from prep.language import N_, _, ngettext, number
from prep.model.customer import KEY_PARTS, Customer, Person, name_key
from prep.model.meeting import CONTACT_RHYTHMS, Meeting
from prep.model.summary import MeetingSummary
from prep.storage import Store

PART_SHOWN = {"economic buyer": N_("economic buyer"), "decision maker": N_("decision maker"), "champion": N_("champion"),
              "technical evaluator": N_("technical evaluator"), "user": N_("user"), "influencer": N_("influencer"),
              "blocker": N_("blocker / sceptic")}
STANCE_SHOWN = {"supportive": N_("supportive"), "neutral": N_("neutral"), "sceptical": N_("sceptical")}
MET_OF = N_("You have met {met} of {count} people in the decision")
NO_ONE_NAMED = {"economic buyer": N_("no economic buyer named"), "champion": N_("no champion named")}
NEVER_MET = {"economic buyer": N_("the economic buyer was never met"), "champion": N_("the champion was never met")}
PERSON_AHEAD = N_("{name} wants contact {rhythm}, and you met them {days} before.")


def last_met(meetings: Iterable[Meeting | MeetingSummary], now: datetime) -> dict[str, date]:
    """When the rep last met each person (by `name_key`): the latest held meeting that names them.

    A debrief's list of who was there counts; where none was recorded, the people the meeting
    was planned with. Meetings still to come and cancelled ones are no meeting yet.
    """
    found: dict[str, date] = {}
    for meeting in meetings:
        if meeting.cancelled is not None or meeting.when > now or meeting.is_draft:
            continue
        for name in meeting.attended:
            key = name_key(name)
            if key not in found or found[key] < meeting.when.date():
                found[key] = meeting.when.date()
    return found


@dataclass(frozen=True)
class Attendee:
    """One person the meeting is planned with, as the brief shows them."""

    name: str
    person: Person | None  # their entry on the customer card, if they have one
    met: date | None  # when the rep last met them before this meeting

    def line(self) -> str:
        """`Anna Weber — CFO · economic buyer · sceptical · last met 2 Oct 2026`."""
        details = []
        if self.person is not None:
            details += [self.person.role.strip()]
            details += [_(PART_SHOWN[self.person.part]) if self.person.part else ""]
            details += [_(STANCE_SHOWN[self.person.stance]) if self.person.stance else ""]
        details.append(_("last met {day}").format(day=shown_date(self.met)) if self.met else _("never met"))
        return f"{self.name} — {' · '.join(d for d in details if d)}"


@dataclass(frozen=True)
class Room:
    """Who is in the room for a meeting, and how well the rep knows the decision."""

    attendees: list[Attendee]
    coverage: str | None  # one line when it matters, else None
    held: bool = False  # debriefed: the attendees are who was there

    @property
    def telling(self) -> bool:
        """Whether it says more than the names: a part in the decision, a stance, an earlier meeting, the coverage."""
        return bool(self.coverage) or any(a.met or (a.person and (a.person.part or a.person.stance)) for a in self.attendees)

    def names(self) -> str:
        """The people as one line: `Frau Weiß (Einkauf), Tom Berg`."""
        return ", ".join(f"{a.name} ({a.person.role})" if a.person and a.person.role else a.name for a in self.attendees)


def room(meeting: Meeting, card: Customer | None, meetings: Iterable[Meeting | MeetingSummary], now: datetime) -> Room:
    """Who the meeting is with, and the coverage line, from the card and the customer's other meetings (whole, or
    as lists show them: who was there is all it needs of them)."""
    # Once debriefed, who was there, and this meeting is one of those they were met at.
    debriefed = meeting.debrief is not None and not meeting.debrief.is_empty and meeting.when <= now
    before: list[Meeting | MeetingSummary] = [m for m in meetings if m.id != meeting.id and m.when < meeting.when]
    before += [meeting] if debriefed else []
    met = last_met(before, min(now, meeting.when))
    there = meeting.attended if debriefed else meeting.people
    attendees = [Attendee(name, card.person(name) if card else None, met.get(name_key(name))) for name in there]
    # Before the first meeting nobody is met yet: the line matters once the decision is under way, or
    # once the card says who has which part in it.
    under_way = bool(met) or any(p.part for p in (card.people if card else []))
    return Room(attendees, coverage(card, met) if under_way else None, debriefed)


def read_room(store: Store, meeting: Meeting, now: datetime, summaries: list[MeetingSummary] | None = None) -> Room:
    """The room for a meeting, with its customer's card from the store and their meetings as lists show them
    (`summaries`: the history as already read; else read now, which waits for the whole history)."""
    theirs = [s for s in (store.summaries() if summaries is None else summaries) if s.customer == meeting.customer]
    return room(meeting, store.customer(meeting.customer), theirs, now)


def coverage(card: Customer | None, met: dict[str, date]) -> str | None:
    """`You have met 2 of 5 people in the decision; no champion named; the economic buyer was never met.`

    Only when it matters: the card names people, and not all of them are met or a key part
    (the economic buyer, the champion) is not named or never met. People with a part in the
    decision count; on a card where nobody has one yet, everybody does.
    """
    if card is None or not card.people:
        return None
    deciding = [p for p in card.people if p.part] or card.people
    met_count = sum(name_key(p.name) in met for p in deciding)
    missing = []
    for part in KEY_PARTS:
        holders = [p for p in card.people if p.part == part]
        if not holders:
            missing.append(_(NO_ONE_NAMED[part]))
        elif not any(name_key(p.name) in met for p in holders):
            missing.append(_(NEVER_MET[part]))
    if met_count == len(deciding) and not missing:
        return None
    parts = [_(MET_OF).format(met=number(met_count), count=number(len(deciding))), *missing]
    return "; ".join(parts) + "."


def contact_warnings(meeting_people: list[str], card: Customer | None, meetings: list[Meeting],
                     planned: datetime, now: datetime, *, exclude: str | None = None) -> list[str]:
    """One line for each person the meeting is with who asked for contact less often than this would be."""
    if card is None:
        return []
    held = last_met([m for m in meetings if m.id != exclude], min(now, planned))
    warnings = []
    for name in meeting_people:
        person = card.person(name)
        wanted = CONTACT_RHYTHMS.get(person.contact_rhythm, 0) if person else 0
        last = held.get(name_key(name))
        if person is None or not wanted or last is None:
            continue
        gap = (planned.date() - last).days
        if 0 <= gap < wanted:
            days = ngettext("{count} day", "{count} days", gap).format(count=number(gap))
            warnings.append(_(PERSON_AHEAD).format(name=person.name, rhythm=_(RHYTHMS[person.contact_rhythm]), days=days))
    return warnings


def part_label(part: str) -> str:
    """A part in the decision as the rep reads it, in their language ('' for none)."""
    return _(PART_SHOWN[part]) if part in PART_SHOWN else part

