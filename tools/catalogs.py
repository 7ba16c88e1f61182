"""Extract every marked message, bring the German catalog up to date, and compile it.

    python tools/catalogs.py          # after changing or adding a message in the code
    python tools/catalogs.py --check  # what the test suite runs: exits 1 if anything is missing

Reads `_("…")`, `N_("…")` and `ngettext(…)` in prep/ and screens/ with Babel, writes the template
prep/locale/prep.pot, merges it into prep/locale/de/LC_MESSAGES/prep.po (new entries empty for the
translator, entries no longer used dropped) and compiles prep.mo beside it. It also writes the names
of days and months each language abbreviates (prep/calendar_words.py) from Babel's CLDR data, so
that prep shows dates without loading that data as it starts. Any translator's tool
that reads .po files works on prep.po; the words to use are in prep/locale/GLOSSARY.md.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("prep", "screens")
LOCALE = ROOT / "prep" / "locale"
TEMPLATE = LOCALE / "prep.pot"
TRANSLATED = ("de",)
SPOKEN = ("en", "de")
CALENDAR_WORDS = ROOT / "prep" / "calendar_words.py"
HEADER = "# prep's messages in German. Words to use: prep/locale/GLOSSARY.md. Update with tools/catalogs.py.\n#"
PLACEHOLDERS = re.compile(r"\{[^{}]*\}|\$[A-Za-z_][A-Za-z_0-9-]*|\[/?[^\[\]\s]*\]")


def catalog_file(language: str, suffix: str = "po") -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"prep.{suffix}"


def extract() -> Catalog:
    """Every message marked in the code, with the files it is in."""
    template = Catalog(project="prep", fuzzy=False)
    for source in SOURCES:
        for filename, _line, message, comments, context in extract_from_dir(
            ROOT / source, method_map=[("**.py", "python")], keywords=DEFAULT_KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(message, locations=[(f"{source}/{filename}", None)], auto_comments=comments, context=context)
    return template


def placeholders(text: str) -> list[str]:
    """The `{name}`, `$name` and `[markup]` in a message, which its translation must keep."""
    return sorted(PLACEHOLDERS.findall(text))


def problems(language: str, template: Catalog) -> list[str]:
    """What is wrong with a language's catalog: missing, empty, fuzzy or unused entries, placeholders that differ."""
    with catalog_file(language).open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        if entry is None:
            found.append(f"{language}: missing: {ids[0]!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy or not all(strings):
            found.append(f"{language}: {'fuzzy' if entry.fuzzy else 'not translated'}: {ids[0]!r}")
        elif any(placeholders(ids[min(i, len(ids) - 1)]) != placeholders(s) for i, s in enumerate(strings)):
            found.append(f"{language}: placeholders differ: {ids[0]!r} → {strings[0]!r}")
    used = {(m.id, m.context) for m in template if m.id}
    found += [f"{language}: no longer used: {m.id!r}" for m in catalog if m.id and (m.id, m.context) not in used]
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    mo = catalog_file(language, "mo")
    if not mo.exists() or mo.read_bytes() != compiled.getvalue():
        found.append(f"{language}: {mo.relative_to(ROOT)} is not compiled from prep.po")
    return found


def calendar_words() -> str:
    """prep/calendar_words.py as Babel's locale data says it: each language's short day and month names."""
    from babel.core import Locale

    days, months = {}, {}
    for language in SPOKEN:
        locale = Locale.parse(language)
        days[language] = tuple(locale.days["format"]["abbreviated"][i] for i in range(7))
        months[language] = tuple(locale.months["format"]["abbreviated"][i] for i in range(1, 13))
    return (
        '"""The short names of days and months in each language prep speaks, from the CLDR data Babel ships.\n\n'
        "Written by tools/catalogs.py, which a test runs to check it; do not edit. Kept as code rather than\n"
        'read from Babel as prep starts: the home screen shows dates in its first frame.\n"""\n\n'
        f"DAYS = {days!r}  # Monday first\n"
        f"MONTHS = {months!r}  # January first\n"
    )


def update(template: Catalog) -> None:
    """Write the template, merge it into each language's catalog, compile each."""
    with TEMPLATE.open("wb") as handle:
        write_po(handle, template, width=100, sort_output=True, omit_header=True)
    CALENDAR_WORDS.write_text(calendar_words(), encoding="utf-8")
    for language in TRANSLATED:
        path = catalog_file(language)
        if path.exists():
            with path.open("rb") as handle:
                catalog = read_po(handle, locale=language)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            catalog = Catalog(locale=language, project="prep", fuzzy=False)
        catalog.update(template, no_fuzzy_matching=True, update_creation_date=False)
        catalog.obsolete.clear()  # dropped messages leave the file; history keeps them
        catalog.header_comment = HEADER
        catalog.project, catalog.version, catalog.msgid_bugs_address = "prep", "1", ""
        catalog.last_translator, catalog.language_team = "", ""
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, sort_output=True, omit_header=False, ignore_obsolete=True)
        with catalog_file(language, "mo").open("wb") as handle:
            write_mo(handle, catalog)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only say what is missing; exit 1 if anything is")
    args = parser.parse_args()
    template = extract()
    if not args.check:
        update(template)
    found = [problem for language in TRANSLATED for problem in problems(language, template)]
    if not CALENDAR_WORDS.exists() or CALENDAR_WORDS.read_text(encoding="utf-8") != calendar_words():
        found.append(f"{CALENDAR_WORDS.relative_to(ROOT)} does not say what Babel's locale data says")
    print("\n".join(found) or f"{len(template)} messages, every one translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
