"""Customers and their people from a CRM's export: a CSV file or vCards, read and merged into the customer cards.

Reps keep their accounts in HubSpot or Salesforce, and a spreadsheet program is what sits between
the CRM and prep: so a file may come in any encoding a spreadsheet writes (UTF-8 with or without
a BOM, UTF-16 with one, Windows-1252), with `,`, `;` or a tab between its columns, and with the
column names each CRM writes by default, in any case and spacing. What the columns do not say is
mapped by the rep (`--map 'Firma=customer'`). Nothing here writes or asks: `plan_import` says what
an import would change, and the command shows it and saves the cards once the rep agrees.
"""

from __future__ import annotations

import codecs
import csv
import io
import quopri
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import msgspec

from prep.errors import PrepError
from prep.language import _
from prep.model.customer import PARTS, STANCES, Customer, Person, name_key

Record = TypeVar("Record", Customer, Person)
# What a row may say, as `--map` names it; the person's and the customer's fields.
FIELDS = ("customer", "industry", "domain", "name", "first name", "last name",
          "role", "email", "phone", "part", "stance", "notes")
PERSON_FIELDS = ("role", "email", "phone", "part", "stance")
_PERSON_FIELDS = (*PERSON_FIELDS, "notes")
_CARD_FIELDS = ("industry", "domain", "notes")  # a row's notes are its person's, if it names one
# The columns each field is read from, by key (see `column_key`), first found first. HubSpot's contacts
# and companies exports, Salesforce's reports (labels) and Data Loader (API names: Account.Name), and the
# German labels a German CRM writes. "Name" alone is special: see `_columns`.
COLUMNS: Mapping[str, tuple[str, ...]] = {
    "customer": ("associatedcompany", "companyname", "company", "accountname", "account", "organization",
                 "organisation", "firmenname", "firma", "unternehmen", "unternehmensname"),
    "industry": ("industry", "branche"),
    "domain": ("companydomainname", "domainname", "domain", "websiteurl", "website", "webseite", "url"),
    "name": ("fullname", "contactname", "contact"),
    "first name": ("firstname", "givenname", "vorname"),
    "last name": ("lastname", "surname", "familyname", "nachname"),
    "role": ("jobtitle", "title", "position", "role", "jobbezeichnung", "berufsbezeichnung", "stellenbezeichnung"),
    "email": ("email", "emailaddress", "mail", "emailadresse"),
    "phone": ("phonenumber", "phone", "telefonnummer", "telefon", "mobilephonenumber", "mobilephone", "mobile",
              "mobiltelefonnummer", "mobiltelefon"),
    "part": ("part", "meddpicc", "meddpiccrole", "buyingrole"),
    "stance": ("stance", "haltung"),
    "notes": ("notes", "note", "description", "notizen", "beschreibung", "bemerkungen"),
}
# What else a rep may type after `--map COLUMN=`.
_FIELD_WORDS = {re.sub(r"\W+", "", name): name for name in FIELDS} | {
    "company": "customer", "account": "customer", "website": "domain", "url": "domain", "title": "role",
    "first": "first name", "last": "last name", "fullname": "name", "mail": "email", "note": "notes"}
# HubSpot's buying roles, as parts in the decision.
_PART_WORDS = {re.sub(r"\W+", "", part): part for part in PARTS} | {
    "budgetholder": "economic buyer", "executivesponsor": "economic buyer", "enduser": "user"}
_STANCE_WORDS = {stance: stance for stance in STANCES} | {"skeptical": "sceptical"}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_EMAIL_LIMIT, _LINE_LIMIT = 320, 10_000  # the model's
# A file a spreadsheet program saves as its own format, not as CSV.
_WORKBOOKS = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def column_key(header: str) -> str:
    """What a column is known by: case, spaces, underscores and punctuation aside ("Account.Name" = "account_name")."""
    return re.sub(r"[\W_]+", "", header.casefold())


@dataclass(frozen=True)
class Problem:
    """A line of the file that was left out, or read in part, and why."""

    line: int
    message: str


@dataclass(frozen=True)
class Row:
    """One company or contact from the file: its line and its values by field (each one line, or notes)."""

    line: int
    values: Mapping[str, str]


@dataclass
class CustomerFile:
    """What a file held: its rows, the columns read (header → field) and the lines it could not read."""

    rows: list[Row] = field(default_factory=list)
    columns: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    vcard: bool = False


def parse_map(options: Iterable[str]) -> dict[str, str]:
    """The rep's `--map COLUMN=FIELD` options, as column key → field; a wrong one is a PrepError naming it."""
    mapping = {}
    for option in options:
        column, equals, word = option.rpartition("=")
        chosen = _FIELD_WORDS.get(column_key(word))
        if not equals or not column.strip():
            raise PrepError(_("--map {option}: write it as 'Column=field'; the fields are {fields}").format(
                option=repr(option), fields=", ".join(FIELDS)))
        if chosen is None:
            raise PrepError(_("--map {option}: no field {word}; the fields are {fields}").format(
                option=repr(option), word=repr(word.strip()), fields=", ".join(FIELDS)))
        mapping[column_key(column)] = chosen
    return mapping


def read_customer_file(path: Path, mapping: Mapping[str, str] | None = None) -> CustomerFile:
    """The companies and contacts in a CSV or vCard file; a file that cannot be read at all is a PrepError."""
    if not path.is_file():
        raise PrepError(_("{file}: no such file; check the path").format(file=path))
    data = path.read_bytes()
    if data.startswith(_WORKBOOKS):
        raise PrepError(_("{file}: a spreadsheet workbook, not CSV; save it as CSV (UTF-8) and import that").format(
            file=path))
    text = decoded(data, path)
    if path.suffix.lower() in (".vcf", ".vcard") or text.lstrip().upper().startswith("BEGIN:VCARD"):
        if mapping:
            raise PrepError(_("--map: {file} is a vCard file, whose fields prep knows; leave out --map").format(file=path))
        return read_vcards(text)
    return read_csv(text, path, mapping or {})


def decoded(data: bytes, path: Path) -> str:
    """The file's text: as its BOM says, else UTF-8, else Windows-1252 (what Excel writes on Windows)."""
    marked = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    # Text without a BOM holds no NUL: a file with them is UTF-16 without its BOM, or no text at all.
    for encoding in ("utf-16",) if marked else ("utf-8-sig", "cp1252") if b"\x00" not in data else ():
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise PrepError(_("{file}: cannot tell how its text is encoded; save it again as CSV UTF-8 and import that").format(
        file=path))


# -- CSV ------------------------------------------------------------------------------------

def read_csv(text: str, path: Path, mapping: Mapping[str, str]) -> CustomerFile:
    """The rows of a CSV export; its separator is the one its header line uses most (or Excel's `sep=` line)."""
    first, _newline, rest = text.partition("\n")
    skipped = 0
    if re.fullmatch(r"sep=.", first.strip(), re.IGNORECASE):
        separator, skipped, text = first.strip()[-1], 1, rest
    else:
        separator = max(",;\t|", key=re.sub(r'"[^"]*"', "", first).count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    header = [name.strip() for name in _next(reader, path, 1 + skipped) or []]
    if not any(header):
        raise PrepError(_("{file}: no header line with the names of the columns; export it again with them").format(
            file=path))
    found = CustomerFile(columns=_columns(header, mapping, path))
    indexes = [(header.index(name), field_name) for name, field_name in found.columns]
    after_blank = False
    while True:
        line = reader.line_num + 1 + skipped  # as an editor counts: a quoted cell may hold line breaks
        cells = _next(reader, path, line)
        if cells is None:
            return found
        if not any(cell.strip() for cell in cells):
            after_blank = True
        elif not (after_blank and len(cells) == 1 < len(header)):  # not a report's footer ("Generated By: …")
            values: dict[str, str] = {}
            for index, name in indexes:  # the first column with a value for a field gives it
                values[name] = values.get(name, "").strip() or (cells[index] if index < len(cells) else "")
            _add_row(found, line, values)


def _next(reader: Iterator[list[str]], path: Path, line: int) -> list[str] | None:
    try:
        return next(reader, None)
    except csv.Error as error:  # a cell longer than the csv module reads, a stray character
        raise PrepError(_("{file}: line {line}: {problem}; correct it in the spreadsheet and export again").format(
            file=path, line=line, problem=error)) from None


def _columns(header: list[str], mapping: Mapping[str, str], path: Path) -> list[tuple[str, str]]:
    """Which column is read as which field: the rep's `--map` first, then the names CRMs use."""
    keys = {column_key(name): name for name in reversed(header) if name}
    listed = ", ".join(repr(name) for name in header if name)
    for column in mapping:
        if column not in keys:
            raise PrepError(_("--map: {file} has no column {column}; its columns are {columns}").format(
                file=path, column=repr(column), columns=listed))
    chosen = {keys[column]: field_name for column, field_name in mapping.items()}
    mapped = set(chosen.values())
    for field_name, aliases in COLUMNS.items():
        for alias in aliases if field_name not in mapped else ():
            if alias in keys and keys[alias] not in chosen:
                chosen[keys[alias]] = field_name
    if "name" in keys and keys["name"] not in chosen:
        # "Name" is the company's in a companies export, the person's beside a column for the company.
        person = bool({"first name", "last name", "email", "role"} & set(chosen.values()))
        chosen[keys["name"]] = "name" if "customer" in chosen.values() else "" if person else "customer"
    if "customer" not in chosen.values():
        raise PrepError(_("{file}: no column for the company; its columns are {columns}; "
                          "use --map 'Column=customer'").format(file=path, columns=listed))
    if not {"name", "first name", "last name"} & set(chosen.values()):
        # A companies export: its phone is the switchboard's, not a person's.
        chosen = {name: field_name for name, field_name in chosen.items() if field_name not in PERSON_FIELDS}
    return [(name, field_name) for name, field_name in chosen.items() if field_name]  # the first found first


# -- vCard ----------------------------------------------------------------------------------

def read_vcards(text: str) -> CustomerFile:
    """The contacts in vCard 2.1, 3.0 or 4.0 text: FN or N, ORG, TITLE, EMAIL, TEL and NOTE."""
    found = CustomerFile(vcard=True)
    card: dict[str, list[tuple[str, str]]] | None = None
    start = 0
    for number, line in _unfolded(text):
        name, params, value = _property(line)
        if name == "BEGIN" and value.upper() == "VCARD":
            card, start = {}, number
        elif name == "END" and card is not None:
            _add_row(found, start, _vcard_values(card))
            card = None
        elif card is not None and name:
            if "QUOTED-PRINTABLE" in params.upper():
                charset = re.search(r"CHARSET=([\w-]+)", params, re.IGNORECASE)
                raw = quopri.decodestring(value.encode("utf-8"))
                value = raw.decode(charset[1] if charset else "utf-8", errors="replace")
            card.setdefault(name, []).append((params.upper(), value))
    return found


def _unfolded(text: str) -> Iterable[tuple[int, str]]:
    """Logical lines with the number of their first line: a line begun by a space or a tab continues the one before."""
    current: tuple[int, str] | None = None
    for number, line in enumerate(text.splitlines(), 1):
        if current and current[1].endswith("=") and "QUOTED-PRINTABLE" in current[1].split(":", 1)[0].upper():
            current = (current[0], current[1][:-1] + line)  # quoted-printable's soft line break
        elif current and line[:1] in (" ", "\t"):
            current = (current[0], current[1] + line[1:])
        else:
            yield from [current] if current else []
            current = (number, line)
    yield from [current] if current else []


def _property(line: str) -> tuple[str, str, str]:
    """A content line's name (without its group: `item1.EMAIL`), parameters and value."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            name, _semicolon, params = line[:index].partition(";")
            return name.rpartition(".")[2].strip().upper(), params, line[index + 1:]
    return "", "", ""


def _vcard_values(card: Mapping[str, list[tuple[str, str]]]) -> dict[str, str]:
    def first(name: str) -> str:
        entries = card.get(name, [])
        preferred = [value for params, value in entries if "PREF" in params] + [value for _p, value in entries]
        return next((value for value in preferred if value.strip()), "")

    def parts(name: str) -> list[str]:
        return [_unescaped(part).strip() for part in re.split(r"(?<!\\);", first(name))]

    family, given, *_rest = parts("N") + ["", ""]
    return {"customer": parts("ORG")[0], "name": _unescaped(first("FN")) or f"{given} {family}",
            "role": _unescaped(first("TITLE") or first("ROLE")),
            "email": re.sub(r"^mailto:", "", first("EMAIL").strip(), flags=re.IGNORECASE),
            "phone": re.sub(r"^tel:", "", first("TEL").strip(), flags=re.IGNORECASE), "notes": _unescaped(first("NOTE"))}


def _unescaped(value: str) -> str:
    return re.sub(r"\\(.)", lambda match: "\n" if match[1] in "nN" else match[1], value).strip()


# -- rows -----------------------------------------------------------------------------------

def _add_row(found: CustomerFile, line: int, raw: Mapping[str, str]) -> None:
    """Check one row's values and keep it, or say why it is left out; a wrong value leaves out only itself."""
    values = {name: (value.strip() if name == "notes" else " ".join(value.split())) for name, value in raw.items()}
    if not values.get("name"):
        values["name"] = " ".join(filter(None, (values.get("first name", ""), values.get("last name", ""))))
    if not values.get("customer") or not values["name"] and any(values.get(name) for name in PERSON_FIELDS):
        if any(values.values()):
            found.problems.append(Problem(line, _("no company; the line was left out") if not values.get("customer")
                                          else _("no name for the person; the line was left out")))
        return
    email = values.get("email", "")
    if email and ("@" not in email or len(email) > _EMAIL_LIMIT):
        _read_in_part(found, line, _("{value} is not an e-mail address").format(value=repr(email[:80])))
        values["email"] = ""
    for name, words, said in (("part", _PART_WORDS, _("{value} is not a part in the decision ({choices})")),
                              ("stance", _STANCE_WORDS, _("{value} is not a stance ({choices})"))):
        given = values.get(name, "")
        values[name] = words.get(column_key(given.split(";")[0]), "")  # HubSpot writes several as "a;b"
        if given and not values[name]:
            choices = ", ".join(PARTS if name == "part" else STANCES)
            _read_in_part(found, line, said.format(value=repr(given[:80]), choices=choices))
    values["domain"] = domain_of(values.get("domain", ""))
    too_long = [name for name, value in values.items() if name != "notes" and len(value) > _LINE_LIMIT]
    if too_long:
        found.problems.append(Problem(line, _("{field} is longer than {limit} characters; the line was left out").format(
            field=too_long[0], limit=_LINE_LIMIT)))
        return
    found.rows.append(Row(line, values))


def _read_in_part(found: CustomerFile, line: int, problem: str) -> None:
    found.problems.append(Problem(line, _("{problem}; left out, the rest of the line was read").format(problem=problem)))


def domain_of(website: str) -> str:
    """The domain of a website or a domain as CRMs write them: `https://www.acme.example/about` → `acme.example`."""
    host = _SCHEME.sub("", website.strip().lower())
    host = re.split(r"[/?#]", host, maxsplit=1)[0].rpartition("@")[2].split(":")[0].strip(".")
    return host[4:] if host.startswith("www.") else host


# -- merging --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    """A customer, or a person of a customer's, that the import adds or changes, and which of their fields."""

    customer: str
    person: str = ""
    fields: tuple[str, ...] = ()


@dataclass
class ImportPlan:
    """What importing the rows would do: the cards to save, and what each of them gains or changes."""

    cards: list[Customer] = field(default_factory=list)
    new_customers: list[str] = field(default_factory=list)
    updated_customers: list[Change] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_people: list[Change] = field(default_factory=list)
    changed_people: list[Change] = field(default_factory=list)


def plan_import(rows: Iterable[Row], cards: Iterable[Customer]) -> ImportPlan:
    """The cards merged with the rows, and what changes; the existing cards are left as they are.

    A customer is found by name; a person by e-mail where both have one, else by name. What a row
    says fills or replaces a field; what the rep wrote that the file does not say is kept. A person
    found by e-mail keeps the name the card knows them by: meetings name them by it.
    """
    known = {name_key(card.name): card for card in cards}
    merged: dict[str, Customer] = {}
    for row in rows:
        key = name_key(row.values["customer"])
        card = merged.get(key) or known.get(key) or Customer(name=row.values["customer"])
        named = bool(row.values.get("name"))
        card = _filled(card, row.values, _CARD_FIELDS[:2] if named else _CARD_FIELDS)
        merged[key] = _with(card, row.values) if named else card
    plan = ImportPlan()
    for key, card in merged.items():
        before = known.get(key)
        if before is not None and msgspec.structs.replace(card, updated=before.updated) == before:
            plan.unchanged.append(card.name)
            continue
        plan.new_customers += [card.name] if before is None else []
        plan.updated_customers += [Change(card.name, fields=_differing(before, card, _CARD_FIELDS))] if before else []
        for person in card.people:
            old = next((p for p in before.people if p.name == person.name), None) if before else None
            if old is None:
                plan.new_people.append(Change(card.name, person.name))
            elif old != person:
                plan.changed_people.append(Change(card.name, person.name, _differing(old, person, _PERSON_FIELDS)))
        plan.cards.append(card)
    return plan


def _with(card: Customer, values: Mapping[str, str]) -> Customer:
    """The card with the row's person added, or merged into the one they are."""
    email = values.get("email", "").casefold()
    index = next((i for i, p in enumerate(card.people) if email and p.email.casefold() == email), None)
    if index is None:
        index = next((i for i, p in enumerate(card.people) if name_key(p.name) == name_key(values["name"])), None)
    people = list(card.people)
    if index is None:
        people.append(_filled(Person(name=values["name"]), values, _PERSON_FIELDS))
    else:
        people[index] = _filled(people[index], values, _PERSON_FIELDS)
    return msgspec.structs.replace(card, people=people)


def _filled(record: Record, values: Mapping[str, str], names: tuple[str, ...]) -> Record:
    changes = {name: values[name] for name in names if values.get(name) and values[name] != getattr(record, name)}
    return msgspec.structs.replace(record, **changes) if changes else record


def _differing(before: object, after: object, names: Iterable[str]) -> tuple[str, ...]:
    return tuple(name for name in names if getattr(before, name) != getattr(after, name))
