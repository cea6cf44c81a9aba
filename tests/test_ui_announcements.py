"""Issue 16's audit of announcements: every change a sighted person sees happen is said
to a screen reader, through the one helper (ui/accessibility.announce). Captured where
Qt gets it: QAccessible.updateAccessibility with a QAccessibleAnnouncementEvent, with an
assistive technology 'active' (the AT-SPI test hears a real one: test_atspi_board.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent

from coprod_desktop.domain.model import CardDraft
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout.options import HandoutOptions
from coprod_desktop.ui import accessibility
from coprod_desktop.ui.dialogs.export import ExportChoices
from coprod_desktop.ui.document import edit_commands

POLITE = QAccessible.AnnouncementPoliteness.Polite
ASSERTIVE = QAccessible.AnnouncementPoliteness.Assertive


@dataclass
class Heard:
    said: list[tuple[str, QAccessible.AnnouncementPoliteness]] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.said]

    @property
    def last(self) -> str:
        assert self.said, "nothing was announced"
        return self.said[-1][0]

    def clear(self) -> None:
        self.said.clear()


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> Heard:
    found = Heard()

    def update(event: QAccessibleEvent) -> None:
        if isinstance(event, QAccessibleAnnouncementEvent):
            found.said.append((event.message(), event.politeness()))

    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(update))
    return found


@pytest.fixture
def win(open_window, example_path):  # noqa: ANN001, ANN201
    window = open_window(load_session(example_path))
    accessibility.install(window)
    return window


def _tray_card(win) -> str:  # noqa: ANN001
    doc = win.document
    return next(c.id for c in doc.session.deck.cards if not doc.current_group.places(c.id))


def _placed_card(win, lens: str) -> str:  # noqa: ANN001
    doc = win.document
    group = doc.current_group
    return next(
        p.card
        for p in group.placements
        if doc.session.board.region(p.region).lens == lens
        and len(group.places(p.card)) > 1
        and doc.session.card(group, p.card).kind != "principle"
    )


def _title(win, card_id: str) -> str:  # noqa: ANN001
    return win.document.session.card(win.document.current_group, card_id).title


def q(text: str) -> str:
    return f"\u201c{text}\u201d"


# Each undo step a user takes, and the start of what is said (a function of the window).
Step = Callable[[object], tuple[Callable[[], object], str]]


def _place(win):  # noqa: ANN001, ANN202
    card = _tray_card(win)
    return lambda: win.document.place(card, "ladder-co-design"), (
        f"Place {q(_title(win, card))} to 6 Co-design (Table 1"
    )


def _move(win):  # noqa: ANN001, ANN202
    card = _placed_card(win, "ladder")
    return lambda: win.document.place(card, "ladder-coercion"), (
        f"Move {q(_title(win, card))} to 1 Coercion"
    )


def _return(win):  # noqa: ANN001, ANN202
    card = _placed_card(win, "ladder")
    return lambda: win.document.unplace(card), f"Return {q(_title(win, card))} to the tray"


def _take_off(win):  # noqa: ANN001, ANN202
    card = _placed_card(win, "ladder")
    return lambda: win.document.unplace(card, "ladder"), (
        f"Take {q(_title(win, card))} off the Ladder of co-production"
    )


def _mark(win):  # noqa: ANN001, ANN202
    card = _placed_card(win, "ladder")
    group = win.document.current_group
    principle = next(
        c.id
        for c in win.document.session.deck.cards
        if c.kind == "principle" and c.id not in group.marks_of(card)
    )
    return lambda: win.document.mark(card, principle), f"Mark {q(_title(win, card))} with "


def _vote(win):  # noqa: ANN001, ANN202
    win.document.set_dots(3)
    card = _placed_card(win, "ladder")
    return lambda: win.document.vote(card, 1), f"Put a dot on {q(_title(win, card))}"


def _add_group(win):  # noqa: ANN001, ANN202
    return lambda: win.document.add_group("Table 9"), f"Add group {q('Table 9')}"


def _rename_group(win):  # noqa: ANN001, ANN202
    group = win.document.session.groups[1]
    return lambda: win.document.rename_group(group.id, "Quay"), (
        f"Rename group {q(group.name)} to {q('Quay')}"
    )


def _remove_group(win):  # noqa: ANN001, ANN202
    group = win.document.session.groups[2]
    return lambda: edit_commands.remove_group(win.document, group.id), (
        f"Remove group {q(group.name)}"
    )


def _close_round(win):  # noqa: ANN001, ANN202
    return lambda: win.document.close_round("After tea"), f"Close {q('After tea')}"


def _dots(win):  # noqa: ANN001, ANN202
    return lambda: win.document.set_dots(4), "Dot voting: 4 dots a group"


def _import_cards(win):  # noqa: ANN001, ANN202
    drafts = [CardDraft("activity", "Street party"), CardDraft("activity", "Bus forum")]
    return lambda: edit_commands.add_deck_cards(
        win.document, drafts, text="Import 2 card(s) from more.csv"
    ), "Import 2 card(s) from more.csv"


def _own_card(win):  # noqa: ANN001, ANN202
    group = win.document.current_group
    draft = CardDraft("custom", "Our walking group")
    return lambda: edit_commands.add_group_card(win.document, group.id, draft), (
        f"Add {q('Our walking group')} to {group.name}'s cards"
    )


def _paper_sort(win):  # noqa: ANN001, ANN202
    doc = win.document
    cards = [c.id for c in doc.session.deck.cards if not doc.current_group.places(c.id)][:2]
    return lambda: doc.place_many(cards, "ladder-educating"), "Place 2 cards in 2 Educating"


STEPS = {
    "place": _place,
    "move": _move,
    "return to tray": _return,
    "take off a lens": _take_off,
    "mark a principle": _mark,
    "vote": _vote,
    "add a group": _add_group,
    "rename a group": _rename_group,
    "remove a group": _remove_group,
    "close a round": _close_round,
    "dot voting": _dots,
    "import cards": _import_cards,
    "add an own card": _own_card,
    "paper sort": _paper_sort,
}


@pytest.mark.parametrize("name", list(STEPS))
def test_each_undo_step_is_announced_done_undone_and_redone(
    win,  # noqa: ANN001
    heard: Heard,
    name: str,
) -> None:
    do, said = STEPS[name](win)
    heard.clear()
    assert do() is not False
    assert heard.last.startswith(said), heard.texts
    assert heard.said[-1][1] == POLITE
    done = heard.last
    win.document.undo_stack.undo()
    assert heard.last == f"Undone: {done}"
    win.document.undo_stack.redo()
    assert heard.last == f"Redone: {done}"


def test_a_note_is_not_said_key_by_key_but_its_undo_names_the_card(win, heard: Heard) -> None:  # noqa: ANN001
    card = _placed_card(win, "ladder")
    heard.clear()
    for text in ("G", "Go", "Good"):
        win.document.set_note(card, text)
    assert heard.texts == []  # the typist hears the keys; no 'Edit note' over them
    win.document.undo_stack.undo()
    assert heard.texts == [
        f"Undone: Edit the note on {q(_title(win, card))} (Table 1 – Tŷ Ffynnon)"
    ]


def test_switching_group_says_whose_board_shows(win, heard: Heard) -> None:  # noqa: ANN001
    other = win.document.session.groups[1]
    win.document.set_current_group(other.id)
    assert heard.texts == [f"{other.name}'s board"]
    win.document.set_current_group(other.id)  # no change: nothing said
    assert len(heard.texts) == 1


def test_a_private_board_says_it_is_covered(win, heard: Heard) -> None:  # noqa: ANN001
    win.named_actions["private_boards"].trigger()
    other = win.document.session.groups[1]
    heard.clear()
    win.document.set_current_group(other.id)
    assert heard.last == (
        f"{other.name}'s board, covered until the group chooses Show {other.name}'s board"
    )


class Clock:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def test_times_up_is_said_assertively_once(win, heard: Heard) -> None:  # noqa: ANN001
    timer = win.timer
    clock = Clock()
    timer.countdown.clock = clock
    timer.set_duration(60)
    timer.toggle()
    heard.clear()
    clock.now = 61
    timer.tick()
    timer.tick()  # still up: said once
    assert heard.said == [("Time's up", ASSERTIVE)]


def test_zoom_says_the_region_and_its_cards_then_the_whole_board(win, heard: Heard) -> None:  # noqa: ANN001
    region = "ladder-co-production"
    count = len(win.document.current_group.in_region(region))
    win.board_view.toggle_zoom(region)
    assert heard.last == f"Zoomed to 7 Co-production: {count} cards"
    win.board_view.toggle_zoom(region)
    assert heard.last == "The whole board"


def test_presentation_mode_and_the_debrief_are_said(win, heard: Heard) -> None:  # noqa: ANN001
    win.toggle_presentation()
    assert heard.last == "Presentation mode: the board fills the screen; Esc leaves"
    win.toggle_presentation()
    assert heard.last == "Presentation mode off"
    win.toggle_debrief()
    assert heard.last == "The debrief: every group's boards, one card at a time"
    win.toggle_debrief()
    assert heard.last == "Back to the boards"


def test_status_bar_messages_are_said(win, heard: Heard) -> None:  # noqa: ANN001
    win.single_keys.set_mode("off")
    assert heard.last == "Single-key shortcuts are off: use the menus or the Ctrl shortcuts."
    win.single_keys.set_mode("single")
    win.prepare_menus.edit_own_card()  # nothing selected: the status bar says why
    assert heard.last.startswith("Select one of the group's own cards")
    assert win.statusBar().currentMessage() == heard.last


def test_the_handout_export_says_it_is_done_or_why_it_failed(
    win,  # noqa: ANN001
    heard: Heard,
    qtbot,  # noqa: ANN001
    tmp_path: Path,
) -> None:
    export = win.files.handout
    export.ask_open_pdf = lambda _path, _pages: False
    errors: list[str] = []
    export.show_error = lambda _title, message: errors.append(message)
    with qtbot.waitSignal(export.finished, timeout=60000) as done:
        export.start(ExportChoices(tmp_path / "take-home.pdf", HandoutOptions(invariant=True)))
    pages = done.args[1]
    assert heard.last == f"Handout saved as take-home.pdf: {pages} pages"
    with qtbot.waitSignal(export.failed, timeout=60000):
        export.start(ExportChoices(tmp_path / "no-such-folder" / "h.pdf", HandoutOptions()))
    assert errors and heard.said[-1] == (f"Cannot export handout: {errors[0]}", ASSERTIVE)


def test_saving_and_opening_a_session_are_said(win, heard: Heard, tmp_path: Path) -> None:  # noqa: ANN001
    target = tmp_path / "workshop.json"
    win.files.ask_save_path = lambda *_args: target
    assert win.files.save_as()
    assert heard.last == "Saved workshop.json"
    assert win.statusBar().currentMessage() == "Saved workshop.json"
    session = load_session(target)
    win.document.replace(session, target)
    first = session.groups[0].name
    assert f"{session.title}: 3 groups, {first}'s board" in heard.texts


def test_room_mode_locked_unlocked_and_off_are_said(win, heard: Heard) -> None:  # noqa: ANN001
    room = win.room
    room.set_room_mode(True)
    assert heard.last == "Room mode on: the facilitator's menus are locked"
    count = len(heard.said)
    room.apply()  # the same state again: nothing more said
    assert len(heard.said) == count
    assert room.unlock(win.files.recent.room_code())
    assert heard.last == "Unlocked for the facilitator"
    room.set_room_mode(False)
    assert heard.last == "Room mode off"


def test_revealing_the_key_says_it(win, heard: Heard) -> None:  # noqa: ANN001
    win.named_actions["debrief"].trigger()
    debrief = win.debrief
    row = next(
        i
        for i in range(debrief.cards.count())
        if (debrief.cards.setCurrentRow(i), debrief.reveal_button.isEnabled())[1]
    )
    assert row >= 0
    card = win.document.session.deck.card(debrief.card_id)
    assert card is not None and card.reference
    debrief.reveal_button.click()
    region = win.document.session.board.region(card.reference[0].region)
    assert region is not None
    assert heard.last.startswith(
        f"The key for {q(card.title)}: {region.label} ({card.reference[0].confidence})"
    )
    debrief.reveal_all_button.click()
    assert heard.last == "The whole key revealed"


def test_the_tap_hint_while_presenting_is_said(win, heard: Heard) -> None:  # noqa: ANN001
    win.drawer.duration_ms = 0
    win.presentation.enter()
    card = win.tray.card_ids()[0]
    heard.clear()
    win.tray.select_card(card)
    hint = win.tap_guide.text
    assert "now tap where it goes" in hint
    assert hint in heard.texts
    win.scene.pending_card_id = ""
    count = len(heard.said)
    win.scene.pending_card_id = card  # the same hint again, after it went: said again
    assert heard.said[count:] == [(hint, POLITE)]
