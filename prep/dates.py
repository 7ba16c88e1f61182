"""Dates and times as people type them: `2026-12-01`, `1.12.`, `tomorrow`, `fri`, `+3d`, `14:30`.

Anything that cannot be read is refused with an example, never guessed.
"""

from __future__ import annotations

import re
from datetime import date, time, timedelta

from prep.errors import InputError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DATE_EXAMPLE = "try 2026-12-01, 1.12., today, tomorrow, fri, +3d or next week"
TIME_EXAMPLE = "try 14:30, 9:00 or 2pm"


def parse_day(text: str, today: date) -> date:
    """The day the user means; raises InputError with an example if it is unclear."""
    raw = text.strip().lower()
    if not raw:
        raise InputError(f"a date is needed; {DATE_EXAMPLE}")
    if raw in ("today", "heute"):
        return today
    if raw in ("tomorrow", "morgen"):
        return today + timedelta(days=1)
    if raw in ("next week", "nächste woche"):
        return today + timedelta(days=7 - today.weekday())
    if match := re.fullmatch(r"\+(\d{1,3})\s*([dw])", raw):
        count = int(match.group(1))
        return today + timedelta(days=count * (7 if match.group(2) == "w" else 1))
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
