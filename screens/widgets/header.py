"""The header of every prep screen: the title drawn once, and where it saves, whether it has.

Textual's Header sets its title four times as it is mounted, the last after the screen's
first frame, and so draws it again with the same words a frame later: a screen seemed
still changing after it had appeared. Here the title is drawn again only when its words
change, and the autosave's state is part of the header from the first frame.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle

from prep.language import _
from prep.screens.widgets.save_state import SaveState


class _Icon(HeaderIcon):
    """The icon that opens the command palette, its tooltip in the rep's language."""

    def on_mount(self, event: events.Mount) -> None:
        event.prevent_default()  # Textual's own handler would set its English tooltip after this one
        if self.app.ENABLE_COMMAND_PALETTE:
            self.tooltip = _("Open the command palette")
        else:
            self.disabled = True


class _Title(HeaderTitle):
    """The screen's title; the same title set again draws nothing."""

    _shown: object = None

    def update(self, content: VisualType = "", *, layout: bool = True) -> None:
        if content != self._shown:
            self._shown = content
            super().update(content, layout=layout)


class PrepHeader(Header):
    """Icon, title, and (on screens that save what is typed) the autosave's state."""

    def __init__(self, *, saving: bool = False) -> None:
        super().__init__(classes="-save-state" if saving else None)
        self.saving = saving

    def compose(self) -> ComposeResult:
        yield _Icon().data_bind(Header.icon)
        yield _Title()
        yield SaveState() if self.saving else HeaderClockSpace()
