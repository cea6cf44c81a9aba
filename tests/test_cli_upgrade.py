"""`coprod-desktop upgrade SESSION.json`: an older file rewritten as the current version in
place (atomic, .bak, unknown keys kept, through a link), a bad file left untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.cli.main import main
from coprod_desktop.files import session_lock
from coprod_desktop.files.session_file import load_session
from coprod_desktop.files.session_schema import SCHEMA_VERSION

GOLDEN_V1 = Path(__file__).resolve().parent / "golden" / "session-v1.json"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    """The version 1 golden file, with a key another tool wrote."""
    data = json.loads(GOLDEN_V1.read_text(encoding="utf-8"))
    data["groups"][0]["cards"][0]["x-colour"] = "teal"
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def test_an_older_file_is_rewritten_as_the_current_version(old: Path, capsys) -> None:
    before = old.read_bytes()
    expected = load_session(old)  # what opening it in the window gives
    assert main(["upgrade", str(old)]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.splitlines() == [
        f"{old}: upgraded from version 1 to {SCHEMA_VERSION}; the old file is kept as "
        "workshop.json.bak"
    ]
    data = json.loads(old.read_text(encoding="utf-8"))
    assert data["schema_version"] == SCHEMA_VERSION
    assert all("lens" in r and "zone" not in r for r in data["board"]["regions"])
    assert data["groups"][0]["notes"] and "note" not in data["groups"][0]["placements"][0]
    assert data["groups"][0]["cards"][0]["x-colour"] == "teal"  # another tool's key kept
    assert load_session(old) == expected
    assert old.with_name("workshop.json.bak").read_bytes() == before
    assert [p.name for p in old.parent.iterdir() if p.name.startswith(".")] == []  # no temp


def test_a_current_file_is_left_as_it_is(old: Path, capsys) -> None:
    assert main(["upgrade", str(old)]) == 0
    after_first = old.read_bytes()
    stamp = old.stat().st_mtime_ns
    backup = old.with_name("workshop.json.bak").read_bytes()
    capsys.readouterr()
    assert main(["upgrade", str(old)]) == 0
    assert capsys.readouterr().out.strip() == (
        f"{old}: already version {SCHEMA_VERSION}; nothing to do"
    )
    assert old.read_bytes() == after_first and old.stat().st_mtime_ns == stamp
    assert old.with_name("workshop.json.bak").read_bytes() == backup


def test_through_a_link_the_file_it_points_to_is_upgraded(old: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(old)
    assert main(["upgrade", str(link)]) == 0
    assert link.is_symlink() and link.resolve() == old.resolve()
    assert json.loads(old.read_text(encoding="utf-8"))["schema_version"] == SCHEMA_VERSION
    assert old.with_name("workshop.json.bak").exists()
    assert not tmp_path.joinpath("link.json.bak").exists()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda d: d.update(schema_version=SCHEMA_VERSION + 1), "made by a newer version"),
        (lambda d: d["board"]["regions"][0].update(rect=[0, 0, -1, 1]), "board.regions[0].rect"),
        (lambda d: d.update(format="other"), "not a coprod-desktop session"),
    ],
)
def test_a_bad_file_gets_one_line_and_is_untouched(old: Path, capsys, change, words) -> None:
    data = json.loads(old.read_text(encoding="utf-8"))
    change(data)
    old.write_text(json.dumps(data), encoding="utf-8")
    before = old.read_bytes()
    assert main(["upgrade", str(old)]) == 2
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and words in err and str(old) in err
    assert old.read_bytes() == before
    assert not old.with_name("workshop.json.bak").exists()


def test_a_file_open_in_a_running_copy_is_refused(old: Path, capsys) -> None:
    lock = session_lock.acquire(old)
    try:
        before = old.read_bytes()
        assert main(["upgrade", str(old)]) == 2
        assert "close it first" in capsys.readouterr().err
        assert old.read_bytes() == before
    finally:
        lock.release()


def test_upgrade_as_a_process_without_a_display_or_stdin(old: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    done = subprocess.run(
        [sys.executable, "-m", "coprod_desktop", "upgrade", str(old)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("\n") == 1 and "upgraded from version 1" in done.stdout
