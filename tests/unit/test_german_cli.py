"""The command line in German: help, argparse's own words, prep's messages and the storage's errors.

prep speaks German when PREP_LANG says so, or the locale when PREP_LANG is not set; PREP_LANG=en
keeps it English on a German machine. The language is chosen before the arguments are read.
"""

from __future__ import annotations

import argparse
import gettext
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prep.cli import main
from prep.language import use
from prep.settings import read_keymap
from prep.storage.store import Store

LOCALE_VARIABLES = ("PREP_LANG", "LC_ALL", "LC_MESSAGES", "LANG")


@pytest.fixture
def german(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_LANG", "de")


@pytest.fixture(autouse=True)
def english_afterwards() -> object:
    """What the CLI chose stays for the process: the next test starts in English again."""
    yield
    use("en")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """main(argv) in this process: its exit code (argparse's too), stdout and stderr."""
    try:
        code = main(argv)
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


# -- help and argparse's own words ---------------------------------------------------------

def test_the_help_is_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["--help"], capsys)
    out = " ".join(out.split())  # argparse wraps and lays out options differently from one Python to the next
    assert code == 0
    assert out.startswith("Verwendung: prep [-h] [--db PFAD] [--drafts] [--version] BEFEHL ...")
    assert "Bereiten Sie sich in zehn konzentrierten Minuten auf einen Kundentermin vor" in out
    assert "Optionen:" in out and "diese Hilfe anzeigen und beenden" in out
    assert "die zu verwendende Datenbankdatei (Standard: $PREP_DB, sonst Ihr Datenordner)" in out
    assert "offene Folgeaufgaben, überfällige zuerst" in out
    for english in ("usage:", "options:", "show this help", "database file to use"):
        assert english not in out


def test_a_commands_help_is_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["export", "--help"], capsys)
    out = " ".join(out.split())
    assert code == 0
    assert out.startswith("Verwendung: prep export [-h] [--db PFAD]")
    assert "--output DATEI" in out  # "-o DATEI, --output DATEI" before Python 3.13, "-o, --output DATEI" since
    assert "in DATEI schreiben statt auf den Bildschirm" in out


def test_an_option_without_its_value_is_said_in_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["export", "--db"], capsys)
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == "prep export: Fehler: Argument --db: erwartet einen Wert"
    assert err.startswith("Verwendung: prep export")


def test_a_count_that_is_not_a_number_is_said_in_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["demo", "--meetings", "zwei", "--no-app"], capsys)
    assert code == 2
    assert err.splitlines()[-1] == "prep demo: Fehler: Argument --meetings: 'zwei' ist keine ganze Zahl"
    code, _out, err = run(["demo", "--meetings", "300000", "--no-app"], capsys)
    assert err.splitlines()[-1].endswith("geben Sie eine Zahl von 0 bis 200.000 an")  # German digit grouping


def test_an_unknown_choice_and_a_missing_argument_are_said_in_german(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(["checklists", "new", "intro-call", "--lang", "fr"], capsys)
    assert code == 2
    assert "Argument --lang: ungültige Auswahl: 'fr' (möglich sind" in err
    code, _out, err = run(["checklists", "publish"], capsys)
    assert code == 2 and "ungültige Auswahl: 'publish'" in err
    code, _out, err = run(["checklists"], capsys)
    assert err.splitlines()[-1] == "prep checklists: Fehler: diese Argumente fehlen: AKTION"
    code, _out, err = run(["export", "--frmat", "csv"], capsys)
    assert code == 2 and "Fehler: unbekannte Argumente: --frmat csv" in err


def test_argparse_speaks_as_before_once_prep_has_read_its_arguments(german: None, capsys: pytest.CaptureFixture[str]) -> None:
    run(["--help"], capsys)
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    assert argparse.ngettext is gettext.ngettext  # type: ignore[attr-defined]
    assert argparse.ArgumentParser(prog="other").format_usage().startswith("usage: other")


# -- which language --------------------------------------------------------------------------

def test_a_german_locale_alone_gives_german(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    _code, out, _err = run(["--help"], capsys)
    assert out.startswith("Verwendung: prep")


def test_prep_lang_en_wins_over_a_german_locale(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    monkeypatch.setenv("PREP_LANG", "en")
    _code, out, _err = run(["--help"], capsys)
    assert out.startswith("usage: prep [-h] [--db PATH] [--drafts] [--version] COMMAND ...")
    assert "options:" in out and "database file to use" in out and "Verwendung" not in out
    code, _out, err = run(["checklists"], capsys)
    assert err.splitlines()[-1] == "prep checklists: error: the following arguments are required: ACTION"


def test_the_installed_command_reads_the_locale(tmp_path: Path) -> None:
    """`python -m prep` as a rep runs it: nothing but LANG says German."""
    env = {key: value for key, value in os.environ.items() if key not in LOCALE_VARIABLES}
    result = subprocess.run([sys.executable, "-m", "prep", "checklists"], capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, env={**env, "LANG": "de_DE.UTF-8"}, timeout=120)
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["Verwendung: prep checklists [-h] [--db PFAD] AKTION ...",
                                          "prep checklists: Fehler: diese Argumente fehlen: AKTION"]


# -- prep's own messages and the storage's errors -------------------------------------------

def test_the_demo_without_a_file_says_in_german_where_it_should_go(
    german: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("PREP_DB")
    code, out, err = run(["demo", "--no-app"], capsys)
    assert (code, out) == (1, "")
    assert err == "prep: demo --no-app braucht --db PFAD (oder PREP_DB): Wohin soll die Demo-Datenbank?\n"


def test_the_demo_counts_in_german(german: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.json"
    code, out, _err = run(["demo", "--db", str(path), "--meetings", "1", "--no-app"], capsys)
    assert (code, out) == (0, f"1 Demo-Termin in {path} geschrieben\n")
    code, _out, err = run(["demo", "--db", str(path), "--no-app"], capsys)
    assert err == (f"prep: {path}: existiert bereits; Demo-Daten kommen in eine neue Datei – wählen Sie einen "
                   "anderen Pfad oder löschen Sie diese Datei\n")


def test_a_damaged_database_is_named_in_german_with_what_to_do(
    german: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "prep.json"
    path.write_text("not a database\n")
    code, out, err = run(["export", "--db", str(path)], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"prep: {path}: die Datenbank ist beschädigt; sie wurde unverändert gelassen – "
                          "führen Sie `prep repair` aus")
    assert err.count("\n") == 1
    code, out, _err = run(["repair", "--db", str(path)], capsys)
    assert code == 0
    assert f"{path.name} als {path.name}.damaged-" in out and "(nichts wurde gelöscht)" in out
    assert f"0 Termine erhalten; prep kann wieder in {path} schreiben." in out


def test_a_folder_given_as_the_database_is_refused_in_german(
    german: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(["followups", "--db", str(tmp_path)], capsys)
    assert code == 1
    assert err == (f"prep: {tmp_path}: die Datenbank ist keine gewöhnliche Datei (ein Gerät, eine Pipe oder ein "
                   "Ordner); prep speichert seine Daten nur in gewöhnlichen Dateien – wählen Sie mit --db eine andere\n")


def test_an_export_to_a_folder_says_what_to_do_in_german(
    german: None, demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(["export", "--db", str(demo_db), "-o", str(tmp_path)], capsys)
    assert code == 1
    assert err == (f"prep: {tmp_path}: keine Datei, die prep schreiben kann (ein Ordner oder ein Gerät); "
                   "wählen Sie mit -o eine andere Datei\n")


def test_nothing_open_and_nothing_to_repair_in_german(german: None, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["followups", "--db", str(db_path)], capsys)[1] == "Keine offenen Folgeaufgaben.\n"
    assert run(["repair", "--db", str(db_path)], capsys)[1] == f"Nichts zu reparieren: {db_path} ist vollständig lesbar.\n"


def test_forget_asks_in_german_and_takes_ja_for_an_answer(
    german: None, demo_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    customer = Store(demo_db).customers()[0]
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or "ja")
    code, out, _err = run(["forget", customer, "--db", str(demo_db)], capsys)
    assert code == 0
    assert asked == [f"{customer} endgültig löschen? Zum Bestätigen „ja“ eingeben: "]
    assert out.startswith("Dies löscht ")
    assert "Exporte, die Sie mit `prep export` erstellt haben, müssen Sie selbst löschen." in out
    assert f"{customer} wurde gelöscht." in out
    assert customer not in Store(demo_db).customers()


def test_forget_without_a_terminal_says_so_in_german(german: None, demo_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    customer = Store(demo_db).customers()[0]
    code, _out, err = run(["forget", customer, "--db", str(demo_db)], capsys)  # pytest's stdin is no terminal
    assert code == 1
    assert err == ("prep: es wurde nichts gelöscht: Es gibt kein Terminal für die Rückfrage; führen Sie den Befehl "
                   "mit --yes erneut aus, um zu löschen\n")
    assert customer in Store(demo_db).customers()


def test_keys_yaml_problems_are_german_and_name_the_line(tmp_path: Path) -> None:
    keys = tmp_path / "keys.yaml"
    keys.write_text("home.new: ctrl+n\nhome.nwe: ctrl+b\nhome.open: ctrl+j\n")
    use("de")
    keymap, problems = read_keymap(keys, {"home.new", "home.open"})
    assert keymap == {"home.new": "ctrl+n"}
    assert problems == [
        f"{keys}:2: keine Tastenbelegung heißt `home.nwe`; meinten Sie `home.new`?",
        f"{keys}:3: ctrl+j kommt in den meisten Terminals nicht bei prep an; ergänzen Sie eine andere Taste",
    ]
    keys.write_text("home.new: [ctrl+n\n")
    assert read_keymap(keys)[1][0].startswith(f"{keys}:2: kein gültiges YAML (")
    use("en")
    assert read_keymap(keys)[1][0].startswith(f"{keys}:2: not valid YAML (")
