"""What a rep's meetings say about their checklists: the figures of a coaching report, as one exported shape.

Counts only, and the checklists' own words (objections, prompts): never a customer, a contact or a
note. The same shape is the rep's report (`prep report --format json`) and what a trainer merges.
"""

from __future__ import annotations

import msgspec

COACHING_FORMAT = "prep-coaching-report"
TRAINER_FORMAT = "prep-trainer-export"  # the same figures, for a trainer: a pseudonym, no name, texts only as the rep kept them


class ObjectionFigures(msgspec.Struct, forbid_unknown_fields=True):
    """One objection of a checklist: how often it was prepared, came up, and how the answer landed."""

    id: str
    objection: str
    prepared: int = 0
    came_up: int = 0
    came_up_unprepared: int = 0
    landed: dict[str, int] = msgspec.field(default_factory=dict)  # well / partly / badly
    rehearsed: dict[str, int] = msgspec.field(default_factory=dict)  # went well / so-so / needs work
    category: str = ""  # price, timing… as the checklist says (prep.library.format.CATEGORIES)


class NeedFigures(msgspec.Struct, forbid_unknown_fields=True):
    """One needs prompt: how often the rep's hypothesis proved right (confirmed / changed / wrong)."""

    id: str
    prompt: str
    answered: int = 0
    verdicts: dict[str, int] = msgspec.field(default_factory=dict)


class CriterionFigures(msgspec.Struct, forbid_unknown_fields=True):
    """One exit criterion of a checklist: how often the debrief said it was met."""

    criterion: str
    met: dict[str, int] = msgspec.field(default_factory=dict)  # met / partly / not met


class ChecklistFigures(msgspec.Struct, forbid_unknown_fields=True):
    """One checklist in one version: its meetings, objections and needs."""

    id: str
    version: int
    title: str
    language: str
    meetings: int = 0
    debriefed: int = 0
    objections: list[ObjectionFigures] = msgspec.field(default_factory=list)
    needs: list[NeedFigures] = msgspec.field(default_factory=list)
    criteria: list[CriterionFigures] = msgspec.field(default_factory=list)


class MonthFigures(msgspec.Struct, forbid_unknown_fields=True):
    """The relationship ratings of one month's debriefs (1–5)."""

    month: str  # 2026-11
    rated: int = 0
    rating_sum: int = 0


class TypeFigures(msgspec.Struct, forbid_unknown_fields=True):
    """The meetings of one meeting type (the checklist's first): prepared, debriefed, and their ratings."""

    meeting_type: str
    meetings: int = 0
    debriefed: int = 0
    rated: int = 0
    rating_sum: int = 0
    with_followups: int = 0


class Coaching(msgspec.Struct, forbid_unknown_fields=True):
    """Every figure of a coaching report over the meetings since a day (or all)."""

    format: str = COACHING_FORMAT
    version: int = 1
    reps: list[str] = msgspec.field(default_factory=list)  # each rep's random, stable pseudonym; never a name
    since: str = ""  # an ISO day, or "" for every meeting
    meetings: int = 0
    debriefed: int = 0
    checklists: list[ChecklistFigures] = msgspec.field(default_factory=list)
    months: list[MonthFigures] = msgspec.field(default_factory=list)
    contact_wishes: dict[str, int] = msgspec.field(default_factory=dict)  # more / same / less
    meeting_types: list[TypeFigures] = msgspec.field(default_factory=list)
    unprepared: list[str] = msgspec.field(default_factory=list)  # objections met unprepared, as the rep wrote them


class MonthCoaching(Coaching, kw_only=True, omit_defaults=True):
    """The figures of one month's meetings, in a rep's trainer file: what `prep team report --since` adds up.

    The report's own fields where they say something (an empty list or a zero is left out).
    """

    month: str  # 2026-11


class TrainerFigures(Coaching):
    """A rep's trainer file: the figures over every meeting it covers and, from version 3 on, the same month by month."""

    by_month: list[MonthCoaching] = msgspec.field(default_factory=list)  # oldest month first; version 2 has none
