"""A CSV at the size limit with hundreds of thousands of rows (issue 17, item 7): reading
it needs memory of the order of the file, lists at most MAX_LISTED_ROWS rows of each
kind with the count of the rest, reports progress and can be cancelled."""

from __future__ import annotations

import tracemalloc

import pytest

from coprod_desktop.domain.rules import MAX_DECK_CARDS
from coprod_desktop.files import builtin as content
from coprod_desktop.files.csv_cards import (
    MAX_LISTED_ROWS,
    ImportCancelled,
    cards_to_csv,
    parse_cards_csv,
)
from tests.bench.hostile_inputs import big_csv

ROWS = 60_000  # 1 MB: the 281,786 rows of the benchmark behave the same, 5 times as long


@pytest.fixture(scope="module")
def data() -> bytes:
    return big_csv(ROWS)


def test_rows_past_the_listing_limit_are_counted_not_kept(data: bytes) -> None:
    deck = content.new_session().deck.cards
    report = parse_cards_csv(data, deck)
    room = MAX_DECK_CARDS - len(deck)
    assert len(report.cards) == room
    assert report.skipped_count == ROWS - room
    assert len(report.skipped) == MAX_LISTED_ROWS  # the first ones, in row order
    assert [s.row for s in report.skipped[:2]] == [room + 2, room + 3]
    assert report.skipped[0].reason == f"the deck is full (at most {MAX_DECK_CARDS} cards)"
    assert f"{ROWS - room:,} row(s) skipped" in report.summary()


def test_rows_already_in_the_deck_are_counted_past_the_limit_too() -> None:
    card = content.new_session().deck.cards[0]
    header, row = cards_to_csv([card]).splitlines()[:2]  # an export of the card, 3000 times
    report = parse_cards_csv(("\n".join([header] + [row] * 3000) + "\n").encode(), [card])
    assert report.in_deck_count == 3000 and len(report.in_deck) == MAX_LISTED_ROWS


def test_reading_needs_memory_of_the_order_of_the_file(data: bytes) -> None:
    """Before: 30 times the file (every record kept, a row object per skipped row)."""
    deck = content.new_session().deck.cards
    tracemalloc.start()
    try:
        parse_cards_csv(data, deck)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 6 * len(data), f"{peak / 1e6:.1f} MB for a {len(data) / 1e6:.1f} MB file"


def test_progress_rises_to_one_and_cancel_stops_the_reading(data: bytes) -> None:
    seen: list[float] = []

    def progress(done: float) -> bool:
        seen.append(done)
        return True

    parse_cards_csv(data, (), progress)
    assert len(seen) > 5 and seen == sorted(seen) and seen[-1] == 1.0
    assert all(0.0 <= f <= 1.0 for f in seen)
    calls: list[float] = []

    def cancel_at_once(done: float) -> bool:
        calls.append(done)
        return False

    with pytest.raises(ImportCancelled):
        parse_cards_csv(data, (), cancel_at_once)
    assert len(calls) == 1


# --- in the window: read off the UI thread, with progress and Cancel --------------------


@pytest.fixture
def editor(open_window, tmp_path):
    window = open_window(content.new_session("Deck", ["Red"]), size=None)
    ed = window.prepare_menus.editor()
    ed.errors = []
    ed.show_error = lambda title, message: ed.errors.append((title, message))
    return ed


def test_a_big_import_keeps_the_window_responsive(editor, data, tmp_path, qtbot) -> None:
    """Before: the file was read on the UI thread (1.8 s for 5 MB, no event handled)."""
    from PySide6.QtCore import QTimer

    path = tmp_path / "big.csv"
    path.write_bytes(data)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    previews = []
    editor.confirm_import = lambda report, source: previews.append(report) or True
    timer.start()
    try:
        added = editor.import_csv(path)
    finally:
        timer.stop()
    assert ticks, "no event was handled while the file was read"
    [report] = previews
    assert added == len(report.cards) and report.skipped_count == ROWS - added
    assert editor.csv_job is None  # done, and ready for the next import
    assert editor.errors == []


def test_cancel_stops_a_big_import_and_changes_nothing(editor, data, tmp_path, qtbot) -> None:
    from PySide6.QtCore import QTimer

    path = tmp_path / "big.csv"
    path.write_bytes(data)
    before = list(editor.document.session.deck.cards)
    editor.confirm_import = lambda report, source: pytest.fail("cancelled: no preview")
    QTimer.singleShot(0, lambda: editor.csv_job.cancel())
    assert editor.import_csv(path) == 0
    assert list(editor.document.session.deck.cards) == before
    assert editor.errors == []  # cancelling is not an error
    assert not editor.document.undo_stack.canUndo()


def test_the_preview_of_a_huge_file_lists_a_bounded_number_of_rows(qtbot, data) -> None:
    from coprod_desktop.ui.dialogs.import_preview import ImportPreview

    report = parse_cards_csv(data, content.new_session().deck.cards)
    preview = ImportPreview(report, "big.csv")
    qtbot.addWidget(preview)
    assert preview.table.rowCount() == len(report.cards) + MAX_LISTED_ROWS
    summary = preview.summary.text()
    assert f"{report.skipped_count:,} row(s) will be skipped" in summary
    assert f"Only the first {MAX_LISTED_ROWS:,} of each are listed" in summary
    assert f"{report.more_skipped:,} more row(s) are counted, not listed" in summary
