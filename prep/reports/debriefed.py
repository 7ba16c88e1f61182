"""What happened, written next to what was planned: the debriefed meeting's part of the brief.

The brief of a debriefed meeting is read afterwards — before the next meeting, by a
colleague taking over, in a CRM — so each prepared objection carries how it landed and
each need hypothesis its verdict and what was learned, right under the plan. Lines stay
short, one fact a line, so that they read at 80 columns as well as in an editor.

Every sentence a rep reads is here, whole, with named places for the values: the
German catalog translates each as one.
"""

from __future__ import annotations

from datetime import date

from prep.model.meeting import Debrief, FollowUp, NeedVerdict, ObjectionOutcome

HOW_IT_WENT = "## How it went"
OUTCOME = "**Outcome:** {outcome}"
NO_OUTCOME = "**Outcome:** _not written down_"
RATING = "**Relationship now:** {rating}/5"
CONTACT_WISHES = {
    "more": "**Contact:** they want more contact.",
    "same": "**Contact:** they want contact as it is.",
    "less": "**Contact:** they want less contact.",
}
CONTACT_RHYTHM = "**How often:** {rhythm}"
NOTES = "**Notes:**"

OBJECTION_OUTCOMES = {
    "well": "  ⇒ _Came up; the answer landed well._",
    "partly": "  ⇒ _Came up; the answer landed partly._",
    "badly": "  ⇒ _Came up; the answer landed badly._",
    "": "  ⇒ _Came up._",
}
DID_NOT_COME_UP = "  ⇒ _Did not come up._"
UNPREPARED = "### Came up unprepared"

NEED_VERDICTS = {
    "confirmed": "  ⇒ _Confirmed._",
    "changed": "  ⇒ _Turned out different._",
    "wrong": "  ⇒ _Proved wrong._",
}
LEARNED = "  ⇒ _Learned:_ {note}"
NEED_VERDICTS_WITH_NOTE = {
    "confirmed": "  ⇒ _Confirmed:_ {note}",
    "changed": "  ⇒ _Turned out different:_ {note}",
    "wrong": "  ⇒ _Proved wrong:_ {note}",
}

FOLLOWUPS = "## Follow-ups"
NO_FOLLOWUPS = "_None promised._"
FOLLOWUP_LINES = {
    # (who promised, done, with a due date)
    ("me", False, True): "- ☐ {text} — we promised, due {due}",
    ("me", False, False): "- ☐ {text} — we promised, no date",
    ("me", True, True): "- ✓ {text} — we promised, due {due}, done",
    ("me", True, False): "- ✓ {text} — we promised, done",
    ("customer", False, True): "- ☐ {text} — they promised, due {due}",
    ("customer", False, False): "- ☐ {text} — they promised, no date",
    ("customer", True, True): "- ✓ {text} — they promised, due {due}, done",
    ("customer", True, False): "- ✓ {text} — they promised, done",
}
DUE = "{due:%a %d %b %Y}"


def how_it_went(debrief: Debrief) -> list[str]:
    """The debrief's own part, under the goal: outcome, relationship, contact wished, notes."""
    lines = [HOW_IT_WENT, ""]
    outcome = debrief.outcome.strip()
    facts = [OUTCOME.format(outcome=outcome) if outcome else NO_OUTCOME]
    if debrief.rating:
        facts.append(RATING.format(rating=debrief.rating))
    if debrief.contact_wish:
        facts.append(CONTACT_WISHES[debrief.contact_wish])
    if debrief.contact_rhythm:
        facts.append(CONTACT_RHYTHM.format(rhythm=debrief.contact_rhythm))
    lines.append("  \n".join(facts))  # one fact a line, without a list's indent
    notes = debrief.notes.strip()
    if notes:
        lines += ["", NOTES + "  ", _kept_lines(notes)]
    lines.append("")
    return lines


def objection_outcome(outcome: ObjectionOutcome | None) -> list[str]:
    """How a prepared objection went, the line under its prepared response (none if not recorded)."""
    if outcome is None or outcome.came_up is None:
        return []
    if not outcome.came_up:
        return [DID_NOT_COME_UP]
    return [OBJECTION_OUTCOMES[outcome.landed]]


def unprepared(debrief: Debrief) -> list[str]:
    """The objections that came up without a prepared answer, after the prepared ones."""
    met = [text.strip() for text in debrief.unprepared if text.strip()]
    if not met:
        return []
    return ["", UNPREPARED, "", *(f"- **“{text}”**" for text in met)]


def need_verdict(verdict: NeedVerdict | None) -> list[str]:
    """Was the need hypothesis right, and what was learned: the line under the rep's answer."""
    if verdict is None:
        return []
    note = " ".join(verdict.note.split())
    if verdict.verdict:
        if note:
            return [NEED_VERDICTS_WITH_NOTE[verdict.verdict].format(note=note)]
        return [NEED_VERDICTS[verdict.verdict]]
    return [LEARNED.format(note=note)] if note else []


def followups(debrief: Debrief) -> list[str]:
    """Every follow-up, open ones first, each by due date: what, who promised it, by when, done or not."""
    shown = [f for f in debrief.followups if f.text.strip()]
    lines = [FOLLOWUPS, ""]
    if not shown:
        return [*lines, NO_FOLLOWUPS]
    return lines + [followup_line(f) for f in sorted(shown, key=lambda f: (f.done, f.due or date.max))]


def followup_line(followup: FollowUp) -> str:
    """One follow-up as a line of the brief."""
    template = FOLLOWUP_LINES[(followup.owner, followup.done, followup.due is not None)]
    due = DUE.format(due=followup.due) if followup.due else ""
    return template.format(text=" ".join(followup.text.split()), due=due)


def _kept_lines(text: str) -> str:
    """A text of several lines kept as lines in Markdown (a hard break at each)."""
    return "  \n".join(line.rstrip() for line in text.splitlines())
