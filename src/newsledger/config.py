"""Typed configuration: the stage options and the places newsledger reads and writes, from one
definition, settable from a file, the environment and the command line (later wins).

    newsledger ingest --config newsledger.toml --set require_dyad=true FILES...
    NEWSLEDGER_STATEMENT_SCOPE=all newsledger ingest FILES...

A file is TOML (``.toml``) or YAML (``.yaml``/``.yml``) with the option names as keys (a TOML file
may hold them under ``[newsledger]``).  Every option, its type, default and meaning is listed
in :class:`StageOptions` and :class:`Paths`, and in the README ("Configuration").  An unknown name
or a value of the wrong type is an error naming the option and where it came from.
"""

from __future__ import annotations

import os
import types
import typing
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal

from .errors import NewsledgerError

ENV_PREFIX = "NEWSLEDGER_"

# Every environment variable newsledger reads besides the NEWSLEDGER_<OPTION> stage options.
# This module is the only one that reads the environment (tests/unit/test_config.py greps src/
# for it); the CLI options that fall back on a variable take its name from here (click reads it).
ENV_DB = "NEWSLEDGER_DB"
ENV_DATA = "NEWSLEDGER_DATA"
ENV_CACHE = "NEWSLEDGER_CACHE"
ENV_CONFIG = "NEWSLEDGER_CONFIG"
ENV_WORKERS = "NEWSLEDGER_WORKERS"
ENV_TOKEN = "NEWSLEDGER_TOKEN"
ENV_SECRET = "NEWSLEDGER_SECRET"
ENV_XDG_CACHE = "XDG_CACHE_HOME"

#: Variable -> what it sets (the README's Configuration section lists each one; a test checks it).
ENVIRONMENT: dict[str, str] = {
    ENV_DB: "the ledger's database URL or SQLite path (default ./newsledger.db; --db wins)",
    ENV_DATA: "the shared data folder (gold files, corpora) evaluations and benchmarks read",
    ENV_CACHE: "where compiled caches go (gazetteer, dictionaries); off or empty disables them",
    ENV_CONFIG: "ingest: a TOML or YAML file of stage options (--config wins)",
    ENV_WORKERS: "ingest: worker processes (--workers wins)",
    ENV_TOKEN: "serve: the token that enables write endpoints (--token wins)",
    ENV_SECRET: "serve: the secret that signs paging cursors (default: the ledger's own key)",
    ENV_XDG_CACHE: "the cache's parent folder when NEWSLEDGER_CACHE is unset (default ~/.cache)",
}
StatementScope = Literal["speech", "attribution", "all"]


@dataclass(frozen=True)
class StageOptions:
    """Options of the pipeline's stages (frozen and picklable: workers get a copy).

    ``None`` on the three event-coding switches means "on with the shipped dictionaries, off
    with a user's ``--dictionaries`` folder" (the user's dictionaries are then taken as they are).
    """

    #: A batch also closes at this many characters of text (the runner; memory follows text).
    batch_chars: int = 120_000
    #: Input: the most bytes one document may hold (a file, a decompressed ``.html.gz`` or
    #: ``.txt.gz``, one JSONL line); a larger one is reported (NL-E108), never read whole.
    max_document_bytes: int = 20_000_000
    #: Input: the most bytes one ``.gz`` file may decompress to, all members together (a gzip
    #: bomb stops here with NL-E108; the JSONL records before the cap are kept).
    max_decompressed_bytes: int = 200_000_000
    #: Input: the most characters of text one article may have; a longer one is rejected
    #: (NL-E108) rather than cut, since a cut article would be stored as if it were whole.
    max_article_chars: int = 1_000_000
    #: Statements kept: "speech" (said, told, ...), "attribution" (also according to, believes,
    #: ...) or "all" (also verbs of writing and deciding).
    statement_scope: StatementScope = "speech"
    #: A YAML lexicon of framing terms that replaces the shipped one (framing, statements,
    #: contradictions).
    framing_lexicon: str | None = None
    #: A YAML file of speech cues (statement verbs) that replaces the shipped one.
    cues_file: str | None = None
    #: A YAML file of stance words that replaces the shipped one.
    stance_file: str | None = None
    #: Match actor dictionary entries on word stems too (PETRARCH itself does not stem).
    actor_stems: bool = False
    #: Places: smallest population a gazetteer town needs to be a candidate.
    gazetteer_min_population: int = 500
    #: Events: code only acts with both a source and a target actor.
    require_dyad: bool = False
    #: Events: merge mentions of one happening in an article into one event record.
    one_record_per_happening: bool = True
    #: Events: also code a statement whose words judge exactly one actor as criticism (111) or
    #: praise (051) of it.  Off by default: read from a stance lexicon, 5 of 30 such events
    #: sampled from the Wikinews corpus were right, and on 194 labelled Wikinews sentences they
    #: added 2 wrong events and no right one.
    stance_events: bool = False
    #: Events: add the shipped default verb patterns to the dictionaries (None: see above).
    verb_defaults: bool | None = None
    #: Events: code statements of intent with the codebook's intent codes (None: see above).
    intent_codes: bool | None = None
    #: Events: apply the ledger's coding conventions (None: see above).
    ledger_conventions: bool | None = None


@dataclass(frozen=True)
class Paths:
    """Where newsledger reads and writes (each also an environment variable, named here)."""

    #: NEWSLEDGER_DB: the ledger's database URL or SQLite path (default ./newsledger.db).
    db: str | None = None
    #: NEWSLEDGER_DATA: the shared data folder (gold files, corpora) evaluations read.
    data: str | None = None
    #: NEWSLEDGER_CACHE: where compiled caches (gazetteer, dictionaries) go (default
    #: $XDG_CACHE_HOME/newsledger or ~/.cache/newsledger; "off" or "" disables them).
    cache: str | None = None


def option_names() -> list[str]:
    return [f.name for f in fields(StageOptions)]


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _coerce(name: str, value: Any, hint: Any, origin: str) -> Any:
    """``value`` (a string from the environment or the CLI, or a file's typed value) as ``hint``."""
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        blank = value is None or (isinstance(value, str) and value.strip().lower() in ("", "none", "auto"))
        if blank and type(None) in args:
            return None
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    if typing.get_origin(hint) is Literal:
        if value in args:
            return value
        raise NewsledgerError(f"option {name} from {origin} is {value!r}; expected one of {', '.join(args)}")
    if hint is bool:
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in ("1", "true", "yes", "on"):
            return True
        if text in ("0", "false", "no", "off"):
            return False
    elif hint is int and not isinstance(value, bool):
        try:
            return int(value)
        except (TypeError, ValueError):
            pass
    elif hint is str and isinstance(value, (str, Path)):
        return str(value)
    raise NewsledgerError(
        f"option {name} from {origin} is {value!r}, not a {getattr(hint, '__name__', hint)}; "
        f"fix it there (options: {', '.join(option_names())})"
    )


def _apply(options: StageOptions, values: Mapping[str, Any], origin: str) -> StageOptions:
    hints = _hints(StageOptions)
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = key.strip().lower().replace("-", "_")
        if name not in hints:
            raise NewsledgerError(
                f"unknown option {key!r} in {origin}; known options: {', '.join(option_names())}"
            )
        changes[name] = _coerce(name, value, hints[name], origin)
    return replace(options, **changes)


def read_file(path: str | Path) -> dict[str, Any]:
    """The options in a TOML or YAML file (a TOML file may put them under ``[newsledger]``)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as exc:
        raise NewsledgerError(f"cannot read the configuration file {p} ({exc.strerror})") from exc
    try:
        if p.suffix == ".toml":
            import tomllib

            data: Any = tomllib.loads(text)
            data = data.get("newsledger", data)
        else:
            import yaml

            data = yaml.safe_load(text) or {}
    except ValueError as exc:  # tomllib.TOMLDecodeError and yaml.YAMLError are ValueErrors
        raise NewsledgerError(f"cannot parse the configuration file {p} ({exc})") from exc
    if not isinstance(data, dict):
        raise NewsledgerError(f"the configuration file {p} must map option names to values")
    return data


def from_environment(environ: Mapping[str, str] | None = None) -> dict[str, str]:
    """``NEWSLEDGER_<OPTION>`` variables (``NEWSLEDGER_REQUIRE_DYAD=true``)."""
    env = os.environ if environ is None else environ
    names = set(option_names())
    return {k[len(ENV_PREFIX) :].lower(): v for k, v in env.items() if k[len(ENV_PREFIX) :].lower() in names}


def parse_assignments(pairs: Iterable[str]) -> dict[str, str]:
    """``--set key=value`` arguments."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise NewsledgerError(f"--set {pair!r}: write it as NAME=VALUE, e.g. --set require_dyad=true")
        out[key.strip()] = value.strip()
    return out


def load_options(
    file: str | Path | None = None,
    assignments: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
) -> StageOptions:
    """Stage options from the defaults, then a file, then the environment, then ``--set``."""
    options = StageOptions()
    if file:
        options = _apply(options, read_file(file), str(file))
    options = _apply(options, from_environment(environ), "the environment")
    return _apply(options, parse_assignments(assignments), "--set")


#: The ledger a command opens when neither ``--db`` nor NEWSLEDGER_DB names one.
DEFAULT_URL = "sqlite:///newsledger.db"


def default_url() -> str:
    """The ledger's URL: NEWSLEDGER_DB, else ``newsledger.db`` in the working folder.  Here, not
    in the store, so that the CLI's checks read it without importing SQLAlchemy."""
    return paths().db or DEFAULT_URL


def paths(environ: Mapping[str, str] | None = None) -> Paths:
    """The environment's paths (the one place that reads NEWSLEDGER_DB / _DATA / _CACHE)."""
    env = os.environ if environ is None else environ
    return Paths(
        db=env.get(ENV_DB) or None,
        data=env.get(ENV_DATA) or None,
        cache=env.get(ENV_CACHE),  # "" or "off" disables caching: kept as given
    )


def cache_folder(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where compiled caches go: NEWSLEDGER_CACHE (``off``, ``0``, ``no``, ``false`` or empty:
    no cache), else ``$XDG_CACHE_HOME/newsledger``, else ``~/.cache/newsledger``."""
    env = os.environ if environ is None else environ
    configured = paths(env).cache
    if configured is not None:
        return None if configured.strip().lower() in ("", "0", "off", "no", "false") else Path(configured)
    return Path(env.get(ENV_XDG_CACHE) or Path.home() / ".cache") / "newsledger"


def server_secret(environ: Mapping[str, str] | None = None) -> str | None:
    """NEWSLEDGER_SECRET: the secret a server signs paging cursors with (None when unset or empty)."""
    env = os.environ if environ is None else environ
    return env.get(ENV_SECRET) or None
