"""A customer's story, told back to the rep: meetings, promises, objections met, the relationship.

How a relationship develops predicts future sales, and contact the customer did not
ask for harms it. So before preparing again, the rep sees what was promised, what
came up, how the customer rated the relationship, and how often they want contact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from prep.model.meeting import CONTACT_RHYTHMS, Debrief, FollowUp, Meeting
from prep.storage import Store

# "What we know", one sentence each, with named places for the values (translated whole).
PAST_MEETING = "{when:%d %b %Y} · {checklist} · {outcome}"
PAST_MEETING_RATED = "{when:%d %b %Y} · {checklist} · {rating}/5 · {outcome}"
NO_OUTCOME = "{when:%d %b %Y} · {checklist} · no outcome written down"
NO_OUTCOME_RATED = "{when:%d %b %Y} · {checklist} · {rating}/5 · no outcome written down"
NOT_DEBRIEFED = "{when:%d %b %Y} · {checklist} · not debriefed · goal: {goal}"
NOT_DEBRIEFED_NO_GOAL = "{when:%d %b %Y} · {checklist} · not debriefed"
LAST_OUTCOME = "Last outcome ({when:%d %b %Y}): {outcome}"
# What was learned says what it is about; the checklist's long prompt would push the form off
# an 80×24 screen (the walkthrough shows it beside the note under "From last time").
LEARNED = {
    "changed": "Turned out different: {note}",
    "wrong": "Proved wrong: {note}",
    "confirmed": "Confirmed: {note}",
}
LEARNED_WITHOUT_NOTE = {
    "changed": "Turned out different: {prompt}",
    "wrong": "Proved wrong: {prompt}",
}
OPEN_FOLLOWUP = {
    ("me", True): "Open (we promised, {due:%d %b}): {text}",
    ("me", False): "Open (we promised, no date): {text}",
    ("customer", True): "Open (they promised, {due:%d %b}): {text}",
    ("customer", False): "Open (they promised, no date): {text}",
}
CAME_UP_BEFORE = "Came up before: {objections}"
RELATIONSHIP = "Relationship {rating}/5"
RELATIONSHIP_UNRATED = "Relationship not rated"
WANTS_CONTACT = {"more": "wants more contact", "same": "wants contact as it is", "less": "wants less contact"}
WANTS_CONTACT_RHYTHM = {
    "more": "wants more contact, {rhythm}",
    "same": "wants contact as it is, {rhythm}",
    "less": "wants less contact, {rhythm}",
    "": "wants contact {rhythm}",
}
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
        days = "1 day" if gap == 1 else f"{gap} days"
        if gap == 0:
            apart = "another meeting is on the same day"
        elif nearest.when < now:
            apart = f"the last meeting was {days} before this one"
        elif nearest.when.date() > planned.date():
            apart = f"another meeting is planned {days} after this one"
        else:
            apart = f"another meeting is planned {days} before this one"
        if wanted and gap < wanted:
            return f"Contact is running ahead of what {self.name} asked for: {apart}, and they want contact {rhythm}."
        if last.debrief.contact_wish == "less" and gap < 30:
            return f"{self.name} asked for less contact at the last meeting, and {apart}."
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
            lines.append(LAST_OUTCOME.format(when=last.when, outcome=_one_line(last.debrief.outcome)))
        learned = sorted((v for v in self.need_verdicts() if v[2].strip() or v[1] != "confirmed"),
                         key=lambda v: LEARNED_ORDER[v[1]])
        for prompt, verdict, note in learned[:2]:
            if note.strip():
                lines.append(LEARNED[verdict].format(note=_one_line(note)))
            else:
                lines.append(LEARNED_WITHOUT_NOTE[verdict].format(prompt=prompt))
        for _, followup in self.followups(done=False)[:3]:
            lines.append(OPEN_FOLLOWUP[(followup.owner, followup.due is not None)].format(
                due=followup.due, text=_one_line(followup.text)))
        met = self.objections_met()[:2]
        if met:
            lines.append(CAME_UP_BEFORE.format(objections="; ".join(f"“{_one_line(text)}”" for text, _ in met)))
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
                    note = f" — {verdict.note}" if verdict.note else ""
                    needs.append(f"{item.prompt} ({verdict.verdict}{note})")
                elif not answered and item.required:
                    needs.append(f"{item.prompt} (unanswered)")
            elif section.kind == "objections":
                outcome = last.debrief.objection(section, item)
                if outcome and outcome.came_up and outcome.landed in ("partly", "badly"):
                    objections.append(f"“{item.objection}” (answer landed {outcome.landed})")
        objections += [f"“{text}” (came up unprepared)" for text in last.debrief.unprepared]
        return CarriedForward(needs, objections)


def customer_story(store: Store, name: str) -> CustomerStory:
    """Read every meeting with this customer."""
    ids = [s.id for s in store.summaries() if s.customer == name]
    meetings = sorted(store.meetings(ids), key=lambda m: m.when)
    return CustomerStory(name, meetings)


def _past_line(meeting: Meeting) -> str:
    """A past meeting as one line: when, which checklist, the rating and how it ended."""
    debrief = meeting.debrief
    if debrief is None or debrief.is_empty:
        template = NOT_DEBRIEFED if meeting.goal.strip() else NOT_DEBRIEFED_NO_GOAL
        return template.format(when=meeting.when, checklist=meeting.checklist.title, goal=_one_line(meeting.goal))
    if debrief.outcome.strip():
        template = PAST_MEETING_RATED if debrief.rating else PAST_MEETING
    else:
        template = NO_OUTCOME_RATED if debrief.rating else NO_OUTCOME
    return template.format(when=meeting.when, checklist=meeting.checklist.title, rating=debrief.rating,
                           outcome=_one_line(debrief.outcome))


def _relationship(debrief: Debrief) -> str:
    """How the relationship stood after the last debrief: the rating and the contact wished."""
    facts = [RELATIONSHIP.format(rating=debrief.rating) if debrief.rating else RELATIONSHIP_UNRATED]
    if debrief.contact_rhythm:
        facts.append(WANTS_CONTACT_RHYTHM[debrief.contact_wish].format(rhythm=debrief.contact_rhythm))
    elif debrief.contact_wish:
        facts.append(WANTS_CONTACT[debrief.contact_wish])
    return " · ".join(facts)


def _one_line(text: str) -> str:
    """A text the rep wrote over several lines, as one line of a short list."""
    return " ".join(text.split())


def overdue_days(followup: FollowUp, today: date) -> int:
    """Days past due (0 when not overdue)."""
    return max(0, (today - followup.due).days) if followup.due else 0



