"""The real app (coprod_desktop.app.run_app) following a script given on the command line,
so a test can run two copies of the app as two processes on one file. No stdin.

    python tests/two_copies/driver.py SESSION.json STEP...

Answers, set before the app starts (the app's questions are answered with them):
    locked=read_only|copy|edit|cancel     "already open in another copy"
    changed=save_as|reload|overwrite|cancel   "changed on disk" at Save
    saveas=PATH                           the name the Save As dialog returns
Steps, run in turn once the window is shown:
    place=N       the current group places the deck's card N in the first region
    save          File > Save
    signal=PATH   create PATH (the other process waits for it)
    wait=PATH     wait until PATH exists (60 s at most, then exit 3)
    quit          close the window (unsaved changes discarded) and quit
Each question and step prints one line on stdout ("asked-locked PID", "save True", ...).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from coprod_desktop.app import run_app
from coprod_desktop.ui.actions.file_actions import FileActions
from coprod_desktop.ui.actions.file_guard import FileGuard

WAIT_SECONDS = 60


def say(line: str) -> None:
    print(line, flush=True)


def install_answers(answers: dict[str, str]) -> None:
    def ask_locked(self: FileGuard, path: Path, owner: object) -> str:
        say(f"asked-locked {getattr(owner, 'pid', '?')}")
        return answers.get("locked", "cancel")

    def ask_changed(self: FileGuard, path: Path, gone: bool) -> str:
        say(f"asked-changed gone={gone}")
        return answers.get("changed", "cancel")

    def ask_save_path(self: FileActions, *_args: object) -> Path | None:
        name = answers.get("saveas")
        say(f"asked-save-path {name}")
        return Path(name) if name else None

    FileGuard.ask_locked = ask_locked  # type: ignore[method-assign,assignment]
    FileGuard.ask_changed = ask_changed  # type: ignore[method-assign,assignment]
    FileActions.ask_save_path = ask_save_path  # type: ignore[method-assign,assignment]
    FileActions.ask_unsaved = lambda self: QMessageBox.StandardButton.Discard  # type: ignore[method-assign]


class Script:
    def __init__(self, steps: list[str]) -> None:
        self.steps = steps
        self.waiting_since = 0.0

    def window(self):  # noqa: ANN201 - MainWindow
        from coprod_desktop.ui.main_window import MainWindow

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                return widget
        return None

    def next(self) -> None:
        win = self.window()
        if win is None:
            QTimer.singleShot(50, self.next)
            return
        if not self.steps:
            return
        step = self.steps[0]
        name, _, arg = step.partition("=")
        if name == "wait":
            if not Path(arg).exists():
                if not self.waiting_since:
                    self.waiting_since = time.monotonic()
                if time.monotonic() - self.waiting_since > WAIT_SECONDS:
                    say(f"timeout {arg}")
                    QApplication.exit(3)
                    return
                QTimer.singleShot(50, self.next)
                return
            self.waiting_since = 0.0
        self.steps.pop(0)
        doc = win.document
        if name == "place":
            card = doc.session.deck.cards[int(arg)].id
            say(f"place {doc.place(card, doc.session.board.regions[0].id)}")
        elif name == "save":
            say(f"save {win.files.save()} {doc.path} read_only={doc.read_only}")
        elif name == "signal":
            Path(arg).touch()
        elif name == "quit":
            say(f"quit {win.close()}")
            QApplication.quit()
            return
        QTimer.singleShot(0, self.next)


def main() -> int:
    path = Path(sys.argv[1])
    answers, steps = {}, []
    for word in sys.argv[2:]:
        key, _, value = word.partition("=")
        if key in ("locked", "changed", "saveas"):
            answers[key] = value
        else:
            steps.append(word)
    install_answers(answers)
    app = QApplication(sys.argv[:1])
    script = Script(steps)
    QTimer.singleShot(0, script.next)
    assert QApplication.instance() is app  # run_app reuses it
    return run_app(path)


if __name__ == "__main__":
    sys.exit(main())
