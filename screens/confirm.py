"""A question that needs a yes or a no before prep goes on: y (j for ja) or enter says yes, n or esc says no."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from prep.language import N_, _
from prep.screens.widgets.shown import plain


class Confirm(ModalScreen[bool]):
    """Asks `question` (shown as it is: it may name a customer); dismissed with True for yes, False for no.

    `yes` and `no` name what each answer does ("Delete", "Keep it"); `danger` marks a yes
    that removes something (it can still be undone for a while, but it should look serious).
    """

    CSS_PATH = "confirm.tcss"
    BINDINGS = [
        Binding("y,j,enter", "answer(True)", N_("Yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", N_("No"), id="confirm.no"),
    ]

    def __init__(self, question: str, *, yes: str = "", no: str = "", danger: bool = False) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes or _("Yes"), no or _("No")
        self.set_class(danger, "-danger")

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(plain(self.question), id="question")
            with Horizontal(id="answers"):
                # Each answer's key beside its words: y and j (ja) both say yes, whatever the language.
                # Translators: the key for yes as the button names it; y and j both work.
                yes_key = _("y")
                yield Button(plain(f"{self.yes} ({yes_key})"), id="yes", variant="error" if self.has_class("-danger") else "primary",
                             compact=True)
                yield Button(plain(f"{self.no} (n)"), id="no", compact=True)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")
