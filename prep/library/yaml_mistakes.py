"""The common slips in a trainer's YAML, recognised where PyYAML gives up and said in plain words at their place.

PyYAML notices a mistake where it can no longer go on, which is often after it: a quote
left open is noticed at the end of the file, an apostrophe in '…' a few characters on.
Each case below looks at the text around PyYAML's error mark, and at the tokens PyYAML
read before it, recognises one slip and answers where it is and what to do, or None.
Two slips are looked for before PyYAML reads anything, because PyYAML reads on without a
word: a file saved as UTF-16, and a non-breaking space where YAML needs a space.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import yaml
import yaml.reader
from yaml.tokens import ScalarToken

from prep.language import N_, _
from prep.library.format import CHECKLIST, ITEMS, SECTION

TAB = N_("a tab character where YAML needs spaces; indent with spaces")
UNCLOSED = N_("a quoted text is not closed: add the closing quote on this line")
COLON = N_("text that contains ': ' must be in double quotes \"…\"")
APOSTROPHE = N_("an apostrophe ends a text in single quotes '…': put the text in double quotes \"…\" "
                "(or write the apostrophe twice: '')")
QUOTE_INSIDE = N_("a \" ends a text in double quotes \"…\": write \\\" for a quote inside, "
                  "or put the text in single quotes '…'")
SMART_QUOTES = N_("{quotes} are not YAML quotes — use straight double quotes \"…\"")
NO_SPACE = N_("a list item needs '- ' (dash and space): add a space after the dash")
NO_DASH = N_("a list item needs '- ' (dash and space): this line has no dash")
INDENTED = N_("this key is indented further than the key above it; line the keys up")
NBSP = N_("a non-breaking space from a word processor — use normal spaces")
UTF16 = N_("the file is saved as UTF-16 — save it as UTF-8 in your editor")
CONTROL = N_("an invisible control character ({code}), often pasted from a word processor; delete it")

# Typographic quotes, as word processors and German keyboards write them, and the pair each opens.
SMART_PAIRS = {"„": "„…“", "“": "“…”", "”": "”…”", "‚": "‚…‘", "‘": "‘…’", "«": "«…»", "»": "»…«"}
CLOSING = "“”‘’«»"
NON_BREAKING = "\u00a0\u202f"  # a non-breaking space, and its narrow form (French and German typography)
_SPACE = "[ \u00a0\u202f]"
# What comes before a value on a line: indentation, list dashes, a key and its colon.
_STRUCTURE = re.compile(rf"{_SPACE}*(?:-{_SPACE}+)*(?:[A-Za-z_][\w-]*{_SPACE}*:{_SPACE}+)?")
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # as YAML counts lines (not as str.splitlines)
KEYS = {*CHECKLIST, *SECTION, *(key for fields in ITEMS.values() for key in fields)}

Found = tuple[int, int, str]  # line and column (from 1), and what to do


def smart_quoted(text: str) -> bool:
    """The text starts and ends with typographic quotes: YAML took them for part of the text."""
    return len(text) >= 2 and text[0] in SMART_PAIRS and text[-1] in CLOSING


def saved_as_utf16(data: bytes) -> bool:
    """The file is UTF-16, with its byte order mark or without one (then every other byte of plain text is zero)."""
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):  # UTF-32, not UTF-16
        return False
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        encoding = "utf-16"
    else:
        sample = data[:4096]
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        half = len(sample) // 2
        if half < 2 or max(even, odd) < half // 2 or min(even, odd) > half // 20:
            return False
        encoding = "utf-16-le" if odd > even else "utf-16-be"
    try:
        data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def non_breaking_spaces(text: str) -> list[tuple[int, int]]:
    """Where a non-breaking space stands for a space YAML needs: in the indentation, after a dash or a key's colon.

    PyYAML reads it as a letter, so the line means something else, silently or with an
    error far from it. In the text itself (`10 %`, `z. B.`) it is fine and left alone.
    """
    places = []
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        structure = _STRUCTURE.match(line)
        column = next((i for i, c in enumerate(structure.group() if structure else "") if c in NON_BREAKING), None)
        if column is not None:
            places.append((number, column + 1))
    return places


def control_character(text: str, error: yaml.reader.ReaderError) -> Found:
    """A character YAML does not allow (a vertical tab for a line break pasted from a word processor), at its place."""
    before = _LINE_BREAK.split(text[: error.position])
    return len(before), len(before[-1]) + 1, _(CONTROL).format(code=f"U+{error.character:04X}")


@dataclass
class Slip:
    """Where PyYAML gave up, with the file's lines and the tokens read before it."""

    error: yaml.MarkedYAMLError
    lines: list[str]
    tokens: list[yaml.Token]

    @property
    def problem(self) -> str:
        return (self.error.problem or "").strip()

    @property
    def context(self) -> str:
        return (self.error.context or "").strip()

    def scalar_before(self, mark: yaml.Mark) -> ScalarToken | None:
        """The last text PyYAML read before `mark`."""
        before = [t for t in self.tokens if isinstance(t, ScalarToken) and t.end_mark.index <= mark.index]
        return before[-1] if before else None

    def line(self, mark: yaml.Mark) -> str:
        return self.lines[mark.line] if mark.line < len(self.lines) else ""


def _at(mark: yaml.Mark, column_offset: int = 0) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1 + column_offset


def _tokens(text: str) -> list[yaml.Token]:
    """The tokens PyYAML reads, up to where it cannot go on."""
    found: list[yaml.Token] = []
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            found.append(token)
    except yaml.YAMLError:
        pass
    return found


def tab(slip: Slip) -> Found | None:
    """A tab where YAML needs spaces: PyYAML says so itself, at the tab."""
    if "\\t" in slip.problem or "\t" in slip.problem or "tab" in slip.problem:
        mark = slip.error.problem_mark or slip.error.context_mark
        return (*_at(mark), _(TAB)) if mark else (1, 1, _(TAB))
    return None


def _closed_then_more(slip: Slip) -> ScalarToken | None:
    """The quoted text PyYAML closed last, on the error's line, with more text right after its closing quote."""
    mark = slip.error.problem_mark
    if mark is None:
        return None
    quoted = [t for t in slip.tokens if isinstance(t, ScalarToken) and t.style in ("'", '"') and t.end_mark.index <= mark.index]
    if not quoted or quoted[-1].end_mark.line != mark.line:
        return None
    rest = slip.line(mark)[quoted[-1].end_mark.column:].strip()
    return quoted[-1] if rest and rest[0] not in ":,]}#" else None


def unclosed_quote(slip: Slip) -> Found | None:
    """`prompt: "Was braucht der Kunde?` and no closing quote: the opening quote is the place.

    PyYAML reads on, to the end of the file, or to the next quote, which it takes for the
    closing one, and stumbles on what follows that: a quoted text over several lines, closed
    on the line of the error, is one left open.
    """
    error = slip.error
    if (error.context_mark and "quoted scalar" in slip.context
            and ("end of stream" in slip.problem or "document separator" in slip.problem)):
        return (*_at(error.context_mark), _(UNCLOSED))
    quoted = _closed_then_more(slip)
    if quoted is not None and quoted.start_mark.line != quoted.end_mark.line:
        return (*_at(quoted.start_mark), _(UNCLOSED))
    return None


def quote_inside_quotes(slip: Slip) -> Found | None:
    """`'Dafür gibt's'`: the apostrophe closes the text, and PyYAML stumbles on what follows; a " inside "…" likewise.

    The place is the quote that closed the text too early.
    """
    quoted = _closed_then_more(slip)
    if quoted is None:
        return None
    message = APOSTROPHE if quoted.style == "'" else QUOTE_INSIDE
    return (*_at(quoted.end_mark, -1), _(message))


def _text_with_colon(slip: Slip) -> ScalarToken | None:
    """The unquoted text on the error's line that a second ': ' broke (`hint: MEDDPICC: Economic buyer`)."""
    mark = slip.error.problem_mark
    if not slip.problem.startswith("mapping values are not allowed") or mark is None:
        return None
    text = slip.scalar_before(mark)
    if text is None or text.style:
        return None
    if text.start_mark.line != mark.line and _key_before(slip, mark):
        return None  # a key on a line of its own, indented too far: `indented_key`
    return text


def _key_before(slip: Slip, mark: yaml.Mark) -> bool:
    """The line holds nothing but one of the format's keys before the colon at `mark`."""
    return slip.line(mark)[:mark.column].strip() in KEYS


def smart_quotes(slip: Slip) -> Found | None:
    """`prompt: „Frage: wie?“`: typographic quotes are letters to YAML, so the ': ' inside breaks the line."""
    text = _text_with_colon(slip)
    if text is None or text.value[:1] not in SMART_PAIRS:
        return None
    return (*_at(text.start_mark), _(SMART_QUOTES).format(quotes=SMART_PAIRS[text.value[0]]))


def colon_in_text(slip: Slip) -> Found | None:
    """`hint: MEDDPICC: Economic buyer`: a ': ' in a text without quotes starts a key where none can be.

    The place is the start of the text, where the opening quote belongs.
    """
    text = _text_with_colon(slip)
    return (*_at(text.start_mark), _(COLON)) if text is not None else None


def indented_key(slip: Slip) -> Found | None:
    """A key indented further than the one above: YAML reads it as more of the text above, then trips on its colon."""
    mark = slip.error.problem_mark
    if not slip.problem.startswith("mapping values are not allowed") or mark is None:
        return None
    if not _key_before(slip, mark):
        return None
    line = slip.line(mark)
    return mark.line + 1, len(line) - len(line.lstrip()) + 1, _(INDENTED)


def _list_line(slip: Slip) -> yaml.Mark | None:
    """The mark of the line PyYAML found among list items but could not read as one."""
    if "simple key" in slip.context and slip.error.context_mark:
        return slip.error.context_mark
    if "block collection" in slip.context and slip.error.problem_mark:
        return slip.error.problem_mark
    return None


def dash_without_space(slip: Slip) -> Found | None:
    """`-"Zwei"` after other list items: without a space, the dash is a letter of a text, not a list item."""
    mark = _list_line(slip)
    if mark is None:
        return None
    line = slip.line(mark)
    content = line.lstrip(" ")
    if not content.startswith("-") or content[1:2] in ("", " "):
        return None
    return mark.line + 1, len(line) - len(content) + 1, _(NO_SPACE)


def missing_dash(slip: Slip) -> Found | None:
    """A line without '- ' among list items: the nearest line above it at its indentation is a list item."""
    mark = _list_line(slip)
    if mark is None:
        return None
    line = slip.line(mark)
    indent = len(line) - len(line.lstrip(" "))
    for above in reversed(slip.lines[:mark.line]):
        content = above.lstrip(" ")
        if not content or content.startswith("#") or len(above) - len(content) > indent:
            continue
        if len(above) - len(content) == indent and content.startswith("- "):
            return mark.line + 1, indent + 1, _(NO_DASH)
        return None
    return None


CASES: tuple[Callable[[Slip], Found | None], ...] = (
    tab, unclosed_quote, quote_inside_quotes, smart_quotes, colon_in_text, indented_key, dash_without_space, missing_dash,
)


def explain(text: str, error: yaml.MarkedYAMLError) -> Found | None:
    """The slip behind PyYAML's error, where it is and what to do; None for a mistake none of the cases knows."""
    slip = Slip(error, _LINE_BREAK.split(text), _tokens(text))
    for case in CASES:
        found = case(slip)
        if found is not None:
            return found
    return None
