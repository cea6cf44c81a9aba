"""No import cycles inside coprod_desktop.

The graph is read from the source with ast: an import at module level and one inside a
function both count (a function-level import only hides a cycle, it does not break it);
an import under `if TYPE_CHECKING:` does not, since it never runs.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = "coprod_desktop"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE

# Cycles the lead is fixing on another branch; remove an entry once it is gone from main.
KNOWN_CYCLES: set[frozenset[str]] = set()


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement that can run, skipping the bodies of `if TYPE_CHECKING:`."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _resolve(name: str, known: dict[str, Path]) -> str | None:
    """The innermost module of ours that importing name runs (a.b.c -> a.b.c or a.b)."""
    while name:
        if name in known:
            return name
        name = name.rpartition(".")[0]
    return None


def imports_of(module: str, path: Path, known: dict[str, Path]) -> set[str]:
    is_package = path.name == "__init__.py"
    targets: set[str] = set()
    for node in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = node.module or ""
            if node.level:
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, base] if base else anchor)
            # `from pkg import sub` imports the submodule pkg.sub when there is one.
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        for name in names:
            target = _resolve(name, known)
            if target is not None and target != module:
                targets.add(target)
    return targets


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_the_package_has_no_import_cycles() -> None:
    found = [c for c in cycles(import_graph()) if frozenset(c) not in KNOWN_CYCLES]
    assert found == []


def test_the_known_exceptions_are_still_cycles() -> None:
    """A fixed cycle must leave KNOWN_CYCLES, so it cannot come back unnoticed."""
    current = {frozenset(c) for c in cycles(import_graph())}
    assert KNOWN_CYCLES <= current


# --- the checker itself ------------------------------------------------------------------


def test_a_function_level_import_counts_and_a_type_checking_one_does_not(tmp_path) -> None:
    known = {"p.a": tmp_path / "a.py", "p.b": tmp_path / "b.py", "p.c": tmp_path / "c.py"}
    known["p.a"].write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from p.c import C\n"
        "def f():\n    from p.b import B\n",
        encoding="utf-8",
    )
    assert imports_of("p.a", known["p.a"], known) == {"p.b"}


def test_from_package_import_submodule_and_relative_imports_resolve(tmp_path) -> None:
    (tmp_path / "s").mkdir()
    known = {
        "p": tmp_path / "__init__.py",
        "p.s": tmp_path / "s" / "__init__.py",
        "p.s.x": tmp_path / "s" / "x.py",
        "p.s.y": tmp_path / "s" / "y.py",
    }
    known["p.s.x"].write_text("from p.s import y\nfrom . import y as z\n", encoding="utf-8")
    assert imports_of("p.s.x", known["p.s.x"], known) == {"p.s", "p.s.y"}


def test_a_cycle_is_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
