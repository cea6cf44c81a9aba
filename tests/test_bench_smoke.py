"""The benchmarks run and print their table. Smoke only: tiny sizes, one repeat, and
no assertion about any time or budget (a slow machine is not a failure)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from coprod_desktop.ui.startup_probe import peak_rss_kb
from tests.bench import __main__ as bench_main
from tests.bench.config import quick
from tests.bench.startup import self_times
from tests.bench.table import COLUMNS, Result, Row, render


@pytest.fixture
def config(tmp_path):
    return quick(tmp_path)


@pytest.fixture(scope="module")
def measured(tmp_path_factory) -> Callable[[str], Result]:
    """A benchmark's result, measured once for the module's tests (start-up and the
    handout are the slow ones, and two tests read each)."""
    results: dict[str, Result] = {}

    def measure(name: str) -> Result:
        if name not in results:
            config = quick(tmp_path_factory.mktemp(name))
            results[name] = bench_main.module_for(name).measure(config)
        return results[name]

    return measure


def check_result(result: Result) -> None:
    assert result.rows, "a benchmark gave no row"
    for row in result.rows:
        assert not row.error, f"{row.figure}: {row.error}"
        assert row.value is not None and row.value >= 0
        assert len(row.cells()) == len(COLUMNS)
        assert row.cells()[-1] in ("pass", "FAIL", "info")
    lines = render(result.rows).splitlines()
    assert lines[0].split()[:2] == ["figure", "value"]
    assert len(lines) == 2 + len(result.rows)


@pytest.mark.parametrize("name", bench_main.FIGURES)
def test_each_benchmark_runs_and_gives_rows(name, measured, qapp):
    check_result(measured(name))


def test_start_up_reports_reportlab_and_import_breakdown(measured):
    result = measured("startup")
    figures = [row.figure for row in result.rows]
    assert "ReportLab modules loaded at start-up" in figures
    assert any(line.startswith("import time at start-up") for line in result.details)


def test_handout_baseline_has_the_same_pages(measured):
    result = measured("handout")
    label = result.rows[0].figure  # "handout, 1 groups (N pages, D drawings)"
    pages = label.split("(")[1].split(" pages")[0]
    assert f"document of {pages} pages" in result.details[0]


def test_command_prints_the_table_and_exits_0():
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--quick", "--only", "storage"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("coprod-desktop benchmarks, ")
    assert lines[1].split()[:6] == list(COLUMNS)
    assert any(line.startswith("open session") for line in lines)


def test_command_refuses_an_unknown_figure():
    done = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--only", "warp-drive"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "unknown figure" in done.stderr


def test_a_broken_benchmark_is_an_error_row_not_a_crash(config, monkeypatch):
    def broken(_config):
        raise RuntimeError("no display")

    monkeypatch.setattr(bench_main.module_for("storage"), "measure", broken)
    result = bench_main.run(config, ["storage"])
    assert result.rows[0].error == "RuntimeError: no display"
    assert result.rows[0].cells()[-1] == "error"


# --- the table's arithmetic -------------------------------------------------------------
def test_budget_on_value_and_on_ratio():
    assert Row("a", 3.0, "ms", baseline=2.0, max_value=4.0, max_ratio=2.0).passed is True
    assert Row("b", 5.0, "ms", baseline=4.0, max_value=4.0).passed is False
    assert Row("c", 3.0, "ms", baseline=1.0, max_value=4.0, max_ratio=2.0).passed is False
    assert Row("d", 3.0, "ms", baseline=1.0).passed is None  # information only
    assert Row("e", 0, "", max_value=0).passed is True


def test_cells_show_units_ratio_and_budget():
    cells = Row("drag", 3.0, "ms", baseline=2.0, max_value=4.0, max_ratio=2.0).cells()
    assert cells == ("drag", "3.0 ms", "2.0 ms", "1.50x", "<= 4.0 ms, <= 2x", "pass")
    assert Row("x", None, "ms", error="boom").cells()[1:] == ("boom", "-", "-", "-", "error")


def test_markdown_table_has_a_row_per_figure():
    rows = [Row("a", 1.0, "ms"), Row("b", 2.0, "MB", max_value=250)]
    lines = render(rows, markdown=True).splitlines()
    assert len(lines) == 4
    assert all(line.count("|") == len(COLUMNS) + 1 for line in lines)


def test_import_time_lines_are_summed_by_package():
    stderr = "\n".join(
        [
            "import time: self [us] | cumulative | imported package",
            "import time:      1000 |       1000 |   PySide6.QtCore",
            "import time:      2000 |       3000 | shiboken6",
            "import time:       500 |        500 |     coprod_desktop.domain.model",
            "import time:       250 |        250 |   json.decoder",
            "import time:       250 |        500 | json",
            "something else on stderr",
        ]
    )
    assert self_times(stderr) == {
        "PySide6 + shiboken6": 3.0,
        "coprod_desktop.domain.model": 0.5,
        "json": 0.5,
    }


def test_peak_memory_of_this_process_is_known():
    assert peak_rss_kb() > 1000


@pytest.mark.parametrize("case", ["nesting-quoted", "csv-parse", "csv-preview", "csv-window"])
def test_the_hostile_inputs_benchmark_runs(case, monkeypatch) -> None:
    """python -m tests.bench.hostile_inputs (issue 17, item 7), on tiny inputs."""
    from tests.bench import hostile_inputs

    monkeypatch.setenv("COPROD_BENCH_QUICK", "1")
    figures = hostile_inputs.run_case(case)
    assert "error" not in figures, figures
    assert all(not isinstance(v, float) or v >= 0 for v in figures.values())
