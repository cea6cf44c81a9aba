"""The example workshop's handouts, each built once per test process.

A dozen test modules read the same handouts of sessions/community-health-workshop.json
(standard, booklets, large print, letter): built once here and shared, they cost the
suite one build each instead of one per module (the suite's time budget, issue 10).
The PDF is bytes, which no test can change; each build loads the file afresh, so no
test's edits to its own session reach another's handout.
"""

from __future__ import annotations

import functools
from pathlib import Path

from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, handout_bytes

EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


@functools.cache
def example_handout(options: HandoutOptions) -> tuple[bytes, int]:
    """(PDF, page count) of the example workshop's handout with options."""
    return handout_bytes(load_session(EXAMPLE), options)


def example_pdf_with(options: HandoutOptions) -> bytes:
    return example_handout(options)[0]
