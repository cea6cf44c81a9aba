"""Long quoted values in messages are cut; the rest of the message is kept (issue 17, 6)."""

from __future__ import annotations

from coprod_desktop.files.message_text import MESSAGE_LIMIT, QUOTE_LIMIT, shorten, shorten_message


def test_a_long_quoted_value_keeps_both_ends_and_says_its_length() -> None:
    value = "a" * 50 + "b" * 1000 + "z" * 20
    message = shorten_message(f"x.kind: unknown kind {value!r} (expected one of a, b)")
    assert message.startswith("x.kind: unknown kind 'aaaa")
    assert "z" * 12 + "' (1,070 characters) (expected one of a, b)" in message
    assert len(message) < 200


def test_each_quote_style_is_cut() -> None:
    for opening, closing in (("'", "'"), ('"', '"'), ("“", "”")):
        message = shorten_message(f"name {opening}{'n' * 500}{closing}.")
        assert "(500 characters)" in message, opening


def test_short_values_and_apostrophes_are_left_alone() -> None:
    text = "the group's own cards " + "and more words " * 10 + "that it's got"
    assert shorten_message(text) == text
    short = f"unknown kind {'k' * QUOTE_LIMIT!r}"
    assert shorten_message(short) == short
    assert shorten("abc") == "abc"


def test_a_whole_message_is_capped() -> None:
    message = shorten_message("word " * 100_000)
    assert len(message) <= MESSAGE_LIMIT and message.endswith("(500,000 characters in all)")
