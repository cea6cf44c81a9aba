"""Titles wrap on words, break hyphenated words only when they must, shrink, then elide."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QFontMetricsF

from coprod_desktop.ui.style.fonts import font
from coprod_desktop.ui.style.text_fit import fit_text, wrap


@pytest.fixture
def metrics(qapp):
    return QFontMetricsF(font(20, bold=True))


def test_wraps_on_spaces_keeping_hyphenated_words_whole(metrics):
    width = metrics.horizontalAdvance("Co-production") + 1
    assert wrap("7 Co-production", metrics, width) == ["7", "Co-production"]


def test_splits_after_a_hyphen_only_when_the_word_is_too_wide(metrics):
    width = metrics.horizontalAdvance("Community-") + 1
    assert wrap("Community-run", metrics, width) == ["Community-", "run"]


def test_fit_text_shrinks_then_elides(qapp):
    box = QRectF(0, 0, 120, 30)
    f, lines = fit_text(
        "A very long title that cannot possibly fit in this little box", box, 20, 10
    )
    assert f.pixelSize() == 10
    metrics = QFontMetricsF(f)
    assert len(lines) * metrics.lineSpacing() <= box.height() + 0.5
    assert lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= box.width() for line in lines)


def test_fit_text_keeps_full_size_when_it_fits(qapp):
    f, lines = fit_text("Short", QRectF(0, 0, 300, 60), 20, 10)
    assert f.pixelSize() == 20 and lines == ["Short"]


def test_shrinks_before_breaking_a_hyphenated_word(qapp):
    big = QFontMetricsF(font(20, bold=True))
    box = QRectF(0, 0, big.horizontalAdvance("Co-production") - 4, 200)
    f, lines = fit_text("7 Co-production", box, 20, 10)
    assert lines == ["7", "Co-production"] and f.pixelSize() < 20
