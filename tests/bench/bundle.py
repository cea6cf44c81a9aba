"""The one-folder app's start-up (issue 19): from process start to the first paint of the
window with the example session open, the bundle (dist/coprod-desktop, in a clean
environment) against `uv run coprod-desktop` from this checkout. Budget: 1.5x.

    uv run --group bundle pyinstaller --noconfirm resources/packaging/coprod-desktop.spec
    uv run python -m tests.bench.bundle [--runs 7] [--check]

Both sides run offscreen on the same 1920x1080 screen and report through the same probe
(coprod_desktop/ui/startup_probe.py, armed by COPROD_BENCH_EXIT_AFTER_SHOW). --check
exits 1 when the bundle is over budget (.ci/bundle uses it); without it the table is
information, as in `python -m tests.bench`. It also measures as a figure of that suite:
measure(config) returns its rows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from coprod_desktop.ui.startup_probe import ENV, parse
from tests.bench.child import session_copy
from tests.bench.config import REPO, BenchConfig, child_env, offscreen_platform
from tests.bench.table import Result, Row, render

NAME = "bundle"
MAX_RATIO = 1.5
FIGURE = "bundle start-up to first paint, example session"
BUNDLE = REPO / "dist" / "coprod-desktop" / "coprod-desktop"
TIMEOUT_S = 120


def uv_command(config: BenchConfig) -> tuple[list[str], dict[str, str]]:
    uv = shutil.which("uv") or "uv"
    return [uv, "run", "coprod-desktop", str(session_copy(config))], child_env(config)


def bundle_command(config: BenchConfig, bundle: Path = BUNDLE) -> tuple[list[str], dict[str, str]]:
    """The bundle as a user starts it: nothing from this machine's Python or uv."""
    home = config.workdir / "home"
    home.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": "/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": offscreen_platform(config),
    }
    return [str(bundle), str(session_copy(config))], env


def first_paint_ms(cmd: list[str], env: dict[str, str]) -> float:
    env = {**env, ENV: "1"}
    start = time.monotonic()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, cwd=REPO)
    try:
        record = parse(done.stdout)
    except ValueError as exc:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise RuntimeError(f"{cmd[0]}: exit {done.returncode}: {tail or exc}") from exc
    return (record["painted"] - start) * 1000


def measure(config: BenchConfig, bundle: Path = BUNDLE) -> Result:
    result = Result()
    if not bundle.is_file():
        result.rows.append(Row(FIGURE, None, "ms", error=f"no bundle at {bundle}"))
        return result
    sides = {"bundle": bundle_command(config, bundle), "uv run": uv_command(config)}
    times: dict[str, list[float]] = {side: [] for side in sides}
    try:
        for side in sides.values():  # warm up: disk cache, bytecode cache, uv's cache
            first_paint_ms(*side)
        for _ in range(config.startup_runs):  # interleaved, so load drifts hit both sides
            for name, side in sides.items():
                times[name].append(first_paint_ms(*side))
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        result.rows.append(Row(FIGURE, None, "ms", error=str(exc)))
        return result
    result.rows.append(
        Row(
            FIGURE,
            statistics.median(times["bundle"]),
            "ms",
            baseline=statistics.median(times["uv run"]),
            max_ratio=MAX_RATIO,
        )
    )
    spread = ", ".join(f"{n} {min(t):.0f}-{max(t):.0f} ms" for n, t in times.items())
    result.details.append(
        f"bundle start-up: median of {config.startup_runs} runs per side, offscreen "
        f"{config.screen[0]}x{config.screen[1]}; baseline `uv run coprod-desktop`; {spread}"
    )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.bundle", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="start-ups per side (default 7)")
    parser.add_argument("--bundle", type=Path, default=BUNDLE, help="the bundle's executable")
    parser.add_argument("--check", action="store_true", help="exit 1 when over budget")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coprod-bundle-bench-") as folder:
        config = BenchConfig(workdir=Path(folder), startup_runs=max(1, args.runs))
        result = measure(config, args.bundle.resolve())
    print(render(result.rows))
    for line in result.details:
        print(line)
    row = result.rows[0]
    if args.check and (row.error or row.passed is False):
        return 1
    return 0


if __name__ == "__main__":
    os.environ.pop("DISPLAY", None)
    sys.exit(main())
