"""File > Print cards, Export placements, Export board image and Merge sessions: the
window's way to what the `print-cards`, `export` and `merge` commands do (issue 18).

Each asks what it needs through ask_* methods (tests replace them), writes atomically,
and says what it wrote in the status bar; a failure is a message box and the session
stays as it was. ReportLab and the CSV writers are imported on first use: start-up
stays quick.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QGraphicsScene, QMainWindow, QMessageBox

from coprod_desktop.domain.merge import MergeProblems, merge_sessions
from coprod_desktop.domain.model import Session
from coprod_desktop.files.atomic_write import atomic_write_bytes
from coprod_desktop.files.session_file import load_session_file
from coprod_desktop.files.session_schema import SessionFormatError
from coprod_desktop.handout.print_options import PrintCardsOptions
from coprod_desktop.ui.accessibility import say
from coprod_desktop.ui.actions.file_actions import SESSION_FILTER, FileActions
from coprod_desktop.ui.actions.file_names import file_stem
from coprod_desktop.ui.dialogs.print_cards import ask_print_cards
from coprod_desktop.ui.dialogs.replace import os_path_taken, with_suffix_confirmed
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style.plain_text import isolate, quoted, show_plain_message

log = logging.getLogger(__name__)
PDF_FILTER = "PDF documents (*.pdf)"
CSV_FILTER = "CSV spreadsheets (*.csv)"
IMAGE_FILTER = "PNG images (*.png);;SVG drawings (*.svg)"
BOARD_IMAGE_WIDTH = 1920  # px: a slide's width
STATUS_MS = 10000


class FileExports(QObject):
    def __init__(self, document: SessionDocument, window: QMainWindow, files: FileActions):
        super().__init__(window)
        self.document, self.window, self.files = document, window, files
        # The debrief showing: its scene and the card under discussion (the window sets it).
        self.showing_debrief: Callable[[], tuple[QGraphicsScene, str] | None] = lambda: None

    # --- dialogs (replaced in tests) ------------------------------------------------------
    def ask_print_options(self) -> PrintCardsOptions | None:
        from coprod_desktop.handout.print_cards import paper_cards

        return ask_print_cards(self.window, len(paper_cards(self.document.session)))

    def ask_save_path(self, title: str, suggestion: str, filter_: str) -> Path | None:
        return self.files.ask_save_path(title, suggestion, filter_)

    def confirm_replace(self, path: Path) -> bool:
        return self.files.confirm_replace(path)

    def ask_merge_paths(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Merge sessions: choose two or more files", self._folder(), SESSION_FILTER
        )
        return [Path(n) for n in names]

    def ask_rename_groups(self, problems: list[str]) -> bool:
        answer = show_plain_message(
            self.window,
            "Merge sessions",
            "Some groups have the same id in more than one file:\n"
            + "\n".join(f"\u2022 {isolate(p)}" for p in problems)
            + "\n\nGive every group a fresh id (and a name no other group has) and merge?",
            QMessageBox.Icon.Question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, message: str) -> None:
        self.files.show_error(title, message)

    def say(self, message: str) -> None:
        log.info("%s", message)
        say(self.window, message, STATUS_MS)  # and announced

    # --- the actions ------------------------------------------------------------------------
    def print_cards(self) -> bool:
        """The cards to cut out and the table mat, as a PDF; False if cancelled or failed."""
        options = self.ask_print_options()
        if options is None:
            return False
        path = self._ask_path("Print cards", "-cards.pdf", PDF_FILTER, ".pdf")
        if path is None:
            return False
        from coprod_desktop.handout.print_cards import build_cards_pdf

        data, pages = build_cards_pdf(self.document.session, options)
        if not self._write(path, data, "the cards"):
            return False
        self.say(f"Cards saved as {path.name}: {pages} pages")
        return True

    def export_placements(self) -> bool:
        """Where every group put every card, per lens, as a CSV; beside it NAME-casolysis.csv
        for card-sort analysis tools."""
        path = self._ask_path("Export placements", "-placements.csv", CSV_FILTER, ".csv")
        if path is None:
            return False
        sibling = path.with_name(f"{path.stem}-casolysis.csv")
        if os_path_taken(sibling) and not self.confirm_replace(sibling):
            return False
        from coprod_desktop.files.placements_csv import (
            CASOLYSIS_COLUMNS,
            PLACEMENT_COLUMNS,
            casolysis_rows,
            placements_rows,
            to_csv,
        )

        session = self.document.session
        data = to_csv(PLACEMENT_COLUMNS, placements_rows(session))
        if not self._write(path, data, "the placements"):
            return False
        if not self._write(sibling, to_csv(CASOLYSIS_COLUMNS, casolysis_rows(session)), "it"):
            return False
        rows = data.count(b"\r\n") - 1
        self.say(f"Placements saved as {path.name} ({rows} rows) and {sibling.name}")
        return True

    def export_board_image(self) -> bool:
        """The current group's board as a PNG (for slides) or an SVG, 1920 px wide; while
        the debrief is showing, the debrief's board as the room sees it."""
        debrief = self.showing_debrief()
        if debrief is not None:
            return self._export_debrief_image(*debrief)
        group = self.document.current_group
        path = self._ask_image_path(f"-{file_stem(group.name)}-board.png")
        if path is None:
            return False
        suffix = path.suffix.lower()
        session = self.document.session
        if suffix == ".png":
            from coprod_desktop.ui.board_png import board_png

            data = board_png(session, group, BOARD_IMAGE_WIDTH)
        else:
            from coprod_desktop.handout.board_image import board_svg

            data = board_svg(session, group, BOARD_IMAGE_WIDTH)
        if not self._write(path, data, "the board image"):
            return False
        self.say(f"The board of {group.name} saved as {path.name}")
        return True

    def _export_debrief_image(self, scene: QGraphicsScene, card_id: str) -> bool:
        path = self._ask_image_path("-debrief.png")
        if path is None:
            return False
        suffix = path.suffix.lower()
        from coprod_desktop.ui.debrief.image import scene_png, scene_svg

        session = self.document.session
        card = session.deck.card(card_id) if card_id else None
        about = f"where the groups put \u201c{card.title}\u201d" if card else "the board"
        title = f"Debrief: {about}"
        if suffix == ".png":
            data = scene_png(scene, BOARD_IMAGE_WIDTH)
        else:
            description = f"{session.title}: {len(session.groups)} groups; {about}."
            data = scene_svg(scene, BOARD_IMAGE_WIDTH, title, description)
        if not self._write(path, data, "the board image"):
            return False
        self.say(f"The debrief board ({about}) saved as {path.name}")
        return True

    def merge_sessions(self) -> bool:
        """Several tables' session files (one laptop each) as one new, untitled session."""
        paths = self.ask_merge_paths()
        if not paths:
            return False
        if len(paths) < 2:
            self.show_error("Merge sessions", "Choose two or more session files to merge.")
            return False
        sources: list[tuple[str, Session]] = []
        for path in paths:
            try:
                session, _disk = load_session_file(path)
            except SessionFormatError as exc:
                self.show_error("Cannot merge", f"{quoted(path.name)} cannot be opened:\n{exc}")
                return False
            sources.append((path.name, session))
        merged = self._merged(sources)
        if merged is None or not self.files.maybe_save():
            return False
        self.files.guard.release()
        self.document.replace(merged, None)
        self.say(
            f"Merged {len(merged.groups)} groups from {len(sources)} files: "
            "save the new session to keep it"
        )
        return True

    # --- helpers ----------------------------------------------------------------------------
    def _merged(self, sources: list[tuple[str, Session]]) -> Session | None:
        try:
            return merge_sessions(sources)
        except MergeProblems as exc:
            first = exc.problems
        try:  # would fresh group ids solve every problem? then ask
            renamed = merge_sessions(sources, rename_groups=True)
        except MergeProblems as exc:
            self.show_error(
                "Cannot merge",
                "The sessions cannot be merged:\n"
                + "\n".join(f"\u2022 {isolate(p)}" for p in exc.problems)
                + "\n\nNothing was changed.",
            )
            return None
        clashes = [p.split(";")[0] for p in first]
        return renamed if self.ask_rename_groups(clashes) else None

    def _ask_image_path(self, ending: str) -> Path | None:
        """A .png or .svg path (.png added when none is typed); None if cancelled or
        another suffix (said)."""
        path = self._ask_path("Export board image", ending, IMAGE_FILTER, ".png")
        if path is None or path.suffix.lower() in (".png", ".svg"):
            return path
        self.show_error(
            "Cannot export the board image",
            f"{quoted(path.name)}: a board image is a .png or an .svg file, "
            f"not {path.suffix.lower()}.\n\nNothing was written.",
        )
        return None

    def _ask_path(self, title: str, ending: str, filter_: str, suffix: str) -> Path | None:
        document = self.document
        stem = document.path.stem if document.path else file_stem(document.session.title)
        path = self.ask_save_path(title, stem + ending, filter_)
        if path is None:
            return None
        return with_suffix_confirmed(path, suffix, self.confirm_replace)

    def _write(self, path: Path, data: bytes, what: str) -> bool:
        try:
            atomic_write_bytes(path, data)
        except OSError as exc:
            self.show_error(
                "Cannot write the file",
                f"{what.capitalize()} could not be written to\n{isolate(str(path))}\n"
                f"({exc.strerror or exc}).\n\nNothing in the session was changed.",
            )
            return False
        return True

    def _folder(self) -> str:
        return str(self.document.path.parent) if self.document.path else str(Path.cwd())
