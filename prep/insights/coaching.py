"""The coaching question — which objections do I handle badly, which needs do I guess wrong? — answered
from the meetings themselves: every prepared meeting's answers against its debrief."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from prep.model.coaching import (
    ChecklistFigures,
    Coaching,
    CriterionFigures,
    MonthFigures,
    NeedFigures,
    ObjectionFigures,
    TypeFigures,
)
from prep.model.meeting import DEBRIEFED, Debrief, Meeting

PREPARED_LIKELIHOODS = ("possible", "likely")


def written_unprepared(debrief: Debrief) -> list[str]:
    """The objections a debrief says came up unprepared, each as written (its spaces trimmed), no blank line."""
    return [line.strip() for line in debrief.unprepared if line.strip()]


def kept_for_trainer(debrief: Debrief) -> list[str]:
    """Those of `written_unprepared` the rep kept for their trainer in the app (a text since rewritten is not)."""
    kept = set(debrief.for_trainer)
    return [text for text in written_unprepared(debrief) if text in kept]


def coaching(meetings: Iterable[Meeting], since: date | None = None, *,
             unprepared: Callable[[Debrief], list[str]] = written_unprepared) -> Coaching:
    """The figures of `meetings` held on or after `since`: drafts and cancelled meetings are left out.

    `unprepared` says which of a debrief's objections met unprepared the report quotes (the trainer's file: only those kept).
    """
    report = Coaching(since=since.isoformat() if since else "")
    checklists: dict[tuple[str, int], ChecklistFigures] = {}
    objections: dict[tuple[str, int, str], ObjectionFigures] = {}
    needs: dict[tuple[str, int, str], NeedFigures] = {}
    months: dict[str, MonthFigures] = {}
    types: dict[str, TypeFigures] = {}
    for meeting in meetings:
        if meeting.is_draft or meeting.cancelled is not None or (since and meeting.when.date() < since):
            continue
        checklist = meeting.checklist
        key = (checklist.id, checklist.version)
        figures = checklists.get(key)
        if figures is None:
            figures = checklists[key] = ChecklistFigures(checklist.id, checklist.version, checklist.title, checklist.language)
        debrief = None if meeting.debrief is None or meeting.debrief.is_empty else meeting.debrief
        kind = types.setdefault(checklist.meeting_types[0] if checklist.meeting_types else "",
                                TypeFigures(checklist.meeting_types[0] if checklist.meeting_types else ""))
        report.meetings += 1
        figures.meetings += 1
        kind.meetings += 1
        for section, item in checklist.items("objections"):
            counted = objections.get((*key, item.id))
            if counted is None:
                counted = objections[(*key, item.id)] = ObjectionFigures(item.id, item.objection, category=item.category)
                figures.objections.append(counted)
            answer = meeting.peek(section, item)
            prepared = bool(answer.text.strip()) or answer.likelihood in PREPARED_LIKELIHOODS
            counted.prepared += prepared
            rehearsed = meeting.rehearsed(section, item).verdict
            if rehearsed:
                counted.rehearsed[rehearsed] = counted.rehearsed.get(rehearsed, 0) + 1
            outcome = debrief.objection(section, item) if debrief else None
            if outcome and outcome.came_up:
                counted.came_up += 1
                counted.came_up_unprepared += not prepared
                if outcome.landed:
                    counted.landed[outcome.landed] = counted.landed.get(outcome.landed, 0) + 1
        for section, item in checklist.items("needs"):
            need = needs.get((*key, item.id))
            if need is None:
                need = needs[(*key, item.id)] = NeedFigures(item.id, item.text)
                figures.needs.append(need)
            need.answered += bool(meeting.peek(section, item).text.strip())
            verdict = debrief.need(section, item) if debrief else None
            if verdict and verdict.verdict:
                need.verdicts[verdict.verdict] = need.verdicts.get(verdict.verdict, 0) + 1
        if debrief is None:
            continue
        for criterion in checklist.exit_criteria:
            met = debrief.criteria.get(criterion)
            if not met:
                continue
            counted_criterion = next((c for c in figures.criteria if c.criterion == criterion), None)
            if counted_criterion is None:
                counted_criterion = CriterionFigures(criterion)
                figures.criteria.append(counted_criterion)
            counted_criterion.met[met] = counted_criterion.met.get(met, 0) + 1
        report.debriefed += 1
        figures.debriefed += 1
        kind.debriefed += 1
        kind.with_followups += bool(debrief.followups)
        if debrief.rating:
            month = months.setdefault(f"{meeting.when:%Y-%m}", MonthFigures(f"{meeting.when:%Y-%m}"))
            month.rated += 1
            month.rating_sum += debrief.rating
            kind.rated += 1
            kind.rating_sum += debrief.rating
        if debrief.contact_wish:
            report.contact_wishes[debrief.contact_wish] = report.contact_wishes.get(debrief.contact_wish, 0) + 1
        report.unprepared += unprepared(debrief)
    report.checklists = [checklists[key] for key in sorted(checklists)]
    report.months = [months[month] for month in sorted(months)]
    report.meeting_types = [types[kind] for kind in sorted(types)]
    return report


def badly_handled(report: Coaching, at_most: int = 5) -> list[tuple[ChecklistFigures, ObjectionFigures]]:
    """The objections whose answers landed badly or only partly most often, the worst first."""
    found = [(checklist, objection) for checklist in report.checklists for objection in checklist.objections
             if objection.landed.get("badly", 0) + objection.landed.get("partly", 0)]

    def worst(pair: tuple[ChecklistFigures, ObjectionFigures]) -> tuple[float, int]:
        # The share that did not land (partly counting half), then how often: one answer of one that failed
        # weighs more than two of five that only partly landed.
        landed = pair[1].landed
        share = (landed.get("badly", 0) + landed.get("partly", 0) / 2) / max(1, sum(landed.values()))
        return -share, -landed.get("badly", 0)

    found.sort(key=worst)  # ties: checklist order
    return found[:at_most]


def by_category(report: Coaching) -> list[tuple[str, int, dict[str, int]]]:
    """Each category of objection the checklists name: how often one came up, and how the answers landed; the worst first."""
    came_up: dict[str, int] = {}
    landed: dict[str, dict[str, int]] = {}
    for checklist in report.checklists:
        for objection in checklist.objections:
            if not objection.category or not objection.came_up:
                continue
            came_up[objection.category] = came_up.get(objection.category, 0) + objection.came_up
            counts = landed.setdefault(objection.category, {})
            for how, count in objection.landed.items():
                counts[how] = counts.get(how, 0) + count
    found = [(category, came_up[category], landed[category]) for category in came_up]
    found.sort(key=lambda row: (-(row[2].get("badly", 0) / row[1]), -row[1], row[0]))
    return found


@dataclass(frozen=True)
class MetUnprepared:
    """An objection the rep wrote down in a debrief as met unprepared, with the meeting it came up in."""

    meeting_id: str
    customer: str
    when: datetime
    text: str
    kept: bool  # given to the trainer: it goes into `prep export --format trainer`
    names: bool = False  # the text names the customer or a contact: not for the trainer as it is


# Words of a company's name that name nobody: its legal form.
LEGAL_FORMS = {"gmbh", "ag", "kg", "ohg", "se", "ug", "co", "ltd", "inc", "llc", "plc", "corp", "sa", "bv", "nv"}


def names_someone(text: str, customer: str, people: list[str]) -> bool:
    """Whether `text` names the customer (the first word of its name, its distinctive part: "Copperleaf" of
    "Copperleaf Software") or a person met (any word of three letters or more of their name)."""
    company = [w for w in re.findall(r"\w+", customer.lower()) if w not in LEGAL_FORMS][:1]
    words = {w for w in company + re.findall(r"\w+", " ".join(people).lower()) if len(w) >= 3}
    return bool(words & set(re.findall(r"\w+", text.lower())))


def attending(meeting: Meeting) -> list[str]:
    """Everyone a meeting names: the people planned, those there, and an older contact line's name (not its role)."""
    present = meeting.debrief.present if meeting.debrief else []
    return [*meeting.people, *present, meeting.contact.split(",")[0]]


def met_unprepared(meetings: Iterable[Meeting]) -> list[MetUnprepared]:
    """Every objection written down as met unprepared in a debriefed meeting (as the coaching report counts them),
    the newest meeting first; each text once a meeting."""
    found = []
    for meeting in meetings:
        if meeting.debrief is None or meeting.state != DEBRIEFED:
            continue
        kept = set(kept_for_trainer(meeting.debrief))
        found += [MetUnprepared(meeting.id, meeting.customer, meeting.when, text, text in kept,
                                names_someone(text, meeting.customer, attending(meeting)))
                  for text in dict.fromkeys(written_unprepared(meeting.debrief))]
    found.sort(key=lambda met: met.when, reverse=True)  # stable: a meeting's objections stay in the order written
    return found
