"""What every subcommand shares: exit codes, the one-line parser and messages. No Qt."""

from __future__ import annotations

import argparse
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


def _fail(message: str) -> None:
    print(f"coprod-desktop: {_one_line(message)}", file=sys.stderr)


def load_or_report(path: Path) -> Session | None:
    """The session at path, or None after one line saying why it cannot be read."""
    from coprod_desktop.files.session_file import load_session  # imported late: quick --help
    from coprod_desktop.files.session_schema import SessionFormatError

    try:
        return load_session(path)
    except SessionFormatError as exc:
        _fail(f"{path}: {exc}")
        return None
