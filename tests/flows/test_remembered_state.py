"""The app is handed its settings, and restores the remembered theme without writing it straight back."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import fixed_now, settle
from prep.app import PrepApp
from prep.settings import Settings


async def test_the_remembered_theme_is_applied_at_start_without_being_written_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Settings.from_environment({}).with_theme("textual-light").save_state()
    saved: list[str | None] = []
    monkeypatch.setattr(Settings, "save_state", lambda self: saved.append(self.theme))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert app.theme == "textual-light" and app.current_theme.name == "textual-light"
        assert "-theme-textual-light" in app.classes and "-light-mode" in app.classes
        assert saved == []
        app.theme = "textual-dark"
        await settle(app, pilot)
        assert saved == ["textual-dark"]


def test_the_app_takes_its_settings_and_db_path_overrides_their_database(tmp_path: Path) -> None:
    settings = Settings.from_environment({"PREP_LANG": "de"}, db=tmp_path / "a.json")
    assert PrepApp(settings=settings).settings == settings
    app = PrepApp(tmp_path / "b.json", settings=settings)
    assert app.settings.database == tmp_path / "b.json" and app.settings.language == "de"
