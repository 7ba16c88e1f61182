"""Who is in the room: the people a meeting is with, what they are to the decision, whom the rep has met,
and the coverage line the brief shows when it matters — and contact a person did not ask for."""

from __future__ import annotations

from datetime import datetime, timedelta

from helpers import in_german
from prep.insights.people import contact_warnings, coverage, last_met, room
from prep.library.loader import load_library
from prep.model.customer import Customer, Person
from prep.model.meeting import Debrief, Meeting
from prep.reports.brief import brief_markdown

NOW = datetime(2026, 11, 23, 9)
CARD = Customer(name="Weber Logistik", people=[
    Person(name="Anna Weber", role="CFO", part="economic buyer", stance="sceptical"),
    Person(name="Tom Berg", role="Head of Planning", part="champion", stance="supportive", contact_rhythm="monthly"),
    Person(name="Lea Roth", part="user"),
    Person(name="Max Kühn", part="technical evaluator"),
    Person(name="Ida Falk", part="influencer"),
])


def a_meeting(days: int, people: list[str], present: list[str] | None = None, **fields: object) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer="Weber Logistik", when=NOW + timedelta(days=days), checklist=checklist, people=people,
                      status="prepared", **fields)  # type: ignore[arg-type]
    if present is not None:
        meeting.debrief = Debrief(outcome="Done", present=present)
    return meeting


def test_who_was_there_counts_and_otherwise_those_planned_and_nothing_still_to_come() -> None:
    meetings = [a_meeting(-30, ["Tom Berg", "Lea Roth"], present=["Tom Berg"]), a_meeting(-10, ["Lea Roth"]),
                a_meeting(5, ["Anna Weber"]), a_meeting(-3, ["Max Kühn"], cancelled=NOW - timedelta(days=4))]
    met = last_met(meetings, NOW)
    assert met == {"tom berg": (NOW - timedelta(days=30)).date(), "lea roth": (NOW - timedelta(days=10)).date()}


def test_the_coverage_line_names_the_missing_parts_of_the_decision() -> None:
    met = last_met([a_meeting(-30, ["Tom Berg", "Lea Roth"])], NOW)
    assert coverage(CARD, met) == "You have met 2 of 5 people in the decision; the economic buyer was never met."
    no_champion = Customer(name="X", people=[Person(name="Anna Weber", part="economic buyer")])
    assert coverage(no_champion, {"anna weber": NOW.date()}) == "You have met 1 of 1 people in the decision; no champion named."
    everyone = {name: NOW.date() for name in ("anna weber", "tom berg", "lea roth", "max kühn", "ida falk")}
    assert coverage(CARD, everyone) is None  # nothing to say
    assert coverage(Customer(name="X"), {}) is None


def test_the_brief_says_who_is_in_the_room_and_what_is_missing() -> None:
    earlier = a_meeting(-30, ["Tom Berg"], present=["Tom Berg", "Lea Roth"])
    coming = a_meeting(2, ["Tom Berg", "Anna Weber", "Nina Neu"])
    text = brief_markdown(coming, room(coming, CARD, [earlier, coming], NOW))
    assert "## Who is in the room" in text
    assert f"- Tom Berg — Head of Planning · champion · supportive · last met {earlier.when:%-d %b %Y}" in text
    assert "- Anna Weber — CFO · economic buyer · sceptical · never met" in text
    assert "- Nina Neu — never met" in text
    assert "⚠ You have met 2 of 5 people in the decision; the economic buyer was never met." in text
    german = in_german(lambda: brief_markdown(coming, room(coming, CARD, [earlier, coming], NOW)))
    assert "## Wer sitzt mit am Tisch" in german and "Anna Weber — CFO · wirtschaftlicher Entscheider · skeptisch · nie getroffen" in german
    assert "Sie haben 2 von 5 Personen der Entscheidung getroffen; den wirtschaftlichen Entscheider haben Sie nie getroffen." in german


def test_a_first_meeting_with_names_only_keeps_them_on_the_first_line() -> None:
    card = Customer(name="Weber Logistik", people=[Person(name="Frau Weiß", role="Einkauf")])
    coming = a_meeting(2, ["Frau Weiß"])
    text = brief_markdown(coming, room(coming, card, [coming], NOW))
    assert "Who is in the room" not in text and "with Frau Weiß (Einkauf)" in text


def test_a_person_contacted_more_often_than_they_asked_is_warned_about() -> None:
    held = [a_meeting(-9, ["Tom Berg", "Anna Weber"])]
    warnings = contact_warnings(["Tom Berg", "Anna Weber"], CARD, held, NOW + timedelta(days=1), NOW)
    assert warnings == ["Tom Berg wants contact monthly, and you met them 10 days before."]
    assert contact_warnings(["Tom Berg"], CARD, held, NOW + timedelta(days=40), NOW) == []
    assert contact_warnings(["Tom Berg"], CARD, held, NOW + timedelta(days=1), NOW, exclude=held[0].id) == []


def test_once_debriefed_the_room_is_who_was_there_and_they_count_as_met() -> None:
    earlier = a_meeting(-30, ["Tom Berg"], present=["Tom Berg", "Lea Roth", "Max Kühn", "Ida Falk"])
    held = a_meeting(-1, ["Tom Berg", "Lea Roth"], present=["Tom Berg", "Anna Weber"])
    there = room(held, CARD, [earlier, held], NOW)
    assert there.held and [(a.name, a.met) for a in there.attendees] == [("Tom Berg", held.when.date()), ("Anna Weber", held.when.date())]
    assert there.coverage is None  # everyone in the decision met, the economic buyer at this very meeting
    assert held.with_whom == "Tom Berg, Anna Weber"
