"""Which customer the rep means: the whole name, or the start of a word in it, never a stray letter."""

from __future__ import annotations

from datetime import datetime

import pytest

from prep.errors import PrepError
from prep.insights.customers import resolve_customer
from prep.model.summary import MeetingSummary

NAMES = ["Bolt Systems", "Acme Bolt GmbH", "Boltzmann AG", "Brandt Logistik GmbH", "O'Neil & Sons", "ACME", "acme"]


def summaries(names: list[str]) -> list[MeetingSummary]:
    when = datetime(2026, 11, 23, 9)
    return [MeetingSummary(id=str(n), customer=name, contact="", when=when, goal="", status="draft",
                           checklist_title="", updated=when) for n, name in enumerate(names)]


@pytest.mark.parametrize(("typed", "expected"), [
    ("Bolt Systems", "Bolt Systems"),                  # the whole name
    ("bolt systems", "Bolt Systems"),                  # in any case
    ("  Bolt   Systems ", "Bolt Systems"),             # with stray spaces
    ("Bolt Sys", "Bolt Systems"),                      # the start of its words
    ("brandt", "Brandt Logistik GmbH"),                # the start of the first word
    ("logistik", "Brandt Logistik GmbH"),              # the start of a later word
    ("Acme Bolt", "Acme Bolt GmbH"),
    ("boltz", "Boltzmann AG"),
    ("o'neil", "O'Neil & Sons"),
    ("neil", "O'Neil & Sons"),                         # a word after an apostrophe
    ("ACME", "ACME"),                                  # exact, case and all, among names that differ only in case
    ("acme", "acme"),
])
def test_the_customer_meant(typed: str, expected: str) -> None:
    assert resolve_customer(summaries(NAMES), typed) == expected


@pytest.mark.parametrize(("typed", "refusal"), [
    ("bolt", "'bolt' matches several customers: Acme Bolt GmbH; Bolt Systems; Boltzmann AG — give the full name"),
    ("Acme", "'Acme' matches several customers: ACME; acme — give the full name"),
    ("olt", "no customer called 'olt'"),                 # inside a word is not a match
    ("ystems", "no customer called 'ystems'"),
    ("Nobody Inc", "no customer called 'Nobody Inc'"),
    ("*", "'*' is too short to pick a customer: type at least three letters of their name, or all of it"),
    ("o", "'o' is too short"),
    ("bo", "'bo' is too short"),
    ("  ", "'  ' is too short"),
    ("a.", "'a.' is too short"),
])
def test_unclear_names_are_refused_with_what_to_type(typed: str, refusal: str) -> None:
    with pytest.raises(PrepError) as caught:
        resolve_customer(summaries(NAMES), typed)
    assert str(caught.value).startswith(refusal)


def test_a_short_name_typed_whole_is_exact_and_not_a_fragment() -> None:
    assert resolve_customer(summaries(["Bo", "Bolt Systems"]), "bo") == "Bo"
    assert resolve_customer(summaries(["3M", "Bolt Systems"]), "3m") == "3M"
