"""python -m coprod_desktop"""

from coprod_desktop.cli.main import main

raise SystemExit(main())
