from __future__ import annotations

import pytest

from coprod_desktop.domain.countdown import Countdown, parse_duration


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_runs_down_pauses_and_finishes():
    clock = FakeClock()
    c = Countdown(120, clock)
    assert c.display() == "2:00" and not c.running
    c.start()
    clock.now += 30.2
    assert c.display() == "1:30"
    c.pause()
    clock.now += 500
    assert c.display() == "1:30" and not c.running
    c.start()
    clock.now += 89.7
    assert not c.finished and c.display() == "0:01"
    clock.now += 0.2
    assert c.finished and c.display() == "0:00" and not c.running


def test_reset_and_new_duration():
    clock = FakeClock()
    c = Countdown(60, clock)
    c.start()
    clock.now += 59
    c.reset()
    assert c.remaining == 60 and not c.running
    c.set_duration(600)
    assert c.display() == "10:00"
    with pytest.raises(ValueError):
        c.set_duration(0)


def test_start_after_finish_does_nothing_until_reset():
    clock = FakeClock()
    c = Countdown(1, clock)
    c.start()
    clock.now += 5
    c.start()
    assert c.finished and not c.running
    c.reset()
    c.start()
    assert c.running


@pytest.mark.parametrize(
    ("text", "seconds"), [("7", 420), ("7:30", 450), ("90s", 90), (" 2 ", 120), ("0.5", 30)]
)
def test_parse_duration(text, seconds):
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "abc", "7:75", "-3", "0", "500"])
def test_parse_duration_refuses_with_a_message(text):
    with pytest.raises(ValueError, match="time"):
        parse_duration(text)
