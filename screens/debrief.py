"""Debrief: how the meeting went — plan against actual, promises made, and how the relationship feels.

It is opened on top of the screen the rep came from (home, history, the brief) and
goes back there, handing the meeting back to the screen that asked for it. A meeting
that has not happened yet is debriefed only after the rep says so (`debrief_after_asking`).
From the debrief, the recap turns what was agreed into an e-mail for the customer.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Input, Label, Select, Static, TextArea

from prep.dates import shown_in_full, written
from prep.language import N_, _, quoted
from prep.model.customer import names_typed
from prep.model.meeting import (
    CONTACT_RHYTHMS,
    CONTACT_WISHES,
    Debrief,
    FollowUp,
    Meeting,
    NeedVerdict,
    ObjectionOutcome,
    new_id,
)
from prep.reports.coaching import REHEARSED_SHOWN
from prep.reports.inert import inert
from prep.screens.base import EditingScreen
from prep.screens.confirm import Confirm
from prep.screens.widgets.debrief_rows import (
    CriterionRow,
    Edited,
    FollowUpRow,
    NeedRow,
    ObjectionRow,
)
from prep.screens.widgets.fields import Choice, NoteArea, TextField
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.people_field import PeopleSuggester, onto_the_card
from prep.screens.widgets.shown import edited, markup, plain


class DebriefScreen(EditingScreen):
    """Written after the meeting; saved while typing, like the walkthrough."""

    CSS_PATH = "debrief.tcss"
    # Straight to the outcome: focusing the scrolling page first and then moving on restyled every row twice.
    AUTO_FOCUS = "#outcome"
    BINDINGS = [
        Binding("ctrl+n", "add_followup", N_("Add follow-up"), id="debrief.add", priority=True),
        Binding("ctrl+r", "recap", N_("Recap"), tooltip=N_("An e-mail for the customer: what was agreed, who does what by when"),
                id="debrief.recap", priority=True),
        Binding("ctrl+s", "done", N_("Done"), id="debrief.done", priority=True),
        Binding("escape", "done", N_("Back"), id="debrief.back"),
    ]

    def __init__(self, meeting: Meeting) -> None:
        super().__init__()
        self.meeting = meeting
        if meeting.debrief is None:
            meeting.debrief = Debrief()
        self.debrief: Debrief = meeting.debrief

    def compose(self) -> ComposeResult:
        debrief = self.debrief
        self.sub_title = inert(_("Debrief · {customer}").format(customer=self.meeting.customer), one_line=True)  # drawn once
        yield self.header()
        with VerticalScroll(id="debrief"):
            yield Static(markup("[b]$customer[/b] · $when", customer=self.meeting.customer,
                                when=shown_in_full(self.meeting.when)
                                + (f" · {self.meeting.goal}" if self.meeting.goal else "")), id="meeting")
            with Horizontal(classes="field"):
                yield Label(_("Outcome"), classes="field-label")
                yield TextField(inert(debrief.outcome), placeholder=_("What was agreed, in one line"), id="outcome", compact=True)
            with Horizontal(classes="field"):
                yield Label(_("Present"), classes="field-label")
                # As planned until the rep changes it: the planned people count as met unless they say otherwise.
                there = TextField(inert(", ".join(debrief.present or self.meeting.people)), id="present", compact=True,
                                  placeholder=_("Names, with commas between them"))
                there.suggester = PeopleSuggester.joined(self.meeting.people, None)
                yield there
            if self.meeting.checklist.exit_criteria:
                yield Label(_("Did the meeting succeed?"), classes="heading")
                for criterion in self.meeting.checklist.exit_criteria:
                    yield CriterionRow(criterion, debrief.criteria)
            yield Label(_("Notes"), classes="heading")
            yield NoteArea(inert(debrief.notes), id="notes", compact=True, placeholder=_("What happened, what you noticed"))

            objections = self.meeting.checklist.items("objections")
            rehearsed = [(i, self.meeting.rehearsed(s, i)) for s, i in objections if self.meeting.rehearsed(s, i).verdict]
            if rehearsed:
                yield Label(_("Rehearsed before the meeting"), classes="heading")
                language = self.meeting.checklist.language
                yield Static(plain("\n".join(f"{quoted(item.objection, language)} — {_(REHEARSED_SHOWN[result.verdict])}"
                                              for item, result in rehearsed)),
                             id="rehearsed", classes="muted")
            if objections:
                yield Label(_("Objections you prepared — did they come up?"), classes="heading")
                for section, item in objections:
                    outcome = debrief.objections.setdefault(section.key(item), ObjectionOutcome())
                    yield ObjectionRow(item.objection, outcome, self.meeting.checklist.language)
            yield Label(_("Objections that came up unprepared (one a line)"), classes="heading")
            yield NoteArea(inert("\n".join(debrief.unprepared)), id="unprepared", compact=True)

            needs = [(s, i) for s, i in self.meeting.checklist.items("needs") if self.meeting.peek(s, i).text.strip()]
            if needs:
                yield Label(_("Your needs hypotheses — were they right?"), classes="heading")
                for section, item in needs:
                    verdict = debrief.needs.setdefault(section.key(item), NeedVerdict())
                    yield NeedRow(item.prompt, self.meeting.peek(section, item).text.strip(), verdict)

            yield Label(_("Follow-ups (ctrl+n adds one)"), classes="heading")
            with VerticalScroll(id="followups"):
                for followup in debrief.followups:
                    yield FollowUpRow(followup, self.prep.now().date())

            yield Label(_("The relationship"), classes="heading")
            with Horizontal(classes="field choices"):
                yield Choice([(f"{n} — {_(word)}", n) for n, word in RATINGS], prompt=_("How does it feel now?"),
                             value=debrief.rating or Select.NULL, id="rating", compact=True)
                yield Choice([(_(WISHES[w]), w) for w in CONTACT_WISHES], prompt=_("Contact wanted"),
                             value=debrief.contact_wish or Select.NULL, id="wish", compact=True)
                yield Choice([(_(RHYTHMS[r]), r) for r in CONTACT_RHYTHMS], prompt=_("How often"),
                             value=debrief.contact_rhythm or Select.NULL, id="rhythm", compact=True)
        yield KeysFooter(typing=True)

    def meeting_replaced(self) -> None:
        """The outcome, notes and relationship typed from now on go into the merged meeting's debrief."""
        if self.meeting.debrief is None:
            self.meeting.debrief = Debrief()
        self.debrief = self.meeting.debrief

    async def show_meeting_again(self) -> None:
        """Every field and row built again from the merged meeting."""
        await self.recompose()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#outcome"))  # at once: the first frame shows it
        self.read_card()

    @work(thread=True, exclusive=True, group="card", exit_on_error=False)
    def read_card(self) -> None:
        """Who was there completes from the whole customer card, read off the UI thread, not only from who was planned."""
        card = self.prep.store.customer(self.meeting.customer)
        if card is not None:
            self.app.call_from_thread(self._card_read, [person.name for person in card.people])

    def _card_read(self, names: list[str]) -> None:
        there = self.query_one("#present", Input)
        there.suggester = PeopleSuggester.joined(names, there.suggester)

    # -- keeping what is typed --------------------------------------------------------

    @on(Input.Changed, "#outcome")
    def keep_outcome(self, event: Input.Changed) -> None:
        if edited(event.value, self.debrief.outcome):
            self.debrief.outcome = event.value
            self.schedule_save()

    @on(Input.Changed, "#present")
    def keep_present(self, event: Input.Changed) -> None:
        present = [person.name for person in names_typed(event.value)]
        if present != (self.debrief.present or self.meeting.people):
            self.debrief.present = present
            self.schedule_save()

    @on(TextArea.Changed, "#notes")
    def keep_notes(self, event: TextArea.Changed) -> None:
        if edited(event.text_area.text, self.debrief.notes):
            self.debrief.notes = event.text_area.text
            self.schedule_save()

    @on(TextArea.Changed, "#unprepared")
    def keep_unprepared(self, event: TextArea.Changed) -> None:
        unprepared = [line.strip() for line in event.text_area.text.splitlines() if line.strip()]
        if unprepared != self.debrief.unprepared:
            self.debrief.unprepared = unprepared
            self.schedule_save()

    @on(Select.Changed, "#rating, #wish, #rhythm")
    def keep_relationship(self, event: Select.Changed) -> None:
        value = None if event.value is Select.NULL else event.value
        field = {"rating": "rating", "wish": "contact_wish"}.get(event.select.id or "", "contact_rhythm")
        value = value if field == "rating" else str(value or "")
        if getattr(self.debrief, field) != value:  # a dropdown says its value as it is mounted: no change, no save
            setattr(self.debrief, field, value)
            self.schedule_save()

    @on(Edited)
    def row_edited(self) -> None:
        self.schedule_save()

    # -- moving through the form ------------------------------------------------------

    def field_done(self, field: object) -> bool:
        """Enter moves to the next field; from a follow-up's due date, to the next follow-up.

        Called from the screen's priority enter, so the focus has moved before the next key is read.
        """
        if not isinstance(field, Input) or not field.has_class("due"):
            self.focus_next()
            return True
        rows = list(self.query(FollowUpRow))
        row = field.query_ancestor(FollowUpRow)
        following = rows[rows.index(row) + 1:]
        (following[0].query_one(".what") if following else self.query_one("#rating")).focus()
        return True

    async def action_add_followup(self) -> None:
        followup = FollowUp(text="", id=new_id())
        self.debrief.followups.append(followup)
        row = FollowUpRow(followup, self.prep.now().date())
        await self.query_one("#followups").mount(row)
        row.query_one(".what").focus()
        row.scroll_visible()

    def action_recap(self) -> None:
        """The recap for the customer, written from this debrief."""
        from prep.screens.recap import RecapScreen

        self.flush_draft()
        self.app.push_screen(RecapScreen(self.meeting))

    def action_done(self) -> None:
        """Back to where the rep came from, which gets the meeting as it is now; who was there and is new goes on the card."""
        self.flush_draft()
        onto_the_card(self.app, self.prep.store, self.meeting.customer, self.query_one("#present", Input).value)
        self.dismiss(self.meeting)


NOT_YET = N_("The meeting with {customer} is on {day} at {time} — debrief it already?")


def debrief_after_asking(app: App[object], meeting: Meeting, now: datetime,
                         show: Callable[[DebriefScreen], object]) -> None:
    """Show the debrief of `meeting` with `show`; for a meeting still to come, only once the rep says yes."""
    if meeting.when <= now:
        show(DebriefScreen(meeting))
        return

    def answered(yes: bool | None) -> None:
        if yes:
            show(DebriefScreen(meeting))

    question = _(NOT_YET).format(customer=meeting.customer, day=written(meeting.when, "day"), time=f"{meeting.when:%H:%M}")
    app.push_screen(Confirm(question, yes=_("Debrief it"), no=_("Not yet")), answered)


RATINGS = [(5, N_("very good")), (4, N_("good")), (3, N_("neutral")), (2, N_("strained")), (1, N_("damaged"))]
WISHES = {"more": N_("Wants more contact"), "same": N_("Wants contact as it is"), "less": N_("Wants less contact")}
RHYTHMS = {"weekly": N_("Weekly"), "every two weeks": N_("Every two weeks"), "monthly": N_("Monthly"),
           "quarterly": N_("Quarterly"), "when needed": N_("When needed")}
