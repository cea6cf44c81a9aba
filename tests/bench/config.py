"""Sizes and repeats for a benchmark run, timing helpers, and the offscreen screen."""

from __future__ import annotations

import gc
import json
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_SESSION = REPO / "sessions" / "community-health-workshop.json"
SCREEN = (1920, 1080)


@dataclass(frozen=True)
class BenchConfig:
    workdir: Path  # scratch folder for session files and the offscreen screen config
    repeats: int = 5  # each in-process figure is the median of this many runs
    startup_runs: int = 7  # child processes per side for start-up
    memory_runs: int = 3
    drag_cards: int = 300
    drag_frames: int = 60
    switch_cards: int = 40
    io_groups: int = 10
    io_placements: int = 100
    handout_groups: int = 10
    session: Path = EXAMPLE_SESSION
    screen: tuple[int, int] = SCREEN


def quick(workdir: Path) -> BenchConfig:
    """Tiny sizes and one repeat: proves every benchmark runs, measures nothing useful."""
    return BenchConfig(
        workdir=workdir,
        repeats=1,
        startup_runs=1,
        memory_runs=1,
        drag_cards=24,
        drag_frames=3,
        switch_cards=5,
        io_groups=2,
        io_placements=10,
        handout_groups=1,
    )


def median_ms(
    run: Callable[[], object],
    repeats: int,
    warmup: int = 1,
    setup: Callable[[], object] | None = None,
) -> float:
    """Median wall time of run in milliseconds; setup runs untimed before each call."""
    times = []
    for i in range(warmup + repeats):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        run()
        elapsed = time.perf_counter() - start
        if i >= warmup:
            times.append(elapsed * 1000)
    return statistics.median(times)


def offscreen_platform(config: BenchConfig) -> str:
    """A QT_QPA_PLATFORM value for Qt's offscreen platform with a screen of config.screen."""
    width, height = config.screen
    path = config.workdir / "offscreen-screen.json"
    path.write_text(
        json.dumps(
            {
                "synchronousWindowSystemEvents": False,
                "windowFrameMargins": False,
                "screens": [
                    {
                        "name": "bench",
                        "x": 0,
                        "y": 0,
                        "width": width,
                        "height": height,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    return f"offscreen:configfile={path}"


def child_env(config: BenchConfig) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = offscreen_platform(config)
    # Bytecode cached as in an installed app (this sandbox sets PYTHONDONTWRITEBYTECODE),
    # in the scratch folder rather than beside the sources.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(config.workdir / "pycache")
    return env
