"""Managing table groups: add, rename, recolour, reorder, remove, copy an arrangement.

GroupActions holds the actions (used by the group bar's menu, the Group menu and
the Manage groups dialog); every question goes through an ask_*/confirm_* method
that tests replace. Each change is one undoable command.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Group
from coprod_desktop.domain.rules import MAX_GROUPS
from coprod_desktop.ui.document import edit_commands
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import isolate, quoted, show_plain_message, title_text

log = logging.getLogger(__name__)
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def colour_icon(colour: str, size: int = 20) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def describe(group: Group) -> str:
    own = f", {len(group.cards)} own card(s)" if group.cards else ""
    return f"{isolate(group.name)}: {len(group.placements)} card(s) on the board{own}"


class GroupActions(QObject):
    def __init__(self, document: SessionDocument, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.document = document
        self.parent_widget = parent_widget

    # --- questions (replaced in tests) --------------------------------------------------
    def ask_name(self, title: str, current: str) -> str | None:
        name, ok = QInputDialog.getText(self.parent_widget, title, "Group name:", text=current)
        return name if ok else None

    def ask_colour(self, group: Group) -> str | None:
        colour = QColorDialog.getColor(
            QColor(group.colour), self.parent_widget, f"Colour for {title_text(group.name)}"
        )
        return colour.name() if colour.isValid() else None

    def confirm_remove(self, group: Group) -> bool:
        answer = show_plain_message(
            self.parent_widget,
            "Remove group",
            f"Remove {quoted(group.name)}?\n\n{describe(group)}. Their board goes too.\n"
            "(Edit > Undo brings it back.)",
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_replace(self, source: Group, target: Group) -> bool:
        answer = show_plain_message(
            self.parent_widget,
            "Copy arrangement",
            f"Replace {isolate(target.name)}'s board ({len(target.placements)} card(s)) "
            f"with a copy of {isolate(source.name)}'s ({len(source.placements)} card(s))?\n"
            "(Edit > Undo puts it back.)",
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def ask_source(self, target: Group) -> str | None:
        others = [g for g in self.document.session.groups if g.id != target.id]
        if not others:
            return None
        labels = [describe(g) for g in others]
        choice, ok = QInputDialog.getItem(
            self.parent_widget,
            "Copy arrangement",
            f"Start {isolate(target.name)}'s board from:",
            labels,
            0,
            False,
        )
        return others[labels.index(choice)].id if ok and choice in labels else None

    def show_error(self, message: str) -> None:
        log.warning("groups: %s", message)
        show_plain_message(self.parent_widget, "Groups", message, QMessageBox.Icon.Warning)

    # --- actions --------------------------------------------------------------------------
    def add(self) -> str:
        if len(self.document.session.groups) >= MAX_GROUPS:
            self.show_error(f"A session has at most {MAX_GROUPS} groups.")
            return ""
        return self.document.add_group().id

    def rename(self, group_id: str = "") -> bool:
        group = self.document.session.group(group_id or self.document.current_group_id)
        name = self.ask_name("Rename group", group.name)
        if name is None:
            return False
        name = " ".join(name.split())
        clash = next(
            (
                g
                for g in self.document.session.groups
                if g.id != group.id and g.name.casefold() == name.casefold()
            ),
            None,
        )
        if clash is not None:
            self.show_error(f"Another group is already called {quoted(clash.name)}.")
            return False
        return self.document.rename_group(group.id, name)

    def recolour(self, group_id: str = "") -> bool:
        group = self.document.session.group(group_id or self.document.current_group_id)
        colour = self.ask_colour(group)
        if colour is None:
            return False
        try:
            return edit_commands.recolour_group(self.document, group.id, colour)
        except DomainError as exc:
            self.show_error(str(exc))
            return False

    def move(self, group_id: str, delta: int) -> bool:
        groups = self.document.session.groups
        index = groups.index(self.document.session.group(group_id)) + delta
        return edit_commands.move_group(self.document, group_id, index)

    def remove(self, group_id: str = "") -> bool:
        group = self.document.session.group(group_id or self.document.current_group_id)
        if len(self.document.session.groups) == 1:
            self.show_error(
                "A session needs at least one group; "
                f"add another before removing {quoted(group.name)}."
            )
            return False
        if (group.placements or group.cards) and not self.confirm_remove(group):
            return False
        return edit_commands.remove_group(self.document, group.id)

    def copy_from(self, source_id: str = "", target_id: str = "") -> bool:
        """Start target's board (the current group's by default) from source's."""
        target = self.document.session.group(target_id or self.document.current_group_id)
        source_id = source_id or self.ask_source(target) or ""
        if not source_id or source_id == target.id:
            return False
        source = self.document.session.group(source_id)
        if target.placements and not self.confirm_replace(source, target):
            return False
        return edit_commands.copy_arrangement(self.document, source.id, target.id)


class GroupManagerDialog(QDialog):
    """Every group in one list, with buttons for each change; changes apply at once."""

    def __init__(
        self, document: SessionDocument, actions: GroupActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.group_actions = actions  # not self.actions: that is QWidget.actions()
        self.setWindowTitle("Groups")
        self.setMinimumSize(640, 420)
        intro = QLabel(
            "Each table group has its own board. Changes apply at once; "
            "Edit > Undo takes them back."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setIconSize(QSize(22, 22))
        self.list.setMinimumWidth(360)
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Groups")
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(self.rename)
        self.buttons: dict[str, QPushButton] = {}
        column = QVBoxLayout()
        for key, text, slot in (
            ("add", "&Add group", self.add),
            ("rename", "&Rename...", self.rename),
            ("colour", "&Colour...", self.recolour),
            ("up", "Move &up", self.move_up),
            ("down", "Move &down", self.move_down),
            ("copy", "Co&py arrangement from...", self.copy_from),
            ("remove", "Re&move...", self.remove),
        ):
            button = QPushButton(text)
            button.setMinimumHeight(36)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons[key] = button
        column.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(column)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row, 1)
        layout.addWidget(close)
        document.groups_changed.connect(self.refresh)
        document.arrangement_changed.connect(self.refresh)
        self.refresh()
        self.select(document.current_group_id)

    def refresh(self, *_args: object) -> None:
        keep = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for group in self.document.session.groups:
            item = QListWidgetItem(colour_icon(group.colour), describe(group))
            item.setData(GROUP_ID_ROLE, group.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.select(keep or self.document.current_group_id)

    def select(self, group_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(GROUP_ID_ROLE) == group_id:
                self.list.setCurrentRow(row)
                break
        self._update_buttons()

    def selected_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(GROUP_ID_ROLE)) if item is not None else ""

    def _update_buttons(self, *_args: object) -> None:
        row, count = self.list.currentRow(), self.list.count()
        chosen = row >= 0
        for key in ("rename", "colour", "copy"):
            self.buttons[key].setEnabled(chosen)
        self.buttons["copy"].setEnabled(chosen and count > 1)
        self.buttons["remove"].setEnabled(chosen and count > 1)
        self.buttons["up"].setEnabled(row > 0)
        self.buttons["down"].setEnabled(chosen and row < count - 1)
        self.buttons["add"].setEnabled(count < MAX_GROUPS)

    def add(self) -> None:
        group_id = self.group_actions.add()
        if group_id:
            self.select(group_id)

    def rename(self, *_args: object) -> None:
        if self.selected_id():
            self.group_actions.rename(self.selected_id())

    def recolour(self) -> None:
        if self.selected_id():
            self.group_actions.recolour(self.selected_id())

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, delta: int) -> None:
        group_id = self.selected_id()
        if group_id and self.group_actions.move(group_id, delta):
            self.select(group_id)

    def copy_from(self) -> None:
        if self.selected_id():
            self.group_actions.copy_from(target_id=self.selected_id())

    def remove(self) -> None:
        if self.selected_id():
            self.group_actions.remove(self.selected_id())
