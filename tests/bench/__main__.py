"""python -m tests.bench: measure every figure and print the table.

Always exits 0 when the benchmarks ran, whatever the figures: a slow machine is
not a failure (use the table, not the exit status).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType

from tests.bench.config import BenchConfig, offscreen_platform, quick
from tests.bench.table import Result, Row, render

FIGURES = ("startup", "drag", "switch", "storage", "handout", "memory", "legibility")


def module_for(name: str) -> ModuleType:
    """The benchmark module of a figure, imported only when it runs."""
    from importlib import import_module

    return import_module(
        {"storage": ".storage_io", "handout": ".handout_pdf", "switch": ".switch_group"}.get(
            name, f".{name}"
        ),
        __package__,
    )


def run(
    config: BenchConfig,
    names: Sequence[str] = FIGURES,
    progress: Callable[[str], None] | None = None,
) -> Result:
    """Every named figure's rows and details; a benchmark that breaks gives an error row."""
    total = Result()
    for name in names:
        if progress is not None:
            progress(name)
        try:
            result = module_for(name).measure(config)
        except Exception as exc:  # one broken benchmark must not hide the others
            result = Result([Row(name, None, "", error=f"{type(exc).__name__}: {exc}")])
        total.rows += result.rows
        total.details += result.details
    return total


def machine() -> str:
    import PySide6

    try:
        import reportlab

        rl = reportlab.Version
    except ImportError:  # pragma: no cover - a dependency
        rl = "?"
    return (
        f"{platform.node() or 'this machine'}: {platform.system()} {platform.release()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"PySide6 {PySide6.__version__}, ReportLab {rl}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench",
        description="Measure start-up, dragging, switching group, open/save, the handout, "
        "memory and the room's text sizes (legibility), each beside a baseline from the "
        "same run; print a table.",
    )
    parser.add_argument(
        "figures",
        nargs="*",
        help="figures to measure (the same as --only): e.g. 'python -m tests.bench legibility'",
    )
    parser.add_argument(
        "--only",
        default=",".join(FIGURES),
        help=f"comma-separated figures (default: all of {','.join(FIGURES)})",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="tiny sizes and one repeat: checks the benchmarks run (smoke)",
    )
    parser.add_argument("--repeats", type=int, help="repeats per in-process figure")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    chosen = ",".join(args.figures) if args.figures else args.only
    names = [n.strip() for n in chosen.split(",") if n.strip()]
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        parser.error(f"unknown figure(s) {', '.join(unknown)}; choose from {', '.join(FIGURES)}")
    with tempfile.TemporaryDirectory(prefix="coprod-bench-") as folder:
        workdir = Path(folder)
        config = quick(workdir) if args.quick else BenchConfig(workdir=workdir)
        if args.repeats:
            from dataclasses import replace

            config = replace(config, repeats=max(1, args.repeats))
        # The in-process figures draw offscreen on a 1920x1080 screen, like the children.
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(config)
        started = datetime.datetime.now().astimezone()
        result = run(config, names, _progress)
    print(f"coprod-desktop benchmarks, {started:%Y-%m-%d %H:%M %Z}; {machine()}")
    print(render(result.rows, markdown=args.markdown))
    for line in result.details:
        print(("- " if args.markdown else "") + line)
    return 0


def _progress(name: str) -> None:
    print(f"measuring {name} ...", file=sys.stderr, flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
