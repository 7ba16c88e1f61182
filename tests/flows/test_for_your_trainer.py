"""A rep goes through the objections that caught them unprepared and chooses, key by key, which their trainer
gets: each choice saved at once and undoable, and the trainer's file carries only the words chosen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static

from helpers import debriefed_meeting, fixed_now, press, settle, type_text
from prep.app import PrepApp
from prep.cli import main
from prep.model.meeting import Meeting
from prep.screens.debrief import DebriefScreen
from prep.screens.trainer_review import TrainerReviewScreen
from prep.storage.store import Store

OPEN = ("ctrl+p", *"trainer", "enter")


def two_debriefs(db_path: Path) -> tuple[Meeting, Meeting]:
    acme = debriefed_meeting("Acme Tools", 3, outcome="Pilot agreed", unprepared=["Too expensive.", "No budget this year."])
    birch = debriefed_meeting("Birch Ltd", 10, outcome="Offer sent", unprepared=["We already use a competitor."])
    acme.contact, birch.contact = "Jane Secret", "Tom Hidden"
    store = Store(db_path)
    store.add_many([acme, birch])
    store.close()
    return acme, birch


def kept(db_path: Path, meeting: Meeting) -> list[str]:
    saved = Store(db_path).meeting(meeting.id)
    assert saved is not None and saved.debrief is not None
    return saved.debrief.for_trainer


def marks(app: PrepApp) -> list[str]:
    objections = app.screen.query_one("#objections", OptionList)
    return [str(objections.get_option_at_index(i).prompt).split("\n")[0] for i in range(objections.option_count)]


async def test_rep_keeps_objections_for_the_trainer_undoes_one_and_the_file_holds_only_their_words(
        db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    acme, birch = two_debriefs(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *OPEN)
        assert isinstance(app.screen, TrainerReviewScreen)
        assert marks(app) == ["☐ Too expensive.", "☐ No budget this year.", "☐ We already use a competitor."]  # newest first
        await press(app, pilot, "space", "down", "down", "enter")
        assert marks(app) == ["✓ Too expensive.", "☐ No budget this year.", "✓ We already use a competitor."]
        assert (kept(db_path, acme), kept(db_path, birch)) == (["Too expensive."], ["We already use a competitor."])

        await press(app, pilot, "ctrl+z")  # the last choice only
        assert kept(db_path, birch) == [] and kept(db_path, acme) == ["Too expensive."]
        assert marks(app)[2] == "☐ We already use a competitor."
        assert ("Undone", "Not for your trainer: “We already use a competitor.”") in [(n.title, n.message) for n in app._notifications]
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, TrainerReviewScreen)

    out = tmp_path / "for-the-trainer.json"
    assert main(["export", "--db", str(db_path), "--format", "trainer", "-o", str(out)]) == 0
    written = out.read_text(encoding="utf-8")
    figures = json.loads(written)
    assert figures["unprepared"] == ["Too expensive."]
    assert [month["unprepared"] for month in figures["by_month"]] == [["Too expensive."]]
    for secret in ("Acme", "Birch", "Jane Secret", "Tom Hidden", "Pilot agreed", "No budget this year.", "We already use a competitor.",
                   f"{acme.when:%Y-%m-%d}", f"{birch.when:%Y-%m-%d}"):
        assert secret not in written, secret


async def test_a_debrief_open_below_keeps_the_choice_made_on_top_of_it(db_path: Path) -> None:
    acme, _birch = two_debriefs(db_path)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "d")  # the newest meeting, Acme's, is highlighted on home
        assert isinstance(app.screen, DebriefScreen) and app.screen.meeting.id == acme.id
        await press(app, pilot, *OPEN, "space", "escape")
        assert isinstance(app.screen, DebriefScreen)
        await type_text(pilot, " and signed")
        await press(app, pilot, "ctrl+s")
    saved = Store(db_path).meeting(acme.id)
    assert saved is not None and saved.debrief is not None
    assert (saved.debrief.outcome, saved.debrief.for_trainer) == ("Pilot agreed and signed", ["Too expensive."])


async def test_with_nothing_met_unprepared_the_list_says_how_objections_get_there(db_path: Path) -> None:
    store = Store(db_path)
    store.save(debriefed_meeting("Acme Tools", 3, outcome="Pilot agreed"))
    store.close()
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *OPEN, "space")
        assert isinstance(app.screen, TrainerReviewScreen)
        assert "write it down in the meeting's debrief" in str(app.screen.query_one("#status", Static).render())
        assert not app.screen.query_one("#objections", OptionList).display
        assert "keep" not in {a.binding.action for a in app.screen.active_bindings.values() if a.enabled}


async def test_an_objection_that_names_the_customer_or_a_contact_is_not_kept_until_rewritten(db_path: Path) -> None:
    meeting = debriefed_meeting("Bolt Systems GmbH", 3, outcome="Offer sent",
                                unprepared=["Mark Lee wants the Acme discount.", "Bolt wants monthly billing.", "Too slow."])
    meeting.contact = "Mark Lee, CTO"
    Store(db_path).save(meeting)
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *OPEN)
        objections = app.screen.query_one("#objections", OptionList)
        warned = ["names the customer or a contact" in str(objections.get_option_at_index(i).prompt) for i in range(3)]
        assert warned == [True, True, False]
        await press(app, pilot, "space", "down", "space", "down", "space")
        assert marks(app) == ["☐ Mark Lee wants the Acme discount.", "☐ Bolt wants monthly billing.", "✓ Too slow."]
    assert kept(db_path, meeting) == ["Too slow."]
