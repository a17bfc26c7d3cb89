"""Contradictions on the real corpus, sampled for a reader to judge (issue #12, item 4).

Prints figures and a sample; asserts nothing.  Ingests N articles of the corpus (drawn at random
with ``--seed``, so the same command gives the same articles) with the real CLI and one worker,
then prints how many contradictions the ledger holds, by kind, and K of them drawn at random with
the same seed, each with both sides' records (speaker, cue, content, stance toward the actor it is
about, date) and its explanation, so a reader can judge each one: is it a real contradiction of
one voice about one target?  Precision is what the reader judges, not a figure this script makes.

    python benchmarks/contradiction_sample.py --n 400 --k 20 --seed 7 [--across] [--db /tmp/c.db]

``--across`` also runs the cross-article search (``newsledger ingest --across``).  ``--recheck``
drops the ledger's contradictions and finds them again with the code as it is now, for every voice
of every run (the same search as ``--across``, which also finds those within one article), so one
full-corpus ledger, ingested once, can be judged again after a change to the contradictions stage
(use a copy: it rewrites the contradictions table).  ``--db`` keeps
the ledger; on an existing one the drawn articles are added (those already in it are no-ops), and
``--n 0`` only reports on it (so several seeds can grow one sample).  The corpus is
``$NEWSLEDGER_DATA/news_corpus`` (``--corpus FILE`` to choose another JSONL file).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

CORPUS = "news_corpus/wikinews_en_politics_economy.jsonl"


def draw_articles(corpus: Path, n: int, seed: int, out: Path) -> int:
    """Write ``n`` corpus lines drawn at random (seeded) to ``out``; how many were written."""
    lines = corpus.read_text(encoding="utf-8").splitlines()
    chosen = random.Random(seed).sample(range(len(lines)), min(n, len(lines)))
    out.write_text("".join(lines[i] + "\n" for i in sorted(chosen)), encoding="utf-8")
    return len(chosen)


def ingest(db: Path, articles: Path, across: bool) -> None:
    """The real CLI, one worker (the shared machine's CPU is scarce)."""
    exe = Path(sys.executable).with_name("newsledger")
    cmd = [str(exe), "ingest", "--db", str(db), "--workers", "1", str(articles)]
    if across:
        cmd.append("--across")
    done = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
    if done.returncode not in (0, 3):  # 3: some inputs were reported and skipped (not news)
        raise SystemExit(f"ingest failed with exit status {done.returncode}: {' '.join(cmd)}")


def _record(con: sqlite3.Connection, ref: dict[str, str]) -> dict[str, Any] | None:
    table, key = ("statements", "statement_id") if ref["type"] == "statement" else ("events", "event_id")
    row = con.execute(f"select * from {table} where {key} = ?", (ref["id"],)).fetchone()  # noqa: S608
    return dict(row) if row is not None else None


def _describe(rec: dict[str, Any] | None, kind: str) -> str:
    if rec is None:
        return "(record not found)"
    if kind == "statement":
        about = ", ".join(f"{a.get('name')}={a.get('stance')}" for a in json.loads(rec.get("about") or "[]"))
        flags = " NEGATED" * bool(rec.get("negated")) + " HYPOTHETICAL" * bool(rec.get("hypothetical"))
        head = (
            f"statement {rec.get('date')} [{rec.get('article_id')}] {rec.get('speaker_name')!s} "
            f"({rec.get('speaker_text')!s}) {rec.get('cue')}{flags}: {rec.get('content')!r}"
        )
        return head + (f"\n      about: {about}" if about else "")
    return (
        f"event {rec.get('date')} [{rec.get('article_id')}] {rec.get('cameo_code')} "
        f"{rec.get('source_name')} -> {rec.get('target_name')} ({rec.get('trigger')!r})"
    )


def _sentence(rec: dict[str, Any] | None) -> str:
    text = (rec or {}).get("sentence") or ""
    return textwrap.shorten(str(text), 300) if text else ""


def recheck(db: Path) -> int:
    """Drop the stored contradictions and search every run's voices again; how many were found."""
    from newsledger.crosscheck import check_run
    from newsledger.store.sql import open_store

    con = sqlite3.connect(db)
    runs = [r[0] for r in con.execute("select distinct run_id from articles where run_id is not null")]
    con.execute("delete from contradictions")
    con.commit()
    con.close()
    store = open_store(f"sqlite:///{db}")
    try:
        return sum(check_run(store, run_id) for run_id in runs)
    finally:
        store.close()


def _refs(row: dict[str, Any], side: str) -> list[dict[str, str]]:
    refs: list[dict[str, str]] = json.loads(row[f"{side}_records"] or "[]") or [
        {"type": row[f"{side}_type"], "id": row[f"{side}_id"]}
    ]
    return refs


def stance_consistency(con: sqlite3.Connection, rows: list[dict[str, Any]]) -> tuple[int, int]:
    """(held, cited): of the statements the findings cite, how many carry a stance (critical or
    supportive) in their own ``about`` toward an actor the finding's explanation names (the
    target; the finding's ``actor`` is the voice) -- the reading the explanation should repeat
    (issue #12, item 4).  A reader still checks that the stance words agree."""
    held = cited = 0
    for row in rows:
        for side in ("a", "b"):
            for ref in _refs(row, side):
                rec = _record(con, ref) if ref["type"] == "statement" else None
                if rec is None:
                    continue
                cited += 1
                about = json.loads(rec.get("about") or "[]")
                held += any(
                    a.get("stance") in ("critical", "supportive") and str(a.get("name")) in row["explanation"]
                    for a in about
                )
    return held, cited


def report(db: Path, k: int, seed: int) -> None:
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    rows = [dict(r) for r in con.execute("select * from contradictions order by contradiction_id")]
    n_articles = con.execute("select count(*) from articles").fetchone()[0]
    n_statements = con.execute("select count(*) from statements").fetchone()[0]
    print(f"articles {n_articles}, statements {n_statements}, contradictions {len(rows)}")
    print("by kind", dict(Counter(r["kind"] for r in rows)))
    print(
        "within one article",
        sum(1 for r in rows if r["article_id"]),
        "across articles",
        sum(1 for r in rows if not r["article_id"]),
    )
    held, cited = stance_consistency(con, rows)
    print(f"statements cited whose about gives an actor the explanation names a stance: {held} of {cited}")
    sample = random.Random(seed).sample(rows, min(k, len(rows)))
    for n, row in enumerate(sample, 1):
        print(f"\n#{n} {row['kind']} actor={row['actor_name']} ({row['actor_id']}) score={row['score']:.2f}")
        print("   " + textwrap.shorten(row["explanation"], 400))
        for side in ("a", "b"):
            refs = _refs(row, side)
            print(f"   {side} ({len(refs)} record(s)):")
            for ref in refs[:3]:
                rec = _record(con, ref)
                print("    - " + _describe(rec, ref["type"]))
                if _sentence(rec):
                    print("      sentence: " + _sentence(rec))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=400, help="articles to ingest")
    parser.add_argument("--k", type=int, default=20, help="contradictions to print")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", type=Path, help="keep the ledger here (default: a temporary file)")
    parser.add_argument("--corpus", type=Path, help="a JSONL corpus file")
    parser.add_argument("--across", action="store_true", help="also look across articles")
    parser.add_argument(
        "--recheck", action="store_true", help="find the contradictions of --db again with the current code"
    )
    args = parser.parse_args()
    corpus = args.corpus or Path(os.environ.get("NEWSLEDGER_DATA", "../shared/data")) / CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "ledger.db"
        if args.n:
            drawn = Path(tmp) / "articles.jsonl"
            print(f"ingesting {draw_articles(corpus, args.n, args.seed, drawn)} articles of {corpus}")
            ingest(db, drawn, args.across)
        if args.recheck:
            print(f"found again: {recheck(db)} contradictions")
        report(db, args.k, args.seed)


if __name__ == "__main__":
    main()
