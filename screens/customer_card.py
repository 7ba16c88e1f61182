"""A customer card: the company, the people in their decision, and the meetings with them.

The people are the card's; when the rep last met each is worked out from the meetings as the
brief does (prep.insights.people): the latest held one whose debrief says they were there, or,
where it says nothing about who was there, whose attendees name them. Industry, e-mail domain and
notes are written in place and saved a moment after the typing stops; a person is added or
edited in a small form (screens/person_form.py) and taken off with one key, undoable as
every one-key change is (prep/undoing.py). A customer without a card gets one with the
first change: opening a card never writes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

import msgspec
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from prep.dates import shown_date, shown_moment
from prep.insights.people import last_met, part_label
from prep.language import N_, _
from prep.model.customer import Customer, Person, name_key, people_in, same_name
from prep.model.meeting import Meeting
from prep.model.summary import MeetingSummary
from prep.reports.debriefed import RHYTHMS
from prep.reports.inert import inert
from prep.screens.base import SAVE_DELAY, MeetingsChanged, PrepScreen
from prep.screens.person_form import PersonForm, stance_shown
from prep.screens.widgets.fields import NoteArea, TextField
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import edited, markup, plain

if TYPE_CHECKING:
    from prep.storage import Autosave, Store

DETAILS = ("industry", "domain", "notes")
STANCE_STYLES = {"supportive": "$success", "neutral": "$text-muted", "sceptical": "$warning"}


def named_in(meetings: Iterable[Meeting]) -> list[Person]:
    """Everyone the customer's meetings name (attendees, those present, old contact lines), each once,
    with their title where one was written: the form suggests them."""
    found: dict[str, Person] = {}
    for meeting in meetings:
        present = meeting.debrief.present if meeting.debrief is not None else []
        for person in [*(Person(name=n) for n in [*meeting.people, *present]), *people_in(meeting.contact)]:
            known = found.get(name_key(person.name))
            if name_key(person.name) and (known is None or (person.role and not known.role)):
                found[name_key(person.name)] = person
    return sorted(found.values(), key=lambda p: name_key(p.name))


def person_line(person: Person, met: date | None) -> Content:
    """A person as the card lists them: name, title and how to reach them; below, their part, stance,
    when last met and the contact they want."""
    values: dict[str, object] = {"name": person.name, "met": _("last met {day}").format(day=shown_date(met)) if met
                                 else _("not met yet")}
    first = "[b]$name[/b]"
    for field in ("role", "email", "phone"):
        if getattr(person, field).strip():
            first += f"  [dim]${field}[/]"
            values[field] = getattr(person, field)
    facts = []
    if person.part:
        facts.append("[b]$part[/]")
        values["part"] = part_label(person.part)
    if person.stance:
        facts.append(f"[{STANCE_STYLES.get(person.stance, '')}]$stance[/]")
        values["stance"] = stance_shown(person.stance)
    facts.append("$met" if met else "[$warning]$met[/]")
    if person.contact_rhythm:
        facts.append("$rhythm")
        values["rhythm"] = _("contact {rhythm}").format(rhythm=_(RHYTHMS.get(person.contact_rhythm, person.contact_rhythm)))
    return markup(first + "\n  " + " · ".join(facts), **{k: inert(str(v), one_line=True) for k, v in values.items()})


def meeting_row(meeting: MeetingSummary) -> Content:
    """A meeting on the card: when, how it ended or what it was for, and with whom."""
    values = {"when": shown_moment(meeting.when), "detail": meeting.outcome or meeting.goal, "who": meeting.contact}
    if meeting.is_cancelled:
        template = "[dim strike]$when[/]  [b yellow]" + _("cancelled") + "[/]  [strike]$detail[/]"
    else:
        template = "[dim]$when[/]  " + ("[b]" + _("draft") + "[/] · " if meeting.is_draft else "") + "$detail"
    return markup(template + ("  [dim]$who[/]" if meeting.contact else ""),
                  **{k: inert(v, one_line=True) for k, v in values.items()})


class CustomerCardScreen(PrepScreen):
    """One customer: industry, e-mail domain and notes; the people in their decision; their meetings, newest first."""

    CSS_PATH = "customer_card.tcss"
    # Where the footer is short (German at 80 columns): tab reaches the details too, and escape stays.
    FOOTER_SPARE = ("card.details",)
    # Priority, as on home: a key that opens the form or moves into a field is handled before the next key is
    # read, so what a rep types straight after it lands there. In a field, each is the field's (check_action).
    BINDINGS = [
        Binding("a", "add_person", N_("Add"), tooltip=N_("Add a person to the card"), id="card.add", priority=True),
        Binding("e", "edit_person", N_("Edit"), tooltip=N_("Edit the highlighted person (enter does too)"), id="card.edit",
                priority=True),
        Binding("delete", "remove_person", N_("Remove"), tooltip=N_("Take the highlighted person off the card; ctrl+z undoes"),
                id="card.remove", priority=True),
        Binding("ctrl+e", "edit_details", N_("Details"), tooltip=N_("Write the industry, e-mail domain and notes"),
                id="card.details", priority=True),
        Binding("escape", "back", N_("Back"), id="card.back"),
    ]

    def __init__(self, customer: str) -> None:
        super().__init__()
        self.customer = customer
        self.card: Customer | None = None  # None until read, and while the customer has no card
        self.meetings: list[MeetingSummary] = []
        self.met: dict[str, date] = {}
        self.named: list[Person] = []
        self._card_wanted = False  # the people are taken from the store at the next load (after an undo)
        self._timer: Timer | None = None
        self._unsaved = False
        self._writes = 0  # writes handed to a worker and not finished: a load meanwhile keeps the card shown
        self._writing = threading.Lock()
        self._renamed: list[tuple[str, str]] = []  # people renamed on the card, whose meetings are renamed with the next write

    def compose(self) -> ComposeResult:
        self.sub_title = inert(_("Customer card · {customer}").format(customer=self.customer), one_line=True)
        yield PrepHeader()
        with VerticalScroll(id="card"):
            with Horizontal(classes="row"):
                yield Label(_("Industry"), classes="field-label")
                yield TextField(placeholder=_("What they do"), id="industry", compact=True, disabled=True)
                yield Label(_("Domain"), classes="field-label", id="domain-label")
                yield TextField(placeholder=_("company.com, for invitations"), id="domain", compact=True, disabled=True)
            with Horizontal(classes="row"):
                yield Label(_("Notes"), classes="field-label")
                yield NoteArea(id="notes", compact=True, disabled=True, placeholder=_("What to keep in mind about them"))
            yield Label(_("People in the decision"), classes="heading")
            yield Static(_("Loading…"), id="people-empty", classes="muted")
            yield OptionList(id="people")
            yield Label(_("Meetings"), classes="heading")
            yield Static("", id="meetings-empty", classes="muted")
            yield OptionList(id="meetings")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#meetings-empty").display = False
        self.set_focus(self.query_one("#people", OptionList))  # at once: the first frame shows it

    def on_screen_resume(self) -> None:
        self.load()  # a debrief written meanwhile (a meeting opened from here) says whom the rep met

    async def _take_keys(self, frames: int = 1) -> None:
        # Keys typed ahead wait for the card as well: `a` before it is read would add to a card not known yet.
        if not self.query_one("#industry", Input).disabled:
            await super()._take_keys(frames)

    def on_meetings_changed(self, event: MeetingsChanged) -> None:
        self._card_wanted = True  # a person taken off, or back again after an undo
        self.load()

    def load(self) -> None:
        """Read the card and the customer's meetings again (what the thread needs of the app is taken here)."""
        self._read(self.app, self.prep.store, self.prep.autosave, self.prep.now())

    @work(thread=True, exclusive=True, group="customer-card", exit_on_error=False)
    def _read(self, app: App[object], store: Store, autosave: Autosave, now: datetime) -> None:
        """The card and the customer's meetings, read off the UI thread."""
        autosave.wait()  # a debrief written a moment ago is part of what is read
        card = store.customer(self.customer)
        summaries = sorted((s for s in store.summaries() if same_name(s.customer, self.customer)),
                           key=lambda s: (s.when, s.id), reverse=True)
        meetings = list(store.meetings(s.id for s in summaries))
        met, named = last_met(meetings, now), named_in(meetings)
        if not get_current_worker().is_cancelled:
            app.call_from_thread(self._loaded, card, summaries, met, named)

    def _loaded(self, card: Customer | None, summaries: list[MeetingSummary], met: dict[str, date],
                named: list[Person]) -> None:
        self.meetings, self.met, self.named = summaries, met, named
        if self.query_one("#industry", Input).disabled:  # the first time: the card as saved, into the fields
            self._card_wanted = False
            self.card = card
            self._fill(card or Customer(name=self.customer))
            self.call_after_refresh(self._take_keys)
        elif self._card_wanted and not self._writes:  # the people as saved now; the details as typed here stay
            self._card_wanted = False
            if card is not None:
                details = self.card or card
                self.card = msgspec.structs.replace(card, **{name: getattr(details, name) for name in DETAILS})
        self._show_people()
        self._show_meetings()

    def _fill(self, card: Customer) -> None:
        """The details as saved, without taking them for typing."""
        with self.prevent(Input.Changed, TextArea.Changed):
            self.query_one("#industry", Input).value = inert(card.industry, one_line=True)
            self.query_one("#domain", Input).value = inert(card.domain, one_line=True)
            self.query_one("#notes", TextArea).load_text(inert(card.notes))
        for name in DETAILS:
            self.query_one(f"#{name}").disabled = False

    def _show_people(self) -> None:
        people = self.card.people if self.card is not None else []
        option_list = self.query_one("#people", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(person_line(p, self.met.get(name_key(p.name))), id=str(i)) for i, p in enumerate(people))
        if people:
            option_list.highlighted = min(highlighted or 0, len(people) - 1)
        empty = self.query_one("#people-empty", Static)
        if not people:
            names = ", ".join(p.name for p in self.named[:4])
            empty.update(plain(_("Nobody on the card yet; the meetings name {names}. Press a to add them.").format(names=names)
                               if names else _("Nobody on the card yet. Press a to add the people in their decision.")))
        empty.display = not people
        self.refresh_bindings()

    def _show_meetings(self) -> None:
        option_list = self.query_one("#meetings", OptionList)
        highlighted = option_list.highlighted
        option_list.clear_options()
        option_list.add_options(Option(meeting_row(m), id=m.id) for m in self.meetings)
        if self.meetings:
            option_list.highlighted = min(highlighted or 0, len(self.meetings) - 1)
        empty = self.query_one("#meetings-empty", Static)
        empty.update(plain(_("No meetings with {customer} yet.").format(customer=self.customer)))
        empty.display = not self.meetings

    # -- keys ---------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("add_person", "edit_person", "remove_person", "edit_details") and isinstance(self.focused, Input | TextArea):
            return False  # the key types into the field (ctrl+e: to the end of its line)
        if action in ("edit_person", "remove_person"):
            return self._highlighted() is not None
        return True

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def field_done(self, field: object) -> bool:
        """Enter moves on from the industry to the domain to the notes."""
        self.focus_next()
        return True

    def _highlighted(self) -> Person | None:
        """The person highlighted in the people list, while it has the focus."""
        option_list = self.query_one("#people", OptionList)
        people = self.card.people if self.card is not None else []
        index = option_list.highlighted
        if not option_list.has_focus or index is None or index >= len(people):
            return None
        return people[index]

    def action_add_person(self) -> None:
        names = [p.name for p in self.card.people] if self.card is not None else []
        self.app.push_screen(PersonForm(self.customer, others=names, named=self.named), self._person_saved)

    def action_edit_person(self) -> None:
        person = self._highlighted()
        if person is not None:
            self._edit(person)

    @on(OptionList.OptionSelected, "#people")
    def person_selected(self) -> None:
        self.action_edit_person()  # enter does what e does

    def _edit(self, person: Person) -> None:
        others = [p.name for p in self.card.people if p is not person] if self.card is not None else []

        def saved(changed: Person | None) -> None:
            self._person_saved(changed, person)

        self.app.push_screen(PersonForm(self.customer, person, others=others, named=self.named), saved)

    def _person_saved(self, person: Person | None, before: Person | None = None) -> None:
        """A person added, or changed where they stood on the card; saved at once."""
        if person is None or person == before:
            return
        self.card = self._card().with_person(person, replacing=before.name if before is not None else "")
        index = next(i for i, p in enumerate(self.card.people) if p is person)
        if before is not None and not same_name(before.name, person.name):
            self._renamed.append((before.name, person.name))  # their meetings follow, with the card's next write
        self._show_people()
        self.query_one("#people", OptionList).highlighted = index
        self._unsaved = True
        self.flush_draft()

    def action_remove_person(self) -> None:
        """Take the highlighted person off the card at once; the toast says ctrl+z brings them back."""
        person = self._highlighted()
        if person is None or self.card is None:
            return
        self.flush_draft()  # the details typed a moment ago are written first
        card, self.card = self.card, self.card.without_person(person.name)
        self._show_people()
        self.prep.remove_person(card, person.name)

    def action_edit_details(self) -> None:
        field = self.query_one("#industry", Input)
        if not field.disabled:
            self.set_focus(field)  # at once: the keys typed next are the field's

    @on(OptionList.OptionSelected, "#meetings")
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.prep.open_meeting(event.option.id)

    def action_back(self) -> None:
        self.flush_draft()
        self.app.pop_screen()

    # -- saving -------------------------------------------------------------------------

    def _card(self) -> Customer:
        """The card to change: the one read, or a new one for a customer that has none yet."""
        return self.card if self.card is not None else Customer(name=self.customer)

    @on(Input.Changed, "#industry, #domain")
    @on(TextArea.Changed, "#notes")
    def details_typed(self) -> None:
        """What is typed goes on the card at once; it is written once the typing pauses."""
        card = self._card()
        shown = {"industry": self.query_one("#industry", Input).value.strip(),
                 "domain": self.query_one("#domain", Input).value.strip(), "notes": self.query_one("#notes", TextArea).text}
        # A field that still shows what was saved keeps the saved words, not their visible escapes.
        self.card = msgspec.structs.replace(card, **{name: text if edited(text, getattr(card, name)) else getattr(card, name)
                                                     for name, text in shown.items()})
        self._unsaved = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush_draft)

    def flush_draft(self) -> None:
        """Write the card now if it changed (the app calls this before quitting, too)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self._unsaved:
            return
        self._unsaved = False
        self._writes += 1
        # The app's worker, not the screen's: leaving the card at once does not cut the write short. The app and
        # its store are taken now: a screen already closed no longer knows its app.
        app = self.app
        app.run_worker(partial(self._write, app, self.prep.store), thread=True, group="customer-card-save", exit_on_error=False)

    def _write(self, app: App[object], store: Store) -> None:
        try:
            with self._writing:  # the newest card, whichever write comes last
                card = self.card
                renamed, self._renamed = self._renamed, []
                for old, new in renamed:
                    store.rename_person(self.customer, old, new)
                if card is not None:
                    store.save_customer(card)
        finally:
            app.call_from_thread(self._written)

    def _written(self) -> None:
        self._writes -= 1
        if self._card_wanted and not self._writes and self.is_attached:
            self.load()  # an undo came while this card was being written: its people are read now
