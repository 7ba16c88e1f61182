"""Dates and times as people type them: `2026-12-01`, `1.12.`, `tomorrow`, `gestern`, `fri`, `+3d`, `14:30`, `14 Uhr`.

Anything that cannot be read is refused with an example, never guessed. A day in the
past is a day like any other: a rep back-fills a meeting that already happened.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from prep.errors import InputError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE_EXAMPLE = "try 2026-12-01, 1.12., today, tomorrow, yesterday, fri, +3d or next week"
TIME_EXAMPLE = "try 14:30, 9:00, 2pm or 14 Uhr"
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
        raise InputError(f"a date is needed; {DATE_EXAMPLE}")
    if raw in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[raw])
    if raw in ("next week", "nächste woche"):
        return today + timedelta(days=7 - today.weekday())
    if match := re.fullmatch(r"([+-])(\d{1,3})\s*([dw])", raw):
        count = int(match.group(2)) * (7 if match.group(3) == "w" else 1)
        return today + timedelta(days=count if match.group(1) == "+" else -count)
    # "fri" or "friday": the next one, a week ahead when it is today.
    for index, name in enumerate(WEEKDAYS):
        if len(raw) >= 3 and name.startswith(raw):
            ahead = (index - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
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
        raise InputError(f"{text.strip()!r} is not a day in the calendar; {DATE_EXAMPLE}") from None
    raise InputError(f"{text.strip()!r} is not a date prep understands; {DATE_EXAMPLE}")


def parse_time(text: str) -> time:
    """The time of day the user means; raises InputError with an example if it is unclear."""
    raw = text.strip().lower().replace(" ", "")
    if not raw:
        raise InputError(f"a time is needed; {TIME_EXAMPLE}")
    # "14 Uhr" and "14.30 Uhr" are how a German speaker writes 14:00 and 14:30.
    raw = raw.removesuffix("uhr")
    match = re.fullmatch(r"(\d{1,2})(?:[:.h](\d{2}))?(am|pm)?", raw)
    if match:
        hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
        if half:
            if not 1 <= hour <= 12:
                raise InputError(f"{text.strip()!r} is not a time; {TIME_EXAMPLE}")
            hour = hour % 12 + (12 if half == "pm" else 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    raise InputError(f"{text.strip()!r} is not a time prep understands; {TIME_EXAMPLE}")


def shown_day(day: date, today: date) -> str:
    """A day as the form confirms it: `Wed 25 Nov`, with the year when it is another year's."""
    shown = f"{day:%a} {day.day} {day:%b}"
    return shown if day.year == today.year else f"{shown} {day.year}"
