"""Room mode's rules without Qt (domain/room.py)."""

from __future__ import annotations

import pytest

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.room import (
    FACILITATOR,
    PARTICIPANT,
    IdleRelock,
    allowed,
    check_room_code,
    code_matches,
    may_take_back,
    new_room_code,
)


def test_locked_only_participants_actions_run() -> None:
    assert allowed(PARTICIPANT, locked=True)
    assert not allowed(FACILITATOR, locked=True)
    assert allowed(FACILITATOR, locked=False)
    assert allowed(PARTICIPANT, locked=False)


@pytest.mark.parametrize("code", ["123", "ab12", "  4821 ", "x" * 12])
def test_a_short_code_of_letters_or_digits_is_a_room_code(code: str) -> None:
    assert check_room_code(code) == code.strip()


@pytest.mark.parametrize("code", ["", "12", "x" * 13, "12 34", "12-34", "über!"])
def test_other_codes_are_refused_with_the_reason(code: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_room_code(code)
    assert caught.value.field == "room_code"


def test_codes_match_ignoring_case_and_spaces_but_never_an_empty_code() -> None:
    assert code_matches(" ABc1 ", "abc1")
    assert not code_matches("abc2", "abc1")
    assert not code_matches("", "")
    assert not code_matches("abc", "")


def test_a_new_code_is_four_digits() -> None:
    code = new_room_code()
    assert len(code) == 4 and code.isdigit()
    assert check_room_code(code) == code


def test_locked_a_table_takes_back_its_own_steps_since_the_lock_only() -> None:
    assert may_take_back(True, "red", from_before_lock=False, current_group="red")
    assert not may_take_back(True, "red", from_before_lock=True, current_group="red")
    assert not may_take_back(True, "blue", from_before_lock=False, current_group="red")
    assert not may_take_back(True, None, from_before_lock=False, current_group="red")
    # Unlocked, the facilitator takes back anything.
    assert may_take_back(False, None, from_before_lock=True, current_group="red")


def test_idle_relock_is_due_after_the_idle_time_on_its_clock() -> None:
    now = [100.0]
    idle = IdleRelock(lambda: now[0], idle_seconds=60)
    now[0] += 59
    assert not idle.due() and idle.idle_for() == 59
    idle.touch()
    now[0] += 59
    assert not idle.due()
    now[0] += 1
    assert idle.due()
