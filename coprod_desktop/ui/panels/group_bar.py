"""The group switcher above the board: one tab per table group in the group's
colour. The current group's tab is filled with its colour and sits on a line of
the same colour that joins the board's frame, so its name and colour frame the
board. Keys 1-9 switch group; right-click a tab for the group's menu."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QHelpEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPen,
    QShortcut,
)
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QTabBar, QToolTip, QWidget

from coprod_desktop.domain.rules import MAX_GROUPS
from coprod_desktop.ui.actions.action_table import GROUP_KEYS
from coprod_desktop.ui.dialogs.custom_card import OwnCards
from coprod_desktop.ui.dialogs.group_manager import GroupActions, GroupManagerDialog, colour_icon
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts, theme
from coprod_desktop.ui.style.plain_text import isolate, menu_text, one_line, plain_tooltip

LINE_WIDTH = 6  # the same width as the board's frame
TAB_HEIGHT = 48
BADGE = 24  # the number badge's diameter: every tab shows its group's number (key)


def distinct_parts(names: list[str]) -> list[str]:
    """Each name without the words every name starts (or ends) with: "Table A".."Table F"
    -> "A".."F"; a name left empty keeps its own last word."""
    words = [name.split() for name in names]
    if len(words) < 2 or not all(words):
        return list(names)
    lead = 0
    while all(len(w) > lead for w in words) and len({w[lead] for w in words}) == 1:
        lead += 1
    trail = 0
    while all(len(w) > lead + trail for w in words) and len({w[-1 - trail] for w in words}) == 1:
        trail += 1
    parts = []
    for w, name in zip(words, names, strict=True):
        kept = w[lead : len(w) - trail]
        parts.append(" ".join(kept) if kept else (w[-1] if w else name))
    return parts


def without_badge_numbers(parts: list[str]) -> list[str]:
    """Parts that start with their tab's own number ("2 – Elm" on tab 2) without it: the
    tab's badge shows that number. Kept as they were unless all of them start so and what
    is left still tells them apart."""
    stripped = []
    for i, part in enumerate(parts):
        number = str(i + 1)
        rest = part[len(number) :] if part.startswith(number) else ""
        if not rest or rest[0] not in " -\u2013\u2014:.)":
            return parts
        rest = rest.lstrip(" -\u2013\u2014:.)")
        if not rest:
            return parts
        stripped.append(rest)
    return stripped if len(set(stripped)) == len(stripped) else parts


def text_colour_on(colour: str) -> QColor:
    """Black or white, whichever reads better on colour (WCAG relative luminance)."""
    c = QColor(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    return QColor("#000000") if lum > 0.22 else QColor("#ffffff")


class GroupTabs(QTabBar):
    """Tabs drawn in each group's colour; the current one filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours: list[str] = []
        self.min_contrast = 4.5  # the current tab's text on its fill; 7.0 when presenting
        self.scale = 1.0  # presenting on a screen larger than 1080p: the tabs grow with it
        self.badge = BADGE
        self.tab_height = TAB_HEIGHT
        self.setFont(fonts.font(18, bold=True))
        self.setExpanding(False)
        self.setDrawBase(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        # Crowded tabs shrink to their number and the part of their name that differs
        # (distinct_parts) before any scroll arrow appears (twelve groups on a small screen).
        self.setUsesScrollButtons(True)  # only when even the shrunk tabs do not fit

    def set_scale(self, scale: float) -> None:
        """Tabs, their text and badges this much larger (a 4K panel when presenting)."""
        if scale == self.scale:
            return
        self.scale = scale
        self.badge = round(BADGE * scale)
        self.tab_height = round(TAB_HEIGHT * scale)
        self.setFont(fonts.font(18 * scale, bold=True))
        self.updateGeometry()
        self.update()

    def _chrome(self) -> int:
        return self.badge + 30  # the badge, its gap and the tab's padding

    def tabSizeHint(self, index: int) -> QSize:
        width = self.fontMetrics().horizontalAdvance(self.shown_text(index)) + self._chrome()
        return QSize(max(width, round(110 * self.scale)), self.tab_height)

    def minimumTabSizeHint(self, index: int) -> QSize:
        """With many groups the other tabs shrink to their number and the part of the name
        that differs (then elided); never the current one."""
        if index == self.currentIndex():
            return self.tabSizeHint(index)  # its name stays whole above the board
        metrics = self.fontMetrics()
        part = min(
            metrics.horizontalAdvance(self.distinct_text(index)),
            metrics.horizontalAdvance("WWW\u2026"),
        )
        return QSize(min(self.tabSizeHint(index).width(), part + self._chrome()), self.tab_height)

    @staticmethod
    def colours_for(colour: str, minimum: float) -> tuple[QColor, QColor]:
        """The current tab's fill and text: the group's colour with black or white text,
        the colour darkened or lightened (its hue kept) until the text reaches minimum."""
        fill = QColor(colour)
        text = text_colour_on(fill.name())
        h, s, lightness = fill.hslHueF(), fill.hslSaturationF(), fill.lightnessF()
        step = -0.02 if text.name() == "#ffffff" else 0.02
        while theme.contrast(fill.name(), text.name()) < minimum and 0.0 < lightness < 1.0:
            lightness = min(1.0, max(0.0, lightness + step))
            fill = QColor.fromHslF(h, s, lightness)
        return fill, text

    def tooltip_html(self, index: int) -> str:
        """The tab's tooltip as shown: its plain text escaped (user text is never markup)."""
        return plain_tooltip(self.tabToolTip(index))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self.tabAt(event.pos())
            if index >= 0 and self.tabToolTip(index):
                QToolTip.showText(event.globalPos(), self.tooltip_html(index), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def set_min_contrast(self, minimum: float) -> None:
        self.min_contrast = minimum
        self.update()

    def shown_text(self, index: int) -> str:
        """What the tab paints: the group's name isolated (a U+202E in it reverses only it)."""
        return isolate(one_line(self.tabText(index)))

    def distinct_text(self, index: int) -> str:
        """The part of the tab's name that differs from the other tabs' names."""
        names = [one_line(self.tabText(i)) for i in range(self.count())]
        return isolate(without_badge_numbers(distinct_parts(names))[index])

    def _text_rect(self, index: int) -> QRectF:
        rect = QRectF(self.tabRect(index)).adjusted(3, 4, -3, 0)
        return rect.adjusted(self.badge + 14, 0, -8, 0)  # after the number badge

    def painted_text(self, index: int) -> str:
        """What the tab shows: its name; in a narrow tab the part that differs from the
        other names, elided only if even that is too wide."""
        width = self._text_rect(index).width()
        metrics = self.fontMetrics()
        full = self.shown_text(index)
        if metrics.horizontalAdvance(full) <= width:
            return full
        return metrics.elidedText(
            self.distinct_text(index), Qt.TextElideMode.ElideRight, int(width)
        )

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self.font())
        for i in range(self.count()):
            rect = QRectF(self.tabRect(i)).adjusted(3, 4, -3, 0)
            colour = QColor(self.colours[i] if i < len(self.colours) else "#7f7f7f")
            current = i == self.currentIndex()
            fill, on_fill = self.colours_for(colour.name(), self.min_contrast)
            painter.setPen(QPen(fill if current else colour, 3))
            painter.setBrush(fill if current else QColor("#ffffff"))
            painter.drawRoundedRect(rect.adjusted(1.5, 1.5, -1.5, 8), 8, 8)  # square foot, hidden
            # The number badge: the group's colour (white on the current tab's fill), its key
            size = self.badge
            badge = QRectF(rect.x() + 9, rect.center().y() - size / 2 + 2, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(on_fill if current else colour)
            painter.drawEllipse(badge)
            digit_on = fill if current else text_colour_on(colour.name())
            painter.setPen(digit_on)
            painter.setFont(self._badge_font())
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), str(i + 1))
            painter.setFont(self.font())
            painter.setPen(on_fill if current else QColor(theme.TEXT))
            painter.drawText(
                self._text_rect(i), int(Qt.AlignmentFlag.AlignCenter), self.painted_text(i)
            )
        painter.end()

    def _badge_font(self) -> QFont:
        return fonts.font(15 * self.scale, bold=True)


def _unchanged(menu: QMenu) -> QMenu:
    return menu


class GroupBar(QWidget):
    # Room mode (ui/actions/room_lock.py): a locked gesture says why it did nothing.
    refused = Signal(str)

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.room_locked = False
        # The tab's right-click menu passes through here (room mode greys it while locked).
        self.menu_hook: Callable[[QMenu], QMenu] = _unchanged
        self.group_actions = GroupActions(document, self)
        self.own_cards = OwnCards(document, self)
        self.shortcuts: list[QShortcut] = []
        self.tabs = GroupTabs()
        self.tabs.setAccessibleName("Groups")
        self.tabs.setAccessibleDescription("The table groups; keys 1 to 9 switch group.")
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.tabs.tabBarDoubleClicked.connect(self._on_tab_double_clicked)
        self.tabs.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tabs.customContextMenuRequested.connect(self._on_context_menu)
        self.add_button = QPushButton("+ Add group")
        self.add_button.setMinimumHeight(44)
        self.add_button.clicked.connect(self.add_group)
        self.own_card_button = QPushButton("+ Our own card")
        self.own_card_button.setMinimumHeight(44)
        self.own_card_button.setToolTip(
            "Write a card of the current group's own: it goes in "
            "their tray, on their board and in the handout"
        )
        self.own_card_button.clicked.connect(self.add_own_card)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, LINE_WIDTH)
        layout.addWidget(self.tabs, 1, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.own_card_button)
        layout.addWidget(self.add_button)
        document.session_replaced.connect(self.refresh)
        document.groups_changed.connect(self.refresh)
        document.current_group_changed.connect(self.refresh)
        document.arrangement_changed.connect(self._update_tooltips)
        self.refresh()

    # --- drawing ------------------------------------------------------------------------
    def refresh(self, *_args: object) -> None:
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        groups = self.document.session.groups
        self.tabs.colours = [g.colour for g in groups]
        for i, group in enumerate(groups):
            self.tabs.addTab(group.name)
            self.tabs.setTabData(i, group.id)
            if group.id == self.document.current_group_id:
                self.tabs.setCurrentIndex(i)
        self.tabs.blockSignals(False)
        self._update_tooltips()
        self.add_button.setEnabled(len(groups) < MAX_GROUPS and not self.room_locked)
        self.add_button.setToolTip(
            "The facilitator's: room mode is locked"
            if self.room_locked
            else "Add a table group (Ctrl+G)"
        )
        self.update()

    def set_room_locked(self, locked: bool) -> None:
        """Room mode: adding, renaming and the tabs' menu are the facilitator's."""
        self.room_locked = locked
        self.refresh()

    def _update_tooltips(self, *_args: object) -> None:
        for i, group in enumerate(self.document.session.groups[: self.tabs.count()]):
            key = f" · key {i + 1}" if i < 9 else ""
            # Plain text: it is also the tab's accessible description (Orca reads it as
            # it is); GroupTabs.event shows it escaped, so a name's "<b>" stays literal.
            self.tabs.setTabToolTip(
                i,
                f"{group.name}: {len(group.placements)} card(s) placed{key}"
                "\nRight-click for rename, colour, copy, remove",
            )

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)
        colour = QColor(self.document.current_group.colour)
        painter.fillRect(QRect(0, self.height() - LINE_WIDTH, self.width(), LINE_WIDTH), colour)
        painter.end()

    # --- switching ----------------------------------------------------------------------
    def _on_tab_changed(self, index: int) -> None:
        group_id = self.tabs.tabData(index)
        if group_id:
            self.document.set_current_group(group_id)

    def switch_to(self, index: int) -> bool:
        """The index-th group (0-based) becomes current; False if there is none."""
        groups = self.document.session.groups
        if not 0 <= index < len(groups):
            return False
        self.document.set_current_group(groups[index].id)
        return True

    def install_shortcuts(self, window: QWidget) -> None:
        """Keys 1-9 on window switch to group 1-9 (a text field being typed in keeps them);
        the keys are the action table's GROUP_KEYS, set_keys changes them."""
        for key in GROUP_KEYS:
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(self._on_number_key)
            self.shortcuts.append(shortcut)

    def set_keys(self, keys: list[QKeySequence]) -> None:
        """One key per group shortcut, in order; an empty key turns that one off."""
        for shortcut, key in zip(self.shortcuts, keys, strict=True):
            shortcut.setKey(key)

    def _on_number_key(self) -> None:
        sender = self.sender()
        if sender in self.shortcuts:
            self.switch_to(self.shortcuts.index(sender))

    # --- actions ------------------------------------------------------------------------
    def add_group(self) -> None:
        self.group_actions.add()

    def rename_current(self, *_args: object) -> None:
        self.group_actions.rename()

    def _on_tab_double_clicked(self, *_args: object) -> None:
        if self.room_locked:
            self.refused.emit("Renaming a group is the facilitator's: room mode is locked.")
        else:
            self.rename_current()

    def add_own_card(self) -> str:
        return self.own_cards.add()

    def show_manager(self) -> None:
        GroupManagerDialog(self.document, self.group_actions, self.window()).exec()

    def group_menu(self, group_id: str) -> QMenu:
        """The menu of one group: what the right-click on its tab shows."""
        document = self.document
        group = document.session.group(group_id)
        index = document.session.groups.index(group)
        menu = QMenu(menu_text(group.name), self)
        entries = [
            ("Rename...", self._menu_rename, True),
            ("Colour...", self._menu_recolour, True),
            ("Move left", self._menu_move_left, index > 0),
            ("Move right", self._menu_move_right, index < len(document.session.groups) - 1),
        ]
        for text, slot, enabled in entries:
            act = menu.addAction(text)
            act.setData(group_id)
            act.setEnabled(enabled)
            act.triggered.connect(slot)
        copy = menu.addMenu(f"Copy arrangement to {menu_text(group.name)} from")
        for other in document.session.groups:
            if other.id != group_id:
                act = copy.addAction(colour_icon(other.colour), menu_text(other.name))
                act.setData((other.id, group_id))
                act.triggered.connect(self._menu_copy)
        copy.setEnabled(len(document.session.groups) > 1)
        menu.addSeparator()
        remove = menu.addAction("Remove group...")
        remove.setData(group_id)
        remove.setEnabled(len(document.session.groups) > 1)
        remove.triggered.connect(self._menu_remove)
        menu.addSeparator()
        menu.addAction("Manage groups...").triggered.connect(self.show_manager)
        return menu

    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.tabs.tabAt(pos)
        if index < 0:
            return
        self.context_menu = self.menu_hook(self.group_menu(self.tabs.tabData(index)))
        self.context_menu.popup(self.tabs.mapToGlobal(pos))

    def _sender_data(self) -> object:
        sender = self.sender()
        return sender.data() if isinstance(sender, QAction) else None

    def _menu_rename(self) -> None:
        self.group_actions.rename(str(self._sender_data()))

    def _menu_recolour(self) -> None:
        self.group_actions.recolour(str(self._sender_data()))

    def _menu_move_left(self) -> None:
        self.group_actions.move(str(self._sender_data()), -1)

    def _menu_move_right(self) -> None:
        self.group_actions.move(str(self._sender_data()), 1)

    def _menu_remove(self) -> None:
        self.group_actions.remove(str(self._sender_data()))

    def _menu_copy(self) -> None:
        data = self._sender_data()
        if isinstance(data, tuple | list) and len(data) == 2:
            self.group_actions.copy_from(str(data[0]), str(data[1]))
