"""The start-up probe, inside the measured process: when the window is first painted,
print one line (a monotonic time, peak memory, what was imported) and quit.

Armed by run_app when COPROD_BENCH_EXIT_AFTER_SHOW=1, and by the bare baseline window,
so both sides report the same way. The parent takes its own time.monotonic() just
before spawning; CLOCK_MONOTONIC is shared by every process on the machine.
"""

from __future__ import annotations

import json
import resource
import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer

ENV = "COPROD_BENCH_EXIT_AFTER_SHOW"
MARK = "COPROD_BENCH "


class FirstPaintProbe(QObject):
    """Watches every event until the first paint; reports once that paint pass is done."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self._app.removeEventFilter(self)
            # The whole window is painted in one pass: report when the loop is back.
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        painted = time.monotonic()
        record = {
            "painted": painted,
            "maxrss_kb": peak_rss_kb(),
            "reportlab_modules": sum(1 for m in sys.modules if m.split(".")[0] == "reportlab"),
            "modules": len(sys.modules),
        }
        sys.stdout.write(MARK + json.dumps(record) + "\n")
        sys.stdout.flush()
        self._app.quit()


def peak_rss_kb() -> int:
    """This process's peak resident memory in KiB.

    VmHWM where Linux has it: ru_maxrss keeps the high-water mark of the process that
    spawned us across exec, so a child of a big parent would report the parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def arm(app: QCoreApplication) -> FirstPaintProbe:
    return FirstPaintProbe(app)


def parse(stdout: str) -> dict[str, float]:
    """The probe's record from a child's output; ValueError if it never reported."""
    for line in stdout.splitlines():
        if line.startswith(MARK):
            record: dict[str, float] = json.loads(line[len(MARK) :])
            return record
    raise ValueError("the window never reported its first paint")
