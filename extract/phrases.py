"""Phrase tables: multi-word markers indexed by their first word, matched over token forms.

Every stage asks "does one of these phrases start (or end) here?"; indexing by the
first word keeps that to a dictionary look-up per token instead of a scan of all
phrases, which is what makes extraction fast.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from collections.abc import Set as AbstractSet
from functools import cache

from conflictkg.extract.lang import get_language
from conflictkg.extract.text import Token

__all__ = ["NO_MATCHES", "LanguageTables", "PhraseTable", "language_table", "language_tables"]

NO_MATCHES: dict[int, tuple[int, Hashable]] = {}  # the matches of a table absent from a sentence; never filled


class PhraseTable:
    """Phrases (tuples of normalised words) with a value each, longest first per first word.

    Tokens are matched through their `forms` (the word and its readings without clitics).
    """

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], Hashable]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], Hashable]]] = defaultdict(list)
        self._by_last: dict[str, list[tuple[tuple[str, ...], Hashable]]] = defaultdict(list)
        self._by_key: dict[str, list[tuple[str, ...]]] = defaultdict(list)  # see `key_words`
        for words, value in phrases:
            self._by_first[words[0]].append((words, value))
            self._by_last[words[-1]].append((words, value))
            self._by_key[max(words, key=len)].append(words)
        for table in (self._by_first, self._by_last):
            for entries in table.values():
                entries.sort(key=lambda e: -len(e[0]))
        # a sentence none of whose word forms starts a phrase has no match at all: one set test
        self.first_words = frozenset(self._by_first)
        # nor has one without any of these, one word of each phrase: the longest, as long words are rare
        # ("response" in "in response to", "حال" in "في حال"), so the test rules out more sentences
        self.key_words = frozenset(self._by_key)
        self.last_words = frozenset(self._by_last)

    def firsts_in(self, vocabulary: AbstractSet[str]) -> set[str]:
        """The first words of the phrases all of whose words are in a sentence's `vocabulary`: a phrase can stand
        only at a token one of whose forms is one of them, and a sentence they are empty for has no match ("في"
        and "على" are everywhere, "في رد على" seldom). The phrases looked at are those of the key words present."""
        found = set()
        for key in self.key_words.intersection(vocabulary):  # loops: a comprehension would cost closure cells
            for words in self._by_key[key]:
                if vocabulary.issuperset(words):
                    found.add(words[0])
        return found

    @staticmethod
    def fits(tokens: list[Token], start: int, words: tuple[str, ...]) -> bool:
        """Whether `words` stand at token `start`."""
        if start < 0 or start + len(words) > len(tokens) or words[0] not in tokens[start].forms:
            return False  # most tries fail on the first word
        for k in range(1, len(words)):
            if words[k] not in tokens[start + k].forms:
                return False
        return True

    def at(self, tokens: list[Token], i: int) -> tuple[int, Hashable] | None:
        """The longest phrase starting at token i: (length, value)."""
        if not 0 <= i < len(tokens):
            return None
        by_first = self._by_first
        for form in tokens[i].forms:
            if form in by_first:
                for words, value in by_first[form]:
                    if self.fits(tokens, i, words):
                        return len(words), value
        return None

    def ending_before(self, tokens: list[Token], end: int) -> bool:
        """Whether a phrase ends right before token `end`."""
        if not 0 < end <= len(tokens) or self.last_words.isdisjoint(tokens[end - 1].forms):
            return False
        for form in tokens[end - 1].forms:  # loops, not any() of a generator: no closure made per call
            for words, _ in self._by_last.get(form, ()):
                if self.fits(tokens, end - len(words), words):
                    return True
        return False


# LanguageTables.unmatched: (list name -> NO_MATCHES, key word -> list names, the key words)
_Unmatched = tuple[dict[str, dict[int, tuple[int, Hashable]]], dict[str, tuple[str, ...]], frozenset[str]]


class LanguageTables(dict[str, PhraseTable]):
    """One language's named phrase lists as tables ("control", "response" ...), each built on first use:
    a plain dictionary look-up by name for the rules, which ask tens of thousands of times a pass."""

    def __init__(self, lang_code: str) -> None:
        super().__init__()
        self.code = lang_code
        self._unmatched: _Unmatched | None = None

    def __missing__(self, name: str) -> PhraseTable:
        table = self[name] = PhraseTable((words, words) for words in get_language(self.code).phrases.get(name, ()))
        return table

    def unmatched(self) -> _Unmatched:
        """Every list's name -> NO_MATCHES, each key word -> the names of the lists it is a key word of, and
        those key words as a set (every table is built on the first call): a sentence copies the first and takes
        back out the lists its vocabulary may match, which answers the many lists absent from a sentence without
        a set test each. The set intersects a vocabulary three times faster than the dictionary's keys."""
        if self._unmatched is None:
            names_of: dict[str, list[str]] = defaultdict(list)
            for name in get_language(self.code).phrases:
                for word in self[name].key_words:
                    names_of[word].append(name)
            none = dict.fromkeys(get_language(self.code).phrases, NO_MATCHES)
            self._unmatched = none, {word: tuple(names) for word, names in names_of.items()}, frozenset(names_of)
        return self._unmatched


@cache
def language_tables(lang_code: str) -> LanguageTables:
    """The language's phrase tables, shared by all its documents."""
    return LanguageTables(lang_code)


def language_table(lang_code: str, name: str) -> PhraseTable:
    """A table of one of the language's named phrase lists ("control", "response" ...)."""
    return language_tables(lang_code)[name]
