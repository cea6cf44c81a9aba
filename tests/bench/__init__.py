"""Benchmarks: each figure the app must meet, measured beside a baseline from the same run.

Run ``uv run python -m tests.bench`` (``--help`` for options). One module
per figure, each with ``measure(config) -> Result``; ``table`` prints them. The
benchmarks print and never fail: a slow machine is not a broken build.
Importing this package is cheap (no Qt, no ReportLab).
"""
