"""Customer cards and calendar appointments, kept beside the meetings in the same database.

Small tables read whole: a rep has hundreds of customers and a few weeks of calendar,
not 50,000 of either. Each row is keyed by an id derived from what it is known by (a
customer's name, an appointment's key), the same in every running copy, so two copies
importing the same file write the same rows, never two.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from prep.errors import StoreError
from prep.language import _
from prep.model.appointment import Appointment
from prep.model.customer import Customer, name_key, same_name
from prep.model.shapes import ShapeError, convert, to_builtins
from prep.storage.migrations import (
    APPOINTMENTS,
    CUSTOMERS,
    MEETINGS,
    META,
    SCHEMA_VERSION,
    appointment_key,
    customer_key,
)

if TYPE_CHECKING:
    from prep.storage.journal import JournalStorage
    from prep.storage.rows import Rows
    from prep.storage.tables import PrepDB

T = TypeVar("T")


class CustomerCards:
    """The customers' cards and the calendar's appointments; the Store builds on it."""

    path: Any
    _lock: threading.RLock
    _storage: JournalStorage | None
    _stale: set[str]

    def _open(self) -> PrepDB:
        raise NotImplementedError

    def _tables(self) -> dict[str, Rows]:
        raise NotImplementedError

    def _stamp(self) -> str:
        raise NotImplementedError

    def _finish(self, tables: dict[str, Rows], *, everywhere: bool) -> int:
        raise NotImplementedError

    # -- customers ----------------------------------------------------------------------

    def customer(self, name: str) -> Customer | None:
        """The card of the customer with this name (case and spacing aside), or None."""
        with self._lock:
            rows = self._tables().get(CUSTOMERS)
            key = customer_key(name)
            if rows is None or key not in rows:
                return None
            return self._read_row(rows[key], Customer)

    def customer_cards(self) -> list[Customer]:
        """Every customer card, by name."""
        with self._lock:
            rows = self._tables().get(CUSTOMERS)
            cards = [self._read_row(rows[key], Customer) for key in rows] if rows else []
        return sorted(cards, key=lambda card: name_key(card.name))

    def save_customers(self, cards: Iterable[Customer]) -> int:
        """Add or replace these customer cards (by name) in one write, as they are (`updated` too); returns how many."""
        rows = {customer_key(card.name): to_builtins(card) for card in cards}
        self._upsert(CUSTOMERS, rows)
        return len(rows)

    def save_customer(self, card: Customer) -> None:
        """Add or replace one customer card."""
        self.save_customers([card])

    # -- appointments ---------------------------------------------------------------------

    def appointments(self) -> list[Appointment]:
        """Every appointment imported from the calendar, soonest first."""
        with self._lock:
            rows = self._tables().get(APPOINTMENTS)
            found = [self._read_row(rows[key], Appointment) for key in rows] if rows else []
        return sorted(found, key=lambda appointment: (appointment.when, appointment.key))

    def save_appointments(self, appointments: Iterable[Appointment]) -> int:
        """Add or replace these appointments (by key) in one write; returns how many."""
        rows = {appointment_key(a.key): to_builtins(a) for a in appointments}
        self._upsert(APPOINTMENTS, rows)
        return len(rows)

    def rename_person(self, customer: str, old: str, new: str) -> int:
        """A person renamed on the card is renamed in their customer's meetings too (who was planned and who was
        there), in one write, so that when they were last met is not lost. Returns how many meetings changed."""
        from prep.storage.erase import rename_in_rows

        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                changed = rename_in_rows(tables, customer, old, new)
                self._storage.commit({MEETINGS: changed})
                self._stale.update(changed)
        return len(changed)

    # -- erasing --------------------------------------------------------------------------

    def _theirs(self, customer: str) -> Callable[[dict[str, Rows]], dict[str, list[str]]]:
        """What goes with a customer's meetings when they are forgotten: their card and appointments."""
        def rows(tables: dict[str, Rows]) -> dict[str, list[str]]:
            appointments = tables.get(APPOINTMENTS) or {}
            return {CUSTOMERS: [customer_key(customer)],
                    APPOINTMENTS: [key for key in appointments if same_name(str(appointments[key].get("customer", "")), customer)]}
        return rows

    def forget_person(self, customer: str, person: str) -> int:
        """Erase one person for good (GDPR Art. 17): off the customer's card, out of every meeting's and
        appointment's list of people, their name and e-mail address out of every text, and out of every old copy.

        The meetings stay. The same errors as `forget`. Returns how many meetings changed.
        """
        from prep.storage.erase import erase_person

        card = self.customer(customer)
        found = card.person(person) if card is not None else None
        names = [found.name if found else person] + ([found.email] if found is not None and found.email.strip() else [])
        with self._lock:
            self._open()
            assert self._storage is not None
            with self._storage.writing() as tables:
                changed = erase_person(self._storage, tables, customer, names, self._stamp())
                self._stale.update(changed)
                self._finish(tables, everywhere=True)
        return len(changed)

    # -- rows -----------------------------------------------------------------------------

    def _upsert(self, table: str, rows: dict[str, dict[str, Any]]) -> None:
        if not rows:
            return
        from tinydb.table import Document

        with self._lock:
            db = self._open()
            meta = db.table(META)
            if meta.get(doc_id=1) is None:  # the schema first, as every write does
                meta.upsert(Document({"schema": SCHEMA_VERSION}, doc_id=1))
            documents = [Document(row, doc_id=int(key)) for key, row in rows.items()]
            db.table(table).upsert_many(documents)

    def _read_row(self, row: dict[str, Any], kind: type[T]) -> T:
        try:
            return convert(row, kind)
        except ShapeError as error:
            said = (_("{path}: a customer card does not read ({problem}); it was left as it is — restore a backup, "
                      "or export and fix it") if kind is Customer else
                    _("{path}: an appointment from the calendar does not read ({problem}); it was left as it is — "
                      "import the calendar again"))
            raise StoreError(said.format(path=self.path, problem=error)) from None
