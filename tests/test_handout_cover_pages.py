"""The cover lists each table with the page its board starts on (issue 20, item 3), a
link to that page; a booklet's cover gives its own group's page in the booklet."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.domain.model import Session
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions
from tests.example_handouts import example_handout
from tests.test_handout_layout import positions, words

EXAMPLE = Path(__file__).parent.parent / "sessions/community-health-workshop.json"
REF = re.compile(r"board on page (\d+)")


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(EXAMPLE)


def _refs(reader: PdfReader, cover: int, names: list[str]) -> dict[str, int]:
    """Group name -> the page number printed on its line of the cover (same baseline)."""
    found = positions(reader.pages[cover])
    refs = {}
    for name in names:
        ys = [y for _, y, text in found if text == name]
        assert ys, (name, [t for _, _, t in found][:40])
        numbers = [
            int(m[1]) for _, y, text in found if (m := REF.fullmatch(text)) and abs(y - ys[0]) < 2
        ]
        if numbers:
            refs[name] = numbers[0]
    return refs


@pytest.mark.parametrize("large_print", [False, True])
def test_cover_gives_each_boards_page(example: Session, large_print: bool) -> None:
    data, _ = example_handout(HandoutOptions(invariant=True, large_print=large_print))
    reader = PdfReader(io.BytesIO(data))
    names = [g.name for g in example.groups]
    refs = _refs(reader, 0, names)
    assert set(refs) == set(names)
    for name, page in refs.items():
        assert words(reader.pages[page - 1].extract_text()).startswith(f"{name} · board")
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert len([a for a in links if a["/Subtype"] == "/Link"]) == len(names)


def test_a_booklets_cover_gives_its_groups_page_in_the_booklet(example: Session) -> None:
    data, _ = example_handout(HandoutOptions(invariant=True, booklets=True))
    reader = PdfReader(io.BytesIO(data))
    texts = [words(p.extract_text()) for p in reader.pages]
    covers = [i for i, t in enumerate(texts) if "Booklet of" in t[:300]]
    assert len(covers) == len(example.groups)
    names = [g.name for g in example.groups]
    for cover, group in zip(covers, example.groups, strict=True):
        refs = _refs(reader, cover, names)
        assert list(refs) == [group.name]  # the other groups' boards are not in it
        board = cover + refs[group.name] - 1
        assert texts[board].startswith(f"{group.name} · board")
        assert f"Page {refs[group.name]} of" in texts[board]
