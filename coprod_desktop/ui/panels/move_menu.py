"""'Move to' menu: every region of the board and the tray, for placing a card
without dragging (WCAG 2.2 SC 2.5.7) and from the keyboard."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import menu_text

ZONE_TITLES = {
    "matrix": "Public service matrix",
    "ladder": "Ladder of co-production",
    "not": "Not co-production",
}
TRAY = ""
# Large rows for touch, and a highlight that shows which row Return or a tap will take.
MENU_STYLE = (
    "QMenu::item { padding: 10px 24px; }"
    "QMenu::item:selected { background: #0072b2; color: #ffffff; }"
    "QMenu::item:checked { font-weight: bold; }"
)  # the target id that means "back to the tray"


def build_move_menu(
    document: SessionDocument, card_id: str, parent: QWidget | None = None
) -> QMenu:
    group = document.current_group
    card = document.session.card(group, card_id)
    placement = group.placement(card_id)
    menu = QMenu(f"Move “{menu_text(card.title)}” to", parent)
    menu.setAccessibleName(menu.title())
    menu.setFont(fonts.font(18))  # large rows: a touch target, readable on the projector
    menu.setStyleSheet(MENU_STYLE)
    zone = None
    for region in document.session.board.regions:
        if region.zone != zone:
            zone = region.zone
            menu.addSection(ZONE_TITLES.get(zone, zone.title() if zone else "Board"))
        act = QAction(menu_text(region.label), menu)
        act.setData(region.id)
        act.setCheckable(True)
        act.setChecked(placement is not None and placement.region == region.id)
        menu.addAction(act)
    menu.addSeparator()
    tray = QAction("The tray (take it off the board)", menu)
    tray.setData(TRAY)
    tray.setEnabled(placement is not None)
    menu.addAction(tray)
    menu.triggered.connect(lambda action: apply_move(document, card_id, action.data()))
    return menu


def apply_move(document: SessionDocument, card_id: str, target: str) -> bool:
    if target == TRAY:
        return document.unplace(card_id)
    if not isinstance(target, str) or document.session.board.region(target) is None:
        return False  # another entry of the menu (an own card's Edit/Delete), not a region
    return document.place(card_id, target)
