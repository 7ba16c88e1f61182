"""Snapshots wait for the app to be idle as Textual's Pilot does by default (20 ms steps): a screen that fills
in a moment after its keys (a checklist's preview) is pictured whole, not half drawn. Flow tests, which type a
lot, wait in finer steps (tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def quick_keys() -> None:
    """Not here: Textual's own idle wait."""
