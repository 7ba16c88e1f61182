"""Fixtures only (helpers live in helpers.py). Every test runs with its own home, data and config folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from helpers import NOW
from prep import paths
from prep.demo import demo_customers, demo_meetings
from prep.language import use
from prep.library.loader import load_library
from prep.storage import private_folder
from prep.storage.store import Store


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the developer's real data and config folders."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("PREP_CHECKLISTS", raising=False)
    monkeypatch.setenv("PREP_LANG", "en")  # checklist suggestions must not depend on the machine's locale
    use("en")  # nor what prep says, whatever a test before this one spoke
    monkeypatch.setenv("PREP_DB", str(tmp_path / "env-db" / "prep.json"))
    return home


def seen_checklists() -> None:
    """A rep with a history has seen today's checklists: no toast that they changed covers what a test looks at."""
    state = private_folder(paths.state_dir())
    seen = {checklist.id: checklist.version for checklist in load_library().checklists.values()}
    (state / "checklists-seen.json").write_text(json.dumps(seen), encoding="utf-8")


@pytest.fixture(autouse=True)
def no_start_up_grace(monkeypatch: pytest.MonkeyPatch) -> None:
    """In a real terminal prep lets the first frame out before it reads; tests need not wait for that."""
    monkeypatch.setattr("prep.screens.home.FIRST_FRAME_GRACE", 0)
    monkeypatch.setattr("prep.app.KEYMAP_DELAY", 0)


@pytest.fixture(autouse=True)
def quick_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pilot waits for the app to go idle after every key, sleeping 20 ms at least twice: a flow test typing a few
    hundred characters spent seconds asleep. Idle is still told the same way, by CPU time against wall time, in
    finer steps."""
    import textual._wait

    monkeypatch.setattr(textual._wait, "SLEEP_GRANULARITY", 1 / 200)
    monkeypatch.setattr(textual._wait, "SLEEP_IDLE", 1 / 200 / 20)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blinking cursor is drawn or not depending on when the screen is looked at: keep it steady."""

    def without_blink(init):  # type: ignore[no-untyped-def]
        def steady(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            init(self, *args, **kwargs)
            self.cursor_blink = False

        return steady

    for widget in (Input, TextArea):
        monkeypatch.setattr(widget, "__init__", without_blink(widget.__init__))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file that does not exist yet."""
    return tmp_path / "data" / "prep.json"


@pytest.fixture
def demo_db(db_path: Path) -> Path:
    """A small demo history placed around NOW."""
    store = Store(db_path)
    store.add_many(demo_meetings(load_library().ordered(), NOW))
    store.save_customers(demo_customers())
    store.close()
    seen_checklists()
    return db_path


@pytest.fixture
def german_demo_db(db_path: Path) -> Path:
    """The German demo history placed around NOW."""
    store = Store(db_path)
    store.add_many(demo_meetings(load_library().ordered(), NOW, language="de"))
    store.save_customers(demo_customers(language="de"))
    store.close()
    seen_checklists()
    return db_path
