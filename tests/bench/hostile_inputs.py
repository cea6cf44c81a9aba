"""Resource bounds on hostile inputs (issue 17, item 7): time and peak memory, printed.

    uv run python -m tests.bench.hostile_inputs [CASE ...]

Each case runs in a fresh child process, so its peak resident memory (VmHWM) is its
own; the table shows the peak above the child's own start (imports included) and the
time of the step itself. The cases:

  nesting-backslashes   the JSON nesting pre-check and the loader on a 19 MB string
                        of backslashes (a JSON string that never ends)
  nesting-quoted        the same inside quotes: "\\\\\\\\..." (a valid, huge string)
  csv-parse             parse_cards_csv on a 5 MB CSV of 281,786 rows
  csv-preview           the import preview of that CSV: built and shown (offscreen Qt),
                        then 20 scroll steps through it, each with its paint
  csv-window            the longest time the window handles no event while that CSV
                        is read: on the UI thread, and in CsvReadJob's worker thread

It never fails: it measures. Compare the figures before and after a change.
COPROD_BENCH_QUICK=1 runs every case on inputs a thousandth (a hundredth) the size.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable

MB = 1024 * 1024
QUICK = bool(os.environ.get("COPROD_BENCH_QUICK"))  # tiny sizes: tests/test_bench_smoke.py
BACKSLASHES = 19 * 1000 * 1000 // (1000 if QUICK else 1)  # "a 19 MB string of backslashes"
CSV_ROWS = 2_817 if QUICK else 281_786


def _peak_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _reset_peak() -> None:
    """Linux: writing 5 to clear_refs resets VmHWM to the current RSS."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        pass


def big_csv(rows: int = CSV_ROWS) -> bytes:
    """rows card rows (plus a header) of 19 bytes each: 5.1 MiB for 281,786 rows."""
    lines = ["kind,title,text"]
    lines += [f"own,Card{i:06d},xy" for i in range(rows)]
    data = ("\n".join(lines) + "\n").encode()
    return data


# --- what each child does -----------------------------------------------------------


def _nesting(quoted: bool) -> dict[str, float]:
    from coprod_desktop.files.session_file import parse_json
    from coprod_desktop.files.session_schema import SessionFormatError
    from coprod_desktop.files.strict_json import nesting_depth

    text = ('"' + "\\" * BACKSLASHES + '"') if quoted else "\\" * BACKSLASHES
    raw = text.encode()
    _reset_peak()
    base = _rss_kb()
    started = time.perf_counter()
    depth = nesting_depth(text)
    check_s = time.perf_counter() - started
    check_mb = (_peak_kb() - base) / 1024
    _reset_peak()
    base = _rss_kb()
    started = time.perf_counter()
    try:
        parse_json(raw)
        outcome = "loaded"
    except SessionFormatError as exc:
        outcome = str(exc)[:60]
    load_s = time.perf_counter() - started
    return {
        "input MB": len(raw) / MB,
        "nesting_depth s": check_s,
        "nesting_depth peak MB": check_mb,
        "depth": depth,
        "parse_json s": load_s,
        "parse_json peak MB": (_peak_kb() - base) / 1024,
        "outcome": outcome,  # type: ignore[dict-item]
    }


def _csv_parse() -> dict[str, float]:
    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.csv_cards import parse_cards_csv

    data = big_csv()
    deck = content.new_session().deck.cards
    _reset_peak()
    base = _rss_kb()
    started = time.perf_counter()
    report = parse_cards_csv(data, deck)
    seconds = time.perf_counter() - started
    return {
        "file MB": len(data) / MB,
        "rows": CSV_ROWS,
        "parse s": seconds,
        "parse peak MB": (_peak_kb() - base) / 1024,
        "cards": len(report.cards),
        "skipped": getattr(report, "skipped_count", len(report.skipped)),
    }


def _csv_preview() -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.csv_cards import parse_cards_csv
    from coprod_desktop.ui.dialogs.import_preview import ImportPreview

    app = QApplication.instance() or QApplication([])
    data = big_csv()
    report = parse_cards_csv(data, content.new_session().deck.cards)
    app.processEvents()
    _reset_peak()
    base = _rss_kb()
    started = time.perf_counter()
    preview = ImportPreview(report, "big.csv")
    preview.show()
    app.processEvents()
    shown_s = time.perf_counter() - started
    bar = preview.table.verticalScrollBar()
    longest = 0.0
    for step in range(20):
        tick = time.perf_counter()
        bar.setValue(bar.maximum() * (step + 1) // 20)
        preview.table.viewport().repaint()
        app.processEvents()
        longest = max(longest, time.perf_counter() - tick)
    result = {
        "file MB": len(data) / MB,
        "preview shown s": shown_s,
        "longest scroll step s": longest,
        "preview peak MB": (_peak_kb() - base) / 1024,
        "table rows": preview.table.model().rowCount(),
    }
    preview.close()
    return result


def _csv_window() -> dict[str, float]:
    """The longest time the event loop handled nothing while the 5 MB CSV was read: on the
    UI thread (as Import did before) and with CsvReadJob (a worker thread)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile
    from pathlib import Path

    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from coprod_desktop.files.csv_cards import read_cards_csv
    from coprod_desktop.ui.dialogs.import_preview import CsvReadJob

    app = QApplication.instance() or QApplication([])
    window = QWidget()
    window.show()
    folder = Path(tempfile.mkdtemp())
    path = folder / "big.csv"
    path.write_bytes(big_csv())
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e9
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(tick)
    result: dict[str, float] = {}
    for label, read in (
        ("UI thread", lambda: read_cards_csv(path)),
        ("CsvReadJob", lambda: CsvReadJob(window, path).run()),
    ):
        gaps.clear()
        clock.start()
        last[0] = 0.0
        timer.start()
        app.processEvents()
        started = time.perf_counter()
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
        report = read()
        tick()  # the gap up to the end of the read counts too
        seconds = time.perf_counter() - started
        timer.stop()
        result[f"{label}: read s"] = seconds
        result[f"{label}: longest frozen s"] = max(gaps)
        assert report is not None
    path.unlink()
    folder.rmdir()
    return result


CASES: dict[str, Callable[[], dict[str, float]]] = {
    "nesting-backslashes": lambda: _nesting(False),
    "nesting-quoted": lambda: _nesting(True),
    "csv-parse": _csv_parse,
    "csv-preview": _csv_preview,
    "csv-window": _csv_window,
}


def run_case(name: str) -> dict[str, float]:
    """The case in a child process (its own peak memory); its figures."""
    child = subprocess.run(
        [sys.executable, "-m", "tests.bench.hostile_inputs", "--child", name],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if child.returncode != 0:
        last = child.stderr.strip().splitlines()[-1] if child.stderr.strip() else "failed"
        return {"error": last}  # type: ignore[dict-item]
    return json.loads(child.stdout.strip().splitlines()[-1])


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        print(json.dumps(CASES[argv[1]]()))
        return 0
    for name in argv or list(CASES):
        figures = run_case(name)
        shown = ", ".join(
            f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in figures.items()
        )
        print(f"{name:20} {shown}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
