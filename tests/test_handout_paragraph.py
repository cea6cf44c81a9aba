"""Paragraphs parsed once per markup and style and broken into lines once per width in a
handout (handout/paragraph.py, issue 20): the same bytes as without, less work."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from reportlab.platypus import Paragraph as ReportLabParagraph

from coprod_desktop.domain.model import Group, Session
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, handout_bytes
from coprod_desktop.handout import paragraph as shared

VARIANTS = [
    HandoutOptions(invariant=True),
    HandoutOptions(invariant=True, large_print=True),
    HandoutOptions(invariant=True, booklets=True),
]


class _Forgetful(dict[Any, Any]):
    """A cache that never keeps anything: every paragraph parsed and broken anew."""

    def __setitem__(self, key: Any, value: Any) -> None:
        pass


@pytest.fixture(scope="module")
def twice() -> Session:
    """The example with its first group twice over: every card title, text and note again."""
    session = load_session(Path(__file__).parent.parent / "sessions/community-health-workshop.json")
    first = session.groups[0]
    again = Group(
        id="again",
        name=first.name + " (again)",
        colour=first.colour,
        cards=list(first.cards),
        placements=[replace(p) for p in first.placements],
    )
    session.groups = [*session.groups, again]
    return session


@pytest.mark.parametrize("options", VARIANTS, ids=["a4", "large print", "booklets"])
def test_the_same_bytes_as_without_sharing(
    twice: Session, options: HandoutOptions, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_sharing = handout_bytes(twice, options)
    monkeypatch.setattr(shared, "_parsed", _Forgetful())
    monkeypatch.setattr(shared, "_broken", _Forgetful())
    assert handout_bytes(twice, options) == with_sharing


def test_a_card_text_is_broken_into_lines_once(
    twice: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken: Counter[str] = Counter()
    real = ReportLabParagraph.breakLines

    def counting(self: Any, widths: Any) -> Any:
        broken[self.text] += 1
        return real(self, widths)

    monkeypatch.setattr(ReportLabParagraph, "breakLines", counting)
    handout_bytes(twice, HandoutOptions(invariant=True))
    group = twice.groups[0]
    texts = [t for t in broken if any(c.text and c.text[:40] in t for c in twice.deck.cards[:30])]
    assert texts, "no card text found among the paragraphs"
    placed = {c.id for c in twice.deck.cards if group.places(c.id)}
    assert placed
    # Listed by two groups (and maybe in the reference), each text is broken once.
    assert all(broken[t] == 1 for t in texts), {t[:40]: broken[t] for t in texts if broken[t] > 1}


def test_a_new_handout_starts_with_nothing_shared(twice: Session) -> None:
    handout_bytes(twice, HandoutOptions(invariant=True))
    assert shared._broken
    shared.clear_parsed()
    assert not shared._broken and not shared._parsed
