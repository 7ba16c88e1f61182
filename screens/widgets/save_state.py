"""Whether what the rep typed is on disk: "saving…", "saved" or "not saved", at the right end of the header.

It shows the app's `save_state`, which the autosave sets from its own thread through the
UI loop (prep.app), so typing never waits for it. It takes the place of the empty space
Textual's header keeps for a clock (screens/widgets/header.py): nothing else moves, at 60 columns too.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.widgets import Static

from prep.language import N_, _
from prep.screens.widgets.shown import plain

WORDS = {"saving": N_("saving…"), "saved": N_("saved"), "not saved": N_("not saved")}
WIDTH = 11  # as DEFAULT_CSS says: the longest English word and the padding; a language with longer words widens it


class SaveState(Static):
    """One line in the header: the autosave's state."""

    DEFAULT_CSS = """
    SaveState {
        dock: right;
        width: 11;
        height: 1;
        padding: 0 1;
        text-align: right;
        color: $text-muted;
        background: transparent;
    }
    SaveState.-failed { color: $text-error; text-style: bold; }
    """

    def __init__(self) -> None:
        super().__init__()
        # As wide as the longest of the words, whichever is shown: the title beside it never moves.
        needed = max(cell_len(_(word)) for word in WORDS.values()) + 2
        if needed > WIDTH:
            self.styles.width = needed

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: str) -> None:
        self.update(plain(_(WORDS[state]) if state in WORDS else state))
        self.set_class(state == "not saved", "-failed")

