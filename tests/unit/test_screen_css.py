"""Each screen's CSS styles that screen only.

Textual keeps a screen's CSS for the rest of the run once the screen was shown, and prep
reads every screen's CSS ahead (screens/read_ahead.py): a rule for `#filters` in the
checklists' file moved history's filters a line down. So every rule of a screen's file
is nested in one block named after its screen.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CSS_FILES = sorted((ROOT / "screens").glob("*.tcss"))


def screen_class(css: Path) -> str:
    """The class whose CSS_PATH names this file: the last class defined above the line that names it."""
    for module in (ROOT / "screens").glob("*.py"):
        text = module.read_text()
        named = text.find(f'CSS_PATH = "{css.name}"')
        if named >= 0:
            return re.findall(r"^class (\w+)\(", text[:named], re.M)[-1]
    raise AssertionError(f"no screen uses {css.name}")


def top_level_blocks(text: str) -> list[str]:
    """The selectors of the blocks at the top level of a CSS file."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    selectors, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "{":
            if depth == 0:
                selectors.append(text[start:index].strip())
            depth += 1
        elif char == "}":
            depth -= 1
            start = index + 1
    assert depth == 0, "unbalanced braces"
    assert not text[start:].strip(), f"text after the last block: {text[start:].strip()[:40]!r}"
    return selectors


def test_every_screen_has_css() -> None:
    assert len(CSS_FILES) >= 10


@pytest.mark.parametrize("css", CSS_FILES, ids=lambda path: path.name)
def test_a_screens_css_is_nested_in_its_screen(css: Path) -> None:
    assert top_level_blocks(css.read_text()) == [screen_class(css)]
