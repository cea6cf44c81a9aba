"""The panels around the board: tray, details, group bar, list view, timer, Move to menu."""
