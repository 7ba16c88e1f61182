"""The `prep` command line. Errors are printed as one line on stderr, never as a traceback.

It speaks the rep's language (see `prep.settings.language`), chosen before the arguments
are read, so that the help and argparse's complaints about them are in it too.

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

from prep import calendar_cli, coaching_cli, customers_cli, planning_cli
from prep.arguments import parse
from prep.errors import PrepError
from prep.language import N_, _, ngettext, number, use
from prep.reports.inert import inert
from prep.settings import Settings

# What a shell reports for a program that SIGPIPE ended (128 + 13), as `cat` or `grep` would be.
BROKEN_PIPE = 141
# What confirms an erasure, in English or in German, whichever language prep speaks.
YES = ("yes", "y", "ja", "j")


def _say(text: str, *, one_line: bool = True) -> None:
    """Print to stdout, made inert; most of what prep prints is promised to be a line each."""
    sys.stdout.write(inert(text, one_line=one_line) + ("\n" if one_line else ""))


def _complain(text: str) -> None:
    """One line on stderr, made inert (a name or a path in it cannot split it or act on the terminal)."""
    sys.stderr.write(inert(text, one_line=True) + "\n")


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
    use(Settings.from_environment().language)  # before the arguments: their help and errors speak it too
    args = parse(argv)
    commands = {"demo": _demo, "export": _export, "report": coaching_cli.report, "team": coaching_cli.team,
                "new": planning_cli.new, "open": _open,
                "import": _import, "forget": _forget,
                "customers": lambda args, settings: customers_cli.run(args, settings, _confirmed),
                "calendar": calendar_cli.run,
                "checklists": _checklists, "followups": _followups, "repair": _repair}
    try:
        settings = Settings.from_environment(db=getattr(args, "db", None))
        if getattr(args, "drafts", False):
            settings = replace(settings, drafts=True)
        if args.command in commands:
            return commands[args.command](args, settings)
        return _run_app(settings)
    except PrepError as error:
        _complain(f"prep: {error}")
        return 1
    except BrokenPipeError:
        raise  # stdout's reader is gone: main ends quietly; not a path to check
    except OSError as error:
        _complain("prep: " + _("{path}: {problem}; check the path and its permissions").format(
            path=error.filename or "", problem=error.strerror or error))
        return 1
    except KeyboardInterrupt:
        return 130


def _run_app(settings: Settings, meeting_id: str | None = None) -> int:
    from prep.app import PrepApp

    app = PrepApp(settings=settings, first_meeting=meeting_id)
    app.run()
    return app.return_code or 0


def _open(args: argparse.Namespace, settings: Settings) -> int:
    return _run_app(settings, planning_cli.meeting_id(args.meeting, settings))


def _demo(args: argparse.Namespace, settings: Settings) -> int:
    from prep.app import PrepApp
    from prep.demo import DemoRun, demo_customers, demo_meetings
    from prep.library.loader import load_library
    from prep.storage import Store

    # --db or PREP_DB name the file the demo goes into; it must not hold anything yet, so a
    # PREP_DB that points at the rep's real database is refused, never written into.
    chosen = settings.database if settings.database_named else None
    if args.no_app and chosen is None:
        raise PrepError(_("demo --no-app needs --db PATH (or PREP_DB): where should the demo database go?"))
    temp_dir = None if chosen else Path(tempfile.mkdtemp(prefix="prep-demo-"))
    path = chosen or temp_dir / "demo.json"  # type: ignore[operator]
    store = Store(path)
    if store.exists() or (path.exists() and path.stat().st_size > 0):
        if not getattr(args, "db", None):
            raise PrepError(_("{path} (PREP_DB): already holds data, which the demo leaves alone; "
                              "name a new file with --db, or unset PREP_DB for a temporary demo").format(path=path))
        raise PrepError(_("{path}: already exists; demo data goes into a new file — pick another path or "
                          "delete this one").format(path=path))
    try:
        library = load_library(settings)
        checklists = library.ordered()
        if not checklists:
            raise PrepError(_("no checklist could be loaded for the demo; run `prep checklists list` to see why"))
        shipped = list(demo_meetings(checklists, datetime.now(), args.meetings))
        written = store.add_many(shipped)
        store.save_customers(demo_customers(args.meetings))
        store.close()
        if args.no_app:
            _say(ngettext("wrote {count} demo meeting to {path}", "wrote {count} demo meetings to {path}",
                          written).format(count=number(written), path=path))
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
    if kept:
        said = [ngettext("Kept {count} meeting you prepared in the demo, in your own database ({path}).",
                         "Kept {count} meetings you prepared in the demo, in your own database ({path}).",
                         kept).format(count=number(kept), path=own)]
    elif demo_file is not None:
        said = [_("That was the demo.")]
    else:
        said = [_("That was the demo: nothing you did in it was kept.")]
    if demo_file is not None:
        said.append(_("The demo database stays; open it again with:  prep --db {path}").format(path=demo_file))
    said.append(_("Open them with your own data:  prep") if kept else _("Start with your own data:  prep"))
    return "\n".join(said)


def _store(settings: Settings):  # type: ignore[no-untyped-def]
    from prep.storage import Store

    return Store(settings.database)


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from prep.reports.export import export_csv, export_json, export_markdown
    from prep.storage import write_file

    if (args.since or args.review) and args.format != "trainer":
        raise PrepError(_("--since and --review belong to --format trainer"))
    store = _store(settings)
    if args.format == "trainer":
        text = coaching_cli.trainer_file(args, settings)
    elif args.format == "json":
        text = export_json(store, args.customer, datetime.now())
    elif args.format == "md":
        text = export_markdown(store, args.customer)
    else:
        text = export_csv(store, args.customer)
    if args.output:
        # A file gets the text as exported; each format has already made it safe for its readers.
        write_file(Path(args.output), text, fix=N_("choose another file with -o"))
    else:
        _say(text, one_line=False)
    return 0


def _import(args: argparse.Namespace, settings: Settings) -> int:
    from prep.reports.export import import_json

    done = import_json(_store(settings), Path(args.file))
    _say(_("{file}: {new} new, {updated} updated, {unchanged} already there as in the file").format(
        file=args.file, new=number(done.new), updated=number(done.updated), unchanged=number(done.unchanged)))
    if done.cards:
        _say(ngettext("{count} customer card added or brought up to date.", "{count} customer cards added or brought up to date.",
                      done.cards).format(count=number(done.cards)))
    return 0


def _forget(args: argparse.Namespace, settings: Settings) -> int:
    from prep.errors import StoreError, UnfinishedErasure
    from prep.insights.customers import NoSuchCustomer, mentions, plan_erasure
    from prep.reports.brief import delete_briefs, saved_briefs
    from prep.reports.wording import erasure_line, mention_line

    store = _store(settings)
    # Whatever stopped an earlier forget half way is finished first: forgetting again always completes it.
    finished = store.finish_forgetting(everywhere=True)
    if finished:
        _say(ngettext("Finished erasing {count} meeting that an interrupted `prep forget` left in old copies.",
                      "Finished erasing {count} meetings that an interrupted `prep forget` left in old copies.",
                      finished).format(count=number(finished)))
    if args.person is not None:
        return _forget_person(args, store)
    briefs = saved_briefs(settings.briefs)
    try:
        erasure = plan_erasure(store, args.customer)
    except NoSuchCustomer:
        if not store.erased():
            raise
        return _forget_erased(args, store, briefs)
    theirs = [path for path, name in briefs.items() if name == erasure.customer]
    _say(_("This erases {what}.").format(what=erasure_line(erasure)))
    if theirs:
        _say(ngettext("It deletes the {count} brief prep saved for them: {paths}.",
                      "It deletes the {count} briefs prep saved for them: {paths}.",
                      len(theirs)).format(count=number(len(theirs)), paths=", ".join(map(str, theirs))))
    _say(_("Exports you made with `prep export` are yours to delete."))
    if not _confirmed(args, _("Erase {customer} for good?").format(customer=erasure.customer)):
        _say(_("Nothing was erased."))
        return 1
    try:
        store.forget(erasure.customer)
    except UnfinishedErasure:
        raise
    except StoreError as error:
        raise PrepError(_("nothing was erased: {problem}").format(problem=error)) from None
    delete_briefs(theirs)
    _say(_("Erased {customer}.").format(customer=erasure.customer))
    mentioned = mentions(store.summaries(), erasure.customer)
    if mentioned:
        _say(mention_line(erasure.customer, mentioned))
    return 0


def _forget_person(args: argparse.Namespace, store) -> int:  # type: ignore[no-untyped-def]
    """`prep forget CUSTOMER --person NAME`: one person erased from the card, every meeting and every old copy."""
    from prep.errors import StoreError, UnfinishedErasure
    from prep.insights.customers import plan_erasure, resolve_person

    customer = plan_erasure(store, args.customer).customer
    person = resolve_person(store, customer, args.person)
    _say(_("This erases {person} of {customer}: from the customer card, from every meeting's people, and their name "
           "and e-mail address from every note — with every copy in journals and backups. The meetings stay.").format(
               person=person, customer=customer))
    if not _confirmed(args, _("Erase {person} for good?").format(person=person)):
        _say(_("Nothing was erased."))
        return 1
    try:
        changed = store.forget_person(customer, person)
    except UnfinishedErasure:
        raise
    except StoreError as error:
        raise PrepError(_("nothing was erased: {problem}").format(problem=error)) from None
    _say(ngettext("Erased {person}; {count} meeting changed.", "Erased {person}; {count} meetings changed.", changed).format(
        person=person, count=number(changed)))
    # "Frau Lange" has no first name to look for; "Dr. Anna Weber" has "Anna".
    words = [word for word in person.split() if word.lower().rstrip(".") not in ("herr", "frau", "dr", "prof", "mr", "mrs", "ms")]
    first = words[0] if words else ""
    if len(words) > 1:
        _say(_("A mention by first name alone (\"{first}\") cannot be told from someone else's: search for it in the "
               "history if it should go too.").format(first=first))
    return 0


def _repair(args: argparse.Namespace, settings: Settings) -> int:
    result = _store(settings).repair(datetime.now())
    if not result.needed:
        _say(_("Nothing to repair: {path} reads whole.").format(path=settings.database))
        return 0
    for original, aside in result.set_aside:
        _say(_("Set aside {original} as {aside} (nothing was deleted).").format(original=original.name, aside=aside.name))
    if result.skipped_lines:
        _say(_("Left out journal lines that do not read: {lines}.").format(lines=", ".join(map(str, result.skipped_lines))))
    _say(ngettext("Kept {count} meeting; prep can write to {path} again.",
                  "Kept {count} meetings; prep can write to {path} again.",
                  result.meetings).format(count=number(result.meetings), path=settings.database))
    return 0


def _forget_erased(args: argparse.Namespace, store, briefs: dict[Path, str]) -> int:  # type: ignore[no-untyped-def]
    """No meeting has the name any more, and prep has erased before: a rerun, done once the briefs are gone too."""
    from prep.insights.customers import matching_customers
    from prep.reports.brief import delete_briefs

    # Briefs of customers no longer in the database: those of the one erased (the rerun of a
    # forget stopped before it deleted them), picked by the name as the first run picked it.
    gone = {name for name in briefs.values()} - set(store.customers())
    names = matching_customers(gone, args.customer)
    theirs = [path for path, name in briefs.items() if name in names]
    if len(names) > 1:
        _say(_("Saved briefs of several erased customers match {typed!r}: {names} — "
               "run again with the full name to delete them.").format(typed=args.customer, names="; ".join(names)))
    elif theirs:
        _say(ngettext("{customer} is erased; the {count} brief prep saved for them is left: {paths}.",
                      "{customer} is erased; the {count} briefs prep saved for them are left: {paths}.",
                      len(theirs)).format(customer=names[0], count=number(len(theirs)), paths=", ".join(map(str, theirs))))
        if not _confirmed(args, _("Delete the briefs of {customer}?").format(customer=names[0])):
            _say(_("The briefs were kept."))
            return 1
        delete_briefs(theirs)
    erased = store.erased()
    _say(ngettext("Nothing called {typed!r} is left in {path}: the {count} meeting erased with `prep forget` is kept "
                  "only as an id, so that no running copy saves it again.",
                  "Nothing called {typed!r} is left in {path}: the {count} meetings erased with `prep forget` are kept "
                  "only as ids, so that no running copy saves them again.",
                  erased).format(typed=args.customer, path=store.path, count=number(erased)))
    return 0


def _confirmed(args: argparse.Namespace, question: str) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise PrepError(_("nothing was erased: there is no terminal to ask on; run again with --yes to erase"))
    answer = input(inert(_("{question} Type yes to confirm: ").format(question=question)))
    return answer.strip().lower() in YES


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
        for path in result.drafts:  # easy to forget: reps do not see a draft
            _say(_("{path}: a draft (status: draft) — reps see it only once you remove that line").format(path=path))
        if result.errors:  # warnings are printed, but the files load: they do not fail a check
            _complain(result.summary())
            return 1
        _say(result.summary())
        return 0
    if args.action == "new":
        folder = Path(args.folder).expanduser() if args.folder else settings.user_checklists
        path = trainer.new_checklist(args.id, args.lang, folder, library=load_library(settings), start_from=args.start_from,
                                     replace=args.replace, private=not args.folder)
        _say(_("wrote {path} — edit it, then run: prep checklists validate {path}").format(path=path))
        return 0
    if args.write:
        path = trainer.write_schema(Path(args.write).expanduser())
        _say(_("wrote {path}; an editor uses it for a checklist whose first line is: {modeline}").format(
            path=path, modeline=trainer.MODELINE))
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
    for line in followup_lines(found, now.date()) or [_("No open follow-ups.")]:
        _say(line)
    if args.ics:
        path = Path(args.ics)
        write_file(path, followups_ics(found, now), fix=N_("choose another file with --ics"))
        dated = sum(1 for f in found if f.followup.due)
        _say(ngettext("wrote {count} follow-up to {path}", "wrote {count} follow-ups to {path}",
                      dated).format(count=number(dated), path=path))
    return 0
