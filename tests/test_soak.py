"""Soak: many card moves without a crash and without memory growing beyond a bound.

The default run makes 200,000 moves through the model (about a second) and 2,000 through
the document, undo stack and scene offscreen; `pytest -m soak` runs 20,000 through the
scene (about half a minute on a laptop). Figures are printed, never timed.
PySide6 on Python 3.11 aborted after some thousands of moves ("deallocating None"); this
is the test that would catch it again.
"""

from __future__ import annotations

import gc
import os
import random
import time
import tracemalloc

import pytest
from PySide6.QtWidgets import QApplication

from coprod_desktop.domain.model import Session
from coprod_desktop.files import builtin as content
from coprod_desktop.ui.main_window import MainWindow

MODEL_MOVES = 200_000
SCENE_MOVES = 2_000
SCENE_MOVES_SOAK = 20_000


def rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6
    except OSError:  # not Linux: the object counts below still hold
        return 0.0


def move_randomly(session: Session, rng: random.Random, n: int) -> None:
    cards = [c.id for c in session.deck.cards]
    regions = [r.id for r in session.board.regions]
    for _ in range(n):
        card, region = cards[rng.randrange(len(cards))], regions[rng.randrange(len(regions))]
        if rng.random() < 0.1 and session.groups[0].places(card):
            session.unplace("g1", card)
        else:
            session.place("g1", card, region, rng.choice([None, 0, 1, 3]))


def test_200k_moves_through_the_model() -> None:
    rng = random.Random(200_000)
    session = content.new_session("Soak", ["A", "B"])
    move_randomly(session, rng, 1_000)  # warm up: every card placed, every list at its size
    # Python objects, exactly: 10,000 moves leave nothing behind.
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    move_randomly(session, rng, 10_000)
    gc.collect()
    python_growth = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    # The whole process, roughly, over all 200,000.
    rss = rss_mb()
    started = time.perf_counter()
    move_randomly(session, rng, MODEL_MOVES)
    seconds = time.perf_counter() - started
    gc.collect()
    print(
        f"\n{MODEL_MOVES} model moves in {seconds:.2f} s; Python memory +{python_growth} bytes "
        f"over 10,000 moves; RSS {rss:.0f} -> {rss_mb():.0f} MB"
    )
    assert python_growth < 64_000
    assert rss_mb() - rss < 20
    group = session.groups[0]
    placed = [(p.card, session.board.lens_of(p.region)) for p in group.placements]
    assert len(set(placed)) == len(placed) <= len(session.deck.cards) * len(session.board.lenses)


@pytest.fixture
def window(open_window):
    return open_window(content.new_session("Soak", ["A", "B"]), size=(1280, 720))


def document_moves(window: MainWindow, rng: random.Random, n: int) -> None:
    doc = window.document
    cards = [c.id for c in doc.session.deck.cards]
    regions = [r.id for r in doc.session.board.regions]
    for i in range(n):
        card = cards[rng.randrange(len(cards))]
        roll = rng.random()
        if roll < 0.08:
            doc.unplace(card)
        elif roll < 0.12 and doc.undo_stack.canUndo():
            doc.undo_stack.undo()
        elif roll < 0.14 and doc.undo_stack.canRedo():
            doc.undo_stack.redo()
        else:
            doc.place(card, regions[rng.randrange(len(regions))], rng.choice([None, 0, 2]))
        if i % 250 == 0:
            QApplication.processEvents()  # let the view paint now and then, as in use


def scene_soak(window: MainWindow, moves: int) -> None:
    rng = random.Random(moves)
    doc, scene = window.document, window.scene
    board = doc.session.board
    document_moves(window, rng, 500)  # warm up
    doc.undo_stack.clear()
    gc.collect()
    rss = rss_mb()
    started = time.perf_counter()
    document_moves(window, rng, moves // 2)
    history = doc.undo_stack.count()
    doc.undo_stack.clear()  # the undo history is the one thing meant to grow
    gc.collect()
    middle = rss_mb()
    document_moves(window, rng, moves - moves // 2)
    seconds = time.perf_counter() - started
    doc.undo_stack.clear()
    gc.collect()
    QApplication.processEvents()
    end = rss_mb()
    print(
        f"\n{moves} document+scene moves in {seconds:.1f} s ({history} commands in the first "
        f"half); RSS {rss:.0f} -> {middle:.0f} -> {end:.0f} MB"
    )
    # Nothing piles up in the scene: its items are the board and the cards on it.
    placed = doc.current_group.placements
    board_ = doc.session.board
    assert set(scene.card_items) == {(p.card, board_.lens_of(p.region)) for p in placed}
    assert len(scene.items()) <= len(board.regions) + len(board.decorations) + len(placed) + 10
    assert window.tray.count() < len(doc.session.deck.cards) + 10
    # The second half, with the first half's history freed, adds next to nothing.
    assert end - middle < 15 + moves / 2000


def test_moves_through_the_document_and_scene(window) -> None:
    scene_soak(window, SCENE_MOVES)


@pytest.mark.soak
def test_20k_moves_through_the_document_and_scene(window) -> None:
    scene_soak(window, SCENE_MOVES_SOAK)
