"""A file prep writes is named so that a German rep reads it: Müller is mueller, not m-ller."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from prep.library.loader import load_library
from prep.model.meeting import Meeting
from prep.paths import name_part
from prep.reports.brief import saved_briefs, write_brief


@pytest.mark.parametrize(("text", "expected"), [
    ("Müller Maschinenbau GmbH", "mueller-maschinenbau-gmbh"),
    ("Weiß & Söhne KG", "weiss-soehne-kg"),
    ("ÖKO Ärzte-Verbund", "oeko-aerzte-verbund"),
    ("Café Ünal", "cafe-uenal"),
    ("Erstgespräch", "erstgespraech"),
    ("  ", "meeting"),
    ("株式会社", "meeting"),
])
def test_a_name_keeps_its_umlauts_readable(text: str, expected: str) -> None:
    assert name_part(text, "meeting") == expected


def _meeting(customer: str) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    return Meeting(customer=customer, when=datetime(2026, 11, 25, 14, 0), checklist=checklist)


def test_a_brief_is_named_after_the_customer_as_written_without_umlauts(tmp_path: Path) -> None:
    path = write_brief(_meeting("Müller Maschinenbau GmbH"), tmp_path)
    assert path.name == "2026-11-25-mueller-maschinenbau-gmbh.md"
    assert saved_briefs(tmp_path) == {path: "Müller Maschinenbau GmbH"}


def test_a_brief_saved_before_umlauts_were_spelled_out_is_still_found_and_so_forgotten(tmp_path: Path) -> None:
    old = tmp_path / "2026-11-20-m-ller-maschinenbau-gmbh.md"
    old.write_text("# Müller Maschinenbau GmbH\n", encoding="utf-8")
    assert saved_briefs(tmp_path) == {old: "Müller Maschinenbau GmbH"}
