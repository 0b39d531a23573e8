"""Per-sentence working state: tokens, and the lexicon phrases matched over them.

A Chunk is a matched phrase (token span [i, j)) with what the lexicon says it
is. Matching is longest-first, left to right, over each token's normalised
forms, so clitics and articles do not hide a word. What the lexicon may match
from a word depends on the word alone: it is worked out once per word and kept
on the lexicon (`_Starts` in `Lexicon.word_cache`), so most tokens cost one look-up.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable
from dataclasses import dataclass, field
from itertools import chain, compress, repeat
from operator import attrgetter, contains, is_not, itemgetter, not_

from conflictkg.extract.lexicon import Entry, Lexicon
from conflictkg.extract.phrases import NO_MATCHES, LanguageTables, PhraseTable
from conflictkg.extract.text import Token

__all__ = ["CLAUSE_ENDS", "Chunk", "SentenceState", "match_phrases", "phrase_at"]


@dataclass(slots=True)
class Chunk:
    kind: str
    i: int
    j: int
    value: str
    detail: str = ""
    prefix: str = ""  # the clitic(s) stripped from the first word to match: "ل" in لإيران, "وب" in وبغداد


_START = attrgetter("i")  # sort key: a chunk's first token
_NONE: list[Chunk] = []  # an empty default shared by the look-ups below; never appended to
_new = object.__new__


class _Matches(dict[PhraseTable | str, dict[int, tuple[int, Hashable]]]):
    """A sentence's matches by table, or by name in the language's tables; a table not asked about before is
    looked for on first use. Read through its __getitem__ (SentenceState.named / matches), which runs in C: the
    rules ask tens of thousands of times a pass, and most answers are known."""

    __slots__ = ("tokens", "forms", "vocabulary", "tables")

    def __missing__(self, key: PhraseTable | str) -> dict[int, tuple[int, Hashable]]:
        table = self.tables[key] if isinstance(key, str) else key
        firsts = table.firsts_in(self.vocabulary)
        found = self[key] = _find(self.tokens, self.forms, table, firsts) if firsts else NO_MATCHES
        return found


def _find(tokens: list[Token], forms: list[tuple[str, ...]], table: PhraseTable,
          firsts: set[str]) -> dict[int, tuple[int, Hashable]]:
    if len(firsts) == 1:  # most scans: one first word, a test in each token's forms with no iterator made
        starts = compress(range(len(forms)), map(contains, forms, repeat(next(iter(firsts)))))
    else:
        starts = compress(range(len(forms)), map(not_, map(firsts.isdisjoint, forms)))
    found = {}
    for k in starts:  # where a phrase may start
        hit = table.at(tokens, k)
        if hit is not None:
            found[k] = hit
    return found


@dataclass(slots=True)
class SentenceState:
    """One sentence's tokens, its matched chunks and the facts the stages share about it.

    Matched chunks never overlap in part: the chunks covering a token all start (and end) together.
    """

    index: int
    start: int
    tokens: list[Token]
    tables: LanguageTables  # the language's named phrase tables, for `named`
    _chunks: list[Chunk] = field(default_factory=list)
    starting: dict[int, Chunk] = field(default_factory=dict)  # token -> the first chunk starting there
    _more: dict[int, list[Chunk]] = field(default_factory=dict)  # token -> the other chunks starting there, if any
    _inside: dict[int, int] = field(default_factory=dict)  # token inside a longer chunk -> the chunk's start
    _kinds: dict[str | tuple[str, ...], list[Chunk]] = field(default_factory=dict)  # kind(s) -> chunks, in order
    # matches(table): where the table's phrases stand, token -> `table.at` there, in token order; found once per
    # sentence and table, as the rules ask about many tokens
    matches: Callable[[PhraseTable], dict[int, tuple[int, Hashable]]] = field(init=False, repr=False)
    # named(name): `matches` of the language's phrase list `name` ("control", "response" ...)
    named: Callable[[str], dict[int, tuple[int, Hashable]]] = field(init=False, repr=False)
    # every form of every token: a word absent from it occurs nowhere in the sentence
    vocabulary: set[str] = field(init=False, repr=False)
    norms: list[str] = field(init=False, repr=False)  # each token's normalised form, read by several stages
    forms: list[tuple[str, ...]] = field(init=False, repr=False)  # each token's forms
    clause_marks: list[int] | None = None  # the tokens that may bound a clause, kept by syntax.py
    clause_starts: dict[int, int] = field(default_factory=dict)  # mark index -> a clause start, kept by syntax.py
    clause_ends: dict[int, int] = field(default_factory=dict)  # mark index -> a clause end, kept by syntax.py

    def __post_init__(self) -> None:
        # comprehensions, not maps of attrgetters: a slot read in the loop is specialised, an attrgetter call is not
        self.forms = [t.forms for t in self.tokens]
        vocabulary = self.vocabulary = set(chain.from_iterable(self.forms))
        self.norms = [t.norm for t in self.tokens]
        # the language's lists whose key words are all absent have no match (a copy of a dictionary of them all);
        # the others are looked for on first use
        none, names_of, key_words = self.tables.unmatched()
        found = _Matches(none)
        for word in key_words & vocabulary:
            for name in names_of[word]:
                found.pop(name, None)
        found.tokens, found.forms, found.vocabulary, found.tables = self.tokens, self.forms, vocabulary, self.tables
        self.matches = self.named = found.__getitem__

    @property
    def chunks(self) -> list[Chunk]:
        return self._chunks

    @chunks.setter
    def chunks(self, chunks: list[Chunk]) -> None:
        """Index the chunks by start and kind. Most chunks are one word alone at their start: they cost no list
        of chunks starting there and no walk over the tokens inside them."""
        self._chunks = chunks
        starting: dict[int, Chunk] = {}
        more: dict[int, list[Chunk]] = {}
        inside: dict[int, int] = {}
        kinds: dict[str | tuple[str, ...], list[Chunk]] = {}
        for c in chunks:
            i = c.i
            if i not in starting:
                starting[i] = c
                if c.j > i + 1:
                    for k in range(i + 1, c.j):
                        inside[k] = i
            elif i in more:
                more[i].append(c)
            else:
                more[i] = [c]
            if c.kind in kinds:
                kinds[c.kind].append(c)
            else:
                kinds[c.kind] = [c]
        self.starting, self._more, self._inside, self._kinds = starting, more, inside, kinds

    def chunk_at(self, i: int, *kinds: str) -> Chunk | None:
        """The chunk covering token i, if it is of one of `kinds` (any kind when none given)."""
        c = self.starting.get(self._inside.get(i, i))
        if c is None or not kinds or c.kind in kinds:
            return c
        for other in self._more.get(c.i, _NONE):  # the other chunks on its span
            if other.kind in kinds:
                return other
        return None

    def positions(self, words: Collection[str]) -> list[int]:
        """The indexes of the tokens whose normalised form is one of `words`, in order: one set test against
        the vocabulary settles most sentences, and the loop over the others runs in C."""
        if self.vocabulary.isdisjoint(words):
            return []
        return list(compress(range(len(self.norms)), map(words.__contains__, self.norms)))

    def chunks_of(self, kind: str, *more: str) -> list[Chunk]:
        """The chunks of these kinds, in sentence order (several kinds are merged once per sentence). Most calls
        ask for one kind: it is a named argument, so that they pay no len() and no indexing of a tuple."""
        if not more:
            return self._kinds.get(kind, _NONE)
        kinds = (kind, *more)
        found = self._kinds.get(kinds)
        if found is None:
            found = self._kinds[kinds] = _merged(self._kinds, kinds)
        return found

    def text(self, i: int, j: int, doc_text: str) -> str:
        return doc_text[self.tokens[i].start:self.tokens[j - 1].end] if j > i else ""


def _merged(by_kind: dict[str | tuple[str, ...], list[Chunk]], kinds: tuple[str, ...]) -> list[Chunk]:
    """The chunks of several kinds in sentence order. Apart from chunks_of, which is asked tens of thousands of
    times a pass: a comprehension there would make it wrap `self` in a closure cell on every call."""
    return sorted([c for k in kinds for c in by_kind.get(k, ())], key=_START)


def _prefix(norm: str, form: str) -> str | None:
    """The clitics in front of `form` in the token `norm` ("للعراق" / "العراق" -> "ل"); None when `form`
    is no such reading of `norm` (a pronoun ending was stripped as well)."""
    if norm.endswith(form):
        return norm[: len(norm) - len(form)]
    if form.startswith("ال") and norm.endswith(form[1:]):
        return norm[: len(norm) - len(form) + 1]
    return None


# A lexicon phrase with its rank among those sharing its first two words (the index order, longest first)
_Ranked = tuple[int, tuple[str, ...], Entry]
_RANK = itemgetter(0)
# per form of a word that starts phrases of several words: (the clitics it strips, its phrases by their second
# word, as (those of two words, the longer ones by third word))
_Phrases = tuple[tuple[str, dict[str, tuple[list[_Ranked], dict[str, list[_Ranked]]]]], ...]


@dataclass(frozen=True, slots=True)
class _Starts:
    """What the lexicon may match from one word as written, with every test the word alone decides
    already applied (capitals, the article, clitics)."""

    phrases: _Phrases  # empty when no phrase of several words starts here: `single` is then the answer
    seconds: frozenset[str]  # the second words of those phrases: without one next, `single` is the answer too
    # the match of the word alone, as phrase_at gives it (0 or 1, the entries of every form, the clitics of the
    # first form with one); a phrase of several words standing here wins over it
    single: tuple[int, list[Entry], str]
    demonym: list[Entry]  # the nationality the word names through its inflection, if any
    # what match_phrases makes of the word when no phrase of several words stands here: `single`, else the
    # demonym, without the common words a name hides and the places a month is named like (see `_alone`)
    alone: tuple[int, list[Entry], str]


_NOTHING = _Starts((), frozenset(), (0, [], ""), [], (0, [], ""))  # most words start nothing: one shared answer
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
    out, single, single_prefix = [], [], ""
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
        if several:
            out.append((prefix or "", {second: _by_third(ps) for second, ps in several.items()}))
        for entry in alone:
            if not single:
                single, single_prefix = [entry], prefix or ""
            elif entry not in single:
                single.append(entry)
    seconds = frozenset(second for _, several in out for second in several)
    demonym = _demonym(token, lex)
    if not (out or single or demonym):
        return _NOTHING
    found = (1, single, single_prefix) if single else (0, single, single_prefix)
    return _Starts(tuple(out), seconds, found, demonym, _alone(token, lex, found, demonym))


def _alone(token: Token, lex: Lexicon, found: tuple[int, list[Entry], str],
           demonym: list[Entry]) -> tuple[int, list[Entry], str]:
    """The chunks of a word alone, as match_phrases makes them: worked out once per word, as they depend on
    the word only. A month's name keeps its length with no place left ("أغسطس/آب": August, not the town of
    Ibb): the word is taken, by no chunk."""
    n, entries, prefix = found
    if not n and demonym:
        n, entries = 1, demonym
    if n:
        entries = _named_first(entries)
        if token.norm in lex.lang.months:
            entries = [e for e in entries if e.kind != "entity"]
    return n, entries, prefix


def _named_first(entries: list[Entry]) -> list[Entry]:
    """An entity name wins over a common word with the same letters (a head noun, a title)."""
    if len(entries) > 1 and any(e.kind == "entity" for e in entries):
        return [e for e in entries if e.kind not in ("head", "title")]
    return entries


def _by_third(phrases: list[tuple[tuple[str, ...], Entry]]) -> tuple[list[_Ranked], dict[str, list[_Ranked]]]:
    """Phrases sharing their first two words, ranked: those of two words, and the longer ones by third word
    ('القوات المسلحة' starts some forty names, told apart by the next word)."""
    two: list[_Ranked] = []
    by_third: dict[str, list[_Ranked]] = {}
    for rank, (words, entry) in enumerate(phrases):
        if len(words) == 2:
            two.append((rank, words, entry))
        else:
            by_third.setdefault(words[2], []).append((rank, words, entry))
    return two, by_third


def _longest(tokens: list[Token], i: int, starts: _Starts) -> tuple[int, list[Entry], str] | None:
    """The longest phrase of several words standing at token i: (its length, every entry it has, the clitics);
    None when none does. Phrases of one length count in the order the lexicon index gives them, form by form."""
    best_len, best, prefix = 0, [], ""
    following = tokens[i + 1].forms if i + 1 < len(tokens) else ()
    third = tokens[i + 2].forms if i + 2 < len(tokens) else ()
    for form_prefix, several in starts.phrases:
        for second in following:
            if second not in several:
                continue
            two, by_third = several[second]
            if by_third.keys().isdisjoint(third):  # most tries: no longer phrase goes on with the third word
                ranked = two
            else:
                ranked = _with_longer(two, by_third, third)
            for _, words, entry in ranked:
                n = len(words)
                if n < best_len or i + n > len(tokens) or (n > 3 and not _stands_from_fourth(tokens, i, words)):
                    continue
                if n > best_len:
                    best_len, best, prefix = n, [entry], form_prefix
                elif entry not in best:
                    best.append(entry)
    return (best_len, best, prefix) if best_len else None


def _with_longer(two: list[_Ranked], by_third: dict[str, list[_Ranked]], third: tuple[str, ...]) -> list[_Ranked]:
    """The phrases of two words and the longer ones going on with a form of the third word, by rank (apart from
    _longest, whose every call would otherwise make a closure cell for the comprehension)."""
    return sorted(two + [p for word in third for p in by_third.get(word, ())], key=_RANK)


def _stands_from_fourth(tokens: list[Token], i: int, words: tuple[str, ...]) -> bool:
    """Whether the fourth and later words of a phrase at token i are there (the first three are known)."""
    for k in range(3, len(words)):
        if words[k] not in tokens[i + k].forms:
            return False
    return True


def phrase_at(tokens: list[Token], i: int, lex: Lexicon) -> tuple[int, list[Entry], str]:
    """Longest phrase starting at token i: (its length, every entry it has, the stripped clitics)."""
    starts = _starts(tokens[i], lex)
    if starts.phrases and i + 1 < len(tokens) and not starts.seconds.isdisjoint(tokens[i + 1].forms):
        return _longest(tokens, i, starts) or starts.single
    return starts.single


def match_phrases(state: SentenceState, lex: Lexicon) -> list[Chunk]:
    """Greedy longest matches over the sentence's tokens; a span may carry several entries (kinds) at once.

    Each Chunk's fields are set here, not through its dataclass __init__, which would cost a frame per chunk."""
    tokens = state.tokens
    seen = lex.word_cache.get
    found = [seen(t.text) for t in tokens]  # what each word may start, if seen before
    chunks: list[Chunk] = []
    free = 0  # the first token after the last match
    for i in compress(range(len(found)), map(is_not, found, repeat(_NOTHING))):  # a third of words start nothing
        starts = found[i]
        if i < free or tokens[i].is_punct:
            continue
        if starts is None:
            starts = _starts(tokens[i], lex)
            if starts is _NOTHING:
                continue
        if starts.phrases and i + 1 < len(tokens) and not starts.seconds.isdisjoint(tokens[i + 1].forms) \
                and (several := _longest(tokens, i, starts)) is not None:
            n, entries, prefix = several
            entries = _named_first(entries)
        else:
            n, entries, prefix = starts.alone
        if n:
            j = i + n
            for e in entries:
                c = _new(Chunk)
                c.kind, c.i, c.j, c.value, c.detail, c.prefix = e.kind, i, j, e.value, e.detail, prefix
                chunks.append(c)
            free = j
    return match_gapped(state, chunks, lex) if lex.gapped and state.matches(lex.gapped) else chunks


CLAUSE_ENDS = frozenset({",", "،", ".", ";", "؛", ":"})


def match_gapped(state: SentenceState, chunks: list[Chunk], lex: Lexicon, gap: int = 12) -> list[Chunk]:
    """Phrases whose parts stand apart ("تبادلت الفصائل ... إطلاق النار"), within one clause: the first part
    carries the entry; the second becomes a "tail" chunk in place of what was matched inside it, so that no
    name runs into it ("أطلق مسلحون النار": the gunmen, not "مسلحون النار")."""
    tokens, table = state.tokens, lex.gapped
    taken = 0  # the end of the last gapped phrase: its words are no start of another
    for i, (n_first, group) in state.matches(table).items():
        if i < taken or any(c.i <= i < c.j and c.kind == "trigger" and c.j - c.i > n_first for c in chunks):
            continue  # the phrase already matched whole, or is part of one ("حذر ... ستدفع الثمن غاليا")
        after = i + n_first
        last = min(len(tokens), after + gap + 1)
        last = next((k for k in range(after, last) if tokens[k].text in CLAUSE_ENDS), last)  # the clause's end
        for second, entry, strict in group:
            if second[0] not in state.vocabulary:
                continue  # most second parts: their first word is nowhere in the sentence
            stop = last
            if strict:  # the second part stands before another kind of event word, or on it
                stop = min([stop] + [c.i + 1 for c in chunks if c.kind == "trigger" and c.value != entry.value
                                     and c.i >= after])
            for k in range(after, stop):
                if second[0] in tokens[k].forms and table.fits(tokens, k, second):
                    end = k + len(second)
                    chunks = [c for c in chunks if c.j <= i or c.i >= end or (after <= c.i and c.j <= k)]
                    chunks.append(Chunk(entry.kind, i, i + n_first, entry.value, entry.detail))
                    chunks.append(Chunk("tail", k, end, entry.value, entry.gap_role))
                    taken = end
                    break
    return sorted(chunks, key=_START)


def _demonym(token: Token, lex: Lexicon) -> list[Entry]:
    """The nationality a word names through its inflection ('أمريكيين', 'Americans'): one entry or none."""
    if lex.lang.names_capitalised and not token.text[:1].isupper():
        return []
    for base in lex.lang.demonym_bases(token.norm):
        found = lex.alone(base, "demonym")
        if found:
            return found[:1]
    return []
