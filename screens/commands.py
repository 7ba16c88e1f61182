"""Command palette providers: open a customer by name, search the history for what is typed."""

from __future__ import annotations

from functools import partial
from typing import cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from prep.screens.base import PrepHost


class CustomerCommands(Provider):
    """`open customer …`: every customer, fuzzy matched, opening their timeline."""

    async def startup(self) -> None:
        worker = self.app.run_worker(cast(PrepHost, self.app).store.customers, thread=True, group="palette")
        self.customers: list[str] = await worker.wait()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self.customers:
            command = f"Open customer {name}"
            score = matcher.match(command)
            if score > 0:
                yield Hit(score, matcher.highlight(command), partial(self.open, name), help="Timeline of meetings, promises and the relationship")

    def open(self, name: str) -> None:
        from prep.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(name))


class SearchCommands(Provider):
    """`search …`: whatever is typed, searched in the history."""

    async def discover(self) -> Hits:
        yield DiscoveryHit("Search the history…", partial(self.search_for, ""), help="Everything written, as you type")

    async def search(self, query: str) -> Hits:
        if query.strip():
            text = f"Search the history for “{query.strip()}”"
            yield Hit(0.5, text, partial(self.search_for, query.strip()), text=text)

    def search_for(self, query: str) -> None:
        from prep.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(query=query))
