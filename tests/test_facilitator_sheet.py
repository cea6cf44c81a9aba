"""Facilitator prompts (issue 12): board data per region, read and written with the board,
printed with the key on the facilitator's sheet and never in the participants' handout."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from coprod_desktop.cli.main import main
from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.model import Region
from coprod_desktop.files import builtin as content
from coprod_desktop.files.foreign_keys import collect
from coprod_desktop.files.session_file import load_session
from coprod_desktop.files.session_schema import (
    SessionFormatError,
    board_from_dict,
    board_to_dict,
    session_from_dict,
    session_to_dict,
)
from coprod_desktop.handout import HandoutOptions, facilitator_sheet_bytes
from tests.example_handouts import example_pdf_with

EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


def words(data: bytes | Path) -> str:
    reader = PdfReader(data) if isinstance(data, Path) else PdfReader(_stream(data))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _stream(data: bytes) -> Any:
    import io

    return io.BytesIO(data)


def board_data() -> dict[str, Any]:
    return board_to_dict(content.board())


# --- the data ---------------------------------------------------------------------


def test_every_region_of_the_built_in_board_has_one_or_two_questions() -> None:
    for region in content.board().regions:
        assert 1 <= len(region.prompts) <= 2, region.id
        for prompt in region.prompts:
            assert prompt.endswith("?") and prompt == prompt.strip(), (region.id, prompt)


def test_prompts_round_trip_with_the_board_and_are_not_foreign_keys() -> None:
    data = board_data()
    assert data["regions"][0]["prompts"] == list(content.board().regions[0].prompts)
    assert board_from_dict(json.loads(json.dumps(data))) == content.board()
    session = content.new_session("Prompts", ["A"])
    file_data = json.loads(json.dumps(session_to_dict(session)))
    assert collect(file_data) == {}  # "prompts" is a known region key
    assert session_from_dict(file_data).board.regions == session.board.regions


def test_a_region_without_prompts_writes_none() -> None:
    data = board_data()
    for region in data["regions"]:
        del region["prompts"]
    board = board_from_dict(data)
    assert all(r.prompts == () for r in board.regions)
    assert all("prompts" not in r for r in board_to_dict(board)["regions"])


@pytest.mark.parametrize(
    ("value", "where", "reason"),
    [
        ("Who decides?", "board.regions[2].prompts", "expected a list"),
        ([3], "board.regions[2].prompts[0]", "expected text"),
        (["Fine?", "  "], "board.regions[2].prompts[1]", "empty"),
        (["\ud800"], "board.regions[2].prompts[0]", "invalid character"),
    ],
)
def test_a_bad_prompt_is_named_by_its_field(value: Any, where: str, reason: str) -> None:
    data = copy.deepcopy(board_data())
    data["regions"][2]["prompts"] = value
    with pytest.raises(SessionFormatError) as caught:
        board_from_dict(data)
    assert caught.value.where == where
    assert reason in caught.value.reason


def test_the_domain_refuses_an_empty_prompt() -> None:
    with pytest.raises(DomainError, match="prompt"):
        Region("r", "R", (0, 0, 1, 1), prompts=("Why?", ""))


# --- the facilitator's sheet ------------------------------------------------------------


@pytest.fixture(scope="module")
def example():
    return load_session(EXAMPLE)


@pytest.fixture(scope="module")
def sheet(example) -> str:
    return words(facilitator_sheet_bytes(example, HandoutOptions(invariant=True))[0])


@pytest.fixture(scope="module")
def handout(example) -> str:
    return words(example_pdf_with(HandoutOptions(invariant=True)))


def test_the_sheet_prints_every_prompt_and_every_key_place(example, sheet: str) -> None:
    for region in example.board.regions:
        assert region.label in sheet
        for prompt in region.prompts:
            assert prompt in sheet, prompt
    keyed = [c for c in example.deck.cards if c.reference]
    assert f"{len(keyed)} of {len(example.deck.cards)} cards have a key" in sheet
    for card in keyed:
        assert card.title in sheet
        for place in card.reference:
            assert f"({place.confidence})" in sheet
            assert " ".join(place.why.split()) in sheet, (card.id, place.region)


def test_the_sheet_says_it_is_the_facilitators_reading_not_a_verdict(sheet: str) -> None:
    assert "a reading of the sources, not a verdict" in sheet
    assert "not for participants" in sheet
    assert "contested: the sources support more than one answer" in sheet


def test_the_participants_handout_carries_no_prompt_and_no_key(example, handout: str) -> None:
    for region in example.board.regions:
        for prompt in region.prompts:
            assert prompt not in handout, prompt
    # The key is printed in the debrief pages only (issue 13), never before them
    before_debrief = handout[: handout.index("The facilitator's key is a reading of the sources")]
    for card in example.deck.cards:
        for place in card.reference:
            assert " ".join(place.why.split()) not in before_debrief, card.id
    assert "Facilitator's sheet" not in handout


def test_handout_facilitator_writes_the_sheet(tmp_path: Path, capsys) -> None:
    out = tmp_path / "facilitator.pdf"
    assert main(["handout", str(EXAMPLE), "-o", str(out), "--facilitator"]) == 0
    assert "the facilitator's sheet (not for participants)" in capsys.readouterr().out
    text = words(out)
    assert text.startswith("Facilitator's sheet") or "Facilitator's sheet Co-producing" in text
    assert "Who could change this if people said no?" in text


def test_handout_facilitator_refuses_booklets(tmp_path: Path, capsys) -> None:
    out = tmp_path / "f.pdf"
    assert main(["handout", str(EXAMPLE), "-o", str(out), "--facilitator", "--booklets"]) != 0
    assert "no booklets" in capsys.readouterr().err
    assert not out.exists()


def test_a_deck_without_a_key_and_a_board_without_prompts_still_print(example) -> None:
    from dataclasses import replace

    bare = copy.copy(example)
    bare.deck = replace(
        example.deck, cards=tuple(replace(c, reference=()) for c in example.deck.cards)
    )
    bare.board = replace(
        example.board, regions=tuple(replace(r, prompts=()) for r in example.board.regions)
    )
    text = words(facilitator_sheet_bytes(bare, HandoutOptions(invariant=True))[0])
    assert "No card in this deck has a key." in text
    assert "This board has no prompts." in text


def test_every_page_of_the_sheet_says_who_it_is_for(example) -> None:
    data = facilitator_sheet_bytes(example, HandoutOptions(invariant=True, large_print=True))[0]
    pages = PdfReader(_stream(data)).pages
    assert len(pages) > 1
    for page in pages:
        assert "Facilitator's sheet: not for participants" in page.extract_text()
