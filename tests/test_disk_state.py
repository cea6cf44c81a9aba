"""Fingerprints of what a window read or wrote, and the .bak that keeps the previous
*different* version (issue 17, item 1). No Qt."""

from __future__ import annotations

import hashlib
import os
import threading
from pathlib import Path

import pytest

from coprod_desktop.files import builtin as content
from coprod_desktop.files import disk_state
from coprod_desktop.files.disk_state import (
    DiskState,
    Fingerprint,
    changed_on_disk,
    fingerprint_of,
    read_fingerprint,
)
from coprod_desktop.files.session_file import load_session_file, save_session


def _session(title: str = "Workshop"):  # noqa: ANN202 - a Session
    return content.new_session(title, ["Red", "Blue"])


def test_an_unchanged_save_leaves_the_bak_and_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    save_session(_session("First"), path)
    save_session(_session("Second"), path)  # .bak = First
    bak = tmp_path / "s.json.bak"
    first = bak.read_bytes()
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # so a rewrite would show
    before = path.stat()
    fingerprint = save_session(_session("Second"), path)  # nothing changed
    assert bak.read_bytes() == first  # still the previous different version
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_ino == before.st_ino
    assert fingerprint == read_fingerprint(path)
    save_session(_session("Third"), path)  # a real change rotates it
    assert b'"Second"' in bak.read_bytes()


def test_the_fingerprint_of_a_load_and_of_a_save_match_the_file(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    written = save_session(_session(), path)
    _session_read, read = load_session_file(path)
    assert written == read == read_fingerprint(path)
    assert changed_on_disk(path, read) is DiskState.SAME


def test_changed_on_disk_goes_by_content_not_by_time(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    known = save_session(_session(), path)
    os.utime(path, ns=(known.mtime_ns + 5_000_000_000,) * 2)  # touched, same bytes
    assert changed_on_disk(path, known) is DiskState.SAME
    other = path.read_bytes().replace(b'"Workshop"', b'"Worksh0p"')  # same size, other bytes
    path.write_bytes(other)
    os.utime(path, ns=(known.mtime_ns, known.mtime_ns))  # even with the old time
    assert path.stat().st_size == known.size
    assert changed_on_disk(path, known) is DiskState.SAME  # time and size equal: cheap "same"
    os.utime(path, ns=(known.mtime_ns + 1, known.mtime_ns + 1))
    assert changed_on_disk(path, known) is DiskState.CHANGED
    path.write_bytes(b"{}")
    assert changed_on_disk(path, known) is DiskState.CHANGED
    path.unlink()
    assert changed_on_disk(path, known) is DiskState.GONE
    os.mkfifo(path)  # never opened, never waited for
    assert changed_on_disk(path, known) is DiskState.GONE
    assert read_fingerprint(path) is None


def test_a_fingerprint_is_time_size_and_hash_of_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b'{"a": 1}')
    info = path.stat()
    expected = Fingerprint(info.st_mtime_ns, 8, hashlib.sha256(b'{"a": 1}').hexdigest())
    assert fingerprint_of(b'{"a": 1}', info) == expected
    assert read_fingerprint(path) == expected
    assert read_fingerprint(str(path)) == expected


def test_no_fingerprint_of_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    assert read_fingerprint(tmp_path / "missing.json") is None
    assert read_fingerprint(tmp_path) is None


def test_a_folder_where_the_file_was_is_gone(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    known = save_session(_session(), path)
    path.unlink()
    path.mkdir()
    assert changed_on_disk(path, known) is DiskState.GONE
    assert changed_on_disk(str(path), known) is DiskState.GONE


def test_another_size_is_a_change_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    known = save_session(_session(), path)
    path.write_bytes(path.read_bytes() + b" ")
    os.utime(path, ns=(known.mtime_ns, known.mtime_ns))  # even at the old time

    def unreadable(_path: Path) -> str:
        raise OSError("unreadable")

    monkeypatch.setattr(disk_state, "_hash_file", unreadable)
    assert changed_on_disk(path, known) is DiskState.CHANGED


def test_a_file_that_cannot_be_read_any_more_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    known = save_session(_session(), path)
    os.utime(path, ns=(known.mtime_ns + 1, known.mtime_ns + 1))  # same size: it must read

    def unreadable(_path: Path) -> str:
        raise OSError("unreadable")

    monkeypatch.setattr(disk_state, "_hash_file", unreadable)
    assert changed_on_disk(path, known) is DiskState.GONE


def test_a_file_beyond_the_hash_limit_has_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A touched file larger than any session is not read: it has changed (one exactly
    at the limit is still read, and is the same)."""
    mib = 1 << 20
    monkeypatch.setattr(disk_state, "HASH_LIMIT", 2 * mib)
    for size, state in [(2 * mib, DiskState.SAME), (2 * mib + 256, DiskState.CHANGED)]:
        path = tmp_path / f"{size}.bin"
        data = bytes(range(256)) * (size // 256)
        path.write_bytes(data)
        known = fingerprint_of(data, path.stat())
        os.utime(path, ns=(known.mtime_ns + 1, known.mtime_ns + 1))
        assert changed_on_disk(path, known) is state, size


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_swapped_in_while_checking_is_gone_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    known = save_session(_session(), path)
    pipe = tmp_path / "p"
    os.mkfifo(pipe)
    real_stat = os.stat

    def as_if_touched(p, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if Path(p) == pipe:  # the check sees the session touched, the open finds a pipe
            info = real_stat(path)
            return os.stat_result((*info[:8], info[8] + 1, info[9]))
        return real_stat(p, *args, **kwargs)

    monkeypatch.setattr(disk_state.os, "stat", as_if_touched)
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(changed_on_disk(pipe, known)))
    worker.daemon = True
    worker.start()
    worker.join(2.0)
    if worker.is_alive():
        with open(pipe, "wb"):
            pass
        worker.join(2.0)
        pytest.fail("hashing the pipe waited for a writer")
    assert outcome == [DiskState.GONE]
