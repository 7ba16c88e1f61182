"""A trainer starts a checklist: from the starter or a copy of a built-in, in their folder or a team's,
never replacing a checklist without saying so; the schema goes wherever the checklists are."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from prep.cli import main
from prep.errors import PrepError
from prep.library.authoring import MODELINE, SCHEMA_FILE, new_checklist, validate
from prep.library.loader import load_library, read_checklist
from prep.settings import Settings


def test_a_new_file_with_a_built_ins_id_is_refused_and_the_way_to_a_copy_named(tmp_path: Path) -> None:
    library = load_library()
    with pytest.raises(PrepError, match=r"erstgespraech is already a checklist \(built-in\).*--from erstgespraech"):
        new_checklist("erstgespraech", "de", tmp_path, library=library)
    assert not (tmp_path / "erstgespraech.yaml").exists()
    # Meant: the starter replaces it.
    assert new_checklist("erstgespraech", "de", tmp_path, library=library, replace=True).exists()


def test_a_copy_of_a_built_in_under_a_new_id_starts_where_the_built_in_is(tmp_path: Path) -> None:
    library = load_library()
    path = new_checklist("unser-erstgespraech", None, tmp_path, library=library, start_from="erstgespraech")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == MODELINE and "\nid: unser-erstgespraech\n" in text
    copy, problems = read_checklist(path)
    built_in = library.get("erstgespraech")
    assert problems == [] and copy is not None and built_in is not None
    assert [len(s.items) for s in copy.sections] == [len(s.items) for s in built_in.sections]
    assert (tmp_path / SCHEMA_FILE).exists() and validate([str(tmp_path)]).problems == []


def test_a_copy_of_a_built_in_under_its_own_id_is_meant_to_replace_it(tmp_path: Path) -> None:
    path = new_checklist("first-meeting", None, tmp_path, library=load_library(), start_from="first-meeting")
    assert "\nid: first-meeting\n" in path.read_text(encoding="utf-8")
    with pytest.raises(PrepError, match="no checklist has the id 'erstgesprach'"):
        new_checklist("typo", None, tmp_path, library=load_library(), start_from="erstgesprach")


def test_new_and_schema_write_into_a_team_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    team = tmp_path / "team" / "de"
    assert main(["checklists", "new", "erstkontakt", "--lang", "de", "--folder", str(team)]) == 0
    assert (team / "erstkontakt.yaml").exists() and (team / SCHEMA_FILE).exists()
    assert stat.S_IMODE((team / "erstkontakt.yaml").stat().st_mode) & 0o044  # a team reads it
    assert not (Settings.from_environment().user_checklists / "erstkontakt.yaml").exists()
    assert main(["checklists", "new", "renewal-review", "--folder", str(team)]) == 1  # a built-in's id
    assert "--from renewal-review" in capsys.readouterr().err
    elsewhere = tmp_path / "other"
    assert main(["checklists", "schema", "--write", str(elsewhere)]) == 0
    assert MODELINE in capsys.readouterr().out
    assert json.loads((elsewhere / SCHEMA_FILE).read_text(encoding="utf-8"))["$id"] == "prep-checklist-v1"
