"""The outlet registry: an editable list of outlets keyed by domain and by the names they use.

The shipped registry (``data/outlets.yaml``) is a starting point; a user file with the same
format is read on top of it, and its entries win.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from ..models import OUTLET_TYPES
from .files import safe_load

# An outlet names itself at the head of an article: "(NCRI) and (PMOI / MEK Iran): ...",
# "WASHINGTON (Reuters) -", "TEHRAN, Jan. 27 (IRNA) --".
_HEAD_CHARS = 400
_PAREN = re.compile(r"\(([^()]{2,60})\)")


@dataclass(frozen=True, slots=True)
class Outlet:
    name: str
    type: str
    country: str | None = None
    domains: tuple[str, ...] = ()
    names: tuple[str, ...] = ()


class OutletRegistry:
    def __init__(self, outlets: list[Outlet]) -> None:
        self.outlets = outlets
        self._by_domain: dict[str, Outlet] = {}
        self._by_name: dict[str, Outlet] = {}
        for outlet in outlets:  # later entries (user files) override earlier ones
            for domain in outlet.domains:
                self._by_domain[domain.lower().removeprefix("www.")] = outlet
            for name in (outlet.name, *outlet.names):
                self._by_name[_key(name)] = outlet

    @classmethod
    def load(cls, user_file: str | Path | None = None) -> OutletRegistry:
        shipped = resources.files("newsledger.knowledge").joinpath("data/outlets.yaml").read_text("utf-8")
        outlets = _parse(safe_load(shipped), "newsledger/knowledge/data/outlets.yaml")
        if user_file:
            path = Path(user_file)
            try:
                outlets += _parse(safe_load(path.read_text("utf-8")), str(path))
            except (OSError, yaml.YAMLError) as exc:
                raise KnowledgeError(f"cannot read outlet registry ({exc})", origin=str(path)) from exc
        return cls(outlets)

    def by_domain(self, site: str | None) -> Outlet | None:
        if not site:
            return None
        host = site.lower().removeprefix("www.")
        while host:
            if host in self._by_domain:
                return self._by_domain[host]
            _, _, host = host.partition(".")
            if "." not in host:
                return self._by_domain.get(host)
        return None

    def by_name(self, name: str | None) -> Outlet | None:
        return self._by_name.get(_key(name)) if name else None

    def named_in_text(self, text: str) -> Outlet | None:
        """The outlet an article names in parentheses at its head, e.g. "(NCRI)"."""
        for match in _PAREN.finditer(text[:_HEAD_CHARS]):
            outlet = self.by_name(match.group(1))
            if outlet:
                return outlet
        return None

    def identify(self, *, site: str | None, name: str | None, text: str) -> Outlet | None:
        return self.by_domain(site) or self.by_name(name) or self.named_in_text(text)


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("’", "'")).strip().lower()


def _parse(data: Any, origin: str) -> list[Outlet]:
    if not isinstance(data, list):
        raise KnowledgeError(
            "outlet registry must be a YAML list of {name, type, domains, names}", origin=origin
        )
    outlets = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or "name" not in entry:
            raise KnowledgeError(f"entry {number} has no 'name'", origin=origin)
        kind = entry.get("type", "unknown")
        if kind not in OUTLET_TYPES:
            raise KnowledgeError(
                f"entry {number} ({entry['name']}) has type {kind!r}; use one of {', '.join(OUTLET_TYPES)}",
                origin=origin,
            )
        outlets.append(
            Outlet(
                name=str(entry["name"]),
                type=kind,
                country=entry.get("country"),
                domains=tuple(entry.get("domains") or ()),
                names=tuple(str(n) for n in entry.get("names") or ()),
            )
        )
    return outlets
