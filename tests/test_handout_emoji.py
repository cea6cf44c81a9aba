"""Emoji in the handout (issue 17, item 6): characters DejaVu Sans has no glyph for print
in the shipped monochrome Noto Emoji font instead of as empty boxes."""

from __future__ import annotations

import io

import pytest

from coprod_desktop.files import builtin as content
from coprod_desktop.handout import handout_bytes
from coprod_desktop.handout.fonts import EMOJI, REGULAR, has_glyph, register_fonts
from coprod_desktop.handout.text import para

NOTE = "We agree ✊🏽 and celebrate 🥳🫠 — 👩‍💻 wrote it, ❤️ café"


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_fonts()


def test_dejavu_lacks_these_and_the_fallback_has_them() -> None:
    for ch in "✊🏽🥳🫠👩💻":
        assert not has_glyph(REGULAR, ch), hex(ord(ch))
        assert has_glyph(EMOJI, ch), hex(ord(ch))


def test_para_puts_what_dejavu_lacks_in_the_emoji_font() -> None:
    markup = para(NOTE)
    assert f'<font face="{EMOJI}">✊🏽</font>' in markup
    assert f'<font face="{EMOJI}">🥳🫠</font>' in markup
    # the joiner stays with its emoji; what DejaVu has (é, —, ❤) stays in DejaVu
    assert f'<font face="{EMOJI}">👩\u200d💻</font>' in markup
    assert "café" in markup and "— " in markup
    assert para("plain & <text>") == "plain &amp; &lt;text&gt;"  # no font tags when not needed


def drawn_by_font(data: bytes) -> dict[str, str]:
    """Each embedded font's ToUnicode map: the characters the PDF draws in it."""
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    maps: dict[str, str] = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            name = str(font.get("/BaseFont"))
            unicode_map = font.get("/ToUnicode")
            if unicode_map is not None:
                maps[name] = maps.get(name, "") + unicode_map.get_object().get_data().decode()
    return maps


def test_the_handout_draws_emoji_in_the_emoji_font() -> None:
    session = content.new_session("Emoji 🥳 workshop", ["Table ✊🏽"])
    card = session.deck.cards[0].id
    session.place(session.groups[0].id, card, session.board.regions[0].id)
    session.set_note(session.groups[0].id, card, NOTE)
    data, _ = handout_bytes(session)
    maps = drawn_by_font(data)
    emoji = "".join(v for k, v in maps.items() if "NotoEmoji" in k).upper()
    dejavu = "".join(v for k, v in maps.items() if "DejaVu" in k).upper()
    assert emoji, list(maps)
    for ch in "✊🏽🥳🫠👩💻":
        code = ch.encode("utf-16-be").hex().upper()  # as the PDF's ToUnicode map writes it
        assert f"<{code}>" in emoji, ch  # drawn in Noto Emoji ...
        assert f"<{code}>" not in dejavu, ch  # ... and never as DejaVu's empty box


def emoji_session():  # noqa: ANN201
    from coprod_desktop.domain.model import Card

    session = content.new_session("Emoji 🥳 workshop ✊🏽", ["Table ✊🏽", "Plain"])
    session.venue, session.facilitator = "Hall 🏛️", "Siân 👩‍💻"
    card = session.deck.cards[0].id
    session.place(session.groups[0].id, card, session.board.regions[0].id)
    session.set_note(session.groups[0].id, card, NOTE)
    session.groups[0].cards.append(Card("own1", "custom", "Walk 🚶 and talk 🥳", "We ✊🏽 🫠"))
    return session


def boxes_drawn(monkeypatch, make) -> list[tuple[str, str]]:  # noqa: ANN001
    """Every string ReportLab draws goes through TTFont.splitString with its font: the
    strings holding a character that font lacks (DejaVu's empty box) where the emoji
    font has it."""
    from reportlab.pdfbase.ttfonts import TTFont

    drawn: list[tuple[str, str]] = []
    real = TTFont.splitString

    def spy(self, text, doc, encoding="utf-8"):  # noqa: ANN001, ANN202
        drawn.append((self.fontName, text))
        return real(self, text, doc, encoding)

    monkeypatch.setattr(TTFont, "splitString", spy)
    make()
    assert any(font == EMOJI for font, _ in drawn)
    return [
        (font, text)
        for font, text in drawn
        if font != EMOJI and any(not has_glyph(font, ch) and has_glyph(EMOJI, ch) for ch in text)
    ]


def test_no_character_is_drawn_in_a_font_without_its_glyph(monkeypatch) -> None:
    """Paragraphs, the running header and footer of the handout."""
    boxes = boxes_drawn(monkeypatch, lambda: handout_bytes(emoji_session()))
    assert not boxes, boxes[:5]


@pytest.mark.parametrize("backs", [False, True])
def test_printed_cards_and_the_mat_draw_emoji_too(monkeypatch, backs: bool) -> None:
    from coprod_desktop.handout.print_cards import build_cards_pdf
    from coprod_desktop.handout.print_options import PrintCardsOptions

    options = PrintCardsOptions(backs=backs)
    boxes = boxes_drawn(monkeypatch, lambda: build_cards_pdf(emoji_session(), options))
    assert not boxes, boxes[:5]


def test_every_printed_character_has_a_glyph_in_its_font() -> None:
    """What para() leaves in DejaVu, DejaVu can draw (or no font can: then DejaVu's box)."""
    import re

    markup = para(NOTE + " 🇬🇧 1️⃣ ☺")
    outside = re.sub(r'<font face="[^"]+">.*?</font>', "", markup)
    for ch in outside:
        assert has_glyph(REGULAR, ch) or not has_glyph(EMOJI, ch), hex(ord(ch))


def test_emoji_can_be_copied_and_searched_in_the_pdf() -> None:
    """ReportLab wrote characters beyond U+FFFF into the ToUnicode map as <1F973>; PDF
    readers want UTF-16 there, so 🥳 came out of the PDF as another character."""
    pypdf = pytest.importorskip("pypdf")
    data, _ = handout_bytes(emoji_session())
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    for ch in "🥳🫠👩💻✊":
        assert ch in text, ch
