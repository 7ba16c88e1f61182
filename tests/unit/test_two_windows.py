"""Two windows on one meeting: both sides' changes are kept, and where both changed a text, both texts."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from prep.library.loader import load_library
from prep.model.meeting import Debrief, FollowUp, Meeting
from prep.model.merge import OTHER_WINDOW, merge
from prep.model.shapes import deep_copy
from prep.storage import Store


def a_meeting() -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer="Brandt Logistik GmbH", when=datetime(2026, 11, 25, 14), checklist=checklist,
                      goal="Pilot", id="shared-draft")
    section = checklist.sections[0]
    meeting.answer(section, section.items[0]).text = "Spreadsheets"
    return meeting


def test_changes_to_different_fields_in_two_windows_are_both_kept(db_path: Path) -> None:
    Store(db_path).save(a_meeting())
    left, right = Store(db_path), Store(db_path)  # two running copies
    mine, theirs = left.meeting("shared-draft"), right.meeting("shared-draft")
    assert mine is not None and theirs is not None
    section = mine.checklist.sections[0]
    mine.goal = "Signed pilot"
    theirs.contact = "Katrin Brandt"
    theirs.answer(section, section.items[1]).text = "Overtime in peak season"
    assert right.save(theirs).merged is None  # the first to save has nothing to merge
    saved = left.save(mine)
    assert saved.merged is not None and saved.conflicts == []
    stored = Store(db_path).meeting("shared-draft")
    assert stored is not None
    assert (stored.goal, stored.contact) == ("Signed pilot", "Katrin Brandt")
    assert stored.peek(section, section.items[1]).text == "Overtime in peak season"


def test_one_text_changed_in_two_windows_keeps_both_texts_marked(db_path: Path) -> None:
    Store(db_path).save(a_meeting())
    left, right = Store(db_path), Store(db_path)
    mine, theirs = left.meeting("shared-draft"), right.meeting("shared-draft")
    assert mine is not None and theirs is not None
    section = mine.checklist.sections[0]
    mine.answer(section, section.items[0]).text = "Spreadsheets, three of them"
    theirs.answer(section, section.items[0]).text = "Spreadsheets and a whiteboard"
    right.save(theirs)
    saved = left.save(mine)
    assert saved.conflicts == [f"answers[{section.key(section.items[0])}].text"]
    text = Store(db_path).meeting("shared-draft").peek(section, section.items[0]).text  # type: ignore[union-attr]
    assert text == f"Spreadsheets, three of them{OTHER_WINDOW}Spreadsheets and a whiteboard"
    # Typing on in the window that merged writes over nothing: no second copy of the other text.
    assert saved.merged is not None
    again = deep_copy(saved.merged)
    again.answer(section, section.items[0]).text = text + " — checked"
    assert left.save(again).merged is None
    final = Store(db_path).meeting("shared-draft").peek(section, section.items[0]).text  # type: ignore[union-attr]
    assert final.count(OTHER_WINDOW) == 1 and final.endswith("— checked")


def test_follow_ups_added_in_either_window_are_all_kept() -> None:
    base = a_meeting()
    base.debrief = Debrief(followups=[FollowUp(text="Send the case study", id="f1")])
    ours, theirs = deep_copy(base), deep_copy(base)
    assert ours.debrief is not None and theirs.debrief is not None
    ours.debrief.followups.append(FollowUp(text="Call IT", due=date(2026, 12, 1), id="f2"))
    theirs.debrief.followups[0].done = True
    theirs.debrief.followups.append(FollowUp(text="Book the workshop", id="f3"))
    merged, conflicts = merge(base, ours, theirs)
    assert merged.debrief is not None and conflicts == []
    assert [(f.id, f.done) for f in merged.debrief.followups] == [("f1", True), ("f2", False), ("f3", False)]
