"""The README's module map names every module of the package in its package's row, so a
newcomer can find any file from it (issue 10) and a new module cannot be left out."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "coprod_desktop"


def map_rows() -> dict[str, str]:
    """Package folder ("domain/", "ui/board/", "" for the top level) -> its row's text."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    rows: dict[str, str] = {}
    for line in readme.splitlines():
        found = re.match(r"\| `([a-z_/]+/)` \| (.*) \|$", line)
        if found:
            rows[found.group(1)] = found.group(2)
        elif line.startswith("| `app.py`"):
            rows[""] = line
    return rows


def modules() -> list[tuple[str, str]]:
    """(package folder, module file name) of every module but the packages' __init__."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        folder = path.parent.relative_to(PACKAGE).as_posix()
        found.append(("" if folder == "." else folder + "/", path.name))
    return found


def test_every_module_is_in_its_packages_row() -> None:
    rows = map_rows()
    missing = [
        f"{folder}{name}" for folder, name in modules() if f"`{name}`" not in rows.get(folder, "")
    ]
    assert not missing, f"not in the README's module map: {missing}"


def test_every_row_names_a_package_that_exists() -> None:
    for folder in map_rows():
        assert (PACKAGE / folder).is_dir() or (REPO / folder).is_dir(), folder
    assert len(modules()) > 100  # the walk found the package
