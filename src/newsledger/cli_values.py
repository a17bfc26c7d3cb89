"""What the CLI checks before it asks the ledger: filter values a user typed, the ledger's path,
and how long text is cut for a table.

An unknown value is an error that names the right one ("Iran" -> IRN) instead of an empty
table, and a mistyped ``--db`` path is an error instead of a new, empty ledger.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from .errors import UsageError

ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY_CODE = re.compile(r"^[A-Za-z]{3}$")


# --------------------------------------------------------------------------- the ledger


def sqlite_path(url: str) -> Path | None:
    """The file a SQLite URL or bare path names; ``None`` for other databases and memory."""
    if "://" not in url:
        return Path(url)
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if path in ("", ":memory:") or path.startswith("file:"):
        return None
    return Path(path)


def check_ledger_exists(db: str | None) -> None:
    """A read command on a SQLite ledger that does not exist is an error, not a new empty file."""
    from .config import default_url, paths

    url = db or default_url()
    path = sqlite_path(url)
    if path is None or path.is_file():
        return
    which = "the default ledger" if db is None and not paths().db else "the ledger"
    raise UsageError(
        f"{which} {path.resolve()} does not exist; point --db (or NEWSLEDGER_DB) at an existing "
        f"ledger, or create one with `newsledger ingest FILES --db {path}`"
    )


def check_inputs_exist(inputs: list[str]) -> None:
    """Every input that is neither stdin nor a glob must exist."""
    missing = [p for p in inputs if p != "-" and not any(ch in p for ch in "*?[") and not Path(p).exists()]
    if missing:
        names = ", ".join(missing)
        raise UsageError(f"{names}: no such file or folder; check the path (relative to {Path.cwd()})")


# --------------------------------------------------------------------------- filter values


def country_code(value: str | None) -> str | None:
    """A three-letter country code as given (any case), upper-cased; a name or alpha-2 code is
    an error that names the alpha-3 code to use.

    Any three letters are a code: the ledger's countries are the first three letters of CAMEO
    actor codes, ISO 3166 alpha-3 for states (IRN) but also blocs and kinds of actor that ISO
    does not list (IGO, MNC, NGO, AFR, WEU, KSV, SUN ...), and facet links filter by them."""
    if value is None:
        return None
    text = value.strip()
    if COUNTRY_CODE.match(text):
        return text.upper()
    suggestion = _country_suggestion(text)
    hint = (
        f"; did you mean {suggestion}?"
        if suggestion
        else "; give an ISO 3166 alpha-3 code such as IRN or USA"
    )
    raise UsageError(f"unknown country {value!r}{hint}")


def _country_suggestion(text: str) -> str | None:
    import pycountry

    if len(text) == 2:
        found = pycountry.countries.get(alpha_2=text.upper())
        if found is not None:
            return f"{found.alpha_3} ({found.name})"
    try:  # an exact name, official name or code first; a fuzzy search only when there is none
        exact = pycountry.countries.lookup(text)
        return f"{exact.alpha_3} ({exact.name})"
    except LookupError:
        pass
    try:
        matches = pycountry.countries.search_fuzzy(text)
    except LookupError:
        return None
    return ", ".join(f"{m.alpha_3} ({m.name})" for m in matches[:3]) or None


def iso_date(value: str | None, option: str) -> str | None:
    """An ISO date at day, month or year precision; anything else is an error, and when
    dateparser can read it the error gives the ISO date it means."""
    if value is None:
        return None
    text = value.strip()
    if ISO_DATE.match(text) and _valid_iso(text):
        return text
    hint = "give an ISO date such as 2021-01-27, 2021-01 or 2021"
    meant = _read_date(text)
    if meant:
        hint = f"did you mean {option} {meant}? ({hint})"
    raise UsageError(f"cannot read {option} {value!r}; {hint}")


def _valid_iso(text: str) -> bool:
    parts = [int(p) for p in text.split("-")] + [1, 1]
    try:
        dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True


def _read_date(text: str) -> str | None:
    import dateparser

    parsed = dateparser.parse(text, languages=["en"], settings={"PREFER_DATES_FROM": "past"})
    return parsed.date().isoformat() if parsed else None


def actor_id(engine: Any, value: str | None, option: str = "--actor") -> str | None:
    """An actor id in the ledger; an exact (case-insensitive) canonical name stands for its actor;
    anything else is an error that lists actors with a similar name."""
    if value is None:
        return None
    from .store.lookup import actor_exists, actors_named

    text = value.strip()
    if actor_exists(engine, text):
        return text
    found = actors_named(engine, text)
    if (
        found
        and found[0]["name"].lower() == text.lower()
        and (len(found) == 1 or found[1]["name"].lower() != text.lower())
    ):
        return str(found[0]["actor_id"])
    if not found:
        raise UsageError(
            f"no actor {value!r} in the ledger; find its id with `newsledger actors` "
            f"(ids are in the first column)"
        )
    options = "; ".join(_describe_actor(a) for a in found)
    raise UsageError(f"no actor with id {value!r}; did you mean {option} {found[0]['actor_id']}? ({options})")


def _describe_actor(actor: dict[str, Any]) -> str:
    where = f", {actor['country']}" if actor["country"] else ""
    return f"{actor['actor_id']} = {actor['name']} ({actor['kind']}{where})"


# --------------------------------------------------------------------------- table cells


def shorten(text: str | None, width: int) -> str:
    """``text`` on one line, cut at the last word boundary before ``width`` with an ellipsis."""
    if not text:
        return ""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"
