"""The app as a screen reader sees it: a real AT-SPI client (pyatspi under the system
python3) reads the accessible tree over D-Bus from the app running on a virtual display.
Needs the system packages from .ci/atspi-setup; skips without them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from atspi.fixture import AtspiApp, find, requirements_missing, start_app

SESSION = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"
MISSING = requirements_missing()
pytestmark = [pytest.mark.skipif(bool(MISSING), reason=MISSING), pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AtspiApp]:
    with start_app(SESSION, tmp_path_factory.mktemp("atspi")) as running:
        yield running


@pytest.fixture(scope="module")
def tree(app: AtspiApp) -> dict[str, Any]:
    return app.tree()


def group_names() -> list[str]:
    return [g["name"] for g in json.loads(SESSION.read_text(encoding="utf-8"))["groups"]]


def only(nodes: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(nodes) == 1, [n.get("name") for n in nodes]
    return nodes[0]


def test_the_application_and_its_window_are_named(tree: dict[str, Any]) -> None:
    assert tree["role"] == "application"
    assert tree["name"] == "coprod-desktop"
    frame = only(find(tree, role="frame"))
    assert "community-health-workshop.json" in frame["name"]
    assert frame["name"].endswith("coprod-desktop")
    assert "active" in frame["states"]


def test_the_menu_bar_lists_the_menus(tree: dict[str, Any]) -> None:
    menu_bar = only(find(tree, role="menu bar"))
    names = [child["name"] for child in menu_bar["children"]]
    assert names[0] == "File"
    assert {"File", "Edit", "Group", "Card", "View", "Help"} <= set(names)
    file_menu = only(find(menu_bar, role="menu item", name="File"))
    items = {n["name"] for n in find(file_menu, role="menu item")}
    assert {"Open...", "Save", "Export handout..."} <= items


def test_every_group_is_a_page_tab_by_name(tree: dict[str, Any]) -> None:
    tabs = [n["name"] for n in find(tree, role="page tab")]
    assert tabs == group_names()


def test_the_board_is_a_named_object(tree: dict[str, Any]) -> None:
    board = only(find(tree, name="Board"))
    assert "Arrow keys" in board["description"]


def test_switching_group_moves_the_selected_tab(app: AtspiApp) -> None:
    groups = json.loads(SESSION.read_text(encoding="utf-8"))["groups"]
    app.send(f"group {groups[1]['id']}")
    try:
        selected = [
            n["name"] for n in find(app.tree(), role="page tab") if "selected" in n["states"]
        ]
        assert selected == [groups[1]["name"]]
    finally:
        app.send(f"group {groups[0]['id']}")


def test_a_missing_name_is_not_found(tree: dict[str, Any]) -> None:
    # The harness can fail: a name that is not in the app is not in the tree.
    assert find(tree, name="No such card anywhere") == []
