"""Import hygiene: the layer contracts hold, no import goes in a circle, modules stay small, deferred imports defer.

The import-linter contracts in pyproject.toml read the static import graph, imports
inside functions included; they cannot tell an import at the top of a module from one
deferred into the function that needs it. The run-time tests import in a fresh
interpreter and look at sys.modules, which is the only proof that a deferral defers.
"""

from __future__ import annotations

import json
import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
MAX_LINES = 400
# The terminal: only the app and the screens may load it.
TERMINAL = ("textual", "rich")
# Slow to import and not needed for the first frame: the database engine, YAML (checklists,
# keys.yaml), calendars, and the checklist loader itself. Workers import them later.
DEFERRED = ("tinydb", "yaml", "icalendar", "prep.library.loader")


def loaded_after(*modules: str) -> set[str]:
    """Which top-level packages and prep modules a fresh interpreter holds after importing `modules`."""
    code = "import json, sys\n" + "".join(f"import {name}\n" for name in modules) + "print(json.dumps(sorted(sys.modules)))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    names = json.loads(result.stdout)
    return {name for name in names if name.startswith("prep.")} | {name.split(".")[0] for name in names}


def core_modules() -> list[str]:
    """Every module in prep/ but the app and its part that undoes (the screens live in screens/); __main__ would run prep."""
    names = []
    for path in sorted((ROOT / "prep").rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in ("prep.app", "prep.undoing", "prep.__main__"):
            names.append(name)
    return names


@pytest.fixture(scope="module")
def installed_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """prep laid out as installed, prep.screens inside it: what grimp must walk to see the screens."""
    staged_package = runpy.run_path(str(ROOT / ".ci" / "lint-imports"))["staged_package"]
    return staged_package(ROOT, tmp_path_factory.mktemp("installed"))


# -- the static graph ------------------------------------------------------------------

def test_the_import_contracts_hold(installed_tree: Path) -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run(
        [str(lint_imports), "--config", str(ROOT / "pyproject.toml"), "--no-cache", "--no-logo"],
        cwd=installed_tree, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


STRONGLY_CONNECTED = """
import json, sys
import grimp

graph = grimp.build_graph("prep", cache_dir=None)
sys.setrecursionlimit(10_000)
order, seen = [], set()

def visit(module):
    seen.add(module)
    for imported in sorted(graph.find_modules_directly_imported_by(module)):
        if imported not in seen:
            visit(imported)
    order.append(module)

def collect(module, component):
    assigned.add(module)
    component.append(module)
    for importer in sorted(graph.find_modules_that_directly_import(module)):
        if importer not in assigned:
            collect(importer, component)

for module in sorted(graph.modules):
    if module not in seen:
        visit(module)
assigned, cycles = set(), []
for module in reversed(order):
    if module not in assigned:
        component = []
        collect(module, component)
        if len(component) > 1:
            cycles.append(sorted(component))
print(json.dumps({"modules": sorted(graph.modules), "cycles": cycles}))
"""


def test_no_prep_modules_import_each_other_in_a_circle(installed_tree: Path) -> None:
    """Strongly connected parts of the graph grimp builds, imports inside functions included."""
    result = subprocess.run([sys.executable, "-c", STRONGLY_CONNECTED], cwd=installed_tree,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert {"prep.app", "prep.screens.home", "prep.screens.widgets.item_cards"} <= set(found["modules"])
    assert found["cycles"] == []


def test_no_module_is_over_400_lines() -> None:
    long = {}
    for folder in ("prep", "screens"):
        for path in (ROOT / folder).rglob("*.py"):
            lines = len(path.read_text(encoding="utf-8").splitlines())
            if lines > MAX_LINES:
                long[path.relative_to(ROOT).as_posix()] = lines
    assert long == {}, f"split these into modules of at most {MAX_LINES} lines"


# -- what importing really loads -----------------------------------------------------------

def test_core_modules_do_not_import_the_terminal_the_app_or_the_screens() -> None:
    core = core_modules()
    assert "prep.cli" in core and "prep.storage.store" in core and "prep.library.reader" in core
    loaded = loaded_after(*core)
    assert loaded & {*TERMINAL, "prep.app", "prep.screens"} == set()


@pytest.mark.parametrize("module", ["prep.app", "prep.screens.home"])
def test_the_first_frame_does_not_wait_for_the_database_engine_yaml_or_the_checklists(module: str) -> None:
    assert set(DEFERRED) & loaded_after(module) == set()


def test_the_command_line_loads_neither_the_terminal_nor_the_slow_parts() -> None:
    """`prep --version` and each command import only what they use, when they use it."""
    assert {*TERMINAL, *DEFERRED} & loaded_after("prep.cli") == set()


def test_importing_the_storage_does_not_import_tinydb() -> None:
    """The app makes its Store before the first frame; TinyDB loads when the database is first opened, in a worker."""
    assert "tinydb" not in loaded_after("prep.storage", "prep.storage.store", "prep.storage.files", "prep.storage.autosave")


def test_installed_package_ships_screens_styles_and_checklists() -> None:
    from importlib import resources

    screens = resources.files("prep.screens")
    assert (screens / "walkthrough.tcss").is_file()
    assert (resources.files("prep") / "app.tcss").is_file()
    assert any(entry.name.endswith(".yaml") for entry in resources.files("prep.checklists").iterdir())
