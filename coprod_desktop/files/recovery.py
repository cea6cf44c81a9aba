"""Crash recovery files: where autosaves go, whose they are, and which are left over.

Pure Python, no Qt: the UI (ui/autosave.py) decides *when* to write; this module
decides *where* and *how*, and finds the files a crashed run left behind.

Layout of the recovery folder (the app passes QStandardPaths' AppDataLocation /
"recovery"; tests pass a temporary folder)::

    recovery/
      <pid>-<token>.lock    held with an OS file lock while that run is alive
      <pid>-<token>.json    its latest autosave (a wrapper, see below)
      <name>.damaged.json   a recovery file that could not be read, set aside (never
                            deleted; <name>-2.damaged.json if that name is taken)
      .<...>.tmp            a write in progress; one whose writer is gone is removed
                            when the next run starts

Every running instance has its own name: the process id plus a random token,
so two instances never write each other's files, even after a pid is reused.
Liveness is the lock, not the pid: the operating system releases a file lock
when its process ends in any way, SIGKILL and power loss included, so a
recovery file whose lock can be taken belongs to a run that did not close
cleanly. An instance that offers a left-over file keeps that file's lock while
it asks, so a third instance starting at the same time does not offer it too.

A recovery file is one JSON object, written atomically like a session::

    {"format": "coprod-recovery", "recovery_version": 1,
     "saved_at": "2026-03-14T10:30:00+00:00", "original_path": "/x/s.json" | null,
     "pid": 1234, "session": { ...the session, exactly as in a session file... }}

A wrapper rather than a sidecar: the session and where it came from are written
in one atomic step, so they can never disagree after a crash.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import secrets
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from coprod_desktop.domain.model import Session
from coprod_desktop.files.atomic_write import atomic_write_text, remove_stale_temp_files_in
from coprod_desktop.files.file_checks import read_regular_bytes
from coprod_desktop.files.message_text import shorten_message
from coprod_desktop.files.session_file import MAX_FILE_BYTES, parse_json
from coprod_desktop.files.session_schema import (
    SessionFormatError,
    session_from_dict,
    session_to_dict,
)

log = logging.getLogger(__name__)

RECOVERY_FORMAT = "coprod-recovery"
RECOVERY_VERSION = 1
LOCK_SUFFIX = ".lock"
DATA_SUFFIX = ".json"
DAMAGED_SUFFIX = ".damaged.json"
LOCK_TEMP_SECONDS = 60  # a lock file is renamed into place at once; older is a killed start


class RecoveryError(Exception):
    """The recovery folder cannot be used (not writable, or no file locks)."""


@dataclass(slots=True)
class RecoveryEntry:
    """A recovery file left by a run that is no longer alive."""

    name: str  # "<pid>-<token>"
    path: Path
    saved_at: str = ""
    original_path: Path | None = None
    title: str = ""
    groups: list[tuple[str, int]] = field(default_factory=list)  # (group name, cards placed)
    problem: str = ""  # why it cannot be restored, if it cannot
    session: Session | None = None

    @property
    def ok(self) -> bool:
        return self.session is not None


class RecoveryStore:
    """One running instance's recovery file, and the files dead instances left behind."""

    def __init__(self, folder: Path, name: str | None = None) -> None:
        self.folder = Path(folder)
        self.name = name or f"{os.getpid()}-{secrets.token_hex(4)}"
        self._lock_fd: int | None = None
        self._claimed: dict[str, int] = {}  # dead instances' locks we hold while offering

    # --- our own files -----------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.folder / f"{self.name}{DATA_SUFFIX}"

    @property
    def lock_path(self) -> Path:
        return self.folder / f"{self.name}{LOCK_SUFFIX}"

    @property
    def started(self) -> bool:
        return self._lock_fd is not None

    def start(self) -> None:
        """Create the folder and take this instance's lock; RecoveryError if impossible."""
        if self._lock_fd is not None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            # Lock under a temporary name, then rename: nobody ever sees our lock file unlocked.
            tmp = self.folder / f".{self.name}{LOCK_SUFFIX}.tmp"
            fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        except OSError as exc:
            raise RecoveryError(f"cannot use {self.folder} ({exc.strerror or exc})") from exc
        try:
            if not _try_lock(fd):
                raise RecoveryError(f"cannot lock {tmp}")
            os.write(fd, f"{os.getpid()}\n".encode())
            os.replace(tmp, self.lock_path)
        except (OSError, RecoveryError) as exc:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            if isinstance(exc, RecoveryError):
                raise
            raise RecoveryError(f"cannot use {self.folder} ({exc.strerror or exc})") from exc
        self._lock_fd = fd
        self._sweep_temp_files()

    def _sweep_temp_files(self) -> None:
        """Remove what killed writes left: autosaves whose writer is gone (atomic_write
        names the writer), and lock files of runs killed while starting (a live run
        holds its lock on them; only old ones are tried, so a run starting now keeps
        its own)."""
        removed = remove_stale_temp_files_in(self.folder)
        cutoff = time.time() - LOCK_TEMP_SECONDS
        for leftover in self.folder.glob(f".*{LOCK_SUFFIX}.tmp"):
            try:
                if leftover.lstat().st_mtime >= cutoff:
                    continue
                fd = os.open(leftover, os.O_RDWR)
            except OSError:
                continue
            try:
                if _try_lock(fd):
                    _unlink(leftover)
                    removed.append(leftover)
            finally:
                os.close(fd)
        if removed:
            log.info("removed %d temporary files of killed runs from %s", len(removed), self.folder)

    def write(self, session: Session, original_path: Path | None) -> Path:
        """Write the session as this instance's recovery file, atomically; OSError on failure."""
        if self._lock_fd is None:
            self.start()
        wrapper = {
            "format": RECOVERY_FORMAT,
            "recovery_version": RECOVERY_VERSION,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "original_path": str(Path(os.path.abspath(original_path))) if original_path else None,
            "pid": os.getpid(),
            "session": session_to_dict(session),
        }
        atomic_write_text(self.path, json.dumps(wrapper, ensure_ascii=False, indent=1) + "\n")
        return self.path

    def remove(self) -> None:
        """Forget the latest autosave (after a clean save, or when the session was discarded)."""
        _unlink(self.path)

    def close(self) -> None:
        """A clean exit: remove the recovery file, then the lock."""
        self.remove()
        self.release_claims()
        if self._lock_fd is not None:
            _unlink(self.lock_path)
            os.close(self._lock_fd)
            self._lock_fd = None

    def abandon(self) -> None:
        """Let go of the lock but leave every file: what a crash leaves behind (for tests)."""
        self.release_claims()
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None

    # --- files of runs that did not close cleanly ---------------------------------
    def orphans(self) -> list[RecoveryEntry]:
        """Recovery files of dead runs, newest first; their locks are held until released.

        Lock files without a recovery file (a run that crashed before its first
        change, or between the two deletions of a clean exit) are removed.
        """
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return []
        visible = [n for n in names if not n.startswith(".") and not n.endswith(DAMAGED_SUFFIX)]
        data = {n[: -len(DATA_SUFFIX)] for n in visible if n.endswith(DATA_SUFFIX)}
        locks = {n[: -len(LOCK_SUFFIX)] for n in visible if n.endswith(LOCK_SUFFIX)}
        entries = []
        for name in sorted(data | locks):
            if name == self.name or name in self._claimed:
                continue
            # Alive means locked: by its own run, or by another instance offering it now.
            if not self._claim(name, create=name not in locks):
                continue
            if name not in data:  # crashed before its first change: nothing to offer
                self._forget(name)
                continue
            entries.append(read_entry(name, self.folder / f"{name}{DATA_SUFFIX}"))
        entries.sort(key=lambda e: e.saved_at, reverse=True)
        return entries

    def discard(self, entry: RecoveryEntry) -> Path | None:
        """Delete a left-over recovery file and its lock (the user said so). One that
        cannot be read is never deleted: it is set aside (returns where it was kept)."""
        if not entry.ok:
            return self.set_aside(entry)
        _unlink(entry.path)
        self._forget(entry.name)
        return None

    def set_aside(self, entry: RecoveryEntry) -> Path:
        """Keep an unreadable recovery file under a name that is never offered again;
        an earlier NAME.damaged.json is never replaced."""
        target = damaged_name(self.folder, entry.name)
        try:
            os.link(entry.path, target)  # never over an existing file, unlike a rename
            os.unlink(entry.path)
        except OSError:
            try:  # a file system without hard links: no other run can take this name now
                if target.exists():
                    raise FileExistsError(target)
                os.rename(entry.path, target)
            except OSError:
                log.warning("cannot set aside %s", entry.path, exc_info=True)
                target = entry.path
        self._forget(entry.name)
        return target

    def release_claims(self) -> None:
        """Stop holding dead runs' locks: their files are offered again next time."""
        for name in list(self._claimed):
            self._release(name)

    def _forget(self, name: str) -> None:
        """Remove a dead run's lock and the temporary files a kill mid-write left."""
        for leftover in self.folder.glob(f".{glob.escape(name)}.*.tmp"):
            _unlink(leftover)
        _unlink(self.folder / f"{name}{LOCK_SUFFIX}")
        self._release(name)

    def _claim(self, name: str, *, create: bool) -> bool:
        flags = os.O_RDWR | (os.O_CREAT if create else 0)
        try:
            fd = os.open(self.folder / f"{name}{LOCK_SUFFIX}", flags, 0o600)
        except OSError:
            return False
        if not _try_lock(fd):
            os.close(fd)
            return False
        self._claimed[name] = fd
        return True

    def _release(self, name: str) -> None:
        fd = self._claimed.pop(name, None)
        if fd is not None:
            os.close(fd)


def damaged_name(folder: Path, name: str) -> Path:
    """Where set_aside keeps name's file: NAME.damaged.json, or NAME-2... if taken."""
    target = folder / f"{name}{DAMAGED_SUFFIX}"
    n = 2
    while os.path.lexists(target):
        target = folder / f"{name}-{n}{DAMAGED_SUFFIX}"
        n += 1
    return target


def read_entry(name: str, path: Path) -> RecoveryEntry:
    """Read a recovery file; a problem is recorded on the entry, never raised."""
    entry = RecoveryEntry(name=name, path=path)
    try:
        data = parse_json(_read_bounded(path))
        if not isinstance(data, dict) or data.get("format") != RECOVERY_FORMAT:
            raise SessionFormatError("not a coprod-desktop recovery file", "format")
        if data.get("recovery_version") != RECOVERY_VERSION:
            raise SessionFormatError(
                "made by another version of coprod-desktop", "recovery_version"
            )
        saved_at, original = data.get("saved_at"), data.get("original_path")
        entry.saved_at = saved_at if isinstance(saved_at, str) else ""
        entry.original_path = Path(original) if isinstance(original, str) and original else None
        try:
            session = session_from_dict(data.get("session"))
        except SessionFormatError as exc:
            where = f"session.{exc.where}" if exc.where else "session"
            raise SessionFormatError(exc.reason, where) from exc
    except SessionFormatError as exc:
        entry.problem = shorten_message(str(exc))  # a hostile file's value can be 1 MB long
        return entry
    entry.session = session
    entry.title = session.title
    entry.groups = [(g.name, len(g.placed_ids())) for g in session.groups]
    return entry


def _read_bounded(path: Path) -> str:
    """The file's text; a session at the size limit plus the wrapper still fits."""
    limit = MAX_FILE_BYTES + 1024 * 1024
    try:
        raw = read_regular_bytes(path, limit)  # a pipe named *.json must not hang start-up
    except OSError as exc:
        raise SessionFormatError(f"cannot read the file ({exc.strerror or exc})") from exc
    if len(raw) > limit:
        raise SessionFormatError("the file is too large")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionFormatError(f"not UTF-8 text (byte {exc.start})") from exc


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
    except OSError:
        log.warning("cannot remove %s", path, exc_info=True)


try:  # POSIX
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

except ImportError:  # pragma: no cover - Windows (not tested here)
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True


def format_saved_at(saved_at: str) -> str:
    """'14 March 2026, 10:30' in local time; the raw text if it is not a timestamp."""
    try:
        when = datetime.fromisoformat(saved_at)
    except ValueError:
        return saved_at or "an unknown time"
    if when.tzinfo is not None:
        when = when.astimezone()
    return f"{when.day} {when:%B %Y, %H:%M}"


def describe(entry: RecoveryEntry) -> list[str]:
    """Plain lines for the recovery dialog: title, time, groups, where it came from."""
    title = " ".join(entry.title.split()) or "Untitled session"
    if not entry.ok:
        return [f"Cannot be restored: {entry.problem}", f"File: {entry.path}"]
    groups = ", ".join(
        f"{' '.join(name.split())} ({n} card{'s' if n != 1 else ''})" for name, n in entry.groups
    )
    origin = f"From: {entry.original_path}" if entry.original_path else "Never saved to a file"
    return [title, f"Autosaved {format_saved_at(entry.saved_at)}", f"Groups: {groups}", origin]
