"""Shared fixtures. Qt runs headless: the offscreen platform is set before any Qt import."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

EXAMPLE_SESSION = Path(__file__).resolve().parent.parent / "sessions" / "community-health-workshop.json"


@pytest.fixture
def example_path() -> Path:
    return EXAMPLE_SESSION
