"""The main window: tray | board | details, the group bar, menus and toolbar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QToolBar, QVBoxLayout, QWidget

from .. import __version__
from .board_view import BoardView
from .details import DetailsPanel
from .document import SessionDocument
from .file_actions import FileActions
from .group_bar import GroupBar
from .scene import BoardScene
from .tray import DeckTray


class MainWindow(QMainWindow):
    def __init__(self, document: SessionDocument) -> None:
        super().__init__()
        self.document = document
        self.files = FileActions(document, self)
        # Kept as attributes: a scene without a Python reference is deleted under us.
        self.scene = BoardScene(document, self)
        self.board_view = BoardView(self.scene)
        self.tray = DeckTray(document)
        self.details = DetailsPanel(document)
        self.group_bar = GroupBar(document)
        self.hint = QLabel("Drag a card from the tray onto the board. Drag it back to the tray to take it off.")
        self.hint.setObjectName("hint")

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.group_bar)
        column.addWidget(self.board_view, 1)
        # Tray above details in one column, so the 16:9 board gets the full width left.
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(self.tray)
        self.side.addWidget(self.details)
        self.side.setSizes([560, 420])
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 1560])
        self.setCentralWidget(self.splitter)
        self.statusBar().addWidget(self.hint, 1)

        self._build_actions()
        self.scene.card_selected.connect(self._on_board_selection)
        self.tray.card_selected.connect(self._on_tray_selection)
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.path_changed.connect(self._update_title)
        document.session_replaced.connect(self._update_title)
        document.current_group_changed.connect(self._update_group_frame)
        document.groups_changed.connect(self._update_group_frame)
        document.session_replaced.connect(self._update_group_frame)
        self._update_title()
        self._update_group_frame()
        self.resize(1600, 950)

    # --- actions -------------------------------------------------------------
    def _build_actions(self) -> None:
        files, stack = self.files, self.document.undo_stack
        self.actions: dict[str, QAction] = {}

        def action(key: str, text: str, slot, shortcut=None, tip: str = "") -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcuts(shortcut if isinstance(shortcut, list) else [shortcut])
            act.setStatusTip(tip)
            act.triggered.connect(slot)
            self.actions[key] = act
            return act

        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(action("new", "&New session", files.new, QKeySequence.StandardKey.New))
        file_menu.addAction(action("open", "&Open...", lambda: files.open(), QKeySequence.StandardKey.Open))
        file_menu.addSeparator()
        file_menu.addAction(action("save", "&Save", files.save, QKeySequence.StandardKey.Save))
        file_menu.addAction(action("save_as", "Save &As...", files.save_as, QKeySequence.StandardKey.SaveAs))
        file_menu.addSeparator()
        file_menu.addAction(action("export", "&Export handout...", files.export_handout,
                                   QKeySequence("Ctrl+E"), "Print the arrangement as a PDF handout"))
        file_menu.addSeparator()
        file_menu.addAction(action("quit", "&Quit", self.close, QKeySequence.StandardKey.Quit))

        undo = stack.createUndoAction(self, "&Undo")
        undo.setShortcuts([QKeySequence.StandardKey.Undo])
        redo = stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.actions["undo"], self.actions["redo"] = undo, redo
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(action("unplace", "Return card to &tray", self.return_selected_to_tray,
                                   [QKeySequence(Qt.Key.Key_Delete), QKeySequence(Qt.Key.Key_Backspace)]))

        group_menu = self.menuBar().addMenu("&Group")
        group_menu.addAction(action("add_group", "&Add group", self.group_bar.add_group, QKeySequence("Ctrl+G")))
        group_menu.addAction(action("rename_group", "&Rename group...", self.group_bar.rename_current,
                                    QKeySequence("F2")))

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(action("about", "&About coprod-desktop", self._about))

        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for key in ("undo", "redo", "unplace", "save", "export"):
            toolbar.addAction(self.actions[key])
        for button in toolbar.findChildren(QWidget):
            button.setMinimumHeight(44)
        self.addToolBar(toolbar)

    # --- selection and commands --------------------------------------------------
    def _on_board_selection(self, card_id: str) -> None:
        if card_id:
            self.tray.clearSelection()
            self.details.show_card(card_id)

    def _on_tray_selection(self, card_id: str) -> None:
        self.scene.clearSelection()
        self.details.show_card(card_id)

    def return_selected_to_tray(self) -> None:
        if self.details.note.hasFocus():
            return  # Delete and Backspace edit the note there
        card_id = self.scene.selected_card_id()
        if card_id:
            self.document.unplace(card_id)

    # --- window state -------------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.document.display_name}[*] — {self.document.session.title} — coprod-desktop")
        self.setWindowModified(self.document.is_modified())

    def _update_group_frame(self, *_args: object) -> None:
        self.board_view.set_frame_colour(self.document.current_group.colour)

    def _about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self, "About coprod-desktop",
            f"coprod-desktop {__version__}\nA card sort for co-production workshops, after the New Economics "
            "Foundation's “Co-production: theory and practice”.",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save():
            # The undo stack signals as it is destroyed; the window must not hear it then.
            try:
                self.document.undo_stack.cleanChanged.disconnect(self._update_title)
            except (RuntimeError, TypeError):
                pass  # already disconnected by an earlier close
            event.accept()
        else:
            event.ignore()

    def open_path(self, path: Path) -> bool:
        return self.files.load(path)
