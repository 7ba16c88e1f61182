"""The Textual app: it owns the settings and the store, and wires the screens together.

The app imports the screens (it pushes them); a screen sees the app only as the
`PrepHost` of screens/base.py, so no import goes in a circle. Screens ask the core for
data through the app's store; all disk work runs in thread workers so the UI never
waits on it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker

from prep.errors import ErasedMeeting, PrepError
from prep.language import N_, _, ngettext, use
from prep.model.meeting import Meeting
from prep.reports.inert import inert
from prep.screens.base import collect_garbage_quietly, report_failure
from prep.screens.read_ahead import ReadAhead, read_css
from prep.screens.typing_ahead import TypingAhead
from prep.settings import Settings, read_keymap
from prep.storage import Autosave, Saved, Store
from prep.undoing import UndoingApp

if TYPE_CHECKING:
    from prep.demo import DemoRun
    from prep.library.loader import Library


KEYMAP_DELAY = 1.0  # seconds: keys.yaml (and an interrupted erasure) wait until well after the first frame
WARM_UP_DELAY = 1.0  # seconds: once the home screen is up, the checklists and the other screens' code are read ahead
# A delete younger than this may still be undone in another running copy: a start leaves it to that copy.
UNFINISHED_DELETE = timedelta(minutes=1)


def _short(path: Path) -> str:
    """A path as the rep would type it: ~ for their home folder."""
    home = Path.home()
    return f"~/{path.relative_to(home)}" if path.is_relative_to(home) else str(path)


def _read_library(settings: Settings) -> Library:
    from prep.library.loader import load_library

    return load_library(settings, keep=True)


def _providers() -> tuple[type, type]:
    from prep.screens.commands import CustomerCommands, SearchCommands

    return CustomerCommands, SearchCommands


def all_bindings() -> list[tuple[str, Binding]]:
    """Every binding of the app and its screens, with the class that declares it."""
    from prep.screens.keys import screen_bindings

    return [("PrepApp", b) for b in PrepApp.BINDINGS if isinstance(b, Binding)] + screen_bindings()


def known_binding_ids() -> set[str]:
    """Every binding id of prep, to check keys.yaml against."""
    return {binding.id for _declared_in, binding in all_bindings() if binding.id}


class PrepApp(UndoingApp, TypingAhead):
    """prep: get ready for a customer meeting, and keep what you learned."""

    TITLE = "prep"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "quit", N_("Quit"), id="app.quit", priority=True),
        Binding("question_mark", "help", N_("Keys"), tooltip=N_("The keys of this screen"), id="app.help"),
        Binding("ctrl+z", "undo", N_("Undo"), tooltip=N_("Undo the last cancel, delete or follow-up done"), show=False, id="app.undo"),
    ]
    COMMANDS = App.COMMANDS | {lambda: _providers()[0], lambda: _providers()[1]}
    # What the autosave is doing: "saving", "saved" or "not saved" (screens/widgets/save_state.py shows it).
    save_state: reactive[str] = reactive("saved", init=False)

    def __init__(self, db_path: Path | None = None, *, settings: Settings | None = None,
                 now: Callable[[], datetime] = datetime.now, library: Callable[[], Library] | None = None,
                 demo: DemoRun | None = None, first_meeting: str | None = None) -> None:
        """Open the database: `db_path` if given, else the one the settings name (read from the environment if not given).

        With `demo`, the database is a demo: the title says so, and quitting offers to keep
        what the rep prepared in it (`demo_kept` then says how many meetings were kept).
        `first_meeting` is opened at the start, over the home screen (`prep open ID`).
        """
        super().__init__()
        self.demo, self.first_meeting = demo, first_meeting
        self.demo_kept: int | None = None
        settings = settings if settings is not None else Settings.from_environment()
        self.settings = settings if db_path is None else replace(settings, database=Path(db_path))
        use(self.settings.language)
        self.store = Store(self.settings.database)
        self.autosave = Autosave(self.store, self._autosave_failed, self._merged_with_another_window,
                                 on_state=self._autosave_state)
        self.now = now
        self.read_ahead = ReadAhead(self.store, library or partial(_read_library, self.settings))
        self.unfinished_form: dict[str, str] = {}
        self._erased_told: set[str] = set()

    @work(thread=True, group="warm-up", exit_on_error=False)
    def _warm_up(self) -> None:
        """Import the other screens, their CSS and what they show ahead, so that each opens without waiting for any."""
        from prep.screens.brief import BriefScreen
        from prep.screens.checklists import ChecklistsScreen
        from prep.screens.customer_card import CustomerCardScreen
        from prep.screens.debrief import DebriefScreen
        from prep.screens.history import HistoryScreen
        from prep.screens.new_preparation import NewPreparationScreen
        from prep.screens.rehearsal import RehearsalScreen
        from prep.screens.timeline import TimelineScreen
        from prep.screens.walkthrough import WalkthroughScreen

        screens = [BriefScreen, ChecklistsScreen, CustomerCardScreen, DebriefScreen, HistoryScreen, NewPreparationScreen,
                   RehearsalScreen, TimelineScreen, WalkthroughScreen]
        self.call_from_thread(read_css, self, screens)
        self.read_ahead.everything()
        self._tell_updates()
        collect_garbage_quietly()

    def _tell_updates(self) -> None:
        """Each checklist the trainer updated since the rep last saw it, with the trainer's note: once."""
        from prep.library.updates import news, told

        if self.demo is not None:
            return  # the demo's meetings are not the rep's: nothing was updated for them
        try:
            updated = news(self.read_ahead.library().checklists.values(), self.settings.state_file.parent,
                           used_before=bool(self.read_ahead.history().meetings))
        except PrepError:
            return  # the state folder cannot be written: told again at the next start, nothing lost
        for title, text in told(updated, self.settings.language):
            self.call_from_thread(self.notify, inert(text), title=inert(title, one_line=True), timeout=20)

    def on_mount(self) -> None:
        """Restore the remembered theme, schedule keys.yaml, and show the home screen."""
        from prep.screens.home import HomeScreen

        self._ui_loop = asyncio.get_running_loop()
        if self.demo is not None:
            self.title = _("prep · demo")
        theme = self.settings.theme
        if theme in self.available_themes and theme != self.theme:
            # set_reactive skips every watcher, ours too: the theme just read is not written back.
            # Textual's own watcher is what applies a theme, so it is called by hand.
            self.set_reactive(App.theme, theme)
            self._watch_theme(theme)
        # Neither is needed for the first frame: both wait until well after it.
        for later in (self._load_keymap, self._finish_forgetting):
            if KEYMAP_DELAY:
                self.set_timer(KEYMAP_DELAY, later)
            else:
                later()
        self.set_timer(WARM_UP_DELAY, self._warm_up)
        self.push_screen(HomeScreen())
        if self.first_meeting:
            self.open_meeting(self.first_meeting)

    async def action_quit(self) -> None:
        """Save whatever is still pending, then leave (from a demo, after asking about what the rep prepared)."""
        for screen in self.screen_stack:
            flush = getattr(screen, "flush_draft", None)
            if flush is not None:
                flush()
        await self.workers.wait_for_complete()
        if await self._asked_to_keep_demo():
            return
        await asyncio.to_thread(self.autosave.close)
        await asyncio.to_thread(self.settle_changes)
        self.exit()

    async def _asked_to_keep_demo(self) -> bool:
        """In a demo where the rep prepared meetings: ask whether to keep them (True: asked, not leaving yet)."""
        from prep.demo import made_in_demo
        from prep.screens.keep_demo import KeepDemoScreen

        demo = self.demo
        if demo is None or demo.own_database is None or self.demo_kept is not None:
            return False
        if isinstance(self.screen, KeepDemoScreen):  # ctrl+q again: leave without keeping
            self.demo_kept = 0
            return False
        await asyncio.to_thread(self.autosave.wait)
        made = await asyncio.to_thread(made_in_demo, self.store, demo)
        if not made:
            return False
        self.push_screen(KeepDemoScreen(made, _short(demo.own_database)), self._leave_demo)
        return True

    async def _leave_demo(self, decision: str | None) -> None:
        from prep.demo import keep_made_in_demo

        if decision == "stay" or self.demo is None:
            return
        if decision == "keep":
            try:
                self.demo_kept = await asyncio.to_thread(keep_made_in_demo, self.store, self.demo)
            except (PrepError, OSError) as error:  # nothing is lost: the demo stays open, the rep can try again
                self.notify(f"{error}", title=_("Not kept"), severity="error", timeout=15)
                return
        else:
            self.demo_kept = 0
        await self.action_quit()

    def on_unmount(self) -> None:
        """Write what the autosave still holds, erase what waited for its undo, then let go of the database."""
        self.autosave.close()
        self.settle_changes()
        self.store.close()

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Show a toast. prep's are plain text, whatever `markup` says (screens pass Textual's default):
        nearly every one carries a name, a follow-up, a path or an error's words, which must be shown as they are."""
        super().notify(inert(message), title=inert(title, one_line=True), severity=severity, timeout=timeout, markup=False)

    def _autosave_failed(self, error: PrepError) -> None:
        # Called on the autosave thread, maybe while the UI thread waits for it to
        # finish: hand the toast over without waiting. The text stays on screen.
        if isinstance(error, ErasedMeeting):
            # Erased by the rep in another window: said once, not at every keystroke.
            if error.meeting_id in self._erased_told:
                return
            self._erased_told.add(error.meeting_id)
            notify = partial(self.notify, f"{error}.", title=_("Erased"), severity="warning", timeout=15)
        else:
            notify = partial(self.notify, _("{error} — your text stays on screen and is saved again with your next change.")
                             .format(error=error), title=_("Not saved"), severity="error", timeout=15)
        self._ui_loop.call_soon_threadsafe(notify)

    def _autosave_state(self, state: str) -> None:
        # Called on whichever thread saved: the indicator changes on the UI thread, without waiting.
        self._ui_loop.call_soon_threadsafe(partial(setattr, self, "save_state", state))

    def _merged_with_another_window(self, ours: Meeting, saved: Saved) -> None:
        # Called on the autosave thread: the screens take the merged meeting on the UI thread.
        self._ui_loop.call_soon_threadsafe(partial(self._show_merge, ours, saved))

    def _show_merge(self, ours: Meeting, saved: Saved) -> None:
        """Another running copy had changed this meeting too: every screen on it takes both sides' changes."""
        from prep.screens.base import EditingScreen

        assert saved.merged is not None
        for screen in self.screen_stack:
            if isinstance(screen, EditingScreen) and screen.meeting.id == ours.id:
                screen.adopt(ours, saved.merged)
        both = " " + ngettext("Both changed {count} of the same fields: both texts are kept, the other marked.",
                              "Both changed {count} of the same fields: both texts are kept, the other marked.",
                              len(saved.conflicts)).format(count=len(saved.conflicts)) if saved.conflicts else ""
        self.notify(_("{customer} was changed in another window too; its changes are merged in.").format(customer=ours.customer)
                    + both, title=_("Merged"), severity="warning", timeout=10, markup=False)

    @work(thread=True, group="forget", exit_on_error=False)
    def _finish_forgetting(self) -> None:
        """Finish an erasure a kill or a full disk interrupted, and a delete whose undo window a kill cut short
        (a failure is a toast): what the rep erased or deleted stays so."""
        self.store.finish_forgetting()
        self.store.finish_deleting(UNFINISHED_DELETE)

    # -- the rep's settings ------------------------------------------------------------

    @work(thread=True, group="settings", exit_on_error=False)
    def _load_keymap(self) -> None:
        """Apply keys.yaml after start-up; a bad file is named in a toast and the defaults stay."""
        keys_file = self.settings.keys_file
        if not keys_file.exists():
            return
        keymap, problems = read_keymap(keys_file, known_binding_ids())
        if keymap:
            self.call_from_thread(self.set_keymap, keymap)
        for problem in problems:
            self.call_from_thread(self.notify, problem, title="keys.yaml", severity="warning", timeout=15)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle a node whose classes changed, unless it is not in the DOM yet: it is styled as it is mounted.

        Textual's fields and dropdowns set classes as they are built, each time styling a widget not yet on a screen.
        """
        if node is self or node.is_attached:
            super().update_styles(node, animate=animate)

    def watch_theme(self, theme: str) -> None:
        """Remember the theme the rep chose (written off the UI thread)."""
        self.settings = self.settings.with_theme(theme)
        self.run_worker(self.settings.save_state, thread=True, group="settings", exit_on_error=False)

    def speak(self, language: str) -> None:
        """Speak `language` from now on, and remember it: keys, palette, home and every screen opened next at once;
        another screen already open keeps its words until it is closed."""
        self.settings = self.settings.speaking(use(language))
        self.run_worker(self.settings.save_state, thread=True, group="settings", exit_on_error=False)
        if self.demo is not None:
            self.title = _("prep · demo")
        for screen in self.screen_stack:
            getattr(screen, "speak_again", screen.refresh_bindings)()
        # Translators: read in the language just chosen, so this says "prep speaks German now." in German.
        self.notify(_("prep speaks English now."), title=_("Language"))

    def action_command_palette(self) -> None:
        """The command palette, asking in the rep's language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(self):
            self.push_screen(CommandPalette(placeholder=_("Search for commands…"), id="--command-palette"))

    def search_themes(self) -> None:
        """The themes, in a palette that asks in the rep's language."""
        from textual.command import CommandPalette
        from textual.theme import ThemeProvider

        self.push_screen(CommandPalette(providers=[ThemeProvider], placeholder=_("Search for themes…")))

    def action_help(self) -> None:
        """The keys of the current screen."""
        from prep.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, _short(self.settings.keys_file)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The command palette: every action of prep, plus the current screen's own, each once, in the rep's language."""
        from prep.screens.commands import system_commands

        yield from system_commands(self, screen, [*super().get_system_commands(screen), *self.undo_commands()])

    def go_home(self) -> None:
        """Back to the home screen, closing everything above it."""
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def open_meeting(self, meeting_id: str, *, debrief: bool = False) -> None:
        """Open a meeting: a draft continues its walkthrough, a prepared one shows its brief or debrief."""
        self.opening_meeting = True
        self._load_meeting(meeting_id, debrief)

    @work(thread=True, exclusive=True, group="open", exit_on_error=False)
    def _load_meeting(self, meeting_id: str, debrief: bool) -> None:
        try:
            meeting = self.store.meeting(meeting_id)
            self.call_from_thread(partial(self.show_meeting, meeting, debrief=debrief))
        finally:
            self.call_from_thread(self._opened)

    async def _opened(self) -> None:
        self.opening_meeting = False
        if getattr(self.screen, "ready_for_keys", True):
            await self.release_keys()

    def show_meeting(self, meeting: Meeting | None, *, debrief: bool = False, replace: bool = False) -> None:
        """Show a meeting on the screen that fits it: a draft's walkthrough, else its brief or debrief.

        With `replace`, the meeting's screen takes the place of the current one instead of
        going on top (the walkthrough, once finished, becomes the brief).
        """
        from prep.screens.brief import BriefScreen
        from prep.screens.debrief import debrief_after_asking
        from prep.screens.walkthrough import WalkthroughScreen

        show = self.switch_screen if replace else self.push_screen
        if meeting is None:
            self.notify(_("That meeting is no longer in the database."), severity="warning")
        elif meeting.is_draft:
            show(WalkthroughScreen(meeting))
        elif debrief:
            debrief_after_asking(self, meeting, self.now(), show)
        else:
            show(BriefScreen(meeting))

    def change_plan(self, meeting: Meeting, then: Callable[[Meeting | None], object]) -> None:
        """The new-preparation form, prefilled with a meeting's plan; saved, `then` gets the changed meeting.

        Here rather than in the screens that offer it: the form starts walkthroughs, and the
        walkthrough offers the form, which would be an import in a circle.
        """
        from prep.screens.new_preparation import NewPreparationScreen

        self.push_screen(NewPreparationScreen(meeting), then)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed worker of the app becomes a toast, as the screens' do."""
        report_failure(self, event)
