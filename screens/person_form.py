"""One person at a customer, in a small form over their card: who they are, their part in the decision, how they stand.

Enter moves on from a field, as in every form of prep (from the last one it saves), ctrl+s
saves from anywhere, escape leaves with nothing changed; a dropdown picks from the letters
typed into it (`c` → champion). What cannot be
right — no name, a name already on the card, an e-mail address without an @ or without a dot
after it — is said under its field, and nothing is saved until it is put right.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

import msgspec
from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Select, Static

from prep.insights.people import STANCE_SHOWN, part_label
from prep.language import N_, _
from prep.model.customer import PARTS, STANCES, Person, same_name
from prep.model.meeting import CONTACT_RHYTHMS
from prep.reports.debriefed import RHYTHMS
from prep.reports.inert import inert
from prep.screens.base import PrepHost, PrepScreen
from prep.screens.widgets.fields import Choice, TextField
from prep.screens.widgets.shown import edited, plain

TEXTS = ("name", "role", "email", "phone")
LABELS = {"name": N_("Name"), "role": N_("Title"), "part": N_("Part"), "stance": N_("Stance"),
          "contact_rhythm": N_("Contact"), "email": N_("E-mail"), "phone": N_("Phone")}
PLACEHOLDERS = {"name": N_("First and last name"), "role": N_("e.g. Head of Planning"),
                "email": N_("name@company.com"), "phone": N_("Their direct line")}


def stance_shown(stance: str) -> str:
    """How someone stands, in the rep's words ('' for not known)."""
    return _(STANCE_SHOWN[stance]) if stance in STANCE_SHOWN else stance


def email_problem(email: str) -> str:
    """What is wrong with an e-mail address ('' when it may be right): a light check for an @ and a dot after it."""
    email = email.strip()
    if not email:
        return ""
    local, at, domain = email.rpartition("@")
    if not at or not local or " " in email or "." not in domain.strip("."):
        return _("An e-mail address reads like name@company.com: an @, and a dot in the part after it.")
    return ""


class PersonForm(ModalScreen[Person | None]):
    """A person on `customer`'s card, new or `person`; dismissed with the person as the rep left them, or None."""

    CSS_PATH = "person_form.tcss"
    BINDINGS = [
        # Enter and tab as on every screen of prep (priority: the focus has moved before the next key typed is read).
        *PrepScreen.BINDINGS,
        Binding("ctrl+s", "save", N_("Save"), id="person.save", priority=True),
        Binding("escape", "cancel", N_("Back"), tooltip=N_("Back to the card, nothing changed"), id="person.back"),
    ]
    ready_for_keys = False  # keys typed right after the card's key wait until the name field has the focus

    def __init__(self, customer: str, person: Person | None = None, *, others: Iterable[str] = (),
                 named: Iterable[Person] = ()) -> None:
        """`others`: the names already on the card (besides `person`); `named`: people the customer's meetings name, suggested."""
        super().__init__()
        self.customer, self.person = customer, person
        self.others = list(others)
        self.named = [p for p in named if not any(same_name(p.name, other) for other in self.others)]

    def compose(self) -> ComposeResult:
        person = self.person or Person(name="")
        title = _("New person at {customer}") if self.person is None else _("{person} at {customer}")
        labels = [_(label) for label in LABELS.values()]
        with Vertical(id="person", classes="-wide-labels" if max(map(cell_len, labels)) > 8 else ""):
            yield Label(plain(inert(title.format(customer=self.customer, person=person.name), one_line=True)), id="title")
            for name in ("name", "role"):
                yield from self._row(name, self._text(name, person))
            yield from self._row("part", Choice([(part_label(p), p) for p in PARTS], prompt=_("Part in the decision"),
                                                value=person.part or Select.NULL, id="part", compact=True))
            yield from self._row("stance", Choice([(stance_shown(s), s) for s in STANCES], prompt=_("How they stand"),
                                                  value=person.stance or Select.NULL, id="stance", compact=True))
            rhythms = [(_(RHYTHMS[r]), r) for r in CONTACT_RHYTHMS]
            yield from self._row("contact_rhythm", Choice(rhythms, prompt=_("Contact wanted"), value=person.contact_rhythm or Select.NULL,
                                                          id="contact_rhythm", compact=True))
            for name in ("email", "phone"):
                yield from self._row(name, self._text(name, person))
            with Horizontal(id="answers"):
                yield Button(plain(_("Save") + " (ctrl+s)"), id="save", variant="primary", compact=True)
                yield Button(plain(_("Back") + " (esc)"), id="cancel", compact=True)

    def _text(self, name: str, person: Person) -> TextField:
        # What was saved is shown inert: a control character in a name is shown, not sent.
        field = TextField(inert(getattr(person, name), one_line=True), placeholder=_(PLACEHOLDERS[name]), id=name, compact=True)
        if name == "name" and self.named:
            field.suggester = SuggestFromList([inert(p.name, one_line=True) for p in self.named], case_sensitive=False)
        return field

    @staticmethod
    def _row(name: str, field: Input | Select[object]) -> ComposeResult:
        with Horizontal(classes="row"):
            yield Label(_(LABELS[name]), classes="field-label")
            yield field
        if name in ("name", "email"):
            yield Static("", id=f"{name}-error", classes="error")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()
        self.call_after_refresh(self._take_keys)

    async def _take_keys(self) -> None:
        self.ready_for_keys = True
        await cast(PrepHost, self.app).release_keys()

    @on(Input.Changed, "#name")
    def name_typed(self, event: Input.Changed) -> None:
        """A new person the customer's meetings know: their title comes with the name, if none is written yet."""
        self._show_error("name", "")
        known = next((p for p in self.named if same_name(p.name, event.value)), None) if self.person is None else None
        role = self.query_one("#role", Input)
        if known is not None and known.role and not role.value.strip():
            role.value = inert(known.role, one_line=True)

    @on(Input.Changed, "#email")
    def email_typed(self) -> None:
        self._show_error("email", "")

    action_move_on = PrepScreen.action_move_on

    def field_done(self, field: object) -> bool:
        """Enter moves on to the next field; from the last one (the phone) it saves."""
        if isinstance(field, Input) and field.id == "phone":
            self.action_save()
        else:
            self.focus_next()
        return True

    @on(Button.Pressed, "#save")
    def save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        """Check the form; if it is right, go back to the card with the person."""
        person = self._person()
        if person is not None:
            self.dismiss(person)

    def _person(self) -> Person | None:
        """The person the form describes, or None and the problems shown under their fields."""
        before = self.person or Person(name="")
        values: dict[str, str] = {}
        for name in TEXTS:
            shown, stored = self.query_one(f"#{name}", Input).value, getattr(before, name)
            values[name] = " ".join(shown.split()) if edited(shown, stored) else stored
        for name in ("part", "stance", "contact_rhythm"):
            value = self.query_one(f"#{name}", Select).value
            values[name] = "" if value is Select.NULL else str(value)
        problems = {"email": email_problem(values["email"])}
        if not values["name"].strip():
            problems["name"] = _("Give the person a name.")
        elif any(same_name(values["name"], other) for other in self.others):
            problems["name"] = _("{name} is on the card already: edit them there.").format(name=values["name"])
        for name in ("name", "email"):
            self._show_error(name, problems.get(name, ""))
        wrong = [name for name in ("name", "email") if problems.get(name)]
        if wrong:
            self.query_one(f"#{wrong[0]}", Input).focus()
            return None
        return msgspec.structs.replace(before, **values)

    def _show_error(self, name: str, message: str) -> None:
        line = self.query_one(f"#{name}-error", Static)
        line.update(plain(message))  # it may repeat what was typed
        line.display = bool(message)
