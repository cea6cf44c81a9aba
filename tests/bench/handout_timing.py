"""How long a big workshop's handout takes: a benchmark that prints, never a timed test.

    uv run python -m tests.bench.handout_timing [GROUPS] [REPEATS]

The session is the example workshop with its three groups repeated until there
are GROUPS of them (real titles, texts and notes). The target is under 2 s for
10 groups. The best of REPEATS runs is reported (the first run also pays for
loading ReportLab and the fonts, reported separately).
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace

from coprod_desktop.domain.model import GROUP_COLOURS, Group, Session
from coprod_desktop.files.builtin import resources_dir
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import DEFAULT_OPTIONS, HandoutOptions, handout_bytes

EXAMPLE = "community-health-workshop.json"


def big_session(groups: int = 10) -> Session:
    session = load_session(resources_dir().parent / "sessions" / EXAMPLE)
    originals = list(session.groups)
    session.groups = [
        Group(
            id=f"g{i + 1}",
            name=f"{originals[i % len(originals)].name} ({i + 1})",
            colour=GROUP_COLOURS[i % len(GROUP_COLOURS)],
            cards=list(originals[i % len(originals)].cards),
            placements=[replace(p) for p in originals[i % len(originals)].placements],
        )
        for i in range(groups)
    ]
    return session


def bench_handout(
    groups: int = 10, repeats: int = 3, options: HandoutOptions = DEFAULT_OPTIONS
) -> dict[str, float]:
    """Seconds for the first build and the best of repeats builds, with pages and size."""
    session = big_session(groups)
    times: list[float] = []
    pages, size = 0, 0
    for _ in range(max(1, repeats) + 1):
        start = time.perf_counter()
        data, pages = handout_bytes(session, options)
        times.append(time.perf_counter() - start)
        size = len(data)
    return {"first_s": times[0], "best_s": min(times[1:]), "pages": pages, "bytes": size}


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    groups = int(args[0]) if args else 10
    repeats = int(args[1]) if len(args) > 1 else 3
    for name, options in (
        ("A4", HandoutOptions()),
        ("A4 large print", HandoutOptions(large_print=True)),
        ("A4 booklets", HandoutOptions(booklets=True)),
    ):
        r = bench_handout(groups, repeats, options)
        print(
            f"handout, {groups} groups, {name}: best {r['best_s']:.2f} s "
            f"(first {r['first_s']:.2f} s), {r['pages']:.0f} pages, "
            f"{r['bytes'] / 1024:.0f} KiB; target < 2 s"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
