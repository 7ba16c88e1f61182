"""One-key changes to saved meetings — cancel, delete, a follow-up done — and to customer cards (a person
removed), each with its undo.

A change is made at once and stays undoable for UNDO_SECONDS. A delete is only a set-aside
until then (see `Store.delete_meetings`): `Change.settle` erases it for good when the window
closes, when a newer change takes the undo, or when the app quits. Each function reads
the meeting as saved and writes through `save` (the app's autosave, so that what the rep
typed a moment earlier is written first). The sentences the rep reads are all here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from prep.dates import shown_moment
from prep.language import _
from prep.model.customer import Customer, Person, same_name
from prep.model.meeting import Meeting, When
from prep.storage import Store

UNDO_SECONDS = 12.0  # the undo toast and the undo itself stay this long (at least 10 s)

Save = Callable[[Meeting], None]


class Shown(Protocol):
    """What a change needs to name a meeting: a Meeting or a MeetingSummary."""

    id: str
    customer: str
    when: datetime

    @property
    def is_draft(self) -> bool: ...


@dataclass
class Change:
    """A change just made: what the toast says, what undoing it says, and how to undo and settle it."""

    done: str
    undone: str
    title: str  # the palette's "Undo …" command
    meetings: dict[str, Meeting | None]  # each changed meeting as saved now; None: deleted
    undo: Callable[[], dict[str, Meeting | None]]
    settle: Callable[[], None] = field(default=lambda: None)


def describe(meeting: Shown) -> str:
    """A meeting as the rep recognises it in a sentence: customer and time."""
    return f"{meeting.customer} ({shown_moment(meeting.when)})"


def delete_question(meeting: Shown) -> str:
    """What the rep is asked before a delete."""
    if meeting.is_draft:
        return _("Drop the draft for {meeting}? You can undo it for a few seconds; then it is erased.").format(meeting=describe(meeting))
    return _("Delete the meeting with {meeting}? You can undo it for a few seconds; then it is erased.").format(meeting=describe(meeting))


def toggle_cancelled(store: Store, save: Save, meeting_id: str, now: datetime) -> Change | None:
    """Cancel a meeting, or take a cancellation back; None when the meeting is gone."""
    meeting = store.meeting(meeting_id)
    if meeting is None:
        return None
    before = meeting.cancelled
    meeting.cancelled = None if before is not None else When.fromisoformat(now.replace(microsecond=0).isoformat())
    save(meeting)
    name = describe(meeting)
    if meeting.cancelled is not None:
        done, undone, title = (_("Cancelled: {meeting} · ctrl+z undoes"), _("{meeting} is on again."),
                               _("Undo the cancellation of {meeting}"))
    else:
        done, undone, title = (_("{meeting} is on again · ctrl+z undoes"), _("Cancelled again: {meeting}."),
                               _("Cancel {meeting} again"))
    return Change(done.format(meeting=name), undone.format(meeting=name), title.format(meeting=name), {meeting_id: meeting},
                  undo=lambda: _set(store, save, meeting_id, lambda m: setattr(m, "cancelled", before)))


def delete(store: Store, meetings: Sequence[Shown]) -> Change | None:
    """Take meetings out of every list, undoable until the change settles; None when none was there."""
    ids = [m.id for m in meetings]
    if not ids or not store.delete_meetings(ids):
        return None
    names = ", ".join(describe(m) for m in meetings)
    return Change(_("Deleted: {meetings} · ctrl+z undoes").format(meetings=names), _("Back again: {meetings}.").format(meetings=names),
                  _("Undo deleting {meetings}").format(meetings=names),
                  dict.fromkeys(ids), undo=lambda: _restore(store, ids), settle=lambda: _erase(store, ids))


def followup_done(store: Store, save: Save, meeting_id: str, followup_id: str) -> Change | None:
    """Tick off a follow-up; None when it or its meeting is gone."""
    meeting = store.meeting(meeting_id)
    followup = next((f for f in meeting.debrief.followups if f.id == followup_id), None) \
        if meeting is not None and meeting.debrief is not None else None
    if meeting is None or followup is None:
        return None
    followup.done = True
    save(meeting)
    text = followup.text
    return Change(_("Done: {followup} · ctrl+z undoes").format(followup=text), _("Open again: {followup}").format(followup=text),
                  _("Undo done: {followup}").format(followup=text),
                  {meeting_id: meeting}, undo=lambda: _set(store, save, meeting_id, lambda m: _reopen(m, followup_id)))


def remove_person(store: Store, card: Customer, name: str) -> Change | None:
    """Take a person off a customer's card, the card as the rep sees it; None when they are not on it.

    Undone, the person comes back where they stood, on the card as it is saved by then.
    """
    index = next((i for i, person in enumerate(card.people) if same_name(person.name, name)), None)
    if index is None:
        return None
    person = card.people[index]
    store.save_customer(card.without_person(name))
    said = {"person": person.name, "customer": card.name}
    return Change(_("Removed {person} from {customer} · ctrl+z undoes").format(**said),
                  _("{person} is back on the card of {customer}.").format(**said),
                  _("Undo removing {person} from {customer}").format(**said),
                  {}, undo=lambda: _person_back(store, card.name, person, index))


def _person_back(store: Store, customer: str, person: Person, index: int) -> dict[str, Meeting | None]:
    card = store.customer(customer) or Customer(name=customer)
    if card.person(person.name) is None:
        store.save_customer(card.with_person(person, at=index))
    return {}

def _set(store: Store, save: Save, meeting_id: str, change: Callable[[Meeting], None]) -> dict[str, Meeting | None]:
    meeting = store.meeting(meeting_id)
    if meeting is not None:
        change(meeting)
        save(meeting)
    return {meeting_id: meeting}


def _reopen(meeting: Meeting, followup_id: str) -> None:
    for followup in meeting.debrief.followups if meeting.debrief is not None else []:
        if followup.id == followup_id:
            followup.done = False


def _restore(store: Store, ids: list[str]) -> dict[str, Meeting | None]:
    store.restore_meetings(ids)
    return {meeting_id: store.meeting(meeting_id) for meeting_id in ids}


def _erase(store: Store, ids: list[str]) -> None:
    store.erase_meetings(ids)


class UndoWindow:
    """The one change that ctrl+z undoes, while its window is open."""

    def __init__(self) -> None:
        self.change: Change | None = None
        self.closes = 0.0

    def open(self, change: Change, now: float) -> Change | None:
        """Make `change` the one to undo until `now` + UNDO_SECONDS; returns the change it replaces, to settle."""
        previous, self.change, self.closes = self.change, change, now + UNDO_SECONDS
        return previous

    def take(self, now: float) -> Change | None:
        """The change to undo, if its window is still open; it is no longer undoable after this."""
        if self.change is None or now > self.closes:
            return None  # a closed window's change is settled by `close`, never dropped here
        change, self.change = self.change, None
        return change

    def close(self) -> Change | None:
        """Close the window: the change to settle, if one was open."""
        change, self.change = self.change, None
        return change
