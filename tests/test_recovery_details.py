"""files/recovery.py in detail: the messages a user reads, the files left behind by runs
killed at awkward moments, and failures that must be logged, not raised. No Qt, no
subprocess (test_recovery_store.py has the killed-process test).
"""

from __future__ import annotations

import errno
import fcntl
import json
import logging
import os
import re
import stat
import time
from pathlib import Path

import pytest

from coprod_desktop.files import builtin as content
from coprod_desktop.files import recovery
from coprod_desktop.files.recovery import (
    RecoveryEntry,
    RecoveryError,
    RecoveryStore,
    damaged_name,
    describe,
    format_saved_at,
    read_entry,
)


def crashed(folder: Path, name: str, title: str = "Workshop") -> RecoveryStore:
    store = RecoveryStore(folder, name=name)
    store.start()
    store.write(content.new_session(title, ["A"]), None)
    store.abandon()
    return store


def problem_of(tmp_path: Path, text: str | bytes) -> str:
    path = tmp_path / "1-x.json"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    entry = read_entry("1-x", path)
    assert not entry.ok
    return entry.problem


# --- names, modes, what is written -----------------------------------------------------


def test_an_instance_is_named_by_pid_and_eight_hex_digits(tmp_path: Path) -> None:
    names = {RecoveryStore(tmp_path).name for _ in range(5)}
    assert len(names) == 5
    for name in names:
        assert re.fullmatch(rf"{os.getpid()}-[0-9a-f]{{8}}", name)


def test_locks_are_private(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.start()
    assert stat.S_IMODE(store.lock_path.stat().st_mode) == 0o600
    (tmp_path / "5-dead.json").write_text("{")  # a file whose lock went: claimed anew
    store.orphans()
    assert stat.S_IMODE((tmp_path / "5-dead.lock").stat().st_mode) == 0o600
    store.close()


def test_the_file_is_readable_text_one_key_a_line(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(content.new_session("Grüße ✓", ["A"]), None)
    text = store.path.read_text(encoding="utf-8")
    assert "Grüße ✓" in text  # not \\u escapes
    assert text.splitlines()[:3] == [
        "{",
        ' "format": "coprod-recovery",',
        ' "recovery_version": 1,',
    ]
    assert text.endswith("}\n")
    store.close()


def test_started_follows_the_lock(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    assert not store.started
    store.start()
    store.start()  # again: nothing changes
    assert store.started
    store.abandon()
    assert not store.started
    store.start()
    store.close()
    assert not store.started and os.listdir(tmp_path) == []


# --- start-up failures ----------------------------------------------------------------


def test_a_folder_that_is_a_file_says_why(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("")
    folder = tmp_path / "file" / "recovery"
    with pytest.raises(RecoveryError) as caught:
        RecoveryStore(folder).start()
    assert str(caught.value) == f"cannot use {folder} (Not a directory)"


def test_no_file_locks_is_refused_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "_try_lock", lambda fd: False)
    store = RecoveryStore(tmp_path, name="9-abc")
    with pytest.raises(RecoveryError) as caught:
        store.start()
    assert str(caught.value) == f"cannot lock {tmp_path / '.9-abc.lock.tmp'}"
    assert os.listdir(tmp_path) == [] and not store.started


def test_a_lock_that_cannot_be_put_in_place_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def replace(src: object, dst: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(recovery.os, "replace", replace)
    with pytest.raises(RecoveryError) as caught:
        RecoveryStore(tmp_path, name="9-abc").start()
    assert str(caught.value) == f"cannot use {tmp_path} (Invalid cross-device link)"
    assert os.listdir(tmp_path) == []


# --- what killed starts left -------------------------------------------------------------


def old(path: Path, seconds: float) -> Path:
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_start_removes_lock_temps_of_killed_starts_only(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    dead = tmp_path / ".1-dead.lock.tmp"
    dead.write_text("1\n")
    old(dead, 120)
    young = tmp_path / ".2-starting.lock.tmp"  # a run starting right now
    young.write_text("2\n")
    held = tmp_path / ".3-alive.lock.tmp"
    held.write_text("3\n")
    old(held, 120)
    holder = os.open(held, os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        with caplog.at_level(logging.INFO, logger="coprod_desktop.files.recovery"):
            store = RecoveryStore(tmp_path, name="4-me")
            store.start()
    finally:
        os.close(holder)
    assert not dead.exists() and young.exists() and held.exists()
    assert [r.getMessage() for r in caplog.records] == [
        f"removed 1 temporary files of killed runs from {tmp_path}"
    ]
    store.close()


def test_the_lock_temp_age_rule_at_its_edge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = 1_800_000_000.0
    edge = tmp_path / ".1-dead.lock.tmp"
    edge.write_text("1\n")
    os.utime(edge, (now - 60, now - 60))  # exactly LOCK_TEMP_SECONDS old: kept
    past = tmp_path / ".2-dead.lock.tmp"
    past.write_text("2\n")
    os.utime(past, (now - 61, now - 61))
    monkeypatch.setattr(recovery.time, "time", lambda: now)
    real_glob = Path.glob

    def young_first(self: Path, pattern: str):  # noqa: ANN202 - a kept one before the other
        yield from sorted(real_glob(self, pattern), key=lambda p: p.name != edge.name)

    monkeypatch.setattr(Path, "glob", young_first)
    store = RecoveryStore(tmp_path, name="4-me")
    store.start()
    assert edge.exists() and not past.exists()
    store.close()


def test_a_lock_temp_that_cannot_be_opened_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".0-dir.lock.tmp").mkdir()  # cannot be opened for writing
    old(tmp_path / ".0-dir.lock.tmp", 120)
    dead = tmp_path / ".1-dead.lock.tmp"
    dead.write_text("1\n")
    old(dead, 120)
    real_glob = Path.glob

    def folder_first(self: Path, pattern: str):  # noqa: ANN202
        yield from sorted(real_glob(self, pattern), key=lambda p: p.name != ".0-dir.lock.tmp")

    monkeypatch.setattr(Path, "glob", folder_first)
    store = RecoveryStore(tmp_path, name="4-me")
    store.start()
    assert (tmp_path / ".0-dir.lock.tmp").is_dir() and not dead.exists()
    store.close()


# --- what is offered ------------------------------------------------------------------


def test_a_live_run_before_a_dead_one_does_not_hide_it(tmp_path: Path) -> None:
    alive = RecoveryStore(tmp_path, name="100-alive")
    alive.write(content.new_session("Alive", ["A"]), None)
    (tmp_path / "150-nofile.lock").write_text("")  # a run killed before its first change
    crashed(tmp_path, "200-dead", "Dead")
    store = RecoveryStore(tmp_path)
    assert [e.title for e in store.orphans()] == ["Dead"]
    assert not (tmp_path / "150-nofile.lock").exists()
    store.release_claims()
    alive.close()


def test_hidden_and_damaged_names_are_never_offered(tmp_path: Path) -> None:
    (tmp_path / ".7-hidden.json").write_text("{")
    (tmp_path / "8-old.damaged.json").write_text("{")
    assert RecoveryStore(tmp_path).orphans() == []


def test_a_lock_that_cannot_be_opened_is_not_offered(tmp_path: Path) -> None:
    (tmp_path / "5-odd.json").write_text("{")
    (tmp_path / "5-odd.lock").mkdir()  # nobody can tell whether its run is alive
    assert RecoveryStore(tmp_path).orphans() == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_discarding_lets_go_of_the_lock(tmp_path: Path) -> None:
    crashed(tmp_path, "6-dead")
    store = RecoveryStore(tmp_path)
    before = len(os.listdir("/proc/self/fd"))
    [entry] = store.orphans()
    store.discard(entry)
    assert len(os.listdir("/proc/self/fd")) == before


def test_an_entry_read_directly_can_be_set_aside(tmp_path: Path) -> None:
    (tmp_path / "5-bad.json").write_text("{")
    entry = read_entry("5-bad", tmp_path / "5-bad.json")
    assert RecoveryStore(tmp_path).discard(entry) == tmp_path / "5-bad.damaged.json"
    assert os.listdir(tmp_path) == ["5-bad.damaged.json"]


def test_glob_characters_in_a_name_remove_only_its_own_temps(tmp_path: Path) -> None:
    dead = crashed(tmp_path, "7-x[1]")
    mine = tmp_path / ".7-x[1].json.abc.tmp"
    other = tmp_path / ".7-x1.json.abc.tmp"  # what "[1]" would match as a pattern
    mine.write_text("{")
    other.write_text("{")
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    assert entry.name == dead.name
    store.discard(entry)
    assert os.listdir(tmp_path) == [other.name]


# --- setting aside ----------------------------------------------------------------------


def test_damaged_names_count_up(tmp_path: Path) -> None:
    assert damaged_name(tmp_path, "1-x") == tmp_path / "1-x.damaged.json"
    (tmp_path / "1-x.damaged.json").write_text("")
    assert damaged_name(tmp_path, "1-x") == tmp_path / "1-x-2.damaged.json"
    (tmp_path / "1-x-2.damaged.json").write_text("")
    assert damaged_name(tmp_path, "1-x") == tmp_path / "1-x-3.damaged.json"
    (tmp_path / "1-x-3.damaged.json").symlink_to("nowhere")  # a link counts as taken
    assert damaged_name(tmp_path, "1-x") == tmp_path / "1-x-4.damaged.json"


def test_without_hard_links_a_damaged_file_is_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(recovery.os, "link", no_links)
    (tmp_path / "5-bad.json").write_text("{")
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    assert store.set_aside(entry) == tmp_path / "5-bad.damaged.json"
    assert (tmp_path / "5-bad.damaged.json").read_text() == "{"
    assert sorted(os.listdir(tmp_path)) == ["5-bad.damaged.json"]


def test_a_file_that_cannot_be_set_aside_stays_and_is_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def taken(src: object, dst: object) -> None:  # another run takes the name meanwhile
        Path(str(dst)).write_text("theirs")
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(recovery.os, "link", taken)
    (tmp_path / "5-bad.json").write_text("{")
    entry = read_entry("5-bad", tmp_path / "5-bad.json")
    with caplog.at_level(logging.WARNING, logger="coprod_desktop.files.recovery"):
        kept = RecoveryStore(tmp_path).set_aside(entry)
    assert kept == tmp_path / "5-bad.json" and kept.read_text() == "{"
    assert (tmp_path / "5-bad.damaged.json").read_text() == "theirs"
    [record] = caplog.records
    assert record.getMessage() == f"cannot set aside {kept}" and record.exc_info


def test_a_file_that_cannot_be_removed_is_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = RecoveryStore(tmp_path)
    store.start()
    store.path.mkdir()  # os.unlink refuses a folder
    with caplog.at_level(logging.WARNING, logger="coprod_desktop.files.recovery"):
        store.remove()
    [record] = caplog.records
    assert record.levelno == logging.WARNING and record.exc_info
    assert record.getMessage() == f"cannot remove {store.path}"
    store.path.rmdir()
    store.close()


# --- reading a recovery file: the problems it names ---------------------------------------


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"format": "other"}', "format: not a coprod-desktop recovery file"),
        ("[1]", "format: not a coprod-desktop recovery file"),
        (
            '{"format": "coprod-recovery", "recovery_version": 2}',
            "recovery_version: made by another version of coprod-desktop",
        ),
        (
            '{"format": "coprod-recovery", "recovery_version": 1, "session": {"format": "x"}}',
            "session.format: not a coprod-desktop session",
        ),
    ],
)
def test_problems_name_the_field(tmp_path: Path, text: str, problem: str) -> None:
    assert problem_of(tmp_path, text).startswith(problem)


def test_a_session_problem_without_a_field_is_the_sessions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(data: object) -> None:
        raise recovery.SessionFormatError("no session here")

    monkeypatch.setattr(recovery, "session_from_dict", unreadable)
    text = '{"format": "coprod-recovery", "recovery_version": 1}'
    assert problem_of(tmp_path, text) == "session: no session here"


def test_a_missing_file_says_what_the_system_said(tmp_path: Path) -> None:
    entry = read_entry("1-x", tmp_path / "1-x.json")
    assert entry.problem == "cannot read the file (No such file or directory)"


def test_the_size_limit_is_a_session_plus_a_megabyte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(recovery, "MAX_FILE_BYTES", 1000)
    limit = 1000 + 1024 * 1024
    at_limit = '{"format": "other"}'.ljust(limit)
    assert problem_of(tmp_path, at_limit).startswith("format:")  # read, then refused
    assert problem_of(tmp_path, at_limit + " ") == "the file is too large"


def test_odd_time_and_origin_fields_are_left_out(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(content.new_session("T", ["A"]), None)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    store.close()
    for saved_at, original in [(5, 5), (None, ""), (["x"], ["y"])]:
        path = tmp_path / "1-x.json"
        path.write_text(json.dumps({**data, "saved_at": saved_at, "original_path": original}))
        entry = read_entry("1-x", path)
        assert entry.ok and entry.saved_at == "" and entry.original_path is None
        assert describe(entry)[1] == "Autosaved an unknown time"
        assert describe(entry)[3] == "Never saved to a file"


def test_an_untitled_session_is_described_so() -> None:
    entry = RecoveryEntry("1-x", Path("1-x.json"), session=content.new_session("", ["A"]))
    entry.groups = [("  Red \n table ", 0)]
    lines = describe(entry)
    assert lines[0] == "Untitled session"
    assert lines[2] == "Groups: Red table (0 cards)"


def test_saved_at_is_shown_in_local_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        assert format_saved_at("2026-03-14T10:30:00+00:00") == "14 March 2026, 11:30"
        assert format_saved_at("2026-03-14T10:30:00") == "14 March 2026, 10:30"  # as written
    finally:
        monkeypatch.undo()
        time.tzset()
