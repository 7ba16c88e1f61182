"""Text from the rep, an import or a checklist file, as the screens show it: never read as markup, never acted on.

Textual reads a str given to Static, Label, an Option or a Select as markup: a customer
called `[b]Acme` turns bold, `[@click=app.quit]` becomes an action, and `[/]` raises an
error that takes the screen down. Textual's own `escape` lets `[$error]` and `[ b]`
through. So a screen writes its own markup as a template and `markup` fills the text in
as it is; `plain` and `choice` wrap a text that needs no markup at all. Each also shows
control characters as visible escapes (`\\x1b`), as prep does on the terminal: Textual
passes ESC and C1 on to the terminal as they are.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from prep.reports.inert import inert


def markup(template: str, **values: object) -> Content:
    """prep's own markup `template`, each `$name` in it filled with a value shown exactly as it is."""
    return Content.from_markup(template, **{name: inert(str(value)) for name, value in values.items()})


def plain(text: object) -> Content:
    """A text with no markup of prep's: shown as it is, control characters made visible."""
    return Content(inert(str(text)))


def lines(*texts: Content) -> Content:
    """Several contents, one a line."""
    return Content("\n").join(texts)


def edited(shown: str, stored: str) -> bool:
    """Whether a field filled with `stored` (made inert) now holds something else, typed by the rep.

    Filling an Input posts Changed just as typing does: taking that for an edit would save
    the visible escapes over the text they stand for, and the rep had changed nothing.
    """
    return shown != inert(stored)


def choice(text: object) -> Text:
    """A Select's choice: Select finds a Text (not a Content) as the rep types its first letters."""
    return Text(inert(str(text)))
