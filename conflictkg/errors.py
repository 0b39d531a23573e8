"""The exceptions conflictkg raises for problems a user can fix.

Each message says what went wrong and what to do; the CLI prints it and exits
with status 1 instead of a traceback.
"""

__all__ = ["ConflictKGError", "InputError", "StoreLockedError", "QueryError", "FormatError"]


class ConflictKGError(Exception):
    """Base class: a problem with the user's input or environment, not a bug."""


class InputError(ConflictKGError):
    """A path, file or argument that cannot be used."""


class StoreLockedError(ConflictKGError):
    """The store directory is open in another process."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"the store {path!r} is in use by another process; close it (or wait for it to finish) "
            "and try again, or pass --store with another directory"
        )


class QueryError(ConflictKGError):
    """A SPARQL query that does not parse or cannot run."""


class FormatError(ConflictKGError):
    """An unknown or unsupported file format."""
