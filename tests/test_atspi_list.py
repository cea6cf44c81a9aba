"""The list view as a screen reader reads it (issue 16), through a real AT-SPI client: a
tree whose rows are the lenses, their regions and their cards, each card naming its
place. Needs the system packages from .ci/atspi-setup; skips without them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from atspi.fixture import find, requirements_missing, start_app

SESSION = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"
MISSING = requirements_missing()
pytestmark = [pytest.mark.skipif(bool(MISSING), reason=MISSING), pytest.mark.timeout(120)]


def names(node: dict[str, Any]) -> list[str]:
    return [n.get("name", "") for n in find(node)]


def descriptions(node: dict[str, Any]) -> list[str]:
    return [n.get("description", "") for n in find(node)]


def test_the_list_view_is_a_tree_of_lenses_regions_and_cards(tmp_path: Path) -> None:
    with start_app(SESSION, tmp_path) as app:
        assert app.send("action list_view") == "ok"
        tree = app.tree()
    (listing,) = find(tree, name="Arrangement as a list")
    assert listing["role"] in ("tree table", "tree")
    seen = names(listing)
    assert any(n.startswith("Public service matrix, ") for n in seen)
    assert any(n.startswith("Public service matrix: Traditional professional") for n in seen)
    assert "Public service matrix: Traditional professional service provision" in descriptions(
        listing
    )
