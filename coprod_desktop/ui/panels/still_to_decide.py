"""What the current group has not decided yet: a count of the placed cards that still
lack a cell or a rung, readable from the back of the room. Tapping it selects the next
such card on the board, so the group can go through them one by one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts, theme


class StillToDecide(QToolButton):
    card_requested = Signal(str)  # the next undecided card's id

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setObjectName("still-to-decide")
        self.setFont(fonts.font(16, bold=True))
        self.setMinimumHeight(44)  # a touch target
        # Ignored: a long text never widens the side column (and shrinks the board)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._next = 0
        self.clicked.connect(self._show_next)
        document.arrangement_changed.connect(self.refresh)
        document.current_group_changed.connect(self.refresh)
        document.session_replaced.connect(self.refresh)
        document.deck_changed.connect(self.refresh)
        self.refresh()

    def undecided(self) -> list[tuple[str, list[str]]]:
        session, group = self.document.session, self.document.current_group
        return [(card.id, lenses) for card, lenses in session.still_to_decide(group)]

    def refresh(self, *_args: object) -> None:
        rows = self.undecided()
        units = []
        board = self.document.session.board
        for lens in board.lenses:
            if any(lens.id in missing for _card, missing in rows):
                units.append(lens.unit)
        if rows:
            count = len(rows)
            text = (
                f"{count} card{'s' if count != 1 else ''} still need{'s' if count == 1 else ''} "
                f"a {' or a '.join(units)} \u25b8"
            )
            colour = theme.MISSING_TEXT
        else:
            expected = [lens.unit for lens in board.lenses if lens.expected]
            text = f"Every placed card has its {' and '.join(expected) or 'places'}"
            colour = theme.TEXT
        self.setText(text)
        self.setAccessibleName(text.removesuffix(" \u25b8"))
        self.setToolTip("Tap to show the next card that still needs a place" if rows else "")
        self.setEnabled(bool(rows))
        self.setStyleSheet(f"QToolButton {{ color: {colour}; text-align: left; }}")
        self._fit_font()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_font()

    def _fit_font(self) -> None:
        """16 px bold, smaller (to 12) when the side column is narrow (a 1024 px window)."""
        text = self.text().replace("&", "")
        for px in range(16, 11, -1):
            f = fonts.font(px, bold=True)
            if QFontMetrics(f).horizontalAdvance(text) <= self.width() - 8 or px == 12:
                break
        if f.pixelSize() != self.font().pixelSize():
            self.setFont(f)

    def _show_next(self) -> None:
        rows = self.undecided()
        if rows:
            self._next %= len(rows)
            self.card_requested.emit(rows[self._next][0])
            self._next += 1
