"""Text from the rep, an import or a checklist file, made inert before it reaches a terminal or a file.

A customer name, a follow-up or a line of YAML may hold control characters: ESC starts
the sequences that recolour, retitle or clear a terminal (and some terminals answer them,
as if typed), C1 characters such as U+009B do the same on terminals that read them, CR
overwrites a line. Wherever such text is shown, each control character is written as a
visible escape instead — `\\x1b`, `\\x9b`, `\\r` — so the rep sees that something odd is
there and nothing acts on it. One rule, used by the command line for all it prints, by the
app for all it shows, and by the Markdown and calendar files.
"""

from __future__ import annotations

# C0 but tab and newline, DEL, and C1 (U+0080–U+009F): the characters a terminal acts on.
CONTROLS = frozenset([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])

_ESCAPES = {code: f"\\x{code:02x}" for code in CONTROLS} | {0x0D: "\\r"}
# In one line a newline is shown too, so that it cannot start a line of its own.
_ONE_LINE = _ESCAPES | {0x0A: "\\n"}


def inert(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character but tab and newline written as a visible escape.

    A line ending CR LF (CSV writes them) stays as it is: it only ends the line. With
    `one_line`, a newline is escaped too, so a name or a path cannot split a message
    that is promised to be one line (an error, `file:line:col: problem`).
    """
    if one_line:
        return text.translate(_ONE_LINE)
    if "\r\n" in text:
        return "\r\n".join(part.translate(_ESCAPES) for part in text.split("\r\n"))
    return text.translate(_ESCAPES)


def inert_json(text: str) -> str:
    """JSON text with DEL and C1 written as `\\u007f`…`\\u009f`: the same data, and inert.

    `json.dumps` escapes C0 itself, but with `ensure_ascii=False` it leaves DEL and C1 as
    they are. They can only stand inside a string there, where `\\uXXXX` means the same.
    """
    return text.translate(_JSON_ESCAPES)


_JSON_ESCAPES = {code: f"\\u{code:04x}" for code in (0x7F, *range(0x80, 0xA0))}
