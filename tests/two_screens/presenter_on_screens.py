"""The presenter view with real QScreens: run by tests/test_ui_presenter.py in a process
of its own under QT_QPA_PLATFORM=offscreen:configfile=tests/two_screens/screens.json
(a laptop at 1600x900, a projector at 1920x1080, a wall panel at 1280x720). Not
collected by the main run (the file name has no test_ prefix)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication, QScreen

from coprod_desktop.files import builtin as content


def screen(name: str) -> QScreen:
    return next(s for s in QGuiApplication.screens() if s.name() == name)


@pytest.fixture
def win(open_window, qtbot):
    assert [s.name() for s in QGuiApplication.screens()] == ["laptop", "projector", "wall"]
    w = open_window(content.new_session("Two screens", ["Red", "Blue"]))
    qtbot.waitUntil(lambda: w.presenter.shown)
    return w


class Unplugged:
    """The screens as the presenter sees them, minus the unplugged ones; the signals are
    Qt's own (screenAdded/screenRemoved) as the presenter hears them."""

    def __init__(self, presenter) -> None:  # noqa: ANN001 - test helper
        self.presenter = presenter
        self.gone: set[str] = set()
        presenter.screens.all = lambda: [
            s for s in QGuiApplication.screens() if s.name() not in self.gone
        ]

    def unplug(self, name: str) -> None:
        self.gone.add(name)
        self.presenter.screens.removed.emit(screen(name))

    def plug(self, name: str) -> None:
        self.gone.discard(name)
        self.presenter.screens.added.emit(screen(name))


def test_it_opens_full_screen_on_the_second_screen(win) -> None:
    view = win.presenter.view
    assert win.screen().name() == "laptop"
    assert view.screen().name() == "projector"
    assert view.isFullScreen()
    assert view.geometry() == screen("projector").geometry()
    assert win.named_actions["presenter"].isChecked()
    assert view.board.scene() is win.scene  # one scene, two views: it cannot drift


def test_the_facilitator_chooses_the_screen_and_it_is_remembered(win, qtbot) -> None:
    win.presenter.use_screen(screen("wall"))
    view = win.presenter.view
    qtbot.waitUntil(lambda: view.screen().name() == "wall" and view.isFullScreen())
    assert view.geometry() == screen("wall").geometry()
    assert win.files.recent.projector_screen() == "wall"
    assert win.screen().name() == "laptop"


def test_unplugging_moves_the_view_and_plugging_brings_it_back(win, qtbot) -> None:
    presenter, view = win.presenter, win.presenter.view
    card = win.document.session.deck.cards[0].id
    win.document.place(card, "ladder-informing")
    win.scene.select_card(card)
    presenter.set_mode("card")
    screens = Unplugged(presenter)
    screens.unplug("projector")  # the wall is left: the view goes there
    qtbot.waitUntil(lambda: view.screen().name() == "wall" and view.isFullScreen())
    screens.unplug("wall")  # the laptop alone: the view hides, never over the laptop
    qtbot.waitUntil(lambda: not view.isVisible())
    assert presenter.wanted
    assert win.isVisible() and win.screen().name() == "laptop"
    win.document.place(win.document.session.deck.cards[1].id, "ladder-coercion")  # meanwhile
    screens.plug("projector")
    qtbot.waitUntil(lambda: view.isVisible() and view.screen().name() == "projector")
    assert view.isFullScreen()
    assert presenter.mode == "card" and view.page() is view.spotlight  # nothing lost
    assert view.spotlight.card.id == card
    presenter.show_board()
    assert (win.document.session.deck.cards[1].id, "ladder") in view.board.scene().card_items


def test_closed_by_the_facilitator_it_stays_closed_until_a_screen_comes(win, qtbot) -> None:
    presenter = win.presenter
    win.named_actions["presenter"].trigger()
    assert not presenter.view.isVisible() and not presenter.wanted
    screens = Unplugged(presenter)
    screens.unplug("wall")
    assert not presenter.view.isVisible()
    screens.plug("wall")  # a projector plugged in: it opens by itself
    qtbot.waitUntil(lambda: presenter.view.isVisible() and presenter.view.isFullScreen())


def test_choose_the_projector_screen_from_the_laptop(win, qtbot, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    offered = []

    def pick(parent, title, label, names, current, editable):  # noqa: ANN001, ANN202
        offered.extend(names)
        return names[1], True

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    win.named_actions["projector_screen"].trigger()
    assert offered == ["projector (1920 x 1080)", "wall (1280 x 720)"]  # not the laptop's
    view = win.presenter.view
    qtbot.waitUntil(lambda: view.screen().name() == "wall" and view.isFullScreen())


def test_closing_the_laptops_window_closes_the_projectors(win, qtbot) -> None:
    view = win.presenter.view
    win.close()
    qtbot.waitUntil(lambda: not view.isVisible())


def test_presenting_on_the_laptop_leaves_the_projector_where_it_is(win, qtbot) -> None:
    view = win.presenter.view
    win.named_actions["present"].trigger()  # the laptop full screen too, for a touch panel
    qtbot.waitUntil(lambda: win.isFullScreen())
    assert win.screen().name() == "laptop"
    assert view.screen().name() == "projector" and view.isFullScreen()
    assert view.board.scene() is win.scene
