"""What a session file keeps that is not the workshop's content: whether the session
was in room mode (issue 21), so a restart after a crash comes back locked; and (issue
14) the group at the screen and whether the window was presenting, so a restored or
reopened session comes back as it was left.

`current_group` (a group's id; absent for the first group) and `presenting` (true, or
absent) are top-level keys like `room_mode`. A value that is not what it should be (an
id no group has, not a string) is ignored when read: the session opens on its first
group, not presenting.

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


CURRENT_GROUP_KEY = "current_group"
PRESENTING_KEY = "presenting"


def _set_top(session: Session, key: str, value: object) -> None:
    """value None (or False): the key goes, and the top-level entry when it is empty."""
    top = session.foreign.setdefault(_TOP, {})
    if value is None or value is False:
        top.pop(key, None)
        if not top:
            del session.foreign[_TOP]
    else:
        top[key] = value


def current_group(session: Session) -> str:
    """The id of the group the session was left on, when a group has it; else ""."""
    group_id = session.foreign.get(_TOP, {}).get(CURRENT_GROUP_KEY)
    known = {g.id for g in session.groups}
    return group_id if isinstance(group_id, str) and group_id in known else ""


def set_current_group(session: Session, group_id: str) -> None:
    """Written only for a group other than the first: a plain session's file is unchanged."""
    first = session.groups[0].id if session.groups else ""
    _set_top(session, CURRENT_GROUP_KEY, group_id if group_id != first else None)


def presenting(session: Session) -> bool:
    return session.foreign.get(_TOP, {}).get(PRESENTING_KEY) is True


def set_presenting(session: Session, on: bool) -> None:
    _set_top(session, PRESENTING_KEY, True if on else None)


PRIVATE_KEY = "private_boards"


def private_boards(session: Session) -> bool:
    """Issue 13: each group's board stays covered when another group's tab is chosen,
    until that group shows it, so tables are not influenced by each other's boards."""
    return session.foreign.get(_TOP, {}).get(PRIVATE_KEY) is True


def set_private_boards(session: Session, on: bool) -> None:
    _set_top(session, PRIVATE_KEY, True if on else None)
