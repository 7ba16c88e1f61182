"""Which customer the rep means, and what erasing one would remove.

A name is picked by the whole of it (in any case), or else by the start of a word in it:
"bolt" picks "Bolt Systems" and "Acme Bolt GmbH" (both, so it is refused with the list),
"olt" picks neither. Fewer than three letters never pick a fragment: `forget "o" --yes`
must not erase a customer the rep never named.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from prep.errors import PrepError
from prep.language import _
from prep.model.customer import name_key, same_name
from prep.model.summary import MeetingSummary
from prep.storage import Store

SHORTEST_FRAGMENT = 3  # letters or digits


class NoSuchCustomer(PrepError):
    """No customer has this name, whole or as the start of a word."""


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()


def _starts_a_word(name: str, fragment: str) -> bool:
    start = name.find(fragment)
    while start >= 0:
        if start == 0 or not name[start - 1].isalnum():
            return True
        start = name.find(fragment, start + 1)
    return False


def matching_customers(names: Iterable[str], typed: str) -> list[str]:
    """The names `typed` picks, alphabetically: the exact name if there is one, else those with a word it starts.

    PrepError when `typed` is a fragment too short to pick anyone safely.
    """
    names = sorted(set(names), key=lambda name: (name.casefold(), name))
    if typed in names:
        return [typed]  # exact, case and all: "ACME" among "ACME" and "acme"
    wanted = _plain(typed)
    exact = [name for name in names if _plain(name) == wanted]
    if exact:
        return exact
    if sum(ch.isalnum() for ch in wanted) < SHORTEST_FRAGMENT:
        raise PrepError(_("{typed} is too short to pick a customer: type at least three letters of their name, "
                          "or all of it").format(typed=repr(typed)))
    return [name for name in names if _starts_a_word(_plain(name), wanted)]


def resolve_customer(names: Iterable[str | MeetingSummary], typed: str) -> str:
    """The one customer the user means (see the module docstring); anything unclear is refused with what to type."""
    found = matching_customers({name if isinstance(name, str) else name.customer for name in names}, typed)
    if len(found) == 1:
        return found[0]
    if found:
        raise PrepError(_("{typed} matches several customers: {names} — give the full name").format(
            typed=repr(typed), names="; ".join(found)))
    raise NoSuchCustomer(_("no customer called {typed}; the names are listed in the app's history").format(typed=repr(typed)))


@dataclass(frozen=True)
class Erasure:
    """What forgetting a customer will remove."""

    customer: str
    meetings: list[MeetingSummary]
    people: int = 0  # on their customer card

    @property
    def drafts(self) -> int:
        """Unfinished preparations among them."""
        return sum(m.is_draft for m in self.meetings)

    @property
    def followups(self) -> int:
        """Follow-ups recorded in their debriefs."""
        return sum(len(m.followups) for m in self.meetings)


def plan_erasure(store: Store, typed: str) -> Erasure:
    """Find the customer; ambiguous or unknown names are refused with what to do."""
    summaries = store.summaries()
    met = {name_key(s.customer) for s in summaries}
    cards = [card.name for card in store.customer_cards() if name_key(card.name) not in met]  # a card without meetings
    name = resolve_customer([*(s.customer for s in summaries), *cards], typed)
    card = store.customer(name)
    return Erasure(name, [s for s in summaries if s.customer == name], len(card.people) if card else 0)


def resolve_person(store: Store, customer: str, typed: str) -> str:
    """The one person of the customer's the rep means, by their name on the card or in a meeting (whole, in any case)."""
    card = store.customer(customer)
    names = [p.name for p in card.people] if card else []
    ids = [s.id for s in store.summaries() if s.customer == customer]
    names += [name for meeting in store.meetings(ids) for name in meeting.people + (meeting.debrief.present if meeting.debrief else [])]
    known = sorted({name_key(name): name for name in names}.values(), key=str.lower)
    found = [name for name in known if same_name(name, typed)]
    if found:
        return found[0]
    raise PrepError(_("{customer} has nobody called {typed}; the people are: {names}").format(
        customer=customer, typed=repr(typed), names="; ".join(known) or "—"))


def mentions(summaries: Iterable[MeetingSummary], customer: str) -> list[MeetingSummary]:
    """Other customers' meetings whose text mentions this customer's name, oldest first.

    After a customer is erased these are the rep's to look at: the name in another
    customer's notes may be a competitor, a reference or a person, and stays unless edited.
    """
    needle = customer.lower().encode()  # the search text is lower-cased UTF-8
    found = [s for s in summaries if s.customer != customer and needle in s.text]
    return sorted(found, key=lambda s: (s.when, s.id))
