"""A customer's story, told back to the rep: meetings, promises, objections met, the relationship.

How a relationship develops predicts future sales, and contact the customer did not
ask for harms it. So before preparing again, the rep sees what was promised, what
came up, how the customer rated the relationship, and how often they want contact.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from prep.model.meeting import CONTACT_RHYTHMS, FollowUp, Meeting
from prep.storage import Store


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
        """Meetings that have happened (prepared, dated before now)."""
        return [m for m in self.meetings if not m.is_draft and m.when < now]

    def debriefed(self) -> list[Meeting]:
        """Meetings with a debrief, oldest first."""
        return [m for m in self.meetings if m.debrief is not None]

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
        `exclude` is the meeting being changed.
        """
        last = self.last_debrief()
        others = [m for m in self.meetings if m.id != exclude]
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


def overdue_days(followup: FollowUp, today: date) -> int:
    """Days past due (0 when not overdue)."""
    return max(0, (today - followup.due).days) if followup.due else 0



