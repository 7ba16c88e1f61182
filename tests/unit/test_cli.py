"""The command line: demo data for trying and benchmarking, one-line errors, --db anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from prep.cli import main
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
    result = run_prep("demo", "--meetings", "5", "--no-app", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert Store(path).count() == 5


def test_bad_count_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = run_prep("demo", "--meetings", "lots", "--no-app", "--db", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert "'lots' is not a whole number" in result.stderr
    assert "Traceback" not in result.stderr
