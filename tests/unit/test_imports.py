"""Imports go one way (#13): no cycle among newsledger's modules at import time.

The graph is read from the source (``ast``), not by importing: an edge is an import a module runs
when it is imported (module level, class bodies, ``try``/``if`` blocks; not ``TYPE_CHECKING``
blocks, not imports inside functions, which run later).  A cycle names its modules.
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


def _imported_at_import_time(nodes: list[ast.stmt]) -> list[ast.Import | ast.ImportFrom]:
    found: list[ast.Import | ast.ImportFrom] = []
    for node in nodes:
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found += _imported_at_import_time(node.orelse)
        elif not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for field in ("body", "orelse", "finalbody"):
                found += _imported_at_import_time(getattr(node, field, []) or [])
            for handler in getattr(node, "handlers", []):
                found += _imported_at_import_time(handler.body)
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, (path, package) in modules.items():
        edges = graph.setdefault(module, set())
        for node in _imported_at_import_time(ast.parse(path.read_text("utf-8")).body):
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
