"""Named SPARQL queries shipped as .rq files, with their header comments parsed.

Header lines at the top of each file:
    # title: Who attacked whom
    # description: Actor-target pairs of attacks, with counts.
    # param: actor = (none) -- an actor label or IRI
Values are bound with initBindings, never pasted into the query text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from conflictkg.errors import QueryError

__all__ = ["NamedQuery", "named_queries", "get_query"]

_HEADER = re.compile(r"^#\s*(title|description|param):\s*(.*)$")


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    text: str
    params: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # name -> (default, help)


def _parse(name: str, text: str) -> NamedQuery:
    title, description, params = name, "", {}
    for line in text.splitlines():
        m = _HEADER.match(line.strip())
        if not m:
            if line.strip() and not line.startswith("#"):
                break
            continue
        key, value = m.groups()
        if key == "title":
            title = value.strip()
        elif key == "description":
            description = (description + " " + value.strip()).strip()
        else:
            spec, _, help_text = value.partition("--")
            pname, _, default = spec.partition("=")
            default = default.strip()
            params[pname.strip()] = (None if default in ("", "(none)") else default, help_text.strip())
    return NamedQuery(name, title, description, text, params)


@cache
def named_queries() -> dict[str, NamedQuery]:
    """Every shipped named query, by name (the file name without .rq)."""
    folder = resources.files(__name__)
    return {f.name[:-3]: _parse(f.name[:-3], f.read_text(encoding="utf-8"))
            for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".rq")}


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; `conflictkg query --list` shows the {len(queries)} there are")
    return queries[name]
