"""One Settings, read once from the rep's environment: database, language, checklist folders, keys, theme."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from prep.errors import PrepError
from prep.settings import Settings

ROOT = Path(__file__).parents[2]


def test_db_option_wins_over_prep_db_which_wins_over_the_data_folder(tmp_path: Path, private_folders: Path) -> None:
    env = {"PREP_DB": str(tmp_path / "from-env.json")}
    assert Settings.from_environment(env, db=tmp_path / "option.json").database == tmp_path / "option.json"
    assert Settings.from_environment(env).database == tmp_path / "from-env.json"
    assert Settings.from_environment({}).database == private_folders / "xdg_data_home" / "prep" / "prep.json"
    assert Settings.from_environment({"PREP_DB": "~/notes.json"}).database == private_folders / "notes.json"


@pytest.mark.parametrize(("env", "expected"), [
    ({"PREP_LANG": "de", "LC_ALL": "fr_FR.UTF-8", "LANG": "it_IT.UTF-8"}, "de"),
    ({"LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "es_ES", "LANG": "it_IT.UTF-8"}, "fr"),
    ({"LC_MESSAGES": "es_ES", "LANG": "it_IT.UTF-8"}, "es"),
    ({"LANG": "de_AT.UTF-8"}, "de"),
    ({"LANG": "de_DE@euro"}, "de"),
    ({"LC_ALL": "C", "LC_MESSAGES": "POSIX", "LANG": "C.UTF-8"}, "en"),
    ({"LC_ALL": "C.UTF-8", "LANG": "nl_NL.UTF-8"}, "nl"),
    ({"PREP_LANG": ""}, "en"),
    ({}, "en"),
])
def test_language_comes_from_prep_lang_then_the_locale_skipping_c_and_posix(env: dict[str, str], expected: str) -> None:
    assert Settings.from_environment(env).language == expected


def test_team_checklist_folders_are_split_like_path(tmp_path: Path, private_folders: Path) -> None:
    raw = os.pathsep.join([str(tmp_path / "a"), "", "  ", "~/team", str(tmp_path / "b")])
    settings = Settings.from_environment({"PREP_CHECKLISTS": raw})
    assert settings.team_checklists == (tmp_path / "a", private_folders / "team", tmp_path / "b")
    assert settings.checklist_folders == (settings.user_checklists, *settings.team_checklists)
    assert Settings.from_environment({}).team_checklists == ()


def test_settings_are_read_from_the_process_environment_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PREP_DB", str(tmp_path / "env.json"))
    monkeypatch.setenv("PREP_LANG", "de")
    monkeypatch.setenv("PREP_CHECKLISTS", str(tmp_path / "team"))
    settings = Settings.from_environment()
    assert (settings.database, settings.language, settings.team_checklists) == (
        tmp_path / "env.json", "de", (tmp_path / "team",))


def test_theme_round_trips_private_whatever_the_umask(private_folders: Path) -> None:
    settings = Settings.from_environment({})
    assert settings.theme is None
    previous = os.umask(0)
    try:
        settings.with_theme("textual-light").save_state()
    finally:
        os.umask(previous)
    state_file = settings.state_file
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600
    # Every folder the save had to create is the rep's alone, not just the last one.
    for folder in (state_file.parent, state_file.parent.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert Settings.from_environment({}).theme == "textual-light"


@pytest.mark.parametrize("content", ["not json", '["a list"]', '{"theme": 3}', "\udcff"])
def test_a_damaged_state_file_means_the_default_theme(content: str) -> None:
    state_file = Settings.from_environment({}).state_file
    state_file.parent.mkdir(parents=True)
    state_file.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert Settings.from_environment({}).theme is None


def test_a_state_folder_that_cannot_be_written_is_named_with_what_to_do(tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be")
    settings = replace(Settings.from_environment({}), state_file=blocked / "prep" / "ui.json", theme="x")
    with pytest.raises(PrepError, match=r"^.*blocked/prep: cannot create the folder .*; check the permissions"):
        settings.save_state()


def test_only_settings_reads_prep_s_environment_variables() -> None:
    """PREP_DB, PREP_LANG, PREP_CHECKLISTS and the locale are read in one place, so --db and tests can steer them."""
    readers = []
    for folder in ("prep", "screens"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if re.search(r"os\.environ|getenv\(", path.read_text(encoding="utf-8")):
                readers.append(path.relative_to(ROOT).as_posix())
    assert readers == ["prep/settings.py"]
