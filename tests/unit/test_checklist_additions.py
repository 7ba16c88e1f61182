"""Talk tracks, categories, default likelihoods, exit criteria, drafts, change notes and the last good version."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from prep.cli import main
from prep.insights.coaching import by_category, coaching
from prep.library.format import json_schema
from prep.library.loader import load_library, parse_checklist
from prep.library.updates import news
from prep.model.meeting import Debrief, Meeting, ObjectionOutcome
from prep.reports.brief import brief_markdown, checklist_preview
from prep.reports.coaching import coaching_csv, coaching_markdown
from prep.settings import Settings

TEAM = """\
schema: 1
id: team-call
title: Team call
version: {version}
{extra}exit_criteria:
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
        category: price
        likelihood: likely
      - id: later
        objection: Not now.
        responses: ["Ask what changes by then."]
        category: timing
"""


def listed(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *args: str, **env: str) -> str:
    """`prep checklists list ARGS` with these environment variables, run in this process: what it printed."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert main(["checklists", "list", *args]) == 0
    return capsys.readouterr().out


def team_file(folder: Path, *, version: int = 1, extra: str = "") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "team-call.yaml"
    path.write_text(TEAM.format(version=version, extra=extra), encoding="utf-8")
    return path


def settings_for(tmp_path: Path, team: Path, **changes: object) -> Settings:
    settings = Settings.from_environment({"PREP_CHECKLISTS": str(team)})
    return Settings(**{**settings.__dict__, "cache": tmp_path / "prep", **changes})


def test_the_new_keys_are_read_into_the_checklist(tmp_path: Path) -> None:
    checklist, problems = parse_checklist(TEAM.format(version=2, extra="changes: New talk tracks.\n"), "team.yaml")
    assert problems == [] and checklist is not None
    price, later = (item for _section, item in checklist.items("objections"))
    assert (price.say, price.category, price.likelihood) == ("Compared with what, exactly?", "price", "likely")
    assert (later.say, later.category, later.likelihood) == ("", "timing", "")
    assert checklist.exit_criteria == ("The customer agreed to a next step with a date.", "We know who decides.")
    assert (checklist.changes, checklist.status, checklist.is_draft) == ("New talk tracks.", "ready", False)


@pytest.mark.parametrize(("index", "line", "expected"), [
    (16, "        category: prise", "team.yaml:17:19: `category` 'prise' is not known; did you mean `price`?"),
    (17, "        likelihood: often", "team.yaml:18:21: `likelihood` 'often' is not known; use one of likely, possible, unlikely"),
])
def test_a_misspelt_word_is_named_at_its_place(index: int, line: str, expected: str) -> None:
    lines = TEAM.format(version=1, extra="").splitlines()
    lines[index] = line  # in the price objection
    checklist, problems = parse_checklist("\n".join(lines) + "\n", "team.yaml")
    assert checklist is None and [str(p) for p in problems] == [expected]


def test_the_schema_knows_the_words_each_new_key_allows() -> None:
    schema = json_schema()
    item = schema["$defs"]["objections-item"]["properties"]
    assert item["category"]["enum"][:3] == ["price", "budget", "timing"] and item["likelihood"]["enum"] == ["likely", "possible", "unlikely"]
    assert schema["properties"]["status"]["enum"] == ["ready", "draft"]
    assert schema["properties"]["exit_criteria"]["type"] == "array" and "say" in item


def test_a_draft_is_offered_only_with_drafts(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    team_file(tmp_path / "team", extra="status: draft\n")
    hidden = load_library(settings_for(tmp_path, tmp_path / "team"))
    assert hidden.get("team-call") is None and hidden.drafts == {"team-call": str(tmp_path / "team" / "team-call.yaml")}
    shown = load_library(settings_for(tmp_path, tmp_path / "team", drafts=True))
    assert shown.get("team-call") is not None and shown.get("team-call").is_draft
    without = listed(capsys, monkeypatch, PREP_CHECKLISTS=str(tmp_path / "team"))
    assert "team-call" not in without.split("\n\n")[0] and "1 draft not shown to reps: team-call" in without
    drafts = listed(capsys, monkeypatch, "--drafts")
    assert any(line.startswith("team-call") and line.endswith("(draft)") for line in drafts.splitlines())
    assert "draft: reps see it only with --drafts" in checklist_preview(shown.get("team-call"))
    capsys.readouterr()
    assert main(["checklists", "validate", str(tmp_path / "team")]) == 0
    assert "team-call.yaml: a draft (status: draft) — reps see it only once you remove that line" in capsys.readouterr().out


def test_a_broken_team_file_is_offered_in_its_last_good_version_and_said_to_be_broken(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = team_file(tmp_path / "team")
    settings = settings_for(tmp_path, tmp_path / "team")
    assert load_library(settings).get("team-call") is not None
    assert not (tmp_path / "prep").exists()  # only the app keeps copies: list and validate never write
    good = load_library(settings, keep=True).get("team-call")
    path.write_text(path.read_text(encoding="utf-8").replace("title: Team call", "title: Team call: now broken"), encoding="utf-8")
    library = load_library(settings, keep=True)
    assert library.get("team-call") == good and "team-call" in library.last_good
    assert [p.path for p in library.problems] == [str(path)] and library.broken_files() == ([], [str(path)])
    shown = listed(capsys, monkeypatch, PREP_CHECKLISTS=str(tmp_path / "team"), XDG_CACHE_HOME=str(tmp_path))
    assert "Team call" in shown and "its last good version, read" in shown and f"{path}:" in shown
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "elsewhere"))
    assert "team-call " not in listed(capsys, monkeypatch)  # another cache folder: nothing kept there
    # A team share not there today (not mounted): its files' last good versions are not forgotten.
    (tmp_path / "team").rename(tmp_path / "away")
    assert load_library(settings, keep=True).get("team-call") is None
    (tmp_path / "away").rename(tmp_path / "team")
    assert load_library(settings, keep=True).get("team-call") == good
    path.unlink()
    assert load_library(settings, keep=True).get("team-call") is None
    path.write_text("title: [", encoding="utf-8")
    assert load_library(settings).get("team-call") is None  # a file gone is forgotten: it does not come back


def test_a_damaged_cache_is_made_again_not_a_reason_to_stop(tmp_path: Path) -> None:
    team_file(tmp_path / "team")
    (tmp_path / "prep").mkdir()
    (tmp_path / "prep" / "last-good-checklists.json").write_text("{not json", encoding="utf-8")
    library = load_library(settings_for(tmp_path, tmp_path / "team"), keep=True)
    assert library.get("team-call") is not None and library.problems == []
    kept = json.loads((tmp_path / "prep" / "last-good-checklists.json").read_text(encoding="utf-8"))
    assert list(kept) == [str(tmp_path / "team" / "team-call.yaml")]


def test_the_change_note_is_told_once_after_an_update(tmp_path: Path) -> None:
    def checklist(version: int, changes: str = ""):  # type: ignore[no-untyped-def]
        extra = f"changes: {changes}\n" if changes else ""
        return parse_checklist(TEAM.format(version=version, extra=extra), "team.yaml")[0]

    state = tmp_path / "state"
    assert news([checklist(1, "First.")], state) == []  # new to the rep, not changed
    assert news([checklist(1, "First.")], state) == []
    updated = checklist(2, "Talk tracks for every objection.")
    assert news([updated], state) == [updated]
    assert news([updated], state) == []  # once
    assert news([checklist(3)], state) == []  # a new version without a note: nothing to tell
    # A rep who used a prep from before the notes: every checklist they met was version 1.
    assert news([updated], tmp_path / "earlier", used_before=True) == [updated]
    assert news([updated], tmp_path / "earlier", used_before=True) == []
    assert news([updated], tmp_path / "new-rep", used_before=False) == []


def meeting_with(debrief: Debrief | None = None, likelihood: str = "") -> Meeting:
    checklist, _problems = parse_checklist(TEAM.format(version=1, extra=""), "team.yaml")
    meeting = Meeting(customer="Acme", when=datetime(2026, 11, 20, 10), checklist=checklist, status="prepared")
    if likelihood:
        section, price = checklist.items("objections")[0]
        meeting.answer(section, price).likelihood = likelihood
    meeting.debrief = debrief
    return meeting


def test_the_brief_shows_exit_criteria_talk_tracks_and_the_trainers_likelihood() -> None:
    brief = brief_markdown(meeting_with())
    assert "**The meeting succeeded if:**\n- The customer agreed to a next step with a date.\n- We know who decides." in brief
    assert "“Too expensive.”** — _likely_" in brief and "_for example:_ “Compared with what, exactly?”" in brief
    assert brief.index("Too expensive") < brief.index("Not now")
    # The rep's own estimate comes before the trainer's: marked unlikely, the price goes last.
    own = brief_markdown(meeting_with(likelihood="unlikely"))
    assert own.index("Not now") < own.index("Too expensive") and "“Too expensive.”** — _unlikely_" in own
    debriefed = brief_markdown(meeting_with(Debrief(criteria={"We know who decides.": "not met"}, outcome="Next call on Friday")))
    assert "- We know who decides. — _not met_" in debriefed
    assert "- The customer agreed to a next step with a date.\n" in debriefed


def test_the_report_counts_exit_criteria_and_how_each_category_landed() -> None:
    def debriefed(price: str, later: str, criterion: str) -> Meeting:
        outcomes = {"objections/price": ObjectionOutcome(True, price), "objections/later": ObjectionOutcome(True, later)}
        return meeting_with(Debrief(objections=outcomes, criteria={"We know who decides.": criterion}))

    report = coaching([debriefed("badly", "well", "met"), debriefed("badly", "partly", "not met"),
                       debriefed("well", "well", "met")])
    assert by_category(report) == [("price", 3, {"badly": 2, "well": 1}), ("timing", 3, {"well": 2, "partly": 1})]
    (figures,) = report.checklists
    assert [(c.criterion, c.met) for c in figures.criteria] == [("We know who decides.", {"met": 2, "not met": 1})]
    markdown = coaching_markdown(report)
    assert "## Which kinds of objection land badly" in markdown and "2 of 3 badly" in markdown
    assert "- We know who decides. — 2× met · 1× not met" in markdown
    assert coaching_csv(report).splitlines()[1].endswith(",price")
