"""Golden files: one session file per schema version, frozen. Each must load in every later
version of the app (through migrate()), and the current version's must round-trip byte for byte.

Never regenerate a golden file: it stands for files already on people's disks. When the
schema changes, add tests/golden/session-vN.json for the new version and a migration step.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from coprod_desktop.files import session_schema
from coprod_desktop.files.session_file import load_session, session_to_json
from coprod_desktop.files.session_schema import (
    MIGRATIONS,
    SCHEMA_VERSION,
    SessionFormatError,
    migrate,
    session_from_dict,
)

GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_files() -> dict[int, Path]:
    found = {}
    for path in GOLDEN.glob("session-v*.json"):
        match = re.fullmatch(r"session-v(\d+)\.json", path.name)
        assert match, path
        found[int(match.group(1))] = path
    return found


def test_there_is_a_golden_file_for_every_version() -> None:
    assert sorted(golden_files()) == list(range(1, SCHEMA_VERSION + 1))


def test_every_older_version_has_a_migration_step() -> None:
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION))


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_each_golden_file_loads(version: int) -> None:
    path = golden_files()[version]
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == version
    session = load_session(path)
    assert session.title.startswith("Golden workshop")


def test_version_1_reads_as_written() -> None:
    """Every field of the version 1 file, checked by value (not by the code that wrote it)."""
    s = load_session(golden_files()[1])
    assert (s.title, s.created, s.venue, s.facilitator) == (
        "Golden workshop: version 1",
        "2026-03-14T10:30:00+00:00",
        "Cardiff",
        "Siân",
    )
    assert (s.deck.id, s.deck.title) == ("golden-deck", "Golden deck")
    assert [(c.id, c.kind) for c in s.deck.cards] == [
        ("p-assets", "principle"),
        ("a-timebank", "activity"),
        ("n-consult", "non_example"),
    ]
    assets = s.deck.cards[0]
    assert (assets.more, assets.source) == ("More about assets.", "NEF (2014)")
    assert (s.deck.cards[1].more, s.deck.cards[1].source) == ("", "")
    assert (s.board.id, s.board.size) == ("golden-board", (960, 540))
    assert s.board.source == "Bovaird (2007)"
    assert [(r.id, r.lens, r.band) for r in s.board.regions] == [
        ("matrix-full", "matrix", ""),
        ("ladder-7", "ladder", "with"),
        ("not", "not", ""),
    ]
    assert s.board.regions[1].rect == (320, 60, 300, 200.5)
    assert [d.kind for d in s.board.decorations] == ["title", "band"]
    g1, g2, g3 = s.groups
    assert (g1.name, g1.colour) == ("Table 1 – Tŷ Ffynnon", "#0072b2")
    assert g2.colour == "#D55E00"  # upper-case hex is valid and kept as written
    assert [(c.id, c.kind, c.title, c.source) for c in g1.cards] == [
        ("own-walk", "custom", "Walking group <3", "Table 1")
    ]
    assert [(p.card, p.region) for p in g1.placements] == [
        ("own-walk", "matrix-full"),
        ("p-assets", "matrix-full"),
        ("n-consult", "not"),
    ]
    # version 1 kept a note on the placement: it becomes the card's note
    assert g1.notes == {
        "own-walk": 'Ours: <b>not</b> bold & "quoted"\nsecond line',
        "n-consult": "Привет, שלום, 你好 ✊🏽",
    }
    assert [(p.card, p.region) for p in g2.placements] == [("a-timebank", "ladder-7")]
    assert (g3.cards, g3.placements, g3.notes, g3.marks) == ([], [], {}, [])
    # its zones become lenses, the built-in lens meanings, the one rung ranked
    assert [(lens.id, lens.unit, lens.expected, lens.stands_alone) for lens in s.board.lenses] == [
        ("matrix", "cell", True, False),
        ("ladder", "rung", True, False),
        ("not", "place", False, True),
    ]
    assert [r.rank for r in s.board.regions] == [None, 1, None]


def test_version_2_reads_as_written() -> None:
    """The version 2 additions, by value: a card with a cell and a rung, a card with a cell
    and no rung yet, marks, a note on a card in the tray, keys another tool wrote."""
    s = load_session(golden_files()[2])
    g1, g2, g3 = s.groups
    assert [(p.card, p.region) for p in g1.placements] == [
        ("own-walk", "matrix-full"),
        ("p-assets", "matrix-full"),
        ("a-timebank", "matrix-full"),
        ("n-consult", "not"),
        ("own-walk", "ladder-7"),
    ]
    assert [(m.card, m.principle) for m in g1.marks] == [
        ("own-walk", "p-assets"),
        ("a-timebank", "p-assets"),
    ]
    assert s.missing_lenses(g1, "a-timebank") == ["ladder"]
    assert s.missing_lenses(g1, "own-walk") == []
    assert s.missing_lenses(g1, "n-consult") == []  # "not" stands alone
    assert [(p.card, p.region) for p in g2.placements] == [("a-timebank", "ladder-7")]
    assert g2.notes == {"n-consult": "Left in the tray, but our note stays."}
    assert "n-consult" not in g2.placed_ids()
    assert [(p.card, p.region) for p in g3.placements] == [("a-timebank", "not")]
    text = golden_files()[2].read_text(encoding="utf-8")
    saved = json.loads(session_to_json(s))
    assert saved["other_tool"] == {"exported": True}
    assert saved["deck"]["cards"][1]["colour_hint"] == "green"
    assert saved["board"]["regions"][1]["x-notes"] == "kept"
    assert saved["groups"][0]["placements"][0]["pinned"] is True
    assert saved["groups"][0]["notes"][0]["author"] == "Siân"
    assert saved["groups"][0]["marks"][0]["confidence"] == 0.8
    assert '"other_tool"' in text


def test_the_current_version_round_trips_byte_for_byte() -> None:
    path = golden_files()[SCHEMA_VERSION]
    text = path.read_text(encoding="utf-8")
    assert session_to_json(load_session(path)) == text


def test_migrate_runs_each_step_in_order_without_touching_the_input(monkeypatch) -> None:
    """How a version 3 will plug in: one step per version, chained, on a copy."""

    real_v1_to_v2 = MIGRATIONS[1]

    def v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
        data = real_v1_to_v2(data)
        data["steps"] = [*data.get("steps", []), "1->2"]
        return data

    def v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
        assert data["schema_version"] == 2  # each step sees the version it migrates from
        data["steps"].append("2->3")
        data["title"] = data["title"].upper()
        return data

    monkeypatch.setattr(session_schema, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(MIGRATIONS, 1, v1_to_v2)
    monkeypatch.setitem(MIGRATIONS, 2, v2_to_v3)
    original = json.loads(golden_files()[1].read_text(encoding="utf-8"))
    kept = json.dumps(original)
    migrated = migrate(original)
    assert migrated["schema_version"] == 3 and migrated["steps"] == ["1->2", "2->3"]
    assert migrated["title"] == "GOLDEN WORKSHOP: VERSION 1"
    assert json.dumps(original) == kept
    assert session_from_dict(original).title == "GOLDEN WORKSHOP: VERSION 1"
    monkeypatch.delitem(MIGRATIONS, 2)
    with pytest.raises(SessionFormatError, match="no migration from version 2"):
        migrate(original)
