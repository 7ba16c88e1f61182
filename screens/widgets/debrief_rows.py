"""The rows of the debrief: plan against actual for objections and needs, and follow-ups."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, Static

from prep.dates import parse_day, written
from prep.errors import InputError
from prep.language import N_, _, quoted, sentence
from prep.model.meeting import (
    LANDED,
    MET,
    OWNERS,
    VERDICTS,
    FollowUp,
    NeedVerdict,
    ObjectionOutcome,
)
from prep.reports.inert import inert
from prep.screens.widgets.fields import Choice, TextField
from prep.screens.widgets.shown import edited, markup, plain

# How an answer landed and a need's verdict, as the dropdowns show them (the stored values stay English).
ANSWER_LANDED = {"well": N_("Answer landed well"), "partly": N_("Answer landed partly"), "badly": N_("Answer landed badly")}
VERDICT_SHOWN = {"confirmed": N_("Confirmed"), "changed": N_("Changed"), "wrong": N_("Wrong")}
MET_SHOWN = {"met": N_("Met"), "partly": N_("Partly met"), "not met": N_("Not met")}


class Edited(Message):
    """Something in the debrief changed; it should be saved."""


def _choice(value: object) -> str:
    return "" if value is Select.NULL else str(value)


class ObjectionRow(Vertical):
    """A prepared objection: did it come up, and how did the answer land?"""

    def __init__(self, objection: str, outcome: ObjectionOutcome, language: str = "en") -> None:
        super().__init__(classes="row objection-row")
        self.objection, self.outcome = objection, outcome
        self.language = language  # the checklist's: its quotation marks

    def compose(self) -> ComposeResult:
        yield Label(markup("[i]$objection[/i]", objection=quoted(self.objection, self.language)))
        came_up = {True: "yes", False: "no"}.get(self.outcome.came_up, Select.NULL)  # type: ignore[arg-type]
        with Horizontal(classes="choices"):
            yield Choice([(_("Came up"), "yes"), (_("Did not come up"), "no")], prompt=_("Came up?"), value=came_up,
                         compact=True, classes="came-up")
            yield Choice([(_(ANSWER_LANDED[v]), v) for v in LANDED], prompt=_("How did it land?"),
                         value=self.outcome.landed or Select.NULL, compact=True, classes="landed")

    @on(Select.Changed, ".came-up")
    def keep_came_up(self, event: Select.Changed) -> None:
        value = _choice(event.value)
        came_up = None if not value else value == "yes"
        if came_up != self.outcome.came_up:  # a dropdown says its value as it is mounted: no change, no save
            self.outcome.came_up = came_up
            self.post_message(Edited())

    @on(Select.Changed, ".landed")
    def keep_landed(self, event: Select.Changed) -> None:
        if _choice(event.value) != self.outcome.landed:
            self.outcome.landed = _choice(event.value)
            self.post_message(Edited())


class CriterionRow(Horizontal):
    """One of the checklist's exit criteria: was it met?"""

    def __init__(self, criterion: str, criteria: dict[str, str]) -> None:
        super().__init__(classes="row criterion-row choices")
        self.criterion, self.criteria = criterion, criteria

    def compose(self) -> ComposeResult:
        yield Choice([(_(MET_SHOWN[v]), v) for v in MET], prompt=_("Met?"), value=self.criteria.get(self.criterion) or Select.NULL,
                     compact=True, classes="met")
        yield Label(plain(self.criterion), classes="criterion")

    @on(Select.Changed, ".met")
    def keep_met(self, event: Select.Changed) -> None:
        if _choice(event.value) != self.criteria.get(self.criterion, ""):
            if _choice(event.value):
                self.criteria[self.criterion] = _choice(event.value)
            else:
                self.criteria.pop(self.criterion, None)
            self.post_message(Edited())


class NeedRow(Vertical):
    """A need hypothesis: confirmed, changed or wrong, with a note."""

    def __init__(self, prompt: str, answer: str, verdict: NeedVerdict) -> None:
        super().__init__(classes="row need-row")
        self.prompt, self.answer, self.verdict = prompt, answer, verdict

    def compose(self) -> ComposeResult:
        # The need and what was expected in one widget, not two: one fewer to build for each need.
        yield Static(markup(_("$prompt\n[$text-muted]  You expected: $answer[/]"), prompt=self.prompt, answer=self.answer),
                     classes="need")
        with Horizontal(classes="choices"):
            yield Choice([(_(VERDICT_SHOWN[v]), v) for v in VERDICTS], prompt=_("Verdict"),
                         value=self.verdict.verdict or Select.NULL, compact=True, classes="verdict")
            yield TextField(inert(self.verdict.note), placeholder=_("What you learned"), compact=True, classes="note")

    @on(Select.Changed, ".verdict")
    def keep_verdict(self, event: Select.Changed) -> None:
        if _choice(event.value) != self.verdict.verdict:
            self.verdict.verdict = _choice(event.value)
            self.post_message(Edited())

    @on(Input.Changed, ".note")
    def keep_note(self, event: Input.Changed) -> None:
        if edited(event.value, self.verdict.note):
            self.verdict.note = event.value
            self.post_message(Edited())


class FollowUpRow(Horizontal):
    """A follow-up: what, whose, by when, done. A date that cannot be read is refused, not guessed."""

    def __init__(self, followup: FollowUp, today: date) -> None:
        super().__init__(classes="row followup-row choices")
        self.followup, self.today = followup, today
        self._error: Static | None = None  # under the row, once a date could not be read

    def compose(self) -> ComposeResult:
        yield TextField(inert(self.followup.text), placeholder=_("What was promised"), compact=True, classes="what")
        yield Choice([(_("Me"), "me"), (_("Customer"), "customer")], value=self.followup.owner if self.followup.owner in OWNERS else "me",
                     allow_blank=False, compact=True, classes="owner")
        due = written(self.followup.due, "typed date") if self.followup.due else ""
        yield TextField(due, placeholder=_("due: fri, +3d"), compact=True, classes="due")
        yield Checkbox(_("Done"), self.followup.done, compact=True, classes="done")

    @on(Input.Changed, ".what")
    def keep_text(self, event: Input.Changed) -> None:
        if edited(event.value, self.followup.text):
            self.followup.text = event.value
            self.post_message(Edited())

    @on(Select.Changed, ".owner")
    def keep_owner(self, event: Select.Changed) -> None:
        if (_choice(event.value) or "me") != self.followup.owner:
            self.followup.owner = _choice(event.value) or "me"
            self.post_message(Edited())

    @on(Input.Changed, ".due")
    def keep_due(self, event: Input.Changed) -> None:
        try:
            due = parse_day(event.value, self.today) if event.value.strip() else None
        except InputError as problem:
            self._show_error(plain(sentence(str(problem))))  # it repeats what was typed
            return  # the last good date stays; nothing is guessed
        self._show_error(None)
        if due != self.followup.due:
            self.followup.due = due
            self.post_message(Edited())

    def _show_error(self, message: Content | None) -> None:
        """Under the row, why the date cannot be read; built the first time there is something to say."""
        if self._error is not None:
            self._error.update(message or "")
            self._error.display = message is not None
        elif message is not None and self.parent is not None:
            self._error = Static(message, classes="error due-error")
            self.parent.mount(self._error, after=self)

    @on(Checkbox.Changed, ".done")
    def keep_done(self, event: Checkbox.Changed) -> None:
        if event.value != self.followup.done:
            self.followup.done = event.value
            self.post_message(Edited())
