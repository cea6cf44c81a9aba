"""The checks every writing subcommand makes before it writes anything.

One line naming the problem, or None: a missing or unreadable input is the loader's
message; an output that exists (without --force), a missing output folder, an output
that is not a regular file, or the input itself are refused here. No Qt.
"""

from __future__ import annotations

import stat
from pathlib import Path

from coprod_desktop.cli.common import _same_file


def output_problem(output: Path, inputs: list[Path], force: bool, what: str) -> str | None:
    """Why output cannot be written (what: "the PDF", "the CSV"), or None."""
    for source in inputs:
        if _same_file(output, source):
            return f"{output}: this is the input file {source.name}; choose another name for {what}"
    folder = output.parent
    if not folder.is_dir():
        return f"{output}: the folder {folder} does not exist; create it or choose another"
    try:
        mode = output.lstat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"{output}: cannot use this name ({exc.strerror or exc})"
    if not stat.S_ISREG(mode):
        kind = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        return f"{output}: this is {kind}; choose a file name for {what}"
    if not force:
        return f"{output}: the file exists; choose another name or add --force to replace it"
    return None
