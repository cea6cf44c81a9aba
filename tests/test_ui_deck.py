"""The deck editor: add, edit, remove (asks where placed), reorder, CSV import with a
preview, export; every change one undo step, the built-in deck untouched."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from coprod_desktop.domain.kinds import KIND_ORDER
from coprod_desktop.domain.model import CardDraft, in_kind_order
from coprod_desktop.files import builtin as content
from coprod_desktop.files.csv_cards import parse_cards_csv, read_cards_csv
from coprod_desktop.files.session_schema import session_to_dict
from coprod_desktop.ui.dialogs.import_preview import ImportPreview
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.main_window import MainWindow

CSV = (
    "kind,title,text,more,source\n"
    'activity,"Walk, talk and plan","Neighbours\nwalk together",,Local\n'  # row 2
    "banana,Fruit,unknown kind\n"  # row 3
    "activity,,no title\n"  # row 4
    'activity,"walk,  TALK and plan",duplicate of row 2\n'  # row 5
    "principle,Recognising people as assets,already in the deck\n"  # row 6
    "non_example,Token panels,Nothing changes\n"  # row 7
    "activity,Extra,a,b,c,d\n"  # row 8
)


def refuse(name: str):
    def ask(*args, **kwargs):
        raise AssertionError(f"{name} was asked")

    return ask


@pytest.fixture
def window(open_window):
    return open_window(content.new_session("Deck", ["Red", "Blue"]), size=None)


@pytest.fixture
def editor(window, qtbot):
    ed = window.prepare_menus.editor()
    for name in (
        "ask_draft",
        "confirm_remove",
        "ask_import_path",
        "ask_export_path",
        "confirm_import",
        "show_error",
    ):
        setattr(ed, name, refuse(name))
    return ed


def deck_ids(window: MainWindow) -> list[str]:
    return [c.id for c in window.document.session.deck.cards]


def test_the_deck_menu_opens_the_editor(window, editor):
    window.named_actions["edit_deck"].trigger()
    assert editor.isVisible()
    assert sorted(editor.card_ids()) == sorted(deck_ids(window))
    assert window.named_actions["edit_deck"].shortcut().toString() == "Ctrl+D"
    editor.close()


def kind_headings(editor) -> list[str]:
    from coprod_desktop.ui.dialogs.deck_editor import KIND_HEADING_ROLE

    items = (editor.list.item(r) for r in range(editor.list.count()))
    return [item.text() for item in items if item.data(KIND_HEADING_ROLE)]


def test_the_editor_lists_kinds_in_the_trays_order(window, editor):
    """One order everywhere: the built-in deck stores the non-examples before the
    activities, yet the editor, like the tray, shows principles, activities, then
    'co-production is not'."""
    kinds = [c.kind for c in window.document.session.deck.cards]
    assert kinds.index("non_example") < kinds.index("activity")  # the deck's own order
    assert editor.card_ids() == window.tray.card_ids()
    assert [h.split(" (")[0] for h in kind_headings(editor)] == [
        "Principles",
        "Activities",
        "Co-production is not ...",
    ]
    assert (
        tuple(dict.fromkeys(window.document.session.deck.card(i).kind for i in editor.card_ids()))
        == KIND_ORDER[:3]
    )
    assert kind_headings(editor)[0] == "Principles (6)"


def test_the_kind_order_is_one_constant():
    from coprod_desktop.domain.kinds import CARD_KINDS, KINDS
    from coprod_desktop.handout.styles import KIND_MARKERS
    from coprod_desktop.ui.style import theme

    assert sorted(KIND_ORDER) == sorted(CARD_KINDS) == sorted(KINDS)
    # Labels, colours and shapes come from the one table in domain/kinds.py.
    assert {k: s.label for k, s in theme.KIND_STYLES.items()} == {
        k: i.plural for k, i in KINDS.items()
    }
    assert {k: s.colour for k, s in theme.KIND_STYLES.items()} == {
        k: i.colour for k, i in KINDS.items()
    }
    assert KIND_MARKERS == {k: i.glyph for k, i in KINDS.items()}


def test_add_a_card_reaches_every_groups_tray_and_undo_takes_it_back(window, editor):
    editor.ask_draft = lambda heading, card: CardDraft("activity", "Street party", "Fun", "", "Us")
    editor.select(deck_ids(window)[0])  # a principle: the activity goes after the activities
    card_id = editor.add()
    activities = [c.id for c in window.document.session.deck.cards if c.kind == "activity"]
    assert activities[-1] == card_id
    assert editor.card_ids().index(card_id) == editor.card_ids().index(activities[-2]) + 1
    assert editor.selected_id() == card_id
    assert card_id in window.tray.card_ids()
    window.document.set_current_group(window.document.session.groups[1].id)
    assert card_id in window.tray.card_ids()
    window.document.undo_stack.undo()
    assert card_id not in deck_ids(window)
    assert card_id not in window.tray.card_ids()
    assert card_id not in editor.card_ids()
    assert content.deck().card(card_id) is None  # the built-in deck never had it


def test_a_card_of_the_selected_kind_goes_after_the_selected_card(window, editor):
    first = deck_ids(window)[0]
    editor.ask_draft = lambda heading, card: CardDraft("principle", "Sharing power", "")
    editor.select(first)
    card_id = editor.add()
    assert deck_ids(window)[:2] == [first, card_id]
    assert editor.card_ids()[:2] == [first, card_id]
    assert editor.selected_id() == card_id


def test_a_deck_card_with_an_overlong_title_is_refused_with_the_reason(window, editor):
    errors = []
    editor.show_error = lambda title, text: errors.append(text)
    editor.ask_draft = lambda heading, card: CardDraft("activity", "A" * 150, "")
    before = deck_ids(window)
    assert editor.add() == ""
    assert "the title has 150 characters; at most 60 (titles are read from the back" in errors[0]
    assert deck_ids(window) == before and not window.document.undo_stack.canUndo()
    editor.select(before[0])
    assert not editor.edit_selected()
    assert "at most 60" in errors[1]


def test_edit_a_placed_card_updates_the_board(window, editor):
    card_id = deck_ids(window)[0]
    window.document.place(card_id, "ladder-coercion")
    editor.select(card_id)
    editor.ask_draft = lambda heading, card: CardDraft(card.kind, "New title", card.text)
    assert editor.edit_selected()
    assert window.scene.item_for(card_id).card.title == "New title"
    assert "New title" in editor.list.currentItem().text()
    window.document.undo_stack.undo()
    assert window.scene.item_for(card_id).card.title == content.deck().cards[0].title
    assert content.deck().cards[0].title != "New title"


def test_removing_an_unplaced_card_asks_nothing(window, editor):
    card_id = deck_ids(window)[3]
    editor.select(card_id)
    assert editor.remove_selected()
    assert card_id not in deck_ids(window)
    assert card_id not in window.tray.card_ids()


def test_removing_a_placed_card_says_where_and_asks(window, editor):
    document = window.document
    card_id = deck_ids(window)[0]
    red, blue = (g.id for g in document.session.groups)
    document.place(card_id, "ladder-coercion")
    document.set_note(card_id, "keep me")
    document.set_current_group(blue)
    document.place(card_id, "matrix-traditional")
    before = session_to_dict(document.session)
    seen = []

    def confirm(card, where):
        seen.append([(g.name, p.region) for g, p in where])
        return False

    editor.confirm_remove = confirm
    editor.select(card_id)
    assert not editor.remove_selected()
    assert seen == [[("Red", "ladder-coercion"), ("Blue", "matrix-traditional")]]
    assert session_to_dict(document.session) == before
    editor.confirm_remove = lambda card, where: True
    assert editor.remove_selected()
    assert card_id not in deck_ids(window)
    assert document.session.where_placed(card_id) == []
    assert window.scene.item_for(card_id) is None
    document.undo_stack.undo()  # one step puts the card and both placements back
    assert session_to_dict(document.session) == before
    assert window.scene.item_for(card_id) is not None
    document.set_current_group(red)
    assert document.current_group.note(card_id) == "keep me"


def test_the_confirmation_text_names_groups_and_regions(window, editor, monkeypatch):
    document = window.document
    card_id = deck_ids(window)[0]
    document.place(card_id, "ladder-coercion")
    shown = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append(box.text()) or QMessageBox.StandardButton.No
    )
    from coprod_desktop.ui.dialogs.deck_editor import DeckEditor

    card = document.session.deck.card(card_id)
    assert not DeckEditor.confirm_remove(editor, card, document.session.where_placed(card_id))
    assert "• \u2068Red\u2069: \u2068Ladder, 1 Coercion\u2069" in shown[0]  # names isolated
    assert card.title in shown[0]


def test_reorder_and_undo(window, editor):
    first, second = deck_ids(window)[:2]
    editor.select(first)
    assert not editor.buttons["up"].isEnabled()
    editor.buttons["down"].click()
    assert deck_ids(window)[:2] == [second, first]
    assert editor.selected_id() == first
    assert editor.card_ids()[:2] == [second, first]
    assert editor.buttons["up"].isEnabled()
    window.document.undo_stack.undo()
    assert deck_ids(window)[:2] == [first, second]


def test_a_card_moves_among_the_cards_of_its_kind(window, editor):
    """The listed order is by kind: up and down swap with the neighbour of the same kind,
    and stop at the first and last card of a kind."""
    session = window.document.session
    activities = [c.id for c in session.deck.cards if c.kind == "activity"]
    nots = [c.id for c in session.deck.cards if c.kind == "non_example"]
    editor.select(activities[-1])
    assert not editor.buttons["down"].isEnabled()  # the next listed card is not an activity
    editor.select(nots[0])
    assert not editor.buttons["up"].isEnabled()
    editor.select(activities[1])
    editor.move_up()
    assert [c.id for c in session.deck.cards if c.kind == "activity"][:2] == [
        activities[1],
        activities[0],
    ]
    assert editor.card_ids() == window.tray.card_ids()
    editor.move_down()
    editor.move_down()
    assert [c.id for c in session.deck.cards if c.kind == "activity"][:3] == [
        activities[0],
        activities[2],
        activities[1],
    ]
    assert editor.selected_id() == activities[1]


# --- CSV import ----------------------------------------------------------------------


def test_import_preview_lists_every_row_with_reasons(qtbot):
    report = parse_cards_csv(CSV.encode(), content.deck().cards)
    preview = ImportPreview(report, "cards.csv")
    qtbot.addWidget(preview)
    rows = preview.row_texts()
    assert [r[0] for r in rows] == ["2", "3", "4", "5", "6", "7", "8"]
    assert rows[0][:4] == ("2", "Import", "Activity", "Walk, talk and plan")
    assert rows[1][1] == "Skipped" and rows[1][4].startswith('unknown kind "banana"')
    assert rows[2][4] == "missing title"
    assert rows[3][4] == "duplicate of row 2"
    assert rows[4][4] == "duplicate: the deck has another card of this kind with this title"
    assert rows[5][1] == "Import"
    assert rows[6][4].startswith("6 fields but the header has 5")
    assert preview.import_button.text() == "Import 2 card(s)"
    assert "2 card(s) will be imported; 5 row(s) will be skipped" in preview.summary.text()


def wrapped_height(table, text: str, width: int) -> int:
    from PySide6.QtCore import QRect, Qt
    from PySide6.QtWidgets import QStyle

    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1
    box = QRect(0, 0, width - 2 * margin, 100_000)
    return table.fontMetrics().boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()


def test_preview_titles_and_reasons_are_never_cut_off(qtbot):
    """Long titles and reasons wrap inside the dialog: no horizontal scrolling, every
    row tall enough for its whole title and reason, and the tool tip has the whole text."""
    long_title = "Neighbours, the council and the health centre plan the park"  # 59
    csv_text = (
        "kind,title,text\n"
        f"activity,{long_title},x\n"
        f"activity,{'Too long a title for the back of the room ' * 4},x\n"
        "banana,Fruit,x\n"
    )
    report = parse_cards_csv(csv_text.encode(), content.deck().cards)
    preview = ImportPreview(report, "cards.csv")
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    table = preview.table
    assert table.horizontalHeader().length() <= table.viewport().width()
    texts = preview.row_texts()
    assert texts[1][4].startswith("the title has 167 characters; at most 60 (titles are read")
    for r in range(table.rowCount()):
        for c in (3, 4):
            item = table.item(r, c)
            needed = wrapped_height(table, item.text(), table.columnWidth(c))
            assert needed <= table.rowHeight(r), (r, c, item.text())
            if item.text():
                assert item.text() in item.toolTip().replace("&quot;", '"')
    assert table.columnWidth(3) >= table.fontMetrics().horizontalAdvance("W" * 12)


def test_preview_of_a_file_with_nothing_to_import_cannot_import(qtbot):
    report = parse_cards_csv(b"kind,title,text\nbanana,A,x\n")
    preview = ImportPreview(report, "bad.csv")
    qtbot.addWidget(preview)
    assert not preview.import_button.isEnabled()
    assert "nothing to import" in preview.summary.text()


def test_import_adds_the_previewed_cards_in_one_undo_step(window, editor, tmp_path: Path):
    path = tmp_path / "cards.csv"
    path.write_text(CSV, encoding="utf-8-sig")
    previews = []
    editor.ask_import_path = lambda: path
    editor.confirm_import = lambda report, source: previews.append((report, source)) or True
    before = deck_ids(window)
    assert editor.import_csv() == 2
    report, source = previews[0]
    assert source == "cards.csv"
    assert [s.row for s in report.skipped] == [3, 4, 5, 6, 8]
    added = window.document.session.deck.cards[len(before) :]
    assert [c.title for c in added] == ["Walk, talk and plan", "Token panels"]
    assert added[0].text == "Neighbours\nwalk together"
    assert {c.id for c in added}.isdisjoint(before)
    assert added[0].id in window.tray.card_ids()
    window.document.undo_stack.undo()
    assert deck_ids(window) == before


def test_import_cancelled_at_the_preview_changes_nothing(window, editor, tmp_path: Path):
    path = tmp_path / "cards.csv"
    path.write_text(CSV, encoding="utf-8")
    editor.confirm_import = lambda report, source: False
    assert editor.import_csv(path) == 0
    assert not window.document.undo_stack.canUndo()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "the file is empty"),
        (b"kind,title\nactivity,A\n", "row 1: the header row needs the column(s) text"),
        (b'kind,title,text\nactivity,"A"x,y\n', "row 2 (line 2): malformed CSV"),
        (b"kind,title,text\nactivity,A,x\nactivity,B\xff,y\n", "row 3: not UTF-8"),
    ],
)
def test_a_bad_csv_is_a_clear_message_and_nothing_changes(
    window, editor, tmp_path: Path, data: bytes, message: str
):
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    errors = []
    editor.show_error = lambda title, text: errors.append(text)
    before = session_to_dict(window.document.session)
    assert editor.import_csv(path) == 0
    assert errors[0].startswith("\u2068bad.csv\u2069: ")  # the name isolated
    assert message in errors[0]
    assert "the deck is unchanged" in errors[0]
    assert session_to_dict(window.document.session) == before
    assert not window.document.undo_stack.canUndo()


def test_a_10_mb_csv_is_refused(window, editor, tmp_path: Path):
    path = tmp_path / "big.csv"
    with path.open("wb") as handle:
        handle.write(b"kind,title,text\n")
        handle.truncate(10 * 1024 * 1024)
    errors = []
    editor.show_error = lambda title, text: errors.append(text)
    assert editor.import_csv(path) == 0
    assert "at most 5 MB" in errors[0]


def test_export_writes_the_same_format(window, editor, tmp_path: Path):
    target = tmp_path / "deck"
    editor.ask_export_path = lambda suggestion: target
    written = editor.export_csv()
    assert written == tmp_path / "deck.csv"
    report = read_cards_csv(written)
    # In the order the editor and the tray list them.
    cards = in_kind_order(window.document.session.deck.cards)
    assert report.cards == tuple(CardDraft.of(c) for c in cards)
    assert [c.id for c in cards] == editor.card_ids()


def test_reimporting_an_export_into_the_same_deck_finds_every_card_there(
    window, editor, tmp_path: Path
):
    """A round trip is not an error: the preview calls each row a card already in the deck,
    nothing is shaded as skipped, and there is nothing to import."""
    editor.ask_export_path = lambda suggestion: tmp_path / "deck.csv"
    path = editor.export_csv()
    previews = []

    def confirm(report, source):
        preview = ImportPreview(report, source)
        previews.append(preview)
        return False

    editor.confirm_import = confirm
    assert editor.import_csv(path) == 0
    preview = previews[0]
    rows = preview.row_texts()
    count = len(window.document.session.deck.cards)
    assert {r[1] for r in rows} == {"In the deck"} and len(rows) == count
    assert {r[4] for r in rows} == {"already in the deck: nothing to do"}
    assert not preview.import_button.isEnabled()
    assert "Every card in this file is already in the deck" in preview.summary.text()
    assert "fix the file" not in preview.summary.text()
    assert preview.table.item(0, 1).background().color().name() == "#ececec"
    assert not window.document.undo_stack.canUndo()
    preview.deleteLater()


def test_round_trip_into_a_fresh_session_adds_the_cards_it_lacks(
    window, editor, qtbot, tmp_path: Path
):
    editor.ask_draft = lambda heading, card: CardDraft("activity", "Street party", "Fun", "", "Us")
    added = editor.add()
    editor.ask_export_path = lambda suggestion: tmp_path / "deck.csv"
    path = editor.export_csv()
    assert path.read_text(encoding="utf-8-sig").splitlines()[0] == "kind,title,text,more,source,id"

    fresh = SessionDocument(content.new_session("Fresh", ["Green"]))
    other = MainWindow(fresh)
    other.files.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(other)
    second = other.prepare_menus.editor()
    reports = []
    second.confirm_import = lambda report, source: reports.append(report) or True
    second.show_error = refuse("show_error")
    assert second.import_csv(path) == 1
    assert fresh.session.deck.cards[-1].title == "Street party"
    assert fresh.session.deck.cards[-1].id == added
    assert len(reports[0].in_deck) == len(content.deck().cards)
    assert reports[0].skipped == ()
    assert second.import_csv(path) == 0  # again: every row is in the deck now
    assert len(reports[1].in_deck) == len(fresh.session.deck.cards)
    fresh.undo_stack.undo()
    assert [c.id for c in fresh.session.deck.cards] == [c.id for c in content.deck().cards]


def test_the_import_entry_says_the_format_before_the_file_picker(window, editor):
    from coprod_desktop.ui.dialogs.import_preview import IMPORT_CAPTION, IMPORT_FILTER

    note = editor.format_note.text()
    for words in (
        "kind, title, text",
        "optional: more, source, id",
        "principle, activity, non_example, custom",
        "60 characters",
    ):
        assert words in note
        assert words in window.named_actions["import_cards"].statusTip()
        assert words in window.named_actions["import_cards"].toolTip()
        assert words in editor.buttons["import"].toolTip()
    assert "kind, title, text; optional more, source, id" in IMPORT_CAPTION
    assert IMPORT_FILTER.startswith("Card files, columns kind, title, text; optional more")
    assert IMPORT_FILTER.split(";;")[0].endswith("(*.csv *.CSV *.txt)")


def test_export_failure_is_reported(window, editor, tmp_path: Path):
    errors = []
    editor.show_error = lambda title, text: errors.append(text)
    assert editor.export_csv(tmp_path / "missing-folder" / "deck.csv") is None
    assert "could not be written" in errors[0]
