"""New session: a short set-up form, and the recent sessions beside it.

Every field has a default (the last choices, or the built-in ones), so pressing
Enter alone gives a usable session. After accept(), `session` holds the new
session, or `open_path` the recent file chosen instead.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import CardDraft, Session
from coprod_desktop.domain.room import MAX_CODE_LENGTH, check_room_code
from coprod_desktop.domain.rules import MAX_GROUPS
from coprod_desktop.files import builtin as content
from coprod_desktop.files.csv_cards import CsvCardsError, ImportReport, format_hint
from coprod_desktop.files.session_setup import (
    SetupChoices,
    SetupError,
    build_session,
    default_group_names,
    parse_group_names,
)
from coprod_desktop.ui.actions.recent_files import RecentFiles
from coprod_desktop.ui.dialogs.import_preview import (
    IMPORT_CAPTION,
    IMPORT_FILTER,
    CsvReadJob,
    ImportPreview,
)
from coprod_desktop.ui.style.plain_text import isolate, show_plain_message

log = logging.getLogger(__name__)
PATH_ROLE = Qt.ItemDataRole.UserRole + 1
BUILTIN, BUILTIN_PLUS, IMPORTED_ONLY = "builtin", "plus", "imported"


class SetupDialog(QDialog):
    def __init__(
        self,
        choices: SetupChoices | None = None,
        recent: list[Path] | None = None,
        parent: QWidget | None = None,
        room_code: str = "",
        start: bool = False,
    ) -> None:
        """start: the start screen at launch. With recent sessions there, Enter opens the
        most recent one; creating a new session is a deliberate choice (a click on Create
        session, or typing in the form first)."""
        super().__init__(parent)
        choices = choices or SetupChoices()
        self.session: Session | None = None
        self.open_path: Path | None = None
        self.imported: tuple[CardDraft, ...] = ()
        self.imported_from = ""
        self.chosen: SetupChoices | None = None  # what to remember for next time
        self.setWindowTitle("New session")

        self.title = QLineEdit(choices.title)
        self.title.setPlaceholderText("e.g. Co-producing community health")
        self.title.selectAll()
        self.date = DateEdit(QDate.currentDate())
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("d MMMM yyyy")
        self.venue = QLineEdit(choices.venue)
        self.venue.setPlaceholderText("optional")
        self.facilitator = QLineEdit(choices.facilitator)
        self.facilitator.setPlaceholderText("optional")
        self.board = QComboBox()
        for board in content.builtin_boards().values():
            self.board.addItem(board.title, board.id)
        self.board.setCurrentIndex(max(0, self.board.findData(choices.board_id)))
        self.deck = QComboBox()
        self.deck_id = choices.deck_id or content.DEFAULT_DECK_ID
        builtin = content.deck(self.deck_id)
        self.deck.addItem(f"{builtin.title} ({len(builtin.cards)} cards)", BUILTIN)
        self.deck.addItem(f"{builtin.title} + cards from a CSV file", BUILTIN_PLUS)
        self.deck.addItem("Only cards from a CSV file", IMPORTED_ONLY)
        self.deck.currentIndexChanged.connect(self._on_deck_changed)
        self.import_button = QPushButton("Choose CSV...")
        self.import_button.setToolTip(format_hint())
        self.import_button.setAutoDefault(False)  # Enter is always "Create session"
        self.import_button.clicked.connect(self.choose_csv)
        self.import_status = QLabel()
        self.import_status.setTextFormat(Qt.TextFormat.PlainText)
        self.import_status.setWordWrap(True)
        self.group_count = QSpinBox()
        self.group_count.setRange(1, MAX_GROUPS)
        self.group_names = QPlainTextEdit()
        self.group_names.setTabChangesFocus(True)
        self.group_names.setMaximumHeight(130)
        self.group_names.setAccessibleName("Group names, one per line")
        names = list(choices.group_names) or default_group_names(choices.group_count)
        self.group_count.setValue(len(names))
        self.group_names.setPlainText("\n".join(names))
        self.group_count.valueChanged.connect(self._on_count_changed)
        self.group_names.textChanged.connect(self._on_names_edited)
        # Room mode's unlock code (this computer's, not the file's): see README, Room mode.
        self.room_code = QLineEdit(room_code)
        self.room_code.setMaxLength(MAX_CODE_LENGTH)
        self.room_code.setToolTip(
            "Unlocks room mode while groups are at the screen: press and hold the Room "
            "mode badge (or Ctrl+Alt+U), then type it. 3 to 12 letters or digits."
        )
        self.chosen_room_code = ""
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")

        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Place", self.venue)
        form.addRow("&Facilitator", self.facilitator)
        form.addRow("&Date", self.date)
        form.addRow("&Board", self.board)
        deck_row = QHBoxLayout()
        deck_row.addWidget(self.deck, 1)
        deck_row.addWidget(self.import_button)
        deck_label = QLabel("D&eck")  # a row holding a layout gets no buddy of its own
        deck_label.setBuddy(self.deck)
        form.addRow(deck_label, deck_row)
        form.addRow("", self.import_status)
        form.addRow("&Groups", self.group_count)
        form.addRow("Group &names\n(one per line)", self.group_names)
        form.addRow("Room &code", self.room_code)
        left = QGroupBox("Set up a new session")
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(form)
        left_layout.addWidget(self.error)

        # Parented now: a button becomes the dialog's default only once it is inside the dialog.
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            "Create session", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(left, 3)
        self.recent = QListWidget()
        if recent:
            columns.addWidget(self._recent_box(recent), 2)
        layout = QVBoxLayout(self)
        self.opens_recent = bool(recent) and start  # Enter opens the selected recent session
        if self.opens_recent:
            words = (
                "Press Enter to carry on with the session selected on the right (the most "
                "recent). To set up a new one, fill in the form and press Create session."
            )
        else:
            words = (
                "Press Enter for a ready session with these choices; everything can be "
                "changed later (groups, the deck, each group's own cards)."
                + (
                    "\nTo carry on with a session you prepared, open it on the right."
                    if recent
                    else ""
                )
            )
        hint = QLabel(words)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addLayout(columns, 1)
        layout.addWidget(self.buttons)
        deck_mode = BUILTIN if choices.deck_id else IMPORTED_ONLY
        self.deck.setCurrentIndex(self.deck.findData(deck_mode))
        self._on_deck_changed()
        if self.opens_recent:
            self.create_button.setDefault(False)
            self.open_button.setDefault(True)
            self.recent.setFocus()
            for edited in (self.title, self.venue, self.facilitator, self.room_code):
                edited.textEdited.connect(self._choose_create)
            self.group_names.textChanged.connect(self._choose_create)
            self.group_count.valueChanged.connect(self._choose_create)
            self.board.activated.connect(self._choose_create)
            self.deck.activated.connect(self._choose_create)
        else:
            self.title.setFocus()

    def _choose_create(self, *_args: object) -> None:
        """Typing in the form: Enter now creates the new session it describes."""
        self.open_button.setDefault(False)
        self.create_button.setDefault(True)

    def _recent_box(self, recent: list[Path]) -> QGroupBox:
        box = QGroupBox("Or open a recent session")
        for path in recent:
            item = QListWidgetItem(f"{isolate(path.name)}\n{isolate(str(path.parent))}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setCurrentRow(0)  # the latest, one click on Open away
        self.recent.setAccessibleName("Recent sessions")
        self.recent.itemActivated.connect(self._on_recent_activated)
        open_button = self.open_button = QPushButton("&Open the selected session")
        open_button.setAutoDefault(False)
        open_button.clicked.connect(self.open_selected)
        other = QPushButton("Open &another file...")
        other.setAutoDefault(False)
        other.clicked.connect(self.open_other)
        column = QVBoxLayout(box)
        column.addWidget(self.recent, 1)
        column.addWidget(open_button)
        column.addWidget(other)
        return box

    # --- dialogs (replaced in tests) -------------------------------------------------------
    def ask_csv_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(self, IMPORT_CAPTION, str(Path.cwd()), IMPORT_FILTER)
        return Path(name) if name else None

    def ask_session_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Open session", str(Path.cwd()), "Co-production sessions (*.json);;All files (*)"
        )
        return Path(name) if name else None

    def confirm_import(self, report: ImportReport, source: str) -> bool:
        preview = ImportPreview(report, source, self, action="Use")
        return preview.exec() == QDialog.DialogCode.Accepted

    def show_error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        show_plain_message(self, title, message, QMessageBox.Icon.Warning)

    # --- groups: the count and the names follow each other ------------------------------
    def _on_count_changed(self, count: int) -> None:
        names = parse_group_names(self.group_names.toPlainText())[:count]
        taken = {n.casefold() for n in names}
        n = 1
        while len(names) < count:
            candidate = f"Group {n}"
            if candidate.casefold() not in taken:
                names.append(candidate)
                taken.add(candidate.casefold())
            n += 1
        self.group_names.blockSignals(True)
        self.group_names.setPlainText("\n".join(names))
        self.group_names.blockSignals(False)

    def _on_names_edited(self) -> None:
        count = len(parse_group_names(self.group_names.toPlainText()))
        if 1 <= count <= MAX_GROUPS:
            self.group_count.blockSignals(True)
            self.group_count.setValue(count)
            self.group_count.blockSignals(False)

    # --- the deck -----------------------------------------------------------------------
    def _on_deck_changed(self, *_args: object) -> None:
        needs_csv = self.deck.currentData() != BUILTIN
        self.import_button.setEnabled(needs_csv)
        if not needs_csv:
            self.import_status.setText("")
        elif self.imported:
            self.import_status.setText(f"{len(self.imported)} card(s) from {self.imported_from}")
        else:
            self.import_status.setText("Choose a CSV file. " + format_hint())

    def choose_csv(self, path: Path | None = None) -> bool:
        path = path or self.ask_csv_path()
        if path is None:
            return False
        existing = (
            content.deck(self.deck_id).cards if self.deck.currentData() == BUILTIN_PLUS else ()
        )
        try:  # off the UI thread, with progress and Cancel
            report = CsvReadJob(self, path, existing).run()
        except CsvCardsError as exc:
            self.show_error("Cannot use these cards", f"{isolate(path.name)}: {exc}")
            return False
        if report is None:  # cancelled
            return False
        if not self.confirm_import(report, path.name) or not report.cards:
            return False
        self.imported, self.imported_from = report.cards, path.name
        self._on_deck_changed()
        return True

    # --- the result -----------------------------------------------------------------------
    def choices(self) -> SetupChoices:
        mode = self.deck.currentData()
        return SetupChoices(
            title=self.title.text(),
            date=self.date.date().toString(Qt.DateFormat.ISODate),
            venue=self.venue.text(),
            facilitator=self.facilitator.text(),
            board_id=self.board.currentData() or content.DEFAULT_BOARD_ID,
            deck_id="" if mode == IMPORTED_ONLY else self.deck_id,
            group_names=tuple(parse_group_names(self.group_names.toPlainText())),
            group_count=self.group_count.value(),
            imported=self.imported if mode != BUILTIN else (),
            imported_from=self.imported_from,
        )

    def accept(self) -> None:
        choices = self.choices()
        if self.deck.currentData() != BUILTIN and not self.imported:
            self.error.setText("Choose a CSV file of cards, or pick the built-in deck.")
            self.import_button.setFocus()
            return
        try:
            self.session = build_session(choices)
            entered = self.room_code.text().strip()  # empty: keep the code there is
            self.chosen_room_code = check_room_code(entered) if entered else ""
        except SetupError as exc:
            self.error.setText(f"Please check {exc}")
            return
        except DomainError as exc:
            self.error.setText(f"Please check the room code: {exc.reason}.")
            self.room_code.setFocus()
            return
        self.chosen = replace(choices, imported=())
        super().accept()

    def open_selected(self) -> None:
        item = self.recent.currentItem() or self.recent.item(0)
        if item is not None:
            self._open(Path(item.data(PATH_ROLE)))

    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        self._open(Path(item.data(PATH_ROLE)))

    def open_other(self) -> None:
        path = self.ask_session_path()
        if path is not None:
            self._open(path)

    def _open(self, path: Path) -> None:
        self.open_path = path
        self.session = None
        super().accept()


class DateEdit(QDateEdit):
    """Tab leaves the field (arrow keys move between day, month and year), so tabbing
    through the form never gets stuck in the date."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        return QWidget.focusNextPrevChild(self, next)


@dataclass(frozen=True, slots=True)
class SetupResult:
    session: Session | None = None  # a new session, or
    open_path: Path | None = None  # a recent (or other) session file to open instead


def ask_setup(
    parent: QWidget | None, recent: RecentFiles, start: bool = False
) -> SetupResult | None:
    """Show the set-up dialog with the last choices; remember the new ones. None: cancelled.
    start: the start screen, where Enter opens the most recent session."""
    dialog = SetupDialog(
        recent.last_choices(), recent.paths(), parent, recent.room_code(), start=start
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog_result(dialog, recent)


def dialog_result(dialog: SetupDialog, recent: RecentFiles) -> SetupResult:
    if dialog.open_path is not None:
        return SetupResult(open_path=dialog.open_path)
    if dialog.chosen is not None:
        recent.remember_choices(dialog.chosen)
    if dialog.chosen_room_code:
        recent.remember_room_code(dialog.chosen_room_code)
    return SetupResult(session=dialog.session)
