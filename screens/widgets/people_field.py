"""The form's people field: names separated by commas, each completed from the customer's card.

"Katrin Brandt (COO), Tom" completes to "…, Tom Berg" when Tom Berg is on the card; a name
that is not there yet is added to the card when the form is saved ("add one on the spot").
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

import msgspec
from textual.app import App
from textual.suggester import Suggester

from prep.calendar_import import person_name
from prep.insights.people import contact_warnings, part_label
from prep.insights.story import CustomerStory
from prep.language import _
from prep.model.appointment import Appointment
from prep.model.customer import Customer, Person, name_key, names_typed
from prep.reports.inert import inert
from prep.storage import Store


class PeopleSuggester(Suggester):
    """Completes the name being typed after the last comma from the names given, leaving out those already typed."""

    def __init__(self, names: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.names = names

    @classmethod
    def joined(cls, names: list[str], before: Suggester | None) -> PeopleSuggester | None:
        """A suggester for these names and those `before` completed, each once; None for no names."""
        kept = before.names if isinstance(before, PeopleSuggester) else []
        names = list({name_key(n): inert(n, one_line=True) for n in [*names, *kept]}.values())
        return cls(names) if names else None

    async def get_suggestion(self, value: str) -> str | None:
        head, comma, typing = value.rpartition(",")
        start = typing.lstrip()
        if not start:
            return None
        typed = {name_key(p.name) for p in names_typed(head)}
        for name in self.names:
            if name_key(name) not in typed and name.casefold().startswith(start.casefold()) and len(name) > len(start):
                return value[:len(value) - len(start)] + name  # as the card spells it, whatever case was typed
        return None


def people_hint(story: CustomerStory | None, typed: str) -> str:
    """One line under the field: who else is on the card, and who would be new on it ('' before the story is read)."""
    if story is None:
        return ""
    card, people = story.card, names_typed(typed)
    new = [p.name for p in people if card is None or card.person(p.name) is None]
    others = [p for p in (card.people if card else []) if not any(name_key(p.name) == name_key(q.name) for q in people)]
    parts = []
    if others:
        parts.append(_("On the card: {people}").format(people=", ".join(_shown(p) for p in others)))
    if new:
        parts.append(_("new on the card: {people}").format(people=", ".join(new)))
    return inert(" · ".join(parts), one_line=True)


def contact_lines(story: CustomerStory | None, typed: str, when: datetime | None, now: datetime, *,
                  exclude: str | None) -> list[str]:
    """Warnings that this meeting runs ahead of the contact the customer, or a person in it, asked for."""
    if story is None or when is None:
        return []
    message = story.contact_warning(when, now, exclude=exclude)
    lines = [_("⚠ {warning} Is this meeting what they want?").format(warning=message)] if message else []
    people = [p.name for p in names_typed(typed)]
    return lines + [f"⚠ {line}" for line in contact_warnings(people, story.card, story.meetings, when, now, exclude=exclude)]


def onto_the_card(app: App[object], store: Store, customer: str, typed: str, invited: Appointment | None = None,
                  story: CustomerStory | None = None) -> list[str]:
    """The names of the people typed, as the customer's card spells them; those not on it yet are put on it, off
    the UI thread. From an `invited` appointment, a new person's e-mail address comes from the invitation."""
    emails = {name_key(person_name(a)): a.email for a in (invited.attendees if invited else []) if a.email}
    card = story.card if story is not None else None
    people = [(card.person(p.name) if card else None) or msgspec.structs.replace(p, email=emails.get(name_key(p.name), ""))
              for p in names_typed(typed)]
    app.run_worker(partial(add_to_card, store, customer, people), thread=True, group="card")
    return [person.name for person in people]


def add_to_card(store: Store, customer: str, people: list[Person]) -> None:
    """Put the people a form named on their customer's card, when they are not on it yet (run off the UI thread)."""
    card = store.customer(customer) or Customer(name=customer)
    new = [person for person in people if card.person(person.name) is None]
    for person in new:
        card = card.with_person(person)
    if new:
        store.save_customer(card)


def _shown(person: Person) -> str:
    return f"{person.name} ({part_label(person.part)})" if person.part else person.name
