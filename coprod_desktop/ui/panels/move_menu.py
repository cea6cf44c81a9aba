"""'Move to' menu: every region of the board and the tray, for placing a card
without dragging (WCAG 2.2 SC 2.5.7) and from the keyboard."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts, theme
from coprod_desktop.ui.style.plain_text import menu_text

TRAY = ""
# Large rows for touch, and a highlight that shows which row Return or a tap will take.
MENU_STYLE = (
    "QMenu::item { padding: 10px 24px; }"
    f"QMenu::item:selected {{ background: {theme.MENU_HIGHLIGHT}; color: #ffffff; }}"
    "QMenu::item:checked { font-weight: bold; }"
)  # the target id that means "back to the tray"


OFF = "off:"  # + lens id: take the card off that lens only
MARK = "mark:"  # + principle id: mark or unmark the card with that principle


def build_move_menu(
    document: SessionDocument, card_id: str, parent: QWidget | None = None
) -> QMenu:
    """Every region, grouped by lens in the board's order, the card's place on each
    checked; an ordered lens (the ladder) top rung first, as the board shows it. Then
    the principles the card shows (for a placed card) and the tray."""
    session, group = document.session, document.current_group
    board = session.board
    card = session.card(group, card_id)
    menu = QMenu(f"Move “{menu_text(card.title)}” to", parent)
    menu.setAccessibleName(menu.title())
    menu.setFont(fonts.font(18))  # large rows: a touch target, readable on the projector
    menu.setStyleSheet(MENU_STYLE)
    for lens in board.lenses:
        here = session.place_on(group, card_id, lens.id)
        regions = board.regions_of(lens.id)
        if board.is_ordered(lens.id):
            regions.sort(key=lambda r: -(r.rank or 0))
        now = board.region(here.region) if here is not None else None
        title = menu_text(lens.label)
        menu.addSection(f"{title} \u2014 now: {menu_text(now.label)}" if now else title)
        for region in regions:
            act = QAction(menu_text(region.label), menu)
            act.setData(region.id)
            act.setCheckable(True)
            act.setChecked(here is not None and here.region == region.id)
            menu.addAction(act)
        if here is not None and len(group.places(card_id)) > 1:
            off = QAction(f"Take it off the {menu_text(lens.label.lower())}", menu)
            off.setData(OFF + lens.id)
            menu.addAction(off)
    placed = bool(group.places(card_id))
    principles = [c for c in session.cards_for(group) if c.kind == "principle" and c.id != card_id]
    if placed and principles:
        marks = menu.addMenu("Principles it shows")
        marks.setFont(fonts.font(18))
        marks.setStyleSheet(MENU_STYLE)
        shown = set(group.marks_of(card_id))
        for principle in principles:
            act = QAction(menu_text(principle.title), marks)
            act.setData(MARK + principle.id)
            act.setCheckable(True)
            act.setChecked(principle.id in shown)
            # Its own signal: whether a submenu's action also reaches the parent menu's
            # triggered depends on how it was chosen, so apply_move leaves these alone.
            act.triggered.connect(
                lambda _checked=False, p=principle.id: toggle_mark(document, card_id, p)
            )
            marks.addAction(act)
    menu.addSeparator()
    tray = QAction("The tray (take it off the board)", menu)
    tray.setData(TRAY)
    tray.setEnabled(placed)
    menu.addAction(tray)
    menu.triggered.connect(lambda action: apply_move(document, card_id, action.data()))
    return menu


def apply_move(document: SessionDocument, card_id: str, target: str) -> bool:
    if target == TRAY:
        return document.unplace(card_id)
    if not isinstance(target, str):
        return False  # another entry of the menu (an own card's Edit/Delete), not a region
    if target.startswith(OFF):
        return document.unplace(card_id, target.removeprefix(OFF))
    if document.session.board.region(target) is None:
        return False  # a principle's row (it has its own signal) or another entry
    return document.place(card_id, target)


def toggle_mark(document: SessionDocument, card_id: str, principle_id: str) -> bool:
    if principle_id in document.current_group.marks_of(card_id):
        return document.unmark(card_id, principle_id)
    return document.mark(card_id, principle_id)
