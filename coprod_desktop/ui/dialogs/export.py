"""The Export handout dialog: paper, large print, booklets, reference packs and where to
write the PDF.

The choices are remembered between exports (QSettings, under "handout/"): the paper,
large print, booklets, the packs and the folder last written to. Tests pass their own
QSettings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.files.file_checks import write_target
from coprod_desktop.handout.options import PAPER_NAMES, PAPERS, HandoutOptions
from coprod_desktop.handout.reference_data import pack_ids, reference_pack
from coprod_desktop.ui.dialogs.replace import ask_replace, os_path_taken
from coprod_desktop.ui.style.plain_text import isolate

PDF_FILTER = "PDF documents (*.pdf)"


@dataclass(frozen=True)
class ExportChoices:
    path: Path
    options: HandoutOptions
    html: bool = False  # the accessible twin too: path with .html (handout/html.py)


class ExportSettings:
    """The remembered choices, read and written through one QSettings object."""

    PAPER, LARGE, BOOKLETS, FOLDER, PACKS, KEY, HTML = (
        "handout/paper",
        "handout/large_print",
        "handout/booklets",
        "handout/folder",
        "handout/packs",
        "handout/key",
        "handout/html",
    )

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()

    def options(self) -> HandoutOptions:
        paper = str(self.settings.value(self.PAPER, "a4"))
        return HandoutOptions(
            paper=paper if paper in PAPERS else "a4",
            large_print=self._flag(self.LARGE),
            booklets=self._flag(self.BOOKLETS),
            packs=self._packs(),
            key=self._flag(self.KEY, True),
        )

    def html(self) -> bool:
        return self._flag(self.HTML)

    def _packs(self) -> tuple[str, ...]:
        """The remembered packs that are still built in (a comma-separated text)."""
        value = str(self.settings.value(self.PACKS, "") or "")
        known = pack_ids()
        return tuple(p for p in dict.fromkeys(value.split(",")) if p in known)

    def folder(self) -> Path | None:
        value = str(self.settings.value(self.FOLDER, "") or "")
        return Path(value) if value and Path(value).is_dir() else None

    def remember(self, choices: ExportChoices) -> None:
        self.settings.setValue(self.PAPER, choices.options.paper)
        self.settings.setValue(self.LARGE, choices.options.large_print)
        self.settings.setValue(self.BOOKLETS, choices.options.booklets)
        self.settings.setValue(self.PACKS, ",".join(choices.options.packs))
        self.settings.setValue(self.KEY, choices.options.key)
        self.settings.setValue(self.HTML, choices.html)
        self.settings.setValue(self.FOLDER, str(choices.path.parent))
        self.settings.sync()

    def _flag(self, key: str, default: bool = False) -> bool:
        # INI files give back "true"/"false" strings; the native stores give bools.
        value = self.settings.value(key, default)
        return value is True or str(value).lower() in ("true", "1")


def pdf_path(text: str) -> Path | None:
    """The path typed in the dialog, with .pdf added when it has another or no suffix."""
    text = text.strip()
    if not text:
        return None
    path = Path(text).expanduser()
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


def variant_path(standard: Path, options: HandoutOptions) -> Path:
    """The default file for these options: the standard handout's name, with
    "-booklets" and "-large-print" for those variants, so a variant never takes the
    standard handout's name ("evening-handout-large-print.pdf")."""
    parts = [standard.stem]
    if options.booklets:
        parts.append("booklets")
    if options.large_print:
        parts.append("large-print")
    return standard.with_name("-".join(parts) + standard.suffix)


class ExportDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, suggestion: Path, settings: ExportSettings, groups: int
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export handout")
        self.settings = settings
        remembered = settings.options()

        self.paper = QComboBox()
        for key in PAPERS:
            self.paper.addItem(PAPER_NAMES[key], key)
        self.paper.setCurrentIndex(PAPERS.index(remembered.paper))
        self.large_print = QCheckBox("Large print (text of 16 pt and more)")
        self.large_print.setChecked(remembered.large_print)
        self.booklets = QCheckBox("One booklet per group, to print for each table")
        self.booklets.setChecked(remembered.booklets)
        self.booklets.setToolTip(
            "Each group's booklet holds the cover, that group's pages, the comparison, "
            "the reference and the questions. Booklets follow one another in one PDF, "
            "each starting on a right-hand page."
        )
        self.key = QCheckBox("The facilitator's key in the debrief pages")
        self.key.setChecked(remembered.key)
        self.key.setToolTip(
            "Where the sources point for each card, how sure and why, after the comparison. "
            "Leave it out for a handout printed before the debrief."
        )
        if groups < 2:
            self.booklets.setChecked(False)
            self.booklets.setEnabled(False)
        self.packs: dict[str, QCheckBox] = {}
        for pack_id in pack_ids():
            box = QCheckBox(
                f"Add the reference pack \u201c{reference_pack(pack_id).part.title}\u201d"
            )
            box.setChecked(pack_id in remembered.packs)
            box.setToolTip("Printed after the stories, with its question on the questions page")
            self.packs[pack_id] = box
        self.html = QCheckBox("Also an HTML version for screen readers (same name, .html)")
        self.html.setChecked(settings.html())
        self.html.setToolTip(
            "The same handout as one web page with headings, lists, tables and each board "
            "described in words: the format screen readers read best, to send by email"
        )
        # suggestion: the standard handout's file; the field shows the variant's own name,
        # following the boxes until the user types or browses to another name.
        self.standard = suggestion
        self.browsed: Path | None = None  # the file dialog asked about replacing it
        self.path = QLineEdit()
        self._auto = variant_path(suggestion, self._variant())
        self.path.setText(str(self._auto))
        self.large_print.toggled.connect(self._on_variant_changed)
        self.booklets.toggled.connect(self._on_variant_changed)
        self.path.setMinimumWidth(420)
        self.path.setAccessibleName("Save as")  # its row's label names a layout, not it
        browse = QPushButton("Browse...")
        browse.setAutoDefault(False)  # Return means Export, wherever the focus is
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        self.problem = QLabel("")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.hide()

        form = QFormLayout()
        form.addRow("Paper", self.paper)
        form.addRow("", self.large_print)
        form.addRow("", self.booklets)
        for box in self.packs.values():
            form.addRow("", box)
        form.addRow("", self.key)
        form.addRow("", self.html)
        form.addRow("Save as", path_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(buttons)
        self.export_button.setFocus()

    # --- replaced in tests ------------------------------------------------------------
    def ask_browse_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export handout as", self.path.text(), PDF_FILTER
        )
        return Path(name) if name else None

    def confirm_replace(self, path: Path) -> bool:
        return ask_replace(self, path)

    # --- behaviour --------------------------------------------------------------------
    def _variant(self) -> HandoutOptions:
        booklets = self.booklets.isChecked() and self.booklets.isEnabled()
        return HandoutOptions(large_print=self.large_print.isChecked(), booklets=booklets)

    def _on_variant_changed(self, *_args: object) -> None:
        if pdf_path(self.path.text()) == self._auto:  # still the name the dialog chose
            self._auto = variant_path(self.standard, self._variant())
            self.path.setText(str(self._auto))

    def _browse(self) -> None:
        path = self.ask_browse_path()
        if path is not None:
            self.browsed = path
            self.path.setText(str(path))

    def choices(self) -> ExportChoices | None:
        path = pdf_path(self.path.text())
        if path is None:
            return None
        options = HandoutOptions(
            paper=str(self.paper.currentData()),
            large_print=self.large_print.isChecked(),
            booklets=self.booklets.isChecked() and self.booklets.isEnabled(),
            packs=tuple(p for p, box in self.packs.items() if box.isChecked()),
            key=self.key.isChecked(),
        )
        return ExportChoices(path, options, html=self.html.isChecked())

    def problem_with(self, choices: ExportChoices | None) -> str:
        """Why the dialog cannot be accepted as it is ("" when it can)."""
        if choices is None:
            return "Type where the PDF should be saved, or choose Browse..."
        if not choices.path.parent.is_dir():
            return f"The folder {isolate(str(choices.path.parent))} does not exist."
        if choices.path.is_dir():
            return f"{isolate(str(choices.path))} is a folder: add a file name."
        try:
            write_target(choices.path)
        except OSError as exc:  # a pipe or a device: it would hang or be replaced
            return f"{isolate(str(choices.path))}: {exc.strerror or exc}"
        return ""

    def accept(self) -> None:
        choices = self.choices()
        problem = self.problem_with(choices)
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        assert choices is not None
        if (
            choices.path != self.browsed  # the file dialog asked about that one already
            and os_path_taken(choices.path)
            and not self.confirm_replace(choices.path)
        ):
            return
        twin = choices.path.with_suffix(".html")  # named by the app: no file dialog asked
        if choices.html and os_path_taken(twin) and not self.confirm_replace(twin):
            return
        self.settings.remember(choices)
        super().accept()
