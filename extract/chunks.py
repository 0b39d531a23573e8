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


@dataclass(slots=True)
class Chunk:
    kind: str
    i: int
    j: int
    value: str
    detail: str = ""
    prefix: str = ""  # the clitic(s) stripped from the first word to match: "ل" in لإيران, "وب" in وبغداد


_NONE: list[Chunk] = []  # shared by the tokens no chunk covers; never appended to


@dataclass
class SentenceState:
    index: int
    start: int
    tokens: list[Token]
    _chunks: list[Chunk] = field(default_factory=list)
    _at: list[list[Chunk]] = field(default_factory=list)  # chunks covering each token
    _kinds: dict[str, list[Chunk]] = field(default_factory=dict)
    _matches: dict[PhraseTable, dict[int, tuple[int, Hashable]]] = field(default_factory=dict)
    _vocabulary: set[str] | None = None  # every form of every token
    clauses: dict[int, tuple[int, int]] = field(default_factory=dict)  # token -> its clause, kept by syntax.py
    clause_marks: list[int] | None = None  # the tokens that may bound a clause, kept by syntax.py

    @property
    def chunks(self) -> list[Chunk]:
        return self._chunks

    @chunks.setter
    def chunks(self, chunks: list[Chunk]) -> None:
        self._chunks = chunks
        at: list[list[Chunk]] = [_NONE] * len(self.tokens)
        self._kinds = {}
        for c in chunks:
            self._kinds.setdefault(c.kind, []).append(c)
            for k in range(c.i, min(c.j, len(at))):
                if at[k] is _NONE:
                    at[k] = [c]
                else:
                    at[k].append(c)
        self._at = at

    def chunk_at(self, i: int, *kinds: str) -> Chunk | None:
        """The chunk covering token i, if it is of one of `kinds` (any kind when none given)."""
        if not 0 <= i < len(self._at):
            return None
        for c in self._at[i]:
            if not kinds or c.kind in kinds:
                return c
        return None

    @property
    def vocabulary(self) -> set[str]:
        """Every form of every token: a word absent from it occurs nowhere in the sentence."""
        if self._vocabulary is None:
            self._vocabulary = set().union(*[t.forms for t in self.tokens])
        return self._vocabulary

    def matches(self, table: PhraseTable) -> dict[int, tuple[int, Hashable]]:
        """Where the table's phrases stand: token -> `table.at` there, in token order. Found once per
        sentence and table, as the rules ask about many tokens; one set test against the vocabulary
        settles the sentences without one of the table's key words."""
        found = self._matches.get(table)
        if found is None:
            found = self._matches[table] = {}
            first = table.first_words
            if not table.key_words.isdisjoint(self.vocabulary):
                for k, t in enumerate(self.tokens):
                    if not first.isdisjoint(t.forms):
                        hit = table.at(self.tokens, k)
                        if hit is not None:
                            found[k] = hit
        return found

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


# per form of a word found in the lexicon: (the clitics it strips, phrases of several words by their
# second word, the entries of the form alone)
_Phrases = tuple[tuple[str, dict[str, list[tuple[tuple[str, ...], Entry]]], list[Entry]], ...]


@dataclass(frozen=True, slots=True)
class _Starts:
    """What the lexicon may match from one word as written, with every test the word alone decides
    already applied (capitals, the article, clitics)."""

    phrases: _Phrases  # empty when no phrase of several words starts here: `single` is then the answer
    single: tuple[int, list[Entry], str]  # the match of the word alone, as phrase_at gives it
    demonym: list[Entry]  # the nationality the word names through its inflection, if any


_WORD_CACHE_SIZE = 100_000  # distinct words kept per lexicon; emptied when full


def _starts(token: Token, lex: Lexicon) -> _Starts:
    """The lexicon's phrases that may start at `token`, computed once per word and lexicon: a token's
    forms are a function of its text, so most tokens of a document cost one dictionary look-up."""
    cache = lex.word_cache
    found = cache.get(token.text)
    if found is None:
        if len(cache) >= _WORD_CACHE_SIZE:
            cache.clear()
        found = cache[token.text] = _word_starts(token, lex)
    return found


def _word_starts(token: Token, lex: Lexicon) -> _Starts:
    lang = lex.lang
    text, norm, forms = token.text, token.norm, token.forms
    capital = text[:1].isupper() or text[:1].isdigit()
    out = []
    for form in forms:
        bucket = lex.index.get(form)
        if bucket is None:
            continue
        prefix = _prefix(norm, form)
        several: dict[str, list[tuple[tuple[str, ...], Entry]]] = {}
        alone: list[Entry] = []
        for second, phrases in bucket.items():
            for words, entry in phrases:
                if entry.case_sensitive and text != entry.case_sensitive:
                    continue
                if lang.names_capitalised and entry.kind in ("entity", "demonym") and not (
                        capital or (len(words) > 1 and norm in lang.name_particles)):  # "al-Shabaab"
                    continue
                if entry.kind == "entity" and not lang.names_capitalised and not form.startswith("ال") \
                        and "ال" + form in forms:
                    continue  # "السورية" is the adjective Syrian: a name without ال never takes it
                if entry.kind == "entity" and len(words) == 1 and prefix is None:
                    continue  # "باكاري" is no "أكار" + "ي": a name takes clitics in front, not pronoun endings
                if second:
                    several.setdefault(second, []).append((words, entry))
                else:
                    alone.append(entry)
        if several or alone:
            out.append((prefix or "", several, alone))
    phrases = tuple(out)
    several_words = any(several for _, several, _ in phrases)
    return _Starts(phrases if several_words else (), _longest([token], 0, phrases), _demonym(token, lex))


def _longest(tokens: list[Token], i: int, phrases: _Phrases) -> tuple[int, list[Entry], str]:
    """The longest of a word's `phrases` standing at token i: (its length, every entry it has, the clitics).
    Phrases of one length count in the order the lexicon index gives them, form by form."""
    best_len, best, prefix = 0, [], ""
    following = tokens[i + 1].forms if i + 1 < len(tokens) else ()
    for form_prefix, several, alone in phrases:
        for second in following if several else ():
            for words, entry in several.get(second, ()):
                n = len(words)
                if n < best_len or i + n > len(tokens) or (n > 2 and not _stands_from_third(tokens, i, words)):
                    continue
                if n > best_len:
                    best_len, best, prefix = n, [entry], form_prefix
                elif entry not in best:
                    best.append(entry)
        if best_len <= 1:
            for entry in alone:
                if not best_len:
                    best_len, best, prefix = 1, [entry], form_prefix
                elif entry not in best:
                    best.append(entry)
    return best_len, best, prefix


def _stands_from_third(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """Whether the third and later words of a phrase at token i are there (the first two are known)."""
    for k in range(2, len(words)):
        if words[k] not in tokens[i + k].forms:
            return False
    return True


def phrase_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, list[Entry], str]:
    """Longest phrase starting at token i: (its length, every entry it has, the stripped clitics)."""
    starts = _starts(tokens[i], lex)
    return _longest(tokens, i, starts.phrases) if starts.phrases else starts.single


def match_phrases(state: SentenceState, lex: Lexicon) -> list[Chunk]:
    """Greedy longest matches over the sentence's tokens; a span may carry several entries (kinds) at once."""
    tokens = state.tokens
    chunks: list[Chunk] = []
    i = 0
    while i < len(tokens):
        if tokens[i].is_punct:
            i += 1
            continue
        starts = _starts(tokens[i], lex)
        n, entries, prefix = _longest(tokens, i, starts.phrases) if starts.phrases else starts.single
        if not n and starts.demonym:
            n, entries = 1, starts.demonym
        if n:
            if len(entries) > 1 and any(e.kind == "entity" for e in entries):
                # an entity name wins over a common word with the same letters
                entries = [e for e in entries if e.kind not in ("head", "title")]
            for e in entries:
                chunks.append(Chunk(e.kind, i, i + n, e.value, e.detail, prefix))
            i += n
        else:
            i += 1
    return match_gapped(state, chunks, lex) if lex.gapped and state.matches(lex.gapped) else chunks


def match_gapped(state: SentenceState, chunks: list[Chunk], lex: Lexicon, gap: int = 8) -> list[Chunk]:
    """Phrases whose parts stand apart ("تبادلت الفصائل ... إطلاق النار"): the first part carries
    the entry, and chunks matched inside the second part are dropped."""
    tokens, table = state.tokens, lex.gapped
    for i, (n_first, group) in state.matches(table).items():
        if any(c.i <= i < c.j and c.kind == "trigger" and c.j - c.i > n_first for c in chunks):
            continue  # the phrase already matched whole
        for second, entry, strict in group:
            for k in range(i + n_first, min(len(tokens), i + n_first + gap + 1)):
                if strict and any(c.kind == "trigger" and c.value != entry.value and i + n_first <= c.i < k
                                  for c in chunks):
                    break  # another kind of event word stands between the parts
                if table.fits(tokens, k, second):
                    end = k + len(second)
                    chunks = [c for c in chunks if c.j <= i or c.i >= end or (i + n_first <= c.i and c.j <= k)]
                    chunks.append(Chunk(entry.kind, i, i + n_first, entry.value, entry.detail))
                    break
    return sorted(chunks, key=lambda c: c.i)


def _demonym(token: Token, lex: Lexicon) -> list[Entry]:
    """The nationality a word names through its inflection ('أمريكيين', 'Americans'): one entry or none."""
    if lex.lang.names_capitalised and not token.text[:1].isupper():
        return []
    for base in lex.lang.demonym_bases(token.norm):
        found = [e for _, e in lex.index.get(base, {}).get("", ()) if e.kind == "demonym"]
        if found:
            return found[:1]
    return []
