"""What many tests share: the fixed clock, the screens and the keys that reach them,
pressing keys so that each takes effect, a debriefed meeting."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import datetime, timedelta
from pathlib import Path

from textual.worker import WorkerFailed

from prep.app import PrepApp
from prep.library.loader import load_library
from prep.model.meeting import PREPARED, Answer, Debrief, Meeting, When
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen

NOW = datetime(2026, 11, 23, 9, 0)


def fixed_now() -> datetime:
    """The app's clock in tests, so that what is 'coming up' does not move."""
    return NOW


# Each screen: the class it is, and the keys that reach it from the home screen of the demo history.
SCREENS: dict[str, tuple[str, tuple[str, ...]]] = {
    "home": ("HomeScreen", ()),
    "new-preparation": ("NewPreparationScreen", ("n",)),
    "walkthrough": ("WalkthroughScreen", ("enter",)),
    "walkthrough-objections": ("WalkthroughScreen", ("enter", "pagedown")),
    "missing-items": ("MissingItemsScreen", ("enter", "ctrl+s")),
    "brief": ("BriefScreen", ("tab", "enter")),
    "rehearsal": ("RehearsalScreen", ("tab", "enter", "r")),
    "debrief": ("DebriefScreen", ("tab", "tab", "tab", "d")),
    "recap": ("RecapScreen", ("tab", "tab", "tab", "d", "ctrl+r")),
    "history": ("HistoryScreen", ("h",)),
    "timeline": ("TimelineScreen", ("h", "down", "t")),
    "customer-card": ("CustomerCardScreen", ("k",)),
    "person-form": ("PersonForm", ("k", "a")),
    "checklists": ("ChecklistsScreen", ("c",)),
    "coaching": ("CoachingScreen", ("ctrl+p", *"coaching", "enter")),
    "trainer-review": ("TrainerReviewScreen", ("ctrl+p", *"trainer", "enter")),
    "help": ("HelpScreen", ("question_mark",)),
    "confirm-delete": ("Confirm", ("delete",)),
    "brief-cancelled": ("BriefScreen", ("tab", "enter", "c")),
    "history-cancelled": ("HistoryScreen", ("tab", "enter", "c", "escape", "h")),
}


async def settle(app: PrepApp, pilot) -> None:  # type: ignore[no-untyped-def]
    """Let workers and the autosave finish, then let the screen catch up, until nothing new starts.

    A screen that comes back (home after escape) starts its reading only after its first
    refresh, so one round is not always enough.
    """
    for rounds in range(1, 20):
        with contextlib.suppress(WorkerFailed):  # a failed worker is shown to the rep; tests look at that
            await app.workers.wait_for_complete()
        await asyncio.to_thread(app.autosave.wait)
        await pilot.pause()
        if rounds >= 2 and not len(app.workers):
            return
    raise AssertionError(f"prep kept starting work: {list(app.workers)}")


async def press(app: PrepApp, pilot, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Press keys one by one, letting each take effect: screens, workers and saves."""
    for key in keys:
        await pilot.press(key)
        await settle(app, pilot)


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*["space" if c == " " else c for c in text])


async def start_preparation(app: PrepApp, pilot, customer: str = "Acme Tools") -> None:  # type: ignore[no-untyped-def]
    await settle(app, pilot)
    await press(app, pilot, "n")
    assert isinstance(app.screen, NewPreparationScreen)
    for text in (customer, "Jane Doe, CFO", "tomorrow", "14:30", "Agree on a pilot"):
        await type_text(pilot, text)
        await pilot.press("enter")
    await press(app, pilot, "ctrl+s")
    assert isinstance(app.screen, WalkthroughScreen)


# Where start_preparation leaves the focus: the first item of the first-meeting checklist's first step.
FIRST_ITEM = "up-front-contract/time"


async def page_to(app: PrepApp, pilot, section_id: str) -> None:  # type: ignore[no-untyped-def]
    """Page through the walkthrough, as a rep does, to the step of that section ("needs", "objections"…)."""
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    ids = [section.id for section in screen.meeting.checklist.sections]
    assert section_id in ids, f"{screen.meeting.checklist.id} has no step {section_id!r}: {ids}"
    target = ids.index(section_id)
    key = "pagedown" if target > screen.step else "pageup"
    for _ in range(abs(target - screen.step)):
        await press(app, pilot, key)
    assert screen.step == target


def debriefed_meeting(customer: str, days_ago: int, **debrief: object) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer=customer, when=NOW - timedelta(days=days_ago), checklist=checklist, status=PREPARED)
    meeting.answers["needs/situation"] = Answer(text="Spreadsheets")
    meeting.answers["objections/no-need"] = Answer(text="Ask what works well", likelihood="likely")
    meeting.debrief = Debrief(**debrief)  # type: ignore[arg-type]
    return meeting


# Days ago: the meeting whose debrief says Anna Weber was there (and Tom Berg was not), and an older one
# whose debrief says nothing about who was there, which Tom Berg was planned for.
MET_ANNA, MET_TOM = 10, 30


def acme_with_people(db_path: Path) -> None:
    """Acme Tools: a card with two people, and meetings that say when each was last met — and two that do not count
    (one called off, one still to come)."""
    from prep.model.customer import Customer, Person
    from prep.storage.store import Store

    said_who = debriefed_meeting("Acme Tools", MET_ANNA, outcome="Pilot agreed", present=["anna weber"])
    said_who.people = ["Anna Weber", "Tom Berg"]
    said_nothing = debriefed_meeting("Acme Tools", MET_TOM, outcome="First contact")
    said_nothing.people = ["Tom Berg"]
    called_off = debriefed_meeting("Acme Tools", 5)
    called_off.people, called_off.cancelled = ["Tom Berg"], When.fromisoformat((NOW - timedelta(days=6)).isoformat())
    called_off.goal, called_off.debrief = "Show IT the interfaces", None
    coming = debriefed_meeting("Acme Tools", -3)
    coming.people, coming.goal, coming.debrief = ["Anna Weber", "Tom Berg"], "Agree on the pilot's scope", None
    store = Store(db_path)
    store.add_many([said_who, said_nothing, called_off, coming])
    store.save_customer(Customer(name="Acme Tools", industry="Machine tools", people=[
        Person(name="Anna Weber", role="CFO", part="economic buyer", stance="neutral"), Person(name="Tom Berg", role="Head of IT")]))
    store.close()

def in_german(function, *args):  # type: ignore[no-untyped-def]
    """`function(*args)` while prep speaks German; English again afterwards, whatever happens."""
    from prep.language import use

    use("de")
    try:
        return function(*args)
    finally:
        use("en")
