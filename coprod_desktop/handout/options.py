"""What the caller can choose about a handout. Pure Python: no ReportLab here."""

from __future__ import annotations

from dataclasses import dataclass

PAPERS: tuple[str, ...] = ("a4", "letter")
PAPER_NAMES: dict[str, str] = {"a4": "A4", "letter": "US Letter"}


@dataclass(frozen=True)
class HandoutOptions:
    paper: str = "a4"  # "a4" or "letter"
    invariant: bool = False  # reproducible bytes: fixed dates and ids (tests, diffs)
    large_print: bool = False  # body text of 16 pt and more, for readers who need it
    # One PDF made of consecutive booklets, one per group, to print for each table:
    # each booklet is the cover, that group's pages, the comparison across groups,
    # the reference and the questions; it starts on an odd page (a blank page is
    # added before it when needed) so double-sided printing keeps booklets apart,
    # and its pages are numbered on their own ("Booklet: Red table · Page 2 of 9").
    booklets: bool = False
    # Reference packs printed after the stories (resources/reference/ID.json), e.g. "wales".
    packs: tuple[str, ...] = ()
    # The facilitator's key with its reasoning in the debrief pages (after the debrief,
    # participants may take the facilitator's reading home; off: printed nowhere).
    key: bool = True

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r} (expected one of {', '.join(PAPERS)})")
