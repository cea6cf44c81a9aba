"""What the caller can choose about the printed cards. Pure Python: no ReportLab here."""

from __future__ import annotations

from dataclasses import dataclass

from coprod_desktop.handout.options import PAPERS

MATS: tuple[str, ...] = ("a3", "tiled", "none")
MAT_NAMES: dict[str, str] = {
    "a3": "one A3 sheet",
    "tiled": "tiled across the paper's sheets",
    "none": "no table mat",
}


@dataclass(frozen=True)
class PrintCardsOptions:
    paper: str = "a4"  # the cards' paper (and the tiled mat's): "a4" or "letter"
    backs: bool = False  # a page of card backs after each page of cards (long-edge duplex)
    mat: str = "a3"  # the board as a table mat: "a3", "tiled" (on paper) or "none"
    invariant: bool = False  # reproducible bytes: fixed dates and ids (tests, diffs)

    def __post_init__(self) -> None:
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper {self.paper!r} (expected one of {', '.join(PAPERS)})")
        if self.mat not in MATS:
            raise ValueError(f"unknown mat {self.mat!r} (expected one of {', '.join(MATS)})")
