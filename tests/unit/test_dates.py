"""Reps type dates the way they speak; prep understands them or says what it expects."""

from datetime import date, time

import pytest

from prep.dates import parse_day, parse_time, shown_day
from prep.errors import InputError

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
    ],
)
def test_rep_types_a_date_as_they_say_it(typed: str, expected: date) -> None:
    assert parse_day(typed, MONDAY) == expected


@pytest.mark.parametrize("typed", ["", "soon", "31.2.", "2026-13-01", "fr", "12/01"])
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
