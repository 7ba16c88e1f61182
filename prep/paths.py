"""Every path prep reads or writes, in one place.

Tests and `--db` point these somewhere else through the environment, so that
nothing ever touches the user's real folders by accident.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "prep"


def data_dir() -> Path:
    """The folder that holds the user's database (platform specific)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder for the user's own checklists and settings."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_checklists_dir() -> Path:
    """Where `prep checklists new` writes and where the user's checklists load from."""
    return config_dir() / "checklists"


def team_checklist_dirs() -> list[Path]:
    """Folders named in PREP_CHECKLISTS (path-separated), in order."""
    raw = os.environ.get("PREP_CHECKLISTS", "")
    return [Path(part).expanduser() for part in raw.split(os.pathsep) if part.strip()]


def chosen_database(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """The database the user named: `--db`, else PREP_DB, else None."""
    chosen = explicit or os.environ.get("PREP_DB")
    return Path(chosen).expanduser() if chosen else None


def database_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The database to use: `--db`, else PREP_DB, else the user's data folder."""
    return chosen_database(explicit) or data_dir() / "prep.json"


def briefs_dir() -> Path:
    """Where briefs exported from the app go: a folder in the user's documents."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "prep-briefs"


def state_dir() -> Path:
    """What the app remembers between runs (the theme): not settings the user edits."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))
