"""Help > Facilitator's prompts: the board's questions that help a group decide (issue 12).

A facilitator's row in the action table, so room mode locks it: the prompts are for the
facilitator to ask, not a list the room reads while sorting. Plain text (a label may hold
'<'), never the key: the key is revealed in the debrief.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget

from coprod_desktop.domain.model import Board

TITLE = "Facilitator's prompts"
NONE = "This board has no prompts."


def prompts_text(board: Board) -> str:
    """Per lens, each region with its prompts; a ladder from the top rung down."""
    declared = [lens.id for lens in board.lenses]
    order = list(dict.fromkeys(declared + [r.lens for r in board.regions]))
    labels = {lens.id: lens.label for lens in board.lenses}
    lines: list[str] = []
    for lens_id in order:
        regions = [r for r in board.regions if r.lens == lens_id and r.prompts]
        if all(r.rank is not None for r in regions):
            regions.sort(key=lambda r: -(r.rank or 0))
        if not regions:
            continue
        if lines:
            lines.append("")
        lines.append(labels.get(lens_id, lens_id))
        for region in regions:
            lines.append(f"  {region.label}")
            lines += [f"    \u2022 {prompt}" for prompt in region.prompts]
    return "\n".join(lines) if lines else NONE


def show_prompts(parent: QWidget, board: Board) -> QDialog:
    dialog = QDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(TITLE)
    text = QPlainTextEdit(prompts_text(board), dialog)
    text.setReadOnly(True)
    text.setAccessibleName(TITLE)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(buttons)
    dialog.resize(640, 520)
    dialog.show()
    return dialog
