"""History: every meeting, newest first, narrowed as the rep types and filters."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, OptionList, Select, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from prep.dates import parse_day
from prep.errors import InputError
from prep.insights.search import Excerpt, Filters, excerpt, search
from prep.language import N_, _, ngettext, number, quoted, sentence
from prep.model.meeting import Meeting
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert
from prep.screens.base import MeetingsChanged, PrepScreen
from prep.screens.read_ahead import History
from prep.screens.widgets.fields import Choice, TextField
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.meeting_lines import meeting_hit
from prep.screens.widgets.shown import choice, markup, plain

SHOWN = 200  # more rows than a screen holds; the count says when there are more


class HistoryScreen(PrepScreen):
    """Search over everything written, with filters for customer, dates, checklist and open follow-ups."""

    CSS_PATH = "history.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="history.back"),
        Binding("down", "results", N_("Results"), show=False, id="history.results"),
        Binding("slash", "filter", N_("Search"), id="history.search"),
        Binding("d", "debrief", N_("Debrief"), id="history.debrief"),
        Binding("t", "timeline", N_("Customer"), tooltip=N_("The customer's timeline"), id="history.timeline"),
        Binding("k", "customer_card", N_("Card"), tooltip=N_("The customer card: the people in their decision"),
                id="history.customer-card"),
        Binding("c", "cancel_meeting", N_("Cancel"), tooltip=N_("Cancel the meeting, or take the cancellation back"),
                show=False, id="history.cancel"),
        Binding("delete", "delete", N_("Delete"), tooltip=N_("Delete the meeting or draft (asks first)"), show=False, id="history.delete"),
        Binding("ctrl+e", "change", N_("Change"), tooltip=N_("Change customer, contact, date, time, goal or type"), id="history.change"),
    ]

    def __init__(self, customer: str | None = None, query: str = "") -> None:
        super().__init__()
        self.meetings: list[MeetingSummary] | None = None
        self._history: History | None = None
        self.customer = customer
        self.query_text = query
        self._asked = 0  # which search is the newest: an older one that finishes late is not shown

    def compose(self) -> ComposeResult:
        self.sub_title = _("History")  # before the header is mounted, which then draws it once
        yield PrepHeader()
        yield TextField(inert(self.query_text), placeholder=_("Search notes, answers, follow-ups, customers…  (enter opens the first)"), id="filter")
        with Horizontal(id="filters"):
            yield Choice([], prompt=_("Customer"), id="customer", compact=True)
            yield TextField(placeholder=_("from"), id="since", compact=True)
            yield TextField(placeholder=_("to"), id="until", compact=True)
            yield Choice([], prompt=_("Checklist"), id="checklist", compact=True)
            yield Checkbox(_("Open follow-ups"), id="open", compact=True)
        yield Static(_("Loading…"), id="count", classes="muted")
        yield OptionList(id="results")
        yield KeysFooter(typing=True)

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#filter", Input))  # at once: the first frame shows it
        history = self.prep.read_ahead.history_if_read()
        if history is not None:
            self._loaded(history)  # read in the background after the start: in the first frame
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("debrief", "timeline", "customer_card", "cancel_meeting", "delete", "change"):
            return self.query_one("#results", OptionList).has_focus
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="history-load", exit_on_error=False)
    def load(self) -> None:
        """All meetings, read off the UI thread; shown again only if they changed since they were shown."""
        self.prep.autosave.wait()  # what was just typed elsewhere is part of what is read
        history = self.prep.read_ahead.history()
        if history is not self._history:
            self.app.call_from_thread(self._loaded, history)

    def _loaded(self, history: History) -> None:
        self._history, self.meetings = history, history.meetings
        self._offer("#customer", history.customers, first=self.customer)
        self._offer("#checklist", history.checklists)
        self.refilter()

    def _offer(self, selector: str, values: list[str], *, first: str | None = None) -> None:
        """A filter's options as the history has them now; what it showed stays chosen (else `first`), if still offered."""
        select = self.query_one(selector, Select)
        shown = select.value
        select.set_options((choice(value), value) for value in values)
        wanted = first if shown is Select.NULL else shown
        if wanted in values:
            select.value = wanted

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def refilter(self) -> None:
        if self.meetings is None:
            return
        filters = self._filters()
        if filters is None:
            return
        text = self.query_one("#filter", Input).value
        self._asked += 1
        if text.strip():
            self.filter(text, filters, self._asked)
        else:  # nothing to look for in the text: at once, with no worker (the screen's first frame shows it)
            self.workers.cancel_group(self, "history-search")
            self.show(search(self.meetings or [], text, filters), text, {})

    def _filters(self) -> Filters | None:
        """The filters as set; None (and a message) while a date cannot be read."""
        today = self.prep.now().date()
        days = {}
        for name in ("since", "until"):
            raw = self.query_one(f"#{name}", Input).value
            try:
                days[name] = parse_day(raw, today) if raw.strip() else None
            except InputError as error:
                field = _("from") if name == "since" else _("to")
                self.query_one("#count", Static).update(markup("[$error]$field: $problem[/]", field=sentence(field), problem=error))
                return None
        customer = self.query_one("#customer", Select).value
        checklist = self.query_one("#checklist", Select).value
        return Filters(
            customer=None if customer is Select.NULL else str(customer),
            since=days["since"], until=days["until"],
            checklist=None if checklist is Select.NULL else str(checklist),
            open_followups=self.query_one("#open", Checkbox).value,
        )

    @work(thread=True, exclusive=True, group="history-search", exit_on_error=False)
    def filter(self, text: str, filters: Filters, asked: int) -> None:
        """Search in a worker; a newer keystroke cancels this one, and its results are shown only if still the newest."""
        found = search(self.meetings or [], text, filters)
        # Where each shown meeting matched: only for the rows listed, a search finds up to every meeting.
        hits = {m.id: excerpt(m, text) for m in found[:SHOWN]} if text.strip() else {}
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_if_newest, asked, found, text, hits)

    def _show_if_newest(self, asked: int, found: list[MeetingSummary], text: str, hits: dict[str, Excerpt | None]) -> None:
        # Checked on the UI thread, where searches are asked for: a search cancelled after its own check is caught here.
        if asked == self._asked:
            self.show(found, text, hits)

    def show(self, found: list[MeetingSummary], text: str, hits: dict[str, Excerpt | None]) -> None:
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(
            Option(meeting_hit(m, hits.get(m.id)), id=m.id)
            for m in found[:SHOWN]
        )
        total = len(self.meetings or [])
        if not found:
            count = (_("No meeting matches {text}.").format(text=quoted(text)) if text
                     else _("No meetings yet.") if not total else _("No meeting matches these filters."))
        elif len(found) > SHOWN:
            count = _("{found} of {total} meetings — showing the newest {shown}; type to narrow").format(
                found=number(len(found)), total=number(total), shown=SHOWN)
        else:
            count = ngettext("{found} of {total} meeting", "{found} of {total} meetings", total).format(
                found=number(len(found)), total=number(total))
        self.query_one("#count", Static).update(plain(count))  # it repeats what the rep typed
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

    def _highlighted(self) -> MeetingSummary | None:
        results = self.query_one("#results", OptionList)
        if results.highlighted is None or self.meetings is None:
            return None
        meeting_id = results.get_option_at_index(results.highlighted).id
        return next((m for m in self.meetings if m.id == meeting_id), None)

    def action_debrief(self) -> None:
        meeting = self._highlighted()
        if meeting is not None:
            self.prep.open_meeting(meeting.id, debrief=True)

    def action_cancel_meeting(self) -> None:
        meeting = self._highlighted()
        if meeting is not None:
            self.prep.cancel_meeting(meeting.id)

    def action_delete(self) -> None:
        meeting = self._highlighted()
        if meeting is not None:
            self.prep.delete_meeting(meeting)

    def on_meetings_changed(self, event: MeetingsChanged) -> None:
        self.load()  # the highlighted row stays where it was: the search runs again over what is saved now

    def action_timeline(self) -> None:
        meeting = self._highlighted()
        if meeting is not None:
            from prep.screens.timeline import TimelineScreen

            self.app.push_screen(TimelineScreen(meeting.customer))

    def action_customer_card(self) -> None:
        meeting = self._highlighted()
        if meeting is not None:
            from prep.screens.customer_card import CustomerCardScreen

            self.app.push_screen(CustomerCardScreen(meeting.customer))

    def action_change(self) -> None:
        """The highlighted meeting's plan in the new-preparation form; saved, the list shows the change."""
        meeting = self._highlighted()
        if meeting is not None:
            self._load_for_change(meeting.id)

    @work(thread=True, exclusive=True, group="history-change", exit_on_error=False)
    def _load_for_change(self, meeting_id: str) -> None:
        self.prep.autosave.wait()  # a change made a moment ago is part of what is read
        meeting = self.prep.store.meeting(meeting_id)
        if meeting is not None:
            self.app.call_from_thread(self._change, meeting)

    def _change(self, meeting: Meeting) -> None:
        self.prep.change_plan(meeting, lambda changed: self.load() if changed else None)
