"""python -m coprod_desktop"""

from coprod_desktop.cli import main

raise SystemExit(main())
