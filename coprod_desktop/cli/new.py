"""`coprod-desktop new`: write a new session file without a display.

For facilitators who prepare many workshops: the same choices as the New
session dialog, as options. Bad options or a bad CSV: one line, exit 2.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from coprod_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    _fail,
    _one_line,
    _parser,
    _same_file,
    say,
)
from coprod_desktop.domain.rules import MAX_GROUPS

log = logging.getLogger(__name__)


def run_new(args: list[str]) -> int:
    parser = _parser(
        "coprod-desktop new",
        "Create a session file, ready to open on the day. Without options: three groups "
        "(Group 1..3), the built-in deck and board.",
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="session file to write")
    parser.add_argument("--title", default="", help="the workshop's title")
    parser.add_argument(
        "--groups",
        default="",
        help=f'group names, e.g. "Red,Blue,Green", or a number (1-{MAX_GROUPS})',
    )
    parser.add_argument(
        "--cards",
        type=Path,
        help="a CSV of cards (kind,title,text,more,source): the deck is these cards",
    )
    parser.add_argument(
        "--with-builtin",
        action="store_true",
        help="with --cards: the built-in deck first, then the CSV's cards",
    )
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="with --cards: skip rows with problems (listed) instead of stopping",
    )
    parser.add_argument("--board", default="", help="built-in board id")
    parser.add_argument("--date", default="", help="workshop date, YYYY-MM-DD (default today)")
    parser.add_argument("--venue", default="", help="where the workshop is held")
    parser.add_argument("--facilitator", default="", help="who runs it")
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    options = parser.parse_args(args)

    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.csv_cards import CsvCardsError, read_cards_csv
    from coprod_desktop.files.file_checks import write_target
    from coprod_desktop.files.session_file import save_session
    from coprod_desktop.files.session_setup import (
        SetupChoices,
        SetupError,
        build_session,
        parse_group_names,
    )

    output: Path = options.output
    if output.exists() and not options.force:
        _fail(f"{output}: the file exists; choose another name or add --force to replace it")
        return EXIT_BAD_INPUT
    try:  # --force replaces a file, never a pipe or a device
        write_target(output)
    except OSError as exc:
        _fail(f"{output}: cannot write the session ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    if options.cards is not None and _same_file(output, options.cards):
        _fail(f"{output}: this is the CSV file itself; choose another name for the session")
        return EXIT_BAD_INPUT
    if options.with_builtin and options.cards is None:
        _fail("--with-builtin needs --cards (the built-in deck is the default anyway)")
        return EXIT_BAD_INPUT

    groups = options.groups.strip()
    names: tuple[str, ...] = ()
    count = 3
    if groups.isdigit():
        count = int(groups)
    elif groups:
        names = tuple(parse_group_names(groups))
        if not names:
            _fail(f'--groups: no group names in "{_one_line(groups)}"')
            return EXIT_BAD_INPUT

    imported: tuple[Any, ...] = ()
    deck_id = content.DEFAULT_DECK_ID
    if options.cards is not None:
        try:
            report = read_cards_csv(
                options.cards, content.deck().cards if options.with_builtin else ()
            )
        except CsvCardsError as exc:
            _fail(f"{options.cards}: {exc}")
            return EXIT_BAD_INPUT
        if report.skipped and not options.skip_bad_rows:
            first = report.skipped[0]
            more = report.skipped_count - 1
            tail = f" (and {more} more row(s) with problems)" if more else ""
            _fail(
                f"{options.cards}: row {first.row}: {first.reason}{tail}; fix the file or add "
                "--skip-bad-rows"
            )
            return EXIT_BAD_INPUT
        for skipped in report.skipped:
            _fail(f"{options.cards}: row {skipped.row} skipped: {skipped.reason}")
        if report.more_skipped:
            _fail(f"{options.cards}: {report.more_skipped:,} more row(s) skipped (not listed)")
        if not report.cards and report.in_deck and not report.skipped:
            _fail(
                f"{options.cards}: every card in the file is already in the built-in deck; "
                "leave out --with-builtin to use the file's cards alone"
            )
            return EXIT_BAD_INPUT
        if not report.cards:
            _fail(f"{options.cards}: no usable cards ({report.skipped_count:,} row(s) skipped)")
            return EXIT_BAD_INPUT
        imported = report.cards
        deck_id = content.DEFAULT_DECK_ID if options.with_builtin else ""

    choices = SetupChoices(
        title=options.title,
        date=options.date,
        venue=options.venue,
        facilitator=options.facilitator,
        board_id=options.board or content.DEFAULT_BOARD_ID,
        deck_id=deck_id,
        group_names=names,
        group_count=count,
        imported=imported,
        imported_from=options.cards.name if options.cards is not None else "",
    )
    try:
        session = build_session(choices)
    except SetupError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    try:
        save_session(session, output, keep_backup=False)
    except OSError as exc:
        _fail(f"{output}: cannot write the session ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    say(
        f'{output}: new session "{_one_line(session.title)}", {len(session.groups)} group(s) '
        f"({', '.join(_one_line(g.name) for g in session.groups)}), "
        f'{len(session.deck.cards)} deck card(s), board "{_one_line(session.board.title)}"'
    )
    return EXIT_OK
