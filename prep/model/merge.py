"""Two windows on one meeting: their changes are merged field by field, and no words are lost.

A three-way merge against the version both started from: a field only one side
changed takes that change; where both changed the same text, both texts are kept,
the other window's marked; where both changed the same choice (a date, a rating),
this window's choice is kept and the field is named, so the rep can look.
"""

from __future__ import annotations

from typing import Any

import msgspec

from prep.model.meeting import FollowUp, Meeting

OTHER_WINDOW = "\n\n[from another window]\n"


def merge(base: Meeting, ours: Meeting, theirs: Meeting) -> tuple[Meeting, list[str]]:
    """`ours` and `theirs` both grew from `base`: the meeting with both sides' changes, and the fields both changed."""
    conflicts: list[str] = []
    merged = _merge(base, ours, theirs, "", conflicts)
    merged.updated = max(ours.updated, theirs.updated)
    return merged, [c for c in conflicts if c != "updated"]


def _merge(base: Any, ours: Any, theirs: Any, where: str, conflicts: list[str]) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    if isinstance(ours, msgspec.Struct) and type(theirs) is type(ours) and not type(ours).__struct_config__.frozen:
        fields = {name: _merge(getattr(base, name, None) if type(base) is type(ours) else None,
                               getattr(ours, name), getattr(theirs, name), _join(where, name), conflicts)
                  for name in ours.__struct_fields__}
        return type(ours)(**fields)
    if isinstance(ours, dict) and isinstance(theirs, dict):
        base = base if isinstance(base, dict) else {}
        merged = {}
        for key in [*ours, *(k for k in theirs if k not in ours)]:
            value = _merge(base.get(key), ours.get(key), theirs.get(key), f"{where}[{key}]", conflicts)
            if value is not None:
                merged[key] = value
        return merged
    if isinstance(ours, list) and isinstance(theirs, list):
        if all(isinstance(x, FollowUp) for x in (*ours, *theirs)):
            return _merge_followups(base or [], ours, theirs, where, conflicts)
        return ours + [x for x in theirs if x not in ours]
    conflicts.append(where)
    if isinstance(ours, str) and isinstance(theirs, str):
        return f"{ours}{OTHER_WINDOW}{theirs}" if ours.strip() else theirs
    return ours


def _merge_followups(base: list[FollowUp], ours: list[FollowUp], theirs: list[FollowUp], where: str,
                     conflicts: list[str]) -> list[FollowUp]:
    """Follow-ups are matched by id: one added in either window is kept, one changed in both is merged."""
    base_by_id = {f.id: f for f in base}
    ours_by_id, theirs_by_id = {f.id: f for f in ours}, {f.id: f for f in theirs}
    merged = []
    for key in [*ours_by_id, *(k for k in theirs_by_id if k not in ours_by_id)]:
        if key in base_by_id and (key not in ours_by_id or key not in theirs_by_id):
            continue  # removed in one window, and not changed in the other: it stays removed
        merged.append(_merge(base_by_id.get(key), ours_by_id.get(key), theirs_by_id.get(key),
                             f"{where}[{key}]", conflicts) or ours_by_id.get(key) or theirs_by_id[key])
    return merged


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name
