"""Start-up loads only what the first window needs: no ReportLab, no package metadata.

Each check runs a fresh interpreter, so what other tests imported does not matter.
"""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import coprod_desktop
from tests.bench.child import run_child
from tests.bench.config import quick


def test_the_version_is_written_once_and_installed_as_such():
    assert importlib.metadata.version("coprod-desktop") == coprod_desktop.__version__


def test_importing_the_package_does_not_read_package_metadata():
    code = (
        "import json, sys, coprod_desktop.cli.main\n"
        "print(json.dumps(sorted(m for m in sys.modules"
        " if m.startswith('importlib.metadata'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == []


def test_the_window_opens_on_the_example_without_reportlab(tmp_path):
    """The app as a user starts it, up to its first paint (the benchmark's probe)."""
    run = run_child("app", quick(tmp_path))
    assert run.reportlab_modules == 0
