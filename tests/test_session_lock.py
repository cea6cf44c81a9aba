"""The lock file beside an open session: who has it, stale locks, our own lock
(issue 17, item 1). No Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.files import session_lock
from coprod_desktop.files.session_lock import (
    LockedError,
    acquire,
    held_elsewhere,
    lock_path,
    read_owner,
)


@pytest.fixture
def session_path(tmp_path: Path) -> Path:
    path = tmp_path / "workshop.json"
    path.write_text("{}", encoding="utf-8")
    return path


def write_lock(path: Path, **fields: object) -> None:
    data = {"format": "coprod-lock", "pid": os.getpid(), "host": session_lock.this_host()}
    data.update(fields)
    lock_path(path).write_text(json.dumps(data), encoding="utf-8")


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.DEVNULL)
    child.wait(timeout=30)
    return child.pid


def test_the_lock_sits_beside_the_file_and_names_this_process(session_path: Path) -> None:
    lock = acquire(session_path)
    assert lock.written
    assert lock_path(session_path) == session_path.with_name(".~lock.workshop.json#")
    owner = read_owner(session_path)
    assert owner is not None and owner.pid == os.getpid() and owner.host
    assert owner.token == lock.owner.token
    assert held_elsewhere(session_path) == owner  # a second window of this process sees it
    with pytest.raises(LockedError) as caught:
        acquire(session_path)
    assert caught.value.owner == owner and "another window" in owner.describe()
    lock.release()
    assert not lock_path(session_path).exists()
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["workshop.json"]


def test_a_lock_whose_process_is_gone_is_stale_and_replaced(session_path: Path) -> None:
    write_lock(session_path, pid=dead_pid(), token="old")
    assert held_elsewhere(session_path) is None
    lock = acquire(session_path)  # no LockedError
    owner = read_owner(session_path)
    assert owner is not None and owner.token == lock.owner.token != "old"
    lock.release()


def test_our_own_pid_with_a_token_we_do_not_hold_is_stale(session_path: Path) -> None:
    """A run that ended left a lock, and this process was given the same pid."""
    write_lock(session_path, token="from-a-run-that-ended")
    assert held_elsewhere(session_path) is None
    acquire(session_path).release()


def test_a_lock_from_before_the_last_boot_is_stale(session_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(session_lock, "boot_id", lambda: "boot-now")
    write_lock(session_path, pid=1, boot="boot-before")  # pid 1 runs, but in another boot
    assert held_elsewhere(session_path) is None


def test_a_live_process_of_another_run_holds_the_lock(session_path: Path) -> None:
    other = subprocess.Popen(
        [sys.executable, "-c", "import time; time.sleep(60)"], stdin=subprocess.DEVNULL
    )
    try:
        write_lock(session_path, pid=other.pid, token="theirs", user="sam")
        owner = held_elsewhere(session_path)
        assert owner is not None and owner.pid == other.pid
        assert f"process {other.pid}" in owner.describe() and "sam" in owner.describe()
        with pytest.raises(LockedError):
            acquire(session_path)
        assert read_owner(session_path) == owner  # their lock is untouched
    finally:
        other.kill()
        other.wait(timeout=30)


def test_another_computer_s_lock_counts_as_held(session_path: Path) -> None:
    write_lock(session_path, pid=dead_pid(), host="some-other-laptop")
    owner = held_elsewhere(session_path)
    assert owner is not None and owner.host == "some-other-laptop"
    assert "some-other-laptop" in owner.describe()


@pytest.mark.parametrize(
    "content", [b"", b"garbage", b'{"format": "coprod-lock", "pid": "1"}', b"\xff\xfe"]
)
def test_an_unreadable_lock_is_stale(session_path: Path, content: bytes) -> None:
    lock_path(session_path).write_bytes(content)
    assert held_elsewhere(session_path) is None
    lock = acquire(session_path)
    assert read_owner(session_path) == lock.owner
    lock.release()


def test_release_never_removes_someone_else_s_lock(session_path: Path) -> None:
    lock = acquire(session_path)
    write_lock(session_path, pid=os.getpid(), token="another")  # replaced meanwhile
    lock.release()
    assert lock_path(session_path).exists()


def test_a_folder_that_refuses_the_lock_still_opens(session_path: Path, monkeypatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(session_lock.os, "open", refuse)
    lock = acquire(session_path)
    assert not lock.written
    monkeypatch.undo()
    lock.release()
    assert sorted(p.name for p in session_path.parent.iterdir()) == ["workshop.json"]


def test_through_a_symbolic_link_the_lock_is_beside_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real" / "workshop.json"
    real.parent.mkdir()
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    lock = acquire(link)
    assert lock_path(link) == real.with_name(".~lock.workshop.json#")
    assert held_elsewhere(real) is not None  # the same file by its own name is locked too
    lock.release()
