"""Text helpers of the handout: escaping, dates, and fitting titles into board boxes."""

from __future__ import annotations

import random

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from coprod_desktop.handout.fonts import BOLD, REGULAR, register_fonts
from coprod_desktop.handout.text import ELLIPSIS, fit_text, format_date, para


@pytest.fixture(autouse=True, scope="module")
def fonts() -> None:
    register_fonts()


def test_para_escapes_markup_and_keeps_lines() -> None:
    assert para('<b>x</b> & <img src="/etc/passwd"> &amp;') == (
        '&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src="/etc/passwd"&gt; &amp;amp;'
    )
    assert para("one\ntwo\r\nthree") == "one<br/>two<br/>three"
    assert para("a\x00b\x07c") == "abc"
    assert "\u00a0" in para("two  spaces")


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("2026-03-14T10:30:00+00:00", "14 March 2026"),
        ("2024-12-01", "1 December 2024"),
        ("not a date", "not a date"),
    ],
)
def test_format_date(raw: str, shown: str) -> None:
    assert format_date(raw) == shown


def test_short_text_keeps_the_largest_size() -> None:
    fitted = fit_text("Full co-production", BOLD, 200, 20, 8, 5)
    assert fitted.size == 8 and fitted.lines == ("Full co-production",)
    assert not fitted.truncated


def test_shrinks_before_breaking_a_word() -> None:
    fitted = fit_text("7 Co-production", BOLD, 40, 30, 8, 4)
    assert "Co-production" in fitted.lines
    assert fitted.size < 8


def test_too_long_text_is_ellipsized_at_the_minimum_size() -> None:
    fitted = fit_text("word " * 100, REGULAR, 50, 20, 8, 5)
    assert fitted.truncated and fitted.size == 5
    assert fitted.lines[-1].endswith(ELLIPSIS)


def test_no_room_gives_no_lines() -> None:
    assert fit_text("Title", REGULAR, 50, 2, 8, 5).lines == ()


def test_fitted_text_never_overflows() -> None:
    rng = random.Random(7)
    alphabet = "abcdefghijklmnopqrstuvwxyz ŵŷΩЖ-–,.  "
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 160))).strip() or "x"
        width, height = rng.uniform(0.5, 120), rng.uniform(0, 40)
        font = rng.choice((REGULAR, BOLD))
        fitted = fit_text(text, font, width, height, 8, 5)
        assert fitted.height <= height + 1e-6
        for line in fitted.lines:
            assert stringWidth(line, font, fitted.size) <= width + 1e-6, (line, width)


def test_a_box_narrower_than_a_letter_but_tall_gives_no_error() -> None:
    """Many lines of room, each narrower than one letter (a 20-unit-wide region's label)."""
    from coprod_desktop.handout.fonts import BOLD, register_fonts

    register_fonts()
    fitted = fit_text("Full co-production", BOLD, 0.8, 200, 9, 5)
    assert fitted.truncated
