"""The start-up baseline: a bare PySide6 QMainWindow, shown maximised like the app's window.

The start-up benchmark runs this file as a script (``python .../bare_window.py``), so
the baseline imports PySide6 and the probe's file but not the coprod_desktop package.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMainWindow

# The probe is loaded from its file, so the baseline does not import the coprod_desktop package.
_PROBE = Path(__file__).resolve().parents[2] / "coprod_desktop" / "ui" / "startup_probe.py"
_spec = importlib.util.spec_from_file_location("startup_probe", _PROBE)
assert _spec is not None and _spec.loader is not None
_probe = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_probe)
arm = _probe.arm


def main() -> int:
    app = QApplication(sys.argv[:1])
    arm(app)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.showMaximized()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
