"""The checks every writing subcommand makes before it writes anything.

One line naming the problem, or None: a missing or unreadable input is the loader's
message; an output that exists (without --force), a missing output folder, an output
that is not a regular file, or the input itself are refused here. No Qt.
"""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.cli.common import _same_file
from coprod_desktop.files.file_checks import write_target


def output_problem(output: Path, inputs: list[Path], force: bool, what: str) -> str | None:
    """Why output cannot be written (what: "the PDF", "the CSV"), or None."""
    for source in inputs:
        if _same_file(output, source):
            return f"{output}: this is the input file {source.name}; choose another name for {what}"
    folder = output.parent
    if not folder.is_dir():
        return f"{output}: the folder {folder} does not exist; create it or choose another"
    try:  # the same check as every save: a link is followed, a pipe or device refused
        target = write_target(output)
    except OSError as exc:
        return f"{output}: cannot write {what} here ({exc.strerror or exc})"
    if target.exists() and not force:
        return f"{output}: the file exists; choose another name or add --force to replace it"
    return None
