"""`coprod-desktop print-cards`: the deck as cut-out cards and the board as a table mat.

Bad input (a missing or unreadable session, an output that exists without --force, a
missing output folder): one line naming the problem, exit 2, nothing written.
"""

from __future__ import annotations

import time
from pathlib import Path

from coprod_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, _fail, _parser, load_or_report, say
from coprod_desktop.cli.outputs import output_problem


def run_print_cards(args: list[str]) -> int:
    from coprod_desktop.handout.print_options import MATS, PrintCardsOptions

    parser = _parser(
        "coprod-desktop print-cards",
        "Print the session's cards (the deck and every group's own cards) to cut out, nine "
        "to a page with crop marks, then the board as a table mat.",
    )
    parser.add_argument("session", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True, help="PDF file to write")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4")
    parser.add_argument(
        "--backs",
        action="store_true",
        help="a page of card backs after each page of cards (print double-sided, long edge)",
    )
    parser.add_argument(
        "--mat",
        choices=MATS,
        default="a3",
        help="the table mat: one A3 page (default), tiled across the paper's sheets, or none",
    )
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    options = parser.parse_args(args)

    session = load_or_report(options.session)
    if session is None:
        return EXIT_BAD_INPUT
    problem = output_problem(options.output, [options.session], options.force, "the PDF")
    if problem:
        _fail(problem)
        return EXIT_BAD_INPUT
    from coprod_desktop.handout.print_cards import write_cards_pdf

    started = time.perf_counter()
    try:
        pages = write_cards_pdf(
            session,
            options.output,
            PrintCardsOptions(paper=options.paper, backs=options.backs, mat=options.mat),
        )
    except OSError as exc:
        _fail(f"{options.output}: cannot write the cards ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    seconds = time.perf_counter() - started
    say(f"{options.output}: {pages} page(s) in {seconds:.1f} s")
    return EXIT_OK
