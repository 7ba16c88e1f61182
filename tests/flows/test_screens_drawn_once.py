"""A screen appears in few frames: drawn whole once, with its footer, its notes wrapped and its scrollbar.

Each frame more of the same screen is time the rep waits for it to be still (benchmarks/screens.py
times that); these tests pin what made the debrief draw itself three times.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widgets import Input

from helpers import fixed_now, press, settle
from prep.app import PrepApp
from prep.screens.widgets.fields import NoteArea
from prep.screens.widgets.keys_footer import KeysFooter

LONG_NOTE = "The meeting started late; only twenty minutes were left, and we spoke about the pilot."


async def test_a_debrief_is_drawn_whole_once_as_it_opens(demo_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    frames: list[str] = []
    display = App._display

    def counted(app: App[object], screen: Screen[object], renderable: object) -> None:
        if renderable is not None and type(renderable).__name__ == "LayoutUpdate":  # the whole terminal
            frames.append(type(screen).__name__)
        display(app, screen, renderable)  # type: ignore[arg-type]

    monkeypatch.setattr(App, "_display", counted)
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "tab", "tab")
        await settle(app, pilot)
        frames.clear()
        await press(app, pilot, "d")
        await settle(app, pilot)
        await pilot.pause(0.3)
        assert type(app.screen).__name__ == "DebriefScreen"
    assert frames == ["DebriefScreen"]


async def test_a_screen_follows_the_terminal_resized_after_it_appeared(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "h")
        await settle(app, pilot)
        await pilot.resize_terminal(100, 30)
        await settle(app, pilot)
        footer = app.screen.query_one(KeysFooter)
        assert footer.region.y == 29 and footer.region.width == 100
        await press(app, pilot, "escape")  # and the screen under it, shown again
        await settle(app, pilot)
        assert app.screen.query_one(KeysFooter).region.y == 29


class _Typing(Screen[None]):
    """A screen with a text field, its footer told whether the field will have the focus (which is given by hand)."""

    AUTO_FOCUS = ""

    def __init__(self, typing: bool) -> None:
        super().__init__()
        self.typing = typing

    def compose(self) -> ComposeResult:
        yield Input(id="field")
        yield KeysFooter(typing=self.typing)


class _Footed(App[None]):
    BINDINGS = [("question_mark", "bell", "Keys")]

    def __init__(self, typing: bool) -> None:
        super().__init__()
        self.typing = typing

    def on_mount(self) -> None:
        self.push_screen(_Typing(self.typing))


def _shown(footer: KeysFooter) -> list[str]:
    return [str(key.description) for key in footer.children]


async def _filled(pilot, footer: KeysFooter) -> None:  # type: ignore[no-untyped-def]
    """Until the footer shows its keys (it fills them in once the screen is up): at most a second."""
    for _ in range(100):
        if _shown(footer):
            return
        await pilot.pause(0.01)
    raise AssertionError("the footer showed no key")


async def test_a_footer_drawn_before_the_field_has_the_focus_shows_the_keys_it_will_leave() -> None:
    # Drawn before the text field has the focus: `?` types there, so it is not shown as a key, and the footer
    # need not be built again a frame later as the focus arrives.
    app = _Footed(typing=True)
    async with app.run_test() as pilot:
        footer = app.screen.query_one(KeysFooter)
        await _filled(pilot, footer)
        first = list(footer.children)
        assert "Keys" not in _shown(footer)
        app.screen.query_one("#field").focus()
        await pilot.pause()
        await pilot.pause()
        assert list(footer.children) == first  # the same keys, not built again


async def test_a_footer_of_a_screen_without_a_field_first_shows_every_key() -> None:
    app = _Footed(typing=False)
    async with app.run_test() as pilot:
        await _filled(pilot, app.screen.query_one(KeysFooter))
        assert "Keys" in _shown(app.screen.query_one(KeysFooter))


async def test_a_note_is_as_tall_as_its_text_wrapped_at_the_width_it_is_given() -> None:
    # Asked its height for a width, the note wraps its text at that width at once, not only after it was
    # drawn at the width it had before (which drew it a second time, wrapped).
    class Noted(App[None]):
        def compose(self) -> ComposeResult:
            yield NoteArea(LONG_NOTE, compact=True)

    app = Noted()
    async with app.run_test(size=(120, 10)) as pilot:
        await pilot.pause()
        note = app.query_one(NoteArea)
        assert note.get_content_height(Size(120, 10), Size(120, 10), 30) == 4  # 88 characters in lines of 29
        assert note.get_content_height(Size(120, 10), Size(120, 10), 100) == 1
