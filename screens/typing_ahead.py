"""Keys typed ahead of a screen: they wait until it can take them, then arrive in the order typed.

A rep who knows the way types `n`, the customer's name and enter without looking. Each
key reaches whatever screen is current when it is read: a screen still being built has no
focused field yet, and a meeting still being read from disk leaves home current, whose
own keys would act on what was meant as text. So the app holds keys while the current
screen is not ready (`PrepScreen.ready_for_keys`, set once its first frame has a focused
field) or a meeting is being opened, for a few seconds at most, and hands them on in order.
"""

from __future__ import annotations

from time import monotonic

from textual import events
from textual.app import App

KEYS_WAIT_AT_MOST = 5.0  # seconds: a screen that never gets ready does not keep the keys longer
LOOK_AGAIN = 0.5  # seconds between looks at whether the screen is ready, while keys wait


class TypingAhead(App[None]):
    """An app whose keys wait for a screen that is being built."""

    def __init__(self) -> None:
        super().__init__()
        self._held_keys: list[events.Key] = []
        self._holding_since = 0.0
        self.opening_meeting = False  # set while a meeting is read to be shown: keys wait for its screen

    async def on_event(self, event: events.Event) -> None:
        """Keys typed while a screen is still being built wait for it, then arrive in order.

        Without this, what an impatient rep types right after `n` reaches the new screen
        before any field of it has focus, and is dropped without a sign.
        """
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._waiting_for_screen():
                if not self._held_keys:
                    self._start_holding()
                self._held_keys.append(event)
                return
            await self.release_keys()
            if self._held_keys:  # one of them made the screen wait again: this key waits behind them
                self._held_keys.append(event)
                return
        await super().on_event(event)

    def _waiting_for_screen(self) -> bool:
        return self.opening_meeting or not getattr(self.screen, "ready_for_keys", True)

    async def _release_late(self) -> None:
        # A screen that takes long (a busy machine) keeps the keys; one that never gets ready does not.
        if self._held_keys and self._waiting_for_screen() and monotonic() - self._holding_since < KEYS_WAIT_AT_MOST:
            self.set_timer(LOOK_AGAIN, self._release_late)
        else:
            await self.release_keys(waited_long_enough=True)

    async def release_keys(self, *, waited_long_enough: bool = False) -> None:
        """Hand on the keys that waited for a screen to be ready, in the order they were typed.

        A key handed on may itself make the screen wait again (page down builds the next
        step): the keys after it wait on, for the new step.
        """
        while self._held_keys and (waited_long_enough or not self._waiting_for_screen()):
            await super().on_event(self._held_keys.pop(0))
        if self._held_keys and not waited_long_enough:
            self._start_holding()

    def _start_holding(self) -> None:
        """Keys wait from now on: look again shortly, and give up after KEYS_WAIT_AT_MOST."""
        self._holding_since = monotonic()
        self.set_timer(LOOK_AGAIN, self._release_late)

