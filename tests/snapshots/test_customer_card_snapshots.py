"""How a customer card looks at 80×24, in English and in German: the details, the people with their part,
stance and when last met, the meetings — and the form for one person, refusing an address that is not one.

Update only after looking at the report (`pytest --snapshot-update`, then snapshot_report.html).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import acme_with_people, fixed_now, press, settle
from prep.app import PrepApp

CASES = {
    "card": ("k",),
    # A new person with a part and a stance, and an e-mail address without its dot, saved: refused under its field.
    # (t and s pick in both languages: technical evaluator, technischer Prüfer; supportive, skeptisch.)
    "person-form-refusing": ("k", "a", *"Lena", "tab", "tab", "t", "tab", "s", "tab", "tab", *"lena@acme", "ctrl+s"),
}


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("case", list(CASES))
def test_the_customer_card_looks_right(snap_compare, db_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                       case: str, language: str) -> None:
    monkeypatch.setenv("PREP_LANG", language)
    acme_with_people(db_path)
    monkeypatch.setattr("prep.app.WARM_UP_DELAY", 3600)  # nor a toast about updated checklists over the card, on a slow run

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot.app, pilot)
        await press(pilot.app, pilot, *CASES[case])

    assert snap_compare(PrepApp(db_path, now=fixed_now), terminal_size=(80, 24), run_before=run_before)
