"""The handout's debrief pages: the facilitator's key with reasoning and confidence (only
there), what moved since the last round, and the dot votes."""

from __future__ import annotations

from dataclasses import replace

from coprod_desktop.files import builtin as content
from coprod_desktop.handout import HandoutOptions, handout_bytes
from coprod_desktop.handout.debrief import KEY_INTRO
from tests.pdf_text import pdf_words, words

STABLE = HandoutOptions(invariant=True)
BANK = "activity-gp-time-bank"


def text_of(session) -> str:  # noqa: ANN001 - Session
    return pdf_words(handout_bytes(session, STABLE)[0])


def workshop():  # noqa: ANN201 - Session
    s = content.new_session("Workshop", ["Red", "Blue"])
    s.place("g1", BANK, "ladder-engagement")
    s.place("g2", BANK, "ladder-co-design")
    s.close_round()
    s.place("g1", BANK, "ladder-co-production")
    s.set_dots(3)
    s.vote("g1", BANK, 2)
    s.vote("g2", BANK, 1)
    return s


def test_the_key_rounds_and_votes_come_after_the_comparison() -> None:
    s = workshop()
    text = text_of(s)
    across, debrief = (
        text.index("Across the groups The two groups"),
        text.index("Debrief The facilitator's key"),
    )
    assert across < debrief < text.index("Reference")
    section = text[debrief : text.index("Reference", debrief)]
    assert words(KEY_INTRO) in section
    bank = s.deck.card(BANK)
    assert bank.reference, "the built-in deck keys the time bank"
    for place in bank.reference:
        assert words(place.why)[:60] in section
        assert f"({place.confidence})" in section
    assert "What moved since Round 1" in section
    assert (
        "GP surgery time bank: Ladder: 5 Engagement (doing for) → Ladder: 7 Co-production"
        in section
    )
    assert "Dot votes" in section and "GP surgery time bank: 3" in section


def test_the_key_is_printed_nowhere_before_the_debrief() -> None:
    s = workshop()
    text = text_of(s)
    before = text[: text.index("Debrief The facilitator's key")]
    for place in s.deck.card(BANK).reference:
        assert words(place.why)[:60] not in before


def test_no_debrief_pages_without_a_key_rounds_or_votes() -> None:
    s = content.new_session("Plain", ["Red", "Blue"])
    s.deck = replace(s.deck, cards=tuple(replace(c, reference=()) for c in s.deck.cards))
    s.place("g1", BANK, "ladder-engagement")
    assert "Debrief" not in text_of(s)
