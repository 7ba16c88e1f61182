"""A rep looks back: the history shows where each word was found, and a debriefed meeting opens with what happened."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.content import Content
from textual.widgets import OptionList

from helpers import debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.model.meeting import FollowUp, ObjectionOutcome
from prep.screens.brief import BriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.widgets.reading import ReadingPane
from prep.storage.store import Store


def _marked(prompt: object) -> list[str]:
    """The parts of a result line drawn as a match: bold and underlined."""
    assert isinstance(prompt, Content)
    return [prompt.plain[span.start:span.end] for span in prompt.spans if "u" in str(span.style).split()]


async def test_rep_opens_a_debriefed_meeting_from_history_and_reads_how_it_went(db_path: Path) -> None:
    Store(db_path).save(debriefed_meeting(
        "Acme", 4, outcome="Pilot agreed for the Hamburg site", rating=4,
        objections={"objections/no-need": ObjectionOutcome(True, "well")},
        followups=[FollowUp("Send the pilot plan", date(2026, 11, 27)),
                   FollowUp("Introduce us to IT", None, owner="customer")],
    ))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        assert isinstance(app.screen, HistoryScreen)
        await type_text(pilot, "hamburg")
        await press(app, pilot, "enter")
        assert isinstance(app.screen, BriefScreen)
        brief = app.screen.query_one(ReadingPane).source
        for text in ("## How it went", "Pilot agreed for the Hamburg site", "**Relationship now:** 4/5",
                     "⇒ _Came up; the answer landed well._",
                     "☐ Send the pilot plan — we promised, due Fri 27 Nov 2026",
                     "☐ Introduce us to IT — they promised, no date"):
            assert text in brief


async def test_typing_in_history_marks_the_word_where_it_was_found(db_path: Path) -> None:
    Store(db_path).add_many([
        debriefed_meeting("Acme", 4, notes="They want the pilot in Hamburg first, then Berlin."),
        debriefed_meeting("Brandt", 9, outcome="No budget this year"),
        # a note holding markup is shown as written, never read as markup or an action
        debriefed_meeting("Copper", 12, notes="[@click=app.quit]pilot [b]bold[/b] \x1b[2J"),
    ])
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        await type_text(pilot, "pilot")
        await settle(app, pilot)
        results = app.screen.query_one("#results", OptionList)
        lines = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
        assert [line.plain for line in lines] == [  # type: ignore[union-attr]
            "Thu 19 Nov 09:00  Acme  they want the pilot in hamburg first, then berlin.",
            "Wed 11 Nov 09:00  Copper  …@click=app.quit]pilot [b]bold[/b] \\x1b[2j",
        ]
        assert [_marked(line) for line in lines] == [["pilot"], ["pilot"]]
        # every word typed is marked, each where it stands
        await type_text(pilot, " berlin")
        await settle(app, pilot)
        assert _marked(results.get_option_at_index(0).prompt) == ["pilot", "berlin"]
        assert results.option_count == 1
        # nothing typed: the line tells how the meeting ended, as before
        await press(app, pilot, *["backspace"] * len("pilot berlin"))
        assert results.option_count == 3
        assert "No budget this year" in results.get_option_at_index(1).prompt.plain  # type: ignore[union-attr]
        assert app.is_running
