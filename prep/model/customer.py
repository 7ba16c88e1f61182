"""A customer of the rep's, with the people in their decision.

A B2B meeting faces a buying committee: a champion, an economic buyer, users, a sceptic.
The customer card keeps them, each with their part in the decision (the MEDDPICC roles),
how they stand, how they like to be contacted. A meeting names its attendees from here
(`Meeting.people`), and the debrief who was really there (`Debrief.present`), so prep can
say whom the rep has met, and whom never.

A customer is known by its name, as meetings name it; a person by their name within the
customer. Both compare without regard to case or spacing (`same_name`).
"""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

import msgspec

from prep.model.meeting import ContactRhythm, Line, Text

# Their part in the decision, as MEDDPICC names them; the order lists and the brief use.
PARTS: tuple[str, ...] = ("economic buyer", "decision maker", "champion", "technical evaluator",
                          "user", "influencer", "blocker")
STANCES: tuple[str, ...] = ("supportive", "neutral", "sceptical")
# Those whose part in the decision a rep should know before an offer: the coverage line asks after them.
KEY_PARTS: tuple[str, ...] = ("economic buyer", "champion")

Part = Literal["", "economic buyer", "decision maker", "champion", "technical evaluator", "user", "influencer", "blocker"]
Stance = Literal["", "supportive", "neutral", "sceptical"]
Email = Annotated[str, msgspec.Meta(max_length=320)]


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


def same_name(a: str, b: str) -> bool:
    """True when two names are the same person or customer as a rep would see it: case and spacing aside."""
    return name_key(a) == name_key(b)


def name_key(name: str) -> str:
    """What a name is known by: folded case, single spaces."""
    return " ".join(name.split()).casefold()


def email_domain(email: str) -> str:
    """The domain of an e-mail address, lower-cased ('' if it has none)."""
    _, at, domain = email.strip().rpartition("@")
    return domain.strip().strip(">").lower() if at else ""


class Person(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Someone at the customer: who they are, their part in the decision, how they stand and like to be contacted."""

    name: Line
    role: Line = ""  # their title: "Head of Planning"
    email: Email = ""
    phone: Line = ""
    part: Part = ""
    stance: Stance = ""
    contact_rhythm: ContactRhythm = ""  # their own contact preference, when it differs from the customer's
    notes: Text = ""


class Customer(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """A customer card: the company and the people the rep deals with there."""

    name: Line
    industry: Line = ""
    notes: Text = ""
    domain: Line = ""  # their e-mail domain, for matching calendar invitations; else taken from the people's
    people: list[Person] = msgspec.field(default_factory=list)
    id: str = msgspec.field(default_factory=lambda: uuid.uuid4().hex)
    updated: datetime = msgspec.field(default_factory=_now)

    def person(self, name: str) -> Person | None:
        """The person with this name, or None."""
        return next((person for person in self.people if same_name(person.name, name)), None)

    def by_email(self, email: str) -> Person | None:
        """The person with this e-mail address (case aside), or None."""
        return next((p for p in self.people if email.strip() and p.email.strip().lower() == email.strip().lower()), None)

    def domains(self) -> set[str]:
        """Every e-mail domain the customer's invitations may come from."""
        found = {email_domain(person.email) for person in self.people} | {self.domain.strip().lower().lstrip("@")}
        return found - {""}

    def with_person(self, person: Person, *, replacing: str = "", at: int | None = None) -> Customer:
        """This card with a person added, or in the place of the one of the same name (or named `replacing`, when
        renamed); a new one goes `at` that place in the list (an undone removal), else to the end."""
        gone = [name for name in (person.name, replacing) if name]
        index = next((i for i, p in enumerate(self.people) if any(same_name(p.name, name) for name in gone)), None)
        people = [p for p in self.people if not any(same_name(p.name, name) for name in gone)]
        people.insert(min(index if index is not None else len(people) if at is None else at, len(people)), person)
        return msgspec.structs.replace(self, people=people)

    def without_person(self, name: str) -> Customer:
        """This card without the person of this name."""
        return msgspec.structs.replace(self, people=[p for p in self.people if not same_name(p.name, name)])


# "Dr. Anna Weber (CFO)", "Anna Weber, Head of Planning", "Anna Weber – CFO"
_ROLE_IN_BRACKETS = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<role>[^()]*)\)\s*$")
_BETWEEN_ENTRIES = re.compile(r"\s*[;\n]\s*")
_BETWEEN_NAMES = re.compile(r"\s+(?:and|und|&)\s+", re.IGNORECASE)


def people_in(contact: str) -> list[Person]:
    """The people a free-text contact line names, as meetings kept them before customer cards.

    "Anna Weber, Head of Planning" is one person with a role; "Anna Weber; Tom Berg"
    and "Anna Weber und Tom Berg" are two; a role keeps its own "and". What cannot be told apart stays one name.
    """
    people: list[Person] = []
    for entry in _BETWEEN_ENTRIES.split(contact.strip()):
        entry = " ".join(entry.split()).strip(" ,-–—")
        bracketed = _ROLE_IN_BRACKETS.match(entry)
        if bracketed:
            named = [(bracketed["name"], bracketed["role"])]
        elif "," in entry or " – " in entry:  # a role may hold "and": "Head of Research and Development"
            name, _, role = entry.partition(",") if "," in entry else entry.partition(" – ")
            named = [(name, role)]
        else:
            named = [(name, "") for name in _BETWEEN_NAMES.split(entry)]
        for name, role in named:
            name, role = name.strip(" ,-–—"), role.strip(" ,-–—")
            if name and not any(same_name(name, p.name) for p in people):
                people.append(Person(name=name, role=role))
    return people


ERASED = "[…]"  # what stands where an erased person's name stood in the rep's notes


def redact(value: Any, name: str) -> Any:
    """`value` (a stored row: dicts, lists, text) without the person of this name.

    A list entry that is the person — their name, or a record with their name — is left out;
    the name inside any text becomes ERASED. Used on live rows and on backups alike, so the
    same person is gone from every copy in the same way.
    """
    pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, name.split())) + r"(?!\w)", re.IGNORECASE)

    def clean(item: Any) -> Any:
        if isinstance(item, str):
            return pattern.sub(ERASED, item)
        if isinstance(item, list):
            return [clean(entry) for entry in item if not _is_person(entry, name)]
        if isinstance(item, dict):
            return {key: clean(entry) for key, entry in item.items()}
        return item

    return clean(value) if name.split() else value


def _is_person(entry: Any, name: str) -> bool:
    if isinstance(entry, str):
        return same_name(entry, name)
    # A record names them by name, or (an invitation's attendee) by e-mail address.
    return isinstance(entry, dict) and any(isinstance(entry.get(key), str) and same_name(entry[key], name)
                                           for key in ("name", "email"))


def names_typed(text: str) -> list[Person]:
    """The people a form's field names: "Katrin Brandt (COO), Tom Berg" — commas between people, a role in brackets."""
    people: list[Person] = []
    for entry in re.split(r"[,;\n]", text):
        entry = " ".join(entry.split())
        bracketed = _ROLE_IN_BRACKETS.match(entry)
        name, role = (bracketed["name"].strip(), bracketed["role"].strip()) if bracketed else (entry, "")
        if name and not any(same_name(name, p.name) for p in people):
            people.append(Person(name=name, role=role))
    return people
