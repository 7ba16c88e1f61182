"""Walking a checklist file's YAML node tree: every key checked against the format, every problem placed.

PyYAML's node tree keeps the line and column of everything, so each problem can say
where it is; what PyYAML would let through silently (a key given twice, anchors
and aliases) is refused here.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Iterable
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from prep.language import N_, _, ngettext
from prep.library.format import (
    CHECKLIST,
    ID_PATTERN,
    ITEMS,
    LANGUAGE_PATTERN,
    MAX_CARD_TEXT,
    SCHEMA_VERSION,
    SECTION,
    SECTION_KINDS,
    TEXT_KEY,
    Field,
)
from prep.library.meeting_types import MEETING_TYPES, in_order
from prep.library.problems import WARNING, Problem
from prep.library.yaml_mistakes import (
    COLON,
    NO_SPACE,
    SMART_PAIRS,
    SMART_QUOTES,
    smart_quoted,
)
from prep.model.checklist import Checklist, Item, Section
from prep.paths import name_part

ID_RE = re.compile(ID_PATTERN)
LANGUAGE_RE = re.compile(LANGUAGE_PATTERN)
# The whole numbers of a checklist are a schema and a version: small. Far beyond this is a
# typo or a file made to hurt, and Python refuses to even read or print an int of 4,300 digits.
MAX_NUMBER = 1_000_000
MAX_DIGITS = 64
# YAML 1.1 writes whole numbers in forms int() cannot read (0x1f, 0b101, 1_000, 1:30); the
# safe loader's own constructor reads them all. It only looks at the node it is given.
_NUMBERS = SafeConstructor()
SHOWN = 40  # characters of a key or a value quoted in a problem; a problem stays one readable line
# Where a key is, as a problem names it: on its own ("the checklist needs `title`") and after a
# key's name ("unknown key `titel` in the checklist"). Both are whole, as German declines them.
PLACES: dict[str, tuple[str, str]] = {
    "checklist": (N_("the checklist"), N_("in the checklist")),
    "section": (N_("a section"), N_("in a section")),
    "needs": (N_("a needs item"), N_("in a needs item")),
    "objections": (N_("an objections item"), N_("in an objections item")),
    "trust": (N_("a trust item"), N_("in a trust item")),
    "questions": (N_("a questions item"), N_("in a questions item")),
}
# Where an id is used twice.
SECTIONS_OF_THE_CHECKLIST = N_("in this checklist's sections")
ITEMS_OF_THE_SECTION = N_("in this section's items")
NO_DASHES = N_("`{key}` must be a list, but its lines have no '- ': start each entry with '- ' (dash and space)")


def _slug(value: str) -> str:
    return name_part(value, "my-checklist")


def _shown(value: str) -> str:
    """A key or a value as quoted in a problem: a 60,000-character one is cut, not repeated whole."""
    return value if len(value) <= SHOWN else value[: SHOWN - 1] + "…"


class Refused(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class StrictLoader(yaml.SafeLoader):
    """A SafeLoader that refuses anchors and aliases before expanding anything."""

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise Refused(event.start_mark, _("aliases (*name) are not allowed in checklists; write the text out"))
        if getattr(event, "anchor", None):
            raise Refused(event.start_mark, _("anchors (&name) are not allowed in checklists; write the text out"))
        return super().compose_node(parent, index)


class NodeReader:
    """Validates one file's node tree and builds the checklist, collecting every problem (errors) and every warning.

    `meeting_types` are those other checklists use: known, beside the common ones.
    """

    def __init__(self, path: str, meeting_types: Collection[str] = ()) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.meeting_types = set(MEETING_TYPES) | set(meeting_types)

    def problem(self, node: Node | yaml.Mark | None, message: str) -> None:
        mark = node.start_mark if isinstance(node, Node) else node
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        self.problems.append(Problem(self.path, line, column, message))

    def warn(self, node: Node, message: str) -> None:
        """Something a rep may not see as the trainer meant it; the checklist loads all the same."""
        self.warnings.append(Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, message, WARNING))

    # -- shapes ---------------------------------------------------------------

    def mapping(self, node: Node, allowed: Iterable[str], place: str, required: Iterable[str],
                misplaced: dict[str, str] | None = None) -> dict[str, Node] | None:
        """The keys of a mapping at `place` (a key of PLACES); `misplaced` maps a key of another kind of item to the right one."""
        what, in_what = (_(words) for words in PLACES[place])
        if not isinstance(node, MappingNode):
            self.problem(node, _("{what} must be a mapping of keys to values").format(what=what))
            return None
        allowed = tuple(allowed)
        found: dict[str, Node] = {}
        suggested: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if not isinstance(key, str):
                self.problem(key_node, _("keys {in_what} must be plain words").format(in_what=in_what))
                continue
            if key in found:
                self.problem(key_node, _("`{key}` is given twice {in_what}; keep one").format(key=_shown(key), in_what=in_what))
                continue
            if key not in allowed:
                # Only the keys still missing are offered: the list stays short, and names what the slip may have meant.
                present = {k.value for k, _v in node.value if isinstance(k, ScalarNode)}
                self.problem(key_node, self._unknown_key(key, tuple(k for k in allowed if k not in present), what, in_what,
                                                         misplaced or {}))
                suggested.update(difflib.get_close_matches(key, allowed, n=1, cutoff=0.6))
                if misplaced and key in misplaced:
                    suggested.add(misplaced[key])
                continue
            found[key] = value_node
        for key in required:
            # A misspelt key was already reported with its right name: say it once.
            if key not in found and key not in suggested:
                self.problem(node, _("{what} needs `{key}`; add it").format(what=what, key=key))
        return found

    @staticmethod
    def _unknown_key(key: str, allowed: tuple[str, ...], what: str, in_what: str, misplaced: dict[str, str]) -> str:
        if key in misplaced:
            return _("`{key}` does not belong {in_what}; {what} uses `{right}`").format(
                key=key, in_what=in_what, what=what, right=misplaced[key])
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        if close:
            return _("unknown key `{key}` {in_what}; did you mean `{close}`?").format(
                key=_shown(key), in_what=in_what, close=close[0])
        return _("unknown key `{key}` {in_what}; allowed: {keys}").format(
            key=_shown(key), in_what=in_what, keys=", ".join(allowed))

    def text(self, node: Node | None, key: str, *, required: bool = True, listed: bool = False) -> str:
        """The text of `node`; `listed` for an entry of a list of texts (`responses`)."""
        if node is None:
            return ""
        if isinstance(node, ScalarNode) and node.tag.endswith((":str", ":int", ":float")):
            value = str(node.value).strip()
            if not value and required:
                self.problem(node, _("`{key}` is empty; write the text").format(key=key))
            if node.style is None and smart_quoted(value):
                self.warn(node, _("the text starts and ends with {opening} {closing} — write straight quotes \" \" "
                                  "if they are meant as YAML quotes").format(opening=value[0], closing=value[-1]))
            return value
        if isinstance(node, ScalarNode) and node.tag.endswith(":null"):
            if required:
                self.problem(node, _("`{key}` is empty; write the text").format(key=key))
            return ""
        if listed and isinstance(node, MappingNode) and len(node.value) == 1 and node.flow_style is False:
            key_node = node.value[0][0]
            if isinstance(key_node, ScalarNode) and key_node.style is None and key_node.value[:1] in SMART_PAIRS:
                # `- „Frage: wie?“`: YAML read the text up to ': ' as a key.
                self.problem(node, _(SMART_QUOTES).format(quotes=SMART_PAIRS[key_node.value[0]]))
            else:
                self.problem(node, _(COLON))  # `- Frage: wie?`
            return ""
        self.problem(node, _("`{key}` must be text; put it in quotes if it looks like something else").format(key=key))
        return ""

    def integer(self, node: Node | None, key: str, default: int) -> int:
        if node is None:
            return default
        if isinstance(node, ScalarNode) and node.tag.endswith(":int"):
            # Measured before it is read: reading 50,000 digits is what Python refuses. Any spelling
            # of a number up to MAX_NUMBER (in binary too) is far shorter than this.
            if len(node.value.replace("_", "").lstrip("+-0")) > MAX_DIGITS:
                number = MAX_NUMBER + 1
            else:
                number = _NUMBERS.construct_yaml_int(node)
            if abs(number) > MAX_NUMBER:
                self.problem(node, _("`{key}` is a number far too large; write a small whole number, such as 1").format(key=key))
                return default
            return number
        # Floats (1.0e+999, .inf, .nan) land here too: they are not whole numbers, however large.
        self.problem(node, _("`{key}` must be a whole number").format(key=key))
        return default

    def boolean(self, node: Node | None, key: str) -> bool:
        if node is None:
            return False
        if isinstance(node, ScalarNode) and node.tag.endswith(":bool"):
            return node.value.lower() in ("true", "yes", "on")
        self.problem(node, _("`{key}` must be true or false").format(key=key))
        return False

    def identifier(self, node: Node | None, key: str) -> str:
        value = self.text(node, key)
        if value and not ID_RE.match(value):
            self.problem(node, _("`{key}` {value} may only use a-z, 0-9 and '-'; for example {example}").format(
                key=key, value=repr(_shown(value)), example=repr(_shown(_slug(value)))))
        return value

    def sequence(self, node: Node | None, key: str, *, at_least: int = 0) -> list[Node]:
        if node is None:
            return []
        if isinstance(node, ScalarNode) and node.style is None and re.match(r"-[^\s-]", node.value):
            self.problem(node, _(NO_SPACE))  # `-"Eins"`: the dash is a letter of the text
            return []
        if isinstance(node, MappingNode) and node.flow_style is False:
            self.problem(node, _(NO_DASHES).format(key=key))
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, _("`{key}` must be a list (lines starting with '- ')").format(key=key))
            return []
        if len(node.value) < at_least:
            self.problem(node, ngettext("`{key}` needs at least {count} entry", "`{key}` needs at least {count} entries",
                                        at_least).format(key=key, count=at_least))
        return list(node.value)

    def unique(self, node: Node | None, value: str, seen: set[str], in_what: str) -> None:
        """`in_what` is where ids must differ: SECTIONS_OF_THE_CHECKLIST or ITEMS_OF_THE_SECTION."""
        if value and value in seen:
            self.problem(node, _("id {id} is used twice {in_what}; ids must be unique").format(
                id=repr(_shown(value)), in_what=_(in_what)))
        seen.add(value)

    def value(self, node: Node | None, key: str, field: Field) -> Any:
        """Read one value as the format says it must be."""
        if field.type == "text":
            return self.text(node, key, required=field.required)
        if field.type == "id":
            return self.identifier(node, key)
        if field.type == "int":
            number = self.integer(node, key, field.minimum or 1)
            if node is not None and field.minimum is not None and number < field.minimum:
                self.problem(node, _("`{key}` must be {minimum} or more").format(key=key, minimum=field.minimum))
            return number
        if field.type == "bool":
            return self.boolean(node, key)
        if field.type == "language":
            language = self.text(node, key, required=False)
            if language and not LANGUAGE_RE.match(language):
                self.problem(node, _("`{key}` {value} is not a language tag; write e.g. en, de or de-AT").format(
                    key=key, value=repr(_shown(language))))
            return language
        if field.type == "kind":
            kind = self.text(node, key)
            if kind and kind not in SECTION_KINDS:
                close = difflib.get_close_matches(kind, SECTION_KINDS, n=1)
                if close:
                    message = _("unknown section kind `{kind}`; did you mean `{close}`?").format(kind=_shown(kind), close=close[0])
                else:
                    message = _("unknown section kind `{kind}`; use one of {kinds}").format(
                        kind=_shown(kind), kinds=", ".join(SECTION_KINDS))
                self.problem(node, message)
                return ""
            return kind
        if field.type == "choice":
            return self.choice(node, key, field.choices)
        if field.type == "ids":
            return tuple(self.identifier(entry, key) for entry in self.sequence(node, key))
        if field.type == "texts":
            return tuple(self.text(entry, key, listed=True) for entry in self.sequence(node, key, at_least=1))
        return self.sequence(node, key, at_least=1)  # "list": nodes, read by the caller

    def choice(self, node: Node | None, key: str, choices: tuple[str, ...]) -> str:
        """One of a few words; a misspelt one is named with the closest."""
        word = self.text(node, key, required=False)
        if not word or word in choices:
            return word
        close = difflib.get_close_matches(word, choices, n=1)
        if close:
            self.problem(node, _("`{key}` {value} is not known; did you mean `{close}`?").format(
                key=key, value=repr(_shown(word)), close=close[0]))
        else:
            self.problem(node, _("`{key}` {value} is not known; use one of {choices}").format(
                key=key, value=repr(_shown(word)), choices=", ".join(choices)))
        return ""

    def values(self, fields: dict[str, Node], spec: dict[str, Field]) -> dict[str, Any]:
        return {key: self.value(fields.get(key), key, field) for key, field in spec.items()}

    def known_meeting_types(self, node: Node | None) -> None:
        """A meeting type neither common nor used by another checklist is a warning: often a typo."""
        if not isinstance(node, SequenceNode):
            return
        known = in_order(sorted(self.meeting_types))
        for entry in node.value:
            kind = entry.value if isinstance(entry, ScalarNode) else None
            if not isinstance(kind, str) or not ID_RE.match(kind) or kind in self.meeting_types:
                continue
            close = difflib.get_close_matches(kind, known, n=1, cutoff=0.6)
            if close:
                self.warn(entry, _("unknown meeting type `{type}`; did you mean `{close}`?").format(type=kind, close=close[0]))
            else:
                self.warn(entry, _("meeting type `{type}` is not one prep knows ({types}); fine if it is your team's own")
                          .format(type=_shown(kind), types=", ".join(known)))

    def short_texts(self, fields: dict[str, Node], spec: dict[str, Field]) -> None:
        """A text longer than a walkthrough card holds well is a warning."""
        for key, node in fields.items():
            if spec[key].type not in ("text", "texts"):
                continue
            for text in node.value if isinstance(node, SequenceNode) else [node]:
                length = len(text.value.strip()) if isinstance(text, ScalarNode) else 0
                if length > MAX_CARD_TEXT:
                    self.warn(text, _("this text is {count} characters long; reps read it on a card in the walkthrough — "
                                      "keep it under {limit}").format(count=length, limit=MAX_CARD_TEXT))

    def checklist(self, root: Node) -> Checklist | None:
        fields = self.mapping(root, CHECKLIST, "checklist", [k for k, f in CHECKLIST.items() if f.required])
        if fields is None:
            return None
        values = self.values(fields, CHECKLIST)
        self.short_texts(fields, CHECKLIST)
        self.known_meeting_types(fields.get("meeting_types"))
        if "schema" in fields and values["schema"] != SCHEMA_VERSION:
            self.problem(fields["schema"], _("schema {schema} is not known; this prep reads schema {version}").format(
                schema=values["schema"], version=SCHEMA_VERSION))
        sections: list[Section] = []
        seen: set[str] = set()
        for entry in values["sections"]:
            section = self.section(entry, seen)
            if section:
                sections.append(section)
        if self.problems:
            return None
        return Checklist(
            id=values["id"], title=values["title"], sections=tuple(sections), language=values["language"] or "en",
            version=values["version"], description=values["description"], meeting_types=tuple(values["meeting_types"]),
            exit_criteria=tuple(values["exit_criteria"]), status=values["status"] or "ready", changes=values["changes"],
        )

    def section(self, node: Node, seen: set[str]) -> Section | None:
        fields = self.mapping(node, SECTION, "section", [k for k, f in SECTION.items() if f.required])
        if fields is None:
            return None
        values = self.values(fields, SECTION)
        self.short_texts(fields, SECTION)
        self.unique(fields.get("id"), values["id"], seen, SECTIONS_OF_THE_CHECKLIST)
        kind = values["kind"]
        items: list[Item] = []
        seen_items: set[str] = set()
        for entry in values["items"] if kind else []:
            item = self.item(entry, kind, seen_items)
            if item:
                items.append(item)
        return Section(id=values["id"], kind=kind, title=values["title"], intro=values["intro"], items=tuple(items))

    def item(self, node: Node, kind: str, seen: set[str]) -> Item | None:
        spec = ITEMS[kind]
        misplaced = {key: TEXT_KEY[kind] for key in ("prompt", "objection", "point", "responses") if key not in spec}
        fields = self.mapping(node, spec, kind, [k for k, f in spec.items() if f.required], misplaced)
        if fields is None:
            return None
        values = self.values(fields, spec)
        self.short_texts(fields, spec)
        self.unique(fields.get("id"), values["id"], seen, ITEMS_OF_THE_SECTION)
        return Item(
            id=values["id"], prompt=values.get("prompt", ""), objection=values.get("objection", ""),
            point=values.get("point", ""), responses=tuple(values.get("responses", ())), hint=values["hint"],
            required=values["required"], say=values.get("say", ""), category=values.get("category", ""),
            likelihood=values.get("likelihood", ""),
        )
