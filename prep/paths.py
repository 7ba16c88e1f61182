"""The platform's folders for prep: data, config, state, documents.

These are only the defaults. What the rep's environment says (`--db`, PREP_DB,
PREP_CHECKLISTS) is read once into `prep.settings.Settings`, which starts from here.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

APP_NAME = "prep"
# Umlauts as German writes them where it cannot (Müller → mueller); other accents are dropped (é → e).
_SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def name_part(text: str, default: str) -> str:
    """`text` as part of a file name or an id: `Müller Maschinenbau GmbH` → `mueller-maschinenbau-gmbh`."""
    spelled = unicodedata.normalize("NFKD", text.lower().translate(_SPELLED_OUT)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", spelled).strip("-") or default


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


def briefs_dir() -> Path:
    """Where briefs exported from the app go: a folder in the user's documents."""
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "prep-briefs"


def state_dir() -> Path:
    """What the app remembers between runs (the theme): not settings the user edits."""
    import platformdirs

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """What prep keeps to fall back on and can make again: the last good version of each team checklist."""
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))
