"""When user text is too long for a table: a table row cannot be split across pages, so
a row taller than a page does not print at all (ReportLab's LayoutError). The sections
that lay user text out in tables ask rows_fit first and print a list instead."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable

# Points. Two such rows (a repeated heading row and one row) still fit on a page of A4
# or US Letter with room to spare; anything taller is far too much text for a table.
MAX_ROW_HEIGHT = 280.0
CELL_PADDING = 8.0  # left plus right padding of the handout's tables


def rows_fit(
    rows: Sequence[Sequence[Flowable | str]], widths: Sequence[float], limit: float = MAX_ROW_HEIGHT
) -> bool:
    """Whether every cell of rows (Flowables, or plain strings that are short) is at most
    limit points tall in its column."""
    for row in rows:
        for cell, width in zip(row, widths, strict=True):
            if isinstance(cell, Flowable) and _height(cell, width) > limit:
                return False
    return True


def _height(cell: Flowable, width: float) -> float:
    return float(cell.wrap(max(width - CELL_PADDING, 1.0), 1e9)[1])
