"""A German trainer reads what is wrong with a checklist in German, at its line, and starts from a German starter."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import in_german
from prep.library.authoring import list_lines, new_checklist, validate
from prep.library.loader import load_library, parse_checklist, read_checklist
from prep.settings import Settings

CORPUS = Path(__file__).parent / "checklists"
BROKEN = sorted((CORPUS / "broken").glob("*.yaml"))
WARNED = sorted((CORPUS / "warned").glob("*.yaml"))


@pytest.mark.parametrize(("name", "place", "german"), [
    ("unknown-key", "10:9", "unbekannter Schlüssel `promt` in einem needs-Eintrag; meinten Sie `prompt`?"),
    ("missing-title", "1:1", "die Checkliste braucht `title`; ergänzen Sie den Schlüssel"),
    ("objection-without-responses", "15:9", "ein objections-Eintrag braucht `responses`; ergänzen Sie den Schlüssel"),
    ("duplicate-section-id", "19:9", "die id 'needs' kommt in den Abschnitten dieser Checkliste zweimal vor"),
    ("version-zero", "4:10", "`version` muss 1 oder größer sein"),
    ("unknown-kind", "20:11", "unbekannte Abschnittsart `trsut`; meinten Sie `trust`?"),
    ("tab-indent", None, "ein Tabulatorzeichen, wo YAML Leerzeichen braucht"),
    ("unclosed-quote", "10:17", "ein Text in Anführungszeichen ist nicht geschlossen: setzen Sie das schließende "
                                "Anführungszeichen in diese Zeile"),
    ("colon-in-text", "11:15", "Text, der ': ' enthält, muss in doppelten Anführungszeichen \"…\" stehen"),
    ("german-quotes-with-colon", "10:17", "„…“ sind keine YAML-Anführungszeichen — verwenden Sie gerade doppelte "
                                          "Anführungszeichen \"…\""),
    ("dash-without-space", "19:11", "ein Listeneintrag braucht '- ' (Bindestrich und Leerzeichen)"),
    ("non-breaking-space", "10:5", "ein geschütztes Leerzeichen aus einer Textverarbeitung — verwenden Sie normale Leerzeichen"),
    ("utf-16", "1:1", "die Datei ist als UTF-16 gespeichert — speichern Sie sie in Ihrem Editor als UTF-8"),
])
def test_a_broken_checklist_is_explained_in_german_at_its_line(name: str, place: str | None, german: str) -> None:
    path = CORPUS / "broken" / f"{name}.yaml"
    _, english = read_checklist(path)
    _, problems = in_german(read_checklist, path)
    assert [(p.line, p.column) for p in problems] == [(p.line, p.column) for p in english]
    found = [p for p in problems if german in p.message]
    assert found, [p.message for p in problems]
    shown = str(found[0])
    assert re.match(rf"{re.escape(str(path))}:\d+:\d+: ", shown), shown
    if place:
        assert shown.startswith(f"{path}:{place}: ")


@pytest.mark.parametrize("path", BROKEN, ids=lambda p: p.stem)
def test_no_problem_of_a_broken_checklist_stays_in_english(path: Path) -> None:
    _, english = read_checklist(path)
    _, german = in_german(read_checklist, path)
    assert len(german) == len(english)
    for before, after in zip(english, german):
        assert after.message != before.message, after.message
        assert "\n" not in after.message  # one line, as the English one


@pytest.mark.parametrize("path", WARNED, ids=lambda p: p.stem)
def test_a_warning_is_said_in_german_and_marked_as_one(path: Path) -> None:
    _, english = read_checklist(path)
    _, german = in_german(read_checklist, path)
    assert [(p.line, p.column) for p in german] == [(p.line, p.column) for p in english]
    for before, after in zip(english, german):
        assert after.message != before.message and "\n" not in after.message
        assert in_german(str, after).startswith(f"{path}:{after.line}:{after.column}: Warnung: ")


def test_a_warning_reads_as_a_german_trainer_would_say_it() -> None:
    _, [smart] = in_german(read_checklist, CORPUS / "warned" / "smart-quotes.yaml")
    assert smart.message == ("der Text beginnt und endet mit “ ” — schreiben Sie gerade Anführungszeichen \" \", wenn sie "
                             "als YAML-Anführungszeichen gemeint sind")
    _, [meeting_type] = in_german(read_checklist, CORPUS / "warned" / "unknown-meeting-type.yaml")
    assert meeting_type.message == "unbekannte Gesprächsart `folow-up`; meinten Sie `follow-up`?"
    result = validate([str(path) for path in WARNED])
    assert in_german(result.summary) == "4 Dateien geprüft: alles in Ordnung, aber sehen Sie sich 4 Warnungen oben an"


def test_more_problems_than_shown_are_counted_in_german() -> None:
    text = "schema: 1\nid: x\ntitle: X\nsections:\n" + "".join(
        f"  - id: s{i}\n    kind: needs\n    title: S\n    items: []\n" for i in range(60))
    _, problems = in_german(parse_checklist, text, "viele.yaml")
    assert problems[-1].message == "und 10 weitere Probleme; beheben Sie zuerst diese, dann prüfen Sie erneut"


def test_the_summary_counts_files_and_problems_in_german() -> None:
    broken = str(CORPUS / "broken" / "unknown-key.yaml")
    result = validate([broken, str(CORPUS / "valid")])
    assert in_german(result.summary).startswith("3 Dateien geprüft: 1 mit 1 Problem; beheben Sie")
    valid = validate([str(CORPUS / "valid" / "minimal.yaml")])
    assert in_german(valid.summary) == "1 Datei geprüft: alles in Ordnung"
    assert validate([broken]).summary().startswith("1 file(s) checked: 1 with 1 problem(s)")  # English as it was


def test_the_list_of_checklists_has_german_headings() -> None:
    lines = in_german(list_lines, load_library())
    assert lines[0].split() == ["ID", "TITEL", "SPRACHE", "VER", "QUELLE"]
    assert any(line.rstrip().endswith("mitgeliefert") for line in lines[1:])
    assert list_lines(load_library())[0].split() == ["ID", "TITLE", "LANG", "VER", "SOURCE"]


def test_the_german_starter_loads_cleanly_and_explains_itself_in_german() -> None:
    folder = Settings.from_environment().user_checklists
    path = in_german(new_checklist, "erstkontakt", None, folder)  # no language given: the rep's
    checklist, problems = read_checklist(path)
    assert problems == [] and checklist is not None
    assert checklist.language == "de" and checklist.title == "Erstkontakt"
    assert [s.title for s in checklist.sections] == ["Bedarf des Kunden", "Mögliche Einwände", "Vertrauen aufbauen",
                                                     "Bereit für das Gespräch"]
    comments = [line.split("#", 1)[1] for line in path.read_text(encoding="utf-8").splitlines()
                if "#" in line and not line.startswith("# yaml-language-server")]
    assert len(comments) >= 8
    english = re.compile(r"\b(the|rep|each|which|what|this|these|check it with)\b", re.IGNORECASE)
    assert not [comment for comment in comments if english.search(comment)]
    assert any("Prüfen mit: prep checklists validate" in comment for comment in comments)
    assert any("Schlüssel" in comment and "englisch" in comment for comment in comments)
    assert validate([str(path)]).problems == []


def test_without_a_language_an_english_rep_gets_the_english_starter() -> None:
    path = new_checklist("first-call", None, Settings.from_environment().user_checklists)
    checklist, problems = read_checklist(path)
    assert problems == [] and checklist is not None and checklist.language == "en"
    assert "Check it with: prep checklists validate" in path.read_text(encoding="utf-8")


def test_a_starter_refused_says_why_in_german(tmp_path: Path) -> None:
    from prep.errors import PrepError

    with pytest.raises(PrepError, match="ist keine gültige Checklisten-id"):
        in_german(new_checklist, "Mein Call", "de", tmp_path)
    in_german(new_checklist, "anruf", "de", tmp_path)
    with pytest.raises(PrepError, match="gibt es schon"):
        in_german(new_checklist, "anruf", "de", tmp_path)
