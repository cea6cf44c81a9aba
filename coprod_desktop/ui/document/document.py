"""The open session: model, undo stack, file path and the current group.

Widgets never write the model: they call the methods here, each of which pushes
one undo command. Views listen to the signals and redraw.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Arrangement, Group, Session
from coprod_desktop.files.disk_state import Fingerprint
from coprod_desktop.files.session_settings import current_group as saved_current_group
from coprod_desktop.files.session_settings import set_current_group as save_current_group
from coprod_desktop.ui.document.commands import (
    AddGroupCommand,
    ArrangementCommand,
    CloseRoundCommand,
    DotsCommand,
    NoteCommand,
    RenameGroupCommand,
)
from coprod_desktop.ui.document.preview import preview

UNDO_LIMIT = 2000


class SessionDocument(QObject):
    arrangement_changed = Signal(str)  # group id
    current_group_changed = Signal(str)  # group id
    groups_changed = Signal()
    deck_changed = Signal()  # deck edited; each group also hears arrangement_changed
    session_details_changed = Signal()  # title, date, place or facilitator
    session_replaced = Signal()
    rounds_changed = Signal()  # a round closed or reopened, or the dots per group changed
    path_changed = Signal()

    def __init__(self, session: Session, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.path = path
        self.undo_stack = QUndoStack(self)
        # Bounded history: about 1.4 KB a step, so a long workshop stays small.
        self.undo_stack.setUndoLimit(UNDO_LIMIT)
        # The group the session was left on (the file remembers it), else the first.
        self.current_group_id = saved_current_group(session) or session.groups[0].id
        self.groups_changed.connect(self._remember_group)  # reordered: is it still first?
        # The file as this window last read or wrote it (None: not known), and whether
        # this window may write it (False when it is open in another copy): file_actions.
        self.disk: Fingerprint | None = None
        self.read_only = False

    # --- whole-session changes (not undoable: they replace the document) ---
    def replace(
        self,
        session: Session,
        path: Path | None,
        disk: Fingerprint | None = None,
        read_only: bool = False,
    ) -> None:
        self.session = session
        self.path = path
        self.disk, self.read_only = disk, read_only
        self.current_group_id = saved_current_group(session) or session.groups[0].id
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.session_replaced.emit()
        self.path_changed.emit()

    def set_path(self, path: Path, disk: Fingerprint | None = None) -> None:
        self.path, self.disk, self.read_only = path, disk, False
        self.path_changed.emit()

    def mark_saved(self) -> None:
        self.undo_stack.setClean()

    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.path.name if self.path else "Untitled"

    # --- the current group -------------------------------------------------
    @property
    def current_group(self) -> Group:
        return self.session.group(self.current_group_id)

    def _remember_group(self) -> None:
        if any(g.id == self.current_group_id for g in self.session.groups):
            save_current_group(self.session, self.current_group_id)

    def set_current_group(self, group_id: str) -> None:
        self.session.group(group_id)  # raises for an unknown id
        if group_id != self.current_group_id:
            self.current_group_id = group_id
            save_current_group(self.session, group_id)  # the file remembers it
            self.current_group_changed.emit(group_id)

    # --- group commands -----------------------------------------------------
    def add_group(self, name: str = "") -> Group:
        group = self.session.new_group(name)
        self.undo_stack.push(AddGroupCommand(self, group))
        return group

    def rename_group(self, group_id: str, name: str) -> bool:
        if not name.strip() or self.session.group(group_id).name == name.strip():
            return False
        self.undo_stack.push(RenameGroupCommand(self, group_id, name.strip()))
        return True

    # --- arrangement commands ----------------------------------------------
    def place(self, card_id: str, region_id: str, index: int | None = None) -> bool:
        """Put a card of the current group into a region; False if it changed nothing.
        A card with a place on the region's lens moves; on another lens it gets a second
        place."""
        session, group_id = self.session, self.current_group_id
        group = session.group(group_id)
        card = session.card(group, card_id)
        region = session.board.region(region_id)
        if region is None:
            raise DomainError(f"no region {region_id!r}")
        verb = "Move" if session.place_on(group, card_id, region.lens) else "Place"
        return self._push_change(
            f"{verb} \u201c{card.title}\u201d to {region.label}",
            lambda: session.place(group_id, card_id, region_id, index),
        )

    def place_many(self, card_ids: list[str], region_id: str) -> bool:
        """Put several cards of the current group into a region, in order, as one undo
        step (a paper sort typed in); False if it changed nothing."""
        session, group_id = self.session, self.current_group_id
        region = session.board.region(region_id)
        if region is None:
            raise DomainError(f"no region {region_id!r}")
        if len(card_ids) == 1:
            return self.place(card_ids[0], region_id)

        def change() -> None:
            for card_id in card_ids:
                session.place(group_id, card_id, region_id)

        return self._push_change(f"Place {len(card_ids)} cards in {region.label}", change)

    def unplace(self, card_id: str, lens_id: str | None = None) -> bool:
        """Take a card off one lens, or (lens_id None) off the board back to the tray."""
        group = self.current_group
        if lens_id is None:
            placed = bool(group.places(card_id))
        else:
            placed = self.session.place_on(group, card_id, lens_id) is not None
        if not placed:
            return False
        card = self.session.card(group, card_id)
        if lens_id is None or len(group.places(card_id)) == 1:
            text = f"Return \u201c{card.title}\u201d to the tray"
        else:
            lens = self.session.board.lens(lens_id)
            text = f"Take \u201c{card.title}\u201d off the {lens.label if lens else lens_id}"
        return self._push_change(text, lambda: self.session.unplace(group.id, card_id, lens_id))

    def mark(self, card_id: str, principle_id: str) -> bool:
        """Mark a placed card of the current group with a principle; False if it already is."""
        group = self.current_group
        if principle_id in group.marks_of(card_id):
            return False
        card = self.session.card(group, card_id)
        principle = self.session.card(group, principle_id)
        return self._push_change(
            f"Mark \u201c{card.title}\u201d with \u201c{principle.title}\u201d",
            lambda: self.session.mark(group.id, card_id, principle_id),
        )

    def unmark(self, card_id: str, principle_id: str) -> bool:
        group = self.current_group
        if principle_id not in group.marks_of(card_id):
            return False
        card = self.session.card(group, card_id)
        principle = self.session.card(group, principle_id)
        return self._push_change(
            f"Unmark \u201c{principle.title}\u201d on \u201c{card.title}\u201d",
            lambda: self.session.unmark(group.id, card_id, principle_id),
        )

    def vote(self, card_id: str, change: int) -> bool:
        """Put (+1) or take back (-1) one of the current group's dots on a card."""
        group = self.current_group
        card = self.session.card(group, card_id)
        verb = "Put a dot on" if change > 0 else "Take a dot off"
        return self._push_change(
            f"{verb} \u201c{card.title}\u201d",
            lambda: self.session.vote(group.id, card_id, change),
        )

    def set_dots(self, dots: int) -> bool:
        if dots == self.session.dots:
            return False
        scratch = self.session.dots
        self.session.set_dots(dots)  # raises for a refused number, before anything is pushed
        self.session.dots = scratch
        self.undo_stack.push(DotsCommand(self, dots))
        return True

    def close_round(self, name: str = "") -> str:
        """Close a round (every group's places as they are now); returns its name."""
        name = name.strip() or f"Round {len(self.session.rounds) + 1}"
        if any(r.name == name for r in self.session.rounds):
            raise DomainError(f"there is already a round called {name!r}")
        self.undo_stack.push(CloseRoundCommand(self, name))
        return name

    def set_note(self, card_id: str, note: str) -> bool:
        group = self.current_group
        self.session.card(group, card_id)
        if group.note(card_id) == (note if note.strip() else ""):
            return False
        before, after = self._preview(lambda: self.session.set_note(group.id, card_id, note))
        self.undo_stack.push(NoteCommand(self, group.id, card_id, before, after))
        return True

    def _push_change(self, text: str, change: Callable[[], None]) -> bool:
        before, after = self._preview(change)
        if before == after:
            return False
        # The group's name in the text: Edit > Undo says whose board it changes.
        text = f"{text} ({self.current_group.name})"
        self.undo_stack.push(ArrangementCommand(self, self.current_group_id, text, before, after))
        return True

    def _preview(self, change: Callable[[], None]) -> tuple[Arrangement, Arrangement]:
        """The current group's arrangement before and after change, leaving the model as it was.

        push() runs redo(), so a command must know its result before it is pushed;
        change raises DomainError for a request the model refuses.
        """
        group = self.current_group
        return preview(
            group.arrangement, lambda old: self.session.set_arrangement(group.id, old), change
        )
