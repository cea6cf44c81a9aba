"""Every font in every PDF the app writes is embedded (issue 20): print shops and PDF/A
checks reject a PDF that names a font without carrying it. ReportLab named Helvetica
(unembedded) as the initial font of each drawing and each table cell."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from coprod_desktop.domain.model import Session
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions, facilitator_sheet_bytes
from coprod_desktop.handout.print_cards import build_cards_pdf
from coprod_desktop.handout.print_options import PrintCardsOptions
from tests.example_handouts import example_pdf_with

VARIANTS = {
    "standard": HandoutOptions(invariant=True),
    "large print": HandoutOptions(invariant=True, large_print=True),
    "booklets": HandoutOptions(invariant=True, booklets=True),
    "letter, Wales pack": HandoutOptions(invariant=True, paper="letter", packs=("wales",)),
}


@pytest.fixture(scope="module")
def example() -> Session:
    return load_session(Path(__file__).parent.parent / "sessions/community-health-workshop.json")


def _pdfs(session: Session) -> dict[str, bytes]:
    """The example's handouts (shared with other modules) and the sheets made from session."""
    pdfs = {name: example_pdf_with(options) for name, options in VARIANTS.items()}
    pdfs["facilitator"] = facilitator_sheet_bytes(session, VARIANTS["standard"])[0]
    for mat in ("a3", "tiled"):
        options = PrintCardsOptions(invariant=True, backs=True, mat=mat)
        pdfs[f"print-cards {mat}"] = build_cards_pdf(session, options)[0]
    return pdfs


@pytest.fixture(scope="module")
def pdfs(example: Session) -> dict[str, bytes]:
    return _pdfs(example)


def _fonts(resources: Any, seen: set[int], found: dict[str, DictionaryObject]) -> None:
    """Every font in a resource dictionary and in its form XObjects, by name."""
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen:
        return
    seen.add(id(resources))
    for font in (resources.get("/Font") or {}).values():
        font = font.get_object()
        found[str(font["/BaseFont"])] = font
    for xobject in (resources.get("/XObject") or {}).values():
        _fonts(xobject.get_object().get("/Resources"), seen, found)


def _unembedded(data: bytes) -> list[str]:
    found: dict[str, DictionaryObject] = {}
    seen: set[int] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        _fonts(page.get("/Resources"), seen, found)
    assert found, "no fonts at all"
    missing = []
    for name, font in found.items():
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") == "/Type0":
            descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else {}
        if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            missing.append(name)
    return missing


@pytest.mark.parametrize("name", [*VARIANTS, "facilitator", "print-cards a3", "print-cards tiled"])
def test_every_font_is_embedded(pdfs: dict[str, bytes], name: str) -> None:
    assert _unembedded(pdfs[name]) == []


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="pdffonts (poppler-utils) absent")
def test_pdffonts_lists_no_unembedded_font(pdfs: dict[str, bytes], tmp_path: Path) -> None:
    for name, data in pdfs.items():
        path = tmp_path / "out.pdf"
        path.write_bytes(data)
        out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
        rows = out.stdout.splitlines()[2:]
        assert rows, (name, out.stdout)
        assert all(row.split()[-5] == "yes" for row in rows), (name, out.stdout)  # emb
        assert "Helvetica" not in out.stdout, (name, out.stdout)


@pytest.mark.parametrize("name", [*VARIANTS, "facilitator", "print-cards a3", "print-cards tiled"])
def test_streams_are_not_ascii85_encoded(pdfs: dict[str, bytes], name: str) -> None:
    """Compressed streams stay binary (issue 20): ReportLab's ASCII85 step is pure Python
    and makes them a quarter larger. Every page and font still reads back."""
    data = pdfs[name]
    assert b"ASCII85Decode" not in data
    assert b"FlateDecode" in data
    reader = PdfReader(io.BytesIO(data))
    assert all(page.extract_text() is not None for page in reader.pages)
