"""Figure 1: from process start to the first paint of the main window with the example
session open, against a bare PySide6 QMainWindow shown the same way; and what start-up
imports (no ReportLab)."""

from __future__ import annotations

import statistics
from collections import defaultdict

from tests.bench.child import ChildError, run_child
from tests.bench.config import BenchConfig
from tests.bench.table import Result, Row

NAME = "startup"
MAX_RATIO = 1.3
FIGURE = "start-up to first paint, example session"


def measure(config: BenchConfig) -> Result:
    result = Result()
    try:
        for kind in ("bare", "app"):  # warm up: bytecode cache, disk cache
            run_child(kind, config)
        app_ms, bare_ms, reportlab = [], [], 0
        for _ in range(config.startup_runs):  # interleaved, so load drifts hit both sides
            bare_ms.append(run_child("bare", config).startup_ms)
            app = run_child("app", config)
            app_ms.append(app.startup_ms)
            reportlab = max(reportlab, app.reportlab_modules)
    except ChildError as exc:
        result.rows.append(Row(FIGURE, None, "ms", error=str(exc)))
        return result
    result.rows.append(
        Row(
            FIGURE,
            statistics.median(app_ms),
            "ms",
            baseline=statistics.median(bare_ms),
            max_ratio=MAX_RATIO,
        )
    )
    result.rows.append(Row("ReportLab modules loaded at start-up", reportlab, "", max_value=0))
    result.details += [
        f"start-up: median of {config.startup_runs} runs per side, offscreen "
        f"{config.screen[0]}x{config.screen[1]}, bytecode cached; "
        f"app {_spread(app_ms)}, bare window {_spread(bare_ms)}",
        *import_breakdown(config),
    ]
    return result


def _spread(values: list[float]) -> str:
    return f"{min(values):.0f}-{max(values):.0f} ms"


def import_breakdown(config: BenchConfig, top: int = 10) -> list[str]:
    """Where start-up's import time goes (python -X importtime), by package."""
    lines = []
    totals = {}
    for kind in ("app", "bare"):
        try:
            stderr = run_child(kind, config, ("-X", "importtime")).stderr
        except ChildError as exc:
            return [f"import time: {exc}"]
        by_owner = self_times(stderr)
        totals[kind] = sum(by_owner.values())
        if kind == "app":
            ranked = sorted(by_owner.items(), key=lambda kv: kv[1], reverse=True)[:top]
            lines += [f"    {ms:6.1f} ms  {owner}" for owner, ms in ranked]
    header = (
        f"import time at start-up (python -X importtime, self time by package): "
        f"app {totals.get('app', 0):.0f} ms, bare window {totals.get('bare', 0):.0f} ms; "
        f"the app's largest:"
    )
    return [header, *lines]


def self_times(importtime_stderr: str) -> dict[str, float]:
    """Self import time in ms summed by owner: each coprod_desktop module on its own,
    PySide6/shiboken together, everything else by top-level package."""
    owners: dict[str, float] = defaultdict(float)
    for line in importtime_stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        parts = line[len("import time:") :].split("|")
        try:
            self_us = int(parts[0])
        except ValueError:
            continue  # the header line
        name = parts[2].strip()
        top = name.split(".")[0]
        if top == "coprod_desktop":
            owner = name
        elif top in ("PySide6", "shiboken6", "shibokensupport", "signature_bootstrap"):
            owner = "PySide6 + shiboken6"
        else:
            owner = top
        owners[owner] += self_us / 1000
    return dict(owners)
