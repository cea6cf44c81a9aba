"""The nesting guard of the session loader gives the same depth as a character-by-character
reading of the JSON text (the loader's faster version is checked against it)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coprod_desktop.files.session_file import parse_json
from coprod_desktop.files.session_schema import SessionFormatError
from coprod_desktop.files.strict_json import MAX_NESTING, nesting_depth


def reference_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


# 1,000 texts still catch a reading that forgets escapes or a trailing backslash in an
# unterminated string (both tried); 3,000 took a quarter of a minute of the suite.
@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet='"\\[]{}a,:\n', max_size=40))
def test_depth_matches_a_character_reading(text: str) -> None:
    assert nesting_depth(text) == reference_depth(text)


def test_brackets_inside_strings_do_not_count() -> None:
    assert nesting_depth('{"a": "[[[{{{", "b": ["\\"]]]"]}') == 2
    assert nesting_depth('"unterminated [[[[ \\') == 0


def test_too_deep_is_refused_with_a_message() -> None:
    text = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
    with pytest.raises(SessionFormatError, match="nested more than"):
        parse_json(text)


@pytest.mark.parametrize(
    "text",
    [
        '"' + "\\" * 2_000_000 + '"',  # one huge string of escaped backslashes
        '["' + '\\"' * 1_000_000 + '"]',  # escaped quotes
        '"' + "\\" * 2_000_001,  # an unterminated string
        "[" + '"a\\\\",' * 300_000 + "1]",  # many short strings with escapes
    ],
    ids=["backslashes", "escaped-quotes", "unterminated", "many-strings"],
)
def test_the_pre_check_needs_memory_of_the_order_of_the_text(text: str) -> None:
    """Before: 1.1 GB to check a 19 MB string of backslashes (the regular expression kept
    a backtracking entry per escape). Measured with tracemalloc: a few times the text."""
    import tracemalloc

    expected = reference_depth(text)
    tracemalloc.start()
    try:
        depth = nesting_depth(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert depth == expected
    assert peak < 4 * len(text) + 1_000_000, f"{peak / 1e6:.0f} MB for {len(text) / 1e6:.1f} MB"
