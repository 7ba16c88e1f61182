"""Command palette providers: open a customer by name, search the history for what is typed."""

from __future__ import annotations

from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from prep.reports.inert import inert
from prep.screens.base import PrepHost


class CustomerCommands(Provider):
    """`open customer …`: every customer, fuzzy matched, opening their timeline."""

    async def startup(self) -> None:
        worker = self.app.run_worker(cast(PrepHost, self.app).store.customers, thread=True, group="palette")
        self.customers: list[str] = await worker.wait()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self.customers:
            command = f"Open customer {inert(name, one_line=True)}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(score, _highlighted(matcher, command), partial(self.open, name),
                          help="Timeline of meetings, promises and the relationship")

    def open(self, name: str) -> None:
        from prep.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(name))


class SearchCommands(Provider):
    """`search …`: whatever is typed, searched in the history."""

    async def discover(self) -> Hits:
        yield DiscoveryHit("Search the history…", partial(self.search_for, ""), help="Everything written, as you type")

    async def search(self, query: str) -> Hits:
        if query.strip():
            text = inert(f"Search the history for “{query.strip()}”", one_line=True)
            # A str would be read as markup: what the rep types in the palette, `[/]` too.
            yield Hit(0.5, Content(text), partial(self.search_for, query.strip()), text=text)

    def search_for(self, query: str) -> None:
        from prep.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(query=query))


def _highlighted(matcher: Matcher, candidate: str) -> Content:
    """`Matcher.highlight` for a candidate that is text: Textual's reads it as markup, and a name may hold `[`."""
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets if score else ():
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
