"""Undo commands: one per user action, holding ids and plain values only.

Every change to a group's arrangement is recorded as the arrangement before
and after (frozen Arrangements: places, notes, marks), so undo and redo are exact
and cheap.
The document works out "after" before pushing, because push() runs redo().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from coprod_desktop.domain.model import Arrangement, Group

if TYPE_CHECKING:
    from coprod_desktop.ui.document.document import SessionDocument

NOTE_COMMAND_ID = 1001


class BeforeAfterCommand[T](QUndoCommand):
    """A change recorded as two plain values: redo applies after, undo applies before."""

    def __init__(self, text: str, before: T, after: T) -> None:
        super().__init__(text)
        self.before = before
        self.after = after

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, value: T) -> None:
        raise NotImplementedError


class ArrangementCommand(BeforeAfterCommand[Arrangement]):
    """Sets one group's arrangement to after; undo sets it back to before."""

    def __init__(
        self,
        document: SessionDocument,
        group_id: str,
        text: str,
        before: Arrangement,
        after: Arrangement,
    ) -> None:
        super().__init__(text, before, after)
        self._document = document
        self.group_id = group_id

    def _apply(self, arrangement: Arrangement) -> None:
        # Undo of another group's change shows that group: never change a board out of sight.
        self._document.set_current_group(self.group_id)
        self._document.session.set_arrangement(self.group_id, arrangement)
        self._document.arrangement_changed.emit(self.group_id)


class NoteCommand(ArrangementCommand):
    """Typing a note: consecutive edits of the same card's note merge into one undo step."""

    def __init__(
        self,
        document: SessionDocument,
        group_id: str,
        card_id: str,
        before: Arrangement,
        after: Arrangement,
    ) -> None:
        group = document.session.group(group_id)
        title = document.session.card(group, card_id).title
        # Edit > Undo and the screen reader's "Undone: ..." say whose note on which card.
        text = f"Edit the note on \u201c{title}\u201d ({group.name})"
        super().__init__(document, group_id, text, before, after)
        self.card_id = card_id

    def id(self) -> int:
        return NOTE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, NoteCommand):
            return False
        if (other.group_id, other.card_id) != (self.group_id, self.card_id):
            return False
        self.after = other.after
        return True


class AddGroupCommand(QUndoCommand):
    def __init__(self, document: SessionDocument, group: Group) -> None:
        super().__init__(f"Add group \u201c{group.name}\u201d")
        self._document = document
        self._group = group
        self._index = len(document.session.groups)

    def redo(self) -> None:
        self._document.session.insert_group(self._index, self._group)
        self._document.groups_changed.emit()
        self._document.set_current_group(self._group.id)

    def undo(self) -> None:
        if self._document.current_group_id == self._group.id:
            self._document.set_current_group(self._document.session.groups[0].id)
        self._document.session.remove_group(self._group.id)
        self._document.groups_changed.emit()


class RenameGroupCommand(BeforeAfterCommand[str]):
    def __init__(self, document: SessionDocument, group_id: str, new_name: str) -> None:
        old_name = document.session.group(group_id).name
        super().__init__(
            f"Rename group \u201c{old_name}\u201d to \u201c{new_name}\u201d", old_name, new_name
        )
        self._document = document
        self._group_id = group_id

    def _apply(self, name: str) -> None:
        self._document.session.rename_group(self._group_id, name)
        self._document.groups_changed.emit()


class CloseRoundCommand(QUndoCommand):
    """Closing a round: a snapshot of every group's places; undo takes it back."""

    def __init__(self, document: SessionDocument, name: str) -> None:
        super().__init__(f"Close \u201c{name}\u201d")
        self._document = document
        self.name = name

    def redo(self) -> None:
        self._document.session.close_round(self.name)
        self._document.rounds_changed.emit()

    def undo(self) -> None:
        self._document.session.reopen_round(self.name)
        self._document.rounds_changed.emit()


class DotsCommand(BeforeAfterCommand[int]):
    """The number of dots each group may put on cards."""

    def __init__(self, document: SessionDocument, dots: int) -> None:
        super().__init__(
            f"Dot voting: {dots} dot{'s' if dots != 1 else ''} a group"
            if dots
            else "Dot voting off",
            document.session.dots,
            dots,
        )
        self._document = document

    def _apply(self, dots: int) -> None:
        self._document.session.set_dots(dots)
        self._document.rounds_changed.emit()
        for group in self._document.session.groups:
            self._document.arrangement_changed.emit(group.id)
