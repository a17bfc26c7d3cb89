"""Reference documentation generated from the live code, so it cannot drift from it.

``python -m newsledger.docgen`` (or ``scripts/docs``) rewrites ``docs/CLI.md`` from each
command's ``--help`` and ``docs/API.md`` from the app's OpenAPI document; tests check that every
command, option and endpoint parameter appears there (as datasette does for its CLI).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from .api.reference import endpoints
from .config import ENV_DB

DOCS = Path(__file__).resolve().parents[2] / "docs"
#: Help is rendered at this width, whatever the terminal, so the file is the same everywhere.
WIDTH = 100


def commands() -> list[tuple[str, Any]]:
    """(name, click command) for every command of the CLI, in the order of `newsledger --help`."""
    import typer

    from .cli import app

    group: Any = typer.main.get_command(app)
    return list(group.commands.items())


def help_text(args: list[str]) -> str:
    from typer.testing import CliRunner

    from .cli import app

    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": str(WIDTH), ENV_DB: None})
    return result.stdout.rstrip() + "\n"


def cli_reference() -> str:
    parts = [
        "# Command-line reference\n",
        "Generated from the live CLI by `scripts/docs` (`python -m newsledger.docgen`); do not edit by hand.\n",
        "```\n" + help_text([]) + "```\n",
    ]
    for name, _command in commands():
        parts.append(f"## newsledger {name}\n\n```\n{help_text([name])}```\n")
    return "\n".join(parts)


def _cell(text: Any) -> str:
    return "" if text is None else str(text).replace("|", "\\|").replace("\n", " ")


def api_reference(spec: dict[str, Any]) -> str:
    info = spec.get("info", {})
    parts = [
        f"# REST API reference ({info.get('title', '')} {info.get('version', '')})\n",
        "Generated from the OpenAPI document by `scripts/docs`; the server shows the same at `/docs` "
        "and serves the document itself at `/openapi.json`.\n",
        info.get("description", "") + "\n",
    ]
    for e in endpoints(spec):
        parts.append(f"## {e['method']} {e['path']}\n\n{e['summary']}\n")
        if e["params"]:
            parts.append("| parameter | in | type | default | description |\n|---|---|---|---|---|")
            for p in e["params"]:
                name = f"`{p['name']}`" + (" (required)" if p["required"] else "")
                parts.append(
                    f"| {name} | {p['where']} | {_cell(p['type'])} | {_cell(p['default'])} | {_cell(p['description'])} |"
                )
            parts.append("")
    return "\n".join(parts)


def app_spec() -> dict[str, Any]:
    """The OpenAPI document of an app over an in-memory ledger (the document does not depend on it)."""
    from .api.app import create_app

    spec: dict[str, Any] = create_app("sqlite://").openapi()
    return spec


# --------------------------------------------------------------------------- export contract

#: Where docs/EXPORT_SCHEMA.md holds a generated field table: ``<!-- fields NAME -->`` .. end.
FIELD_BLOCK = re.compile(r"(<!-- fields (\w+) -->\n)(.*?)(<!-- end fields -->)", re.S)


def type_words(annotation: Any) -> str:
    """A field's type as the docs write it: ``str or null``, ``[NamedRef]``, ``day | month``."""
    from typing import Literal, get_args, get_origin

    args = get_args(annotation)
    if get_origin(annotation) is Literal:
        return " \\| ".join(str(a) for a in args)
    if get_origin(annotation) is list:
        return f"[{type_words(args[0])}]"
    if get_origin(annotation) is dict:
        return f"{{{type_words(args[0])}: {type_words(args[1])}}}"
    if args:  # a union: X | None
        return " or ".join("null" if a is type(None) else type_words(a) for a in args)
    return str(getattr(annotation, "__name__", annotation))


def field_table(name: str) -> str:
    """The field table of one record kind (``events``) or nested object (``ActorRef``)."""
    from .export import contract

    model = contract.KIND_MODELS.get(name) or getattr(contract, name)
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for field, info in model.model_fields.items():
        words = type_words(info.annotation) + (", may be absent" if contract.is_also(info) else "")
        rows.append(f"| `{field}` | {words} | {_cell(info.description)} |")
    return "\n".join(rows) + "\n"


def export_reference(text: str) -> str:
    """docs/EXPORT_SCHEMA.md with each generated field table rewritten from the contract."""
    return FIELD_BLOCK.sub(lambda m: m[1] + field_table(m[2]) + m[4], text)


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    (DOCS / "CLI.md").write_text(cli_reference())
    (DOCS / "API.md").write_text(api_reference(app_spec()))
    schema = DOCS / "EXPORT_SCHEMA.md"
    schema.write_text(export_reference(schema.read_text()))
    print(f"wrote {DOCS / 'CLI.md'}, {DOCS / 'API.md'} and the field tables of {schema}", file=sys.stderr)


if __name__ == "__main__":
    main()
