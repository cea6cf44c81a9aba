"""What a session file keeps that is not the workshop's content: whether the session
was in room mode (issue 21), so a restart after a crash comes back locked.

The file's top-level `room_mode` key (true, or absent for false). The model has no
field for it: it travels with the session as the top-level keys the model does not
hold do (Session.foreign at the top-level address, files/foreign_keys.py), so every
save, autosave and recovery file keeps it. session_schema checks it is true or false.
Room mode protects against accidents; it is no security boundary (anyone may edit the
file and take the key out).
"""

from __future__ import annotations

from coprod_desktop.domain.model import Session
from coprod_desktop.files.foreign_keys import Address

ROOM_MODE_KEY = "room_mode"
_TOP: Address = ()


def room_mode(session: Session) -> bool:
    return session.foreign.get(_TOP, {}).get(ROOM_MODE_KEY) is True


def set_room_mode(session: Session, on: bool) -> None:
    """Written as "room_mode": true; off, the key goes (absent means off)."""
    top = session.foreign.setdefault(_TOP, {})
    if on:
        top[ROOM_MODE_KEY] = True
    else:
        top.pop(ROOM_MODE_KEY, None)
        if not top:
            del session.foreign[_TOP]
