"""What the caller can choose about a handout. Pure Python: no ReportLab here."""

from __future__ import annotations

from dataclasses import dataclass

PAPERS: tuple[str, ...] = ("a4", "letter")


@dataclass(frozen=True)
class HandoutOptions:
    paper: str = "a4"  # "a4" or "letter"
    invariant: bool = False  # reproducible bytes: fixed dates and ids (tests, diffs)
    large_print: bool = False  # bigger text throughout for readers who need it

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r} (expected one of {', '.join(PAPERS)})")
