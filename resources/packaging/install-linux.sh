#!/bin/sh
# Puts coprod-desktop in your applications menu with its icon, and makes a double-click
# on a session file open it. For you alone: no administrator password is needed.
# Run it from the app's folder (the build copies it there):
#
#     ./install-linux.sh              # install (again, after moving the folder)
#     ./install-linux.sh --uninstall  # take it out of the menu (the folder stays)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe="$here/coprod-desktop"
files="$here/_internal/coprod_desktop/resources/packaging"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
id=org.coprod_desktop.CoprodDesktop
sizes="16 24 32 48 64 128 256 512"

refresh() {
    if command -v update-mime-database >/dev/null; then update-mime-database "$data/mime"; fi
    if command -v update-desktop-database >/dev/null; then
        update-desktop-database "$data/applications" || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/$id.desktop" "$data/metainfo/$id.metainfo.xml" \
        "$data/mime/packages/coprod-desktop-mime.xml" "$data/icons/hicolor/scalable/apps/coprod-desktop.svg"
    for size in $sizes; do rm -f "$data/icons/hicolor/${size}x$size/apps/coprod-desktop.png"; done
    if [ -L "$HOME/.local/bin/coprod-desktop" ]; then rm -f "$HOME/.local/bin/coprod-desktop"; fi
    refresh
    echo "coprod-desktop is out of the applications menu; delete $here to remove the app."
    exit 0
fi

[ -x "$exe" ] || { echo "run this from the coprod-desktop folder ($exe is missing)" >&2; exit 1; }
mkdir -p "$data/applications" "$data/metainfo" "$data/mime/packages" "$data/icons" "$HOME/.local/bin"
cp -R "$files/icons/hicolor" "$data/icons/"
# The menu entry starts this folder's app by its full path (quoted: it may hold spaces).
sed "s|^Exec=coprod-desktop |Exec=\"$exe\" |" "$files/$id.desktop" >"$data/applications/$id.desktop"
cp "$files/$id.metainfo.xml" "$data/metainfo/"
cp "$files/coprod-desktop-mime.xml" "$data/mime/packages/"
ln -sf "$exe" "$HOME/.local/bin/coprod-desktop"  # for a terminal: coprod-desktop check FILE
refresh
echo "coprod-desktop is in the applications menu (Office); session files open with it."
