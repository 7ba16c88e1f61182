"""A meeting with a customer: what the rep prepared, and later how it went.

Plain data with `to_dict`/`from_dict`; the store keeps the dicts. A meeting keeps
its own copy of the checklist it was prepared with.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from sys import intern
from typing import Any

from prep.model.checklist import Checklist, Item, Section

DRAFT = "draft"
PREPARED = "prepared"

LIKELIHOODS: tuple[str, ...] = ("unlikely", "possible", "likely")


@dataclass
class Answer:
    """What the rep wrote for one item: an answer, their own response, or a note."""

    text: str = ""
    likelihood: str = ""
    done: bool = False

    @property
    def is_empty(self) -> bool:
        """True when the rep has not touched this item."""
        return not self.text.strip() and not self.likelihood and not self.done

    def to_dict(self) -> dict[str, Any]:
        """Only what was set, to keep the file small."""
        data: dict[str, Any] = {}
        if self.text:
            data["text"] = self.text
        if self.likelihood:
            data["likelihood"] = self.likelihood
        if self.done:
            data["done"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Answer:
        """Rebuild an answer from `to_dict` output."""
        return cls(text=data.get("text", ""), likelihood=data.get("likelihood", ""), done=bool(data.get("done")))


OWNERS: tuple[str, ...] = ("me", "customer")
CONTACT_WISHES: tuple[str, ...] = ("more", "same", "less")
# How often the customer wants to hear from us, and the days that means.
CONTACT_RHYTHMS: dict[str, int] = {"weekly": 7, "every two weeks": 14, "monthly": 30, "quarterly": 91, "when needed": 0}
LANDED: tuple[str, ...] = ("well", "partly", "badly")
REHEARSED: tuple[str, ...] = ("went well", "so-so", "needs work")
VERDICTS: tuple[str, ...] = ("confirmed", "changed", "wrong")


def _new_id() -> str:
    return uuid.uuid4().hex[:12]


@dataclass(slots=True)
class FollowUp:
    """Something promised after a meeting, by the rep or by the customer."""

    text: str
    due: date | None = None
    owner: str = "me"
    done: bool = False
    id: str = field(default_factory=_new_id)

    def to_dict(self) -> dict[str, Any]:
        """The follow-up as stored."""
        return {"id": self.id, "text": self.text, "due": self.due.isoformat() if self.due else None,
                "owner": self.owner, "done": self.done}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FollowUp:
        """Rebuild a follow-up from `to_dict` output."""
        due = data.get("due")
        return cls(text=intern(data["text"]), due=date.fromisoformat(due) if due else None,
                   owner=intern(data.get("owner", "me")), done=bool(data.get("done")),
                   id=data.get("id") or _legacy_id(data))


def _legacy_id(data: dict[str, Any]) -> str:
    """Follow-ups saved before they had ids get one from their content, the same every time."""
    import hashlib

    return hashlib.sha256(f"{data.get('text')}|{data.get('due')}|{data.get('owner')}".encode()).hexdigest()[:12]


@dataclass
class ObjectionOutcome:
    """Plan against actual for one prepared objection."""

    came_up: bool | None = None
    landed: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"came_up": self.came_up, "landed": self.landed}


@dataclass
class NeedVerdict:
    """Plan against actual for one prepared need: was the rep's hypothesis right?"""

    verdict: str = ""
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"verdict": self.verdict, "note": self.note}


@dataclass
class Debrief:
    """How the meeting went, written afterwards: plan against actual, promises, the relationship."""

    outcome: str = ""
    notes: str = ""
    rating: int | None = None
    contact_wish: str = ""
    contact_rhythm: str = ""
    followups: list[FollowUp] = field(default_factory=list)
    objections: dict[str, ObjectionOutcome] = field(default_factory=dict)
    unprepared: list[str] = field(default_factory=list)
    needs: dict[str, NeedVerdict] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The debrief as stored."""
        return {
            "outcome": self.outcome, "notes": self.notes, "rating": self.rating,
            "contact_wish": self.contact_wish, "contact_rhythm": self.contact_rhythm,
            "followups": [f.to_dict() for f in self.followups if f.text.strip() or f.due],
            "objections": {key: o.to_dict() for key, o in self.objections.items()},
            "unprepared": list(self.unprepared),
            "needs": {key: n.to_dict() for key, n in self.needs.items()},
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Debrief:
        """Rebuild a debrief from `to_dict` output."""
        return cls(
            outcome=data.get("outcome", ""), notes=data.get("notes", ""), rating=data.get("rating"),
            contact_wish=data.get("contact_wish", ""), contact_rhythm=data.get("contact_rhythm", ""),
            followups=[FollowUp.from_dict(f) for f in data.get("followups", [])],
            objections={key: ObjectionOutcome(**value) for key, value in data.get("objections", {}).items()},
            unprepared=list(data.get("unprepared", [])),
            needs={key: NeedVerdict(**value) for key, value in data.get("needs", {}).items()},
        )


def answer_key(section: Section, item: Item) -> str:
    """Where an item's answer is kept in `Meeting.answers`."""
    return f"{section.id}/{item.id}"


@dataclass
class Meeting:
    """One customer meeting: the preparation, and the debrief once it happened."""

    customer: str
    when: datetime
    checklist: Checklist
    contact: str = ""
    goal: str = ""
    answers: dict[str, Answer] = field(default_factory=dict)
    status: str = DRAFT
    debrief: Debrief | None = None
    carried: dict[str, list[str]] = field(default_factory=dict)
    rehearsal: dict[str, dict[str, str]] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))
    updated: datetime = field(default_factory=lambda: datetime.now().replace(microsecond=0))

    @property
    def is_draft(self) -> bool:
        """True until the rep finishes the walkthrough."""
        return self.status == DRAFT

    def answer(self, section: Section, item: Item) -> Answer:
        """The rep's answer for an item, created empty on first use."""
        return self.answers.setdefault(answer_key(section, item), Answer())

    def peek(self, section: Section, item: Item) -> Answer:
        """The answer for an item without creating one."""
        return self.answers.get(answer_key(section, item)) or Answer()

    def missing_required(self) -> list[tuple[Section, Item]]:
        """Required items the rep has left empty, in walkthrough order."""
        return [
            (section, item)
            for section in self.checklist.sections
            for item in section.items
            if item.required and self.peek(section, item).is_empty
        ]

    def answered_count(self, section: Section) -> int:
        """How many items of a section the rep has touched."""
        return sum(not self.peek(section, item).is_empty for item in section.items)

    def to_dict(self) -> dict[str, Any]:
        """The meeting as the store keeps it."""
        return {
            "id": self.id,
            "customer": self.customer,
            "contact": self.contact,
            "when": self.when.isoformat(timespec="minutes"),
            "goal": self.goal,
            "status": self.status,
            "checklist": self.checklist.to_dict(),
            "answers": {key: a.to_dict() for key, a in self.answers.items() if not a.is_empty},
            "debrief": self.debrief.to_dict() if self.debrief else None,
            "carried": self.carried,
            "rehearsal": self.rehearsal,
            "created": self.created.isoformat(timespec="seconds"),
            "updated": self.updated.isoformat(timespec="seconds"),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Meeting:
        """Rebuild a meeting from `to_dict` output."""
        return cls(
            id=data["id"],
            customer=data["customer"],
            contact=data.get("contact", ""),
            when=datetime.fromisoformat(data["when"]),
            goal=data.get("goal", ""),
            status=data.get("status", DRAFT),
            checklist=Checklist.from_dict(data["checklist"]),
            answers={key: Answer.from_dict(value) for key, value in data.get("answers", {}).items()},
            debrief=Debrief.from_dict(data["debrief"]) if data.get("debrief") else None,
            carried={kind: list(lines) for kind, lines in (data.get("carried") or {}).items()},
            rehearsal={key: dict(value) for key, value in (data.get("rehearsal") or {}).items()},
            created=datetime.fromisoformat(data["created"]),
            updated=datetime.fromisoformat(data["updated"]),
        )
