"""Spawn the app or the bare window as a child process and read its probe."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from coprod_desktop.ui.startup_probe import ENV, parse
from tests.bench.config import BenchConfig, child_env

TIMEOUT_S = 120


class ChildError(RuntimeError):
    pass


@dataclass(frozen=True)
class ChildRun:
    startup_ms: float  # from just before spawning to the end of the first paint
    maxrss_mb: float
    reportlab_modules: int
    stderr: str


def session_copy(config: BenchConfig) -> Path:
    """The session in the scratch folder: the app locks the file it opens, and on a file
    another copy of the app has open it stops at a question (read-only or a copy?)
    instead of starting, which a test or a screenshot running beside the benchmark did."""
    copy = config.workdir / "session" / config.session.name
    if not copy.exists():
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(config.session, copy)
    return copy


def command(kind: str, config: BenchConfig) -> list[str]:
    if kind == "app":
        return [sys.executable, "-m", "coprod_desktop", str(session_copy(config))]
    if kind == "bare":
        return [sys.executable, str(Path(__file__).with_name("bare_window.py"))]
    raise ValueError(f"unknown child {kind!r}")


def run_child(kind: str, config: BenchConfig, python_flags: tuple[str, ...] = ()) -> ChildRun:
    cmd = command(kind, config)
    cmd[1:1] = python_flags
    env = child_env(config)
    env[ENV] = "1"
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise ChildError(f"{kind}: no window after {TIMEOUT_S} s") from exc
    try:
        record = parse(done.stdout)
    except ValueError as exc:
        tail = " | ".join(done.stderr.strip().splitlines()[-3:])
        raise ChildError(f"{kind}: exit {done.returncode}: {tail or exc}") from exc
    return ChildRun(
        startup_ms=(record["painted"] - start) * 1000,
        maxrss_mb=record["maxrss_kb"] / 1024,
        reportlab_modules=int(record["reportlab_modules"]),
        stderr=done.stderr,
    )
