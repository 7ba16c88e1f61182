"""The language prep speaks to the rep: English, or German from a standard gettext catalog.

Every word a person reads is written in English where it is used, as `_("…")`, and its German
is in `prep/locale/de/LC_MESSAGES/prep.po` (compiled beside it to `prep.mo`, which ships in the
package). Text defined before the rep's language is known — a key's description in a class's
BINDINGS, a table of labels — is marked `N_("…")` where it is written and translated with `_()`
where it is shown. Placeholders are `{name}` (filled with `.format()` after translating) or
`$name` (filled by Textual's markup): a translation keeps every one of them.

The UI's language and a checklist's are independent: a German rep may walk an English checklist.
Catalogs: `python tools/catalogs.py` extracts, updates and compiles them; the words to use are in
prep/locale/GLOSSARY.md. Dates are written in the rep's language by prep/dates.py.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LANGUAGES = ("en", "de")  # the languages prep speaks; any other falls back to English
CATALOGS = Path(__file__).parent / "locale"
DOMAIN = "prep"

_speaking = "en"
_translation: gettext.NullTranslations = gettext.NullTranslations()


def use(code: str) -> str:
    """Speak `code` (`de`, `de-AT`, `en`…) from now on; returns the language used, English for one prep lacks."""
    global _speaking, _translation
    language = code.replace("_", "-").split("-")[0].lower()
    language = language if language in LANGUAGES else "en"
    if language != _speaking:
        # fallback: an entry missing from the catalog reads in English rather than failing
        _translation = gettext.translation(DOMAIN, CATALOGS, languages=[language], fallback=True)
        _speaking = language
    return language


def speaking() -> str:
    """The language prep speaks now: `en` or `de`."""
    return _speaking


def _(message: str) -> str:
    """`message` in the rep's language."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural of a message, as the rep's language counts `count`."""
    return _translation.ngettext(singular, plural, count)


def number(count: int) -> str:
    """A whole number as the rep's language groups its digits: 20,000 in English, 20.000 in German."""
    grouped = f"{count:,}"
    return grouped.replace(",", ".") if _speaking == "de" else grouped


def quoted(text: str, language: str | None = None) -> str:
    """`text` in the quotation marks of its language: „German“, “English”; the rep's language if not given."""
    if (language or _speaking).split("-")[0].lower() == "de":
        return f"„{text}“"
    return f"“{text}”"


def sentence(text: str) -> str:
    """`text` begun with a capital, the rest as it is: str.capitalize() would write „kw 50“ and „fr“."""
    return text[:1].upper() + text[1:]


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for it, which the extraction looks for)
    """Marks `message` for the catalog where it is defined; `_()` translates it where it is shown."""
    return message
