"""The web API holds no SQL (#13): it reads through the Store protocol (store/base.py), whose
methods keep their queries in store/; only SQLAlchemy's exception types may be named in api/."""

from __future__ import annotations

import re
from pathlib import Path

API = Path(__file__).parents[2] / "src" / "newsledger" / "api"
SQL_IMPORT = re.compile(
    r"^\s*(from sqlalchemy(?!\.exc)[\w.]* import|import sqlalchemy|from \.\.store(\.\w+)? import .*\b(schema|sql|SQLStore)\b)",
    re.MULTILINE,
)


def test_no_module_of_the_api_imports_sql_or_the_concrete_store() -> None:
    modules = sorted(API.glob("*.py"))
    assert len(modules) >= 5
    offenders = {p.name: SQL_IMPORT.findall(p.read_text()) for p in modules}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_pattern_catches_what_it_forbids() -> None:
    for line in ("from sqlalchemy import select", "import sqlalchemy as sa", "from ..store import schema",
                 "from ..store.sql import SQLStore", "    from sqlalchemy.orm import Session"):  # fmt: skip
        assert SQL_IMPORT.search(line), line
    assert not SQL_IMPORT.search("from sqlalchemy.exc import SQLAlchemyError")
    assert not SQL_IMPORT.search("from ..store.base import Store")
