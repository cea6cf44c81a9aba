"""The main window: tray | board | details, the group bar, menus and toolbar."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QActionEvent,
    QCloseEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.rules import MAX_DOTS
from coprod_desktop.files.session_settings import presenting as saved_presenting
from coprod_desktop.files.session_settings import private_boards, set_private_boards
from coprod_desktop.files.session_settings import set_presenting as save_presenting
from coprod_desktop.ui.actions.file_actions import FileActions
from coprod_desktop.ui.actions.file_exports import FileExports
from coprod_desktop.ui.actions.menus import PrepareMenus
from coprod_desktop.ui.actions.menus import install as install_menus
from coprod_desktop.ui.actions.room_lock import HiddenWhileLocked, RoomLock
from coprod_desktop.ui.actions.single_keys import SingleKeys
from coprod_desktop.ui.board.guidance import TapGuide
from coprod_desktop.ui.board.presentation import PresentationMode
from coprod_desktop.ui.board.scene import BoardScene
from coprod_desktop.ui.board.view import BoardView
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.panels.autosave_warning import AutosaveWarning
from coprod_desktop.ui.panels.details import DetailsPanel
from coprod_desktop.ui.panels.group_bar import GroupBar
from coprod_desktop.ui.panels.list_view import ArrangementList
from coprod_desktop.ui.panels.move_menu import build_move_menu
from coprod_desktop.ui.panels.private_cover import PrivateCover
from coprod_desktop.ui.panels.room_bar import RoomBar
from coprod_desktop.ui.panels.room_layout import PresentingLayout, room_scale, timer_digits_px
from coprod_desktop.ui.panels.still_to_decide import StillToDecide
from coprod_desktop.ui.panels.timer import TimerWidget
from coprod_desktop.ui.panels.top_rows import TopRows
from coprod_desktop.ui.panels.tray import DeckTray
from coprod_desktop.ui.presenter.controller import Presenter
from coprod_desktop.ui.style import focus
from coprod_desktop.ui.style.plain_text import one_line, quoted, title_text
from coprod_desktop.ui.touch.hands import Hands

if TYPE_CHECKING:
    from coprod_desktop.ui.debrief.view import DebriefView
    from coprod_desktop.ui.dialogs.paper_sort import PaperSortDialog


class _FixedLabelButton(QToolButton):
    def __init__(self, label: str) -> None:
        super().__init__()
        self._label = label

    def actionEvent(self, event: QActionEvent) -> None:
        super().actionEvent(event)
        self.setText(self._label)


COMPACT_BELOW_HEIGHT = 820  # px of window height: below it the room controls take less room
SIDE_WIDE, SIDE_NARROW = 380, 300  # the side column (tray, details): px wide
NARROW_BELOW = 1200  # px of window width: below it the side column is SIDE_NARROW

HINT = (
    "Drag a card from the tray onto the board, or tap a card and then tap a region. "
    "Drag it back to the tray, or press Delete, to take it off."
)


class MainWindow(QMainWindow):
    def __init__(self, document: SessionDocument) -> None:
        super().__init__()
        focus.install()  # focus rings on buttons, the placeholder colour (issue 16)
        self.document = document
        self.files = FileActions(document, self)
        self.file_exports = FileExports(document, self, self.files)
        # Kept as attributes: a scene without a Python reference is deleted under us.
        self.scene = BoardScene(document, self)
        self.board_view = BoardView(self.scene)
        self.tap_guide = TapGuide(self.board_view)  # presenting: "now tap where it goes"
        self.tray = DeckTray(document)
        self.still_to_decide = StillToDecide(document)
        self.details = DetailsPanel(document)
        self.group_bar = GroupBar(document)
        self.list_view = ArrangementList(document)
        self.centre_stack = QStackedWidget()
        self.centre_stack.addWidget(self.board_view)
        self.centre_stack.addWidget(self.list_view)
        self._debrief: DebriefView | None = None  # made when first opened (start-up)
        self._debrief_made: list[Callable[[DebriefView], object]] = []
        self.file_exports.showing_debrief = self._showing_debrief
        self.private_cover = PrivateCover()
        self.centre_stack.addWidget(self.private_cover)
        self.private_cover.shown.connect(self._show_private_board)
        self.timer = TimerWidget()
        self.hint = QLabel(HINT)
        self.hint.setObjectName("hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)

        self.presenter = Presenter(self)  # the projector's window (issue 15)
        self.when_debrief_made(self.presenter.watch_debrief)
        self.hands = Hands(self)  # many fingers, each with its own card (issue 15)
        self._build_actions()
        # The group's own controls sit under the tray, where the group stands:
        # the timer, then big Back to tray / Undo / Redo buttons.
        self.controls = QWidget()
        self.controls_grid = QGridLayout(self.controls)
        self.controls_grid.setContentsMargins(4, 4, 4, 4)
        self.room_buttons = [
            self._big_button(key, fixed_label=True) for key in ("undo", "redo", "unplace")
        ]
        self.compact = False
        top_row = self.top_row = QWidget()
        top = QHBoxLayout(top_row)
        top.setContentsMargins(0, 0, 6, 0)
        top.addWidget(self.group_bar, 1)
        top.addWidget(self.room_bar)
        self.present_button = self._big_button("present")
        top.addWidget(self.present_button)
        self.room.add_control(HiddenWhileLocked(self.present_button))
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)  # the group bar's colour line meets the board's frame
        column.addWidget(top_row)
        # Over the board, so presentation mode keeps it (it hides the status bar).
        self.autosave_warning = AutosaveWarning(self.named_actions["save"])
        column.addWidget(self.autosave_warning)
        board_area = QWidget()  # the board, and while presenting the room's rail
        column.addWidget(board_area, 1)
        # Tray above details in one column, so the 16:9 board gets the full width left.
        # Tray and details share what the room controls (at their natural height) leave.
        self.tray_and_details = QSplitter(Qt.Orientation.Vertical)
        self.tray_and_details.addWidget(self.tray)
        self.tray_and_details.addWidget(self.details)
        self.tray_and_details.setStretchFactor(0, 1)
        self.tray_and_details.setStretchFactor(1, 1)
        self.tray_and_details.setSizes([440, 420])
        self.tray_and_details.setChildrenCollapsible(False)
        self.side = QWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        side_column = QVBoxLayout(self.side)
        side_column.setContentsMargins(0, 0, 0, 0)
        side_column.setSpacing(0)
        side_column.addWidget(self.still_to_decide, 0)
        side_column.addWidget(self.tray_and_details, 1)
        side_column.addWidget(self.controls, 0)
        self.presenting_layout = PresentingLayout(
            self.splitter, self.side, side_column, self.controls, board_area, self.centre_stack
        )
        self.presenting_layout.arrange_controls = self._arrange_presenting_controls
        timer = self.timer
        self.presenting_layout.scaled += [
            *self.room_buttons,
            timer.start_button,
            timer.reset_button,
            timer.preset_button,
            self.group_bar.own_card_button,
            self.room_bar.badge,
        ]
        self.drawer = self.presenting_layout.drawer
        self._lay_out_controls()
        self.splitter.addWidget(self.side)
        self.splitter.addWidget(centre)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([SIDE_WIDE, 1540])
        self.setCentralWidget(self.splitter)
        # A narrow window: the buttons beside the tabs go to a row above them; the side
        # column narrower (until the facilitator drags it).
        self.top_rows = TopRows(
            self.group_bar, top, [self.room_bar, self.present_button], centre, self._two_rows_ok
        )
        self._side_auto = True
        self.splitter.splitterMoved.connect(self._side_dragged)
        self.statusBar().addWidget(self.hint, 1)

        # Presenting, the side column slides in over the board (groups read cards and write
        # notes there) and the room's controls sit in a rail beside the board.
        self.presentation = PresentationMode(
            self,
            self.scene,
            [self.toolbar, self.group_bar.add_button],
            self.splitter,
            self.presenting_layout,
        )
        # Shortcuts live on the window too, so they work while the menu bar is hidden.
        self.addActions(list(self.named_actions.values()))
        self.presentation.changed.connect(self._on_presentation_changed)
        document.groups_changed.connect(self._arrange_top)
        document.session_replaced.connect(self._arrange_top)
        self.presentation.changed.connect(self.room.on_presentation_changed)
        self.scene.card_selected.connect(self._on_board_selection)
        self.scene.move_menu_requested.connect(self.show_move_menu)
        self.tray.card_selected.connect(self._on_tray_selection)
        self.tray.move_menu_requested.connect(self.show_move_menu)
        self.tray.background_tapped.connect(self.return_selected_to_tray)
        self.tray.clicked.connect(self._on_tray_tapped)
        self.still_to_decide.card_requested.connect(self._show_undecided)
        self.list_view.card_selected.connect(self._on_list_selection)
        self.list_view.move_menu_requested.connect(self.show_move_menu)
        document.undo_stack.cleanChanged.connect(self._update_title)
        self._title_disconnected = False
        self._moving_card = ""  # the card whose Move to menu is open
        self._paper_sort: PaperSortDialog | None = None  # Group > Type in a paper sort
        # The tray's cards when M opened the menu for a tray card: after the placement the
        # next one is selected there, with the focus, for the next M.
        self._tray_before_move: list[str] = []
        document.path_changed.connect(self._update_title)
        document.session_replaced.connect(self._update_title)
        document.session_replaced.connect(self.leave_debrief)  # another session: its own boards
        document.session_details_changed.connect(self._update_title)
        document.current_group_changed.connect(self._update_group_frame)
        document.current_group_changed.connect(self._cover_if_private)
        document.session_replaced.connect(self._sync_private_action)
        document.current_group_changed.connect(self._forget_waiting_card)
        document.session_replaced.connect(self._restore_presenting)
        self.presentation.changed.connect(self._remember_presenting)
        document.groups_changed.connect(self._update_group_frame)
        document.session_replaced.connect(self._update_group_frame)
        self._update_title()
        self._update_group_frame()
        self.resize(1600, 950)
        if saved_presenting(document.session):  # after the window is shown (app.py)
            QTimer.singleShot(0, self._restore_presenting)

    # --- actions -------------------------------------------------------------
    def _build_actions(self) -> None:
        """The actions and menus come from ui/actions/action_table.py; room mode locks
        the facilitator's rows and controls (ui/actions/room_lock.py)."""
        self.room = RoomLock(self, self.files.recent)
        self.room_bar = RoomBar(self.room)
        self.prepare_menus = PrepareMenus(self)
        self.single_keys = SingleKeys(self)
        self.named_actions: dict[str, QAction] = install_menus(self)
        self.room.attach(self.named_actions)
        self.group_bar.menu_hook = self.room.lock_menu
        self.group_bar.refused.connect(self.room.notice)
        for control in (self.group_bar, self.timer, self.prepare_menus.recent_menu):
            if control is not None:
                self.room.add_control(control)
        self.leave_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.leave_shortcut.activated.connect(self.leave_presentation)

        toolbar = self.toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for key in ("save", "export"):
            toolbar.addAction(self.named_actions[key])
        for button in toolbar.findChildren(QWidget):
            button.setMinimumHeight(44)
        self.addToolBar(toolbar)

    def _lay_out_controls(self) -> None:
        """Timer, then Undo | Redo, then Back to tray; on a low screen, one row of three;
        presenting, in a strip above the board, all in one row."""
        grid = self.controls_grid
        for widget in (self.timer, *self.room_buttons):
            grid.removeWidget(widget)
        undo, redo, unplace = self.room_buttons
        presenting = self.presenting_layout.active
        row = presenting and not self.presenting_layout.on_side
        self.timer.set_row(row, narrow=presenting)
        if row:
            grid.addWidget(self.timer, 0, 0)
            for column, button in enumerate(self.room_buttons):
                grid.addWidget(button, 0, column + 1)
        elif self.compact and not presenting:
            grid.addWidget(self.timer, 0, 0, 1, 3)
            for column, button in enumerate(self.room_buttons):
                grid.addWidget(button, 1, column)
        else:
            grid.addWidget(self.timer, 0, 0, 1, 2)
            grid.addWidget(undo, 1, 0)
            grid.addWidget(redo, 1, 1)
            grid.addWidget(unplace, 2, 0, 1, 2)
        for button in self.room_buttons:
            button.setMinimumHeight(44 if self.compact else 48)
        self.timer.set_compact(self.compact and not presenting)
        if presenting:  # a narrow rail: the timer's three buttons fit across it
            self.timer.set_digit_px(timer_digits_px(self.height()))
            scale = room_scale(self.width(), self.height())
            self.presenting_layout.scale_to(scale)
            self.group_bar.tabs.set_scale(scale)
            self.timer.reset_button.setMinimumWidth(72)
            self.timer.preset_button.setMinimumWidth(72)

    def _two_rows_ok(self) -> bool:
        presentation = getattr(self, "presentation", None)  # resized while being built
        return presentation is None or not presentation.active

    def _arrange_top(self, *_args: object) -> None:
        """The tabs' row (and the buttons' above it on a narrow window); the side column
        narrower on a narrow window."""
        if getattr(self, "presentation", None) is None:
            return
        if self._side_auto and not self.presentation.active:
            side = SIDE_NARROW if self.width() < NARROW_BELOW else SIDE_WIDE
            sizes = self.splitter.sizes()
            if len(sizes) == 2 and sizes[0] != side and sum(sizes) > side:
                self.splitter.setSizes([side, sum(sizes) - side])
        self.top_rows.arrange()

    def _side_dragged(self, *_args: object) -> None:
        self._side_auto = False

    def _arrange_presenting_controls(self, _on_side: bool) -> None:
        self._lay_out_controls()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange_top()
        compact = self.height() < COMPACT_BELOW_HEIGHT
        if compact != self.compact:
            self.compact = compact
            self._lay_out_controls()
        if self.presenting_layout.active:
            self._lay_out_controls()

    def _big_button(self, key: str, fixed_label: bool = False) -> QToolButton:
        """A 44 px touch target showing an action's text, for the room's screen.
        fixed_label keeps the first text ("Undo"), not the action's changing one
        ("Undo Place ... in ..."), which the tooltip still shows."""
        button = _FixedLabelButton(self.named_actions[key].text()) if fixed_label else QToolButton()
        button.setDefaultAction(self.named_actions[key])
        # Never narrower than its label: "Back to tray" is never "Back...tray"
        label = button.text().replace("&", "")
        button.setMinimumSize(max(88, button.fontMetrics().horizontalAdvance(label) + 24), 48)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(self.named_actions[key].text().replace("&", ""))
        return button

    # --- selection and commands --------------------------------------------------
    def _on_board_selection(self, card_id: str) -> None:
        if card_id:
            self.scene.pending_card_id = ""
            self.tray.clearSelection()
            self.details.show_card(card_id)
            title = self._card_title(card_id)
            self.hint.setText(
                f"{title} selected: tap a cell or a rung to give it that place (each card "
                "has one of each), or tap the tray to take this place off."
            )
        else:
            self.hint.setText(HINT)

    def _on_tray_selection(self, card_id: str) -> None:
        self.scene.clearSelection()
        self.scene.pending_card_id = card_id
        self.details.show_card(card_id)
        if card_id:
            title = self._card_title(card_id)
            self.hint.setText(
                f"{title} selected: tap a region on the board to put it there, or drag it."
            )

    def _on_tray_tapped(self, *_args: object) -> None:
        """Presenting, a card tapped in the drawer's tray: the drawer slides away so that
        the whole board is there to tap where the card goes."""
        if self.presenting_layout.active and self.scene.pending_card_id:
            self.drawer.set_open(False)

    def _on_list_selection(self, card_id: str) -> None:
        if self.centre_stack.currentWidget() is not self.list_view:
            return  # the hidden list view never changes what the details show
        self.details.show_card(card_id)
        if card_id:
            title = self._card_title(card_id)
            self.hint.setText(f"{title} selected: M moves it, Delete returns it to the tray.")

    def _card_title(self, card_id: str) -> str:
        """The card's title for the status line: quoted, isolated, one line."""
        return quoted(
            one_line(self.document.session.card(self.document.current_group, card_id).title)
        )

    def selected_card_id(self) -> str:
        if (
            self.centre_stack.currentWidget() is self.list_view
            and self.list_view.selected_card_id()
        ):
            return self.list_view.selected_card_id()
        return self.scene.selected_card_id() or self.tray.selected_card_id()

    def _show_undecided(self, card_id: str) -> None:
        """A card still lacking a cell or rung, selected where the group is looking."""
        if self.centre_stack.currentWidget() is self.list_view:
            self.list_view.select_card(card_id)
        else:
            self.scene.select_card(card_id)
            self.board_view.setFocus()

    def show_move_menu(self, card_id: str, where: QPoint) -> None:
        self.move_menu = build_move_menu(self.document, card_id, self)
        self.prepare_menus.extend_card_menu(self.move_menu, card_id)  # own cards: edit, delete
        self._moving_card = card_id
        self._tray_before_move = []
        self.move_menu.triggered.connect(self._after_menu_move)
        self.move_menu.popup(where)

    def _after_menu_move(self, *_args: object) -> None:
        """Show where the card went: selected on the board, or in the tray. A tray card
        placed from the keyboard (M) hands the selection and the focus to the next card in
        the tray instead, so the group carries on with the next card."""
        card_id, before = self._moving_card, self._tray_before_move
        self._tray_before_move = []
        if not self.document.current_group.places(card_id):
            self.tray.select_card(card_id)
            return
        left = self.tray.card_ids()
        if card_id in before and left:
            at = before.index(card_id)
            following = [c for c in before[at + 1 :] if c in left]
            preceding = [c for c in reversed(before[:at]) if c in left]
            self.tray.select_card((following or preceding)[0])
            self.tray.scrollToItem(self.tray.currentItem())
            self.tray.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.scene.select_card(card_id)

    def show_move_menu_for_selection(self) -> None:
        card_id = self.selected_card_id()
        if not card_id:
            return
        item = self.scene.item_for(card_id)
        if item is not None:
            anchor = self.board_view.mapFromScene(item.sceneBoundingRect().center())
            where = self.board_view.viewport().mapToGlobal(anchor)
        else:
            where = self.tray.viewport().mapToGlobal(
                self.tray.visualItemRect(self.tray.currentItem()).center()
            )
        tray_cards = self.tray.card_ids()
        self.show_move_menu(card_id, where)
        if item is None and card_id in tray_cards:
            self._tray_before_move = tray_cards

    def focus_note(self) -> None:
        card_id = self.selected_card_id()
        if card_id:
            self.details.show_card(card_id)
            if self.presenting_layout.active:
                self.drawer.set_open(True)  # the note box is in the drawer
            elif not self.details.isVisible():
                self.details.show()
            self.details.note.setFocus()
            self.details.note.moveCursor(QTextCursor.MoveOperation.End)  # add to the note

    def toggle_list_view(self) -> None:
        if self.centre_stack.currentWidget() is self.private_cover:
            return  # a private board stays covered until its group shows it
        showing_list = self.centre_stack.currentWidget() is self.list_view
        card_id = self.selected_card_id()  # what the group is looking at now, before the switch
        self.centre_stack.setCurrentWidget(self.board_view if showing_list else self.list_view)
        target = self.board_view if showing_list else self.list_view
        if card_id and target is self.list_view:
            self.list_view.select_card(card_id)
        target.setFocus()

    def zoom_to_selection(self) -> None:
        card_id, lens = self.scene.selected_key()
        placement = self.document.session.place_on(self.document.current_group, card_id, lens)
        if placement is not None:
            self.board_view.toggle_zoom(placement.region)

    # --- presentation -----------------------------------------------------------------
    # --- private boards ---------------------------------------------------------------
    def toggle_private_boards(self) -> None:
        on = not private_boards(self.document.session)
        set_private_boards(self.document.session, on)
        self.named_actions["private_boards"].setChecked(on)
        self.hint.setText(
            "Private boards: a group's board is covered until it is shown."
            if on
            else "Boards are no longer private."
        )

    def _sync_private_action(self, *_args: object) -> None:
        self.named_actions["private_boards"].setChecked(private_boards(self.document.session))
        if self.centre_stack.currentWidget() is self.private_cover:
            self.centre_stack.setCurrentWidget(self.board_view)

    def _cover_if_private(self, *_args: object) -> None:
        """A new group at the screen: its board stays covered until it says it is there."""
        if not private_boards(self.document.session):
            return
        if self.debrief_showing():
            return
        self.private_cover.cover(self.document.current_group.name)
        self.centre_stack.setCurrentWidget(self.private_cover)

    def _show_private_board(self) -> None:
        self.centre_stack.setCurrentWidget(self.board_view)
        self.board_view.setFocus()

    # --- rounds and dot votes -----------------------------------------------------------
    def vote_on_selection(self, change: int) -> None:
        card_id = self.selected_card_id()
        if not card_id:
            return
        if not self.document.session.dots:
            self.hint.setText("Dot voting is off: the facilitator sets it in View > Dot voting.")
            return
        try:
            self.document.vote(card_id, change)
        except DomainError as exc:
            self.hint.setText(str(exc))
            return
        group = self.document.current_group
        left = self.document.session.dots - group.dots_used()
        self.hint.setText(f"{left} dot{'s' if left != 1 else ''} left for {group.name}.")

    def close_round(self) -> None:
        default = f"Round {len(self.document.session.rounds) + 1}"
        name, ok = QInputDialog.getText(
            self,
            "Close the round",
            "Name of the round (every group's places are kept):",
            text=default,
        )
        if not ok:
            return
        try:
            closed = self.document.close_round(name)
        except DomainError as exc:
            self.files.show_error("Cannot close the round", str(exc))
            return
        self.hint.setText(f"{closed} closed: the debrief shows what moves from now on.")

    def choose_dots(self) -> None:
        dots, ok = QInputDialog.getInt(
            self,
            "Dot voting",
            "Dots each group may put on cards (0: no voting):",
            self.document.session.dots,
            0,
            MAX_DOTS,
        )
        if not ok:
            return
        try:
            self.document.set_dots(dots)
        except DomainError as exc:
            self.files.show_error("Cannot change the dots", str(exc))

    # --- debrief ------------------------------------------------------------------------
    @property
    def debrief(self) -> DebriefView:
        """The debrief's view, made the first time it is asked for: the first paint is the
        board's, and the debrief's module and its agreement measures are not needed then."""
        if self._debrief is None:
            from coprod_desktop.ui.debrief.view import DebriefView

            debrief = self._debrief = DebriefView(self.document)
            self.centre_stack.addWidget(debrief)
            debrief.closed.connect(self.leave_debrief)
            # The debrief is the facilitator's: left open when the room locks, its key
            # stays hidden (no reveal) and only the facilitator goes back to the boards.
            for button in (debrief.reveal_button, debrief.reveal_all_button, debrief.back_button):
                self.room.add_control(HiddenWhileLocked(button))
            for callback in self._debrief_made:
                callback(debrief)
        return self._debrief

    def when_debrief_made(self, callback: Callable[[DebriefView], object]) -> None:
        """callback(the debrief view) once it is made: now, if it is already."""
        if self._debrief is not None:
            callback(self._debrief)
        else:
            self._debrief_made.append(callback)

    def debrief_showing(self) -> bool:
        """Whether the debrief is open (asking does not make it)."""
        return self._debrief is not None and self.centre_stack.currentWidget() is self._debrief

    def _showing_debrief(self) -> tuple[QGraphicsScene, str] | None:
        """The debrief's scene and card while it is showing (File > Export board image)."""
        if not self.debrief_showing():
            return None
        return self.debrief.scene, self.debrief.card_id

    def toggle_debrief(self) -> None:
        if self.debrief_showing():
            self.leave_debrief()
        else:
            self.open_debrief()

    def open_debrief(self) -> None:
        """The groups' boards side by side, one card at a time (the tray and the group's
        controls hide: this is about every group, not the one at the screen)."""
        self.debrief.open()
        self.centre_stack.setCurrentWidget(self.debrief)
        self.side.hide()
        self.top_row.hide()
        self.named_actions["debrief"].setChecked(True)
        self.debrief.cards.setFocus()

    def leave_debrief(self) -> None:
        if self.debrief_showing():
            self.centre_stack.setCurrentWidget(self.board_view)
        self.side.show()
        self.top_row.show()
        self.named_actions["debrief"].setChecked(False)

    def toggle_presentation(self) -> None:
        self.presentation.toggle()

    def leave_presentation(self) -> None:
        """Esc: first close the drawer, then back out of a zoomed region, then out of
        presentation mode (the facilitator's, like Present: not while room mode is locked)."""
        if self.drawer.is_open:
            self.drawer.set_open(False)
        elif self.board_view.zoomed_region:
            self.board_view.show_whole_board()
        elif self.presentation.active:
            if self.room.allows("present"):
                self.presentation.leave()
            else:
                self.room.refuse("present")

    def _forget_waiting_card(self, *_args: object) -> None:
        """Another group at the screen: no card of the last group waits for a tap."""
        self.scene.pending_card_id = ""

    def _restore_presenting(self) -> None:
        """A session saved (or autosaved) while presenting opens presenting; another keeps
        the window as it is, and the file says so."""
        if saved_presenting(self.document.session):
            self.presentation.enter()
        else:
            self._remember_presenting(self.presentation.active)

    def _remember_presenting(self, active: bool) -> None:
        save_presenting(self.document.session, active)

    def _on_presentation_changed(self, active: bool) -> None:
        self.named_actions["present"].setText("Stop &presenting" if active else "&Present")
        self._lay_out_controls()
        if not active:
            self.group_bar.tabs.set_scale(1.0)
        self.group_bar.tabs.set_min_contrast(7.0 if active else 4.5)  # AAA on the projector
        self.tap_guide.refresh()
        self._arrange_top()
        self.board_view.fit()

    def return_selected_to_tray(self) -> None:
        if self.details.note.hasFocus():
            return  # Delete and Backspace edit the note there
        card_id = self.selected_card_id()
        if not card_id:
            return
        if self.centre_stack.currentWidget() is self.list_view:
            lens = self.list_view.selected_lens()
        else:  # the selected place on the board; a card selected in the tray has none
            lens = self.scene.selected_key()[1]
        if self.document.unplace(card_id, lens or None):
            self.disarm(card_id)

    def disarm(self, card_id: str) -> None:
        """A returned card is no longer waiting for a tap: the next tap on a region (or a
        double tap to zoom) places nothing."""
        if self.scene.pending_card_id == card_id:
            self.scene.pending_card_id = ""

    # --- window state -------------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        name = title_text(self.document.display_name)  # user text: a "[*]" in it is literal
        if self.document.read_only:  # open in another copy: Save is Save As here
            name += " (read-only)"
        title = title_text(self.document.session.title)
        self.setWindowTitle(f"{name}[*] — {title} — coprod-desktop")
        self.setWindowModified(self.document.is_modified())

    def _update_group_frame(self, *_args: object) -> None:
        self.board_view.set_frame_colour(self.document.current_group.colour)

    def show_paper_sort(self) -> None:
        from coprod_desktop.ui.dialogs.paper_sort import show_paper_sort

        if self._paper_sort is None:
            self._paper_sort = show_paper_sort(self, self.document)
            self._paper_sort.destroyed.connect(lambda: setattr(self, "_paper_sort", None))
        else:
            self._paper_sort.raise_()
            self._paper_sort.activateWindow()

    def _prompts(self) -> None:
        from coprod_desktop.ui.dialogs.prompts import show_prompts

        self._prompts_dialog = show_prompts(self, self.document.session.board)

    def _about(self) -> None:
        from coprod_desktop.ui.dialogs.about import show_about

        show_about(self, self.document.path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self.room.locked:  # Alt+F4 or the title bar's button
            self.room.refuse("quit")
            event.ignore()
            return
        if self.files.confirm_close():
            # The undo stack signals as it is destroyed; the window must not hear it then.
            if not self._title_disconnected:
                self.document.undo_stack.cleanChanged.disconnect(self._update_title)
                self._title_disconnected = True
            event.accept()
        else:
            event.ignore()
