"""The command line's coaching commands: `prep report` for the rep, `prep export --format trainer` for
the rep's trainer (a pseudonym, objections met unprepared only as the rep kept them), `prep team report` for the trainer."""

from __future__ import annotations

import argparse
import secrets
import sys
from datetime import date, datetime
from pathlib import Path

from prep.errors import InputError, PrepError
from prep.language import N_, _
from prep.reports.inert import inert
from prep.settings import Settings
from prep.storage import Store, private_folder, write_file

PSEUDONYM_FILE = "pseudonym"
YES = ("yes", "y", "ja", "j")


def since_day(text: str | None) -> date | None:
    """The day `--since` names, any way the rep types days; InputError names the option."""
    from prep.dates import parse_day

    today = datetime.now().date()
    try:
        day = parse_day(text, today) if text else None
    except InputError as error:
        raise InputError(f"--since: {error}") from None
    if day is not None and day > today:
        raise InputError(_("--since: {day} is still to come; name a day that has passed, e.g. 1.9. of this year").format(
            day=day.isoformat()))
    return day


def put(text: str, output: str | None) -> None:
    """The text into `-o FILE` (written whole, readable by the rep only), or onto the screen."""
    if output:
        write_file(Path(output), text, fix=N_("choose another file with -o"))
    else:
        sys.stdout.write(inert(text))


def report(args: argparse.Namespace, settings: Settings) -> int:
    """`prep report`: the rep's own coaching report."""
    from prep.insights.coaching import coaching
    from prep.reports.coaching import coaching_csv, coaching_json, coaching_markdown

    since = since_day(args.since)
    store = Store(settings.database)
    figures = coaching(store.meetings(s.id for s in store.summaries() if not s.is_draft), since)
    put({"md": coaching_markdown, "csv": coaching_csv, "json": coaching_json}[args.format](figures), args.output)
    return 0


def trainer_file(args: argparse.Namespace, settings: Settings) -> str:
    """`prep export --format trainer`: the objections met unprepared that the rep kept in the app; with --review,
    each of the others is asked about too (a one-off answer, not remembered: the app's list is where a choice is kept)."""
    from prep.reports.trainer import export_trainer

    if args.customer:
        raise PrepError(_("the trainer export is anonymised: it cannot be limited to one customer"))
    if args.review and not sys.stdin.isatty():
        raise PrepError(_("--review asks about each objection on a terminal; run it in one"))
    keep = _ask_to_keep if args.review else None
    return export_trainer(Store(settings.database), pseudonym=pseudonym(settings), since=since_day(args.since), keep=keep)


def _ask_to_keep(text: str) -> bool:
    question = _("Met unprepared: {text} — give this to your trainer? Type yes to keep it: ").format(text=text)
    return input(inert(question, one_line=True)).strip().lower() in YES


def pseudonym(settings: Settings) -> str:
    """This rep's random, stable name in trainer files (made once, kept in the state folder): never their own."""
    path = settings.state_file.parent / PSEUDONYM_FILE
    try:
        name = path.read_text(encoding="utf-8").strip()
    except OSError:
        name = ""
    if not name:
        name = f"rep-{secrets.token_hex(3)}"
        private_folder(path.parent, fix=N_("check the permissions of your state folder"))
        write_file(path, name + "\n", fix=N_("check the permissions of your state folder"))
    return name


def team(args: argparse.Namespace, settings: Settings) -> int:
    """`prep team report FILES…`: many reps' trainer files as one report; with --since, from the month of that day on."""
    from prep.reports.coaching import coaching_csv, coaching_json
    from prep.reports.trainer import merged, read_trainer_file, team_markdown

    since = since_day(args.since)
    reports, whose = [], {}
    for name in args.files:
        report = read_trainer_file(Path(name), since)
        for rep in report.reps:
            if rep in whose:  # the same rep's meetings twice: every figure would count them twice
                raise PrepError(_("{path} and {other} both come from {rep}; give each rep's file once (the newest)")
                                .format(path=name, other=whose[rep], rep=rep))
            whose[rep] = name
        reports.append(report)
    figures = merged(reports)
    if since is not None:
        figures.since = since.replace(day=1).isoformat()  # whole months: the report says from which day it counts
    put({"md": team_markdown, "csv": coaching_csv, "json": coaching_json}[args.format](figures), args.output)
    return 0
