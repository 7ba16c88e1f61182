"""The core works without a terminal: it never imports Textual or the screens."""

import subprocess
import sys

CORE = [
    "prep.cli", "prep.model.checklist", "prep.library.loader", "prep.model.meeting", "prep.storage.store",
    "prep.insights.attention", "prep.reports.brief", "prep.demo", "prep.dates", "prep.storage.autosave", "prep.paths", "prep.storage.journal",
    "prep.storage.snapshot", "prep.reports.export", "prep.storage.erase", "prep.insights.followups", "prep.insights.story", "prep.library.authoring", "prep.settings",
    "prep.library.format",
]


def test_core_modules_do_not_import_textual() -> None:
    code = "import sys\n" + "".join(f"import {name}\n" for name in CORE) + (
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'textual' or m.startswith('prep.screens'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_installed_package_ships_screens_styles_and_checklists() -> None:
    from importlib import resources

    screens = resources.files("prep.screens")
    assert (screens / "walkthrough.tcss").is_file()
    assert (resources.files("prep") / "app.tcss").is_file()
    assert any(entry.name.endswith(".yaml") for entry in resources.files("prep.checklists").iterdir())
