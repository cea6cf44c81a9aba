"""Atomic writes: a temporary file in the same folder, fsync, rename over the target, the
previous version kept as FILE.bak on request; temp files a killed save left are tidied. No Qt."""

from __future__ import annotations

import glob
import os
import tempfile
import time
from pathlib import Path


def atomic_write_text(target: Path, text: str, keep_backup: bool = False) -> None:
    if keep_backup and target.exists():
        copy_to_backup(target)
    atomic_write_bytes(target, text.encode("utf-8"))


def atomic_write_bytes(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write data to target atomically; the file keeps target's mode unless mode is given."""
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
    """Keep the previous version as FILE.bak; the target itself is never missing."""
    backup = target.with_name(target.name + ".bak")
    try:
        # The backup gets the target's mode: a private session must not leave a readable copy.
        atomic_write_bytes(backup, target.read_bytes(), mode=_file_mode(target))
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
