"""Meeting types and languages as a rep reads them: the checklists' ids (`first-meeting`, `de-AT`) named in
the rep's language, for the form, the checklists screen and the checklist preview alike."""

from __future__ import annotations

from prep.language import N_, _

# The common meeting types, in the order a customer relationship runs; shown through _().
MEETING_TYPES = {
    "first-meeting": N_("First meeting"), "follow-up": N_("Follow-up"), "offer": N_("Offer"),
    "negotiation": N_("Negotiation"), "renewal": N_("Renewal"), "account-review": N_("Account review"),
}
LANGUAGES = {"en": N_("English"), "de": N_("German")}
# What a new preparation is for unless the rep says otherwise (the form, `prep new`).
PREFERRED_TYPE = "first-meeting"
# What an objection is about (`category:`), as reports and previews name it.
CATEGORIES = {
    "price": N_("price"), "budget": N_("budget"), "timing": N_("timing"), "authority": N_("authority"),
    "need": N_("need"), "competition": N_("competition"), "trust": N_("trust"), "risk": N_("risk"),
    "terms": N_("terms"), "status-quo": N_("status quo"),
}


def in_order(types: list[str]) -> list[str]:
    """The common meeting types in the order a customer relationship runs, then the trainers' own."""
    return [t for t in MEETING_TYPES if t in types] + [t for t in types if t not in MEETING_TYPES]


def type_label(meeting_type: str) -> str:
    """A meeting type named in the rep's language; a trainer's own type by its id, spelt as words."""
    return _(MEETING_TYPES[meeting_type]) if meeting_type in MEETING_TYPES else meeting_type.replace("-", " ").capitalize()


def language_label(code: str) -> str:
    """A checklist's language named in the rep's language: `Deutsch`, `Deutsch (de-AT)`; an unknown one by its code."""
    base = code.split("-")[0].lower()
    if base not in LANGUAGES:
        return code
    return _(LANGUAGES[base]) if code.lower() == base else f"{_(LANGUAGES[base])} ({code})"


def category_label(category: str) -> str:
    """An objection's category in the rep's language; '' for none."""
    return _(CATEGORIES[category]) if category in CATEGORIES else category
