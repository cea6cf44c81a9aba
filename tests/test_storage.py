"""Session files: round trip, validation with field paths, strict JSON, atomic save."""

from __future__ import annotations

import copy
import json
import os
import re
import stat
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_desktop.domain.model import Card, Session
from coprod_desktop.files import builtin as content
from coprod_desktop.files import session_file as storage
from coprod_desktop.files.session_file import (
    MAX_FILE_BYTES,
    load_session,
    save_session,
    session_from_json,
    session_to_json,
)
from coprod_desktop.files.session_schema import (
    FORMAT_NAME,
    SCHEMA_VERSION,
    SessionFormatError,
    session_from_dict,
    session_to_dict,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "sessions" / "community-health-workshop.json"


@pytest.fixture(scope="module")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture
def example(example_text: str) -> dict[str, Any]:
    return json.loads(example_text)


def small_session() -> Session:
    s = content.new_session("Small", ["One", "Two"])
    s.venue = "Cardiff"
    s.facilitator = "Siân"
    s.groups[1].cards.append(Card("own-1", "custom", "Walking group", "We walk.", "More.", "Us"))
    s.place("g1", s.deck.cards[0].id, "matrix-full-coproduction")
    s.place("g1", s.deck.cards[1].id, "matrix-full-coproduction", index=0)
    s.set_note("g1", s.deck.cards[0].id, 'Notes keep "quotes", <b>markup</b> and ŵ ŷ ά Ж')
    s.place("g2", "own-1", "ladder-co-production")
    return s


def error_of(data: Any) -> SessionFormatError:
    with pytest.raises(SessionFormatError) as info:
        session_from_dict(data)
    return info.value


# --- round trip ---------------------------------------------------------------


def test_example_round_trips(example_text: str) -> None:
    session = session_from_json(example_text)
    assert session_from_json(session_to_json(session)) == session
    # Writing what was read gives back the same bytes: nothing is lost or reordered.
    assert session_to_json(session) == example_text


def test_new_session_round_trips() -> None:
    s = small_session()
    again = session_from_json(session_to_json(s))
    assert again == s
    assert again.venue == "Cardiff" and again.facilitator == "Siân"
    assert again.groups[1].cards[0].kind == "custom"
    assert [p.card for p in again.groups[0].placements] == [s.deck.cards[1].id, s.deck.cards[0].id]


def test_empty_new_session_round_trips() -> None:
    s = content.new_session()
    again = session_from_json(session_to_json(s))
    assert again == s
    assert "venue" not in session_to_dict(s)  # optional keys are left out when empty


def test_the_file_has_the_contract_keys(example: dict[str, Any]) -> None:
    assert example["format"] == FORMAT_NAME == "coprod-session"
    assert example["schema_version"] == SCHEMA_VERSION == 2
    assert {"title", "created", "deck", "board", "groups"} <= example.keys()
    assert {"id", "title", "cards"} <= example["deck"].keys()
    assert {"id", "kind", "title", "text"} <= example["deck"]["cards"][0].keys()
    assert {"id", "label"} <= example["board"]["regions"][0].keys()
    group = example["groups"][0]
    assert {"id", "name", "colour", "cards", "placements", "notes", "marks"} <= group.keys()
    assert set(group["placements"][0]) == {"card", "region"}
    assert set(group["notes"][0]) == {"card", "text"}
    assert set(group["marks"][0]) == {"card", "principle"}
    assert {"id", "label", "rect", "lens"} <= example["board"]["regions"][0].keys()
    rungs = [r for r in example["board"]["regions"] if r["lens"] == "ladder"]
    assert sorted(r["rank"] for r in rungs) == list(range(1, 8))
    assert [lens["id"] for lens in example["board"]["lenses"]] == ["matrix", "ladder", "not"]


def test_saved_text_is_utf8_not_escaped(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    save_session(small_session(), path)
    raw = path.read_bytes()
    assert "ŵ ŷ ά Ж".encode() in raw
    assert b"\\u" not in raw


def test_unknown_extra_keys_are_ignored(example: dict[str, Any]) -> None:
    example["x-other-tool"] = {"anything": [1, 2]}
    example["groups"][0]["x-votes"] = 3
    assert session_from_dict(example).title == example["title"]


def test_utf8_bom_is_accepted(example_text: str) -> None:
    assert session_from_json(b"\xef\xbb\xbf" + example_text.encode()).title.startswith(
        "Co-producing"
    )


# --- validation names the field path ---------------------------------------


def _del(path: list[Any]):
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


def _set(path: list[Any], value: Any):
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _copy(src: list[Any], dst: list[Any]):
    def change(d: dict[str, Any]) -> None:
        value = d
        for key in src:
            value = value[key]
        _set(dst, copy.deepcopy(value))(d)

    return change


def _append(path: list[Any], item_from: list[Any]):
    def change(d: dict[str, Any]) -> None:
        target = d
        for key in path:
            target = target[key]
        value = d
        for key in item_from:
            value = value[key]
        target.append(copy.deepcopy(value))

    return change


INVALID = [
    # (change, field path in the message, words in the message)
    (_del(["title"]), "title", "missing"),
    (_del(["created"]), "created", "missing"),
    (_del(["deck"]), "deck", "missing"),
    (_del(["groups"]), "groups", "missing"),
    (_del(["deck", "cards", 2, "title"]), "deck.cards[2].title", "missing"),
    (_del(["groups", 1, "colour"]), "groups[1].colour", "missing"),
    (_del(["groups", 0, "placements", 3, "region"]), "groups[0].placements[3].region", "missing"),
    (_del(["board", "regions", 4, "rect"]), "board.regions[4].rect", "missing"),
    (_set(["title"], 42), "title", "expected text, found a number"),
    (_set(["deck", "cards", 0, "text"], None), "deck.cards[0].text", "found null"),
    (_set(["deck", "cards"], {}), "deck.cards", "expected a list, found an object"),
    (_set(["groups"], "all"), "groups", "expected a list"),
    (_set(["groups", 2], []), "groups[2]", "expected an object, found a list"),
    (_set(["groups", 0, "notes", 0, "text"], True), "groups[0].notes[0].text", "true/false"),
    # the lens rules (issue 11): each refused with its field path
    (
        _set(["groups", 0, "placements", 6, "region"], "matrix-traditional"),
        "groups[0].placements[6]",
        "card 'activity-fast-sessions' already has a place on the public service matrix",
    ),
    (
        _set(["groups", 0, "marks", 0, "card"], "activity-youth-grants-panel-x"),
        "groups[0].marks[0].card",
        "is marked but has no place",
    ),
    (
        _set(["groups", 0, "marks", 0, "principle"], "activity-gp-time-bank"),
        "groups[0].marks[0].principle",
        "'activity-gp-time-bank' is not a principle card",
    ),
    (
        _copy(["groups", 0, "marks", 0], ["groups", 0, "marks", 1]),
        "groups[0].marks[1].principle",
        "marked with 'principle-assets' twice",
    ),
    (_set(["groups", 0, "notes", 0, "card"], "ghost"), "groups[0].notes[0].card", "unknown card"),
    (
        _copy(["groups", 0, "notes", 0, "card"], ["groups", 0, "notes", 1, "card"]),
        "groups[0].notes[1].card",
        "has two notes",
    ),
    (_set(["groups", 0, "notes", 0, "text"], "  "), "groups[0].notes[0].text", "empty"),
    (_del(["board", "regions", 0, "lens"]), "board.regions[0].lens", "missing"),
    (_set(["board", "regions", 0, "lens"], " "), "board.regions[0].lens", "empty"),
    (
        _set(["board", "regions", 11, "rank"], 1),
        "board.regions[11].rank",
        "rank 1 appears twice in lens 'ladder'",
    ),
    (_set(["board", "regions", 11, "rank"], 0), "board.regions[11].rank", "whole number"),
    (_del(["board", "regions", 11, "rank"]), "board.regions[11].rank", "have a rank"),
    (_set(["board", "lenses", 0, "expected"], "yes"), "board.lenses[0].expected", "true or false"),
    (_set(["board", "lenses", 0, "label"], ""), "board.lenses[0].label", "empty"),
    (_set(["board", "size"], [1600]), "board.size", "2 numbers"),
    (
        _set(["board", "regions", 0, "rect"], [0, 0, 10, "big"]),
        "board.regions[0].rect",
        "4 numbers",
    ),
    (_set(["board", "regions", 0, "rect"], [0, 0, -10, 10]), "board.regions[0].rect", "positive"),
    (_set(["board", "regions", 0, "rect"], [0, 0, True, 10]), "board.regions[0].rect", "4 numbers"),
    (_set(["deck", "cards", 5, "kind"], "story"), "deck.cards[5].kind", "unknown kind 'story'"),
    (_set(["groups", 1, "cards", 0, "kind"], "Custom"), "groups[1].cards[0].kind", "unknown kind"),
    (_set(["deck", "cards", 3, "id"], ""), "deck.cards[3].id", "empty"),
    (_set(["deck", "cards", 3, "title"], "  "), "deck.cards[3].title", "empty"),
    (
        _copy(["deck", "cards", 0, "id"], ["deck", "cards", 7, "id"]),
        "deck.cards[7].id",
        "duplicate card id",
    ),
    (_copy(["groups", 0, "id"], ["groups", 2, "id"]), "groups[2].id", "duplicate group id"),
    (
        _copy(["board", "regions", 0, "id"], ["board", "regions", 9, "id"]),
        "board.regions[9].id",
        "duplicate region id",
    ),
    (
        _set(["groups", 0, "placements", 2, "card"], "ghost"),
        "groups[0].placements[2].card",
        "unknown card 'ghost'",
    ),
    (
        _set(["groups", 2, "placements", 1, "region"], "ladder-8"),
        "groups[2].placements[1].region",
        "unknown region 'ladder-8'",
    ),
    (
        _append(["groups", 0, "placements"], ["groups", 0, "placements", 0]),
        "groups[0].placements[76]",
        "already has a place on the public service matrix",
    ),
    (_set(["groups", 1, "colour"], "blue"), "groups[1].colour", "#rrggbb"),
    (_set(["groups", 1, "colour"], "#12345"), "groups[1].colour", "#rrggbb"),
    (
        _copy(["deck", "cards", 4, "id"], ["groups", 1, "cards", 0, "id"]),
        "groups[1].cards[0].id",
        "duplicate card id",
    ),
    (_set(["groups"], []), "groups", "at least one group"),
    (_set(["board", "regions"], []), "board.regions", "at least one region"),
    (_set(["format"], "coprod-desktop"), "format", 'expected "coprod-session"'),
    (_del(["format"]), "format", "not a coprod-desktop session"),
    (_set(["schema_version"], "1"), "schema_version", "whole number"),
    (_set(["schema_version"], True), "schema_version", "whole number"),
    (_set(["schema_version"], 1.0), "schema_version", "whole number"),
    (_set(["schema_version"], 0), "schema_version", "unknown version 0"),
]


@pytest.mark.parametrize(("change", "where", "words"), INVALID)
def test_invalid_fields_are_named(example: dict[str, Any], change, where: str, words: str) -> None:
    change(example)
    err = error_of(example)
    assert err.where == where
    assert str(err).startswith(f"{where}: ")
    assert words in err.reason


def test_the_original_example_is_valid(example: dict[str, Any]) -> None:
    """The mutations above break a file that is otherwise valid."""
    assert len(session_from_dict(example).groups) == 3
    assert len(example["groups"][0]["placements"]) == 76  # the "placed twice" index above
    assert example["groups"][0]["placements"][6]["card"] == "activity-fast-sessions"
    assert example["board"]["regions"][11]["id"] == "ladder-educating"


def test_a_card_of_another_group_is_unknown(example: dict[str, Any]) -> None:
    own = example["groups"][1]["cards"][0]["id"]
    example["groups"][0]["placements"].append({"card": own, "region": "not-coproduction"})
    err = error_of(example)
    assert err.where == "groups[0].placements[76].card"
    assert own in err.reason


def test_newer_schema_version_is_refused_clearly(example: dict[str, Any]) -> None:
    example["schema_version"] = SCHEMA_VERSION + 1
    example["something_new"] = {"we": "cannot read"}
    err = error_of(example)
    assert err.where == "schema_version"
    assert "newer version" in err.reason
    assert "update" in err.reason


@pytest.mark.parametrize("data", [[], "session", 3, None])
def test_top_level_must_be_an_object(data: Any) -> None:
    assert "expected a JSON object" in str(error_of(data))


# --- strict JSON ------------------------------------------------------------


def parse_error(raw: bytes | str) -> str:
    with pytest.raises(SessionFormatError) as info:
        session_from_json(raw)
    return str(info.value)


def test_json_syntax_error_gives_line_and_column(example_text: str) -> None:
    lines = example_text.splitlines(keepends=True)
    # Break line 5 ('  "created": "...",') by dropping its colon.
    assert lines[4].startswith('  "created":')
    lines[4] = lines[4].replace(":", "", 1)
    message = parse_error("".join(lines))
    assert "line 5, column 13" in message
    assert "not valid JSON" in message


def test_trailing_comma_is_a_syntax_error() -> None:
    assert "line 1, column 15" in parse_error('{"format": 1, }')


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_rejected(example_text: str, constant: str) -> None:
    text, n = re.subn(r'("size": \[\s*)\d+', rf"\g<1>{constant}", example_text, count=1)
    assert n == 1
    assert constant.lstrip("-") in parse_error(text)


def test_overflowing_number_is_not_a_size(example: dict[str, Any]) -> None:
    example["board"]["size"][0] = 10**999  # written as digits, read back as an int
    text = json.dumps(example).replace("1" + "0" * 999, "1e999", 1)
    assert "1e999" in text
    assert "board.size" in parse_error(text)


def test_an_integer_too_long_to_convert_is_reported() -> None:
    assert "not valid JSON" in parse_error('{"schema_version": ' + "9" * 5000 + "}")


def test_duplicate_keys_are_rejected(example_text: str) -> None:
    text = example_text.replace('"title": "Co-producing', '"title": "A", "title": "Co-producing', 1)
    assert "'title' appears twice" in parse_error(text)


def test_duplicate_keys_in_nested_objects_are_rejected() -> None:
    assert "'card' appears twice" in parse_error('{"x": [{"card": "a", "card": "b"}]}')


def test_deep_nesting_is_rejected_without_recursion_error() -> None:
    message = parse_error("[" * 100_000 + "]" * 100_000)
    assert "nested more than" in message


def test_brackets_inside_strings_do_not_count_as_nesting(example: dict[str, Any]) -> None:
    example["groups"][0]["notes"][0]["text"] = '[[[[{{{{ \\" ' * 100
    loaded = session_from_json(json.dumps(example))
    assert loaded.groups[0].note(example["groups"][0]["notes"][0]["card"]).startswith("[[[[")


@pytest.mark.parametrize("raw", [b"", b"   \n\t ", ""])
def test_empty_file(raw: bytes | str) -> None:
    assert "empty" in parse_error(raw)


def test_non_utf8_is_reported() -> None:
    raw = '{"title": "Tŷ"}'.encode("utf-16")
    assert "not UTF-8" in parse_error(raw)
    assert "not UTF-8" in parse_error(b'{"title": "caf\xe9"}')


# --- loading from disk ----------------------------------------------------


def test_load_session_reads_the_example() -> None:
    session = load_session(EXAMPLE)
    assert session.venue.endswith("Cardiff")
    assert [g.name for g in session.groups] == [
        "Table 1 – Tŷ Ffynnon",
        "Table 2 – Harbour",
        "Table 3 – Oak",
    ]


def test_missing_file_and_folder_are_format_errors(tmp_path: Path) -> None:
    with pytest.raises(SessionFormatError, match="cannot read the file"):
        load_session(tmp_path / "nope.json")
    with pytest.raises(SessionFormatError, match="cannot read the file"):
        load_session(tmp_path)


def test_too_large_file_is_rejected_before_reading(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no 20 MB written

    def must_not_read(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the file was read or parsed")

    monkeypatch.setattr(Path, "read_bytes", must_not_read)
    monkeypatch.setattr(storage, "parse_json", must_not_read)
    monkeypatch.setattr(json, "loads", must_not_read)
    with pytest.raises(SessionFormatError, match="at most 20 MB"):
        load_session(path)


def test_too_large_bytes_are_rejected_before_parsing(monkeypatch) -> None:
    def must_not_parse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("parsed")

    monkeypatch.setattr(json, "loads", must_not_parse)
    with pytest.raises(SessionFormatError, match="larger than 20 MB"):
        storage.parse_json(b" " * (MAX_FILE_BYTES + 1))


# --- nothing but SessionFormatError escapes, whatever the file -------------------


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value[:3]):
            out += _paths(v, (*prefix, i))
    return out


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_mutation_loads_or_raises_session_format_error(
    example_text: str, data: st.DataObject
) -> None:
    doc = json.loads(example_text)
    for _ in range(data.draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        path = data.draw(st.sampled_from(paths))
        parent = doc
        for key in path[:-1]:
            parent = parent[key]
        if data.draw(st.booleans()):
            parent[path[-1]] = data.draw(_json_values)
        elif isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent.pop(path[-1])
    try:
        session = session_from_dict(doc)
    except SessionFormatError as err:
        assert str(err)
    else:
        # Whatever loads must save and load again to the same session.
        assert session_from_json(session_to_json(session)) == session


# --- atomic save ----------------------------------------------------------


def test_save_then_load(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    s = small_session()
    save_session(s, path)
    assert load_session(path) == s
    assert sorted(os.listdir(tmp_path)) == ["s.json"]  # no backup of nothing, no temp files


def test_save_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    first = small_session()
    save_session(first, path)
    first_bytes = path.read_bytes()
    second = small_session()
    second.title = "Second"
    save_session(second, path)
    assert (tmp_path / "s.json.bak").read_bytes() == first_bytes
    assert load_session(path).title == "Second"
    assert sorted(os.listdir(tmp_path)) == ["s.json", "s.json.bak"]


def test_save_without_backup(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    save_session(small_session(), path)
    save_session(small_session(), path, keep_backup=False)
    assert not (tmp_path / "s.json.bak").exists()


class _FailingHandle:
    """A file object whose write fails like a full disk."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def __enter__(self) -> _FailingHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def fileno(self) -> int:
        return self._handle.fileno()

    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        self._handle.flush()


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.parametrize("fail", ["replace", "fsync", "fchmod", "write"])
def test_a_failing_write_leaves_the_old_file_and_no_temp_files(
    tmp_path: Path, monkeypatch, fail: str
) -> None:
    path = tmp_path / "s.json"
    save_session(small_session(), path, keep_backup=False)
    old = path.read_bytes()
    fds = _open_fds()

    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    if fail == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(os, "fdopen", lambda *a, **k: _FailingHandle(real_fdopen(*a, **k)))
    else:
        monkeypatch.setattr(os, fail, boom)
    changed = small_session()
    changed.title = "Changed"
    with pytest.raises(OSError, match="No space left"):
        save_session(changed, path)
    monkeypatch.undo()
    assert path.read_bytes() == old
    leftovers = sorted(n for n in os.listdir(tmp_path) if n not in {"s.json", "s.json.bak"})
    assert leftovers == []
    if (tmp_path / "s.json.bak").exists():  # a backup, if one was made, is the old file
        assert (tmp_path / "s.json.bak").read_bytes() == old
    assert _open_fds() == fds  # no file descriptor leaked on the failure path


def test_a_failing_first_save_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def boom(*args: Any, **kwargs: Any) -> Any:
        raise OSError("disk gone")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        save_session(small_session(), tmp_path / "new.json")
    monkeypatch.undo()
    assert os.listdir(tmp_path) == []


def test_save_preserves_permissions(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    save_session(small_session(), path)
    path.chmod(0o600)
    changed = small_session()
    changed.title = "Changed"  # an unchanged save writes nothing (no .bak either)
    save_session(changed, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The backup of a private file is private too.
    assert stat.S_IMODE((tmp_path / "s.json.bak").stat().st_mode) == 0o600
    path.chmod(0o640)
    save_session(small_session(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        save_session(small_session(), tmp_path / "s.json")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "s.json").stat().st_mode) == 0o640


def test_save_to_a_relative_path(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    save_session(small_session(), "plain.json")
    assert load_session(tmp_path / "plain.json").title == "Small"


def test_a_save_removes_temp_files_left_by_a_killed_save(tmp_path):
    import os
    import time

    from coprod_desktop.files import builtin as content
    from coprod_desktop.files.atomic_write import STALE_TEMP_SECONDS
    from coprod_desktop.files.session_file import save_session

    target = tmp_path / "s.json"
    old = tmp_path / ".s.json.abc123.tmp"
    young = tmp_path / ".s.json.def456.tmp"
    other = tmp_path / ".other.json.abc123.tmp"
    for leftover in (old, young, other):
        leftover.write_text("partial")
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    os.utime(old, (long_ago, long_ago))
    os.utime(other, (long_ago, long_ago))
    save_session(content.new_session(), target)
    assert not old.exists()  # left by a save killed long ago
    assert young.exists()  # may be another instance's save in progress
    assert other.exists()  # belongs to another file
