"""Reference packs (issue 12): the Wales pack, written from the domain reference only,
printed after the stories and on the questions page only when asked for."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from coprod_desktop.cli.main import main
from coprod_desktop.files.builtin import ContentError
from coprod_desktop.files.session_file import load_session
from coprod_desktop.handout import HandoutOptions
from coprod_desktop.handout.reference_data import load_pack, pack_ids, reference_pack
from tests.example_handouts import example_pdf_with

EXAMPLE = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


def words(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages).split())


def test_the_wales_pack_names_the_acts_and_sources_every_item() -> None:
    assert "wales" in pack_ids()
    pack = reference_pack("wales")
    assert pack.part.title == "Co-production in Wales" and pack.part.source
    titles = [i.title for i in pack.part.items]
    assert "Social Services and Well-being (Wales) Act 2014" in titles
    assert "Well-being of Future Generations (Wales) Act 2015" in titles
    for item in pack.part.items:
        assert item.source.strip(), item.title
    acts = {i.title: i.text for i in pack.part.items}
    assert "principles of the Act" in acts["Social Services and Well-being (Wales) Act 2014"]
    assert (
        "\u2018Involvement\u2019 is one of the Act\u2019s five ways of working"
        in (acts["Well-being of Future Generations (Wales) Act 2015"])
    )
    assert pack.questions


@pytest.fixture(scope="module")
def example():
    return load_session(EXAMPLE)


def test_the_pack_prints_only_when_asked_for(example) -> None:
    plain = words(example_pdf_with(HandoutOptions(invariant=True)))
    wales = words(example_pdf_with(HandoutOptions(invariant=True, packs=("wales",))))
    assert "Co-production in Wales" not in plain and "If you work in Wales" not in plain
    assert "Co-production in Wales" in wales
    assert "Well-being of Future Generations (Wales) Act 2015" in wales
    question = reference_pack("wales").questions[0]
    assert " ".join(question.split()[:8]) in wales
    sources = wales[wales.index("Made with coprod-desktop. The texts") :]
    assert "Social Services and Well-being (Wales) Act 2014" in sources


def test_handout_pack_option(tmp_path: Path, capsys) -> None:
    out = tmp_path / "wales.pdf"
    assert main(["handout", str(EXAMPLE), "-o", str(out), "--pack", "wales"]) == 0
    assert "Co-production in Wales" in words(out.read_bytes())
    assert main(["handout", str(EXAMPLE), "-o", str(tmp_path / "x.pdf"), "--pack", "nope"]) == 2
    assert "no such reference pack (known: wales)" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_broken_pack_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "coprod-reference-pack", "id": "bad"}), encoding="utf-8")
    with pytest.raises(ContentError, match="bad.json"):
        load_pack(bad)
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(ContentError, match="coprod-reference-pack"):
        load_pack(bad)
    with pytest.raises(ContentError, match="no reference pack 'nope'"):
        reference_pack("nope")
