"""Whether what the rep typed is on disk: "saving…", "saved" or "not saved", at the right end of the header.

It shows the app's `save_state`, which the autosave sets from its own thread through the
UI loop (prep.app), so typing never waits for it. It takes the place of the empty space
Textual's header keeps for a clock (screens/widgets/header.py): nothing else moves, at 60 columns too.
"""

from __future__ import annotations

from textual.widgets import Static

from prep.screens.widgets.shown import plain

WORDS = {"saving": "saving…", "saved": "saved", "not saved": "not saved"}


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

    def on_mount(self) -> None:
        self.watch(self.app, "save_state", self._show)

    def _show(self, state: str) -> None:
        self.update(plain(WORDS.get(state, state)))
        self.set_class(state == "not saved", "-failed")

