"""A German rep reads every other screen in German too: checklists, rehearsal, timeline, brief, recap, the dialogs,
the toasts and what ctrl+z offers to undo — and each still fits 80×24."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.widgets import Button, Label, Select, Static
from textual.widgets._footer import FooterKey
from textual.widgets._header import HeaderIcon

from helpers import NOW, SCREENS, debriefed_meeting, fixed_now, press, settle, type_text
from prep import changes
from prep.app import PrepApp
from prep.demo import DemoRun, demo_meetings
from prep.language import use
from prep.library.loader import load_library
from prep.model.meeting import FollowUp
from prep.screens.confirm import Confirm
from prep.screens.keep_demo import KeepDemoScreen
from prep.screens.rehearsal import RehearsalScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.save_state import SaveState
from prep.storage.store import Store


@pytest.fixture(autouse=True)
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")


def on_screen(app: PrepApp) -> str:
    """Every cell of the screen on top, as a screenshot holds it."""
    svg = app.export_screenshot(simplify=True)
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))).replace("\xa0", " ")


def shown(app: PrepApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def footer(app: PrepApp) -> list[str]:
    return [str(key.description) for key in app.screen.query_one(KeysFooter).children]


def toasts(app: PrepApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


async def test_checklists_and_a_practice_rehearsal_speak_german(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert app.screen.sub_title == "Checklisten"
        types = [str(prompt) for prompt, _value in app.screen.query_one("#type", Select)._options]
        assert types[0] == "Alle Gesprächsarten" and "Erstgespräch" in types and "Folgetermin" in types
        assert "Alle Sprachen" in [str(prompt) for prompt, _value in app.screen.query_one("#language", Select)._options]
        assert "Vorschau" in footer(app) and "Einwände üben" in footer(app)

        await press(app, pilot, "r")
        assert isinstance(app.screen, RehearsalScreen)
        assert app.screen.sub_title == "Einwände üben · Übung"
        assert shown(app, "#progress").startswith("Einwand 1 von ")
        assert shown(app, "#objection").startswith("Der Kunde sagt:")
        assert app.screen.query_one("#answer").placeholder == "Sagen Sie es wie im Gespräch, dann ctrl+s"
        await press(app, pilot, "ctrl+s")
        compare = shown(app, "#compare")
        assert "Vorschlag aus dem Training" in compare and "Zuhören" in compare and "Nachfragen" in compare
        assert "Wie lief Ihre Antwort? 1 gut · 2 mittelmäßig · 3 ausbaufähig" in compare
        assert "Lief gut" in footer(app) and "Ausbaufähig" in footer(app)
        for card in range(len(app.screen.cards)):
            if card:
                await press(app, pilot, "ctrl+s")
            await press(app, pilot, "1")
        assert shown(app, "#progress") == "Fertig."
        finished = shown(app, "#objection")
        assert finished.startswith(f"Übung beendet: {len(app.screen.cards)}× lief gut.")
        assert "Das war eine Übung: Nichts wird gespeichert. esc führt zurück." in finished


async def test_checklist_files_that_did_not_load_are_counted_in_german(db_path: Path, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "team-call.yaml").write_text("schema: 1\nid: team-call\ntitle: Team call\nsections: []\n")
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "c")
        assert shown(app, "#problems").startswith("1 Problem in Dateien, die nicht geladen wurden:\n")


async def test_a_customers_timeline_is_in_german(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *SCREENS["timeline"][1])
        assert type(app.screen).__name__ == "TimelineScreen"
        summary = shown(app, "#summary")
        assert re.search(r" · \d+ Termine? · zuletzt am ", summary), summary
        headings = [str(label.render()) for label in app.screen.query(".heading")]
        assert headings == ["Beziehung nach jedem Termin (1–5)", "Termine pro Monat (letzte 6)", "Termine", "Offene Aufgaben",
                            "Bisher gekommene Einwände", "Bedarf: was sich bestätigt hat", "Erledigte Aufgaben"]
        for selector in ("#open", "#needs", "#done", "#ratings-text"):
            text = shown(app, selector)
            assert not re.search(r"\b(promised|None|No verdicts|Nothing open|No ratings|overdue)\b", text), (selector, text)


async def test_the_brief_its_export_cancelling_and_undoing_speak_german(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *SCREENS["brief"][1])
        customer = app.screen.meeting.customer
        assert app.screen.sub_title == f"Gesprächsbriefing · {customer}"
        await press(app, pilot, "x")
        assert toasts(app)[-1][0] == "Exportiert" and toasts(app)[-1][1].startswith("Gesprächsbriefing gespeichert unter ")

        await press(app, pilot, "c")
        assert app.screen.sub_title == f"ABGESAGT · Gesprächsbriefing · {customer}"
        title, message = toasts(app)[-1]
        assert message.startswith(f"Abgesagt: {customer} (") and message.endswith(" · ctrl+z macht es rückgängig")
        [undo] = list(app.undo_commands())
        assert undo.title.startswith(f"Absage von {customer} (") and undo.help == "Die letzte Änderung rückgängig machen · Taste ctrl+z"

        await press(app, pilot, "ctrl+z")
        assert toasts(app)[-1][0] == "Rückgängig gemacht" and toasts(app)[-1][1].endswith(" findet wieder statt.")
        assert app.screen.sub_title == f"Gesprächsbriefing · {customer}"
        await press(app, pilot, "ctrl+z")
        assert toasts(app)[-1][1] == "Nichts rückgängig zu machen: Die letzte Änderung bleibt endgültig."

        await press(app, pilot, "delete")
        assert isinstance(app.screen, Confirm)
        assert app.screen.question.startswith(f"Den Termin mit {customer} (")
        assert app.screen.question.endswith(" löschen? Sie können das einige Sekunden lang rückgängig machen; dann ist er gelöscht.")
        assert (app.screen.yes, app.screen.no) == ("Löschen", "Behalten")


async def test_deleting_a_draft_and_the_undo_toast_are_german(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "delete")  # home opens on the drafts
        assert isinstance(app.screen, Confirm)
        assert app.screen.question.startswith("Den Entwurf für ") and " verwerfen? " in app.screen.question
        assert app.screen.yes == "Entwurf verwerfen"
        assert "Entwurf verwerfen (j)" in on_screen(app)
        await press(app, pilot, "j")  # ja
        assert toasts(app)[-1][1].startswith("Gelöscht: ")
        await press(app, pilot, "ctrl+z")
        assert toasts(app)[-1][1].startswith("Wieder da: ")


async def test_missing_items_help_and_the_save_state_are_german(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "question_mark")
        assert str(app.screen.query_one(Label).render()) == "Tasten dieser Ansicht  Start"
        assert app.screen_stack[1].query_one(HeaderIcon).tooltip == "Befehle öffnen"
        await press(app, pilot, "escape", "enter")
        assert isinstance(app.screen, WalkthroughScreen)
        state = app.screen.query_one(SaveState)
        assert str(state.render()) == "gespeichert"
        assert state.styles.width is not None and state.styles.width.value == len("nicht gespeichert") + 2
        await press(app, pilot, "ctrl+s")
        assert type(app.screen).__name__ == "MissingItemsScreen"
        heading = str(app.screen.query_one(Label).render())
        assert re.fullmatch(r"1 Pflichtpunkt ist noch leer|\d+ Pflichtpunkte sind noch leer", heading), heading
        assert [str(b.label) for b in app.screen.query(Button)] == ["Zum ersten (enter)", "Trotzdem abschließen (f)"]


async def test_the_recap_speaks_german_and_asks_before_dropping_edits(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *SCREENS["recap"][1])
        assert app.screen.sub_title.startswith("Kunden-Mail · ")
        about = shown(app, "#about")
        assert re.search(r"auf (Deutsch|Englisch), aus Ihrer Nachbereitung erstellt\.", about), about
        assert "Änderungen hier werden nicht beim Termin gespeichert." in about
        assert footer(app)[:3] == ["Kopieren", "Speichern", "Zurück"]
        await press(app, pilot, "ctrl+c")
        assert toasts(app)[-1] == ("Kopiert", "Die Kunden-Mail ist in der Zwischenablage: Fügen Sie sie in Ihre E-Mail ein.")
        await type_text(pilot, "Gruss")
        await press(app, pilot, "escape")
        assert isinstance(app.screen, Confirm)
        assert app.screen.question.endswith("Ohne sie verlassen?") and (app.screen.yes, app.screen.no) == ("Verlassen", "Bleiben")


async def test_leaving_the_demo_asks_in_german(tmp_path: Path) -> None:
    demo_path, own = tmp_path / "demo" / "demo.json", tmp_path / "own" / "prep.json"
    store = Store(demo_path)
    shipped = list(demo_meetings(load_library().ordered(), NOW, 6))
    store.add_many(shipped)
    store.close()
    app = PrepApp(demo_path, now=fixed_now, demo=DemoRun(frozenset(m.id for m in shipped), own))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.title == "prep · Demo"
        await press(app, pilot, "n")
        for text in ("Müller Maschinenbau GmbH", "Frau Weiß, Einkauf", "übermorgen", "14 Uhr", "Pilot vereinbaren"):
            await type_text(pilot, text)
            await pilot.press("enter")
        await press(app, pilot, "ctrl+s", "ctrl+q")
        assert isinstance(app.screen, KeepDemoScreen)
        assert "Was Sie in der Demo vorbereitet haben, behalten?" in on_screen(app)
        assert [str(b.label) for b in app.screen.query(Button)] == ["1 Termin behalten (y)", "Verwerfen (n)", "Zurück (esc)"]
        assert "Die Termine der Demo selbst werden nie übernommen." in on_screen(app)
        await press(app, pilot, "escape")


def test_a_follow_up_done_and_its_undo_are_said_in_german(db_path: Path) -> None:
    use("de")
    store = Store(db_path)
    meeting = debriefed_meeting("Acme", 1, followups=[FollowUp("Angebot schicken")])
    store.save(meeting)
    change = changes.followup_done(store, store.save, meeting.id, meeting.debrief.followups[0].id)
    store.close()
    assert change is not None
    assert change.done == "Erledigt: Angebot schicken · ctrl+z macht es rückgängig"
    assert (change.undone, change.title) == ("Wieder offen: Angebot schicken", "Erledigt zurücknehmen: Angebot schicken")


@pytest.mark.parametrize("screen", [name for name in SCREENS if name != "home"])
async def test_every_screen_fits_80_by_24_in_german(demo_db: Path, screen: str) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *SCREENS[screen][1])
        assert type(app.screen).__name__ == SCREENS[screen][0]
        width, text = app.size.width, on_screen(app)
        for key in app.screen.query(FooterKey):
            # A key is whole, or left out: never cut by the edge or drawn under the palette key.
            assert key.region.right <= width and str(key.description) in text, (screen, key.description)
        if app.screen.query(KeysFooter):
            assert {"Beenden", "Tasten"} <= set(footer(app)) or "Befehle" in footer(app), (screen, footer(app))
        for button in app.screen.query(Button):
            assert button.region.right <= width and str(button.label) in text, (screen, str(button.label))
        for label in app.screen.query(".heading, .field-label"):
            if label.display and label.region.height:
                words = str(label.render())
                assert cell_len(words) <= label.region.width, (screen, words)
        sub_title = app.screen.sub_title
        if sub_title:
            assert sub_title[:30] in text, (screen, sub_title)


async def test_on_home_the_keys_for_the_highlighted_follow_up_stay_in_the_german_footer(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        while app.screen.focused is None or app.screen.focused.id != "followups":
            await press(app, pilot, "tab")
        # Too long for 80 columns in German: the keys that open other screens give way, not those for the row.
        assert {"Erledigt", "Nachbereitung", "Öffnen", "Beenden", "Tasten"} <= set(footer(app)), footer(app)
        assert "Checklisten" not in footer(app)


async def test_keys_in_the_german_palette_opens_preps_own_help(demo_db: Path) -> None:
    from prep.screens.help import HelpScreen

    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+p")
        await type_text(pilot, "Tasten")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, HelpScreen)
        assert "Tasten dieser Ansicht" in on_screen(app)
