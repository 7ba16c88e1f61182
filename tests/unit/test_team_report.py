"""A trainer's view: each rep's file anonymised under a pseudonym, many merged into one team report that
equals the report over everyone's meetings, with the objections met unprepared most ready to paste."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import msgspec
import pytest
import yaml

from helpers import debriefed_meeting
from prep.cli import main
from prep.errors import PrepError
from prep.insights.coaching import coaching
from prep.model.meeting import ObjectionOutcome
from prep.reports.trainer import (
    export_trainer,
    merged,
    read_trainer_file,
    team_markdown,
    yaml_snippet,
)
from prep.settings import Settings
from prep.storage import Store


def rep_history(name: str, unprepared: list[str], landed: str) -> list:  # type: ignore[type-arg]
    meetings = [debriefed_meeting(f"{name} Kunde {i} GmbH", 10 + i, rating=3, unprepared=unprepared,
                                  objections={"objections/no-need": ObjectionOutcome(came_up=True, landed=landed)})
                for i in range(3)]
    for meeting in meetings:
        meeting.contact = "Frau Geheim"
        meeting.debrief.criteria = {meeting.checklist.exit_criteria[0]: "met" if landed == "well" else "not met"}
    return meetings


def trainer_file(tmp_path: Path, name: str, meetings: list, keep: bool) -> Path:  # type: ignore[type-arg]
    store = Store(tmp_path / f"{name}.json")
    store.add_many(meetings)
    path = tmp_path / f"{name}-trainer.json"
    path.write_text(export_trainer(store, pseudonym=f"rep-{name}", keep=(lambda text: keep)), encoding="utf-8")
    store.close()
    return path


def test_merging_two_reps_files_equals_the_report_over_both(tmp_path: Path) -> None:
    anna = rep_history("Anna", ["Zu teuer."], "badly")
    ben = rep_history("Ben", ["zu  teuer.", "Keine Zeit."], "well")
    files = [trainer_file(tmp_path, "anna", anna, keep=True), trainer_file(tmp_path, "ben", ben, keep=True)]
    team = merged(read_trainer_file(path) for path in files)
    both = coaching(anna + ben)
    assert team.reps == ["rep-anna", "rep-ben"]
    assert msgspec.structs.replace(team, format=both.format, version=both.version, reps=[]) == both
    [checklist] = team.checklists
    no_need = next(o for o in checklist.objections if o.id == "no-need")
    assert (no_need.came_up, no_need.landed) == (6, {"badly": 3, "well": 3})
    assert [c.met for c in checklist.criteria] == [{"not met": 3, "met": 3}]


def test_the_team_report_names_no_customer_or_contact_and_offers_yaml_to_paste(tmp_path: Path) -> None:
    files = [trainer_file(tmp_path, "anna", rep_history("Anna", ["Zu teuer."], "badly"), keep=True),
             trainer_file(tmp_path, "ben", rep_history("Ben", ["zu teuer.", "Keine Zeit."], "partly"), keep=True)]
    report = team_markdown(merged(read_trainer_file(path) for path in files))
    for secret in ("Kunde", "GmbH", "Frau Geheim", "Anna", "Ben"):
        assert secret not in report.replace("rep-anna", "").replace("rep-ben", ""), secret
    assert report.startswith("# Team coaching report · 2 reps")
    assert "- Zu teuer. (6×)" in report  # the same objection however it was typed, from both reps
    snippet = report.split("```yaml\n", 1)[1].split("```", 1)[0]
    assert yaml.safe_load(snippet)[0]["objection"] == "Zu teuer."


def test_objections_met_unprepared_reach_the_trainer_only_as_the_rep_kept_them(tmp_path: Path) -> None:
    path = trainer_file(tmp_path, "anna", rep_history("Anna", ["Zu teuer: „viel zu teuer“"], "badly"), keep=False)
    assert json.loads(path.read_text(encoding="utf-8"))["unprepared"] == []
    kept = yaml.safe_load("\n".join(line[6:] for line in yaml_snippet('Zu teuer: "viel" \\ zu teuer').splitlines()))
    assert kept[0]["objection"] == 'Zu teuer: "viel" \\ zu teuer' and kept[0]["id"] == "zu-teuer-viel-zu-teuer"


def test_a_reps_pseudonym_is_random_and_stays(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "prep.json"
    store = Store(db)
    store.add_many(rep_history("Anna", [], "well"))
    store.close()
    assert main(["export", "--db", str(db), "--format", "trainer", "-o", str(tmp_path / "1.json")]) == 0
    assert main(["export", "--db", str(db), "--format", "trainer", "-o", str(tmp_path / "2.json")]) == 0
    first, second = (json.loads((tmp_path / name).read_text(encoding="utf-8"))["reps"] for name in ("1.json", "2.json"))
    assert first == second and first[0].startswith("rep-") and first[0] != "rep-"
    assert (Settings.from_environment().state_file.parent / "pseudonym").stat().st_mode & 0o077 == 0
    assert main(["export", "--db", str(db), "--format", "trainer", "--review"]) == 1  # no terminal to ask on
    assert "--review" in capsys.readouterr().err


def test_a_file_that_is_not_a_trainer_file_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "backup.json"
    other.write_text(json.dumps({"format": "prep-export", "meetings": []}), encoding="utf-8")
    with pytest.raises(PrepError, match="backup.json: not a trainer file"):
        read_trainer_file(other)
    assert main(["team", "report", str(other)]) == 1
    assert "backup.json: not a trainer file" in capsys.readouterr().err


def test_what_the_rep_kept_in_the_app_goes_in_and_review_asks_once_about_each_other_text(tmp_path: Path) -> None:
    first = debriefed_meeting("Acme Tools", 3, outcome="Pilot", unprepared=["Too expensive.", " No time. "],
                              for_trainer=["Too expensive.", "Rewritten since"])
    second = debriefed_meeting("Birch Ltd", 5, outcome="Offer", unprepared=["No time."])
    store = Store(tmp_path / "prep.json")
    store.add_many([first, second])
    without_asking = json.loads(export_trainer(store))
    asked: list[str] = []
    reviewed = json.loads(export_trainer(store, keep=lambda text: asked.append(text) or True))
    store.close()
    assert without_asking["unprepared"] == ["Too expensive."]  # kept in the app; a text no longer written down is not
    assert asked == ["No time."]  # what the app kept is not asked about, and a text once however often it came up
    assert sorted(reviewed["unprepared"]) == ["No time.", "No time.", "Too expensive."]
    assert [block["unprepared"] for block in reviewed["by_month"]] == [reviewed["unprepared"]]


def history_by_month(name: str, meetings: list[tuple[int, int | None, list[str]]]) -> list:  # type: ignore[type-arg]
    """Debriefed meetings `days_ago` before NOW (23 Nov 2026), with a rating or none, and objections kept for the trainer."""
    return [debriefed_meeting(f"{name} Kunde {days_ago}", days_ago, outcome="Besprochen", rating=rating, unprepared=kept,
                              for_trainer=kept) for days_ago, rating, kept in meetings]


def test_team_report_since_counts_whole_months_from_that_day_on(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    anna = history_by_month("Anna", [(74, 2, ["September"]), (49, 4, ["Oktober"]), (3, 5, [])])  # 10 Sep, 5 Oct, 20 Nov
    ben = history_by_month("Ben", [(23, 3, []), (22, None, ["November"])])  # 31 Oct, 1 Nov
    files = [trainer_file(tmp_path, "anna", anna, keep=False), trainer_file(tmp_path, "ben", ben, keep=False)]
    out = tmp_path / "team.json"
    # 15 October: the whole of October counts, 5 October too; September does not.
    assert main(["team", "report", *map(str, files), "--since", "2026-10-15", "--format", "json", "-o", str(out)]) == 0
    team = json.loads(out.read_text(encoding="utf-8"))
    assert (team["since"], team["meetings"], team["debriefed"], team["reps"]) == ("2026-10-01", 4, 4, ["rep-anna", "rep-ben"])
    assert team["months"] == [{"month": "2026-10", "rated": 2, "rating_sum": 7}, {"month": "2026-11", "rated": 1, "rating_sum": 5}]
    assert sorted(team["unprepared"]) == ["November", "Oktober"]
    assert [c["meetings"] for c in team["checklists"]] == [4]
    # From the first month on, the months add up to the figures over every meeting.
    for path in files:
        whole = msgspec.structs.asdict(read_trainer_file(path))
        assert whole.pop("by_month") and whole["since"] == ""
        assert msgspec.structs.asdict(read_trainer_file(path, date(2026, 9, 1))) == {**whole, "since": "2026-09-01"}
    assert main(["team", "report", *map(str, files), "--since", "someday"]) == 1
    assert "--since" in capsys.readouterr().err


def test_a_trainer_file_without_months_is_named_when_since_cannot_count_it(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    path = trainer_file(tmp_path, "anna", rep_history("Anna", [], "well"), keep=False)
    older = json.loads(path.read_text(encoding="utf-8"))
    del older["by_month"]
    older["version"] = 2
    path.write_text(json.dumps(older), encoding="utf-8")
    assert main(["team", "report", str(path)]) == 0  # every month: a version 2 file reads as it always did
    capsys.readouterr()
    assert main(["team", "report", str(path), "--since", "2026-10-01"]) == 1
    assert f"{path}: written by an older prep, without months, so --since cannot count it" in capsys.readouterr().err
    older["version"] = 4
    path.write_text(json.dumps(older), encoding="utf-8")
    with pytest.raises(PrepError, match="written by a newer prep"):
        read_trainer_file(path)


def test_the_same_reps_file_twice_is_refused_not_counted_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    anna = trainer_file(tmp_path, "anna", rep_history("Anna", [], "badly"), keep=False)
    assert main(["team", "report", str(anna), str(anna)]) == 1
    assert "both come from rep-anna; give each rep's file once" in capsys.readouterr().err


def test_since_a_day_still_to_come_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    anna = trainer_file(tmp_path, "anna", rep_history("Anna", [], "badly"), keep=False)
    assert main(["team", "report", str(anna), "--since", "in 2 weeks"]) == 1
    assert "is still to come; name a day that has passed" in capsys.readouterr().err


def test_worst_first_is_the_share_that_did_not_land_not_the_count() -> None:
    from prep.insights.coaching import badly_handled
    from prep.model.coaching import ChecklistFigures, Coaching, ObjectionFigures

    often = ObjectionFigures("no-time", "No time.", landed={"well": 2, "partly": 2, "badly": 1})
    once = ObjectionFigures("material", "Send me material.", landed={"badly": 1})
    report = Coaching(checklists=[ChecklistFigures("first-meeting", 2, "First meeting", "en", objections=[often, once])])
    assert [objection.id for _checklist, objection in badly_handled(report)] == ["material", "no-time"]
