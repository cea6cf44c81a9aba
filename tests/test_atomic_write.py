"""files/atomic_write.py on its own: what a write leaves on disk (the file, its mode, its
.bak, no temp files), and which temp files of killed saves are tidied. No Qt, no
subprocess: writers are told apart by the name a temp file carries.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import time
from pathlib import Path

import pytest

from coprod_desktop.files import atomic_write
from coprod_desktop.files.atomic_write import (
    STALE_TEMP_SECONDS,
    NotRegularFileError,
    atomic_write_bytes,
    atomic_write_text,
    copy_to_backup,
    remove_stale_temp_files,
    remove_stale_temp_files_in,
    temp_prefix,
    tidy_temp_files,
    writer_gone,
)

DEAD_PID = 2**22 + 12345  # above any pid_max: no such process


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


# --- writing ------------------------------------------------------------------------


def test_write_text_is_utf8_and_leaves_only_the_file(tmp_path: Path) -> None:
    atomic_write_text(tmp_path / "s.json", "Grüße ✓")
    assert (tmp_path / "s.json").read_bytes() == "Grüße ✓".encode()
    assert names(tmp_path) == ["s.json"]


def test_write_text_keeps_a_backup_only_when_asked_and_only_of_something(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    atomic_write_text(path, "one", keep_backup=True)
    assert names(tmp_path) == ["s.json"]  # nothing to back up
    atomic_write_text(path, "two")
    assert names(tmp_path) == ["s.json"]
    atomic_write_text(path, "three", keep_backup=True)
    assert (tmp_path / "s.json.bak").read_text() == "two" and path.read_text() == "three"


def test_write_text_through_a_link_backs_up_beside_the_real_file(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "s.json"
    real.write_text("old")
    (tmp_path / "link.json").symlink_to(real)
    atomic_write_text(tmp_path / "link.json", "new", keep_backup=True)
    assert (tmp_path / "link.json").is_symlink() and real.read_text() == "new"
    assert (tmp_path / "real" / "s.json.bak").read_text() == "old"
    assert names(tmp_path) == ["link.json", "real"]


def test_write_bytes_returns_what_it_wrote(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    (tmp_path / "link").symlink_to("real.json")
    assert atomic_write_bytes(tmp_path / "link", b"new") == real
    assert real.read_bytes() == b"new" and (tmp_path / "link").is_symlink()


def test_write_bytes_not_following_a_link_replaces_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    (tmp_path / "link").symlink_to("real.json")
    written = atomic_write_bytes(tmp_path / "link", b"new", follow_symlinks=False)
    assert written == tmp_path / "link"
    assert not written.is_symlink() and written.read_bytes() == b"new"
    assert real.read_bytes() == b"old"


def test_modes_kept_given_or_from_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"old")
    path.chmod(0o604)
    atomic_write_bytes(path, b"new")
    assert mode_of(path) == 0o604  # kept
    atomic_write_bytes(path, b"newer", mode=0o600)
    assert mode_of(path) == 0o600  # given
    old = os.umask(0o027)
    try:
        for umask, mode in [(0o027, 0o640), (0o022, 0o644), (0, 0o666)]:
            os.umask(umask)
            atomic_write_bytes(tmp_path / f"fresh{umask}.json", b"x")
            assert os.umask(umask) == umask  # asking for the umask put it back
            assert mode_of(tmp_path / f"fresh{umask}.json") == mode
    finally:
        os.umask(old)


def test_a_relative_name_writes_in_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert atomic_write_bytes(Path("plain.json"), b"x") == Path("plain.json")
    assert names(tmp_path) == ["plain.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"old")

    def no_room(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_write.os, "fsync", no_room)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(path, b"new")
    assert names(tmp_path) == ["s.json"] and path.read_bytes() == b"old"


def test_a_folder_is_not_written(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFileError):
        atomic_write_bytes(tmp_path, b"x")
    assert names(tmp_path) == []


# --- the backup ------------------------------------------------------------------------


def test_the_backup_has_the_files_mode(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"private")
    path.chmod(0o600)
    copy_to_backup(path)
    assert (tmp_path / "s.json.bak").read_bytes() == b"private"
    assert mode_of(tmp_path / "s.json.bak") == 0o600


def test_a_backup_name_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(b"session")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"keep me")
    (tmp_path / "s.json.bak").symlink_to(elsewhere)
    copy_to_backup(path)
    assert not (tmp_path / "s.json.bak").is_symlink()
    assert (tmp_path / "s.json.bak").read_bytes() == b"session"
    assert elsewhere.read_bytes() == b"keep me"


def test_no_backup_of_a_missing_file_or_a_pipe_and_no_error(tmp_path: Path) -> None:
    copy_to_backup(tmp_path / "missing.json")
    os.mkfifo(tmp_path / "pipe")
    copy_to_backup(tmp_path / "pipe")  # never opened: it would wait for a writer
    assert names(tmp_path) == ["pipe"]


# --- temp files: whose they are ---------------------------------------------------------


def test_a_temp_name_says_which_process_on_which_host_and_boot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_write, "this_host", lambda: "workshop-laptop")
    monkeypatch.setattr(atomic_write, "boot_id", lambda: "0A1B2C3D-4E5F-6789")
    host = hashlib.sha256(b"workshop-laptop").hexdigest()[:6]
    assert temp_prefix(tmp_path / "s.json") == f".s.json.{os.getpid()}-{host}-0a1b2c3d."


def test_the_temp_file_is_named_for_its_writer_beside_the_target(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    renamed: list[tuple[str, Path]] = []
    real_replace = os.replace

    def replace(src: str, dst: Path) -> None:
        renamed.append((str(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(atomic_write.os, "replace", replace)
    atomic_write_bytes(tmp_path / "s.json", b"x")
    [(temp, target)] = renamed
    assert target == tmp_path / "s.json" and Path(temp).parent == tmp_path
    prefix = temp_prefix(target)
    assert Path(temp).name.startswith(prefix) and temp.endswith(".tmp")
    assert len(Path(temp).name) > len(prefix) + len(".tmp")  # and something random


def test_a_host_name_that_is_not_utf8_still_names_temps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(atomic_write, "this_host", lambda: "salle-\udce9")  # b"salle-\xe9"
    host = hashlib.sha256(b"salle-\xe9").hexdigest()[:6]
    assert f"-{host}-" in temp_prefix(tmp_path / "s.json")


@pytest.mark.parametrize(
    ("boot", "tag"), [("", "00000000"), ("ab-c", "abc00000"), ("12345678-9abc", "12345678")]
)
def test_a_short_or_missing_boot_id_is_padded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, boot: str, tag: str
) -> None:
    monkeypatch.setattr(atomic_write, "boot_id", lambda: boot)
    assert temp_prefix(tmp_path / "s.json").endswith(f"-{tag}.")


def named(pid: int, host: str | None = None, boot: str | None = None) -> str:
    mine = temp_prefix(Path("s.json"))
    _pid, my_host, my_boot = mine[len(".s.json.") : -1].split("-")
    return f".s.json.{pid}-{host or my_host}-{boot or my_boot}.x1y2.tmp"


def other(tag: str) -> str:
    return ("1" if tag[0] == "0" else "0") + tag[1:]


RUNNING_PID = 4_000_000  # a stand-in for another process that runs


@pytest.fixture(autouse=True)
def processes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only RUNNING_PID and this process exist, and no signal is ever sent for real."""

    def kill(pid: int, sig: int) -> None:
        assert sig == 0, "only asks whether the process exists"
        if pid not in (RUNNING_PID, os.getpid()):
            raise ProcessLookupError(3, "No such process")

    monkeypatch.setattr(atomic_write.os, "kill", kill)


@pytest.fixture
def known_boot(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_write, "boot_id", lambda: "c0ffee00-1234")


def test_writer_gone(known_boot: None) -> None:
    mine = temp_prefix(Path("s.json"))[len(".s.json.") : -1].split("-")
    assert writer_gone(named(DEAD_PID))  # this host and boot, no such process
    assert not writer_gone(named(os.getpid()))  # this process: maybe another thread
    assert not writer_gone(named(RUNNING_PID))  # a process that runs
    assert not writer_gone(named(0))
    assert not writer_gone(named(DEAD_PID, host=other(mine[1])))  # another computer's
    assert writer_gone(named(os.getpid(), boot=other(mine[2])))  # before the last boot
    assert not writer_gone(".s.json.x1y2.tmp")  # an old name: nobody can tell
    assert not writer_gone(named(DEAD_PID)[:-4])  # not a temp file


def test_without_a_boot_id_only_the_pid_tells(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(atomic_write, "boot_id", lambda: "")
    assert not writer_gone(named(os.getpid(), boot="c0ffee00"))
    assert writer_gone(named(DEAD_PID, boot="c0ffee00"))


def test_a_process_of_someone_else_is_not_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_allowed(_pid: int, _sig: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(atomic_write.os, "kill", not_allowed)
    assert not writer_gone(named(DEAD_PID))


# --- temp files: which are removed -----------------------------------------------------


def leave(folder: Path, name: str, age: float = 0.0) -> Path:
    path = folder / name
    path.write_text("partial")
    if age:
        when = time.time() - age
        os.utime(path, (when, when))
    return path


def test_a_dead_writers_temp_goes_at_once_beside_its_file_only(
    tmp_path: Path, known_boot: None
) -> None:
    dead = leave(tmp_path, named(DEAD_PID))
    live = leave(tmp_path, named(RUNNING_PID))
    other_file = leave(tmp_path, named(DEAD_PID).replace(".s.json.", ".t.json."))
    assert remove_stale_temp_files(tmp_path / "s.json") == [dead]
    assert names(tmp_path) == sorted([live.name, other_file.name])


def test_an_unknown_writers_temp_goes_after_ten_minutes(tmp_path: Path) -> None:
    old = leave(tmp_path, ".s.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    young = leave(tmp_path, ".s.json.efgh.tmp", age=STALE_TEMP_SECONDS - 60)
    assert remove_stale_temp_files(tmp_path / "s.json") == [old]
    assert names(tmp_path) == [young.name]


def test_the_age_rule_at_its_edge(tmp_path: Path) -> None:
    leftover = leave(tmp_path, ".s.json.abcd.tmp")
    made = leftover.stat().st_mtime
    assert remove_stale_temp_files(tmp_path / "s.json", now=made + STALE_TEMP_SECONDS) == []
    assert remove_stale_temp_files(tmp_path / "s.json", now=made + STALE_TEMP_SECONDS + 1) == [
        leftover
    ]


def test_a_name_with_glob_characters_finds_its_own_temps(tmp_path: Path) -> None:
    mine = leave(tmp_path, ".s[1].json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    leave(tmp_path, ".s1.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    assert remove_stale_temp_files(tmp_path / "s[1].json") == [mine]


def test_what_is_not_a_regular_file_is_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = leave(tmp_path, ".s.json.0.tmp", age=STALE_TEMP_SECONDS + 60)
    (tmp_path / ".s.json.dir.tmp").mkdir()
    (tmp_path / ".s.json.link.tmp").symlink_to(tmp_path / "s.json")
    real_glob = Path.glob

    def file_last(self: Path, pattern: str):  # noqa: ANN202 - the file after the others
        yield from sorted(real_glob(self, pattern), key=lambda p: p.name == old.name)

    monkeypatch.setattr(Path, "glob", file_last)
    assert remove_stale_temp_files(tmp_path / "s.json", now=time.time() + 3600) == [old]
    assert names(tmp_path) == [".s.json.dir.tmp", ".s.json.link.tmp"]


def test_tidying_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    leave(tmp_path, ".s.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    stuck = leave(tmp_path, ".s.json.efgh.tmp", age=STALE_TEMP_SECONDS + 60)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self.name == ".s.json.abcd.tmp":
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    assert remove_stale_temp_files(tmp_path / "s.json") == [stuck]  # the next one still goes

    def unreadable(self: Path, pattern: str):  # noqa: ANN202 - lazy, as Path.glob is
        raise PermissionError(13, "Permission denied")
        yield self

    monkeypatch.setattr(Path, "glob", unreadable)
    assert remove_stale_temp_files(tmp_path / "s.json") == []
    assert remove_stale_temp_files_in(tmp_path) == []


def test_the_recovery_folder_is_tidied_of_every_temp(tmp_path: Path) -> None:
    a = leave(tmp_path, ".a.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    b = leave(tmp_path, ".b.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    leave(tmp_path, "c.tmp", age=STALE_TEMP_SECONDS + 60)  # not a hidden temp: not ours
    young = leave(tmp_path, ".d.json.abcd.tmp")
    assert sorted(remove_stale_temp_files_in(tmp_path)) == [a, b]
    assert remove_stale_temp_files_in(tmp_path, now=time.time() + 3600) == [young]


def test_opening_tidies_beside_the_real_file(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "s.json").write_text("{}")
    (tmp_path / "link.json").symlink_to(tmp_path / "real" / "s.json")
    old = leave(tmp_path / "real", ".s.json.abcd.tmp", age=STALE_TEMP_SECONDS + 60)
    assert tidy_temp_files(tmp_path / "link.json") == [old]
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    assert tidy_temp_files(tmp_path / "a") == []  # a loop: nothing to tidy, no error


def test_a_write_tidies_dead_writers_temps(tmp_path: Path, known_boot: None) -> None:
    leave(tmp_path, named(DEAD_PID))
    atomic_write_bytes(tmp_path / "s.json", b"x")
    assert names(tmp_path) == ["s.json"]
    assert re.fullmatch(
        r"\.s\.json\.\d+-[0-9a-f]{6}-[0-9a-f]{8}\.", temp_prefix(tmp_path / "s.json")
    )
