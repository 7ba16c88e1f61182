"""The one-page brief a rep reads just before walking in, as Markdown."""

from __future__ import annotations

from prep.meeting import Meeting

LIKELIHOOD_ORDER = {"likely": 0, "possible": 1, "": 2, "unlikely": 3}


def brief_markdown(meeting: Meeting) -> str:
    """The brief: customer, goal, needs, likely objections with the rep's answers, trust points."""
    lines = [f"# {meeting.customer}", ""]
    facts = [meeting.when.strftime("%a %d %b %Y, %H:%M")]
    if meeting.contact:
        facts.append(f"with {meeting.contact}")
    facts.append(f"checklist: {meeting.checklist.title}")
    lines += [" · ".join(facts), ""]
    if meeting.is_draft:
        lines += ["> Draft — the preparation is not finished yet.", ""]
    lines += [f"**Goal:** {meeting.goal or '_not set_'}", ""]
    for section in meeting.checklist.sections:
        lines += [f"## {section.title}", ""]
        if section.kind == "objections":
            items = sorted(section.items, key=lambda i: LIKELIHOOD_ORDER.get(meeting.peek(section, i).likelihood, 2))
            for item in items:
                answer = meeting.peek(section, item)
                mark = f" _({answer.likelihood})_" if answer.likelihood else ""
                lines.append(f"- **“{item.objection}”**{mark}")
                lines.append(f"  → {answer.text.strip()}" if answer.text.strip() else f"  → suggested: {item.responses[0]}")
        elif section.kind == "trust":
            for item in section.items:
                answer = meeting.peek(section, item)
                box = "[x]" if answer.done else "[ ]"
                note = f" — {answer.text.strip()}" if answer.text.strip() else ""
                lines.append(f"- {box} {item.point}{note}")
        else:
            for item in section.items:
                answer = meeting.peek(section, item).text.strip()
                lines.append(f"- **{item.prompt}**")
                lines.append(f"  {answer}" if answer else "  _no answer yet_")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
