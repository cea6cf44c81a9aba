"""Issue 16's proof, read by a real AT-SPI client (pyatspi, system python3) from the app on
a virtual display: every placed card of the current group is found by name with its
region; a placement is announced, and so are its undo and redo, a switch of group and
time's up; arrow-key selection moves AT focus to the card.
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
DATA = json.loads(SESSION.read_text(encoding="utf-8"))
GROUP = DATA["groups"][0]  # the session opens on its first group
REGIONS = {r["id"]: r for r in DATA["board"]["regions"]}
CARDS = {c["id"]: c for c in DATA["deck"]["cards"] + GROUP["cards"]}


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AtspiApp]:
    with start_app(SESSION, tmp_path_factory.mktemp("atspi")) as running:
        yield running


def board(tree: dict[str, Any]) -> dict[str, Any]:
    (node,) = find(tree, name="Board")
    return node


def test_every_placed_card_is_found_by_name_in_its_region(app: AtspiApp) -> None:
    regions = {r["name"]: r for r in board(app.tree())["children"] if r["role"] == "list"}
    assert len(regions) == len(REGIONS)
    for placement in GROUP["placements"]:
        card, region = CARDS[placement["card"]], REGIONS[placement["region"]]
        (node,) = [r for name, r in regions.items() if name.startswith(region["label"] + ", ")]
        names = [c["name"] for c in node["children"] if c["role"] == "list item"]
        expected = [n for n in names if n.startswith(card["title"] + ", ")]
        assert len(expected) == 1, (card["title"], names)
        assert f"in {region['label']} (" in expected[0]
    placed = sum(len(r["children"]) for r in regions.values())
    assert placed == len(GROUP["placements"])


def test_a_placement_is_announced(app: AtspiApp) -> None:
    card = next(
        c for c in DATA["deck"]["cards"] if c["id"] not in {p["card"] for p in GROUP["placements"]}
    )
    with app.listen(["object:announcement"], timeout=5, count=1) as heard:
        app.send(f"place {card['id']} ladder-co-design")
    try:
        said = [e["any_data"] for e in heard.of_type("object:announcement")]
        assert said and card["title"] in said[0] and REGIONS["ladder-co-design"]["label"] in said[0]
        # and the card is now on the board, named with its new region
        rung = next(
            r
            for r in board(app.tree())["children"]
            if r["name"].startswith(REGIONS["ladder-co-design"]["label"] + ", ")
        )
        assert any(c["name"].startswith(card["title"] + ", ") for c in rung["children"])
    finally:
        app.send(f"unplace {card['id']}")


def said(heard: Any) -> list[tuple[str, int]]:
    """What the client heard announced, with its politeness (1 polite, 2 assertive)."""
    return [(e["any_data"], e["detail1"]) for e in heard.of_type("object:announcement")]


def test_undo_and_redo_are_announced_with_what_they_undid(app: AtspiApp) -> None:
    card = next(
        c for c in DATA["deck"]["cards"] if c["id"] not in {p["card"] for p in GROUP["placements"]}
    )
    app.send(f"place {card['id']} ladder-co-design")
    try:
        with app.listen(["object:announcement"], timeout=5, count=1) as heard:
            app.send("action undo")
        ((text, _),) = said(heard)
        assert text.startswith(f"Undone: Place \u201c{card['title']}\u201d to 6 Co-design")
        with app.listen(["object:announcement"], timeout=5, count=1) as heard:
            app.send("action redo")
        assert said(heard) == [("Redone: " + text.removeprefix("Undone: "), 1)]
    finally:
        app.send(f"unplace {card['id']}")


def test_switching_group_is_announced(app: AtspiApp) -> None:
    other = DATA["groups"][1]
    try:
        with app.listen(["object:announcement"], timeout=5, count=1) as heard:
            app.send(f"group {other['id']}")
        assert said(heard) == [(f"{other['name']}'s board", 1)]
    finally:
        app.send(f"group {GROUP['id']}")


def test_times_up_is_announced_assertively(app: AtspiApp) -> None:
    duration = ""
    try:
        with app.listen(["object:announcement"], timeout=8, count=1) as heard:
            duration = app.send("timer 1 start").split()[1]
        assert said(heard) == [("Time's up", 2)]
    finally:
        if duration:
            app.send(f"timer {duration}")  # as it was: not started


def test_selecting_a_card_moves_focus_to_it(app: AtspiApp) -> None:
    placement = GROUP["placements"][0]
    title = CARDS[placement["card"]]["title"]
    with app.listen(["object:state-changed:focused"], timeout=3) as heard:
        app.send(f"select {placement['card']}")
    focused = [e["source"].get("name", "") for e in heard.events if e["detail1"] == 1]
    assert focused and focused[-1].startswith(title + ", ")
    # a card with a cell and a rung is two objects, one per place: one of them is chosen
    nodes = [
        c
        for r in board(app.tree())["children"]
        for c in r["children"]
        if c["name"].startswith(title + ", ")
    ]
    chosen = [n for n in nodes if {"focused", "selected"} <= set(n["states"])]
    assert len(chosen) == 1 and 1 <= len(nodes) <= 3


def test_the_timer_value_is_exposed(app: AtspiApp) -> None:
    tree = app.tree()
    (timer,) = find(tree, name="Time left")
    assert any(ch.isdigit() for ch in timer.get("text", "") + timer.get("description", ""))
    assert timer["description"].endswith(", not started"), timer
    (button,) = find(tree, role="push button", name="Start the timer")
    assert button["name"] == "Start the timer"
