"""Finding meetings: the words typed and the history's filters, over the summaries in memory."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from prep.model.summary import MeetingSummary


@dataclass(frozen=True)
class Filters:
    """What the history can be narrowed to, besides the words typed."""

    customer: str | None = None
    since: date | None = None
    until: date | None = None
    checklist: str | None = None
    open_followups: bool = False

    def keeps(self, summary: MeetingSummary) -> bool:
        """True when the meeting passes every filter that is set."""
        return (
            (self.customer is None or summary.customer == self.customer)
            and (self.since is None or summary.when.date() >= self.since)
            and (self.until is None or summary.when.date() <= self.until)
            and (self.checklist is None or summary.checklist_title == self.checklist)
            and (not self.open_followups or summary.has_open_followups)
        )


NO_FILTERS = Filters()


def search(summaries: Iterable[MeetingSummary], text: str, filters: Filters = NO_FILTERS) -> list[MeetingSummary]:
    """The meetings whose customer, contact, goal, answers, notes or follow-ups contain every word typed."""
    words = [word.encode() for word in text.lower().split()]
    if filters != NO_FILTERS:
        summaries = [s for s in summaries if filters.keeps(s)]
    if not words:
        return list(summaries)
    if len(words) == 1:
        word = words[0]
        return [s for s in summaries if word in s.text]
    return [s for s in summaries if all(word in s.text for word in words)]


@dataclass(frozen=True)
class Excerpt:
    """Where the words typed were found: a few words around the first match, and every typed word's place in them.

    The text is the search text, lower-cased as it is kept for searching; `matches` are
    (start, end) character offsets into it, in order and not overlapping.
    """

    text: str
    matches: tuple[tuple[int, int], ...]


BEFORE = 16  # characters of context before the match: the match stays in view on a narrow line
WIDTH = 90  # characters of the excerpt at most; the line's end cuts it shorter where it must
ELLIPSIS = "…"


def excerpt(summary: MeetingSummary, text: str, *, before: int = BEFORE, width: int = WIDTH) -> Excerpt | None:
    """The words around the first place the typed words were found, within the one field they were found in.

    The customer's name is not searched for an excerpt: a line of the history shows it already.
    None when nothing typed is found beyond it. Only for the few meetings a screen lists: for
    one meeting it costs far more than searching it.
    """
    words = text.lower().split()
    if not words:
        return None
    found = summary.text
    name = summary.customer.lower().encode()
    skip = len(name) if found.startswith(name) else 0
    places = [place for word in words if (place := found.find(word.encode(), skip)) >= 0]
    if not places:
        return None
    start = _together(found, [word.encode() for word in words], skip) if len(words) > 1 else None
    if start is None:
        start = min(places)
    # Decoded in two parts from a match's start, which is always a character's start in
    # UTF-8; a window's edge cut into a character loses only that character.
    # A character takes up to four bytes: these windows hold `before` and `width` characters at least.
    head = found[max(skip, start - 4 * (before + 1)):start].decode("utf-8", "ignore").rpartition("\n")[2]
    tail = found[start:start + 4 * (width + 1)].decode("utf-8", "ignore").partition("\n")[0]
    room = max(width - min(len(head), before), max(map(len, words)))  # never cut into the match
    shown = _cut_head(head, before) + _cut_tail(tail, room)
    return Excerpt(shown, _matches(shown, words))


def _together(found: bytes, words: list[bytes], skip: int, tries: int = 20) -> int | None:
    """The first place of the first word in a field (a line) that holds every word, if one of the first few does."""
    place = found.find(words[0], skip)
    while place >= 0 and tries:
        line_start = found.rfind(b"\n", 0, place) + 1
        line_end = found.find(b"\n", place)
        line = found[line_start:line_end if line_end >= 0 else len(found)]
        if all(word in line for word in words[1:]):
            return place
        place = found.find(words[0], line_end) if line_end >= 0 else -1
        tries -= 1
    return None


def _cut_head(head: str, before: int) -> str:
    """The last words of `head`, at most `before` characters, starting at a word."""
    if len(head) <= before:
        return head
    kept = head[-before:]
    space = kept.find(" ")
    return ELLIPSIS + (kept[space + 1:] if 0 <= space < len(kept) - 1 else kept)


def _cut_tail(tail: str, width: int) -> str:
    """The first words of `tail`, at most `width` characters, ending at a word."""
    if len(tail) <= width:
        return tail
    kept = tail[:width]
    space = kept.rfind(" ")
    return (kept[:space] if space > 0 else kept) + ELLIPSIS


def _matches(shown: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """Every place of every word in `shown`, overlapping places merged into one."""
    spans = sorted((place, place + len(word)) for word in words for place in _places(shown, word))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def _places(shown: str, word: str) -> list[int]:
    places, place = [], shown.find(word)
    while place >= 0:
        places.append(place)
        place = shown.find(word, place + len(word))
    return places
