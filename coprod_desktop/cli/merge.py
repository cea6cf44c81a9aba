"""`coprod-desktop merge A.json B.json ... -o OUT.json [--rename-groups] [--force]`:
one session with the groups of all the files (see domain/merge.py). The inputs are
never changed; a problem is one line each, exit 2, nothing written. No Qt."""

from __future__ import annotations

from pathlib import Path

from coprod_desktop.cli.common import EXIT_BAD_INPUT, EXIT_OK, _fail, _parser, load_or_report, say
from coprod_desktop.cli.outputs import output_problem


def run_merge(args: list[str]) -> int:
    parser = _parser("coprod-desktop merge", "Merge the groups of several session files.")
    parser.add_argument("sessions", type=Path, nargs="+", help="two or more session files")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument(
        "--rename-groups", action="store_true", help="give every group a fresh id (and name)"
    )
    parser.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")
    options = parser.parse_args(args)
    if len(options.sessions) < 2:
        _fail("merge: give two or more session files")
        return EXIT_BAD_INPUT
    sources = []
    for path in options.sessions:
        session = load_or_report(path)
        if session is None:
            return EXIT_BAD_INPUT
        sources.append((path.name, session))
    problem = output_problem(options.output, options.sessions, options.force, "the merged session")
    if problem:
        _fail(problem)
        return EXIT_BAD_INPUT
    from coprod_desktop.domain.errors import DomainError
    from coprod_desktop.domain.merge import MergeProblems, merge_sessions
    from coprod_desktop.files.session_file import save_session

    try:
        merged = merge_sessions(sources, options.rename_groups)
    except MergeProblems as exc:
        for line in exc.problems:
            _fail(line)
        return EXIT_BAD_INPUT
    except DomainError as exc:
        _fail(f"merge: {exc}")
        return EXIT_BAD_INPUT
    try:
        save_session(merged, options.output, keep_backup=True)
    except OSError as exc:
        _fail(f"{options.output}: cannot write the merged session ({exc.strerror or exc})")
        return EXIT_BAD_INPUT
    say(
        f"{options.output}: {len(merged.groups)} group(s) from {len(sources)} files, "
        f"{len(merged.deck.cards)} deck card(s)"
    )
    return EXIT_OK
