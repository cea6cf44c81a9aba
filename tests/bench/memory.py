"""Figure 6: peak memory (ru_maxrss of the child) with the example session open in the
window, against the bare PySide6 window."""

from __future__ import annotations

import statistics

from tests.bench.child import ChildError, run_child
from tests.bench.config import BenchConfig
from tests.bench.table import Result, Row

NAME = "memory"
MAX_MB = 250.0
FIGURE = "peak RSS, example session open"


def measure(config: BenchConfig) -> Result:
    try:
        app = [run_child("app", config).maxrss_mb for _ in range(config.memory_runs)]
        bare = [run_child("bare", config).maxrss_mb for _ in range(config.memory_runs)]
    except ChildError as exc:
        return Result([Row(FIGURE, None, "MB", error=str(exc))])
    return Result([Row(FIGURE, max(app), "MB", baseline=statistics.median(bare), max_value=MAX_MB)])
