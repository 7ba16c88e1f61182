"""Rehearse objections: one at a time, answer first, then compare with the trainer and LAER."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static, TextArea

from prep.language import N_, _, quoted
from prep.model.checklist import Item, Section
from prep.model.meeting import REHEARSED, Meeting
from prep.reports.brief import LIKELIHOODS_SHOWN
from prep.reports.inert import inert
from prep.screens.base import EditingScreen
from prep.screens.widgets.fields import NoteArea
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import edited, lines, markup

LAER = N_(
    "[b]Listen[/b] — let them finish; do not answer the first sentence.\n"
    "[b]Acknowledge[/b] — show you understood, without agreeing.\n"
    "[b]Explore[/b] — ask what is behind it: compared with what, since when, who else thinks so?\n"
    "[b]Respond[/b] — answer what you found, with something they can check; agree the next step."
)
COUNTED = {"went well": N_("{count} went well"), "so-so": N_("{count} so-so"), "needs work": N_("{count} needs work")}
LIKELY_FIRST = {"likely": 0, "possible": 1, "": 2, "unlikely": 3}


class RehearsalScreen(EditingScreen):
    """A drill over the meeting's objections, most likely first; results are kept with the meeting."""

    CSS_PATH = "rehearsal.tcss"
    BINDINGS = [
        Binding("ctrl+s", "reveal", N_("Compare"), tooltip=N_("Show the trainer's responses"), id="rehearsal.reveal", priority=True),
        Binding("1", "mark('went well')", N_("Went well"), id="rehearsal.well"),
        Binding("2", "mark('so-so')", N_("So-so"), id="rehearsal.soso"),
        Binding("3", "mark('needs work')", N_("Needs work"), id="rehearsal.work"),
        Binding("escape", "leave", N_("Back"), id="rehearsal.back"),
    ]

    def __init__(self, meeting: Meeting, *, keep: bool = True) -> None:
        super().__init__()
        self.meeting = meeting
        self.keep = keep  # a practice run from the checklists screen belongs to no meeting
        cards = [(s, i) for s in meeting.checklist.sections if s.kind == "objections" for i in s.items]
        self.cards: list[tuple[Section, Item]] = sorted(
            cards, key=lambda card: LIKELY_FIRST.get(meeting.likelihood(*card), 2))
        self.index = 0
        self.revealed = False

    def compose(self) -> ComposeResult:
        yield self.header()
        with VerticalScroll(id="drill"):
            yield Static(id="progress", classes="muted")
            yield Static(id="objection")
            yield NoteArea(id="answer", compact=True, placeholder=_("Say it as you would in the room, then ctrl+s"))
            yield Static(id="compare")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = inert(_("Rehearse · {customer}").format(customer=self.meeting.customer), one_line=True)
        self.show_card()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "mark":
            return self.revealed
        if action == "reveal":
            return not self.revealed and self.index < len(self.cards)
        return True

    def show_card(self) -> None:
        compare, answer = self.query_one("#compare", Static), self.query_one("#answer", TextArea)
        self.revealed = False
        compare.update("")
        if self.index >= len(self.cards):
            results = [self.meeting.rehearsed(s, i).verdict for s, i in self.cards]
            summary = ", ".join(_(COUNTED[v]).format(count=results.count(v)) for v in REHEARSED if results.count(v))
            self.query_one("#progress", Static).update(_("Done."))
            kept = _("The results are shown in the debrief.") if self.keep else _("This was practice: nothing is kept.")
            self.query_one("#objection", Static).update(
                _("[b]Rehearsal finished[/b]: {summary}.\n{kept} esc goes back.").format(summary=summary or _("nothing marked"),
                                                                                          kept=kept))
            answer.display = False
            self.refresh_bindings()
            return
        section, item = self.cards[self.index]
        likelihood = self.meeting.peek(section, item).likelihood
        marked = _(" · you marked it {likelihood}").format(likelihood=_(LIKELIHOODS_SHOWN.get(likelihood, likelihood)))
        self.query_one("#progress", Static).update(
            _("Objection {number} of {count}").format(number=self.index + 1, count=len(self.cards)) + (marked if likelihood else ""))
        self.query_one("#objection", Static).update(
            markup(_("The customer says:\n[b i]$objection[/]"), objection=quoted(item.objection, self.meeting.checklist.language)))
        answer.display = True
        answer.text = inert(self.meeting.rehearsed(section, item).answer)
        answer.focus()
        self.refresh_bindings()

    def action_reveal(self) -> None:
        """Show the trainer's responses, the rep's prepared answer and the LAER steps."""
        section, item = self.cards[self.index]
        rehearsal, typed = self.meeting.rehearsed(section, item, create=True), self.query_one("#answer", TextArea).text
        if edited(typed, rehearsal.answer):
            rehearsal.answer = typed
        prepared = self.meeting.peek(section, item).text.strip()
        suggested = "\n".join(f"• {r}" for r in item.responses)
        if item.say:
            suggested += "\n" + _("For example: {say}").format(say=quoted(item.say, self.meeting.checklist.language))
        shown = [markup(_("[b]What the trainer suggests[/b]") + "\n$responses", responses=suggested)]
        if prepared:
            shown.append(markup("\n" + _("[b]What you prepared[/b]") + "\n$prepared", prepared=prepared))
        shown.append(markup("\n" + _(LAER) + "\n\n"
                            + _("How did your answer go? [b]1[/b] went well · [b]2[/b] so-so · [b]3[/b] needs work")))
        self.query_one("#compare", Static).update(lines(*shown))
        self.revealed = True
        self.query_one("#drill").focus()
        self.refresh_bindings()
        self.schedule_save()

    def action_mark(self, verdict: str) -> None:
        section, item = self.cards[self.index]
        self.meeting.rehearsed(section, item, create=True).verdict = verdict  # type: ignore[assignment]
        self.schedule_save()
        self.index += 1
        self.show_card()
        self.query_one("#drill").scroll_home(animate=False)

    @property
    def saves_meeting(self) -> bool:
        return self.keep

    def flush_draft(self) -> None:
        if self.keep:
            super().flush_draft()

    def action_leave(self) -> None:
        self.flush_draft()
        self.app.pop_screen()
