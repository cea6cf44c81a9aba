"""Undoable edits of groups, a group's own cards, the session's deck and its details.

One function per user action: it works out the result with the model first
(a refused change raises DomainError and pushes nothing), then pushes one
command holding ids and plain values. push() runs redo().
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Card, CardDraft, DeckState, Group, GroupContent
from coprod_desktop.domain.rules import check_colour
from coprod_desktop.files.session_setup import SessionDetails, apply_details, details_of
from coprod_desktop.ui.document.commands import BeforeAfterCommand
from coprod_desktop.ui.document.preview import preview

if TYPE_CHECKING:
    from coprod_desktop.ui.document.document import SessionDocument


def _quote(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return f"\u201c{text if len(text) <= limit else text[: limit - 1] + '…'}\u201d"


# --- groups ----------------------------------------------------------------------------


class RecolourGroupCommand(BeforeAfterCommand[str]):
    def __init__(self, document: SessionDocument, group_id: str, colour: str) -> None:
        group = document.session.group(group_id)
        super().__init__(f"Recolour group {_quote(group.name)}", group.colour, colour.lower())
        self._document, self._group_id = document, group_id

    def _apply(self, colour: str) -> None:
        self._document.session.recolour_group(self._group_id, colour)
        self._document.groups_changed.emit()


class MoveGroupCommand(BeforeAfterCommand[int]):
    def __init__(self, document: SessionDocument, group_id: str, index: int) -> None:
        session = document.session
        group = session.group(group_id)
        super().__init__(f"Move group {_quote(group.name)}", session.groups.index(group), index)
        self._document, self._group_id = document, group_id

    def _apply(self, index: int) -> None:
        self._document.session.move_group(self._group_id, index)
        self._document.groups_changed.emit()


class RemoveGroupCommand(QUndoCommand):
    """Removes a group with its cards and arrangement; undo puts it back where it was."""

    def __init__(self, document: SessionDocument, group_id: str) -> None:
        group = document.session.group(group_id)
        super().__init__(f"Remove group {_quote(group.name)}")
        self._document, self._group_id = document, group_id
        self._index = document.session.groups.index(group)
        self._group: Group | None = None
        self._was_current = document.current_group_id == group_id

    def redo(self) -> None:
        document, groups = self._document, self._document.session.groups
        if document.current_group_id == self._group_id:
            # Show a neighbour first, so no view ever draws a group that is gone.
            neighbour = groups[self._index + 1] if self._index + 1 < len(groups) else groups[-2]
            document.set_current_group(neighbour.id)
        self._index, self._group = document.session.remove_group(self._group_id)
        document.groups_changed.emit()

    def undo(self) -> None:
        assert self._group is not None
        self._document.session.insert_group(self._index, self._group)
        self._document.groups_changed.emit()
        if self._was_current:
            self._document.set_current_group(self._group_id)


class GroupContentCommand(BeforeAfterCommand[GroupContent]):
    """A group's own cards and arrangement, before and after (cards, copy arrangement)."""

    def __init__(
        self,
        document: SessionDocument,
        group_id: str,
        text: str,
        before: GroupContent,
        after: GroupContent,
    ) -> None:
        super().__init__(text, before, after)
        self._document, self.group_id = document, group_id

    def _apply(self, content: GroupContent) -> None:
        self._document.session.set_group_content(self.group_id, content)
        self._document.arrangement_changed.emit(self.group_id)


class DeckCommand(BeforeAfterCommand[DeckState]):
    """The deck and every group's arrangement, before and after one deck edit."""

    def __init__(
        self, document: SessionDocument, text: str, before: DeckState, after: DeckState
    ) -> None:
        super().__init__(text, before, after)
        self._document = document

    def _apply(self, state: DeckState) -> None:
        document = self._document
        document.session.set_deck_state(state)
        document.deck_changed.emit()
        for group in document.session.groups:
            document.arrangement_changed.emit(group.id)


def recolour_group(document: SessionDocument, group_id: str, colour: str) -> bool:
    check_colour(colour)
    if document.session.group(group_id).colour.lower() == colour.lower():
        return False
    document.undo_stack.push(RecolourGroupCommand(document, group_id, colour))
    return True


def move_group(document: SessionDocument, group_id: str, index: int) -> bool:
    groups = document.session.groups
    if not 0 <= index < len(groups):
        return False
    if groups.index(document.session.group(group_id)) == index:
        return False
    document.undo_stack.push(MoveGroupCommand(document, group_id, index))
    return True


def remove_group(document: SessionDocument, group_id: str) -> bool:
    document.session.group(group_id)
    if len(document.session.groups) == 1:
        raise DomainError("a session needs at least one group")
    document.undo_stack.push(RemoveGroupCommand(document, group_id))
    return True


# --- a group's own cards ---------------------------------------------------------------


def _push_group_change(
    document: SessionDocument, group_id: str, text: str, change: Callable[[], object]
) -> bool:
    session = document.session
    before, after = preview(
        lambda: session.group_content(group_id),
        lambda old: session.set_group_content(group_id, old),
        change,
    )
    if after == before:
        return False
    document.undo_stack.push(GroupContentCommand(document, group_id, text, before, after))
    return True


def add_group_card(document: SessionDocument, group_id: str, draft: CardDraft) -> Card:
    group = document.session.group(group_id)
    added: list[Card] = []
    _push_group_change(
        document,
        group_id,
        f"Add {_quote(draft.title)} to {group.name}'s cards",
        lambda: added.append(document.session.add_group_card(group_id, draft)),
    )
    return added[0]


def edit_group_card(
    document: SessionDocument, group_id: str, card_id: str, draft: CardDraft
) -> bool:
    return _push_group_change(
        document,
        group_id,
        f"Edit card {_quote(draft.title)}",
        lambda: document.session.edit_group_card(group_id, card_id, draft),
    )


def remove_group_card(document: SessionDocument, group_id: str, card_id: str) -> bool:
    card = document.session.card(document.session.group(group_id), card_id)
    return _push_group_change(
        document,
        group_id,
        f"Delete card {_quote(card.title)}",
        lambda: document.session.remove_group_card(group_id, card_id),
    )


def copy_arrangement(document: SessionDocument, source_id: str, target_id: str) -> bool:
    session = document.session
    source, target = session.group(source_id), session.group(target_id)
    return _push_group_change(
        document,
        target_id,
        f"Copy {source.name}'s arrangement to {target.name}",
        lambda: session.copy_arrangement(source_id, target_id),
    )


# --- the deck --------------------------------------------------------------------------


def _push_deck_change(document: SessionDocument, text: str, change: Callable[[], object]) -> bool:
    session = document.session
    before, after = preview(session.deck_state, session.set_deck_state, change)
    if after == before:
        return False
    document.undo_stack.push(DeckCommand(document, text, before, after))
    return True


def add_deck_cards(
    document: SessionDocument, drafts: Iterable[CardDraft], text: str = "", index: int | None = None
) -> list[Card]:
    """Add cards to the deck in one undo step; all or nothing."""
    drafts = list(drafts)
    if not drafts:
        return []
    added: list[Card] = []
    label = text or (
        f"Add card {_quote(drafts[0].title)}" if len(drafts) == 1 else f"Add {len(drafts)} cards"
    )
    _push_deck_change(
        document, label, lambda: added.extend(document.session.add_deck_cards(drafts, index))
    )
    return added


def edit_deck_card(document: SessionDocument, card_id: str, draft: CardDraft) -> bool:
    return _push_deck_change(
        document,
        f"Edit card {_quote(draft.title)}",
        lambda: document.session.edit_deck_card(card_id, draft),
    )


def remove_deck_card(document: SessionDocument, card_id: str) -> bool:
    card = document.session.deck.card(card_id)
    title = card.title if card else card_id
    return _push_deck_change(
        document,
        f"Remove card {_quote(title)} from the deck",
        lambda: document.session.remove_deck_card(card_id),
    )


def move_deck_card(document: SessionDocument, card_id: str, index: int) -> bool:
    cards = document.session.deck.cards
    if not 0 <= index < len(cards):
        return False
    card = document.session.deck.card(card_id)
    return _push_deck_change(
        document,
        f"Move card {_quote(card.title if card else card_id)}",
        lambda: document.session.move_deck_card(card_id, index),
    )


# --- the session's details -------------------------------------------------------------


class SessionDetailsCommand(BeforeAfterCommand[SessionDetails]):
    """Title, date, place and facilitator, before and after: one undo step for all four."""

    def __init__(
        self, document: SessionDocument, before: SessionDetails, after: SessionDetails
    ) -> None:
        changed = [
            name
            for name, old, new in (
                ("title", before.title, after.title),
                ("date", before.created, after.created),
                ("place", before.venue, after.venue),
                ("facilitator", before.facilitator, after.facilitator),
            )
            if old != new
        ]
        text = (
            f"Rename the session {_quote(after.title)}"
            if changed == ["title"]
            else f"Change the session's {', '.join(changed)}"
        )
        super().__init__(text, before, after)
        self._document = document

    def _apply(self, details: SessionDetails) -> None:
        apply_details(self._document.session, details)
        self._document.session_details_changed.emit()


def set_session_details(document: SessionDocument, details: SessionDetails) -> bool:
    """Change the session's details in one undo step; False when nothing changes."""
    before = details_of(document.session)
    if details == before:
        return False
    document.undo_stack.push(SessionDetailsCommand(document, before, details))
    return True
