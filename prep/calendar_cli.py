"""`prep calendar import FILE.ics`: the coming meetings with customers, from the rep's calendar, as appointments to prepare.

No confirmation: it writes only its own appointments table (and moves a preparation whose
meeting moved); `--dry-run` shows what would change. Reading the file and comparing it with
what was imported before is prep.calendar_import's; here the file is read, the result
printed and saved.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import msgspec

from prep.calendar_import import compare, own_address, person_name, read_calendar
from prep.dates import shown_moment
from prep.errors import PrepError
from prep.language import _, ngettext, number
from prep.model.appointment import Appointment
from prep.reports.inert import inert
from prep.settings import Settings
from prep.storage import Store

MOST_WEEKS = 52


def _say(text: str) -> None:
    sys.stdout.write(inert(text, one_line=True) + "\n")


def run(args: argparse.Namespace, settings: Settings) -> int:
    """`prep calendar ACTION`."""
    return import_calendar(args, settings)  # `import` is the only action yet


def import_calendar(args: argparse.Namespace, settings: Settings) -> int:
    """Read the file, print each coming appointment and what changed, and save it (unless --dry-run)."""
    if not 1 <= args.weeks <= MOST_WEEKS:
        raise PrepError(_("--weeks: give a number of weeks from 1 to {most}").format(most=MOST_WEEKS))
    me = own_address(args.me, "--me") if args.me else own_address(settings.me, "PREP_ME") if settings.me else ""
    try:
        data = Path(args.file).read_bytes()
    except FileNotFoundError:
        raise PrepError(_("{file}: no such file; export your calendar as .ics and give its path").format(file=args.file)) from None
    except IsADirectoryError:
        raise PrepError(_("{file}: a folder; give the .ics file exported from your calendar").format(file=args.file)) from None
    store = Store(settings.database)
    now = datetime.now()
    read = read_calendar(data, name=args.file, today=date.today(), weeks=args.weeks, me=me, customers=store.customer_cards())
    changes = compare(read, store.appointments(), now)
    if read.owner:
        _say(_("Your colleagues are those at {domain}, the calendar's owner's domain; --me you@company.com says otherwise.")
             .format(domain=read.own_domain))
    elif not me:
        _say(_("The file does not say whose calendar it is: every attendee counts as from outside. "
               "Give --me you@company.com to leave your colleagues out."))
    moved = {after.key: before for before, after in changes.moved}
    cancelled = {appointment.key for appointment in changes.cancelled}
    for appointment in changes.shown:
        _say(_line(appointment, moved.get(appointment.key), appointment.key in cancelled))
    if not changes.shown:
        _say(ngettext("No meetings with people from outside in the next {weeks} week.",
                      "No meetings with people from outside in the next {weeks} weeks.", args.weeks).format(weeks=number(args.weeks)))
    if read.internal:
        _say(ngettext("Left out {count} meeting with only your colleagues.", "Left out {count} meetings with only your colleagues.",
                      read.internal).format(count=number(read.internal)))
    if not args.dry_run:
        if changes.to_save:
            store.save_appointments(changes.to_save)
        _move_preparations(store, changes.preparations_to_move, now)
        if args.me and me != settings.me:
            replace(settings, me=me).save_state()
            _say(_("Remembered {me} as your address: next time --me is not needed.").format(me=me))
    store.close()
    _say(_("{new} new, {moved} moved, {cancelled} cancelled, {unchanged} unchanged").format(
        new=number(len(changes.new)), moved=number(len(changes.moved)), cancelled=number(len(changes.cancelled)),
        unchanged=number(len(changes.unchanged))))
    if args.dry_run:
        _say(_("Dry run: nothing was saved."))
    return 0


def _line(appointment: Appointment, moved_from: Appointment | None, cancelled: bool) -> str:
    """One appointment: day, time, customer (or "?"), title, the people from outside — and what changed."""
    people = ", ".join(person_name(person) if person.name else person.email for person in appointment.attendees)
    line = "  ".join(part for part in (shown_moment(appointment.when), appointment.customer or "?", appointment.title,
                                       people) if part)
    if moved_from is not None and appointment.meeting:
        return line + "  " + _("(moved from {when}; its preparation moved along)").format(when=shown_moment(moved_from.when))
    if moved_from is not None:
        return line + "  " + _("(moved from {when})").format(when=shown_moment(moved_from.when))
    if cancelled and appointment.meeting:
        return line + "  " + _("(cancelled; its preparation is kept: prep open {id})").format(id=appointment.meeting[:8])
    if appointment.cancelled:
        return line + "  " + _("(cancelled)")
    return line


def _move_preparations(store: Store, moves: list[tuple[str, datetime]], now: datetime) -> None:
    """A meeting that moved in the calendar moves its preparation along."""
    for meeting_id, when in moves:
        meeting = store.meeting(meeting_id)
        if meeting is not None and meeting.when != when:
            store.save(msgspec.structs.replace(meeting, when=when, updated=now.replace(microsecond=0)))
