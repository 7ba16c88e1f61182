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

from prep.dates import written
from prep.language import N_, _, quoted
from prep.model.meeting import Debrief, FollowUp, NeedVerdict, ObjectionOutcome

HOW_IT_WENT = N_("## How it went")
OUTCOME = N_("**Outcome:** {outcome}")
NO_OUTCOME = N_("**Outcome:** _not written down_")
RATING = N_("**Relationship now:** {rating}/5")
CONTACT_WISHES = {
    "more": N_("**Contact:** they want more contact."),
    "same": N_("**Contact:** they want contact as it is."),
    "less": N_("**Contact:** they want less contact."),
}
CONTACT_RHYTHM = N_("**How often:** {rhythm}")
RHYTHMS = {"weekly": N_("weekly"), "every two weeks": N_("every two weeks"), "monthly": N_("monthly"),
           "quarterly": N_("quarterly"), "when needed": N_("when needed")}
NOTES = N_("**Notes:**")

OBJECTION_OUTCOMES = {
    "well": N_("  ⇒ _Came up; the answer landed well._"),
    "partly": N_("  ⇒ _Came up; the answer landed partly._"),
    "badly": N_("  ⇒ _Came up; the answer landed badly._"),
    "": N_("  ⇒ _Came up._"),
}
DID_NOT_COME_UP = N_("  ⇒ _Did not come up._")
UNPREPARED = N_("### Came up unprepared")

NEED_VERDICTS = {
    "confirmed": N_("  ⇒ _Confirmed._"),
    "changed": N_("  ⇒ _Turned out different._"),
    "wrong": N_("  ⇒ _Proved wrong._"),
}
LEARNED = N_("  ⇒ _Learned:_ {note}")
NEED_VERDICTS_WITH_NOTE = {
    "confirmed": N_("  ⇒ _Confirmed:_ {note}"),
    "changed": N_("  ⇒ _Turned out different:_ {note}"),
    "wrong": N_("  ⇒ _Proved wrong:_ {note}"),
}

FOLLOWUPS = N_("## Follow-ups")
NO_FOLLOWUPS = N_("_None promised._")
FOLLOWUP_LINES = {
    # (who promised, done, with a due date)
    ("me", False, True): N_("- ☐ {text} — we promised, due {due}"),
    ("me", False, False): N_("- ☐ {text} — we promised, no date"),
    ("me", True, True): N_("- ✓ {text} — we promised, due {due}, done"),
    ("me", True, False): N_("- ✓ {text} — we promised, done"),
    ("customer", False, True): N_("- ☐ {text} — they promised, due {due}"),
    ("customer", False, False): N_("- ☐ {text} — they promised, no date"),
    ("customer", True, True): N_("- ✓ {text} — they promised, due {due}, done"),
    ("customer", True, False): N_("- ✓ {text} — they promised, done"),
}

# An exit criterion in the debrief, as the brief and the reports name it (the stored values stay English).
MET_SHOWN = {"met": N_("met"), "partly": N_("partly met"), "not met": N_("not met")}


def how_it_went(debrief: Debrief) -> list[str]:
    """The debrief's own part, under the goal: outcome, relationship, contact wished, notes."""
    lines = [_(HOW_IT_WENT), ""]
    outcome = debrief.outcome.strip()
    facts = [_(OUTCOME).format(outcome=outcome) if outcome else _(NO_OUTCOME)]
    if debrief.rating:
        facts.append(_(RATING).format(rating=debrief.rating))
    if debrief.contact_wish:
        facts.append(_(CONTACT_WISHES[debrief.contact_wish]))
    if debrief.contact_rhythm:
        facts.append(_(CONTACT_RHYTHM).format(rhythm=_(RHYTHMS.get(debrief.contact_rhythm, debrief.contact_rhythm))))
    lines.append("  \n".join(facts))  # one fact a line, without a list's indent
    notes = debrief.notes.strip()
    if notes:
        lines += ["", _(NOTES) + "  ", _kept_lines(notes)]
    lines.append("")
    return lines


def objection_outcome(outcome: ObjectionOutcome | None) -> list[str]:
    """How a prepared objection went, the line under its prepared response (none if not recorded)."""
    if outcome is None or outcome.came_up is None:
        return []
    if not outcome.came_up:
        return [_(DID_NOT_COME_UP)]
    return [_(OBJECTION_OUTCOMES[outcome.landed])]


def unprepared(debrief: Debrief) -> list[str]:
    """The objections that came up without a prepared answer, after the prepared ones."""
    met = [text.strip() for text in debrief.unprepared if text.strip()]
    if not met:
        return []
    return ["", _(UNPREPARED), "", *(f"- **{quoted(text)}**" for text in met)]


def need_verdict(verdict: NeedVerdict | None) -> list[str]:
    """Was the need hypothesis right, and what was learned: the line under the rep's answer."""
    if verdict is None:
        return []
    note = " ".join(verdict.note.split())
    if verdict.verdict:
        if note:
            return [_(NEED_VERDICTS_WITH_NOTE[verdict.verdict]).format(note=note)]
        return [_(NEED_VERDICTS[verdict.verdict])]
    return [_(LEARNED).format(note=note)] if note else []


def followups(debrief: Debrief) -> list[str]:
    """Every follow-up, open ones first, each by due date: what, who promised it, by when, done or not."""
    shown = [f for f in debrief.followups if f.text.strip()]
    lines = [_(FOLLOWUPS), ""]
    if not shown:
        return [*lines, _(NO_FOLLOWUPS)]
    return lines + [followup_line(f) for f in sorted(shown, key=lambda f: (f.done, f.due or date.max))]


def followup_line(followup: FollowUp) -> str:
    """One follow-up as a line of the brief."""
    template = _(FOLLOWUP_LINES[(followup.owner, followup.done, followup.due is not None)])
    due = written(followup.due, "day in year") if followup.due else ""
    return template.format(text=" ".join(followup.text.split()), due=due)


def _kept_lines(text: str) -> str:
    """A text of several lines kept as lines in Markdown (a hard break at each)."""
    return "  \n".join(line.rstrip() for line in text.splitlines())
