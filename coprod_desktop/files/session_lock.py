"""Which running copy of the app has a session file open: a lock file beside it. No Qt.

For FILE.json the lock is `.~lock.FILE.json#` in the same folder (beside the real file
when FILE.json is a symbolic link), as office suites do. It holds one JSON object::

    {"format": "coprod-lock", "pid": 1234, "host": "laptop", "user": "sam",
     "token": "9f3a...", "boot": "<boot id>", "opened_at": "2026-03-14T10:30:00+00:00"}

It is advice, not an OS lock: it tells a second window "someone has this open" so it
can offer read-only or a copy. A lock whose writer is gone is stale and is replaced
without a question: on this host, a pid that no longer runs, a different boot, or this
very process holding no such lock; a lock from another host cannot be checked and
counts as held. A lock file that cannot be read is treated as stale. If the lock
cannot be written (a read-only folder), the file is still opened: a lock never stops
work. Removed on a clean close; a lock that is not ours is never removed.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import logging
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from coprod_desktop.files.file_checks import read_regular_bytes, write_target

log = logging.getLogger(__name__)

LOCK_FORMAT = "coprod-lock"
MAX_LOCK_BYTES = 4096
BOOT_ID_FILE = Path("/proc/sys/kernel/random/boot_id")

# The tokens of the locks this process holds now: a lock naming this pid but another
# token belongs to a run that ended (its pid reused by us) or to another window here.
_held: dict[str, SessionLock] = {}


@dataclass(frozen=True, slots=True)
class LockOwner:
    pid: int
    host: str
    user: str = ""
    token: str = ""
    boot: str = ""
    opened_at: str = ""

    def describe(self) -> str:
        """'sam on laptop (process 1234), since 14 March 10:30' for a message."""
        who = f"{self.user} on {self.host}" if self.user else self.host or "another computer"
        if self.pid == os.getpid() and self.host == this_host():
            who = "another window of this program"
        return f"{who} (process {self.pid})"


def this_host() -> str:
    return socket.gethostname()


def boot_id() -> str:
    try:
        return BOOT_ID_FILE.read_text(encoding="ascii").strip()
    except OSError:
        return ""


def lock_path(path: str | os.PathLike[str]) -> Path:
    """`.~lock.NAME#` beside the file path names (the link's target for a link)."""
    try:
        real = write_target(path)
    except OSError:
        real = Path(path)
    real = Path(os.path.abspath(real))
    return real.with_name(f".~lock.{real.name}#")


def read_owner(path: str | os.PathLike[str]) -> LockOwner | None:
    """Who the lock beside path names; None when there is no lock or it cannot be read."""
    try:
        raw = read_regular_bytes(lock_path(path), MAX_LOCK_BYTES)
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != LOCK_FORMAT:
        return None
    pid, host = data.get("pid"), data.get("host")
    if not isinstance(pid, int) or isinstance(pid, bool) or not isinstance(host, str):
        return None
    text = {k: data.get(k) for k in ("user", "token", "boot", "opened_at")}
    return LockOwner(pid, host, **{k: v if isinstance(v, str) else "" for k, v in text.items()})


def is_alive(owner: LockOwner) -> bool:
    """Whether the run that wrote the lock may still be running."""
    if owner.host != this_host():
        return True  # another computer: cannot tell, so it counts
    if owner.boot and boot_id() and owner.boot != boot_id():
        return False  # written before this computer last started
    if owner.pid == os.getpid():
        return owner.token in _held
    if owner.pid <= 0:
        return False
    try:
        os.kill(owner.pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    except OSError:
        return False
    return True


def held_elsewhere(
    path: str | os.PathLike[str], mine: SessionLock | None = None
) -> LockOwner | None:
    """The live owner of path's lock, unless it is none, stale, or the lock mine; else None."""
    owner = read_owner(path)
    if owner is None or not is_alive(owner):
        return None
    if mine is not None and mine.written and owner.token == mine.owner.token:
        return None
    return owner


class LockedError(Exception):
    def __init__(self, owner: LockOwner) -> None:
        super().__init__(f"open in {owner.describe()}")
        self.owner = owner


class SessionLock:
    """This window's lock on one file; release() removes it if it is still ours."""

    def __init__(self, path: Path, owner: LockOwner, written: bool) -> None:
        self.path = path  # the session file
        self.owner = owner
        self.written = written  # False: the folder did not let us write one

    @property
    def lock_file(self) -> Path:
        return lock_path(self.path)

    def release(self) -> None:
        _held.pop(self.owner.token, None)
        if not self.written:
            return
        self.written = False
        current = read_owner(self.path)
        if current is None or current.token != self.owner.token:
            return  # someone replaced it: theirs now, leave it
        with contextlib.suppress(FileNotFoundError):
            try:
                os.unlink(self.lock_file)
            except OSError:
                log.warning("cannot remove the lock %s", self.lock_file, exc_info=True)


def acquire(path: str | os.PathLike[str]) -> SessionLock:
    """Lock path for this window. LockedError names the live owner if someone else has it;
    a stale lock is replaced. A lock that cannot be written still returns (written=False)."""
    p = Path(path)
    owner = LockOwner(
        pid=os.getpid(),
        host=this_host(),
        user=_user(),
        token=secrets.token_hex(8),
        boot=boot_id(),
        opened_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    target = lock_path(p)
    lock = SessionLock(p, owner, written=False)
    for _attempt in range(3):
        try:
            _create(target, owner)
        except FileExistsError:
            existing = read_owner(p)
            if existing is not None and is_alive(existing):
                raise LockedError(existing) from None
            log.info("replacing the stale lock %s (%s)", target, existing)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(target)
            continue
        except OSError as exc:
            log.warning("cannot write the lock %s (%s); opening without", target, exc)
            break
        lock.written = True
        break
    _held[owner.token] = lock
    return lock


def _create(target: Path, owner: LockOwner) -> None:
    """Create target holding owner, atomically and only if it does not exist: the data is
    written under a temporary name and hard-linked in (a reader never sees it half written);
    where links are not allowed, an exclusive create."""
    data = json.dumps({"format": LOCK_FORMAT, **_fields(owner)}) + "\n"
    tmp = target.with_name(f"{target.name}.{owner.token}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        try:
            os.link(tmp, target)
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            fd2 = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd2, "w", encoding="utf-8") as handle:
                handle.write(data)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _fields(owner: LockOwner) -> dict[str, object]:
    return {
        "pid": owner.pid,
        "host": owner.host,
        "user": owner.user,
        "token": owner.token,
        "boot": owner.boot,
        "opened_at": owner.opened_at,
    }


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is no reason to fail
        return ""
