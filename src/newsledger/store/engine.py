"""Opening a ledger database safely from many processes at once.

SQLite: every connection runs in WAL mode with a busy timeout, so readers never wait for a
writer and a second writer waits its turn instead of failing; the driver's own implicit
transactions are switched off and SQLAlchemy's ``begin`` emits the ``BEGIN`` itself, so a write
transaction starts as ``BEGIN IMMEDIATE`` (it takes the write lock first and cannot fail half-way
on a lock upgrade) and a migration as ``BEGIN EXCLUSIVE`` (DDL then runs in one transaction that
no other process can interleave).  PostgreSQL: a migration holds a transaction-scoped advisory
lock.  Either way a second process that opens a new ledger waits for the first one's migration
and then finds the schema at head.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from ..errors import StoreError

#: How long one SQLite statement waits for another process's lock before it reports "busy".
BUSY_TIMEOUT_MS = 30_000
#: Execution option naming the SQLite ``BEGIN`` mode of a connection's transactions.
BEGIN_MODE = "newsledger_sqlite_begin"
#: Any constant works: every newsledger process asks PostgreSQL for the same advisory lock.
PG_MIGRATION_LOCK = 0x6E6C_6D69  # "nlmi"
#: A write that still finds the database busy after the busy timeout is tried this many times.
WRITE_ATTEMPTS = 5

T = TypeVar("T")


def normalise_url(url: str) -> str:
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if "://" not in url:  # a bare path is a SQLite file
        return f"sqlite:///{url}"
    return url


def _sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    # The busy timeout comes first: switching a new file to WAL needs a lock another process
    # may hold at that moment.
    dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (see _sqlite_begin)
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(BEGIN_MODE, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _postgres_connect(dbapi_conn: Any, _record: Any) -> None:
    # No JIT compilation: the explorer's aggregates cost more than jit_above_cost, and compiling
    # them took longer than running them (on 1,000,000 events a timeline by actor per week
    # 506 -> 239 ms, facets of a word search 502 -> 261 ms).
    cur = dbapi_conn.cursor()
    cur.execute("SET jit = off")
    cur.close()
    dbapi_conn.commit()


def make_engine(url: str) -> Engine:
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise StoreError(f"cannot open database {url!r} ({exc}); check --db / NEWSLEDGER_DB") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    elif engine.dialect.name == "postgresql":
        event.listen(engine, "connect", _postgres_connect)
    return engine


def writer(engine: Engine) -> Engine:
    """The engine for write transactions: on SQLite they take the write lock at ``BEGIN``."""
    return engine.execution_options(**{BEGIN_MODE: "IMMEDIATE"})


def is_busy(exc: BaseException) -> bool:
    """SQLite's "database is locked" / "database table is locked" (SQLITE_BUSY / SQLITE_LOCKED),
    or a PostgreSQL deadlock between two writers (one of them is told to try again)."""
    message = str(getattr(exc, "orig", exc)).lower()
    return isinstance(exc, OperationalError) and ("locked" in message or "deadlock detected" in message)


def _lost_migration_race(exc: BaseException) -> bool:
    """Busy, or DDL that found another process's tables: either way the next try re-reads the
    schema version and finds it at head."""
    return is_busy(exc) or "already exists" in str(getattr(exc, "orig", exc)).lower()


def retry_busy(
    action: Callable[[], T],
    *,
    attempts: int = WRITE_ATTEMPTS,
    retry_on: Callable[[BaseException], bool] = is_busy,
) -> T:
    """Run a whole transaction again when SQLite stays busy past its timeout (a long checkpoint
    or a writer in another process holding the lock) or PostgreSQL broke a deadlock by failing
    it; each try is a fresh transaction."""
    for attempt in range(1, attempts + 1):
        try:
            return action()
        except OperationalError as exc:
            if not retry_on(exc) or attempt == attempts:
                raise
            time.sleep(random.uniform(0.1, 0.5) * attempt)  # noqa: S311 - jitter, not security
    raise AssertionError("unreachable")  # pragma: no cover


def _alembic_config() -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("newsledger.store") / "migrations"))
    return cfg


def _at_head(conn: Connection, cfg: Any) -> bool:
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    heads = set(ScriptDirectory.from_config(cfg).get_heads())
    return set(MigrationContext.configure(conn).get_current_heads()) == heads


def migrate(engine: Engine, url: str) -> None:
    """Bring the schema to the latest alembic revision (a no-op when it is there), holding a
    lock that serialises migrations across processes."""
    try:
        # A new SQLite file can still answer "locked" past the busy timeout (switching it to WAL,
        # or a shared lock that cannot wait without deadlocking): the whole step is tried again,
        # and a retry finds the schema at head once the other process is done.
        retry_busy(lambda: _migrate_once(engine), retry_on=_lost_migration_race)
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot migrate database {url!r} ({exc})") from exc


def _migrate_once(engine: Engine) -> None:
    from alembic import command

    cfg = _alembic_config()
    with engine.connect() as conn:  # the common case: nothing to do, and no lock taken
        if _at_head(conn, cfg):
            return
    locking = engine.execution_options(**{BEGIN_MODE: "EXCLUSIVE"})
    with locking.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK})
        if _at_head(conn, cfg):  # another process migrated while we waited for the lock
            return
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
