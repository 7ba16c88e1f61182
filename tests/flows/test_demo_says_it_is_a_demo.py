"""The demo says it is one, and what a rep prepared in it can be kept in their own database."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import NOW, fixed_now, press, settle, start_preparation
from prep import paths as locations
from prep.app import PrepApp
from prep.cli import main
from prep.demo import DemoRun, demo_meetings
from prep.library.loader import load_library
from prep.screens.keep_demo import KeepDemoScreen
from prep.storage.store import Store


def _demo(tmp_path: Path) -> tuple[Path, Path, DemoRun]:
    demo_path, own = tmp_path / "demo" / "demo.json", tmp_path / "own" / "prep.json"
    store = Store(demo_path)
    shipped = list(demo_meetings(load_library().ordered(), NOW, 6))
    store.add_many(shipped)
    store.close()
    return demo_path, own, DemoRun(frozenset(m.id for m in shipped), own)


@pytest.mark.parametrize(("answer", "kept"), [("y", 1), ("n", 0)])
async def test_quitting_the_demo_offers_to_keep_what_the_rep_prepared(tmp_path: Path, answer: str, kept: int) -> None:
    demo_path, own, run = _demo(tmp_path)
    app = PrepApp(demo_path, now=fixed_now, demo=run)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "demo" in app.title
        await start_preparation(app, pilot, "Acme Tools")
        await press(app, pilot, "ctrl+q")
        assert isinstance(app.screen, KeepDemoScreen)
        assert "Acme Tools" in str(app.screen.query_one("#made").render())
        await press(app, pilot, answer)
    assert app.demo_kept == kept
    customers = [s.customer for s in Store(own).summaries()]
    assert customers == ["Acme Tools"] * kept  # the demo's own meetings are never copied


async def test_escape_goes_back_to_the_demo_and_nothing_is_copied(tmp_path: Path) -> None:
    demo_path, own, run = _demo(tmp_path)
    app = PrepApp(demo_path, now=fixed_now, demo=run)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_preparation(app, pilot, "Acme Tools")
        await press(app, pilot, "ctrl+q")
        await press(app, pilot, "escape")
        assert not isinstance(app.screen, KeepDemoScreen)
        assert app.is_running and app.demo_kept is None
    assert not own.parent.exists()


async def test_a_demo_the_rep_only_looked_at_closes_without_asking(tmp_path: Path) -> None:
    demo_path, own, run = _demo(tmp_path)
    app = PrepApp(demo_path, now=fixed_now, demo=run)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "ctrl+q")
        assert not app.is_running
    assert not own.parent.exists()


def test_leaving_the_demo_says_nothing_was_kept_and_how_to_start(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PREP_DB")
    monkeypatch.setattr(PrepApp, "run", lambda app: app.store.close())
    assert main(["demo"]) == 0
    said = capsys.readouterr().out
    assert "That was the demo: nothing you did in it was kept." in said and "prep" in said.split(":")[-1]
    assert not locations.data_dir().exists()


def test_demo_keep_leaves_the_demo_database_to_open_again(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("PREP_DB")
    opened: list[Path] = []

    def run(app: PrepApp) -> None:
        opened.append(app.store.path)
        app.store.close()

    monkeypatch.setattr(PrepApp, "run", run)
    assert main(["demo", "--keep"]) == 0
    [path] = opened
    assert Store(path).count() > 0
    assert f"prep --db {path}" in capsys.readouterr().out
    shutil.rmtree(path.parent)
