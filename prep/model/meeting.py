"""A meeting with a customer: what the rep prepared, and later how it went.

Declared once, as msgspec Structs: the storage, the JSON export and `prep import`
validate and write these shapes from this one declaration, and refuse anything
else with the path of the field that is wrong. A meeting keeps its own copy of the
checklist it was prepared with.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime
from typing import Annotated, Any, Literal

import msgspec

from prep.model.checklist import Checklist, Item, Section

DRAFT = "draft"
PREPARED = "prepared"
# What a meeting is, as lists and the CSV export tell it: its status, unless it was debriefed or cancelled.
DEBRIEFED = "debriefed"
CANCELLED = "cancelled"
STATES: tuple[str, ...] = (DRAFT, PREPARED, DEBRIEFED, CANCELLED)

LIKELIHOODS: tuple[str, ...] = ("unlikely", "possible", "likely")
OWNERS: tuple[str, ...] = ("me", "customer")
CONTACT_WISHES: tuple[str, ...] = ("more", "same", "less")
# How often the customer wants to hear from us, and the days that means.
CONTACT_RHYTHMS: dict[str, int] = {"weekly": 7, "every two weeks": 14, "monthly": 30, "quarterly": 91, "when needed": 0}
LANDED: tuple[str, ...] = ("well", "partly", "badly")
REHEARSED: tuple[str, ...] = ("went well", "so-so", "needs work")
VERDICTS: tuple[str, ...] = ("confirmed", "changed", "wrong")
MET: tuple[str, ...] = ("met", "partly", "not met")  # an exit criterion of the checklist, in the debrief

Status = Literal["draft", "prepared"]
Likelihood = Literal["", "unlikely", "possible", "likely"]
Owner = Literal["me", "customer"]
ContactWish = Literal["", "more", "same", "less"]
ContactRhythm = Literal["", "weekly", "every two weeks", "monthly", "quarterly", "when needed"]
Landed = Literal["", "well", "partly", "badly"]
Rehearsed = Literal["", "went well", "so-so", "needs work"]
Verdict = Literal["", "confirmed", "changed", "wrong"]
Met = Literal["", "met", "partly", "not met"]
Rating = Annotated[int, msgspec.Meta(ge=1, le=5)]
# Far beyond anything a rep types or pastes, so that only a hostile or broken file is refused.
Line = Annotated[str, msgspec.Meta(max_length=10_000)]
Text = Annotated[str, msgspec.Meta(max_length=1_000_000)]


class When(datetime):
    """A meeting's date and time.

    Its own type only so that reading accepts times written to the minute
    (`2026-11-25T14:00`, as exports and databases have always held them) as well
    as to the second; see `read_hook`.
    """


def write_hook(value: Any) -> Any:
    """Encode the types msgspec does not know by itself: a meeting's time is written to the minute."""
    if isinstance(value, When):
        return value.isoformat(timespec="minutes")
    raise NotImplementedError(type(value))


def read_hook(kind: type, value: Any) -> Any:
    """Decode the types msgspec does not know by itself (for `msgspec.json.decode`/`convert`)."""
    if kind is When:
        if isinstance(value, datetime):
            return When.fromisoformat(value.isoformat())
        if isinstance(value, str):
            try:
                return When.fromisoformat(value)
            except ValueError:
                raise ValueError("expected a date and time such as 2026-11-25T14:00") from None
        raise ValueError("expected a date and time such as 2026-11-25T14:00")
    raise NotImplementedError(kind)


def new_id() -> str:
    """A short random id for a follow-up."""
    return uuid.uuid4().hex[:12]


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Answer(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """What the rep wrote for one item: an answer, their own response, or a note."""

    text: Text = ""
    likelihood: Likelihood = ""
    done: bool = False

    @property
    def is_empty(self) -> bool:
        """True when the rep has not touched this item."""
        return not self.text.strip() and not self.likelihood and not self.done


class FollowUp(msgspec.Struct, forbid_unknown_fields=True):
    """Something promised after a meeting, by the rep or by the customer."""

    text: Line
    due: date | None = None
    owner: Owner = "me"
    done: bool = False
    id: str = ""

    def __post_init__(self) -> None:
        # Follow-ups saved before they had ids get one from their content, the same every time.
        if not self.id:
            self.id = hashlib.sha256(f"{self.text}|{self.due}|{self.owner}".encode()).hexdigest()[:12]


class ObjectionOutcome(msgspec.Struct, forbid_unknown_fields=True):
    """Plan against actual for one prepared objection."""

    came_up: bool | None = None
    landed: Landed = ""


class NeedVerdict(msgspec.Struct, forbid_unknown_fields=True):
    """Plan against actual for one prepared need: was the rep's hypothesis right?"""

    verdict: Verdict = ""
    note: Text = ""


class Rehearsal(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """One objection practised before the meeting: the rep's answer and how it went."""

    answer: Text = ""
    verdict: Rehearsed = ""


class Debrief(msgspec.Struct, forbid_unknown_fields=True):
    """How the meeting went, written afterwards: plan against actual, promises, the relationship."""

    outcome: Line = ""
    notes: Text = ""
    rating: Rating | None = None
    contact_wish: ContactWish = ""
    contact_rhythm: ContactRhythm = ""
    followups: list[FollowUp] = msgspec.field(default_factory=list)
    objections: dict[str, ObjectionOutcome] = msgspec.field(default_factory=dict)
    unprepared: list[Line] = msgspec.field(default_factory=list)
    # Those texts of `unprepared` the rep chose to give to their trainer (the app's "For your trainer"): not what happened.
    for_trainer: list[Line] = msgspec.field(default_factory=list)
    needs: dict[str, NeedVerdict] = msgspec.field(default_factory=dict)
    # Each of the checklist's exit criteria ("the meeting succeeded if …"), by its words: met, partly or not.
    criteria: dict[str, Met] = msgspec.field(default_factory=dict)
    # Who was really there, by their names on the customer card; empty until the rep says.
    present: list[Line] = msgspec.field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True while nothing is written down: opening the debrief alone does not make a meeting debriefed."""
        return not (self.outcome.strip() or self.notes.strip() or self.rating or self.contact_wish
                    or self.contact_rhythm or self.followups or any(line.strip() for line in self.unprepared)
                    or any(o.came_up is not None or o.landed for o in self.objections.values())
                    or any(n.verdict or n.note.strip() for n in self.needs.values()) or any(self.criteria.values())
                    or bool(self.present))

    def objection(self, section: Section, item: Item) -> ObjectionOutcome | None:
        """How a prepared objection went, if recorded."""
        return self.objections.get(section.key(item))

    def need(self, section: Section, item: Item) -> NeedVerdict | None:
        """The verdict on a need hypothesis, if recorded."""
        return self.needs.get(section.key(item))


class MeetingRecord(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """Everything about a meeting but its checklist copy (which the storage keeps once for many meetings)."""

    customer: Line
    when: When
    # Who the rep meets, by their names on the customer card (prep.model.customer).
    people: list[Line] = msgspec.field(default_factory=list)
    # What meetings kept before customer cards: a free-text contact line, made into people on first
    # read (the storage's migration, and `prep import` of an older export). Empty from then on.
    contact: Line = ""
    goal: Line = ""
    answers: dict[str, Answer] = msgspec.field(default_factory=dict)
    status: Status = "draft"
    debrief: Debrief | None = None
    carried: dict[str, list[Text]] = msgspec.field(default_factory=dict)
    rehearsal: dict[str, Rehearsal] = msgspec.field(default_factory=dict)
    # When the rep called the meeting off; None while it stands. Kept, not deleted: what was prepared stays.
    cancelled: When | None = None
    # The answer the rep last typed into (`section/item`): a reopened draft goes on there.
    place: Line = ""
    id: str = msgspec.field(default_factory=lambda: uuid.uuid4().hex)
    created: datetime = msgspec.field(default_factory=_now)
    updated: datetime = msgspec.field(default_factory=_now)

    def __post_init__(self) -> None:
        if type(self.when) is not When:
            self.when = When.fromisoformat(self.when.isoformat())
        if self.cancelled is not None and type(self.cancelled) is not When:
            self.cancelled = When.fromisoformat(self.cancelled.isoformat())

    @property
    def state(self) -> str:
        """One of STATES: cancelled, else debriefed once something of the debrief is written, else the status."""
        return meeting_state(self.status, self.cancelled is not None, self.debrief is not None and not self.debrief.is_empty)

    @property
    def attended(self) -> list[str]:
        """Who was there once the debrief says, else the people the meeting was planned with."""
        return self.debrief.present if self.debrief is not None and self.debrief.present else self.people

    @property
    def with_whom(self) -> str:
        """Who the meeting is with, as one line for lists and reports: `attended`, else the old contact line."""
        return ", ".join(self.attended) or self.contact


def meeting_state(status: str, cancelled: bool, debriefed: bool) -> str:
    """What a meeting is, from its status and whether it was cancelled or debriefed (one of STATES)."""
    if cancelled:
        return CANCELLED
    return DEBRIEFED if debriefed and status != DRAFT else status


class Meeting(MeetingRecord, kw_only=True):
    """One customer meeting: the preparation, and the debrief once it happened."""

    checklist: Checklist

    @property
    def is_draft(self) -> bool:
        """True until the rep finishes the walkthrough."""
        return self.status == DRAFT

    def answer(self, section: Section, item: Item) -> Answer:
        """The rep's answer for an item, created empty on first use."""
        return self.answers.setdefault(section.key(item), Answer())

    def peek(self, section: Section, item: Item) -> Answer:
        """The answer for an item without creating one."""
        return self.answers.get(section.key(item)) or Answer()

    def likelihood(self, section: Section, item: Item) -> str:
        """How likely an objection is: the rep's estimate, else the trainer's default, else ''."""
        return self.peek(section, item).likelihood or item.likelihood

    def rehearsed(self, section: Section, item: Item, *, create: bool = False) -> Rehearsal:
        """The rehearsal of an objection; with `create`, kept in the meeting from now on."""
        if create:
            return self.rehearsal.setdefault(section.key(item), Rehearsal())
        return self.rehearsal.get(section.key(item)) or Rehearsal()

    def missing_required(self) -> list[tuple[Section, Item]]:
        """Required items the rep has left empty, in walkthrough order."""
        return [(section, item) for section, item in self.checklist.items()
                if item.required and self.peek(section, item).is_empty]

    def answered_count(self, section: Section) -> int:
        """How many items of a section the rep has touched."""
        return sum(not self.peek(section, item).is_empty for item in section.items)

    def tidied(self) -> Meeting:
        """The meeting as it is kept: untouched answers and blank follow-up rows left out."""
        answers = {key: answer for key, answer in self.answers.items() if not answer.is_empty}
        debrief = self.debrief
        if debrief is not None:
            kept = [f for f in debrief.followups if f.text.strip() or f.due]
            if len(kept) != len(debrief.followups):
                debrief = msgspec.structs.replace(debrief, followups=kept)
        return msgspec.structs.replace(self, answers=answers, debrief=debrief)
