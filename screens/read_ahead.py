"""What screens show that is slow to work out, and their CSS: read once in the background, kept, and in a screen's first frame.

The checklists are YAML files; the customers a form completes and the customers and
checklists history filters by are worked out from every meeting (20,000 of them take a
tenth of a second). All are read a few seconds after the start, in a worker; a screen
opened after that shows them in its first frame (and catches up in a worker, showing
again only what changed meanwhile), one opened before reads them in its own worker. The
checklists are read once (a trainer's changed file shows at the next start); the rest
again only once the history has changed.

Each screen's CSS is parsed once too, while home is all there is: Textual reads a
screen's CSS when it is first shown, parses all CSS again and restyles every widget of
every open screen — a debrief opened from history waited for that.
"""

from __future__ import annotations

import inspect
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from prep.model.summary import MeetingSummary
from prep.screens.form_checks import KnownCustomers

if TYPE_CHECKING:  # YAML is not needed for the first frame
    from textual.app import App
    from textual.screen import Screen

    from prep.library.loader import Library
    from prep.storage import Store


@dataclass(frozen=True)
class History:
    """Every meeting newest first, with what history's filters offer; `revision` tells one reading from the next."""

    revision: int
    meetings: list[MeetingSummary]
    customers: list[str]  # alphabetically, as stored
    checklists: list[str]  # the checklists' titles, alphabetically
    known: KnownCustomers
    cards: tuple[str, ...] = ()  # the names on customer cards, met or not yet (imported from the CRM)

    @classmethod
    def of(cls, revision: int, meetings: list[MeetingSummary], cards: tuple[str, ...] = ()) -> History:
        return cls(revision, meetings, sorted({m.customer for m in meetings}, key=str.lower),
                   sorted({m.checklist_title for m in meetings}), KnownCustomers.of(meetings, cards), cards)


class ReadAhead:
    """The checklists and the known customers, each read at most once for what the history is."""

    def __init__(self, store: Store, read_library: Callable[[], Library]) -> None:
        self._store = store
        self._read_library = read_library
        self._library: Library | None = None
        self._history: History | None = None
        self._lock = threading.Lock()

    def library(self) -> Library:
        """Every checklist (slow the first time: call it in a worker)."""
        with self._lock:
            if self._library is None:
                self._library = self._read_library()
            return self._library

    def library_if_read(self) -> Library | None:
        """The checklists if they have been read, else None (then read them in a worker)."""
        return self._library

    def history(self) -> History:
        """Every meeting and what is worked out from them, caught up with every running copy (call it in a worker)."""
        revision, meetings = self._store.summaries_at()
        cards = tuple(card.name for card in self._store.customer_cards())
        with self._lock:
            if self._history is None or (self._history.revision, self._history.cards) != (revision, cards):
                self._history = History.of(revision, meetings, cards)
            return self._history

    def history_if_read(self) -> History | None:
        """The history as last read (perhaps a change behind: `history` catches up), or None."""
        return self._history

    def everything(self) -> None:
        """Read it all (in a worker, a moment after the start)."""
        self.library()
        self.history()


def read_css(app: App[object], screens: list[type[Screen[object]]]) -> None:
    """Every screen's CSS, parsed at once (on the UI thread, while home is all there is to restyle)."""
    for screen in screens:
        for path in [screen.CSS_PATH] if isinstance(screen.CSS_PATH, str) else screen.CSS_PATH or []:
            # The path Textual gives the screen's CSS (`_make_path_object_relative`): found, it is not read again.
            resolved = (Path(inspect.getfile(screen)).parent / path).resolve()
            if not app.stylesheet.has_source(str(resolved), ""):
                app.stylesheet.read(resolved)
    app.stylesheet.reparse()
    app.stylesheet.update(app)
