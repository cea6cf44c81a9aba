"""Export handout...: ask for the choices, build the PDF in a worker thread, report back.

The window never freezes: the PDF is built and written by a QRunnable on the global
thread pool. The worker gets a deep copy of the session, so the model can go on
changing while it runs, and it touches no Qt object but its signals, which Qt queues
back to this object's (the GUI) thread. Dialogs go through ask_*/show_* methods that
tests replace.
"""

from __future__ import annotations

import copy
import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSettings, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from coprod_desktop.domain.model import Session
from coprod_desktop.handout import HandoutOptions, write_handout
from coprod_desktop.ui.actions.file_names import file_stem
from coprod_desktop.ui.dialogs.export import ExportChoices, ExportDialog, ExportSettings
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import isolate, plain_message_box

log = logging.getLogger(__name__)


class _TaskSignals(QObject):
    done = Signal(int)  # pages
    failed = Signal(str)  # what went wrong, for the message box


class HandoutTask(QRunnable):
    """Build and write one handout. Runs in a pool thread: plain Python only."""

    def __init__(
        self,
        session: Session,
        path: Path,
        options: HandoutOptions,
        signals: _TaskSignals,
        html: bool = False,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the exporter holds it until its signal arrives
        self.session, self.path, self.options, self.signals = session, path, options, signals
        self.html = html

    def run(self) -> None:
        try:
            pages = write_handout(self.session, self.path, self.options)
            if self.html:  # the accessible twin, next to the PDF
                from coprod_desktop.handout.html import write_handout_html  # ReportLab: late

                write_handout_html(
                    self.session,
                    self.path.with_suffix(".html"),
                    self.options.packs,
                    key=self.options.key,
                )
        except OSError as exc:
            self.signals.failed.emit(
                f"The handout could not be written to\n{isolate(str(self.path))}\n"
                f"({exc.strerror or exc}).\n\nNothing in the session was changed."
            )
        except Exception as exc:  # a bug: say so in one line instead of losing the thread
            log.exception("handout export failed")
            self.signals.failed.emit(
                f"The handout could not be made ({type(exc).__name__}: {exc}).\n\n"
                "Nothing in the session was changed."
            )
        else:
            self.signals.done.emit(pages)


class HandoutExport(QObject):
    started = Signal(str)  # path
    finished = Signal(str, int)  # path, pages
    failed = Signal(str)  # message

    def __init__(
        self, document: SessionDocument, window: QWidget, settings: QSettings | None = None
    ) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self._settings = settings
        self._task: HandoutTask | None = None
        self._signals: _TaskSignals | None = None
        self._path: Path | None = None
        self.progress: QProgressDialog | None = None

    @property
    def settings(self) -> ExportSettings:
        return ExportSettings(self._settings)

    def use_settings(self, settings: QSettings) -> None:
        self._settings = settings

    @property
    def busy(self) -> bool:
        return self._task is not None

    # --- dialogs (replaced in tests) ------------------------------------------------------
    def ask_choices(self, suggestion: Path) -> ExportChoices | None:
        dialog = ExportDialog(
            self.window, suggestion, self.settings, len(self.document.session.groups)
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choices()

    def ask_open_pdf(self, path: Path, pages: int) -> bool:
        answer = _message(
            self.window,
            QMessageBox.Icon.Question,
            "Handout exported",
            f"The handout ({pages} pages) was saved as\n{isolate(str(path))}\n\nOpen it now?",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Open,
        )
        return answer == QMessageBox.StandardButton.Open

    def open_pdf(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_error(
                "Cannot open the handout",
                f"No program opened\n{isolate(str(path))}\nOpen it from your file manager.",
            )

    def show_error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        _message(self.window, QMessageBox.Icon.Critical, title, message)

    # --- the export -----------------------------------------------------------------------
    def suggestion(self) -> Path:
        document = self.document
        stem = document.path.stem if document.path else file_stem(document.session.title)
        folder = self.settings.folder() or (
            document.path.resolve().parent if document.path else Path.cwd()
        )
        return folder / f"{stem}-handout.pdf"

    def export(self) -> bool:
        """Ask for the choices and start the export; False if cancelled or already running."""
        if self.busy:
            self.show_error("Export handout", "A handout is already being exported.")
            return False
        choices = self.ask_choices(self.suggestion())
        if choices is None:
            return False
        return self.start(choices)

    def start(self, choices: ExportChoices) -> bool:
        if self.busy:
            return False
        snapshot = copy.deepcopy(self.document.session)  # the worker's own, unchanging copy
        signals = _TaskSignals()  # created here, so it lives in the GUI thread
        signals.done.connect(self._on_done)
        signals.failed.connect(self._on_failed)
        self._signals, self._path = signals, choices.path
        self._task = HandoutTask(
            snapshot, choices.path, choices.options, signals, html=choices.html
        )
        self._show_progress(choices.path)
        self.started.emit(str(choices.path))
        QThreadPool.globalInstance().start(self._task)
        return True

    def wait(self, msecs: int = 30000) -> bool:
        """Block until the worker is done (for shutting down and for tests)."""
        return QThreadPool.globalInstance().waitForDone(msecs)

    def _show_progress(self, path: Path) -> None:
        progress = QProgressDialog(
            f"Making the handout\n{isolate(path.name)}", "", 0, 0, self.window
        )
        progress.setWindowTitle("Export handout")
        progress.setCancelButton(None)  # ReportLab cannot be interrupted half way
        progress.setWindowModality(Qt.WindowModality.NonModal)
        progress.setMinimumDuration(400)  # a quick export shows nothing
        progress.setAutoClose(False)
        progress.setValue(0)
        self.progress = progress

    def _finish(self) -> Path:
        path = self._path or Path()
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
        self._task, self._signals, self._path = None, None, None
        return path

    def _on_done(self, pages: int) -> None:
        path = self._finish()
        log.info("handout exported to %s (%d pages)", path, pages)
        self.finished.emit(str(path), pages)
        if self.ask_open_pdf(path, pages):
            self.open_pdf(path)

    def _on_failed(self, message: str) -> None:
        self._finish()
        self.failed.emit(message)
        self.show_error("Cannot export handout", message)


def _message(
    parent: QWidget,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
    default: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox.StandardButton:
    """A message box whose text is never read as HTML: paths and errors quote user text."""
    box = plain_message_box(parent, title, text, icon, buttons, default)
    return QMessageBox.StandardButton(box.exec())
