"""Messages that quote what a file holds, kept readable: a quoted value is cut to
QUOTE_LIMIT characters, the whole message to MESSAGE_LIMIT. No Qt.

The loaders name the offending value ("unknown kind 'x...'"), and a hostile file can
make that value a megabyte long: printed whole, it filled the terminal, and the
message box took 4.4 s to appear. The cut keeps both ends of the value and says how
long it was: 'xxxx…xxxx' (1,000,000 characters).
"""

from __future__ import annotations

import re

QUOTE_LIMIT = 80  # characters of a quoted value that are shown
MESSAGE_LIMIT = 2000  # characters of a whole message
_KEEP_END = 12  # of QUOTE_LIMIT, the characters kept from the value's end

# A quoted value longer than QUOTE_LIMIT: '...', "..." (as repr writes them) or “...”,
# opening after a space, bracket or the start and closing before a space, punctuation or
# the end, so an apostrophe in a sentence is not taken for a quote. Linear: the value
# cannot contain its closing quote.
_LONG = f"{{{QUOTE_LIMIT + 1},}}"
_QUOTED = re.compile(
    r"(?:(?<=[\s(\[{:=,])|^)"
    rf"(?:'(?P<single>[^'\n]{_LONG})'|\"(?P<double>[^\"\n]{_LONG})\"|“(?P<curly>[^”\n]{_LONG})”)"
    r"(?=$|[\s)\]},.;:!?])"
)


def shorten(value: str, limit: int = QUOTE_LIMIT) -> str:
    """value, or its start and end around an ellipsis when it is longer than limit."""
    if len(value) <= limit:
        return value
    end = min(_KEEP_END, limit // 4)
    return f"{value[: limit - end - 1]}…{value[len(value) - end :]}"


def _cut(match: re.Match[str]) -> str:
    for group, (opening, closing) in (
        ("single", ("'", "'")),
        ("double", ('"', '"')),
        ("curly", ("“", "”")),
    ):
        value = match[group]
        if value is not None:
            return f"{opening}{shorten(value)}{closing} ({len(value):,} characters)"
    return match[0]  # pragma: no cover - one group always matches


def shorten_message(message: str) -> str:
    """message with every long quoted value cut, and at most MESSAGE_LIMIT characters."""
    if len(message) <= QUOTE_LIMIT:
        return message
    message = _QUOTED.sub(_cut, message)
    if len(message) > MESSAGE_LIMIT:
        message = f"{message[: MESSAGE_LIMIT - 40]}… ({len(message):,} characters in all)"
    return message
