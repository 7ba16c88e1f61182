"""Demo data: customers, a history of meetings with debriefs, follow-ups and a draft.

Written so that a rep recognises their world, in their language: the English demo's words
are in prep/demo_world_en.py, the German demo's in prep/demo_world_de.py; the meetings are
made here, the same way for both. The same seed gives the same data; dates are placed
around `now`, so there is always something coming up and something overdue.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

import msgspec

from prep import demo_world_de, demo_world_en
from prep.language import speaking
from prep.model.checklist import Checklist
from prep.model.customer import STANCES, Customer, people_in
from prep.model.meeting import (
    DRAFT,
    PREPARED,
    Answer,
    Debrief,
    FollowUp,
    Meeting,
    NeedVerdict,
    ObjectionOutcome,
)
from prep.model.summary import MeetingSummary
from prep.storage import Store


class World(Protocol):
    """The words of one language's demo: a module such as prep/demo_world_en.py."""

    LANGUAGE: str
    STAGES: tuple[str, ...]
    CUSTOMERS: list[tuple[str, str, list[str]]]  # name, industry, contacts ("name, role")
    PLACES: list[str]
    COMPANIES: list[tuple[str, str]]  # a name with {place} and {branch}, and its industry
    BRANCHES: list[str]
    GOALS: dict[str, list[str]]
    ANSWERS: dict[str, list[str]]
    BY_INDUSTRY: dict[str, dict[str, list[str]]]
    OBJECTION_ANSWERS: dict[str, list[str]]
    TRUST_NOTES: dict[str, list[str]]
    OUTCOMES: dict[str, list[str]]
    NOTES: list[str]
    FOLLOWUPS: list[tuple[str, str]]
    NEED_NOTES: dict[str, list[str]]
    UNPREPARED: list[str]

    def person(self, rng: random.Random) -> str: ...


WORLDS: dict[str, World] = {"en": demo_world_en, "de": demo_world_de}


def world(language: str | None = None) -> World:
    """The demo's words in `language` (`de`, `de-AT`, `en`…; the language prep speaks if not given); English for others."""
    code = (language or speaking()).replace("_", "-").split("-")[0].lower()
    return WORLDS.get(code, demo_world_en)


def _customers(rng: random.Random, count: int, words: World) -> list[tuple[str, str, list[str]]]:
    customers = list(words.CUSTOMERS)
    seen = {name for name, _, _ in customers}
    while len(customers) < count:
        pattern, industry = rng.choice(words.COMPANIES)
        place = rng.choice(words.PLACES)
        name = pattern.format(place=place, branch="")
        if name in seen:
            name = pattern.format(place=place, branch=f" {rng.choice(words.BRANCHES)} {len(customers)}")
        seen.add(name)
        contacts = [words.person(rng) for _ in range(rng.randint(1, 3))]
        customers.append((name, industry, contacts))
    return customers


def _for(texts: dict[str, list[str]], key: str) -> list[str]:
    """The texts written for this checklist or item id, else those for any ("")."""
    return texts.get(key) or texts[""]


@dataclass(frozen=True)
class _Plan:
    """What the demo writes into a meeting of one checklist with a customer of one industry, worked out once.

    `goals` and `outcomes`: what the meeting may be for and may have come to; `answers`: each
    item's kind, key and the texts its answer is chosen from, in walkthrough order; `debrief`:
    the kind and key of each objection and need the debrief looks back on, in order, with
    the notes that may say why a need was not as prepared.
    """

    goals: list[str]
    answers: list[tuple[str, str, list[str]]]
    debrief: list[tuple[str, str, list[str]]]
    outcomes: list[str]
    criteria: tuple[str, ...] = ()  # the checklist's exit criteria, each met or not in a debrief

    @classmethod
    def of(cls, checklist: Checklist, words: World, industry: str) -> _Plan:
        table = {**words.ANSWERS, **words.BY_INDUSTRY.get(industry, {})}
        answers = []
        for section, item in checklist.items():
            if section.kind == "objections":
                texts = _for(words.OBJECTION_ANSWERS, item.id)
            elif section.kind == "trust":
                texts = _for(words.TRUST_NOTES, item.id)
            else:
                texts = table.get(item.id) or table["problem"]
            answers.append((section.kind, section.key(item), texts))
        debrief: list[tuple[str, str, list[str]]] = []
        for section in checklist.sections:
            if section.kind == "objections":
                debrief.extend((section.kind, section.key(item), []) for item in section.items)
            if section.kind == "needs":
                debrief.extend((section.kind, section.key(item), _for(words.NEED_NOTES, item.id))
                               for item in section.items[:3])
        return cls(_for(words.GOALS, checklist.id), answers, debrief, _for(words.OUTCOMES, checklist.id),
                   checklist.exit_criteria)


def _answers(rng: random.Random, plan: _Plan, facts: dict[str, str], fill: float) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for kind, key, texts in plan.answers:
        if rng.random() > fill:
            continue
        if kind == "objections":
            answers[key] = Answer(likelihood=rng.choice(["likely", "possible", "unlikely"]),
                                  text=rng.choice(texts).format(**facts))
        elif kind == "trust":
            note = rng.choice(texts).format(**facts) if rng.random() < 0.4 else ""
            answers[key] = Answer(done=True, text=note)
        else:
            answers[key] = Answer(text=rng.choice(texts).format(**facts))
    return answers


def demo_meetings(checklists: list[Checklist], now: datetime, count: int | None = None,
                  seed: int = 7, language: str | None = None) -> Iterator[Meeting]:
    """A history of meetings, a few coming up, and a draft in progress.

    Without `count`, a small history of about two dozen meetings. The customers, notes and
    checklists are in `language` (the language prep speaks if not given; English if the
    demo has no world in it, see `world`).
    """
    words = world(language)
    rng = random.Random(seed)
    total = 24 if count is None else count
    customers = _customers(rng, max(len(words.CUSTOMERS), total // 12), words)
    # A customer's first meeting, then follow-ups, an offer, a renewal: with checklists in the demo's language.
    own = [c for c in checklists if c.language.split("-")[0] == words.LANGUAGE] or list(checklists)
    by_id = {c.id: c for c in own}
    stages = [by_id.get(name) for name in words.STAGES]
    fallback = list(own)
    plans: dict[tuple[int, str], _Plan] = {}  # by checklist (its id()) and industry
    met: dict[str, int] = {}
    now = now.replace(second=0, microsecond=0)
    span_days = max(90, min(3 * 365, total // 4))
    for index in range(total):
        name, industry, contacts = (customers[index % len(customers)] if index < len(words.CUSTOMERS) * 2
                                    else rng.choice(customers))
        contact = rng.choice(contacts)
        facts = {"industry": industry, "contact": contact.split(",")[0], "customer": name}
        stage = met.get(name, 0)
        met[name] = stage + 1
        checklist = stages[min(stage, len(stages) - 1)] or rng.choice(fallback)
        plan = plans.get((id(checklist), industry))
        if plan is None:
            plan = plans[id(checklist), industry] = _Plan.of(checklist, words, industry)
        # The last few are the future: two prepared meetings and one draft in progress.
        ahead = total - index
        if ahead <= 3 and total >= 3:
            when = _workday(now + timedelta(days=ahead * 2 - 1)).replace(hour=9 + ahead * 2, minute=0)
            status = DRAFT if ahead == 1 else PREPARED
            fill = 0.35 if status == DRAFT else 0.9
            happened = False
        else:
            when = _workday(now - timedelta(days=rng.uniform(1, span_days)), later=False)
            when = when.replace(hour=rng.randint(8, 17), minute=rng.choice([0, 30]))
            status, fill, happened = PREPARED, 0.85, True
        # Dates in the notes follow the meeting: the quarter after it, the calendar week ten days on.
        facts["quarter"] = f"Q{((when.month - 1) // 3 + 1) % 4 + 1}"
        facts["week"] = str((when + timedelta(days=10)).isocalendar().week)
        # What is written into the meeting draws from its own generator: a checklist with one item more
        # changes that meeting's words, not which customers and dates the rest of the demo has.
        inner = random.Random(rng.getrandbits(64))
        debrief = _debrief(inner, words, facts, when, now, plan) if happened else None
        stamp = min(when, now) - timedelta(hours=rng.randint(1, 48))
        if status == DRAFT:
            stamp = now - timedelta(minutes=20)
        yield Meeting(
            id=uuid.UUID(int=rng.getrandbits(128)).hex,
            customer=name,
            people=[contact.split(",")[0].strip()],
            when=when,
            goal=inner.choice(plan.goals).format(**facts),
            status=status,
            checklist=checklist,
            answers=_answers(inner, plan, facts, fill),
            debrief=debrief,
            created=stamp,
            updated=stamp,
        )


def demo_customers(count: int | None = None, seed: int = 7, language: str | None = None) -> list[Customer]:
    """The cards of the customers `demo_meetings` (with the same count, seed and language) meets.

    The people are those the meetings name, with their roles; each gets a part in the decision
    and a stance from their role, and a customer with few people gets an economic buyer the rep
    has not met yet — what the brief's coverage line is for. E-mail addresses are under the
    `.example` domain, which no one can own.
    """
    words = world(language)
    rng = random.Random(seed)
    total = 24 if count is None else count
    cards = []
    for name, industry, contacts in _customers(rng, max(len(words.CUSTOMERS), total // 12), words):
        inner = random.Random(f"{seed}/{name}")
        domain = _address(name.split()[0], "example").replace("@", ".")
        people = [person for contact in contacts for person in people_in(contact)]
        parts = [_part(person.role, index) for index, person in enumerate(people)]
        if "economic buyer" not in parts and len(people) < 3:
            people.append(msgspec.structs.replace(people_in(words.person(inner))[0], role="CFO"))
            parts.append("economic buyer")
        cards.append(Customer(name=name, industry=industry, domain=domain, id=uuid.UUID(int=inner.getrandbits(128)).hex, people=[
            msgspec.structs.replace(person, part=part, email=_address(person.name, domain),
                                    stance="supportive" if part == "champion" else inner.choice(STANCES))
            for person, part in zip(people, parts)]))
    return cards


def _part(role: str, index: int) -> str:
    """The part in the decision a role most likely has: the first person met is the champion."""
    role = role.lower()
    if any(word in role for word in ("cfo", "managing director", "finance", "geschäftsführ", "kaufmännisch", "prokurist", "finanz")):
        return "economic buyer"
    if index == 0:
        return "champion"
    if "it" in role.replace("-", " ").split() or "it-" in role:
        return "technical evaluator"
    return "user" if index % 2 else "influencer"


def _address(name: str, domain: str) -> str:
    plain_name = name.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    words = [w for w in plain_name.split() if w not in ("herr", "frau", "dr.")]
    plain = ".".join("".join(ch for ch in w if ch.isalnum()) for w in words)
    return f"{plain}@{domain}"


def _workday(moment: datetime, *, later: bool = True) -> datetime:
    """Customers are met on weekdays: a weekend day moves to the Monday after (or the Friday before)."""
    if moment.weekday() < 5:
        return moment
    return moment + timedelta(days=7 - moment.weekday()) if later else moment - timedelta(days=moment.weekday() - 4)


def _debrief(rng: random.Random, words: World, facts: dict[str, str], when: datetime, now: datetime,
             plan: _Plan) -> Debrief:
    needs: dict[str, NeedVerdict] = {}
    followups = []
    for text, owner in rng.sample(words.FOLLOWUPS, rng.randint(1, 3)):
        due = (when + timedelta(days=rng.randint(2, 21))).date()
        done = due < (now - timedelta(days=10)).date() or rng.random() < 0.5
        followups.append(FollowUp(id=f"{rng.getrandbits(48):012x}", text=text.format(due_week=due.isocalendar().week, **facts),
                                  due=due, owner=owner, done=done))  # type: ignore[arg-type]
    objections = {}
    for kind, key, notes in plan.debrief:
        if kind == "objections":
            came_up = rng.random() < 0.35
            landed = rng.choice(["well", "well", "partly", "badly"]) if came_up else ""
            objections[key] = ObjectionOutcome(came_up=came_up, landed=landed)  # type: ignore[arg-type]
        else:
            verdict = rng.choice(["confirmed", "confirmed", "changed", "wrong"])
            note = "" if verdict == "confirmed" else rng.choice(notes)
            needs[key] = NeedVerdict(verdict=verdict, note=note)  # type: ignore[arg-type]
    return Debrief(
        outcome=rng.choice(plan.outcomes).format(**facts),
        notes=rng.choice(words.NOTES).format(**facts),
        rating=rng.randint(2, 5),
        contact_wish=rng.choice(["more", "same", "same", "less"]),  # type: ignore[arg-type]
        contact_rhythm=rng.choice(["monthly", "monthly", "every two weeks", "quarterly"]),  # type: ignore[arg-type]
        followups=followups,
        objections=objections,
        criteria={criterion: rng.choice(["met", "met", "partly", "not met"]) for criterion in plan.criteria},  # type: ignore[misc]
        unprepared=rng.sample(words.UNPREPARED, rng.randint(0, 1)),
        needs=needs,
    )


@dataclass(frozen=True)
class DemoRun:
    """A demo the app is running: the meetings that came with it, and the rep's own database.

    `own_database` is None when the demo went into a file the rep named (--db, PREP_DB):
    then there is no other database to keep meetings in.
    """

    shipped: frozenset[str]
    own_database: Path | None


def made_in_demo(store: Store, run: DemoRun) -> list[MeetingSummary]:
    """The meetings the rep prepared while trying the demo, soonest first (the demo's own are left out)."""
    return sorted((s for s in store.summaries() if s.id not in run.shipped), key=lambda s: s.when)


def keep_made_in_demo(store: Store, run: DemoRun) -> int:
    """Copy the meetings the rep prepared in the demo into their own database; returns how many."""
    if run.own_database is None:
        return 0
    meetings = list(store.meetings(summary.id for summary in made_in_demo(store, run)))
    own = Store(run.own_database)
    try:
        return own.add_many(meetings) if meetings else 0
    finally:
        own.close()
