"""Run every benchmark and write the report: `python bench/run.py [--quick] [--docs N] [--jobs N]`.

Runs extraction, store, memory and (when /usr/bin/chromium exists) viewer benchmarks, prints their
Markdown tables, and writes docs/benchmarks.md plus bench/results/benchmarks.json (raw figures and the
machine they were taken on, so two result files can be compared fairly). Works offline: the corpus is
generated from the shipped gazetteer and nothing is downloaded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import extraction
import memory
import spacy
import store
from report import markdown_page

import conflictkg

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results" / "benchmarks.json"
PAGE = BENCH_DIR.parent / "docs" / "benchmarks.md"
CHROMIUM = Path("/usr/bin/chromium")
PARTS = ("extraction", "store", "memory", "viewer")
QUICK_DOCS = 30
QUICK_STORE_DOCS = 200
QUICK_MEMORY = [100, 400]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options; --quick is a smoke run, the defaults a full run of about half a minute on 2 cores."""
    parser = argparse.ArgumentParser(description="conflictkg benchmarks: extraction, store, memory, viewer.")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_DOCS} synthetic documents per language")
    parser.add_argument("--docs", type=int, default=200, help="synthetic documents per language (default 200)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    parser.add_argument("--scale", type=int, default=10, help="the parallel run extracts this many times --docs "
                        "documents (default 10): worker start-up is paid once per build, not per 200 documents")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats per measurement; the best is kept")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--store-docs", type=int, default=10_000, help="documents for the store benchmark "
                        "(default 10,000: about 2.5M triples)")
    parser.add_argument("--big", action="store_true", help=f"store {store.BIG_DOCS:,} documents, Oxigraph only")
    parser.add_argument("--query-cap", type=float, default=10.0, help="seconds before a query is stopped and skipped")
    parser.add_argument("--memory-sizes", type=int, nargs="+", default=[1000, 10_000], help="documents per build")
    parser.add_argument("--parts", nargs="+", choices=PARTS, default=list(PARTS),
                        help="which benchmarks to run (default all)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON output (default bench/results/benchmarks.json)")
    parser.add_argument("--page", type=Path, default=PAGE, help="Markdown report (default docs/benchmarks.md)")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs, args.store_docs, args.memory_sizes, args.query_cap = QUICK_DOCS, QUICK_STORE_DOCS, QUICK_MEMORY, 3.0
    if args.docs < 1 or args.jobs < 1 or args.repeats < 1 or args.scale < 1:
        parser.error("--docs, --jobs, --repeats and --scale must be at least 1")
    return args


def _git_commit() -> dict[str, Any]:
    """The checkout's commit and whether the working tree had changes: results depend on the code measured."""
    def git(*cmd: str) -> str:
        return subprocess.run(["git", *cmd], cwd=BENCH_DIR, capture_output=True, text=True, check=True).stdout.strip()
    try:
        return {"commit": git("rev-parse", "HEAD"), "dirty": bool(git("status", "--porcelain", "--untracked-files=no"))}
    except (OSError, subprocess.CalledProcessError):
        return {"commit": None, "dirty": None}


def machine_info() -> dict[str, Any]:
    """What the figures were measured on; tokens/s only compare across runs on the same machine."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "platform": platform.platform(), "machine": platform.machine(), "processor": platform.processor(),
        "cpu_count": os.cpu_count(), "usable_cpus": usable,
        "python": platform.python_version(), "implementation": platform.python_implementation(),
        "spacy": spacy.__version__, "conflictkg": conflictkg.__version__,
        "date": datetime.now(UTC).isoformat(timespec="seconds"), **_git_commit(),
    }


def run_all(args: argparse.Namespace) -> dict[str, Any]:
    """Each benchmark in turn, the raw figures by name; each prints its own table as it finishes."""
    results: dict[str, Any] = {}
    if "extraction" in args.parts:
        results["extraction"] = extraction.benchmark(docs=args.docs, seed=args.seed, repeats=args.repeats,
                                                     jobs=args.jobs, scale=args.scale)
    if "store" in args.parts:
        results["store"] = store.benchmark(docs=store.BIG_DOCS if args.big else args.store_docs, seed=args.seed,
                                           jobs=args.jobs, repeats=3 if args.quick else 7, cap_s=args.query_cap,
                                           rdflib=not args.big)
    if "memory" in args.parts:
        results["memory"] = memory.benchmark(tuple(args.memory_sizes))
    if "viewer" in args.parts and CHROMIUM.exists():
        import viewer  # needs Selenium, and imports this module: loaded only when it will run
        viewer_json = args.out.parent / "viewer.json"
        sizes = ["300"] if args.quick else ["1000", "5000"]
        viewer.main(["--sizes", *sizes, "--repeats", "1" if args.quick else "3", "--out", str(viewer_json)])
        results["viewer"] = json.loads(viewer_json.read_text(encoding="utf-8"))["results"]
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks, write the JSON and the Markdown page, and report where they went."""
    args = parse_args(argv)
    machine = machine_info()
    if machine["usable_cpus"] and args.jobs > machine["usable_cpus"]:
        print(f"note: --jobs {args.jobs} but only {machine['usable_cpus']} CPUs usable; scaling will be poor")
    start = time.perf_counter()
    results = run_all(args)
    elapsed = time.perf_counter() - start
    command = " ".join(["python bench/run.py", *(sys.argv[1:] if argv is None else argv)])
    report = {"machine": machine, "command": command, "parts": args.parts,
              "settings": {"docs_per_language": args.docs, "jobs": args.jobs, "repeats": args.repeats,
                           "seed": args.seed, "store_docs": results["store"]["docs"] if "store" in results else None,
                           "query_cap_s": args.query_cap, "memory_sizes": args.memory_sizes},
              "elapsed_s": elapsed, "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    args.page.parent.mkdir(parents=True, exist_ok=True)
    args.page.write_text(markdown_page(report), encoding="utf-8")
    print(f"\nwrote {args.out} and {args.page} in {elapsed / 60:.1f} minutes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
