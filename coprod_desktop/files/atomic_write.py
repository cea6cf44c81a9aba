"""Atomic writes: a temporary file in the same folder, fsync, rename over the target, the
previous version kept as FILE.bak on request; temp files a killed save left are tidied. No Qt.

Every writer goes through atomic_write_bytes, which first asks write_target where the
bytes go: a symbolic link is followed, so the file it points to is replaced and the
link stays a link; something that is not a regular file (a named pipe, a device, a
folder, a socket) is refused with NotRegularFileError before it is opened, so a save
never hangs on a pipe nor turns /dev/null into a file. Readers that must not block on
a pipe use file_checks.read_regular_bytes.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path

from coprod_desktop.files.file_checks import NotRegularFileError, write_target

__all__ = [
    "NotRegularFileError",
    "atomic_write_bytes",
    "atomic_write_text",
    "copy_to_backup",
    "remove_stale_temp_files",
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
    folder = target.parent if str(target.parent) else Path(".")
    file_mode = _file_mode(target) if mode is None else mode
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
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


def remove_stale_temp_files(target: Path, now: float | None = None) -> list[Path]:
    """Remove temporary files a killed save left beside target (".NAME.xxxx.tmp").

    Only files older than STALE_TEMP_SECONDS go: a younger one may belong to a save
    in progress in another instance. Returns what was removed.
    """
    folder = target.parent if str(target.parent) else Path(".")
    cutoff = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    removed = []
    for leftover in folder.glob(f".{glob.escape(target.name)}.*.tmp"):
        try:
            if leftover.is_file() and leftover.stat().st_mtime < cutoff:
                leftover.unlink()
                removed.append(leftover)
        except OSError:
            continue  # tidying up must never fail a save
    return removed


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
