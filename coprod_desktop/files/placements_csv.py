"""Where every group put every card, as CSV for spreadsheets and card-sort analysis tools.

- placements_rows: one row per group, card and lens (a card a group left in the tray has
  no row); columns in PLACEMENT_COLUMNS.
- casolysis_rows: the layout card-sort analysis tools read (card_id, card_label,
  category_id, category_label, user_id), with each group as a "user" and each lens's
  regions as categories, the lens in the category id ("ladder:ladder-co-design").
Text fields are formula-safe (a leading = + - @ is prefixed with ', as Deck > Export
does). Written as UTF-8 with a BOM so Excel reads the accents. No Qt."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from coprod_desktop.domain.decisions import principle_numbers
from coprod_desktop.domain.model import Session
from coprod_desktop.files.csv_cards import protect_formula

PLACEMENT_COLUMNS = (
    "group",
    "card_id",
    "card_title",
    "kind",
    "lens",
    "region_id",
    "region_label",
    "rank",
    "marks",
    "note",
)
CASOLYSIS_COLUMNS = ("card_id", "card_label", "category_id", "category_label", "user_id")


def placements_rows(session: Session) -> Iterator[list[str]]:
    board = session.board
    numbers = principle_numbers(session.deck)
    for group in session.groups:
        for placement in group.placements:
            region = board.region(placement.region)
            if region is None:
                continue
            card = session.card(group, placement.card)
            marks = "; ".join(
                f"{numbers.get(p, '')} {title}".strip()
                for p in group.marks_of(card.id)
                if (title := _title(session, p))
            )
            yield [
                group.name,
                card.id,
                card.title,
                card.kind,
                region.lens,
                region.id,
                region.label,
                "" if region.rank is None else str(region.rank),
                marks,
                group.note(card.id),
            ]


def casolysis_rows(session: Session) -> Iterator[list[str]]:
    for group in session.groups:
        for placement in group.placements:
            region = session.board.region(placement.region)
            if region is None:
                continue
            card = session.card(group, placement.card)
            yield [card.id, card.title, f"{region.lens}:{region.id}", region.label, group.name]


def to_csv(header: tuple[str, ...], rows: Iterator[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([protect_formula(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _title(session: Session, card_id: str) -> str:
    card = session.deck.card(card_id)
    return card.title if card is not None else ""
