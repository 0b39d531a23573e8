"""Run the extraction benchmark and save its figures: `python bench/run.py [--quick] [--docs N] [--jobs N]`.

Writes bench/results/extraction.json (raw figures plus the machine they were taken on, so two
result files can be compared fairly) and prints a Markdown table. Works offline: the corpus is
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

import spacy
from extraction import benchmark

import conflictkg

BENCH_DIR = Path(__file__).resolve().parent
RESULTS = BENCH_DIR / "results" / "extraction.json"
QUICK_DOCS = 30


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options; --quick is a smoke run, the defaults a full run of about half a minute on 2 cores."""
    parser = argparse.ArgumentParser(description="Arabic and English extraction throughput next to spaCy's tokenizer.")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_DOCS} synthetic documents per language")
    parser.add_argument("--docs", type=int, default=200, help="synthetic documents per language (default 200)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the parallel run (default 2)")
    parser.add_argument("--repeats", type=int, default=3, help="timed repeats per measurement; the best is kept")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="JSON output (default bench/results/extraction.json)")
    args = parser.parse_args(argv)
    if args.quick:
        args.docs = QUICK_DOCS
    if args.docs < 1 or args.jobs < 1 or args.repeats < 1:
        parser.error("--docs, --jobs and --repeats must be at least 1")
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


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write the JSON and report where it went and how long it took."""
    args = parse_args(argv)
    machine = machine_info()
    if machine["usable_cpus"] and args.jobs > machine["usable_cpus"]:
        print(f"note: --jobs {args.jobs} but only {machine['usable_cpus']} CPUs usable; scaling will be poor")
    start = time.perf_counter()
    results = benchmark(docs=args.docs, seed=args.seed, repeats=args.repeats, jobs=args.jobs)
    elapsed = time.perf_counter() - start
    report = {"machine": machine, "settings": {"docs_per_language": args.docs, "jobs": args.jobs,
                                               "repeats": args.repeats, "seed": args.seed},
              "elapsed_s": elapsed, "results": results}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out} in {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
