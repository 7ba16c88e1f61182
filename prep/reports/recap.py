"""The recap for the customer: a short e-mail draft written from the debrief, in the checklist's language.

Thanks, what was agreed, who does what by when (ours, then theirs), the next meeting,
a closing. The rep edits it before it goes anywhere; it says nothing the rep did not
write in the debrief. German is written in Sie-form with German typography: „…“ for
quotes, `25. November`, `10:00 Uhr`, no comma after the closing. Every sentence of both
languages stands whole in `WORDING`, so the rest of the module only fills it in.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from prep.model.meeting import Debrief, FollowUp, Meeting
from prep.model.summary import MeetingSummary
from prep.reports.brief import _slug
from prep.reports.inert import inert
from prep.storage import private_folder, write_file

WORDING: dict[str, dict[str, str]] = {
    "en": {
        "greeting": "Dear {name},",
        "greeting without a name": "Hello,",
        "thanks": "Thank you for the meeting on {day}.",
        "agreed": "What we agreed:",
        "ours": "Our next steps:",
        "theirs": "Your next steps:",
        "step": "- {text}",
        "step with a date": "- {text} (by {day})",
        "next meeting": "Our next meeting is on {day} at {time}.",
        "closing": "Best regards,",
        "day": "{weekday}, {day} {month}",
        "day with the year": "{weekday}, {day} {month} {year}",
        "quotes": "“”",
    },
    "de": {
        "greeting": "Guten Tag, {name},",
        "greeting without a name": "Guten Tag,",
        "thanks": "vielen Dank für das Gespräch am {day}.",
        "agreed": "Vereinbart haben wir:",
        "ours": "Unsere nächsten Schritte:",
        "theirs": "Ihre nächsten Schritte:",
        "step": "- {text}",
        "step with a date": "- {text} (bis {day})",
        "next meeting": "Unser nächstes Gespräch ist am {day}, um {time} Uhr.",
        "closing": "Freundliche Grüße",
        "day": "{weekday}, {day}. {month}",
        "day with the year": "{weekday}, {day}. {month} {year}",
        "quotes": "„“",
    },
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "de": ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
}
MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
           "Oktober", "November", "Dezember"),
}
_STRAIGHT_QUOTES = re.compile(r'"([^"\n]+)"')


def recap_language(meeting: Meeting) -> str:
    """The language the recap is written in: the checklist's (`de`, `de-AT` → German), else English."""
    return "de" if meeting.checklist.language.lower().split("-")[0] == "de" else "en"


def spoken_day(day: date, language: str, *, year: bool = False) -> str:
    """A day as a letter names it: `Wednesday, 25 November`, `Mittwoch, 25. November` (with `year`, the year after it)."""
    words = WORDING[language]
    template = words["day with the year"] if year else words["day"]
    return template.format(weekday=WEEKDAYS[language][day.weekday()], day=day.day,
                           month=MONTHS[language][day.month - 1], year=day.year)


def next_meeting(summaries: Iterable[MeetingSummary], meeting: Meeting) -> MeetingSummary | None:
    """The first meeting with the same customer after `meeting` (a draft counts: it is planned; a cancelled one does not)."""
    later = [s for s in summaries if s.customer == meeting.customer and s.when > meeting.when and s.id != meeting.id
             and not s.is_cancelled]
    return min(later, key=lambda s: (s.when, s.id), default=None)


def recap_text(meeting: Meeting, next_when: datetime | None = None) -> str:
    """The e-mail draft: greeting, thanks, what was agreed, our and their next steps, the next meeting, closing.

    Follow-ups already done and blank ones are left out. Control characters in anything the
    rep wrote are written as visible escapes, as everywhere prep shows or writes text.
    """
    language = recap_language(meeting)
    words = WORDING[language]
    debrief = meeting.debrief or Debrief()
    name = (meeting.people or [meeting.contact.split(",")[0]])[0].strip()

    def day(when: date) -> str:
        return spoken_day(when, language, year=when.year != meeting.when.year)

    def text(written: str) -> str:
        return _typeset(" ".join(written.split()), words["quotes"])

    paragraphs = [words["greeting"].format(name=name) if name else words["greeting without a name"],
                  words["thanks"].format(day=day(meeting.when.date()))]
    if debrief.outcome.strip():
        outcome = text(debrief.outcome)
        paragraphs.append(f"{words['agreed']}\n{outcome}{'' if outcome[-1] in '.!?…“”' else '.'}")
    open_steps = [f for f in debrief.followups if f.text.strip() and not f.done]
    for owner, heading in (("me", "ours"), ("customer", "theirs")):
        steps = sorted((f for f in open_steps if f.owner == owner), key=_by_due)
        if steps:
            lines = [words["step with a date"].format(text=text(f.text), day=day(f.due)) if f.due
                     else words["step"].format(text=text(f.text)) for f in steps]
            paragraphs.append("\n".join([words[heading], *lines]))
    if next_when is not None:
        paragraphs.append(words["next meeting"].format(day=day(next_when.date()), time=f"{next_when:%H:%M}"))
    paragraphs.append(words["closing"])
    return inert("\n\n".join(paragraphs) + "\n")


def _by_due(followup: FollowUp) -> date:
    return followup.due or date.max  # those without a date last, in the order written


def _typeset(text: str, quotes: str) -> str:
    """Straight double quotes typed in pairs become the language's own: "Alpha" → „Alpha“ or “Alpha”."""
    return _STRAIGHT_QUOTES.sub(lambda match: f"{quotes[0]}{match.group(1)}{quotes[1]}", text)


def write_recap(meeting: Meeting, text: str, folder: Path) -> Path:
    """Save the recap in `folder` (created private), named by date and customer, titled by the customer.

    Named and titled as a brief is, with `-recap` added: `prep forget` finds it with the briefs.
    """
    private_folder(folder, fix="check the folder")
    path = folder / f"{meeting.when:%Y-%m-%d}-{_slug(meeting.customer)}-recap.md"
    write_file(path, inert(f"# {meeting.customer}\n\n{text}"), fix="check the folder")
    return path

