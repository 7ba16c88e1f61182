"""New preparation: who, when, why, and which checklist — and the same form to change a meeting's plan.

Opened without a meeting it starts a preparation, and leaving it keeps everything it
showed for the next time. Opened with a meeting (from the brief, the walkthrough or
history) it is prefilled, checks the same, and ctrl+s saves the change into that meeting
and returns it to the screen that asked. The reading and checking live in form_checks.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from prep.insights.planning import planned_nearby
from prep.insights.story import CustomerStory, customer_story
from prep.language import N_, _
from prep.library.loader import Library
from prep.library.meeting_types import PREFERRED_TYPE, in_order, type_label
from prep.model.checklist import Checklist
from prep.model.meeting import Meeting, When
from prep.model.summary import MeetingSummary
from prep.reports.inert import inert
from prep.screens.base import PrepScreen
from prep.screens.form_checks import (
    CHECKED,
    FIELDS,
    LABELS,
    LOCKED,
    PLACEHOLDERS,
    KnownCustomers,
    check_form,
    checklist_trouble,
    has_answers,
    meeting_type_of,
    nearby_warning,
    plan_of,
    planned_when,
    resolved_date,
    shown_name,
)
from prep.screens.widgets import people_field, to_prepare
from prep.screens.widgets.fields import Choice, FormScroll, TextField
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import choice, markup, plain


class NewPreparationScreen(PrepScreen):
    """A short form; what cannot be right is refused next to its field."""

    CSS_PATH = "new_preparation.tcss"
    # Straight to the first field: focusing the scrolling form first and then moving on restyled the whole form.
    AUTO_FOCUS = "#customer"
    BINDINGS = [
        Binding("ctrl+s", "start", N_("Start walkthrough"), id="new.start", priority=True),
        Binding("ctrl+s", "save", N_("Save changes"), id="new.save", priority=True),
        Binding("ctrl+o", "open_nearby", N_("Open other"), tooltip=N_("Open the other meeting with this customer near that day"),
                id="new.open-nearby", priority=True),
        Binding("escape", "back", N_("Back"), tooltip=N_("Back; what you typed waits here"), id="new.back"),
    ]

    def __init__(self, meeting: Meeting | None = None, *, suggested: to_prepare.Appointment | None = None) -> None:
        """A new preparation (`suggested`: filled in from the calendar), or with `meeting` the form to change that meeting's plan."""
        super().__init__()
        self.editing = meeting
        self.suggested = suggested  # an appointment from the calendar: starting the walkthrough links it to the preparation
        self.library = Library()
        self.known = KnownCustomers({}, [])
        self._type_chosen = meeting is not None  # a saved meeting's type is never replaced by a suggestion
        self._types: list[str] = []
        self.story: CustomerStory | None = None
        self.nearby: list[MeetingSummary] = []

    def compose(self) -> ComposeResult:
        meeting = self.editing
        if meeting is not None:  # before the header is mounted, which then draws it once
            self.sub_title = inert(_("Change · {customer}").format(customer=meeting.customer), one_line=True)
        typed = self._typed_before()
        yield PrepHeader()
        labels = [_(LABELS[name]) for name in FIELDS] + [_("Meeting"), _("Checklist")]
        # German's "Gesprächsart" and "Checkliste" need a wider column than English's "Checklist".
        with FormScroll(id="form", classes="-wide-labels" if max(map(cell_len, labels)) > 10 else ""):
            intro = _("Change who, when and why; the answers stay.") if meeting else _("Who, when and why — then walk through the checklist.")
            yield Static(intro, classes="muted")
            for name in FIELDS:
                # What was typed or saved is inert: a control character in a name is shown, not sent.
                field = TextField(inert(typed.get(name, "")), placeholder=_(PLACEHOLDERS[name]), id=name, compact=True)
                yield from self._row(_(LABELS[name]), field)
                if name == "customer":
                    yield Static("", id="customer-known", classes="muted")
                    yield Static("", id="contact-warning", classes="warning")
                elif name == "people":
                    yield Static("", id="people-known", classes="muted")
                elif name == "date":
                    yield Static("", id="date-resolved", classes="muted")
                    yield Static("", id="nearby-warning", classes="warning")
            yield from self._row(_("Meeting"), Choice([(type_label(PREFERRED_TYPE), PREFERRED_TYPE)], id="meeting-type",
                                                   compact=True, allow_blank=False))
            yield from self._row(_("Checklist"), Choice([], prompt=_("Loading checklists…"), id="checklist", compact=True))
            yield Static("", id="checklist-locked", classes="muted")
            yield Static("", id="checklist-problems", classes="error")
            label = (_("Save changes") if meeting else _("Start walkthrough")) + "  ctrl+s"
            yield Button(label, id="start", variant="primary", compact=True)
        yield KeysFooter(typing=True)

    def _typed_before(self) -> dict[str, str]:
        """What the fields open with: the meeting's plan when changing one, an appointment's, else what was typed last time."""
        return (plan_of(self.editing) if self.editing is not None else
                to_prepare.suggested_plan(self.suggested) if self.suggested else dict(self.prep.unfinished_form))

    @staticmethod
    def _row(label: str, field: Input | Select[str]) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(label, classes="field-label")
            yield field
        yield Static("", id=f"{field.id}-error", classes="error")

    def on_mount(self) -> None:
        self._show_date()
        self.set_focus(self.query_one("#customer", Input))  # at once: the first frame shows it
        library, history = self.prep.read_ahead.library_if_read(), self.prep.read_ahead.history_if_read()
        if library is not None and history is not None:
            self.show(library, history.known)  # read in the background after the start: in the first frame
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("start", "save"):
            return (self.editing is None) == (action == "start")
        return bool(self.nearby) if action == "open_nearby" else True

    def action_back(self) -> None:
        """Back where the rep came from: a new form is kept as it was left, a change is dropped."""
        if self.editing is not None:
            self.dismiss(None)
            return
        kept = {name: self.query_one(f"#{name}", Input).value for name in FIELDS}
        for name in ("meeting-type", "checklist"):
            value = self.query_one(f"#{name}", Select).value
            kept[name] = "" if value is Select.NULL else str(value)
        kept["type-chosen"] = "yes" if self._type_chosen else ""
        self.prep.unfinished_form = kept
        self.dismiss(None)

    # -- what the form knows ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="new-preparation", exit_on_error=False)
    def load(self) -> None:
        """Checklists and known customers, read off the UI thread (and caught up with the history)."""
        library = self.prep.read_ahead.library()
        self.prep.autosave.wait()  # what was just typed elsewhere is part of what is read
        known = self.prep.read_ahead.history().known
        if library is not self.library or known is not self.known:  # shown already unless the history changed meanwhile
            self.app.call_from_thread(self.show, library, known)

    def show(self, library: Library, known: KnownCustomers) -> None:
        self.library, self.known = library, known
        self.query_one("#customer", Input).suggester = SuggestFromList(known.names, case_sensitive=False)
        known = library.meeting_types() or [PREFERRED_TYPE]
        self._types = in_order(known)
        with self.prevent(Select.Changed):
            self.query_one("#meeting-type", Select).set_options((type_label(t), t) for t in self._types)
        self._choose_type(PREFERRED_TYPE if PREFERRED_TYPE in known else known[0])
        self._customer_changed()
        self._restore_choices()
        trouble = checklist_trouble(library)
        problems = self.query_one("#checklist-problems", Static)
        problems.update(plain(trouble))
        problems.display = bool(trouble)

    def _restore_choices(self) -> None:
        """The meeting type and checklist as they were: the meeting's own, or as the rep left the form."""
        meeting = self.editing
        if meeting is None:
            kept = self.prep.unfinished_form
            self._type_chosen = self._type_chosen or bool(kept.get("type-chosen"))
            if kept.get("meeting-type") in self._types:
                self._choose_type(kept["meeting-type"])
            self._choose_checklist(kept.get("checklist", ""))
            return
        meeting_type = meeting_type_of(meeting, self._types)
        if meeting_type is not None:
            self._choose_type(meeting_type)
        checklist = self.query_one("#checklist", Select)
        if has_answers(meeting):
            # Answers belong to the checklist's items: another checklist would orphan them.
            checklist.set_options([(choice(f"{meeting.checklist.title} · {meeting.checklist.language}"), meeting.checklist.id)])
            checklist.value = meeting.checklist.id
            checklist.disabled = self.query_one("#meeting-type", Select).disabled = True
            locked = self.query_one("#checklist-locked", Static)
            locked.update(_(LOCKED))
            locked.display = True
        else:
            self._choose_checklist(meeting.checklist.id, own=meeting.checklist)

    def _choose_type(self, meeting_type: str) -> None:
        """Set the meeting type and suggest its checklists, as if the rep had picked it."""
        with self.prevent(Select.Changed):
            self.query_one("#meeting-type", Select).value = meeting_type
        self.suggest_checklists()

    def _choose_checklist(self, checklist_id: str, own: Checklist | None = None) -> None:
        """Pick a checklist if the dropdown offers it; a meeting's own copy is offered even when no file has it anymore."""
        offer = (choice(f"{own.title} · {own.language}"), own.id) if own is not None else None
        self.query_one("#checklist", Choice).choose(checklist_id, offer=offer)

    @on(Select.Changed, "#meeting-type")
    def suggest_checklists(self) -> None:
        """Checklists for this meeting type in the rep's language first; the best one chosen."""
        meeting_type = self.query_one("#meeting-type", Select).value
        suggested = self.library.suggest(None if meeting_type is Select.NULL else str(meeting_type), self.prep.settings.language)
        select = self.query_one("#checklist", Select)
        select.set_options((choice(f"{c.title} · {c.language}"), c.id) for c in suggested)
        select.prompt = _("Pick a checklist")
        if suggested:
            select.value = suggested[0].id

    @on(Select.Changed, "#meeting-type")
    def type_chosen(self, event: Select.Changed) -> None:
        if event.select.has_focus:
            self._type_chosen = True

    @on(Input.Changed, "#customer")
    def customer_typed(self) -> None:
        self._show_error("customer", "")
        self._customer_changed()

    def _customer_changed(self) -> None:
        """A known customer: their contacts complete, the type is most likely a follow-up, and what we know is shown."""
        known = self._known_meetings()
        self._suggest_people([name for m in known for name in m.contact.split(", ") if name.strip()])
        if known and not self._type_chosen and "follow-up" in self._types:
            self._choose_type("follow-up")
        self.story = None
        self._show_story()
        self._show_nearby()
        name = known[0].customer if known else self.known.cards.get(shown_name(self.query_one("#customer", Input).value))
        if name:  # met before, or on a card (from the CRM)
            self.load_story(name)

    def _known_meetings(self) -> list[MeetingSummary]:
        """The meetings with the customer typed, as far as the form has read them (the one being changed left out)."""
        return self.known.meetings(self.query_one("#customer", Input).value, skip=self.editing.id if self.editing else None)

    @work(thread=True, exclusive=True, group="customer-story", exit_on_error=False)
    def load_story(self, name: str) -> None:
        """What we know about this customer, read off the UI thread."""
        story = customer_story(self.prep.store, name)
        self.app.call_from_thread(self._story_loaded, story)

    def _story_loaded(self, story: CustomerStory) -> None:
        if shown_name(story.name) == self.query_one("#customer", Input).value.strip().lower():
            self.story = story
            self._suggest_people([p.name for p in story.card.people] if story.card else [], keep=True)
            self._show_story()

    def _show_story(self) -> None:
        """Before preparing again: last meetings, open promises, objections met, the relationship."""
        known = self.query_one("#customer-known", Static)
        if self.story is None:
            known.display = False
        else:
            lines = self.story.what_we_know(self.prep.now())
            known.update(markup(_("[b]What we know[/b]\n$lines"), lines="\n".join(lines)) if lines else _("Known customer, nothing recorded yet."))
            known.display = True
        self._show_warning()
        self.people_typed()

    def _suggest_people(self, names: list[str], *, keep: bool = False) -> None:
        """The names the people field completes: with `keep`, the card's first, then those of earlier meetings."""
        field = self.query_one("#people", Input)
        field.suggester = people_field.PeopleSuggester.joined(names, field.suggester if keep else None)

    @on(Input.Changed, "#people")
    def people_typed(self) -> None:
        """Under the field, who else is on the customer's card and who would be new on it."""
        hint = people_field.people_hint(self.story, self.query_one("#people", Input).value)
        self.query_one("#people-known", Static).update(plain(hint))
        self.query_one("#people-known", Static).display = bool(hint)
        self._show_warning()

    def _show_warning(self) -> None:
        warning = self.query_one("#contact-warning", Static)
        messages = people_field.contact_lines(self.story, self.query_one("#people", Input).value, self._planned(), self.prep.now(),
                                 exclude=self.editing.id if self.editing else None)
        warning.update(plain("\n".join(messages)))
        warning.display = bool(messages)

    def _show_nearby(self) -> None:
        """Another meeting or draft with this customer within a few days of the date typed, with a key to open it."""
        when = self._planned()
        known = self._known_meetings()
        self.nearby = planned_nearby(known, known[0].customer, when) if known and when is not None else []
        warning = self.query_one("#nearby-warning", Static)
        warning.update(plain(f"⚠ {nearby_warning(self.nearby[0], self.prep.now().date())}") if self.nearby else "")
        warning.display = bool(self.nearby)
        self.refresh_bindings()

    def _show_date(self) -> None:
        """Under the date, what it resolved to — or why it cannot be read."""
        line, problem = resolved_date(self.query_one("#date", Input).value, self.prep.now().date())
        self._show_error("date", line if problem else "")
        resolved = self.query_one("#date-resolved", Static)
        resolved.update(plain("" if problem else line))
        resolved.display = bool(line) and not problem

    def _planned(self) -> datetime | None:
        """The date and time typed so far, if they can be read."""
        return planned_when(self.query_one("#date", Input).value, self.query_one("#time", Input).value, self.prep.now().date())

    @on(Input.Changed, "#date, #time")
    def when_typed(self, event: Input.Changed) -> None:
        if event.input.id == "date":
            self._show_date()
        else:
            self._show_error("time", "")
        self._show_warning()
        self._show_nearby()

    def action_open_nearby(self) -> None:
        """Open the other meeting; this form waits underneath, as it was."""
        if self.nearby:
            self.prep.open_meeting(self.nearby[0].id)

    # -- moving and finishing ---------------------------------------------------------------

    def field_done(self, field: object) -> bool:
        """Enter moves on from every field of the form (the screen's priority enter calls this)."""
        self.focus_next()
        return True

    @on(Button.Pressed, "#start")
    def pressed(self) -> None:
        if self.editing is not None:
            self.action_save()
        else:
            self.action_start()

    def action_start(self) -> None:
        """Check the form; if it is right, begin the walkthrough."""
        meeting = self._meeting_from_form()
        if meeting is None:
            return
        from prep.screens.walkthrough import WalkthroughScreen

        self.prep.unfinished_form = {}
        to_prepare.link(self.app, self.suggested, meeting)
        self.app.switch_screen(WalkthroughScreen(meeting, new=True))

    def action_save(self) -> None:
        """Check the form; if it is right, save the change into the same meeting and go back with it."""
        changed = self._meeting_from_form()
        if changed is not None:
            self.prep.autosave.save(changed)
            self.dismiss(changed)

    def _meeting_from_form(self) -> Meeting | None:
        """The meeting the form describes — a new one, or the one being changed with its new plan — or None and the problems shown."""
        value = {name: self.query_one(f"#{name}", Input).value.strip() for name in FIELDS}
        checklist = self._chosen_checklist()
        checked = check_form(value, self.prep.now().date(), checklist_chosen=checklist is not None)
        for name in CHECKED:
            self._show_error(name, checked.errors.get(name, ""))
        if checked.errors:
            self.query_one(f"#{next(name for name in CHECKED if name in checked.errors)}").focus()
            return None
        assert checked.when is not None and checklist is not None
        customer = self.known.spelling(value["customer"])
        people = people_field.onto_the_card(self.app, self.prep.store, customer, value["people"], self.suggested, self.story)
        plan = {"customer": customer, "people": people, "contact": "", "goal": value["goal"], "checklist": checklist}
        if self.editing is not None:
            return msgspec.structs.replace(self.editing, **plan, when=When.fromisoformat(checked.when.isoformat()),
                                           updated=self.prep.now().replace(microsecond=0))
        meeting = Meeting(when=checked.when, **plan)
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
        if select.is_blank():
            return None
        if self.editing is not None and select.value == self.editing.checklist.id:
            return self.editing.checklist  # the meeting's own copy, as it was prepared with
        return self.library.get(str(select.value))
