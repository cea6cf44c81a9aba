"""The presenter view's logic: when the projector's window shows and on which screen,
and what it shows, as the facilitator chooses from the laptop.

- It opens by itself on a second screen (when the laptop's window first shows, or when
  a screen is plugged in) and on request (View > Presenter view). The facilitator
  chooses the projector's screen; it is remembered by name.
- A screen unplugged: the projector's window goes to another screen that is not the
  laptop's, or hides (opened on request with one screen left: a plain window on the
  laptop), and comes back full screen when a screen is plugged in again. What it shows
  is kept: nothing lives in the window but views of the laptop's scenes.
- What it shows ("mode"): the board, following the laptop (the current group's board,
  the laptop's zoom, the debrief's board while the debrief is open, the private cover
  while a board is private); one region, zoomed; the selected card, big; blank.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QInputDialog, QLabel

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Card
from coprod_desktop.ui.accessibility import say
from coprod_desktop.ui.presenter.screens import Screens, describe, projector_for
from coprod_desktop.ui.presenter.window import PresenterWindow
from coprod_desktop.ui.style.plain_text import one_line, quoted

if TYPE_CHECKING:
    from coprod_desktop.ui.debrief.view import DebriefView
    from coprod_desktop.ui.main_window import MainWindow

MODES: tuple[str, ...] = ("board", "region", "card", "blank")
MODE_ACTIONS = {
    "board": "projector_board",
    "region": "projector_region",
    "card": "projector_card",
    "blank": "projector_blank",
}


class Presenter(QObject):
    changed = Signal()  # shown, hidden, moved, or showing something else

    def __init__(self, window: MainWindow, screens: Screens | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.screens = screens or Screens(self)
        self.view: PresenterWindow | None = None
        self.wanted = False  # open: shown on the projector whenever there is one
        self.requested = False  # opened on request: with one screen, a window on the laptop
        self.auto = True  # opens by itself on a second screen
        self.mode = "board"
        self._before_blank = "board"
        self.region = ""  # the region of the "region" mode
        self.card_id = ""  # the card of the "card" mode
        self.preferred = ""  # the projector screen's name, as the facilitator chose it
        self._shown_once = False
        # On the laptop, always in sight: what the projector shows now.
        self.indicator = QLabel()
        self.indicator.setObjectName("projector-indicator")
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator.hide()
        window.statusBar().addPermanentWidget(self.indicator)
        self.screens.added.connect(self._on_screen_added)
        self.screens.removed.connect(self._on_screen_removed)
        window.installEventFilter(self)
        window.scene.card_selected.connect(self._follow_card)
        window.tray.card_selected.connect(self._follow_card)
        window.centre_stack.currentChanged.connect(self.refresh)
        window.board_view.zoom_changed.connect(self.refresh)
        document = window.document
        document.current_group_changed.connect(self._on_group_changed)
        document.groups_changed.connect(self._on_group_changed)
        document.session_replaced.connect(self._on_session_replaced)
        document.arrangement_changed.connect(self._on_arrangement_changed)

    # --- opening, closing, screens ---------------------------------------------------
    @property
    def shown(self) -> bool:
        return self.view is not None and self.view.isVisible()

    def projector_screen(self, gone: QScreen | None = None) -> QScreen | None:
        screens = [s for s in self.screens.all() if s is not gone]
        laptop: QScreen | None = self.window.screen()
        if laptop is gone or laptop not in screens:
            laptop = screens[0] if screens else None  # where Qt puts the laptop's window
        return projector_for(screens, laptop, self.preferred)

    def toggle(self) -> None:
        if self.wanted:
            self.close()
        else:
            self.open()

    def open(self) -> None:
        """On request: full screen on the projector, or a window if there is no second screen."""
        self.wanted = self.requested = True
        self.place()
        if not self.projector_screen():
            self._say("No second screen: the projector's view opens as a window here.")

    def close(self) -> None:
        self.wanted = self.requested = False
        self.place()

    def watch_debrief(self, debrief: DebriefView) -> None:
        """The debrief, once made: the projector follows the card under discussion."""
        debrief.cards.currentItemChanged.connect(self.refresh)

    def _ensure_view(self) -> PresenterWindow:
        if self.view is None:
            self.view = PresenterWindow(self.window.scene, self.window.debrief.scene, self.window)
            self.view.set_frame_colour(self.window.document.current_group.colour)
            self.refresh()
        return self.view

    def place(self, gone: QScreen | None = None) -> None:
        """Show the projector's window where it belongs now, or hide it."""
        screen = self.projector_screen(gone) if self.wanted else None
        if screen is not None:
            self._show_on(screen)
        elif self.wanted and self.requested:
            view = self._ensure_view()
            laptop = self.window.screen() if gone is not self.window.screen() else None
            if view.isFullScreen():
                view.showNormal()
            if laptop is not None and view.screen() is not laptop:
                view.setScreen(laptop)
            view.show()
        elif self.view is not None:
            self.view.hide()
        self._sync_actions()
        self.changed.emit()

    def _show_on(self, screen: QScreen) -> None:
        view = self._ensure_view()
        if view.isVisible() and view.isFullScreen() and view.screen() is screen:
            return
        if view.isVisible():
            view.showNormal()
        # Wayland places a window only by its screen, before it is shown full screen.
        view.setScreen(screen)
        handle = view.windowHandle()
        if handle is not None:
            handle.setScreen(screen)
        view.setGeometry(screen.geometry())
        # showFullScreen() would also activate it: the keyboard stays on the laptop's window.
        view.setWindowState(view.windowState() | Qt.WindowState.WindowFullScreen)
        view.show()

    def choose_screen(self) -> None:
        """The facilitator picks the projector's screen from the screens there are."""
        screens = self.screens.all()
        laptop = self.window.screen()
        others = [s for s in screens if s is not laptop]
        if not others:
            self._say("There is only one screen: plug in the projector first.")
            return
        names = [describe(s) for s in others]
        current = self.projector_screen()
        index = others.index(current) if current in others else 0
        picked, ok = QInputDialog.getItem(
            self.window, "The projector's screen", "Show the board on:", names, index, False
        )
        if ok and picked in names:
            self.use_screen(others[names.index(picked)])

    def use_screen(self, screen: QScreen) -> None:
        self.preferred = screen.name()
        self.window.files.recent.remember_projector_screen(self.preferred)
        self.wanted = True
        self.place()

    def _on_screen_added(self, screen: QScreen) -> None:
        if self.auto:
            self.wanted = True
        self.place()

    def _on_screen_removed(self, screen: QScreen) -> None:
        # Before Qt moves the projector's window onto the laptop's screen, full screen.
        self.place(gone=screen)
        QTimer.singleShot(0, self.place)  # again once Qt has settled the screens

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Show and not self._shown_once:
            self._shown_once = True
            self.preferred = self.window.files.recent.projector_screen()
            if self.auto and self.projector_screen() is not None:
                self.wanted = True
                QTimer.singleShot(0, self.place)
        elif watched is self.window and event.type() == QEvent.Type.Hide and self.view:
            self.view.hide()  # the laptop's window closed: so does the projector's
        return False

    # --- what it shows ---------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        if mode not in MODES:
            raise ValueError(f"unknown projector mode {mode!r}")
        if mode == "region":
            self.region = self._region_to_zoom()
            if not self.region:
                self._say("Select a card on the board (or zoom to a region) to show its region.")
                self._sync_actions()
                return
        if mode == "card":
            debrief_card = self.window.debrief.card_id if self.window.debrief_showing() else ""
            self.card_id = self.window.selected_card_id() or debrief_card
            if not self.card_id:
                self._say("Select a card to show it big on the projector.")
                self._sync_actions()
                return
        if mode == "blank" and self.mode == "blank":
            mode = self._before_blank  # B again: back to what it showed
        elif mode == "blank":
            self._before_blank = self.mode
        self.mode = mode
        if not self.wanted:
            self.open()
        self.refresh()
        self._say(self.describe())

    def show_board(self) -> None:
        self.set_mode("board")

    def show_region(self) -> None:
        self.set_mode("region")

    def show_card(self) -> None:
        self.set_mode("card")

    def toggle_blank(self) -> None:
        self.set_mode("blank")

    def _region_to_zoom(self) -> str:
        """The laptop's zoomed region, else the selected card's region (its selected place)."""
        view = self.window.board_view
        if view.zoomed_region:
            return view.zoomed_region
        card_id, lens = self.window.scene.selected_key()
        document = self.window.document
        placement = document.session.place_on(document.current_group, card_id, lens)
        return placement.region if placement is not None else ""

    def describe(self) -> str:
        if self.mode == "blank":
            return "The projector is blank: eyes on the room (B again brings the board back)."
        if self.mode == "card":
            card = self._card()
            title = quoted(one_line(card.title)) if card is not None else "the card"
            return f"The projector shows {title}, big."
        if self.mode == "region":
            region = self.window.document.session.board.region(self.region)
            label = quoted(one_line(region.label)) if region is not None else "a region"
            return f"The projector shows {label}, zoomed."
        return "The projector shows the board, as the laptop does."

    def _card(self) -> Card | None:
        if not self.card_id:
            return None
        document = self.window.document
        try:
            return document.session.card(document.current_group, self.card_id)
        except DomainError:
            return document.session.deck.card(self.card_id)

    def _follow_card(self, card_id: str) -> None:
        if self.mode == "card" and card_id:
            self.card_id = card_id
        self.refresh()

    def refresh(self, *_args: object) -> None:
        """Put the page for the mode and the laptop's state on the projector."""
        view = self.view
        if view is None:
            return
        window = self.window
        centre = window.centre_stack.currentWidget()
        covered = centre is window.private_cover
        debrief = window.debrief_showing()
        if self.mode == "card" and debrief and window.debrief.card_id:
            self.card_id = window.debrief.card_id
        if self.mode == "blank":
            view.show_page(view.blank)
        elif self.mode == "card":
            view.spotlight.show_card(self._card())
            view.show_page(view.spotlight)
        elif covered:
            name = one_line(window.document.current_group.name)
            view.cover.setText(f"{name}'s board is private until the debrief.")
            view.show_page(view.cover)
        else:
            target = view.debrief if debrief else view.board
            zoom = self.region if self.mode == "region" else ""
            if not zoom and not debrief:
                zoom = window.board_view.zoomed_region
            target.zoom_to(zoom)
            if debrief:
                card = window.document.session.deck.card(window.debrief.card_id)
                view.debrief_title.setText(one_line(card.title) if card is not None else "")
            view.show_page(view.debrief_page if debrief else view.board)
        self._sync_actions()

    def _on_group_changed(self, *_args: object) -> None:
        if self.view is not None:
            self.view.set_frame_colour(self.window.document.current_group.colour)
        if self.mode == "region":
            self.mode = "board"  # another group's board: the whole of it
        self.refresh()

    def _on_session_replaced(self) -> None:
        self.mode, self.region, self.card_id = "board", "", ""
        self._on_group_changed()

    def _on_arrangement_changed(self, *_args: object) -> None:
        if self.mode == "card" and self.view is not None:
            self.view.spotlight.show_card(self._card())

    # --- the laptop's side -----------------------------------------------------------
    def short_text(self) -> str:
        """What the projector shows, in a few words ("" when it is closed)."""
        if not self.wanted:
            return ""
        if not self.shown:
            return "Projector: waiting for a second screen"
        if self.mode == "blank":
            return "Projector: BLANK (B)"
        if self.mode == "card":
            card = self._card()
            return f"Projector: {one_line(card.title) if card is not None else 'a card'}, big"
        if self.mode == "region":
            region = self.window.document.session.board.region(self.region)
            return f"Projector: {one_line(region.label) if region is not None else 'a region'}"
        if self.window.debrief_showing():
            return "Projector: the debrief"
        return "Projector: the board"

    def _sync_actions(self) -> None:
        text = self.short_text()
        self.indicator.setText(text)
        self.indicator.setVisible(bool(text))
        self.indicator.setAccessibleName(text)
        named = getattr(self.window, "named_actions", {})
        if "presenter" in named:
            named["presenter"].setChecked(self.wanted)
        for mode, name in MODE_ACTIONS.items():
            if name in named:
                named[name].setChecked(self.wanted and self.mode == mode)

    def _say(self, text: str) -> None:
        say(self.window, text, 6000)  # and announced
