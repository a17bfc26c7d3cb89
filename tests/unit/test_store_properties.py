"""Property tests for the store's query builders (hypothesis; deterministic profile in
tests/conftest.py; the search syntax's in test_search_syntax.py): cursors round-trip
and reject garbage with a named error, and keyset paging visits every record exactly once in
order, whatever the page size, sort column and direction."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.errors import SearchQueryError, StoreError
from newsledger.store import Batch, SQLStore
from newsledger.store.query import ID_COLUMNS, SORT_COLUMNS, decode_cursor, encode_cursor

from ..records import result  # noqa: TID252

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
# Operators, quotes and brackets of FTS5's syntax, mixed with words.
FTS_SYNTAX = st.lists(
    st.sampled_from(
        ['"', "*", "(", ")", ":", "^", "-", "+", "AND", "OR", "NOT", "NEAR", "iran", "Zarif", "x"]
    ),
    max_size=12,
).map(" ".join)


SORT_VALUES = st.one_of(
    st.none(), st.text(max_size=20), st.integers(), st.floats(allow_nan=False, allow_infinity=False)
)


@given(value=SORT_VALUES, record_id=st.text(max_size=40))
def test_cursor_round_trips(value: object, record_id: str) -> None:
    assert decode_cursor(encode_cursor([value, record_id])) == [value, record_id]


@given(cursor=st.text(max_size=40))
def test_a_garbage_cursor_is_a_named_error_or_a_pair(cursor: str) -> None:
    try:
        decoded = decode_cursor(cursor)
    except StoreError as exc:
        assert "invalid cursor" in str(exc)
    else:
        assert isinstance(decoded, list) and len(decoded) == 2


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SQLStore]:
    store = SQLStore(f"sqlite:///{tmp_path_factory.mktemp('props') / 'ledger.db'}")
    # Ties and gaps on every sort column: three articles per publication day, one undated.
    days = ["2021-01-29", "2021-01-29", "2021-01-28", "2021-01-28", "2021-01-27", "2021-01-27", ""]
    store.write_batch(Batch("r", results=[result(i, published=days[i % len(days)]) for i in range(14)]))
    yield store
    store.close()


@given(
    kind=st.sampled_from(["articles", "events", "statements", "actors"]),
    data=st.data(),
    limit=st.integers(1, 16),
    descending=st.booleans(),
)
def test_paging_visits_every_record_once_in_order(
    ledger: SQLStore, kind: str, data: st.DataObject, limit: int, descending: bool
) -> None:
    sort = data.draw(st.sampled_from([*SORT_COLUMNS[kind], ID_COLUMNS[kind]]))
    everything, rest = ledger.page(kind, limit=1000, sort=sort, descending=descending)
    assert rest is None and everything
    seen: list[str] = []
    cursor = None
    for _ in range(len(everything) + 1):
        page, cursor = ledger.page(kind, limit=limit, cursor=cursor, sort=sort, descending=descending)
        assert len(page) <= limit
        seen += [r[ID_COLUMNS[kind]] for r in page]
        if cursor is None:
            break
    assert seen == [r[ID_COLUMNS[kind]] for r in everything]


@given(q=st.one_of(TEXT, FTS_SYNTAX), kind=st.sampled_from(["articles", "statements", "events", "actors"]))
def test_any_free_text_query_counts_or_is_refused_by_name(ledger: SQLStore, q: str, kind: str) -> None:
    try:
        assert 0 <= ledger.count(kind, q=q) <= ledger.count(kind)
    except SearchQueryError as exc:  # the search syntax's own message, never the index's error
        # articles, statements and (since migration 0011) events search a full-text index
        assert kind in ("articles", "statements", "events") and "could not be parsed" in str(exc)
