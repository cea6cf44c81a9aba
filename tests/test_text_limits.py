"""message_text and strict_json at their limits: exactly at a limit is kept, one past
it is cut or refused, and the cut and refusal read as promised. No Qt; fast."""

from __future__ import annotations

import pytest

from coprod_desktop.files.message_text import MESSAGE_LIMIT, QUOTE_LIMIT, shorten, shorten_message
from coprod_desktop.files.strict_json import (
    MAX_NESTING,
    MAX_NUMBER_DIGITS,
    StrictJsonError,
    parse_strict_json,
)

VALUE = "".join(chr(ord("a") + i % 26) for i in range(QUOTE_LIMIT + 1))


def test_a_value_at_the_limit_is_whole_one_past_it_is_cut_to_the_limit() -> None:
    assert shorten(VALUE[:-1]) == VALUE[:-1]
    cut = shorten(VALUE)
    assert len(cut) == QUOTE_LIMIT
    assert cut == f"{VALUE[: QUOTE_LIMIT - 13]}…{VALUE[-12:]}"  # 12 from the end


def test_a_short_limit_keeps_a_quarter_from_the_end() -> None:
    assert shorten("abcdefghij", 8) == "abcde…ij"


@pytest.mark.parametrize(("opening", "closing"), [("'", "'"), ('"', '"'), ("“", "”")])
def test_each_quote_style_is_cut_between_its_own_quotes(opening: str, closing: str) -> None:
    value = "n" * 500
    message = shorten_message(f"name {opening}{value}{closing}.")
    assert message == f"name {opening}{shorten(value)}{closing} (500 characters)."


def test_a_message_at_the_limit_is_whole_one_past_it_is_capped() -> None:
    at_limit = ("word " * MESSAGE_LIMIT)[:MESSAGE_LIMIT]
    assert shorten_message(at_limit) == at_limit
    over = at_limit + "s"
    capped = shorten_message(over)
    assert capped == f"{over[: MESSAGE_LIMIT - 40]}… ({MESSAGE_LIMIT + 1:,} characters in all)"


def test_numbers_up_to_the_digit_limit_and_no_longer() -> None:
    assert parse_strict_json("9" * MAX_NUMBER_DIGITS) == int("9" * MAX_NUMBER_DIGITS)
    assert parse_strict_json("-" + "9" * MAX_NUMBER_DIGITS) < 0
    with pytest.raises(StrictJsonError) as caught:
        parse_strict_json(f'{{"x": {"9" * (MAX_NUMBER_DIGITS + 1)}}}')
    assert str(caught.value) == f"not valid JSON: a number has more than {MAX_NUMBER_DIGITS} digits"


def test_nesting_up_to_the_limit_and_no_deeper() -> None:
    assert parse_strict_json("[" * MAX_NESTING + "]" * MAX_NESTING) is not None
    with pytest.raises(StrictJsonError, match=f"nested more than {MAX_NESTING} levels deep"):
        parse_strict_json("[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1))


def test_an_empty_file_says_so() -> None:
    for text in ("", " \n\t"):
        with pytest.raises(StrictJsonError) as caught:
            parse_strict_json(text)
        assert str(caught.value) == "the file is empty"
