"""Every section of the handout as a reader finds it in the PDF's text, and the form:
paper sizes, large print font sizes, booklets, hostile and long user text."""

from __future__ import annotations

import io
import math
import re

import pytest
from pypdf import PdfReader

from coprod_desktop.domain.compare import compare
from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, handout_bytes
from coprod_desktop.handout.comparison import disagreement_rule
from coprod_desktop.handout.reference import unique_sources
from coprod_desktop.handout.reference_data import reference_text
from tests.example_handouts import example_handout, example_pdf_with
from tests.pdf_text import drawing_order_words, page_words, pdf_words, words

STABLE = HandoutOptions(invariant=True)
LONG_TITLE = (
    "Co-production in practice: what the Grangetown health hub, its patients, "
    "their families and the neighbourhood learned about sharing power, "
    "and what they will try next, year after year, street by street, "
    "in every clinic and hall"
)[:199] + "!"
HOSTILE = 'Note <b>bold?</b> & <img src="x.png"/> <font size=40>big</font> &lt; <br/> ]]>'
SCRIPTS = "Ŵyn a ŷd — Ελληνικά γράμματα — Кириллица"


pages_of = page_words
text_of = pdf_words


def long_note() -> str:
    sentence = "We talked about who holds the power here and who could hold it next year. "
    return (sentence * 40)[:1991] + " THE END."


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(
        content.resources_dir().parent / "sessions" / "community-health-workshop.json"
    )


@pytest.fixture(scope="module")
def example_pdf(example: Session) -> bytes:
    return example_pdf_with(STABLE)


@pytest.fixture(scope="module")
def edge() -> Session:
    """Three groups with the edge cases: a 200-character title, a 2,000-character note,
    markup-like text, three scripts, 30 own cards in one region."""
    s = content.new_session(LONG_TITLE, ["Bwrdd Ŵ", "Ομάδα Β", "Группа В"])
    s.created = "2026-05-02T09:00:00+01:00"
    a, b, c = s.groups
    for g in s.groups:
        s.place(g.id, "principle-assets", "ladder-co-production")
    s.place(a.id, "activity-gp-time-bank", "ladder-co-production")
    s.place(b.id, "activity-gp-time-bank", "ladder-engagement")
    s.place(b.id, "activity-gp-time-bank", "matrix-full-coproduction")
    s.place(c.id, "activity-gp-time-bank", "ladder-coercion")
    s.place(c.id, "activity-bin-collection-letter", "not-coproduction")
    s.mark(a.id, "activity-gp-time-bank", "principle-reciprocity")
    s.mark(c.id, "activity-gp-time-bank", "principle-reciprocity")
    s.set_note(a.id, "activity-gp-time-bank", long_note())
    s.set_note(b.id, "activity-gp-time-bank", HOSTILE)
    s.set_note(c.id, "activity-gp-time-bank", SCRIPTS)
    c.cards = [Card(f"own-{i}", "custom", f"Syniad rhif {i:02d} <i>", "") for i in range(30)]
    for card in c.cards:
        s.place(c.id, card.id, "matrix-full-coproduction")
    b.cards = [Card("own-b", "custom", "Κάρτα μας & <ours>", "Written by us: <3", "")]
    return s


@pytest.fixture(scope="module")
def edge_pdf(edge: Session) -> bytes:
    return handout_bytes(edge, STABLE)[0]


# --- the cover and the groups ------------------------------------------------------------


def test_cover_has_title_date_venue_facilitator_and_groups(
    example: Session, example_pdf: bytes
) -> None:
    cover = pages_of(example_pdf)[0]
    for expected in (
        words(example.title),
        "18 March 2026",
        example.venue,
        f"Facilitated by {example.facilitator}",
        *(g.name for g in example.groups),
        "Card kinds",
    ):
        assert expected in cover


def test_each_group_lists_its_own_cards_and_what_it_left(edge_pdf: bytes) -> None:
    text = text_of(edge_pdf)
    assert "Cards this group wrote (1)" in text
    assert "★ Κάρτα μας & <ours> → left in the tray Written by us: <3" in text
    assert "Cards this group wrote (30)" in text
    assert "★ Syniad rhif 29 <i> → Matrix: Full co-production" in text
    assert "Deck cards left in the tray (" in text


def test_thirty_cards_in_one_region_all_listed(edge: Session, edge_pdf: bytes) -> None:
    text = text_of(edge_pdf)
    assert "Cards on the board (33)" in text  # the 30, a principle, the time bank, a "not"
    assert re.search(r"\+\d+ more", text)
    for card in edge.groups[2].cards:
        assert f"★ {card.title}" in text
    assert text.count("Where: Matrix: Full co-production · no rung yet") >= 30


def test_long_title_on_cover_and_in_every_header(edge_pdf: bytes) -> None:
    assert len(LONG_TITLE) == 200
    pages = pages_of(edge_pdf)
    assert words(LONG_TITLE) in pages[0]
    # the header shows the start of the title on every page after the cover
    assert all("Co-production in practice" in page for page in pages[1:])
    meta = PdfReader(io.BytesIO(edge_pdf)).metadata
    assert meta.title == words(LONG_TITLE)


def test_two_thousand_character_note_is_printed_whole(edge_pdf: bytes) -> None:
    note = long_note()
    assert len(note) == 2000
    assert words(note) in text_of(edge_pdf)


def test_markup_like_note_and_titles_print_literally(edge_pdf: bytes) -> None:
    text = text_of(edge_pdf)
    assert words(HOSTILE) in text
    assert "Syniad rhif 07 <i>" in text


def test_welsh_greek_cyrillic_are_text(edge_pdf: bytes) -> None:
    text = text_of(edge_pdf)
    for expected in (SCRIPTS, "Bwrdd Ŵ", "Ομάδα Β", "Группа В"):
        assert expected in text


# --- across the groups --------------------------------------------------------------


def test_comparison_agreed_disputed_and_every_card(edge: Session, edge_pdf: bytes) -> None:
    text = text_of(edge_pdf)
    assert "Across the groups" in text
    for heading in ("Public service matrix", "Ladder of co-production", "Co-production is not"):
        assert heading in text
    assert "Where every group agreed" in text
    assert "● Recognising people as assets → Ladder: 7 Co-production (doing with)" in text
    assert "Where the groups disagreed most" in text
    assert words(disagreement_rule(compare(edge, "ladder"))) in text
    assert words(disagreement_rule(compare(edge, "matrix"))) in text
    # a cell never counts against a rung: three rungs, six apart; one cell is no dispute
    assert "■ GP surgery time bank — 3 different rungs, 6 rungs apart" in text
    assert "No card was put in different cells by different groups." in text
    assert "Every card, group by group" in text
    assert "Matrix: Full co-production: Ομάδα Β" in text
    assert "Co-production is not ...: Группа В" in text
    # "not" has one region: who put a card there and what the others did, no dispute
    assert "Each card some group put here, and what the other groups did." in text
    assert "Put here by: Группа В" in text
    assert "The principles the groups saw" in text
    assert "3 Reciprocal relationships: Bwrdd Ŵ, Группа В" in text
    placed = {r.card.id for lens in edge.board.lenses for r in compare(edge, lens.id).placed()}
    never = [c for c in edge.deck.cards if c.id not in placed]
    assert f"No group placed these ({len(never)})" in text


def test_comparison_of_example_matches_compare(example: Session, example_pdf: bytes) -> None:
    text = text_of(example_pdf)
    listed: set[str] = set()
    for lens in ("matrix", "ladder"):
        result = compare(example, lens)
        contested = result.contested()
        assert contested.listed, f"the example has cards in three places on the {lens}"
        unit = result.unit
        for row in contested.listed:
            shown = f"{row.card.title} — {row.disagreement} different {unit}s"
            assert shown in text, shown
        if contested.two_places:
            assert f"cards put in two different {unit}s are not listed" in text
        listed |= {row.card.id for row in contested.listed}
        for row in result.placed():
            assert row.card.title in text
    for lens in ("matrix", "ladder"):
        for row in compare(example, lens).disputed():
            if row.card.id not in listed:
                assert f"{row.card.title} — " not in text


def test_one_group_has_no_comparison(example: Session) -> None:
    s = content.new_session("Solo", ["Only"])
    s.place(s.groups[0].id, "principle-assets", "ladder-co-design")
    text = text_of(handout_bytes(s, STABLE)[0])
    assert "Across the groups" not in text
    assert "Questions to take away" in text


# --- reference and questions ---------------------------------------------------------


def test_reference_has_every_part_with_sources(example_pdf: bytes) -> None:
    text = drawing_order_words(example_pdf)
    ref = reference_text()
    for part in (ref.definitions, ref.principles, ref.degrees, ref.non_examples, ref.stories):
        assert words(part.title) in text
        for item in part.items:
            assert words(item.title) in text
            assert words(item.text) in text
            for why in item.why:
                assert words(why) in text
    for item in ref.definitions.items:
        assert f"“{words(item.quote)}”" in text
        assert words(f"Source: {item.source}") in text
    for band in ref.bands.values():
        assert words(band.title) in text and words(band.text) in text
    assert words(ref.matrix.text) in text
    for source in (
        ref.principles.source,
        ref.ladder.source,
        ref.matrix.source,
        ref.non_examples.source,
        ref.stories.source,
        ref.degrees.source,
    ):
        assert words(f"Source: {source}") in text
    for name in (
        "nef and Nesta (2009, 2010)",
        "National Co-production Critical Friends Group (2013)",
        "Elinor Ostrom (1996)",
        "FAST (Families and Schools Together)",
        "Learning to Lead",
        "Time Dollar Youth Court",
        "Why is this co-production?",
        "Doing to",
        "Doing for",
        "Doing with",
        "The public service matrix",
        "Sources",
    ):
        assert name in text


def test_questions_to_take_away_are_last(example_pdf: bytes) -> None:
    last = pages_of(example_pdf)[-1]
    questions = reference_text().questions
    assert questions.title in last
    for i, item in enumerate(questions.items, 1):
        assert f"{i}. {words(item.text)}" in last


def test_pdf_language_and_metadata(example: Session, example_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(example_pdf))
    assert reader.trailer["/Root"]["/Lang"] == "en-GB"
    meta = reader.metadata
    assert meta.title == words(example.title)
    assert example.facilitator in meta.author
    assert "co-production card sort" in meta.subject


# --- form: paper, large print, booklets --------------------------------------------------


def font_sizes(page) -> list[tuple[str, float]]:
    """(text, size in points) of every piece of text drawn on page."""
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, font_dict, font_size) -> None:
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            found.append((text.strip(), font_size * scale))

    page.extract_text(visitor_text=visit)
    return found


def test_letter_pages(example: Session) -> None:
    data = example_pdf_with(HandoutOptions(paper="letter", invariant=True))
    pages = PdfReader(io.BytesIO(data)).pages
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in pages}
    assert sizes == {(612, 792), (792, 612)}  # portrait text pages, landscape boards


def test_large_print_reading_text_is_at_least_16_points(edge: Session) -> None:
    data = handout_bytes(edge, HandoutOptions(invariant=True, large_print=True))[0]
    reader = PdfReader(io.BytesIO(data))
    # The board's pages (portrait ones too, in large print) have their own floor: 9 pt
    # (tests/test_handout_board_pages.py).
    portrait = [
        p
        for p in reader.pages
        if p.mediabox.height > p.mediabox.width
        and not any(
            " ".join(p.extract_text().split()).startswith(f"{g.name} · board") for g in edge.groups
        )
    ]
    assert len(portrait) < len(reader.pages) - len(edge.groups)
    small = []
    for page in portrait:
        for text, size in font_sizes(page):
            is_header = text.startswith(("Page ", "Co-production in practice")) or text in (
                "Across the groups",
                "Debrief",
                "Reference",
                "Questions",
                *(g.name for g in edge.groups),
            )
            if not is_header and size < 16 - 0.01:
                small.append((text[:40], size))
    assert not small, small[:10]
    sizes = [size for page in portrait for _, size in font_sizes(page)]
    assert min(sizes) < 16  # the running header and footer are smaller: the check sees them
    note = [size for page in portrait for text, size in font_sizes(page) if "THE END." in text]
    assert note and min(note) >= 16
    # The ladder and the matrix become lists: their words do not fit 16 pt table columns.
    text = text_of(data)
    assert "Doing with Power shifts towards people" in text
    assert "7 Co-production The full partnership: people and professionals share power" in text
    assert "Professionals plan and design Traditional professional service provision" in text


def test_normal_print_body_is_10_points(example_pdf: bytes) -> None:
    page = PdfReader(io.BytesIO(example_pdf)).pages[0]
    sizes = [size for text, size in font_sizes(page) if text.startswith("In this workshop")]
    assert sizes == [pytest.approx(10)]


def test_booklets_one_per_group_each_complete(example: Session) -> None:
    data, count = example_handout(HandoutOptions(invariant=True, booklets=True))
    pages = pages_of(data)
    assert count == len(pages)
    starts = [i for i, page in enumerate(pages) if "Booklet of " in page]
    assert len(starts) == len(example.groups)
    ends = [*starts[1:], len(pages)]
    for group, start, end in zip(example.groups, starts, ends, strict=True):
        booklet = pages[start:end]
        text = " ".join(booklet)
        assert f"Booklet of {group.name}" in booklet[0]
        assert start % 2 == 0  # starts on an odd (right-hand) page: 0-based even
        assert f"{group.name} · cards and notes" in text
        others = [g for g in example.groups if g is not group]
        assert all(f"{g.name} · cards and notes" not in text for g in others)
        for part in (
            "Across the groups",
            "Co-production: a short reference",
            "Questions to take away",
        ):
            assert part in text
        # pages are numbered within the booklet
        real = [p for p in booklet if p.strip()]
        assert f"Booklet: {group.name} · Page 1 of {end - start}" in booklet[0]
        assert f"Booklet: {group.name} · Page {end - start} of {end - start}" in booklet[-1]
        assert len(real) == len(booklet)


def test_booklet_option_changes_nothing_for_the_ordinary_handout(
    example: Session, example_pdf: bytes
) -> None:
    assert "Booklet" not in text_of(example_pdf)


def test_benchmark_runs_and_reports() -> None:
    """Not timed: only that the benchmark still works (its figure is printed by hand)."""
    from tests.bench.handout_timing import bench_handout

    result = bench_handout(groups=2, repeats=1)
    assert result["pages"] > 5 and result["best_s"] > 0


def test_a_booklet_of_odd_length_is_followed_by_a_blank_page() -> None:
    # The first booklet's length depends on the built-in reference text: place cards for the
    # first group until its booklet runs to an odd number of pages.
    for first_cards in (0, 8, 16, 24, 32):
        s = content.new_session("Odd", ["First", "Second"])
        for card in s.deck.cards[:first_cards]:
            s.place(s.groups[0].id, card.id, "ladder-co-production")
        for card in s.deck.cards[:15]:  # the second group's listing runs to two pages
            s.place(s.groups[1].id, card.id, "ladder-co-design")
        data, _ = handout_bytes(s, HandoutOptions(invariant=True, booklets=True))
        pages = pages_of(data)
        starts = [i for i, page in enumerate(pages) if "Booklet of " in page]
        if len(starts) == 2 and "This page is left blank" in pages[starts[1] - 1]:
            break
    assert len(starts) == 2 and starts[1] % 2 == 0
    blank = pages[starts[1] - 1]
    assert "Booklet: First · Page" in blank
    assert "Questions to take away" in pages[starts[1] - 2]
    assert "This page is left blank" in blank
    assert f"Page {starts[1]} of {starts[1]}" in blank  # the last page of the first booklet


def test_outline_entries_open_their_pages(example: Session, example_pdf: bytes) -> None:
    """Each entry points at the page its section starts on (all pointed at the cover
    while the canvas held its pages back)."""
    reader = PdfReader(io.BytesIO(example_pdf))
    pages = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
    boards = [i for i, p in enumerate(reader.pages) if p.mediabox.width > p.mediabox.height]
    assert pages["Cover"] == 0
    assert [pages[g.name] for g in example.groups] == boards
    assert "Across the groups" in reader.pages[pages["Across the groups"]].extract_text()
    assert pages["Questions"] == len(reader.pages) - 1
    data = example_pdf_with(HandoutOptions(invariant=True, booklets=True))
    reader = PdfReader(io.BytesIO(data))
    starts = [
        reader.get_destination_page_number(item)
        for item in reader.outline
        if not isinstance(item, list)
    ]
    assert starts[0] == 0 and starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all("Booklet of " in reader.pages[s].extract_text() for s in starts)


def test_outline_lists_the_sections(example: Session, example_pdf: bytes) -> None:
    outline = PdfReader(io.BytesIO(example_pdf)).outline
    titles = [item.title for item in outline]
    assert titles == [
        "Cover",
        *(g.name for g in example.groups),
        "Across the groups",
        "Debrief",
        "Reference",
        "Questions",
    ]
    data = example_pdf_with(HandoutOptions(invariant=True, booklets=True))
    outline = PdfReader(io.BytesIO(data)).outline
    booklets = [item.title for item in outline if not isinstance(item, list)]
    assert booklets == [f"Booklet: {g.name}" for g in example.groups]
    assert [item.title for item in outline[1]][:2] == ["Cover", example.groups[0].name]


def test_disagreed_most_prints_each_groups_note_beside_its_place(
    example: Session, example_pdf: bytes
) -> None:
    text = text_of(example_pdf)
    start = text.index("Where the groups disagreed most")
    section = text[start : text.index("The principles the groups saw", start)]
    noted = 0
    for lens in ("matrix", "ladder"):
        result = compare(example, lens)
        for row in result.contested().listed:
            for g, name in enumerate(result.group_names):
                if row.note(g):
                    noted += 1
                    assert f"{name}: “{words(row.note(g))[:40]}" in section
    assert noted >= 3


@pytest.mark.parametrize(
    ("large_print", "booklets"), [(False, False), (True, False), (False, True), (True, True)]
)
def test_card_kinds_key_never_stands_alone_on_a_page(
    example: Session, large_print: bool, booklets: bool
) -> None:
    """The key stays on the cover when it fits, else it heads the first group's cards
    (it used to spill alone onto page 2 in large print and in large print booklets)."""
    options = HandoutOptions(invariant=True, large_print=large_print, booklets=booklets)
    pages = pages_of(example_pdf_with(options))
    keyed = [i for i, page in enumerate(pages) if "Card kinds" in page]
    assert len(keyed) == (len(example.groups) if booklets else 1)
    for i in keyed:
        page = pages[i]
        assert "Principle: one of the principles of co-production" in page
        assert "About this handout" in page or "cards and notes" in page
        assert len(page.split()) > 120, f"page {i + 1} is nearly empty: {page!r}"
    if not large_print:
        assert "About this handout" in pages[keyed[0]]  # on the cover when it fits


def test_booklet_sources_name_only_its_own_groups_cards(example: Session) -> None:
    own = "Table 2 – Harbour, this workshop"
    assert [g.name for g in example.groups if any(c.source == own for c in g.cards)] == [
        "Table 2 – Harbour"
    ]
    pages = pages_of(example_pdf_with(HandoutOptions(invariant=True, booklets=True)))
    starts = [i for i, p in enumerate(pages) if "Made with coprod-desktop. The texts" in p]
    assert len(starts) == len(example.groups)
    for i in starts:  # a booklet's sources, also where the list runs onto its next page
        booklet = re.search(r"Booklet: (.+?) · Page", pages[i])
        assert booklet, pages[i][-300:]
        marker = f"Booklet: {booklet.group(1)} · Page"
        listed = pages[i]
        if i + 1 < len(pages) and marker in pages[i + 1] and i + 1 not in starts:
            listed += pages[i + 1]
        assert (own in listed) == (booklet.group(1) == "Table 2 – Harbour"), listed[-300:]


def test_sources_that_differ_only_in_form_are_listed_once(example_pdf: bytes) -> None:
    text = text_of(example_pdf)
    sources = text[text.index("Made with coprod-desktop. The texts") :]
    nef_nesta = (
        "NEF, Co-production: theory and practice (2014); NEF and Nesta, "
        "Public Services Inside Out (2010)"
    )
    nesta_nef = (
        "NEF and Nesta, Public Services Inside Out (2010); NEF, Co-production: "
        "theory and practice (2014)"
    )
    sources = sources.lower()  # the deck writes "nef" and "NEF": one work
    assert (nef_nesta.lower() in sources) + (nesta_nef.lower() in sources) == 1


def test_unique_sources_compares_works_not_their_order_or_case() -> None:
    assert unique_sources(
        [
            "A (2010); B (2014)",
            " b (2014);  a (2010). ",
            "",
            "A (2010)",
            "A (2010), as quoted in B (2014)",
        ]
    ) == ["A (2010); B (2014)", "A (2010)", "A (2010), as quoted in B (2014)"]


def test_the_reference_names_nefs_well_being_work_without_inventing_it(example_pdf: bytes) -> None:
    text = " ".join(text_of(example_pdf).split())
    assert "Co-production and well-being" in text
    assert "Co-producing Well-being: why it matters and how to do it" in text
    assert "NEF, Co-production: theory and practice (2014), headings only" in text
