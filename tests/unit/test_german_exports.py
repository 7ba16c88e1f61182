"""What leaves prep for a German rep reads in German: the CSV's headings, the calendar's entries, what the history tells.

English stays as it was: the documented CSV columns, the calendar entries, the warnings.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

from icalendar import Calendar

from helpers import NOW, debriefed_meeting, in_german
from prep.insights.followups import open_followups
from prep.insights.story import customer_story
from prep.model.meeting import FollowUp, NeedVerdict, ObjectionOutcome
from prep.reports.calendar import followups_ics
from prep.reports.export import export_csv
from prep.reports.wording import erasure_line, followup_lines
from prep.storage.store import Store

ENGLISH_COLUMNS = ["id", "customer", "contact", "when", "goal", "status", "checklist", "outcome", "rating",
                   "contact_wish", "open_followups"]
GERMAN_COLUMNS = ["ID", "Kunde", "Ansprechpartner(in)", "Termin", "Ziel", "Status", "Checkliste", "Ergebnis",
                  "Beziehung (1–5)", "Kontaktwunsch", "Offene Aufgaben"]


def _store(db_path: Path) -> Store:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 3, outcome="=Pilot vereinbart", rating=4, contact_wish="less",
                                 followups=[FollowUp("Angebot schicken", date(2026, 11, 30)),
                                            FollowUp("Preisliste prüfen", date(2026, 12, 2), owner="customer"),
                                            FollowUp("Später klären")]))
    return store


def test_the_csv_has_german_headings_and_words_for_a_german_rep(db_path: Path) -> None:
    store = _store(db_path)
    rows = list(csv.DictReader(io.StringIO(in_german(export_csv, store, None))))
    assert list(rows[0]) == GERMAN_COLUMNS
    row = rows[0]
    assert row["Status"] == "nachbereitet" and row["Kontaktwunsch"] == "weniger" and row["Beziehung (1–5)"] == "4"
    assert row["Ergebnis"] == "'=Pilot vereinbart"  # still no formula, in any language
    assert row["Offene Aufgaben"] == "Angebot schicken (2026-11-30); Preisliste prüfen (2026-12-02); Später klären"


def test_the_csv_stays_as_documented_in_english(db_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(_store(db_path), None))))
    assert list(rows[0]) == ENGLISH_COLUMNS
    assert rows[0]["status"] == "debriefed" and rows[0]["contact_wish"] == "less"


def test_calendar_entries_are_in_german_for_a_german_rep(db_path: Path) -> None:
    store = _store(db_path)
    calendar = Calendar.from_ical(in_german(followups_ics, open_followups(store), NOW))
    assert str(calendar["x-wr-calname"]) == "prep – Folgeaufgaben"
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Angebot schicken — Acme",
                                                   "Preisliste prüfen (Zusage des Kunden) — Acme"]
    assert str(events[0]["description"]).startswith("Zugesagt im Gespräch mit Acme am ")


def test_calendar_entries_stay_english_for_an_english_rep(db_path: Path) -> None:
    calendar = Calendar.from_ical(followups_ics(open_followups(_store(db_path)), NOW))
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == ["Angebot schicken — Acme", "Preisliste prüfen (customer) — Acme"]
    assert str(events[0]["description"]).startswith("Promised in the meeting of ")
    assert str(calendar["x-wr-calname"]) == "prep follow-ups"


def test_the_follow_up_list_keeps_its_columns_in_german(db_path: Path) -> None:
    found = open_followups(_store(db_path))
    english = followup_lines(found, date(2026, 11, 30))
    german = in_german(followup_lines, found, date(2026, 11, 30))
    assert english[0] == "2026-11-30  today   Angebot schicken  — Acme (me)"
    assert german[0] == "2026-11-30  heute      Angebot schicken  — Acme (von uns)"
    assert german[2] == "ohne Datum             Später klären  — Acme (von uns)"
    assert german[1] == "2026-12-02             Preisliste prüfen  — Acme (vom Kunden)"


def test_what_forgetting_removes_is_counted_in_german(db_path: Path) -> None:
    from prep.insights.customers import plan_erasure

    erasure = plan_erasure(_store(db_path), "Acme")
    assert in_german(erasure_line, erasure) == ("Acme: 1 Termin (0 Entwürfe) und 3 Folgeaufgaben, "
                                                "mit jeder Kopie in Journalen und Sicherungen")
    assert erasure_line(erasure) == "Acme: 1 meeting (0 drafts) and 3 follow-ups, with every copy in journals and backups"


def test_the_customers_story_is_told_in_german(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme", 5, rating=4, contact_wish="less", contact_rhythm="monthly",
                                 objections={"objections/no-need": ObjectionOutcome(True, "partly")},
                                 unprepared=["Können Sie im Januar starten?"],
                                 needs={"needs/situation": NeedVerdict("wrong", "Gar keine Tabellen")},
                                 followups=[FollowUp("Pilotplan schicken", NOW.date() + timedelta(days=4))]))
    story = customer_story(store, "Acme")
    known = in_german(story.what_we_know, NOW)
    assert "nicht nachbereitet" not in " ".join(known)
    assert "Stimmte nicht: Gar keine Tabellen" in known
    assert any(line.startswith("Offen (von uns zugesagt, ") and line.endswith("): Pilotplan schicken") for line in known)
    assert "Bisher eingewandt: „We are fine as we are.“; „Können Sie im Januar starten?“" in known
    assert known[-1] == "Beziehung 4/5 · wünscht weniger Kontakt, monatlich"
    warning = in_german(story.contact_warning, NOW + timedelta(days=3), NOW)
    assert warning == ("Das ist mehr Kontakt, als Acme sich gewünscht hat: der letzte Termin war 8 Tage vor diesem, "
                       "gewünscht ist Kontakt monatlich.")
    carried = in_german(story.carried_forward, NOW)
    assert any(line.endswith("(stimmte nicht — Gar keine Tabellen)") for line in carried.needs)
    assert any(line.endswith("(unbeantwortet)") for line in carried.needs)
    # The checklist's objection keeps its own (English) quotation marks; what the rep wrote takes the rep's.
    assert carried.objections == ["“We are fine as we are.” (Antwort kam teils an)",
                                  "„Können Sie im Januar starten?“ (kam unvorbereitet)"]
    assert story.contact_warning(NOW + timedelta(days=3), NOW) == (
        "Contact is running ahead of what Acme asked for: the last meeting was 8 days before this one, "
        "and they want contact monthly.")
