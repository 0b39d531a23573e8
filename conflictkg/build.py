"""Reading inputs and extracting many documents, in parallel when asked.

Inputs are .txt files, directories (searched recursively) or "-" for standard
input. A binary or non-UTF-8 file is skipped with a warning naming it; the rest
of the build goes on. Extraction never touches the store, so a failure here
loses nothing already stored.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path

from conflictkg.errors import InputError
from conflictkg.extract import Document, detect_language, document_id, extract_document
from conflictkg.extract.lexicon import load_lexicon
from conflictkg.graph.iris import slug
from conflictkg.parallel import shared_map

__all__ = ["Source", "read_sources", "sample_sources", "extract_all", "title_of"]


@dataclass(frozen=True)
class Source:
    doc_id: str
    text: str
    origin: str  # the path, "stdin" or "sample:NAME"


def title_of(text: str, fallback: str) -> str:
    """A headline: the first line when it reads like one (short, no final full stop), else `fallback`."""
    first = text.strip().split("\n", 1)[0].strip()
    if first and len(first) <= 160 and "\n" in text.strip() and not first.endswith((".", "؟", "?", "!", ".”")):
        return first
    return fallback


def _read(path: Path, warn: Callable[[str], None]) -> str | None:
    data = path.read_bytes()
    if b"\x00" in data[:8192]:
        warn(f"skipped {path}: it looks like a binary file, not text")
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        warn(f"skipped {path}: not valid UTF-8 (byte {exc.start}); save it as UTF-8 and build again")
        return None


def _files(paths: Iterable[str]) -> Iterator[Path | None]:
    for p in paths:
        if p == "-":
            yield None
            continue
        path = Path(p)
        if not path.exists():
            raise InputError(f"no such file or directory: {p}")
        if path.is_dir():
            found = sorted(f for f in path.rglob("*.txt") if f.is_file())
            if not found:
                raise InputError(f"no .txt files under {p}")
            yield from found
        else:
            yield path


def read_sources(paths: Iterable[str], warn: Callable[[str], None]) -> list[Source]:
    """Every input document, with unique ids from file names (a content hash for stdin)."""
    files = list(_files(paths))  # raises on a missing path before anything is read
    out: list[Source] = []
    seen: set[str] = set()
    for f in files:
        if f is None:
            text = sys.stdin.read()
            out.append(Source(document_id(text), text, "stdin"))
            continue
        text = _read(f, warn)
        if text is None:
            continue
        doc_id = slug(f.stem)
        if doc_id in seen:
            doc_id = f"{doc_id}-{document_id(str(f.resolve()))[4:12]}"
        seen.add(doc_id)
        out.append(Source(doc_id, text, str(f)))
    return out


def sample_sources() -> list[Source]:
    """The sample corpus shipped in the package."""
    folder = resources.files("conflictkg").joinpath("samples")
    return [Source(slug(Path(f.name).stem), f.read_text(encoding="utf-8"), f"sample:{f.name}")
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".txt")]


_OPTIONS: dict = {}


def _extract(source: Source) -> Document:
    return extract_document(source.text, doc_id=source.doc_id, title=title_of(source.text, source.doc_id),
                            source=source.origin, **_OPTIONS)


def _init(options: dict) -> None:
    _OPTIONS.clear()
    _OPTIONS.update(options)


def _start_worker(options: dict) -> None:
    """A worker's set-up. Everything a forked worker inherits from the parent (lexicon, tokenizer, the caller's
    own objects) lives as long as the worker: frozen, it is left out of the worker's garbage collections, which
    would otherwise walk the whole inherited heap (about 0.3 s each here) and copy every page they touch."""
    gc.freeze()
    _init(options)


def _as_is(doc: Document) -> Document:
    return doc


def _frozen(doc: Document) -> Document:
    gc.freeze()
    return doc


@contextmanager
def _long_lived_frozen() -> Iterator[Callable[[Document], Document]]:
    """Leave the objects that exist when extraction starts (lexicon, tokenizer, the caller's own), and each
    document once extracted, out of garbage collections until it ends: they outlive it. Each full collection
    walked all of them whenever the documents had grown the heap by a quarter (0.3 s a time for the lexicon
    alone; for 2,000 documents read back from --jobs workers, 1.2 s of 1.4 s spent unpickling them), and with
    --jobs the pause also stalled the workers, whose results waited to be read. Yields what to pass each
    document through. A caller that froze objects keeps its own way."""
    if gc.get_freeze_count():
        yield _as_is
        return
    gc.freeze()
    try:
        yield _frozen
    finally:
        gc.unfreeze()


def extract_all(sources: list[Source], *, lang: str | None = None, day: date | None = None,
                lexicons: tuple[str, ...] = (), jobs: int = 1, model: str | None = None) -> Iterator[Document]:
    """Documents in input order; with jobs > 1, jobs - 1 worker processes extract alongside this one."""
    options = {"lang": lang, "date": day, "lexicons": lexicons, "model": model}
    for code in {lang or detect_language(s.text) for s in sources}:
        load_lexicon(code, lexicons)  # built once here; forked workers inherit it
    _init(options)
    with _long_lived_frozen() as keep:
        if jobs <= 1 or len(sources) < 2:
            yield from map(keep, map(_extract, sources))
        else:
            yield from map(keep, shared_map(_extract, sources, jobs - 1, partial(_start_worker, options)))
