"""Demo data: customers, a history of meetings with debriefs, follow-ups and a draft.

Written so that a rep recognises their world. The same seed gives the same data;
dates are placed around `now`, so there is always something coming up and
something overdue.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from prep.model.checklist import Checklist
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

CUSTOMERS: list[tuple[str, str, list[str]]] = [
    ("Brandt Logistik GmbH", "logistics", ["Katrin Brandt, COO", "Jonas Weber, head of IT"]),
    ("Northwind Dental Group", "dental clinics", ["Dr. Priya Shah, managing partner", "Leo Martins, practice manager"]),
    ("Halvorsen Marine", "shipbuilding", ["Erik Halvorsen, CEO", "Mette Lund, procurement"]),
    ("Quarry Hill Foods", "food production", ["Sam O'Connell, plant manager", "Rita Alvarez, finance director"]),
    ("Meridian Health Partners", "hospital group", ["Dr. Alan Reyes, CIO", "Nora Fischer, head of purchasing"]),
    ("Copperleaf Software", "SaaS", ["Maya Chen, VP operations", "Tom Becker, CFO"]),
    ("Alder & Finch Architects", "architecture", ["Clara Finch, partner"]),
    ("Tidewater Utilities", "energy", ["Grace Okafor, head of grid operations", "Paul Novak, procurement lead"]),
]

_PREFIXES = ["Alpine", "Harbor", "Summit", "Redwood", "Lindqvist", "Oakridge", "Bluewater", "Kestrel",
             "Marlow", "Ironbridge", "Silverline", "Fairhaven", "Nordlicht", "Westbrook", "Pinecrest", "Calder"]
_SUFFIXES = [("Logistics", "logistics"), ("Foods", "food production"), ("Systems", "IT services"),
             ("Clinics", "healthcare"), ("Engineering", "engineering"), ("Retail Group", "retail"),
             ("Insurance", "insurance"), ("Energy", "energy"), ("Analytics", "SaaS"), ("Builders", "construction")]
_FIRST = ["Anna", "Ben", "Chloe", "David", "Elif", "Felix", "Hannah", "Igor", "Julia", "Karim", "Lena", "Marco",
          "Nina", "Oscar", "Paula", "Rafael", "Sofia", "Tariq", "Ulla", "Viktor"]
_LAST = ["Keller", "Novak", "Moreau", "Schmidt", "Okoye", "Larsen", "Rossi", "Berg", "Kowalski", "Hughes",
         "Yilmaz", "Costa", "Lindgren", "Fischer", "Patel", "Brennan"]
_ROLES = ["COO", "head of IT", "procurement lead", "CFO", "operations manager", "managing director", "team lead"]

GOALS = [
    "Understand how they plan capacity today and whether a pilot makes sense",
    "Agree on the scope of a two-week pilot",
    "Present the offer and understand their decision process",
    "Review the first quarter together and agree on next year's scope",
    "Meet the new head of purchasing and re-establish the relationship",
    "Clarify the open points from the security questionnaire",
    "Discuss the renewal and the feedback from their team",
    "Learn what changed since the reorganisation",
]

ANSWERS: dict[str, list[str]] = {
    "situation": [
        "Planning runs on three spreadsheets maintained by two people; the {industry} peak season overloads them every year.",
        "They use an in-house tool from 2014; the developer who built it left last spring.",
        "Each site works differently; head office has no common view across the {industry} business.",
    ],
    "problem": [
        "Late changes are not visible to the teams on the floor — 'we find out when the truck is already here'.",
        "Month-end reporting takes four days of manual copying, and numbers still do not match.",
        "They lose good people because the work is repetitive; hiring takes months.",
    ],
    "implication": [
        "Overtime in peak months is roughly 15% of payroll; two customers complained publicly last year.",
        "Management decides on week-old numbers; one wrong forecast cost them a contract.",
        "Every resignation costs about three months of productivity.",
    ],
    "payoff": [
        "Fewer firefights for the operations lead — she said she would 'finally plan instead of react'.",
        "The CFO wants reporting in one day; that frees a full position for analysis.",
    ],
    "decision": [
        "{contact} owns the budget; IT must sign off on security; the board sees anything over 50k.",
        "Procurement runs a formal tender above 100k; {contact} is our champion but not the decider.",
    ],
    "timing": [
        "Budget for next year is set in January; a pilot would have to start before March.",
        "No fixed deadline — they want to see results before the peak season.",
    ],
    "learn": [
        "Who besides {contact} has a say, and what they worry about.",
        "Whether the problem is painful enough that they would act this year.",
    ],
    "mood": [
        "A bit nervous — last quarter's numbers are weak and I must not sound desperate.",
        "Relaxed; I know the industry well. Risk: talking too much about our features.",
    ],
    "next-step": [
        "A half-day workshop with their planning team.",
        "A call with IT about the security questions within two weeks.",
    ],
    "promised-last-time": [
        "Case study sent on time; the reference call happened last Tuesday.",
        "The pilot plan was two days late — say so first and show the final version.",
    ],
    "their-promises": [
        "{contact} wanted to send last year's volumes; still missing, do not chase, ask once.",
        "They introduced us to IT as promised.",
    ],
    "changed": [
        "New CFO since October; cost focus is stronger.",
        "The reorganisation is finished; {contact} now owns planning for all sites.",
    ],
    "criteria": [
        "Integration with their ERP, total cost over three years, references in {industry}.",
        "Data protection first, then ease of use for the planners.",
    ],
    "process": [
        "Workshop in two weeks, recommendation to the board in January, purchasing after that.",
        "IT security review (about four weeks) before any contract.",
    ],
    "champion": [
        "{contact} — needs numbers she can show her board.",
        "The head of planning; he wants to stop the overtime in peak season.",
    ],
    "metrics": ["Planning time down by half; overtime in peak months below 5%.", "Month-end close in one day instead of four."],
    "economic-buyer": ["The CFO signs; met her once, she cares about predictability.", "Managing director; not met yet — ask {contact}."],
    "paper-process": ["Purchasing needs three offers; legal takes about three weeks.", "Board approval above 100k, next board meeting on the 15th."],
    "competition": ["An incumbent with a cheaper licence, and the option to build it in-house.", "Two competitors in the shortlist; one is cheaper."],
    "pain": ["'We find out when the truck is already here.'", "'Every month-end is a fire drill.'"],
    "walk-away": ["No discount above 8%; a longer term or a reference in exchange for price.", "Minimum scope: two sites."],
    "value-realised": ["Planning time down 35%; they expected 50%.", "Reporting now takes one day; the CFO mentioned it in the board."],
    "adoption": ["Head office uses it daily, two sites still on spreadsheets.", "Only half of the licences are active."],
    "promised-last-term": ["Quarterly reviews — we held two of four.", "The API connector was delivered a month late."],
    "service-issues": ["One outage in March; they remember the slow answer more than the outage.", "No escalations."],
    "changes-ahead": ["New head of operations from January.", "They plan to open two more sites."],
    "next-value": ["Forecasting for the new sites.", "Automating the supplier reports."],
    "feeling": ["Impatient — this has been open for months. Keep it out of my voice.", "Hopeful, but the new CFO worries me."],
    "emotions": ["I get defensive when they compare us with the cheapest offer.", "Nervous about the discount question."],
    "silence": ["Count to ten; let them speak first.", "Take notes and wait."],
    "outcome": ["Signed pilot for two sites with an option for all.", "Agreement on scope; price decided in January."],
    "risk": ["Low adoption at two sites.", "The new head of operations may bring her old supplier."],
    "stance": ["Open about the late connector, confident about the results.", "Listening first; not defending the outage."],
}
OBJECTION_ANSWERS = [
    "Ask what exactly they compare us with, then show the total cost over three years with their own numbers.",
    "Acknowledge it and propose a small pilot on one site so they can check the result themselves.",
    "Ask what is behind it; offer the reference call with a customer in the {industry} sector.",
    "Agree on a concrete next step before leaving, with a date.",
]
TRUST_NOTES = [
    "Checked my profile and the company page; removed an old post that sounded arrogant.",
    "Read their annual report and the interview with {contact}.",
    "Promised the case study by Friday — calendar reminder set.",
    "They prefer email over calls; no more than one contact a week.",
]
OUTCOMES = [
    "Good conversation; they want a proposal for a pilot.",
    "They are interested but the budget is frozen until Q2.",
    "Next meeting agreed with the IT team.",
    "Lost to a competitor on price; relationship intact.",
    "Verbal yes for the pilot; contract via procurement.",
]
NOTES = [
    "{contact} was open about the internal pressure. Objection on price came up exactly as prepared.",
    "They asked twice about data protection — prepare a clear answer for next time.",
    "The meeting started late; {contact} had only 20 minutes. Asked how often they want updates: once a month.",
    "A new stakeholder from finance joined unannounced and was sceptical about the implementation effort.",
]
FOLLOWUPS = [
    ("Send the case study from the {industry} project", "me"),
    ("Share the draft pilot plan", "me"),
    ("Introduce us to the head of IT", "customer"),
    ("Send the security questionnaire back", "customer"),
    ("Call to agree the workshop date", "me"),
    ("Send prices for the extended licence", "me"),
]


def _customers(rng: random.Random, count: int) -> list[tuple[str, str, list[str]]]:
    customers = list(CUSTOMERS)
    seen = {name for name, _, _ in customers}
    while len(customers) < count:
        suffix, industry = rng.choice(_SUFFIXES)
        name = f"{rng.choice(_PREFIXES)} {suffix}"
        if name in seen:
            name = f"{name} {rng.choice(['North', 'South', 'East', 'West', 'Central'])} {len(customers)}"
        seen.add(name)
        contacts = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}, {rng.choice(_ROLES)}" for _ in range(rng.randint(1, 3))]
        customers.append((name, industry, contacts))
    return customers


def _answers(rng: random.Random, checklist: Checklist, words: dict[str, str], fill: float) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for section, item in checklist.items():
        if rng.random() > fill:
            continue
        if section.kind == "objections":
            answers[section.key(item)] = Answer(likelihood=rng.choice(["likely", "possible", "unlikely"]),
                                                text=rng.choice(OBJECTION_ANSWERS).format(**words))
        elif section.kind == "trust":
            note = rng.choice(TRUST_NOTES).format(**words) if rng.random() < 0.4 else ""
            answers[section.key(item)] = Answer(done=True, text=note)
        else:
            options = ANSWERS.get(item.id) or ANSWERS["problem"]
            answers[section.key(item)] = Answer(text=rng.choice(options).format(**words))
    return answers


def demo_meetings(checklists: list[Checklist], now: datetime, count: int | None = None,
                  seed: int = 7) -> Iterator[Meeting]:
    """A history of meetings, a few coming up, and a draft in progress.

    Without `count`, a small history of about two dozen meetings.
    """
    rng = random.Random(seed)
    total = 24 if count is None else count
    customers = _customers(rng, max(len(CUSTOMERS), total // 12))
    # The demo speaks English: a customer's first meeting, then follow-ups, an offer, a renewal.
    english = [c for c in checklists if c.language == "en"] or list(checklists)
    by_id = {c.id: c for c in english}
    stages = [by_id.get(name) for name in ("first-meeting", "follow-up", "follow-up", "offer-negotiation", "renewal-review")]
    fallback = list(english)
    met: dict[str, int] = {}
    now = now.replace(second=0, microsecond=0)
    span_days = max(90, min(3 * 365, total // 4))
    for index in range(total):
        name, industry, contacts = customers[index % len(customers)] if index < len(CUSTOMERS) * 2 else rng.choice(customers)
        contact = rng.choice(contacts)
        words = {"industry": industry, "contact": contact.split(",")[0], "customer": name}
        stage = met.get(name, 0)
        met[name] = stage + 1
        checklist = stages[min(stage, len(stages) - 1)] or rng.choice(fallback)
        # The last few are the future: two prepared meetings and one draft in progress.
        ahead = total - index
        if ahead <= 3 and total >= 3:
            when = _workday(now + timedelta(days=ahead * 2 - 1)).replace(hour=9 + ahead * 2, minute=0)
            status = DRAFT if ahead == 1 else PREPARED
            fill = 0.35 if status == DRAFT else 0.9
            debrief = None
        else:
            when = _workday(now - timedelta(days=rng.uniform(1, span_days)), later=False)
            when = when.replace(hour=rng.randint(8, 17), minute=rng.choice([0, 30]))
            status, fill = PREPARED, 0.85
            debrief = _debrief(rng, words, when, now, checklist)
        stamp = min(when, now) - timedelta(hours=rng.randint(1, 48))
        if status == DRAFT:
            stamp = now - timedelta(minutes=20)
        yield Meeting(
            id=uuid.UUID(int=rng.getrandbits(128)).hex,
            customer=name,
            contact=contact,
            when=when,
            goal=rng.choice(GOALS),
            status=status,
            checklist=checklist,
            answers=_answers(rng, checklist, words, fill),
            debrief=debrief,
            created=stamp,
            updated=stamp,
        )


def _workday(moment: datetime, *, later: bool = True) -> datetime:
    """Customers are met on weekdays: a weekend day moves to the Monday after (or the Friday before)."""
    if moment.weekday() < 5:
        return moment
    return moment + timedelta(days=7 - moment.weekday()) if later else moment - timedelta(days=moment.weekday() - 4)


NEED_NOTES = [
    "The real problem is staff turnover, not the tool.",
    "Budget is owned by head office, not by the site.",
    "They already solved half of it with an in-house script.",
]
UNPREPARED = [
    "Your company was in the news for a data breach.",
    "We want a fixed price including all changes.",
    "Can you guarantee the go-live date in writing?",
]


def _debrief(rng: random.Random, words: dict[str, str], when: datetime, now: datetime,
             checklist: Checklist) -> Debrief:
    needs: dict[str, NeedVerdict] = {}
    followups = []
    for text, owner in rng.sample(FOLLOWUPS, rng.randint(1, 3)):
        due = (when + timedelta(days=rng.randint(2, 21))).date()
        done = due < (now - timedelta(days=10)).date() or rng.random() < 0.5
        followups.append(FollowUp(id=f"{rng.getrandbits(48):012x}", text=text.format(**words), due=due,
                                  owner=owner, done=done))  # type: ignore[arg-type]
    objections = {}
    for section in checklist.sections:
        if section.kind == "objections":
            for item in section.items:
                came_up = rng.random() < 0.35
                landed = rng.choice(["well", "well", "partly", "badly"]) if came_up else ""
                objections[section.key(item)] = ObjectionOutcome(came_up=came_up, landed=landed)  # type: ignore[arg-type]
        if section.kind == "needs":
            for item in section.items[:3]:
                verdict = rng.choice(["confirmed", "confirmed", "changed", "wrong"])
                note = "" if verdict == "confirmed" else rng.choice(NEED_NOTES)
                needs[section.key(item)] = NeedVerdict(verdict=verdict, note=note)  # type: ignore[arg-type]
    return Debrief(
        outcome=rng.choice(OUTCOMES),
        notes=rng.choice(NOTES).format(**words),
        rating=rng.randint(2, 5),
        contact_wish=rng.choice(["more", "same", "same", "less"]),  # type: ignore[arg-type]
        contact_rhythm=rng.choice(["monthly", "monthly", "every two weeks", "quarterly"]),  # type: ignore[arg-type]
        followups=followups,
        objections=objections,
        unprepared=rng.sample(UNPREPARED, rng.randint(0, 1)),
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
