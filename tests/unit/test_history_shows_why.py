"""History that shows why: where the words typed were found in each meeting, and the relationship on a fixed scale."""

from __future__ import annotations

from prep.screens.timeline import rating_chart


def test_the_rating_chart_uses_the_fixed_one_to_five_scale() -> None:
    top, bottom = rating_chart([4, 5, 4]).splitlines()
    assert bottom == "██ ██ ██"  # a 4 is drawn almost as high as a 5, never empty
    assert top == "▅▅ ██ ▅▅"
    low_top, low_bottom = rating_chart([1, 1]).splitlines()
    assert low_top.strip() == "" and low_bottom == "▃▃ ▃▃"  # the lowest rating still shows
    assert rating_chart([]) == ""
    assert len(rating_chart(list(range(1, 6)) * 10).splitlines()[0]) <= 40  # the latest that fit
