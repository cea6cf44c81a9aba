"""Atomic writes: a temporary file in the same folder, fsync, rename over the target, the
previous version kept as FILE.bak on request; temp files a killed save left are tidied. No Qt.

A temporary file is named `.NAME.<pid>-<host>-<boot>.XXXXXXXX.tmp` (host: 6 hex digits of
a hash of the host name; boot: the first 8 of the boot id), so a later run can tell that
its writer is gone (this host, and another boot or no such process) and remove it at once
instead of waiting STALE_TEMP_SECONDS: every save does, and so does opening a file.

Every writer goes through atomic_write_bytes, which first asks write_target where the
bytes go: a symbolic link is followed, so the file it points to is replaced and the
link stays a link; something that is not a regular file (a named pipe, a device, a
folder, a socket) is refused with NotRegularFileError before it is opened, so a save
never hangs on a pipe nor turns /dev/null into a file. Readers that must not block on
a pipe use file_checks.read_regular_bytes.
"""

from __future__ import annotations

import glob
import hashlib
import os
import re
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from coprod_desktop.files.file_checks import NotRegularFileError, write_target
from coprod_desktop.files.session_lock import boot_id, this_host

__all__ = [
    "NotRegularFileError",
    "atomic_write_bytes",
    "atomic_write_text",
    "copy_to_backup",
    "remove_stale_temp_files",
    "temp_prefix",
    "tidy_temp_files",
    "write_target",
]


def atomic_write_text(target: Path, text: str, keep_backup: bool = False) -> None:
    real = write_target(target)
    if keep_backup and real.exists():
        copy_to_backup(real)
    atomic_write_bytes(real, text.encode("utf-8"))


def atomic_write_bytes(
    target: Path, data: bytes, mode: int | None = None, follow_symlinks: bool = True
) -> Path:
    """Write data to target atomically and return the path written (the link's target when
    target is a symbolic link and follow_symlinks); the file keeps its mode unless mode is
    given. NotRegularFileError (an OSError) when target is a pipe, device or folder."""
    target = write_target(target, follow_symlinks)
    folder = target.parent  # "." for a bare name
    file_mode = _file_mode(target) if mode is None else mode
    fd, tmp_name = tempfile.mkstemp(prefix=temp_prefix(target), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:  # closes fd on every path from here
            os.fchmod(handle.fileno(), file_mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_folder(folder)
    remove_stale_temp_files(target)
    return target


STALE_TEMP_SECONDS = 10 * 60
_WRITER = re.compile(r"\.(\d+)-([0-9a-f]{6})-([0-9a-f]{8})\.[^.]+\.tmp$")


def _host_tag(host: str) -> str:
    return hashlib.sha256(host.encode("utf-8", "surrogateescape")).hexdigest()[:6]


def _boot_tag() -> str:
    return (boot_id().replace("-", "").lower() + "0" * 8)[:8]


def temp_prefix(target: Path) -> str:
    """ ".NAME.<pid>-<host>-<boot>.": the start of a temporary file's name for target."""
    return f".{target.name}.{os.getpid()}-{_host_tag(this_host())}-{_boot_tag()}."


def writer_gone(temp_name: str) -> bool:
    """Whether the process that made this temporary file has certainly ended: it ran on this
    host, and before the last boot or under a pid that no longer exists. Unknown writers
    (an old name, another host, a pid that runs, this process) are not gone."""
    match = _WRITER.search(temp_name)
    if match is None:
        return False
    pid, host, boot = int(match[1]), match[2], match[3]
    if host != _host_tag(this_host()):
        return False  # a shared folder: another computer's save may be in progress
    mine = _boot_tag()
    if boot != mine and mine != "0" * 8:
        return True
    if pid == os.getpid() or pid <= 0:
        return False  # another thread of this process may be writing it now
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # someone else's process: it exists
    return False


def remove_stale_temp_files(target: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed save left beside target (".NAME.xxxx.tmp").

    A file whose writer is gone (see writer_gone) goes at once; any other only when older
    than STALE_TEMP_SECONDS: a younger one may belong to a save in progress in another
    instance. Returns what was removed; never raises.
    """
    folder = target.parent  # "." for a bare name
    return _remove_stale(folder.glob(f".{glob.escape(target.name)}.*.tmp"), now)


def remove_stale_temp_files_in(folder: Path, now: float | None = None) -> list[Path]:
    """The same for every ".*.tmp" in folder (the app's own recovery folder)."""
    return _remove_stale(folder.glob(".*.tmp"), now)


def _remove_stale(candidates: Iterator[Path], now: float | None) -> list[Path]:
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed = []
    try:
        leftovers = list(candidates)
    except OSError:
        return []
    for leftover in leftovers:
        try:
            info = leftover.lstat()
            if not stat.S_ISREG(info.st_mode):
                continue
            if writer_gone(leftover.name) or info.st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue  # tidying up must never fail a save
    return removed


def tidy_temp_files(path: Path) -> list[Path]:
    """On opening path: remove what killed saves of it left (beside the real file)."""
    try:
        real = write_target(path)
    except OSError:
        return []
    return remove_stale_temp_files(real)


def _file_mode(target: Path) -> int:
    """Keep an existing file's permissions; new files get the usual 0666 less umask."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def copy_to_backup(target: Path) -> None:
    """Keep the previous version as FILE.bak; the target itself is never missing.

    target is the real file (see write_target). A FILE.bak that is a symbolic link is
    replaced, never followed: the backup must not write somewhere else."""
    backup = target.with_name(target.name + ".bak")
    try:
        write_target(target)  # never read a pipe
        # The backup gets the target's mode: a private session must not leave a readable copy.
        atomic_write_bytes(
            backup, target.read_bytes(), mode=_file_mode(target), follow_symlinks=False
        )
    except OSError:
        pass  # a missing backup must not stop the save itself


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
