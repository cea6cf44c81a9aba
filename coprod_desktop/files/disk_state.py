"""What a session file was when this window last read or wrote it: a fingerprint of
modification time, size and content hash, and whether the file changed since. No Qt.

Two windows (or two machines, or a sync tool) on one file: each remembers the
fingerprint of the bytes it read or wrote, and before a Save asks changed_on_disk.
A changed time or size alone is not a change (a `touch`, a copy that kept the bytes):
the content hash decides, so only a real change of the bytes makes Save ask.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

HASH_LIMIT = 64 * 1024 * 1024  # a larger file is not a session we wrote: it has changed


@dataclass(frozen=True, slots=True)
class Fingerprint:
    mtime_ns: int
    size: int
    sha256: str


class DiskState(Enum):
    SAME = "same"  # the bytes this window last read or wrote
    CHANGED = "changed"  # someone else wrote other bytes
    GONE = "gone"  # deleted, renamed away, or no longer a regular file


def fingerprint_of(data: bytes, info: os.stat_result) -> Fingerprint:
    """The fingerprint of bytes just read from (or written to) a file whose stat is info."""
    return Fingerprint(info.st_mtime_ns, info.st_size, hashlib.sha256(data).hexdigest())


def read_fingerprint(path: str | os.PathLike[str]) -> Fingerprint | None:
    """The fingerprint of the file at path now; None if it is missing or not a regular file."""
    p = Path(path)
    try:
        info = os.stat(p)
        if not stat.S_ISREG(info.st_mode):
            return None
        return Fingerprint(info.st_mtime_ns, info.st_size, _hash_file(p))
    except OSError:
        return None


def changed_on_disk(path: str | os.PathLike[str], known: Fingerprint) -> DiskState:
    """Whether the file at path still holds the bytes known describes.

    Same time and size: the same (cheap, no read). Otherwise the content hash decides."""
    try:
        info = os.stat(path)
    except OSError:
        return DiskState.GONE
    if not stat.S_ISREG(info.st_mode):
        return DiskState.GONE
    if info.st_mtime_ns == known.mtime_ns and info.st_size == known.size:
        return DiskState.SAME
    if info.st_size != known.size or info.st_size > HASH_LIMIT:
        return DiskState.CHANGED
    try:
        digest = _hash_file(Path(path))
    except OSError:
        return DiskState.GONE
    return DiskState.SAME if digest == known.sha256 else DiskState.CHANGED


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # O_NONBLOCK: a pipe swapped in meanwhile cannot hang us
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError("not a regular file")
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()
