"""Packaging (issue 19): the icon, the desktop entry, the AppStream metadata, the MIME
type and the PyInstaller spec. Fast checks of the files only; .ci/bundle builds the
bundle and runs it (too slow for pytest)."""

from __future__ import annotations

import ast
import configparser
import re
import struct
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

from coprod_desktop import app
from coprod_desktop.files import builtin as content
from coprod_desktop.ui.style.app_icon import ICON_NAME, ICON_SIZES, app_icon, icon_paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "resources" / "packaging"
APP_ID = app.DESKTOP_FILE_NAME
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
MIME = PACKAGING / "coprod-desktop-mime.xml"
MIME_TYPE = "application/x-coprod-session"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_every_icon_size_is_a_png_of_that_size():
    assert {16, 32, 48, 64, 128, 256, 512} <= set(ICON_SIZES)
    for size, path in icon_paths().items():
        assert png_size(path) == (size, size)


def test_the_icon_is_found_through_the_resources_folder():
    """The same lookup as the decks: a clone, an installed wheel and the bundle."""
    assert all(p.is_relative_to(content.resources_dir()) for p in icon_paths().values())
    svg = PACKAGING / "icons" / "hicolor" / "scalable" / "apps" / f"{ICON_NAME}.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"


def test_the_window_icon_has_every_size(qapp):
    icon = app_icon()
    assert not icon.isNull()
    assert {s.width() for s in icon.availableSizes()} == set(ICON_SIZES)


def test_a_missing_icon_file_is_left_out(monkeypatch, tmp_path, qapp):
    monkeypatch.setattr("coprod_desktop.ui.style.app_icon.resources_dir", lambda: tmp_path)
    assert app_icon().isNull()


def test_windows_and_macos_icons_hold_the_pngs():
    ico = (PACKAGING / "icons" / f"{ICON_NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 6
    icns = (PACKAGING / "icons" / f"{ICON_NAME}.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    assert b"ic09" in icns  # 512 px


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_entry_opens_a_session_file_with_the_app():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split() == ["coprod-desktop", "%f"]  # the gui script and the bundle
    assert entry["Icon"] == ICON_NAME
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert entry["Terminal"] == "false"


def test_the_metainfo_names_the_desktop_entry_screenshot_and_this_release():
    from coprod_desktop import __version__

    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    image = root.findtext("screenshots/screenshot/image") or ""
    assert image.startswith("https://")
    assert (ROOT / image.split("/coprod-desktop/", 1)[1]).is_file()  # the README's screenshot
    release = root.find("releases/release")
    assert release is not None and release.get("version") == __version__
    assert release.find("description") is not None
    assert root.findtext("provides/mediatype") == MIME_TYPE


def test_the_mime_type_knows_a_saved_session_by_its_first_key():
    from coprod_desktop.files.session_file import session_to_json

    mime = ET.parse(MIME).getroot().find(f"{MIME_NS}mime-type")
    assert mime is not None and mime.get("type") == MIME_TYPE
    assert mime.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"
    saved = session_to_json(content.new_session()).encode("utf-8")
    matches = mime.findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert matches
    found = False
    for match in matches:
        start, _, end = match.get("offset").partition(":")
        value = match.get("value").encode("utf-8")
        found |= value in saved[int(start) : int(end or start) + len(value)]
    assert found, "no magic matches a session as the app saves it"
    globs = [g.get("pattern") for g in mime.findall(f"{MIME_NS}glob")]
    assert "*.coprod.json" in globs and "*.json" not in globs  # never claim all JSON


# The PyInstaller spec: its lists are literals, read here without running PyInstaller.

SPEC = PACKAGING / "coprod-desktop.spec"
LAUNCHER = PACKAGING / "launcher.py"
PACKAGE = ROOT / "coprod_desktop"


def spec_list(name: str) -> list[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{SPEC.name} has no {name} = [...]")


def package_imports() -> set[str]:
    """Every module the package imports anywhere (also inside functions)."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def excluded(module: str, excludes: list[str]) -> bool:
    return any(module == e or module.startswith(e + ".") for e in excludes)


def test_the_bundle_keeps_every_module_the_app_imports():
    excludes = spec_list("EXCLUDED_MODULES")
    used = package_imports()
    assert {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets"} <= used
    assert [m for m in sorted(used) if excluded(m, excludes)] == []
    # and what it leaves out is really left out: a Qt module the app does not use
    assert excluded("PySide6.QtNetwork", excludes) and excluded("PySide6.QtQml", excludes)
    assert not excluded("PIL.Image", excludes)  # ReportLab imports it unconditionally


def test_the_bundle_keeps_the_platforms_a_desktop_needs():
    plugins = spec_list("EXCLUDED_PLUGINS")
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "platforms/qwindows.dll",
        "platforms/libqcocoa.dylib",
        "wayland-shell-integration",
        "platforminputcontexts",
        "xcbglintegrations",
        "styles",
    ):
        assert not any(kept == p or kept.startswith(p + "/") for p in plugins), kept
    assert "platformthemes/libqgtk3.so" in plugins  # GTK and its libraries: about 15 MB


def test_the_bundle_holds_every_resource_folder_the_app_reads():
    bundled = spec_list("BUNDLED_RESOURCES")
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    read = set(re.findall(r'resources_dir\(\) / "([\w-]+)"', source))
    assert read - {"packaging"} <= set(bundled), read
    assert all((ROOT / "resources" / folder).is_dir() for folder in bundled)


def test_the_launcher_starts_the_same_entry_point_as_the_installed_scripts():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    target = pyproject["project"]["gui-scripts"]["coprod-desktop"]
    module, _, function = target.partition(":")
    assert f"from {module} import {function}" in LAUNCHER.read_text(encoding="utf-8")
    assert str(LAUNCHER.relative_to(PACKAGING)) in SPEC.read_text(encoding="utf-8")
    assert 'NAME = "coprod-desktop"' in SPEC.read_text(encoding="utf-8")


def test_the_ci_script_builds_with_the_readme_command():
    command = "pyinstaller --noconfirm resources/packaging/coprod-desktop.spec"
    assert command in (ROOT / ".ci" / "bundle").read_text(encoding="utf-8")
    assert f"uv run --group bundle {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_linux_bundle_carries_what_its_installer_copies():
    spec = SPEC.read_text(encoding="utf-8")
    installer = (PACKAGING / "install-linux.sh").read_text(encoding="utf-8")
    assert '"install-linux.sh"' in spec
    for name in (DESKTOP.name, METAINFO.name, MIME.name):
        assert f'"{name}"' in spec.replace(APP_ID, "org.coprod_desktop.CoprodDesktop")
        assert name.replace(APP_ID, "$id") in installer
    assert f"id={APP_ID}" in installer
    assert "_internal/coprod_desktop/resources/packaging" in installer  # the bundle's layout


def test_about_names_version_licences_and_where_work_is_kept(tmp_path):
    from coprod_desktop import __version__
    from coprod_desktop.ui.dialogs.about import about_text

    text = about_text(tmp_path / "<b>x</b>.json", tmp_path / "recovery")
    assert f"coprod-desktop {__version__}" in text
    assert f"{tmp_path / '<b>x</b>.json'}" in text and str(tmp_path / "recovery") in text
    for licence in (
        "MIT",
        "DejaVu",
        "Noto Emoji",
        "Open Font License",
        "LGPL version 3",
        "download.qt.io",
        "ReportLab",
        "BSD",
    ):
        assert licence in text
    assert "not saved yet" in about_text(None, tmp_path)


def test_help_about_opens_the_about_box(open_window, monkeypatch):
    shown = []
    monkeypatch.setattr(
        "coprod_desktop.ui.dialogs.about.QMessageBox.exec", lambda box: shown.append(box.text())
    )
    window = open_window(content.new_session())
    window.named_actions["about"].trigger()
    assert shown and "Recovery folder" in shown[0]
