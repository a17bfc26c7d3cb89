"""CPU seconds of our own work after spaCy, before and after a change, interleaved in one run.

On a machine shared with other jobs wall-clock times swing by half; CPU time of one process
does much less.  ``prepare`` parses N corpus articles once and keeps the spaCy docs (DocBin);
``measure`` then runs, in a fresh process per repetition, everything ingest does around the
parse (extraction, MinHash, every stage after ``nlp``, building results, the store's writes) on
those docs, and prints CPU seconds per part.  ``compare`` alternates two checkouts (``--src``
folders first on PYTHONPATH; "" is this one) for several repetitions and prints medians:

    git archive main | tar -x -C /tmp/before
    python benchmarks/stage_cpu.py prepare --n 200 --out /tmp/docs200
    python benchmarks/stage_cpu.py compare /tmp/docs200 --src /tmp/before/src,"" --reps 5
    python benchmarks/stage_cpu.py measure /tmp/docs200 --profile   # cProfile, top functions

Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from throughput import _probe_doc, corpus_path, records  # noqa: E402


def _setup(n: int, data: str | None) -> tuple[Any, Any, list[Any], list[Any]]:
    """The pipeline, its resources, and the raw documents and articles of N corpus records."""
    from newsledger.knowledge.outlets import OutletRegistry
    from newsledger.models import AnalyzedArticle, RawDocument
    from newsledger.pipeline import PipelineConfig, build_pipeline
    from newsledger.stages.extract import extract_article

    pipeline = build_pipeline(PipelineConfig())
    outlets = OutletRegistry.load(None)
    raw = [
        RawDocument("<bench>", i + 1, "jsonl", json.dumps(rec).encode(), "0" * 64)
        for i, rec in enumerate(records(corpus_path(data), n))
    ]
    articles = [extract_article(d, outlets) for d in raw]
    # every resource loaded before anything is timed: the steady state, not one-off loading
    # (the probe is too short to be analysed; the first corpus articles are)
    probe = [AnalyzedArticle(article=extract_article(_probe_doc(), outlets))]
    pipeline.run([probe[0].article, *articles[:4]])
    import newsledger.pipeline

    freeze = getattr(newsledger.pipeline, "freeze_heap", None)
    if freeze is not None:  # what process_batch does after a batch that loaded resources
        freeze()
    return pipeline, outlets, raw, articles


def cmd_prepare(args: argparse.Namespace) -> None:
    from spacy.tokens import DocBin

    from newsledger.models import AnalyzedArticle

    pipeline, _, _, articles = _setup(args.n, args.data)
    items = [AnalyzedArticle(article=a) for a in articles if a.analysed]
    pipeline.specs[0].func(items, pipeline.resources)  # the nlp stage
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    bin_ = DocBin(store_user_data=True)
    for item in items:
        bin_.add(item.doc)
    bin_.to_disk(out / "docs.spacy")
    (out / "meta.json").write_text(json.dumps({"n": args.n, "ids": [i.article.article_id for i in items]}))
    print(f"{len(items)} docs of {args.n} articles in {out}")


def _timed(times: dict[str, float], name: str, fn: Any, *a: Any) -> Any:
    s = time.process_time()
    out = fn(*a)
    times[name] += time.process_time() - s
    return out


def run_once(folder: Path, data: str | None, batch: int, prof: Any = None) -> dict[str, float]:
    from spacy.tokens import DocBin

    from newsledger.models import AnalyzedArticle
    from newsledger.stages import dedup
    from newsledger.stages.extract import extract_article
    from newsledger.stages.nlp import nlp_for, sentences_of
    from newsledger.store import Batch, SQLStore

    meta = json.loads((folder / "meta.json").read_text())
    pipeline, outlets, raw, _ = _setup(meta["n"], data)
    res = pipeline.resources
    docs = list(DocBin().from_disk(folder / "docs.spacy").get_docs(nlp_for(res).vocab))
    by_id = dict(zip(meta["ids"], docs, strict=True))
    times: dict[str, float] = defaultdict(float)
    with tempfile.TemporaryDirectory(prefix="nl-cpu-") as tmp:
        store = SQLStore(f"sqlite:///{tmp}/cpu.db")
        run_id = store.start_run(["bench"], list(pipeline.names))
        if prof is not None:
            prof.enable()
        for i in range(0, len(raw), batch):
            chunk = raw[i : i + batch]
            articles = _timed(times, "extract", lambda c: [extract_article(d, outlets) for d in c], chunk)
            minhashes = _timed(times, "minhash", _minhashes, dedup, articles)
            items = [AnalyzedArticle(article=a) for a in articles if a.article_id in by_id]
            for item in items:
                item.doc = by_id[item.article.article_id]
                item.sentences = sentences_of(item.doc)
            for spec in pipeline.specs[1:]:
                if spec.batch:
                    _timed(times, spec.name, spec.func, items, res)
                else:
                    for item in items:
                        _timed(times, spec.name, spec.func, item, res)
            results = _timed(times, "result", lambda its: [it.result() for it in its], items)
            _timed(times, "pickle", lambda r: pickle.loads(pickle.dumps(r, protocol=5)), results)
            batch_ = Batch(run_id, results=results, raw=chunk, minhashes=minhashes)
            _timed(times, "store", store.write_batch, batch_)
        if prof is not None:
            prof.disable()
        store.close()
    return dict(times)


def _minhashes(dedup: Any, articles: list[Any]) -> dict[str, Any]:
    sigs = {a.article_id: dedup.signature(a.text) for a in articles}
    return {aid: (dedup.to_bytes(mh), dedup.bands(mh)) for aid, mh in sigs.items()}


def cmd_measure(args: argparse.Namespace) -> None:
    folder = Path(args.folder)
    if args.sample:
        from pyinstrument import Profiler

        sampler = Profiler(interval=0.001)
        times = run_once(folder, args.data, args.batch_size, _Sampling(sampler))
        print(sampler.output_text(unicode=True, color=False, show_all=False), file=sys.stderr)
        print(sampler.output_text(unicode=True, color=False, flat=True), file=sys.stderr)
    elif args.profile:
        import cProfile
        import pstats

        prof = cProfile.Profile()
        times = run_once(folder, args.data, args.batch_size, prof)
        prof.dump_stats(folder / "cpu.prof")  # for pstats / snakeviz
        stats = pstats.Stats(prof, stream=sys.stderr).sort_stats(args.sort)
        stats.print_stats(args.top)
        if args.callers:
            stats.print_callers(args.callers)
    else:
        times = run_once(folder, args.data, args.batch_size)
    print(json.dumps(times))


class _Sampling:
    """A pyinstrument profiler behind cProfile's enable/disable names (see run_once)."""

    def __init__(self, profiler: Any) -> None:
        self.enable, self.disable = profiler.start, profiler.stop


def _short(name: str) -> str:
    return name.removeprefix("newsledger.").removesuffix(".v1")


#: How the repetitions of one part are summed up: the median, or the least (on a machine that
#: other jobs load, a run's CPU seconds grow with the contention; the least is the quietest run).
_STATS: dict[str, Any] = {"median": statistics.median, "min": min}


def cmd_compare(args: argparse.Namespace) -> None:
    srcs = args.src.split(",")
    runs: dict[str, list[dict[str, float]]] = {s: [] for s in srcs}
    for rep in range(args.reps):
        for src in srcs if rep % 2 == 0 else reversed(srcs):
            env = os.environ.copy()
            if src:
                env["PYTHONPATH"] = src
            cmd = [sys.executable, __file__, "measure", args.folder, "--batch-size", str(args.batch_size)]
            out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True).stdout
            runs[src].append(json.loads(out.strip().splitlines()[-1]))
            print(
                f"# rep {rep + 1} {src or 'this checkout'}: {sum(runs[src][-1].values()):.2f} s",
                file=sys.stderr,
            )
    parts = sorted(
        {k for rs in runs.values() for r in rs for k in r}, key=lambda k: -runs[srcs[0]][0].get(k, 0)
    )
    print(
        f"# CPU seconds, {args.stat} of {args.reps} interleaved runs; columns: "
        + " | ".join(s or "this" for s in srcs)
    )
    for part in [*parts, "total"]:
        meds = [
            _STATS[args.stat](sum(r.values()) if part == "total" else r.get(part, 0.0) for r in runs[s])
            for s in srcs
        ]
        ratio = f"  {meds[-1] / meds[0]:5.2f}x" if meds[0] else ""
        print(f"{_short(part):22s} " + " ".join(f"{m:8.2f}" for m in meds) + ratio)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=None)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare", help="parse N articles once, keep the docs")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--out", required=True)
    for name in ("measure", "compare"):
        p = sub.add_parser(name)
        p.add_argument("folder")
        p.add_argument("--batch-size", type=int, default=32)
        if name == "measure":
            p.add_argument("--profile", action="store_true", help="cProfile (exact counts, distorted times)")
            p.add_argument("--sample", action="store_true", help="pyinstrument (sampled, low overhead)")
            p.add_argument("--sort", default="tottime")
            p.add_argument("--top", type=int, default=50)
            p.add_argument("--callers", default="", help="also print who calls functions matching this")
        else:
            p.add_argument("--src", default="", help="comma-separated src folders; '' is this checkout")
            p.add_argument("--reps", type=int, default=5)
            p.add_argument("--stat", choices=sorted(_STATS), default="median")
    args = ap.parse_args(argv)
    {"prepare": cmd_prepare, "measure": cmd_measure, "compare": cmd_compare}[args.cmd](args)


if __name__ == "__main__":
    main()
