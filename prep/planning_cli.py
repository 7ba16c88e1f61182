"""The command line's planning commands: `prep new` makes a preparation from a script or a calendar hook and
prints its id; `prep open ID` opens the app on it."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from prep.errors import InputError, PrepError
from prep.language import _
from prep.model.customer import Customer, people_in
from prep.model.meeting import DRAFT, Meeting
from prep.reports.inert import inert
from prep.settings import Settings
from prep.storage import Store


def new(args: argparse.Namespace, settings: Settings) -> int:
    """`prep new`: a draft preparation, its checklist chosen as the form would (or named), its id on stdout."""
    from prep.dates import parse_moment
    from prep.library.loader import load_library
    from prep.library.meeting_types import PREFERRED_TYPE

    customer = " ".join(args.customer.split())
    if not customer:
        raise InputError(_("--customer: who is the meeting with? Give the company's name"))
    try:
        when = parse_moment(args.when, datetime.now().date())
    except InputError as error:
        raise InputError(f"--when: {error}") from None
    library = load_library(settings)
    if args.checklist:
        checklist = library.get(args.checklist)
        if checklist is None:
            raise PrepError(_("--checklist: no checklist {id}; `prep checklists list` shows them").format(
                id=inert(repr(args.checklist), one_line=True)))
    else:
        suggested = library.suggest(args.type or PREFERRED_TYPE, settings.language)
        if not suggested:
            raise PrepError(_("no checklist could be loaded; run `prep checklists list` to see why"))
        checklist = suggested[0]
    store = Store(settings.database)
    card = store.customer(customer)
    customer = card.name if card is not None else customer  # as the card spells it
    people = [person for typed in args.people for person in people_in(typed)]  # --with "Jane Doe, CFO": a role after the comma
    # A person on the card is named as the card names them; one who is not is put on it.
    names = [(card.person(p.name) or p).name if card else p.name for p in people]
    meeting = Meeting(customer=customer, when=when, people=names, goal=" ".join((args.goal or "").split()),
                      checklist=checklist, status=DRAFT)
    new = [p for p in people if card is None or card.person(p.name) is None]
    if new:
        card = card or Customer(name=customer)
        for person in new:
            card = card.with_person(person)
        store.save_customer(card)
    store.save(meeting)
    store.close()
    sys.stdout.write(meeting.id + "\n")
    return 0


def meeting_id(text: str, settings: Settings) -> str:
    """The meeting `prep open` names: its id, or the start of one that no other meeting shares."""
    wanted = text.strip().lower()
    found = [s.id for s in Store(settings.database).summaries() if wanted and s.id.startswith(wanted)]
    if len(found) == 1:
        return found[0]
    if not found:
        raise PrepError(_("no meeting {id} in {path}; `prep new` prints the id of the meeting it makes").format(
            id=inert(repr(text), one_line=True), path=settings.database))
    raise PrepError(_("{id} starts {count} meetings' ids; give more of it").format(
        id=inert(repr(text), one_line=True), count=len(found)))
