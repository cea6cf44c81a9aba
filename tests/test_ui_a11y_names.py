"""Names and descriptions for assistive technology (issue 16, item 3): group tabs
describe themselves in plain text (no raw HTML), the export dialog's path field is
named, tray headings and tray cards say their kind, the details area is named."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible

from coprod_desktop.domain.kinds import KINDS
from coprod_desktop.ui.dialogs.export import ExportDialog, ExportSettings
from coprod_desktop.ui.panels.tray import CARD_ROLE, HEADER_ROLE

NAME, DESCRIPTION = QAccessible.Text.Name, QAccessible.Text.Description


def test_group_tabs_describe_themselves_in_plain_text(window) -> None:
    window.document.rename_group(window.document.session.groups[0].id, "<b>Red</b> & co")
    tabs = QAccessible.queryAccessibleInterface(window.group_bar.tabs)
    assert tabs is not None
    pages = [tabs.child(i) for i in range(tabs.childCount())]
    described = [p.text(DESCRIPTION) for p in pages if p.role() == QAccessible.Role.PageTab]
    assert len(described) == 2
    assert described[0].startswith("<b>Red</b> & co: 0 card(s) placed")  # literal, not markup
    for text in described:
        assert "<p" not in text and "white-space" not in text
    # The tooltip still shows the name literally (escaped rich text).
    shown = window.group_bar.tabs.tooltip_html(0)
    assert "&lt;b&gt;Red&lt;/b&gt;" in shown and "<b>" not in shown


def test_the_export_path_field_is_named(qtbot, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(None, tmp_path / "a.pdf", ExportSettings(settings), groups=2)
    qtbot.addWidget(dialog)
    field = QAccessible.queryAccessibleInterface(dialog.path)
    assert field is not None and field.text(NAME) == "Save as"


def test_tray_rows_say_their_kind(window) -> None:
    tray = window.tray
    rows = [tray.item(i) for i in range(tray.count())]
    headings = [r for r in rows if r.data(HEADER_ROLE)]
    cards = [r for r in rows if r.data(CARD_ROLE) is not None]
    assert headings and cards
    for row in headings:
        info = KINDS[row.data(HEADER_ROLE)]
        spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken.startswith(f"Heading: {info.plural}"), spoken
    for row in cards:
        card = row.data(CARD_ROLE)
        spoken = row.data(Qt.ItemDataRole.AccessibleTextRole)
        assert spoken == f"{card.title}, {KINDS[card.kind].label.lower()}", spoken
    # And the tray's accessible children read them.
    iface = QAccessible.queryAccessibleInterface(tray)
    names = {iface.child(i).text(NAME) for i in range(iface.childCount())}
    assert any(n.startswith("Heading: ") for n in names)


def test_the_details_area_is_named(window) -> None:
    for widget in (window.details, window.details.scroll_area):
        iface = QAccessible.queryAccessibleInterface(widget)
        assert iface is not None and iface.text(NAME).startswith("Card details"), widget
