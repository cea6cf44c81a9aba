"""Dialogs: set-up, session details, deck editor, CSV import preview, export, recovery, groups."""
