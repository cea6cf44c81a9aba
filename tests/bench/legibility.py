"""Figure: how large the room's text is on screen, per projector size.

The example session is opened in the main window, in presentation mode (and, for
comparison, in the normal window), at each venue size; the window is resized to it
(offscreen). For card titles, region and rung labels, the timer's digits and the
group tabs it reports the smallest and the median size in pixels on the screen
(font pixel size x the board view's scale x the device pixel ratio) and whatever is
elided. The floors are issue 14's; tests/test_legibility.py asserts the same figures.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton

from coprod_desktop.files.session_file import load_session
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow
from tests.bench.config import EXAMPLE_SESSION, BenchConfig
from tests.bench.qt import application, discard_changes
from tests.bench.repaint import MAX_MS as REPAINT_MAX_MS
from tests.bench.repaint import MAX_RATIO as REPAINT_MAX_RATIO
from tests.bench.repaint import measure_repaint
from tests.bench.table import Result, Row

NAME = "legibility"
SIZES = ((1024, 768), (1280, 720), (1280, 800), (1920, 1080), (3840, 2160))
TABLE_SIZES = ((1024, 768), (1280, 720), (1920, 1080), (3840, 2160))  # the README's table
SMALL = ((1024, 768), (1280, 720))

# Issue 14's floors in presentation mode, px on the screen: {(w, h): px}.
CARD_TITLE_FLOORS = {(1920, 1080): 24.0, (1024, 768): 18.0, (1280, 720): 18.0}
REGION_LABEL_FLOORS = {(1920, 1080): 18.0, (1024, 768): 14.0, (1280, 720): 14.0}
TIMER_FLOORS = {(1920, 1080): 64.0}


@dataclass
class Legibility:
    """What one window shows, in px on the screen."""

    size: tuple[int, int]
    presenting: bool
    card_titles: list[float] = field(default_factory=list)
    region_labels: list[float] = field(default_factory=list)
    timer: float = 0.0
    tabs: list[float] = field(default_factory=list)
    elided: list[str] = field(default_factory=list)  # what lost text, one entry each
    hidden_cards: int = 0  # cards behind a region's "+N more"
    labels_left_out: int = 0  # matrix cells' labels their headings say (crowded, presenting)

    @property
    def mode(self) -> str:
        return "presentation" if self.presenting else "normal"


def smallest(values: list[float]) -> float:
    return min(values) if values else 0.0


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0


def measure_window(window: MainWindow) -> Legibility:
    """The on-screen sizes in window as it is now (shown, laid out, events processed)."""
    dpr = window.devicePixelRatioF()
    view = window.board_view
    scale = view.transform().m11() * dpr
    seen = view.visible_scene_rect()
    scene = window.scene
    result = Legibility((window.width(), window.height()), window.presentation.active)
    for card in scene.card_items.values():
        if not seen.intersects(card.sceneBoundingRect()):
            continue
        result.card_titles.append(card.title_pixel_size() * scale)
        if card.title_elided():
            result.elided.append(f"card title {card.card.title!r}")
    for region in scene.region_items.values():
        result.hidden_cards += region.hidden_count
        if not region.label_shown:  # its row and column headings say it (restated_labels)
            result.labels_left_out += 1
            continue
        result.region_labels.append(region.label_pixel_size() * scale)
        if region.label_elided():
            result.elided.append(f"region label {region.region.label!r}")
    timer = window.timer
    if timer.isVisible():
        result.timer = timer.digits.font().pixelSize() * dpr
        digits = timer.digits
        if digits.fontMetrics().horizontalAdvance(digits.text()) > digits.contentsRect().width():
            result.elided.append("timer digits")
    tabs = window.group_bar.tabs
    painted = [tabs.painted_text(i) for i in range(tabs.count())]
    for i in range(tabs.count()):
        result.tabs.append(tabs.font().pixelSize() * dpr)
        if "\u2026" in painted[i] and "\u2026" not in tabs.shown_text(i):
            result.elided.append(f"group tab {tabs.tabText(i)!r}")
        elif painted.count(painted[i]) > 1:
            result.elided.append(f"group tab {tabs.tabText(i)!r} (reads as another)")
        elif not tabs.rect().contains(tabs.tabRect(i)):
            result.elided.append(f"group tab {tabs.tabText(i)!r} (scrolled out of sight)")
    for button in window.findChildren(QToolButton):
        text = button.text().replace("&", "")
        if not button.isVisible() or not text or button.parent() is tabs:
            continue
        # the label area: the button less its frame and padding (a menu's arrow sits over it)
        if button.fontMetrics().horizontalAdvance(text) > button.width() - 8:
            result.elided.append(f"button {text!r}")
    return result


@contextmanager
def example_window() -> Iterator[MainWindow]:
    """The example session in a shown main window; closed afterwards."""
    app = application()
    window = MainWindow(SessionDocument(load_session(EXAMPLE_SESSION)))
    window.files.ask_unsaved = discard_changes  # type: ignore[method-assign]  # never ask
    window.show()
    app.processEvents()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


def show_at(window: MainWindow, size: tuple[int, int], presenting: bool) -> None:
    """Presentation mode (or not) in a window of size px, laid out and painted."""
    if presenting:
        window.presentation.enter()
        # Full screen takes the offscreen screen's size: a plain window of the venue's
        # size instead, still presenting (the mode is the panels and the board, not the flag).
        window.setWindowState(Qt.WindowState.WindowNoState)
    else:
        window.presentation.leave()
    settle()
    window.resize(*size)
    settle()


def settle() -> None:
    for _ in range(4):  # resize, then the layout, then the board's fit and relayout
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def measure_sizes(presenting: bool, sizes: tuple[tuple[int, int], ...] = SIZES) -> list[Legibility]:
    found = []
    with example_window() as window:
        for size in sizes:
            show_at(window, size, presenting)
            found.append(measure_window(window))
    return found


def _floor_row(label: str, value: float, floor: float | None) -> Row:
    return Row(label, round(value, 1), "px", min_value=floor)


def legibility_table(presenting: list[Legibility], normal: list[Legibility]) -> list[str]:
    """The README's table: smallest card title, smallest region label and timer, px on
    the screen, per size, normal window and presenting (floors in brackets)."""
    lines = [
        "| size | mode | smallest card title | smallest region label | timer "
        "| cards shown / behind +N |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for m in [*presenting, *normal]:
        if m.size not in TABLE_SIZES:
            continue
        floors = m.presenting
        title = f"{smallest(m.card_titles):.1f}" + (
            f" (>= {CARD_TITLE_FLOORS[m.size]:.0f})"
            if floors and m.size in CARD_TITLE_FLOORS
            else ""
        )
        label = f"{smallest(m.region_labels):.1f}" + (
            f" (>= {REGION_LABEL_FLOORS[m.size]:.0f})"
            if floors and m.size in REGION_LABEL_FLOORS
            else ""
        )
        timer = f"{m.timer:.0f}" + (
            f" (>= {TIMER_FLOORS[m.size]:.0f})" if floors and m.size in TIMER_FLOORS else ""
        )
        at = f"{m.size[0]}x{m.size[1]}"
        shown = f"{len(m.card_titles)} / {m.hidden_cards}"
        lines.append(f"| {at} | {m.mode} | {title} | {label} | {timer} | {shown} |")
    return lines


def measure(config: BenchConfig) -> Result:
    application()
    presenting = measure_sizes(True)
    normal = measure_sizes(False)
    rows = []
    frames = max(3, config.drag_frames // 3)
    for mode in (False, True):
        ours, plain, shown = measure_repaint(config.drag_cards, frames, presenting=mode)
        rows.append(
            Row(
                f"full repaint 3840x2160, {config.drag_cards} cards ({shown} shown), "
                + ("presenting" if mode else "normal window"),
                ours,
                "ms",
                baseline=plain,
                max_value=REPAINT_MAX_MS,
                max_ratio=REPAINT_MAX_RATIO,
            )
        )
    for m in presenting:
        at = f"{m.size[0]}x{m.size[1]}"
        rows += [
            _floor_row(
                f"presenting {at}: smallest card title (median {median(m.card_titles):.0f})",
                smallest(m.card_titles),
                CARD_TITLE_FLOORS.get(m.size),
            ),
            _floor_row(
                f"presenting {at}: smallest region label (median {median(m.region_labels):.0f})",
                smallest(m.region_labels),
                REGION_LABEL_FLOORS.get(m.size),
            ),
            _floor_row(f"presenting {at}: timer digits", m.timer, TIMER_FLOORS.get(m.size)),
            _floor_row(f"presenting {at}: group tab text", smallest(m.tabs), None),
            Row(f"presenting {at}: texts elided", len(m.elided), "", max_value=0),
        ]
    details = [
        "legibility: the example session, px on the screen (font px x view scale x device "
        "pixel ratio); smallest / median; floors are issue 14's, in presentation mode",
        f"  {'size':<10} {'mode':<13} {'card titles':>12} {'region labels':>14} "
        f"{'timer':>6} {'tabs':>5} {'+N more':>8}  elided",
    ]
    for m in [*presenting, *normal]:
        details.append(
            f"  {m.size[0]}x{m.size[1]:<5} {m.mode:<13} "
            f"{smallest(m.card_titles):>5.1f} /{median(m.card_titles):>5.1f} "
            f"{smallest(m.region_labels):>6.1f} /{median(m.region_labels):>5.1f} "
            f"{m.timer:>6.0f} {smallest(m.tabs):>5.0f} {m.hidden_cards:>8}  "
            + (
                "; ".join(m.elided[:4]) + (f" (+{len(m.elided) - 4})" if len(m.elided) > 4 else "")
                if m.elided
                else "-"
            )
        )
    details += [
        "",
        "legibility table (markdown, for the README):",
        *legibility_table(presenting, normal),
    ]
    return Result(rows=rows, details=details)
