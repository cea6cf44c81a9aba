"""What the app remembers between runs: recent sessions, window geometry, the last
set-up choices. Stored in QSettings; the app passes the user's settings, tests
pass a QSettings on a temporary file, and without settings nothing is stored.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from coprod_desktop.domain.errors import DomainError
from coprod_desktop.domain.room import check_room_code, new_room_code
from coprod_desktop.files.session_setup import SetupChoices, choices_from_dict, choices_to_dict
from coprod_desktop.ui.style.plain_text import menu_text

log = logging.getLogger(__name__)
MAX_RECENT = 8
RECENT_KEY = "recent/files"
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
CHOICES_KEY = "setup/last"
SINGLE_KEYS_KEY = "keys/single"  # "single", "off" or "modified" (ui/actions/single_keys.py)
PROJECTOR_KEY = "presenter/screen"  # the projector screen's name (ui/presenter)
ROOM_CODE_KEY = "room/code"  # the facilitator's room mode code: this computer's, not the file's


class RecentFiles(QObject):
    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._memory: dict[str, str] = {}  # used when there are no settings
        self._window: QWidget | None = None

    # --- storage: JSON text under each key, so every platform's backend reads it back -----
    def _get(self, key: str) -> object:
        raw = self.settings.value(key, "") if self.settings is not None else self._memory.get(key)
        if not isinstance(raw, str) or not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            log.warning("settings: ignoring an unreadable value under %s", key)
            return None

    def _set(self, key: str, value: object) -> None:
        text = json.dumps(value, ensure_ascii=False)
        if self.settings is None:
            self._memory[key] = text
        else:
            self.settings.setValue(key, text)
            self.settings.sync()

    # --- recent sessions ----------------------------------------------------------------
    def paths(self) -> list[Path]:
        """Most recent first; files that no longer exist are left out."""
        stored = self._get(RECENT_KEY)
        if not isinstance(stored, list):
            return []
        return [Path(p) for p in stored if isinstance(p, str) and Path(p).is_file()][:MAX_RECENT]

    def add(self, path: Path) -> None:
        path = path.resolve()
        stored = self._get(RECENT_KEY)
        previous = [p for p in stored if isinstance(p, str)] if isinstance(stored, list) else []
        self._set(RECENT_KEY, [str(path), *[p for p in previous if p != str(path)]][:MAX_RECENT])
        self.changed.emit()

    def clear(self) -> None:
        self._set(RECENT_KEY, [])
        self.changed.emit()

    # --- the window -------------------------------------------------------------------------
    def save_geometry(self, window: QWidget) -> None:
        self._set(GEOMETRY_KEY, bytes(window.saveGeometry().toBase64().data()).decode("ascii"))

    def watch_window(self, window: QWidget) -> bool:
        """Restore window's last geometry (True if there was one); save it when the app quits."""
        self._window = window
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self._save_watched)
        return self.restore_geometry(window)

    def _save_watched(self) -> None:
        window = self._window
        if window is not None:
            try:
                self.save_geometry(window)
            except RuntimeError:  # the window is already gone
                pass

    def restore_geometry(self, window: QWidget) -> bool:
        stored = self._get(GEOMETRY_KEY)
        if not isinstance(stored, str):
            return False
        return bool(window.restoreGeometry(QByteArray.fromBase64(stored.encode("ascii"))))

    # --- the last set-up choices ---------------------------------------------------------
    def last_choices(self) -> SetupChoices:
        return choices_from_dict(self._get(CHOICES_KEY))

    def remember_choices(self, choices: SetupChoices) -> None:
        self._set(CHOICES_KEY, choices_to_dict(choices))

    # --- the single-key shortcuts (WCAG 2.1.4) -------------------------------------------
    def single_key_mode(self) -> str:
        stored = self._get(SINGLE_KEYS_KEY)
        return stored if isinstance(stored, str) else "single"

    def remember_single_key_mode(self, mode: str) -> None:
        self._set(SINGLE_KEYS_KEY, mode)

    # --- the room mode code ---------------------------------------------------------------
    def projector_screen(self) -> str:
        """The name of the screen the facilitator last chose for the projector."""
        stored = self._get(PROJECTOR_KEY)
        return stored if isinstance(stored, str) else ""

    def remember_projector_screen(self, name: str) -> None:
        self._set(PROJECTOR_KEY, name)

    def room_code(self) -> str:
        """The code that unlocks room mode; four random digits the first time, kept."""
        stored = self._get(ROOM_CODE_KEY)
        if isinstance(stored, str):
            try:
                return check_room_code(stored)
            except DomainError:
                log.warning("settings: ignoring an unusable room code")
        code = new_room_code()
        self._set(ROOM_CODE_KEY, code)
        return code

    def remember_room_code(self, code: str) -> None:
        self._set(ROOM_CODE_KEY, check_room_code(code))


class RecentMenu(QMenu):
    """File > Open Recent: filled from RecentFiles each time it opens."""

    def __init__(
        self, recent: RecentFiles, opener: Callable[[Path], object], parent: QWidget | None = None
    ) -> None:
        super().__init__("Open &Recent", parent)
        self.recent = recent
        self.opener = opener
        self.aboutToShow.connect(self.refresh)
        self.triggered.connect(self._on_triggered)
        self.refresh()

    def refresh(self) -> None:
        self.clear()
        paths = self.recent.paths()
        for i, path in enumerate(paths):
            act = QAction(f"&{i + 1}  {menu_text(path.name)}", self)
            act.setData(str(path))
            act.setToolTip(str(path))
            act.setStatusTip(str(path))
            self.addAction(act)
        if not paths:
            empty = self.addAction("No recent sessions")
            empty.setEnabled(False)
        else:
            self.addSeparator()
            self.addAction("Clear the list").setData("")

    def _on_triggered(self, action: QAction) -> None:
        data = action.data()
        if data == "":
            self.recent.clear()
        elif isinstance(data, str):
            self.opener(Path(data))
