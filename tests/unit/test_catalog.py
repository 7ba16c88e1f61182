"""Every message marked in the code is in the German catalog, translated, with the same placeholders."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from prep.language import _, speaking, use

TOOL = Path(__file__).resolve().parents[2] / "tools" / "catalogs.py"


def _catalogs():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalogs", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_marked_message_has_a_german_translation_with_the_same_placeholders() -> None:
    catalogs = _catalogs()
    template = catalogs.extract()
    assert len(template) > 100  # the extraction found the code's messages
    problems = catalogs.problems("de", template)
    assert not problems, "run `python tools/catalogs.py` and translate:\n" + "\n".join(problems)


def test_no_message_is_translated_inside_an_f_string() -> None:
    # The extraction does not read into f-strings: f"{_('Objections')}" would never reach the catalog.
    root = Path(__file__).resolve().parents[2]
    hidden = [f"{path.relative_to(root)}:{number}" for folder in ("prep", "screens") for path in (root / folder).rglob("*.py")
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if re.search(r"""\{_\(["']""", line)]
    assert hidden == [], "translate outside the f-string: " + ", ".join(hidden)


@pytest.mark.parametrize(("english", "german", "same"), [
    ("Step {number} of {steps}", "Schritt {number} von {steps}", True),
    ("[b]From last time[/b]\n$carried", "[b]Vom letzten Mal[/b]\n$carried", True),
    ("{done}/{items} done", "{erledigt}/{items}", False),  # a renamed placeholder
    ("[b]From last time[/b]\n$carried", "Vom letzten Mal\n$carried", False),  # markup lost
])
def test_a_translation_must_keep_every_placeholder_and_markup_tag(english: str, german: str, same: bool) -> None:
    catalogs = _catalogs()
    assert (catalogs.placeholders(english) == catalogs.placeholders(german)) is same


def test_prep_speaks_german_when_asked_and_english_otherwise() -> None:
    assert use("de_DE") == "de" and speaking() == "de"
    assert _("Step {number} of {steps}").format(number=1, steps=4) == "Schritt 1 von 4"
    assert use("fr") == "en"  # a language prep does not have
    assert _("Step {number} of {steps}") == "Step {number} of {steps}"


def test_numbers_are_grouped_as_the_rep_reads_them() -> None:
    from prep.language import number

    use("en")
    assert number(20000) == "20,000"
    use("de")
    assert number(20000) == "20.000"
    use("en")


def test_quoted_text_takes_the_quotation_marks_of_its_language() -> None:
    from prep.language import quoted

    assert quoted("Zu teuer.", "de") == "„Zu teuer.“"
    assert quoted("Too expensive.", "en") == "“Too expensive.”"
    use("de")
    assert quoted("Zu teuer.") == "„Zu teuer.“"  # without a language: the rep's
    use("en")


def test_a_german_checklists_objections_are_quoted_the_german_way_in_the_brief() -> None:
    from datetime import datetime

    from prep.library.loader import load_library
    from prep.model.meeting import Meeting
    from prep.reports.brief import brief_markdown

    checklist = load_library().get("erstgespraech") or next(c for c in load_library().ordered() if c.language == "de")
    meeting = Meeting(customer="Müller GmbH", when=datetime(2026, 11, 25, 14, 0), checklist=checklist)
    brief = brief_markdown(meeting)
    assert "„" in brief and "“" in brief and "”" not in brief


def test_a_brief_written_for_a_german_rep_reads_in_german() -> None:
    from helpers import debriefed_meeting
    from prep.model.meeting import FollowUp, ObjectionOutcome
    from prep.reports.brief import brief_markdown

    meeting = debriefed_meeting("Müller GmbH", 2, outcome="Pilot vereinbart", rating=4, contact_wish="more",
                                contact_rhythm="monthly", followups=[FollowUp(text="Angebot schicken", id="f1")])
    meeting.debrief.objections["objections/no-need"] = ObjectionOutcome(came_up=True, landed="well")  # type: ignore[union-attr]
    use("de")
    brief = brief_markdown(meeting)
    use("en")
    for german in ("## Wie es lief", "**Ergebnis:** Pilot vereinbart", "**Beziehung jetzt:** 4/5",
                   "Der Kunde wünscht mehr Kontakt", "**Wie oft:** monatlich", "_Kam; die Antwort kam gut an._",
                   "## Folgeaufgaben", "- ☐ Angebot schicken — von uns zugesagt, ohne Datum", "_wahrscheinlich_"):
        assert german in brief, german
