"""`coprod-desktop report SESSION.json [--format text|json|csv]`: the debrief's figures
without a display. JSON is the contract in agreement.report_dict; CSV has one row per
card, lens and group; text is for reading in a terminal. No Qt."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coprod_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, _parser, load_or_report, say

if TYPE_CHECKING:
    from coprod_desktop.domain.agreement import LensFigures
    from coprod_desktop.domain.model import Session


def run_report(args: list[str]) -> int:
    parser = _parser("coprod-desktop report", "Print the debrief's agreement figures.")
    parser.add_argument("session", type=Path)
    parser.add_argument("--format", choices=("text", "json", "csv"), default="text")
    options = parser.parse_args(args)
    session = load_or_report(options.session)
    if session is None:
        return EXIT_BAD_INPUT
    from coprod_desktop.domain.debrief import figures, report

    data = report(session)
    if options.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
    elif options.format == "csv":
        print(_csv(data), end="")
    else:
        for line in _text(session, data, figures):
            say(line)
    return EXIT_OK


def _csv(data: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["lens", "card", "group", "region", "popular", "agreement", "reference"])
    for lens, body in data["lenses"].items():
        for card, row in body["cards"].items():
            for group, region in row["placements"].items():
                agreement = "" if row["agreement"] is None else f"{row['agreement']:.3f}"
                writer.writerow(
                    [
                        lens,
                        card,
                        group,
                        region or "",
                        row["popular"] or "",
                        agreement,
                        row["reference"] or "",
                    ]
                )
    return out.getvalue()


def _count(n: int, unit: str) -> str:
    return f"{n} {unit}{'' if n == 1 else 's'}"


def _percent(value: Fraction | float | None) -> str:
    return "none" if value is None else f"{float(value) * 100:.0f}%"


def _text(
    session: Session,
    data: dict[str, Any],
    figures: Callable[[Session, str], LensFigures],
) -> list[str]:
    names = {g.id: g.name for g in session.groups}
    titles = {c.id: c.title for c in session.deck.cards}
    labels = {r.id: r.label for r in session.board.regions}
    lines = [f"{session.title}: {len(session.groups)} group(s)"]
    for lens in session.board.lenses:
        fig = figures(session, lens.id)
        kappa = fig.kappa
        shown = f"{float(kappa.value):.2f}" if kappa.value is not None else f"none ({kappa.reason})"
        placed = sum(1 for c in fig.cards.values() if c.placed_by)
        lines.append("")
        lines.append(f"{lens.label}: {placed} card(s) placed; Fleiss' kappa {shown}")
        for contest in fig.contested[:10]:
            apart = (
                f", {_count(contest.spread, lens.unit)} apart" if contest.spread is not None else ""
            )
            lines.append(
                f"contested: {titles.get(contest.card, contest.card)}: "
                f"{_count(contest.places, lens.unit)}{apart}, "
                f"agreement {_percent(contest.agreement)}"
            )
        for group, score in fig.scores.items():
            line = f"{names.get(group, group)}: {score.hits} of {score.compared} on the key"
            if score.distance is not None:
                line += f", {float(score.distance):.2f} {lens.unit}s from it on average"
            lines.append(line)
        agreed = [c for c in fig.cards.values() if c.placed_by >= 2 and c.agreement == 1]
        if agreed:
            lines.append(
                "agreed by every group that placed it: "
                + "; ".join(
                    f"{titles.get(c.card, c.card)} ({labels.get(c.popular or '', '')})"
                    for c in agreed[:10]
                )
                + (f"; and {len(agreed) - 10} more" if len(agreed) > 10 else "")
            )
    return lines
