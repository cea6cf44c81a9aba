"""The bundle's entry point (PyInstaller runs this file as __main__)."""

from coprod_desktop.cli import main

raise SystemExit(main())
