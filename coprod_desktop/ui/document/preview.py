"""The before/after of a change, worked out before its undo command is pushed.

QUndoStack.push() runs the command's redo(), so a command must hold its result before
it is pushed: the change is made, the result read, and the old value put back. Every
undoable edit of the arrangement, a group's own cards or the deck goes through here."""

from __future__ import annotations

from collections.abc import Callable


def preview[T](
    read: Callable[[], T], restore: Callable[[T], object], change: Callable[[], object]
) -> tuple[T, T]:
    """(before, after) of change, leaving the model as it was; change may raise (a request
    the model refuses), and then nothing is changed either."""
    before = read()
    try:
        change()
        after = read()
    finally:
        restore(before)
    return before, after
