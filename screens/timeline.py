"""A customer's timeline: meetings, how the relationship felt, promises, objections met, contact frequency."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from prep.dates import shown_date, shown_due, shown_month
from prep.insights.story import CustomerStory, customer_story
from prep.language import N_, _, ngettext, number, quoted
from prep.reports.debriefed import RHYTHMS
from prep.reports.inert import inert
from prep.screens.base import PrepScreen
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.shown import lines, markup, plain

MONTHS = 6
# A bar is two lines of eighths high; a rating of 5 fills it, a 1 still shows.
LEVELS = " ▁▂▃▄▅▆▇█"
CHART_COLUMNS = 13  # the latest ratings that fit the chart's 40 columns, one bar and a gap each
WISHES = {"more": N_("wants more contact"), "same": N_("wants same contact"), "less": N_("wants less contact")}
VERDICTS_SHOWN = {"confirmed": N_("confirmed"), "changed": N_("changed"), "wrong": N_("wrong")}


def rating_chart(ratings: list[int], columns: int = CHART_COLUMNS) -> str:
    """The latest ratings as bars on the fixed 1–5 scale, two lines high: a 4 looks like a 4 beside a 5.

    A chart scaled from its own lowest value draws 4-5-4 with empty 4s.
    """
    eighths = [round(rating * 2 * (len(LEVELS) - 1) / 5) for rating in ratings[-columns:]]
    top = " ".join(LEVELS[max(0, e - (len(LEVELS) - 1))] * 2 for e in eighths)
    bottom = " ".join(LEVELS[min(len(LEVELS) - 1, e)] * 2 for e in eighths)
    return f"{top}\n{bottom}" if eighths else ""


class TimelineScreen(PrepScreen):
    """Everything about one customer, oldest meeting first."""

    CSS_PATH = "timeline.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="timeline.back"),
        Binding("k", "customer_card", N_("Card"), tooltip=N_("The customer card: the people in their decision"),
                id="timeline.customer-card"),
    ]

    def __init__(self, customer: str) -> None:
        super().__init__()
        self.customer = customer

    def compose(self) -> ComposeResult:
        yield PrepHeader()
        with VerticalScroll(id="timeline"):
            yield Static(_("Loading…"), id="summary")
            yield Label(_("Relationship after each meeting (1–5)"), classes="heading")
            yield Static("", id="ratings")
            yield Static("", id="ratings-text", classes="muted")
            yield Label(_("Meetings per month (last {months})").format(months=MONTHS), classes="heading")
            yield Static("", id="contacts")
            yield Label(_("Meetings"), classes="heading")
            yield OptionList(id="meetings")
            yield Label(_("Open follow-ups"), classes="heading")
            yield Static("", id="open")
            yield Label(_("Objections met so far"), classes="heading")
            yield Static("", id="objections")
            yield Label(_("Needs: what turned out right"), classes="heading")
            yield Static("", id="needs")
            yield Label(_("Done follow-ups"), classes="heading")
            yield Static("", id="done", classes="muted")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = inert(self.customer, one_line=True)
        self.load()

    @work(thread=True, exclusive=True, group="timeline", exit_on_error=False)
    def load(self) -> None:
        """Read the customer's meetings off the UI thread."""
        self.prep.autosave.wait()  # what was just typed elsewhere is part of what is read
        story = customer_story(self.prep.store, self.customer)
        self.app.call_from_thread(self.show, story)

    def show(self, story: CustomerStory) -> None:
        now = self.prep.now()
        today = now.date()
        past = story.past(now)
        last = story.last_debrief()
        parts = [ngettext("{count} meeting", "{count} meetings", len(past)).format(count=number(len(past)))]
        if past:
            parts.append(_("last on {day}").format(day=shown_date(max(m.when for m in past))))
        if last and last.debrief:
            if last.debrief.rating:
                parts.append(_("relationship {rating}/5").format(rating=last.debrief.rating))
            wish, rhythm = last.debrief.contact_wish, last.debrief.contact_rhythm
            if wish:
                parts.append(_(WISHES.get(wish, wish)) + (f", {_(RHYTHMS.get(rhythm, rhythm))}" if rhythm else ""))
        self.query_one("#summary", Static).update(markup("[b]$name[/b] · $parts", name=story.name, parts=" · ".join(parts)))

        ratings = story.ratings()
        self.query_one("#ratings", Static).update(rating_chart([r for _day, r in ratings]))
        self.query_one("#ratings-text", Static).update(
            " → ".join(f"{r} ({shown_month(day)})" for day, r in ratings[-8:]) or _("No ratings yet: rate the relationship in a debrief.")
        )
        counts = story.contacts_per_month(now, MONTHS)
        months = [date(today.year + (today.month - 1 - back) // 12, (today.month - 1 - back) % 12 + 1, 1)
                  for back in range(MONTHS - 1, -1, -1)]
        self.query_one("#contacts", Static).update("  ".join(f"{shown_month(m)} {'▮' * n or '·'}" for m, n in zip(months, counts)))

        meetings = self.query_one("#meetings", OptionList)
        meetings.clear_options()
        for meeting in reversed(story.meetings):
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"{shown_date(meeting.when)}  ", style="dim")
            line.append(inert(meeting.checklist.title, one_line=True))
            rating = meeting.debrief.rating if meeting.debrief else None
            if rating:
                line.append(f"  {rating}/5", style="bold")
            outcome = meeting.debrief.outcome if meeting.debrief else (_("draft") if meeting.is_draft else meeting.goal)
            line.append(inert(f"  {outcome}", one_line=True))
            meetings.add_option(Option(line, id=meeting.id))

        open_lines: list[Content] = []
        for meeting, followup in story.followups(done=False):
            due = shown_due(followup.due) if followup.due else _("no date")
            late = " [b $error]" + _("overdue") + "[/]" if followup.due and followup.due < today else ""
            promised = _("we promised") if followup.owner == "me" else _("they promised")
            open_lines.append(markup(f"$due{late}  $text [dim]($promised)[/]", due=due, text=followup.text, promised=promised))
        self.query_one("#open", Static).update(lines(*open_lines) if open_lines else _("Nothing open."))
        objections = story.objections_met()
        # Quoted as their checklist's language quotes; one the rep wrote down unprepared, as the rep's language does.
        languages = {item.objection: m.checklist.language for m in story.meetings for _s, item in m.checklist.items("objections")}
        met = [f"{count}×  {quoted(text, languages.get(text))}" for text, count in objections[:8]]
        self.query_one("#objections", Static).update(plain("\n".join(met) or _("None recorded yet.")))
        width = max(len(_(shown)) for shown in VERDICTS_SHOWN.values())
        needs = [markup("$verdict  $prompt" + (" [dim]— $note[/]" if note else ""), prompt=prompt, note=note,
                        verdict=f"{_(VERDICTS_SHOWN.get(verdict, verdict)):<{width}}")
                 for prompt, verdict, note in story.need_verdicts()]
        self.query_one("#needs", Static).update(lines(*needs) if needs else _("No verdicts yet."))
        done = story.followups(done=True)
        self.query_one("#done", Static).update(plain("\n".join(f"✓ {f.text}" for _meeting, f in done[-6:]) or _("None yet.")))

    @on(OptionList.OptionSelected, "#meetings")
    def open_meeting(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.prep.open_meeting(event.option.id)

    def action_customer_card(self) -> None:
        from prep.screens.customer_card import CustomerCardScreen

        self.app.push_screen(CustomerCardScreen(self.customer))
