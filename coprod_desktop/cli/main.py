"""Command line: open the window, print a handout, check a session file.

No Qt is imported here until the window is opened, so `check` and `handout`
run on a machine without a display. Errors are one line and exit status 2.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from coprod_desktop import __version__

EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug, reported in one line (details in the debug log)
EXIT_BAD_INPUT = 2
SUBCOMMANDS = ("check", "handout", "new")

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args.pop(0)
            try:
                commands = {"check": run_check, "handout": run_handout, "new": run_new}
                return commands[command](args)
            except Exception as exc:  # never a traceback from a subcommand
                log.debug("coprod-desktop %s failed", command, exc_info=True)
                _fail(f"{command}: internal error: {type(exc).__name__}: {exc}")
                return EXIT_INTERNAL
        return run_open(args)
    except KeyboardInterrupt:
        return 130


class _OneLineParser(argparse.ArgumentParser):
    """argparse's own errors in one line (with the usage), exit 2, like every other error."""

    def error(self, message: str) -> NoReturn:
        usage = _one_line(self.format_usage().removeprefix("usage: "))
        _fail(f"{message} (usage: {usage}; --help for more)")
        raise SystemExit(EXIT_BAD_INPUT)


def _parser(prog: str, description: str) -> argparse.ArgumentParser:
    return _OneLineParser(prog=prog, description=description)


def run_new(args: list[str]) -> int:
    from coprod_desktop.cli.new import (
        run_new as run,  # the set-up code loads only for this subcommand
    )

    return run(args)


def run_open(args: list[str]) -> int:
    parser = _parser(
        "coprod-desktop",
        "Card sort for co-production workshops. Subcommands: "
        "'check SESSION.json', 'handout SESSION.json -o OUT.pdf'.",
    )
    parser.add_argument("--version", action="version", version=f"coprod-desktop {__version__}")
    parser.add_argument("session", nargs="?", type=Path, help="session file to open")
    options = parser.parse_args(args)
    from coprod_desktop.app import run_app  # Qt is imported only now

    return run_app(options.session)


def run_check(args: list[str]) -> int:
    parser = _parser("coprod-desktop check", "Validate a session file.")
    parser.add_argument("session", type=Path)
    options = parser.parse_args(args)
    from coprod_desktop.files.session_file import load_session
    from coprod_desktop.files.session_schema import SessionFormatError

    try:
        session = load_session(options.session)
    except SessionFormatError as exc:
        _fail(f"{options.session}: {exc}")
        return EXIT_BAD_INPUT
    placed = sum(len(g.placements) for g in session.groups)
    own = sum(len(g.cards) for g in session.groups)
    print(
        f'{options.session}: ok: "{_one_line(session.title)}", {len(session.groups)} group(s), '
        f"{len(session.deck.cards)} deck card(s), {own} group card(s), {placed} placement(s), "
        f'board "{_one_line(session.board.title)}"'
    )
    return EXIT_OK


def run_handout(args: list[str]) -> int:
    parser = _parser("coprod-desktop handout", "Print a session's handout to PDF.")
    parser.add_argument("session", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--large-print", action="store_true", help="body text of 16 pt and more")
    parser.add_argument(
        "--booklets",
        action="store_true",
        help="one booklet per group, one after the other in the PDF",
    )
    options = parser.parse_args(args)
    if _same_file(options.output, options.session):
        _fail(f"{options.output}: this is the session file itself; choose another name for the PDF")
        return EXIT_BAD_INPUT
    from coprod_desktop.files.session_file import load_session
    from coprod_desktop.files.session_schema import SessionFormatError

    try:
        session = load_session(options.session)
    except SessionFormatError as exc:
        _fail(f"{options.session}: {exc}")
        return EXIT_BAD_INPUT
    from coprod_desktop.handout import HandoutOptions, write_handout

    try:
        pages = write_handout(
            session,
            options.output,
            HandoutOptions(
                paper=options.paper, large_print=options.large_print, booklets=options.booklets
            ),
        )
    except OSError as exc:
        _fail(f"{options.output}: cannot write the handout ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    print(f"{options.output}: {pages} page(s)")
    return EXIT_OK


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fail(message: str) -> None:
    print(f"coprod-desktop: {_one_line(message)}", file=sys.stderr)
