"""The rep's notes leave prep only when the rep says so: as JSON (a backup, a CRM), Markdown or CSV.

The JSON export is the documented format that `prep import` reads back:

    {"format": "prep-export", "version": 1, "exported": "2026-11-23T09:00:00",
     "customer": null, "meetings": [<meeting>, ...]}

Each meeting is what `Meeting.to_dict` writes: id, customer, contact, when, goal,
status, the copy of its checklist, the answers by `section/item`, and the debrief.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from prep.errors import PrepError
from prep.insights.customers import resolve_customer
from prep.model.meeting import Meeting
from prep.model.summary import MeetingSummary
from prep.reports.brief import brief_markdown
from prep.storage.store import Store

EXPORT_FORMAT = "prep-export"
EXPORT_VERSION = 1


def chosen_meetings(store: Store, customer: str | None) -> list[MeetingSummary]:
    """The meetings to export, oldest first; one customer's if a name is given."""
    summaries = store.summaries()
    if customer:
        name = resolve_customer(summaries, customer)
        summaries = [s for s in summaries if s.customer == name]
    return sorted(summaries, key=lambda s: (s.when, s.id))


def export_json(store: Store, customer: str | None, now: datetime) -> str:
    """Everything (or one customer's), as the documented JSON."""
    meetings = [m.to_dict() for m in store.meetings(s.id for s in chosen_meetings(store, customer))]
    document = {
        "format": EXPORT_FORMAT, "version": EXPORT_VERSION,
        "exported": now.isoformat(timespec="seconds"), "customer": customer, "meetings": meetings,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def export_markdown(store: Store, customer: str | None) -> str:
    """Every brief, one after another."""
    return "\n---\n\n".join(brief_markdown(m) for m in store.meetings(s.id for s in chosen_meetings(store, customer)))


def export_csv(store: Store, customer: str | None) -> str:
    """One line a meeting, for a spreadsheet or a CRM import."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "customer", "contact", "when", "goal", "status", "checklist", "outcome",
                     "rating", "contact_wish", "open_followups"])
    for meeting in store.meetings(s.id for s in chosen_meetings(store, customer)):
        debrief = meeting.debrief
        open_followups = [f"{f.text} ({f.due})" for f in (debrief.followups if debrief else []) if not f.done]
        writer.writerow([
            meeting.id, meeting.customer, meeting.contact, meeting.when.isoformat(timespec="minutes"), meeting.goal,
            meeting.status, meeting.checklist.title, debrief.outcome if debrief else "",
            debrief.rating if debrief and debrief.rating is not None else "",
            debrief.contact_wish if debrief else "", "; ".join(open_followups),
        ])
    return out.getvalue()


def read_export(path: Path) -> list[dict[str, Any]]:
    """Check a whole export file before anything is imported; PrepError names what is wrong."""
    try:
        document = json.loads(path.read_bytes())
    except OSError as error:
        raise PrepError(f"{path}: cannot read ({error.strerror})") from None
    except (ValueError, UnicodeDecodeError) as error:
        where = f" at line {error.lineno}, column {error.colno}" if isinstance(error, json.JSONDecodeError) else ""
        raise PrepError(f"{path}: not valid JSON{where}; import only files written by `prep export --format json`") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise PrepError(f"{path}: not a prep export; import only files written by `prep export --format json`")
    if document.get("version") != EXPORT_VERSION:
        raise PrepError(f"{path}: export version {document.get('version')!r} is not known; update prep")
    meetings = document.get("meetings")
    if not isinstance(meetings, list):
        raise PrepError(f"{path}: the export has no list of meetings; nothing was imported")
    for index, data in enumerate(meetings, start=1):
        try:
            Meeting.from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise PrepError(
                f"{path}: meeting {index} cannot be read ({type(error).__name__}: {error}); nothing was imported"
            ) from None
    return meetings


def import_json(store: Store, path: Path) -> int:
    """Restore an export: meetings already there are replaced, never doubled."""
    meetings = read_export(path)
    return store.add_many(Meeting.from_dict(data).to_dict() for data in meetings)


