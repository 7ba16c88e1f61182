"""Every screen shows all it has once it settles, reads the checklists only once, and fits the terminal it is given."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import OptionList, Static
from textual.widgets._footer import FooterKey

from helpers import fixed_now, press, settle
from prep.app import PrepApp
from prep.library.loader import Library, load_library
from prep.screens.brief import BriefScreen
from prep.screens.checklists import ChecklistsScreen
from prep.screens.home import HomeScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.screens.widgets.reading import ReadingPane


def footer_keys(app: PrepApp) -> list[str]:
    """The keys the footer shows whole: not cut by the screen's edge or hidden under the palette key."""
    keys = list(app.screen.query(FooterKey))
    edge = next((key.region.x for key in keys if key.has_class("-command-palette")), app.screen.size.width)
    return [key.description for key in keys if key.has_class("-command-palette") or key.region.right <= edge]


def shown_text(pane: ReadingPane, width: int) -> str:
    """What the pane draws, as plain text."""
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(pane.render())
    return console.export_text()


async def test_rep_reads_the_whole_brief_once_it_has_appeared(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "enter")
        assert isinstance(app.screen, BriefScreen)
        brief = shown_text(app.screen.query_one(ReadingPane), 78)
        meeting = app.screen.meeting
        # The customer heading, the goal, and every section down to the last one.
        assert meeting.customer in brief and "Goal:" in brief
        for section in meeting.checklist.sections:
            assert section.title in brief
        assert "#" not in brief.splitlines()[0]  # Markdown is drawn, not shown as source


async def test_checklists_are_read_once_however_often_the_rep_opens_the_screens_that_list_them(db_path: Path) -> None:
    reads: list[Library] = []

    def counted() -> Library:
        reads.append(load_library())
        return reads[-1]

    app = PrepApp(db_path, now=fixed_now, library=counted)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        for key in ("n", "escape", "c", "escape", "n"):
            await press(app, pilot, key)
        assert isinstance(app.screen, NewPreparationScreen)
        assert app.screen.library.get("first-meeting") is not None
        await press(app, pilot, "escape", "c")
        assert isinstance(app.screen, ChecklistsScreen)
        assert app.screen.query_one("#checklists", OptionList).option_count == 10  # the built-ins, five in English and five in German
        assert len(reads) == 1


async def test_an_empty_home_offers_no_open_and_a_full_one_does(db_path: Path, demo_db: Path) -> None:
    app = PrepApp(db_path.with_name("empty.json"), now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "No meetings yet" in str(app.screen.query_one("#summary", Static).render())
        assert "Open" not in footer_keys(app)
        assert "New" in footer_keys(app)

    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert "Open" in footer_keys(app)


async def test_at_sixty_columns_the_footer_keeps_quit_and_help_and_the_steps_stay_on_one_line(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "tab", "enter")
        assert isinstance(app.screen, BriefScreen)
        keys = footer_keys(app)
        assert keys[-2:] == ["Quit", "Keys"] and "Back" in keys and "Debrief" in keys

        await press(app, pilot, "escape", "escape", "shift+tab", "enter")
        assert isinstance(app.screen, WalkthroughScreen)
        # "?" types into the answer here: the palette is the way to every key, and it stays.
        keys = footer_keys(app)
        assert "Quit" in keys and "palette" in keys
        assert "Next" in keys and "Finish" in keys
        progress = app.screen.query_one("#progress", Static)
        assert progress.size.height == 2  # the step line and the strip of steps, neither wrapped
        strip = str(progress.render()).splitlines()[-1]
        assert all(f" {number} " in strip for number in range(1, len(app.screen.meeting.checklist.sections) + 1))


async def test_at_eighty_columns_the_footer_shows_every_key(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await press(app, pilot, "enter")
        assert footer_keys(app) == ["Back", "Next", "Finish", "Hints", "Quit", "palette"]


async def test_a_tall_terminal_gives_the_home_lists_its_height(demo_db: Path) -> None:
    app = PrepApp(demo_db, now=fixed_now)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, HomeScreen)
        recent = app.screen.query_one("#recent", OptionList)
        assert recent.option_count > 7
        assert recent.size.height > 7
