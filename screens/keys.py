"""Every key binding the screens declare, with the class that declares it: what `keys.yaml` may remap."""

from __future__ import annotations

import importlib

from textual.binding import Binding

# Each module of prep.screens that declares a screen or a modal with keys.
SCREENS = ("brief", "checklists", "coaching", "confirm", "customer_card", "debrief", "help", "history", "home", "missing_items",
           "new_preparation", "person_form", "recap", "rehearsal", "timeline", "trainer_review", "walkthrough")


def screen_bindings() -> list[tuple[str, Binding]]:
    """(class name, binding) for every binding a screen class of prep declares, in the order of SCREENS."""
    found: list[tuple[str, Binding]] = []
    for name in SCREENS:
        module = importlib.import_module(f"prep.screens.{name}")
        for value in vars(module).values():
            if isinstance(value, type) and hasattr(value, "BINDINGS") and value.__module__ == module.__name__:
                found += [(value.__name__, b) for b in value.BINDINGS if isinstance(b, Binding)]
    return found
