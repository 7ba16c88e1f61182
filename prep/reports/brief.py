"""The one-page brief a rep reads just before walking in, as Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from prep.dates import shown_in_full
from prep.errors import PrepError
from prep.insights.people import Room
from prep.language import N_, _, quoted
from prep.library.meeting_types import category_label, language_label, type_label
from prep.model.checklist import Checklist, Section
from prep.model.meeting import Debrief, Meeting
from prep.paths import name_part
from prep.reports import debriefed
from prep.reports.debriefed import MET_SHOWN
from prep.reports.inert import inert
from prep.storage import private_folder, write_file

LIKELIHOOD_ORDER = {"likely": 0, "possible": 1, "": 2, "unlikely": 3}
LIKELIHOODS_SHOWN = {"likely": N_("likely"), "possible": N_("possible"), "unlikely": N_("unlikely")}
BRIEF_NAME = re.compile(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md")  # as `write_brief` and `write_recap` name them


def brief_markdown(meeting: Meeting, room: Room | None = None) -> str:
    """The brief: customer, goal, needs, likely objections with the rep's answers, trust points.

    Once debriefed, what happened stands next to the plan: how it went under the goal, each
    objection's and need's outcome under the rep's answer, and the follow-ups at the end.

    With `room` (`prep.insights.people.room`) it says who is in the room — each person's role,
    part in the decision, stance and when the rep last met them — and how much of the decision
    the rep has met.

    Control characters are written as visible escapes: a brief is read in terminals
    (`prep export --format md`, `cat`) as much as in editors and on the brief screen.
    """
    debrief = None if meeting.debrief is None or meeting.debrief.is_empty else meeting.debrief
    facts = [f"**{shown_in_full(meeting.when)}**"]
    if meeting.with_whom and (room is None or not room.telling):
        facts.append(_("with {contact}").format(contact=room.names() if room else meeting.with_whom))
    facts.append(meeting.checklist.title)
    lines = [f"# {meeting.customer}", "", " · ".join(facts), ""]
    if meeting.is_draft:
        lines += [_("> Draft — the preparation is not finished yet."), ""]
    lines += [_("**Goal:** {goal}").format(goal=meeting.goal) if meeting.goal
              else _("**Goal:** _not set — what should be true when you leave?_"), ""]
    if meeting.checklist.exit_criteria:
        lines += _exit_criteria(meeting, debrief)
    if room is not None and room.telling:
        lines += [_("## Who was there") if room.held else _("## Who is in the room"), ""]
        lines += [f"- {attendee.line()}" for attendee in room.attendees] or [_("- _Nobody named yet: who will be there?_")]
        if room.coverage:
            lines += ["", f"⚠ {room.coverage}"]
        lines.append("")
    if debrief is not None:
        lines += debriefed.how_it_went(debrief)
    for section in meeting.checklist.sections:
        lines += [f"## {section.title}", ""]
        if section.kind == "objections":
            lines += _objections(meeting, section, debrief)
        elif section.kind == "trust":
            lines += _trust(meeting, section)
        else:
            lines += _answers(meeting, section, debrief)
        lines.append("")
    if debrief is not None:
        lines += debriefed.followups(debrief)
    return inert("\n".join(lines).rstrip() + "\n")


def _answers(meeting: Meeting, section: Section, debrief: Debrief | None) -> list[str]:
    lines, open_prompts = [], []
    for item in section.items:
        answer = meeting.peek(section, item).text.strip()
        learned = debriefed.need_verdict(debrief.need(section, item)) if debrief else []
        if not answer and not learned:
            open_prompts.append(item.prompt)
            continue
        lines.append(f"- **{item.prompt}**  ")
        if answer:
            lines.append("  " + answer.replace("\n", "  \n  ") + ("  " if learned else ""))
        lines += learned
    if open_prompts:
        lines.append(_("- _Still open: {prompts}_").format(prompts=" · ".join(open_prompts)))
    return lines


def _exit_criteria(meeting: Meeting, debrief: Debrief | None) -> list[str]:
    """What makes the meeting a success; once debriefed, whether each was met."""
    lines = [_("**The meeting succeeded if:**")]
    for criterion in meeting.checklist.exit_criteria:
        met = debrief.criteria.get(criterion, "") if debrief else ""
        lines.append(f"- {criterion}" + (f" — _{_(MET_SHOWN[met])}_" if met in MET_SHOWN else ""))
    return lines + [""]


def _objections(meeting: Meeting, section: Section, debrief: Debrief | None) -> list[str]:
    lines = []
    language = meeting.checklist.language
    items = sorted(section.items, key=lambda i: LIKELIHOOD_ORDER.get(meeting.likelihood(section, i), 2))
    for item in items:
        answer, likelihood = meeting.peek(section, item), meeting.likelihood(section, item)
        mark = f" — _{_(LIKELIHOODS_SHOWN.get(likelihood, likelihood))}_" if likelihood else ""
        lines.append(f"- **{quoted(item.objection, language)}**{mark}  ")
        response = answer.text.strip()
        lines.append("  → " + response.replace("\n", "  \n  ") if response
                     else _("  → _suggested:_ {response}").format(response=item.responses[0]))
        if not response and item.say:
            lines[-1] += "  "
            lines.append(_("  _for example:_ {say}").format(say=quoted(item.say, language)))
        landed = debriefed.objection_outcome(debrief.objection(section, item)) if debrief else []
        if landed:
            lines[-1] += "  "
            lines += landed
    if debrief is not None:
        lines += debriefed.unprepared(debrief)
    return lines


def _trust(meeting: Meeting, section: Section) -> list[str]:
    lines = []
    for item in section.items:
        answer = meeting.peek(section, item)
        note = f" — {answer.text.strip()}" if answer.text.strip() else ""
        lines.append(f"- {'✓' if answer.done else '○'} {item.point}{note}")
    return lines


# What each kind of section is for, as the preview names it.
SECTION_KINDS = {"needs": N_("needs"), "objections": N_("objections"), "trust": N_("trust"), "questions": N_("questions")}


def checklist_preview(checklist: Checklist) -> str:
    """A checklist as a rep will walk it, step by step, for trainers and reps to look at (control characters made visible)."""
    facts = [f"`{checklist.id}`", language_label(checklist.language), _("version {version}").format(version=checklist.version)]
    if checklist.meeting_types:
        facts.append(_("for {types}").format(types=", ".join(type_label(t) for t in checklist.meeting_types)))
    if checklist.is_draft:
        facts.append(_("draft: reps see it only with --drafts"))
    lines = [f"# {checklist.title}", "", " · ".join(facts), ""]
    if checklist.description:
        lines += [checklist.description, ""]
    if checklist.changes:
        lines += [_("_Changed in version {version}:_ {changes}").format(version=checklist.version, changes=checklist.changes), ""]
    if checklist.exit_criteria:
        lines += [_("**The meeting succeeded if:**"), *(f"- {criterion}" for criterion in checklist.exit_criteria), ""]
    for number, section in enumerate(checklist.sections, start=1):
        lines += [f"## {number}. {section.title} _({_(SECTION_KINDS[section.kind])})_", ""]
        if section.intro:
            lines += [f"> {section.intro}", ""]
        for item in section.items:
            marker = " **({required})**".format(required=_("required")) if item.required else ""
            about = [category_label(item.category), _(LIKELIHOODS_SHOWN[item.likelihood]) if item.likelihood else ""]
            marker += " _({about})_".format(about=" · ".join(a for a in about if a)) if any(about) else ""
            lines.append(f"- {quoted(item.objection, checklist.language) if item.objection else item.text}{marker}")
            lines += [f"  - {response}" for response in item.responses]
            if item.say:
                lines.append("  - _{say}_".format(say=_("for example: {say}").format(say=quoted(item.say, checklist.language))))
            if item.hint:
                lines.append("  - _{hint}_".format(hint=_("Hint: {hint}").format(hint=item.hint)))
        lines.append("")
    return inert("\n".join(lines).rstrip() + "\n")


def write_brief(meeting: Meeting, folder: Path, room: Room | None = None) -> Path:
    """Save the brief as Markdown in `folder` (created private), named by date and customer."""
    private_folder(folder, fix=N_("check the folder"))
    path = folder / f"{meeting.when:%Y-%m-%d}-{_slug(meeting.customer)}.md"
    write_file(path, brief_markdown(meeting, room), fix=N_("check the folder"))
    return path


def _slug(customer: str) -> str:
    return name_part(customer, "meeting")


def _names(customer: str) -> tuple[str, ...]:
    """What a brief about `customer` is named after: as now, and as before umlauts were spelled out (m-ller)."""
    return _slug(customer), re.sub(r"[^A-Za-z0-9]+", "-", customer).strip("-").lower() or "meeting"


def saved_briefs(folder: Path) -> dict[Path, str]:
    """The briefs `write_brief` saved in `folder`, and the recaps `write_recap` saved, each with the customer it is about.

    A file counts only if its name is one `write_brief` gives and its title line names a
    customer with that name: a note the rep keeps there is never taken for a brief.
    """
    try:
        paths = sorted(folder.iterdir())
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise PrepError(f"{folder}: cannot look for saved briefs ({error.strerror}); check its permissions") from None
    found = {}
    for path in paths:
        if not BRIEF_NAME.fullmatch(path.name) or not path.is_file():
            continue
        try:
            with path.open(encoding="utf-8") as handle:
                title = handle.readline()
        except (OSError, UnicodeDecodeError):
            continue  # not a brief prep wrote
        customer = title.removeprefix("# ").rstrip("\n")
        named = path.name[len("2026-01-01-"):-len(".md")]
        if title.startswith("# ") and not {named, named.removesuffix("-recap")}.isdisjoint(_names(customer)):
            found[path] = customer
    return found


def delete_briefs(paths: list[Path]) -> None:
    """Delete these brief files (a customer is being forgotten); PrepError names one that cannot be."""
    for path in paths:
        try:
            path.unlink(missing_ok=True)
        except OSError as error:
            raise PrepError(f"{path}: cannot delete this brief ({error.strerror}); delete it by hand") from None
