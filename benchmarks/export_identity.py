"""Do two revisions of newsledger write the same exports?  The before/after check of a refactor.

Ingests the seed article and the first N corpus articles (``--workers 1``) with each revision's
code into its own SQLite ledger, exports every kind of record as JSONL and CSV, and compares the
files byte for byte.  Prints (and with ``--out`` writes) one line per file: records, SHA-256 of
both sides, identical or not, and for a difference the first differing records.

    NEWSLEDGER_DATA=/work/shared/data .venv/bin/python benchmarks/export_identity.py \\
        --before 1e3fad4 --after WORKTREE --articles 300 --out benchmarks/results/export_identity_300.txt

A revision is any git revision (its tree is copied out with ``git archive``) or ``WORKTREE``, the
files as they are now.  Both sides run with this interpreter and its installed dependencies;
each revision's ``src`` comes first on PYTHONPATH, and each side gets its own cache folder
(XDG_CACHE_HOME) so no compiled dictionary or gazetteer is shared between them.  Exit status 1
when any file differs; asserts nothing else.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import REPO, corpus_path, write_corpus  # noqa: E402

KINDS = ("articles", "actors", "events", "statements", "contradictions")
FORMATS = ("jsonl", "csv")
SEED = Path("examples") / "seed_article_2021-01-29.txt"
WORKTREE = "WORKTREE"


def revision_src(rev: str, folder: Path) -> tuple[Path, str]:
    """The ``src`` folder of ``rev`` and the commit it names (WORKTREE: this checkout as it is)."""
    if rev == WORKTREE:
        head = _git("rev-parse", "--short", "HEAD").strip()
        dirty = " + uncommitted changes" if _git("status", "--porcelain", "--", "src").strip() else ""
        return REPO / "src", f"worktree at {head}{dirty}"
    commit = _git("rev-parse", "--short", f"{rev}^{{commit}}").strip()
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", commit, "src"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src", commit


def _git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *args], check=True, capture_output=True, text=True).stdout


def run_side(name: str, src: Path, inputs: list[Path], folder: Path) -> tuple[dict[str, Path], float]:
    """Ingest ``inputs`` with the code in ``src`` and export every kind; the files and seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src), XDG_CACHE_HOME=str(folder / "cache"))
    db = f"sqlite:///{folder / 'ledger.db'}"
    cli = [sys.executable, "-m", "newsledger"]
    started = time.perf_counter()
    with (folder / "ingest.log").open("w") as log:
        subprocess.run(
            [*cli, "ingest", "--quiet", "--workers", "1", "--db", db, *map(str, inputs)],
            check=True,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    files: dict[str, Path] = {}
    for kind in KINDS:
        for fmt in FORMATS:
            out = folder / f"{kind}.{fmt}"
            subprocess.run(
                [*cli, "export", kind, "--db", db, "--format", fmt, "--out", str(out)],
                check=True,
                env=env,
                capture_output=True,
            )
            files[out.name] = out
    print(f"{name}: ingested and exported in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return files, time.perf_counter() - started


def compare(before: Path, after: Path, shown: int = 3) -> list[str]:
    """Report lines for one file: counts, hashes, and the first differing records."""
    a, b = before.read_bytes(), after.read_bytes()
    la, lb = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    same = a == b
    lines = [
        f"{before.name:28} {len(la):6} / {len(lb):6} lines  "
        f"{hashlib.sha256(a).hexdigest()[:16]} / {hashlib.sha256(b).hexdigest()[:16]}  "
        + ("identical" if same else "DIFFERENT")
    ]
    if not same:
        diff = [d for d in difflib.unified_diff(la, lb, lineterm="", n=0) if d[:1] in "+-"]
        lines += [f"    {d[:300]}" for d in diff[2 : 2 + 2 * shown]]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="main", help="git revision, or WORKTREE (default: main)")
    parser.add_argument("--after", default=WORKTREE, help="git revision, or WORKTREE (default)")
    parser.add_argument("--articles", type=int, default=300, help="corpus articles besides the seed")
    parser.add_argument("--data", help="data folder or corpus file (default: NEWSLEDGER_DATA)")
    parser.add_argument("--seed", type=Path, help="the seed article (default: ../examples/ of the data)")
    parser.add_argument("--out", type=Path, help="also write the report here")
    args = parser.parse_args()

    seed = args.seed or corpus_path(args.data).parent.parent.parent / SEED
    with tempfile.TemporaryDirectory(prefix="export_identity_") as tmp:
        folder = Path(tmp)
        corpus, n, words = write_corpus(corpus_path(args.data), args.articles, folder)
        inputs = [seed, corpus] if seed.is_file() else [corpus]
        report = [
            f"# export identity: {' + '.join(p.name for p in inputs)} ({n} corpus articles, {words:,} words),"
            f" ingest --workers 1, export {', '.join(FORMATS)} of {', '.join(KINDS)}"
        ]
        sides = {}
        for label, rev in (("before", args.before), ("after", args.after)):
            src, name = revision_src(rev, folder / f"{label}_tree")
            files, seconds = run_side(label, src, inputs, folder / label)
            sides[label] = files
            report.append(f"# {label}: {rev} = {name} ({seconds:.0f} s)")
        for name in sides["before"]:
            report += compare(sides["before"][name], sides["after"][name])
    differ = sum("DIFFERENT" in line for line in report)
    report.append(f"# {len(sides['before']) - differ} of {len(sides['before'])} files identical")
    text = "\n".join(report) + "\n"
    print(text, end="")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
