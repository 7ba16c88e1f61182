"""A German rep (PREP_LANG=de, or a German locale) prepares in German: the steps, the fields, the keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.fields import NoteArea
from prep.screens.widgets.keys_footer import KeysFooter


def _footer(app: PrepApp) -> list[str]:
    return [str(key.description) for key in app.screen.query_one(KeysFooter).children]


async def test_a_german_rep_walks_through_a_preparation_in_german(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Neu" in _footer(app) and "Beenden" in _footer(app)
        await press(app, pilot, "n")
        shown = " ".join(str(widget.render()) for widget in app.screen.query("Static, Label"))
        assert "Wer, wann und wozu" in shown and "Kunde" in shown and "Uhrzeit" in shown
        assert str(app.screen.query_one("#meeting-type").render()).startswith("Erstgespräch")
        for text in ("Müller Maschinenbau GmbH", "Frau Weiß, Einkauf", "übermorgen", "14 Uhr", "Pilot vereinbaren"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, WalkthroughScreen)
        progress = str(app.screen.query_one("#progress", Static).render())
        assert progress.startswith("Schritt 1 von ") and "0/" in progress and "erledigt" in progress
        assert app.screen.query(NoteArea).first().placeholder == "Ihre Antwort, in Ihren Worten"
        assert "Weiter" in _footer(app)
        assert app.screen.meeting.when.day == 25 and app.screen.meeting.when.hour == 14  # übermorgen, 14 Uhr


async def test_the_locale_chooses_german_when_prep_is_not_told(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREP_LANG")
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Verlauf" in _footer(app)


async def test_home_tells_a_german_rep_what_needs_attention_in_german(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        summary = str(app.screen.query_one("#summary", Static).render())
        assert " Termine · " in summary and ("Entwurf" in summary or "Entwürfe" in summary)
        headings = [str(label.render()) for label in app.screen.query(".heading") if label.display]
        assert "Anstehende Termine" in headings and "Entwürfe fertigstellen" in headings


async def test_a_german_rep_debriefs_in_german(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "tab", "tab", "d")  # a recent meeting's debrief, from home
        assert type(app.screen).__name__ == "DebriefScreen"
        shown = " ".join(str(widget.render()) for widget in app.screen.query("Static, Label"))
        assert "Ergebnis" in shown and "Vorbereitete Einwände — kamen sie?" in shown and "Die Beziehung" in shown
        assert "Aufgabe hinzufügen" in _footer(app)
        assert app.screen.sub_title.startswith("Nachbereitung · ")


async def test_a_german_rep_searches_the_history_in_german(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        count = str(app.screen.query_one("#count", Static).render())
        assert " von " in count and count.endswith("Terminen")
        await type_text(pilot, "gibtesnicht")
        await settle(app, pilot)
        assert str(app.screen.query_one("#count", Static).render()) == "Kein Termin passt zu „gibtesnicht“."
