"""A screen that appears in one frame, not four.

As Textual 8 shows a screen pushed for the first time, it lays it out and draws it whole; then
its resume handler asks for the whole screen again; each widget, having asked to be drawn as it
was built, asks again; the push, done waiting for the screen's widgets, lays the screen out once
more and draws it whole; the screen it covered, asked to draw itself as it was covered, passes
that on to the new one on top; and the screen's own size comes back to it as a resize, laying out
it and every screen under it again. On the debrief, each was a frame of the same screen written to
the terminal after it was there, the last some 50 ms later: the rep saw it settle late.

`DrawnOnce` leaves out what cannot have changed since the first frame. Whatever does change
after it (a widget's text, a layout that moves something) is drawn as usual. A screen shown while
the app batches its updates is drawn only once the batch ends, after its widgets may have changed:
there nothing is left out (leaving it out there left half the walkthrough unpainted). Each method
names the Textual internals it leans on; tests/flows/test_screens_drawn_once.py and the real-terminal
test (a screen never leaves the one under it showing) pin the result.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, messages
from textual._time import get_time
from textual.app import ScreenStackError
from textual.screen import Screen

if TYPE_CHECKING:
    from typing import Self

    from textual.geometry import Region

SETTLING = 0.5  # seconds after the first frame during which a layout draws only what it moves


class DrawnOnce(Screen[object]):
    """A screen drawn whole once as it first appears, and not again while another of prep's covers it."""

    _drawn_by_layout = False  # drawn whole a moment ago: the next request to draw it whole is left out
    _appearing = False  # until it has settled, a layout draws only what it moves (Textual: all of it)
    _drawn_at: float | None = None  # when it was first drawn whole

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        # Called before Textual's handler, which lays out and draws a screen not yet laid out at this size
        # (Screen._size) and then calls refresh(): that second whole frame is left out. Not in a batch of
        # updates (App._batch_count), where the drawing waits until the batch ends.
        if self._size != self.app.size and not self.app._batch_count and self.app.screen is self:
            self._drawn_by_layout = self._appearing = True
            self.call_next(self._drawn_whole)

    def _drawn_whole(self) -> None:
        # Right after Textual's handler drew the screen, every widget is on it as it is now: what each
        # asked before (Widget._repaint_required, also on the scrollbars, which are not its children) is done.
        self._drawn_by_layout = False
        self._drawn_at = get_time()
        for widget in self.walk_children(with_self=True):
            widget._repaint_required = False
            for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar):
                if bar is not None:
                    bar._repaint_required = False
        self.set_timer(SETTLING, self._settled)

    def _settled(self) -> None:
        self._appearing = False

    def _on_update(self, message: messages.Update) -> None:
        # Called before Textual's handler: a widget that asked to be drawn before the first frame was drawn in it.
        if self._drawn_at is not None and message.time <= self._drawn_at:
            message.stop()
            message.prevent_default()

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if not (regions or recompose):
            if self._drawn_by_layout and not layout:
                self._drawn_by_layout = False
                return self
            if self._appearing and layout:
                repaint = False  # the layout (the push's, once the widgets are mounted) draws what it moves
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _on_resize(self, event: events.Resize) -> None:
        # Called before Textual's handler, which lays out this screen and all under it again: not for the
        # size it was laid out at already (Screen._size; Screen.size is the app's), unless its classes
        # follow its size (Textual sets them there).
        breakpoints = (self.HORIZONTAL_BREAKPOINTS, self.VERTICAL_BREAKPOINTS,
                       self.app.HORIZONTAL_BREAKPOINTS, self.app.VERTICAL_BREAKPOINTS)
        if event.size == self._size and not any(breakpoints):
            event.prevent_default()

    def _compositor_refresh(self) -> None:
        # What changes on a screen under another is drawn again on the one on top (Screen._compositor_refresh),
        # in case that one shows it through: none of prep's own screens does. A screen shown again is drawn whole.
        if self._covered():
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()
            return
        super()._compositor_refresh()

    def _covered(self) -> bool:
        """Whether another of these screens (none of which shows what is under it) is on top of this one."""
        try:
            top = self.app.screen
        except ScreenStackError:
            return False
        return top is not self and isinstance(top, DrawnOnce) and self in self.app.screen_stack
