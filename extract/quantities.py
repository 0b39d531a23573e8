"""Numbers (fatalities, injuries) and time expressions in a sentence.

Exact counts only: "at least 12" gives 12, "dozens" / "عشرات" give nothing.
Time expressions keep their words; they resolve to a date only when the
document date fixes the day (a weekday, "yesterday", "12 March").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from conflictkg.extract.chunks import SentenceState
from conflictkg.extract.lang import Language, get_language
from conflictkg.extract.phrases import PhraseTable
from conflictkg.extract.text import Token, reading_positions

__all__ = ["number_at", "find_time", "count_near", "casualties", "harm_words"]

_DIGITS = re.compile(r"^\d{1,6}$")
_SINCE_IN = frozenset({"منذ", "since", "in", "في"})
_JOINS = frozenset({"and", "و", "while", "فيما", "بينما"})


def number_at(state: SentenceState, i: int, lang: Language) -> int | None:
    """The exact number written at token i (digits or words, 'خمسة عشر', 'twenty-five'), if any."""
    toks = state.tokens
    if not 0 <= i < len(toks):
        return None
    norm = toks[i].norm.replace(",", "")
    if _DIGITS.match(norm):
        return int(norm)
    if _dual(state, i, lang) or (not lang.names_capitalised and i > 0 and toks[i].norm.endswith("ان")
                                 and len(toks[i].norm) >= 5 and state.chunk_at(i) is None
                                 and not lang.killed_words.isdisjoint(toks[i - 1].forms)):
        return 2  # "قتل جنديان", "قُتل شخصان": a dual right after the death word
    persons = _persons(toks[i].norm, lang)
    if persons and _beside_casualty_word(toks, i, lang):  # "مقتل شخص وإصابة طفلين", "إن جنديين قتلا"
        for k in range(i + 1, len(toks)):  # "مقتل ضابط وجنديين": a toll by categories, summed
            more = _persons(toks[k].norm[1:], lang) if toks[k].norm[:1] == "و" else None
            if not more:
                break
            persons += more
        return persons
    if i > 1 and toks[i - 1].text == "-" and toks[i - 2].norm in lang.number_words:
        return None  # "five" in "twenty - five": the compound is read from its start
    if i > 0 and toks[i - 1].norm in lang.vague_numbers:
        return None  # "several dozen", "بضع عشرات": vague however exact the word after
    for form in lang.forms(norm)[:2]:
        if form in lang.vague_numbers:
            return None
        if form in lang.number_words:
            value = lang.number_words[form]
            # compounds: "خمسة عشر" (15), "twenty - five", "عشرين و خمسة"
            if i + 1 < len(toks) and toks[i + 1].norm in lang.number_words and lang.number_words[
                    toks[i + 1].norm] == 10 and value < 10:
                return value + 10
            if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].norm in lang.number_words:
                return value + lang.number_words[toks[i + 2].norm]
            return value
    return None


def _beside_casualty_word(toks: list[Token], i: int, lang: Language) -> bool:
    """Whether a word of killing or wounding stands right before or after token i (a loop: a generator in
    number_at would cost it closure cells on every call)."""
    for n in (i - 1, i + 1):
        if 0 <= n < len(toks) and not (lang.killed_words.isdisjoint(toks[n].forms)
                                       and lang.injured_words.isdisjoint(toks[n].forms)):
            return True
    return False


def _persons(word: str, lang: Language) -> int | None:
    """One for a counted singular ('شخص', 'امراه'), two for its dual ('شخصين', 'امراتان')."""
    if not lang.counted_nouns:
        return None
    if word in lang.counted_nouns:
        return 1
    stem = word[:-2] if word.endswith(("ين", "ان")) else ""
    if stem in lang.counted_nouns or (stem.endswith("ت") and stem[:-1] + "ه" in lang.counted_nouns):
        return 2
    return None


def _dual(state: SentenceState, i: int, lang: Language) -> bool:
    """Arabic duals of a head noun: جنديان, عنصران, مسؤولان (two soldiers, members, officials)."""
    if lang.names_capitalised or not state.tokens[i].norm.endswith("ان"):
        return False
    head = state.chunk_at(i, "head")
    return head is not None and len(state.tokens[i].forms) > 1


def count_near(state: SentenceState, words: frozenset[str], lang: Language, window: int = 6) -> int | None:
    """A number within `window` tokens of a casualty word ('12 killed', 'killing four', 'قتل 12')."""
    return casualties(state, words, lang, window)[0]


def casualties(state: SentenceState, words: frozenset[str], lang: Language,
               window: int = 6) -> tuple[int | None, int | None]:
    """`count_near`, and the position of the casualty word it belongs to (the events nearest it own it)."""
    toks = state.tokens
    if words.isdisjoint(state.vocabulary):
        return None, None
    harm = harm_words(lang.code)
    for k in reading_positions(toks, words):
        first = k  # "No one was killed or injured": a casualty word joined to a negated one is negated too
        while first >= 2 and toks[first - 1].norm in ("or", "nor", "and", "او", "ولا") \
                and not harm.isdisjoint(toks[first - 2].forms):
            first -= 2
        if _negated(state, first, lang):
            return 0, k
        if k + 1 < len(toks) and (toks[k + 1].norm in lang.indefinite_articles or toks[k + 1].norm in lang.one_more
                                  or _the_one(toks, k + 1, lang)):
            # "killing a 63-year-old woman", "wounding an officer", "وأصيب آخر", "killing the driver"; "killing a
            # commander and four other people": five
            return 1 + _joined_counts(state, k + 1, lang, harm), k
        open_sides = {-1, 1}  # a side closes at "and" / "و": "29 killed and 58 wounded"
        if _and_on_word(toks[k]):
            open_sides.discard(-1)  # "قتل جنديان وأصيب أربعة": the conjunction on the word closes the side before
        for d in range(1, window + 1):
            for side in (-1, 1):
                n = k + side * d
                if side not in open_sides or not 0 <= n < len(toks):
                    continue
                if toks[n].norm in _JOINS:
                    open_sides.discard(side)
                    continue
                value = number_at(state, n, lang)
                if value is not None and not _is_year(value) and not _is_age(state, n):
                    return value + (_joined_counts(state, n, lang, harm) if side == 1 else 0), k
    return None, None


def _joined_counts(state: SentenceState, n: int, lang: Language, harm: frozenset[str]) -> int:
    """'killing two members of the security forces and a civilian', 'مقتل خمسة جنود وثلاثة مدنيين': the
    counts joined by and / و after the first, up to the clause's end, are more of the same toll; not 'and
    three were wounded', whose count belongs to the next casualty word."""
    toks, more = state.tokens, 0
    for x in range(n + 1, min(len(toks), n + 10)):
        if toks[x].is_punct or not harm.isdisjoint(toks[x].forms):
            break
        joined = toks[x].norm in ("and", "و")
        at = x + 1 if joined else x  # "and a civilian"; Arabic writes و on the number: "وثلاثة"
        if not joined and not _and_on_word(toks[x]):
            continue
        value = 1 if at < len(toks) and toks[at].norm in lang.indefinite_articles else number_at(state, at, lang)
        if value is None and not joined and _persons(toks[n].norm, lang) is None:
            value = _persons(toks[at].norm[1:], lang)  # "مقتل تسعة أطفال وامرأة" (number_at sums "ضابط وجنديين")
        if value is None or any(not harm.isdisjoint(t.forms) for t in toks[at + 1:at + 4]):
            break
        more += value
    return more


def _the_one(toks: list[Token], k: int, lang: Language) -> bool:
    """'killing the driver', 'wounding the bus driver': the definite article and, as one of the next two words, a
    noun that names one person (the language's `one_person`)."""
    return k + 1 < len(toks) and toks[k].norm == "the" and any(lang.one_person(t.norm) for t in toks[k + 1:k + 3])


def _and_on_word(token: Token) -> bool:
    """Arabic writes و on the word it joins: 'وأصيب', 'وثلاثة' (a clitic, not the word's own first letter)."""
    return token.norm[:1] == "و" and token.norm[1:] in token.forms


@cache
def harm_words(code: str) -> frozenset[str]:
    """The words that tell of the dead or wounded: killed, injured and both together ('casualties')."""
    lang = get_language(code)
    return lang.killed_words | lang.injured_words | lang.harm_words


def _negated(state: SentenceState, k: int, lang: Language) -> bool:
    """'no casualties', 'causing no injuries', 'دون إصابات', 'لم تقع إصابات', 'دون أن يسفر الانفجار عن إصابات'.

    Loops, not generators, and a phrase list is looked through only when its first words are in the sentence:
    this is asked of every casualty word."""
    toks = state.tokens
    start = max(0, k - 5)
    for x in range(k - 1, start - 1, -1):  # the words since the last punctuation before k
        if toks[x].is_punct:
            start = x + 1
            break
    before = toks[start:k]
    if _phrase_in(state, "no_word", before):
        return False  # "gave no details on casualties", "لم ترد معلومات عن إصابات": the toll is unknown, not zero
    for b in before[-3:]:
        if b.norm in lang.negators:
            return True
    return _phrase_in(state, "without", before)


def _phrase_in(state: SentenceState, name: str, words: list[Token]) -> bool:
    """Whether a phrase of the language's list `name` stands wholly inside `words`, part of the sentence."""
    table = state.tables[name]
    if table.first_words.isdisjoint(state.vocabulary):
        return False
    for x in range(len(words)):
        if table.at(words, x):
            return True
    return False


def _is_age(state: SentenceState, i: int) -> bool:
    """'a 63-year-old woman', 'يبلغ 63 عاما': an age, not a count."""
    after = [t.norm for t in state.tokens[i + 1:i + 3]]
    return bool(after) and (after[0] in ("عاما", "عام", "سنه", "year", "years") or after[:2] == ["-", "year"])


def _is_year(n: int) -> bool:
    return 1900 <= n <= 2100


def find_time(state: SentenceState, text: str, lang: Language, doc_date: date | None) \
        -> tuple[str | None, date | None]:
    """The sentence's time expression (its words) and, when the document date fixes it, the date."""
    toks = state.tokens
    time_words = _time_words(lang.code)
    if time_words.isdisjoint(state.vocabulary):
        return None, None
    for i in reading_positions(toks, time_words):  # a weekday, day word or month
        forms = toks[i].forms
        start = i - 1 if i > 0 and (toks[i - 1].norm in lang.time_words or toks[i - 1].norm in (
            "on", "last", "يوم")) else i
        if forms[0] in lang.weekdays or (len(forms) > 1 and forms[1] in lang.weekdays):
            wd = lang.weekdays.get(forms[0], lang.weekdays.get(forms[-1]))
            end = i + 2 if i + 1 < len(toks) and toks[i + 1].norm in lang.time_words else i + 1
            words = state.text(start, end, text)
            if doc_date is None:
                return words, None
            back = (doc_date.weekday() - wd) % 7
            return words, doc_date - timedelta(days=back)
        offset = lang.day_offsets.get(forms[0]) if forms[0] in lang.day_offsets else lang.day_offsets.get(
            forms[-1])
        if offset is not None:
            words = state.text(start, i + 1, text)
            return words, (doc_date + timedelta(days=offset)) if doc_date else None
        month = _month_at(state, i, lang)
        if month:
            n_words, m = month
            day = number_at(state, i - 1, lang) if i > 0 else None
            if day is None and i + n_words < len(toks):
                day = number_at(state, i + n_words, lang)
            first = i - 1 if day is not None and number_at(state, i - 1, lang) == day else i
            if first == i and i > 0 and not _SINCE_IN.isdisjoint(toks[i - 1].forms):
                first = i - 1
            last = i + n_words
            while last < len(toks) and (_month_at(state, last, lang) or toks[last].text in "/"):
                last += _month_at(state, last, lang)[0] if _month_at(state, last, lang) else 1
            if day is not None and first == i and i + n_words < len(toks):
                last = max(last, i + n_words + 1)
            words = state.text(first, last, text).rstrip(" /")
            if day is not None and 1 <= day <= 31 and doc_date is not None:
                year = doc_date.year if m <= doc_date.month else doc_date.year - 1
                try:
                    return words, date(year, m, day)
                except ValueError:
                    return words, None
            return words, None
    return None, None


def _month_at(state: SentenceState, i: int, lang: Language) -> tuple[int, int] | None:
    toks = state.tokens
    if i >= len(toks) or (lang.names_capitalised and not toks[i].text[:1].isupper()):
        return None  # English "may", "march"
    return state.matches(_months(lang.code)).get(i)


@cache
def _time_words(code: str) -> frozenset[str]:
    """Words one of which a sentence must have for find_time to find anything."""
    lang = get_language(code)
    return frozenset(lang.weekdays) | frozenset(lang.day_offsets) | _months(code).first_words


@cache
def _months(code: str) -> PhraseTable:
    lang = get_language(code)
    return PhraseTable((tuple(key.split()), m) for key, m in lang.months.items())
