"""The coaching question — which objections do I handle badly, which needs do I guess wrong? — answered
from the meetings themselves: every prepared meeting's answers against its debrief."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from prep.model.coaching import (
    ChecklistFigures,
    Coaching,
    MonthFigures,
    NeedFigures,
    ObjectionFigures,
    TypeFigures,
)
from prep.model.meeting import Meeting

PREPARED_LIKELIHOODS = ("possible", "likely")


def coaching(meetings: Iterable[Meeting], since: date | None = None) -> Coaching:
    """The figures of `meetings` held on or after `since`: drafts and cancelled meetings are left out."""
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
                counted = objections[(*key, item.id)] = ObjectionFigures(item.id, item.objection)
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
        report.unprepared += [line.strip() for line in debrief.unprepared if line.strip()]
    report.checklists = [checklists[key] for key in sorted(checklists)]
    report.months = [months[month] for month in sorted(months)]
    report.meeting_types = [types[kind] for kind in sorted(types)]
    return report


def badly_handled(report: Coaching, at_most: int = 5) -> list[tuple[ChecklistFigures, ObjectionFigures]]:
    """The objections whose answers landed badly or only partly most often, the worst first."""
    found = [(checklist, objection) for checklist in report.checklists for objection in checklist.objections
             if objection.landed.get("badly", 0) + objection.landed.get("partly", 0)]
    found.sort(key=lambda pair: (-pair[1].landed.get("badly", 0), -pair[1].landed.get("partly", 0)))  # ties: checklist order
    return found[:at_most]
