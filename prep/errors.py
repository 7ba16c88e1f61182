"""Errors a user can act on.

Every error carries one line that names the file or the place and says what to
do. The CLI prints it to stderr; the app shows it in a toast or a modal.
"""

from __future__ import annotations


class PrepError(Exception):
    """A problem the user can fix; its message is one line, shown as it is."""


class StoreError(PrepError):
    """The database cannot be read or written."""


class ChecklistError(PrepError):
    """A checklist file cannot be used as it is."""


class InputError(PrepError):
    """Something the user typed cannot be understood (a date, a time, a count)."""


class ErasedMeeting(StoreError):
    """A meeting erased with `prep forget` is never written again (a second running copy, an import)."""

    def __init__(self, message: str, meeting_id: str) -> None:
        super().__init__(message)
        self.meeting_id = meeting_id


class UnfinishedErasure(StoreError):
    """A customer's meetings are gone from every list, but an old copy could not be removed yet."""
