"""For your trainer: every objection the rep wrote down in a debrief as met unprepared, kept for the trainer or not.

The trainer file (`prep export --format trainer`) carries the words of those kept, never the
customer or the day: the list shows those only to remind the rep where each came up. A key
keeps one or leaves it out at once, saved and undone as every one-key change is (prep/undoing.py).
"""

from __future__ import annotations

from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from prep.dates import shown_date
from prep.insights.coaching import MetUnprepared, kept_for_trainer, met_unprepared
from prep.language import N_, _
from prep.model.meeting import DEBRIEFED
from prep.screens.base import MeetingsChanged, PrepScreen
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import markup

INTRO = N_("Objections you wrote down in a debrief as met unprepared. Those marked ✓ go into the file for your trainer "
           "(prep export --format trainer): the objection alone, never the customer or the day.")
NAMES = N_("names the customer or a contact: rewrite it in the meeting's debrief before your trainer gets it")
NOTHING = N_("Nothing to review yet: no debrief lists an objection that came up unprepared. When one catches you out, "
             "write it down in the meeting's debrief; it appears here, and you choose whether your trainer gets it.")


def met_line(met: MetUnprepared) -> Content:
    """One objection: kept or not (a mark, not colour alone), its words, and below them, dimmed, where it came up."""
    mark = "[b $success]✓[/]" if met.kept else "[dim]☐[/]"
    warning = "\n  [b $warning]⚠[/] " + _(NAMES) if met.names else ""
    return markup(f"{mark} $text\n  [dim]$customer · $day[/]{warning}", text=met.text, customer=met.customer,
                  day=shown_date(met.when.date()))


class TrainerReviewScreen(PrepScreen):
    """The objections met unprepared, newest meeting first; space or enter keeps one for the trainer or leaves it out."""

    CSS_PATH = "trainer_review.tcss"
    BINDINGS = [
        Binding("space", "keep", N_("Keep"), tooltip=N_("Give the highlighted objection to your trainer, or take it back"),
                id="trainer-review.keep"),
        Binding("ctrl+z", "app.undo", N_("Undo"), tooltip=N_("Undo the last change"), id="trainer-review.undo"),
        Binding("escape", "app.pop_screen", N_("Back"), id="trainer-review.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._found: list[MetUnprepared] = []
        self._read: object = None  # what the list was read from: read again only when a debrief changed

    def compose(self) -> ComposeResult:
        self.sub_title = _("For your trainer")  # before the header is mounted, which then draws it once
        yield PrepHeader(saving=True)
        yield Static(_("Reading your debriefs…"), id="status", classes="muted")
        yield OptionList(id="objections")
        yield KeysFooter()

    def on_mount(self) -> None:
        objections = self.query_one("#objections", OptionList)
        objections.display = False
        self.set_focus(objections)

    def on_screen_resume(self) -> None:
        self.load()  # a debrief written meanwhile (a customer opened from the palette) is in the list when the rep is back

    @work(thread=True, exclusive=True, group="trainer-review", exit_on_error=False)
    def load(self) -> None:
        """Read the debriefed meetings off the UI thread, then show what they met unprepared."""
        self.prep.autosave.wait()  # what was just written in a debrief is part of what is read
        store = self.prep.store
        debriefed = [(s.id, s.updated) for s in store.summaries() if s.state == DEBRIEFED]
        if debriefed == self._read:
            return
        found = met_unprepared(store.meetings(meeting_id for meeting_id, _updated in debriefed))
        self.app.call_from_thread(self.show, found, debriefed)

    def show(self, found: list[MetUnprepared], read: object = None) -> None:
        """Fill the list, the highlighted line staying where it was."""
        self._found, self._read = found, read if read is not None else self._read
        status = self.query_one("#status", Static)
        status.update(_(INTRO) if found else _(NOTHING))
        objections = self.query_one("#objections", OptionList)
        highlighted = objections.highlighted
        objections.clear_options()
        objections.add_options(Option(met_line(met), id=str(index)) for index, met in enumerate(found))
        objections.display = bool(found)
        if found:
            objections.highlighted = min(highlighted or 0, len(found) - 1)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "keep":
            return bool(self._found)
        return True

    def _highlighted(self) -> MetUnprepared | None:
        index = self.query_one("#objections", OptionList).highlighted
        return self._found[index] if index is not None and index < len(self._found) else None

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_keep()  # enter does what space does

    def action_keep(self) -> None:
        """Keep the highlighted objection for the trainer, or leave it out: shown at once, saved in the background."""
        met = self._highlighted()
        if met is None:
            return
        if met.names and not met.kept:  # taking one back is always possible
            self.notify(_(NAMES), severity="warning")
            return
        index = self._found.index(met)
        self._found[index] = replace(met, kept=not met.kept)
        self.query_one("#objections", OptionList).replace_option_prompt_at_index(index, met_line(self._found[index]))
        self.prep.keep_for_trainer(met.meeting_id, met.text, not met.kept)

    def on_meetings_changed(self, event: MeetingsChanged) -> None:
        """A choice saved or undone (or a meeting cancelled, deleted, brought back): each line as the meeting is saved now."""
        if any(saved is None or saved.state != DEBRIEFED for saved in event.meetings.values()):
            self.load()  # a meeting left the list, or came back into it
            return
        found = []
        for met in self._found:
            saved = event.meetings.get(met.meeting_id)
            if saved is not None and saved.debrief is not None:
                met = replace(met, kept=met.text in kept_for_trainer(saved.debrief))
            found.append(met)
        if found != self._found:
            self.show(found)
