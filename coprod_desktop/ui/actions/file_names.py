"""A file name suggested from a title (a session's, a group's): no Qt, no dialogs."""

from __future__ import annotations


def file_stem(title: str) -> str:
    stem = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in title.strip().lower())
    return "-".join(part for part in stem.split("-") if part)[:60] or "session"
