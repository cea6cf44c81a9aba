"""The projector's window: one page at a time, no menus, no tray, no dialogs, nothing to
click. It never takes the keyboard from the laptop's window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsScene, QLabel, QStackedWidget, QVBoxLayout, QWidget

from coprod_desktop.ui.presenter.views import Blank, CardSpotlight, ProjectedBoard
from coprod_desktop.ui.style import fonts

WINDOWED_SIZE = (960, 540)  # on request with one screen: a window to check the projector's view


class PresenterWindow(QWidget):
    def __init__(
        self, board: QGraphicsScene, debrief: QGraphicsScene, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle("coprod-desktop: projector")
        self.setAccessibleName("Projector")
        self.board = ProjectedBoard(board)
        self.board.setObjectName("projector-board")
        self.debrief = ProjectedBoard(debrief)
        # The debrief's board with the card under discussion named above it (only its title:
        # the key's reasoning stays on the laptop).
        self.debrief_title = QLabel()
        self.debrief_title.setObjectName("projector-debrief-title")
        self.debrief_title.setTextFormat(Qt.TextFormat.PlainText)
        self.debrief_title.setWordWrap(True)
        self.debrief_title.setFont(fonts.font(34, bold=True))
        self.debrief_title.setContentsMargins(24, 12, 24, 6)
        self.debrief_page = QWidget()
        column = QVBoxLayout(self.debrief_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.debrief_title)
        column.addWidget(self.debrief, 1)
        self.spotlight = CardSpotlight()
        self.blank = Blank()
        self.cover = QLabel()
        self.cover.setTextFormat(Qt.TextFormat.PlainText)
        self.cover.setWordWrap(True)
        self.cover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.cover.setFont(fonts.font(40, bold=True))
        self.pages = QStackedWidget()
        for page in (self.board, self.debrief_page, self.spotlight, self.blank, self.cover):
            self.pages.addWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.resize(*WINDOWED_SIZE)
        self.set_frame_colour("#1a1a1a")

    def set_frame_colour(self, colour: str) -> None:
        """The group's colour around its board, as on the laptop."""
        name = QColor(colour).name()
        self.board.setStyleSheet(f"ProjectedBoard {{ border: 8px solid {name}; }}")

    def page(self) -> QWidget | None:
        return self.pages.currentWidget()

    def show_page(self, page: QWidget) -> None:
        self.pages.setCurrentWidget(page)
