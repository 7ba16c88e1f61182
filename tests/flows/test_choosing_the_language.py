"""The rep chooses prep's language in the palette; it is spoken at once and again at the next start."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Label

from helpers import fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.language import speaking
from prep.screens.home import HomeScreen
from prep.screens.widgets.keys_footer import KeysFooter
from prep.settings import Settings


def _headings(app: PrepApp) -> list[str]:
    return [str(label.render()) for label in app.screen.query(".heading").results(Label) if label.display]


async def _choose(app: PrepApp, pilot, command: str, language: str) -> None:  # type: ignore[no-untyped-def]
    await press(app, pilot, "ctrl+p")
    await type_text(pilot, command)
    await press(app, pilot, "enter")
    await type_text(pilot, language)
    await press(app, pilot, "enter")
    await settle(app, pilot)


async def test_a_rep_switches_to_german_in_the_palette_and_prep_remembers(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PREP_LANG")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Coming up" in _headings(app)
        due_before = [str(o.prompt) for o in app.screen.query_one("#followups").options]  # type: ignore[attr-defined]
        await _choose(app, pilot, "Language", "Deutsch")
        assert isinstance(app.screen, HomeScreen) and speaking() == "de"
        assert "Anstehende Termine" in _headings(app) and "Coming up" not in _headings(app)
        footer = [str(key.description) for key in app.screen.query_one(KeysFooter).children]
        assert "Neu" in footer and "Verlauf" in footer
        assert any(n.message == "prep spricht jetzt Deutsch." for n in app._notifications)
        due_after = [str(o.prompt) for o in app.screen.query_one("#followups").options]  # type: ignore[attr-defined]
        assert due_after != due_before and any(".11." in line or ".12." in line for line in due_after)  # 25.11., not 25 Nov
    await app.workers.wait_for_complete()
    state = json.loads(app.settings.state_file.read_text(encoding="utf-8"))
    assert state["language"] == "de"
    assert Settings.from_environment({}).language == "de"  # chosen in the app: kept at the next start
    assert Settings.from_environment({"LANG": "en_US.UTF-8"}).language == "de"  # over the locale
    assert Settings.from_environment({"PREP_LANG": "en"}).language == "en"  # PREP_LANG still says the last word


async def test_a_german_rep_switches_back_to_english(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await _choose(app, pilot, "Sprache", "English")
        assert speaking() == "en" and app.settings.chosen_language == "en"
        assert any(n.message == "prep speaks English now." for n in app._notifications)
        footer = [str(key.description) for key in app.screen.query_one(KeysFooter).children]
        assert "New" in footer and "Neu" not in footer
