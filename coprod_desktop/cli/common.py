"""What every subcommand shares: exit codes, the one-line parser and messages. No Qt.

Every line the CLI prints goes through terminal_text: a file's title, a card or a file
name may hold ANSI escape sequences (colours, cursor moves, a changed terminal title)
or bidirectional overrides (U+202E), and those reach the terminal as visible escapes
(\\x1b, \\u202e), never raw. Long quoted values are cut (files/message_text.py).
"""

from __future__ import annotations

import argparse
import logging
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from coprod_desktop.domain.model import Session

EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug, reported in one line (details in the debug log)
EXIT_BAD_INPUT = 2


class _OneLineParser(argparse.ArgumentParser):
    """argparse's own errors in one line (with the usage), exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        usage = _one_line(self.format_usage().removeprefix("usage: "))
        _fail(f"{message} (usage: {usage}; --help for more)")
        raise SystemExit(EXIT_BAD_INPUT)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return _OneLineParser(prog=prog, description=description)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False


def _one_line(text: str) -> str:
    return " ".join(text.split())


# C0 and C1 controls, DEL, the bidirectional controls, and lone surrogates (the bytes of a
# file name that is not UTF-8): nothing a terminal would act on, or reorder a line by.
_UNSAFE = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNSAFE_IN_LINES = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


class TerminalFormatter(logging.Formatter):
    """Log lines on the terminal with control and bidi characters escaped (a file name
    in a warning may hold ANSI codes); line breaks of a traceback kept."""

    def format(self, record: logging.LogRecord) -> str:
        return _UNSAFE_IN_LINES.sub(_escape, super().format(record))


def install_logging() -> None:
    """Warnings and errors to standard error, escaped (TerminalFormatter)."""
    handler = logging.StreamHandler()
    handler.setFormatter(TerminalFormatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=logging.WARNING, handlers=[handler])


def terminal_text(text: str) -> str:
    """text, one line, safe to print: control and bidi characters escaped, long quotes cut."""
    from coprod_desktop.files.message_text import shorten_message

    return _UNSAFE.sub(_escape, shorten_message(_one_line(text)))


def say(text: str) -> None:
    """A line on standard output (terminal_text)."""
    print(terminal_text(text))


def _fail(message: str) -> None:
    print(f"coprod-desktop: {terminal_text(message)}", file=sys.stderr)


def load_or_report(path: Path) -> Session | None:
    """The session at path, or None after one line saying why it cannot be read."""
    from coprod_desktop.files.session_file import load_session  # imported late: quick --help
    from coprod_desktop.files.session_schema import SessionFormatError

    try:
        return load_session(path)
    except SessionFormatError as exc:
        _fail(f"{path}: {exc}")
        return None
