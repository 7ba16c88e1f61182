"""The demo in German: a Mittelstand rep's own world — GmbH and AG customers, Frau and Herr,
German notes, debriefs and follow-ups — on the German checklists; the English demo as it was."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest

from helpers import NOW
from prep.cli import main
from prep.demo import demo_customers, demo_meetings
from prep.language import use
from prep.library.loader import load_library
from prep.model.meeting import DRAFT, Meeting
from prep.storage.store import Store

GERMAN_CHECKLISTS = {"erstgespraech", "folgetermin", "angebot-verhandlung", "verlaengerung-bilanz"}
ENGLISH_CUSTOMERS = {"Brandt Logistik GmbH", "Northwind Dental Group", "Halvorsen Marine", "Quarry Hill Foods",
                     "Meridian Health Partners", "Copperleaf Software", "Alder & Finch Architects", "Tidewater Utilities"}
# Words a German note would not hold; English text would.
ENGLISH_WORDS = re.compile(r"\b(the|and|with|they|their|we|our|is|are|send|call|meeting)\b", re.IGNORECASE)


def german_demo(count: int | None = None) -> list[Meeting]:
    return list(demo_meetings(load_library().ordered(), NOW, count, language="de"))


def texts_of(meeting: Meeting) -> list[str]:
    """Everything the demo wrote into a meeting, as a rep would have typed it."""
    written = [meeting.goal, *(answer.text for answer in meeting.answers.values() if answer.text)]
    if meeting.debrief is not None:
        debrief = meeting.debrief
        written += [debrief.outcome, debrief.notes, *debrief.unprepared, *(f.text for f in debrief.followups)]
        written += [verdict.note for verdict in debrief.needs.values() if verdict.note]
    return written


def test_a_german_rep_meets_gmbh_and_ag_customers_and_their_frau_and_herr() -> None:
    meetings = german_demo()
    customers = {m.customer for m in meetings}
    assert len(customers) == 8 and not customers & ENGLISH_CUSTOMERS
    assert all(name.endswith((" GmbH", " AG")) for name in customers)
    assert "Stadtwerke Lindenau GmbH" in customers and "Weißenfels Bau AG" in customers
    assert all(re.fullmatch(r"(Frau|Herr) (Dr\. )?[A-ZÄÖÜ][a-zäöüß]+", name) for m in meetings for name in m.people)
    cards = demo_customers(language="de")
    assert {card.name for card in cards} >= customers and all(p.role and p.part for card in cards for p in card.people)


def test_the_german_demo_walks_the_german_checklists_from_first_meeting_to_renewal() -> None:
    meetings = german_demo()
    assert {m.checklist.language for m in meetings} == {"de"}
    assert {m.checklist.id for m in meetings} == GERMAN_CHECKLISTS
    first = {}
    for meeting in meetings:
        first.setdefault(meeting.customer, meeting.checklist.id)
    assert set(first.values()) == {"erstgespraech"}  # every customer starts with a first meeting


def test_goals_answers_debriefs_and_follow_ups_are_written_in_german() -> None:
    meetings = german_demo()
    written = [text for meeting in meetings for text in texts_of(meeting)]
    assert all(text.strip() for text in written)
    assert [text for text in written if ENGLISH_WORDS.search(text)] == []
    assert [text for text in written if "{" in text or "}" in text] == []  # every placeholder filled
    joined = " ".join(written)
    assert re.search(r"[äöüß]", joined) and "„" in joined and "“" in joined
    assert "Angebot bis KW " in joined or "KW " in joined  # dates as a German rep notes them
    debriefed = [m for m in meetings if m.debrief is not None]
    assert len(debriefed) == 21
    assert {f.owner for m in debriefed for f in m.debrief.followups} == {"me", "customer"}  # type: ignore[union-attr]
    assert any(m.debrief.unprepared for m in debriefed)  # type: ignore[union-attr]
    assert any(m.debrief.objections and any(o.came_up for o in m.debrief.objections.values())  # type: ignore[union-attr]
               for m in debriefed)


def test_a_calendar_week_in_a_follow_up_is_the_week_it_is_due() -> None:
    weeks = [(int(found.group(1)), f.due) for m in german_demo(200) if m.debrief for f in m.debrief.followups
             if (found := re.search(r"KW (\d+)", f.text))]
    assert weeks
    assert all(due is not None and week == due.isocalendar().week for week, due in weeks)


def test_an_answer_fits_the_customers_industry() -> None:
    meetings = german_demo(300)
    logistics = [m for m in meetings if " Logistik" in m.customer]
    pains = [answer.text for m in logistics for key, answer in m.answers.items() if key.endswith("/pain")]
    assert pains and all("Lkw" in pain for pain in pains)
    others = [answer.text for m in meetings if " Logistik" not in m.customer for answer in m.answers.values()]
    assert others and not any("Lkw" in text for text in others)


def test_the_german_demo_has_something_overdue_something_coming_up_and_a_draft() -> None:
    for days in range(7):  # whatever the weekday
        now = NOW + timedelta(days=days)
        meetings = list(demo_meetings(load_library().ordered(), now, language="de"))
        open_followups = [f for m in meetings if m.debrief for f in m.debrief.followups if not f.done]
        assert any(f.due is not None and f.due < now.date() for f in open_followups)
        assert any(m.when > now and m.status != DRAFT for m in meetings)
        assert sum(m.status == DRAFT for m in meetings) == 1


def test_the_german_demo_is_valid_data_that_the_store_keeps(tmp_path: Path) -> None:
    meetings = german_demo()
    store = Store(tmp_path / "demo.json")
    assert store.add_many(meetings) == len(meetings)
    store.close()
    again = Store(tmp_path / "demo.json")
    summaries = again.summaries()
    assert sorted(s.customer for s in summaries) == sorted(m.customer for m in meetings)
    assert {s.checklist_title for s in summaries} == {"Erstgespräch", "Folgetermin", "Angebot und Verhandlung",
                                                      "Vertragsverlängerung"}
    read = {m.id: m for m in again.meetings(s.id for s in summaries)}
    assert {m.id: (m.debrief, m.answers, m.goal) for m in meetings} == {
        m.id: (m.debrief, m.answers, m.goal) for m in read.values()}
    again.close()


def test_a_big_german_demo_has_many_customers_each_a_gmbh_or_an_ag() -> None:
    meetings = german_demo(20_000)
    customers = {m.customer for m in meetings}
    assert len(meetings) == 20_000 and len(customers) == 20_000 // 12
    assert all(name.endswith((" GmbH", " AG", " mbH")) for name in customers)
    assert any(name.startswith("Stadtwerke ") for name in customers)
    assert {m.checklist.language for m in meetings} == {"de"}


def test_the_demo_speaks_the_language_prep_speaks() -> None:
    checklists = load_library().ordered()
    use("de")
    try:
        german = {m.customer for m in demo_meetings(checklists, NOW)}
    finally:
        use("en")
    english = {m.customer for m in demo_meetings(checklists, NOW)}
    assert german == {m.customer for m in german_demo()}
    assert english == ENGLISH_CUSTOMERS
    assert {m.customer for m in demo_meetings(checklists, NOW, language="de-AT")} == german
    assert {m.customer for m in demo_meetings(checklists, NOW, language="fr")} == ENGLISH_CUSTOMERS


def test_prep_demo_for_a_german_rep_writes_the_german_world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    path = tmp_path / "demo.json"
    assert main(["demo", "--db", str(path), "--no-app"]) == 0
    customers = {s.customer for s in Store(path).summaries()}
    assert "Albrecht Logistik GmbH" in customers and not customers & ENGLISH_CUSTOMERS


def test_the_english_demo_is_as_it_was() -> None:
    meetings = list(demo_meetings(load_library().ordered(), NOW))
    assert {m.customer for m in meetings} == ENGLISH_CUSTOMERS
    assert {m.checklist.id for m in meetings} == {"first-meeting", "follow-up", "offer-negotiation", "renewal-review"}
    first = meetings[0]
    assert (first.customer, first.people) == ("Brandt Logistik GmbH", ["Jonas Weber"])
    assert first.debrief is not None and first.debrief.outcome == "Lost to a competitor on price; relationship intact."
