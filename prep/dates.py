"""Dates and times as people type them, in English or German whatever the language shown:
`2026-12-01`, `1.12.`, `tomorrow`, `übermorgen`, `fri`, `Do`, `nächsten Montag`, `+3d`,
`in 3 Tagen`, `in 2 weeks`, `KW 50`, `14:30`, `2pm`, `14 Uhr`, `14.30 Uhr`.

Anything that cannot be read is refused with an example in the rep's language, never guessed.
A day in the past is a day like any other: a rep back-fills a meeting that already happened.

And dates as the rep reads them, in the rep's language: `Wed 25 Nov 2026, 14:00` or
`Mi., 25. Nov. 2026, 14:00`, with the CLDR names of days and months (prep/calendar_words.py).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from prep.calendar_words import DAYS, MONTHS
from prep.errors import InputError
from prep.language import N_, _, quoted, speaking

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WOCHENTAGE = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
KURZ = ("mo", "di", "mi", "do", "fr", "sa", "so")  # how German calendars abbreviate the days
DATE_EXAMPLE = N_("try 2026-12-01, 1.12., today, tomorrow, yesterday, fri, +3d, in 2 weeks, KW 50 or next week")
TIME_EXAMPLE = N_("try 14:30, 9:00, 2pm or 14 Uhr")
NO_DATE = N_("a date is needed; {example}")
NOT_A_DATE = N_("{typed} is not a date prep understands; {example}")
NOT_IN_CALENDAR = N_("{typed} is not a day in the calendar; {example}")
NOT_A_WEEK = N_("{typed} is not a calendar week (1 to 52 or 53); {example}")
NO_TIME = N_("a time is needed; {example}")
NOT_A_TIME = N_("{typed} is not a time; {example}")
NOT_A_TIME_KNOWN = N_("{typed} is not a time prep understands; {example}")
# How each language writes a date (CLDR patterns: EEE day, MMM month, d/dd day of month…).
PATTERNS = {
    "en": {"day": "EEE d MMM", "day in year": "EEE d MMM y", "moment": "EEE dd MMM HH:mm",
           "moment in full": "EEE dd MMM y, HH:mm", "date": "dd MMM y", "short date": "dd MMM", "month": "MMM",
           "typed date": "y-MM-dd"},
    "de": {"day": "EEE, d. MMM", "day in year": "EEE, d. MMM y", "moment": "EEE dd.MM. HH:mm",
           "moment in full": "EEE, d. MMM y, HH:mm", "date": "dd.MM.y", "short date": "dd.MM.", "month": "MMM",
           "typed date": "dd.MM.y"},  # "typed date": a date put into a field to edit, as the rep would type it
}
FIELDS = re.compile(r"EEE|MMM|MM|dd|d|y|HH|mm")
# Days named relative to today, in English and German.
RELATIVE_DAYS = {
    "yesterday": -1, "gestern": -1, "vorgestern": -2,
    "today": 0, "heute": 0,
    "tomorrow": 1, "morgen": 1,
    "übermorgen": 2, "uebermorgen": 2, "day after tomorrow": 2,
}


def parse_day(text: str, today: date) -> date:
    """The day the user means; raises InputError with an example if it is unclear."""
    raw = " ".join(text.strip().lower().split())
    if not raw:
        raise InputError(_(NO_DATE).format(example=_(DATE_EXAMPLE)))
    if raw in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[raw])
    if raw in ("next week", "nächste woche", "naechste woche"):
        return today + timedelta(days=7 - today.weekday())
    if match := re.fullmatch(r"([+-])(\d{1,3})\s*([dw])", raw):
        count = int(match.group(2)) * (7 if match.group(3) == "w" else 1)
        return today + timedelta(days=count if match.group(1) == "+" else -count)
    if match := re.fullmatch(r"in (\d{1,3}|a|one|einem|einer) (days?|tage?n?|weeks?|wochen?)", raw):
        count = int(match.group(1)) if match.group(1).isdigit() else 1
        return today + timedelta(days=count * (7 if match.group(2)[0] == "w" else 1))
    if match := re.fullmatch(r"(?:kw|cw|week|woche) ?(\d{1,2})", raw):
        return _week(int(match.group(1)), today, text)
    if (weekday := _weekday(raw)) is not None:  # the next one, a week ahead when it is today
        return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            return date.fromisoformat(raw)
        if match := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})?", raw):
            day, month, year = int(match.group(1)), int(match.group(2)), match.group(3)
            if year is None:
                candidate = date(today.year, month, day)
                # "1.12." typed in December for early January means next year.
                return candidate if candidate >= today - timedelta(days=180) else date(today.year + 1, month, day)
            full_year = int(year) + 2000 if len(year) == 2 else int(year)
            return date(full_year, month, day)
    except ValueError:
        raise InputError(_(NOT_IN_CALENDAR).format(typed=_typed(text), example=_(DATE_EXAMPLE))) from None
    raise InputError(_(NOT_A_DATE).format(typed=_typed(text), example=_(DATE_EXAMPLE)))


def _typed(text: str) -> str:
    """What the rep typed, quoted in their language, its control characters escaped: 'fri x', „Fr x“."""
    escaped = repr(text.strip())
    return escaped if speaking() == "en" else quoted(escaped[1:-1])


def _weekday(raw: str) -> int | None:
    """Monday 0 … Sunday 6 for `fri`, `friday`, `Fr`, `Fr.`, `Freitag`, `next friday`, `nächsten Freitag`, `am Freitag`."""
    raw = re.sub(r"^(?:next|on|nächsten|nächster|naechsten|am) ", "", raw).removesuffix(".")
    if raw in KURZ:
        return KURZ.index(raw)
    if raw == "sonnabend":
        return 5
    for names in (WEEKDAYS, WOCHENTAGE):
        for index, name in enumerate(names):
            if len(raw) >= 3 and name.startswith(raw):
                return index
    return None


def _week(week: int, today: date, text: str) -> date:
    """The Monday of calendar week `week` (ISO, as German calendars count), this year's or, once past, next year's."""
    for year in (today.year, today.year + 1):
        try:
            monday = date.fromisocalendar(year, week, 1)
        except ValueError:
            break
        if monday + timedelta(days=6) >= today - timedelta(days=180) or year > today.year:
            return monday
    raise InputError(_(NOT_A_WEEK).format(typed=_typed(text), example=_(DATE_EXAMPLE)))


DEFAULT_TIME = time(9, 0)  # a meeting planned without a time of day


def parse_moment(text: str, today: date) -> datetime:
    """A day and a time typed as one (`tomorrow 14:30`, `1.12. 10 Uhr`, `2026-12-01`); 9:00 without a time.

    The longest start of `text` that reads as a day is the day, the rest the time; InputError, with the day's or the
    time's example, when no split reads.
    """
    words = text.split()
    problem: InputError | None = None
    for cut in range(len(words), 0, -1):
        try:
            day = parse_day(" ".join(words[:cut]), today)
        except InputError as error:
            problem = problem or error
            continue
        rest = " ".join(words[cut:])
        return datetime.combine(day, parse_time(rest) if rest else DEFAULT_TIME)  # the day read: the time's problem
    raise problem or InputError(_("say when, e.g. tomorrow 14:30"))


def parse_time(text: str) -> time:
    """The time of day the user means; raises InputError with an example if it is unclear."""
    raw = text.strip().lower().replace(" ", "")
    if not raw:
        raise InputError(_(NO_TIME).format(example=_(TIME_EXAMPLE)))
    # "14 Uhr" and "14.30 Uhr" are how a German speaker writes 14:00 and 14:30.
    raw = raw.removesuffix("uhr")
    match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(am|pm)?", raw)
    if match:
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if half:
            if not 1 <= hour <= 12:
                raise InputError(_(NOT_A_TIME).format(typed=_typed(text), example=_(TIME_EXAMPLE)))
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InputError(_(NOT_A_TIME_KNOWN).format(typed=_typed(text), example=_(TIME_EXAMPLE)))


def written(when: date, form: str, language: str | None = None) -> str:
    """`when` written in one of PATTERNS' forms, in `language` (the rep's if not given)."""
    language = language if language in PATTERNS else speaking()
    at = when if isinstance(when, datetime) else datetime(when.year, when.month, when.day)
    fields = {
        "EEE": DAYS[language][at.weekday()], "MMM": MONTHS[language][at.month - 1], "MM": f"{at.month:02}",
        "dd": f"{at.day:02}", "d": str(at.day), "y": str(at.year), "HH": f"{at.hour:02}", "mm": f"{at.minute:02}",
    }
    return FIELDS.sub(lambda field: fields[field.group()], PATTERNS[language][form])


def shown_day(day: date, today: date) -> str:
    """A day as the form confirms it: `Wed 25 Nov` (`Mi., 25. Nov.`), with the year when it is another year's."""
    return written(day, "day" if day.year == today.year else "day in year")


def shown_moment(when: datetime) -> str:
    """A meeting's day and time in a list, the same width every day: `Thu 05 Nov 14:00`, `Do. 05.11. 14:00`."""
    return written(when, "moment")


def shown_in_full(when: datetime) -> str:
    """A meeting's day and time with its year, as a heading says it: `Wed 25 Nov 2026, 14:00`, `Mi., 25. Nov. 2026, 14:00`."""
    return written(when, "moment in full")


def shown_date(day: date) -> str:
    """A day in a list of past meetings: `25 Nov 2026`, `25.11.2026`."""
    return written(day, "date")


def shown_due(day: date) -> str:
    """When a follow-up is due: `25 Nov`, `25.11.`."""
    return written(day, "short date")


def shown_month(day: date) -> str:
    """The month of a day, short: `Nov`, `Nov.`."""
    return written(day, "month")
