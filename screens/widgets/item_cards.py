"""The cards of the walkthrough: one per checklist item, by section kind."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from prep.language import N_, _, quoted
from prep.model.checklist import Item, Section
from prep.model.meeting import LIKELIHOODS, Answer
from prep.reports.inert import inert
from prep.screens.widgets.fields import Choice, NoteArea, TextField
from prep.screens.widgets.shown import edited, markup, plain

# How likely an objection is, as the dropdown shows it (the stored value stays English).
LIKELIHOOD_SHOWN = {"unlikely": N_("Unlikely"), "possible": N_("Possible"), "likely": N_("Likely")}


class ItemCard(Vertical):
    """One checklist item and the rep's answer to it; every edit goes straight into the answer."""

    class Edited(Message):
        """The rep changed an answer; the draft should be saved."""

    def __init__(self, section: Section, item: Item, answer_of: Callable[[], Answer], number: int, language: str = "en") -> None:
        super().__init__(classes=f"card {section.kind}")
        self.section, self.item, self.number = section, item, number
        self.language = language  # the checklist's: its quotation marks
        self._answer_of = answer_of

    @property
    def answer(self) -> Answer:
        """The answer in the meeting the screen holds now: a merge with another window may
        replace the meeting while the rep types, and no keystroke may go to the old one."""
        return self._answer_of()

    def heading(self) -> Label:
        marker = " [b $error]*[/]" if self.item.required else ""
        return Label(markup(f"[b]$number.[/b] $text{marker}", number=self.number, text=self.item.text), classes="prompt")

    def hint(self) -> Static:
        return Static(plain(self.item.hint), classes="hint")

    def edited(self) -> None:
        self.post_message(self.Edited())

    @on(TextArea.Changed)
    def keep_text(self, event: TextArea.Changed) -> None:
        if edited(event.text_area.text, self.answer.text):
            self.answer.text = event.text_area.text
            self.edited()


class AnswerCard(ItemCard):
    """A needs or questions prompt with the rep's answer."""

    def compose(self) -> ComposeResult:
        yield self.heading()
        if self.item.hint:
            yield self.hint()
        yield NoteArea(inert(self.answer.text), classes="answer", id=f"answer-{self.item.id}", compact=True,
                       placeholder=_("Your answer, in your words"))


class ObjectionCard(ItemCard):
    """An objection, the trainer's suggested responses, and the rep's own."""

    def compose(self) -> ComposeResult:
        yield Label(markup("[b]$number.[/b] [i]$objection[/i]", number=self.number, objection=quoted(self.item.objection, self.language)), classes="prompt")
        if self.item.hint:
            yield self.hint()
        responses = "\n".join(f"• {response}" for response in self.item.responses)
        if self.item.say:
            responses += "\n" + _("For example: {say}").format(say=quoted(self.item.say, self.language))
        yield Static(plain(responses), classes="responses")
        yield Choice(
            [(_(LIKELIHOOD_SHOWN[level]), level) for level in LIKELIHOODS],
            prompt=_("How likely?"), value=self.answer.likelihood or self.item.likelihood or Select.NULL,
            id=f"likelihood-{self.item.id}", classes="likelihood", compact=True,
        )
        yield NoteArea(inert(self.answer.text), classes="answer", id=f"answer-{self.item.id}", compact=True,
                       placeholder=_("How you would answer it"))

    @on(Select.Changed)
    def keep_likelihood(self, event: Select.Changed) -> None:
        value = "" if event.value is Select.NULL else str(event.value)
        if self.answer.likelihood != value and value != (self.answer.likelihood or self.item.likelihood):
            self.answer.likelihood = value
            self.edited()


class TrustCard(ItemCard):
    """A trust-building point, ticked off, with an optional note."""

    def compose(self) -> ComposeResult:
        yield self.heading()
        if self.item.hint:
            yield self.hint()
        with Horizontal(classes="trust-row"):
            yield Checkbox(_("Done"), self.answer.done, id=f"done-{self.item.id}", compact=True)
            yield TextField(inert(self.answer.text), placeholder=_("Note (optional)"), classes="note", id=f"note-{self.item.id}", compact=True)

    @on(Checkbox.Changed)
    def keep_done(self, event: Checkbox.Changed) -> None:
        if self.answer.done != event.value:
            self.answer.done = event.value
            self.edited()

    @on(Input.Changed)
    def keep(self, event: Input.Changed) -> None:
        if edited(event.value, self.answer.text):
            self.answer.text = event.value
            self.edited()


CARDS: dict[str, type[ItemCard]] = {
    "needs": AnswerCard,
    "questions": AnswerCard,
    "objections": ObjectionCard,
    "trust": TrustCard,
}
