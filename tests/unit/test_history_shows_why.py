"""History that shows why: where the words typed were found in each meeting, and the relationship on a fixed scale."""

from __future__ import annotations

from helpers import debriefed_meeting
from prep.insights.search import excerpt, search
from prep.model.summary import MeetingSummary, summarise
from prep.screens.timeline import rating_chart


def _summary(text: str, customer: str = "Acme") -> MeetingSummary:
    meeting = debriefed_meeting(customer, 3, notes=text)
    meeting.answers.clear()
    return summarise(meeting, "First meeting")


def test_an_excerpt_shows_the_words_around_the_first_match() -> None:
    summary = _summary("They liked the idea. The pilot must start before March, or the budget is gone for the year.")
    hit = excerpt(summary, "pilot")
    assert hit is not None
    assert hit.text == "…the idea. the pilot must start before march, or the budget is gone for the year."
    assert [hit.text[start:end] for start, end in hit.matches] == ["pilot"]


def test_an_excerpt_at_the_start_and_at_the_end_of_a_field_has_no_ellipsis_there() -> None:
    summary = _summary("Pilot first\nthen the rollout of the pilot")
    start = excerpt(summary, "first")
    assert start is not None and start.text == "pilot first"
    end = excerpt(summary, "rollout")
    assert end is not None and end.text == "then the rollout of the pilot"
    assert [end.text[a:b] for a, b in end.matches] == ["rollout"]


def test_an_excerpt_stays_short_and_cuts_at_a_word() -> None:
    summary = _summary("word " * 30 + "pilot " + "tail " * 40)
    hit = excerpt(summary, "pilot", before=16, width=60)
    assert hit is not None
    assert hit.text.startswith("…word ") and hit.text.endswith("tail…") and len(hit.text) <= 62
    assert [hit.text[a:b] for a, b in hit.matches] == ["pilot"]


def test_an_excerpt_marks_every_word_typed_and_prefers_the_field_holding_them_all() -> None:
    summary = _summary("Budget talk went nowhere.\nThey said the budget is frozen until Q2, frozen hard.")
    hit = excerpt(summary, "frozen budget")
    assert hit is not None and hit.text == "…the budget is frozen until q2, frozen hard."
    assert [hit.text[a:b] for a, b in hit.matches] == ["budget", "frozen", "frozen"]


def test_an_excerpt_keeps_unicode_whole() -> None:
    summary = _summary("Die Geschäftsführerin möchte über den Piloten in Köln sprechen — bald. 🚀 Später mehr.")
    hit = excerpt(summary, "köln", before=12, width=40)
    assert hit is not None
    assert hit.text == "…piloten in köln sprechen — bald. 🚀…"
    assert [hit.text[a:b] for a, b in hit.matches] == ["köln"]
    # a window cut into the middle of a character loses only that character, never the match
    for before in range(1, 30):
        cut = excerpt(summary, "später", before=before, width=10)
        assert cut is not None and "später" in cut.text


def test_no_excerpt_when_the_words_are_only_in_the_customers_name() -> None:
    summary = _summary("Nothing about them here", customer="Pilot Works")
    assert search([summary], "pilot") == [summary]
    assert excerpt(summary, "pilot") is None
    assert excerpt(summary, "") is None


def test_the_rating_chart_uses_the_fixed_one_to_five_scale() -> None:
    top, bottom = rating_chart([4, 5, 4]).splitlines()
    assert bottom == "██ ██ ██"  # a 4 is drawn almost as high as a 5, never empty
    assert top == "▅▅ ██ ▅▅"
    low_top, low_bottom = rating_chart([1, 1]).splitlines()
    assert low_top.strip() == "" and low_bottom == "▃▃ ▃▃"  # the lowest rating still shows
    assert rating_chart([]) == ""
    assert len(rating_chart(list(range(1, 6)) * 10).splitlines()[0]) <= 40  # the latest that fit
