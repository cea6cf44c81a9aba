"""The real app (coprod_desktop.app.run_app) with a command channel on stdin, so a test in
another process can make something happen and listen for what AT-SPI reports.

    python tests/atspi/driver.py SESSION.json

One command a line; each answers one line on stdout, "ok ..." or "error ...":
    ping                      ok once the main window is shown
    place CARD_ID REGION_ID   the current group places the card (as a drop would)
    unplace CARD_ID           back to the tray
    select CARD_ID            select the card on the board and focus the board
    group GROUP_ID            switch the current group
    action NAME               trigger a menu entry, by its name in the action table
    timer SECONDS [start]     set the timer to SECONDS (and start it); answers the old duration
    announce TEXT             a polite announcement from the main window
    quit                      close without asking
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox

from coprod_desktop.app import run_app


class Channel(QObject):
    line = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.line.connect(self.handle, Qt.ConnectionType.QueuedConnection)

    def read_stdin(self) -> None:
        for line in sys.stdin:
            self.line.emit(line.rstrip("\n"))
        self.line.emit("quit")

    def window(self):  # noqa: ANN201 - MainWindow, imported lazily like the app does
        from coprod_desktop.ui.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    @Slot(str)
    def handle(self, line: str) -> None:
        try:
            answer = self.run(line)
        except Exception as exc:  # noqa: BLE001 - report to the test, keep the app alive
            answer = f"error {type(exc).__name__}: {exc}"
        print(answer, flush=True)

    def run(self, line: str) -> str:
        command, _, rest = line.strip().partition(" ")
        win = self.window()
        if command == "quit":
            if win is not None:
                win.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
                win.close()
            QApplication.quit()
            return "ok"
        if win is None:
            return "error no main window yet"
        doc = win.document
        args = rest.split()
        if command == "ping":
            return "ok " + doc.current_group_id
        if command == "place":
            return f"ok {doc.place(args[0], args[1])}"
        if command == "unplace":
            return f"ok {doc.unplace(args[0])}"
        if command == "select":
            win.board_view.setFocus(Qt.FocusReason.OtherFocusReason)
            win.scene.select_card(args[0])
            return "ok " + win.scene.selected_card_id()
        if command == "group":
            doc.set_current_group(args[0])
            return "ok " + doc.current_group_id
        if command == "action":  # a menu entry, by its name in the action table
            win.named_actions[args[0]].trigger()
            return "ok"
        if command == "timer":
            before = win.timer.countdown.duration
            win.timer.set_duration(float(args[0]))
            if args[1:] == ["start"]:
                win.timer.toggle()
            return f"ok {before}"
        if command == "announce":
            from coprod_desktop.ui.accessibility import announce

            announce(win, rest)
            return "ok"
        return f"error unknown command {command!r}"


def main() -> int:
    app = QApplication(sys.argv[:1])
    channel = Channel()
    threading.Thread(target=channel.read_stdin, daemon=True).start()
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    assert QApplication.instance() is app  # run_app reuses it; keep the reference alive
    return run_app(path)


if __name__ == "__main__":
    sys.exit(main())
