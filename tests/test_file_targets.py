"""Symbolic links, pipes and devices (issue 17, item 4): a save through a link writes the
file it points to and keeps the link; a target that is not a regular file is refused with
a clear message before it is touched; reading a pipe is refused instead of hanging."""

from __future__ import annotations

import os
import stat
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from coprod_desktop.cli.main import EXIT_BAD_INPUT, main
from coprod_desktop.files import builtin as content
from coprod_desktop.files.atomic_write import NotRegularFileError, atomic_write_bytes
from coprod_desktop.files.csv_cards import CsvCardsError, read_cards_csv, write_cards_csv
from coprod_desktop.files.recovery import RecoveryStore
from coprod_desktop.files.session_file import load_session, save_session
from coprod_desktop.handout import write_handout


def finishes(action: Callable[[], object], fifo: Path | None = None, seconds: float = 10.0):
    """Run action in a thread; if it blocks on the pipe, unblock it and fail the test."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive() and fifo is not None:
        # Open the other end so the blocked open returns, then fail.
        fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
        thread.join(5)
        os.close(fd)
        pytest.fail(f"blocked on the pipe {fifo}")
    assert not thread.is_alive()
    return outcome


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def device(tmp_path: Path) -> Path:
    path = tmp_path / "null.json"
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here ({exc})")
    return path


# --- symbolic links -----------------------------------------------------------------


def test_save_through_a_symlink_writes_the_target_and_keeps_the_link(tmp_path: Path) -> None:
    real_dir = tmp_path / "shared"
    real_dir.mkdir()
    real = real_dir / "workshop.json"
    save_session(content.new_session("First", ["A"]), real)
    link = tmp_path / "workshop.json"
    link.symlink_to(real)
    save_session(content.new_session("Second", ["A"]), link)
    assert link.is_symlink() and link.resolve() == real
    assert load_session(real).title == "Second"
    # the previous version is kept beside the real file; nothing stray beside the link
    assert load_session(real_dir / "workshop.json.bak").title == "First"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shared", "workshop.json"]
    assert not [p for p in real_dir.iterdir() if p.name.endswith(".tmp")]


def test_a_chain_of_links_and_a_relative_link_reach_the_file(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("old")
    (tmp_path / "one.csv").symlink_to("real.csv")  # relative
    (tmp_path / "two.csv").symlink_to(tmp_path / "one.csv")
    write_cards_csv(content.deck().cards, tmp_path / "two.csv")
    assert (tmp_path / "two.csv").is_symlink() and (tmp_path / "one.csv").is_symlink()
    assert real.read_bytes().startswith(b"\xef\xbb\xbfkind,title")


def test_a_link_to_nowhere_creates_its_target(tmp_path: Path) -> None:
    link = tmp_path / "handout.pdf"
    link.symlink_to(tmp_path / "made.pdf")
    write_handout(content.new_session("T", ["A"]), link)
    assert link.is_symlink() and (tmp_path / "made.pdf").read_bytes().startswith(b"%PDF")


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
    (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
    with pytest.raises(OSError):
        save_session(content.new_session("T", ["A"]), tmp_path / "a.json")
    assert (tmp_path / "a.json").is_symlink() and (tmp_path / "b.json").is_symlink()


def test_the_file_keeps_its_mode_through_the_link(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    real.chmod(0o600)
    (tmp_path / "link.json").symlink_to(real)
    atomic_write_bytes(tmp_path / "link.json", b"new")
    assert stat.S_IMODE(real.stat().st_mode) == 0o600 and real.read_bytes() == b"new"


def test_a_backup_name_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    target = tmp_path / "s.json"
    save_session(content.new_session("One", ["A"]), target)
    (tmp_path / "s.json.bak").symlink_to(victim)
    save_session(content.new_session("Two", ["A"]), target)
    assert victim.read_text() == "keep me"
    assert load_session(tmp_path / "s.json.bak").title == "One"


# --- pipes and devices as targets -----------------------------------------------------


def test_saving_onto_a_pipe_is_refused_at_once(fifo: Path) -> None:
    outcome = finishes(lambda: save_session(content.new_session("T", ["A"]), fifo), fifo)
    error = outcome.get("error")
    assert isinstance(error, NotRegularFileError)
    assert "named pipe" in str(error.strerror) and "not a regular file" in str(error.strerror)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in fifo.parent.iterdir()) == ["pipe.json"]


def test_saving_onto_a_device_leaves_the_device(device: Path) -> None:
    with pytest.raises(NotRegularFileError, match="device"):
        save_session(content.new_session("T", ["A"]), device)
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_a_link_to_a_pipe_is_refused(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    outcome = finishes(lambda: atomic_write_bytes(link, b"x"), fifo)
    assert isinstance(outcome.get("error"), NotRegularFileError)
    assert link.is_symlink() and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "d.json").mkdir()
    with pytest.raises(NotRegularFileError, match="folder"):
        atomic_write_bytes(tmp_path / "d.json", b"x")


def test_cli_handout_onto_a_pipe_or_device_is_refused(
    fifo: Path, tmp_path: Path, capsys, example_path: Path
) -> None:
    outcome = finishes(lambda: main(["handout", str(example_path), "-o", str(fifo)]), fifo)
    assert outcome.get("value") == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "named pipe" in err and err.count("\n") == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_cli_handout_onto_a_device_is_refused(device: Path, capsys, example_path: Path) -> None:
    assert main(["handout", str(example_path), "-o", str(device)]) == EXIT_BAD_INPUT
    assert "device" in capsys.readouterr().err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_cli_new_force_onto_a_pipe_is_refused(fifo: Path, capsys) -> None:
    outcome = finishes(lambda: main(["new", "-o", str(fifo), "--force"]), fifo)
    assert outcome.get("value") == EXIT_BAD_INPUT
    assert "named pipe" in capsys.readouterr().err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_cli_new_force_through_a_link_keeps_the_link(tmp_path: Path, capsys) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["new", "-o", str(link), "--force", "--title", "Linked"]) == 0
    assert link.is_symlink() and load_session(real).title == "Linked"


# --- pipes as sources ---------------------------------------------------------------------


def test_reading_cards_from_a_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "cards.csv"
    os.mkfifo(pipe)
    outcome = finishes(lambda: read_cards_csv(pipe), pipe)
    error = outcome.get("error")
    assert isinstance(error, CsvCardsError) and "named pipe" in str(error)


def test_cli_new_with_cards_from_a_pipe_is_refused(tmp_path: Path, capsys) -> None:
    pipe = tmp_path / "cards.csv"
    os.mkfifo(pipe)
    outcome = finishes(
        lambda: main(["new", "-o", str(tmp_path / "s.json"), "--cards", str(pipe)]), pipe
    )
    assert outcome.get("value") == EXIT_BAD_INPUT
    assert "named pipe" in capsys.readouterr().err
    assert not (tmp_path / "s.json").exists()


def test_a_pipe_in_the_recovery_folder_does_not_hang_start_up(tmp_path: Path) -> None:
    pipe = tmp_path / "1234-deadbeef.json"
    os.mkfifo(pipe)
    store = RecoveryStore(tmp_path)
    store.start()
    outcome = finishes(store.orphans, pipe)
    entries = outcome.get("value")
    assert isinstance(entries, list) and len(entries) == 1
    assert not entries[0].ok and "named pipe" in entries[0].problem
    store.close()


def test_the_window_refuses_to_save_onto_a_pipe_and_says_why(open_window, fifo: Path) -> None:
    window = open_window(content.new_session("T", ["A"]), size=None, show=False)
    window.document.place(window.document.session.deck.cards[0].id, "ladder-coercion")
    errors: list[str] = []
    window.files.show_error = lambda title, message: errors.append(message)
    window.files.ask_save_path = lambda *_args: fifo
    outcome = finishes(window.files.save_as, fifo)
    assert outcome.get("value") is False
    assert "named pipe" in errors[0] and "Nothing was lost" in errors[0]
    assert window.document.is_modified() and window.document.path is None


def test_the_export_dialog_refuses_a_pipe_before_making_the_pdf(qtbot, fifo: Path) -> None:
    from PySide6.QtCore import QSettings

    from coprod_desktop.ui.dialogs.export import ExportDialog, ExportSettings

    settings = ExportSettings(QSettings(str(fifo.parent / "s.ini"), QSettings.Format.IniFormat))
    dialog = ExportDialog(None, fifo.with_suffix(".pdf"), settings, 2)
    qtbot.addWidget(dialog)
    pdf = fifo.with_suffix(".pdf")
    os.mkfifo(pdf)
    dialog.accept()
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    assert "named pipe" in dialog.problem.text()
