"""Valid but strange sessions (any text, empty band names, tiny or huge or negative regions,
boards of any size) open in the window and every group's board paints without an error.
A Python exception inside paint() can take the whole process down, so this matters."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QMessageBox
from test_fuzz_roundtrip import (  # tests/ is on sys.path (no package)
    bands,
    declared_lenses,
    decoration_kinds,
    lenses,
    ranked,
    sessions,
    text,
)

from coprod_desktop.domain.model import Board, Decoration, Region, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow

# Some text that is empty, blank, huge or markup, where the app expects a word or two.
odd_text = text | st.sampled_from(["", " ", "\n\n", "<b>x</b>", "W" * 3000, "a " * 2000])


@st.composite
def visible_boards(draw: st.DrawFn) -> Board:
    """Boards whose regions and decorations lie on the board, so they are painted."""
    w, h = draw(st.floats(1, 4000)), draw(st.floats(1, 4000))

    def rect() -> tuple[float, float, float, float]:
        x, y = draw(st.floats(0, w)), draw(st.floats(0, h))
        width = draw(st.floats(1e-3, max(w - x, 1e-3)))
        return (x, y, width, draw(st.floats(1e-3, max(h - y, 1e-3))))

    # Region ids are never blank: the domain refuses them (domain/rules.py).
    region_id = st.text(min_size=1, max_size=6).filter(lambda t: t.strip() != "")
    ids = draw(st.lists(region_id, min_size=1, max_size=8, unique=True))
    regions = ranked(
        draw,
        [Region(i, draw(odd_text), rect(), draw(lenses), draw(odd_text), draw(bands)) for i in ids],
    )
    decorations = tuple(
        Decoration(draw(decoration_kinds), draw(odd_text), rect())
        for _ in range(draw(st.integers(0, 6)))
    )
    return Board(
        "b", draw(odd_text), (w, h), regions, decorations, lenses=declared_lenses(draw, regions)
    )


@pytest.fixture(scope="module")
def window(qapp):
    win = MainWindow(SessionDocument(content.new_session()))
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    win.resize(1280, 720)
    win.show()
    yield win
    win.close()
    win.deleteLater()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(session=sessions(board_strategy=visible_boards()))
def test_any_valid_session_opens_and_paints(window, session: Session) -> None:
    doc = window.document
    doc.replace(session, None)
    for group in session.groups:
        doc.set_current_group(group.id)
        assert not window.grab().isNull()
        assert set(window.tray.card_ids()) == {c.id for c in session.unplaced(group)}
