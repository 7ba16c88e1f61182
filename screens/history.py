"""History: every meeting, newest first, filtered as the rep types."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from prep.store import MeetingSummary, search
from prep.screens.base import PrepScreen
from prep.screens.home import meeting_line

SHOWN = 200  # more rows than a screen holds; the count says when there are more


class HistoryScreen(PrepScreen):
    """Search over customer, contact, goal and everything written."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="history.back"),
        Binding("down", "results", "Results", show=False, id="history.results"),
        Binding("slash", "filter", "Search", id="history.search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.meetings: list[MeetingSummary] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="Search customer, contact, notes…  (enter opens the first, ↓ the list)", id="filter")
        yield Static("Loading…", id="count", classes="muted")
        yield OptionList(id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "History"
        self.query_one("#filter", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, group="history-load", exit_on_error=False)
    def load(self) -> None:
        """All meetings, read off the UI thread."""
        meetings = self.prep.store.summaries()
        self.app.call_from_thread(self._loaded, meetings)

    def _loaded(self, meetings: list[MeetingSummary]) -> None:
        self.meetings = meetings
        self.filter(self.query_one("#filter", Input).value)

    @on(Input.Changed, "#filter")
    def typed(self, event: Input.Changed) -> None:
        if self.meetings is not None:
            self.filter(event.value)

    @work(thread=True, exclusive=True, group="history-search", exit_on_error=False)
    def filter(self, text: str) -> None:
        """Search in a worker; a newer keystroke cancels this one."""
        found = search(self.meetings or [], text)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, found, text)

    def show(self, found: list[MeetingSummary], text: str) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(
            Option(meeting_line(m, detail=("draft · " if m.is_draft else "") + (m.outcome or m.goal)), id=m.id)
            for m in found[:SHOWN]
        )
        total = len(self.meetings or [])
        if not found:
            count = f"No meeting matches “{text}”." if text else "No meetings yet."
        elif len(found) > SHOWN:
            count = f"{len(found):,} of {total:,} meetings — showing the newest {SHOWN}; type to narrow"
        else:
            count = f"{len(found):,} of {total:,} meetings"
        self.query_one("#count", Static).update(count)
        if found:
            results.highlighted = 0

    @on(Input.Submitted, "#filter")
    def open_first(self) -> None:
        """Enter in the search box opens the top result: type a name, press enter, read."""
        results = self.query_one("#results", OptionList)
        if results.option_count:
            option = results.get_option_at_index(results.highlighted or 0)
            if option.id:
                self.prep.open_meeting(option.id)

    def action_results(self) -> None:
        self.query_one("#results", OptionList).focus()

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    @on(OptionList.OptionSelected, "#results")
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.prep.open_meeting(event.option.id)
