"""The walkthrough: one step per checklist section, saved as a draft while the rep types."""

from __future__ import annotations

from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from prep.dates import shown_moment
from prep.insights.people import Room
from prep.language import N_, _
from prep.model.checklist import Item, Section
from prep.model.meeting import PREPARED, Answer, Meeting
from prep.reports.inert import inert
from prep.screens.base import EditingScreen
from prep.screens.widgets.item_cards import CARDS, ItemCard
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import markup, plain

# The steps that show who is in the room: whose needs, and who will object.
ROOM_STEPS = ("needs", "objections")


class WalkthroughScreen(EditingScreen):
    """Needs, objections, trust points and questions, one section at a time."""

    CSS_PATH = "walkthrough.tcss"
    # The step's first field gets the focus; focusing the scrolling cards first restyled every card twice.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("pagedown", "next_step", N_("Next"), tooltip=N_("Next step"), id="walkthrough.next", priority=True),
        Binding("pageup", "previous_step", N_("Back"), tooltip=N_("Previous step"), id="walkthrough.previous", priority=True),
        Binding("ctrl+s", "finish", N_("Finish"), id="walkthrough.finish", priority=True),
        Binding("ctrl+t", "toggle_hints", N_("Hints"), id="walkthrough.hints", priority=True),
        # Text fields have the focus here, so letters are no keys; the footer keeps its room (the palette lists them).
        Binding("ctrl+o", "cancel_meeting", N_("Cancel meeting"), tooltip=N_("Cancel the meeting, or take the cancellation back"),
                show=False, id="walkthrough.cancel", priority=True),
        Binding("ctrl+r", "delete", N_("Drop draft"), tooltip=N_("Drop this draft (or delete the meeting); asks first"),
                show=False, id="walkthrough.delete", priority=True),
        Binding("ctrl+e", "change", N_("Change"), tooltip=N_("Change customer, contact, date, time, goal or type"),
                show=False, id="walkthrough.change", priority=True),  # in the palette: the footer keeps its room
        # Escape is "back" everywhere; the footer keeps its 80 columns for the keys to learn.
        Binding("escape", "leave", N_("Home"), tooltip=N_("Home; the draft is kept"), show=False, id="walkthrough.leave"),
    ]

    def __init__(self, meeting: Meeting, step: int = 0, *, new: bool = False) -> None:
        super().__init__()
        self.meeting = meeting
        self.new = new  # a preparation just started is saved at once; a draft reopened only once changed
        self.step = step
        self._go_to_missing: tuple[Section, Item] | None = None
        self.room: Room | None = None  # who is in the room, shown beside the needs and objections once read

    def compose(self) -> ComposeResult:
        self.show_cancelled()  # the title, before the header is mounted: it draws it once
        yield self.header()
        yield Static(id="progress")
        # Above the cards, not among them: who is in the room arrives a moment later and must not move what the rep reads.
        yield Static(id="room")
        section, self._focus_item = self._last_place()
        self.step = self._clamped(section if section is not None else self.step)
        # The first step's cards are part of the screen's first frame: mounted after it, they drew a second one.
        with VerticalScroll(id="cards"):
            yield from self._cards()
        yield KeysFooter()

    def on_mount(self) -> None:
        self._show_step_shown(self._focus_item)
        if self.new:
            self.flush_draft()  # a new meeting is on disk from its first moment, not after the first pause
        if self.meeting.people:
            self.read_room()

    @work(thread=True, exclusive=True, group="room", exit_on_error=False)
    def read_room(self) -> None:
        """Who is in the room, read off the UI thread: the customer card and the earlier meetings."""
        from prep.insights.people import read_room

        found = read_room(self.prep.store, self.meeting, self.prep.now())
        self.app.call_from_thread(self._room_read, found)

    def _room_read(self, found: Room) -> None:
        self.room = found
        self._show_room()

    def _show_room(self) -> None:
        """Who is in the room, on the needs and objections steps: each person's title, part, stance, when last met."""
        shown = self.query_one("#room", Static)
        room = self.room
        shown.display = bool(room and room.telling and self.meeting.checklist.sections[self.step].kind in ROOM_STEPS)
        if room is not None and shown.display:
            lines = "\n".join(f"• {attendee.line()}" for attendee in room.attendees)
            shown.update(markup(_("[b]In the room[/b]\n$people"), people=lines))

    def _last_place(self) -> tuple[int | None, str | None]:
        """The step and item where the rep last typed, if the checklist still has them."""
        section_id, _slash, item_id = self.meeting.place.partition("/")
        for index, section in enumerate(self.meeting.checklist.sections):
            if section.id == section_id and any(item.id == item_id for item in section.items):
                return index, item_id
        return None, None

    # -- steps ----------------------------------------------------------------------

    def _clamped(self, step: int) -> int:
        return max(0, min(step, len(self.meeting.checklist.sections) - 1))

    def _cards(self) -> list[ItemCard | Static]:
        """The current step's intro, what is still open from last time, and a card for each item."""
        section = self.meeting.checklist.sections[self.step]
        widgets: list[ItemCard | Static] = []
        if section.intro:
            widgets.append(Static(plain(section.intro), classes="intro"))
        carried = self.meeting.carried.get(section.kind, [])
        if carried:
            # Still open from the last meeting with this customer.
            widgets.append(Static(markup(_("[b]From last time[/b]\n$carried"), carried="\n".join(f"• {line}" for line in carried)),
                                  classes="carried"))
        widgets += [
            CARDS[section.kind](section, item, partial(self._answer, section, item), number, self.meeting.checklist.language)
            for number, item in enumerate(section.items, start=1)
        ]
        return widgets

    async def show_step(self, step: int, *, focus_item: str | None = None) -> None:
        """Show one section's cards; keys typed meanwhile wait for the new step's first field."""
        self.ready_for_keys = False
        self.step = self._clamped(step)
        cards = self.query_one("#cards", VerticalScroll)
        await cards.remove_children()
        await cards.mount_all(self._cards())
        self._show_step_shown(focus_item)
        self.call_after_refresh(self._take_keys)

    def _show_step_shown(self, focus_item: str | None) -> None:
        """The progress line for the step shown, and the focus on its card (the first, or the rep's)."""
        cards = self.query_one("#cards", VerticalScroll)
        cards.scroll_home(animate=False)
        self._show_progress()
        self._show_room()
        target = None
        for card in cards.query(ItemCard):
            if focus_item is None or card.item.id == focus_item:
                target = card
                break
        if target is not None:
            # A card's text is where the rep goes on writing; a card without text, its first field.
            fields = target.query("TextArea, Input") if focus_item else target.query("TextArea, Input, Checkbox, Select")
            # At once, not on the next turn of the loop (as `focus()` does): the screen's first frame shows it.
            self.set_focus(fields.first() if fields else target.query("Checkbox, Select").first())
            target.scroll_visible(animate=False)
        self.refresh_bindings()

    def _show_progress(self) -> None:
        sections = self.meeting.checklist.sections
        section = sections[self.step]
        line = Text()
        line.append(_("Step {number} of {steps}").format(number=self.step + 1, steps=len(sections)) + " · ", style="bold")
        line.append(inert(section.title, one_line=True), style="bold")
        line.append("   " + _("{done}/{items} done").format(done=self.meeting.answered_count(section), items=len(section.items)),
                    style="dim")
        # The strip of all steps fits one line: titles are shortened when space is short,
        # and left out when even a letter does not fit (60 columns and many steps).
        counts = [f"{self.meeting.answered_count(step)}/{len(step.items)}" for step in sections]
        fixed = sum(len(f" {number}  {count}  ") for number, count in enumerate(counts, start=1))
        titles = [inert(step.title, one_line=True) for step in sections]
        room = _title_room(titles, self.size.width - 2 - fixed)
        strip = Text(no_wrap=True, overflow="ellipsis")
        for index, shown in enumerate(titles):
            title = shown if len(shown) <= room else (shown[: room - 1] + "…" if room >= 3 else "")
            label = f" {index + 1} {title} {counts[index]} " if title else f" {index + 1} {counts[index]} "
            strip.append(label, style="reverse bold" if index == self.step else "dim")
            strip.append(" ")
        self.query_one("#progress", Static).update(Text("\n").join([line, strip]))

    def _answer(self, section: Section, item: Item) -> Answer:
        return self.meeting.answer(section, item)

    async def show_meeting_again(self) -> None:
        """The current step's cards, built again from the merged meeting, the rep's card focused again."""
        card = next((node for node in (self.focused.ancestors_with_self if self.focused else [])
                     if isinstance(node, ItemCard)), None)
        await self.show_step(self.step, focus_item=card.item.id if card else None)

    async def on_screen_resume(self) -> None:
        if self._go_to_missing is not None:
            section, item = self._go_to_missing
            self._go_to_missing = None
            index = [s.id for s in self.meeting.checklist.sections].index(section.id)
            await self.show_step(index, focus_item=item.id)

    def on_resize(self) -> None:
        self._show_progress()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        last = len(self.meeting.checklist.sections) - 1
        if action == "next_step" and self.step >= last:
            return None
        if action == "previous_step" and self.step == 0:
            return None
        return True

    async def action_next_step(self) -> None:
        await self.show_step(self.step + 1)

    async def action_previous_step(self) -> None:
        await self.show_step(self.step - 1)

    def action_change(self) -> None:
        """The meeting's plan in the new-preparation form; what was typed here is saved first."""
        self.flush_draft()
        self.prep.change_plan(self.meeting, self._changed)

    async def _changed(self, meeting: Meeting | None) -> None:
        if meeting is not None:
            self.meeting = meeting  # the same answers: only the plan (and an unanswered checklist) changed
            self.show_cancelled()
            await self.show_step(self.step)

    def action_toggle_hints(self) -> None:
        self.toggle_class("show-hints")

    def show_cancelled(self) -> None:
        """The title names the meeting, and says when it is cancelled."""
        # First, so that a narrow header that shortens the title keeps it.
        title = _("CANCELLED · {customer} · {when}") if self.meeting.cancelled else "{customer} · {when}"
        self.sub_title = inert(title.format(customer=self.meeting.customer, when=shown_moment(self.meeting.when)),
                               one_line=True)

    def action_cancel_meeting(self) -> None:
        self.prep.cancel_meeting(self.meeting.id)

    def action_delete(self) -> None:
        self.prep.delete_meeting(self.meeting)

    # -- saving ---------------------------------------------------------------------

    @on(ItemCard.Edited)
    def answer_changed(self) -> None:
        card = next((node for node in (self.focused.ancestors_with_self if self.focused else [])
                     if isinstance(node, ItemCard)), None)
        if card is not None:
            self.meeting.place = card.section.key(card.item)  # a reopened draft goes on here
        self._show_progress()
        self.schedule_save()

    # -- leaving --------------------------------------------------------------------

    def action_leave(self) -> None:
        self.flush_draft()
        self.app.pop_screen()

    def action_finish(self) -> None:
        missing = self.meeting.missing_required()
        if not missing:
            self._finish()
            return
        from prep.screens.missing_items import MissingItemsScreen

        def decided(finish_anyway: bool | None) -> None:
            if finish_anyway:
                self._finish()
            else:
                # Shown once this screen is back on top, so that focus lands on the item.
                self._go_to_missing = missing[0]

        self.app.push_screen(MissingItemsScreen(missing), decided)

    def _finish(self) -> None:
        self.meeting.status = PREPARED
        self.flush_draft()
        # The app picks the brief for a prepared meeting; importing the brief here would
        # close a cycle, since the brief opens this screen to edit.
        self.prep.show_meeting(self.meeting, replace=True)


def _title_room(titles: list[str], available: int) -> int:
    """How long a step's title may be: an equal share, and what the short titles leave over goes to the long ones."""
    room = available // len(titles)
    while True:
        long = [title for title in titles if len(title) > room]
        if not long:
            return room
        wider = (available - sum(len(title) for title in titles if len(title) <= room)) // len(long)
        if wider <= room:
            return room
        room = wider
