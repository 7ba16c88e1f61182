"""The arguments `prep` takes, read by argparse in the rep's language.

The help, the usage line and every complaint about the arguments are in the language
`prep.language` speaks when `parse` is called. argparse's own words ("usage: ", "options",
"invalid choice: …") go through the `_` and `ngettext` it imports from gettext, which read
a catalog of the domain Python's `gettext.textdomain` names, in the language of the locale
variables rather than PREP_LANG. While prep's arguments are read, argparse uses prep's own
`_` and `ngettext` instead; their German is in prep's catalog, marked in ARGPARSE_WORDS.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Iterator, Sequence
from typing import NoReturn

from prep import __version__
from prep.language import N_, _, ngettext, number
from prep.reports.inert import inert

MAX_DEMO_MEETINGS = 200_000

# What argparse itself may say to a rep of prep's arguments (Python 3.11 to 3.13 word them
# so), marked here for the catalog. argparse translates them when it shows them.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
)


@contextlib.contextmanager
def _argparse_speaking_prep() -> Iterator[None]:
    """argparse's words in prep's language while prep's arguments are read; as before afterwards."""
    before = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = before  # type: ignore[attr-defined]


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """Read `argv` (else sys.argv); help, usage and errors in the language prep speaks now.

    Exits as argparse does: 0 after --help or --version, 2 with one line on stderr for arguments it cannot read.
    """
    with _argparse_speaking_prep():
        return parser().parse_args(argv)


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages made inert: they repeat arguments as they were given."""

    def error(self, message: str) -> NoReturn:
        super().error(inert(message, one_line=True))


def parser() -> argparse.ArgumentParser:
    """prep's arguments and commands, their help in the language prep speaks now."""
    # `--db` is accepted before or after the subcommand: both parsers know it,
    # and SUPPRESS keeps the subcommand's missing value from hiding the main one.
    path, file = _("PATH"), _("FILE")
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar=path, default=argparse.SUPPRESS,
                        help=_("database file to use (default: $PREP_DB, else your data folder)"))
    parser = _Parser(
        prog="prep", parents=[common],
        description=_("Get ready for a customer meeting in ten focused minutes, and keep what you learned."),
    )
    drafts = _("also offer checklists marked `status: draft` (for trainers trying them out)")
    parser.add_argument("--drafts", action="store_true", default=argparse.SUPPRESS, help=drafts)
    parser.add_argument("--version", action="version", version=f"prep {__version__}",
                        help=_("show program's version number and exit"))
    commands = parser.add_subparsers(dest="command", metavar=_("COMMAND"))
    # For the demo, --db names a new file to write into; without it (and PREP_DB) a temporary one is used.
    demo_target = _Parser(add_help=False)
    demo_target.add_argument("--db", metavar=path, default=argparse.SUPPRESS,
                             help=_("a new file to write the demo into (default: $PREP_DB, else a temporary file)"))
    demo = commands.add_parser("demo", parents=[demo_target], help=_("open the app on a fresh demo database"))
    demo.add_argument("--meetings", type=_count, metavar="N", help=_("how many meetings to write (default: a small history)"))
    demo.add_argument("--no-app", action="store_true", help=_("only write the demo database, do not open the app"))
    demo.add_argument("--keep", action="store_true",
                      help=_("keep the temporary demo database after quitting, to open it again with --db"))

    export = commands.add_parser("export", parents=[common], help=_("write your notes as JSON, Markdown or CSV"))
    export.add_argument("--format", choices=("json", "md", "csv", "trainer"), default="json",
                        help=_("json: everything, for a backup or import; md: the briefs; csv: a line a meeting; "
                               "trainer: anonymised counts of objections prepared and met"))
    export.add_argument("--customer", metavar="NAME", help=_("only this customer's meetings"))
    export.add_argument("-o", "--output", metavar=file, help=_("write to FILE instead of the screen"))
    export.add_argument("--since", metavar=_("DAY"), help=_("trainer: only meetings on or after this day"))
    export.add_argument("--review", action="store_true",
                        help=_("trainer: also ask about each objection met unprepared that you did not keep in the app "
                               "(For your trainer); without it, only those kept there go in"))

    report = commands.add_parser("report", parents=[common],
                                 help=_("how your objections landed, your needs proved right, your relationships went"))
    report.add_argument("--format", choices=("md", "csv", "json"), default="md",
                        help=_("md: to read, with bars; csv: a line per objection and need; json: every figure"))
    report.add_argument("--since", metavar=_("DAY"), help=_("only meetings on or after this day (2026-09-01, 1.9., KW 36…)"))
    report.add_argument("-o", "--output", metavar=file, help=_("write to FILE instead of the screen"))

    team = commands.add_parser("team", parents=[common], help=_("for trainers: many reps' trainer files as one"))
    team_actions = team.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    merge = team_actions.add_parser("report", parents=[common], help=_("one coaching report over every rep's trainer file"))
    merge.add_argument("files", nargs="+", metavar=file)
    merge.add_argument("--since", metavar=_("DAY"),
                       help=_("only the months from the month of this day on: a trainer file counts whole months"))
    merge.add_argument("--format", choices=("md", "csv", "json"), default="md",
                       help=_("md: to read, with bars and YAML to paste; csv: a line per objection and need; json: every figure"))
    merge.add_argument("-o", "--output", metavar=file, help=_("write to FILE instead of the screen"))

    plan = commands.add_parser("new", parents=[common], help=_("start a preparation from a script or a calendar hook; "
                                                               "prints its id"))
    plan.add_argument("--customer", required=True, metavar=_("NAME"), help=_("who the meeting is with (the company)"))
    plan.add_argument("--when", required=True, metavar=_("WHEN"), help=_("day and time: tomorrow 14:30, 1.12. 10 Uhr, "
                                                                          "2026-12-01 (9:00 without a time)"))
    plan.add_argument("--with", dest="people", action="append", default=[], metavar=_("PERSON"),
                      help=_("someone you meet, e.g. \"Katrin Brandt, COO\" (again for each)"))
    plan.add_argument("--goal", metavar=_("TEXT"), help=_("what should be true when you leave"))
    plan.add_argument("--type", metavar=_("TYPE"), help=_("the meeting type the checklist is chosen for (default first-meeting)"))
    plan.add_argument("--checklist", metavar="ID", help=_("this checklist instead of the one suggested"))
    opening = commands.add_parser("open", parents=[common], help=_("open the app on a meeting (its id, or its start)"))
    opening.add_argument("meeting", metavar="ID")

    restore = commands.add_parser("import", parents=[common], help=_("restore a JSON export"))
    restore.add_argument("file", metavar=file)

    customers = commands.add_parser("customers", parents=[common], help=_("customer cards and the people on them"))
    cards = customers.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    crm = cards.add_parser("import", parents=[common], help=_("customers and their people from a CRM export (CSV) or "
                                                              "vCards: shows what changes, then asks"))
    crm.add_argument("file", metavar=file)
    crm.add_argument("--map", action="append", default=[], metavar=_("COLUMN=FIELD"),
                     help=_("read this column as this field, e.g. 'Firma=customer' (again for each); "
                            "a field prep does not know lists them"))
    crm.add_argument("--yes", action="store_true", help=_("do not ask first"))

    calendar = commands.add_parser("calendar", parents=[common], help=_("coming meetings from your calendar, to prepare"))
    calendar_actions = calendar.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    ics = calendar_actions.add_parser("import", parents=[common], help=_("the coming meetings with customers from an .ics "
                                                                          "export (Outlook, Google, Apple) as appointments to prepare"))
    ics.add_argument("file", metavar=file)
    ics.add_argument("--weeks", type=int, default=4, metavar="N", help=_("how many weeks ahead, from today (default 4)"))
    ics.add_argument("--me", metavar=_("ADDRESS"), help=_("your e-mail address: attendees from your domain are your colleagues "
                                                         "(remembered; default $PREP_ME)"))
    ics.add_argument("--dry-run", action="store_true", help=_("show what would change, save nothing"))

    checklists = commands.add_parser("checklists", parents=[common], help=_("list, check and start checklists (for trainers)"))
    trainer = checklists.add_subparsers(dest="action", metavar=_("ACTION"), required=True)
    listing = trainer.add_parser("list", parents=[common], help=_("every checklist: id, title, language, version, source"))
    listing.add_argument("--drafts", action="store_true", default=argparse.SUPPRESS, help=drafts)
    check = trainer.add_parser("validate", parents=[common], help=_("check checklist files or folders"))
    check.add_argument("paths", nargs="+", metavar=path)
    start = trainer.add_parser("new", parents=[common], help=_("write a commented starter file into your checklist folder"))
    start.add_argument("id", metavar="ID")
    start.add_argument("--lang", default=None, choices=("en", "de"),
                       help=_("the language of the starter checklist (default: the language prep speaks)"))
    start.add_argument("--from", dest="start_from", metavar="ID",
                       help=_("start from a copy of this checklist (a built-in's too) instead of the starter"))
    start.add_argument("--folder", metavar=path, help=_("write into this folder (a team's) instead of yours"))
    start.add_argument("--replace", action="store_true",
                       help=_("the id is a checklist's already, and the new file is meant to replace it"))
    schema = trainer.add_parser("schema", parents=[common], help=_("print the JSON Schema of the checklist format"))
    schema.add_argument("--write", metavar=path, help=_("write it into this checklist folder, for editors, instead"))

    followups = commands.add_parser("followups", parents=[common], help=_("open follow-ups, overdue first"))
    followups.add_argument("--ics", metavar=file, help=_("also write them as a calendar file"))

    commands.add_parser("repair", parents=[common],
                        help=_("set damaged database files aside and keep everything that still reads"))

    forget = commands.add_parser(
        "forget", parents=[common],
        help=_("erase everything about a customer (run it again to finish one that was interrupted)"))
    forget.add_argument("customer", metavar=_("CUSTOMER"))
    forget.add_argument("--person", metavar=_("NAME"),
                        help=_("erase only this person of the customer's, from the card, every meeting and every copy"))
    forget.add_argument("--yes", action="store_true", help=_("do not ask first"))
    return parser


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{text!r} is not a whole number").format(text=text)) from None
    if not 0 <= value <= MAX_DEMO_MEETINGS:
        raise argparse.ArgumentTypeError(_("give a number from 0 to {largest}").format(largest=number(MAX_DEMO_MEETINGS)))
    return value
