"""The snapshot file: JSON that TinyDB itself could read, one row per line, checksummed.

    {"~layout":{"version":1,"hot":{"meetings":37}},
    "meta":{
    "1":{"schema":2}
    },
    "meetings":{
    "8123…":{…},
    …
    },
    "~end":{"crc":…}
    }

Rows stay as their JSON text until asked for, the rows the home screen needs come
first, and a file cut short anywhere fails its checksum instead of loading half.
A database in TinyDB's plain layout (older prep, or stock TinyDB) is read whole.
"""

from __future__ import annotations

import json
import zlib
from typing import Any

from prep.storage.rows import Rows, dumps

LAYOUT_KEY = "~layout"
END_KEY = "~end"
LAYOUT_VERSION = 1


def write_snapshot(handle: Any, tables: dict[str, Rows], hot: dict[str, set[str]]) -> None:
    """Write tables one row per line, hot rows first, a checksum at the end: fast to read, still JSON."""
    layout = {"version": LAYOUT_VERSION, "hot": {name: len(hot.get(name, ())) for name in tables}}
    handle.write(b"{" + dumps(LAYOUT_KEY) + b":" + dumps(layout) + b",\n")
    crc = 0
    for name, rows in tables.items():
        first = [key for key in rows if key in hot.get(name, ())]
        keys = first + [key for key in rows if key not in hot.get(name, ())]
        chunk = [dumps(name) + b":{"]
        chunk += [dumps(key) + b":" + rows.text(key) + (b"," if index < len(keys) - 1 else b"") for index, key in enumerate(keys)]
        chunk.append(b"},")
        data = b"\n".join(chunk) + b"\n"
        crc = zlib.crc32(data, crc)
        handle.write(data)
    handle.write(dumps(END_KEY) + b":" + dumps({"crc": crc}) + b"\n}\n")


def parse_snapshot(data: bytes) -> tuple[dict[str, Rows], dict[str, list[str]]]:
    """Read a snapshot; a file in TinyDB's plain JSON layout is read whole. ValueError if damaged."""
    first_end = data.find(b"\n")
    prefix = b"{" + dumps(LAYOUT_KEY) + b":"
    if not data.startswith(prefix) or first_end < 0:
        return parse_plain(data)
    layout = json.loads(data[len(prefix):first_end].rstrip(b","))
    end_marker = b"\n" + dumps(END_KEY) + b":"
    end_at = data.rfind(end_marker)
    if end_at < 0 or not data.rstrip().endswith(b"}"):
        raise ValueError("no end marker")
    body = data[first_end + 1:end_at + 1]
    trailer = json.loads(data[end_at + len(end_marker):].strip().rstrip(b"}").strip() or b"{}")
    if zlib.crc32(body) != trailer.get("crc"):
        raise ValueError("checksum")
    # Rows stay slices of the one buffer read from disk: no copy per row.
    view = memoryview(data)
    tables: dict[str, Rows] = {}
    hot: dict[str, list[str]] = {}
    current: dict[str, Any] | None = None
    name = ""
    position, stop = first_end + 1, end_at + 1
    while position < stop:
        end = data.find(b"\n", position, stop)
        if end < 0:
            end = stop
        if end == position:
            position += 1
            continue
        if current is None:
            name = json.loads(data[position:end - 2])  # '"meetings":{'
            current = {}
        elif data[position:end] in (b"}", b"},"):
            tables[name] = Rows(current)
            hot[name] = list(current)[: layout.get("hot", {}).get(name, 0)]
            current = None
        else:
            split = data.index(b'":', position, end)
            row_end = end - 1 if data[end - 1] == 0x2C else end  # a trailing comma
            current[data[position + 1:split].decode()] = view[split + 2:row_end]
        position = end + 1
    if current is not None:
        raise ValueError("unfinished table")
    return tables, hot


def parse_plain(data: bytes) -> tuple[dict[str, Rows], dict[str, list[str]]]:
    """A database in TinyDB's own JSON layout (older prep, or stock TinyDB)."""
    loaded = json.loads(data)
    if not isinstance(loaded, dict) or not all(isinstance(rows, dict) for rows in loaded.values()):
        raise ValueError("not a TinyDB database")
    tables = {name: Rows({key: dumps(row) for key, row in rows.items()}) for name, rows in loaded.items()}
    return tables, {name: list(rows) for name, rows in tables.items()}
