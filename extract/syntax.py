"""Sentence structure the role rules share: clause boundaries and the preposition governing a mention."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from itertools import chain

from conflictkg.extract.chunks import SentenceState
from conflictkg.extract.lang import Language, get_language
from conflictkg.extract.phrases import language_table
from conflictkg.extract.registry import EMention
from conflictkg.extract.text import Token, attached

__all__ = ["appositive", "asides", "clause_bounds", "joined", "prep_of", "PLACE_WORDS"]

PLACE_WORDS = frozenset("district province state region capital city town village suburb neighbourhood "
                         "neighborhood governorate area county municipality".split())


def clause_bounds(state: SentenceState, i: int, lang: Language) -> tuple[int, int]:
    """The clause around token i: between clause breaks, complementisers and quotes.

    Every stage asks for clauses, often of the same tokens: the scan jumps between the few tokens that may
    bound a clause, found once per sentence, and its result is kept on the sentence per mark it starts from,
    as all the tokens between two marks share it.
    """
    marks = state.clause_marks
    if marks is None:  # the tokens that may bound a clause; every other token is crossed
        marks = state.clause_marks = state.positions(_bounding_words(lang.code))
    x, y = bisect_left(marks, i) - 1, bisect_left(marks, i + 1)
    a = state.clause_starts.get(x)
    if a is None:
        a = state.clause_starts[x] = _clause_start(state, marks, x, lang)
    b = state.clause_ends.get(y)
    if b is None:
        b = state.clause_ends[y] = _clause_end(state, marks, y, lang)
    # "struck X in response to a drone attack that killed ... in Jordan": the answered event is a clause of its own
    responses = state.named("response")
    if responses:
        a = max([a] + [k + n for k, (n, _) in responses.items() if k + n <= i])
        b = min([b] + [k for k in responses if k > i])
    return a, b


def _clause_start(state: SentenceState, marks: list[int], x: int, lang: Language) -> int:
    """Where a clause starts whose last possible bound before it is mark x (-1: none)."""
    toks, complementisers = state.tokens, lang.complementisers
    while x >= 0:
        k = marks[x]
        a = k + 1
        if toks[k].norm in complementisers and _opens_report(state, k, lang):
            return a
        if _breaks(state, k, lang):
            resume = _aside(state, k, -1, lang) if toks[k].text in (",", "،") else -1
            if resume < 0:
                return a
            x = bisect_left(marks, resume) - 1
            continue
        x -= 1
    return 0


def _clause_end(state: SentenceState, marks: list[int], x: int, lang: Language) -> int:
    """Where a clause ends (exclusive) whose first possible bound after it is mark x (len(marks): none)."""
    toks, complementisers = state.tokens, lang.complementisers
    while x < len(marks):
        k = marks[x]
        if toks[k].norm in complementisers and _opens_report(state, k, lang):
            return k
        if _breaks(state, k, lang):
            resume = _aside(state, k, 1, lang) if toks[k].text in (",", "،") else -1
            if resume < 0 and toks[k].text in (",", "،"):
                resume = appositive(state, k)
            if resume < 0:
                return k
            x = bisect_left(marks, resume + 1)
            continue
        x += 1
    return len(toks)


@cache
def _bounding_words(code: str) -> frozenset[str]:
    """The normalised words that may bound a clause: clause breaks (a break as written normalises to one of
    these) and complementisers. A token that is none of them is crossed by every clause scan."""
    lang = get_language(code)
    return lang.clause_breaks | frozenset(map(lang.normalise, lang.clause_breaks)) | lang.complementisers


def _breaks(state: SentenceState, k: int, lang: Language) -> bool:
    """Whether token k ends a clause: a clause-break word, but not a hyphen inside a word or between
    two names, or a bracket around a short aside."""
    toks = state.tokens
    t = toks[k]
    if t.text in "-–" and (attached(toks, k) or (0 < k < len(toks) - 1 and state.chunk_at(k - 1, "entity")
                                                  and state.chunk_at(k + 1, "entity"))):
        return False  # "British-owned", "Kurdish-led": a hyphen inside a word; "داعش - ولاية الساحل": one name
    if t.text == "(" and any(toks[x].text == ")" for x in range(k + 1, min(len(toks), k + 5))) or \
            t.text == ")" and any(toks[x].text == "(" for x in range(max(0, k - 4), k)):
        return False  # "(ISWAP)", "(إيسواب)": a short aside inside the clause
    return t.text in lang.clause_breaks or t.norm in lang.clause_breaks


def _aside(state: SentenceState, k: int, step: int, lang: Language) -> int:
    """Past a comma-fenced time phrase ('، مساء الاثنين،', ', on Monday,') or one naming the medium ('، في
    بيان مساء الأحد،', ', in a statement on Sunday,'): where scanning resumes, else -1."""
    toks = state.tokens
    n = k + step
    while 0 <= n < len(toks) and abs(n - k) <= 4 and toks[n].text not in (",", "،"):
        forms = toks[n].forms
        if not (toks[n].norm in lang.time_words or not lang.weekdays.keys().isdisjoint(forms)
                or not lang.day_offsets.keys().isdisjoint(forms) or toks[n].norm in ("on", "يوم", "late", "early")):
            return _medium_aside(state, k, step)
        n += step
    return n if 0 <= n < len(toks) and abs(n - k) > 1 else -1


def _medium_aside(state: SentenceState, k: int, step: int) -> int:
    """The other comma of an aside from the comma at k that names the medium in its first words and tells
    no event: 'خلال مؤتمر صحفي في كييف', 'in a statement on Sunday'; else -1."""
    mediums = state.chunks_of("medium")
    if not mediums:
        return -1  # most sentences name no medium: the search for the other comma is spared
    toks = state.tokens
    close = next((n for n in range(k + step, k + 10 * step, step) if 0 <= n < len(toks)
                  and toks[n].text in (",", "،")), -1)
    lo, hi = sorted((k, close))
    if close < 0 or not 0 < close < len(toks) - 1 or any(lo < c.i < hi for c in state.chunks_of("trigger", "cue")):
        return -1
    start = min(k, close) + 1
    return close if any(start <= m.i <= start + 2 and m.j <= hi for m in mediums) else -1


def appositive(state: SentenceState, k: int) -> int:
    """The comma closing a description of the name before the comma at k ('، فرع تنظيم القاعدة في منطقة
    الساحل،', ', the armed wing of Hamas,', '، وهي تحالف يضم ...،'), else -1. The clause goes on after it,
    and what is named inside it describes that name: it plays no role in the clause."""
    toks = state.tokens
    start = k + 1 + (k + 1 < len(toks) and toks[k + 1].norm in ("the", "a", "an"))
    if k == 0 or state.chunk_at(k - 1) is None or not (start in state.named("wing")
                                                       or start in state.named("is_a")):
        return -1
    close = next((n for n in range(start, min(len(toks), start + 10)) if toks[n].text in (",", "،")), None)
    return close if close is not None and close + 1 < len(toks) else -1


def asides(state: SentenceState) -> list[tuple[int, int]]:
    """The comma-fenced asides of a sentence that play no part in its clauses, (opening comma, closing
    comma): descriptions of names, which open with a 'wing' or 'is_a' phrase, after an article in English (see
    `appositive`), and the circumstances of a statement, which name its medium ('، خلال مؤتمر صحفي في كييف،')."""
    wings, kinds, mediums = state.named("wing"), state.named("is_a"), state.chunks_of("medium")
    if not (wings or kinds or mediums):
        return []  # most sentences: no description or medium anywhere
    toks = state.tokens
    openers = [k for k in chain(wings, kinds) if k > 1]
    commas = [k - 1 - (toks[k - 1].norm in ("the", "a", "an")) for k in openers]
    fenced = [(k, appositive(state, k)) for k in commas if toks[k].text in (",", "،")]
    for m in mediums:
        k = next((k for k in range(m.i - 1, max(0, m.i - 4), -1) if toks[k].text in (",", "،")), None)
        if k is not None:
            fenced.append((k, _medium_aside(state, k, 1)))
    return [(k, close) for k, close in fenced if close > 0]


def _opens_report(state: SentenceState, k: int, lang: Language) -> bool:
    """The complementiser at token k opens a new clause, except in 'مواقع يشتبه بأنها تابعة ل': after a verb
    that reports nothing, a few words into a noun phrase, it stays inside the clause."""
    toks = state.tokens
    return lang.names_capitalised or k < 2 or state.chunk_at(k - 1) is not None or \
        state.chunk_at(k - 2) is not None or not toks[k - 1].norm.startswith(("ي", "ت"))


def prep_of(state: SentenceState, m: EMention, lang: Language) -> str | None:
    """The role a preposition gives mention m (target, location, instrument, agent, with, source)."""
    toks = state.tokens
    if toks[m.i].norm in lang.directions and m.j - m.i > 1:
        return "location"  # "جنوبي قطاع غزة", "eastern Syria"
    if state.tables["affiliated"].ending_before(toks, m.i):
        return None  # "الطيران التابع للجيش" / "drones belonging to X": X is the agent
    if m.i > 0:
        prev = toks[m.i - 1].norm
        role = lang.prepositions.get(prev)
        if role == "source" and m.i > 1 and lang.prepositions.get(toks[m.i - 2].norm) == "location":
            return "location"  # "بالقرب من مدينة الميادين", "على مقربة من": near, not from
        if role == "source" and not lang.names_capitalised and _part_of_place(state, m.i - 1, lang):
            return "location"  # "على مناطق متفرقة من مدينة خان يونس", "أحياء من الفاشر": parts of the city
        if role is not None:
            if role == "source" and m.i > 1 and state.tables["members"].ending_before(toks, m.i):
                return None  # "members of X" / "أعضاء من X": X itself
            return role
        if lang.names_capitalised and _where_of(toks, m.i - 1, lang):
            return "location"  # "40 km northwest of Kismayo", "the outskirts of Idlib"
        if lang.names_capitalised and prev == "of" and m.i > 1 and toks[m.i - 2].text.islower() and \
                toks[m.i - 2].norm in PLACE_WORDS:
            return "location"  # "the Mezzeh district of Damascus", "the capital of South Darfur"
        if lang.names_capitalised:  # "in the occupied West Bank", "on a British-owned ship"
            prepositions = lang.prepositions
            k = m.i - 1
            while k > 1 and toks[k].norm in ("'s", "'") and toks[k - 1].text[:1].isupper():
                k -= 2  # "in Russia's Ryazan region": past the possessor
                while k > 0 and toks[k].text[:1].isupper() and toks[k].norm not in prepositions:
                    k -= 1
            while k > 0 and m.i - k <= 5:
                t = toks[k]
                if t.norm in prepositions or not (
                        t.norm in ("the", "a", "an", "-")
                        or not (t.is_punct or t.norm in lang.stopwords or t.text[:1].isupper())
                        or state.chunk_at(k, "demonym") is not None):
                    break
                k -= 1
            if k < m.i - 1 and toks[k].norm in prepositions:
                return prepositions[toks[k].norm]
            if k < m.i - 1 and _where_of(toks, k, lang):
                return "location"  # "68 nautical miles west of the Yemeni port of Hodeidah"
    if not lang.names_capitalised and _held_by(state, m, lang):
        return "target"  # "على مواقع الحوثيين", "قصفت المدفعية تجمعات لقوات الدعم السريع": the holder is hit
    if not lang.names_capitalised and m.i > 1 and toks[m.i - 2].norm in lang.prepositions \
            and lang.prepositions[toks[m.i - 2].norm] in ("target", "location") and not toks[m.i - 1].is_punct \
            and toks[m.i - 1].norm not in lang.stopwords and toks[m.i].norm[:1] == "ل":
        return lang.prepositions[toks[m.i - 2].norm]  # "ضد مواقع لكتائب حزب الله": the positions' owner
    if not lang.names_capitalised and m.i > 1 and lang.prepositions.get(toks[m.i - 2].norm) in ("target", "location") \
            and state.tables["place_part"].at(toks, m.i - 1):
        return "location"  # "على طريق بلدة الناقورة", "في محيط مدينة الفاشر": where, not what was hit
    if not m.prefix:
        return None
    clitic = m.prefix.lstrip("وف")  # Arabic prepositions written on the word: بـ لـ كـ
    if clitic.startswith("ب"):
        return "instrument"  # "بصواريخ"; before a place it means "in" (see _Roles.prepositional)
    if clitic.startswith(("ل", "ك")):
        return "to"
    return None


def _held_by(state: SentenceState, m: EMention, lang: Language) -> bool:
    """Mention m owns the positions, camps or convoys named right before it ("مواقع الحوثيين",
    "تجمعات لقوات X"), and nothing but a preposition of target or place comes before those."""
    toks = state.tokens
    if m.prefix not in ("", "ل", "لل") or m.i < 1:
        return False
    holdings = state.named("holdings")
    if not holdings:
        return False
    if holdings.get(m.i - 1, (0,))[0] == 1:  # a holding of one word, or of two, ends right before m
        k = m.i - 1
    elif holdings.get(m.i - 2, (0,))[0] == 2:
        k = m.i - 2
    else:
        return False
    role = lang.prepositions.get(toks[k - 1].norm) if k > 0 else None
    return role in (None, "target", "location")


def _part_of_place(state: SentenceState, k: int, lang: Language) -> bool:
    """A place head, and only adjectives, before token k ("مناطق متفرقة من"): what follows is the whole."""
    toks = state.tokens
    j = k - 1
    while j > 0 and k - j <= 2 and toks[j].norm in lang.stopwords and not toks[j].is_punct:
        j -= 1  # "متفرقة", "سكنية"
    head = state.chunk_at(j, "head")
    return head is not None and head.j == j + 1 and head.value in ("Settlement", "Region")


def _where_of(toks: list, k: int, lang: Language) -> bool:
    """Token k is 'of' after a word of place: '40 km northwest of', 'the outskirts of'."""
    return toks[k].norm == "of" and k > 0 and (
        toks[k - 1].norm in lang.directions or lang.prepositions.get(toks[k - 1].norm) == "location"
        or language_table(lang.code, "place_part").at(toks, k - 1) is not None)


def joined(state: SentenceState, a: EMention, b: EMention, lang: Language) -> bool:
    """b follows a, joined by and / و ('Iraq and Syria', 'العراق وسوريا', 'U.S. and British', 'local residents and a
    rights group'): the role rules' coordination, and the claims' co-speakers."""
    toks = state.tokens
    if a.j >= b.i:
        return toks[b.i].norm[:1] == "و" and not lang.names_capitalised
    first = toks[a.j]  # most mentions are joined by nothing: this word tells, before the gap is sliced
    if first.norm not in ("and", "و", "،") and not (first.text == "," and not lang.names_capitalised):
        return False  # an English comma may open an appositive ("X, an umbrella group of Y,")
    return _modifiers_only(toks[a.j:b.i], lang)


def _modifiers_only(gap: list[Token], lang: Language) -> bool:
    """Whether what follows the conjunction opening `gap` may stand before a name: "the Sudanese army and the
    paramilitary RSF": determiners and adjectives; "the pro-government militia": a hyphenated adjective is one
    word. Apart from `joined`, which most mentions leave at its first test: its comprehensions would cost
    closure cells on every call."""
    words = [t for k, t in enumerate(gap[1:], 1) if t.text != "-" and (k + 1 == len(gap) or gap[k + 1].text != "-")]
    return len(words) <= 2 and all(t.norm in ("the", "a", "an") or (
        lang.names_capitalised and not t.is_punct and not t.text[:1].isupper()
        and t.norm not in lang.stopwords) for t in words)
