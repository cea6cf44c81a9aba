"""The bundle's entry point: PyInstaller runs this file as __main__ (coprod-desktop.spec)."""

from coprod_desktop.cli.main import main

raise SystemExit(main())
