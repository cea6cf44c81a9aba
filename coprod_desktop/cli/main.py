"""Command line: open the window, print a handout, check a session file.

No Qt is imported here until the window is opened, so `check` and `handout`
run on a machine without a display. Errors are one line and exit status 2.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from coprod_desktop import __version__
from coprod_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    _fail,
    _one_line,
    _parser,
    _same_file,
    install_logging,
    load_or_report,
    say,
)

SUBCOMMANDS = ("check", "export", "handout", "merge", "new", "print-cards", "report", "upgrade")

log = logging.getLogger(__name__)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    install_logging()  # escaped: a warning may quote a file name with ANSI codes in it
    try:
        if args and args[0] in SUBCOMMANDS:
            command = args.pop(0)
            try:
                commands = {
                    "check": run_check,
                    "handout": run_handout,
                    "new": run_new,
                    "upgrade": run_upgrade,
                    "report": run_report,
                    "export": run_export,
                    "merge": run_merge,
                }
                commands.update(_issue18_commands())
                return commands[command](args)
            except Exception as exc:  # never a traceback from a subcommand
                log.debug("coprod-desktop %s failed", command, exc_info=True)
                _fail(f"{command}: internal error: {type(exc).__name__}: {exc}")
                return EXIT_INTERNAL
        return run_open(args)
    except KeyboardInterrupt:
        return 130


def run_new(args: list[str]) -> int:
    from coprod_desktop.cli.new import (
        run_new as run,  # the set-up code loads only for this subcommand
    )

    return run(args)


def run_merge(args: list[str]) -> int:
    from coprod_desktop.cli.merge import run_merge as run

    return run(args)


def run_export(args: list[str]) -> int:
    from coprod_desktop.cli.export import run_export as run

    return run(args)


def run_report(args: list[str]) -> int:
    from coprod_desktop.cli.report import run_report as run

    return run(args)


def run_upgrade(args: list[str]) -> int:
    from coprod_desktop.cli.upgrade import run_upgrade as run

    return run(args)


def _issue18_commands() -> dict[str, Callable[[list[str]], int]]:
    """Paper and exports (issue 18): each command's module loads only when it runs."""

    def print_cards(args: list[str]) -> int:
        from coprod_desktop.cli.print_cards import run_print_cards

        return run_print_cards(args)

    return {"print-cards": print_cards}


def run_open(args: list[str]) -> int:
    parser = _parser(
        "coprod-desktop",
        "Card sort for co-production workshops. Subcommands: "
        "'check SESSION.json', 'handout SESSION.json -o OUT.pdf', 'upgrade SESSION.json', "
        "'new', 'print-cards'.",
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
    session = load_or_report(options.session)
    if session is None:
        return EXIT_BAD_INPUT
    placed = sum(len(g.placements) for g in session.groups)
    own = sum(len(g.cards) for g in session.groups)
    notes = sum(len(g.notes) for g in session.groups)
    marks = sum(len(g.marks) for g in session.groups)
    undecided = sum(len(session.still_to_decide(g)) for g in session.groups)
    say(
        f'{options.session}: ok: "{_one_line(session.title)}", {len(session.groups)} group(s), '
        f"{len(session.deck.cards)} deck card(s), {own} group card(s), {placed} placement(s), "
        f"{notes} note(s), {marks} mark(s), {undecided} card(s) still to decide, "
        f'board "{_one_line(session.board.title)}"'
    )
    return EXIT_OK


def run_handout(args: list[str]) -> int:
    parser = _parser("coprod-desktop handout", "Print a session's handout to PDF.")
    parser.add_argument("session", type=Path)
    parser.add_argument("-o", "--output", type=Path, help="PDF file to write")
    parser.add_argument(
        "--html",
        type=Path,
        metavar="OUT.html",
        help="also (or only) the handout's accessible twin: one HTML page with headings, "
        "lists, tables and each board described, for screen readers",
    )
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument("--large-print", action="store_true", help="body text of 16 pt and more")
    parser.add_argument(
        "--no-key",
        action="store_true",
        help="leave the facilitator's key out of the debrief pages",
    )
    parser.add_argument(
        "--booklets",
        action="store_true",
        help="one booklet per group, one after the other in the PDF",
    )
    parser.add_argument(
        "--facilitator",
        action="store_true",
        help="the facilitator's sheet instead: the board's prompts and the deck's key with "
        "its confidence and reasoning (not for participants)",
    )
    parser.add_argument(
        "--pack",
        action="append",
        default=[],
        metavar="ID",
        help="add a reference pack after the stories (built in: wales); may be repeated",
    )
    options = parser.parse_args(args)
    if options.output is None and options.html is None:
        parser.error("give -o OUT.pdf, --html OUT.html or both")
    from coprod_desktop.handout.reference_data import pack_ids

    unknown = [p for p in options.pack if p not in pack_ids()]
    if unknown:
        _fail(f"--pack {unknown[0]}: no such reference pack (known: {', '.join(pack_ids())})")
        return EXIT_BAD_INPUT
    if options.facilitator and options.booklets:
        _fail("--facilitator and --booklets: the facilitator's sheet has no booklets")
        return EXIT_BAD_INPUT
    if options.html is not None and options.facilitator:
        _fail("--html and --facilitator: the HTML twin is the participants' handout")
        return EXIT_BAD_INPUT
    outputs = [p for p in (options.output, options.html) if p is not None]
    if options.output is not None and options.html is not None and _same_file(*outputs):
        _fail(f"{options.html}: the same file as -o; give the HTML another name")
        return EXIT_BAD_INPUT
    for output in outputs:
        if _same_file(output, options.session):
            _fail(f"{output}: this is the session file itself; choose another name")
            return EXIT_BAD_INPUT
    from coprod_desktop.files.file_checks import write_target

    for output in outputs:
        try:  # a pipe or a device: refused before the session is even read
            write_target(output)
        except OSError as exc:
            _fail(f"{output}: cannot write the handout ({exc.strerror or exc})")
            return EXIT_BAD_INPUT
    session = load_or_report(options.session)
    if session is None:
        return EXIT_BAD_INPUT
    packs = tuple(dict.fromkeys(options.pack))
    if options.html is not None:
        from coprod_desktop.handout.html import write_handout_html

        try:
            write_handout_html(session, options.html, packs, key=not options.no_key)
        except OSError as exc:
            _fail(f"{options.html}: cannot write the handout ({exc.strerror or exc})")
            return EXIT_BAD_INPUT
        say(f"{options.html}: the handout as HTML (for screen readers)")
    if options.output is None:
        return EXIT_OK
    from coprod_desktop.handout import HandoutOptions, write_handout

    try:
        pages = write_handout(
            session,
            options.output,
            HandoutOptions(
                paper=options.paper,
                large_print=options.large_print,
                booklets=options.booklets,
                packs=packs,
                key=not options.no_key,
            ),
            facilitator=options.facilitator,
        )
    except OSError as exc:
        _fail(f"{options.output}: cannot write the handout ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    sheet = ", the facilitator's sheet (not for participants)" if options.facilitator else ""
    say(f"{options.output}: {pages} page(s){sheet}")
    return EXIT_OK
