"""The command line: one module per command. No Qt until the window opens."""
