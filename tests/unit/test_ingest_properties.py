"""Property: ingesting any bytes, in any supported format (and gzipped), never raises an unhandled
exception, and every file is either read into articles or reported with a coded error.

Tested at the reading and extraction layers (what `newsledger ingest` runs before the pipeline);
tests/integration/test_hostile_cli.py runs the CLI once per format.  Deterministic (the
"newsledger" hypothesis profile in conftest.py); few examples each, since HTML extraction is slow.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import InputError
from newsledger.knowledge.outlets import OutletRegistry
from newsledger.models import Article, IngestError, RawDocument
from newsledger.runner import _documents
from newsledger.stages.extract import extract_article
from newsledger.stages.ingest import ReadLimits

OUTLETS = OutletRegistry.load()
LIMITS = ReadLimits(max_document_bytes=50_000, max_decompressed_bytes=100_000)
FIELDS = ["id", "title", "text", "date", "published", "url", "source", "author", "language", "categories"]

any_text = st.text(st.characters(exclude_categories=[]), max_size=80)  # lone surrogates and NUL too
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
body = st.text(st.characters(exclude_categories=[]), min_size=40, max_size=300)
records = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6) | st.fixed_dictionaries(
    {"text": body},  # a plausible record, so that many examples reach extraction and the store
    optional={"id": st.text(max_size=8) | st.integers(), "title": any_text, "date": any_text | st.none()},
)
prose = st.text(st.characters(exclude_categories=[]), max_size=400)
utf8_text = st.text(st.characters(codec="utf-8"), min_size=40, max_size=400)  # NUL and controls too
tags = st.sampled_from(["div", "p", "article", "b", "span", "script", "meta", "title", "html", "body"])


@st.composite
def html_pages(draw: st.DrawFn) -> bytes:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(tags)
        parts.append(draw(st.sampled_from([f"<{tag}>", f"</{tag}>", f"<{tag} content='{{}}'>", draw(prose)])))
    return "".join(parts).encode("utf-8", "surrogatepass")


def _jsonl(lines: list[Any]) -> bytes:
    out = []
    for line in lines:
        out.append(line if isinstance(line, bytes) else json.dumps(line).encode())
    return b"\n".join(out)


contents: dict[str, st.SearchStrategy[bytes]] = {
    "txt": st.binary(max_size=600)
    | prose.map(lambda t: t.encode("utf-8", "surrogatepass"))
    | st.tuples(any_text, utf8_text).map(lambda tb: f"{tb[0]}\n\n{tb[1]}".encode("utf-8", "surrogatepass")),
    "jsonl": st.binary(max_size=600) | st.lists(records | st.binary(max_size=80), max_size=5).map(_jsonl),
    "html": st.binary(max_size=600)
    | html_pages()
    | utf8_text.map(lambda t: f"<html><body><article><p>{t}</p><p>{t}</p></article></body></html>".encode()),
}


def _outcomes(name: str, data: bytes) -> list[Article | IngestError]:
    """What ingest makes of one file: an article or a coded error per document; never raises
    anything but an assertion."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        out: list[Article | IngestError] = []
        for doc in _documents([str(path)], None, LIMITS):
            if isinstance(doc, IngestError):
                out.append(doc)
                continue
            assert isinstance(doc, RawDocument)
            try:
                out.append(extract_article(doc, OUTLETS, max_chars=20_000))
            except InputError as exc:
                out.append(IngestError(exc.origin or doc.origin, exc.line, exc.code, exc.detail))
    return out


def _check(name: str, outcomes: list[Article | IngestError]) -> None:
    assert outcomes, f"{name} was neither read nor reported"
    for item in outcomes:
        if isinstance(item, Article):
            item.text.encode("utf-8")  # storable: no lone surrogates
            assert "\x00" not in item.text + item.title
        else:
            assert item.code.startswith("NL-E1") and item.message and item.origin.endswith(name)


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "html"])
@settings(max_examples=25)
@given(data=st.data())
def test_any_bytes_are_read_or_reported(fmt: str, data: st.DataObject) -> None:
    content = data.draw(contents[fmt])
    _check(f"in.{fmt}", _outcomes(f"in.{fmt}", content))


@pytest.mark.parametrize("fmt", ["txt", "jsonl", "html"])
@settings(max_examples=15)
@given(data=st.data())
def test_any_bytes_gzipped_or_not_are_read_or_reported(fmt: str, data: st.DataObject) -> None:
    content = data.draw(contents[fmt])
    packed = gzip.compress(content)
    cut = data.draw(st.integers(0, len(packed)))
    as_stored = data.draw(st.sampled_from([packed, packed[:cut], content]))  # whole, cut, or not gzip
    _check(f"in.{fmt}.gz", _outcomes(f"in.{fmt}.gz", as_stored))
