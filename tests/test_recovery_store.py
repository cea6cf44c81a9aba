"""The recovery folder: one file per running instance, locks that tell live runs from dead
ones, and the left-over files a crashed run offers (title, time, groups, original path)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.domain.model import Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.recovery import (
    RecoveryError,
    RecoveryStore,
    describe,
    format_saved_at,
    read_entry,
)
from coprod_desktop.files.session_file import session_to_json

ROOT = Path(__file__).resolve().parent.parent


def a_session(title: str = "Morning workshop") -> Session:
    s = content.new_session(title, ["Table 1", "Table 2"])
    s.place("g1", s.deck.cards[0].id, s.board.regions[0].id)
    s.place("g1", s.deck.cards[1].id, s.board.regions[1].id)
    s.place("g2", s.deck.cards[2].id, s.board.regions[0].id)
    return s


def crashed(folder: Path, session: Session, original: Path | None = None) -> RecoveryStore:
    """A store whose run ended without closing: files stay, the lock is gone."""
    store = RecoveryStore(folder)
    store.start()
    store.write(session, original)
    store.abandon()
    return store


def test_each_instance_has_its_own_files(tmp_path: Path) -> None:
    one, two = RecoveryStore(tmp_path), RecoveryStore(tmp_path)
    one.start()
    two.start()
    assert one.name != two.name and str(os.getpid()) in one.name
    one.write(a_session("One"), None)
    two.write(a_session("Two"), None)
    assert one.path != two.path
    assert json.loads(one.path.read_text())["session"]["title"] == "One"
    assert json.loads(two.path.read_text())["session"]["title"] == "Two"
    # A live instance's file is never offered to another.
    assert one.orphans() == [] and two.orphans() == []
    assert RecoveryStore(tmp_path).orphans() == []
    one.close()
    two.close()
    assert os.listdir(tmp_path) == []


def test_the_wrapper_records_original_path_time_and_the_session(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "deep" / "recovery")  # created on start
    store.start()
    session = a_session()
    store.write(session, Path("relative/s.json"))
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["format"] == "coprod-recovery" and data["recovery_version"] == 1
    assert data["original_path"] == os.path.abspath("relative/s.json")
    assert data["pid"] == os.getpid()
    assert data["saved_at"].endswith("+00:00")
    # The session part is exactly what a session file holds.
    as_file = json.dumps(data["session"], ensure_ascii=False, indent=2) + "\n"
    assert as_file == session_to_json(session)
    store.close()


def test_a_crashed_run_is_offered_with_title_time_and_groups(tmp_path: Path) -> None:
    session = a_session()
    crashed(tmp_path, session, tmp_path / "work.json")
    survivor = RecoveryStore(tmp_path)
    survivor.start()
    [entry] = survivor.orphans()
    assert entry.ok and entry.problem == ""
    assert entry.session == session
    assert entry.title == "Morning workshop"
    assert entry.groups == [("Table 1", 2), ("Table 2", 1)]
    assert entry.original_path == tmp_path / "work.json"
    lines = describe(entry)
    assert lines[0] == "Morning workshop"
    assert lines[1].startswith("Autosaved ")
    assert lines[2] == "Groups: Table 1 (2 cards), Table 2 (1 card)"
    assert lines[3] == f"From: {tmp_path / 'work.json'}"
    survivor.close()


def test_an_offered_file_is_not_offered_to_a_third_instance_meanwhile(tmp_path: Path) -> None:
    crashed(tmp_path, a_session())
    first, second = RecoveryStore(tmp_path), RecoveryStore(tmp_path)
    assert len(first.orphans()) == 1
    assert second.orphans() == []  # first holds its lock while it asks
    first.release_claims()  # "decide later"
    assert len(second.orphans()) == 1
    second.release_claims()


def test_discard_removes_the_file_its_lock_and_temp_leftovers(tmp_path: Path) -> None:
    dead = crashed(tmp_path, a_session())
    leftover = tmp_path / f".{dead.name}.json.abc123.tmp"  # a kill in the middle of a write
    leftover.write_text("{")
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    store.discard(entry)
    assert os.listdir(tmp_path) == []
    assert RecoveryStore(tmp_path).orphans() == []


def test_a_lock_without_a_file_is_cleaned_up(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.start()
    store.abandon()  # crashed before the first change: nothing to offer
    assert RecoveryStore(tmp_path).orphans() == []
    assert os.listdir(tmp_path) == []


def test_a_file_without_a_lock_is_offered(tmp_path: Path) -> None:
    dead = crashed(tmp_path, a_session())
    dead.lock_path.unlink()
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    assert entry.ok
    assert RecoveryStore(tmp_path).orphans() == []  # claimed by store meanwhile
    store.discard(entry)
    assert os.listdir(tmp_path) == []


def test_clean_close_leaves_nothing(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path)
    store.write(a_session(), None)  # starts on first write
    assert store.started
    store.remove()
    assert not store.path.exists() and store.lock_path.exists()
    store.close()
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("contents", "problem"),
    [
        ("{", "not valid JSON"),
        ('{"format": "other"}', "not a coprod-desktop recovery file"),
        ('{"format": "coprod-recovery", "recovery_version": 9}', "another version"),
        (
            '{"format": "coprod-recovery", "recovery_version": 1, "session": {"format": "x"}}',
            "session.format",
        ),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_a_damaged_file_is_listed_with_its_problem_and_can_be_set_aside(
    tmp_path: Path, contents: str | bytes, problem: str
) -> None:
    path = tmp_path / "123-dead.json"
    if isinstance(contents, bytes):
        path.write_bytes(contents)
    else:
        path.write_text(contents)
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    assert not entry.ok and entry.session is None
    assert problem in entry.problem
    assert describe(entry)[0] == f"Cannot be restored: {entry.problem}"
    kept = store.set_aside(entry)
    assert kept.name == "123-dead.damaged.json" and kept.exists()
    assert RecoveryStore(tmp_path).orphans() == []  # never offered again, never deleted


def test_read_entry_of_a_missing_file_is_a_problem_not_an_exception(tmp_path: Path) -> None:
    entry = read_entry("x", tmp_path / "x.json")
    assert not entry.ok and "cannot read" in entry.problem


def test_an_unusable_folder_is_a_recovery_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(RecoveryError, match="cannot use"):
        RecoveryStore(blocker / "recovery").start()


def test_writing_into_a_vanished_folder_raises_oserror(tmp_path: Path) -> None:
    store = RecoveryStore(tmp_path / "r")
    store.start()
    store.folder = tmp_path / "gone"  # as if the folder went away after start-up
    with pytest.raises(OSError):
        store.write(a_session(), None)
    store.folder = tmp_path / "r"
    store.close()


def test_format_saved_at() -> None:
    assert format_saved_at("not a time") == "not a time"
    assert format_saved_at("") == "an unknown time"
    assert format_saved_at("2026-03-14T10:30:00") == "14 March 2026, 10:30"
    assert "2026" in format_saved_at("2026-03-14T10:30:00+00:00")


def test_a_killed_process_leaves_a_file_that_is_offered(tmp_path: Path) -> None:
    """Real death: SIGKILL releases the lock; the survivor offers what was written."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from coprod_desktop.files import builtin as content\n"
        "from coprod_desktop.files.recovery import RecoveryStore\n"
        "s = content.new_session('Killed run', ['A'])\n"
        "store = RecoveryStore(Path(sys.argv[1]))\n"
        "store.write(s, None)\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "written"
        assert RecoveryStore(tmp_path).orphans() == []  # alive: not offered
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    store = RecoveryStore(tmp_path)
    [entry] = store.orphans()
    assert entry.title == "Killed run" and entry.name.startswith(f"{child.pid}-")
    store.discard(entry)


def test_the_recovery_module_loads_no_qt() -> None:
    code = "import coprod_desktop.files.recovery, sys; print('PySide6' in sys.modules)"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr


def test_two_left_over_files_are_offered_newest_first(tmp_path: Path) -> None:
    """Whatever order the folder lists them in: the newer one is named first here."""
    times = {"100-aaaa": "2026-03-14T09:00:00+00:00", "200-bbbb": "2026-03-14T11:30:00+00:00"}
    for name, saved_at in times.items():  # the older run's name sorts first
        store = RecoveryStore(tmp_path, name=name)
        store.start()
        store.write(a_session(f"Run {name}"), None)
        store.abandon()
        data = json.loads(store.path.read_text(encoding="utf-8"))
        store.path.write_text(json.dumps({**data, "saved_at": saved_at}), encoding="utf-8")
    offered = RecoveryStore(tmp_path).orphans()
    assert [(e.name, e.title) for e in offered] == [
        ("200-bbbb", "Run 200-bbbb"),
        ("100-aaaa", "Run 100-aaaa"),
    ]
