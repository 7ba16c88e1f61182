"""Rows as the storage holds them: JSON text, parsed only when asked for."""

from __future__ import annotations

import json
from collections.abc import Iterator, MutableMapping
from typing import Any

import msgspec

from prep.model.meeting import MeetingRecord

Row = dict[str, Any]


def dumps(value: Any) -> bytes:
    """Canonical one-line JSON: no newline can appear inside a row."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()


class Rows(MutableMapping[str, Row]):
    """One table's rows by id, held as JSON text and parsed on access."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, Any] | None = None) -> None:
        self._raw: dict[str, Any] = raw if raw is not None else {}

    def __getitem__(self, key: str) -> Row:
        value = self._raw[key]
        # msgspec reads the same JSON into the same values as json.loads, three times as fast, from a view too.
        return msgspec.json.decode(value) if isinstance(value, (bytes, memoryview)) else value

    def __setitem__(self, key: str, value: Row) -> None:
        self._raw[key] = dumps(value)

    def __delitem__(self, key: str) -> None:
        del self._raw[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def text(self, key: str) -> bytes | memoryview:
        """The row as JSON text, without parsing it."""
        value = self._raw[key]
        return value if isinstance(value, (bytes, memoryview)) else dumps(value)


class MeetingRow(MeetingRecord, kw_only=True):
    """A meeting as the meetings table holds it: its checklist copy is named, and kept once in the checklists table."""

    checklist_ref: str
    checklist_title: str = ""
