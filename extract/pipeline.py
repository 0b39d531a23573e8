"""The shared pipeline: segment, tokenise, match, entities, events, claims, relations, numbers, time.

Every stage is language-neutral; what differs between Arabic and English comes
from the language profile (extract/lang/) and the lexicon Turtle.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from datetime import date
from functools import cache

from spacy.attrs import IDX, ORTH
from spacy.lexeme import Lexeme

from conflictkg.extract.anaphora import fold_repeated
from conflictkg.extract.chunks import SentenceState, match_phrases
from conflictkg.extract.claims import find_claims
from conflictkg.extract.classes import ATTACKS, HARMLESS
from conflictkg.extract.entities import find_entities
from conflictkg.extract.events import Found, find_events
from conflictkg.extract.lang import Language, detect_language, get_language
from conflictkg.extract.lexicon import load_lexicon
from conflictkg.extract.model import Document, Sentence
from conflictkg.extract.model_evidence import ModelEvidence, fill_from_parse, model_evidence
from conflictkg.extract.phrases import language_tables
from conflictkg.extract.quantities import casualties, find_time, harm_words, number_at
from conflictkg.extract.registry import Registry
from conflictkg.extract.relations import find_relations, link_responses
from conflictkg.extract.text import Token, clean, split_sentences

__all__ = ["extract_document", "document_id"]


def document_id(text: str) -> str:
    """A stable id for a text without a file name: a prefix of its content hash."""
    return "doc-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@cache
def _tokenizer(lang: str):
    return get_language(lang).make_tokenizer()


_WORDS_KEPT = 100_000  # distinct words a language keeps read; the table is emptied when full
_SPACE = ("",)  # what the table of words read holds for whitespace, which makes no token
_new = object.__new__


def _tokens(text: str, start: int, end: int, lang: str) -> list[Token]:
    """Tokens of text[start:end] with document offsets and normalised forms.

    spaCy is given the text in one call, its line breaks read as spaces. A line break is one of spaCy's special
    cases, and once it meets one in a text it keeps none of the words that follow in its cache of split words:
    with the breaks in, every word after the first line was split afresh each time it came back, and a call
    per line cost a Doc and an array read per line. A space keeps the offsets and the tokens: spaCy splits
    each run of non-space characters on its own, and the whitespace tokens are dropped. Its arrays are read in
    one call, as two columns (no list per token), only each token's offset and word id (its orth): iterating a
    Doc builds a Python object per token, which cost more than the tokenizing. The word id finds the word, its
    normalised form, forms and length in the language's table of words already seen (looked up in one C-level
    pass), without cutting the word out of the text. Each Token's fields are set here, not through its dataclass
    __init__: called from C, that runs in an interpreter frame of its own, which cost three times the setting.
    """
    language = get_language(lang)
    seen, tokenizer = language.words_seen, _tokenizer(lang)
    out = []
    offsets, orths = tokenizer(text[start:end].replace("\n", " ")).to_array([IDX, ORTH]).T.tolist()
    for s, orth, known in zip(offsets, orths, map(seen.get, orths), strict=True):
        if known is None:
            known = _read_word(language, tokenizer.vocab[orth])
        if known is not _SPACE:
            token = _new(Token)
            token.text, token.norm, token.is_punct, token.forms, length = known
            token.start = s = start + s
            token.end = s + length
            out.append(token)
    return out


def _read_word(language: Language, lexeme: Lexeme) -> tuple[str, str, bool, tuple[str, ...], int]:
    """A word as written, its normalised form, punctuation flag, forms and length (or _SPACE), kept on the
    language by the word's id: they depend on the word alone."""
    if len(language.words_seen) >= _WORDS_KEPT:
        language.words_seen.clear()
    word = lexeme.orth_
    if lexeme.is_space:
        known = _SPACE
    else:
        n = language.normalise(word)
        known = word, n, lexeme.is_punct, language.token_forms(word, n), len(word)
    language.words_seen[lexeme.orth] = known
    return known


def _by_sentence(tokens: list[Token], spans: list[tuple[int, int]]) -> list[list[Token]]:
    """Split document tokens into sentences by their start offsets."""
    starts = [t.start for t in tokens]  # a slot read in a comprehension is specialised, an attrgetter call is not
    return [tokens[bisect_left(starts, s):bisect_left(starts, e)] for s, e in spans]


def extract_document(text: str, *, doc_id: str | None = None, lang: str | None = None,
                     date: date | None = None, title: str | None = None, source: str | None = None,
                     lexicons: tuple[str, ...] = (), model: str | None = None) -> Document:
    """Extract a Document model from `text`; `lang` None detects it from the script.

    `model` names an installed spaCy pipeline whose entities are extra evidence (never downloaded).
    """
    text = clean(text)
    lang = lang or detect_language(text)
    language = get_language(lang)
    lex = load_lexicon(lang, tuple(lexicons))
    doc = Document(doc_id or document_id(text), text, lang, title=title, source=source, date=date)
    reg = Registry(doc, lex)
    tables = language_tables(lang)
    spans = split_sentences(text, language.keep_together)
    extra = model_evidence(text, model) if model else ModelEvidence()
    repeats: dict[int, int] = {}
    for index, ((start, end), tokens) in enumerate(zip(spans, _by_sentence(_tokens(text, 0, len(text), lang), spans),
                                                        strict=True)):
        doc.sentences.append(Sentence(index, start, end, text[start:end]))
        state = SentenceState(index, start, tokens, tables)
        state.chunks = match_phrases(state, lex)
        mentions = find_entities(state, text, reg, [e for e in extra.entities if start <= e[0] and e[1] <= end])
        found = find_events(state, text, mentions, reg)
        if extra.arguments:
            fill_from_parse([f.event for f in found], mentions, state.tokens, extra.arguments, reg)
        _numbers_and_time(state, text, found, doc)
        link_responses(state, found, len(doc.events), doc)
        doc.claims.extend(find_claims(state, text, mentions, found, len(doc.events), reg))
        for f in found:
            if f.repeats is not None:
                repeats[len(doc.events)] = f.repeats
            doc.events.append(f.event)
        find_relations(state, mentions, reg)
    fold_repeated(doc, repeats)
    return doc


def _numbers_and_time(state: SentenceState, text: str, found: list[Found], doc: Document) -> None:
    follows_attack = doc.events and doc.events[-1].sentence == state.index - 1 and doc.events[-1].type in ATTACKS
    if not found and not follows_attack:
        return  # no event here or just before for a toll or a time
    lang = get_language(doc.lang)
    words, when = find_time(state, text, lang, doc.date) if found else (None, None)
    killed, killed_at, injured, injured_at = _tolls(state, lang)
    if not found:  # "... struck a tanker on Tuesday. No one was hurt."
        last = doc.events[-1]
        last.fatalities = killed if last.fatalities is None else last.fatalities
        last.injuries = injured if last.injuries is None else last.injuries
    harmful = [f for f in found if f.event.type not in HARMLESS]
    # the events each toll belongs to, found once for all the sentence's events
    dead_of = _owners(harmful, killed_at) if killed is not None else []
    wounded_of = _owners(harmful, injured_at) if injured is not None else []
    for f in found:
        ev = f.event
        if words:
            ev.time_expression, ev.time = words, when
        if ev.type == "Killing" and ev.targets:
            victims = _count_before_victims(state, f, lang)
            ev.fatalities = victims if victims is not None else killed
        elif killed is not None and f in dead_of:
            ev.fatalities = killed
        if injured is not None and f in wounded_of:
            ev.injuries = injured


def _tolls(state: SentenceState, lang: Language) -> tuple[int | None, int | None, int | None, int | None]:
    """The number of dead and the token of its casualty word, then those of the wounded; None when not told."""
    if harm_words(lang.code).isdisjoint(state.vocabulary):
        return None, None, None, None  # most sentences tell no toll: one set test for every word of harm
    killed, killed_at = casualties(state, lang.killed_words, lang)
    injured, injured_at = casualties(state, lang.injured_words, lang)
    if killed is None or injured is None:
        harm, harm_at = casualties(state, lang.harm_words, lang)
        if harm == 0:  # "caused no casualties", "دون وقوع خسائر بشرية": nobody killed or wounded
            killed, killed_at = (0, harm_at) if killed is None else (killed, killed_at)
            injured, injured_at = (0, harm_at) if injured is None else (injured, injured_at)
    return killed, killed_at, injured, injured_at


def _owners(found: list[Found], at: int) -> list[Found]:
    """The events a toll at token `at` belongs to: the last one told before it ('a drone attack that
    killed three soldiers'), or, when it comes first or follows a killing ('قُتل جنديان وأصيب ثلاثة
    في كمين'), every one."""
    before = [f for f in found if f.i < at]
    if not before or before[-1].event.type == "Killing":
        return found
    return [before[-1]] + [f for f in found if f.i == at]


def _count_before_victims(state: SentenceState, f: Found, lang) -> int | None:
    """'أربعة أعضاء من X قتلوا' / 'killed four soldiers': the number right before the victims, the nearest
    before the verb ('أحد المصدرين ... إن ٥ جنود قتلوا': five, not the one source), else after it."""
    for k in [*range(f.i - 1, max(0, f.i - 12) - 1, -1), *range(f.i, min(len(state.tokens), f.j + 6))]:
        value = number_at(state, k, lang)
        if value is not None and not 1900 <= value <= 2100:
            return value
    return None
