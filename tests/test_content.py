"""Built-in content: the NEF deck, the matrix-and-ladder board, and finding resources."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.domain.kinds import CARD_KINDS
from coprod_desktop.domain.model import GROUP_COLOURS, Rect
from coprod_desktop.domain.rules import MAX_CARD_TITLE
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import session_from_json, session_to_json

ROOT = Path(__file__).resolve().parent.parent
MAX_TITLE = 32  # the built-in deck stays well inside MAX_CARD_TITLE: read from the back of a room


@pytest.fixture(scope="module")
def deck():
    return content.deck()


@pytest.fixture(scope="module")
def board():
    return content.board()


def by_kind(deck, kind: str):
    return [c for c in deck.cards if c.kind == kind]


# --- the deck ------------------------------------------------------------------


def test_deck_identity(deck) -> None:
    assert deck.id == content.DEFAULT_DECK_ID == "nef-coproduction"
    assert deck.title == "Co-production (NEF)"


def test_six_principles(deck) -> None:
    principles = by_kind(deck, "principle")
    assert len(principles) == 6
    words = " ".join(c.title.lower() for c in principles)
    for word in (
        "assets",
        "capabilities",
        "reciprocal",
        "peer support",
        "blurring",
        "facilitating",
    ):
        assert word in words


def test_five_non_examples(deck) -> None:
    titles = [c.title for c in by_kind(deck, "non_example")]
    assert titles == [
        "User involvement",
        "Civil society provision",
        "Engagement and consultation",
        "Volunteering",
        "Personal budgets",
    ]


def test_at_least_16_activities_from_the_stories_and_everyday_services(deck) -> None:
    activities = by_kind(deck, "activity")
    assert len(activities) >= 16
    sources = " ".join(c.source for c in activities)
    for story in ("FAST", "Learning to Lead", "Youth Court"):
        assert story in sources


def test_only_known_kinds_and_no_custom_cards_in_the_deck(deck) -> None:
    assert {c.kind for c in deck.cards} <= set(CARD_KINDS) - {"custom"}


@pytest.mark.parametrize("card", content.deck().cards, ids=lambda c: c.id)
def test_every_card_is_complete(card) -> None:
    assert card.source.strip(), f"{card.id} has no source"
    assert card.text.strip(), f"{card.id} has no text"
    assert card.title == card.title.strip()
    assert 0 < len(card.title) <= MAX_TITLE, f"{card.id}: title too long to read from the back"
    assert card.id == card.id.strip() and " " not in card.id


# Words that tell a group where a card goes. Participant text (title, text, more) says what
# happens: who decided, who does the work, who can change it; the answer is the facilitator's.
PLACEMENT_WORDS = re.compile(
    r"sorted as|sorts? (?:it )?(?:as|into|under)|belongs? (?:in|on|at|to the)|often placed"
    r"|(?:usually|often|typically) (?:goes|sits|lands|fits)|\b(?:goes|sits|lands) (?:at|in|on) "
    r"|moves? (?:it )?(?:up|down) (?:to|towards|the ladder)|\brung \d|\b[1-7] (?:coercion|educating"
    r"|informing|consultation|engagement|co-design|co-production)\b|'doing (?:to|for|with)' band"
    r"|\bon the (?:ladder|matrix)\b|\bthe (?:\w+ )?cell\b",
    re.IGNORECASE,
)
QUOTES = "'\"\u2018\u2019\u201c\u201d"


def participant_text(card) -> str:
    return " ".join((card.title, card.text, card.more))


def placement_problems(text: str, labels: list[str]) -> list[str]:
    """What in `text` reads as an answer: a placement phrase, a cell label, a quoted label."""
    problems = [m.group(0) for m in PLACEMENT_WORDS.finditer(text)]
    lowered = text.lower()
    for label in labels:
        name = re.sub(r"^\d+ ", "", label).lower()  # "7 Co-production" -> "co-production"
        if len(name.split()) >= 3 and name in lowered:  # a cell label, quoted or not
            problems.append(label)
        elif re.search(f"[{QUOTES}]{re.escape(name)}[{QUOTES}]", lowered):
            problems.append(label)
    return problems


def test_placement_check_catches_the_old_hints(board) -> None:
    labels = [r.label for r in board.regions]
    for hint in (
        "Often sorted as 7 Co-production, in the full co-production cell, because staff run it.",
        "It belongs in traditional professional service provision.",
        "On the ladder it usually sits at 6 Co-design.",
        "Some groups choose 'people and communities plan; professionals deliver'.",
        "If students also carry out the plan, it moves up to 7.",
        "Groups often put it at 'Co-design'.",
        "On the ladder these sit in the 'doing for' band.",
    ):
        assert placement_problems(hint, labels), hint
    fair = (
        "Residents and staff design the park together; contractors build it. Who has the last say?"
    )
    assert placement_problems(fair, labels) == []


@pytest.mark.parametrize("card", content.deck().cards, ids=lambda c: c.id)
def test_no_card_tells_its_placement(card) -> None:
    labels = [r.label for r in content.board().regions]
    assert placement_problems(participant_text(card), labels) == [], card.id


@pytest.mark.parametrize("card", content.deck().cards, ids=lambda c: c.id)
def test_every_card_names_a_source_and_fits_the_title_limit(card) -> None:
    assert card.source.strip(), f"{card.id} has no source"
    assert len(card.title) <= MAX_CARD_TITLE
    if card.kind == "activity" and "coprod-desktop example" not in card.source:
        assert "NEF" in card.source, f"{card.id}: a story card names the story's source"


def test_every_region_is_described_and_the_board_names_its_sources(board) -> None:
    for region in board.regions:
        assert region.label.strip() and region.description.strip(), region.id
    assert "Bovaird (2007)" in board.source
    assert "Think Local Act Personal" in board.source and "Arnstein (1969)" in board.source
    assert "grouped by NEF" not in board.source  # no source says NEF grouped TLAP's rungs


def test_the_ladder_rungs_carry_tlaps_meanings(board) -> None:
    assert "passive recipients" in board.region("ladder-coercion").description
    assert "understand" in board.region("ladder-educating").description
    assert "not involved in seeing it through" in board.region("ladder-co-design").description
    for rung in ("ladder-coercion", "ladder-educating"):  # not another adaptation's readings
        text = board.region(rung).description
        assert "make people" not in text and "taught or treated" not in text


def test_no_matrix_cell_outside_the_verified_three_is_called_co_design(board) -> None:
    for region in board.regions:
        if region.lens == "matrix":
            assert "co-design" not in region.label.lower(), region.id


def test_the_non_examples_keep_the_seeds_hedges(deck) -> None:
    cards = {c.id: c for c in deck.cards}
    assert "fewer opportunities" in cards["not-engagement-consultation"].text
    assert "do not design or deliver" not in participant_text(cards["not-engagement-consultation"])
    assert "might be" in cards["not-volunteering"].text
    assert "few opportunities" in cards["not-volunteering"].text
    assert "no say" not in participant_text(cards["not-volunteering"])
    assert "on its own" in cards["not-personal-budgets"].text


def test_the_youth_court_cards_tell_what_the_court_did(deck) -> None:
    cards = {c.id: c for c in deck.cards}
    jury = participant_text(cards["activity-youth-court-peer-jury"])
    assert "sanction" in jury and "guilt" in jury and "diver" in jury
    assert "are tried" not in jury and "cross-examine" not in jury  # past tense, not a trial
    serving = participant_text(cards["activity-youth-court-offenders-join-jury"])
    assert "mandatory" in serving or "compulsory" in serving or "part of every sanction" in serving
    for card_id in cards:
        if card_id.startswith("activity-youth-court"):
            assert "Cahn" in cards[card_id].source


# --- the board -----------------------------------------------------------------


def test_board_identity(board) -> None:
    assert board.id == content.DEFAULT_BOARD_ID == "matrix-and-ladder"
    assert board.title == "Public service matrix and ladder of co-production"
    assert "Bovaird" in board.source


def test_nine_matrix_cells_with_the_verified_labels(board) -> None:
    matrix = [r for r in board.regions if r.lens == "matrix"]
    assert len(matrix) == 9
    labels = {r.label for r in matrix}
    assert {
        "Traditional professional service provision",
        "Full co-production",
        "Self-organised community provision",
    } <= labels
    assert len(labels) == 9
    assert all(r.description for r in matrix)


def test_the_matrix_is_a_3x3_grid(board) -> None:
    matrix = [r for r in board.regions if r.lens == "matrix"]
    assert len({r.rect[0] for r in matrix}) == 3  # three columns
    assert len({r.rect[1] for r in matrix}) == 3  # three rows
    assert board.region("matrix-traditional").rect[:2] == min(r.rect[:2] for r in matrix)


def test_seven_ladder_rungs_in_three_bands(board) -> None:
    ladder = [r for r in board.regions if r.lens == "ladder"]
    assert [r.label for r in sorted(ladder, key=lambda r: -r.rect[1])] == [
        "1 Coercion",
        "2 Educating",
        "3 Informing",
        "4 Consultation",
        "5 Engagement",
        "6 Co-design",
        "7 Co-production",
    ]  # bottom to top
    bands = [r.band for r in sorted(ladder, key=lambda r: int(r.label.split()[0]))]
    assert bands == ["to", "to", "for", "for", "for", "with", "with"]


def test_a_not_region(board) -> None:
    nots = [r for r in board.regions if r.lens == "not"]
    assert len(nots) == 1
    assert nots[0].label.startswith("Co-production is not")


def test_decorations_name_both_axes_and_the_bands(board) -> None:
    texts = " | ".join(d.text for d in board.decorations)
    assert "Who plans/designs?" in texts
    assert "Who delivers?" in texts
    for band in ("Doing to", "Doing for", "Doing with"):
        assert band in texts


def inside(inner: Rect, size: tuple[float, float]) -> bool:
    x, y, w, h = inner
    return x >= 0 and y >= 0 and w > 0 and h > 0 and x + w <= size[0] and y + h <= size[1]


def overlap(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def test_every_region_and_decoration_is_inside_the_board(board) -> None:
    for region in board.regions:
        assert inside(region.rect, board.size), region.id
    for decoration in board.decorations:
        assert inside(decoration.rect, board.size), decoration.text


def test_regions_do_not_overlap(board) -> None:
    for a, b in itertools.combinations(board.regions, 2):
        assert not overlap(a.rect, b.rect), f"{a.id} overlaps {b.id}"


def test_overlap_helper_is_strict() -> None:
    assert overlap((0, 0, 10, 10), (5, 5, 10, 10))
    assert not overlap((0, 0, 10, 10), (10, 0, 10, 10))  # touching edges are fine


def test_every_board_file_loads() -> None:
    files = sorted((content.resources_dir() / "boards").glob("*.json"))
    assert files
    assert len(content.builtin_boards()) == len(files)


def test_unknown_deck_or_board_is_a_content_error() -> None:
    with pytest.raises(content.ContentError, match="no built-in board 'nope'"):
        content.board("nope")
    with pytest.raises(content.ContentError, match="no built-in deck"):
        content.deck("nope")


# --- new sessions ----------------------------------------------------------------


def test_new_session() -> None:
    s = content.new_session("Workshop", ["Table 1 – Tŷ Ffynnon", "Table 2", "Table 3"])
    assert s.title == "Workshop"
    assert [g.id for g in s.groups] == ["g1", "g2", "g3"]
    assert [g.colour for g in s.groups] == list(GROUP_COLOURS[:3])
    assert all(g.placements == [] and g.cards == [] for g in s.groups)
    assert s.deck is content.deck() and s.board is content.board()
    assert s.created[:2] == "20" and "T" in s.created
    assert session_from_json(session_to_json(s)) == s


def test_new_session_defaults_to_one_group() -> None:
    s = content.new_session()
    assert len(s.groups) == 1
    s.place("g1", s.deck.cards[0].id, "matrix-full-coproduction")


# --- resources from anywhere ------------------------------------------------------


def test_resources_dir_has_decks_boards_and_fonts() -> None:
    folder = content.resources_dir()
    assert (folder / "decks").is_dir() and (folder / "boards").is_dir()
    assert content.font_path("DejaVuSans.ttf").is_file()
    assert content.font_path("DejaVuSans-Bold.ttf").is_file()
    assert content.font_path("NotoEmoji-Regular.ttf").is_file()  # the handout's emoji
    assert "SIL Open Font License" in content.font_path("NotoEmoji-LICENSE.txt").read_text("utf-8")


def test_resources_are_found_from_another_working_directory(tmp_path: Path) -> None:
    code = (
        "import coprod_desktop.files.builtin as c\n"
        "s = c.new_session()\n"
        "print(c.resources_dir())\n"
        "print(len(s.deck.cards), len(s.board.regions))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd="/tmp",
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    folder, counts = result.stdout.splitlines()
    assert Path(folder).is_absolute() and (Path(folder) / "decks").is_dir()
    assert counts == f"{len(content.deck().cards)} {len(content.board().regions)}"


# --- facts and the example session (issue 12) ---------------------------------------


def test_quotations_are_exact_and_cite_the_work() -> None:
    from coprod_desktop.handout.reference_data import reference_text

    ref = reference_text()
    quotes = {i.title: i for i in ref.definitions.items}
    friends = quotes["National Co-production Critical Friends Group (2013)"]
    assert "both partners have vital contributions" in friends.quote
    assert "both sides" not in friends.quote
    ostrom = quotes["Elinor Ostrom (1996)"]
    assert ostrom.quote.startswith("the process through which")
    assert "Crossing the Great Divide" in ostrom.source and "World Development" in ostrom.source
    nef = quotes["nef and Nesta (2009, 2010)"]
    assert "their families and their neighbours" in nef.quote


def test_the_stories_keep_the_seeds_hedges_and_the_court_is_past() -> None:
    from coprod_desktop.handout.reference_data import reference_text

    stories = {i.title: i for i in reference_text().stories.items}
    fast = stories["FAST (Families and Schools Together)"].text
    assert "facilitated by school staff and volunteers" in fast
    assert "encouraged to form peer support groups" in fast and "many come back" not in fast
    court = stories["Time Dollar Youth Court, Washington DC"]
    assert "is reported to" in court.text  # Cahn via the NCJRS abstract, unverified here
    assert "under court jurisdiction" in court.text and "doubtful" in court.text
    assert "first two years" not in court.text and "their parent" not in court.text
    assert "closing for lack of funds in 2013" in court.text


def test_the_youth_court_cards_say_only_what_the_sources_say(deck) -> None:
    cards = {c.id: c for c in deck.cards if c.id.startswith("activity-youth-court")}
    unsourced = ("foreperson", "presided", "law school", "recycled computer", "two years")
    for card in cards.values():
        for phrase in unsourced:
            assert phrase not in participant_text(card), (card.id, phrase)
        assert "NCJRS abstract 192706" in card.source
    assert "mostly a first or minor one" in cards["activity-youth-court-peer-jury"].text


def test_well_being_is_named_from_the_seed_and_not_invented() -> None:
    from coprod_desktop.handout.reference_data import reference_text

    item = reference_text().wellbeing
    assert item is not None and item.source
    assert "Co-producing Well-being: why it matters and how to do it" in item.text
    assert "What is well-being?" in item.text
    assert "no text" in item.text  # the seed has headings only


def test_the_reference_pages_name_no_card_as_an_example_of_a_degree(deck) -> None:
    from coprod_desktop.handout.reference_data import reference_text

    degrees = reference_text().degrees
    prose = " ".join([degrees.intro, *(i.text for i in degrees.items)]).lower()
    for card in deck.cards:
        if card.kind == "activity":
            assert card.title.lower() not in prose, card.id
    assert "volunteer-run library" not in prose and "volunteer" not in prose


EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"


def test_the_example_sessions_notes_agree_with_its_placements() -> None:
    s = session_from_json(EXAMPLE.read_bytes())
    names = {g.id: g.name.split("–")[-1].strip() for g in s.groups}
    for group in s.groups:
        marked = {m.principle for m in group.marks}
        for card_id, note in group.notes.items():
            on_board = bool(group.places(card_id))
            assert on_board or card_id in marked, f"{group.name}: note on a tray card {card_id}"
            for other in s.groups:  # a note naming another table names one that differs
                if other is not group and names[other.id] in note:
                    mine = {p.region for p in group.places(card_id)}
                    theirs = {p.region for p in other.places(card_id)}
                    assert mine != theirs, (group.name, card_id, other.name)


def test_the_example_sessions_trays_are_not_all_the_same_size() -> None:
    s = session_from_json(EXAMPLE.read_bytes())
    ids = [c.id for c in s.deck.cards]
    left = [sum(1 for i in ids if not g.places(i)) for g in s.groups]
    assert len(set(left)) > 1, left


def test_the_example_session_uses_the_built_in_deck() -> None:
    s = session_from_json(EXAMPLE.read_bytes())
    assert s.deck == content.deck()  # regenerate with tests/tools/make_example.py
