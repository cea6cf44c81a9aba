"""Room mode's rules, without Qt: who may use an action while the room is locked,
the facilitator's unlock code, relocking when nobody has touched anything for a
while, and which undo steps a table may take back.

Room mode protects a session against accidents at the shared screen. It is no
security boundary: anyone can open the session file.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from coprod_desktop.domain.errors import DomainError

Role = Literal["participant", "facilitator"]
PARTICIPANT: Role = "participant"
FACILITATOR: Role = "facilitator"

DEFAULT_IDLE_SECONDS = 180.0  # unlocked, untouched for three minutes: locked again
MIN_CODE_LENGTH = 3
MAX_CODE_LENGTH = 12


def allowed(role: Role, locked: bool) -> bool:
    """The one rule: while the room is locked only participants' actions run."""
    return not locked or role == PARTICIPANT


def check_room_code(text: str) -> str:
    """A code the facilitator can type quickly: 3 to 12 letters or digits, no spaces."""
    code = text.strip()
    if not MIN_CODE_LENGTH <= len(code) <= MAX_CODE_LENGTH:
        raise DomainError(
            f"the room code needs {MIN_CODE_LENGTH} to {MAX_CODE_LENGTH} characters", "room_code"
        )
    if not code.isalnum():
        raise DomainError("the room code is letters and digits only", "room_code")
    return code


def new_room_code() -> str:
    """Four random digits, for a facilitator who has not chosen a code yet."""
    return f"{secrets.randbelow(10_000):04d}"


def code_matches(entered: str, code: str) -> bool:
    """Case does not matter (a touch keyboard may start with a capital); an empty code
    never matches."""
    if not code:
        return False
    return hmac.compare_digest(entered.strip().casefold().encode(), code.casefold().encode())


def may_take_back(
    locked: bool, step_group: str | None, from_before_lock: bool, current_group: str
) -> bool:
    """Whether Undo (or Redo) may take this step while the room is as it is.

    Locked, a table takes back only its own group's steps made since the lock: never
    the facilitator's set-up (steps from before the lock, or steps of no group)."""
    if not locked:
        return True
    return not from_before_lock and step_group is not None and step_group == current_group


@dataclass
class IdleRelock:
    """Time since the last touch, key or click, on an injectable clock (seconds)."""

    clock: Callable[[], float]
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    last_activity: float = field(default=0.0, init=False)

    def __post_init__(self) -> None:
        self.touch()

    def touch(self) -> None:
        self.last_activity = self.clock()

    def idle_for(self) -> float:
        return max(0.0, self.clock() - self.last_activity)

    def due(self) -> bool:
        return self.idle_for() >= self.idle_seconds
