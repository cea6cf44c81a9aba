"""A countdown for timed group work: pure logic with an injected clock (no Qt),
so the widget only draws it and tests can run time forwards."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

PRESET_MINUTES = (2, 5, 10, 15)
MAX_SECONDS = 3 * 60 * 60


@dataclass
class Countdown:
    duration: float = 5 * 60.0
    clock: Callable[[], float] = field(default=time.monotonic, repr=False)
    _started_at: float | None = field(default=None, init=False)
    _elapsed_before: float = field(default=0.0, init=False)

    def set_duration(self, seconds: float) -> None:
        """Choose a new length; the countdown stops and is full again."""
        if not 0 < seconds <= MAX_SECONDS:
            raise ValueError(f"a countdown lasts between 1 second and {MAX_SECONDS // 3600} hours")
        self.duration = float(seconds)
        self.reset()

    def start(self) -> None:
        if self._started_at is None and not self.finished:
            self._started_at = self.clock()

    def pause(self) -> None:
        if self._started_at is not None:
            self._elapsed_before += self.clock() - self._started_at
            self._started_at = None

    def reset(self) -> None:
        self._started_at = None
        self._elapsed_before = 0.0

    @property
    def running(self) -> bool:
        return self._started_at is not None and not self.finished

    @property
    def elapsed(self) -> float:
        running_for = self.clock() - self._started_at if self._started_at is not None else 0.0
        return min(self.duration, self._elapsed_before + running_for)

    @property
    def remaining(self) -> float:
        return max(0.0, self.duration - self.elapsed)

    @property
    def finished(self) -> bool:
        return self.remaining <= 0.0

    def display(self) -> str:
        """mm:ss, rounding up so 0:00 shows only when time is really up."""
        whole = int(-(-self.remaining // 1))
        minutes, seconds = divmod(whole, 60)
        return f"{minutes}:{seconds:02d}"


def parse_duration(text: str) -> float:
    """'7', '7:30' or '90s' -> seconds; ValueError with a plain message otherwise."""
    raw = text.strip().lower()
    try:
        if raw.endswith("s"):
            seconds = float(raw[:-1])
        elif ":" in raw:
            minutes, secs = raw.split(":", 1)
            if not 0 <= int(secs) < 60:
                raise ValueError
            seconds = int(minutes) * 60 + int(secs)
        else:
            seconds = float(raw) * 60
    except ValueError:
        raise ValueError(
            f"“{text}” is not a time: type minutes (7), minutes:seconds (7:30) or seconds (90s)"
        ) from None
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError("choose a time between 1 second and 3 hours")
    return seconds
