"""Memory benchmark: peak RSS of `conflictkg build` into a persistent store, at several corpus sizes.

    python bench/memory.py                      # 1,000 and 10,000 documents
    python bench/memory.py --sizes 1000 10000

For each size, synthetic documents (half Arabic, half English) are written as .txt files to a temporary
directory and `python -m conflictkg build DIR --store S` runs in a child process, exactly as a user runs it.
The child's peak resident set size is its own memory's high-water mark (`VmHWM` in /proc/PID/status,
read every 20 ms until it exits). `os.wait4`'s `ru_maxrss` is not used: Linux carries a parent's peak
into a forked child across exec, so a child of a large benchmark process reported the parent's size.
Documents are stored as they are extracted, so the peak should stay roughly flat as the corpus grows;
the texts themselves are read up front, and they grow with the corpus (their size is reported).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import synthetic_corpus

__all__ = ["benchmark", "measure", "markdown_table"]


def write_corpus(folder: Path, docs: int, seed: int = 0) -> int:
    """Write `docs` synthetic documents as UTF-8 .txt files; returns their total size in bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for lang, count in (("ar", docs // 2), ("en", docs - docs // 2)):
        for text in synthetic_corpus(lang, count, seed):
            data = text.text.encode("utf-8")
            (folder / f"{text.name}.txt").write_bytes(data)
            total += len(data)
    return total


def _peak_rss_kib(child: subprocess.Popen) -> int:
    """The child's own peak RSS: its VmHWM, polled until it exits (the last reading is the peak so far)."""
    status, peak = Path(f"/proc/{child.pid}/status"), 0
    while child.poll() is None:
        try:
            hwm = next((line for line in status.read_text().splitlines() if line.startswith("VmHWM:")), None)
        except OSError:
            hwm = None
        if hwm is not None:
            peak = max(peak, int(hwm.split()[1]))
        time.sleep(0.02)
    return peak


def measure(docs: int, jobs: int = 1, seed: int = 0) -> dict[str, Any]:
    """Peak RSS (MiB), wall time and store size of one `conflictkg build` over `docs` generated documents."""
    with tempfile.TemporaryDirectory(prefix="conflictkg-bench-mem-") as tmp:
        corpus, store = Path(tmp) / "corpus", Path(tmp) / "store"
        text_bytes = write_corpus(corpus, docs, seed)
        cmd = [sys.executable, "-m", "conflictkg", "build", str(corpus), "--store", str(store), "--jobs", str(jobs)]
        start = time.perf_counter()
        with tempfile.TemporaryFile() as errors:
            child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors)
            peak_kib = _peak_rss_kib(child)
            seconds = time.perf_counter() - start
            if child.returncode != 0:
                errors.seek(0)
                raise RuntimeError(f"{' '.join(cmd)} failed: {errors.read().decode(errors='replace')}")
        store_bytes = sum(f.stat().st_size for f in store.rglob("*") if f.is_file())
    return {"docs": docs, "jobs": jobs, "peak_rss_mib": peak_kib / 1024, "seconds": seconds,
            "docs_per_s": docs / seconds, "text_mib": text_bytes / 2**20, "store_mib": store_bytes / 2**20}


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """One row per corpus size."""
    lines = ["| documents | text | peak RSS | build time | documents/s | store on disk |",
             "|---:|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['docs']:,} | {r['text_mib']:.1f} MiB | {r['peak_rss_mib']:.0f} MiB | {r['seconds']:.1f} s "
              f"| {r['docs_per_s']:.0f} | {r['store_mib']:.0f} MiB |" for r in rows]
    return "\n".join(lines)


def benchmark(sizes: tuple[int, ...] = (1000, 10_000), jobs: int = 1,
              log: Callable[[str], None] = print) -> list[dict[str, Any]]:
    """Measure each size, print the table through `log`, return the raw rows."""
    rows = []
    for docs in sizes:
        log(f"memory: building {docs:,} documents ...")
        rows.append(measure(docs, jobs))
    log(markdown_table(rows))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command line for running the memory benchmark on its own."""
    parser = argparse.ArgumentParser(description="Peak RSS of `conflictkg build` at several corpus sizes.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000], help="documents (default 1000 10000)")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the build (default 1: one process)")
    args = parser.parse_args(argv)
    benchmark(tuple(args.sizes), args.jobs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
