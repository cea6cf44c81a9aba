"""The facilitator's key in the built-in deck (issue 12): read from the deck file itself, so a
region the board does not have fails here instead of being trimmed away by deck_for_board."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.domain.model import CONFIDENCES
from coprod_desktop.domain.rules import MAX_CARD_TITLE
from coprod_desktop.files import builtin as content
from tests.test_content import MAX_TITLE, participant_text, placement_problems

ROOT = Path(__file__).resolve().parent.parent
DECK_FILE = ROOT / "resources" / "decks" / "nef-coproduction.json"
BOARD_FILE = ROOT / "resources" / "boards" / "matrix-and-ladder.json"


def raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


RAW_CARDS = raw(DECK_FILE)["cards"]
LENS_OF = {r["id"]: r["lens"] for r in raw(BOARD_FILE)["regions"]}
LABELS = [r["label"] for r in raw(BOARD_FILE)["regions"]]


def key_problems(card: dict[str, Any], lens_of: dict[str, str]) -> list[str]:
    """Everything wrong with one deck card and its key, as readable lines."""
    problems: list[str] = []
    cid = card.get("id", "?")
    if not str(card.get("source", "")).strip():
        problems.append(f"{cid}: no source")
    if len(card.get("title", "")) > MAX_TITLE:
        problems.append(f"{cid}: title over {MAX_TITLE} characters")
    reference = card.get("reference", [])
    if card.get("kind") == "principle" and reference:
        problems.append(f"{cid}: a principle is marked, not placed, and has no key")
    lenses: list[str] = []
    for item in reference:
        region = item.get("region", "")
        if region not in lens_of:
            problems.append(f"{cid}: key names unknown region {region!r}")
        else:
            lenses.append(lens_of[region])
        if item.get("confidence") not in CONFIDENCES:
            problems.append(f"{cid}: confidence {item.get('confidence')!r}")
        if len(str(item.get("why", "")).split()) < 8:
            problems.append(f"{cid}: {region} has no reasoning a trainer could give")
    for lens, count in Counter(lenses).items():
        if count > 1:
            problems.append(f"{cid}: {count} places on the {lens} lens")
    return problems


@pytest.mark.parametrize("card", RAW_CARDS, ids=lambda c: c["id"])
def test_every_card_and_its_key(card: dict[str, Any]) -> None:
    assert key_problems(card, LENS_OF) == []
    assert len(card["title"]) <= MAX_CARD_TITLE


def test_the_checker_catches_each_fault() -> None:
    good = next(c for c in RAW_CARDS if c["id"] == "activity-recovery-college-course")
    assert key_problems(good, LENS_OF) == []
    why = "A reason with enough words for a trainer to read it out."
    faults = {
        "no source": {**good, "source": " "},
        "title over": {**good, "title": "x" * (MAX_TITLE + 1)},
        "unknown region": {
            **good,
            "reference": [{"region": "matrix-nowhere", "confidence": "high", "why": why}],
        },
        "places on the ladder": {
            **good,
            "reference": [
                {"region": "ladder-co-design", "confidence": "high", "why": why},
                {"region": "ladder-co-production", "confidence": "high", "why": why},
            ],
        },
        "principle": {**good, "kind": "principle"},
        "confidence": {
            **good,
            "reference": [{"region": "ladder-co-design", "confidence": "sure", "why": why}],
        },
        "no reasoning": {
            **good,
            "reference": [{"region": "ladder-co-design", "confidence": "high", "why": "yes"}],
        },
    }
    for words, card in faults.items():
        assert any(words in p for p in key_problems(card, LENS_OF)), words


def test_every_activity_and_non_example_is_keyed_and_no_principle_is() -> None:
    for card in RAW_CARDS:
        if card["kind"] == "principle":
            assert "reference" not in card, card["id"]
        else:
            assert card.get("reference"), f"{card['id']} has no key"


def test_every_non_example_is_keyed_to_the_not_place() -> None:
    for card in RAW_CARDS:
        if card["kind"] == "non_example":
            regions = [k["region"] for k in card["reference"]]
            assert "not-coproduction" in regions, card["id"]


def test_the_key_is_honest_about_what_is_contested() -> None:
    confidences = Counter(k["confidence"] for c in RAW_CARDS for k in c.get("reference", []))
    total = sum(confidences.values())
    assert confidences["contested"] >= total // 4, confidences  # many cards are arguable
    assert confidences["high"] < total // 2, confidences


def test_the_loaded_deck_keeps_every_key_on_the_built_in_board() -> None:
    """deck_for_board drops key places the board lacks: nothing may be dropped."""
    loaded = {c.id: c for c in content.new_session().deck.cards}
    for card in RAW_CARDS:
        assert len(loaded[card["id"]].reference) == len(card.get("reference", [])), card["id"]


@pytest.mark.parametrize("card", content.deck().cards, ids=lambda c: c.id)
def test_no_participant_text_states_a_placement_or_carries_the_key(card) -> None:
    text = participant_text(card)
    assert placement_problems(text, LABELS) == [], card.id
    for place in card.reference:
        assert place.why not in text


def test_no_region_description_names_another_region_as_its_answer() -> None:
    for region in raw(BOARD_FILE)["regions"]:
        others = [r for r in LABELS if r != region["label"]]
        assert placement_problems(region["description"], others) == [], region["id"]
