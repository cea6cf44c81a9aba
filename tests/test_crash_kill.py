"""Killed at any moment: a process that saves in a loop is SIGKILLed at random times, many
times over. The file on disk always loads, and it is exactly one of the versions that
process wrote (the old one or a new one), never a mixture; the same for recovery files."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coprod_desktop.domain.model import Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.recovery import RecoveryStore
from coprod_desktop.files.session_file import load_session, save_session

ROOT = Path(__file__).resolve().parent.parent
KILLS = 30
RECOVERY_KILLS = 10

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def base() -> Session:
    s = content.new_session("v0", ["Table 1", "Table 2"])
    s.created = "2026-03-14T10:30:00+00:00"
    cards = [c.id for c in s.deck.cards]
    regions = [r.id for r in s.board.regions]
    for i, card in enumerate(cards[:20]):
        s.place("g1", card, regions[i % len(regions)])
    s.place("g2", cards[0], regions[0])
    return s


def make_version(s: Session, n: int) -> Session:
    """Turn s into the n-th version: its size changes with n, so a torn write would show."""
    s.title = f"v{n}"
    s.set_note("g2", s.deck.cards[0].id, f"{n}:" + "ŵ" * (n * 37 % 4000))
    return s


def version(n: int) -> Session:
    return make_version(base(), n)


# Started once; forks one writer per kill, so each kill costs milliseconds, not a start-up.
ZYGOTE = """
import os, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from tests.test_crash_kill import base, make_version
from coprod_desktop.files.recovery import RecoveryStore
from coprod_desktop.files.session_file import save_session

session = base()
for line in sys.stdin:
    mode, target, first = line.split("\t")
    target, n = Path(target), int(first)
    pid = os.fork()
    if pid == 0:  # the writer: saves new versions until it is killed
        store = RecoveryStore(target) if mode == "recovery" else None
        print(f"ready {os.getpid()}", flush=True)
        while True:
            make_version(session, n)
            if store is None:
                save_session(session, target)
            else:
                store.write(session, None)
            n += 1
    _, status = os.waitpid(pid, 0)
    print(f"dead {pid} {status}", flush=True)
"""


@pytest.fixture(scope="module")
def zygote():
    child = subprocess.Popen(
        [sys.executable, "-c", ZYGOTE, str(ROOT)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    yield child
    assert child.stdin is not None
    child.stdin.close()
    child.wait(timeout=30)


def write_until_killed(
    zygote, mode: str, target: Path, first: int, rng: random.Random, most: float = 0.05
) -> int:
    """One writer process, killed with SIGKILL after a random time (up to most seconds);
    returns its pid."""
    zygote.stdin.write(f"{mode}\t{target}\t{first}\n")
    zygote.stdin.flush()
    ready, pid = zygote.stdout.readline().split()
    assert ready == "ready"
    time.sleep(rng.uniform(0.0, most))
    os.kill(int(pid), signal.SIGKILL)
    dead, dead_pid, status = zygote.stdout.readline().split()
    assert (dead, dead_pid) == ("dead", pid)
    assert os.WIFSIGNALED(int(status)) and os.WTERMSIG(int(status)) == signal.SIGKILL
    return int(pid)


def number_of(session: Session) -> int:
    assert session.title.startswith("v"), session.title
    return int(session.title[1:])


def test_a_session_file_survives_sigkill_at_random_moments(zygote, tmp_path: Path) -> None:
    rng = random.Random(6)
    path = tmp_path / "workshop.json"
    save_session(version(0), path)
    last = writes = 0
    started = time.perf_counter()
    # On a loaded machine a writer may not finish one save in 50 ms: after KILLS kills
    # with none completed, wait longer (doubling) so the test still sees kills both
    # during and between saves instead of failing on the machine's speed.
    delays = [0.05] * KILLS + [0.1 * 2**i for i in range(6)]
    for i, most in enumerate(delays):
        if i >= KILLS and writes > 0:
            break
        write_until_killed(zygote, "session", path, last + 1, rng, most)
        session = load_session(path)  # always loads ...
        n = number_of(session)
        assert session == version(n)  # ... and is exactly one whole version,
        assert n >= last  # the old one or a newer one
        writes += n - last
        last = n
        backup = path.with_name(path.name + ".bak")
        if backup.exists():
            assert load_session(backup) == version(number_of(load_session(backup)))
    names = {p.name for p in tmp_path.iterdir()} - {"workshop.json", "workshop.json.bak"}
    # A kill between creating and renaming the temporary file leaves it behind: hidden, harmless.
    assert all(name.startswith(".workshop.json.") and name.endswith(".tmp") for name in names)
    print(
        f"\n{KILLS} kills, {writes} completed saves, {len(names)} temp files left, "
        f"{time.perf_counter() - started:.1f} s"
    )
    assert writes > 0  # the kills did land while it was saving


def test_a_recovery_file_survives_sigkill_and_is_offered(zygote, tmp_path: Path) -> None:
    rng = random.Random(66)
    folder = tmp_path / "recovery"
    offered = 0
    delays = [0.05] * RECOVERY_KILLS + [0.1 * 2**i for i in range(6)]  # as above
    for k, most in enumerate(delays):
        if k >= RECOVERY_KILLS and offered > 0:
            break
        pid = write_until_killed(zygote, "recovery", folder, 1000 * (k + 1), rng, most)
        survivor = RecoveryStore(folder)
        entries = survivor.orphans()
        for entry in entries:  # killed before its first write: nothing to offer (lock cleaned)
            assert entry.ok, entry.problem
            assert entry.session == version(number_of(entry.session))
            assert entry.name.startswith(f"{pid}-")
            survivor.discard(entry)
            offered += 1
        assert not [p for p in folder.iterdir() if not p.name.startswith(".")]
    assert offered > 0
