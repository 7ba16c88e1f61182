"""Long Markdown to read — the brief, a checklist's preview — drawn as one widget.

Textual's Markdown widget mounts a widget for every heading, paragraph and list item:
a brief of a long checklist is well over a hundred, and building them was most of the
time the brief and the checklists screen took to appear. Rich draws the same Markdown
(the same parser) as one block of lines; this widget gives it the theme's heading
colours and Textual's left-aligned headings, so it reads as the Markdown widget did.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Heading, ListItem, Markdown
from rich.segment import Segment
from rich.theme import Theme
from textual.widgets import Static


class _LeftHeading(Heading):
    """A heading as Textual draws it: left-aligned, the text right below it."""

    LEVEL_ALIGN: ClassVar = dict.fromkeys(("h1", "h2", "h3", "h4", "h5", "h6"), "left")
    new_line = False


class _ListItem(ListItem):
    """A bullet as Textual draws it: at the margin, the text two cells in, no blank line above the list."""

    new_line = False  # Rich asks the last item closed whether a blank line goes before the list

    def render_bullet(self, console: Console, options: ConsoleOptions) -> RenderResult:
        lines = console.render_lines(self.elements, options.update(width=options.max_width - 2), style=self.style)
        style = console.get_style("markdown.item.bullet", default="none")
        for index, line in enumerate(lines):
            yield Segment("• " if index == 0 else "  ", style)
            yield from line
            yield Segment("\n")


class _Markdown(Markdown):
    elements: ClassVar = {**Markdown.elements, "heading_open": _LeftHeading, "list_item_open": _ListItem}


class _Themed:
    """A Rich renderable drawn with prep's styles for Markdown instead of Rich's defaults."""

    def __init__(self, markdown: Markdown, theme: Theme) -> None:
        self.document, self.theme = markdown, theme
        # Drawn once for each width: Textual measures and draws a pane, and measures it again when it is laid
        # out anew (the checklists' preview, once mounted); a long brief is not rendered three times.
        self._drawn: dict[tuple[int, int | None], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        size = (options.max_width, options.height)
        if size not in self._drawn:
            with console.use_theme(self.theme):
                self._drawn[size] = list(console.render(self.document, options))
        yield from self._drawn[size]


class ReadingPane(Static):
    """Markdown to read, drawn in one go; `update` takes new Markdown."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading--h1", "reading--h2", "reading--h3", "reading--quote", "reading--muted", "reading--code", "reading--bullet",
    }
    DEFAULT_CSS = """
    ReadingPane { height: auto; }
    ReadingPane > .reading--h1 { color: $markdown-h1-color; text-style: bold; }
    ReadingPane > .reading--h2 { color: $markdown-h2-color; text-style: $markdown-h2-text-style; }
    ReadingPane > .reading--h3 { color: $markdown-h3-color; text-style: $markdown-h3-text-style; }
    ReadingPane > .reading--quote { color: $text-muted; text-style: italic; }
    ReadingPane > .reading--muted { color: $text-muted; }
    ReadingPane > .reading--code { color: $text-accent; background: $surface; }
    ReadingPane > .reading--bullet { color: $text; text-style: bold; }
    """

    def __init__(self, markdown: str = "", *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.source = markdown
        self._drawn: tuple[str, str, _Themed] | None = None

    def update(self, markdown: str = "", *, layout: bool = True) -> None:  # type: ignore[override]
        """Show this Markdown instead."""
        self.source = markdown
        # Its height was measured for the text before: a refresh forgets that only once the pane is mounted, and a
        # screen fills its pane in the first frame, sometimes before — the new text was then cut to the old height.
        self.clear_cached_dimensions()
        self.refresh(layout=layout)

    def render(self) -> _Themed:  # type: ignore[override]
        # Kept until the text or the theme changes: Textual asks for it to measure and again to draw.
        if self._drawn is None or self._drawn[:2] != (self.source, self.app.theme):
            self._drawn = (self.source, self.app.theme, self._renderable())
        return self._drawn[2]

    def _renderable(self) -> _Themed:
        style = self.get_component_rich_style
        theme = Theme({
            "markdown.h1": style("reading--h1"), "markdown.h2": style("reading--h2"),
            "markdown.h3": style("reading--h3"), "markdown.block_quote": style("reading--quote"),
            "markdown.hr": style("reading--muted"), "markdown.code": style("reading--code"),
            "markdown.code_block": style("reading--code"), "markdown.item.bullet": style("reading--bullet"),
            "markdown.item.number": style("reading--bullet"), "markdown.link": style("reading--h3"),
        })
        # No hyperlinks: a link in a rep's or trainer's text stays text, as everywhere else.
        return _Themed(_Markdown(self.source, hyperlinks=False), theme)
