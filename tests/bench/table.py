"""One row per figure, and the table that prints them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

COLUMNS = ("figure", "value", "baseline", "ratio", "budget", "result")


@dataclass(frozen=True)
class Row:
    """A measured figure. A budget may bound the value, the ratio to the baseline, or both;
    a row with neither is information only."""

    figure: str
    value: float | None
    unit: str
    baseline: float | None = None
    max_value: float | None = None
    max_ratio: float | None = None
    error: str = ""
    min_value: float | None = None  # a floor (a text size), where max_value is a ceiling

    @property
    def ratio(self) -> float | None:
        if self.value is None or not self.baseline:
            return None
        return self.value / self.baseline

    @property
    def passed(self) -> bool | None:
        """True or False against the budget; None when there is no budget or no value."""
        if self.value is None or (
            self.max_value is None and self.max_ratio is None and self.min_value is None
        ):
            return None
        if self.max_value is not None and self.value > self.max_value:
            return False
        if self.min_value is not None and self.value < self.min_value:
            return False
        ratio = self.ratio
        return not (self.max_ratio is not None and ratio is not None and ratio > self.max_ratio)

    def cells(self) -> tuple[str, ...]:
        budget = []
        if self.min_value is not None:
            budget.append(f">= {_number(self.min_value, self.unit)}")
        if self.max_value is not None:
            budget.append(f"<= {_number(self.max_value, self.unit)}")
        if self.max_ratio is not None:
            budget.append(f"<= {self.max_ratio:g}x")
        if self.error:
            result = "error"
        else:
            result = {True: "pass", False: "FAIL", None: "info"}[self.passed]
        ratio = self.ratio
        return (
            self.figure,
            self.error or _number(self.value, self.unit),
            _number(self.baseline, self.unit),
            f"{ratio:.2f}x" if ratio is not None else "-",
            ", ".join(budget) or "-",
            result,
        )


@dataclass
class Result:
    """What one benchmark module returns: its rows and any detail lines to print below."""

    rows: list[Row] = field(default_factory=list)
    details: list[str] = field(default_factory=list)


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return "-"
    if unit in ("ms", "MB", "s"):
        text = f"{value:.1f}" if abs(value) < 100 else f"{value:.0f}"
    elif float(value).is_integer():
        text = f"{value:.0f}"
    else:
        text = f"{value:.2f}"
    return f"{text} {unit}".strip()


def render(rows: Sequence[Row], markdown: bool = False) -> str:
    """The rows as an aligned text table, or as a Markdown table."""
    body = [row.cells() for row in rows]
    if markdown:
        lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "|".join("---" for _ in COLUMNS) + "|"]
        lines += ["| " + " | ".join(cells) + " |" for cells in body]
        return "\n".join(lines)
    widths = [max(len(c[i]) for c in (COLUMNS, *body)) for i in range(len(COLUMNS))]
    numeric = {1, 2, 3}

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            c.rjust(w) if i in numeric else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(COLUMNS), rule, *(line(c) for c in body)])
