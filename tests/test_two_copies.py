"""Two copies of the app as two real processes on one file (issue 17, item 1).

First the real entry point, `python -m coprod_desktop FILE`: the second copy finds the
first one's lock and opens read-only (it then waits in the question, so the test ends
it); a copy killed leaves a stale lock that the next start replaces without asking.
Then two scripted copies (tests/two_copies/driver.py runs the same run_app): D edits
anyway and saves a move; C's Save is warned and keeps both. Offscreen, no stdin,
timeouts on everything.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.files.session_lock import lock_path, read_owner

REPO = Path(__file__).resolve().parent.parent
DRIVER = REPO / "tests" / "two_copies" / "driver.py"
TIMEOUT = 90


@pytest.fixture
def path(tmp_path: Path) -> Path:
    p = tmp_path / "workshop.json"
    save_session(content.new_session("Workshop", ["Red", "Blue"]), p)
    return p


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator[Callable[..., subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []

    def start(*args: str, name: str) -> subprocess.Popen[str]:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM="offscreen",
            COPROD_DESKTOP_RECOVERY_DIR=str(tmp_path / f"recovery-{name}"),
            XDG_CONFIG_HOME=str(tmp_path / "config"),
            XDG_DATA_HOME=str(tmp_path / "data"),
            PYTHONUNBUFFERED="1",
        )
        out = (tmp_path / f"{name}.out").open("w")
        err = (tmp_path / f"{name}.err").open("w")
        proc = subprocess.Popen(
            [sys.executable, *args],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            text=True,
            env=env,
            cwd=REPO,
        )
        started.append(proc)
        return proc

    yield start
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)


def wait_for(condition: Callable[[], bool], what: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if condition():
            return
        if proc.poll() is not None and not condition():
            raise AssertionError(f"process ended ({proc.returncode}) before {what}")
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def text(tmp_path: Path, name: str) -> str:
    return (tmp_path / name).read_text(encoding="utf-8", errors="replace")


def lock_pid(path: Path) -> int | None:
    owner = read_owner(path)
    return owner.pid if owner else None


def test_the_second_copy_finds_the_lock_and_a_killed_copy_s_lock_is_stale(
    spawn, path: Path, tmp_path: Path
) -> None:
    original = path.read_bytes()
    first = spawn("-m", "coprod_desktop", str(path), name="first")
    wait_for(lambda: lock_pid(path) == first.pid, "the first copy's lock", first)

    second = spawn("-m", "coprod_desktop", str(path), name="second")
    wait_for(
        lambda: "is open in" in text(tmp_path, "second.err"), "the second copy's warning", second
    )
    assert f"(process {first.pid})" in text(tmp_path, "second.err")
    assert "opened read-only" in text(tmp_path, "second.err")
    assert lock_pid(path) == first.pid  # the first copy's lock is untouched
    second.kill()
    second.wait(timeout=30)

    first.kill()  # a crash: the lock stays behind, naming a process that is gone
    first.wait(timeout=30)
    assert lock_pid(path) == first.pid
    third = spawn("-m", "coprod_desktop", str(path), name="third")
    wait_for(lambda: lock_pid(path) == third.pid, "the third copy replacing the lock", third)
    assert "is open in" not in text(tmp_path, "third.err")
    third.kill()
    third.wait(timeout=30)
    assert path.read_bytes() == original  # nobody wrote the session


def test_two_copies_saving_one_file_lose_nothing(spawn, path: Path, tmp_path: Path) -> None:
    c_ready, d_saved = tmp_path / "c-ready", tmp_path / "d-saved"
    elsewhere = tmp_path / "c-version.json"
    c = spawn(
        str(DRIVER), str(path), "changed=save_as", f"saveas={elsewhere}",
        "place=1", f"signal={c_ready}", f"wait={d_saved}", "save", "quit",
        name="c",
    )  # fmt: skip
    wait_for(c_ready.exists, "C to open the file and move a card", c)
    d = spawn(
        str(DRIVER), str(path), "locked=edit", "place=2", "save", f"signal={d_saved}", "quit",
        name="d",
    )  # fmt: skip
    assert d.wait(timeout=TIMEOUT) == 0, text(tmp_path, "d.err")
    assert c.wait(timeout=TIMEOUT) == 0, text(tmp_path, "c.err")
    d_out, c_out = text(tmp_path, "d.out").split("\n"), text(tmp_path, "c.out").split("\n")
    assert d_out[:3] == [f"asked-locked {c.pid}", "place True", f"save True {path} read_only=False"]
    assert c_out[:4] == [
        "place True",
        "asked-changed gone=False",  # C is warned at Save
        f"asked-save-path {elsewhere}",
        f"save True {elsewhere} read_only=False",
    ]
    deck = content.new_session("x", ["A"]).deck.cards
    on_file = {p.card for g in load_session(path).groups for p in g.placements}
    c_file = {p.card for g in load_session(elsewhere).groups for p in g.placements}
    assert on_file == {deck[2].id}  # D's move, not overwritten
    assert c_file == {deck[1].id}  # C's move, in the file C chose
    assert not lock_path(path).exists() and not lock_path(elsewhere).exists()  # both closed
