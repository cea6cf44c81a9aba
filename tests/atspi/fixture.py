"""Start the app the way a screen-reader user's desktop would, headless: a virtual X display
(Qt's AT-SPI bridge is not active on the offscreen platform), a private D-Bus session bus
(which activates at-spi-bus-launcher and at-spi2-registryd on demand), and the app on the
xcb platform with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1. The AT-SPI client runs as a separate
process under Debian's system python3 with pyatspi (client.py).

    with start_app(session_path, tmp_path) as app:
        tree = app.tree()                       # the accessible tree as nested dicts
        with app.listen(["object:announcement"]) as heard:
            app.send("place CARD REGION")       # see driver.py for the commands
        heard.events                            # what the client received

.ci/atspi-setup installs the system packages; without them, requirements_missing() names
what is missing and the tests skip.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
CLIENT = HERE / "client.py"
DRIVER = HERE / "driver.py"
SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
START_TIMEOUT = 30.0
SCREEN = "1600x1000x24"


def requirements_missing() -> str:
    """Empty when everything is here; else what is missing, for a skip reason."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if not Path(BUS_LAUNCHER).exists():
        missing.append("at-spi2-core")
    if not Path(SYSTEM_PYTHON).exists():
        missing.append(SYSTEM_PYTHON)
    else:
        probe = subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=30
        )
        if probe.returncode != 0:
            missing.append("python3-pyatspi")
    if not missing:
        return ""
    return "AT-SPI test needs " + ", ".join(missing) + " (run .ci/atspi-setup as root)"


def _read_line(stream: Any, timeout: float, what: str) -> str:
    """One line from a pipe within timeout seconds, or RuntimeError naming what we waited for."""
    deadline = time.monotonic() + timeout
    buffer = b""
    fd = stream if isinstance(stream, int) else stream.fileno()
    while not buffer.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([fd], [], [], left)[0]:
            raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}")
        chunk = os.read(fd, 1)
        if not chunk:
            raise RuntimeError(f"end of output while waiting for {what}: {buffer!r}")
        buffer += chunk
    return buffer.decode().rstrip("\n")


@dataclass
class Heard:
    """Events the client printed while a listen() block ran."""

    events: list[dict[str, Any]] = field(default_factory=list)

    def of_type(self, prefix: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["type"].startswith(prefix)]


@dataclass
class AtspiApp:
    env: dict[str, str]
    app: subprocess.Popen[bytes]
    log: Path

    def send(self, command: str, timeout: float = 10.0) -> str:
        """A driver command; returns its answer ("ok ..."), raises on "error ..."."""
        assert self.app.stdin is not None and self.app.stdout is not None
        self.app.stdin.write(command.encode() + b"\n")
        self.app.stdin.flush()
        answer = _read_line(self.app.stdout, timeout, f"the answer to {command!r}")
        if not answer.startswith("ok"):
            raise RuntimeError(f"{command!r}: {answer}")
        return answer

    def client(self, *args: str, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [SYSTEM_PYTHON, str(CLIENT), *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def tree(self, depth: int = -1) -> dict[str, Any]:
        done = self.client("tree", "--depth", str(depth))
        if done.returncode != 0:
            raise RuntimeError(f"client tree failed ({done.returncode}): {done.stderr}")
        return json.loads(done.stdout)

    @contextmanager
    def listen(
        self, types: list[str] | None = None, timeout: float = 5.0, count: int = 0
    ) -> Iterator[Heard]:
        """Listen while the block runs; the block starts once the client is listening. After
        the block the client runs on until count events or timeout seconds (from its start)."""
        args = ["events", "--timeout", str(timeout), "--count", str(count), *(types or [])]
        proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(CLIENT), *args],
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        heard = Heard()
        try:
            assert proc.stdout is not None
            line = _read_line(proc.stdout, 20, "the event client to listen")
            if line != "ready":
                raise RuntimeError(f"event client said {line!r}")
            # The app learns of a new listener from the registry's EventListenerRegistered
            # signal; Qt sends only the kinds of event someone listens to.
            time.sleep(0.5)
            yield heard
            out, err = proc.communicate(timeout=timeout + 10)
            heard.events = [json.loads(x) for x in out.decode().splitlines() if x.strip()]
            if proc.returncode != 0:
                raise RuntimeError(f"event client failed: {err.decode()}")
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _start(argv: list[str], env: dict[str, str], log: Path, **kw: Any) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(argv, env=env, stdout=kw.pop("stdout", out), stderr=out, **kw)


@contextmanager
def start_app(session: Path | None, tmp: Path, window_manager: bool = True) -> Iterator[AtspiApp]:
    """Xvfb, a window manager if there is one, a session bus, then the app via driver.py."""
    home, runtime = tmp / "home", tmp / "run"
    home.mkdir(parents=True, exist_ok=True)
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    log = tmp / "atspi.log"
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DBUS_", "AT_SPI", "QT_", "WAYLAND", "XDG_")) and k != "DISPLAY"
    }
    # Own HOME and XDG dirs: settings, recent files, recovery and the a11y bus socket
    # ($XDG_RUNTIME_DIR/at-spi/bus) stay apart from the user's and from a parallel test.
    env.update(HOME=str(home), XDG_RUNTIME_DIR=str(runtime), NO_AT_BRIDGE="0")
    started: list[subprocess.Popen[bytes]] = []
    try:
        read_fd, write_fd = os.pipe()
        xvfb = _start(
            ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
            env,
            log,
            pass_fds=(write_fd,),
        )
        started.append(xvfb)
        os.close(write_fd)
        env["DISPLAY"] = ":" + _read_line(read_fd, START_TIMEOUT, "Xvfb's display number")
        os.close(read_fd)
        read_fd, write_fd = os.pipe()
        bus = _start(
            ["dbus-daemon", "--session", "--nofork", f"--print-address={write_fd}"],
            env,
            log,
            pass_fds=(write_fd,),
        )
        started.append(bus)
        os.close(write_fd)
        env["DBUS_SESSION_BUS_ADDRESS"] = _read_line(read_fd, START_TIMEOUT, "the bus address")
        os.close(read_fd)
        if window_manager and shutil.which("openbox"):
            started.append(_start(["openbox"], env, log))  # gives the window "active"
        app_env = dict(env, QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1")
        if session is not None:  # a copy: the app locks the file it opens, and another
            # test's copy of the app on the same file would stop at "open read-only?"
            session = Path(shutil.copy2(session, tmp / session.name))
        argv = [sys.executable, str(DRIVER)] + ([str(session)] if session else [])
        app = _start(argv, app_env, log, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=REPO)
        started.append(app)
        handle = AtspiApp(env, app, log)
        deadline = time.monotonic() + START_TIMEOUT
        while True:  # the window is shown a moment after the event loop starts
            try:
                handle.send("ping", timeout=START_TIMEOUT)
                break
            except RuntimeError:
                if time.monotonic() > deadline or app.poll() is not None:
                    tail = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(f"the app did not start: {tail}") from None
                time.sleep(0.2)
        yield handle
    finally:
        for proc in reversed(started):
            if proc.poll() is None:
                if proc.stdin is not None:
                    try:
                        proc.stdin.write(b"quit\n")
                        proc.stdin.close()
                        proc.wait(timeout=5)
                    except (OSError, subprocess.TimeoutExpired):
                        pass
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def find(node: dict[str, Any], role: str | None = None, name: str | None = None) -> list[dict]:
    """Every node below (and including) node with that role and/or name."""
    found = []
    if (role is None or node.get("role") == role) and (name is None or node.get("name") == name):
        found.append(node)
    for child in node.get("children", []):
        found.extend(find(child, role, name))
    return found
