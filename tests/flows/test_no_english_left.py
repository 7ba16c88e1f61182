"""A German rep meets no English on any screen: every screen of the German demo, read cell by cell,
holds none of the little words every English sentence, key and date is made of."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from helpers import SCREENS, fixed_now, press, settle
from prep.app import PrepApp
from prep.library.loader import load_library
from prep.screens.commands import LANGUAGES

# English's commonest words, prep's own words for its screens and keys, and the English days and months
# (a German month is followed by its dot: "Nov." is German, "Nov" is not).
ENGLISH = re.compile(
    r"\b(?:the|and|you|your|with|not|yet|of|to|is|are|no|this|that|what|which|when|who|how|for|from|it|by|or)\b"
    r"|\b(?:Back|Save|Open|Search|New|Delete|Done|History|Debrief|Brief|Checklists|Customer|Contact|Date|Time|Goal"
    r"|Step|Quit|Keys|Next|Previous|Undo|Notes|Outcome|Follow-ups?|Drafts?|Meetings?|Coming up|Recent|Loading"
    r"|overdue|today|draft|meetings?|saved|saving|Hints?|Finish|Rehearse|Compare|Copy|Preview|Edit|Practise)\b"
    r"|\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b(?!\.)"
)


# Beyond the screens: the command palette, and the form with a date it cannot read.
MORE = {"palette": ("ctrl+p",), "palette-language": ("ctrl+p", *"sprache", "enter"),
        "form-refusing-a-date": ("n", *"Kunde", "enter", "enter", *"irgendwann", "tab")}
CASES = {**{name: keys for name, (_screen, keys) in SCREENS.items()}, **MORE}


def on_screen(app: PrepApp) -> str:
    svg = app.export_screenshot(simplify=True)
    return html.unescape("".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S))).replace("\xa0", " ")


def english_in(text: str) -> list[str]:
    # The English built-ins are listed by their own titles on the checklists screen: a title is the trainer's.
    for checklist in load_library().ordered():
        if checklist.language.startswith("en"):
            text = text.replace(checklist.title, "")
    for _code, name, help_text in LANGUAGES:  # each language offers itself in its own words
        text = text.replace(help_text, "")
    return sorted({match.group() for match in ENGLISH.finditer(text)})


def test_the_check_finds_english_where_there_is_some() -> None:
    assert english_in("Fällige Aufgaben · Coming up · Do. 26.11. 14:00") == ["Coming up"]
    assert english_in("Thu 26 Nov 14:00 · Notes") == ["Notes", "Nov", "Thu"]
    assert english_in("Do., 26. Nov. 2026 · Notizen · Kunde · Einwände üben") == []


@pytest.mark.parametrize("screen", list(CASES))
async def test_a_german_rep_reads_no_english_on_any_screen(german_demo_db: Path, monkeypatch: pytest.MonkeyPatch,
                                                          screen: str) -> None:
    monkeypatch.setenv("PREP_LANG", "de")
    app = PrepApp(german_demo_db, now=fixed_now)
    keys = CASES[screen]
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, *keys)
        await settle(app, pilot)
        shown = on_screen(app)
        assert english_in(shown) == [], shown
