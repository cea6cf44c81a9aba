"""Figure 4: opening and saving a session of 10 groups x 100 placements, against Python's
json on the same bytes (parse; serialise and one fsync'd write)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.files.session_schema import session_to_dict
from tests.bench.config import BenchConfig, median_ms
from tests.bench.sessions import synthetic_session

if TYPE_CHECKING:
    from _typeshed import HasFileno
from tests.bench.table import Result, Row

NAME = "storage"
MAX_MS = 50.0


@contextmanager
def fsync_timer(spent: list[float]) -> Iterator[None]:
    """Count the time spent in os.fsync (appended to spent, in ms) while inside."""
    real = os.fsync

    def timed(fd: int | HasFileno) -> None:
        start = time.perf_counter()
        try:
            real(fd)
        finally:
            spent.append((time.perf_counter() - start) * 1000)

    os.fsync = timed
    try:
        yield
    finally:
        os.fsync = real


def measure(config: BenchConfig) -> Result:
    session = synthetic_session(config.io_groups, config.io_placements)
    path = config.workdir / f"bench-{config.io_groups}x{config.io_placements}.json"
    save_session(session, path)
    raw_path = config.workdir / "bench-plain.json"
    data = session_to_dict(session)
    size_kb = path.stat().st_size / 1024

    def plain_write() -> None:
        _write_fsync(raw_path, json.dumps(data, ensure_ascii=False, indent=2))

    load_ms = median_ms(lambda: load_session(path), config.repeats)
    parse_ms = median_ms(lambda: json.loads(path.read_bytes()), config.repeats)
    fsyncs: list[float] = []
    with fsync_timer(fsyncs):
        save_ms = median_ms(lambda: save_session(session, path), config.repeats, warmup=0)
    plain_ms = median_ms(plain_write, config.repeats)
    per_save = len(fsyncs) / config.repeats
    fsync_ms = sum(fsyncs) / config.repeats
    shape = f"{config.io_groups} groups x {config.io_placements} placements, {size_kb:.0f} KB"
    return Result(
        rows=[
            Row(f"open session ({shape})", load_ms, "ms", baseline=parse_ms, max_value=MAX_MS),
            Row(
                f"save session ({shape}), with .bak",
                save_ms,
                "ms",
                baseline=plain_ms,
                max_value=MAX_MS,
            ),
            Row(f"  of which {per_save:g} fsync calls", fsync_ms, "ms"),
        ],
        details=[
            f"storage: median of {config.repeats}; files in {config.workdir} (the "
            f"disk a facilitator saves to may be slower); baseline: json.loads of the "
            f"same bytes, json.dumps of the same data with one write and fsync"
        ],
    )


def _write_fsync(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
