"""The presenter view (issue 15): the board on the projector, read-only, the same scene
as the laptop's (it cannot drift); what it shows chosen from the laptop; the key never
before its reveal. Here with the one offscreen screen (on request it opens as a window);
tests/two_screens/ runs the screen tests (full screen on the second screen, the
facilitator's choice, unplug and plug) in a process with three offscreen screens."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QLabel,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)

from coprod_desktop.domain.model import KeyPlace, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_settings import set_private_boards
from coprod_desktop.ui.board.items import CardItem
from coprod_desktop.ui.debrief.scene import KeyMark

REPO = Path(__file__).resolve().parent.parent
BANK, SURVEY = "activity-gp-time-bank", "activity-library-hours-survey"
WHY = "Patients and staff both give hours; the surgery still runs it."
INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QMenuBar,
    QTabBar,
)


@pytest.fixture
def session() -> Session:
    s = content.new_session("Presenter", ["Red", "Blue"])
    red, blue = (g.id for g in s.groups)
    s.place(red, BANK, "ladder-co-production")
    s.place(blue, BANK, "ladder-engagement")
    s.place(red, SURVEY, "ladder-consultation")
    key = (KeyPlace("ladder-co-design", "contested", WHY),)
    s.deck = replace(
        s.deck,
        cards=tuple(replace(c, reference=key if c.id == BANK else ()) for c in s.deck.cards),
    )
    return s


@pytest.fixture
def win(open_window, session: Session, qtbot):
    w = open_window(session)
    w.named_actions["presenter"].trigger()  # on request: one screen, so a window
    qtbot.waitUntil(lambda: w.presenter.shown)
    return w


def test_on_request_with_one_screen_it_opens_as_a_window(win) -> None:
    view = win.presenter.view
    assert view.isVisible() and not view.isFullScreen()
    assert win.named_actions["presenter"].isChecked()
    assert view.board.scene() is win.scene  # the laptop's own scene: one model, two views
    win.named_actions["presenter"].trigger()
    assert not view.isVisible() and not win.named_actions["presenter"].isChecked()


def test_the_projector_has_nothing_to_click_type_or_drag(win) -> None:
    view = win.presenter.view
    shown = [w for kind in INTERACTIVE for w in view.findChildren(kind) if w.isVisibleTo(view)]
    assert shown == []  # the views' scroll bars exist, always off
    for board in (view.board, view.debrief):
        assert not board.isInteractive() and not board.acceptDrops()
        assert board.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    assert view.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus  # keys stay on the laptop
    assert view.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert view.board.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_change_on_the_laptop_is_on_the_projector_at_once(win) -> None:
    board = win.presenter.view.board
    win.document.place("activity-library-hours-survey", "matrix-full-coproduction")
    # no event loop turn: the projector's view draws the scene the laptop just changed
    placed = [i for i in board.items() if isinstance(i, CardItem) and i.lens == "matrix"]
    assert [i.card_id for i in placed] == [SURVEY]
    win.document.undo_stack.undo()
    assert not [i for i in board.items() if isinstance(i, CardItem) and i.lens == "matrix"]
    win.named_actions["undo"].trigger()  # nothing else to undo: the projector only shows


def test_it_follows_the_group_and_the_laptops_zoom(win) -> None:
    view, presenter = win.presenter.view, win.presenter
    assert view.page() is view.board
    win.document.set_current_group(win.document.session.groups[1].id)
    assert {i.key for i in view.board.items() if isinstance(i, CardItem)} == {(BANK, "ladder")}
    assert view.board.styleSheet().count(QColor(win.document.current_group.colour).name()) == 1
    win.board_view.toggle_zoom("ladder-engagement")
    rung = win.scene.region_items["ladder-engagement"].rect
    assert view.board.visible_scene_rect().contains(rung)
    assert view.board.visible_scene_rect().width() < win.scene.sceneRect().width() / 2
    win.board_view.show_whole_board()
    assert view.board.visible_scene_rect().contains(win.scene.sceneRect().adjusted(2, 2, -2, -2))
    assert presenter.mode == "board" and win.named_actions["projector_board"].isChecked()


def test_the_projector_zooms_to_a_region_and_stays(win) -> None:
    view = win.presenter.view
    win.scene.select_card(SURVEY)
    win.named_actions["projector_region"].trigger()
    rung = win.scene.region_items["ladder-consultation"].rect
    assert view.board.region == "ladder-consultation"
    assert view.board.visible_scene_rect().contains(rung)
    assert view.board.visible_scene_rect().width() < win.scene.sceneRect().width() / 2
    win.board_view.toggle_zoom("ladder-co-production")  # the laptop looks elsewhere
    assert view.board.region == "ladder-consultation"
    assert win.named_actions["projector_region"].isChecked()
    assert not win.named_actions["projector_board"].isChecked()
    win.named_actions["projector_board"].trigger()  # back to following the laptop
    assert view.board.region == "ladder-co-production"


def test_one_card_big_follows_the_laptops_selection(win) -> None:
    view = win.presenter.view
    win.scene.select_card(BANK)
    win.named_actions["projector_card"].trigger()
    assert view.page() is view.spotlight and view.spotlight.card.id == BANK
    win.scene.select_card(SURVEY)
    assert view.spotlight.card.id == SURVEY
    image = view.spotlight.grab().toImage()
    face = view.spotlight.face_rect()
    assert face.width() > view.width() * 0.6  # the card takes most of the room's screen
    assert image.pixelColor(int(face.center().x()), int(face.center().y())).isValid()


def test_a_card_must_be_selected_to_show_it_or_its_region(win) -> None:
    win.scene.clearSelection()
    win.tray.clearSelection()
    win.named_actions["projector_card"].trigger()
    win.named_actions["projector_region"].trigger()
    assert win.presenter.mode == "board"
    assert not win.named_actions["projector_card"].isChecked()
    assert "Select a card" in win.statusBar().currentMessage()


def test_b_blanks_the_projector_and_b_again_brings_it_back(win) -> None:
    view = win.presenter.view
    win.scene.select_card(BANK)
    win.named_actions["projector_card"].trigger()
    win.named_actions["projector_blank"].trigger()
    assert view.page() is view.blank
    image = view.grab().toImage()
    assert {image.pixelColor(x, y).name() for x in (0, 400, 900) for y in (0, 300, 530)} == {
        "#000000"
    }
    win.named_actions["projector_blank"].trigger()
    assert view.page() is view.spotlight  # what it showed before


def test_b_works_in_room_mode_and_opening_the_view_is_the_facilitators(win) -> None:
    win.room.set_room_mode(True)
    assert win.room.locked
    win.named_actions["projector_blank"].trigger()
    assert win.presenter.view.page() is win.presenter.view.blank
    assert not win.named_actions["presenter"].isEnabled()
    assert not win.named_actions["projector_screen"].isEnabled()


def test_the_debrief_on_the_projector_never_shows_the_key_before_its_reveal(win) -> None:
    view, debrief = win.presenter.view, win.debrief
    win.named_actions["debrief"].trigger()
    assert view.page() is view.debrief_page and view.debrief.scene() is debrief.scene
    lenses = [lens.id for lens in win.document.session.board.lenses]
    debrief.lenses.setCurrentIndex(lenses.index("ladder"))
    debrief.cards.setCurrentRow(0)
    assert debrief.card_id == BANK
    assert view.debrief_title.text() == "GP surgery time bank"  # the room knows which card
    assert not [i for i in view.debrief.items() if isinstance(i, KeyMark)]
    texts = " ".join(label.text() for label in view.findChildren(QLabel))
    assert WHY not in texts and "contested" not in texts
    debrief.reveal_button.click()
    marks = [i for i in view.debrief.items() if isinstance(i, KeyMark)]
    assert [m.place.region for m in marks] == ["ladder-co-design"]  # revealed: on the projector
    assert WHY not in " ".join(label.text() for label in view.findChildren(QLabel))
    win.named_actions["debrief"].trigger()  # back to the boards
    assert view.page() is view.board


def test_a_private_board_stays_covered_on_the_projector(win, session: Session) -> None:
    set_private_boards(win.document.session, True)
    view = win.presenter.view
    win.document.set_current_group(win.document.session.groups[1].id)
    assert win.centre_stack.currentWidget() is win.private_cover
    assert view.page() is view.cover and "Blue's board is private" in view.cover.text()
    win.scene.select_card(BANK)
    win.named_actions["projector_region"].trigger()  # not even one region of it
    assert view.page() is view.cover
    win.private_cover.show_button.click()
    assert view.page() is view.board


def test_a_laptop_selection_never_pans_the_projector(win) -> None:
    view = win.presenter.view
    win.scene.select_card(SURVEY)
    win.named_actions["projector_region"].trigger()
    before = view.board.visible_scene_rect()
    win.scene.select_card(BANK)  # in another region: the laptop's view scrolls to it
    assert view.board.visible_scene_rect() == before


def test_offscreen_screens(tmp_path: Path) -> None:
    """tests/two_screens/presenter_on_screens.py with three offscreen QScreens."""
    config = REPO / "tests" / "two_screens" / "screens.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-n",
            "0",
            "-p",
            "no:cacheprovider",
            str(REPO / "tests" / "two_screens" / "presenter_on_screens.py"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout


def test_choosing_a_screen_with_one_screen_says_so(win) -> None:
    win.named_actions["projector_screen"].trigger()  # no dialog: nothing to choose from
    assert "only one screen" in win.statusBar().currentMessage()


def test_closing_the_laptops_window_hides_the_projectors(win, qtbot) -> None:
    view = win.presenter.view
    win.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_the_laptop_always_says_what_the_projector_shows(win) -> None:
    indicator = win.presenter.indicator
    assert indicator.isVisible() and indicator.text() == "Projector: the board"
    win.named_actions["projector_blank"].trigger()
    assert indicator.text() == "Projector: BLANK (B)"
    win.named_actions["projector_blank"].trigger()
    win.scene.select_card(BANK)
    win.named_actions["projector_card"].trigger()
    assert indicator.text() == "Projector: GP surgery time bank, big"
    win.named_actions["debrief"].trigger()
    win.named_actions["projector_board"].trigger()
    assert indicator.text() == "Projector: the debrief"
    win.named_actions["presenter"].trigger()  # closed: nothing to say
    assert not indicator.isVisible()


def test_the_b_key_on_the_laptop_blanks_the_projector(win, qtbot) -> None:
    view = win.presenter.view
    win.activateWindow()
    win.board_view.setFocus()
    qtbot.waitUntil(win.board_view.hasFocus)  # the projector's window never takes the focus
    qtbot.keyClick(win.board_view, Qt.Key.Key_B)
    assert view.page() is view.blank
    qtbot.keyClick(win.board_view, Qt.Key.Key_B)
    assert view.page() is view.board
    win.scene.select_card(BANK)
    win.named_actions["details"].trigger()  # the card's note
    qtbot.waitUntil(win.details.note.hasFocus)
    qtbot.keyClick(win.details.note, Qt.Key.Key_B)  # typing a note: a letter, not a shortcut
    assert view.page() is view.board and win.details.note.toPlainText().endswith("b")
