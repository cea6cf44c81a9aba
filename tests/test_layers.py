"""The layers hold: no Qt below the ui, no ReportLab where a handout is not being made.

Each check imports modules in a fresh interpreter, so what other tests imported
into this one does not matter.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"
NO_QT = [
    "coprod_desktop",
    "coprod_desktop.domain.model",
    "coprod_desktop.files.session_file",
    "coprod_desktop.files.builtin",
    "coprod_desktop.domain.layout",
    "coprod_desktop.cli.main",
]
HAS_HANDOUT = importlib.util.find_spec("coprod_desktop.handout") is not None


def loaded_after(code: str) -> set[str]:
    """The top-level names of the modules loaded after running code in a fresh interpreter."""
    script = code + "\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))\n"
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return {name.split(".")[0] for name in json.loads(result.stdout.splitlines()[-1])}


def test_the_probe_sees_qt_when_qt_is_imported() -> None:
    """The check below can fail: importing Qt does show up."""
    pytest.importorskip("PySide6")
    assert "PySide6" in loaded_after("import PySide6.QtCore")
    assert "reportlab" in loaded_after("import reportlab.pdfgen.canvas")


def test_model_storage_content_layout_cli_load_no_qt() -> None:
    loaded = loaded_after("\n".join(f"import {name}" for name in NO_QT))
    assert "PySide6" not in loaded
    assert "shiboken6" not in loaded


@pytest.mark.skipif(not HAS_HANDOUT, reason="coprod_desktop.handout not written yet")
def test_handout_loads_no_qt_even_when_it_prints(tmp_path: Path) -> None:
    code = (
        "import coprod_desktop.handout as h\n"
        "from coprod_desktop.files.session_file import load_session\n"
        f"data, pages = h.handout_bytes(load_session({str(EXAMPLE)!r}))\n"
        "assert data.startswith(b'%PDF') and pages > 0\n"
    )
    loaded = loaded_after(code)
    assert "reportlab" in loaded  # it did print
    assert "PySide6" not in loaded and "shiboken6" not in loaded


def test_cli_check_runs_without_qt_or_reportlab() -> None:
    code = (
        f"from coprod_desktop.cli.main import main\nassert main(['check', {str(EXAMPLE)!r}]) == 0\n"
    )
    loaded = loaded_after(code)
    assert "PySide6" not in loaded
    assert "reportlab" not in loaded


def test_cli_and_storage_do_not_import_reportlab() -> None:
    loaded = loaded_after("import coprod_desktop.cli.main, coprod_desktop.files.session_file")
    assert "reportlab" not in loaded


@pytest.mark.skipif(not HAS_HANDOUT, reason="coprod_desktop.handout not written yet")
def test_importing_the_handout_package_does_not_load_reportlab_yet() -> None:
    """The package promises ReportLab is loaded only when a handout is made."""
    assert "reportlab" not in loaded_after("import coprod_desktop.handout")


def imported_modules(path: Path) -> set[str]:
    """Absolute names of every module a source file imports, at any depth in the file."""
    package = ["coprod_desktop", *path.relative_to(ROOT / "coprod_desktop").parts[:-1]]
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_imported_modules_resolves_relative_imports() -> None:
    names = imported_modules(ROOT / "coprod_desktop" / "cli" / "main.py")
    assert "coprod_desktop.app" in names  # the lazy import that opens the window
    common = imported_modules(ROOT / "coprod_desktop" / "cli" / "common.py")
    assert "coprod_desktop.files.session_file" in common  # a lazy import inside a function


# The one piece of the ui the cli may use: the offscreen board painter (export --board-image).
HEADLESS_QT = "coprod_desktop.ui.board_png"


def test_no_module_below_the_ui_imports_qt_or_the_ui() -> None:
    """A static check as well, so a lazy import inside a function is caught too."""
    package = ROOT / "coprod_desktop"
    # Qt is allowed only in the ui, the composition root, and the benchmarks that drive them.
    qt_places = {"ui", "bench"}
    lower = [
        p
        for p in package.rglob("*.py")
        if not qt_places & set(p.relative_to(package).parts) and p.name != "app.py"
    ]
    assert len(lower) >= 6
    for path in lower:
        for name in imported_modules(path):
            if path.parent.name == "cli" and name.startswith(HEADLESS_QT):
                continue  # the cli sits above the ui: it may paint a board image without a window
            assert not name.startswith(("PySide6", "shiboken6", "coprod_desktop.ui")), (path, name)
            if name.startswith("coprod_desktop.app"):
                assert path.parent.name == "cli", path  # only the cli opens the GUI
