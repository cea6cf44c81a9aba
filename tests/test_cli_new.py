"""`coprod-desktop new`: a session file without a display; one-line errors, exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.cli.main import EXIT_BAD_INPUT, EXIT_OK, main
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session

ROOT = Path(__file__).resolve().parent.parent
GOOD_CSV = (
    "kind,title,text,more,source\n"
    'activity,"Walking group","Neighbours walk, talk and plan",,Local\n'
    "principle,Assets,People are assets,,\n"
)


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["PYTHONPATH"] = str(ROOT)
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


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("coprod-desktop: ")
    return lines[0]


def new(*args: str) -> int:
    return main(["new", *args])


def test_new_with_defaults_as_a_process(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    result = run("new", "-o", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines() == [
        f'{out}: new session "Co-production workshop", 3 group(s) (Group 1, Group 2, Group 3), '
        f'{len(content.deck().cards)} deck card(s), board "{content.board().title}"'
    ]
    session = load_session(out)
    assert [g.name for g in session.groups] == ["Group 1", "Group 2", "Group 3"]
    assert run("check", str(out)).returncode == 0


def test_new_with_every_option(tmp_path: Path, capsys) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text(GOOD_CSV, encoding="utf-8-sig")
    out = tmp_path / "s.json"
    assert (
        new(
            "-o",
            str(out),
            "--title",
            "Health, Cardiff",
            "--groups",
            "Red, Blue,Green",
            "--cards",
            str(cards),
            "--board",
            content.DEFAULT_BOARD_ID,
            "--date",
            "2026-05-01",
            "--venue",
            "Library",
            "--facilitator",
            "Ana",
        )
        == EXIT_OK
    )
    assert capsys.readouterr().err == ""
    s = load_session(out)
    assert s.title == "Health, Cardiff"
    assert [g.name for g in s.groups] == ["Red", "Blue", "Green"]
    assert [c.title for c in s.deck.cards] == ["Walking group", "Assets"]
    assert s.deck.cards[0].text == "Neighbours walk, talk and plan"
    assert (s.created, s.venue, s.facilitator) == ("2026-05-01", "Library", "Ana")


def test_new_with_builtin_plus_csv(tmp_path: Path) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text(GOOD_CSV, encoding="utf-8")
    out = tmp_path / "s.json"
    assert new("-o", str(out), "--cards", str(cards), "--with-builtin") == EXIT_OK
    assert len(load_session(out).deck.cards) == len(content.deck().cards) + 2


def test_an_exported_deck_with_builtin_adds_only_the_new_cards(tmp_path: Path, capsys) -> None:
    """A deck export (with its id column) of the built-in deck plus a card of one's own:
    the built-in rows are already in the deck (no error, nothing skipped), the own card
    comes in."""
    from coprod_desktop.domain.model import CardDraft
    from coprod_desktop.files.csv_cards import write_cards_csv

    session = content.new_session("Source", ["Red"])
    session.add_deck_cards([CardDraft("activity", "Street party", "Fun")])
    cards = tmp_path / "deck.csv"
    write_cards_csv(session.deck.cards, cards)
    out = tmp_path / "s.json"
    assert new("-o", str(out), "--cards", str(cards), "--with-builtin") == EXIT_OK
    assert capsys.readouterr().err == ""
    deck = load_session(out).deck
    assert [c.id for c in deck.cards] == [c.id for c in session.deck.cards]
    write_cards_csv(content.deck().cards, cards)
    assert new("-o", str(tmp_path / "t.json"), "--cards", str(cards), "--with-builtin") == 2
    assert "every card in the file is already in the built-in deck" in one_error_line(
        capsys.readouterr().err
    )
    assert new("-o", str(tmp_path / "u.json"), "--cards", str(cards)) == EXIT_OK


def test_groups_as_a_number(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    assert new("-o", str(out), "--groups", "5") == EXIT_OK
    assert [g.name for g in load_session(out).groups][-1] == "Group 5"


def test_skip_bad_rows_lists_each_skipped_row(tmp_path: Path, capsys) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text(GOOD_CSV + "banana,Fruit,x\nactivity,,text\n", encoding="utf-8")
    out = tmp_path / "s.json"
    assert new("-o", str(out), "--cards", str(cards), "--skip-bad-rows") == EXIT_OK
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"coprod-desktop: {cards}: row 4 skipped: unknown kind")
    assert err[1] == f"coprod-desktop: {cards}: row 5 skipped: missing title"
    assert len(load_session(out).deck.cards) == 2


# --- bad CSVs: one line naming the file, the row and the problem; no file written -------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"kind,title\nactivity,A\n", "row 1: the header row needs the column(s) text"),
        (
            b"kind,title,text\nbanana,A,x\nactivity,B,y\nfoo,C,z\n",
            'row 2: unknown kind "banana" (expected principle, activity, non_example, custom) '
            "(and 1 more row(s) with problems); fix the file or add --skip-bad-rows",
        ),
        (b'kind,title,text\nactivity,"A"oops,x\n', "row 2 (line 2): malformed CSV"),
        (b'kind,title,text\nactivity,"never closed,x\n', "row 2 (line 2): malformed CSV"),
        (b"kind,title,text\nactivity,Caf\xe9,x\n", "row 2: not UTF-8"),
        (b"kind,title,text\n", "no cards"),
        (b"kind,title,text\n,Only,x\n,Two,y\n", "row 2: missing kind"),
    ],
)
def test_bad_csv(tmp_path: Path, capsys, data: bytes, expected: str) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_bytes(data)
    out = tmp_path / "s.json"
    assert new("-o", str(out), "--cards", str(cards)) == EXIT_BAD_INPUT
    line = one_error_line(capsys.readouterr().err)
    assert line.startswith(f"coprod-desktop: {cards}: ")
    assert expected in line
    assert not out.exists()


def test_a_10_mb_csv_as_a_process(tmp_path: Path) -> None:
    cards = tmp_path / "big.csv"
    with cards.open("wb") as handle:
        handle.write(b"kind,title,text\n")
        row = b"activity,Title,Some text\n"
        handle.write(row * (10 * 1024 * 1024 // len(row) + 1))
    out = tmp_path / "s.json"
    result = run("new", "-o", str(out), "--cards", str(cards))
    assert result.returncode == EXIT_BAD_INPUT
    line = one_error_line(result.stderr)
    assert "10.5 MB; a card file is at most 5 MB" in line
    assert not out.exists()


def test_a_missing_csv(tmp_path: Path, capsys) -> None:
    assert new("-o", str(tmp_path / "s.json"), "--cards", str(tmp_path / "no.csv")) == 2
    assert "cannot read the file" in one_error_line(capsys.readouterr().err)


def test_all_rows_skipped_is_an_error_even_with_skip(tmp_path: Path, capsys) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text("kind,title,text\nbanana,A,x\n", encoding="utf-8")
    assert new("-o", str(tmp_path / "s.json"), "--cards", str(cards), "--skip-bad-rows") == 2
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"coprod-desktop: {cards}: no usable cards (1 row(s) skipped)"


# --- bad arguments ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--groups", "0"], "groups: 0 groups; choose 1 to 12"),
        (["--groups", "13"], "choose 1 to 12"),
        (["--groups", ",".join(f"T{i}" for i in range(13))], "at most 12 groups"),
        (["--groups", "Red,red"], 'two groups are called "red"'),
        (["--groups", " , ,"], "--groups: no group names"),
        (["--board", "nope"], 'board: no built-in board "nope"'),
        (["--date", "tomorrow"], 'date: "tomorrow" is not a date'),
        (["--with-builtin"], "--with-builtin needs --cards"),
    ],
)
def test_bad_arguments(tmp_path: Path, capsys, args: list[str], expected: str) -> None:
    out = tmp_path / "s.json"
    assert new("-o", str(out), *args) == EXIT_BAD_INPUT
    assert expected in one_error_line(capsys.readouterr().err)
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "the following arguments are required: -o/--output"),
        (["-o"], "argument -o/--output: expected one argument"),
        (["-o", "x.json", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_argparse_errors_are_one_line_exit_2(args: list[str], expected: str) -> None:
    result = run("new", *args)
    assert result.returncode == EXIT_BAD_INPUT
    line = one_error_line(result.stderr)
    assert expected in line
    assert "usage: coprod-desktop new" in line


def test_help_still_prints_in_full(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        new("--help")
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert "--groups" in out and "--cards" in out and len(out.splitlines()) > 5


def test_an_existing_file_is_not_replaced_without_force(tmp_path: Path, capsys) -> None:
    out = tmp_path / "s.json"
    out.write_text("precious", encoding="utf-8")
    assert new("-o", str(out)) == EXIT_BAD_INPUT
    assert "the file exists" in one_error_line(capsys.readouterr().err)
    assert out.read_text(encoding="utf-8") == "precious"
    assert new("-o", str(out), "--force", "--title", "Replaced") == EXIT_OK
    assert json.loads(out.read_text(encoding="utf-8"))["title"] == "Replaced"


def test_output_over_the_csv_is_refused(tmp_path: Path, capsys) -> None:
    cards = tmp_path / "cards.csv"
    cards.write_text(GOOD_CSV, encoding="utf-8")
    assert new("-o", str(cards), "--cards", str(cards), "--force") == EXIT_BAD_INPUT
    assert "the CSV file itself" in one_error_line(capsys.readouterr().err)
    assert cards.read_text(encoding="utf-8") == GOOD_CSV


def test_a_folder_that_does_not_exist(tmp_path: Path, capsys) -> None:
    out = tmp_path / "nowhere" / "s.json"
    assert new("-o", str(out)) == EXIT_BAD_INPUT
    assert "cannot write the session" in one_error_line(capsys.readouterr().err)


def test_new_loads_no_qt(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom coprod_desktop.cli.main import main\n"
        f"assert main(['new', '-o', {str(tmp_path / 's.json')!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
