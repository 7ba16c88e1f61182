"""TinyDB's tables over the journal: every insert, upsert, update and remove is one fsync'd journal line.

The store talks to the database only through TinyDB's own API on these tables;
`JournalTable` turns each write operation into exactly the row changes it made,
and `PrepDB` is TinyDB with this table class and `JournalStorage` underneath.
No write brings back a meeting erased with `prep forget` (see prep.storage.erase).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.table import Document, Table

from prep.storage.erase import refuse_erased
from prep.storage.journal import JournalStorage
from prep.storage.rows import Row, Rows


class _Tracked(dict):  # type: ignore[type-arg]
    """A row handed to TinyDB's update functions, which change rows in place: it notes that it changed."""

    changed = False

    def _mark(self) -> None:
        self.changed = True

    def __setitem__(self, key: str, value: Any) -> None:
        self._mark()
        super().__setitem__(key, value)

    def __delitem__(self, key: str) -> None:
        self._mark()
        super().__delitem__(key)

    def update(self, *args: Any, **kwargs: Any) -> None:
        self._mark()
        super().update(*args, **kwargs)

    def pop(self, *args: Any) -> Any:
        self._mark()
        return super().pop(*args)

    def setdefault(self, key: str, default: Any = None) -> Any:
        self._mark()
        return super().setdefault(key, default)

    def clear(self) -> None:
        self._mark()
        super().clear()


class _Changing(MutableMapping[int, Row]):
    """The table as TinyDB's write operations see it: the live rows, with every change recorded.

    Reading a row parses it and nothing more, so a `remove(Query()...)` over 50,000
    rows writes only the rows it removes.
    """

    def __init__(self, rows: Rows) -> None:
        self.rows = rows
        self.read: dict[str, _Tracked] = {}
        self.written: dict[str, Row] = {}
        self.deleted: set[str] = set()

    def __getitem__(self, doc_id: int) -> Row:
        key = str(doc_id)
        if key in self.deleted:
            raise KeyError(doc_id)
        if key in self.written:
            return self.written[key]
        if key not in self.read:
            self.read[key] = _Tracked(self.rows[key])
        return self.read[key]

    def __setitem__(self, doc_id: int, row: Row) -> None:
        key = str(doc_id)
        self.deleted.discard(key)
        self.read.pop(key, None)
        self.written[key] = row

    def __delitem__(self, doc_id: int) -> None:
        key = str(doc_id)
        if key not in self:
            raise KeyError(doc_id)
        self.written.pop(key, None)
        self.read.pop(key, None)
        self.deleted.add(key)

    def __contains__(self, doc_id: object) -> bool:
        key = str(doc_id)
        return key not in self.deleted and (key in self.written or key in self.rows)

    def __iter__(self) -> Iterator[int]:
        for key in list(self.rows) + [k for k in self.written if k not in self.rows]:
            if key not in self.deleted:
                yield int(key)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def changes(self) -> dict[str, Row | None]:
        """Every row written or changed in place, and None for every row removed."""
        changed: dict[str, Row | None] = {key: dict(row) for key, row in self.read.items() if row.changed}
        changed.update(self.written)
        changed.update({key: None for key in self.deleted})
        return changed


class JournalTable(Table):
    """A TinyDB table whose every write (insert, upsert, update, remove) is one fsync'd journal line."""

    # Another running copy may change rows at any time: a cached query result could be stale.
    default_query_cache_capacity = 0

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        storage = self._storage
        assert isinstance(storage, JournalStorage)
        with storage.writing() as tables:
            view = _Changing(tables.get(self.name) or Rows())
            updater(view)  # type: ignore[arg-type]
            changes = view.changes()
            # Checked under the write lock, with every copy's changes read: a forget that
            # another running copy committed a moment ago is seen here.
            refuse_erased(storage.path, self.name, tables, changes)
            storage.commit({self.name: changes})
        self.clear_cache()

    def upsert_many(self, documents: Iterable[Document]) -> list[int]:
        """Insert or replace many documents (each with its doc_id) in one journal line: all or none."""
        rows = {document.doc_id: dict(document) for document in documents}

        def replace(table: dict[int, Any]) -> None:
            for doc_id, row in rows.items():
                table[doc_id] = row

        self._update_table(replace)
        return list(rows)


class PrepDB(TinyDB):
    """TinyDB over the journal: its tables write through `JournalTable`, its storage is `JournalStorage`."""

    table_class = JournalTable
    default_storage_class = JournalStorage
