"""Leaving the demo with meetings the rep prepared in it: keep them in their own database, or let them go."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from prep.dates import shown_moment
from prep.language import N_, _, ngettext, number
from prep.model.summary import MeetingSummary
from prep.screens.widgets.shown import markup, plain

Decision = Literal["keep", "discard", "stay"]


class KeepDemoScreen(ModalScreen[Decision]):
    """Asked on quitting the demo when the rep prepared something in it."""

    CSS_PATH = "keep_demo.tcss"
    BINDINGS = [
        Binding("y", "dismiss('keep')", N_("Keep them"), id="demo.keep"),
        Binding("n", "dismiss('discard')", N_("Let them go"), id="demo.discard"),
        Binding("escape", "dismiss('stay')", N_("Back to the demo"), id="demo.stay"),
    ]

    def __init__(self, made: list[MeetingSummary], own_database: str) -> None:
        super().__init__()
        self.made = made
        self.own_database = own_database

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(markup(_("[b]Keep what you prepared in the demo?[/b]")))
            more = "\n" + _("… and {count} more").format(count=number(len(self.made) - 8)) if len(self.made) > 8 else ""
            yield Static(plain("\n".join(f"• {m.customer} · {shown_moment(m.when)}" for m in self.made[:8]) + more), id="made")
            yield Static(markup(_("The demo's own meetings are never copied. Yours go into $path; "
                                  "everything else is gone once the demo closes."), path=self.own_database),
                         classes="muted", id="where")
            with Horizontal(id="buttons"):
                kept = ngettext("Keep {count} meeting (y)", "Keep {count} meetings (y)", len(self.made))
                yield Button(kept.format(count=number(len(self.made))), id="keep", variant="primary")
                yield Button(_("Let them go (n)"), id="discard")
                yield Button(_("Back (esc)"), id="stay")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)  # type: ignore[arg-type]
