"""The coaching report as a rep or a trainer reads it: Markdown with bars, a CSV a line per item, or JSON.

Words in the rep's language; the checklists' own words (objections, prompts) as the trainer wrote them.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import msgspec

from prep.dates import shown_date
from prep.insights.coaching import badly_handled, by_category
from prep.language import N_, _, ngettext, number, quoted, sentence
from prep.library.meeting_types import category_label, type_label
from prep.model.coaching import Coaching, ObjectionFigures
from prep.reports.debriefed import MET_SHOWN
from prep.reports.export import spreadsheet_cell
from prep.reports.inert import inert, inert_json

BAR = 20  # cells of the longest bar
LANDED_SHOWN = {"well": N_("well"), "partly": N_("partly"), "badly": N_("badly")}
VERDICTS_SHOWN = {"confirmed": N_("confirmed"), "changed": N_("changed"), "wrong": N_("wrong")}
REHEARSED_SHOWN = {"went well": N_("went well"), "so-so": N_("so-so"), "needs work": N_("needs work")}
WISHES_SHOWN = {"more": N_("more contact"), "same": N_("contact as it is"), "less": N_("less contact")}
# Translators: the coaching report's CSV columns.
CSV_COLUMNS = (N_("kind"), N_("checklist"), N_("version"), N_("item"), N_("text"), N_("prepared"), N_("came up"),
               N_("came up unprepared"), N_("landed well"), N_("landed partly"), N_("landed badly"),
               N_("rehearsed: went well"), N_("rehearsed: so-so"), N_("rehearsed: needs work"), N_("answered"),
               N_("confirmed"), N_("changed"), N_("wrong"), N_("category"))


def bar(count: int, most: int, width: int = BAR) -> str:
    """`count` as a bar of full blocks, `most` filling `width`; a count above none shows at least one block."""
    if count <= 0 or most <= 0:
        return ""
    return "█" * max(1, round(width * count / most))


def coaching_markdown(report: Coaching) -> str:
    """The report a rep reads: what lands badly first, then each checklist, the relationship and the meeting types."""
    lines = ["# " + _("Coaching report"), ""]
    scope = _("since {day}").format(day=shown_date(date.fromisoformat(report.since))) if report.since else _("every meeting")
    lines += [sentence(_("{scope}: {meetings} prepared, {debriefed} debriefed.").format(
        scope=scope, meetings=number(report.meetings), debriefed=number(report.debriefed))), ""]
    if not report.meetings:
        lines += [_("No prepared meeting yet: the report fills as you prepare and debrief."), ""]
        return inert("\n".join(lines).rstrip() + "\n")
    worst = badly_handled(report)
    if worst:
        lines += ["## " + _("Objections whose answer did not land"), ""]
        lines += [f"- {quoted(o.objection, c.language)} — {_landed(o)} ({c.title})" for c, o in worst] + [""]
    categories = by_category(report)
    if categories:
        lines += ["## " + _("Which kinds of objection land badly"), "", "```"]
        width = max(len(category_label(category)) for category, _count, _landed_ in categories)
        for category, came_up, landed in categories:
            badly = landed.get("badly", 0)
            lines.append(f"{category_label(category):<{width}} {bar(badly, came_up):<20} " + _(
                "{badly} of {count} badly").format(badly=badly, count=came_up))
        lines += ["```", ""]
    for checklist in report.checklists:
        version = _("version {version}").format(version=checklist.version)
        lines += [f"## {checklist.title} · {version}", "",
                  ngettext("{count} meeting, {debriefed} debriefed.", "{count} meetings, {debriefed} debriefed.",
                           checklist.meetings).format(count=number(checklist.meetings), debriefed=number(checklist.debriefed)), ""]
        most = max((o.prepared for o in checklist.objections), default=0) or 1
        shown = [o for o in checklist.objections if o.prepared or o.came_up or o.rehearsed]
        if shown:
            lines += ["### " + _("Objections"), "", "```"]
            prepared, came_up = _("prepared"), _("came up")
            width = max(len(prepared), len(came_up))
            for objection in shown:
                lines.append(inert(quoted(objection.objection, checklist.language), one_line=True))
                lines.append(f"  {prepared:<{width}} {objection.prepared:>4} {bar(objection.prepared, most)}".rstrip())
                lines.append(f"  {came_up:<{width}} {objection.came_up:>4} {bar(objection.came_up, most)}".rstrip())
                if objection.came_up_unprepared:
                    lines.append("  " + _("of them unprepared: {count}").format(count=objection.came_up_unprepared))
                if objection.landed:
                    lines.append("  " + _("landed: {how}").format(how=_landed(objection)))
                if objection.rehearsed:
                    rehearsed = " · ".join(f"{objection.rehearsed[v]}× {_(REHEARSED_SHOWN[v])}" for v in REHEARSED_SHOWN
                                           if objection.rehearsed.get(v))
                    lines.append("  " + _("rehearsed: {how}").format(how=rehearsed))
            lines += ["```", ""]
        if checklist.criteria:
            lines += ["### " + _("Did the meetings succeed?"), ""]
            for counted in checklist.criteria:
                met = " · ".join(f"{counted.met[v]}× {_(MET_SHOWN[v])}" for v in MET_SHOWN if counted.met.get(v))
                lines.append(f"- {inert(counted.criterion, one_line=True)} — {met}")
            lines.append("")
        judged = [n for n in checklist.needs if n.verdicts]
        if judged:
            lines += ["### " + _("Needs: was the hypothesis right?"), ""]
            for need in judged:
                verdicts = " · ".join(f"{need.verdicts[v]}× {_(VERDICTS_SHOWN[v])}" for v in VERDICTS_SHOWN if need.verdicts.get(v))
                lines.append(f"- {inert(need.prompt, one_line=True)} — {verdicts}")
            lines.append("")
    if report.months:
        lines += ["## " + _("The relationship after each meeting (1–5, average a month)"), "", "```"]
        for month in report.months:
            average = month.rating_sum / month.rated
            lines.append(f"{month.month}  {'█' * round(average * 4):<20} {average:.1f}  ({month.rated})")
        lines += ["```", ""]
    if report.contact_wishes:
        wishes = " · ".join(f"{_(WISHES_SHOWN[w])}: {report.contact_wishes[w]}" for w in WISHES_SHOWN if report.contact_wishes.get(w))
        lines += [_("**What customers wished:** {wishes}").format(wishes=wishes), ""]
    if report.meeting_types:
        lines += ["## " + _("By meeting type"), ""]
        for kind in report.meeting_types:
            rating = f"{kind.rating_sum / kind.rated:.1f}" if kind.rated else "–"
            lines.append("- " + _("{type}: {meetings} meetings, {debriefed} debriefed, relationship {rating}, "
                                  "follow-ups agreed in {followups}").format(
                type=type_label(kind.meeting_type) if kind.meeting_type else _("no meeting type"), meetings=kind.meetings,
                debriefed=kind.debriefed, rating=rating, followups=kind.with_followups))
        lines.append("")
    if report.unprepared:
        lines += ["## " + _("Objections you met unprepared"), ""]
        lines += [f"- {inert(text, one_line=True)}" for text in report.unprepared] + [""]
    return inert("\n".join(lines).rstrip() + "\n")


def _landed(objection: ObjectionFigures) -> str:
    return " · ".join(f"{objection.landed[how]}× {_(LANDED_SHOWN[how])}" for how in LANDED_SHOWN if objection.landed.get(how))


def coaching_csv(report: Coaching) -> str:
    """A line per objection and per needs prompt of each checklist, with every count; safe to open in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([_(column) for column in CSV_COLUMNS])
    for checklist in report.checklists:
        for o in checklist.objections:
            writer.writerow([spreadsheet_cell(v) for v in (
                "objection", checklist.id, checklist.version, o.id, o.objection, o.prepared, o.came_up, o.came_up_unprepared,
                o.landed.get("well", 0), o.landed.get("partly", 0), o.landed.get("badly", 0), o.rehearsed.get("went well", 0),
                o.rehearsed.get("so-so", 0), o.rehearsed.get("needs work", 0), "", "", "", "", o.category)])
        for n in checklist.needs:
            writer.writerow([spreadsheet_cell(v) for v in (
                "need", checklist.id, checklist.version, n.id, n.prompt, "", "", "", "", "", "", "", "", "", n.answered,
                n.verdicts.get("confirmed", 0), n.verdicts.get("changed", 0), n.verdicts.get("wrong", 0), "")])
    return out.getvalue()


def coaching_json(report: Coaching) -> str:
    """Every figure, as the shape in prep/model/coaching.py."""
    return inert_json(msgspec.json.format(msgspec.json.encode(report), indent=1).decode()) + "\n"
