"""Meetings from the rep's calendar waiting to be prepared: a list on home, the plan they give the form, the link back.

`prep calendar import` stores the coming customer meetings as appointments. Home lists the
next two weeks' that nothing was prepared for; `p` (or enter, or a click) opens the
new-preparation form filled in from the highlighted one, and starting the walkthrough
links the appointment to the preparation, which takes it off the list.
"""

from __future__ import annotations

from datetime import datetime

import msgspec
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from prep.calendar_import import coming_to_prepare, person_name
from prep.dates import shown_moment, written
from prep.language import N_, _
from prep.model.appointment import Appointment
from prep.model.meeting import Meeting
from prep.reports.inert import inert
from prep.storage import Store

TO_PREPARE = "to-prepare"
HEADING = N_("To prepare")
LISTED = 50
# The keys that act on a meeting's row: an appointment is none yet (enter prepares it, as `p` does).
MEETING_KEYS = frozenset({"open", "debrief", "delete", "followup_done", "customer_card"})


def compose() -> ComposeResult:
    """The heading and the list, hidden until there is something to prepare."""
    heading = Label(_(HEADING), classes="heading", id=f"{TO_PREPARE}-heading")
    heading.display = False
    yield heading
    yield ToPrepareList()


def coming(store: Store, now: datetime) -> list[Appointment]:
    """The appointments to list (read off the UI thread)."""
    return coming_to_prepare(store.appointments(), now)[:LISTED]


def show_on(screen: object, appointments: list[Appointment]) -> None:
    """Fill the screen's list (on the UI thread)."""
    screen.query_one(ToPrepareList).show(appointments)  # type: ignore[attr-defined]


def allowed(action: str, highlighted: tuple[str, str] | None, screen: object) -> bool:
    """Whether home offers `action`: `prepare` whenever there is something to prepare (the highlighted one of this
    list, the soonest unless the rep moved), a meeting's keys never while this list is focused."""
    if action == "prepare":
        return any(bool(found.appointments) for found in screen.query(ToPrepareList))  # type: ignore[attr-defined]
    return highlighted is None or highlighted[0] != TO_PREPARE or action not in MEETING_KEYS


class ToPrepareList(OptionList):
    """Coming appointments from the calendar that nothing was prepared for, soonest first."""

    def __init__(self) -> None:
        super().__init__(id=TO_PREPARE, classes="meetings")
        self.display = False
        self.appointments: list[Appointment] = []

    def show(self, appointments: list[Appointment]) -> None:
        """List these; hidden when there are none. The heading is said again: the rep may have changed the language."""
        highlighted = self.highlighted
        self.appointments = appointments
        self.clear_options()
        self.add_options(Option(_row(a), id=f"{index}") for index, a in enumerate(appointments))
        self.display = bool(appointments)
        heading = self.screen.query_one(f"#{TO_PREPARE}-heading", Label)
        heading.update(_(HEADING))
        heading.display = bool(appointments)
        if appointments:
            self.highlighted = min(highlighted or 0, len(appointments) - 1)
            focused = self.screen.focused
            if not (isinstance(focused, OptionList) and focused.display):  # no other list to act on: this one
                self.focus()

    @property
    def appointment(self) -> Appointment | None:
        """The highlighted appointment."""
        index = self.highlighted
        return self.appointments[index] if index is not None and index < len(self.appointments) else None

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # not a meeting to open: the screen prepares it
        await self.run_action("screen.prepare")


def _row(appointment: Appointment) -> Text:
    """When, the customer (or "?" until the rep picks one), the title and the people from outside."""
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{shown_moment(appointment.when)}  ", style="dim")
    line.append(inert(appointment.customer or "?", one_line=True), style="bold")
    line.append(inert(f"  {appointment.title}", one_line=True))
    people = ", ".join(person_name(person) if person.name else person.email for person in appointment.attendees)
    if people:
        line.append(inert(f" · {people}", one_line=True), style="dim")
    return line


def suggested_plan(appointment: Appointment) -> dict[str, str]:
    """The new-preparation form's fields, filled from an appointment: customer, people, date, time, its title as the goal."""
    people = ", ".join(name for name in map(person_name, appointment.attendees) if name)
    return {"customer": appointment.customer, "people": people,
            "date": written(appointment.when, "typed date"), "time": f"{appointment.when:%H:%M}", "goal": appointment.title}


def link(app: App[object], appointment: Appointment | None, meeting: Meeting) -> None:
    """The appointment is being prepared: saved with the preparation's id and customer (off the UI thread), it leaves
    the list, and `prep forget` finds it by the customer the rep picked."""
    if appointment is None:
        return
    store: Store = app.store  # type: ignore[attr-defined]
    linked = msgspec.structs.replace(appointment, meeting=meeting.id, customer=meeting.customer)
    app.run_worker(lambda: store.save_appointments([linked]), thread=True, group="appointment-link", exit_on_error=False)
