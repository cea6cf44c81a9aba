"""Private boards (issue 13): a group's board is covered when another group's tab is
chosen, until that group shows it; the setting is kept in the session file."""

from __future__ import annotations

import json

from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_schema import session_from_dict, session_to_dict
from coprod_desktop.files.session_settings import private_boards

BANK = "activity-gp-time-bank"


def test_switching_group_covers_the_board_until_it_is_shown(open_window) -> None:
    win = open_window(content.new_session("Private", ["Red", "Blue"]))
    win.document.place(BANK, "ladder-co-design")
    win.named_actions["private_boards"].trigger()
    assert private_boards(win.document.session)
    assert win.named_actions["private_boards"].isChecked()
    win.document.set_current_group("g2")
    assert win.centre_stack.currentWidget() is win.private_cover
    assert "“\u2068Blue\u2069”'s board is private" in win.private_cover.message.text()
    win.named_actions["list_view"].trigger()  # the list view is no way round the cover
    assert win.centre_stack.currentWidget() is win.private_cover
    win.private_cover.show_button.click()
    assert win.centre_stack.currentWidget() is win.board_view
    win.document.set_current_group("g1")
    assert win.centre_stack.currentWidget() is win.private_cover


def test_not_private_switching_shows_the_board_and_the_debrief_is_never_covered(
    open_window,
) -> None:
    win = open_window(content.new_session("Open", ["Red", "Blue"]))
    win.document.set_current_group("g2")
    assert win.centre_stack.currentWidget() is win.board_view
    win.named_actions["private_boards"].trigger()
    win.named_actions["debrief"].trigger()
    win.document.set_current_group("g1")
    assert win.centre_stack.currentWidget() is win.debrief


def test_the_setting_is_kept_in_the_file(open_window) -> None:
    win = open_window(content.new_session("Kept", ["Red", "Blue"]))
    win.named_actions["private_boards"].trigger()
    data = session_to_dict(win.document.session)
    assert data["private_boards"] is True
    again = session_from_dict(json.loads(json.dumps(data)))
    assert private_boards(again)
    win.named_actions["private_boards"].trigger()
    assert "private_boards" not in session_to_dict(win.document.session)
