"""The command line's customer commands: `prep customers import FILE` brings customers and the people in their
decision from a CRM's export (CSV or vCards) into the customer cards — shown first, saved once the rep agrees."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from prep.errors import PrepError
from prep.language import N_, _, ngettext, number
from prep.reports.inert import inert
from prep.settings import Settings
from prep.storage import Store

if TYPE_CHECKING:
    from prep.customer_files import CustomerFile, ImportPlan

# Asks the rep on the terminal, as `prep forget` does (prep.cli passes its own): True to go ahead.
Confirm = Callable[[argparse.Namespace, str], bool]
# How many names each part of the preview lists before it says how many more there are.
SHOWN = 20
# A card's fields as the preview names what changed in them.
FIELD_LABELS = {"industry": N_("industry"), "domain": N_("domain"), "notes": N_("notes"), "role": N_("role"),
                "email": N_("e-mail"), "phone": N_("phone"), "part": N_("part in the decision"), "stance": N_("stance")}


def run(args: argparse.Namespace, settings: Settings, confirm: Confirm) -> int:
    """`prep customers import FILE`: the preview, then the question (or --yes), then one write of the changed cards."""
    from prep.customer_files import parse_map, plan_import, read_customer_file

    path = Path(args.file)
    found = read_customer_file(path, parse_map(args.map))
    store = Store(settings.database)
    try:
        plan = plan_import(found.rows, store.customer_cards())
        for line in _preview(path, found, plan):
            _say(line)
        if not plan.cards:
            _say(_("Nothing to import: the customer cards already say what the file says.") if found.rows else
                 _("Nothing to import."))
            return 0 if found.rows or not found.problems else 1
        if not args.yes and not sys.stdin.isatty():
            raise PrepError(_("nothing was imported: there is no terminal to ask on; run again with --yes to import"))
        if not confirm(args, _("Import?")):
            _say(_("Nothing was imported."))
            return 1
        saved = store.save_customers(plan.cards)
    finally:
        store.close()
    _say(ngettext("Imported: {count} customer card saved.", "Imported: {count} customer cards saved.",
                  saved).format(count=number(saved)))
    return 0


def _preview(path: Path, found: CustomerFile, plan: ImportPlan) -> list[str]:
    """What the import would do, a heading a part and a line an entry: the rep reads it before saying yes."""
    lines = [ngettext("{file}: {count} entry read", "{file}: {count} entries read",
                      len(found.rows)).format(file=path, count=number(len(found.rows)))]
    if found.columns:
        lines.append(_("Columns read: {columns}").format(
            columns=", ".join(f"{column} → {field}" for column, field in found.columns)))
    people = {name: [c for c in plan.new_people if c.customer == name] for name in plan.new_customers}
    lines += _part(ngettext("{count} new customer:", "{count} new customers:", len(plan.new_customers)),
                   [_with_count(name, len(people[name])) for name in plan.new_customers])
    lines += _part(ngettext("{count} customer updated:", "{count} customers updated:", len(plan.updated_customers)),
                   [_changed(change.customer, change.fields, _people(plan, change.customer))
                    for change in plan.updated_customers])
    if plan.unchanged:
        lines.append(ngettext("{count} customer unchanged.", "{count} customers unchanged.",
                              len(plan.unchanged)).format(count=number(len(plan.unchanged))))
    lines += _part(ngettext("{count} new person:", "{count} new people:", len(plan.new_people)),
                   [_("{person} ({customer})").format(person=c.person, customer=c.customer) for c in plan.new_people])
    lines += _part(ngettext("{count} person changed:", "{count} people changed:", len(plan.changed_people)),
                   [_changed(_("{person} ({customer})").format(person=c.person, customer=c.customer), c.fields)
                    for c in plan.changed_people])
    problems = sorted(found.problems, key=lambda problem: problem.line)
    lines += _part(ngettext("{count} line left out or read in part:", "{count} lines left out or read in part:",
                            len(problems)),
                   [_("line {line}: {problem}").format(line=p.line, problem=p.message) for p in problems])
    return lines


def _part(heading: str, entries: Sequence[str]) -> list[str]:
    if not entries:
        return []
    more = len(entries) - SHOWN
    shown = ["  " + entry for entry in entries[:SHOWN]]
    if more > 0:
        shown.append("  " + ngettext("… and {count} more", "… and {count} more", more).format(count=number(more)))
    return [heading.format(count=number(len(entries))), *shown]


def _changed(name: str, fields: Sequence[str], people: Sequence[str] = ()) -> str:
    """A customer or a person, and what changes: "Nordwind: industry, 1 new person"."""
    if not fields and not people:
        return name
    return _("{name}: {fields}").format(name=name, fields=", ".join([*(_(FIELD_LABELS[f]) for f in fields), *people]))


def _people(plan: ImportPlan, customer: str) -> list[str]:
    new = sum(1 for change in plan.new_people if change.customer == customer)
    changed = sum(1 for change in plan.changed_people if change.customer == customer)
    return ([ngettext("{count} new person", "{count} new people", new).format(count=number(new))] if new else []) + (
        [ngettext("{count} person changed", "{count} people changed", changed).format(count=number(changed))]
        if changed else [])


def _with_count(name: str, people: int) -> str:
    if not people:
        return name
    return ngettext("{name}, with {count} person", "{name}, with {count} people", people).format(
        name=name, count=number(people))


def _say(text: str) -> None:
    """One line on stdout, made inert: names and values come from the file."""
    sys.stdout.write(inert(text, one_line=True) + "\n")
