"""The command palette: prep's commands and every key of the screen, a customer by name, the history searched.

All of it in the rep's language, Textual's own commands (theme, quit, keys, screenshot…) too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.app import SystemCommand
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from prep.language import N_, _, quoted
from prep.model.customer import name_key
from prep.reports.inert import inert
from prep.screens.base import PrepHost

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

# Textual's own commands, as its palette titles and explains them, for the catalog to translate.
TEXTUAL_COMMANDS = (
    N_("Theme"), N_("Change the current theme"), N_("Quit"), N_("Quit the application as soon as possible"),
    N_("Keys"), N_("Show help for the focused widget and a summary of available keys"), N_("Hide the keys and widget help panel"),
    N_("Bell"), N_("Ring the bell"), N_("Copy selected text"),
    N_("Screenshot"), N_("Save an SVG 'screenshot' of the current screen"),
    N_("Maximize"), N_("Maximize the focused widget"), N_("Minimize"), N_("Minimize the widget and restore to normal size"),
)


def system_commands(app: App[object], screen: Screen[object], commands: list[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's commands and undo (`commands`), prep's everywhere, and every key of `screen`, each once."""
    from prep.screens.checklists import ChecklistsScreen
    from prep.screens.coaching import CoachingScreen
    from prep.screens.history import HistoryScreen
    from prep.screens.new_preparation import NewPreparationScreen
    from prep.screens.trainer_review import TrainerReviewScreen

    host = cast(PrepHost, app)
    everywhere = {
        "new_preparation": (_("New preparation"), _("Prepare a meeting"), lambda: app.push_screen(NewPreparationScreen())),
        "history": (_("History"), _("Every meeting, searchable"), lambda: app.push_screen(HistoryScreen())),
        "checklists": (_("Checklists"), _("Browse and preview checklists; see files that did not load"),
                       lambda: app.push_screen(ChecklistsScreen())),
        "home": (_("Home"), _("Back to what needs attention"), host.go_home),
        "coaching": (_("Coaching report"), _("Which objections land badly, which needs you guess wrong, with bars"),
                     lambda: app.push_screen(CoachingScreen())),
        "trainer_review": (_("For your trainer"), _("Choose which objections you met unprepared go to your trainer"),
                           lambda: app.push_screen(TrainerReviewScreen())),
        "choose_customer_card": (_("Customer card…"), _("A customer and the people in their decision: pick the customer"),
                                 partial(choose_customer_card, app)),
        # Found by either word, so that a rep who switched to a language they do not read finds the way back.
        "language": (" / ".join(dict.fromkeys((_("Language"), "Language", "Sprache"))),
                     _("English or German: the language prep speaks, remembered"), partial(choose_language, app)),
    }
    # Textual's "Keys" opens its own panel, in English and half the screen wide: prep's help lists the same keys.
    commands = [SystemCommand(_(c.title), _(c.help), partial(app.run_action, "help") if c.title == "Keys" else c.callback,
                              c.discover) for c in commands]
    # Every key of the current screen is a command too, so nothing needs remembering;
    # two keys for one action (ctrl+s and escape both finish the debrief) are one command.
    # Keys the footer leaves out for room (the walkthrough's cancel and delete) are here
    # too, unless a command of the same name is.
    active = [a.binding for a in screen.active_bindings.values() if a.node is screen and a.enabled and a.binding.description]
    taken = {c.title for c in commands} | {title for title, _help, _call in everywhere.values()}
    taken |= {_(b.description) for b in active if b.show}
    keys: dict[str, Binding] = {}
    for binding in sorted(active, key=lambda b: not b.show):
        if binding.show or binding.action in everywhere or _(binding.description) not in taken:
            keys.setdefault(binding.action, binding)
    yield from commands
    key_word = _("key")
    for action, (title, help_text, callback) in everywhere.items():
        key = keys.pop(action, None)  # the home screen's own key for it is named here
        yield SystemCommand(title, f"{help_text} · {key_word} {app.get_key_display(key)}" if key else help_text, callback)
    # Titled as in the footer, so typing what the screen shows finds it.
    for binding in keys.values():
        help_text = f"{_(binding.tooltip)} · {key_word}" if binding.tooltip else _("Key")
        yield SystemCommand(_(binding.description), f"{help_text} {app.get_key_display(binding)}",
                            partial(screen.run_action, binding.action))


# Each language offered in its own words, so that a rep who cannot read the other one still finds theirs.
LANGUAGES = (
    ("en", "English", "Screens, keys, messages and dates in English"),
    ("de", "Deutsch", "Ansichten, Tasten, Meldungen und Daten auf Deutsch"),
)


def choose_language(app: App[object]) -> None:
    """The languages prep speaks, in a palette of their own; the one chosen is spoken at once and remembered."""
    speak = getattr(app, "speak")
    app.search_commands([(name, partial(speak, code), help_text) for code, name, help_text in LANGUAGES],
                        placeholder=_("Choose a language…"))


class CustomerCommands(Provider):
    """`open customer …`: every customer, fuzzy matched, opening their timeline."""

    async def startup(self) -> None:
        worker = self.app.run_worker(cast(PrepHost, self.app).store.customers, thread=True, group="palette")
        self.customers: list[str] = await worker.wait()

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self.customers:
            command = _("Open customer {name}").format(name=inert(name, one_line=True))
            score = matcher.match(command)
            if score > 0:
                yield Hit(score, _highlighted(matcher, command), partial(self.open, name),
                          help=_("Timeline of meetings, promises and the relationship"))

    def open(self, name: str) -> None:
        from prep.screens.timeline import TimelineScreen

        self.app.push_screen(TimelineScreen(name))


def choose_customer_card(app: App[object]) -> None:
    """The customers, in a palette of their own; the one chosen opens on their card."""
    from textual.command import CommandPalette

    app.push_screen(CommandPalette(providers=[CardCommands], placeholder=_("Whose card? Type the customer's name…")))


class CardCommands(Provider):
    """The palette's "Customer card…": every customer (with meetings or a card), fuzzy matched, opening their card."""

    async def startup(self) -> None:
        store = cast(PrepHost, self.app).store

        def names() -> list[str]:
            found = {name_key(name): name for name in [*(card.name for card in store.customer_cards()), *store.customers()]}
            return sorted(found.values(), key=name_key)

        self.customers: list[str] = await self.app.run_worker(names, thread=True, group="palette").wait()

    async def discover(self) -> Hits:
        for name in self.customers:
            shown = inert(name, one_line=True)
            yield DiscoveryHit(Content(shown), partial(self.open, name), text=shown, help=_("Customer card"))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name in self.customers:
            shown = inert(name, one_line=True)
            score = matcher.match(shown)
            if score > 0:
                yield Hit(score, _highlighted(matcher, shown), partial(self.open, name), text=shown, help=_("Customer card"))

    def open(self, name: str) -> None:
        from prep.screens.customer_card import CustomerCardScreen

        self.app.push_screen(CustomerCardScreen(name))


class SearchCommands(Provider):
    """`search …`: whatever is typed, searched in the history."""

    async def discover(self) -> Hits:
        yield DiscoveryHit(_("Search the history…"), partial(self.search_for, ""), help=_("Everything written, as you type"))

    async def search(self, query: str) -> Hits:
        if query.strip():
            text = inert(_("Search the history for {query}").format(query=quoted(query.strip())), one_line=True)
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
