"""Extraction throughput next to spaCy's bare tokenizer, on the same texts, in one run.

A tokens-per-second figure alone depends on the machine; the ratio to `spacy.blank(lang)`'s
tokenizer, timed in the same process on the same documents, is the number that travels between
machines. Three paths are timed per language:

  tokenizer  `spacy.blank(lang).tokenizer` over each document (the floor any spaCy-based pipeline pays)
  extractor  `extract_document` over each document, single process
  parallel   `extract_all(..., jobs=N)`, pool start-up included, as `conflictkg build --jobs N` runs it

Each is run `repeats` times and the best (minimum) wall time kept: the minimum is the run least
disturbed by other load, and caches are warm on both sides. The lexicon load of the first
extraction (~1 s) is done before timing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import spacy
from corpus import Text, real_texts, synthetic_corpus

from conflictkg.build import Source, extract_all
from conflictkg.extract import Document, extract_document

__all__ = ["benchmark", "measure_language", "markdown_table", "texts_for"]

LANGS = ("ar", "en")


def texts_for(lang: str, docs: int, seed: int) -> list[Text]:
    """The benchmark documents of one language: `docs` synthetic ones, then the real samples in that language."""
    return synthetic_corpus(lang, docs, seed) + [t for t in real_texts() if t.lang == lang]


def best_of(run: Callable[[], Any], repeats: int) -> tuple[float, list[float], Any]:
    """Minimum wall time over `repeats` calls, every time, and the last call's result."""
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), times, result


def _rates(seconds: float, times: list[float], docs: int, tokens: int) -> dict[str, Any]:
    return {"seconds": seconds, "repeats": times, "tokens_per_s": tokens / seconds, "docs_per_s": docs / seconds}


def _event_count(documents: list[Document]) -> int:
    return sum(len(d.events) for d in documents)


def measure_language(lang: str, texts: list[Text], repeats: int = 3, jobs: int = 2) -> dict[str, Any]:
    """Raw figures for one language: sizes, the three timed paths, the headline ratio and the scaling."""
    tokenizer = spacy.blank(lang).tokenizer
    sources = [Source(t.name, t.text, t.name) for t in texts]
    extract_document(texts[0].text, doc_id="warm-up", lang=lang)  # lexicon load, excluded from timing

    tok_s, tok_times, _ = best_of(lambda: [tokenizer(t.text) for t in texts], repeats)
    one_s, one_times, documents = best_of(
        lambda: [extract_document(t.text, doc_id=t.name, lang=lang) for t in texts], repeats)
    par_s, par_times, par_documents = best_of(lambda: list(extract_all(sources, lang=lang, jobs=jobs)), repeats)
    if _event_count(par_documents) != _event_count(documents):
        raise RuntimeError(f"{lang}: jobs={jobs} found {_event_count(par_documents)} events, "
                           f"one process found {_event_count(documents)}")

    tokens = sum(1 for t in texts for token in tokenizer(t.text) if not token.is_space)
    docs = len(texts)
    speedup = one_s / par_s
    return {
        "lang": lang, "docs": docs, "chars": sum(len(t.text) for t in texts), "tokens": tokens,
        "sentences": sum(len(d.sentences) for d in documents), "events": _event_count(documents),
        "claims": sum(len(d.claims) for d in documents),
        "tokenizer": _rates(tok_s, tok_times, docs, tokens),
        "extractor": _rates(one_s, one_times, docs, tokens),
        "parallel": {**_rates(par_s, par_times, docs, tokens), "jobs": jobs},
        "ratio": tok_s / one_s,  # extractor throughput / tokenizer throughput
        "speedup": speedup,
        "efficiency": speedup / jobs,
    }


def _int(value: float) -> str:
    return f"{value:,.0f}"


def markdown_table(results: dict[str, dict[str, Any]]) -> str:
    """One row per language; tokens are spaCy blank-tokenizer tokens, the same count for every column."""
    jobs = next(iter(results.values()))["parallel"]["jobs"]
    header = ["lang", "docs", "tokens", "spaCy blank tok/s", "extractor tok/s", "extractor docs/s",
              "ratio extractor/spaCy", f"jobs={jobs} tok/s", "speed-up", "efficiency"]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in results.values():
        cells = [r["lang"], str(r["docs"]), _int(r["tokens"]), _int(r["tokenizer"]["tokens_per_s"]),
                 _int(r["extractor"]["tokens_per_s"]), f"{r['extractor']['docs_per_s']:.1f}",
                 f"{r['ratio']:.4f} (1/{1 / r['ratio']:.1f})", _int(r["parallel"]["tokens_per_s"]),
                 f"{r['speedup']:.2f}x", f"{r['efficiency']:.0%}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def benchmark(docs: int = 200, seed: int = 0, repeats: int = 3, jobs: int = 2,
              log: Callable[[str], None] = print) -> dict[str, dict[str, Any]]:
    """Measure both languages, print the Markdown table through `log`, and return the raw figures by language."""
    results = {}
    for lang in LANGS:
        texts = texts_for(lang, docs, seed)
        log(f"{lang}: {len(texts)} documents, {repeats} repeats ...")
        results[lang] = measure_language(lang, texts, repeats, jobs)
    log(markdown_table(results))
    return results
