"""Export handout... in the window: the dialog remembers, the PDF is made off the GUI
thread from a snapshot, errors are shown, and the user is offered to open the PDF."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings

from coprod_desktop.files import builtin as content
from coprod_desktop.handout import HandoutOptions
from coprod_desktop.ui.actions import handout_export
from coprod_desktop.ui.actions.handout_export import HandoutExport
from coprod_desktop.ui.dialogs.export import ExportChoices, ExportDialog, ExportSettings, pdf_path
from coprod_desktop.ui.document.document import SessionDocument


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def document() -> SessionDocument:
    session = content.new_session("Export <b>test</b> & co", ["Red", "Blue"])
    session.place("g1", "principle-assets", "ladder-co-production")
    return SessionDocument(session)


class Recorder:
    """Stands in for the dialogs: records what would have been shown."""

    def __init__(self, exporter: HandoutExport, open_answer: bool = True) -> None:
        self.errors: list[tuple[str, str]] = []
        self.asked: list[tuple[Path, int]] = []
        self.opened: list[Path] = []
        exporter.show_error = lambda title, message: self.errors.append((title, message))
        exporter.ask_open_pdf = lambda path, pages: self.asked.append((path, pages)) or open_answer
        exporter.open_pdf = self.opened.append


@pytest.fixture
def exporter(qtbot, document: SessionDocument, settings: QSettings):
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    exp = HandoutExport(document, window, settings)
    yield exp
    exp.wait()


# --- the dialog -----------------------------------------------------------------------------


def test_dialog_remembers_its_choices(qtbot, settings: QSettings, tmp_path: Path) -> None:
    first = ExportDialog(None, tmp_path / "a.pdf", ExportSettings(settings), groups=3)
    qtbot.addWidget(first)
    assert first.choices() == ExportChoices(tmp_path / "a.pdf", HandoutOptions())
    first.paper.setCurrentIndex(first.paper.findData("letter"))
    first.large_print.setChecked(True)
    first.booklets.setChecked(True)
    first.path.setText(str(tmp_path / "out"))
    first.accept()
    assert first.result() == ExportDialog.DialogCode.Accepted

    again = ExportDialog(None, tmp_path / "b.pdf", ExportSettings(settings), groups=3)
    qtbot.addWidget(again)
    assert again.paper.currentData() == "letter"
    assert again.large_print.isChecked() and again.booklets.isChecked()
    assert ExportSettings(settings).folder() == tmp_path
    assert again.choices() == ExportChoices(  # the variants' own name (issue 14, bug 6)
        tmp_path / "b-booklets-large-print.pdf",
        HandoutOptions(paper="letter", large_print=True, booklets=True),
    )


def test_dialog_refuses_a_missing_folder_and_says_why(qtbot, settings, tmp_path) -> None:
    dialog = ExportDialog(None, tmp_path / "nowhere" / "x.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert "does not exist" in dialog.problem.text() and "nowhere" in dialog.problem.text()
    dialog.path.setText("  ")
    dialog.accept()
    assert "Browse" in dialog.problem.text()
    assert settings.value(ExportSettings.PAPER) is None  # nothing remembered from a refusal


def test_dialog_browse_and_pdf_suffix(qtbot, settings, tmp_path) -> None:
    dialog = ExportDialog(None, tmp_path / "x.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    dialog.ask_browse_path = lambda: tmp_path / "chosen.pdf"
    dialog._browse()
    assert dialog.path.text() == str(tmp_path / "chosen.pdf")
    assert pdf_path(str(tmp_path / "notes.txt")) == tmp_path / "notes.txt.pdf"
    assert pdf_path(str(tmp_path / "Hand.PDF")) == tmp_path / "Hand.PDF"


def test_booklets_need_two_groups(qtbot, settings, tmp_path) -> None:
    ExportSettings(settings).remember(
        ExportChoices(tmp_path / "x.pdf", HandoutOptions(booklets=True))
    )
    dialog = ExportDialog(None, tmp_path / "x.pdf", ExportSettings(settings), groups=1)
    qtbot.addWidget(dialog)
    assert not dialog.booklets.isEnabled()
    assert dialog.choices().options.booklets is False


# --- the export -----------------------------------------------------------------------------


def test_export_writes_the_pdf_and_offers_to_open_it(qtbot, exporter, tmp_path) -> None:
    seen = Recorder(exporter)
    target = tmp_path / "handout.pdf"
    exporter.ask_choices = lambda suggestion: ExportChoices(
        target, HandoutOptions(paper="letter", invariant=True)
    )
    with qtbot.waitSignal(exporter.finished, timeout=30000) as done:
        assert exporter.export()
        assert exporter.busy
    assert done.args[0] == str(target)
    reader = PdfReader(target)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert seen.asked == [(target, len(reader.pages))]
    assert seen.opened == [target]
    assert seen.errors == []
    assert not exporter.busy


def test_declining_to_open_opens_nothing(qtbot, document, settings, tmp_path) -> None:
    from PySide6.QtWidgets import QWidget

    window = QWidget()
    qtbot.addWidget(window)
    exporter = HandoutExport(document, window, settings)
    seen = Recorder(exporter, open_answer=False)
    with qtbot.waitSignal(exporter.finished, timeout=30000):
        exporter.start(ExportChoices(tmp_path / "h.pdf", HandoutOptions(invariant=True)))
    assert seen.asked and seen.opened == []


def test_cancelled_dialog_exports_nothing(exporter, tmp_path) -> None:
    exporter.ask_choices = lambda suggestion: None
    assert not exporter.export()
    assert not exporter.busy
    assert not list(tmp_path.glob("*.pdf"))


def test_worker_uses_a_snapshot_of_the_session(qtbot, exporter, document, tmp_path) -> None:
    Recorder(exporter)
    target = tmp_path / "snapshot.pdf"
    with qtbot.waitSignal(exporter.finished, timeout=30000):
        exporter.start(ExportChoices(target, HandoutOptions(invariant=True)))
        assert exporter._task.session is not document.session
        assert exporter._task.session.groups[0] is not document.session.groups[0]
        # The window goes on changing the model while the worker runs.
        document.session.title = "Changed afterwards"
        document.session.groups[0].name = "Renamed afterwards"
        document.session.place("g1", "principle-capabilities", "ladder-coercion")
    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    assert PdfReader(target).metadata.title == "Export <b>test</b> & co"
    assert "Renamed afterwards" not in text and "Red" in text


def test_pdf_is_built_off_the_gui_thread_while_events_run(
    qtbot, exporter, tmp_path, monkeypatch
) -> None:
    Recorder(exporter)
    release = threading.Event()
    threads: list[threading.Thread] = []

    def slow_write(session, path, options) -> int:
        threads.append(threading.current_thread())
        release.wait(10)
        Path(path).write_bytes(b"%PDF-1.4 stub")
        return 7

    monkeypatch.setattr(handout_export, "write_handout", slow_write)
    with qtbot.waitSignal(exporter.finished, timeout=15000) as done:
        exporter.start(ExportChoices(tmp_path / "slow.pdf", HandoutOptions()))
        qtbot.waitUntil(lambda: bool(threads), timeout=5000)
        ticks: list[int] = []
        from PySide6.QtCore import QTimer

        QTimer.singleShot(10, lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)  # the GUI thread is not blocked
        assert exporter.busy
        assert not exporter.export()  # a second export while one runs is refused
        release.set()
    assert threads[0] is not threading.main_thread()
    assert done.args == [str(tmp_path / "slow.pdf"), 7]


def test_write_failure_is_reported_and_nothing_is_left(
    qtbot, exporter, tmp_path, monkeypatch
) -> None:
    seen = Recorder(exporter)
    target = tmp_path / "gone" / "handout.pdf"  # the folder vanished after the dialog
    with qtbot.waitSignal(exporter.failed, timeout=30000) as failed:
        exporter.start(ExportChoices(target, HandoutOptions(invariant=True)))
    assert str(target) in failed.args[0]
    assert seen.errors and seen.errors[0][0] == "Cannot export handout"
    assert str(target) in seen.errors[0][1]
    assert seen.asked == [] and not target.exists() and not exporter.busy


def test_unexpected_error_in_the_worker_is_reported(qtbot, exporter, tmp_path, monkeypatch) -> None:
    seen = Recorder(exporter)

    def broken(session, path, options) -> int:
        raise RuntimeError("font table exploded")

    monkeypatch.setattr(handout_export, "write_handout", broken)
    with qtbot.waitSignal(exporter.failed, timeout=15000):
        exporter.start(ExportChoices(tmp_path / "x.pdf", HandoutOptions()))
    assert "font table exploded" in seen.errors[0][1]
    assert not exporter.busy


def test_suggestion_uses_the_remembered_folder(exporter, settings, tmp_path) -> None:
    assert exporter.suggestion().name == "export-b-test-b-co-handout.pdf"
    ExportSettings(settings).remember(ExportChoices(tmp_path / "x.pdf", HandoutOptions()))
    assert exporter.suggestion() == tmp_path / "export-b-test-b-co-handout.pdf"


def test_the_windows_export_action_runs_the_export(qtbot, settings, tmp_path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from coprod_desktop.ui.main_window import MainWindow

    win = MainWindow(SessionDocument(content.new_session("Window export", ["Red", "Blue"])))
    win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(win)
    exporter = win.files.handout
    exporter.use_settings(settings)
    seen = Recorder(exporter, open_answer=False)
    offered: list[Path] = []

    def choose(suggestion: Path) -> ExportChoices:
        offered.append(suggestion)
        return ExportChoices(tmp_path / "from-window.pdf", HandoutOptions(large_print=True))

    exporter.ask_choices = choose
    with qtbot.waitSignal(exporter.finished, timeout=30000):
        win.named_actions["export"].trigger()
    assert offered[0].name == "window-export-handout.pdf"
    assert (tmp_path / "from-window.pdf").read_bytes().startswith(b"%PDF")
    assert seen.asked and not seen.errors


def test_return_in_the_dialog_means_export(qtbot, settings, tmp_path) -> None:
    from PySide6.QtCore import Qt

    dialog = ExportDialog(None, tmp_path / "x.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    browsed: list[int] = []
    dialog.ask_browse_path = lambda: browsed.append(1)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert browsed == []


# --- issue 14, bug 6: variants get their own names; replacing any file asks -----------------


def test_large_print_gets_its_own_default_name(qtbot, settings, tmp_path) -> None:
    standard = tmp_path / "evening-handout.pdf"
    dialog = ExportDialog(None, standard, ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(standard)
    dialog.large_print.setChecked(True)
    assert dialog.path.text() == str(tmp_path / "evening-handout-large-print.pdf")
    dialog.booklets.setChecked(True)
    assert dialog.path.text() == str(tmp_path / "evening-handout-booklets-large-print.pdf")
    dialog.large_print.setChecked(False)
    dialog.booklets.setChecked(False)
    assert dialog.path.text() == str(standard)


def test_a_remembered_large_print_choice_opens_on_the_large_print_name(
    qtbot, settings, tmp_path
) -> None:
    ExportSettings(settings).remember(
        ExportChoices(tmp_path / "x.pdf", HandoutOptions(large_print=True))
    )
    dialog = ExportDialog(None, tmp_path / "evening-handout.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    assert dialog.path.text() == str(tmp_path / "evening-handout-large-print.pdf")


def test_a_name_the_user_typed_is_kept_when_a_variant_is_ticked(qtbot, settings, tmp_path) -> None:
    dialog = ExportDialog(None, tmp_path / "evening-handout.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / "for-ana.pdf"))
    dialog.large_print.setChecked(True)
    assert dialog.path.text() == str(tmp_path / "for-ana.pdf")


@pytest.mark.parametrize("answer", [False, True])
def test_exporting_onto_an_existing_file_asks_first(qtbot, settings, tmp_path, answer) -> None:
    standard = tmp_path / "evening-handout.pdf"
    standard.write_bytes(b"%PDF the standard handout")
    dialog = ExportDialog(None, standard, ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    asked: list[Path] = []
    dialog.confirm_replace = lambda path: asked.append(path) or answer
    dialog.accept()
    assert asked == [standard]
    assert (dialog.result() == ExportDialog.DialogCode.Accepted) is answer


def test_a_large_print_export_does_not_ask_about_the_standard_handout(
    qtbot, settings, tmp_path
) -> None:
    standard = tmp_path / "evening-handout.pdf"
    standard.write_bytes(b"%PDF the standard handout")
    dialog = ExportDialog(None, standard, ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    asked: list[Path] = []
    dialog.confirm_replace = lambda path: asked.append(path) or False
    dialog.large_print.setChecked(True)
    dialog.accept()
    assert asked == []
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    assert dialog.choices().path == tmp_path / "evening-handout-large-print.pdf"


def test_a_file_chosen_with_browse_is_not_asked_about_twice(qtbot, settings, tmp_path) -> None:
    chosen = tmp_path / "chosen.pdf"
    chosen.write_bytes(b"%PDF")
    dialog = ExportDialog(None, tmp_path / "x.pdf", ExportSettings(settings), 2)
    qtbot.addWidget(dialog)
    dialog.ask_browse_path = lambda: chosen  # the file dialog asked already
    asked: list[Path] = []
    dialog.confirm_replace = lambda path: asked.append(path) or False
    dialog._browse()
    dialog.accept()
    assert asked == [] and dialog.result() == ExportDialog.DialogCode.Accepted
