"""Customer cards and calendar appointments, kept beside the meetings in the same database.

Small tables read whole: a rep has hundreds of customers and a few weeks of calendar,
not 50,000 of either. Each row is keyed by an id derived from what it is known by (a
customer's name, an appointment's key), the same in every running copy, so two copies
importing the same file write the same rows, never two.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from prep.errors import StoreError
from prep.language import _
from prep.model.appointment import Appointment
from prep.model.customer import Customer, name_key
from prep.model.shapes import ShapeError, convert, to_builtins
from prep.storage.migrations import APPOINTMENTS, CUSTOMERS, META, SCHEMA_VERSION, appointment_key, customer_key, doc_id

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

    def _open(self) -> PrepDB:
        raise NotImplementedError

    def _tables(self) -> dict[str, Rows]:
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

    def save_customers(self, cards: Iterable[Customer], *, stamp: datetime | None = None) -> int:
        """Add or replace these customer cards (by name) in one write; returns how many."""
        stamp = stamp or datetime.now().replace(microsecond=0)
        rows = {customer_key(card.name): {**to_builtins(card), "updated": stamp.isoformat()} for card in cards}
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
