"""Reading and writing the model's shapes as JSON, with mistakes named by where they are.

One encoder and one decoder for every shape prep stores or exports, so that a meeting
read from the database, from an export or from a test is checked by the same
declaration. A mismatch becomes a `ShapeError` that says which field is wrong and
what was expected, in words a rep can act on: `meetings[3].customer: expected text,
got a number`.
"""

from __future__ import annotations

import re
from typing import Any, TypeVar

import msgspec

from prep.model.meeting import read_hook, write_hook

T = TypeVar("T")

_ENCODER = msgspec.json.Encoder(enc_hook=write_hook)

# msgspec's names for JSON types, as a rep would say them.
_WORDS = {
    "str": "text", "int": "a whole number", "float": "a number", "bool": "true or false", "null": "nothing (null)",
    "array": "a list", "object": "a set of fields", "datetime": "a date and time", "date": "a date such as 2026-11-25",
}


class ShapeError(ValueError):
    """A value that does not match the model: `where` is a path such as `meetings[3].customer`."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def encode(value: Any) -> bytes:
    """One line of JSON for any model shape (no newline can appear inside)."""
    return _ENCODER.encode(value)


def deep_copy(value: T) -> T:
    """A copy sharing nothing with `value`, for handing a shape to another thread."""
    return msgspec.json.decode(_ENCODER.encode(value), type=type(value), dec_hook=read_hook)


def to_builtins(value: Any) -> Any:
    """Plain dicts, lists and strings for any model shape."""
    return msgspec.to_builtins(value, enc_hook=write_hook)


def decode(data: bytes | str, kind: type[T], *, prefix: str = "") -> T:
    """Parse and check JSON as `kind`; raises ShapeError naming the field."""
    try:
        return msgspec.json.decode(data, type=kind, dec_hook=read_hook)
    except msgspec.ValidationError as error:
        raise _shape_error(str(error), prefix) from None
    except msgspec.DecodeError as error:
        raise ShapeError("", _malformed(str(error), data)) from None
    except RecursionError:
        raise ShapeError("", "nested far too deeply to be a prep file") from None


def convert(value: Any, kind: type[T], *, prefix: str = "") -> T:
    """Check plain Python data (a row, a parsed file) as `kind`; raises ShapeError naming the field."""
    try:
        return msgspec.convert(value, type=kind, dec_hook=read_hook)
    except msgspec.ValidationError as error:
        raise _shape_error(str(error), prefix) from None
    except RecursionError:
        raise ShapeError("", "nested far too deeply to be a prep file") from None


def _shape_error(message: str, prefix: str) -> ShapeError:
    problem, _, where = message.partition(" - at `$")
    where = prefix + where.rstrip("`")
    field = re.fullmatch(r"Object (missing required|contains unknown) field `([^`]+)`", problem)
    if field:
        where += f".{field.group(2)}"
        problem = "missing; every meeting needs it" if field.group(1) == "missing required" else \
            "a field prep does not know; remove it or check its spelling"
    return ShapeError(where.lstrip("."), _plain(problem))


def _malformed(message: str, data: bytes | str) -> str:
    """`not valid JSON at line 3, column 7 (invalid character)`: where the JSON breaks."""
    raw = data.encode() if isinstance(data, str) else bytes(data)
    at = re.search(r"\(byte (\d+)\)", message)
    offset = int(at.group(1)) if at else len(raw)
    line = raw.count(b"\n", 0, offset) + 1
    column = offset - (raw.rfind(b"\n", 0, offset) + 1) + 1
    reason = re.sub(r"^JSON is malformed: |\s*\(byte \d+\)", "", message)
    return f"not valid JSON at line {line}, column {column} ({reason})"


def _plain(problem: str) -> str:
    expected = re.fullmatch(r"Expected `([^`]+)`, got `([^`]+)`", problem)
    if expected:
        wanted = " or ".join(_WORDS.get(part.strip(), part.strip()) for part in expected.group(1).split("|"))
        return f"expected {wanted}, got {_WORDS.get(expected.group(2), expected.group(2))}"
    longer = re.fullmatch(r"Expected `(?:str|array)` of length <= (\d+)", problem)
    if longer:
        return f"longer than {int(longer.group(1)):,} characters; is this the right file?"
    if problem in ("Integer value out of range", "Number out of range"):
        # msgspec's words for 5,000 digits or 1e999: neither is a number any prep file holds.
        return "a number far too large"
    if problem.startswith("Invalid enum value"):
        return problem.replace("Invalid enum value", "not one of the allowed values:").replace("`", "")
    return problem[:1].lower() + problem[1:].replace("`", "")
