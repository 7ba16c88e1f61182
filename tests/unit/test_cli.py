"""The command line: demo data for trying and benchmarking, one-line errors, --db anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import NOW
from prep import paths as locations
from prep.app import PrepApp
from prep.cli import main
from prep.demo import demo_meetings
from prep.library.loader import load_library
from prep.storage.store import Store


def run_prep(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prep", *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
        env={**os.environ, **(env or {})}, timeout=120,
    )


def test_demo_writes_the_number_of_meetings_asked_for(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "demo.json"
    assert main(["demo", "--db", str(path), "--meetings", "300", "--no-app"]) == 0
    assert "wrote 300 demo meetings" in capsys.readouterr().out
    store = Store(path)
    summaries = store.summaries()
    assert len(summaries) == 300
    assert sum(s.is_draft for s in summaries) == 1
    assert len({s.customer for s in summaries}) >= 8


def test_small_demo_has_history_followups_and_a_draft(tmp_path: Path) -> None:
    path = tmp_path / "demo.json"
    assert main(["--db", str(path), "demo", "--no-app"]) == 0
    summaries = Store(path).summaries()
    assert 15 <= len(summaries) <= 40
    assert any(s.is_draft for s in summaries)
    assert any(s.outcome for s in summaries)
    assert any(not f.done for s in summaries for f in s.followups)


def test_demo_never_writes_over_an_existing_database(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text('{"precious": true}')
    result = run_prep("demo", "--db", str(path), "--no-app")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert str(path) in result.stderr and "Traceback" not in result.stderr
    assert json.loads(path.read_text()) == {"precious": True}


def test_prep_db_environment_selects_the_database(tmp_path: Path) -> None:
    path = tmp_path / "from-env.json"
    result = run_prep("demo", "--meetings", "5", "--no-app", env={"PREP_DB": str(path)})
    assert result.returncode == 0, result.stderr
    assert Store(path).count() == 5
    export = run_prep("export", "--format", "csv", env={"PREP_DB": str(path)})
    assert export.returncode == 0, export.stderr
    assert len(export.stdout.splitlines()) == 1 + 5  # a header, then a line a meeting


def test_db_option_wins_over_prep_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from_env, chosen = tmp_path / "from-env.json", tmp_path / "chosen.json"
    monkeypatch.setenv("PREP_DB", str(from_env))
    assert main(["demo", "--meetings", "3", "--no-app", "--db", str(chosen)]) == 0
    assert Store(chosen).count() == 3
    assert not from_env.exists()


def test_demo_never_writes_over_the_database_prep_db_names(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "prep.json"
    store = Store(mine)
    store.add_many(demo_meetings(load_library().ordered(), NOW, 2))
    store.close()
    before = {path.name: path.read_bytes() for path in mine.parent.iterdir()}
    for args in (("demo", "--no-app"), ("demo",)):
        result = run_prep(*args, env={"PREP_DB": str(mine)})
        assert result.returncode == 1
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert f"{mine} (PREP_DB): already holds data" in result.stderr and "--db" in result.stderr
    assert {path.name: path.read_bytes() for path in mine.parent.iterdir()} == before


def test_demo_without_a_database_named_opens_a_temporary_one_and_removes_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREP_DB")
    opened: list[tuple[Path, int]] = []

    def run(app: PrepApp) -> None:  # stands in for the terminal: notes what the app was opened on
        opened.append((app.store.path, app.store.count()))
        app.store.close()

    monkeypatch.setattr(PrepApp, "run", run)
    assert main(["demo"]) == 0
    [(path, count)] = opened
    assert count > 0
    assert not path.exists() and not path.parent.exists()
    assert not locations.data_dir().exists()


def test_demo_without_the_app_needs_to_be_told_where_to_write(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PREP_DB")
    assert main(["demo", "--no-app"]) == 1
    assert "needs --db PATH (or PREP_DB)" in capsys.readouterr().err
    assert not locations.data_dir().exists()


def test_bad_count_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = run_prep("demo", "--meetings", "lots", "--no-app", "--db", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert "'lots' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("checklists", "schema"), ("checklists", "list"), ("export", "--format", "md"), ("followups",)])
def test_a_reader_that_stops_early_ends_prep_quietly(demo_db: Path, args: tuple[str, ...]) -> None:
    read, write = os.pipe()
    os.close(read)  # `| head` that has already gone: every byte prep writes meets a broken pipe
    try:
        result = subprocess.run(
            [sys.executable, "-m", "prep", "--db", str(demo_db), *args], stdout=write, stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL, text=True, timeout=120,
        )
    finally:
        os.close(write)
    assert result.stderr == ""
    assert result.returncode == 141  # as a shell reports a program that SIGPIPE ended


def test_a_reader_that_reads_a_little_then_stops(demo_db: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "prep", "--db", str(demo_db), "export", "--format", "md"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    ) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        assert reader.stdout.read(2) == b"# "  # the first brief's title
        reader.stdout.close()
        assert reader.stderr.read() == b""
        assert reader.wait(timeout=120) in (0, 141)  # 0 if prep wrote everything before the reader stopped


def test_a_checklist_with_a_number_far_too_large_is_one_line_in_every_command(tmp_path: Path) -> None:
    team = tmp_path / "team"
    team.mkdir()
    (team / "huge.yaml").write_text(f"schema: {'9' * 50_000}\nid: huge\ntitle: Huge\nsections:\n"
                                    "  - {id: a, kind: needs, title: A, items: [{id: b, prompt: P}]}\n")
    env = {"PREP_CHECKLISTS": str(team)}
    problem = f"{team / 'huge.yaml'}:1:9: `schema` is a number far too large; write a small whole number, such as 1"
    validate = run_prep("checklists", "validate", str(team), env=env)
    assert (validate.returncode, validate.stdout) == (1, problem + "\n")
    listed = run_prep("checklists", "list", env=env)
    assert listed.returncode == 0 and listed.stderr == "" and f"  {problem}\n" in listed.stdout
    demo = run_prep("demo", "--db", str(tmp_path / "demo.json"), "--no-app", env=env)
    assert demo.returncode == 0 and demo.stderr == ""


def test_validate_says_which_paths_do_not_exist(tmp_path: Path) -> None:
    missing, dangling = tmp_path / "nowhere", tmp_path / "link.yaml"
    dangling.symlink_to(tmp_path / "gone.yaml")
    result = run_prep("checklists", "validate", str(missing), str(dangling))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{missing}:1:1: no such file or folder; check the path",
        f"{dangling}:1:1: a link to a file that does not exist; point it at a checklist or remove it",
    ]
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
