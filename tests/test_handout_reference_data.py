"""The reference prose is data: it loads, every item has a source, a broken file is named."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coprod_desktop.files.builtin import ContentError
from coprod_desktop.handout.reference_data import load_reference, reference_path, reference_text


def test_builtin_reference_is_complete() -> None:
    ref = reference_text()
    assert len(ref.principles.items) == 6
    assert [i.title for i in ref.principles.items][0] == "Recognising people as assets"
    assert set(ref.bands) == {"to", "for", "with"}
    assert len(ref.definitions.items) == 3
    assert len(ref.stories.items) == 3 and all(s.why for s in ref.stories.items)
    assert len(ref.non_examples.items) == 5
    assert len(ref.degrees.items) == 3
    assert len(ref.questions.items) >= 5


def test_every_item_has_a_source() -> None:
    ref = reference_text()
    for item in ref.definitions.items:
        assert item.quote and item.source
    for part in (ref.principles, ref.ladder, ref.degrees, ref.non_examples, ref.stories):
        assert part.source or all(i.source for i in part.items), part.title
    assert ref.matrix.source
    assert "TLAP" in ref.ladder.source and "Bovaird" in ref.matrix.source


def test_deck_principles_match_the_reference_titles() -> None:
    from coprod_desktop.files import builtin as content

    deck = [c.title for c in content.deck().cards if c.kind == "principle"]
    assert deck == [i.title for i in reference_text().principles.items]


def test_broken_file_is_named(tmp_path: Path) -> None:
    data = json.loads(reference_path().read_text(encoding="utf-8"))
    del data["stories"]["items"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ContentError, match="broken.json"):
        load_reference(broken)
    with pytest.raises(ContentError, match="missing.json"):
        load_reference(tmp_path / "missing.json")


def test_reference_data_and_compare_load_no_qt_and_no_reportlab() -> None:
    code = (
        "import sys\n"
        "import coprod_desktop.domain.compare, coprod_desktop.handout.reference_data\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'reportlab'))]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
