"""The HTML handout passes axe-core (WCAG 2.x A/AA and best practices) in headless
Chromium with zero violations (issue 16). Needs what .ci/axe-check installs (Debian's
chromium, axe-core and puppeteer-core under .ci/axe/node_modules); skips without them."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout.html import write_handout_html

REPO = Path(__file__).resolve().parent.parent
AXE = REPO / ".ci" / "axe"
CHROMIUM = shutil.which("chromium")
NODE = shutil.which("node")
MISSING = (
    "chromium not installed (.ci/axe-check)"
    if CHROMIUM is None
    else "node not installed"
    if NODE is None
    else "no .ci/axe/node_modules (.ci/axe-check)"
    if not (AXE / "node_modules" / "axe-core").is_dir()
    or not (AXE / "node_modules" / "puppeteer-core").is_dir()
    else ""
)
pytestmark = [pytest.mark.skipif(bool(MISSING), reason=MISSING), pytest.mark.timeout(240)]


def test_the_html_handouts_have_no_axe_violations(tmp_path: Path) -> None:
    pages = []
    for session_file in sorted((REPO / "sessions").glob("*.json")):
        page = tmp_path / f"{session_file.stem}.html"
        write_handout_html(load_session(session_file), page, ("wales",))
        pages.append(str(page))
    assert pages
    assert NODE is not None
    done = subprocess.run(
        [NODE, str(AXE / "check.mjs"), *pages],
        capture_output=True,
        text=True,
        timeout=200,
        env={"CHROMIUM": str(CHROMIUM), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        check=False,
    )
    print(done.stdout)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": 0 violation(s)") == len(pages)
