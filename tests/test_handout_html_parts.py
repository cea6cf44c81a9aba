"""The HTML twin's comparison across groups, debrief and reference (issue 16): the same
parts as the PDF, in its order and under its conditions, with the PDF's words
(handout/wording.py), as headings, lists and tables. Each is checked on the example
session and on a one-group session."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.domain.compare import compare
from coprod_desktop.domain.model import Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions
from coprod_desktop.handout.html import handout_html
from coprod_desktop.handout.reference_data import reference_pack, reference_text
from coprod_desktop.handout.sections import region_title
from coprod_desktop.handout.wording import (
    ACROSS_TITLE,
    AGREED_TITLE,
    DEBRIEF_TITLE,
    DISPUTED_TITLE,
    EVERY_CARD_TITLE,
    KEY_INTRO,
    KEY_TITLE,
    PLAIN_WORDS,
    PRINCIPLES_TITLE,
    REFERENCE_TITLE,
    SOURCE,
    SOURCES_TITLE,
    VOTES_TITLE,
    apart,
    reference_sources,
    unit_phrase,
)
from tests.example_handouts import example_pdf_with
from tests.test_handout_debrief import workshop

BANK = "activity-gp-time-bank"
QUESTIONS = "Questions to take away"
STABLE_WALES = HandoutOptions(invariant=True, packs=("wales",))
EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


class Outline(HTMLParser):
    """The headings (level, text) in order; the text of every table row, and each
    th's scope."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.rows: list[str] = []
        self.scopes: list[str | None] = []
        self._heading: list[str] | None = None
        self._level = 0
        self._row: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading, self._level = [], int(tag[1])
        elif tag == "tr":
            self._row = []
        elif tag in ("th", "td", "li", "br") and self._row is not None:
            self._row.append(" ")  # cells and lines apart
        if tag == "th":
            self.scopes.append(dict(attrs).get("scope"))

    def handle_endtag(self, tag: str) -> None:
        if tag.startswith("h") and tag[1:].isdigit() and self._heading is not None:
            self.headings.append((self._level, "".join(self._heading)))
            self._heading = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(" ".join("".join(self._row).split()))
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._heading is not None:
            self._heading.append(data)
        if self._row is not None:
            self._row.append(data)


def outline(text: str) -> Outline:
    tree = Outline()
    tree.feed(text)
    return tree


def titles(tree: Outline) -> list[str]:
    return [t for _level, t in tree.headings]


def under(tree: Outline, heading: str, after: str = "") -> list[tuple[int, str]]:
    """The headings below heading (its first one after the heading after, when given),
    up to the next heading of its level or higher."""
    names = titles(tree)
    start = names.index(heading, names.index(after) if after else 0)
    level = tree.headings[start][0]
    rest = []
    for h in tree.headings[start + 1 :]:
        if h[0] <= level:
            break
        rest.append(h)
    return rest


def plain(text: str) -> str:
    """The page's text without tags, entities resolved, spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", text)).split())


def assert_well_formed_outline(tree: Outline) -> None:
    levels = [level for level, _t in tree.headings]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, tree.headings
    assert all(s in ("col", "row", "rowgroup") for s in tree.scopes)  # every th


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(EXAMPLE)


@pytest.fixture(scope="module")
def example_html(example: Session) -> str:
    return handout_html(example)


def solo() -> Session:
    s = content.new_session("Solo", ["Only"])
    s.place(s.groups[0].id, "principle-assets", "ladder-co-design")
    return s


# --- across the groups ----------------------------------------------------------------


def test_comparison_headings_follow_the_pdf(example: Session, example_html: str) -> None:
    tree = outline(example_html)
    assert_well_formed_outline(tree)
    assert (2, ACROSS_TITLE) in tree.headings
    inside = under(tree, ACROSS_TITLE)
    lenses = [lens.label for lens in example.board.lenses]
    assert [t for level, t in inside if level == 3] == [
        *lenses,
        PRINCIPLES_TITLE,
        EVERY_CARD_TITLE,
    ]
    for lens in example.board.lenses:
        below = [t for _level, t in under(tree, lens.label, after=ACROSS_TITLE)]
        if len(example.board.regions_of(lens.id)) > 1:
            assert below == [AGREED_TITLE, DISPUTED_TITLE]
        else:
            assert below == []  # "not": who put each card there
    # after the groups' own sections, before the questions, as in the PDF
    names = titles(tree)
    assert names.index(example.groups[-1].name) < names.index(ACROSS_TITLE)
    assert names.index(ACROSS_TITLE) < names.index("Questions to take away")


def test_comparison_lists_the_most_contested_and_every_card(
    example: Session, example_html: str
) -> None:
    text = plain(example_html)
    shown = 0
    for lens in example.board.lenses:
        result = compare(example, lens.id)
        for row in result.agreed():
            place = region_title(result.places(row)[0].region, short=True)
            assert f"{row.card.title} (activity) \u2192 {place}" in text
        for row in result.contested().listed:
            how = unit_phrase(result.unit, row.disagreement) + apart(result, row.spread)
            assert f"{row.card.title} (activity) \u2014 {how}" in text, how
            shown += 1
    assert shown, "the example has contested cards"
    assert "— 3 different rungs, 6 rungs apart" in text  # the ladder counts rungs apart
    tree = outline(example_html)
    every = [r for r in tree.rows if r.startswith("FAST family sessions (activity)")]
    assert len(every) == 1
    assert "Matrix: Full co-production: Table 3 – Oak" in every[0]
    assert tree.rows.count("Card Where the groups put it") == 1  # the table's header row


def test_one_group_has_no_comparison() -> None:
    text = handout_html(solo())
    tree = outline(text)
    assert_well_formed_outline(tree)
    assert ACROSS_TITLE not in titles(tree)
    assert EVERY_CARD_TITLE not in titles(tree)
    assert "Where the groups put it" not in text


# --- debrief --------------------------------------------------------------------------


def test_debrief_of_the_example_is_the_key(example: Session, example_html: str) -> None:
    tree = outline(example_html)
    names = titles(tree)
    assert (2, DEBRIEF_TITLE) in tree.headings
    assert (
        names.index(ACROSS_TITLE)
        < names.index(DEBRIEF_TITLE)
        < names.index("Questions to take away")
    )
    assert [t for _l, t in under(tree, DEBRIEF_TITLE)] == [KEY_TITLE]  # no round, no dots
    text = plain(example_html)
    assert " ".join(KEY_INTRO.split()) in text
    card = next(c for c in example.deck.cards if c.reference)
    for place in card.reference:
        assert f"({place.confidence}): {' '.join(place.why.split())}" in text
    before = text[: text.index(f"{DEBRIEF_TITLE} {KEY_TITLE}")]
    assert " ".join(card.reference[0].why.split()) not in before  # nowhere before the debrief


def test_no_key_no_debrief(example: Session) -> None:
    text = handout_html(example, key=False)
    tree = outline(text)
    assert_well_formed_outline(tree)
    assert DEBRIEF_TITLE not in titles(tree) and KEY_TITLE not in titles(tree)
    for card in example.deck.cards:
        for place in card.reference:
            assert " ".join(place.why.split()) not in plain(text)


def voted() -> Session:
    """The PDF debrief tests' workshop: a round closed, a move since, dot votes."""
    return workshop()


def test_debrief_rounds_and_votes() -> None:
    text = handout_html(voted(), key=False)
    tree = outline(text)
    assert_well_formed_outline(tree)
    assert under(tree, DEBRIEF_TITLE) == [
        (3, "What moved since Round 1"),
        (4, "Red"),
        (3, VOTES_TITLE),
    ]
    said = plain(text)
    assert (
        "GP surgery time bank: Ladder: 5 Engagement (doing for) → Ladder: 7 Co-production "
        "(doing with)" in said
    )
    assert "GP surgery time bank: 3" in said


def test_one_group_debrief() -> None:
    s = solo()
    tree = outline(handout_html(s))
    assert_well_formed_outline(tree)
    assert under(tree, DEBRIEF_TITLE) == [(3, KEY_TITLE)]  # the built-in deck is keyed
    assert DEBRIEF_TITLE not in titles(outline(handout_html(s, key=False)))
    s.close_round()
    s.place(s.groups[0].id, "principle-assets", "ladder-co-production")
    tree = outline(handout_html(s, key=False))
    assert under(tree, DEBRIEF_TITLE) == [(3, "What moved since Round 1"), (4, "Only")]


# --- reference ------------------------------------------------------------------------


def reference_heads(packs: tuple[str, ...] = ()) -> list[str]:
    """The reference's parts in the PDF's order, with the built-in board."""
    ref = reference_text()
    heads = [ref.definitions.title, ref.principles.title, ref.ladder.title, ref.matrix.title]
    heads += [ref.degrees.title, *([ref.wellbeing.title] if ref.wellbeing else [])]
    heads += [ref.non_examples.title, ref.stories.title]
    heads += [reference_pack(p).part.title for p in packs]
    return [*heads, SOURCES_TITLE]


def test_reference_parts_in_the_pdfs_order(example: Session) -> None:
    text = handout_html(example, ("wales",))
    tree = outline(text)
    assert_well_formed_outline(tree)
    names = titles(tree)
    assert names.index(DEBRIEF_TITLE) < names.index(REFERENCE_TITLE) < names.index(QUESTIONS)
    inside = under(tree, REFERENCE_TITLE)
    assert [t for level, t in inside if level == 3] == reference_heads(("wales",))
    stories = [t for _l, t in under(tree, reference_text().stories.title, after=REFERENCE_TITLE)]
    assert stories == [item.title for item in reference_text().stories.items]
    said = plain(text)
    for item in reference_text().definitions.items:
        assert f"“{' '.join(item.quote.split())}”" in said
        assert f"{PLAIN_WORDS}{' '.join(item.text.split())}" in said
    assert f"{SOURCE} {' '.join(reference_text().ladder.source.split())}" in said
    for source in reference_sources(example, reference_text(), example.groups):
        assert source in said
    # the PDF prints the same parts in the same order
    pdf = " ".join(
        page.extract_text() for page in PdfReader(io.BytesIO(example_pdf_with(STABLE_WALES))).pages
    )
    pdf = " ".join(pdf.split())
    at = pdf.index(REFERENCE_TITLE)
    for head in reference_heads(("wales",)):
        at = pdf.index(head, at)


def test_reference_ladder_and_matrix_tables(example_html: str) -> None:
    tree = outline(example_html)
    assert "rowgroup" in tree.scopes  # each band heads its rungs
    rows = tree.rows
    assert any(
        r.startswith("Doing with Power shifts towards people.") and "7 Co-production" in r
        for r in rows
    )
    assert any(r.startswith("6 Co-design People help design the service") for r in rows)
    assert any(
        r.startswith("Professionals plan and design Traditional professional service provision")
        for r in rows
    )
    assert any(
        r.startswith("Who plans/designs? ↓ Who delivers? → Professionals deliver") for r in rows
    )


def test_one_group_reference_and_a_board_without_a_ladder() -> None:
    s = solo()
    tree = outline(handout_html(s))
    assert_well_formed_outline(tree)
    assert [t for lv, t in under(tree, REFERENCE_TITLE) if lv == 3] == reference_heads()
    # no ladder on the board: no ladder in the reference (as the PDF: wording.ladder_rungs);
    # a matrix that is not a full grid: its cells row by row under the row headings
    board = s.board
    cells = [r for r in board.regions if r.lens == "matrix"]
    s.board = replace(
        board,
        regions=tuple(r for r in board.regions if r.lens != "ladder" and r is not cells[0]),
        lenses=tuple(lens for lens in board.lenses if lens.id != "ladder"),
    )
    s.unplace(s.groups[0].id, "principle-assets")
    text = handout_html(s)
    tree = outline(text)
    assert_well_formed_outline(tree)
    heads = [t for lv, t in under(tree, REFERENCE_TITLE) if lv == 3]
    assert heads == [h for h in reference_heads() if h != reference_text().ladder.title]
    matrix = [t for _l, t in under(tree, reference_text().matrix.title, after=REFERENCE_TITLE)]
    assert matrix[0] == "Professionals plan and design"
    assert cells[1].label in plain(text) and cells[0].label not in plain(text)


# --- the whole page -------------------------------------------------------------------


def test_every_link_has_its_target_and_user_text_is_escaped(example: Session) -> None:
    s = content.new_session("Hostile", ["<b>Red</b> & co", 'Blue "x"'])
    s.place("g1", BANK, "ladder-engagement")
    s.place("g2", BANK, "ladder-coercion")
    s.place("g2", "activity-parent-led-baby-group", "ladder-coercion")
    s.set_note("g1", BANK, "<script>alert(1)</script>")
    s.close_round("<i>Round</i>")
    s.place("g1", BANK, "ladder-co-production")
    for session, key in ((example, True), (example, False), (s, True), (solo(), False)):
        text = handout_html(session, key=key)
        ids = set(re.findall(r' id="([^"]+)"', text))
        links = re.findall(r' href="#([^"]+)"', text)
        assert links and set(links) <= ids, set(links) - ids
    text = handout_html(s)
    assert "<script>" not in text and "<b>Red" not in text and "<i>Round" not in text
    assert "&lt;b&gt;Red&lt;/b&gt; &amp; co" in text
    said = plain(text)
    assert "What moved since <i>Round</i>" in said
    assert "“<script>alert(1)</script>”" in said  # the note, in the comparison
