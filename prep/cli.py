"""The `prep` command line. Errors are printed as one line on stderr, never as a traceback.

Everything it prints, on stdout and stderr, goes through `inert` first: customer names,
follow-ups, paths and checklist text are the rep's or a file's, and a control character
in them must reach the terminal as a visible escape, never as something it acts on.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import NoReturn

from prep import __version__
from prep.errors import PrepError
from prep.reports.inert import inert
from prep.settings import Settings

MAX_DEMO_MEETINGS = 200_000
# What a shell reports for a program that SIGPIPE ended (128 + 13), as `cat` or `grep` would be.
BROKEN_PIPE = 141


def _say(text: str, *, one_line: bool = True) -> None:
    """Print to stdout, made inert; most of what prep prints is promised to be a line each."""
    sys.stdout.write(inert(text, one_line=one_line) + ("\n" if one_line else ""))


def _complain(text: str) -> None:
    """One line on stderr, made inert (a name or a path in it cannot split it or act on the terminal)."""
    sys.stderr.write(inert(text, one_line=True) + "\n")


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages made inert: they repeat arguments as they were given."""

    def error(self, message: str) -> NoReturn:
        super().error(inert(message, one_line=True))


def _parser() -> argparse.ArgumentParser:
    # `--db` is accepted before or after the subcommand: both parsers know it,
    # and SUPPRESS keeps the subcommand's missing value from hiding the main one.
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file to use (default: $PREP_DB, else your data folder)")
    parser = _Parser(
        prog="prep", parents=[common],
        description="Get ready for a customer meeting in ten focused minutes, and keep what you learned.",
    )
    parser.add_argument("--version", action="version", version=f"prep {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # For the demo, --db names a new file to write into; without it (and PREP_DB) a temporary one is used.
    demo_target = _Parser(add_help=False)
    demo_target.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                             help="a new file to write the demo into (default: $PREP_DB, else a temporary file)")
    demo = commands.add_parser("demo", parents=[demo_target], help="open the app on a fresh demo database")
    demo.add_argument("--meetings", type=_count, metavar="N", help="how many meetings to write (default: a small history)")
    demo.add_argument("--no-app", action="store_true", help="only write the demo database, do not open the app")
    demo.add_argument("--keep", action="store_true",
                      help="keep the temporary demo database after quitting, to open it again with --db")

    export = commands.add_parser("export", parents=[common], help="write your notes as JSON, Markdown or CSV")
    export.add_argument("--format", choices=("json", "md", "csv", "trainer"), default="json",
                        help="json: everything, for a backup or import; md: the briefs; csv: a line a meeting; "
                             "trainer: anonymised counts of objections prepared and met")
    export.add_argument("--customer", metavar="NAME", help="only this customer's meetings")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the screen")

    restore = commands.add_parser("import", parents=[common], help="restore a JSON export")
    restore.add_argument("file", metavar="FILE")

    checklists = commands.add_parser("checklists", parents=[common], help="list, check and start checklists (for trainers)")
    trainer = checklists.add_subparsers(dest="action", metavar="ACTION", required=True)
    trainer.add_parser("list", parents=[common], help="every checklist: id, title, language, version, source")
    check = trainer.add_parser("validate", parents=[common], help="check checklist files or folders")
    check.add_argument("paths", nargs="+", metavar="PATH")
    start = trainer.add_parser("new", parents=[common], help="write a commented starter file into your checklist folder")
    start.add_argument("id", metavar="ID")
    start.add_argument("--lang", default="en", choices=("en", "de"))
    trainer.add_parser("schema", parents=[common], help="print the JSON Schema of the checklist format")

    followups = commands.add_parser("followups", parents=[common], help="open follow-ups, overdue first")
    followups.add_argument("--ics", metavar="FILE", help="also write them as a calendar file")

    commands.add_parser("repair", parents=[common],
                        help="set damaged database files aside and keep everything that still reads")

    forget = commands.add_parser("forget", parents=[common],
                                 help="erase everything about a customer (run it again to finish one that was interrupted)")
    forget.add_argument("customer", metavar="CUSTOMER")
    forget.add_argument("--yes", action="store_true", help="do not ask first")
    return parser


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 0 <= value <= MAX_DEMO_MEETINGS:
        raise argparse.ArgumentTypeError(f"give a number from 0 to {MAX_DEMO_MEETINGS:,}")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run prep with these arguments; the exit code says whether it worked.

    A reader that stops early (`prep export | head`) ends prep quietly, with the exit
    code of a program that SIGPIPE ended, so a script can still tell the output was cut.
    """
    try:
        try:
            return _main(argv)
        finally:
            # Written out here, while a closed pipe can still be caught, not at exit.
            sys.stdout.flush()
    except BrokenPipeError:
        # What is still buffered goes nowhere, so the flush at exit has nothing to complain about.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return BROKEN_PIPE


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    commands = {"demo": _demo, "export": _export, "import": _import, "forget": _forget,
                "checklists": _checklists, "followups": _followups, "repair": _repair}
    try:
        settings = Settings.from_environment(db=getattr(args, "db", None))
        if args.command in commands:
            return commands[args.command](args, settings)
        return _run_app(settings)
    except PrepError as error:
        _complain(f"prep: {error}")
        return 1
    except BrokenPipeError:
        raise  # stdout's reader is gone: main ends quietly; not a path to check
    except OSError as error:
        _complain(f"prep: {error.filename or ''}: {error.strerror or error}; check the path and its permissions")
        return 1
    except KeyboardInterrupt:
        return 130


def _run_app(settings: Settings) -> int:
    from prep.app import PrepApp

    app = PrepApp(settings=settings)
    app.run()
    return app.return_code or 0


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from prep.app import PrepApp
    from prep.demo import DemoRun, demo_meetings
    from prep.library.loader import load_library
    from prep.storage import Store

    # --db or PREP_DB name the file the demo goes into; it must not hold anything yet, so a
    # PREP_DB that points at the rep's real database is refused, never written into.
    chosen = settings.database if settings.database_named else None
    if args.no_app and chosen is None:
        raise PrepError("demo --no-app needs --db PATH (or PREP_DB): where should the demo database go?")
    temp_dir = None if chosen else Path(tempfile.mkdtemp(prefix="prep-demo-"))
    path = chosen or temp_dir / "demo.json"  # type: ignore[operator]
    store = Store(path)
    if store.exists() or (path.exists() and path.stat().st_size > 0):
        if not getattr(args, "db", None):
            raise PrepError(f"{path} (PREP_DB): already holds data, which the demo leaves alone; "
                            "name a new file with --db, or unset PREP_DB for a temporary demo")
        raise PrepError(f"{path}: already exists; demo data goes into a new file — pick another path or delete this one")
    try:
        library = load_library(settings)
        checklists = library.ordered()
        if not checklists:
            raise PrepError("no checklist could be loaded for the demo; run `prep checklists list` to see why")
        shipped = list(demo_meetings(checklists, datetime.now(), args.meetings))
        written = store.add_many(shipped)
        store.close()
        if args.no_app:
            _say(f"wrote {written:,} demo meetings to {path}")
            return 0
        # Only a temporary demo offers to keep what the rep prepared: with --db or PREP_DB the
        # demo file is theirs already.
        run = DemoRun(frozenset(m.id for m in shipped), None if chosen else settings.database)
        app = PrepApp(settings=replace(settings, database=path), demo=run)
        app.run()
        for line in _after_the_demo(app.demo_kept, settings.database, path if chosen or args.keep else None).splitlines():
            _say(line)
        if temp_dir is not None and args.keep:
            temp_dir = None  # left for the rep, as they asked
        return app.return_code or 0
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)


def _after_the_demo(kept: int | None, own: Path, demo_file: Path | None) -> str:
    """What the rep reads on leaving the demo: what was kept, and how to go on with their own data."""
    from prep.reports.wording import counted

    if kept:
        said = [f"Kept {counted(kept, 'meeting')} you prepared in the demo, in your own database ({own})."]
    elif demo_file is not None:
        said = ["That was the demo."]
    else:
        said = ["That was the demo: nothing you did in it was kept."]
    if demo_file is not None:
        said.append(f"The demo database stays; open it again with:  prep --db {demo_file}")
    said.append("Open them with your own data:  prep" if kept else "Start with your own data:  prep")
    return "\n".join(said)


def _store(settings: Settings):  # type: ignore[no-untyped-def]
    from prep.storage import Store

    return Store(settings.database)


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from prep.reports.export import export_csv, export_json, export_markdown
    from prep.reports.trainer import export_trainer
    from prep.storage import write_file

    store = _store(settings)
    if args.format == "trainer":
        if args.customer:
            raise PrepError("the trainer export is anonymised: it cannot be limited to one customer")
        text = export_trainer(store)
    elif args.format == "json":
        text = export_json(store, args.customer, datetime.now())
    elif args.format == "md":
        text = export_markdown(store, args.customer)
    else:
        text = export_csv(store, args.customer)
    if args.output:
        # A file gets the text as exported; each format has already made it safe for its readers.
        write_file(Path(args.output), text, fix="choose another file with -o")
    else:
        _say(text, one_line=False)
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    from prep.reports.export import import_json

    done = import_json(_store(settings), Path(args.file))
    _say(f"{args.file}: {done.new:,} new, {done.updated:,} updated, {done.unchanged:,} already there as in the file")
    return 0


def _forget(args: argparse.Namespace, settings: Settings) -> int:
    from prep.errors import StoreError, UnfinishedErasure
    from prep.insights.customers import NoSuchCustomer, mentions, plan_erasure
    from prep.reports.brief import delete_briefs, saved_briefs
    from prep.reports.wording import counted, erasure_line, mention_line

    store = _store(settings)
    # Whatever stopped an earlier forget half way is finished first: forgetting again always completes it.
    finished = store.finish_forgetting(everywhere=True)
    if finished:
        _say(f"Finished erasing {counted(finished, 'meeting')} that an interrupted `prep forget` left in old copies.")
    briefs = saved_briefs(settings.briefs)
    try:
        erasure = plan_erasure(store, args.customer)
    except NoSuchCustomer:
        if not store.erased():
            raise
        return _forget_erased(args, store, briefs)
    theirs = [path for path, name in briefs.items() if name == erasure.customer]
    _say(f"This erases {erasure_line(erasure)}.")
    if theirs:
        _say(f"It deletes the {counted(len(theirs), 'brief')} prep saved for them: {', '.join(map(str, theirs))}.")
    _say("Exports you made with `prep export` are yours to delete.")
    if not _confirmed(args, f"Erase {erasure.customer} for good?"):
        _say("Nothing was erased.")
        return 1
    try:
        store.forget(erasure.customer)
    except UnfinishedErasure:
        raise
    except StoreError as error:
        raise PrepError(f"nothing was erased: {error}") from None
    delete_briefs(theirs)
    _say(f"Erased {erasure.customer}.")
    mentioned = mentions(store.summaries(), erasure.customer)
    if mentioned:
        _say(mention_line(erasure.customer, mentioned))
    return 0


def _repair(args: argparse.Namespace, settings: Settings) -> int:
    result = _store(settings).repair(datetime.now())
    if not result.needed:
        _say(f"Nothing to repair: {settings.database} reads whole.")
        return 0
    for original, aside in result.set_aside:
        _say(f"Set aside {original.name} as {aside.name} (nothing was deleted).")
    if result.skipped_lines:
        _say(f"Left out journal lines that do not read: {', '.join(map(str, result.skipped_lines))}.")
    _say(f"Kept {result.meetings:,} meetings; prep can write to {settings.database} again.")
    return 0


def _forget_erased(args: argparse.Namespace, store, briefs: dict[Path, str]) -> int:  # type: ignore[no-untyped-def]
    """No meeting has the name any more, and prep has erased before: a rerun, done once the briefs are gone too."""
    from prep.insights.customers import matching_customers
    from prep.reports.brief import delete_briefs
    from prep.reports.wording import counted

    # Briefs of customers no longer in the database: those of the one erased (the rerun of a
    # forget stopped before it deleted them), picked by the name as the first run picked it.
    gone = {name for name in briefs.values()} - set(store.customers())
    names = matching_customers(gone, args.customer)
    theirs = [path for path, name in briefs.items() if name in names]
    if len(names) > 1:
        _say(f"Saved briefs of several erased customers match {args.customer!r}: {'; '.join(names)} — "
              "run again with the full name to delete them.")
    elif theirs:
        _say(f"{names[0]} is erased; the {counted(len(theirs), 'brief')} prep saved for them are left: "
              f"{', '.join(map(str, theirs))}.")
        if not _confirmed(args, f"Delete the briefs of {names[0]}?"):
            _say("The briefs were kept.")
            return 1
        delete_briefs(theirs)
    _say(f"Nothing called {args.customer!r} is left in {store.path}: the {counted(store.erased(), 'meeting')} "
          "erased with `prep forget` are kept only as ids, so that no running copy saves them again.")
    return 0


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise PrepError("nothing was erased: there is no terminal to ask on; run again with --yes to erase")
    return input(inert(f"{question} Type yes to confirm: ")).strip().lower() in ("yes", "y")


def _checklists(args: argparse.Namespace, settings: Settings) -> int:
    from prep.library import authoring as trainer
    from prep.library.format import json_schema
    from prep.library.loader import load_library

    if args.action == "list":
        for line in trainer.list_lines(load_library(settings)):
            _say(line)
        return 0
    if args.action == "validate":
        result = trainer.validate(args.paths)
        for problem in result.problems:
            _say(str(problem))
        if result.problems:
            _complain(result.summary())
            return 1
        _say(result.summary())
        return 0
    if args.action == "new":
        path = trainer.new_checklist(args.id, args.lang, settings.user_checklists)
        _say(f"wrote {path} — edit it, then run: prep checklists validate {path}")
        return 0
    _say(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", one_line=False)
    return 0


def _followups(args: argparse.Namespace, settings: Settings) -> int:
    from prep.insights.followups import open_followups
    from prep.reports.calendar import followups_ics
    from prep.reports.wording import followup_lines
    from prep.storage import write_file

    found = open_followups(_store(settings))
    now = datetime.now()
    for line in followup_lines(found, now.date()) or ["No open follow-ups."]:
        _say(line)
    if args.ics:
        path = Path(args.ics)
        write_file(path, followups_ics(found, now), fix="choose another file with --ics")
        _say(f"wrote {sum(1 for f in found if f.followup.due)} follow-ups to {path}")
    return 0
