"""A German rep (PREP_LANG=de, or a German locale) prepares in German: the steps, the fields, the keys."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from textual.widgets import Static

from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.screens.brief import BriefScreen
from prep.screens.confirm import Confirm
from prep.screens.debrief import DebriefScreen
from prep.screens.missing_items import MissingItemsScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.fields import NoteArea
from prep.screens.widgets.keys_footer import KeysFooter


def on_screen(app: PrepApp) -> str:
    """Every cell of the screen on top, as a screenshot holds it."""
    svg = app.export_screenshot(simplify=True)
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))).replace("\xa0", " ")


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
        for text in ("Müller Maschinenbau GmbH", "Frau Weiß (Einkauf)", "übermorgen", "14 Uhr", "Pilot vereinbaren"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, WalkthroughScreen)
        progress = str(app.screen.query_one("#progress", Static).render())
        assert progress.startswith("Schritt 1 von ") and "0/" in progress and "erledigt" in progress
        assert app.screen.query(NoteArea).first().placeholder == "Ihre Antwort, in Ihren Worten"
        assert "Weiter" in _footer(app)
        assert app.screen.meeting.when.day == 25 and app.screen.meeting.when.hour == 14  # übermorgen, 14 Uhr
        await type_text(pilot, "Lager und Filialen laufen auseinander")
        await press(app, pilot, "ctrl+s")  # required items are still empty: asked first
        assert isinstance(app.screen, MissingItemsScreen) and "Trotzdem abschließen" in on_screen(app)
        await press(app, pilot, "f")
        assert isinstance(app.screen, BriefScreen) and app.screen.sub_title == "Gesprächsbriefing · Müller Maschinenbau GmbH"
        brief = on_screen(app)
        for german in ("Mi., 25. Nov. 2026, 14:00", "Kontakt: Frau Weiß (Einkauf)", "Ziel:", "Pilot vereinbaren",
                       "Lager und Filialen laufen auseinander"):
            assert german in brief, german
        await press(app, pilot, "d")  # still to come: asked first, in German, and j says yes
        assert isinstance(app.screen, Confirm) and "schon jetzt nachbereiten?" in app.screen.question
        await press(app, pilot, "j")
        assert isinstance(app.screen, DebriefScreen) and "Ergebnis" in on_screen(app)
        await type_text(pilot, "Pilot vereinbart, Start KW 2")
        await press(app, pilot, "ctrl+s")
        assert isinstance(app.screen, BriefScreen)
        brief = on_screen(app)
        assert "Wie es lief" in brief and "Ergebnis: Pilot vereinbart, Start KW 2" in brief


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
