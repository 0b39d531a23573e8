"""Extraction throughput next to spaCy's bare tokenizer, on the same texts, in one run.

A tokens-per-second figure alone depends on the machine; the ratio to `spacy.blank(lang)`'s
tokenizer, timed in the same process on the same documents, is the number that travels between
machines. Three paths are timed per language:

  tokenizer  `spacy.blank(lang).tokenizer` over each document (the floor any spaCy-based pipeline pays)
  extractor  `extract_document` over each document, single process
  parallel   `extract_all(..., jobs=N)` next to `extract_all(..., jobs=1)`, as `conflictkg build` runs them,
             pool start-up included, on a corpus `scale` times larger: --jobs is for corpora, and on the
             ratio's 200 documents (a third of a second) starting the workers alone was a tenth of the time

Each is run `repeats` times and the best (minimum) wall time kept: the minimum is the run least
disturbed by other load, and caches are warm on both sides. The tokenizer and the extractor take
turns, so that a burst of load from elsewhere falls on both sides of the ratio, not on one. The
lexicon load of the first extraction (~1 s) is done before timing.
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


def measure_language(lang: str, texts: list[Text], repeats: int = 3, jobs: int = 2,
                     corpus: list[Text] | None = None) -> dict[str, Any]:
    """Raw figures for one language: sizes, the three timed paths, the headline ratio on `texts` and the
    scaling on `corpus` (default: `texts`)."""
    tokenizer = spacy.blank(lang).tokenizer
    extract_document(texts[0].text, doc_id="warm-up", lang=lang)  # lexicon load, excluded from timing

    # the two sides of the ratio take turns, so that load coming and going on the machine meets both
    tok_times, one_times, documents = [], [], []
    for _ in range(repeats):
        tok_times.append(best_of(lambda: [tokenizer(t.text) for t in texts], 1)[0])
        seconds, _, documents = best_of(lambda: [extract_document(t.text, doc_id=t.name, lang=lang)
                                                 for t in texts], 1)
        one_times.append(seconds)
    tok_s, one_s = min(tok_times), min(one_times)

    corpus = corpus or texts
    sources = [Source(t.name, t.text, t.name) for t in corpus]
    serial_s, serial_times, serial_documents = best_of(lambda: list(extract_all(sources, lang=lang)), repeats)
    par_s, par_times, par_documents = best_of(lambda: list(extract_all(sources, lang=lang, jobs=jobs)), repeats)
    if _event_count(par_documents) != _event_count(serial_documents):
        raise RuntimeError(f"{lang}: jobs={jobs} found {_event_count(par_documents)} events, "
                           f"one process found {_event_count(serial_documents)}")

    tokens = sum(1 for t in texts for token in tokenizer(t.text) if not token.is_space)
    corpus_tokens = sum(1 for t in corpus for token in tokenizer(t.text) if not token.is_space)
    docs = len(texts)
    speedup = serial_s / par_s
    return {
        "lang": lang, "docs": docs, "chars": sum(len(t.text) for t in texts), "tokens": tokens,
        "sentences": sum(len(d.sentences) for d in documents), "events": _event_count(documents),
        "claims": sum(len(d.claims) for d in documents),
        "tokenizer": _rates(tok_s, tok_times, docs, tokens),
        "extractor": _rates(one_s, one_times, docs, tokens),
        "serial": {**_rates(serial_s, serial_times, len(corpus), corpus_tokens), "docs": len(corpus)},
        "parallel": {**_rates(par_s, par_times, len(corpus), corpus_tokens), "jobs": jobs, "docs": len(corpus)},
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
              "ratio extractor/spaCy", "scaling docs", "jobs=1 tok/s", f"jobs={jobs} tok/s", "speed-up", "efficiency"]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in results.values():
        cells = [r["lang"], str(r["docs"]), _int(r["tokens"]), _int(r["tokenizer"]["tokens_per_s"]),
                 _int(r["extractor"]["tokens_per_s"]), f"{r['extractor']['docs_per_s']:.1f}",
                 f"{r['ratio']:.4f} (1/{1 / r['ratio']:.1f})", _int(r["parallel"]["docs"]),
                 _int(r["serial"]["tokens_per_s"]), _int(r["parallel"]["tokens_per_s"]),
                 f"{r['speedup']:.2f}x", f"{r['efficiency']:.0%}"]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def benchmark(docs: int = 200, seed: int = 0, repeats: int = 3, jobs: int = 2, scale: int = 10,
              log: Callable[[str], None] = print) -> dict[str, dict[str, Any]]:
    """Measure both languages, print the Markdown table through `log`, and return the raw figures by language.
    The parallel run extracts `scale` times `docs` documents."""
    results = {}
    for lang in LANGS:
        texts = texts_for(lang, docs, seed)
        corpus = texts_for(lang, docs * scale, seed) if scale > 1 else texts
        log(f"{lang}: {len(texts)} documents ({len(corpus)} for --jobs), {repeats} repeats ...")
        results[lang] = measure_language(lang, texts, repeats, jobs, corpus)
    log(markdown_table(results))
    return results
