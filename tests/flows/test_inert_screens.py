"""What the rep saved, imported or a trainer wrote is shown as it is on every screen: never read as markup, never acted on.

A customer, a note or a checklist line may look like Textual markup (`[b]`, `[$error]`,
`[@click=…]`, a lone `[/]` that used to take the screen down) and may hold control
characters (ESC, C1) that Textual would pass on to the terminal. The tests look at what
the compositor sends to the terminal, cell by cell.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from pathlib import Path

import msgspec
import pytest
from textual.screen import Screen
from textual.widgets import Input

from helpers import NOW, debriefed_meeting, fixed_now, press, settle
from prep.app import PrepApp
from prep.model.checklist import Checklist
from prep.model.meeting import (
    DRAFT,
    Answer,
    Debrief,
    FollowUp,
    Meeting,
    NeedVerdict,
    ObjectionOutcome,
    Rehearsal,
)
from prep.reports.inert import CONTROLS, inert
from prep.screens.base import EditingScreen
from prep.screens.brief import BriefScreen
from prep.screens.checklists import ChecklistsScreen
from prep.screens.debrief import DebriefScreen
from prep.screens.history import HistoryScreen
from prep.screens.new_preparation import NewPreparationScreen
from prep.screens.rehearsal import RehearsalScreen
from prep.screens.timeline import TimelineScreen
from prep.screens.walkthrough import WalkthroughScreen
from prep.storage import Store

MARKUP = "[/]Acme [b]bold[/b] [$error]red[/] [@click=app.quit]quit[/]"
HOSTILE = f"{MARKUP} \x1b[2J\x1b]0;owned\x07\x9b31m\x00end"


def on_screen(app: PrepApp) -> str:
    """Every cell of the screen on top, as a screenshot holds it (styles and SVG aside)."""
    svg = app.export_screenshot(simplify=True)
    texts = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(texts)).replace("\xa0", " ")


def assert_inert(app: PrepApp, *expected: str) -> None:
    shown = on_screen(app)
    assert [hex(ord(c)) for c in shown if ord(c) in CONTROLS] == [], type(app.screen).__name__
    for text in expected:
        assert text in shown, (type(app.screen).__name__, text)


def hostile_checklist(checklist: Checklist) -> Checklist:
    replace = msgspec.structs.replace
    sections = tuple(
        replace(section, title=f"{section.title} {HOSTILE}", intro=HOSTILE, items=tuple(
            replace(item, prompt=item.prompt and HOSTILE, objection=item.objection and HOSTILE,
                    point=item.point and HOSTILE, hint=HOSTILE, responses=tuple(HOSTILE for _ in item.responses),
                    say=item.say and HOSTILE)
            for item in section.items))
        for section in checklist.sections
    )
    criteria = tuple(f"{criterion} {HOSTILE}" for criterion in checklist.exit_criteria)  # distinct, as each is a key
    return replace(checklist, title=HOSTILE, sections=sections, exit_criteria=criteria, changes=HOSTILE)


def hostile_meetings() -> tuple[Meeting, Meeting]:
    """A debriefed meeting and a draft, every text in them the rep's or the trainer's hostile one."""
    met = debriefed_meeting(
        HOSTILE, 2, outcome=HOSTILE, notes=HOSTILE, unprepared=[HOSTILE], rating=3, contact_wish="less",
        contact_rhythm="monthly", needs={"needs/situation": NeedVerdict(verdict="changed", note=HOSTILE)},
        objections={"objections/no-need": ObjectionOutcome(came_up=True, landed="well")},
        followups=[FollowUp(text=HOSTILE, due=NOW.date()), FollowUp(text=f"done {HOSTILE}", done=True)],
    )
    met.contact, met.goal = HOSTILE, HOSTILE
    met.checklist = hostile_checklist(met.checklist)
    for key in ("needs/situation", "objections/no-need"):
        met.answers[key].text = HOSTILE
    for section, item in met.checklist.items("trust"):
        met.answers[section.key(item)] = Answer(text=HOSTILE, done=True)
    met.rehearsal["objections/no-need"] = Rehearsal(answer=HOSTILE, verdict="so-so")
    draft = msgspec.structs.replace(met, id="draft", status=DRAFT, when=NOW + timedelta(days=2), debrief=None,
                                    carried={"needs": [HOSTILE], "objections": [HOSTILE]})
    return met, draft


@pytest.fixture
def hostile_db(db_path: Path) -> Path:
    store = Store(db_path)
    for meeting in hostile_meetings():
        store.save(meeting)
    store.close()
    return db_path


def stored(db_path: Path) -> list[str]:
    """Every text the rep's meetings hold, sorted (opening a debrief adds empty verdicts: not a text)."""
    store = Store(db_path)
    texts: list[str] = []
    for meeting in store.meetings(s.id for s in store.summaries()):
        debrief = meeting.debrief or Debrief()
        texts += [meeting.customer, meeting.contact, meeting.goal, debrief.outcome, debrief.notes, *debrief.unprepared]
        texts += [a.text for a in meeting.answers.values()] + [r.answer for r in meeting.rehearsal.values()]
        texts += [f.text for f in debrief.followups] + [v.note for v in debrief.needs.values()]
        texts += [line for carried in meeting.carried.values() for line in carried]
    return sorted(texts)


async def visit(app: PrepApp, pilot, screen: Screen[object], *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Open a screen and press keys on it, looking at what it shows after each."""
    await app.push_screen(screen)
    await settle(app, pilot)
    for key in keys:
        assert_inert(app)
        await press(app, pilot, key)
    assert_inert(app)


async def test_every_screen_shows_saved_text_as_it_is(hostile_db: Path) -> None:
    before = stored(hostile_db)
    app = PrepApp(hostile_db, now=fixed_now)
    async with app.run_test(size=(200, 60)) as pilot:
        await settle(app, pilot)
        assert_inert(app, "[/]Acme [b]bold[/b]")  # home: drafts, follow-ups, recent meetings
        met, draft = (app.store.meeting(s.id) for s in sorted(app.store.summaries(), key=lambda s: s.is_draft))
        assert met is not None and draft is not None and draft.is_draft
        # Every step (up-front contract, needs, objections, trust, readiness), then the required items still empty.
        steps = len(draft.checklist.sections)
        await visit(app, pilot, WalkthroughScreen(draft), *["pagedown"] * (steps - 1), "ctrl+s")
        assert_inert(app, "[$error]red[/]")
        await press(app, pilot, "escape")
        for screen, keys in ((BriefScreen(met), ()), (RehearsalScreen(met, keep=False), ("ctrl+s",)),
                             (DebriefScreen(met), ()), (TimelineScreen(met.customer), ()), (HistoryScreen(), ("down",))):
            if isinstance(app.screen, EditingScreen):
                app.screen.flush_draft()  # what it holds is written now, not when its timer comes round
            app.pop_screen()
            await settle(app, pilot)
            await visit(app, pilot, screen, *keys)
            assert_inert(app, "[/]Acme [b]bold[/b]")
        await press(app, pilot, "question_mark")
        assert_inert(app)
    assert stored(hostile_db) == before  # shown, never rewritten: only what the rep edits changes


async def test_what_the_rep_types_is_never_read_as_markup(hostile_db: Path) -> None:
    app = PrepApp(hostile_db, now=fixed_now)
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await visit(app, pilot, NewPreparationScreen())
        form = app.screen
        form.query_one("#customer", Input).value = inert(HOSTILE, one_line=True)  # as the form suggests it
        form.query_one("#date", Input).value = "[/]tomorrow [b]x"
        await press(app, pilot, "ctrl+s")  # the form is checked, and the date refused
        assert_inert(app, "What we know", "'[/]tomorrow [b]x' is not a date")
        app.pop_screen()
        await visit(app, pilot, HistoryScreen())
        app.screen.query_one("#since", Input).value = "[/]"
        await settle(app, pilot)
        assert_inert(app, "From: '[/]'")
        app.screen.query_one("#since", Input).value = ""
        app.screen.query_one("#filter", Input).value = "[/]nothing [b]like this"
        await settle(app, pilot)
        assert_inert(app, "No meeting matches “[/]nothing [b]like this”")
        await press(app, pilot, "ctrl+p")
        app.screen.query_one(Input).value = "[/]acme"
        await settle(app, pilot)
        assert_inert(app, "Search the history for “[/]acme”", "Open customer [/]Acme [b]bold")


async def test_toasts_show_names_and_follow_ups_as_they_are(hostile_db: Path) -> None:
    app = PrepApp(hostile_db, now=fixed_now)
    async with app.run_test(size=(160, 50), notifications=True) as pilot:
        await settle(app, pilot)
        met = next(s for s in app.store.summaries() if not s.is_draft)
        app.mark_followup_done(met.id, next(f.id for f in met.followups if not f.done))
        await settle(app, pilot)
        assert_inert(app, "Done: [/]Acme [b]bold[/b]")


async def test_a_trainers_file_is_listed_and_previewed_as_it_is(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    team = tmp_path / "team"
    team.mkdir()
    title = '"[/]Team [b]bold[/b] \\e[2J\\x9b31m"'  # YAML's double quotes spell ESC as \e
    (team / "call.yaml").write_text(
        f"schema: 1\nid: team-call\ntitle: {title}\nsections:\n  - id: n\n    kind: needs\n    title: {title}\n"
        f"    intro: {title}\n    items:\n      - id: a\n        prompt: {title}\n", encoding="utf-8")
    (team / "broken.yaml").write_text('schema: 1\nid: broken\ntitle: x\n"[/]sec\\e[2Jtions": []\n', encoding="utf-8")
    monkeypatch.setenv("PREP_CHECKLISTS", str(team))
    app = PrepApp(db_path, now=fixed_now)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(app, pilot)
        await visit(app, pilot, ChecklistsScreen())
        assert_inert(app, "[/]Team [b]bold[/b] \\x1b[2J\\x9b31m", "`[/]sec\\x1b[2Jtions`")  # the problem, wrapped
