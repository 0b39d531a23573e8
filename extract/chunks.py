"""Per-sentence working state: tokens, and the lexicon phrases matched over them.

A Chunk is a matched phrase (token span [i, j)) with what the lexicon says it
is. Matching is longest-first, left to right, over each token's normalised
forms, so clitics and articles do not hide a word.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from conflictkg.extract.lexicon import Entry, Lexicon
from conflictkg.extract.phrases import PhraseTable
from conflictkg.extract.text import Token

__all__ = ["Chunk", "SentenceState", "match_phrases", "phrase_at"]


@dataclass
class Chunk:
    kind: str
    i: int
    j: int
    value: str
    detail: str = ""
    prefix: str = ""  # the clitic(s) stripped from the first word to match: "ل" in لإيران, "وب" in وبغداد


@dataclass
class SentenceState:
    index: int
    start: int
    tokens: list[Token]
    _chunks: list[Chunk] = field(default_factory=list)
    _at: list[list[Chunk]] = field(default_factory=list)  # chunks covering each token
    _kinds: dict[str, list[Chunk]] = field(default_factory=dict)
    _has: dict[int, bool] = field(default_factory=dict)  # id(table) -> may one of its phrases occur here
    _vocabulary: set[str] | None = None  # every form of every token
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> its clause, kept by syntax.py

    @property
    def chunks(self) -> list[Chunk]:
        return self._chunks

    @chunks.setter
    def chunks(self, chunks: list[Chunk]) -> None:
        self._chunks = chunks
        self._at = [[] for _ in self.tokens]
        self._kinds = {}
        for c in chunks:
            self._kinds.setdefault(c.kind, []).append(c)
            for k in range(c.i, min(c.j, len(self.tokens))):
                self._at[k].append(c)

    def chunk_at(self, i: int, *kinds: str) -> Chunk | None:
        """The chunk covering token i, if it is of one of `kinds` (any kind when none given)."""
        if not 0 <= i < len(self._at):
            return None
        return next((c for c in self._at[i] if not kinds or c.kind in kinds), None)

    @property
    def vocabulary(self) -> set[str]:
        """Every form of every token: a word absent from it occurs nowhere in the sentence."""
        if self._vocabulary is None:
            self._vocabulary = {f for t in self.tokens for f in t.forms}
        return self._vocabulary

    def may_contain(self, table: PhraseTable) -> bool:
        """False when no word of the sentence starts one of the table's phrases (asked once per table)."""
        has = self._has.get(id(table))
        if has is None:
            has = self._has[id(table)] = not table.first_words.isdisjoint(self.vocabulary)
        return has

    def phrase_at(self, table: PhraseTable, i: int) -> tuple[int, Hashable] | None:
        """`table.at(tokens, i)`, skipped when the table has nothing in this sentence."""
        return table.at(self.tokens, i) if self.may_contain(table) else None

    def chunks_of(self, *kinds: str) -> list[Chunk]:
        if len(kinds) == 1:
            return self._kinds.get(kinds[0], [])
        return sorted((c for k in kinds for c in self._kinds.get(k, ())), key=lambda c: c.i)

    def text(self, i: int, j: int, doc_text: str) -> str:
        return doc_text[self.tokens[i].start:self.tokens[j - 1].end] if j > i else ""


def _prefix(norm: str, form: str) -> str | None:
    """The clitics in front of `form` in the token `norm` ("للعراق" / "العراق" -> "ل"); None when `form`
    is no such reading of `norm` (a pronoun ending was stripped as well)."""
    if norm.endswith(form):
        return norm[: len(norm) - len(form)]
    if form.startswith("ال") and norm.endswith(form[1:]):
        return norm[: len(norm) - len(form) + 1]
    return None


def phrase_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, list[Entry], str]:
    """Longest phrase starting at token i: (its length, every entry it has, the stripped clitics)."""
    best_len, best, prefix = 0, [], ""
    following = tokens[i + 1].forms if i + 1 < len(tokens) else ()
    index = lex.index
    for form in tokens[i].forms:
        if form not in index:
            continue
        for words, entry in lex.lookup(form, following):
            n = len(words)
            if n < best_len or i + n > len(tokens):
                continue
            if entry.case_sensitive and tokens[i].text != entry.case_sensitive:
                continue
            if any(words[k] not in tokens[i + k].forms for k in range(2, n)):
                continue
            if lex.lang.names_capitalised and entry.kind in ("entity", "demonym") and not (
                    tokens[i].text[:1].isupper() or tokens[i].text[:1].isdigit()
                    or (n > 1 and tokens[i].norm in lex.lang.name_particles)):  # "al-Shabaab"
                continue
            if entry.kind == "entity" and not lex.lang.names_capitalised and not form.startswith("ال") \
                    and "ال" + form in tokens[i].forms:
                continue  # "السورية" is the adjective Syrian: a name without ال never takes it
            if entry.kind == "entity" and n == 1 and _prefix(tokens[i].norm, form) is None:
                continue  # "باكاري" is no "أكار" + "ي": a name takes clitics in front, not pronoun endings
            if n > best_len:
                best_len, best, prefix = n, [entry], _prefix(tokens[i].norm, form) or ""
            elif entry not in best:
                best.append(entry)
    return best_len, best, prefix


def match_phrases(state: SentenceState, lex: Lexicon) -> list[Chunk]:
    """Greedy longest matches over the sentence's tokens; a span may carry several entries (kinds) at once."""
    tokens = state.tokens
    chunks: list[Chunk] = []
    starts = lex.index.keys()
    i = 0
    while i < len(tokens):
        if tokens[i].is_punct:
            i += 1
            continue
        n, entries, prefix = phrase_at(tokens, i, lex) if not starts.isdisjoint(tokens[i].forms) else (0, [], "")
        if not n:
            n, entries = _demonym_at(tokens[i], lex)
        if n:
            # an entity name wins over a common word with the same letters
            kinds = {e.kind for e in entries}
            month = n == 1 and tokens[i].norm in lex.lang.months  # "أغسطس/آب": August, not the town of Ibb
            for e in entries:
                if (e.kind in ("head", "title") and "entity" in kinds) or (month and e.kind == "entity"):
                    continue
                chunks.append(Chunk(e.kind, i, i + n, e.value, e.detail, prefix))
            i += n
        else:
            i += 1
    return match_gapped(state, chunks, lex) if lex.gapped and state.may_contain(lex.gapped) else chunks


_CLAUSE_ENDS = frozenset({",", "،", ".", ";", "؛", ":"})


def match_gapped(state: SentenceState, chunks: list[Chunk], lex: Lexicon, gap: int = 12) -> list[Chunk]:
    """Phrases whose parts stand apart ("تبادلت الفصائل ... إطلاق النار"), within one clause: the first part
    carries the entry, and chunks matched inside the second part are dropped."""
    tokens, table = state.tokens, lex.gapped
    for i in range(len(tokens)):
        hit = table.at(tokens, i)
        if hit is None:
            continue
        n_first, group = hit
        if any(c.i <= i < c.j and c.kind == "trigger" and c.j - c.i > n_first for c in chunks):
            continue  # the phrase already matched whole
        for second, entry, strict in group:
            for k in range(i + n_first, min(len(tokens), i + n_first + gap + 1)):
                if strict and any(c.kind == "trigger" and c.value != entry.value and i + n_first <= c.i < k
                                  for c in chunks):
                    break  # another kind of event word stands between the parts
                if tokens[k].text in _CLAUSE_ENDS:
                    break
                if table.fits(tokens, k, second):
                    end = k + len(second)
                    chunks = [c for c in chunks if c.j <= i or c.i >= end or (i + n_first <= c.i and c.j <= k)]
                    chunks.append(Chunk(entry.kind, i, i + n_first, entry.value, entry.detail))
                    break
    return sorted(chunks, key=lambda c: c.i)


def _demonym_at(token: Token, lex: Lexicon) -> tuple[int, list[Entry]]:
    if lex.lang.names_capitalised and not token.text[:1].isupper():
        return 0, []
    for base in lex.lang.demonym_bases(token.norm):
        found = [e for words, e in lex.lookup(base) if len(words) == 1 and e.kind == "demonym"]
        if found:
            return 1, found[:1]
    return 0, []
