"""Home: what needs attention now, and the ways in."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from prep.dates import shown_due
from prep.insights.attention import Attention, what_needs_attention
from prep.language import N_, _, ngettext, number
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert
from prep.screens.base import MeetingsChanged, PrepScreen
from prep.screens.widgets import to_prepare
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.meeting_lines import meeting_line

FIRST_FRAME_GRACE = 0.1  # seconds
LISTED = 50  # rows a list holds at most; a short terminal shows a few of each and scrolls, a tall one shows more
RECENT = 20  # the newest 20 are what the store reads first, before the rest of the history
LISTS = (
    ("drafts", N_("Drafts to finish")),
    ("upcoming", N_("Coming up")),
    ("followups", N_("Follow-ups due")),
    ("recent", N_("Recent meetings")),
)


class HomeScreen(PrepScreen):
    """Drafts to finish, meetings coming up, follow-ups due, and recent meetings."""

    CSS_PATH = "home.tcss"
    # Priority: home has no field to type into, and a key that opens a screen is then handled
    # before the next key is read, so what an impatient rep types next reaches the new screen.
    # A tall terminal gives the lists its height (home.tcss), instead of seven rows each and half the screen empty.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]
    # Where the footer is short (German at 80 columns): the keys for the highlighted row stay longer than these.
    FOOTER_SPARE = ("home.checklists", "home.history", "home.customer-card")
    BINDINGS = [
        Binding("n", "new_preparation", N_("New"), tooltip=N_("New preparation"), id="home.new", priority=True),
        Binding("h", "history", N_("History"), id="home.history", priority=True),
        Binding("c", "checklists", N_("Checklists"), id="home.checklists", priority=True),
        Binding("d", "debrief", N_("Debrief"), id="home.debrief", priority=True),
        Binding("k", "customer_card", N_("Card"), tooltip=N_("The customer card: the people in their decision"),
                id="home.customer-card", priority=True),
        Binding("x", "followup_done", N_("Done"), tooltip=N_("Mark the follow-up done"), id="home.followup-done", priority=True),
        Binding("delete", "delete", N_("Delete"), tooltip=N_("Delete the meeting or draft (asks first)"), show=False, id="home.delete",
                priority=True),
        Binding("enter", "open", N_("Open"), id="home.open", priority=True),
        Binding("p", "prepare", N_("Prepare"), tooltip=N_("Prepare the meeting from your calendar"), id="home.prepare", priority=True),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._followups: dict[str, str] = {}  # option id -> follow-up id
        self._attention: Attention | None = None

    def compose(self) -> ComposeResult:
        yield PrepHeader()
        with VerticalScroll(id="home"):
            yield Static(_("Loading your meetings…"), id="summary", classes="muted")
            yield from to_prepare.compose()  # meetings from the calendar (`prep calendar import`)
            for list_id, title in LISTS:
                yield Label(_(title), classes="heading", id=f"{list_id}-heading")
                yield OptionList(id=list_id, classes="meetings")
        yield KeysFooter()

    def on_mount(self) -> None:
        for list_id in ("drafts", "upcoming", "followups", "recent"):
            self.query_one(f"#{list_id}-heading").display = False
            self.query_one(f"#{list_id}", OptionList).display = False

    def speak_again(self) -> None:
        """The rep chose another language in the palette: the headings change, the lists are shown again in it."""
        for list_id, title in LISTS:
            self.query_one(f"#{list_id}-heading", Label).update(_(title))
        self.load()

    def on_screen_resume(self) -> None:
        # After the first frame is on the terminal (Textual writes it from its own
        # thread, which a busy worker would slow): the rep sees prep at once, the lists fill in.
        if FIRST_FRAME_GRACE:
            self.set_timer(FIRST_FRAME_GRACE, self.load)
        else:
            self.call_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="home", exit_on_error=False)
    def load(self) -> None:
        """Read the meetings off the UI thread, then show them."""
        self.prep.autosave.wait()  # what was just typed elsewhere is part of what is read
        store = self.prep.store
        attention = what_needs_attention(store.home_summaries(), self.prep.now(), recent=RECENT)
        attention.total = store.count()
        self.app.call_from_thread(self.show, attention)
        self.app.call_from_thread(to_prepare.show_on, self, to_prepare.coming(store, self.prep.now()))
        # The rest of the history is read after the home screen is up, for search.
        store.index_everything()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "home" and event.state == WorkerState.ERROR:
            # Keep the reason on screen, not only in a toast that fades.
            problem = _("Your meetings could not be loaded: {error}").format(error=event.worker.error)
            self.query_one("#summary", Static).update(Text(inert(problem)))
            self.query_one("#summary").add_class("error")

    def show(self, attention: Attention) -> None:
        """Fill the lists; hide the empty ones."""
        self._attention = attention
        now = self.prep.now()
        summary = self.query_one("#summary", Static)
        if attention.total == 0:
            summary.update(_("No meetings yet. Press [b]n[/b] to prepare your first one."))
        else:
            overdue = sum(d.is_overdue(now.date()) for d in attention.followups)
            parts = [ngettext("{count} meeting", "{count} meetings", attention.total).format(count=number(attention.total)),
                     ngettext("{count} draft", "{count} drafts", len(attention.drafts)).format(count=number(len(attention.drafts)))]
            if overdue:
                parts.append("[b $error]" + ngettext("{count} follow-up overdue", "{count} follow-ups overdue", overdue)
                             .format(count=number(overdue)) + "[/]")
            summary.update(" · ".join(parts))
        self._fill("drafts", [(m.id, meeting_line(m, detail=_("draft") + f" · {m.goal}")) for m in attention.drafts])
        self._fill("upcoming", [(m.id, meeting_line(m)) for m in attention.upcoming[:LISTED]])
        shown = attention.followups[:LISTED]
        self._followups = {f"{due.meeting.id}:{index}": due.followup.id for index, due in enumerate(shown)}
        self._fill("followups", [(due.meeting.id, self._followup_line(due, now)) for due in shown])
        self._fill("recent", [(m.id, meeting_line(m, detail=m.outcome or m.goal)) for m in attention.recent])
        self.refresh_bindings()  # "Open" only when there is something to open
        if isinstance(self.focused, OptionList) and self.focused.display:
            return  # a reload keeps the rep where they were
        for list_id in ("drafts", "upcoming", "followups", "recent"):
            option_list = self.query_one(f"#{list_id}", OptionList)
            if option_list.display:
                option_list.focus()
                break

    def _fill(self, list_id: str, rows: list[tuple[str, Text]]) -> None:
        option_list = self.query_one(f"#{list_id}", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        # Several follow-ups may belong to one meeting; option ids must be unique.
        option_list.add_options(Option(text, id=f"{meeting_id}:{index}") for index, (meeting_id, text) in enumerate(rows))
        option_list.display = bool(rows)
        self.query_one(f"#{list_id}-heading").display = bool(rows)
        if rows:
            option_list.highlighted = min(highlighted or 0, len(rows) - 1)

    @staticmethod
    def _followup_line(due, now: datetime) -> Text:  # type: ignore[no-untyped-def]
        followup = due.followup
        line = Text(no_wrap=True, overflow="ellipsis")
        overdue = due.is_overdue(now.date())
        when = _("overdue") + " " if overdue else (_("today") + " " if followup.due == now.date() else "")
        line.append(f"{when}{shown_due(followup.due)}  ", style="bold red" if overdue else "dim")
        line.append(inert(followup.text, one_line=True))
        line.append(inert(f"  {due.meeting.customer}", one_line=True), style="dim")
        return line

    @on(OptionList.OptionSelected)
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        self.prep.open_meeting((event.option.id or "").split(":")[0])

    def _highlighted(self) -> tuple[str, str] | None:
        """(list id, option id) of the highlighted row in the focused list."""
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            return str(focused.id), str(focused.get_option_at_index(focused.highlighted).id)
        return None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        highlighted = self._highlighted()
        if action == "prepare" or (highlighted is not None and highlighted[0] == to_prepare.TO_PREPARE):
            return to_prepare.allowed(action, highlighted, self)
        if action == "followup_done":
            return highlighted is not None and highlighted[0] == "followups"
        if action == "debrief":
            return highlighted is not None and highlighted[0] != "drafts"
        if action == "open":
            return highlighted is not None  # an empty database has nothing to open
        if action == "customer_card":
            return highlighted is not None
        if action == "delete":  # a follow-up's row is its meeting's too, but x is what it wants
            return highlighted is not None and highlighted[0] != "followups"
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_debrief(self) -> None:
        """Write down how the highlighted meeting went."""
        highlighted = self._highlighted()
        if highlighted:
            self.prep.open_meeting(highlighted[1].split(":")[0], debrief=True)

    def action_followup_done(self) -> None:
        """Tick off the highlighted follow-up."""
        highlighted = self._highlighted()
        if highlighted and highlighted[0] == "followups":
            meeting_id = highlighted[1].split(":")[0]
            self.prep.mark_followup_done(meeting_id, self._followups[highlighted[1]])

    def on_meetings_changed(self, event: MeetingsChanged) -> None:
        self.load()

    def _highlighted_meeting(self) -> MeetingSummary | None:
        """The meeting of the highlighted row, in whichever list it is (a follow-up's row: its meeting)."""
        highlighted, attention = self._highlighted(), self._attention
        if highlighted is None or attention is None:
            return None
        meeting_id = highlighted[1].split(":")[0]
        shown = [*attention.drafts, *attention.upcoming, *attention.recent, *(due.meeting for due in attention.followups)]
        return next((m for m in shown if m.id == meeting_id), None)

    def action_delete(self) -> None:
        """Delete the highlighted meeting or draft (asks first; undoable for a while)."""
        meeting = self._highlighted_meeting()
        if meeting is not None:
            self.prep.delete_meeting(meeting)

    def action_open(self) -> None:
        """Open the meeting highlighted in the focused list."""
        focused = self.focused
        if isinstance(focused, OptionList) and focused.highlighted is not None:
            option = focused.get_option_at_index(focused.highlighted)
            self.prep.open_meeting((option.id or "").split(":")[0])

    def action_prepare(self) -> None:
        """The new-preparation form, filled in from the highlighted meeting of the calendar."""
        from prep.screens.new_preparation import NewPreparationScreen

        appointment = self.query_one(to_prepare.ToPrepareList).appointment
        if appointment is not None:
            self.app.push_screen(NewPreparationScreen(suggested=appointment))

    def action_new_preparation(self) -> None:
        from prep.screens.new_preparation import NewPreparationScreen

        self.app.push_screen(NewPreparationScreen())

    def action_history(self) -> None:
        from prep.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_checklists(self) -> None:
        from prep.screens.checklists import ChecklistsScreen

        self.app.push_screen(ChecklistsScreen())

    def action_customer_card(self) -> None:
        """The card of the highlighted row's customer: the people in their decision."""
        meeting = self._highlighted_meeting()
        if meeting is not None:
            from prep.screens.customer_card import CustomerCardScreen

            self.app.push_screen(CustomerCardScreen(meeting.customer))
