"""What a sales trainer gets from a rep, and from a team: the coaching figures, anonymised and mergeable.

A rep's file carries the report's counts and the checklists' own words under a random pseudonym, in all
and month by month; the objections the rep met unprepared only as far as the rep reviewed and kept them
(in the app's list "For your trainer", or asked by `--review`). No customer, contact, day or note is in
it. A trainer merges many reps' files into one team report, over every month or from a month on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from pathlib import Path

import msgspec

from prep.errors import PrepError
from prep.insights.coaching import coaching, kept_for_trainer, written_unprepared
from prep.language import _, ngettext
from prep.model.coaching import (
    TRAINER_FORMAT,
    ChecklistFigures,
    Coaching,
    CriterionFigures,
    MonthCoaching,
    MonthFigures,
    TrainerFigures,
    TypeFigures,
)
from prep.model.meeting import Debrief
from prep.paths import name_part
from prep.reports.coaching import coaching_json
from prep.reports.inert import inert
from prep.storage import Store

TRAINER_VERSION = 3  # 3: the figures month by month too; a file of version 2 is still read
MONTHS_SINCE = 3  # the first version whose figures `--since` can choose months of
MAX_FILE_BYTES = 16 * 2**20


def export_trainer(store: Store, *, pseudonym: str = "", since: date | None = None,
                   keep: Callable[[str], bool] | None = None) -> str:
    """The rep's coaching figures for a trainer, in all and month by month: counts and checklist words, under `pseudonym`.

    An objection written down as met unprepared goes in, as its text alone, if the rep kept it in the app's
    list; one not kept there only if `keep` says so (`--review` asks), and `keep` is asked once a text.
    """
    answers: dict[str, bool] = {}

    def asked(text: str) -> bool:
        if text not in answers:
            answers[text] = keep is not None and keep(text)
        return answers[text]

    chosen = partial(_chosen, asked)
    by_month: dict[str, list[str]] = {}
    for summary in store.summaries():
        if not summary.is_draft and not summary.is_cancelled and (since is None or summary.when.date() >= since):
            by_month.setdefault(f"{summary.when:%Y-%m}", []).append(summary.id)
    # Each month is read and counted on its own, and the whole once more: never all the meetings in memory at once.
    in_order = sorted(by_month.items())  # oldest month first, the whole's objections too
    months = [MonthCoaching(**{**msgspec.structs.asdict(coaching(store.meetings(ids), since, unprepared=chosen)), "since": ""},
                            month=month) for month, ids in in_order]
    report = TrainerFigures(**msgspec.structs.asdict(
        coaching(store.meetings(i for _month, ids in in_order for i in ids), since, unprepared=chosen)), by_month=months)
    report.format, report.version = TRAINER_FORMAT, TRAINER_VERSION
    report.reps = [pseudonym] if pseudonym else []
    return coaching_json(report)


def _chosen(asked: Callable[[str], bool], debrief: Debrief) -> list[str]:
    """The objections of a debrief met unprepared that go to the trainer: kept in the app, or kept when asked."""
    kept = kept_for_trainer(debrief)
    return [text for text in written_unprepared(debrief) if text in kept or asked(text)]


def read_trainer_file(path: Path, since: date | None = None) -> Coaching:
    """A rep's trainer file, checked whole; with `since`, its figures from the month of `since` on (whole months).

    PrepError names the file and what is wrong: a file of version 2 has no months to choose from.
    """
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise PrepError(_("{path}: far larger than a trainer file; check that it is one").format(path=path))
        report = msgspec.json.decode(path.read_bytes(), type=TrainerFigures)
    except OSError as error:
        raise PrepError(_("{path}: cannot read it ({reason})").format(path=path, reason=error.strerror)) from None
    except msgspec.ValidationError as error:
        raise PrepError(_("{path}: not a trainer file ({problem}); read files written by `prep export --format trainer`")
                        .format(path=path, problem=error)) from None
    except msgspec.DecodeError:
        raise PrepError(_("{path}: not JSON; read files written by `prep export --format trainer`").format(path=path)) from None
    if report.format != TRAINER_FORMAT:
        raise PrepError(_("{path}: not a trainer file; read files written by `prep export --format trainer`").format(path=path))
    if report.version > TRAINER_VERSION:
        raise PrepError(_("{path}: written by a newer prep (trainer file version {version}); update prep to read it")
                        .format(path=path, version=report.version))
    if since is None:
        return report
    if report.version < MONTHS_SINCE:
        raise PrepError(_("{path}: written by an older prep, without months, so --since cannot count it; "
                          "ask the rep for a new one, or leave out --since").format(path=path))
    month = f"{since:%Y-%m}"
    figures = merged(block for block in report.by_month if block.month >= month)
    figures.reps, figures.since = report.reps, since.replace(day=1).isoformat()
    return figures


def merged(reports: Iterable[Coaching]) -> Coaching:
    """Many reps' figures as one: counts added per checklist version, objection, need, month and meeting type."""
    team = Coaching(format=TRAINER_FORMAT, version=TRAINER_VERSION)
    checklists: dict[tuple[str, int], ChecklistFigures] = {}
    months: dict[str, MonthFigures] = {}
    types: dict[str, TypeFigures] = {}
    for report in reports:
        team.reps += [rep for rep in report.reps if rep not in team.reps]
        team.meetings += report.meetings
        team.debriefed += report.debriefed
        team.unprepared += report.unprepared
        for wish, count in report.contact_wishes.items():
            team.contact_wishes[wish] = team.contact_wishes.get(wish, 0) + count
        for figures in report.checklists:
            key = (figures.id, figures.version)
            into = checklists.setdefault(key, ChecklistFigures(figures.id, figures.version, figures.title, figures.language))
            into.meetings += figures.meetings
            into.debriefed += figures.debriefed
            _add_items(into.objections, figures.objections, ("prepared", "came_up", "came_up_unprepared"), ("landed", "rehearsed"))
            _add_items(into.needs, figures.needs, ("answered",), ("verdicts",))
            for counted in figures.criteria:
                target = next((c for c in into.criteria if c.criterion == counted.criterion), None)
                if target is None:
                    into.criteria.append(CriterionFigures(counted.criterion, dict(counted.met)))
                    continue
                for met, count in counted.met.items():
                    target.met[met] = target.met.get(met, 0) + count
        for month in report.months:
            into_month = months.setdefault(month.month, MonthFigures(month.month))
            into_month.rated += month.rated
            into_month.rating_sum += month.rating_sum
        for kind in report.meeting_types:
            into_type = types.setdefault(kind.meeting_type, TypeFigures(kind.meeting_type))
            for name in ("meetings", "debriefed", "rated", "rating_sum", "with_followups"):
                setattr(into_type, name, getattr(into_type, name) + getattr(kind, name))
    team.checklists = [checklists[key] for key in sorted(checklists)]
    team.months = [months[month] for month in sorted(months)]
    team.meeting_types = [types[kind] for kind in sorted(types)]
    return team


def _add_items(into: list, items: list, counts: tuple[str, ...], tallies: tuple[str, ...]) -> None:  # type: ignore[type-arg]
    """Add each item's counts and tallies to the item of the same id in `into` (a copy of it when new)."""
    by_id = {item.id: item for item in into}
    for item in items:
        target = by_id.get(item.id)
        if target is None:
            target = by_id[item.id] = msgspec.structs.replace(item, **{name: dict(getattr(item, name)) for name in tallies})
            into.append(target)
            continue
        for name in counts:
            setattr(target, name, getattr(target, name) + getattr(item, name))
        for name in tallies:
            tally = getattr(target, name)
            for key, count in getattr(item, name).items():
                tally[key] = tally.get(key, 0) + count


def met_most(report: Coaching, at_most: int = 10) -> list[tuple[str, int]]:
    """The objections reps met unprepared most often, as first written, with how often (case and spaces aside)."""
    counted = Counter(" ".join(text.lower().split()) for text in report.unprepared)
    first: dict[str, str] = {}
    for text in report.unprepared:
        first.setdefault(" ".join(text.lower().split()), text.strip())
    return [(first[key], count) for key, count in counted.most_common(at_most)]


def yaml_snippet(objection: str) -> str:
    """An objections item to paste into a checklist's objections section, its responses left to the trainer."""
    slug = name_part(objection, "objection")[:40].strip("-")
    quoted = objection.replace("\\", "\\\\").replace('"', '\\"')
    response = _("How you answer it, in a sentence the rep can say").replace('"', "'")
    return "\n".join([f"      - id: {slug}", f'        objection: "{quoted}"', "        responses:", f'          - "{response}"'])


def team_markdown(team: Coaching) -> str:
    """The team's report: the coaching report over every rep, the objections met unprepared most, each with
    a YAML item to paste, and each checklist's versions side by side."""
    from prep.reports.coaching import coaching_markdown

    body = coaching_markdown(msgspec.structs.replace(team, unprepared=[])).split("\n", 1)[1]
    reps = ngettext("{count} rep", "{count} reps", len(team.reps)).format(count=len(team.reps))
    lines = ["# " + _("Team coaching report · {reps}").format(reps=reps), body.rstrip(), ""]
    most = met_most(team)
    if most:
        lines += ["## " + _("Objections met unprepared most"), ""]
        for text, count in most:
            lines += [f"- {inert(text, one_line=True)} ({count}×)", "", "```yaml", inert(yaml_snippet(text)), "```", ""]
    versions: dict[str, list[ChecklistFigures]] = {}
    for figures in team.checklists:
        versions.setdefault(figures.id, []).append(figures)
    compared = {checklist_id: found for checklist_id, found in versions.items() if len(found) > 1}
    if compared:
        lines += ["## " + _("Checklist versions compared"), ""]
        for found in compared.values():
            lines.append(f"**{inert(found[-1].title, one_line=True)}**")
            for figures in found:
                came_up = sum(o.came_up for o in figures.objections)
                unprepared = sum(o.came_up_unprepared for o in figures.objections)
                badly = sum(o.landed.get("badly", 0) for o in figures.objections)
                lines.append("- " + _("version {version}: {meetings} meetings; of {came_up} objections that came up, "
                                      "{unprepared} unprepared, {badly} landed badly").format(
                    version=figures.version, meetings=figures.meetings, came_up=came_up, unprepared=unprepared, badly=badly))
            lines.append("")
    return inert("\n".join(lines).rstrip() + "\n")
