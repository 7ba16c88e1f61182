"""Help: the keys of the screen the rep is on, with their ids for remapping."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from prep.language import N_, _
from prep.reports.inert import inert
from prep.screens.widgets.shown import markup

# Translators: the screens' names beside "Keys on this screen", written as their code names them.
SCREEN_NAMES = (N_("Home"), N_("NewPreparation"), N_("Walkthrough"), N_("MissingItems"), N_("Brief"), N_("Rehearsal"),
                N_("Debrief"), N_("Recap"), N_("History"), N_("Timeline"), N_("Checklists"), N_("Confirm"), N_("KeepDemo"),
                N_("CustomerCard"), N_("PersonForm"))


class HelpScreen(ModalScreen[None]):
    """Every key of the current screen, what it does, and the id to remap it in keys.yaml."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", N_("Close"), id="help.close")]

    def __init__(self, screen: Screen[object], keys_file: str) -> None:
        super().__init__()
        self.for_screen = screen
        self.keys_file = keys_file

    def compose(self) -> ComposeResult:
        table = Text()
        # Every key of the screen, also those not usable at this moment, as remapped by keys.yaml.
        active = {a.binding.id: a.binding for a in self.for_screen.active_bindings.values() if a.binding.id}
        declared = [b for b in [*type(self.for_screen).BINDINGS, *type(self.app).BINDINGS] if isinstance(b, Binding)]
        seen: set[str] = set()
        for declared_binding in declared:
            binding = active.get(declared_binding.id, declared_binding)
            if binding.action in seen:
                continue
            seen.add(binding.action)
            shown = self.app.get_key_display(binding)
            table.append(inert(f"{shown:>10}  ", one_line=True), style="bold")  # keys come from keys.yaml
            table.append(_(binding.tooltip or binding.description) if binding.tooltip or binding.description else binding.action)
            if binding.id:
                table.append(f"  {binding.id}", style="dim")
            table.append("\n")
        name = type(self.for_screen).__name__.removesuffix("Screen")
        with Vertical(id="help"):
            yield Label(markup(_("[b]Keys on this screen[/b]  [dim]$screen[/]"), screen=_(name) if name in SCREEN_NAMES else name))
            with VerticalScroll():
                yield Static(table)
            yield Static(markup(_("[dim]ctrl+p: every command · remap keys in $file (id: keys) · ?/esc closes[/]"),
                                file=self.keys_file))
