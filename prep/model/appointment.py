"""A meeting in the rep's calendar, imported from an `.ics` file, waiting to be prepared.

`prep calendar import` keeps one `Appointment` per occurrence (a recurring series gives
one per coming date), known by `key`: the event's UID and, for an occurrence of a series,
the date it was first planned for. Importing the same calendar again finds each by its
key, so a moved meeting moves, a cancelled one is marked, and nothing is doubled. Once the
rep prepares it, `meeting` holds the preparation's id.
"""

from __future__ import annotations

from datetime import datetime

import msgspec

from prep.model.customer import Email
from prep.model.meeting import Line, When


def _now() -> datetime:
    return datetime.now().replace(microsecond=0)


class Attendee(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """Someone invited: their name as the calendar gives it, and their e-mail address."""

    name: Line = ""
    email: Email = ""


class Appointment(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True, kw_only=True):
    """One coming meeting from the calendar, with the people from outside the rep's company."""

    key: Line  # the event's UID, and for an occurrence of a series "#" and the time it was planned for
    when: When  # its start, in the rep's local time
    title: Line = ""
    minutes: int = 0  # how long it is planned to take
    location: Line = ""
    attendees: list[Attendee] = msgspec.field(default_factory=list)  # from outside the rep's own domain
    customer: Line = ""  # the customer it was matched to, by the attendees' domain or the title
    cancelled: bool = False
    meeting: str = ""  # the preparation made from it
    calendar: Line = ""  # the calendar it came from (its name in the file): another calendar's import leaves it be
    imported: datetime = msgspec.field(default_factory=_now)

    def __post_init__(self) -> None:
        if type(self.when) is not When:
            self.when = When.fromisoformat(self.when.isoformat())

    @property
    def to_prepare(self) -> bool:
        """True while it stands and nothing was prepared for it yet."""
        return not self.cancelled and not self.meeting
