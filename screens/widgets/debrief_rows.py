"""The rows of the debrief: plan against actual for objections and needs, and follow-ups."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Checkbox, Input, Label, Select, Static

from prep.dates import parse_day
from prep.errors import InputError
from prep.model.meeting import (
    LANDED,
    OWNERS,
    VERDICTS,
    FollowUp,
    NeedVerdict,
    ObjectionOutcome,
)
from prep.reports.inert import inert
from prep.screens.widgets.fields import Choice, TextField
from prep.screens.widgets.shown import edited, markup, plain


class Edited(Message):
    """Something in the debrief changed; it should be saved."""


def _choice(value: object) -> str:
    return "" if value is Select.NULL else str(value)


class ObjectionRow(Vertical):
    """A prepared objection: did it come up, and how did the answer land?"""

    def __init__(self, objection: str, outcome: ObjectionOutcome) -> None:
        super().__init__(classes="row objection-row")
        self.objection, self.outcome = objection, outcome

    def compose(self) -> ComposeResult:
        yield Label(markup("[i]“$objection”[/i]", objection=self.objection))
        came_up = {True: "yes", False: "no"}.get(self.outcome.came_up, Select.NULL)  # type: ignore[arg-type]
        with Horizontal(classes="choices"):
            yield Choice([("Came up", "yes"), ("Did not come up", "no")], prompt="Came up?", value=came_up,
                         compact=True, classes="came-up")
            yield Choice([(f"Answer landed {v}", v) for v in LANDED], prompt="How did it land?",
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


class NeedRow(Vertical):
    """A need hypothesis: confirmed, changed or wrong, with a note."""

    def __init__(self, prompt: str, answer: str, verdict: NeedVerdict) -> None:
        super().__init__(classes="row need-row")
        self.prompt, self.answer, self.verdict = prompt, answer, verdict

    def compose(self) -> ComposeResult:
        yield Label(plain(self.prompt))
        yield Static(plain(f"You expected: {self.answer}"), classes="muted expected")
        with Horizontal(classes="choices"):
            yield Choice([(v.capitalize(), v) for v in VERDICTS], prompt="Verdict", value=self.verdict.verdict or Select.NULL,
                         compact=True, classes="verdict")
            yield TextField(inert(self.verdict.note), placeholder="What you learned", compact=True, classes="note")

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


class FollowUpRow(Vertical):
    """A follow-up: what, whose, by when, done. A date that cannot be read is refused, not guessed."""

    def __init__(self, followup: FollowUp, today: date) -> None:
        super().__init__(classes="row followup-row")
        self.followup, self.today = followup, today

    def compose(self) -> ComposeResult:
        with Horizontal(classes="choices"):
            yield TextField(inert(self.followup.text), placeholder="What was promised", compact=True, classes="what")
            yield Choice([("Me", "me"), ("Customer", "customer")], value=self.followup.owner if self.followup.owner in OWNERS else "me",
                         allow_blank=False, compact=True, classes="owner")
            due = self.followup.due.isoformat() if self.followup.due else ""
            yield TextField(due, placeholder="due: fri, +3d", compact=True, classes="due")
            yield Checkbox("Done", self.followup.done, compact=True, classes="done")
        yield Static("", classes="error due-error")

    def on_mount(self) -> None:
        self.query_one(".due-error").display = False

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
        error = self.query_one(".due-error", Static)
        try:
            due = parse_day(event.value, self.today) if event.value.strip() else None
            error.display = False
        except InputError as problem:
            error.update(plain(str(problem).capitalize()))  # it repeats what was typed
            error.display = True
            return  # the last good date stays; nothing is guessed
        if due != self.followup.due:
            self.followup.due = due
            self.post_message(Edited())

    @on(Checkbox.Changed, ".done")
    def keep_done(self, event: Checkbox.Changed) -> None:
        if event.value != self.followup.done:
            self.followup.done = event.value
            self.post_message(Edited())
