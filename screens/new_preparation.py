"""New preparation: who, when, why, and which checklist."""

from __future__ import annotations

from datetime import datetime

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Button, Header, Input, Label, Select, Static

from prep.dates import parse_day, parse_time
from prep.errors import InputError
from prep.insights.story import CustomerStory, customer_story
from prep.library.loader import Library
from prep.model.checklist import Checklist
from prep.model.meeting import Meeting
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert
from prep.screens.base import PrepScreen
from prep.screens.widgets.fields import Choice, TextField
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import choice, markup, plain

PREFERRED_TYPE = "first-meeting"
MEETING_TYPES = {
    "first-meeting": "First meeting", "follow-up": "Follow-up", "offer": "Offer", "negotiation": "Negotiation",
    "renewal": "Renewal", "account-review": "Account review",
}


def _in_order(types: list[str]) -> list[str]:
    """The common meeting types in the order a customer relationship runs, then the trainers' own."""
    return [t for t in MEETING_TYPES if t in types] + [t for t in types if t not in MEETING_TYPES]


class NewPreparationScreen(PrepScreen):
    """A short form; what cannot be right is refused next to its field."""

    CSS_PATH = "new_preparation.tcss"
    # Straight to the first field: focusing the scrolling form first and then moving on restyled the whole form.
    AUTO_FOCUS = "#customer"
    BINDINGS = [
        Binding("ctrl+s", "start", "Start walkthrough", id="new.start", priority=True),
        Binding("escape", "back", "Back", tooltip="Back; what you typed waits here", id="new.back"),
        # Priority, so the focus has moved before the next key is read: what a rep types
        # straight after enter goes into the next field, however busy the machine.
        Binding("enter", "next_field", "Next field", show=False, priority=True, id="new.next"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library = Library()
        self.history: list[MeetingSummary] = []
        self._type_chosen = False
        self._types: list[str] = []
        self.story: CustomerStory | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            yield Static("Who, when and why — then walk through the checklist.", classes="muted")
            yield from self._row("Customer", TextField(placeholder="Company — known ones complete with →", id="customer", compact=True))
            yield Static("", id="customer-known", classes="muted")
            yield Static("", id="contact-warning", classes="warning")
            yield from self._row("Contact", TextField(placeholder="Name and role, e.g. Katrin Brandt, COO", id="contact", compact=True))
            yield from self._row("Date", TextField(placeholder="tomorrow, fri, 1.12., 2026-12-01", id="date", compact=True))
            yield from self._row("Time", TextField(placeholder="14:30 (default 9:00)", id="time", compact=True))
            yield from self._row("Goal", TextField(placeholder="What should be true when you leave?", id="goal", compact=True))
            yield from self._row("Meeting", Choice([("First meeting", "first-meeting")], id="meeting-type",
                                                         compact=True, allow_blank=False))
            yield from self._row("Checklist", Choice([], prompt="Loading checklists…", id="checklist", compact=True))
            yield Static("", id="checklist-problems", classes="error")
            yield Button("Start walkthrough  ctrl+s", id="start", variant="primary", compact=True)
        yield KeysFooter()

    @staticmethod
    def _row(label: str, field: Input | Select[str]) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="field-label")
            yield field
        yield Static("", id=f"{field.id}-error", classes="error")

    def on_mount(self) -> None:
        # Escape never loses what was typed: the form comes back as it was left.
        for name, value in self.prep.unfinished_form.items():
            self.query_one(f"#{name}", Input).value = inert(value)
        self.query_one("#customer", Input).focus()
        self.load()

    def action_back(self) -> None:
        self.prep.unfinished_form = {
            name: self.query_one(f"#{name}", Input).value for name in ("customer", "contact", "date", "time", "goal")
        }
        self.app.pop_screen()

    @work(thread=True, exclusive=True, group="new-preparation", exit_on_error=False)
    def load(self) -> None:
        """Checklists and known customers, read off the UI thread."""
        library = self.prep.load_library()
        self.prep.autosave.wait()  # what was just typed elsewhere is part of what is read
        history = self.prep.store.summaries()
        self.app.call_from_thread(self.show, library, history)

    def show(self, library: Library, history: list[MeetingSummary]) -> None:
        self.library, self.history = library, history
        # Suggested as shown: a name with a control character comes back as typed, and is matched as shown.
        customers = sorted({inert(m.customer, one_line=True) for m in history}, key=str.lower)
        self.query_one("#customer", Input).suggester = SuggestFromList(customers, case_sensitive=False)
        types = self.query_one("#meeting-type", Select)
        known = library.meeting_types() or [PREFERRED_TYPE]
        self._types = _in_order(known)
        types.set_options((MEETING_TYPES.get(t, t.replace("-", " ").capitalize()), t) for t in self._types)
        types.value = PREFERRED_TYPE if PREFERRED_TYPE in known else known[0]
        self.suggest_checklists()
        problems = self.query_one("#checklist-problems", Static)
        if library.problems:
            more = f" (and {len(library.problems) - 1} more; see Checklists on the home screen)" if len(library.problems) > 1 else ""
            problems.update(plain(f"A checklist file did not load: {inert(str(library.problems[0]), one_line=True)}{more}"))
        problems.display = bool(library.problems)

    @on(Select.Changed, "#meeting-type")
    def suggest_checklists(self) -> None:
        """Checklists for this meeting type in the rep's language first; the best one chosen."""
        meeting_type = self.query_one("#meeting-type", Select).value
        suggested = self.library.suggest(None if meeting_type is Select.NULL else str(meeting_type), self.prep.settings.language)
        select = self.query_one("#checklist", Select)
        select.set_options((choice(f"{c.title} · {c.language}"), c.id) for c in suggested)
        select.prompt = "Pick a checklist"
        if suggested:
            select.value = suggested[0].id

    @on(Input.Changed, "#customer")
    def show_what_we_know(self, event: Input.Changed) -> None:
        name = event.value.strip().lower()
        known = [m for m in self.history if _shown_name(m.customer) == name]
        if known and not self._type_chosen:
            # A customer met before is most likely a follow-up.
            if "follow-up" in self._types:
                self.query_one("#meeting-type", Select).value = "follow-up"
        self.story = None
        self._show_story()
        if known:
            self.load_story(known[0].customer)
        self._show_error("customer", "")

    @work(thread=True, exclusive=True, group="customer-story", exit_on_error=False)
    def load_story(self, name: str) -> None:
        """What we know about this customer, read off the UI thread."""
        story = customer_story(self.prep.store, name)
        self.app.call_from_thread(self._story_loaded, story)

    def _story_loaded(self, story: CustomerStory) -> None:
        if _shown_name(story.name) == self.query_one("#customer", Input).value.strip().lower():
            self.story = story
            self._show_story()

    def _show_story(self) -> None:
        """Before preparing again: last meetings, open promises, objections met, the relationship."""
        known = self.query_one("#customer-known", Static)
        story, now = self.story, self.prep.now()
        if story is None:
            known.display = False
            self._show_warning()
            return
        lines = story.what_we_know(now)
        known.update(markup("[b]What we know[/b]\n$lines", lines="\n".join(lines)) if lines else "Known customer, nothing recorded yet.")
        known.display = True
        self._show_warning()

    def _show_warning(self) -> None:
        warning = self.query_one("#contact-warning", Static)
        message = None
        if self.story is not None:
            when = self._planned()
            if when is not None:
                message = self.story.contact_warning(when, self.prep.now())
        warning.update(plain(f"⚠ {message} Is this meeting what they want?") if message else "")
        warning.display = bool(message)

    def _planned(self) -> datetime | None:
        """The date and time typed so far, if they can be read."""
        try:
            day = parse_day(self.query_one("#date", Input).value, self.prep.now().date())
            raw_time = self.query_one("#time", Input).value
            at = parse_time(raw_time) if raw_time.strip() else None
        except InputError:
            return None
        return datetime.combine(day, at) if at else datetime.combine(day, datetime.min.time()).replace(hour=9)

    @on(Select.Changed, "#meeting-type")
    def type_chosen(self, event: Select.Changed) -> None:
        if event.select.has_focus:
            self._type_chosen = True

    @on(Input.Changed, "#date, #time")
    def forget_old_error(self, event: Input.Changed) -> None:
        self._show_error(str(event.input.id), "")
        self._show_warning()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter moves on from a field or a closed dropdown; on the button or in an open list it is theirs."""
        if action == "next_field":
            focused = self.focused
            return isinstance(focused, Input) or (isinstance(focused, Select) and not focused.expanded)
        return True

    def action_next_field(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        """Check the form; if it is right, begin the walkthrough."""
        meeting = self._meeting_from_form()
        if meeting is None:
            return
        from prep.screens.walkthrough import WalkthroughScreen

        self.prep.unfinished_form = {}
        self.app.switch_screen(WalkthroughScreen(meeting, new=True))

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
        meeting = Meeting(customer=customer, when=when, checklist=checklist, contact=value["contact"], goal=value["goal"])
        if self.story is not None:
            carried = self.story.carried_forward(self.prep.now())
            meeting.carried = {kind: lines for kind, lines in (("needs", carried.needs), ("objections", carried.objections)) if lines}
        return meeting

    def _show_error(self, name: str, message: str) -> None:
        line = self.query_one(f"#{name}-error", Static)
        line.update(plain(message))  # a date's error repeats what was typed
        line.display = bool(message)

    def _chosen_checklist(self) -> Checklist | None:
        select = self.query_one("#checklist", Select)
        return None if select.is_blank() else self.library.get(str(select.value))

    def _known_spelling(self, name: str) -> str:
        """`brandt logistik gmbh` is the known `Brandt Logistik GmbH`, not a new customer."""
        for meeting in self.history:
            if _shown_name(meeting.customer) == name.lower():
                return meeting.customer
        return name


def _shown_name(customer: str) -> str:
    """A customer's name as the form shows and suggests it, for comparing with what was typed."""
    return inert(customer, one_line=True).lower()
