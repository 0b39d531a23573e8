"""conflictkg: offline Arabic and English conflict news -> an RDF knowledge graph with provenance.

The public API is `KnowledgeGraph` and the `conflictkg` command; everything
else is internal and may change.
"""

from conflictkg.api import KnowledgeGraph
from conflictkg.errors import ConflictKGError, FormatError, InputError, QueryError, StoreLockedError

__all__ = ["KnowledgeGraph", "ConflictKGError", "InputError", "QueryError", "StoreLockedError", "FormatError"]
__version__ = "0.1.0"
