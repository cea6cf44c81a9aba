"""The handout subcommand's options: large print and booklets reach the PDF."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from coprod_desktop.cli.main import main
from tests.pdf_text import pdf_words

EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


text = pdf_words


def test_large_print_and_booklets_flags(tmp_path: Path, capsys) -> None:
    plain, large, booklets = (tmp_path / f"{n}.pdf" for n in ("plain", "large", "booklets"))
    assert main(["handout", str(EXAMPLE), "-o", str(plain)]) == 0
    assert main(["handout", str(EXAMPLE), "-o", str(large), "--large-print"]) == 0
    assert (
        main(["handout", str(EXAMPLE), "-o", str(booklets), "--booklets", "--paper", "letter"]) == 0
    )
    assert len(PdfReader(large).pages) > len(PdfReader(plain).pages)
    assert "Booklet of " not in text(plain)
    assert text(booklets).count("Booklet of ") == 3
    assert round(float(PdfReader(booklets).pages[0].mediabox.width)) == 612
    assert f"{booklets}: " in capsys.readouterr().out
