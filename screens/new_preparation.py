"""New preparation: who, when, why, and which checklist."""

from __future__ import annotations

from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Header, Input, Label, Select, Static

from prep.checklist import Checklist
from prep.checklist_loader import Library
from prep.dates import parse_day, parse_time
from prep.errors import InputError
from prep.meeting import Meeting
from prep.store import MeetingSummary
from prep.screens.base import PrepScreen

PREFERRED_CHECKLIST = "first-meeting"


class NewPreparationScreen(PrepScreen):
    """A short form; what cannot be right is refused next to its field."""

    CSS_PATH = "new_preparation.tcss"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start walkthrough", id="new.start", priority=True),
        Binding("escape", "app.pop_screen", "Back", id="new.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library = Library()
        self.history: list[MeetingSummary] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("Who, when and why — then walk through the checklist.", classes="muted")
            yield from self._row("Customer", Input(placeholder="Company — known ones complete with →", id="customer", compact=True))
            yield Static("", id="customer-known", classes="muted")
            yield from self._row("Contact", Input(placeholder="Name and role, e.g. Katrin Brandt, COO", id="contact", compact=True))
            yield from self._row("Date", Input(placeholder="tomorrow, fri, 1.12., 2026-12-01", id="date", compact=True))
            yield from self._row("Time", Input(placeholder="14:30 (default 9:00)", id="time", compact=True))
            yield from self._row("Goal", Input(placeholder="What should be true when you leave?", id="goal", compact=True))
            yield from self._row("Checklist", Select[str]([], prompt="Loading checklists…", id="checklist", compact=True))
            yield Button("Start walkthrough  ctrl+s", id="start", variant="primary", compact=True)
        yield Footer()

    @staticmethod
    def _row(label: str, field: Input | Select[str]) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="field-label")
            yield field
        yield Static("", id=f"{field.id}-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#customer", Input).focus()
        self.load()

    @work(thread=True, exclusive=True, group="new-preparation", exit_on_error=False)
    def load(self) -> None:
        """Checklists and known customers, read off the UI thread."""
        library = self.prep.load_library()
        history = self.prep.store.summaries()
        self.app.call_from_thread(self.show, library, history)

    def show(self, library: Library, history: list[MeetingSummary]) -> None:
        self.library, self.history = library, history
        customers = sorted({m.customer for m in history}, key=str.lower)
        self.query_one("#customer", Input).suggester = SuggestFromList(customers, case_sensitive=False)
        select = self.query_one("#checklist", Select)
        checklists = library.ordered()
        select.set_options((f"{c.title} · {c.language}", c.id) for c in checklists)
        select.prompt = "Pick a checklist"
        if checklists:
            preferred = library.get(PREFERRED_CHECKLIST) or checklists[0]
            select.value = preferred.id
        if library.problems:
            first = library.problems[0]
            more = f" (and {len(library.problems) - 1} more)" if len(library.problems) > 1 else ""
            self.notify(f"A checklist file did not load: {first}{more}", severity="warning", timeout=10)

    @on(Input.Changed, "#customer")
    def show_what_we_know(self, event: Input.Changed) -> None:
        name = event.value.strip().lower()
        known = [m for m in self.history if m.customer.lower() == name]
        text = ""
        if known:
            last = max(known, key=lambda m: m.when)
            text = f"Known customer: {len(known)} meetings, last on {last.when:%d %b %Y}"
            if last.outcome:
                text += f" — {last.outcome}"
        known_line = self.query_one("#customer-known", Static)
        known_line.update(text)
        known_line.display = bool(text)
        self._show_error("customer", "")

    @on(Input.Changed, "#date, #time")
    def forget_old_error(self, event: Input.Changed) -> None:
        self._show_error(str(event.input.id), "")

    @on(Input.Submitted)
    def next_field(self, event: Input.Submitted) -> None:
        if event.input.id == "goal":
            self.query_one("#checklist", Select).focus()
        else:
            self.focus_next()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Check the form; if it is right, begin the walkthrough."""
        meeting = self._meeting_from_form()
        if meeting is None:
            return
        from prep.screens.walkthrough import WalkthroughScreen

        self.app.switch_screen(WalkthroughScreen(meeting))

    def _meeting_from_form(self) -> Meeting | None:
        value = {name: self.query_one(f"#{name}", Input).value.strip() for name in ("customer", "contact", "date", "time", "goal")}
        errors: dict[str, str] = {}
        if not value["customer"]:
            errors["customer"] = "Who is the meeting with? Type the company's name."
        when = None
        try:
            day = parse_day(value["date"], self.prep.now().date())
        except InputError as error:
            errors["date"] = str(error).capitalize()
            day = None
        try:
            at = parse_time(value["time"]) if value["time"] else None
        except InputError as error:
            errors["time"] = str(error).capitalize()
            at = None
        if day is not None and "time" not in errors:
            when = datetime.combine(day, at) if at else datetime.combine(day, datetime.min.time()).replace(hour=9)
        checklist = self._chosen_checklist()
        if checklist is None:
            errors["checklist"] = "Pick the checklist to walk through."
        for name in ("customer", "date", "time", "checklist"):
            self._show_error(name, errors.get(name, ""))
        if errors:
            first = next(name for name in ("customer", "date", "time", "checklist") if name in errors)
            self.query_one(f"#{first}").focus()
            return None
        customer = self._known_spelling(value["customer"])
        assert when is not None and checklist is not None
        return Meeting(customer=customer, when=when, checklist=checklist, contact=value["contact"], goal=value["goal"])

    def _show_error(self, name: str, message: str) -> None:
        line = self.query_one(f"#{name}-error", Static)
        line.update(message)
        line.display = bool(message)

    def _chosen_checklist(self) -> Checklist | None:
        select = self.query_one("#checklist", Select)
        return None if select.is_blank() else self.library.get(str(select.value))

    def _known_spelling(self, name: str) -> str:
        """`brandt logistik gmbh` is the known `Brandt Logistik GmbH`, not a new customer."""
        for meeting in self.history:
            if meeting.customer.lower() == name.lower():
                return meeting.customer
        return name
