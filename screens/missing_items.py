"""Before finishing: required items that are still empty are pointed out, not accepted silently."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from prep.language import N_, _, ngettext, number
from prep.model.checklist import Item, Section
from prep.screens.widgets.shown import plain


class MissingItemsScreen(ModalScreen[bool]):
    """Lists the empty required items; the rep goes back to them or finishes anyway."""

    CSS_PATH = "missing_items.tcss"
    BINDINGS = [
        Binding("escape,enter", "dismiss(False)", N_("Go to the first"), id="missing.back"),
        Binding("f", "dismiss(True)", N_("Finish anyway"), id="missing.finish"),
    ]

    def __init__(self, missing: list[tuple[Section, Item]]) -> None:
        super().__init__()
        self.missing = missing

    def compose(self) -> ComposeResult:
        count = len(self.missing)
        with Vertical(id="dialog"):
            yield Label(ngettext("[b]{count} required item is still empty[/b]", "[b]{count} required items are still empty[/b]",
                                 count).format(count=number(count)))
            yield Static(plain("\n".join(f"• {section.title}: {item.text}" for section, item in self.missing)), id="missing-list")
            with Horizontal(id="buttons"):
                yield Button(_("Go to the first (enter)"), id="back", variant="primary")
                yield Button(_("Finish anyway (f)"), id="finish")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "finish")
