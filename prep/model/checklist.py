"""The checklist a rep walks through: sections of needs, objections, trust points and questions.

A `Checklist` is plain data. It is read from a trainer's YAML file by
`prep.library.loader`, and a copy of it is kept inside every saved meeting so that
history stays readable after the file changes or disappears.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SectionKind = Literal["needs", "objections", "trust", "questions"]
SECTION_KINDS: tuple[str, ...] = ("needs", "objections", "trust", "questions")


@dataclass(frozen=True)
class Item:
    """One prompt, objection card or trust point."""

    id: str
    prompt: str = ""
    objection: str = ""
    responses: tuple[str, ...] = ()
    point: str = ""
    hint: str = ""
    required: bool = False

    @property
    def text(self) -> str:
        """What the rep reads: the prompt, the objection or the trust point."""
        return self.prompt or self.objection or self.point

    def to_dict(self) -> dict[str, Any]:
        """The item as it is stored, leaving out empty fields."""
        data: dict[str, Any] = {"id": self.id}
        for key in ("prompt", "objection", "point", "hint"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.responses:
            data["responses"] = list(self.responses)
        if self.required:
            data["required"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Item:
        """Rebuild an item from `to_dict` output."""
        return cls(
            id=data["id"],
            prompt=data.get("prompt", ""),
            objection=data.get("objection", ""),
            responses=tuple(data.get("responses", ())),
            point=data.get("point", ""),
            hint=data.get("hint", ""),
            required=bool(data.get("required", False)),
        )


@dataclass(frozen=True)
class Section:
    """One step of the walkthrough."""

    id: str
    kind: str
    title: str
    items: tuple[Item, ...]
    intro: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The section as it is stored."""
        data: dict[str, Any] = {"id": self.id, "kind": self.kind, "title": self.title}
        if self.intro:
            data["intro"] = self.intro
        data["items"] = [item.to_dict() for item in self.items]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Section:
        """Rebuild a section from `to_dict` output."""
        return cls(
            id=data["id"],
            kind=data["kind"],
            title=data["title"],
            intro=data.get("intro", ""),
            items=tuple(Item.from_dict(item) for item in data["items"]),
        )


@dataclass(frozen=True)
class Checklist:
    """A trainer's checklist, as loaded from one YAML file."""

    id: str
    title: str
    sections: tuple[Section, ...]
    language: str = "en"
    version: int = 1
    description: str = ""
    meeting_types: tuple[str, ...] = ()
    source: str = field(default="", compare=False)

    def to_dict(self) -> dict[str, Any]:
        """The copy kept with a meeting (without where the file lived)."""
        return {
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "version": self.version,
            "description": self.description,
            "meeting_types": list(self.meeting_types),
            "sections": [section.to_dict() for section in self.sections],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Checklist:
        """Rebuild a checklist from `to_dict` output."""
        return cls(
            id=data["id"],
            title=data["title"],
            language=data.get("language", "en"),
            version=int(data.get("version", 1)),
            description=data.get("description", ""),
            meeting_types=tuple(data.get("meeting_types", ())),
            sections=tuple(Section.from_dict(section) for section in data["sections"]),
        )
