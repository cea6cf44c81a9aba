"""The group switcher: one tab per table group, in the group's colour, with add
and rename. (Richer group management comes with session set-up.)"""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QTabBar, QWidget

from . import theme
from .document import SessionDocument


class GroupBar(QWidget):
    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.label = QLabel("Group:")
        self.label.setFont(theme.font(18, bold=True))
        self.tabs = QTabBar()
        self.tabs.setFont(theme.font(18, bold=True))
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        self.tabs.setAccessibleName("Groups")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.tabBarDoubleClicked.connect(self.rename_current)
        self.add_button = QPushButton("+ Add group")
        self.add_button.setMinimumHeight(44)
        self.add_button.clicked.connect(self.add_group)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.add_button)
        document.session_replaced.connect(self.refresh)
        document.groups_changed.connect(self.refresh)
        document.current_group_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for i, group in enumerate(self.document.session.groups):
            self.tabs.addTab(group.name)
            self.tabs.setTabTextColor(i, QColor(group.colour))
            self.tabs.setTabToolTip(i, f"{group.name}: {len(group.placements)} card(s) placed")
            self.tabs.setTabData(i, group.id)
            if group.id == self.document.current_group_id:
                self.tabs.setCurrentIndex(i)
        self.tabs.blockSignals(False)

    def _on_tab_changed(self, index: int) -> None:
        group_id = self.tabs.tabData(index)
        if group_id:
            self.document.set_current_group(group_id)

    def add_group(self) -> None:
        self.document.add_group()

    def rename_current(self, *_args: object) -> None:
        group = self.document.current_group
        name, ok = QInputDialog.getText(self, "Rename group", "Group name:", text=group.name)
        if ok and name.strip():
            self.document.rename_group(group.id, name.strip())
