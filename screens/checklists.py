"""Checklists: browse by meeting type and language, preview one as a rep will walk it, see what failed to load."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from prep.language import N_, _, ngettext, number
from prep.library.loader import Library
from prep.library.meeting_types import language_label, type_label
from prep.library.problems import Problem
from prep.reports.brief import checklist_preview
from prep.reports.inert import inert
from prep.screens.base import PrepScreen
from prep.screens.widgets.fields import Choice
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.reading import ReadingPane
from prep.screens.widgets.shown import markup, plain

ANY = "any"
# The meeting types the built-in checklists name, as the filter shows them (others as their file writes them).
class ChecklistsScreen(PrepScreen):
    """The checklists that loaded, a preview of the highlighted one, the files that did not load, and warnings."""

    CSS_PATH = "checklists.tcss"
    AUTO_FOCUS = "#checklists"  # not the first filter, only to move on to the list a moment later
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="checklists.back"),
        Binding("p", "focus_preview", N_("Preview"), id="checklists.preview"),
        Binding("l", "focus_list", N_("List"), id="checklists.list"),
        Binding("r", "rehearse", N_("Rehearse"), tooltip=N_("Practise this checklist's objections"), id="checklists.rehearse"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.library = Library()

    def compose(self) -> ComposeResult:
        self.sub_title = _("Checklists")  # before the header is mounted: set later, it draws the header again a frame later
        yield PrepHeader()
        with Horizontal(id="filters"):
            yield Choice([(_("All meeting types"), ANY)], id="type", compact=True, allow_blank=False)
            yield Choice([(_("All languages"), ANY)], id="language", compact=True, allow_blank=False)
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield OptionList(id="checklists")
                yield Static("", id="problems", classes="error")
                yield Static("", id="warnings")
            with VerticalScroll(id="preview"):
                yield ReadingPane(_("Loading checklists…"))
        yield KeysFooter()

    def on_mount(self) -> None:
        library = self.prep.read_ahead.library_if_read()
        if library is not None:
            self.show(library)  # in the first frame, not one after it
        else:
            self.load()

    @work(thread=True, exclusive=True, group="checklists", exit_on_error=False)
    def load(self) -> None:
        """Read every checklist off the UI thread."""
        library = self.prep.read_ahead.library()
        self.app.call_from_thread(self.show, library)

    def show(self, library: Library) -> None:
        self.library = library
        types = self.query_one("#type", Select)
        types.set_options([(_("All meeting types"), ANY)] + [(type_label(t), t) for t in library.meeting_types()])
        types.value = ANY
        languages = sorted({c.language for c in library.checklists.values()})
        language = self.query_one("#language", Select)
        language.set_options([(_("All languages"), ANY)] + [(language_label(code), code) for code in languages])
        language.value = ANY
        count = len(library.problems)
        kept = [_("{file}: its last good version, read {when}, is offered until the file is fixed").format(
            file=library.sources.get(checklist_id, ""), when=when.replace("T", " ")) for checklist_id, when in library.last_good.items()]
        self._show_problems("#problems", library.problems, ngettext(
            "{count} problem in files that did not load:", "{count} problems in files that did not load:", count), kept)
        count = len(library.warnings)
        self._show_problems("#warnings", library.warnings, ngettext(
            "{count} warning in checklists that loaded:", "{count} warnings in checklists that loaded:", count))
        self.fill()
        self.query_one("#checklists").focus()

    def _show_problems(self, selector: str, problems: list[Problem], heading: str, after: tuple[str, ...] | list[str] = ()) -> None:
        """Problems under their heading (`{count}` in it), one a line as they are, then `after`; hidden when there are none."""
        shown = self.query_one(selector, Static)
        if problems:
            lines = [heading.format(count=number(len(problems)))] + [inert(str(p), one_line=True) for p in problems]
            lines += [inert(line, one_line=True) for line in after]
            shown.update(plain("\n".join(lines)))
        shown.display = bool(problems)

    @on(Select.Changed)
    def fill(self) -> None:
        meeting_type = self.query_one("#type", Select).value
        language = self.query_one("#language", Select).value
        shown = [
            c for c in self.library.suggest(None, self.prep.settings.language)
            if meeting_type in (ANY, Select.NULL) or meeting_type in c.meeting_types
            if language in (ANY, Select.NULL) or c.language == language
        ]
        options = self.query_one("#checklists", OptionList)
        options.clear_options()
        options.add_options(Option(markup("$title [dim]· $language[/]", title=c.title, language=c.language), id=c.id)
                            for c in shown)
        if shown:
            options.highlighted = 0
            self._show_preview(shown[0].id)  # now, in the same frame as the list: not when the highlight's message arrives
        else:
            self.query_one(ReadingPane).update(_("_No checklist for this meeting type and language._"))

    @on(OptionList.OptionHighlighted, "#checklists")
    def preview(self, event: OptionList.OptionHighlighted) -> None:
        self._show_preview(event.option.id or "")

    def _show_preview(self, checklist_id: str) -> None:
        checklist = self.library.get(checklist_id)
        pane = self.query_one(ReadingPane)
        if checklist is not None and pane.source != (markdown := checklist_preview(checklist)):
            pane.update(markdown)
            self.query_one("#preview").scroll_home(animate=False)
            # Filled in the first frame, the pane may not be mounted yet and keeps the height of its text before:
            # measured again once it is (a long preview was cut to its first line on a slower machine).
            self.call_after_refresh(pane.update, markdown)

    @on(OptionList.OptionSelected, "#checklists")
    def action_focus_preview(self) -> None:
        self.query_one("#preview").focus()

    def action_focus_list(self) -> None:
        self.query_one("#checklists").focus()

    def action_rehearse(self) -> None:
        """Practise the highlighted checklist's objections; nothing is saved."""
        from datetime import datetime

        from prep.model.meeting import Meeting
        from prep.screens.rehearsal import RehearsalScreen

        options = self.query_one("#checklists", OptionList)
        if options.highlighted is None:
            return
        checklist = self.library.get(options.get_option_at_index(options.highlighted).id or "")
        if checklist is not None and any(s.kind == "objections" for s in checklist.sections):
            practice = Meeting(customer=_("Practice"), when=datetime.now(), checklist=checklist)
            self.app.push_screen(RehearsalScreen(practice, keep=False))
        else:
            self.notify(_("This checklist has no objections to rehearse."), severity="warning")
