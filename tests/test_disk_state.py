"""Fingerprints of what a window read or wrote, and the .bak that keeps the previous
*different* version (issue 17, item 1). No Qt."""

from __future__ import annotations

import os
from pathlib import Path

from coprod_desktop.files import builtin as content
from coprod_desktop.files.disk_state import DiskState, changed_on_disk, read_fingerprint
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
