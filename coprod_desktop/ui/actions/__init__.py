"""What the menus and shortcuts do: file actions, handout export, recent files, autosave,
the action table."""
