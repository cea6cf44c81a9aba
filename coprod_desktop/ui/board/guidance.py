"""Tap-tap guidance while presenting: when a card waits for a tap (picked in the tray or
on the board), a hint over the board names it and says "now tap where it goes" (the
status bar, which says it in the window, is hidden when presenting), and the regions it
can go to stand out (BoardScene.show_targets)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.layout import room_floors
from coprod_desktop.ui.board.view import BoardView
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import one_line, quoted

NOW_TAP = "now tap where it goes"
NOW_TAP_PRINCIPLE = "now tap where it goes, or a card it shows in"
_STYLE = (
    "QLabel { background: #1a1a1a; color: #ffffff; border: 3px solid #0072b2;"
    " border-radius: 8px; padding: 6px 14px; }"
)


class TapGuide(QObject):
    def __init__(self, view: BoardView) -> None:
        super().__init__(view)
        self.view = view
        self.scene = view.board_scene
        self.label = QLabel(view.viewport())
        self.label.setObjectName("tap-guide")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet(_STYLE)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # taps pass
        self.label.setAccessibleName("Hint")
        self.label.hide()
        self.scene.pending_changed.connect(self.refresh)
        self.scene.document.current_group_changed.connect(self.refresh)
        view.viewport().installEventFilter(self)

    @property
    def text(self) -> str:
        return self.label.text() if self.label.isVisible() else ""

    def refresh(self, *_args: object) -> None:
        card_id = self.scene.pending_card_id
        if not (self.scene.fills_view and card_id):
            self.label.hide()
            return
        document = self.scene.document
        try:
            card = document.session.card(document.current_group, card_id)
        except DomainError:
            self.label.hide()
            return
        what = NOW_TAP_PRINCIPLE if card.kind == "principle" else NOW_TAP
        self.label.setText(f"{quoted(one_line(card.title))}: {what}")
        window = self.view.window()
        self.label.setFont(fonts.font(room_floors(window.width(), window.height())[0], bold=True))
        self._place()
        self.label.show()
        self.label.raise_()

    def _place(self) -> None:
        port = self.view.viewport().rect()
        self.label.setMaximumWidth(max(100, port.width() - 40))
        self.label.adjustSize()
        size = self.label.size()
        self.label.move(port.center().x() - size.width() // 2, 12)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.label.isVisible():
            self._place()
        return False
