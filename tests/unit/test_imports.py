"""Imports go one way (#13): no cycle among newsledger's modules at import time.

The graph is read from the source (``ast``), not by importing: an edge is an import a module runs
when it is imported (module level, class bodies, ``try``/``if`` blocks; not ``TYPE_CHECKING``
blocks), and in a second graph also an import inside a function, which runs later but ties the
modules together just the same.  A cycle names its modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
SKIP = ("migrations",)  # alembic's revision files are loaded by alembic, not imported


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in (SRC / "newsledger").rglob("*.py"):
        if any(part in SKIP for part in path.parts):
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if package else parts)] = (path, package)
    return found


def _absolute(module: str, package: bool, level: int, name: str) -> str:
    if level == 0:
        return name
    base = module.split(".")[: None if package else -1]
    base = base[: len(base) - (level - 1)]
    return ".".join([*base, name] if name else base)


def _imported_at_import_time(
    nodes: list[ast.stmt], *, in_functions: bool = False
) -> list[ast.Import | ast.ImportFrom]:
    """The imports a module runs when imported; with ``in_functions``, also those its functions
    run when called (a cycle through them is a cycle still, only a later one)."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found += _imported_at_import_time(node.orelse, in_functions=in_functions)
        elif in_functions or not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for field in ("body", "orelse", "finalbody"):
                found += _imported_at_import_time(getattr(node, field, []) or [], in_functions=in_functions)
            for handler in getattr(node, "handlers", []):
                found += _imported_at_import_time(handler.body, in_functions=in_functions)
    return found


def _graph(*, in_functions: bool = False) -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, (path, package) in modules.items():
        edges = graph.setdefault(module, set())
        body = ast.parse(path.read_text("utf-8")).body
        for node in _imported_at_import_time(body, in_functions=in_functions):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = _absolute(module, package, node.level, node.module or "")
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
            for target in targets:
                while target and target not in modules:  # an attribute of a module: that module
                    target = target.rpartition(".")[0]
                if target and target != module:
                    edges.add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    cycles.append(sorted(component))
    return cycles


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_the_graph_sees_the_package_imports() -> None:
    graph = _graph()
    assert "newsledger.knowledge.actors.kb" in graph["newsledger.knowledge.actors"]
    assert "newsledger.models" in graph["newsledger.knowledge.actors.kb"]


def test_no_import_cycle_at_import_time() -> None:
    assert _cycles(_graph()) == []


def test_the_graph_sees_imports_inside_functions_only_when_asked() -> None:
    # cli/serve.py imports the app inside the command (serving needs it; --help does not)
    assert "newsledger.api.app" not in _graph()["newsledger.cli.serve"]
    assert "newsledger.api.app" in _graph(in_functions=True)["newsledger.cli.serve"]


def test_no_import_cycle_through_imports_inside_functions() -> None:
    """An import put inside a function to dodge a cycle leaves the cycle in the design: the
    executor factory and the back ends, the pages and the doc generator import one way."""
    assert _cycles(_graph(in_functions=True)) == []
