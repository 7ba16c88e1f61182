"""What every prep screen shares: what a screen may ask of the app, and failed workers shown as a toast.

Screens never import the app: the app imports them (it pushes the first screen, opens
meetings, lists every binding), so a screen sees the app only as the `PrepHost` below.
That keeps the import graph free of cycles, and says in one place what screens use.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, cast

from textual import events, on
from textual._context import NoActiveAppError
from textual.actions import SkipAction
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from prep.errors import PrepError
from prep.language import N_, _
from prep.model.merge import merge
from prep.screens.drawn_once import DrawnOnce

if TYPE_CHECKING:
    from prep.model.customer import Customer
    from prep.model.meeting import Meeting
    from prep.model.summary import MeetingSummary
    from prep.screens.read_ahead import ReadAhead
    from prep.settings import Settings
    from prep.storage import Autosave, Store

GARBAGE_AFTER = 0.5  # seconds after a screen is there: its young garbage is collected
# The garbage collector's thresholds once prep has started (Python's are 700, 10, 10): the
# youngest objects every 50,000 new ones, all of them rarely; screens collect at quiet moments.
QUIET_GARBAGE_COLLECTION = (50_000, 20, 100)
SAVE_DELAY = 0.3  # seconds of quiet before what was typed is written; leaving or quitting writes at once


class PrepHost(Protocol):
    """The part of the running app that screens use (PrepApp provides it)."""

    settings: Settings
    store: Store
    autosave: Autosave
    now: Callable[[], datetime]
    save_state: str  # "saving", "saved" or "not saved", as screens/widgets/save_state.py shows it
    unfinished_form: dict[str, str]
    read_ahead: ReadAhead  # the checklists and the whole history, read once in the background

    def open_meeting(self, meeting_id: str, *, debrief: bool = False) -> None:
        """Load a meeting and show it on the screen that fits it."""

    def show_meeting(self, meeting: Meeting | None, *, debrief: bool = False, replace: bool = False) -> None:
        """Show a meeting on the screen that fits it, on top of this one or instead of it."""

    def change_plan(self, meeting: Meeting, then: Callable[[Meeting | None], object]) -> None:
        """The new-preparation form on a meeting's plan; `then` gets the saved meeting, or None when the rep left."""

    def mark_followup_done(self, meeting_id: str, followup_id: str) -> None:
        """Tick off a follow-up, undoable for a while; every screen gets MeetingsChanged once it is saved."""

    def cancel_meeting(self, meeting_id: str) -> None:
        """Cancel a meeting, or take the cancellation back; undoable for a while, then MeetingsChanged."""

    def keep_for_trainer(self, meeting_id: str, text: str, keep: bool) -> None:
        """Give an objection met unprepared to the rep's trainer, or take it back; undoable for a while."""

    def delete_meeting(self, meeting: Meeting | MeetingSummary) -> None:
        """Ask, then take the meeting out of every list; undoable for a while, then erased for good."""

    def remove_person(self, card: Customer, name: str) -> None:
        """Take a person off a customer's card; undoable for a while, then MeetingsChanged (lists and cards read again)."""

    def go_home(self) -> None:
        """Back to the home screen, closing everything above it."""

    async def release_keys(self) -> None:
        """Hand on the keys that were typed while the current screen was being built."""


class MeetingsChanged(Message, bubble=False):
    """Saved meetings changed by a one-key action or its undo: lists reload, a screen showing one catches up."""

    def __init__(self, meetings: dict[str, Meeting | None]) -> None:
        """`meetings`: each changed meeting as saved now, None for one deleted."""
        super().__init__()
        self.meetings = meetings


def collect_garbage_quietly() -> None:
    """From now on, collect garbage when the rep is not waiting for a screen (call it once the start-up reading is done).

    What was read so far stays for the whole run: moved out of the collector's sight, a full
    collection no longer walks 20,000 meetings. Left to itself, the collector ran every few
    hundred new widgets, and a pause of 10–80 ms landed on whichever screen was opening; now
    screens collect a moment after they appear and when they close (PrepScreen).
    """
    gc.collect()
    gc.freeze()
    gc.set_threshold(*QUIET_GARBAGE_COLLECTION)


def report_failure(app: App[object], event: Worker.StateChanged) -> None:
    """Show a failed worker's error as a toast: one clear line, never a traceback."""
    if event.state != WorkerState.ERROR or event.worker.error is None:
        return
    error = event.worker.error
    message = str(error) if isinstance(error, PrepError) else _("Something went wrong: {error}").format(error=repr(error))
    app.log.error(event.worker.error)
    app.notify(message, title="prep", severity="error", timeout=12)


class PrepScreen(DrawnOnce):
    """A screen of the prep app.

    Keys typed before its first frame (and so before any field of it has focus) wait
    in the app until then: see screens/typing_ahead.py.
    """

    ready_for_keys = False
    BINDINGS = [
        # Priority, so the focus has moved before the next key is read: what a rep types straight
        # after enter goes into the next field, not into the dropdown as letters to pick by.
        Binding("enter", "move_on", N_("Next field"), show=False, priority=True, id="screen.next-field"),
        # Tab too: as Textual's own (not priority) binding, it ran after the next letters had gone to the field left.
        Binding("tab", "app.focus_next", N_("Focus next"), show=False, priority=True, id="screen.tab"),
        Binding("shift+tab", "app.focus_previous", N_("Focus previous"), show=False, priority=True, id="screen.shift-tab"),
    ]

    def action_move_on(self) -> None:
        """Enter on a closed dropdown moves on to the next field; in a one-line field, where `field_done` says."""
        from textual.widgets import Input

        from prep.screens.widgets.fields import Choice

        focused = self.focused
        if isinstance(focused, Choice) and not focused.expanded:
            self.focus_next()
        elif not (isinstance(focused, Input) and self.field_done(focused)):
            raise SkipAction  # enter is the focused widget's: a button, a list, a text area, a search field

    def field_done(self, field: object) -> bool:
        """Enter in a one-line field: move on from it and return True, or leave enter to the field (the default)."""
        return False

    _shown_before = False
    _css_sources: int | None = None  # how many CSS sources the app had as this screen was made

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            self._css_sources = len(self.app.stylesheet.source)
        except NoActiveAppError:
            pass

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Called before Textual's own handler. Shown for the first time, the screen's widgets
        # were styled a moment ago, as they were mounted: Textual styles all of them again
        # (as a screen coming back after another needs), which was a third of the wait. Not
        # when CSS was added meanwhile (a screen's own, or a widget class's first shown here):
        # a widget styled before its class's CSS was read needs the second styling.
        if not self._shown_before:
            self._shown_before = True
            if self._css_sources == len(self.app.stylesheet.source):
                event.refresh_styles = False

    @on(events.Unmount)
    def _collect_garbage(self) -> None:
        # What the closed screen was is collected while the rep looks at the screen under it, and
        # not at some moment the collector chooses, such as while the next screen is being built.
        self.app.call_after_refresh(gc.collect)

    @on(events.Mount)
    def _after_first_frame(self) -> None:
        # Handlers of every class are called, the screen's own on_mount (which sets the focus) first.
        self.call_after_refresh(self._take_keys)

    async def _take_keys(self, frames: int = 1) -> None:
        # Focus is given a moment later than it is asked for: keys wait until a field has it
        # (a few frames at most, for a screen with nothing to focus).
        if self.focused is None and frames < 5:
            self.call_after_refresh(self._take_keys, frames + 1)
            return
        self.ready_for_keys = True
        await self.prep.release_keys()
        # The young objects of building this screen are collected a moment after it is there, so
        # that the next screen is not the one to reach the collector's threshold (QUIET_GARBAGE_COLLECTION).
        self.set_timer(GARBAGE_AFTER, partial(gc.collect, 1))

    @property
    def prep(self) -> PrepHost:
        """The running app, as far as screens use it."""
        return cast("PrepHost", self.app)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        report_failure(self.app, event)

    def on_meetings_changed(self, event: MeetingsChanged) -> None:
        """A screen on a meeting that was cancelled or taken back keeps showing (and saving) it as it is now."""
        meeting = getattr(self, "meeting", None)
        saved = event.meetings.get(meeting.id) if meeting is not None else None
        if meeting is not None and saved is not None and meeting.cancelled != saved.cancelled:
            meeting.cancelled = saved.cancelled
            self.show_cancelled()

    def show_cancelled(self) -> None:
        """Show whether the meeting on this screen is cancelled (screens on one meeting know where)."""


class EditingScreen(PrepScreen):
    """A screen where the rep writes into a meeting: saved while typing, off the UI thread."""

    meeting: Meeting
    _timer: Timer | None = None

    def header(self) -> Widget:
        """The screen's header, showing whether the autosave has caught up."""
        from prep.screens.widgets.header import PrepHeader

        return PrepHeader(saving=self.saves_meeting)

    @property
    def saves_meeting(self) -> bool:
        """False where nothing typed is kept (a practice run): no saved/saving is shown there."""
        return True

    def schedule_save(self) -> None:
        """Save after a short quiet moment, so a burst of typing is one write."""
        if self.saves_meeting:
            self.prep.save_state = "saving"  # not on disk yet: the autosave says "saved" once it is
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush_draft)

    def flush_draft(self) -> None:
        """Hand the meeting to the autosave now (the app calls this before quitting)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.meeting.updated = self.prep.now().replace(microsecond=0)
        self.prep.autosave.save(self.meeting)

    def adopt(self, saved: Meeting, merged: Meeting) -> None:
        """Take another window's changes: `merged` is what was written when `saved` met them.

        What the rep typed since `saved` is merged once more, so nothing typed in
        between is lost; then the screen shows the merged meeting.
        """
        self.meeting, _conflicts = merge(saved, self.meeting, merged)
        self.meeting_replaced()
        self.call_later(self.show_meeting_again)

    def meeting_replaced(self) -> None:
        """Point whatever the screen keeps of the meeting at the new one, before the next key arrives."""

    async def show_meeting_again(self) -> None:
        """Show `self.meeting` anew after it was replaced (each editing screen knows how)."""
        await self.recompose()
