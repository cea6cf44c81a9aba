"""Strict JSON for files other programs may have written or broken: no NaN or Infinity, no
duplicate keys, bounded nesting and number length (checked before json recurses). No Qt."""

from __future__ import annotations

import json
import re
from typing import Any

MAX_NESTING = 64
MAX_NUMBER_DIGITS = 100  # a session's numbers are small; this bounds int() on hostile files


class StrictJsonError(ValueError):
    """Text that is not strict JSON; the message says what and where (line and column)."""


def parse_strict_json(text: str) -> Any:
    """Parse text as strict JSON; raises StrictJsonError, never anything else."""
    if not text.strip():
        raise StrictJsonError("the file is empty")
    if nesting_depth(text) > MAX_NESTING:
        raise StrictJsonError(f"nested more than {MAX_NESTING} levels deep")
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys,
            parse_constant=_no_constant,
            parse_int=_bounded_int,
        )
    except json.JSONDecodeError as exc:
        raise StrictJsonError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from exc
    except (ValueError, RecursionError) as exc:  # from the hooks (or the int-string limit)
        raise StrictJsonError(f"not valid JSON: {exc}") from exc


# A JSON string, or an unterminated one running to the end of the text. The quantifiers
# are possessive (*+): a string has one way to match, and without them the regular
# expression engine kept a backtracking entry for every escape in it (1.1 GB and 2.1 s
# for a 19 MB string of backslashes; now 20 ms and no memory to speak of).
_JSON_STRING = re.compile(r'"[^"\\]*+(?:\\[\s\S][^"\\]*+)*+(?:"|\\?\Z)')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def nesting_depth(text: str) -> int:
    """Deepest bracket nesting outside strings (checked before json recurses).

    The regular expressions drop the strings and everything but brackets at C speed,
    so only the brackets are walked here (a character loop took 8 ms for 360 KB).
    Time and memory are linear in the text.
    """
    depth = deepest = 0
    for ch in _NOT_BRACKET.sub("", _JSON_STRING.sub("", text)):
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"the key {key!r} appears twice in one object")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed")


def _bounded_int(digits: str) -> int:
    # Checked here rather than left to Python's int-string limit, which an environment
    # variable can switch off (and converting millions of digits then takes minutes).
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ValueError(f"a number has more than {MAX_NUMBER_DIGITS} digits")
    return int(digits)
