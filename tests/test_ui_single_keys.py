"""WCAG 2.1.4: the single-key shortcuts (M, Z, D, Shift+D, 1-9) can be turned off or made
to need Ctrl+Alt, from the Help menu; the choice is remembered in the settings and every
shortcut still comes from the action table."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from coprod_desktop.ui.actions.action_table import ACTIONS, GROUP_KEYS
from coprod_desktop.ui.actions.menus import is_single_key, key_sequences
from coprod_desktop.ui.actions.single_keys import MODES


def all_keys(window) -> list[str]:
    keys = [k.toString() for act in window.actions() for k in act.shortcuts()]
    keys += [s.key().toString() for s in window.findChildren(QShortcut) if not s.key().isEmpty()]
    return keys


def single(keys: list[str]) -> list[str]:
    return [k for k in keys if is_single_key(QKeySequence(k))]


def test_single_keys_are_on_by_default(window) -> None:
    keys = all_keys(window)
    assert {"M", "Z", "D", "Shift+D", "1", "9"} <= set(keys)
    assert not window.named_actions["single_keys_off"].isChecked()
    assert not window.named_actions["single_keys_modified"].isChecked()


def test_turning_them_off_leaves_no_single_key_shortcut(window, qtbot) -> None:
    window.named_actions["single_keys_off"].trigger()
    assert window.single_keys.mode == "off"
    keys = all_keys(window)
    assert single(keys) == []
    assert "Ctrl+E" in keys and "Del" in keys and "F2" in keys  # the others stay
    assert window.named_actions["move_to"].shortcuts() == []
    window.activateWindow()
    qtbot.keyClick(window.board_view, Qt.Key.Key_2)
    assert window.document.current_group.name == "Red"  # 2 no longer switches group
    window.named_actions["single_keys_off"].trigger()  # unticked: back on
    assert window.single_keys.mode == "single"
    assert "M" in all_keys(window)


def test_needing_ctrl_alt_moves_every_single_key_there(window, qtbot) -> None:
    window.named_actions["single_keys_modified"].trigger()
    keys = all_keys(window)
    assert single(keys) == []
    for key in ("Ctrl+Alt+M", "Ctrl+Alt+Z", "Ctrl+Alt+D", "Ctrl+Alt+Shift+D", "Ctrl+Alt+2"):
        assert key in keys, key
    window.activateWindow()
    qtbot.keyClick(
        window.board_view,
        Qt.Key.Key_2,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    assert window.document.current_group.name == "Blue"
    # The two choices exclude each other.
    window.named_actions["single_keys_off"].trigger()
    assert not window.named_actions["single_keys_modified"].isChecked()
    assert window.single_keys.mode == "off"


def test_the_list_views_m_key_follows_the_setting(window) -> None:
    assert window.list_view.single_keys
    window.named_actions["single_keys_off"].trigger()
    assert not window.list_view.single_keys


def test_no_shortcut_is_used_twice_in_any_mode() -> None:
    for mode in MODES:
        seen: dict[str, str] = {}
        for entry in ACTIONS:
            for key in key_sequences(entry, mode):
                text = key.toString()
                assert text not in seen, (mode, text, seen.get(text), entry.name)
                seen[text] = entry.name
        for key in GROUP_KEYS:
            for seq in key_sequences_of(key, mode):
                assert seq.toString() not in seen, (mode, seq.toString())


def key_sequences_of(key: str, mode: str) -> list[QKeySequence]:
    from coprod_desktop.ui.actions.menus import adapt

    return adapt([QKeySequence(key)], mode)


def test_the_choice_is_remembered(open_window, tmp_path) -> None:
    from coprod_desktop.files import builtin as content

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    first = open_window(content.new_session("W", ["Red", "Blue"]))
    first.files.recent.settings = settings
    first.single_keys.restore()
    first.named_actions["single_keys_modified"].trigger()
    again = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    second = open_window(content.new_session("W", ["Red", "Blue"]))
    second.files.recent.settings = again
    second.single_keys.restore()
    assert second.single_keys.mode == "modified"
    assert second.named_actions["single_keys_modified"].isChecked()
    assert "Ctrl+Alt+M" in all_keys(second) and "M" not in all_keys(second)


def test_an_unknown_stored_mode_means_single_keys(window, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("keys/single", '"sideways"')
    window.files.recent.settings = settings
    window.single_keys.restore()
    assert window.single_keys.mode == "single"
