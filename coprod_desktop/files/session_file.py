"""Session files on disk: read (bounded, strict JSON), validate, migrate, save atomically.

The file format is a contract read by other tools (see README); its schema lives in
session_schema.py, the JSON rules in strict_json.py, safe writing in atomic_write.py.
No Qt here.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from pathlib import Path
from typing import Any

from coprod_desktop.domain.model import Session
from coprod_desktop.files.atomic_write import atomic_write_bytes, copy_to_backup, write_target
from coprod_desktop.files.disk_state import Fingerprint, fingerprint_of
from coprod_desktop.files.file_checks import read_regular_bytes
from coprod_desktop.files.session_schema import (
    SessionFormatError,
    session_from_dict,
    session_to_dict,
)
from coprod_desktop.files.strict_json import StrictJsonError, parse_strict_json

MAX_FILE_BYTES = 20 * 1024 * 1024


def load_session(path: str | os.PathLike[str]) -> Session:
    """Read and validate a session file; raises SessionFormatError, never anything else."""
    return load_session_file(path)[0]


def load_session_file(path: str | os.PathLike[str]) -> tuple[Session, Fingerprint]:
    """load_session, and the fingerprint of the bytes read (to notice a change on disk)."""
    p = Path(path)
    try:
        info = p.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SessionFormatError("cannot read the file (it is a folder)")
        if not stat.S_ISREG(info.st_mode):  # a pipe or a device could block or never end
            raise SessionFormatError("cannot read the file (not a regular file)")
        if info.st_size > MAX_FILE_BYTES:
            raise SessionFormatError(
                f"the file is {info.st_size / 1e6:.1f} MB; session files are at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB"
            )
        with p.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)  # bounded, even if the file grows meanwhile
            read_info = os.fstat(handle.fileno())
    except OSError as exc:
        raise SessionFormatError(f"cannot read the file ({exc.strerror or exc})") from exc
    return session_from_json(raw), fingerprint_of(raw, read_info)


def session_from_json(raw: bytes | str) -> Session:
    return session_from_dict(parse_json(raw))


def parse_json(raw: bytes | str) -> Any:
    """Strict JSON: UTF-8, no NaN/Infinity, no duplicate keys, bounded nesting."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise SessionFormatError("the file is larger than 20 MB")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SessionFormatError(f"not UTF-8 text (byte {exc.start})") from exc
    else:
        text = raw
    try:
        return parse_strict_json(text)
    except StrictJsonError as exc:
        raise SessionFormatError(str(exc)) from None


def session_to_json(session: Session) -> str:
    return json.dumps(session_to_dict(session), ensure_ascii=False, indent=2) + "\n"


def save_session(
    session: Session, path: str | os.PathLike[str], keep_backup: bool = True
) -> Fingerprint:
    """Write atomically: temp file in the same folder, fsync, rename over the target.

    Returns the fingerprint of the file as written. The previous file is kept as
    FILE.bak, but only when it differs: a file that already holds exactly these bytes
    is not written again, so an unchanged Save never replaces the .bak (which keeps
    the previous *different* version). Through a symbolic link, the file it points
    to is written (and its .bak kept beside it); a pipe, a device or a folder raises
    NotRegularFileError before anything is touched. On any failure the old file is
    intact and OSError propagates for the caller to report.
    """
    try:
        data = session_to_json(session).encode("utf-8")
    except UnicodeEncodeError as exc:  # a lone surrogate cannot be written as UTF-8
        raise OSError(errno.EINVAL, "a text in the session has an invalid character") from exc
    if len(data) > MAX_FILE_BYTES:  # it could not be opened again
        raise OSError(
            errno.EFBIG,
            f"the session is larger than {MAX_FILE_BYTES // 2**20} MB, "
            "the most a session file may be",
        )
    target = write_target(path)  # a link's file; a pipe or a device is refused here
    unchanged = _fingerprint_if_holding(target, data)
    if unchanged is not None:
        return unchanged
    if keep_backup and target.exists():
        copy_to_backup(target)
    written = atomic_write_bytes(target, data)
    return fingerprint_of(data, os.stat(written))


def _fingerprint_if_holding(target: Path, data: bytes) -> Fingerprint | None:
    """The target's fingerprint if it is a regular file holding exactly data, else None."""
    try:
        info = os.stat(target)
        if not stat.S_ISREG(info.st_mode) or info.st_size != len(data):
            return None
        if read_regular_bytes(target, len(data)) != data:
            return None
    except OSError:
        return None
    return fingerprint_of(data, info)
