"""files/file_checks.py on its own: what a path is, where a write through links lands,
and reading only regular files. Messages are what the user reads. No Qt, no subprocess.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from coprod_desktop.files import file_checks
from coprod_desktop.files.file_checks import (
    MAX_LINKS,
    NotRegularFileError,
    kind_of,
    read_regular_bytes,
    write_target,
)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


@pytest.mark.parametrize(
    ("mode", "kind"),
    [
        (stat.S_IFREG | 0o644, ""),
        (stat.S_IFDIR | 0o755, "a folder"),
        (stat.S_IFIFO | 0o600, "a named pipe"),
        (stat.S_IFCHR | 0o600, "a device"),
        (stat.S_IFBLK | 0o600, "a device"),
        (stat.S_IFSOCK | 0o600, "a socket"),
        (stat.S_IFLNK | 0o777, "a symbolic link"),
        (0, "not a regular file"),
    ],
)
def test_kind_of(mode: int, kind: str) -> None:
    assert kind_of(mode) == kind


def test_a_missing_file_is_its_own_target(tmp_path: Path) -> None:
    assert write_target(tmp_path / "new.json") == tmp_path / "new.json"
    assert write_target(str(tmp_path / "new.json")) == tmp_path / "new.json"


def test_a_regular_file_is_its_own_target(tmp_path: Path) -> None:
    (tmp_path / "s.json").write_text("{}")
    assert write_target(tmp_path / "s.json") == tmp_path / "s.json"


def test_links_relative_and_absolute_lead_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    real = tmp_path / "sub" / "real.json"
    real.write_text("{}")
    (tmp_path / "sub" / "rel").symlink_to("real.json")  # relative to the link's folder
    (tmp_path / "abs").symlink_to(tmp_path / "sub" / "rel")
    assert write_target(tmp_path / "abs") == real


def test_a_link_not_followed_is_the_target_itself(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("{}")
    (tmp_path / "link").symlink_to("real.json")
    assert write_target(tmp_path / "link", follow_symlinks=False) == tmp_path / "link"


def test_a_link_to_nowhere_names_the_file_to_create(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to("later.json")
    assert write_target(tmp_path / "link") == tmp_path / "later.json"


def test_a_path_through_a_file_is_left_to_the_write(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    assert write_target(tmp_path / "file" / "s.json") == tmp_path / "file" / "s.json"


def test_other_errors_are_not_hidden(tmp_path: Path) -> None:
    with pytest.raises(OSError) as caught:
        write_target(tmp_path / ("n" * 5000))
    assert caught.value.errno == errno.ENAMETOOLONG
    assert not isinstance(caught.value, NotRegularFileError)


def chain(tmp_path: Path, links: int) -> Path:
    (tmp_path / "end.json").write_text("{}")
    previous = "end.json"
    for i in range(links):
        (tmp_path / f"l{i}").symlink_to(previous)
        previous = f"l{i}"
    return tmp_path / previous


def test_a_chain_as_long_as_the_kernel_follows_is_followed(tmp_path: Path) -> None:
    assert write_target(chain(tmp_path, MAX_LINKS - 1)) == tmp_path / "end.json"


def test_a_longer_chain_is_a_loop(tmp_path: Path) -> None:
    start = chain(tmp_path, MAX_LINKS)
    with pytest.raises(NotRegularFileError) as caught:
        write_target(start)
    assert caught.value.errno == errno.ELOOP
    assert caught.value.filename == str(start)


def test_a_loop_says_so(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(NotRegularFileError) as caught:
        write_target(tmp_path / "a")
    assert caught.value.strerror == (
        "the symbolic links loop; nothing was written: choose another name"
    )
    assert caught.value.filename == str(tmp_path / "a")


def test_a_folder_is_not_written(tmp_path: Path) -> None:
    (tmp_path / "link").symlink_to(tmp_path)
    with pytest.raises(NotRegularFileError) as caught:
        write_target(tmp_path / "link")
    assert caught.value.errno == errno.EINVAL
    assert caught.value.strerror == (
        "it is a folder, not a regular file; nothing was written: choose another name"
    )
    assert caught.value.filename == str(tmp_path)  # the end of the links: what is refused


@needs_fifo
def test_a_pipe_is_not_written(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p")
    with pytest.raises(NotRegularFileError, match="it is a named pipe, not a regular file"):
        write_target(tmp_path / "p")


def test_reading_gives_at_most_one_byte_past_the_limit(tmp_path: Path) -> None:
    (tmp_path / "f").write_bytes(b"0123456789")
    assert read_regular_bytes(tmp_path / "f", 4) == b"01234"
    assert read_regular_bytes(str(tmp_path / "f"), 100) == b"0123456789"
    (tmp_path / "link").symlink_to("f")
    assert read_regular_bytes(tmp_path / "link", 2) == b"012"


def test_reading_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotRegularFileError) as caught:
        read_regular_bytes(tmp_path, 10)
    assert caught.value.strerror == (
        "it is a folder, not a regular file; nothing was read: choose another name"
    )
    assert caught.value.filename == str(tmp_path)


@needs_fifo
def test_a_pipe_swapped_in_after_the_check_is_refused_without_waiting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The path looked like a file when checked, a pipe is there when opened: the open
    does not wait for a writer, and what was opened is refused."""
    (tmp_path / "f").write_text("{}")
    pipe = tmp_path / "p"
    os.mkfifo(pipe)
    real_stat = os.stat

    def looks_regular(path, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if Path(path) == pipe:
            return real_stat(tmp_path / "f")
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(file_checks.os, "stat", looks_regular)
    outcome: list[BaseException | bytes] = []

    def read() -> None:
        try:
            outcome.append(read_regular_bytes(pipe, 10))
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(2.0)
    if reader.is_alive():  # it waited for a writer: let it go, then fail
        with open(pipe, "wb"):
            pass
        reader.join(2.0)
        pytest.fail("opening the pipe waited for a writer")
    (error,) = outcome
    assert isinstance(error, NotRegularFileError) and error.filename == str(pipe)
    assert "it is a named pipe" in str(error.strerror) and "nothing was read" in str(error.strerror)
