"""Reading knowledge files: the shipped copy under ``knowledge/data`` or a user's own file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError

#: libyaml's parser behind PyYAML's safe constructors when PyYAML was built with it (the wheels
#: are): the same objects as ``yaml.safe_load`` (a test compares every shipped file) in a tenth
#: of the time; every process of an ingest reads ~0.2 CPU s of knowledge YAML at start.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(text: str) -> Any:
    """``yaml.safe_load(text)``, parsed by libyaml where available (see SAFE_LOADER)."""
    return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader


def shipped_text(name: str) -> str:
    """The text of ``knowledge/data/<name>`` as installed with the package."""
    return resources.files("newsledger.knowledge").joinpath(f"data/{name}").read_text("utf-8")


def load_yaml(path: str | Path | None, shipped: str, what: str) -> tuple[Any, str]:
    """The YAML of the user's file at ``path``, else of the shipped ``shipped`` file, with the
    origin to name in errors; a file that cannot be read or parsed is a KnowledgeError."""
    origin = str(path) if path else f"newsledger/knowledge/data/{shipped}"
    try:
        text = Path(path).read_text("utf-8") if path else shipped_text(shipped)
        return safe_load(text), origin
    except OSError as exc:
        raise KnowledgeError(f"cannot read {what} ({exc}); check the path", origin=origin) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(f"{what} is not valid YAML ({exc})", origin=origin) from exc
