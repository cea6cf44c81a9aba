"""The session file remembers room mode (issue 21): the top-level "room_mode" key, kept
by every save and by the recovery file, checked when read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coprod_desktop.files import builtin as content
from coprod_desktop.files.recovery import RecoveryStore, read_entry
from coprod_desktop.files.session_file import load_session, save_session, session_from_json
from coprod_desktop.files.session_schema import SessionFormatError, session_to_dict
from coprod_desktop.files.session_settings import ROOM_MODE_KEY, room_mode, set_room_mode


def test_room_mode_is_a_top_level_key_and_survives_save_and_load(tmp_path: Path) -> None:
    session = content.new_session("Workshop", ["Red", "Blue"])
    assert not room_mode(session) and ROOM_MODE_KEY not in session_to_dict(session)
    set_room_mode(session, True)
    path = tmp_path / "s.json"
    save_session(session, path)
    assert json.loads(path.read_text(encoding="utf-8"))[ROOM_MODE_KEY] is True
    again = load_session(path)
    assert room_mode(again)
    set_room_mode(again, False)  # off: the key goes (absent means off)
    assert ROOM_MODE_KEY not in session_to_dict(again)
    assert again.foreign == {}


def test_the_recovery_file_keeps_room_mode(tmp_path: Path) -> None:
    session = content.new_session("Workshop", ["Red"])
    set_room_mode(session, True)
    store = RecoveryStore(tmp_path)
    written = store.write(session, None)
    entry = read_entry(written.name, written)
    assert entry.session is not None and room_mode(entry.session)
    store.close()


@pytest.mark.parametrize("value", ['"yes"', "1", "null", "{}"])
def test_room_mode_other_than_true_or_false_is_refused_naming_the_key(value: str) -> None:
    data = session_to_dict(content.new_session("Workshop", ["Red"]))
    text = json.dumps(data)[:-1] + f', "{ROOM_MODE_KEY}": {value}}}'
    with pytest.raises(SessionFormatError) as caught:
        session_from_json(text)
    assert ROOM_MODE_KEY in str(caught.value)


def test_room_mode_false_in_a_file_reads_as_off() -> None:
    data = session_to_dict(content.new_session("Workshop", ["Red"]))
    data[ROOM_MODE_KEY] = False
    assert not room_mode(session_from_json(json.dumps(data)))
