"""The printed handout: a session as a PDF that participants take home.

Importing this package is cheap: ReportLab is loaded only when a handout is
made, by write_handout or handout_bytes. No Qt anywhere in here.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from coprod_desktop.handout.options import HandoutOptions

if TYPE_CHECKING:
    from coprod_desktop.domain.model import Session

__all__ = [
    "DEFAULT_OPTIONS",
    "HandoutOptions",
    "facilitator_sheet_bytes",
    "handout_bytes",
    "write_handout",
]

DEFAULT_OPTIONS = HandoutOptions()  # A4, normal print, real dates


def handout_bytes(session: Session, options: HandoutOptions = DEFAULT_OPTIONS) -> tuple[bytes, int]:
    """The handout as PDF bytes, with its number of pages."""
    from coprod_desktop.handout.document import build_pdf

    return build_pdf(session, options)


def facilitator_sheet_bytes(
    session: Session, options: HandoutOptions = DEFAULT_OPTIONS
) -> tuple[bytes, int]:
    """The facilitator's sheet (prompts and key, never for participants) as PDF bytes."""
    from coprod_desktop.handout.facilitator import facilitator_bytes

    return facilitator_bytes(session, options)


def write_handout(
    session: Session,
    path: str | Path,
    options: HandoutOptions = DEFAULT_OPTIONS,
    facilitator: bool = False,
) -> int:
    """Write the handout (or, with facilitator, the facilitator's sheet) atomically to
    path; returns the number of pages.

    On failure the file at path is untouched and OSError propagates.
    """
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    make = facilitator_sheet_bytes if facilitator else handout_bytes
    data, pages = make(session, options)
    atomic_write_bytes(Path(path), data)
    return pages
