"""The `prep` command line. Errors are printed as one line on stderr, never as a traceback."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from prep import __version__, locations
from prep.errors import PrepError

MAX_DEMO_MEETINGS = 200_000


def _parser() -> argparse.ArgumentParser:
    # `--db` is accepted before or after the subcommand: both parsers know it,
    # and SUPPRESS keeps the subcommand's missing value from hiding the main one.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file to use (default: $PREP_DB, else your data folder)")
    parser = argparse.ArgumentParser(
        prog="prep", parents=[common],
        description="Get ready for a customer meeting in ten focused minutes, and keep what you learned.",
    )
    parser.add_argument("--version", action="version", version=f"prep {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = commands.add_parser("demo", parents=[common], help="open the app on a fresh demo database")
    demo.add_argument("--meetings", type=_count, metavar="N", help="how many meetings to write (default: a small history)")
    demo.add_argument("--no-app", action="store_true", help="only write the demo database, do not open the app")
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
    """Run prep with these arguments; the exit code says whether it worked."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "demo":
            return _demo(args)
        return _run_app(locations.database_path(getattr(args, "db", None)))
    except PrepError as error:
        print(f"prep: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run_app(db_path: Path) -> int:
    from prep.app import PrepApp

    app = PrepApp(db_path)
    app.run()
    return app.return_code or 0


def _demo(args: argparse.Namespace) -> int:
    from prep.checklist_loader import load_library
    from prep.demo import demo_meetings
    from prep.store import Store

    explicit = getattr(args, "db", None)
    if args.no_app and not explicit:
        raise PrepError("demo --no-app needs --db PATH: where should the demo database go?")
    temp_dir = None if explicit else Path(tempfile.mkdtemp(prefix="prep-demo-"))
    path = Path(explicit).expanduser() if explicit else temp_dir / "demo.json"  # type: ignore[operator]
    if path.exists() and path.stat().st_size > 0:
        raise PrepError(f"{path}: already exists; demo data goes into a new file — pick another path or delete this one")
    try:
        library = load_library()
        checklists = library.ordered()
        if not checklists:
            raise PrepError("no checklist could be loaded for the demo; run `prep checklists list` to see why")
        store = Store(path)
        written = store.add_many(demo_meetings(checklists, datetime.now(), args.meetings))
        store.close()
        if args.no_app:
            print(f"wrote {written:,} demo meetings to {path}")
            return 0
        return _run_app(path)
    finally:
        if temp_dir is not None:
            shutil.rmtree(temp_dir, ignore_errors=True)
