"""The brief: one screen to read just before walking in."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from prep.insights.people import Room
from prep.language import N_, _
from prep.model.meeting import Meeting
from prep.reports.brief import brief_markdown, write_brief
from prep.reports.inert import inert
from prep.screens.base import PrepScreen
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.reading import ReadingPane


class BriefScreen(PrepScreen):
    """Customer, goal, needs, likely objections with the rep's responses, trust points."""

    CSS_PATH = "brief.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="brief.back"),
        Binding("e", "edit", N_("Edit"), tooltip=N_("Back into the walkthrough"), id="brief.edit"),
        Binding("r", "rehearse", N_("Rehearse"), tooltip=N_("Drill the objections, one at a time"), id="brief.rehearse"),
        Binding("d", "debrief", N_("Debrief"), id="brief.debrief"),
        Binding("x", "export", N_("Export"), tooltip=N_("Save the brief as Markdown"), id="brief.export"),
        Binding("ctrl+e", "change", N_("Change"), tooltip=N_("Change customer, contact, date, time, goal or type"), id="brief.change"),
        Binding("h", "home", N_("Home"), show=False, id="brief.home"),  # esc does the same from home; 80 columns are few
        Binding("c", "cancel_meeting", N_("Cancel"), tooltip=N_("Cancel the meeting, or take the cancellation back"),
                show=False, id="brief.cancel"),
        Binding("delete", "delete", N_("Delete"), tooltip=N_("Delete the meeting; asks first"), show=False, id="brief.delete"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.room: Room | None = None  # who is in the room, once read

    def compose(self) -> ComposeResult:
        from prep.insights.people import read_room

        self.show_cancelled()  # the title, before the header is mounted: it draws it once
        history = self.prep.read_ahead.history_if_read()
        if history is not None and self.room is None:  # who is in the room in the first frame, not a second render later
            self.room = read_room(self.prep.store, self.meeting, self.prep.now(), history.meetings)
        yield PrepHeader()
        with VerticalScroll(id="brief"):
            yield ReadingPane(brief_markdown(self.meeting, self.room))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#brief"))  # at once: the first frame shows it
        self.read_room()

    @work(thread=True, exclusive=True, group="room", exit_on_error=False)
    def read_room(self) -> None:
        """Who is in the room: the customer card and the earlier meetings, read off the UI thread."""
        from prep.insights.people import read_room

        meeting = self.meeting
        self.app.call_from_thread(self._room_read, meeting, read_room(self.prep.store, meeting, self.prep.now()))

    def _room_read(self, meeting: Meeting, found: Room) -> None:
        if meeting is self.meeting and found != self.room:
            self.room = found
            self.query_one(ReadingPane).update(brief_markdown(meeting, found))

    def show_cancelled(self) -> None:
        """The title says when the meeting is cancelled."""
        # First, so that a narrow header that shortens the title keeps it.
        title = _("CANCELLED · Brief · {customer}") if self.meeting.cancelled else _("Brief · {customer}")
        self.sub_title = inert(title.format(customer=self.meeting.customer), one_line=True)

    def action_cancel_meeting(self) -> None:
        self.prep.cancel_meeting(self.meeting.id)

    def action_delete(self) -> None:
        self.prep.delete_meeting(self.meeting)

    def action_change(self) -> None:
        """The meeting's plan in the new-preparation form; saved, the brief shows the changed meeting."""
        self.prep.change_plan(self.meeting, self._changed)

    async def _changed(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.meeting = meeting
            await self.recompose()
            self.on_mount()

    def action_edit(self) -> None:
        from prep.screens.walkthrough import WalkthroughScreen

        self.app.switch_screen(WalkthroughScreen(self.meeting))

    def action_debrief(self) -> None:
        """The debrief on top of the brief: esc comes back here, to the brief of the meeting as debriefed."""
        from prep.screens.debrief import debrief_after_asking

        debrief_after_asking(self.app, self.meeting, self.prep.now(),
                             lambda debrief: self.app.push_screen(debrief, self._debriefed))

    async def _debriefed(self, meeting: object) -> None:
        if isinstance(meeting, Meeting):
            self.meeting = meeting
            self.query_one(ReadingPane).update(brief_markdown(meeting, self.room))
            self.read_room()

    def action_rehearse(self) -> None:
        from prep.screens.rehearsal import RehearsalScreen

        self.app.push_screen(RehearsalScreen(self.meeting))

    def action_export(self) -> None:
        self._export()

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self) -> None:
        """Write the brief as Markdown into the briefs folder, readable by the rep only."""
        path = write_brief(self.meeting, self.prep.settings.briefs, self.room)
        self.app.call_from_thread(self.notify, _("Brief saved to {path}").format(path=path), title=_("Exported"), timeout=8)

    def action_home(self) -> None:
        self.prep.go_home()
