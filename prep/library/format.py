"""Checklist format v1, written down once: the loader enforces it and the JSON Schema is made from it.

Trainers rely on this format. Every key of every level is listed here with its type,
whether it is required, and what it means; `json_schema()` turns the same table into
the schema editors use to check YAML as it is typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from prep.language import N_, _
from prep.library.meeting_types import CATEGORIES as CATEGORY_LABELS

SCHEMA_VERSION = 1
ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
LANGUAGE_PATTERN = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"
SECTION_KINDS: tuple[str, ...] = ("needs", "objections", "trust", "questions")
# A section's and an item's texts are read on a card in the walkthrough; longer ones are a warning, not an error.
MAX_CARD_TEXT = 500
# What an objection is about, for the reports: which kind of objection do the reps handle badly?
CATEGORIES: tuple[str, ...] = tuple(CATEGORY_LABELS)
LIKELIHOODS: tuple[str, ...] = ("likely", "possible", "unlikely")
# A draft is shown only by `validate` and with `--drafts`: a trainer tries it before the team sees it.
STATUSES: tuple[str, ...] = ("ready", "draft")


@dataclass(frozen=True)
class Field:
    """One key of the format."""

    type: str  # text | id | int | bool | language | ids | texts | list | choice
    required: bool = False
    description: str = ""
    minimum: int | None = None
    choices: tuple[str, ...] = ()  # the words a `choice` may be


CHECKLIST: dict[str, Field] = {
    "schema": Field("int", True, N_("Format version; this is version 1.")),
    "id": Field("id", True, N_("Unique id across all loaded checklists: a-z, 0-9 and '-'.")),
    "title": Field("text", True, N_("What reps see in the list of checklists.")),
    "language": Field("language", False, N_("BCP 47 language tag, e.g. en or de-AT (default en).")),
    "version": Field("int", False, N_("The trainer's revision of this checklist (default 1)."), minimum=1),
    "description": Field("text", False, N_("What the checklist is for and which frameworks it draws on.")),
    "meeting_types": Field("ids", False, N_("Meeting types this checklist is suggested for, e.g. first-meeting.")),
    "exit_criteria": Field("texts", False, N_("What makes the meeting a success, each a sentence; shown in the brief and "
                                              "asked in the debrief.")),
    "status": Field("choice", False, N_("ready (the default) or draft: a draft is shown only by validate and --drafts."),
                    choices=STATUSES),
    "changes": Field("text", False, N_("What is new in this version; reps see it once after the update.")),
    "sections": Field("list", True, N_("The steps of the walkthrough, in order; at least one.")),
}

SECTION: dict[str, Field] = {
    "id": Field("id", True, N_("Unique within the checklist.")),
    "kind": Field("kind", True, N_("needs, objections, trust or questions.")),
    "title": Field("text", True, N_("The step's title in the walkthrough.")),
    "intro": Field("text", False, N_("Guidance shown above the items.")),
    "items": Field("list", True, N_("The prompts, objection cards or trust points; at least one.")),
}

_COMMON_ITEM = {
    "id": Field("id", True, N_("Unique within the section.")),
    "hint": Field("text", False, N_("Shown on demand: where the prompt comes from, what to watch for.")),
    "required": Field("bool", False, N_("The rep is reminded before finishing if this is empty.")),
}

ITEMS: dict[str, dict[str, Field]] = {
    "needs": {"id": _COMMON_ITEM["id"], "prompt": Field("text", True, N_("The question the rep answers with their hypothesis.")),
              "hint": _COMMON_ITEM["hint"], "required": _COMMON_ITEM["required"]},
    "questions": {"id": _COMMON_ITEM["id"], "prompt": Field("text", True, N_("The question the rep answers.")),
                  "hint": _COMMON_ITEM["hint"], "required": _COMMON_ITEM["required"]},
    "objections": {"id": _COMMON_ITEM["id"], "objection": Field("text", True, N_("What the customer might say, in their words.")),
                   "responses": Field("texts", True, N_("Responses the trainer suggests; at least one.")),
                   "say": Field("text", False, N_("A talk track: one sentence the rep could say, as it would be said.")),
                   "category": Field("choice", False, N_("What the objection is about, for the reports."),
                                     choices=CATEGORIES),
                   "likelihood": Field("choice", False, N_("How often it comes up in such a meeting; the rep's own "
                                                           "estimate starts here."), choices=LIKELIHOODS),
                   "hint": _COMMON_ITEM["hint"], "required": _COMMON_ITEM["required"]},
    "trust": {"id": _COMMON_ITEM["id"], "point": Field("text", True, N_("A trust-building point to tick off.")),
              "hint": _COMMON_ITEM["hint"], "required": _COMMON_ITEM["required"]},
}

TEXT_KEY = {"needs": "prompt", "questions": "prompt", "objections": "objection", "trust": "point"}


def _property(field: Field) -> dict[str, Any]:
    text = {"type": ["string", "number"], "minLength": 1}
    types: dict[str, dict[str, Any]] = {
        "text": text,
        "id": {"type": "string", "pattern": ID_PATTERN},
        "int": {"type": "integer"},
        "bool": {"type": "boolean"},
        "language": {"type": "string", "pattern": LANGUAGE_PATTERN},
        "kind": {"enum": list(SECTION_KINDS)},
        "ids": {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}},
        "texts": {"type": "array", "minItems": 1, "items": text},
        "list": {"type": "array", "minItems": 1},
        "choice": {"enum": list(field.choices)},
    }
    schema = dict(types[field.type])
    if field.minimum is not None:
        schema["minimum"] = field.minimum
    schema["description"] = _(field.description)  # in the language of the trainer who writes the schema
    return schema


def _object(fields: dict[str, Field], **overrides: dict[str, Any]) -> dict[str, Any]:
    properties = {key: _property(field) for key, field in fields.items()}
    for key, value in overrides.items():
        properties[key] = {**properties[key], **value}
    return {
        "type": "object",
        "properties": properties,
        "required": [key for key, field in fields.items() if field.required],
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema of checklist format v1, from the same table the loader enforces.

    A section's items follow the rules of its `kind`, chosen by `if`/`then`: an editor then
    reports a misspelt key on the item itself, where `oneOf` would only say that the whole
    section fits none of the kinds.
    """
    section = _object(SECTION)
    section["allOf"] = [
        {"if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
         "then": {"properties": {"items": {"items": {"$ref": f"#/$defs/{kind}-item"}}}}}
        for kind in ITEMS
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "prep-checklist-v1",
        "title": "prep checklist, format v1",
        **_object(CHECKLIST, schema={"const": SCHEMA_VERSION}, sections={"items": {"$ref": "#/$defs/section"}}),
        "$defs": {"section": section, **{f"{kind}-item": _object(fields) for kind, fields in ITEMS.items()}},
    }
