"""Typing a note: consecutive edits of one card's note are one undo step; an edit of
another card's note is a step of its own (a mutation of NoteCommand.mergeWith survived
until this test: it merged two cards' notes into one step)."""

from __future__ import annotations

from coprod_desktop.files import builtin as content
from coprod_desktop.ui.document.document import SessionDocument

A, B = "activity-gp-time-bank", "activity-fast-sessions"


def test_one_cards_edits_merge_and_another_cards_do_not(qapp) -> None:
    doc = SessionDocument(content.new_session("Notes", ["Red"]))
    doc.place(A, "ladder-co-design")
    doc.place(B, "ladder-co-design")
    start = doc.undo_stack.count()
    doc.set_note(A, "P")
    doc.set_note(A, "Patients")  # the same card, typed on: one step
    assert doc.undo_stack.count() == start + 1
    doc.set_note(B, "Families")  # another card: its own step
    assert doc.undo_stack.count() == start + 2
    doc.undo_stack.undo()
    group = doc.current_group
    assert group.note(B) == "" and group.note(A) == "Patients"
    doc.undo_stack.undo()
    assert group.note(A) == ""
    doc.undo_stack.redo()
    assert group.note(A) == "Patients"


def test_a_note_after_another_command_starts_a_new_step(qapp) -> None:
    doc = SessionDocument(content.new_session("Notes", ["Red"]))
    doc.set_note(A, "first")
    doc.place(A, "ladder-co-design")
    doc.set_note(A, "first and more")
    doc.undo_stack.undo()
    assert doc.current_group.note(A) == "first"
    assert doc.current_group.places(A) != []
