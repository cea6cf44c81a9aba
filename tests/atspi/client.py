"""An AT-SPI client, the way a screen reader sees the app. Runs under Debian's system
python3 (python3-pyatspi), not in the project's venv: it talks to the app over D-Bus.

    /usr/bin/python3 tests/atspi/client.py tree [--app NAME] [--depth N] [--wait S]
        print the application's accessible tree as JSON: role, name, description,
        states, value (Value interface), text (Text interface), children
    /usr/bin/python3 tests/atspi/client.py events [--app NAME] [--timeout S] [--count N]
                                                  [EVENT ...]
        print "ready" once listening, then one JSON line per event of the given types
        (default: object:announcement, object:state-changed:focused,
        object:selection-changed, object:active-descendant-changed), until N events
        or S seconds have passed

DBUS_SESSION_BUS_ADDRESS must name the session bus the app uses. Exit status 3: the
application did not appear on the bus within --wait seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import pyatspi  # type: ignore[import-not-found]  # Debian's python3-pyatspi
from gi.repository import GLib  # type: ignore[import-not-found]

DEFAULT_EVENTS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:selection-changed",
    "object:active-descendant-changed",
)


def find_app(name: str, wait: float) -> Any:
    deadline = time.monotonic() + wait
    while True:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.name == name and app.childCount > 0:
                    return app
            except GLib.Error:
                continue
        if time.monotonic() > deadline:
            return None
        time.sleep(0.2)


def _states(acc: Any) -> list[str]:
    return sorted(pyatspi.stateToString(s) for s in acc.getState().getStates())


def describe(acc: Any) -> dict[str, Any]:
    """One object without its children; every failing property is left out, not fatal."""
    node: dict[str, Any] = {}
    for key, get in (
        ("role", acc.getRoleName),
        ("name", lambda: acc.name),
        ("description", lambda: acc.description),
        ("states", lambda: _states(acc)),
    ):
        try:
            node[key] = get()
        except GLib.Error as exc:  # the object went away mid-walk
            node.setdefault("errors", []).append(f"{key}: {exc.message}")
    try:
        value = acc.queryValue()
        node["value"] = value.currentValue
        text = getattr(value, "text", None)  # AT-SPI 2.46 has Value.Text
        if text:
            node["value_text"] = text
    except NotImplementedError:
        pass
    try:
        text_iface = acc.queryText()
        node["text"] = text_iface.getText(0, -1)
    except NotImplementedError:
        pass
    try:
        action = acc.queryAction()
        node["actions"] = [action.getName(i) for i in range(action.nActions)]
    except NotImplementedError:
        pass
    return node


def walk(acc: Any, depth: int) -> dict[str, Any]:
    node = describe(acc)
    children = []
    if depth != 0:
        try:
            count = acc.childCount
        except GLib.Error:
            count = 0
        for i in range(count):
            try:
                child = acc.getChildAtIndex(i)
            except GLib.Error:
                continue
            if child is not None:
                children.append(walk(child, depth - 1))
    node["children"] = children
    return node


def source_info(acc: Any) -> dict[str, Any]:
    try:
        return {"role": acc.getRoleName(), "name": acc.name}
    except Exception:  # noqa: BLE001 - a source can vanish before we read it
        return {}


def listen(app_name: str, types: list[str], timeout: float, count: int) -> int:
    seen = 0

    def on_event(event: Any) -> None:
        nonlocal seen
        try:
            app = event.host_application.name if event.host_application else ""
        except Exception:  # noqa: BLE001
            app = ""
        if app_name and app and app != app_name:
            return
        data = event.any_data
        record = {
            "type": event.type,
            "detail1": event.detail1,
            "detail2": event.detail2,
            "any_data": data if isinstance(data, str | int | float | bool) else None,
            "source": source_info(event.source),
            "time": round(time.monotonic(), 3),
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
        seen += 1
        if count and seen >= count:
            pyatspi.Registry.stop()

    for event_type in types:
        pyatspi.Registry.registerEventListener(on_event, event_type)
    GLib.timeout_add(int(timeout * 1000), lambda: (pyatspi.Registry.stop(), False)[1])
    # "ready" only after the registry has taken the listeners: a round trip first.
    GLib.idle_add(lambda: (print("ready", flush=True), False)[1])
    pyatspi.Registry.start()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tree = sub.add_parser("tree")
    tree.add_argument("--app", default="coprod-desktop")
    tree.add_argument("--depth", type=int, default=-1, help="-1: the whole tree")
    tree.add_argument("--wait", type=float, default=20.0)
    events = sub.add_parser("events")
    events.add_argument("--app", default="coprod-desktop")
    events.add_argument("--timeout", type=float, default=10.0)
    events.add_argument("--count", type=int, default=0, help="stop after N events (0: no limit)")
    events.add_argument("types", nargs="*", default=list(DEFAULT_EVENTS))
    args = parser.parse_args(argv)
    if args.command == "tree":
        app = find_app(args.app, args.wait)
        if app is None:
            print(f"no application {args.app!r} on the accessibility bus", file=sys.stderr)
            return 3
        json.dump(walk(app, args.depth), sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    return listen(args.app, args.types, args.timeout, args.count)


if __name__ == "__main__":
    sys.exit(main())
