"""The coaching report in the app: which objections land badly, which needs are guessed wrong, with bars."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll

from prep.insights.coaching import coaching
from prep.language import N_, _
from prep.model.coaching import Coaching
from prep.reports.coaching import coaching_markdown
from prep.screens.base import PrepScreen
from prep.screens.widgets.header import PrepHeader
from prep.screens.widgets.keys_footer import KeysFooter
from prep.screens.widgets.reading import ReadingPane


class CoachingScreen(PrepScreen):
    """`prep report` on screen, over every prepared meeting; read off the UI thread."""

    CSS_PATH = "coaching.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", N_("Back"), id="coaching.back"),
        Binding("t", "trainer_review", N_("For your trainer"), tooltip=N_("Choose which objections you met unprepared go to your trainer"),
                id="coaching.trainer-review"),
    ]

    def compose(self) -> ComposeResult:
        self.sub_title = _("Coaching report")  # before the header is mounted, which then draws it once
        yield PrepHeader()
        with VerticalScroll(id="coaching"):
            yield ReadingPane(_("Counting your meetings…"))
        yield KeysFooter()

    def on_mount(self) -> None:
        self.set_focus(self.query_one("#coaching"))
        self.load()

    @work(thread=True, exclusive=True, group="coaching", exit_on_error=False)
    def load(self) -> None:
        """Read every prepared meeting and count; the screen shows the report when it is done."""
        self.prep.autosave.wait()  # what was just debriefed is part of what is counted
        store = self.prep.store
        report = coaching(store.meetings(s.id for s in store.summaries() if not s.is_draft))
        self.app.call_from_thread(self.show, report)

    def show(self, report: Coaching) -> None:
        self.query_one(ReadingPane).update(coaching_markdown(report))

    def action_trainer_review(self) -> None:
        """The objections met unprepared, to choose which go to the trainer."""
        from prep.screens.trainer_review import TrainerReviewScreen

        self.app.push_screen(TrainerReviewScreen())
