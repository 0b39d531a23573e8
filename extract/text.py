"""Text handling shared by every language: Unicode clean-up, sentence splitting, tokens.

Offsets always refer to the original document text; normalised forms are only
used for matching, never for labels or provenance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter, not_

__all__ = ["Token", "clean", "split_sentences", "reading_positions", "capitalised", "attached",
           "with_article", "QUOTES_OPEN", "QUOTES_CLOSE"]

QUOTES_OPEN = "“«\"‘„"
QUOTES_CLOSE = "”»\"’"
_END = ".!?؟…"
_CLOSERS = QUOTES_CLOSE + ")]"
# end punctuation with what may follow it before the break: "?!", ".”", "…)"
_MARKS = re.compile(f"[{re.escape(_END)}][{re.escape(_END + _CLOSERS)}]*")


@dataclass(eq=False, slots=True)  # a token is itself, compared by identity: 'in' over tokens stays in C
class Token:
    """A word or mark of the text; built field by field in pipeline._tokens, which sets every field."""

    text: str
    start: int  # document offsets
    end: int
    norm: str  # the language's normalised form, for matching
    is_punct: bool
    forms: tuple[str, ...]  # norm first, then its readings without clitics (the language's `forms`)


_FORMS = attrgetter("forms")
_FIRST = itemgetter(0)


def reading_positions(tokens: list[Token], words: AbstractSet[str]) -> Iterator[int]:
    """The indexes of the tokens one of whose forms is in `words`, in order (the test runs in C)."""
    return compress(range(len(tokens)), map(not_, map(words.isdisjoint, map(_FORMS, tokens))))


def capitalised(tokens: list[Token]) -> list[int]:
    """The indexes of the tokens written with a capital first letter, in order (the test runs in C; the texts
    are read in a comprehension, where a slot read is specialised, an attrgetter call is not)."""
    return list(compress(range(len(tokens)), map(str.isupper, map(_FIRST, [t.text for t in tokens]))))


def attached(tokens: list[Token], k: int) -> bool:
    """Token k touches the tokens on both sides, as a hyphen inside a word does ('al-Shabaab', 'British-owned')."""
    return 0 < k < len(tokens) - 1 and tokens[k - 1].end == tokens[k].start and tokens[k].end == tokens[k + 1].start


def conjunction_length(prefix: str) -> int:
    """Letters of the conjunction و / ف at the front of a chunk's stripped clitics ('وال' -> 1, 'ل' -> 0)."""
    return len(prefix) - len(prefix.lstrip("وف"))


def with_article(token: Token) -> bool:
    """Arabic: the word, or its first reading without clitics, carries the article ('القصف', 'والقصف')."""
    forms = token.forms
    return forms[0].startswith("ال") or (len(forms) > 1 and forms[1].startswith("ال"))


def clean(text: str) -> str:
    """NFC-normalise and drop a byte-order mark; offsets of the result are the document's offsets."""
    return unicodedata.normalize("NFC", text.lstrip("\ufeff"))


def split_sentences(text: str, keep_together: Callable[[str, int], bool] | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text`.

    A sentence ends at a newline, or at . ! ? ؟ … followed by optional closing
    quotes/brackets and white space. `keep_together(text, pos)` lets a language
    veto a break after the punctuation ending at `pos` (English "U.S.", "Gen.").
    """
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, stop = line.start(), line.end()
        for mark in _MARKS.finditer(text, start, stop):
            end = mark.end()
            if (end == stop or text[end].isspace()) and not (keep_together and keep_together(text, mark.start() + 1)):
                spans.append((start, end))
                start = end
        if start < stop:
            spans.append((start, stop))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
