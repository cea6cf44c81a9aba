"""The board as a screen reader sees it: a real AT-SPI client (client.py, Debian's system
python3 with pyatspi), the app with a command channel (driver.py, the project's venv), and
the pytest fixture that starts a display, a session bus and both (fixture.py)."""
