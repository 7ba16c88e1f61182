"""What a sales trainer gets from a rep: anonymised counts of objections prepared and met."""

from __future__ import annotations

import json
from typing import Any

from prep.reports.inert import inert_json
from prep.storage import Store

TRAINER_FORMAT = "prep-trainer-export"


def export_trainer(store: Store) -> str:
    """Anonymised counts for a sales trainer: per checklist and objection, prepared / came up / came up unprepared.

    No customer, contact, date or anything the rep wrote is in it: only the trainer's
    own checklist text and counts.
    """
    checklists: dict[tuple[str, int], dict[str, Any]] = {}
    unprepared_recorded = 0
    meetings = 0
    for meeting in store.meetings(s.id for s in store.summaries() if not s.is_draft):
        meetings += 1
        entry = checklists.setdefault((meeting.checklist.id, meeting.checklist.version), {
            "id": meeting.checklist.id, "version": meeting.checklist.version, "title": meeting.checklist.title,
            "meetings": 0, "debriefed": 0, "objections": {},
        })
        entry["meetings"] += 1
        debrief = meeting.debrief
        if debrief is not None:
            entry["debriefed"] += 1
            unprepared_recorded += len(debrief.unprepared)
        for section, item in meeting.checklist.items("objections"):
            counts = entry["objections"].setdefault(item.id, {
                "id": item.id, "objection": item.objection, "prepared": 0, "came_up": 0, "came_up_unprepared": 0,
            })
            answer = meeting.peek(section, item)
            prepared = bool(answer.text.strip()) or answer.likelihood in ("possible", "likely")
            counts["prepared"] += prepared
            outcome = debrief.objection(section, item) if debrief else None
            if outcome and outcome.came_up:
                counts["came_up"] += 1
                counts["came_up_unprepared"] += not prepared
    document = {
        "format": TRAINER_FORMAT, "version": 1, "meetings": meetings,
        "unprepared_objections_recorded": unprepared_recorded,
        "checklists": [
            {**entry, "objections": list(entry["objections"].values())}
            for _, entry in sorted(checklists.items())
        ],
    }
    return inert_json(json.dumps(document, ensure_ascii=False, indent=1)) + "\n"
