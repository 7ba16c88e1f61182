"""The app's one-key changes — cancel, delete, a follow-up done, an objection kept for the trainer, a person
taken off a customer card — and ctrl+z that undoes the last one.

Each change runs in a thread worker (prep.changes does the work; the trainer's choice is made
here, as it reads a debrief as prep.insights does, which prep.changes may not), then a toast says what
happened and that ctrl+z undoes it, for as long as the undo stays possible. Every screen
hears `MeetingsChanged` after a change and after its undo: lists reload, a screen on the
meeting catches up. A delete asks first, and is erased for good when its window closes,
when a newer change takes the undo, or when the app quits. If the app is killed inside
the window, the next start erases it (`Store.finish_deleting`).

Text fields keep their own ctrl+z: the app's undo answers only when none has focus; the
command palette offers it too, as "Undo …".
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.timer import Timer
from textual.widgets import Input, TextArea

from prep import changes
from prep.changes import Change, Shown, UndoWindow
from prep.errors import PrepError
from prep.insights.coaching import written_unprepared
from prep.language import _, quoted
from prep.model.customer import Customer
from prep.model.meeting import Meeting
from prep.screens.base import EditingScreen, MeetingsChanged
from prep.storage import Autosave, Store


class UndoingApp(App[None]):
    """The part of PrepApp that makes one-key changes and undoes them."""

    store: Store
    autosave: Autosave
    now: Callable[[], datetime]

    def __init__(self) -> None:
        super().__init__()
        self._undo = UndoWindow()
        self._undo_timer: Timer | None = None

    # -- what screens ask for ------------------------------------------------------------

    def mark_followup_done(self, meeting_id: str, followup_id: str) -> None:
        """Tick off a follow-up in one key; undoable for a while."""
        self._change(partial(changes.followup_done, self.store, self._save, meeting_id, followup_id))

    def cancel_meeting(self, meeting_id: str) -> None:
        """Cancel a meeting (kept, out of "Coming up"), or take the cancellation back; undoable for a while."""
        self._flush(meeting_id)
        self._change(partial(changes.toggle_cancelled, self.store, self._save, meeting_id, self.now()))

    def delete_meeting(self, meeting: Shown) -> None:
        """Ask first; then the meeting leaves every list at once, undoable for a while, then erased."""
        from prep.screens.confirm import Confirm

        def answered(yes: bool | None) -> None:
            if yes:
                self._flush(meeting.id)
                self._close_screens_on(meeting.id)
                self._change(partial(changes.delete, self.store, [meeting]))

        yes = _("Drop the draft") if meeting.is_draft else _("Delete")
        self.push_screen(Confirm(changes.delete_question(meeting), yes=yes, no=_("Keep it"), danger=True), answered)

    def keep_for_trainer(self, meeting_id: str, text: str, keep: bool) -> None:
        """Give an objection the rep met unprepared to their trainer (`keep`), or take it back; undoable for a while."""
        self._flush(meeting_id)
        self._change(partial(_trainer_choice, self.store, self._save, meeting_id, text, keep))

    def remove_person(self, card: Customer, name: str) -> None:
        """Take a person off a customer's card in one key (`card` as the rep sees it); undoable for a while."""
        self._change(partial(changes.remove_person, self.store, card, name))

    def _save(self, meeting: Meeting) -> None:
        # Through the autosave: a version the rep typed a moment ago is written first, not after.
        self.autosave.save(meeting).result()

    def _flush(self, meeting_id: str) -> None:
        """What the rep typed into this meeting is handed to the autosave before it is changed."""
        for screen in self.screen_stack:
            if isinstance(screen, EditingScreen) and screen.meeting.id == meeting_id:
                screen.flush_draft()

    def _close_screens_on(self, meeting_id: str) -> None:
        """Close every screen on a meeting about to be deleted (they are the top ones: opened from a list)."""
        def shows(screen: object) -> bool:
            meeting = getattr(screen, "meeting", None)
            return isinstance(meeting, Meeting) and meeting.id == meeting_id

        while len(self.screen_stack) > 2 and any(shows(screen) for screen in self.screen_stack):
            self.pop_screen()

    # -- making and undoing --------------------------------------------------------------

    @work(thread=True, group="change", exit_on_error=False)
    def _change(self, make: Callable[[], Change | None]) -> None:
        self.autosave.wait()
        change = make()
        if change is not None:
            self.call_from_thread(self._changed, change)

    def _changed(self, change: Change) -> None:
        replaced = self._undo.open(change, time.monotonic())
        if replaced is not None:
            self._settle(replaced)  # only the last change is undoable
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self._undo_timer = self.set_timer(changes.UNDO_SECONDS, self._window_closed)
        self.notify(change.done, timeout=changes.UNDO_SECONDS)
        self._tell(change.meetings)

    def _window_closed(self) -> None:
        change = self._undo.close()
        if change is not None:
            self._settle(change)

    def _settle(self, change: Change) -> None:
        self.run_worker(change.settle, thread=True, group="settle", exit_on_error=False)

    def _tell(self, meetings: dict[str, Meeting | None]) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, EditingScreen):
                saved = meetings.get(screen.meeting.id)
                # Chosen on another screen: a debrief open below saves what goes to the trainer as it is now.
                if saved is not None and saved.debrief is not None and screen.meeting.debrief is not None:
                    screen.meeting.debrief.for_trainer = list(saved.debrief.for_trainer)
            screen.post_message(MeetingsChanged(meetings))

    def action_undo(self) -> None:
        """Undo the last one-key change while its window is open."""
        change = self._undo.take(time.monotonic())
        if change is None:
            self.notify(_("Nothing to undo: the last change is kept for good."), timeout=4)
            return
        if self._undo_timer is not None:
            self._undo_timer.stop()
        self._undo_change(change)

    @work(thread=True, group="change", exit_on_error=False)
    def _undo_change(self, change: Change) -> None:
        self.autosave.wait()
        meetings = change.undo()
        self.call_from_thread(self.clear_notifications)  # the toast offering the undo is out of date
        self.call_from_thread(self.notify, change.undone, title=_("Undone"), timeout=6)
        self.call_from_thread(self._tell, meetings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+z belongs to a focused text field; the app's undo answers everywhere else."""
        if action == "undo":
            return not isinstance(self.focused, (Input, TextArea))
        return True

    def undo_commands(self) -> Iterable[SystemCommand]:
        """The palette's "Undo …" while a change can be undone."""
        change = self._undo.change
        if change is not None and time.monotonic() <= self._undo.closes:
            yield SystemCommand(change.title, _("Undo the last change · key ctrl+z"), self.action_undo)

    def settle_changes(self) -> None:
        """Erase for good what waits for its undo window (the app is quitting); off the UI thread.

        A failure here leaves it set aside, out of every list: the next start erases it.
        """
        change = self._undo.close()
        if change is not None:
            with contextlib.suppress(PrepError):
                change.settle()


def _trainer_choice(store: Store, save: Callable[[Meeting], None], meeting_id: str, text: str, keep: bool) -> Change | None:
    """Keep an objection met unprepared for the trainer, or leave it out; None when the debrief no longer holds it."""
    meeting = store.meeting(meeting_id)
    if meeting is None or meeting.debrief is None or text not in written_unprepared(meeting.debrief):
        return None
    before = list(meeting.debrief.for_trainer)
    written = dict.fromkeys(written_unprepared(meeting.debrief))
    meeting.debrief.for_trainer = [t for t in written if (keep if t == text else t in before)]
    save(meeting)
    objection = quoted(text)
    if keep:
        done, undone, title = (_("For your trainer: {objection} · ctrl+z undoes"), _("Not for your trainer: {objection}"),
                               _("Undo giving {objection} to your trainer"))
    else:
        done, undone, title = (_("Not for your trainer: {objection} · ctrl+z undoes"), _("For your trainer again: {objection}"),
                               _("Undo leaving {objection} out"))
    return Change(done.format(objection=objection), undone.format(objection=objection), title.format(objection=objection),
                  {meeting_id: meeting}, undo=partial(_trainer_choice_undone, store, save, meeting_id, before))


def _trainer_choice_undone(store: Store, save: Callable[[Meeting], None], meeting_id: str,
                           before: list[str]) -> dict[str, Meeting | None]:
    meeting = store.meeting(meeting_id)
    if meeting is not None and meeting.debrief is not None:
        meeting.debrief.for_trainer = before
        save(meeting)
    return {meeting_id: meeting}
