"""Help > Facilitator's prompts (issue 12): the board's questions on request, a facilitator's
row (room mode locks it and closes it), and never the key."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QPlainTextEdit

from coprod_desktop.files import builtin as content
from coprod_desktop.ui.actions.action_table import ACTIONS
from coprod_desktop.ui.dialogs.prompts import NONE, prompts_text


def test_the_text_lists_every_prompt_by_lens_with_the_ladder_from_the_top() -> None:
    board = content.board()
    text = prompts_text(board)
    for region in board.regions:
        for prompt in region.prompts:
            assert f"\u2022 {prompt}" in text
    assert text.index("7 Co-production") < text.index("1 Coercion")
    assert text.index("Public service matrix") < text.index("Ladder of co-production")
    for card in content.deck().cards:
        for place in card.reference:
            assert place.why not in text  # the key is the debrief's, not the prompts'


def test_a_board_without_prompts_says_so() -> None:
    board = content.board()
    bare = replace(board, regions=tuple(replace(r, prompts=()) for r in board.regions))
    assert prompts_text(bare) == NONE


def test_the_row_is_the_facilitators_in_the_help_menu() -> None:
    row = next(e for e in ACTIONS if e.name == "prompts")
    assert row.menu == "help" and row.role == "facilitator"


def test_help_shows_the_prompts_and_room_mode_closes_and_locks_them(window, qtbot) -> None:
    act = window.named_actions["prompts"]
    act.trigger()
    dialog = window._prompts_dialog
    qtbot.waitExposed(dialog)
    shown = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "Who could change this if people said no?" in shown
    window.room.set_room_mode(True)
    assert window.room.locked
    qtbot.waitUntil(lambda: not dialog.isVisible() if _alive(dialog) else True)
    assert not act.isEnabled()


def _alive(widget) -> bool:  # noqa: ANN001 - a QDialog that may be deleted on close
    try:
        widget.isVisible()
    except RuntimeError:
        return False
    return True
