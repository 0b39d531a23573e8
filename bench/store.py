"""Store benchmark: ingest rate and named-query latency, Oxigraph next to rdflib's default in-memory store.

    python bench/store.py                    # 10,000 documents (half Arabic, half English): ~2.5M triples, ~9 minutes
    python bench/store.py --big              # 100,000 documents (~25M triples) into Oxigraph alone

Synthetic documents are extracted once (`extract_all`, jobs=2) and held, so that only storage is timed.
The same documents are then stored twice:

  oxigraph  `KnowledgeGraph(tmpdir).add_document(doc)` per document, then a flush: the persistent store
            `conflictkg build` writes
  rdflib    `rdflib.Dataset()` (its default `Memory` store), one named graph per document, the same
            `document_triples(doc)`, plus the shipped ontology, lexicon and gazetteer graphs the queries need

Both ingest paths include the mapping from the document model to triples. Each named query then runs with
the same sample parameters on both stores: one untimed run first (warm caches; a query over the rdflib cap
on that run is skipped and reported), then `repeats` timed runs whose median and 95th percentile are kept.
The ratio is rdflib's median over Oxigraph's: how many times faster the store conflictkg uses answers.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from typing import Any

from corpus import synthetic_corpus
from rdflib import Dataset, Literal, URIRef

from conflictkg import KnowledgeGraph
from conflictkg.build import Source, extract_all
from conflictkg.extract import Document
from conflictkg.graph.iris import document_iri, event_iri
from conflictkg.graph.mapping import document_triples, label_triples
from conflictkg.graph.store import _shipped_sources
from conflictkg.ontology import LABELS_GRAPH
from conflictkg.queries import named_queries

__all__ = ["benchmark", "extract_corpus", "markdown_tables"]

# Sample values for every query parameter; names that occur in the synthetic corpus's gazetteer.
SAMPLE_PARAMS = {"actor": "Houthis", "target": "Israel", "place": "Syria", "claimant": "Gaza Health Ministry",
                 "since": "2020-01-01", "until": "2030-12-31"}
BIG_DOCS = 100_000  # about 25M triples: too many for rdflib's in-memory store, so Oxigraph alone


def extract_corpus(docs: int, seed: int = 0, jobs: int = 2) -> list[Document]:
    """`docs` synthetic documents, half Arabic and half English, extracted once with `jobs` workers."""
    documents: list[Document] = []
    for lang, count in (("ar", docs // 2), ("en", docs - docs // 2)):
        sources = [Source(t.name, t.text, t.name) for t in synthetic_corpus(lang, count, seed)]
        documents.extend(extract_all(sources, lang=lang, jobs=jobs))
    return documents


def ingest_oxigraph(documents: list[Document], path: str) -> tuple[KnowledgeGraph, dict[str, float]]:
    """Store every document in a persistent Oxigraph store; the store and the ingest figures."""
    kg = KnowledgeGraph(path)  # shipped graphs load here, outside the timing
    start = time.perf_counter()
    triples = sum(kg.add_document(doc) for doc in documents)
    kg.store.flush()
    seconds = time.perf_counter() - start
    return kg, {"triples": triples, "seconds": seconds, "triples_per_s": triples / seconds,
                "docs_per_s": len(documents) / seconds}


def ingest_rdflib(documents: list[Document]) -> tuple[Dataset, dict[str, float]]:
    """The same graphs in rdflib's default in-memory Dataset, with the shipped graphs added untimed."""
    dataset = Dataset(default_union=True)
    for graph, files in _shipped_sources().items():
        for f in files:
            dataset.graph(graph).parse(data=f.read_text(encoding="utf-8"), format="turtle")
    start = time.perf_counter()
    triples = 0
    labels = dataset.graph(LABELS_GRAPH)  # as KnowledgeGraph.add_document gathers them
    for doc in documents:
        graph = dataset.graph(document_iri(doc.doc_id))
        dataset.addN((s, p, o, graph) for s, p, o in document_triples(doc))
        dataset.addN((s, p, o, labels) for s, p, o in label_triples(doc))
        triples += len(graph)
    seconds = time.perf_counter() - start
    return dataset, {"triples": triples, "seconds": seconds, "triples_per_s": triples / seconds,
                     "docs_per_s": len(documents) / seconds}


def _bind(value: str) -> URIRef | Literal:
    """Parameters are bound the way `KnowledgeGraph.named_query` binds them: IRIs when they look like one."""
    return URIRef(value) if value.startswith(("http://", "https://")) else Literal(value)


class _Timeout(Exception):
    """Raised by SIGALRM inside a query that ran past the cap (rdflib evaluates in Python, so it stops)."""


def _alarm(signum: int, frame: object) -> None:
    raise _Timeout


def _timed(run: Callable[[], int], cap_s: float) -> tuple[float, int | None]:
    """Wall time of one run and its row count; None rows when it was stopped at `cap_s`."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, cap_s)
    start = time.perf_counter()
    try:
        rows: int | None = run()
    except _Timeout:
        rows = None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    return time.perf_counter() - start, rows


def _latency(run: Callable[[], int], repeats: int, cap_s: float) -> dict[str, Any]:
    """One untimed run (stopped and skipped at `cap_s`), then timed runs: median, p95, rows.

    Slow queries get fewer timed runs (as many as fit in `cap_s`, at least one) to bound the total time."""
    first, rows = _timed(run, cap_s)
    if rows is None:
        return {"skipped": f"stopped after {cap_s:.0f} s", "first_s": first}
    times = sorted(_timed(run, cap_s * 2)[0] for _ in range(max(1, min(repeats, int(cap_s / first)))))
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_s": statistics.median(times), "p95_s": p95, "rows": rows, "runs": times}


def query_latencies(kg: KnowledgeGraph, dataset: Dataset | None, event: str, repeats: int,
                    cap_s: float) -> dict[str, dict[str, Any]]:
    """Every named query on both stores with the sample parameters (defaults where the query has them)."""
    samples = SAMPLE_PARAMS | {"event": event}
    results = {}
    for name, q in named_queries().items():
        bindings = {k: _bind(samples.get(k) or default or "") for k, (default, _) in q.params.items()}
        ox = _latency(lambda q=q, b=bindings: len(list(kg.store.query(q.text, b))), repeats, cap_s)
        rl = _latency(lambda q=q, b=bindings: len(list(dataset.query(q.text, initBindings=b))), repeats, cap_s) \
            if dataset is not None else {"skipped": "rdflib not run"}
        row: dict[str, Any] = {"params": {k: str(v) for k, v in bindings.items()}, "oxigraph": ox, "rdflib": rl}
        if "median_s" in ox and "median_s" in rl:
            row["ratio"] = rl["median_s"] / ox["median_s"]
            row["same_rows"] = ox["rows"] == rl["rows"]
        results[name] = row
    return results


def benchmark(docs: int = 10_000, seed: int = 0, jobs: int = 2, repeats: int = 7, cap_s: float = 10.0,
              log: Callable[[str], None] = print, rdflib: bool = True) -> dict[str, Any]:
    """Extract, ingest into both stores, time the queries; print the tables through `log`, return raw figures.

    `rdflib=False` measures Oxigraph alone (for corpora whose graph would not fit rdflib's memory store)."""
    start = time.perf_counter()
    documents = extract_corpus(docs, seed, jobs)
    log(f"store: extracted {len(documents)} documents in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory(prefix="conflictkg-bench-store-") as tmp:
        kg, ox_ingest = ingest_oxigraph(documents, tmp)
        dataset, rdflib_ingest = ingest_rdflib(documents) if rdflib else (None, None)
        event = next(str(event_iri(d.doc_id, 0)) for d in documents if d.events)
        del documents
        log(f"store: {ox_ingest['triples']:,} triples; timing {len(named_queries())} queries ...")
        queries = query_latencies(kg, dataset, event, repeats, cap_s)
        kg.close()
    ratios = [r["ratio"] for r in queries.values() if "ratio" in r]
    results = {
        "docs": docs, "repeats": repeats, "cap_s": cap_s,
        "ingest": {"oxigraph": ox_ingest, **({"rdflib": rdflib_ingest} if rdflib else {})},
        "queries": queries,
        "median_ratio": statistics.median(ratios) if ratios else None,
        "geomean_ratio": statistics.geometric_mean(ratios) if ratios else None,
        "skipped": [n for n, r in queries.items() if "skipped" in r["rdflib"] or "skipped" in r["oxigraph"]],
    }
    log(markdown_tables(results))
    return results


def _ms(figure: dict[str, Any], key: str) -> str:
    return f"{figure[key] * 1000:,.1f}" if key in figure else "skipped"


def markdown_tables(results: dict[str, Any]) -> str:
    """An ingest table and a query table (milliseconds; ratio = rdflib median / Oxigraph median)."""
    lines = ["| store | documents | triples | seconds | triples/s | documents/s |", "|---|---:|---:|---:|---:|---:|"]
    for store, r in results["ingest"].items():
        lines.append(f"| {store} | {results['docs']:,} | {r['triples']:,} | {r['seconds']:.2f} "
                     f"| {r['triples_per_s']:,.0f} | {r['docs_per_s']:,.0f} |")
    lines += ["", "| query | rows | Oxigraph median ms | Oxigraph p95 ms | rdflib median ms | rdflib p95 ms "
              "| rdflib / Oxigraph |", "|---|---:|---:|---:|---:|---:|---:|"]
    for name, r in results["queries"].items():
        ox, rl = r["oxigraph"], r["rdflib"]
        rows = str(ox.get("rows", "")) + ("" if r.get("same_rows", True) else f" (rdflib {rl['rows']})")
        ratio = f"{r['ratio']:,.1f}x" if "ratio" in r else "n/a"
        lines.append(f"| {name} | {rows} | {_ms(ox, 'median_s')} | {_ms(ox, 'p95_s')} | {_ms(rl, 'median_s')} "
                     f"| {_ms(rl, 'p95_s')} | {ratio} |")
    if results["median_ratio"]:
        lines.append(f"\nMedian ratio over {len(results['queries']) - len(results['skipped'])} queries: "
                     f"{results['median_ratio']:,.1f}x (geometric mean {results['geomean_ratio']:,.1f}x).")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line for running the store benchmark on its own."""
    parser = argparse.ArgumentParser(description="Oxigraph store vs rdflib's in-memory store: ingest and queries.")
    parser.add_argument("--docs", type=int, default=10_000, help="documents to store (default 10,000)")
    parser.add_argument("--big", action="store_true", help=f"{BIG_DOCS:,} documents, Oxigraph only")
    parser.add_argument("--repeats", type=int, default=7, help="timed runs per query (default 7)")
    parser.add_argument("--cap", type=float, default=10.0, help="stop and skip a query past this (s)")
    args = parser.parse_args(argv)
    benchmark(docs=BIG_DOCS if args.big else args.docs, repeats=args.repeats, cap_s=args.cap, rdflib=not args.big)
    return 0


if __name__ == "__main__":
    sys.exit(main())
