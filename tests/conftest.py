"""Shared fixtures. Tests that read ../shared skip on a user's clone, and fail in CI
(CONFLICTKG_REQUIRE_SHARED=1), where shared/ is always beside the checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictkg import KnowledgeGraph

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_f6ef2c730ac9c613.txt"
SEED_DATE = "2021-06-28"  # the Monday after the strikes of Sunday 27 June 2021


def require_shared(path: Path) -> Path:
    """The path under ../shared, or a skip (a failure when CI requires shared/)."""
    if path.exists():
        return path
    reason = f"{path} is not here: ../shared is only beside CI checkouts"
    if os.environ.get("CONFLICTKG_REQUIRE_SHARED") == "1":
        pytest.fail(reason + " but CONFLICTKG_REQUIRE_SHARED=1")
    pytest.skip(reason)


@pytest.fixture
def seed_path() -> Path:
    return require_shared(SEED)


@pytest.fixture(scope="session")
def seed_kg():
    """The seed built once into an in-memory graph (read-only use)."""
    path = require_shared(SEED)
    kg = KnowledgeGraph()
    kg.add_text(path.read_text(encoding="utf-8"), doc_id="seed", date=SEED_DATE)
    return kg


@pytest.fixture
def kg():
    with KnowledgeGraph() as graph:
        yield graph


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def graph_of(texts: dict[str, tuple[str, str | None]]) -> KnowledgeGraph:
    """An in-memory graph of {doc_id: (text, date)}."""
    kg = KnowledgeGraph()
    for doc_id, (text, day) in texts.items():
        kg.add_text(text, doc_id=doc_id, date=day)
    return kg


@contextmanager
def held_by_another_process(path: Path) -> Iterator[None]:
    """Keep the store at `path` open in a second process for the duration of the block."""
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        from conflictkg import KnowledgeGraph
        kg = KnowledgeGraph({str(path)!r})
        print("open", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        yield
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
