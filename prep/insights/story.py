"""A customer's story, told back to the rep: meetings, promises, objections met, the relationship.

How a relationship develops predicts future sales, and contact the customer did not
ask for harms it. So before preparing again, the rep sees what was promised, what
came up, how the customer rated the relationship, and how often they want contact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from prep.dates import shown_date, shown_due
from prep.language import N_, _, ngettext, quoted
from prep.model.customer import Customer
from prep.model.meeting import CONTACT_RHYTHMS, Debrief, FollowUp, Meeting
from prep.storage import Store

# "What we know", one sentence each, with named places for the values (translated whole).
PAST_MEETING = "{when} · {checklist} · {outcome}"
PAST_MEETING_RATED = "{when} · {checklist} · {rating}/5 · {outcome}"
NO_OUTCOME = N_("{when} · {checklist} · no outcome written down")
NO_OUTCOME_RATED = N_("{when} · {checklist} · {rating}/5 · no outcome written down")
NOT_DEBRIEFED = N_("{when} · {checklist} · not debriefed · goal: {goal}")
NOT_DEBRIEFED_NO_GOAL = N_("{when} · {checklist} · not debriefed")
LAST_OUTCOME = N_("Last outcome ({when}): {outcome}")
# What was learned says what it is about; the checklist's long prompt would push the form off
# an 80×24 screen (the walkthrough shows it beside the note under "From last time").
LEARNED = {
    "changed": N_("Turned out different: {note}"),
    "wrong": N_("Proved wrong: {note}"),
    "confirmed": N_("Confirmed: {note}"),
}
LEARNED_WITHOUT_NOTE = {
    "changed": N_("Turned out different: {prompt}"),
    "wrong": N_("Proved wrong: {prompt}"),
}
OPEN_FOLLOWUP = {
    ("me", True): N_("Open (we promised, {due}): {text}"),
    ("me", False): N_("Open (we promised, no date): {text}"),
    ("customer", True): N_("Open (they promised, {due}): {text}"),
    ("customer", False): N_("Open (they promised, no date): {text}"),
}
CAME_UP_BEFORE = N_("Came up before: {objections}")
RELATIONSHIP = N_("Relationship {rating}/5")
RELATIONSHIP_UNRATED = N_("Relationship not rated")
WANTS_CONTACT = {"more": N_("wants more contact"), "same": N_("wants contact as it is"), "less": N_("wants less contact")}
WANTS_CONTACT_RHYTHM = {
    "more": N_("wants more contact, {rhythm}"),
    "same": N_("wants contact as it is, {rhythm}"),
    "less": N_("wants less contact, {rhythm}"),
    "": N_("wants contact {rhythm}"),
}
RHYTHMS = {"weekly": N_("weekly"), "every two weeks": N_("every two weeks"), "monthly": N_("monthly"),
           "quarterly": N_("quarterly"), "when needed": N_("when needed")}
# Before another meeting: how near the nearest one is, and why that is too near.
SAME_DAY = N_("another meeting is on the same day")
LAST_BEFORE = N_("the last meeting was {days} before this one")
PLANNED_AFTER = N_("another meeting is planned {days} after this one")
PLANNED_BEFORE = N_("another meeting is planned {days} before this one")
AHEAD_OF_RHYTHM = N_("Contact is running ahead of what {name} asked for: {apart}, and they want contact {rhythm}.")
ASKED_FOR_LESS = N_("{name} asked for less contact at the last meeting, and {apart}.")
# What the last meeting left open, carried into the next preparation ("From last time").
CARRIED_NEED = {
    ("changed", False): N_("{prompt} (changed)"),
    ("changed", True): N_("{prompt} (changed — {note})"),
    ("wrong", False): N_("{prompt} (wrong)"),
    ("wrong", True): N_("{prompt} (wrong — {note})"),
}
UNANSWERED = N_("{prompt} (unanswered)")
CARRIED_OBJECTION = {"partly": N_("{objection} (answer landed partly)"), "badly": N_("{objection} (answer landed badly)")}
CAME_UP_UNPREPARED = N_("{objection} (came up unprepared)")
# The order a rep should read what was learned: what proved them wrong first.
LEARNED_ORDER = {"wrong": 0, "changed": 1, "confirmed": 2}


@dataclass(frozen=True)
class CarriedForward:
    """What is still open from the last meeting, by walkthrough step kind."""

    needs: list[str]
    objections: list[str]

    def __bool__(self) -> bool:
        return bool(self.needs or self.objections)


@dataclass
class CustomerStory:
    """Everything prep knows about one customer, oldest meeting first."""

    name: str
    meetings: list[Meeting]
    card: Customer | None = None  # the customer card, with the people in their decision

    def past(self, now: datetime) -> list[Meeting]:
        """Meetings that have happened (prepared, dated before now, not cancelled)."""
        return [m for m in self.meetings if not m.is_draft and m.cancelled is None and m.when < now]

    def debriefed(self) -> list[Meeting]:
        """Meetings with a debrief that records something, oldest first."""
        return [m for m in self.meetings if m.debrief is not None and not m.debrief.is_empty]

    def ratings(self) -> list[tuple[date, int]]:
        """How the relationship felt after each meeting (1–5), over time."""
        return [(m.when.date(), m.debrief.rating) for m in self.debriefed() if m.debrief and m.debrief.rating]

    def followups(self, *, done: bool) -> list[tuple[Meeting, FollowUp]]:
        """Follow-ups (ours and theirs), open or done, by due date."""
        found = [(m, f) for m in self.debriefed() for f in m.debrief.followups if f.done == done]  # type: ignore[union-attr]
        return sorted(found, key=lambda pair: pair[1].due or date.max)

    def objections_met(self) -> list[tuple[str, int]]:
        """Objections that came up in meetings so far, most frequent first (prepared or not)."""
        counts: Counter[str] = Counter()
        for meeting in self.debriefed():
            debrief = meeting.debrief
            assert debrief is not None
            for section, item in meeting.checklist.items("objections"):
                outcome = debrief.objection(section, item)
                if outcome and outcome.came_up:
                    counts[item.objection] += 1
            counts.update(debrief.unprepared)
        return counts.most_common()

    def need_verdicts(self) -> list[tuple[str, str, str]]:
        """The latest verdict on each need hypothesis: (prompt, confirmed/changed/wrong, note)."""
        latest: dict[str, tuple[str, str, str]] = {}
        for meeting in self.debriefed():
            assert meeting.debrief is not None
            for section, item in meeting.checklist.items("needs"):
                verdict = meeting.debrief.need(section, item)
                if verdict and verdict.verdict:
                    latest[item.prompt] = (item.prompt, verdict.verdict, verdict.note)
        return list(latest.values())

    def last_debrief(self) -> Meeting | None:
        """The most recent meeting with a debrief."""
        debriefed = self.debriefed()
        return max(debriefed, key=lambda m: m.when) if debriefed else None

    def contacts_per_month(self, now: datetime, months: int = 6) -> list[int]:
        """How many meetings there were in each of the last months, oldest first."""
        counts = [0] * months
        for meeting in self.past(now):
            age = (now.year - meeting.when.year) * 12 + now.month - meeting.when.month
            if 0 <= age < months:
                counts[months - 1 - age] += 1
        return counts

    def contact_warning(self, planned: datetime, now: datetime, *, exclude: str | None = None) -> str | None:
        """A warning when another meeting would run ahead of the contact the customer asked for.

        Every other meeting counts, the ones still coming (prepared or a draft) as much as
        those that happened: two planned meetings a week apart are as much contact as two held.
        `exclude` is the meeting being changed; a cancelled meeting is no contact at all.
        """
        last = self.last_debrief()
        others = [m for m in self.meetings if m.id != exclude and m.cancelled is None]
        if not others or last is None or last.debrief is None:
            return None
        nearest = min(others, key=lambda m: (abs((m.when.date() - planned.date()).days), m.when))
        gap = abs((nearest.when.date() - planned.date()).days)
        rhythm = last.debrief.contact_rhythm
        wanted = CONTACT_RHYTHMS.get(rhythm, 0)
        days = ngettext("{count} day", "{count} days", gap).format(count=gap)
        if gap == 0:
            apart = _(SAME_DAY)
        elif nearest.when < now:
            apart = _(LAST_BEFORE).format(days=days)
        elif nearest.when.date() > planned.date():
            apart = _(PLANNED_AFTER).format(days=days)
        else:
            apart = _(PLANNED_BEFORE).format(days=days)
        if wanted and gap < wanted:
            return _(AHEAD_OF_RHYTHM).format(name=self.name, apart=apart, rhythm=_(RHYTHMS.get(rhythm, rhythm)))
        if last.debrief.contact_wish == "less" and gap < 30:
            return _(ASKED_FOR_LESS).format(name=self.name, apart=apart)
        return None

    def what_we_know(self, now: datetime) -> list[str]:
        """Before preparing again, one line each: the last meetings and how they ended, what was
        learned about their needs, open promises, objections met, the relationship now."""
        lines = []
        recent = sorted(self.past(now), key=lambda m: m.when, reverse=True)[:2]
        for meeting in recent:
            lines.append(_past_line(meeting))
        last = self.last_debrief()
        if last is not None and last.debrief is not None and last not in recent and last.debrief.outcome.strip():
            lines.append(_(LAST_OUTCOME).format(when=shown_date(last.when), outcome=_one_line(last.debrief.outcome)))
        learned = sorted((v for v in self.need_verdicts() if v[2].strip() or v[1] != "confirmed"),
                         key=lambda v: LEARNED_ORDER[v[1]])
        for prompt, verdict, note in learned[:2]:
            if note.strip():
                lines.append(_(LEARNED[verdict]).format(note=_one_line(note)))
            else:
                lines.append(_(LEARNED_WITHOUT_NOTE[verdict]).format(prompt=prompt))
        for _meeting, followup in self.followups(done=False)[:3]:
            lines.append(_(OPEN_FOLLOWUP[(followup.owner, followup.due is not None)]).format(
                due=shown_due(followup.due) if followup.due else "", text=_one_line(followup.text)))
        met = self.objections_met()[:2]
        if met:
            lines.append(_(CAME_UP_BEFORE).format(objections="; ".join(quoted(_one_line(text)) for text, _count in met)))
        if last is not None and last.debrief is not None:
            lines.append(_relationship(last.debrief))
        return lines

    def carried_forward(self, now: datetime) -> CarriedForward:
        """From the last debriefed meeting: needs not confirmed, objections not resolved."""
        last = self.last_debrief()
        if last is None or last.debrief is None:
            return CarriedForward([], [])
        needs, objections = [], []
        for section, item in last.checklist.items():
            if section.kind == "needs":
                verdict = last.debrief.need(section, item)
                answered = not last.peek(section, item).is_empty
                if verdict and verdict.verdict in ("changed", "wrong"):
                    template = _(CARRIED_NEED[(verdict.verdict, bool(verdict.note))])
                    needs.append(template.format(prompt=item.prompt, note=verdict.note))
                elif not answered and item.required:
                    needs.append(_(UNANSWERED).format(prompt=item.prompt))
            elif section.kind == "objections":
                outcome = last.debrief.objection(section, item)
                if outcome and outcome.came_up and outcome.landed in CARRIED_OBJECTION:
                    objection = quoted(item.objection, last.checklist.language)
                    objections.append(_(CARRIED_OBJECTION[outcome.landed]).format(objection=objection))
        # What came up unprepared is in the rep's words, as the brief quotes it.
        objections += [_(CAME_UP_UNPREPARED).format(objection=quoted(text)) for text in last.debrief.unprepared]
        return CarriedForward(needs, objections)


def customer_story(store: Store, name: str) -> CustomerStory:
    """Read every meeting with this customer, and their card."""
    ids = [s.id for s in store.summaries() if s.customer == name]
    meetings = sorted(store.meetings(ids), key=lambda m: m.when)
    return CustomerStory(name, meetings, store.customer(name))


def _past_line(meeting: Meeting) -> str:
    """A past meeting as one line: when, which checklist, the rating and how it ended."""
    debrief = meeting.debrief
    if debrief is None or debrief.is_empty:
        template = _(NOT_DEBRIEFED if meeting.goal.strip() else NOT_DEBRIEFED_NO_GOAL)
        return template.format(when=shown_date(meeting.when), checklist=meeting.checklist.title, goal=_one_line(meeting.goal))
    if debrief.outcome.strip():
        template = PAST_MEETING_RATED if debrief.rating else PAST_MEETING
    else:
        template = _(NO_OUTCOME_RATED if debrief.rating else NO_OUTCOME)
    return template.format(when=shown_date(meeting.when), checklist=meeting.checklist.title, rating=debrief.rating,
                           outcome=_one_line(debrief.outcome))


def _relationship(debrief: Debrief) -> str:
    """How the relationship stood after the last debrief: the rating and the contact wished."""
    facts = [_(RELATIONSHIP).format(rating=debrief.rating) if debrief.rating else _(RELATIONSHIP_UNRATED)]
    if debrief.contact_rhythm:
        rhythm = _(RHYTHMS.get(debrief.contact_rhythm, debrief.contact_rhythm))
        facts.append(_(WANTS_CONTACT_RHYTHM[debrief.contact_wish]).format(rhythm=rhythm))
    elif debrief.contact_wish:
        facts.append(_(WANTS_CONTACT[debrief.contact_wish]))
    return " · ".join(facts)


def _one_line(text: str) -> str:
    """A text the rep wrote over several lines, as one line of a short list."""
    return " ".join(text.split())


def overdue_days(followup: FollowUp, today: date) -> int:
    """Days past due (0 when not overdue)."""
    return max(0, (today - followup.due).days) if followup.due else 0



