"""A problem in a checklist file, at a line and column, with what to do: an error, or a warning."""

from __future__ import annotations

from dataclasses import dataclass

from prep.language import _

# An error means the file does not load; a warning that it loads, but a rep may not see what the trainer meant.
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a checklist file, at a place in it."""

    path: str
    line: int
    column: int
    message: str
    severity: str = ERROR

    @property
    def is_warning(self) -> bool:
        """The file loads all the same."""
        return self.severity == WARNING

    def __str__(self) -> str:
        if self.is_warning:
            return f"{self.path}:{self.line}:{self.column}: " + _("warning: {message}").format(message=self.message)
        return f"{self.path}:{self.line}:{self.column}: {self.message}"
