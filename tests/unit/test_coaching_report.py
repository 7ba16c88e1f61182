"""The coaching report answers "which objections do I handle badly, which needs do I guess wrong?" —
its figures checked against a small history counted by hand."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from helpers import NOW, debriefed_meeting
from prep.cli import main
from prep.insights.coaching import coaching
from prep.language import use
from prep.model.meeting import (
    Answer,
    FollowUp,
    NeedVerdict,
    ObjectionOutcome,
    Rehearsal,
)
from prep.reports.coaching import coaching_csv, coaching_json, coaching_markdown
from prep.storage import Store


def history() -> list:  # type: ignore[type-arg]
    """Three debriefed first meetings, one draft and one cancelled meeting; no-need is prepared in all three."""
    first = debriefed_meeting("Acme Tools", 60, rating=4, contact_wish="more", unprepared=["Too expensive."],
                              followups=[FollowUp(text="Send the plan", id="f1")],
                              objections={"objections/no-need": ObjectionOutcome(came_up=True, landed="badly"),
                                          "objections/no-time": ObjectionOutcome(came_up=True, landed="well")},
                              needs={"needs/situation": NeedVerdict(verdict="confirmed")})
    first.rehearsal["objections/no-need"] = Rehearsal(answer="…", verdict="needs work")
    second = debriefed_meeting("Birch Ltd", 30, rating=2, contact_wish="less",
                               objections={"objections/no-need": ObjectionOutcome(came_up=True, landed="partly")},
                               needs={"needs/situation": NeedVerdict(verdict="wrong")})
    second.answers["objections/no-time"] = Answer(likelihood="likely")
    third = debriefed_meeting("Cedar GmbH", 2, objections={"objections/no-need": ObjectionOutcome(came_up=False)})
    draft = debriefed_meeting("Draft AG", 1)
    draft.status = "draft"
    cancelled = debriefed_meeting("Gone Inc", 3, rating=1)
    cancelled.cancelled = cancelled.when
    return [first, second, third, draft, cancelled]


def test_the_figures_are_those_counted_by_hand() -> None:
    report = coaching(history())
    assert (report.meetings, report.debriefed) == (3, 3)  # the third's says no-need did not come up: debriefed
    [checklist] = report.checklists
    assert (checklist.id, checklist.meetings, checklist.debriefed) == ("first-meeting", 3, 3)
    by_id = {o.id: o for o in checklist.objections}
    no_need, no_time = by_id["no-need"], by_id["no-time"]
    assert (no_need.prepared, no_need.came_up, no_need.came_up_unprepared) == (3, 2, 0)
    assert no_need.landed == {"badly": 1, "partly": 1} and no_need.rehearsed == {"needs work": 1}
    assert (no_time.prepared, no_time.came_up, no_time.came_up_unprepared, no_time.landed) == (1, 1, 1, {"well": 1})
    situation = next(n for n in checklist.needs if n.id == "situation")
    assert (situation.answered, situation.verdicts) == (3, {"confirmed": 1, "wrong": 1})
    assert [(m.rated, m.rating_sum) for m in report.months] == [(1, 4), (1, 2)]
    assert report.contact_wishes == {"more": 1, "less": 1} and report.unprepared == ["Too expensive."]
    [kind] = report.meeting_types
    assert (kind.meeting_type, kind.meetings, kind.debriefed, kind.rated, kind.rating_sum, kind.with_followups) == (
        "first-meeting", 3, 3, 2, 6, 1)


def test_since_leaves_out_the_meetings_before_that_day() -> None:
    report = coaching(history(), since=(NOW - timedelta(days=45)).date())
    assert (report.meetings, report.debriefed, report.since) == (2, 2, (NOW - timedelta(days=45)).date().isoformat())


def test_the_report_reads_worst_first_with_bars_and_keeps_to_counts() -> None:
    report = coaching(history())
    markdown = coaching_markdown(report)
    worst = markdown.index("## Objections whose answer did not land")
    assert markdown.index("“We are fine as we are.” — 1× partly · 1× badly", worst) > worst
    assert "prepared    3 ████████████████████" in markdown and "came up     2 █████████████" in markdown
    assert "Acme Tools" not in markdown and "Birch Ltd" not in markdown  # counts, never a customer
    csv_lines = coaching_csv(report).splitlines()
    assert csv_lines[0].startswith("kind,checklist,version,item,text,prepared,came up")
    assert "objection,first-meeting,2,no-need,We are fine as we are.,3,2,0,0,1,1,0,0,1,,,,,status-quo" in csv_lines
    assert '"contact_wishes":{"more":1,"less":1}' in coaching_json(report).replace(" ", "").replace("\n", "")
    use("de")
    try:
        german = coaching_markdown(report)
    finally:
        use("en")
    assert german.startswith("# Coaching-Bericht")
    assert "“We are fine as we are.”" in german  # an English checklist's objection keeps its English quotes
    assert "1× teilweise · 1× schlecht" in german and "Bedarf: Stimmte die Annahme?" in german


def test_prep_report_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "prep.json"
    store = Store(db)
    store.add_many(history())
    store.close()
    assert main(["report", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("# Coaching report")
    out = tmp_path / "report.csv"
    assert main(["report", "--db", str(db), "--format", "csv", "--since", "2026-01-01", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("kind,") and out.stat().st_mode & 0o077 == 0
    assert main(["report", "--db", str(db), "--since", "someday"]) == 1
    assert capsys.readouterr().err.startswith("prep: --since: 'someday' is not a date")
