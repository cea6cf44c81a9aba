"""The handout's accessible twin (issue 16, item 4): one HTML page with lang, headings
in order, tables with header cells, lists, and each group's board as a described figure
(a drawing with a text alternative, then every region's cards lens by lens); written by
`handout --html`. Checked structurally here (html.parser); CI's axe-core check, where
it runs, is tests/test_handout_axe.py."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from coprod_desktop.cli.main import main
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout.html import handout_html
from coprod_desktop.handout.sections import region_title

EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


class Tree(HTMLParser):
    """Every start tag with its attributes and the text up to the next tag."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.stack: list[str] = []
        self.figure_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("br", "meta"):  # void elements: no end tag follows
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))  # <rect .../>: nothing to close

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if "figure" in self.stack:
            self.figure_text.append(data)


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    return tree


def test_lang_title_and_headings_in_order() -> None:
    session = load_session(EXAMPLE)
    tree = parse(handout_html(session))
    html_tag = next(a for t, a in tree.tags if t == "html")
    assert html_tag.get("lang") == "en-GB"
    assert any(t == "title" for t, _a in tree.tags)
    levels = [int(t[1]) for t, _a in tree.tags if t in ("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels  # no level skipped
    assert any(t == "main" for t, _a in tree.tags)


def test_each_board_is_a_described_figure() -> None:
    session = load_session(EXAMPLE)
    text = handout_html(session)
    tree = parse(text)
    figures = [a for t, a in tree.tags if t == "figure"]
    assert len(figures) == len(session.groups)
    drawings = [a for t, a in tree.tags if t == "svg"]
    assert len(drawings) == len(session.groups)
    for drawing in drawings:
        assert drawing.get("role") == "img" and len(drawing.get("aria-label") or "") > 20
    assert not [a for t, a in tree.tags if t == "img" and not a.get("alt")]
    assert text.count("<figcaption") == len(session.groups)
    said = " ".join(tree.figure_text)
    for group in session.groups:
        for region in session.board.regions:
            assert region_title(region).split(":")[0] in said
            for placement in group.in_region(region.id):
                assert session.card(group, placement.card).title in said
    for lens in session.board.lenses:
        assert f"<h4>{lens.label}</h4>" in text


def test_tables_have_header_cells_and_user_text_is_escaped() -> None:
    session = load_session(EXAMPLE)
    group = session.groups[0]
    card = session.deck.cards[0]
    session.set_note(group.id, card.id, "<script>alert(1)</script> & more")
    text = handout_html(session)
    assert "<script>" not in text and "&lt;script&gt;" in text
    tree = parse(text)
    assert [t for t, _a in tree.tags].count("table") >= len(session.groups)
    headers = [a for t, a in tree.tags if t == "th"]
    assert headers and all(a.get("scope") in ("col", "row", "rowgroup") for a in headers)
    assert any(t == "caption" for t, _a in tree.tags)


def test_the_cli_writes_it(tmp_path: Path, capsys) -> None:
    pdf, page = tmp_path / "h.pdf", tmp_path / "h.html"
    assert main(["handout", str(EXAMPLE), "-o", str(pdf), "--html", str(page)]) == 0
    assert pdf.is_file()
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    only = tmp_path / "only.html"
    assert main(["handout", str(EXAMPLE), "--html", str(only)]) == 0  # no PDF asked for
    assert only.is_file()
    assert str(only) in capsys.readouterr().out
