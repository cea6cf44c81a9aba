"""The command line: check, handout, --version. One-line errors, exit 2, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop import __version__
from coprod_desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK, main
from coprod_desktop.files.session_file import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["PYTHONPATH"] = str(ROOT)  # the source tree, whatever the working directory
    return subprocess.run(
        [sys.executable, "-m", "coprod_desktop", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def write(path: Path, data: Any) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    elif isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("coprod-desktop: ")
    return lines[0]


# --- check ---------------------------------------------------------------------


def test_check_a_good_file_in_process(capsys) -> None:
    assert main(["check", str(EXAMPLE)]) == EXIT_OK == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{EXAMPLE}: ok")
    assert "Co-producing community health, Cardiff, spring 2026" in lines[0]
    assert "3 group(s)" in lines[0]
    assert "221 placement(s)" in lines[0] and "25 note(s)" in lines[0]
    assert "31 mark(s)" in lines[0] and "6 card(s) still to decide" in lines[0]


def test_check_a_good_file_as_a_process(tmp_path: Path) -> None:
    result = run("check", str(EXAMPLE), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert len(result.stdout.splitlines()) == 1
    assert ": ok" in result.stdout


def test_check_summary_stays_one_line_with_a_multiline_title(tmp_path: Path, capsys) -> None:
    data = example()
    data["title"] = "Co-production\nday two\r\n  (Cardiff)"
    path = write(tmp_path / "s.json", data)
    assert main(["check", str(path)]) == 0
    out, _ = capsys.readouterr()
    assert len(out.splitlines()) == 1
    assert '"Co-production day two (Cardiff)"' in out


def _set(data: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


BAD_FILES = [
    # (name, contents, text the one error line must contain)
    ("syntax", '{\n  "format": "coprod-session",\n  "title" "x"\n}', "line 3, column 11"),
    ("trailing", '{"format": "coprod-session",}', "line 1, column 29"),
    ("empty", b"", "empty"),
    ("latin1", b'{"title": "caf\xe9"}', "not UTF-8"),
    ("nan", '{"format": "coprod-session", "schema_version": NaN}', "NaN"),
    (
        "dupkey",
        '{"format": "coprod-session", "format": "coprod-session"}',
        "'format' appears twice",
    ),
    ("deep", "[" * 5000 + "]" * 5000, "nested more than"),
    ("list", "[]", "expected a JSON object"),
    ("format", {"format": "something-else"}, "format: not a coprod-desktop session"),
    (
        "newer",
        _set(example(), ["schema_version"], 99),
        "schema_version: version 99 was made by a newer version",
    ),
    (
        "missing",
        _set(example(), ["groups", 1, "name"], None),
        "groups[1].name: expected text, found null",
    ),
    (
        "region",
        _set(example(), ["groups", 2, "placements", 0, "region"], "x"),
        "groups[2].placements[0].region: unknown region 'x'",
    ),
    (
        "kind",
        _set(example(), ["deck", "cards", 0, "kind"], "x"),
        "deck.cards[0].kind: unknown kind 'x'",
    ),
    ("colour", _set(example(), ["groups", 0, "colour"], "#zzzzzz"), "groups[0].colour"),
]


@pytest.mark.parametrize(("name", "contents", "expected"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_check_a_bad_file_in_process(
    tmp_path: Path, capsys, name: str, contents: Any, expected: str
) -> None:
    path = write(tmp_path / f"{name}.json", contents)
    assert main(["check", str(path)]) == EXIT_BAD_INPUT == 2
    out, err = capsys.readouterr()
    assert out == ""
    line = one_error_line(err)
    assert str(path) in line
    assert expected in line


@pytest.mark.parametrize("name", ["syntax", "newer", "deep"])
def test_check_a_bad_file_as_a_process(tmp_path: Path, name: str) -> None:
    _, contents, expected = next(b for b in BAD_FILES if b[0] == name)
    path = write(tmp_path / f"{name}.json", contents)
    result = run("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert expected in one_error_line(result.stderr)


def test_check_a_file_over_20_mb(tmp_path: Path, capsys) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    assert main(["check", str(path)]) == 2
    assert "at most 20 MB" in one_error_line(capsys.readouterr().err)


def test_check_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "no such file.json"
    result = run("check", str(missing))
    assert result.returncode == 2
    line = one_error_line(result.stderr)
    assert str(missing) in line
    assert "cannot read the file" in line


def test_check_a_folder(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path)]) == 2
    assert "cannot read the file" in one_error_line(capsys.readouterr().err)


def test_check_without_a_file_is_a_usage_error() -> None:
    result = run("check")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "usage: coprod-desktop check" in result.stderr


# --- --version -----------------------------------------------------------------


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"coprod-desktop {__version__}"
    assert __version__ == "0.1.0"  # read from the installed metadata, not the fallback


def test_version_does_not_open_a_window(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from coprod_desktop.cli.main import main\n"
        "try:\n"
        "    main(['--version'])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_console_script_is_installed(tmp_path: Path) -> None:
    script = shutil.which("coprod-desktop-cli", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("coprod-desktop-cli is not installed next to this interpreter")
    result = subprocess.run(
        [script, "check", str(EXAMPLE)], capture_output=True, text=True, cwd=tmp_path, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert ": ok" in result.stdout


# --- handout -------------------------------------------------------------------


def test_handout_writes_a_pdf(tmp_path: Path) -> None:
    pytest.importorskip("coprod_desktop.handout")
    out = tmp_path / "handout.pdf"
    result = run("handout", str(EXAMPLE), "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert result.stdout.strip().startswith(f"{out}: ")
    assert "page(s)" in result.stdout


def test_handout_on_letter_paper(tmp_path: Path, capsys) -> None:
    pytest.importorskip("coprod_desktop.handout")
    pypdf = pytest.importorskip("pypdf")
    a4, letter = tmp_path / "a4.pdf", tmp_path / "letter.pdf"
    assert main(["handout", str(EXAMPLE), "-o", str(a4)]) == 0
    assert main(["handout", str(EXAMPLE), "-o", str(letter), "--paper", "letter"]) == 0
    a4_box = pypdf.PdfReader(a4).pages[0].mediabox
    letter_box = pypdf.PdfReader(letter).pages[0].mediabox
    assert sorted((round(float(a4_box.width)), round(float(a4_box.height)))) == [595, 842]
    assert sorted((round(float(letter_box.width)), round(float(letter_box.height)))) == [612, 792]


@pytest.mark.parametrize("name", ["syntax", "newer", "region"])
def test_handout_on_a_bad_file(tmp_path: Path, name: str) -> None:
    _, contents, expected = next(b for b in BAD_FILES if b[0] == name)
    path = write(tmp_path / f"{name}.json", contents)
    out = tmp_path / "out.pdf"
    result = run("handout", str(path), "-o", str(out))
    assert result.returncode == 2
    assert expected in one_error_line(result.stderr)
    assert not out.exists()


def test_handout_to_a_missing_folder(tmp_path: Path, capsys) -> None:
    pytest.importorskip("coprod_desktop.handout")
    out = tmp_path / "no" / "such" / "folder" / "h.pdf"
    assert main(["handout", str(EXAMPLE), "-o", str(out)]) == 2
    line = one_error_line(capsys.readouterr().err)
    assert str(out) in line and "cannot write" in line


def test_handout_refuses_to_overwrite_its_own_session(tmp_path: Path, capsys) -> None:
    session = tmp_path / "s.json"
    shutil.copy(EXAMPLE, session)
    before = session.read_bytes()
    assert main(["handout", str(session), "-o", str(tmp_path / "." / "s.json")]) == 2
    assert "session file itself" in one_error_line(capsys.readouterr().err)
    assert session.read_bytes() == before


def test_handout_without_output_is_a_usage_error() -> None:
    result = run("handout", str(EXAMPLE))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "-o" in result.stderr


def test_handout_bad_paper_is_a_usage_error() -> None:
    result = run("handout", str(EXAMPLE), "-o", "x.pdf", "--paper", "a3")
    assert result.returncode == 2
    assert "invalid choice: 'a3'" in result.stderr


def test_an_unexpected_error_is_one_line_not_a_traceback(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    """Even a bug in a subcommand ends with one line and a non-zero status."""
    from coprod_desktop.files import session_file as storage

    def broken(path: Any) -> Any:
        raise RuntimeError("something\nunforeseen")

    monkeypatch.setattr(storage, "load_session", broken)
    code = main(["check", str(EXAMPLE)])
    assert code not in (0, 2)
    line = one_error_line(capsys.readouterr().err)
    assert "something unforeseen" in line


# --- hostile text on the terminal (issue 17, item 6) -----------------------------------


def test_check_never_prints_a_files_escape_codes_raw(tmp_path: Path) -> None:
    """Before: a title with ESC [ 31 m turned the terminal red, and one with ESC ] 0 ;
    retitled it; U+202E reversed the rest of the line."""
    data = example()
    data["title"] = "ok \x1b[31mRED\x1b[0m \x1b]0;owned\x07 \u202eevil \x9b2J"
    path = write(tmp_path / "s.json", data)
    result = run("check", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for raw in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert raw not in out
    assert r"ok \x1b[31mRED\x1b[0m \x1b]0;owned\x07 \u202eevil \x9b2J" in out


def test_a_file_name_with_escape_codes_is_escaped_in_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad\x1b[2Jname\u202e.json"
    path.write_text("{", encoding="utf-8")
    result = run("check", str(path))
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\u202e" not in result.stderr
    assert r"bad\x1b[2Jname\u202e.json" in one_error_line(result.stderr)


def test_a_huge_offending_value_is_cut_in_the_message(tmp_path: Path, capsys) -> None:
    """Before: the error line quoted all of a 1 MB card kind."""
    data = example()
    data["deck"]["cards"][0]["kind"] = "k" * 1_000_000
    path = write(tmp_path / "s.json", data)
    assert main(["check", str(path)]) == EXIT_BAD_INPUT
    _, err = capsys.readouterr()
    line = one_error_line(err)
    assert len(line) < 400, len(line)
    assert "deck.cards[0].kind: unknown kind 'kkkk" in line
    assert "…" + "k" * 12 + "' (1,000,000 characters)" in line
    assert "(expected one of" in line  # what follows the value is kept


def test_a_huge_title_is_cut_in_the_summary(tmp_path: Path, capsys) -> None:
    data = example()
    data["title"] = "T" * 200_000
    path = write(tmp_path / "s.json", data)
    assert main(["check", str(path)]) == EXIT_OK
    out, _ = capsys.readouterr()
    assert len(out) < 500 and "(200,000 characters)" in out and "3 group(s)" in out


def test_log_lines_on_the_terminal_are_escaped_too() -> None:
    import logging

    from coprod_desktop.cli.common import TerminalFormatter

    record = logging.LogRecord(
        "coprod", logging.WARNING, __file__, 1, "%s is open", ("x\x1b[2J\u202e.json",), None
    )
    shown = TerminalFormatter("%(levelname)s: %(message)s").format(record)
    assert shown == r"WARNING: x\x1b[2J\u202e.json is open"
    record.msg, record.args = "line one\nline two", ()
    assert TerminalFormatter("%(message)s").format(record) == "line one\nline two"
