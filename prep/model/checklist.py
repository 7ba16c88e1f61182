"""The checklist a rep walks through: sections of needs, objections, trust points and questions.

Declared once, as msgspec Structs: the same declaration checks a copy read from disk or
an import and writes it back. A `Checklist` is read from a trainer's YAML file by
`prep.library.loader`, and a copy of it is kept with every saved meeting so that
history stays readable after the file changes or disappears. Where a checklist came
from is the library's business, not part of the copy.
"""

from __future__ import annotations

from typing import Literal

import msgspec

SectionKind = Literal["needs", "objections", "trust", "questions"]
SECTION_KINDS: tuple[str, ...] = ("needs", "objections", "trust", "questions")


class Item(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """One prompt, objection card or trust point."""

    id: str
    prompt: str = ""
    objection: str = ""
    responses: tuple[str, ...] = ()
    point: str = ""
    hint: str = ""
    required: bool = False
    say: str = ""  # an objection's talk track
    category: str = ""  # an objection's kind: price, timing… (prep.library.format.CATEGORIES)
    likelihood: str = ""  # how likely the trainer thinks an objection is; the rep's estimate starts here

    @property
    def text(self) -> str:
        """What the rep reads: the prompt, the objection or the trust point."""
        return self.prompt or self.objection or self.point


class Section(msgspec.Struct, frozen=True, forbid_unknown_fields=True, omit_defaults=True):
    """One step of the walkthrough."""

    id: str
    kind: SectionKind
    title: str
    items: tuple[Item, ...]
    intro: str = ""

    def key(self, item: Item) -> str:
        """Where the rep's answer, the debrief's verdict and the rehearsal of an item are kept."""
        return f"{self.id}/{item.id}"


# Every field is written, even at its default: the copy's content hash names it in the
# database, and copies written before this declaration listed them all.
class Checklist(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """A trainer's checklist, as loaded from one YAML file."""

    id: str
    title: str
    sections: tuple[Section, ...]
    language: str = "en"
    version: int = 1
    description: str = ""
    meeting_types: tuple[str, ...] = ()
    exit_criteria: tuple[str, ...] = ()
    status: str = "ready"
    changes: str = ""

    @property
    def is_draft(self) -> bool:
        """A trainer's draft: offered only with --drafts."""
        return self.status == "draft"

    def items(self, kind: str | None = None) -> list[tuple[Section, Item]]:
        """Every item with its section, in walkthrough order; only sections of `kind` if given."""
        return [(section, item) for section in self.sections if kind is None or section.kind == kind
                for item in section.items]
