"""A yes-or-no question before something that cannot simply be typed again (a delete): y or enter, n or escape."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from prep.screens.widgets.shown import plain


class ConfirmScreen(ModalScreen[bool]):
    """Asks one question; dismissed with True for yes."""

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y", "dismiss(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "dismiss(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        """`yes` and `no` name what each answer does, as the buttons say it ("Delete", "Keep")."""
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(plain(self.question), id="question")
            with Horizontal(id="buttons"):
                # Focused first: enter answers yes, as the rep who chose to delete expects.
                yield Button(plain(f"{self.yes} (y)"), id="yes", variant="error")
                yield Button(plain(f"{self.no} (n)"), id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
