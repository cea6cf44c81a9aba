"""What is at a path before the app writes or reads it: symbolic links followed, and
anything that is not a regular file refused before it is opened. No Qt.

A named pipe blocks whoever opens it until someone is at the other end, a device node
(as root) would be replaced by a regular file, and a folder cannot be a session; so
every writer asks write_target first, and readers use read_regular_bytes.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

MAX_LINKS = 40  # as the kernel: a longer chain is a loop


class NotRegularFileError(OSError):
    """The path is a pipe, a device, a socket, a folder or a loop of links: not written,
    not read. strerror says what it is, for the message."""


def kind_of(mode: int) -> str:
    """'a named pipe', 'a device', ... for a message ("" for a regular file)."""
    if stat.S_ISREG(mode):
        return ""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def _refuse(path: Path, kind: str, doing: str) -> NotRegularFileError:
    return NotRegularFileError(
        errno.EINVAL,
        f"it is {kind}, not a regular file; nothing was {doing}: choose another name",
        str(path),
    )


def write_target(path: str | os.PathLike[str], follow_symlinks: bool = True) -> Path:
    """The file a write to path replaces: the end of a chain of symbolic links (a link to
    nowhere gives the path it names, which the write creates), or path itself. Raises
    NotRegularFileError if what is there is not a regular file, and for a loop of links."""
    current = Path(path)
    for _ in range(MAX_LINKS):
        try:
            info = os.lstat(current)
        except FileNotFoundError:
            return current
        except OSError as exc:
            if exc.errno == errno.ENOTDIR:
                return current  # the write itself will say the folder is not one
            raise
        if stat.S_ISLNK(info.st_mode) and follow_symlinks:
            link = Path(os.readlink(current))
            current = link if link.is_absolute() else current.parent / link
            continue
        if stat.S_ISREG(info.st_mode) or stat.S_ISLNK(info.st_mode):
            return current  # a link itself only when it is not to be followed
        raise _refuse(current, kind_of(info.st_mode), "written")
    raise NotRegularFileError(
        errno.ELOOP, "the symbolic links loop; nothing was written: choose another name", str(path)
    )


def read_regular_bytes(path: str | os.PathLike[str], limit: int) -> bytes:
    """At most limit + 1 bytes of a regular file (the caller checks the size).

    A pipe, device, socket or folder raises NotRegularFileError without blocking: the
    path is checked before it is opened, and what was opened is checked again (it may
    have been swapped meanwhile; the open itself does not wait for a pipe's writer)."""
    p = Path(path)
    info = os.stat(p)
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(p, kind_of(info.st_mode), "read")
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    fd = os.open(p, flags)
    with os.fdopen(fd, "rb") as handle:
        opened = os.fstat(handle.fileno())
        if not stat.S_ISREG(opened.st_mode):
            raise _refuse(p, kind_of(opened.st_mode), "read")
        return handle.read(limit + 1)
