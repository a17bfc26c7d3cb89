"""Property tests of the API's signed cursors (deterministic examples, see tests/conftest.py):
a cursor opens only unchanged, under the key and for the listing that signed it."""

from __future__ import annotations

import pytest
from fastapi import HTTPException
from hypothesis import given
from hypothesis import strategies as st

from newsledger.api.security import CursorSigner
from newsledger.store.query import encode_cursor

values = st.one_of(st.none(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30))
scopes = st.sampled_from(["events|date|desc", "events|date|asc", "articles||desc", "actors|name|asc"])


@given(value=values, record_id=st.text(min_size=1, max_size=20), scope=scopes, key=st.binary(min_size=1))
def test_a_signed_cursor_opens_to_what_was_signed(
    value: object, record_id: str, scope: str, key: bytes
) -> None:
    raw = encode_cursor([value, record_id])
    signer = CursorSigner(key)
    assert signer.open(scope, signer.sign(scope, raw)) == raw


@given(value=values, scope=scopes, position=st.integers(min_value=0), char=st.sampled_from("AZaz09-_.=x"))
def test_any_changed_character_is_refused(value: object, scope: str, position: int, char: str) -> None:
    signer = CursorSigner(b"key")
    signed = signer.sign(scope, encode_cursor([value, "id-1"]))
    i = position % len(signed)
    tampered = signed[:i] + char + signed[i + 1 :]
    if tampered == signed:
        return
    with pytest.raises(HTTPException) as refused:
        signer.open(scope, tampered)
    assert refused.value.status_code == 400


@given(value=values, scope=scopes, other=scopes)
def test_a_cursor_serves_only_its_listing_and_key(value: object, scope: str, other: str) -> None:
    signed = CursorSigner(b"key").sign(scope, encode_cursor([value, "id-1"]))
    with pytest.raises(HTTPException):
        CursorSigner(b"another key").open(scope, signed)
    if other != scope:
        with pytest.raises(HTTPException):
            CursorSigner(b"key").open(other, signed)
