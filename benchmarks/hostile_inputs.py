"""Hostile and odd inputs through the real CLI: each case is built in a temporary folder, ingested
by `newsledger ingest --workers 1` in a child process, and reported with its exit code, what the
ledger holds afterwards (articles, error codes) and the child's peak RSS.

Prints figures; asserts nothing.  Goal (issue 14): every case handled with a named error, and a
peak RSS under 1 GB.

    python benchmarks/hostile_inputs.py                    # every case (~3-5 min on 2 cores)
    python benchmarks/hostile_inputs.py --cases gzip_bomb,deep_html --tiny 1000

Peak RSS is `getrusage(RUSAGE_CHILDREN).ru_maxrss` read by a wrapper process that runs only that
one ingest, so each figure belongs to one case (the largest process of the case's tree).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BODY = "The foreign minister met his counterpart in Geneva on Monday to discuss the ceasefire. "
PERSIAN = "وزیر امور خارجه ایران روز دوشنبه در ژنو با همتای خود درباره آتش‌بس گفتگو کرد. "
ARABIC = "التقى وزير الخارجية الإيراني بنظيره في جنيف يوم الاثنين لبحث وقف إطلاق النار. "
WORDS = [
    "minister",
    "talks",
    "ceasefire",
    "border",
    "troops",
    "election",
    "parliament",
    "protest",
    "sanctions",
    "treaty",
    "embassy",
    "envoy",
    "summit",
    "court",
    "ruling",
    "strike",
    "budget",
    "inflation",
    "refugees",
    "aid",
    "army",
    "rebels",
    "vote",
    "coalition",
    "president",
    "premier",
    "spokesman",
    "agency",
    "ministry",
    "reform",
    "oil",
    "gas",
    "trade",
    "tariff",
    "port",
    "harbour",
    "city",
]
MB = 1 << 20


def _gzip_repeated(path: Path, block: bytes, times: int) -> None:
    """A gzip file of ``times`` members, each ``block`` compressed: a bomb built in a second."""
    member = gzip.compress(block, compresslevel=9)
    with path.open("wb") as fh:
        for _ in range(times):
            fh.write(member)


def _story(seed: int) -> str:
    """A short text of its own (distinct enough that MinHash does not link two as duplicates)."""
    rng = random.Random(seed)
    return " ".join(f"The {' '.join(rng.choice(WORDS) for _ in range(10))} {seed}." for _ in range(4))


def _record(i: int, **extra: object) -> str:
    return json.dumps({"id": str(i), "title": f"Story {i}", "text": _story(i)} | extra)


# --------------------------------------------------------------------------- cases


def gzip_bomb(folder: Path) -> str:
    _gzip_repeated(folder / "bomb.txt.gz", b"\0" * (256 * MB), 40)  # 10 GB from ~10 MB
    _gzip_repeated(folder / "bomb.jsonl.gz", b"\n" * (256 * MB), 40)  # 10 GB of blank lines
    (folder / "good.txt").write_text(f"Good article\n\n{BODY * 3}\n")
    return "two .gz files inflating to 10 GB each, beside a good file"


def one_line_texts(folder: Path) -> str:
    with (folder / "50mb.txt").open("w") as fh:
        fh.write("Title\n\n" + "word " * (10 * MB))  # 50 MB on one line: over max_document_bytes
    (folder / "5mb.txt").write_text("Title\n\n" + "word " * MB)  # 5 MB: over max_article_chars
    with (folder / "lines.jsonl").open("w") as fh:
        fh.write(json.dumps({"id": "big", "text": "word " * (10 * MB)}) + "\n")  # one 50 MB line
        fh.write(json.dumps({"id": "5mb", "text": "word " * MB}) + "\n")  # 5 MB of text
        fh.write(_record(1) + "\n")
    return "50 MB and 5 MB one-line .txt; 50 MB and 5 MB JSONL lines beside a good one"


def deep_html(folder: Path) -> str:
    depth = 100_000
    page = "<html><body>" + "<div>" * depth + BODY * 5 + "</div>" * depth + "</body></html>"
    (folder / "deep.html").write_text(page)
    (folder / "unclosed.html").write_text("<html><body>" + "<b>" * depth + BODY * 5 + "</body></html>")
    return "HTML nested 100,000 deep (closed, and unclosed <b>)"


def nul_and_surrogates(folder: Path) -> str:
    with (folder / "odd.jsonl").open("w") as fh:
        fh.write(json.dumps({"id": "nul", "text": _story(1) + "NUL\u0000here."}) + "\n")
        fh.write(json.dumps({"id": "sur", "text": _story(2) + "lone \ud800 surrogate."}) + "\n")
    (folder / "nul.txt").write_bytes(("Title\n\n" + _story(3) * 30).encode() + b"\0 tail.\n")
    return "NUL and a lone surrogate in JSONL, a stray NUL in a .txt"


def wrong_types(folder: Path) -> str:
    rows = [
        {"id": "1", "text": 12345},
        {"id": "2", "text": ["a", "list"]},
        {"id": "3", "text": None},
        {"id": "4", "text": BODY, "date": {"year": 2021}},
        {"id": 5.5, "text": BODY},
        {"id": "6", "text": BODY, "title": ["a"]},
    ]
    lines = [json.dumps(r) for r in rows] + [_record(7)]
    (folder / "types.jsonl").write_text("\n".join(lines) + "\n")
    return "JSONL: text a number/list/null, date an object, id a float, title a list; one good line"


def special_files(folder: Path) -> str:
    os.mkfifo(folder / "feed.txt")
    sock = socket.socket(socket.AF_UNIX)
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        sock.bind("live.jsonl")  # left bound while the ingest runs
    finally:
        os.chdir(cwd)
    _KEEP.append(sock)
    (folder / "tty.txt").symlink_to("/dev/zero")  # out of the tree: reported, never read
    (folder / "good.txt").write_text(f"Good article\n\n{BODY * 3}\n")
    return "a FIFO, a socket and a link to /dev/zero in a folder"


def symlinks(folder: Path) -> str:
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "x.txt").write_text(f"Good article\n\n{BODY * 3}\n")
    (folder / "a" / "b" / "up").symlink_to(folder / "a")
    (folder / "self.txt").symlink_to(folder / "self.txt")
    (folder / "root").symlink_to("/")
    return "a link to an ancestor, a self loop, a link to /"


def unreadable(folder: Path) -> str:
    (folder / "locked.txt").write_text(f"Locked\n\n{BODY * 3}\n")
    (folder / "locked.txt").chmod(0)
    (folder / "good.txt").write_text(f"Good article\n\n{BODY * 3}\n")
    root = os.geteuid() == 0
    return "chmod 000 file" + (
        " (run as root: root reads it; tests/unit covers the error path)" if root else ""
    )


def tiny_files(folder: Path, n: int) -> str:
    rng = random.Random(14)
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        (folder / f"{i:05d}.txt").write_text(f"Item {i}\n\nThe {words} item {i}.\n")
    return f"{n:,} tiny .txt files"


def odd_names(folder: Path) -> str:
    for i, name in enumerate(
        ["with space.txt", "new\nline.txt", "tab\there.txt", "خبر فارسی.txt", "empty .txt"]
    ):
        (folder / name).write_text(f"Title {i}\n\n{_story(i)}\n" if "empty" not in name else "")
    with open(os.fsencode(folder) + b"/latin\xe9.txt", "wb") as fh:
        fh.write(f"Title\n\n{_story(99)}\n".encode())
    return "names with a space, newline, tab, Persian, non-UTF-8 bytes (one empty file)"


def persian_arabic(folder: Path) -> str:
    (folder / "fa.txt").write_text(f"عنوان\n\n{PERSIAN * 4}\n")
    (folder / "ar.txt").write_text(f"عنوان\n\n{ARABIC * 4}\n")
    (folder / "fa.jsonl").write_text(json.dumps({"id": "fa", "text": PERSIAN * 4}, ensure_ascii=False) + "\n")
    return "Persian and Arabic .txt and JSONL"


_KEEP: list[socket.socket] = []
CASES: dict[str, Callable[[Path], str]] = {
    "gzip_bomb": gzip_bomb,
    "one_line_texts": one_line_texts,
    "deep_html": deep_html,
    "nul_and_surrogates": nul_and_surrogates,
    "wrong_types": wrong_types,
    "special_files": special_files,
    "symlinks": symlinks,
    "unreadable": unreadable,
    "tiny_files": lambda folder: tiny_files(folder, 10_000),
    "odd_names": odd_names,
    "persian_arabic": persian_arabic,
}


# --------------------------------------------------------------------------- measuring


def measure(argv: list[str]) -> None:
    """Wrapper mode: run one command, print its exit code, seconds and its peak RSS as JSON."""
    started = time.perf_counter()
    done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    rss_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # kB on Linux
    tail = done.stderr.decode("utf-8", "replace")[-400:]
    print(
        json.dumps(
            {
                "rc": done.returncode,
                "seconds": time.perf_counter() - started,
                "rss_mb": rss_kb / 1024,
                "stderr": tail,
            }
        )
    )


def run_case(name: str, build: Callable[[Path], str], timeout: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix=f"hostile-{name}-") as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        what = build(folder)
        db = f"sqlite:///{Path(tmp) / 'ledger.db'}"
        newsledger = [
            str(Path(sys.executable).parent / "newsledger"),  # the console script beside python
            "ingest",
            "--workers",
            "1",
            "-q",
            "--db",
            db,
            str(folder),
        ]
        cmd = [sys.executable, __file__, "--measure", "--", *newsledger]
        try:
            out = subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
            figures = json.loads(out.stdout.decode().strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            figures = {"rc": "timeout", "seconds": timeout, "rss_mb": float("nan"), "stderr": ""}
        for p in folder.rglob("*"):  # let the temporary folder go (chmod 000 files and all)
            if not p.is_symlink():
                p.chmod(0o700)
        return {"case": name, "what": what, **figures, **_ledger(db)}


def _ledger(db: str) -> dict[str, object]:
    try:
        from newsledger.store import open_store

        store = open_store(db)
        codes = Counter(str(e["code"]) for e in store.errors())
        return {"articles": store.stats()["articles"], "codes": dict(sorted(codes.items()))}
    except Exception as exc:  # a case that killed the CLI leaves no ledger: say so, go on
        return {"articles": "-", "codes": {"no ledger": type(exc).__name__}}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        measure(sys.argv[3:])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated case names")
    parser.add_argument("--tiny", type=int, default=10_000, help="files in the tiny_files case")
    parser.add_argument("--timeout", type=int, default=900, help="seconds per case")
    parser.add_argument("--json", action="store_true", help="one JSON object per case")
    args = parser.parse_args()
    CASES["tiny_files"] = lambda folder: tiny_files(folder, args.tiny)
    print(
        f"{'case':<20} {'rc':>4} {'articles':>8} {'peak RSS':>9} {'seconds':>8}  error codes / what",
        flush=True,
    )
    for name in args.cases.split(","):
        result = run_case(name, CASES[name], args.timeout)
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
            continue
        codes = ", ".join(f"{c} x{n}" for c, n in result["codes"].items()) or "none"  # type: ignore[attr-defined]
        print(
            f"{name:<20} {result['rc']!s:>4} {result['articles']!s:>8} {result['rss_mb']:>6.0f} MB "
            f"{result['seconds']:>8.1f}  {codes}  [{result['what']}]",
            flush=True,
        )
        if result["rc"] not in (0, 3):
            print(f"    stderr: {result['stderr']}", flush=True)


if __name__ == "__main__":
    main()
