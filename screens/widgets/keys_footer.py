"""The footer of every prep screen: the keys that work here, drawn once, fitted to the width.

Textual's Footer builds all its keys again every time the bindings may have changed —
a focus moving, a screen calling refresh_bindings — often twice while a screen appears,
each time after the screen was already drawn. This one builds them again only when what
it shows changes. When the keys do not fit (60 columns), the palette key goes first and
then the screen's keys: first those the screen names as spare (FOOTER_SPARE: keys that open
another screen, which the palette and help list too), then from the right. Quit and help
stay, so the rep can always leave and always find every key (where "?" types into a field,
the palette key stays instead). German runs a third longer, and so meets this at 80 columns.
"""

from __future__ import annotations

from weakref import WeakSet

from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.keys import key_to_character
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from prep.language import N_, _, speaking

HELP = "app.help"
KEPT = ("app.quit", HELP)  # binding ids shown at any width
PALETTE_WIDTH = 12  # "▏^p palette", its border and the space after it
N_("palette")  # Textual's name of the palette key, translated where the footer shows it
N_("Dismiss menu")  # the key of Textual's open dropdown
_STARTED: WeakSet[App[object]] = WeakSet()  # apps past their first frame


def _width(key: str, description: str) -> int:
    """Cells a FooterKey takes: the key and the description, with their padding."""
    return cell_len(key) + cell_len(description) + 3


def _types(key: str) -> bool:
    """Whether the key types a character into a focused text field (and so is not a binding there)."""
    character = key_to_character(key)
    return character is not None and character.isprintable()


class _Key(FooterKey):
    """A key of a footer that is not compact: so from the start, not made so a moment after it is mounted."""

    # Textual's keys start compact and are bound to the footer's (not compact) as they mount:
    # each changed its class and was styled again.
    compact = reactive(False)


class KeysFooter(Footer):
    """Footer that keeps quit and help at any width and is rebuilt only when its keys change."""

    def __init__(self, *, typing: bool = False) -> None:
        """`typing`: the screen opens with the cursor in a text field, which takes the keys that type."""
        super().__init__()
        self._shown: tuple[object, ...] | None = None
        self._typing = typing

    def _keys(self) -> tuple[list[tuple[Binding, bool, str]], bool]:
        """The keys to show at this width, and whether the palette key fits too."""
        seen: set[str] = set()
        keys = []
        # Drawn before the screen's first field has the focus, the keys are those it will leave:
        # a text field takes `?`, and a footer drawn with it was built again a frame later.
        typing = self._typing and self.screen.focused is None
        for _node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if typing and _types(binding.key):
                continue
            if binding.show and binding.action not in seen:  # two keys for one action: the first is shown
                seen.add(binding.action)
                keys.append((binding, enabled, tooltip))
        room = self.app.size.width
        needed = sum(_width(self.app.get_key_display(b), _(b.description)) for b, _e, _t in keys)
        palette = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        # Where "?" types into a field, the palette is the way to every key: it stays, as help would.
        help_shown = any(b.id == HELP for b, _e, _t in keys)
        if palette and help_shown and needed + PALETTE_WIDTH > room:
            palette = False
        if palette:
            room -= PALETTE_WIDTH
        spare = getattr(self.screen, "FOOTER_SPARE", ())
        while needed > room:
            droppable = [index for index, (b, _e, _t) in enumerate(keys) if b.id not in KEPT]
            if not droppable:
                break
            first = [index for index in droppable if keys[index][0].id in spare]
            binding, _e, _t = keys.pop(first[0] if first else droppable[-1])
            needed -= _width(self.app.get_key_display(binding), _(binding.description))
        return keys, palette

    def _signature(self) -> tuple[object, ...]:
        keys, palette = self._keys()
        return tuple((b.key, b.action, b.description, enabled) for b, enabled, _t in keys) + (palette, speaking())

    def compose(self) -> ComposeResult:
        # Drawn with the screen's first frame, from the screen's and the app's keys: Textual's
        # Footer waits for the focus to settle and so draws a frame later, every time. Only the
        # app's very first frame is drawn without it: it reaches the terminal sooner that way.
        if not self._bindings_ready and self.app not in _STARTED:
            return
        keys, palette = self._keys()
        self._shown = self._signature()
        for binding, enabled, tooltip in keys:
            yield _Key(binding.key, self.app.get_key_display(binding), _(binding.description), binding.action,
                       disabled=not enabled, tooltip=_(tooltip) if tooltip else tooltip)
        if palette:
            active = self.screen.active_bindings.get(self.app.COMMAND_PALETTE_BINDING)
            if active is not None:
                _node, binding, enabled, tooltip = active
                yield FooterKey(binding.key, self.app.get_key_display(binding), _(binding.description), binding.action,
                                # Compact from the start: the class its compact watcher adds on mount moved it a frame later.
                                classes="-command-palette -compact", disabled=not enabled,
                                tooltip=_(binding.tooltip or binding.description))

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            if self.app in _STARTED:
                # Before the next frame, not after it: the focus a screen sets as it opens changes the keys
                # (a text field takes `?`), and a footer rebuilt after the first frame drew a second one.
                self.call_later(self._rebuild_if_changed)
            else:
                self.call_after_refresh(self._rebuild_if_changed)

    def on_resize(self) -> None:
        if self._bindings_ready:
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        # Many changes may be announced before the next frame: the first rebuilds, the rest find nothing new.
        if self.is_attached and self._signature() != self._shown:
            self._shown = self._signature()
            await self.recompose()
        _STARTED.add(self.app)
