"""Entities: gazetteer names plus patterns for the names a gazetteer lacks.

Patterns: title + name (a Person with its role and affiliation), head noun +
name or modifiers (named groups and places, descriptive collectives such as
"Iran-backed militias" / "الفصائل الموالية لإيران"), direction + place
("eastern Syria"), and definite short forms resolved to the last compatible
mention ("the coalition", "التحالف"). One Registry per document gives each
real-world entity one key. The head-noun rules live in heads.py and the title
rules in titles.py, mixins of the finder here.
"""

from __future__ import annotations

from functools import cache
from operator import attrgetter

from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.heads import HeadPatterns
from conflictkg.extract.lang import Language, get_language
from conflictkg.extract.phrases import language_table
from conflictkg.extract.registry import EMention, Registry
from conflictkg.extract.text import attached, capitalised, conjunction_length
from conflictkg.extract.titles import TitlePatterns
from conflictkg.graph.iris import slug

__all__ = ["find_entities"]

@cache
def _not_places(code: str) -> frozenset[str]:
    """Words after 'في' / 'قرب' that are no place: the listed common nouns, months, days, times and numbers."""
    lang = get_language(code)
    return lang.common_after_prepositions | frozenset(lang.months) | frozenset(lang.weekdays) | \
        lang.time_words | frozenset(lang.number_words) | frozenset(lang.day_offsets)


_new = object.__new__
_NAMING_CHUNKS = frozenset({"title", "head", "entity", "demonym"})  # the chunks entity_at builds a mention from
_PATRON_PHRASES = (("backed", "backedBy"), ("allied", "alliedWith"), ("led", "ledBy"), ("wing", "memberOf"))
# after a dash a word may also say who holds the head: "Houthi-held", "Hamas-run" (see relate_patron)
_DASHED_PHRASES = (*_PATRON_PHRASES, ("control", "controls"))
_DIRECTION_EN = {"east": "eastern", "west": "western", "north": "northern", "south": "southern",
                 "central": "central", "northeast": "northeastern", "northwest": "northwestern",
                 "southeast": "southeastern", "southwest": "southwestern"}
_DIRECTION_AR = {"east": "شرق", "west": "غرب", "north": "شمال", "south": "جنوب", "central": "وسط",
                 "northeast": "شمال شرق", "northwest": "شمال غرب", "southeast": "جنوب شرق",
                 "southwest": "جنوب غرب"}


@cache
def _place_prepositions(code: str) -> frozenset[str]:
    return frozenset(word for word, role in get_language(code).prepositions.items() if role == "location")


@cache
def _casualty_words(code: str) -> frozenset[str]:
    lang = get_language(code)
    return lang.killed_words | lang.injured_words


@cache
def _patron_words(code: str) -> frozenset[str]:
    """Every word a patron phrase ('backed by', 'allied with', 'led by', 'the armed wing of') starts with."""
    return frozenset().union(*(language_table(code, name).first_words for name, _ in _PATRON_PHRASES))


class _Finder(HeadPatterns, TitlePatterns):
    """Runs the patterns over one sentence."""

    def __init__(self, state: SentenceState, text: str, reg: Registry) -> None:
        self.s, self.text, self.reg = state, text, reg
        self.lang: Language = reg.lex.lang
        self.toks, self.n = state.tokens, len(state.tokens)
        self.norms = state.norms  # read by the patterns many times, through norm()
        self.used = [False] * len(self.toks)
        self.mentions: list[EMention] = []
        self.absorbed: list[EMention] = []  # bodies named inside a title's mention ("المتحدث باسم الحوثيين ...")
        self.patron_words = _patron_words(self.lang.code)
        self.told = len(reg.history)  # the entities of the sentences before

    def told_before(self, i: int) -> list[str]:
        """Keys of the entities named before token i, in order: English heads are found out of order
        ("the army said two soldiers ...": the soldiers first), and a short form looks back only. A body named
        inside a title counts ("المتحدث باسم الحوثيين ... قوات الجماعة": the Houthis)."""
        here = sorted((m for m in self.mentions + self.absorbed if m.key and m.j <= i), key=attrgetter("i"))
        return self.reg.history[:self.told] + [m.key for m in here]

    # -- helpers -------------------------------------------------------------
    def surface(self, i: int, j: int) -> str:
        """The words as written, without a conjunction glued to the first ('وشهود' names 'شهود')."""
        if j <= i:
            return ""
        start = self.toks[i].start
        first = self.s.starting.get(i) if not self.lang.names_capitalised else None
        if first is not None and first.prefix:  # most names carry no clitic
            start += conjunction_length(first.prefix)
        return self.text[start:self.toks[j - 1].end]

    def norm(self, i: int) -> str:
        """Token i's normalised form, "" outside the sentence."""
        return self.norms[i] if 0 <= i < self.n else ""

    def is_stop(self, i: int) -> bool:
        t = self.toks[i]
        return t.is_punct or (t.norm in self.lang.stopwords and t.text not in self.lang.name_spellings)

    def phrase_at(self, i: int, name: str) -> int:
        """Length of the language's `name` phrase starting at token i (0 when absent)."""
        hit = language_table(self.lang.code, name).at(self.toks, i)
        return hit[0] if hit else 0

    def may_name_patron(self, i: int) -> bool:
        """Whether a patron phrase may start at token i: one set test, asked after every mention."""
        return 0 <= i < self.n and not self.patron_words.isdisjoint(self.toks[i].forms)

    def add(self, i: int, j: int, key: str, demonym: bool = False) -> EMention:
        """A mention of `key` over tokens [i, j). Its fields are set here, not through its dataclass __init__, which
        would cost a frame per mention."""
        first = self.s.starting.get(i)
        m = _new(EMention)
        m.i, m.j, m.key, m.demonym, m.head = i, j, key, demonym, ""
        m.prefix = first.prefix if first is not None else ""
        self.mentions.append(m)
        self.used[i:j] = [True] * (j - i)
        return m

    def free(self, i: int) -> bool:
        return 0 <= i < self.n and not self.used[i]

    def name_tokens(self, i: int, limit: int = 3) -> int:
        """End of an unknown name starting at i: words that are no function word, cue or punctuation."""
        j = i
        while j < len(self.toks) and j - i < limit and self.free(j) and (not self.is_stop(j) or self._inner_hyphen(j)):
            if self._inner_hyphen(j):
                j += 1
                continue
            c = self.s.chunk_at(j)
            if c is not None and (c.kind != "entity" or "Person" not in self.reg.lex.entities[c.value].types):
                break
            if self.toks[j].text.isdigit() or self.norm(j).isdigit() or self.norm(j) in self.lang.number_words:
                break  # "متمردو تحالف القوى الديمقراطية ٢٢ مدنيا": a count, not part of the name
            if not _casualty_words(self.lang.code).isdisjoint(self.toks[j].forms):
                break  # "قُتل جنديان وأصيب ثلاثة": the toll, not a name
            if (j > i and self.may_name_patron(j) and self.patron_named(j)) or self.phrase_at(j, "belonging"):
                break  # "جماعة مسلحة يتزعمها أبو بكر شيكاو", "مسلحون يشتبه في انتمائهم إلى": no more name
            if j > i and not self.lang.names_capitalised and self.norm(j).startswith("و") and \
                    len(self.toks[j].forms) > 1:
                break  # "بلينكين والبيت الأبيض": a second name joined by و
            if not self.lang.names_capitalised and not self.norm(j).startswith("ال") and \
                    any(f.startswith("ال") for f in self.toks[j].forms[1:]):
                break  # "دودا بالشطر الخاضع", "مستودع للوقود": a preposition glued to a definite noun is no name
            if self.lang.names_capitalised and not self.toks[j].text[:1].isupper() \
                    and self.toks[j].norm not in self.lang.name_particles:
                break
            if self.norm(j) in self.lang.months or self.norm(j) in self.lang.weekdays \
                    or self.norm(j) in self.lang.time_words:
                break  # "in February", "on Monday", "قرية X ليل الأحد": a date, not a place
            j += 1
        if j > i and self.toks[j - 1].text == "-":
            j -= 1  # "the Kurdish-led SDF": the name's hyphen joins it to a modifier, not to more name
        return j

    def _inner_hyphen(self, j: int) -> bool:
        """A hyphen inside a name ('al-Shaab'): attached to the words on both sides."""
        return self.toks[j].text == "-" and attached(self.toks, j)

    # -- entity at a position -------------------------------------------------
    def starts(self) -> list[int]:
        """The tokens where entity_at may find something, in order, found before it runs: a direction word,
        where a title, head, name or demonym chunk starts, and, where no chunk starts, where an unknown name
        can begin (English: a capital or a name particle; Arabic: right after a preposition of place).
        entity_at finds nothing at the start of an event word, cue or weapon."""
        lang, toks, starting = self.lang, self.toks, self.s.starting
        if lang.names_capitalised:
            found = set(capitalised(toks))
            found.update(self.s.positions(lang.name_particles))
        else:
            found = {i + 1 for i in self.s.positions(_place_prepositions(lang.code))}
        for i, c in starting.items():  # where a chunk starts, its kind decides
            if c.kind in _NAMING_CHUNKS:
                found.add(i)
            else:
                found.discard(i)
        found.update(self.s.positions(lang.directions))
        found.discard(len(toks))  # after a preposition that ends the sentence
        return sorted(found)

    def entity_at(self, i: int) -> EMention | None:
        """The mention starting at token i, trying patterns then gazetteer names."""
        if not self.free(i):
            for m in self.mentions:  # a loop: a generator here would cost a closure cell on every call
                if m.i == i:
                    return m
            return None
        c = self.s.chunk_at(i)
        if self.toks[i].norm in self.lang.directions:
            two = f"{self.norm(i)} {self.norm(i + 1)}" in self.lang.directions
            following = self.s.chunk_at(i + 1 + two, "entity")
            if following is not None and following.i == i + 1 + two:
                region = self.direction(i, following, two)
                if region is not None:
                    return region
        if c is None or c.i != i:
            return self.capitalised_name(i) if self.lang.names_capitalised else self.bare_place(i)
        if c.kind == "title":
            return self.title(c)
        if c.kind == "head":
            if c.i > 1 and self._inner_hyphen(c.i - 1) and self.s.chunk_at(c.i - 2) is None:
                return None  # "anti-ship", "anti-tank": part of a compound word, not a ship
            return self.head(c)
        if c.kind == "entity":
            return self.known(c)
        if c.kind == "demonym":
            return self.add(c.i, c.j, self.reg.known(c.value, self.surface(c.i, c.j)), demonym=True)
        return None

    def from_model(self, start: int, end: int, cls: str) -> None:
        """A name a spaCy model found: new evidence where no rule matched, a type where the rules had none."""
        span = [k for k, t in enumerate(self.toks) if start <= t.start and t.end <= end]
        if not span:
            return
        i, j = span[0], span[-1] + 1
        taken = [m for m in self.mentions if m.i < j and i < m.j]
        if taken:
            for m in taken:  # "Zorgistan Liberation Front": an unknown capitalised name gets the model's type
                if m.i == i and m.j == j and self.reg.types(m.key) == {"Actor"}:
                    self.reg.doc.entities[m.key].types = {cls}
            return
        surface = self.surface(i, j)
        self.add(i, j, self.reg.new(f"{cls.lower()}/{slug(surface)}", cls, surface, surface))

    def known(self, c: Chunk) -> EMention:
        m = self.add(c.i, c.j, self.reg.known(c.value, self.surface(c.i, c.j)))
        part = self.part_named_after(m)
        if part is not None:
            return part
        self.modifiers(m, m.j)
        if c.i >= 3 and self.toks[c.i - 2].text == "-" and self.s.chunk_at(c.i - 3, "entity", "demonym"):
            rel = self.phrase_back(c.i - 2, c.i)  # "Iran-backed Hezbollah", "Rwanda-backed M23"
            patron = self.s.chunk_at(c.i - 3)
            if rel:
                self.relate_patron(m.key, rel, self.reg.known(patron.value, self.surface(patron.i, patron.j)))
            if rel == "controls":  # "hit RSF-held Nyala": who holds the place is part of its mention, no role
                self.mentions = [x for x in self.mentions if x.i != patron.i]
                m.i = patron.i
        return m

    def direction(self, i: int, place: Chunk, two: bool = False) -> EMention | None:
        """'شرق سوريا' / 'شمال شرقي نيجيريا' / 'eastern Syria': a Region inside the place."""
        d = self.lang.directions[f"{self.norm(i)} {self.norm(i + 1)}" if two else self.norm(i)]
        g = self.reg.lex.entities.get(place.value)
        if g is None or not ({"Country", "Region", "Settlement"} & g.types):
            return None
        labels = {}
        if "en" in g.labels:
            labels["en"] = f"{_DIRECTION_EN[d]} {g.labels['en']}"
        if "ar" in g.labels:
            labels["ar"] = f"{_DIRECTION_AR[d]} {g.labels['ar']}"
        self.reg.known(place.value, self.surface(place.i, place.j))
        key = self.reg.new(f"region/{d}-{place.value}", "Region", self.surface(i, place.j),
                           self.surface(i, place.j), labels)
        self.reg.relate(key, "locatedIn", place.value, self.s.index)
        return self.add(i, place.j, key)

    def bare_place(self, i: int) -> EMention | None:
        """Arabic 'في كولوفاتا', 'قرب هاكورك': a word no lexicon knows right after 'in' / 'near' names a place.

        Only words without the article and outside the language's list of nouns that follow those
        prepositions ('في وقت', 'في إطار') qualify; at most two words."""
        prev = self.norm(i - 1)
        if self.lang.prepositions.get(prev) != "location" or prev in self.lang.directions:
            return None
        j = i
        while j < len(self.toks) and j - i < 2 and self.free(j) and self.s.chunk_at(j) is None \
                and not self.is_stop(j) and not self.norm(j).startswith("ال") and self.toks[j].text.isalpha() \
                and not (j > i and self.norm(j).startswith("و")) \
                and _not_places(self.lang.code).isdisjoint(self.toks[j].forms) \
                and self.lang.could_be_name(self.toks[j].text):
            j += 1
        if j == i:
            return None
        surface = self.surface(i, j)
        return self.add(i, j, self.reg.new(f"settlement/{slug(surface)}", "Settlement", surface, surface))

    def capitalised_name(self, i: int) -> EMention | None:
        """English: an unknown capitalised name; a place after 'in'/'near', a person when a known
        surname, else a generic actor."""
        j = self.name_tokens(i, 4)
        if j == i or (i == 0 and j == i + 1):
            return None
        surface = self.surface(i, j)
        if i > 0 and self.lang.prepositions.get(self.norm(i - 1)) == "location" and self.s.chunk_at(j, "head") is None:
            return self.add(i, j, self.reg.new(f"settlement/{slug(surface)}", "Settlement", surface, surface))
        joined = self.place_joined_before(i)
        if joined is not None:  # "the villages of Zike and Kimakpa", "in Kauru and Zango": one more of its kind
            cls = "Settlement" if "Settlement" in self.reg.types(joined.key) else "Region"
            return self.add(i, j, self.reg.new(f"{cls.lower()}/{slug(surface)}", cls, surface, surface))
        person = self.reg.person_by_surname(self.norm(j - 1))
        if person and j == i + 1:
            return self.add(i, j, self.reg.new(person, "Person", surface, surface))
        if j - i < 2:
            return None
        head = self.s.chunk_at(j, "head")
        if head is not None:
            return None  # left for head() which sees the name before it
        return self.add(i, j, self.reg.new(f"actor/{slug(surface)}", "Actor", surface, surface))

    def place_joined_before(self, i: int) -> EMention | None:
        """The town or region named right before 'and' at i - 1, which an unknown name at i joins: one named
        after a plural head ('the villages of Zike') or after 'in' / 'near' ('in Kauru')."""
        if i < 2 or self.norm(i - 1) != "and":
            return None
        before = next((m for m in self.mentions if m.j == i - 1), None)
        if before is None or not self.reg.types(before.key) & {"Settlement", "Region"}:
            return None
        plural = any(c.kind == "head" and self.toks[c.j - 1].text.endswith("s") for c in self.s.chunks_of("head")
                     if before.i <= c.i < before.j)
        return before if plural or self.lang.prepositions.get(self.norm(before.i - 1)) == "location" else None

    # -- patterns ---------------------------------------------------------------
    def phrase_back(self, dash: int, head_start: int) -> str | None:
        """'Iran-backed' / 'U.S.-led' / 'al-Qaeda-linked': the relation named by the word after the dash."""
        for name, rel in _DASHED_PHRASES:
            for words in self.lang.phrases.get(name, ()):
                if words[0].startswith("-") and words[0][1:] == self.norm(dash + 1) and dash + 2 == head_start:
                    return rel
        return None

    def relate_patron(self, key: str, rel: str, patron: str) -> None:
        """'Iran-backed X': X backedBy Iran, and so on; 'Houthi-held X', 'the Hamas-run ministry': the patron
        controls X when X is a place, and X, a body it runs, is its own (memberOf)."""
        if rel == "controls" and self.reg.is_place(key):
            self.reg.relate(patron, "controls", key, self.s.index)
        else:
            self.reg.relate(key, "memberOf" if rel == "controls" else rel, patron, self.s.index)

    def patron_named(self, j: int) -> bool:
        """A phrase of backing, alliance or leadership starts at j and a known name follows it."""
        for rel in ("backed", "allied", "led"):
            n = self.phrase_at(j, rel)
            if n and (self.s.chunk_at(j + n, "entity", "demonym") or self.s.chunk_at(j + n - 1, "entity", "demonym")):
                return True
        return False

    def patron_after(self, j: int) -> tuple[str | None, str | None, int]:
        """'backed by X' / 'المدعومة من X' / 'allied with X' after a mention: (patron, relation, new end)."""
        if not self.may_name_patron(j):
            return None, None, j
        for name, rel in _PATRON_PHRASES:
            n = self.phrase_at(j, name)
            if n and self.norm(j + n) == "the":  # "a member of the Three Brotherhood Alliance"
                n += 1
            if n:
                p = self.s.chunk_at(j + n, "entity", "demonym")
                if p is None and n and self.s.chunk_at(j + n - 1, "entity", "demonym"):
                    p = self.s.chunk_at(j + n - 1, "entity", "demonym")  # لإيران: the clitic was the preposition
                if p is not None:
                    self.reg.known(p.value, self.surface(p.i, p.j))
                    for k in range(j, p.j):
                        self.used[k] = True
                    return p.value, rel, p.j
        return None, None, j

    def part_named_after(self, m: EMention) -> EMention | None:
        """"Hamas's armed wing, the Qassam Brigades,": the name after the comma is the part; `m` only
        says whose part it is, and is no mention of its own (not the speaker, not an actor)."""
        n, rel = self.possessed_relation(m.j)
        if not n or self.norm(m.j + n) != ",":
            return None
        k = m.j + n + 1 + (self.norm(m.j + n + 1) == "the")
        named = self.s.chunk_at(k, "entity")
        if named is None or named.i != k or not self.reg.lex.entities[named.value].is_actor:
            return None
        self.mentions.remove(m)
        self.used[m.i:k] = [True] * (k - m.i)
        part = self.add(named.i, named.j, self.reg.known(named.value, self.surface(named.i, named.j)))
        self.reg.relate(part.key, rel, m.key, self.s.index)
        return part

    def possessive_patron(self, k: int) -> tuple[str | None, str | None, int]:
        """"X, Hamas's armed wing,": the name at k whose part X is: (patron, relation, new end)."""
        p = self.s.chunk_at(k, "entity")
        n, rel = self.possessed_relation(p.j) if p is not None and p.i == k else (0, None)
        if not n:
            return None, None, k
        self.reg.known(p.value, self.surface(p.i, p.j))
        self.used[k:p.j + n] = [True] * (p.j + n - k)
        return p.value, rel, p.j + n

    def possessed_relation(self, j: int) -> tuple[int, str | None]:
        """"'s armed wing" right after a name ending at j: (the phrase's length, its relation), else (0, None)."""
        if self.norm(j) not in ("'s", "'"):
            return 0, None
        for name, rel in _PATRON_PHRASES:  # a loop: a generator here would cost closure cells on every call
            n = self.phrase_at(j, name)
            if n:
                return n, rel
        return 0, None

    def modifiers(self, m: EMention, j: int) -> None:
        """Relations stated right after a named entity: 'SDF, backed by the United States',
        'Kataib Hezbollah, an ally of Iran', 'كتائب القسام، الجناح العسكري لحركة حماس'."""
        k = j + 1 if j < len(self.toks) and self.toks[j].text in (",", "،") else j
        if k == j and not self.may_name_patron(j) and self.norm(j) not in ("a", "an", "the"):
            return  # most names: nothing follows that names a patron
        if k > j:
            k += self.phrase_at(k, "relative_be")  # "The Polisario Front, which is backed by Algeria"
        if self.norm(k) in ("a", "an", "the") and self.phrase_at(k, "allied") == 0 and self.phrase_at(k, "wing") == 0:
            k += 1
        patron, rel, end = self.patron_after(k)
        if patron is None and k > j:
            patron, rel, end = self.patron_before_head(k)  # "Al-Shabaab, the al Qaeda-linked group,"
        if patron is None and k > j:
            patron, rel, end = self.possessive_patron(k)  # "the al-Qassam Brigades, Hamas's armed wing,"
        if patron:
            self.relate_patron(m.key, rel, patron)
            if k == j:
                m.j = end


def find_entities(state: SentenceState, text: str, reg: Registry,
                  model_spans: list[tuple[int, int, str]] = ()) -> list[EMention]:
    """Every entity mention in the sentence, left to right, without overlaps.

    `model_spans` (start, end, class) from a user's spaCy pipeline fill names the rules left free.
    """
    f = _Finder(state, text, reg)
    f.named_persons()
    if reg.lex.lang.names_capitalised:  # modifiers come before English heads: "two U.S. officials"
        for c in state.chunks_of("head", "title"):  # "the group", "its fighters" wait: their antecedent may come first
            if f.free(c.i) and f.norm(c.i - 1) not in ("the", "this", "that", "these", "those", "its", "their", "our") \
                    and not f.compound_head(c):
                f.entity_at(c.i)
    used = f.used
    for i in f.starts():
        if not used[i]:
            f.entity_at(i)
    for start, end, cls in model_spans:
        f.from_model(start, end, cls)
    return sorted([m for m in f.mentions if m.key], key=attrgetter("i"))
