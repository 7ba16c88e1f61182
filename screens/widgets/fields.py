"""The fields a rep types into: nothing written is replaced by one key, and no key typed into one is lost.

Textual's Input selects its whole text when focused, so the next key a rep types
replaces what they wrote, and it has no undo. A focused Select drops every letter typed
into it without a sign, and opens on enter where the rest of a form moves on. These
three are what prep's screens use instead:

- `TextField`: a one-line Input that opens with the cursor after its text (never
  selected) and undoes with ctrl+z (redo ctrl+y), a burst of typing one step at a time.
- `NoteArea`: a TextArea that opens with the cursor after its text (it has its own undo),
  its lines wrapped in its first frame (Textual's wraps them a frame later, drawing it twice).
- `Choice`: a Select that picks an option from the letters typed into it (`h` → high),
  says so when no option matches, and moves on with enter (↓ or space opens it).

A Select is also six widgets (its line, the line's label and two arrows, and the list it
opens), and Textual styles each widget when a screen appears: the debrief's 22 dropdowns
were 132 of its 222 widgets. A `Choice` is one that draws its label and arrow itself; its
list is built the first time it is opened.
"""

from __future__ import annotations

from time import monotonic

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widgets import Input, Select, TextArea
from textual.widgets._select import SelectOverlay

from prep.language import N_, _, quoted

BURST = 1.0  # seconds: keys typed closer together than this are undone together
SEARCH_RESET = 1.0  # seconds: letters typed into a Choice within this make one search
TOLD_AGAIN = 3.0  # seconds: a Choice says that no option matches at most this often


class TextField(Input):
    """A one-line field that never opens with its text selected, and undoes with ctrl+z."""

    BINDINGS = [
        Binding("ctrl+z", "undo", N_("Undo"), show=False),
        Binding("ctrl+y,ctrl+shift+z", "redo", N_("Redo"), show=False),
    ]

    _shown: str | None = None  # the value as last seen; the watcher may run before __init__ sets anything
    _restoring = False
    _last_edit = 0.0

    def __init__(self, value: str | None = None, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, *args, **kwargs)  # type: ignore[arg-type]
        self._past: list[str] = []
        self._future: list[str] = []
        self._shown = self.value
        self.cursor_position = len(self.value)

    def _watch_value(self, value: str) -> None:
        self._remember(value)
        super()._watch_value(value)

    def _remember(self, value: str) -> None:
        """Keep what the field held before this change, one step per burst of typing."""
        before, self._shown = self._shown, value
        if before is None or before == value or self._restoring or not hasattr(self, "_past"):
            return
        now = monotonic()
        if not self._past or now - self._last_edit > BURST:
            self._past.append(before)
        self._last_edit = now
        self._future.clear()

    def _on_focus(self, event: events.Focus) -> None:
        super()._on_focus(event)
        self.cursor_position = len(self.value)

    def action_undo(self) -> None:
        """Bring back what the field held before the last burst of typing."""
        self._step(self._past, self._future)

    def action_redo(self) -> None:
        """Take back an undo."""
        self._step(self._future, self._past)

    def _step(self, source: list[str], target: list[str]) -> None:
        if not source:
            self.app.bell()
            return
        target.append(self.value)
        self._restoring = True
        try:
            self.value = source.pop()
        finally:
            self._restoring = False
        self._last_edit = 0.0  # the next key starts a step of its own
        self.cursor_position = len(self.value)


class NoteArea(TextArea):
    """A text area that opens with the cursor after its text, where the rep goes on writing."""

    _placed = False
    _wrapped_at: int | None = None

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Wrapped at the width the layout gives it, before it is first drawn: its height is right at once,
        # and the wrapping again as it learns its size (as Textual's does) changes nothing more.
        wrap = max(0, width - self.gutter_width - 1)  # as TextArea.wrap_width: the cursor's cell after the text
        if self.soft_wrap and wrap != self._wrapped_at:
            self._wrapped_at = wrap
            self.wrapped_document.wrap(wrap, tab_width=self.indent_width)
            self._line_cache.clear()
            self.set_reactive(NoteArea.virtual_size, Size(0, self.wrapped_document.height))
        return super().get_content_height(container, viewport, width)

    def on_focus(self) -> None:
        if not self._placed:
            self._placed = True
            self.move_cursor(self.document.end)

    def render_lines(self, crop: Region) -> list[Strip]:
        try:
            return super().render_lines(crop)
        except KeyError:
            # Asked to draw in the frame before its component styles (the gutter's, the cursor line's) were worked
            # out, Textual's TextArea raises and the app would stop: it draws blank this once, and again next frame.
            self.refresh()
            return [Strip.blank(crop.width)] * crop.height


def _words(prompt: object) -> str:
    """An option's text, lower-cased, as the rep reads it."""
    if isinstance(prompt, Text | Content):
        return prompt.plain.lower()
    return str(prompt).lower()


class Choice(Select[object]):
    """A dropdown that picks from the letters typed into it and moves on with enter; one widget, not six."""

    DEFAULT_CSS = """
    Choice {
        height: 1;
        width: 1fr;
        padding: 0 1 0 0;
        background: $surface;
        color: $foreground;
        pointer: pointer;
        &:focus { background-tint: $foreground 5%; }
    }
    """

    def choose(self, value: object, *, offer: tuple[str, object] | None = None) -> None:
        """Pick `value` if offered; `offer` (prompt, value) is added to the options first when it is not among them."""
        offered = [option for _prompt, option in self._options]
        if offer is not None and offer[1] not in offered:
            self.set_options([*((prompt, option) for prompt, option in self._options if option is not Select.NULL), offer])
            offered.append(offer[1])
        if value in offered:
            self.value = value

    BINDINGS = [
        Binding("down,space,up", "show_overlay", N_("Show menu"), show=False),
        Binding("enter", "next_field", N_("Next field"), show=False),
    ]

    _query = ""
    _typed_at = 0.0
    _told_at = -TOLD_AGAIN

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """Letters and digits typed into a closed dropdown are its own: no screen key fires from them.

        Other characters stay keys (`?` still shows the keys of the screen).
        """
        return not self.expanded and character is not None and character.isalnum()

    async def _on_key(self, event: events.Key) -> None:
        if self.expanded or not self.check_consume_key(event.key, event.character):
            return
        event.stop()
        event.prevent_default()
        assert event.character is not None
        now = monotonic()
        self._query = (self._query if now - self._typed_at <= SEARCH_RESET else "") + event.character.lower()
        self._typed_at = now
        match = self.matching(self._query)
        if match is None and len(self._query) > 1:  # a new first letter starts a new search
            self._query = event.character.lower()
            match = self.matching(self._query)
        if match is None:
            self.app.bell()
            if now - self._told_at > TOLD_AGAIN:  # once for a burst of letters, not a toast each
                self._told_at = now
                self.notify(_("No choice starts with {letter} — ↓ shows them all.").format(letter=quoted(event.character)),
                            severity="warning", timeout=4)
            self._query = ""
        elif match != self.value:
            self.value = match

    def matching(self, typed: str) -> str | None:
        """The first option whose text, or a word of it, starts with what was typed."""
        options = [(_words(prompt), value) for prompt, value in self._options if value is not Select.NULL]
        for words, value in options:
            if words.startswith(typed):
                return value  # type: ignore[return-value]
        for words, value in options:
            if any(word.startswith(typed) for word in words.split()):
                return value  # type: ignore[return-value]
        return None

    def action_next_field(self) -> None:
        """On to the next field, as enter does in the rest of the form."""
        self.screen.focus_next()

    # -- one widget: its line drawn by itself, its list built the first time it opens --

    def compose(self) -> ComposeResult:
        return []

    def render(self) -> Text:
        value = self.value
        prompts = [prompt for prompt, option in self._options if option == value] if value != self.NULL else []
        if not prompts:
            shown = Text(self.prompt, style=Style(dim=True))
        elif isinstance(prompts[0], Content):
            shown = Text(prompts[0].plain)
        elif isinstance(prompts[0], Text):
            shown = prompts[0].copy()
        else:
            shown = Text(str(prompts[0]))
        shown.no_wrap = True
        shown.truncate(max(self.content_size.width - 2, 0), overflow="ellipsis", pad=True)
        return Text.assemble(shown, " ", ("▲" if self.expanded else "▼", Style(dim=True)))

    def _overlay(self) -> SelectOverlay | None:
        try:
            return self.query_one(SelectOverlay)
        except NoMatches:
            return None

    async def _open_list(self) -> SelectOverlay:
        overlay = self._overlay()
        if overlay is None:
            overlay = SelectOverlay(type_to_search=self._type_to_search)
            overlay.compact = self.compact
            await self.mount(overlay)
            super()._setup_options_renderables()
        return overlay

    def _setup_options_renderables(self) -> None:
        if self._overlay() is not None:  # not built yet: it is built with the options of the moment
            super()._setup_options_renderables()

    def _watch_value(self, value: object) -> None:
        self._value = value
        if not self.is_mounted:
            return
        self.refresh()
        values = [option for _prompt, option in self._options]
        overlay = self._overlay()
        if overlay is not None and value != self.NULL and value in values:
            overlay.highlighted = values.index(value)
        self.post_message(self.Changed(self, value))

    def _watch_prompt(self, prompt: str) -> None:
        if not self.is_mounted:
            return
        self.refresh()
        overlay = self._overlay()
        if self._allow_blank and overlay is not None:
            overlay.replace_option_prompt_at_index(0, Text(prompt, style="dim"))

    def _watch_expanded(self, expanded: bool) -> None:
        overlay = self._overlay()
        self.set_class(expanded, "-expanded")
        self.refresh()  # the arrow turns
        if expanded and overlay is not None:
            overlay.focus(scroll_visible=False)
            values = [option for _prompt, option in self._options]
            overlay.select(values.index(self.value) if self.value != self.NULL and self.value in values else None)

    async def action_show_overlay(self) -> None:
        overlay = await self._open_list()
        self.expanded = True
        if overlay.highlighted is None:
            overlay.action_first()

    async def _on_click(self, event: events.Click) -> None:
        if event.widget is self:  # a click in the open list is the list's
            event.stop()
            await self._open_list()
            self.expanded = not self.expanded


class FormScroll(VerticalScroll):
    """The form's scrolling body: what we know and the warnings grow above the field typed in, which stays in sight."""

    def watch_virtual_size(self) -> None:
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            # Centred: what the field says under it (the date resolved, another meeting) is in sight too.
            self.scroll_to_widget(focused, animate=False, center=True)
