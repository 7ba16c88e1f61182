"""The recap for the customer: an e-mail draft from the debrief, which the rep edits, copies or saves.

The text is written by `prep.reports.recap` in the checklist's language. Edits made here
are not kept with the meeting: the rep copies or saves them, and leaving with edits that
are neither asks first.
"""

from __future__ import annotations

from datetime import datetime

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static

from prep.language import N_, _
from prep.model.meeting import Meeting
from prep.reports.inert import inert
from prep.reports.recap import next_meeting, recap_language, recap_text, write_recap
from prep.screens.base import PrepScreen
from prep.screens.confirm import Confirm
from prep.screens.widgets.fields import NoteArea
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import lines, markup

# Shown through _() where the screen shows them.
LANGUAGES = {"en": N_("English"), "de": N_("German")}
ABOUT = N_("To [b]$customer[/b], in $language, written from your debrief.")
ABOUT_CONTACT = N_("To [b]$contact[/b] at [b]$customer[/b], in $language, written from your debrief.")
NOT_KEPT = N_("[dim]Edit it, then copy or save it: edits made here are not kept with the meeting.[/]")
COPIED = N_("The recap is on the clipboard: paste it into your e-mail.")
COPIED_SELECTION = N_("The selected text is on the clipboard.")
SAVED = N_("Recap saved to {path}")
LEAVE = N_("Your edits to the recap are neither copied nor saved. Leave without them?")


class RecapScreen(PrepScreen):
    """Thanks, what was agreed, who does what by when, the next meeting: ready to paste into an e-mail."""

    CSS_PATH = "recap.tcss"
    BINDINGS = [
        Binding("ctrl+c", "copy", N_("Copy"), tooltip=N_("Copy the recap (or the selected text) to the clipboard"),
                id="recap.copy", priority=True),
        Binding("ctrl+s", "save", N_("Save"), tooltip=N_("Save the recap as a file in the briefs folder"),
                id="recap.save", priority=True),
        Binding("escape", "back", N_("Back"), tooltip=N_("Back to the debrief"), id="recap.back"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        self.written = recap_text(meeting)  # as prep wrote it, until the next meeting is found
        self.kept = self.written  # as last copied or saved: leaving with other text asks first

    def compose(self) -> ComposeResult:
        yield PrepHeader()
        with Vertical(id="recap"):
            language = _(LANGUAGES[recap_language(self.meeting)])
            contact = (self.meeting.people or [self.meeting.contact])[0].strip()
            about = markup(_(ABOUT_CONTACT), contact=contact, customer=self.meeting.customer, language=language) \
                if contact else markup(_(ABOUT), customer=self.meeting.customer, language=language)
            yield Static(lines(about, markup(_(NOT_KEPT))), id="about")
            yield NoteArea(self.written, id="draft", soft_wrap=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = inert(_("Recap · {customer}").format(customer=self.meeting.customer), one_line=True)
        self.query_one("#draft").focus()
        self._find_next_meeting()

    @work(thread=True, exclusive=True, group="recap", exit_on_error=False)
    def _find_next_meeting(self) -> None:
        """Look for the next meeting with the customer (the whole history: off the UI thread)."""
        found = next_meeting(self.prep.store.summaries(), self.meeting)
        if found is not None:
            self.app.call_from_thread(self._mention_next_meeting, found.when)

    def _mention_next_meeting(self, when: datetime) -> None:
        draft = self.query_one("#draft", NoteArea)
        if draft.text != self.written:
            return  # the rep has started editing: their text stays as it is
        self.written = self.kept = recap_text(self.meeting, when)
        draft.load_text(self.written)
        draft.move_cursor(draft.document.end)

    @property
    def text(self) -> str:
        """The recap as it stands now, with the rep's edits."""
        return self.query_one("#draft", NoteArea).text

    def action_copy(self) -> None:
        """Copy the selected text, or else the whole recap, to the clipboard."""
        selected = self.query_one("#draft", NoteArea).selected_text
        self.app.copy_to_clipboard(selected or self.text)
        if not selected:
            self.kept = self.text
        self.notify(_(COPIED_SELECTION) if selected else _(COPIED), title=_("Copied"), timeout=6)

    def action_save(self) -> None:
        self._save(self.text)

    @work(thread=True, group="recap-save", exit_on_error=False)
    def _save(self, text: str) -> None:
        """Write the recap into the briefs folder, readable by the rep only."""
        path = write_recap(self.meeting, text, self.prep.settings.briefs)
        self.app.call_from_thread(self._saved, text, path)

    def _saved(self, text: str, path: object) -> None:
        self.kept = text
        self.notify(_(SAVED).format(path=path), title=_("Saved"), timeout=8)

    def action_back(self) -> None:
        """Back to the debrief; edits neither copied nor saved are not dropped without asking."""
        if self.text == self.kept:
            self.dismiss()
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss()

        self.app.push_screen(Confirm(_(LEAVE), yes=_("Leave"), no=_("Stay")), answered)
