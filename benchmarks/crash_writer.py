"""A writer to be killed: saves meetings as fast as it can and says which were saved.

Used by `benchmarks/soak.py` and by the test suite. Prints `saved <id>` after each save
returned (that is, after the journal was fsync'd), so the parent knows what was
acknowledged at the moment it sends SIGKILL. A meeting erased with `prep forget` while
it runs (or before: the soak runs a writer again over erased ids) is refused, as the
app's autosave is: it prints `refused <id>` and goes on.

    python benchmarks/crash_writer.py DB_PATH NAME COUNT [COMPACT_AT_BYTES]

A small COMPACT_AT_BYTES makes compactions frequent, so kills land in them too.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

from prep.errors import ErasedMeeting
from prep.library.loader import load_library
from prep.model.meeting import Answer, Meeting
from prep.storage import journal
from prep.storage.store import Store


def acknowledged(output: str) -> dict[str, str]:
    """The saves a writer reported, by meeting id, with the goal it saved last."""
    saved = {}
    for line in output.splitlines():
        if line.startswith("saved "):
            _, meeting_id, goal = line.split(" ", 2)
            saved[meeting_id] = goal
    return saved


def main() -> None:
    path, name, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    if len(sys.argv) > 4:
        journal.COMPACT_AT_BYTES = int(sys.argv[4])
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    store = Store(path)
    section = checklist.sections[0]
    for index in range(count):
        meeting = Meeting(
            customer=f"{name} customer {index % 7}", when=datetime(2026, 1, 1) + timedelta(hours=index),
            checklist=checklist, goal=f"{name} goal {index}", id=f"{name}-{index:06d}",
        )
        meeting.answers[section.key(section.items[0])] = Answer(text=f"{name} answer {index} " + "x" * 400)
        try:
            store.save(meeting)
            if index % 3 == 0:  # updates too, not only new rows
                meeting.goal += " (revised)"
                store.save(meeting)
        except ErasedMeeting:
            print(f"refused {meeting.id}", flush=True)
            continue
        print(f"saved {meeting.id} {meeting.goal}", flush=True)


if __name__ == "__main__":
    main()
