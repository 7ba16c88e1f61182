"""Reps type dates the way they speak; prep understands them or says what it expects."""

from datetime import date, datetime, time, timedelta

import pytest

from prep.dates import parse_day, parse_time, shown_day
from prep.errors import InputError
from prep.language import use

MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("1.12.", date(2026, 12, 1)),
        ("1.12.2027", date(2027, 12, 1)),
        ("5.1.", date(2027, 1, 5)),
        ("today", MONDAY),
        ("Tomorrow", date(2026, 11, 24)),
        ("fri", date(2026, 11, 27)),
        ("friday", date(2026, 11, 27)),
        ("mon", date(2026, 11, 30)),
        ("+3d", date(2026, 11, 26)),
        ("+2w", date(2026, 12, 7)),
        ("next week", date(2026, 11, 30)),
        ("yesterday", date(2026, 11, 22)),
        ("gestern", date(2026, 11, 22)),
        ("heute", MONDAY),
        ("morgen", date(2026, 11, 24)),
        ("Übermorgen", date(2026, 11, 25)),
        ("-2d", date(2026, 11, 21)),
        ("2026-10-01", date(2026, 10, 1)),
        ("20.11.", date(2026, 11, 20)),
        # German as a German rep types it, whatever the language prep shows.
        ("Mo", date(2026, 11, 30)),
        ("Di", date(2026, 11, 24)),
        ("Mi", date(2026, 11, 25)),
        ("Do", date(2026, 11, 26)),
        ("Fr.", date(2026, 11, 27)),
        ("Sa", date(2026, 11, 28)),
        ("So", date(2026, 11, 29)),
        ("Montag", date(2026, 11, 30)),
        ("Donnerstag", date(2026, 11, 26)),
        ("Sonnabend", date(2026, 11, 28)),
        ("sonntag", date(2026, 11, 29)),
        ("nächsten Freitag", date(2026, 11, 27)),
        ("am Mittwoch", date(2026, 11, 25)),
        ("next thursday", date(2026, 11, 26)),
        ("nächste Woche", date(2026, 11, 30)),
        ("in 3 Tagen", date(2026, 11, 26)),
        ("in 1 Tag", date(2026, 11, 24)),
        ("in einer Woche", date(2026, 11, 30)),
        ("in 2 Wochen", date(2026, 12, 7)),
        ("in 3 days", date(2026, 11, 26)),
        ("in a week", date(2026, 11, 30)),
        ("in 2 weeks", date(2026, 12, 7)),
        ("KW 50", date(2026, 12, 7)),
        ("kw50", date(2026, 12, 7)),
        ("week 48", date(2026, 11, 23)),
        ("KW 2", date(2027, 1, 11)),  # in late November, the second week is next year's
        ("KW 45", date(2026, 11, 2)),  # a week just past is this year's: back-filling a meeting
    ],
)
def test_rep_types_a_date_as_they_say_it(typed: str, expected: date) -> None:
    assert parse_day(typed, MONDAY) == expected


@pytest.mark.parametrize("typed", ["", "soon", "31.2.", "2026-13-01", "f", "12/01", "KW 60", "in Tagen", "nächsten Monat", "next"])
def test_rep_gets_an_example_for_a_date_prep_cannot_read(typed: str) -> None:
    with pytest.raises(InputError, match="try 2026-12-01"):
        parse_day(typed, MONDAY)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("14:30", time(14, 30)), ("9", time(9, 0)), ("9.15", time(9, 15)), ("2pm", time(14, 0)), ("12am", time(0, 0)),
     ("14 Uhr", time(14, 0)), ("14.30 Uhr", time(14, 30)), ("9uhr", time(9, 0)), ("2 pm", time(14, 0))],
)
def test_rep_types_a_time(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "14:75", "noon-ish", "13pm", "uhr", "25 Uhr"])
def test_rep_gets_an_example_for_a_time_prep_cannot_read(typed: str) -> None:
    with pytest.raises(InputError, match="try 14:30"):
        parse_time(typed)


def test_the_form_confirms_a_day_with_its_weekday_and_a_year_only_when_it_differs() -> None:
    assert shown_day(date(2026, 11, 25), MONDAY) == "Wed 25 Nov"
    assert shown_day(date(2027, 1, 5), MONDAY) == "Tue 5 Jan 2027"


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("form", ["day", "day in year", "moment", "moment in full", "date", "short date", "month", "typed date"])
def test_dates_are_written_as_the_locale_data_writes_them(language: str, form: str) -> None:
    from babel.dates import format_datetime

    from prep.dates import PATTERNS, written

    start = datetime(2026, 1, 1, 9, 5)
    for offset in range(0, 730, 3):  # every weekday and month, two years, several times of day
        when = start + timedelta(days=offset, hours=offset % 13)
        assert written(when, form, language) == format_datetime(when, PATTERNS[language][form], locale=language)


def test_a_german_rep_reads_dates_the_german_way() -> None:
    from prep.dates import shown_date, shown_due, shown_in_full, shown_moment

    use("de")
    when = datetime(2026, 11, 25, 14, 0)
    assert shown_in_full(when) == "Mi., 25. Nov. 2026, 14:00"
    assert shown_day(date(2026, 3, 2), MONDAY) == "Mo., 2. März"
    assert (shown_moment(when), shown_date(when.date()), shown_due(when.date())) == ("Mi. 25.11. 14:00", "25.11.2026", "25.11.")
    use("en")
    assert shown_in_full(when) == "Wed 25 Nov 2026, 14:00"


@pytest.mark.parametrize(("typed", "message"), [
    ("irgendwann", "„irgendwann“ ist kein Datum, das prep versteht; z. B. 1.12.2026"),
    ("31.2.", "„31.2.“ gibt es im Kalender nicht"),
    ("KW 60", "„KW 60“ ist keine Kalenderwoche"),
    ("", "Bitte ein Datum angeben"),
])
def test_a_german_rep_is_refused_in_german_with_a_german_example(typed: str, message: str) -> None:
    use("de")
    try:
        with pytest.raises(InputError, match=message.replace(".", r"\.")):
            parse_day(typed, MONDAY)
        with pytest.raises(InputError, match="z. B. 14:30, 9:00, 14 Uhr"):
            parse_time("25 Uhr")
    finally:
        use("en")


def test_the_names_of_days_and_months_are_babels() -> None:
    import importlib.util
    from pathlib import Path

    tool = Path(__file__).resolve().parents[2] / "tools" / "catalogs.py"
    spec = importlib.util.spec_from_file_location("catalogs", tool)
    assert spec is not None and spec.loader is not None
    catalogs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(catalogs)
    assert catalogs.CALENDAR_WORDS.read_text(encoding="utf-8") == catalogs.calendar_words()
