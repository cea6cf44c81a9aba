"""Above the board in the facilitator's window: the group tabs and the buttons beside
them (own card, add group, room mode, present) in one row while the tabs fit whole; on a
narrow window (1024 px, six groups) the buttons go to a row above, so that every tab keeps
its whole name and the current one sits on the board as before."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QVBoxLayout, QWidget

from coprod_desktop.ui.panels.group_bar import GroupBar


class TopRows(QObject):
    def __init__(
        self,
        group_bar: GroupBar,
        top: QBoxLayout,
        beside: list[QWidget],
        centre: QWidget,
        allowed: Callable[[], bool],
    ) -> None:
        super().__init__(centre)
        self.centre = centre  # the rows' width: arranged again when it is resized
        self.allowed = allowed  # two rows may be used (not while presenting)
        self.group_bar = group_bar
        self.top = top  # the row of the group bar and the widgets beside it
        self.beside = beside  # after the group bar in top, in order
        self.row = QWidget()  # the buttons' own row, above the tabs
        self.row.setObjectName("top-buttons")
        self._row_layout = QHBoxLayout(self.row)
        self._row_layout.setContentsMargins(6, 2, 6, 0)
        self._row_layout.addStretch(1)
        column = centre.layout()
        if isinstance(column, QVBoxLayout):
            column.insertWidget(0, self.row)
        self.row.hide()
        self.two_rows = False
        centre.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.centre and event.type() == QEvent.Type.Resize:
            self.arrange()
        return False

    def _buttons(self) -> list[QWidget]:
        bar = self.group_bar
        return [bar.own_card_button, bar.add_button, *self.beside]

    def needed(self) -> int:
        """The width one row takes with every tab whole."""
        tabs = self.group_bar.tabs
        width = sum(tabs.tabSizeHint(i).width() for i in range(tabs.count()))
        buttons = [b for b in self._buttons() if not b.isHidden()]
        return width + sum(b.sizeHint().width() + 6 for b in buttons) + 24

    def arrange(self, *_args: object) -> None:
        """Two rows when allowed (not presenting) and one row would not hold the tabs."""
        two = self.allowed() and self.needed() > self.centre.width()
        if two == self.two_rows:
            return
        self.two_rows = two
        bar_layout = self.group_bar.layout()
        if two:
            for button in self._buttons():
                self._row_layout.addWidget(button)
            self.row.show()
        else:
            bar = self.group_bar
            if isinstance(bar_layout, QBoxLayout):
                bar_layout.addWidget(bar.own_card_button)
                bar_layout.addWidget(bar.add_button)
            for widget in self.beside:
                self.top.addWidget(widget)
            self.row.hide()
