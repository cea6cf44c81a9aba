"""Text is text: markup, entities, "[*]", "&", right-to-left text, emoji and very long strings
typed by users (session title, group names, card titles and texts, notes, board labels) show
literally in every widget, menu, tool tip, dialog, the window title and the handout, and
nothing is read from disk because of them."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QMessageBox

from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.ui.style.plain_text import plain_message_box

FSI, PDI = "\u2068", "\u2069"  # FIRST STRONG ISOLATE, POP DIRECTIONAL ISOLATE
RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: reverses what follows, up to the end of its isolate

IMG = '<img src="/etc/passwd">'
TITLE = "<b>Our</b> [*] workshop &amp; R&D " + IMG
GROUP = "<font size=60>Table</font> & שלום ✊🏽"
OWN_TITLE = "<i>Walk</i> & talk " + IMG
OWN_TEXT = "We <b>walk</b>.\n<font size=60>Big</font> &lt;3 \u202eevil"
UNPLACED_TITLE = "<u>Tea</u> & biscuits"
NOTE = "Because <b>we</b> said so &amp; " + IMG + " " + "long " * 1000
REGION = "<b>Full</b> co-production & more"
HOSTILE = [TITLE, GROUP, OWN_TITLE, OWN_TEXT, UNPLACED_TITLE, NOTE, REGION]


def hostile_session() -> Session:
    s = content.new_session(TITLE, [GROUP, "Plain <2>"])
    s.venue, s.facilitator = "<b>Hall</b> & co", "Siân <script>x</script>"
    regions = list(s.board.regions)
    regions[0] = dataclasses.replace(regions[0], label=REGION, description="<b>desc</b> & " + IMG)
    s.board = dataclasses.replace(s.board, regions=tuple(regions))
    group = s.groups[0]
    group.cards += [
        Card("own", "custom", OWN_TITLE, OWN_TEXT, "<b>more</b>", "<a href=x>src</a>"),
        Card("tea", "custom", UNPLACED_TITLE, "&amp;"),
    ]
    s.place(group.id, "own", regions[0].id)
    s.set_note(group.id, "own", NOTE)
    return s


def as_html_shows(tooltip: str) -> str:
    """What a tool tip shows: Qt renders it as rich text when it looks like markup."""
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()


def shown_in_menu(text: str) -> str:
    """What a menu item shows: "&x" is a shortcut marker, "&&" an ampersand."""
    return re.sub(r"&(.?)", r"\1", text, flags=re.S)


@pytest.fixture
def window(open_window):
    return open_window(hostile_session(), size=(1400, 900))


def test_every_label_with_user_text_is_plain(window) -> None:
    window.details.show_card("own")
    window.scene.item_for("own").setSelected(True)
    labels = [w for w in window.findChildren(QLabel) if "<" in w.text() or "&" in w.text()]
    assert labels  # the details panel shows the card
    for label in labels:
        plain = label.textFormat().PlainText
        assert label.textFormat() == plain, (label.objectName(), label.text())


def test_details_show_the_card_and_note_literally(window) -> None:
    window.details.show_card("own")
    d = window.details
    assert d.title.text() == OWN_TITLE
    assert d.text.text() == OWN_TEXT
    assert d.more.text() == "<b>more</b>"
    assert "<a href=x>src</a>" in d.source.text()
    assert GROUP in d.where.text() and REGION in d.where.text()
    assert d.note.toPlainText() == NOTE


def test_window_title_is_literal_with_a_star_in_it(window) -> None:
    shown = window.windowHandle().title()
    assert shown == f"{FSI}Untitled{PDI} — {FSI}{TITLE}{PDI} — coprod-desktop"
    window.document.place(window.document.session.deck.cards[0].id, "ladder-coercion")
    assert (
        window.windowHandle().title() == f"{FSI}Untitled{PDI}* — {FSI}{TITLE}{PDI} — coprod-desktop"
    )


def test_group_tabs_show_names_literally(window) -> None:
    tabs = window.group_bar.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [GROUP, "Plain <2>"]
    window.grab()  # the tabs paint their own text, without shortcut markers


def test_tray_shows_titles_and_tooltips_literally(window) -> None:
    tray = window.tray
    rows = {tray.item(r).text(): tray.item(r) for r in range(tray.count())}
    assert UNPLACED_TITLE in rows
    tip = rows[UNPLACED_TITLE].toolTip()
    assert as_html_shows(tip) == f"{UNPLACED_TITLE}\n&amp;"


def test_board_tooltips_are_literal(window) -> None:
    card = window.scene.item_for("own")
    assert as_html_shows(card.toolTip()) == f"{OWN_TITLE}\n{OWN_TEXT}"
    region = window.scene.region_items[window.document.session.board.regions[0].id]
    assert as_html_shows(region.toolTip()) == f"{REGION}\n<b>desc</b> & {IMG}"


def test_list_view_is_literal(window) -> None:
    tree = window.list_view
    texts, tips = [], []
    for item in tree._items():  # noqa: SLF001
        texts.append(item.text(0))
        if item.toolTip(0):
            tips.append(as_html_shows(item.toolTip(0)))
    assert any(t.startswith(OWN_TITLE) for t in texts)
    assert OWN_TEXT in tips


def test_menus_show_labels_and_names_literally(window) -> None:
    from coprod_desktop.ui.panels.move_menu import build_move_menu

    menu = build_move_menu(window.document, "own", window)
    labels = [shown_in_menu(a.text()) for a in menu.actions() if a.data()]
    assert f"{FSI}{REGION}{PDI}" in labels
    group_menu = window.group_bar.group_menu(window.document.session.groups[1].id)
    copy_from = next(a.menu() for a in group_menu.actions() if a.menu() is not None)
    assert [shown_in_menu(a.text()) for a in copy_from.actions()] == [f"{FSI}{GROUP}{PDI}"]


def test_message_boxes_are_plain(window, monkeypatch) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    name = "<b>bold <img src=x.png> R&D.json"  # a file name can look like HTML
    window.document.path = Path(name)
    type(window.files).ask_unsaved(window.files)  # the real one (the fixture replaced it)
    type(window.files).show_error(window.files, "Cannot open session", f"{name}: {TITLE}")
    assert [b.textFormat() for b in shown] == [shown[0].textFormat().PlainText] * 2
    assert name in shown[0].text() and TITLE in shown[1].text()
    box = plain_message_box(None, "t", "<b>x</b>")
    assert box.textFormat() == box.textFormat().PlainText


def test_the_handout_prints_user_text_literally_and_reads_no_file(tmp_path, monkeypatch) -> None:
    pypdf = pytest.importorskip("pypdf")
    from reportlab.lib import utils

    from coprod_desktop.handout import handout_bytes

    opened: list[str] = []
    real = utils.open_for_read

    def spy(name, *args, **kwargs):  # noqa: ANN001, ANN202
        opened.append(str(name))
        return real(name, *args, **kwargs)

    monkeypatch.setattr(utils, "open_for_read", spy)
    session = hostile_session()
    session.set_note(session.groups[0].id, "own", "Because <b>we</b> said so &amp; " + IMG)
    data, _pages = handout_bytes(session)
    path = tmp_path / "h.pdf"
    path.write_bytes(data)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    flat = " ".join(text.split())
    for literal in (
        "<b>Our</b> [*] workshop &amp; R&D",
        "<font size=60>Table</font> &",
        "<i>Walk</i> & talk",
        "Because <b>we</b> said so &amp;",
        IMG,
        "<b>Hall</b> & co",
    ):
        assert literal in flat, literal
    assert not [name for name in opened if "passwd" in name]


def test_recent_files_menu_shows_file_names_literally(qtbot, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    from coprod_desktop.files.session_file import save_session
    from coprod_desktop.ui.actions.recent_files import RecentFiles, RecentMenu

    path = tmp_path / "R&D <b>plan & more.json"
    save_session(content.new_session(), path)
    recent = RecentFiles(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    recent.add(path)
    menu = RecentMenu(recent, lambda p: None)
    first = menu.actions()[0]
    assert shown_in_menu(first.text()) == f"1  {FSI}{path.name}{PDI}"
    menu.deleteLater()


# --- right-to-left overrides, NUL and huge values (issue 17, item 6) -----------------------


def visual_x(text: str, part: str) -> list[float]:
    """Where Qt's bidi layout puts each character of part (found in text), left to right
    on screen: increasing for text read left to right, decreasing when it is reversed."""
    from PySide6.QtGui import QFont, QTextLayout

    layout = QTextLayout(text, QFont("DejaVu Sans", 12))
    layout.beginLayout()
    line = layout.createLine()
    layout.endLayout()
    start = text.rindex(part)
    return [line.cursorToX(start + k)[0] for k in range(len(part))]


def test_a_right_to_left_override_does_not_reverse_the_apps_name(open_window) -> None:
    """Before: 'Untitled — abc‮evil — coprod-desktop' showed 'potksed-dorpoc' at the end."""
    session = content.new_session(f"abc{RLO}evil", ["Red"])
    window = open_window(session, size=(1200, 800))
    window.document.path = Path(f"x{RLO}yz.json")
    window.document.path_changed.emit()
    title = window.windowTitle().replace("[*]", "")
    assert title.endswith(" — coprod-desktop")
    xs = visual_x(title, "coprod-desktop")
    assert xs == sorted(xs), "the app's name is reversed"
    xs = visual_x(title, " — ")  # the separators stay in place too
    assert xs == sorted(xs)
    assert f"{FSI}abc{RLO}evil{PDI}" in title  # the user's text still reads as they typed


def test_a_nul_does_not_cut_the_window_title(open_window) -> None:
    window = open_window(content.new_session("before\x00after\x1b[31m", ["Red"]), size=None)
    title = window.windowTitle()
    assert "\x00" not in title and "\x1b" not in title
    assert "before\u2400after\u241b[31m" in title  # NUL and ESC as visible symbols
    assert title.endswith("coprod-desktop")


def test_tabs_menus_and_undo_isolate_group_and_card_names(window) -> None:
    from coprod_desktop.ui.panels.move_menu import build_move_menu

    doc = window.document
    evil = f"Red {RLO}team"
    doc.rename_group(doc.session.groups[1].id, evil)
    tabs = window.group_bar.tabs
    assert tabs.shown_text(1) == f"{FSI}{evil}{PDI}"
    group_menu = window.group_bar.group_menu(doc.session.groups[1].id)
    assert shown_in_menu(group_menu.title()) == f"{FSI}{evil}{PDI}"
    copy_to = next(a.menu() for a in group_menu.actions() if a.menu() is not None)
    assert shown_in_menu(copy_to.title()) == f"Copy arrangement to {FSI}{evil}{PDI} from"
    card = doc.session.deck.cards[0]
    move = build_move_menu(doc, card.id, window)
    assert shown_in_menu(move.title()) == f"Move “{FSI}{card.title}{PDI}” to"
    doc.rename_group(doc.session.groups[0].id, f"{RLO}x & y")
    undo = window.named_actions["undo"]
    assert undo.text().startswith("&Undo \u2068") and undo.text().endswith(PDI)
    assert "x && y" in undo.text()  # the & is a literal ampersand, not a shortcut marker
    doc.undo_stack.undo()
    assert window.named_actions["redo"].text().startswith("&Redo \u2068")


def test_messages_isolate_names_and_cut_long_values(window, monkeypatch) -> None:
    shown: list[QMessageBox] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append(box)
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    window.document.path = Path(f"evil{RLO}nosj.json")
    type(window.files).ask_unsaved(window.files)
    assert f"“{FSI}evil{RLO}nosj.json{PDI}” has changes" in shown[0].text()
    value = "x" * 1_000_000
    error = f"deck.cards[0].kind: unknown kind {value!r} (expected one of principle)"
    type(window.files).show_error(window.files, "Cannot open session", error)
    text = shown[1].text()
    assert len(text) < 300, len(text)
    assert "(1,000,000 characters)" in text and "(expected one of principle)" in text
