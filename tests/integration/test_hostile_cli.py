"""Hostile input end to end: one `newsledger ingest --workers 1` over a folder holding a hostile
file of each format (and gzipped), with low caps set by option.  Each file is stored or reported
with its named error, the good records around the bad ones are stored, the exit code is 3."""

from __future__ import annotations

import gzip
import json
import os
import random
from pathlib import Path

from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.store import open_store

WORDS = [
    "minister",
    "envoy",
    "talks",
    "ceasefire",
    "border",
    "troops",
    "summit",
    "court",
    "ruling",
    "budget",
    "protest",
    "treaty",
]
PERSIAN = "وزیر امور خارجه ایران روز دوشنبه در ژنو با همتای خود درباره آتش‌بس گفتگو کرد."


def _story(seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(f"The {' '.join(rng.choice(WORDS) for _ in range(9))} {seed}." for _ in range(3))


def _build(folder: Path) -> None:
    (folder / "bomb.txt.gz").write_bytes(gzip.compress(b"A" * 500_000))  # over the 50 kB cap set below
    (folder / "cut.html.gz").write_bytes(gzip.compress(f"<p>{_story(1)}</p>".encode())[:25])
    (folder / "deep.html").write_text("<html><body>" + "<div>" * 1_000 + _story(2) + "</div>" * 1_000)
    (folder / "page.html").write_text(
        f"<html><body><article><p>{_story(3)}</p><p>{_story(4)}</p></article></body></html>"
    )
    (folder / "random.txt").write_bytes(random.Random(5).randbytes(3000))
    (folder / "fa.txt").write_text(f"عنوان\n\n{PERSIAN}\n")
    lines = [
        json.dumps({"id": "n", "text": _story(6) + " NUL\u0000 and a lone \ud800 half."}),
        json.dumps({"id": "t", "text": 123}),
        json.dumps({"id": 1.5, "text": _story(7)}),
        "x" * 60_000,  # over max_document_bytes: skipped without being held
        json.dumps({"id": "g", "text": _story(8)}),
    ]
    (folder / "lines.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "more.jsonl.gz").write_bytes(gzip.compress(json.dumps({"id": "z", "text": _story(9)}).encode()))
    os.mkfifo(folder / "pipe.jsonl")


def test_each_hostile_file_is_stored_or_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _build(folder)
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    caps = ["--set", "max_document_bytes=50000", "--set", "max_decompressed_bytes=100000"]
    res = CliRunner().invoke(app, ["ingest", "--db", db, "--quiet", "--workers", "1", *caps, str(folder)])
    assert res.exit_code == 3, res.output
    store = open_store(db)
    errors = {(Path(e["origin"]).name, e["line"], e["code"]) for e in store.errors()}
    assert errors == {
        ("bomb.txt.gz", None, "NL-E108"),
        ("cut.html.gz", None, "NL-E104"),
        ("deep.html", None, "NL-E112"),
        ("random.txt", None, "NL-E102"),
        ("lines.jsonl", 2, "NL-E111"),
        ("lines.jsonl", 3, "NL-E111"),
        ("lines.jsonl", 4, "NL-E108"),
        ("pipe.jsonl", None, "NL-E109"),
    }
    rows = [store.raw_article(str(a["article_id"])) for a in store.iter_records("articles")]
    articles = {(Path(a["origin"]).name, a["origin_line"]): a for a in rows if a}
    assert set(articles) == {
        ("page.html", None),
        ("fa.txt", None),
        ("lines.jsonl", 1),
        ("lines.jsonl", 5),
        ("more.jsonl.gz", 1),
    }
    assert articles[("lines.jsonl", 1)]["text"].endswith("NUL and a lone \ufffd half.")
    persian = articles[("fa.txt", None)]
    assert persian["text"].encode("utf-8") == PERSIAN.encode("utf-8")  # stored, never mangled
    assert (persian["language"], persian["analysed"]) == ("fa", False)  # and reported not analysed
    assert "1 article not analysed: language fa" in res.output
