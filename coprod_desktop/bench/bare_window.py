"""The start-up baseline: a bare PySide6 QMainWindow, shown maximised like the app's window.

The start-up benchmark runs this file as a script (``python .../bare_window.py``), so
the baseline imports PySide6 and the probe but not the coprod_desktop package.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QMainWindow

if __package__:
    from .probe import arm
else:  # run as a script: the probe is beside this file
    from probe import arm  # type: ignore[import-not-found, no-redef]


def main() -> int:
    app = QApplication(sys.argv[:1])
    arm(app)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.showMaximized()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
