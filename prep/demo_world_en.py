"""The English demo's world: its customers and what the rep wrote about them.

Words only: prep/demo.py makes the meetings, the same way in every language (see `World`
there for what each name holds). Text in braces is filled per meeting: {customer},
{contact} (as the rep addresses them), {industry}, {quarter} (the one after the meeting),
{week} (the calendar week ten days after it) and, in a follow-up, {due_week}.
"""

from __future__ import annotations

import random

LANGUAGE = "en"
# The checklist of a customer's first meeting, second, third…: then an offer, then a renewal.
STAGES = ("first-meeting", "follow-up", "follow-up", "offer-negotiation", "renewal-review")

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

# Made-up customers for a big demo: a place and a kind of company; a name taken twice gets a branch.
PLACES = ["Alpine", "Harbor", "Summit", "Redwood", "Lindqvist", "Oakridge", "Bluewater", "Kestrel",
          "Marlow", "Ironbridge", "Silverline", "Fairhaven", "Nordlicht", "Westbrook", "Pinecrest", "Calder"]
COMPANIES = [("{place} Logistics{branch}", "logistics"), ("{place} Foods{branch}", "food production"),
             ("{place} Systems{branch}", "IT services"), ("{place} Clinics{branch}", "healthcare"),
             ("{place} Engineering{branch}", "engineering"), ("{place} Retail Group{branch}", "retail"),
             ("{place} Insurance{branch}", "insurance"), ("{place} Energy{branch}", "energy"),
             ("{place} Analytics{branch}", "SaaS"), ("{place} Builders{branch}", "construction")]
BRANCHES = ["North", "South", "East", "West", "Central"]
_FIRST = ["Anna", "Ben", "Chloe", "David", "Elif", "Felix", "Hannah", "Igor", "Julia", "Karim", "Lena", "Marco",
          "Nina", "Oscar", "Paula", "Rafael", "Sofia", "Tariq", "Ulla", "Viktor"]
_LAST = ["Keller", "Novak", "Moreau", "Schmidt", "Okoye", "Larsen", "Rossi", "Berg", "Kowalski", "Hughes",
         "Yilmaz", "Costa", "Lindgren", "Fischer", "Patel", "Brennan"]
_ROLES = ["COO", "head of IT", "procurement lead", "CFO", "operations manager", "managing director", "team lead"]


def person(rng: random.Random) -> str:
    """A made-up contact person: name, role."""
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}, {rng.choice(_ROLES)}"


# What a meeting is for, by checklist id; "" for any meeting.
GOALS: dict[str, list[str]] = {"": [
    "Understand how they plan capacity today and whether a pilot makes sense",
    "Agree on the scope of a two-week pilot",
    "Present the offer and understand their decision process",
    "Review the first quarter together and agree on next year's scope",
    "Meet the new head of purchasing and re-establish the relationship",
    "Clarify the open points from the security questionnaire",
    "Discuss the renewal and the feedback from their team",
    "Learn what changed since the reorganisation",
]}

# The rep's answer to a checklist item, by item id (an item without one is answered from "problem").
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
# Answers that only fit one industry, by item id: none in English.
BY_INDUSTRY: dict[str, dict[str, list[str]]] = {}
# The rep's own response to a prepared objection, by its id; "" for any objection.
OBJECTION_ANSWERS: dict[str, list[str]] = {"": [
    "Ask what exactly they compare us with, then show the total cost over three years with their own numbers.",
    "Acknowledge it and propose a small pilot on one site so they can check the result themselves.",
    "Ask what is behind it; offer the reference call with a customer in the {industry} sector.",
    "Agree on a concrete next step before leaving, with a date.",
]}
# A note beside a trust point the rep ticked, by its id; "" for any point.
TRUST_NOTES: dict[str, list[str]] = {"": [
    "Checked my profile and the company page; removed an old post that sounded arrogant.",
    "Read their annual report and the interview with {contact}.",
    "Promised the case study by Friday — calendar reminder set.",
    "They prefer email over calls; no more than one contact a week.",
]}
# The outcome of a debriefed meeting, by checklist id; "" for any meeting.
OUTCOMES: dict[str, list[str]] = {"": [
    "Good conversation; they want a proposal for a pilot.",
    "They are interested but the budget is frozen until Q2.",
    "Next meeting agreed with the IT team.",
    "Lost to a competitor on price; relationship intact.",
    "Verbal yes for the pilot; contract via procurement.",
]}
# The debrief's notes.
NOTES = [
    "{contact} was open about the internal pressure. Objection on price came up exactly as prepared.",
    "They asked twice about data protection — prepare a clear answer for next time.",
    "The meeting started late; {contact} had only 20 minutes. Asked how often they want updates: once a month.",
    "A new stakeholder from finance joined unannounced and was sceptical about the implementation effort.",
]
# A follow-up and who owes it: "me" (the rep) or "customer".
FOLLOWUPS: list[tuple[str, str]] = [
    ("Send the case study from the {industry} project", "me"),
    ("Share the draft pilot plan", "me"),
    ("Introduce us to the head of IT", "customer"),
    ("Send the security questionnaire back", "customer"),
    ("Call to agree the workshop date", "me"),
    ("Send prices for the extended licence", "me"),
]
# Why a prepared need turned out changed or wrong, by its id; "" for any need.
NEED_NOTES: dict[str, list[str]] = {"": [
    "The real problem is staff turnover, not the tool.",
    "Budget is owned by head office, not by the site.",
    "They already solved half of it with an in-house script.",
]}
# Objections that came up unprepared.
UNPREPARED = [
    "Your company was in the news for a data breach.",
    "We want a fixed price including all changes.",
    "Can you guarantee the go-live date in writing?",
]

