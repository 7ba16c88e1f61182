"""What a trainer adds to a checklist, in the app: talk tracks and likelihoods on the cards, exit criteria in the debrief."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from helpers import NOW, fixed_now, press, settle
from prep import paths
from prep.app import PrepApp
from prep.demo import DemoRun
from prep.library.loader import parse_checklist
from prep.model.meeting import Meeting
from prep.screens.debrief import DebriefScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.debrief_rows import CriterionRow
from prep.screens.widgets.fields import Choice
from prep.screens.widgets.item_cards import ObjectionCard
from prep.storage.store import Store

CHECKLIST = """\
schema: 1
id: with-criteria
title: With exit criteria
exit_criteria:
  - The customer agreed to a next step with a date.
  - We know who decides.
sections:
  - id: objections
    kind: objections
    title: Objections
    items:
      - id: price
        objection: Too expensive.
        responses: ["Ask what they compare with."]
        say: "Compared with what, exactly?"
        likelihood: likely
"""


async def test_the_rep_says_which_criteria_were_met_with_the_keyboard(db_path: Path) -> None:
    checklist, problems = parse_checklist(CHECKLIST, "team.yaml")
    assert checklist is not None and not problems
    meeting = Meeting(customer="Acme", when=NOW - timedelta(hours=2), checklist=checklist, status="prepared")
    Store(db_path).save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")
        assert isinstance(app.screen, DebriefScreen)
        rows = list(app.screen.query(CriterionRow))
        assert [row.criterion for row in rows] == list(checklist.exit_criteria)
        await press(app, pilot, "tab", "tab")  # from the outcome past who was there to the first criterion
        assert rows[0].query_one(".met").has_focus
        await press(app, pilot, "m")  # letters pick in a closed dropdown: Met
        await press(app, pilot, "enter")  # and on to the next criterion
        assert rows[1].query_one(".met").has_focus
        await press(app, pilot, "n")  # Not met
        await press(app, pilot, "ctrl+s")
        await settle(app, pilot)
    saved = Store(db_path).meeting(meeting.id)
    assert saved is not None and saved.debrief is not None
    assert saved.debrief.criteria == {"The customer agreed to a next step with a date.": "met", "We know who decides.": "not met"}


async def test_the_card_shows_the_talk_track_and_starts_at_the_trainers_likelihood(db_path: Path) -> None:
    checklist, _problems = parse_checklist(CHECKLIST, "team.yaml")
    assert checklist is not None
    meeting = Meeting(customer="Acme", when=NOW + timedelta(days=1), checklist=checklist)
    Store(db_path).save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await app.push_screen(WalkthroughScreen(meeting))
        await settle(app, pilot)
        card = app.screen.query_one(ObjectionCard)
        assert "For example: “Compared with what, exactly?”" in str(card.query_one(".responses").render())
        assert card.query_one(".likelihood", Choice).value == "likely"
        await press(app, pilot, "ctrl+s")
        await settle(app, pilot)
    saved = Store(db_path).meeting(meeting.id)
    # Only shown: the estimate is still the trainer's until the rep chooses one.
    assert saved is not None and saved.peek(*checklist.items("objections")[0]).likelihood == ""


async def test_a_rep_with_meetings_is_told_once_that_the_checklists_were_updated(
        demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("prep.app.WARM_UP_DELAY", 0.01)

    async def told(app: PrepApp, pilot) -> list[str]:  # type: ignore[no-untyped-def]
        await pilot.pause(0.05)  # the warm-up starts
        await settle(app, pilot)
        return [str(n.title) for n in app._notifications]

    (paths.state_dir() / "checklists-seen.json").unlink()  # as a prep from before change notes left it
    demo = PrepApp(demo_db, now=fixed_now, demo=DemoRun(frozenset(), tmp_path / "own.json"))
    async with demo.run_test(size=(80, 24)) as pilot:
        assert await told(demo, pilot) == []  # the demo's meetings are not the rep's
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        # From a prep before change notes: every built-in reworked since is named in one note, not ten.
        assert await told(app, pilot) == ["Checklists updated"]
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await told(app, pilot) == []

