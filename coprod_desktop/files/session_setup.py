"""A new session from the facilitator's set-up choices, and its details later.

Used by the New session dialog and by `coprod-desktop new`. Every choice has a
default, so SetupChoices() alone builds a usable session. The session's details
(title, date, place, facilitator) can be changed after set-up: SessionDetails
holds them, checked_details() checks an edit, apply_details() sets them (and
returns the old ones, for undo). No Qt here.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

from coprod_desktop.domain.model import (
    GROUP_COLOURS,
    CardDraft,
    Deck,
    Group,
    Session,
    deck_for_board,
)
from coprod_desktop.domain.rules import MAX_GROUPS
from coprod_desktop.files import builtin as content

DEFAULT_TITLE = "Co-production workshop"
DEFAULT_GROUP_COUNT = 3
MAX_NAME_LENGTH = 40
MAX_TITLE_LENGTH = 200  # the session's title, place and facilitator


class SetupError(ValueError):
    """A set-up choice that cannot make a session; the message says which and why."""


@dataclass(frozen=True, slots=True)
class SetupChoices:
    title: str = DEFAULT_TITLE
    date: str = ""  # YYYY-MM-DD; empty means today
    venue: str = ""
    facilitator: str = ""
    board_id: str = content.DEFAULT_BOARD_ID
    deck_id: str = content.DEFAULT_DECK_ID  # empty: no built-in cards, only imported ones
    group_names: tuple[str, ...] = ()  # empty: "Group 1" .. "Group n" for group_count
    group_count: int = DEFAULT_GROUP_COUNT
    imported: tuple[CardDraft, ...] = field(default=(), compare=False)
    imported_from: str = ""  # the CSV file's name, for the deck's title


def default_group_names(count: int) -> list[str]:
    return [f"Group {i + 1}" for i in range(count)]


def parse_group_names(text: str) -> list[str]:
    """'Red, Blue\\nGreen' -> ['Red', 'Blue', 'Green']; empty entries are dropped."""
    return [" ".join(part.split()) for part in re.split(r"[,\n;]", text) if part.strip()]


def group_names(choices: SetupChoices) -> list[str]:
    """The names the session will have, checked: 1 to 12, distinct, not too long."""
    if choices.group_names:
        names = [" ".join(n.split()) for n in choices.group_names if n.strip()]
        if not names:
            raise SetupError("groups: give at least one group name")
    else:
        if not 1 <= choices.group_count <= MAX_GROUPS:
            raise SetupError(f"groups: {choices.group_count} groups; choose 1 to {MAX_GROUPS}")
        names = default_group_names(choices.group_count)
    if len(names) > MAX_GROUPS:
        raise SetupError(f"groups: {len(names)} names; a session has at most {MAX_GROUPS} groups")
    seen: set[str] = set()
    for name in names:
        if len(name) > MAX_NAME_LENGTH:
            raise SetupError(
                f'groups: "{name[:20]}..." is longer than {MAX_NAME_LENGTH} characters'
            )
        if name.casefold() in seen:
            raise SetupError(f'groups: two groups are called "{name}"')
        seen.add(name.casefold())
    return names


def workshop_date(choices: SetupChoices, now: datetime) -> str:
    """The session's 'created' value: the chosen day, or now when no day was chosen."""
    text = choices.date.strip()
    if not text:
        return now.isoformat(timespec="seconds")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise SetupError(f'date: "{text}" is not a date of the form YYYY-MM-DD') from None
    return now.isoformat(timespec="seconds") if day == now.date() else day.isoformat()


def build_deck(choices: SetupChoices) -> Deck:
    """The built-in deck (if chosen) followed by the imported cards."""
    if choices.deck_id:
        try:
            base = content.deck(choices.deck_id)
        except content.ContentError:
            known = ", ".join(content.builtin_decks())
            raise SetupError(
                f'deck: no built-in deck "{choices.deck_id}" (known: {known})'
            ) from None
    else:
        base = Deck("imported", "Imported cards", ())
    if not choices.imported:
        if not base.cards:
            raise SetupError("deck: no cards; choose a built-in deck or import cards")
        return base
    # A scratch session gives the imported cards ids that clash with nothing.
    scratch = Session("", "", base, content.board(), [])
    scratch.add_deck_cards(choices.imported)
    source = choices.imported_from or "imported cards"
    if choices.deck_id:
        return Deck(f"{base.id}-plus-imported", f"{base.title} + {source}", scratch.deck.cards)
    return Deck("imported", f"Cards from {source}", scratch.deck.cards)


def build_session(choices: SetupChoices, now: datetime | None = None) -> Session:
    """A new session; raises SetupError naming the choice that is wrong."""
    now = now or datetime.now().astimezone()
    title = " ".join(choices.title.split()) or DEFAULT_TITLE
    if len(title) > MAX_TITLE_LENGTH:
        raise SetupError(f"title: longer than {MAX_TITLE_LENGTH} characters")
    try:
        board = content.board(choices.board_id)
    except content.ContentError:
        known = ", ".join(content.builtin_boards())
        raise SetupError(
            f'board: no built-in board "{choices.board_id}" (known: {known})'
        ) from None
    names = group_names(choices)
    groups = [
        Group(f"g{i + 1}", name, GROUP_COLOURS[i % len(GROUP_COLOURS)])
        for i, name in enumerate(names)
    ]
    return Session(
        title=title,
        created=workshop_date(choices, now),
        deck=deck_for_board(build_deck(choices), board),
        board=board,
        groups=groups,
        venue=choices.venue.strip(),
        facilitator=choices.facilitator.strip(),
    )


# --- remembered between runs (the imported cards and the date are not) ------------

_REMEMBERED = ("title", "venue", "facilitator", "board_id", "deck_id", "group_names", "group_count")


def choices_to_dict(choices: SetupChoices) -> dict[str, Any]:
    data = asdict(choices)
    data["group_names"] = list(choices.group_names)
    return {k: data[k] for k in _REMEMBERED}


def choices_from_dict(data: Any) -> SetupChoices:
    """Whatever was stored, a valid SetupChoices: unknown or wrongly typed values fall back."""
    defaults = SetupChoices()
    if not isinstance(data, dict):
        return defaults
    values: dict[str, Any] = {}
    types = {f.name: type(getattr(defaults, f.name)) for f in fields(SetupChoices)}
    for key in _REMEMBERED:
        value = data.get(key)
        if key == "group_names":
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                values[key] = tuple(value)[:MAX_GROUPS]
        elif key == "group_count":
            if type(value) is int and 1 <= value <= MAX_GROUPS:
                values[key] = value
        elif isinstance(value, types[key]):
            values[key] = value
    if values.get("board_id") not in content.builtin_boards():
        values.pop("board_id", None)
    if values.get("deck_id") not in (*content.builtin_decks(), ""):
        values.pop("deck_id", None)
    if values.get("deck_id") == "":
        values.pop("deck_id")  # "imported only" needs a file this run: start from built-in
    return SetupChoices(**values)


# --- the session's details, after set-up -------------------------------------------


@dataclass(frozen=True, slots=True)
class SessionDetails:
    title: str
    created: str  # as stored: a date (YYYY-MM-DD) or the moment of set-up
    venue: str = ""
    facilitator: str = ""


def details_of(session: Session) -> SessionDetails:
    return SessionDetails(session.title, session.created, session.venue, session.facilitator)


def apply_details(session: Session, details: SessionDetails) -> SessionDetails:
    """Set the session's details; returns the old ones."""
    old = details_of(session)
    session.title, session.created = details.title, details.created
    session.venue, session.facilitator = details.venue, details.facilitator
    return old


def day_of(created: str) -> date | None:
    """The day a 'created' value names, or None when it is not an ISO date or date-time."""
    text = created.strip()
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        return None


def checked_details(
    old: SessionDetails, title: str, day: str, venue: str = "", facilitator: str = ""
) -> SessionDetails:
    """The details after an edit, checked; raises SetupError naming the field.

    day is YYYY-MM-DD. The same day as before keeps the old value (with its time of
    day); another day is stored as that date.
    """
    title = " ".join(title.split())
    if not title:
        raise SetupError("title: the session needs a title")
    values = {"title": title, "place": venue.strip(), "facilitator": facilitator.strip()}
    for name, value in values.items():
        if len(value) > MAX_TITLE_LENGTH:
            raise SetupError(f"{name}: longer than {MAX_TITLE_LENGTH} characters")
    try:
        new_day = date.fromisoformat(day.strip())
    except ValueError:
        raise SetupError(f'date: "{day}" is not a date of the form YYYY-MM-DD') from None
    created = old.created if day_of(old.created) == new_day else new_day.isoformat()
    return SessionDetails(title, created, values["place"], values["facilitator"])
