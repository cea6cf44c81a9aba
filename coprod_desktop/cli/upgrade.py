"""`coprod-desktop upgrade SESSION.json`: rewrite an older session file as the current
schema version, in place. Atomic, the previous version kept as SESSION.json.bak, keys
another tool wrote kept; through a symbolic link the file it points to is rewritten and
the link stays. A file that cannot be read is left untouched (one line, exit 2). No Qt."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    _fail,
    _parser,
    load_or_report,
    say,
)


def run_upgrade(args: list[str]) -> int:
    parser = _parser(
        "coprod-desktop upgrade",
        "Rewrite an older session file as the current version (the old one kept as .bak).",
    )
    parser.add_argument("session", type=Path)
    options = parser.parse_args(args)
    path: Path = options.session
    from coprod_desktop.files.file_checks import read_regular_bytes, write_target
    from coprod_desktop.files.session_file import MAX_FILE_BYTES, parse_json, save_session
    from coprod_desktop.files.session_lock import held_elsewhere
    from coprod_desktop.files.session_schema import SCHEMA_VERSION

    session = load_or_report(path)  # every check a window makes when it opens the file
    if session is None:
        return EXIT_BAD_INPUT
    owner = held_elsewhere(path)
    if owner is not None:
        _fail(f"{path}: the file is open in coprod-desktop ({owner.describe()}); close it first")
        return EXIT_BAD_INPUT
    try:
        version = parse_json(read_regular_bytes(path, MAX_FILE_BYTES + 1))["schema_version"]
        if version == SCHEMA_VERSION:
            say(f"{path}: already version {SCHEMA_VERSION}; nothing to do")
            return EXIT_OK
        written = write_target(path)
        save_session(session, path, keep_backup=True)
    except OSError as exc:
        _fail(f"{path}: cannot rewrite the file ({exc.strerror or exc}); it is unchanged")
        return EXIT_BAD_INPUT
    say(
        f"{path}: upgraded from version {version} to {SCHEMA_VERSION}; "
        f"the old file is kept as {written.name}.bak"
    )
    return EXIT_OK
