"""`coprod-desktop export SESSION.json` with one of:
  --placements OUT.csv [--casolysis OUT2.csv]   where every group put every card, per lens
  --deck-csv OUT.csv                            the deck, as Deck > Export writes it
  --board-image OUT.svg|OUT.png [--group ID] [--width PX]   one group's board as an image
Bad input (an unreadable session, an output that exists without --force, a missing
folder, an unknown group): one line naming the problem, exit 2, nothing written. Qt only
for a PNG (painted from the SVG, offscreen)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coprod_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, _fail, _parser, load_or_report, say
from coprod_desktop.cli.outputs import output_problem

if TYPE_CHECKING:
    from coprod_desktop.domain.model import Session


def run_export(args: list[str]) -> int:
    parser = _parser(
        "coprod-desktop export", "Export a session for spreadsheets, tools and slides."
    )
    parser.add_argument("session", type=Path)
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--placements", type=Path, help="CSV: a row per group, card and lens")
    what.add_argument("--deck-csv", type=Path, help="CSV: the deck, in the import format")
    what.add_argument("--board-image", type=Path, help="SVG or PNG of one group's board")
    parser.add_argument(
        "--casolysis", type=Path, help="with --placements: also this file, for card-sort tools"
    )
    parser.add_argument("--group", help="with --board-image: the group's id (default: the first)")
    parser.add_argument("--width", type=int, default=1920, help="with --board-image: pixels")
    parser.add_argument("--force", action="store_true", help="replace outputs that exist")
    options = parser.parse_args(args)
    session = load_or_report(options.session)
    if session is None:
        return EXIT_BAD_INPUT
    outputs = [
        p
        for p in (options.placements, options.deck_csv, options.board_image, options.casolysis)
        if p
    ]
    for output in outputs:
        problem = output_problem(output, [options.session], options.force, "the export")
        if problem:
            _fail(problem)
            return EXIT_BAD_INPUT
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    try:
        if options.placements:
            from coprod_desktop.files.placements_csv import (
                CASOLYSIS_COLUMNS,
                PLACEMENT_COLUMNS,
                casolysis_rows,
                placements_rows,
                to_csv,
            )

            data = to_csv(PLACEMENT_COLUMNS, placements_rows(session))
            atomic_write_bytes(options.placements, data)
            rows = data.count(b"\r\n") - 1
            say(f"{options.placements}: {rows} row(s), one per group, card and lens")
            if options.casolysis:
                atomic_write_bytes(
                    options.casolysis, to_csv(CASOLYSIS_COLUMNS, casolysis_rows(session))
                )
                say(f"{options.casolysis}: the same places for card-sort analysis tools")
        elif options.deck_csv:
            from coprod_desktop.files.csv_cards import write_cards_csv

            write_cards_csv(session.deck.cards, options.deck_csv)
            say(f"{options.deck_csv}: {len(session.deck.cards)} card(s)")
        else:
            return _board_image(session, options)
    except OSError as exc:
        _fail(f"cannot write the export ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    return EXIT_OK


def _board_image(session: Session, options: argparse.Namespace) -> int:
    from coprod_desktop.files.atomic_write import atomic_write_bytes
    from coprod_desktop.handout.board_image import board_svg

    path: Path = options.board_image
    suffix = path.suffix.lower()
    if suffix not in (".svg", ".png"):
        _fail(f"{path}: the board image is .svg or .png, not {suffix or 'no suffix'}")
        return EXIT_BAD_INPUT
    group_id = options.group or session.groups[0].id
    group = next((g for g in session.groups if g.id == group_id), None)
    if group is None:
        known = ", ".join(g.id for g in session.groups)
        _fail(f"--group {group_id}: no such group in {options.session} (groups: {known})")
        return EXIT_BAD_INPUT
    if not 100 <= options.width <= 8000:
        _fail(f"--width {options.width}: between 100 and 8000 pixels")
        return EXIT_BAD_INPUT
    if suffix == ".png":
        # Qt paints the SVG (ReportLab's bitmap backend needs Cairo); no display needed.
        from coprod_desktop.ui.board_png import board_png_headless

        data = board_png_headless(session, group, options.width)
    else:
        data = board_svg(session, group, options.width)
    atomic_write_bytes(path, data)
    say(f"{path}: the board of {group.name}, {options.width} px wide")
    return EXIT_OK
