"""Entities: gazetteer names plus patterns for the names a gazetteer lacks.

Patterns: title + name (a Person with its role and affiliation), head noun +
name or modifiers (named groups and places, descriptive collectives such as
"Iran-backed militias" / "الفصائل الموالية لإيران"), direction + place
("eastern Syria"), and definite short forms resolved to the last compatible
mention ("the coalition", "التحالف"). One Registry per document gives each
real-world entity one key.
"""

from __future__ import annotations

from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.lang import Language
from conflictkg.extract.phrases import language_table
from conflictkg.extract.registry import ACTOR_TYPES, PLACE_TYPES, EMention, Registry
from conflictkg.extract.text import QUOTES_CLOSE, QUOTES_OPEN
from conflictkg.graph.iris import slug

__all__ = ["find_entities"]

_PATRON_PHRASES = (("backed", "backedBy"), ("allied", "alliedWith"), ("led", "ledBy"), ("wing", "memberOf"))
_FORCES_OF = {"en": "Armed forces of {}", "ar": "قوات {}"}  # the label of a state's forces named by adjective
_DIRECTION_EN = {"east": "eastern", "west": "western", "north": "northern", "south": "southern",
                 "central": "central", "northeast": "northeastern", "northwest": "northwestern",
                 "southeast": "southeastern", "southwest": "southwestern"}
_DIRECTION_AR = {"east": "شرق", "west": "غرب", "north": "شمال", "south": "جنوب", "central": "وسط",
                 "northeast": "شمال شرق", "northwest": "شمال غرب", "southeast": "جنوب شرق",
                 "southwest": "جنوب غرب"}


class _Finder:
    """Runs the patterns over one sentence."""

    def __init__(self, state: SentenceState, text: str, reg: Registry) -> None:
        self.s, self.text, self.reg = state, text, reg
        self.lang: Language = reg.lex.lang
        self.toks = state.tokens
        self.used = [False] * len(self.toks)
        self.mentions: list[EMention] = []
        self.casualty_words = self.lang.killed_words | self.lang.injured_words

    # -- helpers -------------------------------------------------------------
    def surface(self, i: int, j: int) -> str:
        """The words as written, without a conjunction glued to the first ('وشهود' names 'شهود')."""
        text = self.s.text(i, j, self.text)
        first = self.s.chunk_at(i)
        if first is not None and first.i == i and not self.lang.names_capitalised:
            conj = len(first.prefix) - len(first.prefix.lstrip("وف"))
            text = text[conj:]
        return text

    def norm(self, i: int) -> str:
        return self.toks[i].norm if 0 <= i < len(self.toks) else ""

    def is_stop(self, i: int) -> bool:
        t = self.toks[i]
        return t.is_punct or t.norm in self.lang.stopwords or bool(set(t.forms[:1])
                                                                     & self.lang.stopwords)

    def phrase_at(self, i: int, name: str) -> int:
        """Length of the language's `name` phrase starting at token i (0 when absent)."""
        hit = self.s.phrase_at(language_table(self.lang.code, name), i)
        return hit[0] if hit else 0

    def add(self, i: int, j: int, key: str, demonym: bool = False) -> EMention:
        first = self.s.chunk_at(i)
        m = EMention(i, j, key, demonym, first.prefix if first is not None and first.i == i else "")
        self.mentions.append(m)
        for k in range(i, j):
            self.used[k] = True
        return m

    def free(self, i: int) -> bool:
        return 0 <= i < len(self.toks) and not self.used[i]

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
            if not self.casualty_words.isdisjoint(self.toks[j].forms):
                break  # "قُتل جنديان وأصيب ثلاثة": the toll, not a name
            if j > i and not self.lang.names_capitalised and self.norm(j).startswith("و") and \
                    len(self.toks[j].forms) > 1:
                break  # "بلينكين والبيت الأبيض": a second name joined by و
            if self.lang.names_capitalised and not self.toks[j].text[:1].isupper() \
                    and self.toks[j].norm not in self.lang.name_particles:
                break
            j += 1
        return j

    def _inner_hyphen(self, j: int) -> bool:
        """A hyphen inside a name ('al-Shaab'): attached to the words on both sides."""
        t = self.toks[j]
        return t.text == "-" and 0 < j < len(self.toks) - 1 and self.toks[j - 1].end == t.start \
            and t.end == self.toks[j + 1].start

    # -- entity at a position -------------------------------------------------
    def entity_at(self, i: int) -> EMention | None:
        """The mention starting at token i, trying patterns then gazetteer names."""
        if not self.free(i):
            return next((m for m in self.mentions if m.i == i), None)
        c = self.s.chunk_at(i)
        if self.norm(i) in self.lang.directions:
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
        self.modifiers(m, m.j)
        if c.i >= 3 and self.toks[c.i - 2].text == "-" and self.s.chunk_at(c.i - 3, "entity", "demonym"):
            rel = self.phrase_back(c.i - 2, c.i)  # "Iran-backed Hezbollah", "Rwanda-backed M23"
            patron = self.s.chunk_at(c.i - 3)
            if rel:
                self.reg.relate(m.key, rel, self.reg.known(patron.value, self.surface(patron.i, patron.j)),
                                self.s.index)
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
                and not set(self.toks[j].forms) & self._not_places() and self.lang.could_be_name(self.toks[j].text):
            j += 1
        if j == i:
            return None
        surface = self.surface(i, j)
        return self.add(i, j, self.reg.new(f"settlement/{slug(surface)}", "Settlement", surface, surface))

    def _not_places(self) -> frozenset[str]:
        lang = self.lang
        return lang.common_after_prepositions | frozenset(lang.months) | frozenset(lang.weekdays) | \
            lang.time_words | frozenset(lang.number_words) | frozenset(lang.day_offsets)

    def capitalised_name(self, i: int) -> EMention | None:
        """English: an unknown capitalised name; a place after 'in'/'near', a person when a known
        surname, else a generic actor."""
        j = self.name_tokens(i, 4)
        if j == i or (i == 0 and j == i + 1):
            return None
        surface = self.surface(i, j)
        if i > 0 and self.lang.prepositions.get(self.norm(i - 1)) == "location" and self.s.chunk_at(j, "head") is None:
            return self.add(i, j, self.reg.new(f"settlement/{slug(surface)}", "Settlement", surface, surface))
        person = self.reg.person_by_surname(self.norm(j - 1))
        if person and j == i + 1:
            return self.add(i, j, self.reg.new(person, "Person", surface, surface))
        if j - i < 2:
            return None
        head = self.s.chunk_at(j, "head")
        if head is not None:
            return None  # left for head() which sees the name before it
        return self.add(i, j, self.reg.new(f"actor/{slug(surface)}", "Actor", surface, surface))

    # -- patterns ---------------------------------------------------------------
    def person_name(self, i: int) -> tuple[int, str | None]:
        """A person's name starting at i: (end, key) via the gazetteer, a known surname or new words."""
        c = self.s.chunk_at(i, "entity")
        if c is not None and c.i == i and "Person" in self.reg.lex.entities[c.value].types:
            return c.j, self.reg.known(c.value, self.surface(c.i, c.j))
        if not self.lang.names_capitalised and self.norm(i).startswith("ال"):
            return i, None  # Arabic personal names do not start with the article
        j = self.name_tokens(i)
        if j == i:
            return i, None
        surface = self.surface(i, j)
        known = next((c for c in self.s.chunks_of("entity") if i <= c.i < j
                      and "Person" in self.reg.lex.entities[c.value].types), None)
        if known is not None:  # "أنطوني بلينكين": the gazetteer knows the surname
            return j, self.reg.known(known.value, surface)
        key = self.reg.person_by_surname(self.norm(j - 1))
        if key is None:
            key = f"person/{slug(' '.join(self.norm(k) for k in range(i, j)))}"
        return j, self.reg.new(key, "Person", surface, surface)

    def title(self, c: Chunk) -> EMention | None:
        """Title + affiliation + name, in either order, and the appositive 'Name, the TITLE of X'."""
        role = self.surface(c.i, c.j)
        for k in range(c.i, c.j):
            self.used[k] = True
        affil: EMention | None = None
        j = c.j
        while j < c.j + 2 and j < len(self.toks) and not self.lang.names_capitalised and self.free(j) \
                and self.norm(j).startswith("ال") and self.s.chunk_at(j) is None and not self.is_stop(j):
            j += 1  # "المتحدث العسكري باسم ...": adjectives of the title
        if j > c.j and self.norm(j) != "باسم":
            j = c.j
        # affiliation after the title: باسم X / for X / of X / a demonym
        n = 1 if self.norm(j) in ("باسم", "for", "of", "ل") else 0
        n += n and self.norm(j + 1) == "the"  # "a spokesman for the Palestinian Authority"
        nxt = self.s.chunk_at(j + n)
        if nxt is not None and nxt.i == j + n and (n or nxt.kind in ("demonym", "head") or (
                nxt.kind == "entity" and "Person" not in self.reg.lex.entities[nxt.value].types)):
            affil = self.entity_at(j + n)
            if affil is None and nxt.kind == "head" and nxt.value in ACTOR_TYPES | PLACE_TYPES:
                # "المتحدث باسم الشرطة", "حاكم المنطقة": a body not named before is still the affiliation
                surface = self.surface(nxt.i, nxt.j)
                key = f"{nxt.value.lower()}/{self.reg.doc.doc_id}/{slug(surface)}"
                affil = self.add(nxt.i, nxt.j, self.reg.new(key, nxt.value, surface, surface))
            if affil is not None:
                j = affil.j
                head_after = self.s.chunk_at(j, "head")
                if head_after is not None and head_after.i == j and self.lang.names_capitalised:
                    j = head_after.j  # "a spokesman for the Taliban government, Zabihullah Mujahid"
                    for k in range(head_after.i, head_after.j):
                        self.used[k] = True
        start = c.i
        before = next((m for m in self.mentions if m.j in (c.i, c.i - 1) and not self.reg.is_place(m.key)), None)
        if affil is None and before is not None and self.lang.names_capitalised and (
                before.j == c.i or (self.toks[c.i - 1].text.islower() and not self.is_stop(c.i - 1))):
            affil, start = before, before.i  # "Houthi military spokesman": the mention is already built
        if affil is None and c.i > 0:  # before the title: "coalition spokesman", "U.S. Secretary of State"
            k = c.i - 1
            if self.lang.names_capitalised and k > 0 and self.toks[k].text.islower() and self.s.chunk_at(k) is None \
                    and self.s.chunk_at(k - 1, "entity", "demonym") and not self.is_stop(k):
                k -= 1  # "Houthi military spokesman", "Israeli army spokesperson"
            prev = self.s.chunk_at(k)
            if prev is not None and prev.kind in ("entity", "demonym") and prev.j == k + 1:
                self.used[k] = False
                affil = self.entity_at(prev.i)
                start = prev.i
            elif self.norm(k) in ("coalition", "army", "military", "government", "police") and \
                    self.reg.last_of({"coalition": "Coalition"}.get(self.norm(k), "MilitaryForce")):
                affil = self.add(k, c.i, self.reg.last_of({"coalition": "Coalition"}.get(self.norm(k),
                                                                                          "MilitaryForce")))
                start = k
        comma = j < len(self.toks) and self.toks[j].text in (",", "،") and affil is not None
        end, person = self.person_name(j + comma)  # "a spokesman for the Somali police, Sadiq Dudishe, said"
        if person is None and not self.lang.names_capitalised and self.norm(j).startswith("ال") and self.free(j):
            end, person = self.person_name(j + 1)  # "حاكم المقاطعة إيفان فيدوروف": a definite word, then the name
        if person is None:
            person, start, end = self.appositive(start)
        if person is None and affil is None:  # "a civil society leader said": a speaker without a name
            first = start
            while first > 0 and self.free(first - 1) and self.toks[first - 1].text.isalpha() and \
                    self.toks[first - 1].text.islower() and not self.is_stop(first - 1):
                first -= 1
            surface = self.surface(first, c.j)
            return self.add(first, c.j, self.reg.new(f"group/{self.reg.doc.doc_id}/{slug(surface)}", "Group",
                                                     surface, surface))
        if person is None:
            return affil
        self.reg.doc.entities[person].roles.add((role, self.reg.lang))
        if affil is not None:
            kind = {"spokesperson": "spokespersonFor", "member": "memberOf"}.get(c.detail)
            if kind:
                self.reg.relate(person, kind, affil.key, self.s.index)
            elif c.detail == "leader":
                self.reg.relate(affil.key, "ledBy", person, self.s.index)
        self.mentions = [m for m in self.mentions if m is not affil]
        return self.add(start, max(end, affil.j if affil else end), person)

    def appositive(self, start: int) -> tuple[str | None, int, int]:
        """'Wayne Marotto, a spokesman for the coalition': the name before the comma."""
        k = start - 1
        while k >= 0 and self.norm(k) in ("a", "an", "the"):
            k -= 1
        if k < 1 or self.toks[k].text not in (",", "،"):
            return None, start, start
        j = k
        i = j
        while i > 0 and self.free(i - 1) and not self.is_stop(i - 1) and (
                not self.lang.names_capitalised or self.toks[i - 1].text[:1].isupper()):
            i -= 1
        if i == j:
            return None, start, start
        surface = self.surface(i, j)
        key = self.reg.person_by_surname(self.norm(j - 1)) or f"person/{slug(surface)}"
        return self.reg.new(key, "Person", surface, surface), i, start

    def owner(self, c: Chunk) -> str | None:
        """'مقاتليها', 'its fighters', 'our forces': the organisation the head belongs to, when named before."""
        word = self.norm(c.i)
        # Arabic: مقاتليها، عناصرهم، قواتنا، مقاتليه (a final ه as written, not the ة matching turns into ه)
        suffixed = word.endswith(("ها", "هم", "نا")) or (self.toks[c.i].text.endswith("ه") and len(word) > 4)
        possessed = (not self.lang.names_capitalised and suffixed and len(self.toks[c.i].forms) > 1) \
            or self.norm(c.i - 1) in ("its", "their", "our")
        if not possessed or c.value not in ("ArmedGroup", "MilitaryForce"):
            return None
        before = [m for m in self.mentions if m.j <= c.i and not m.demonym and self.reg.is_actor(m.key)]
        return before[-1].key if before else None

    def head(self, c: Chunk) -> EMention | None:
        """Head noun + name or modifiers: named groups/places and descriptive collectives."""
        cls, entry = c.value, c.detail
        for k in range(c.i, c.j):
            self.used[k] = True
        owner = self.owner(c)
        if owner is not None:
            surface = self.surface(c.i, c.j)
            return self.add(c.i, c.j, self.reg.new(owner, cls, surface, surface))
        start, j = c.i, c.j
        nation = patron = None
        patron_rel = "backedBy"
        # English modifiers before the head: "Iran-backed", "two U.S.", "Syrian", "pro-Iranian"
        k = c.i - 1
        name_end = None
        modifiers: list[str] = []
        while k >= 0 and self.free(k):
            if k >= 2 and self.toks[k - 1].text == "-" and self.s.chunk_at(k - 2, "entity", "demonym"):
                rel = self.phrase_back(k - 1, start)  # "Iran-backed militias", "U.S.-led coalition"
                if rel:
                    prev = self.s.chunk_at(k - 2)
                    patron, patron_rel, start, k = prev.value, rel, prev.i, prev.i - 1
                    continue
            back = self.s.chunk_at(k)
            if back is not None and back.kind in ("entity", "demonym") and back.j == start:
                g = self.reg.lex.entities[back.value]
                same_actor = g.is_actor and "State" not in g.types and cls in ACTOR_TYPES
                named_after = self.norm(c.j) == "of" and self.s.chunk_at(c.j + 1, "entity") is not None
                same_place = back.kind == "entity" and g.types & PLACE_TYPES and cls in PLACE_TYPES and not named_after
                if same_actor or same_place:
                    # "Hezbollah fighters", "Houthi forces", "Kherson province": the head describes that entity
                    m = self.add(back.i, c.j, self.reg.known(back.value, self.surface(back.i, c.j)))
                    self.modifiers(m, m.j)
                    return m
                if nation is None and back.j == start and not self.toks[back.j - 1].text.endswith("-"):
                    nation, start, k = back.value, back.i, back.i - 1
                    continue
                break
            if self.toks[k].text in ("-",) and k > 0 and self.s.chunk_at(k - 1, "entity", "demonym"):
                n_back = self.phrase_back(k, start)
                if n_back:
                    prev = self.s.chunk_at(k - 1)
                    patron, start, k = prev.value, prev.i, prev.i - 1
                    patron_rel = n_back
                    continue
            if self.lang.names_capitalised and self.toks[k].text[:1].isupper() and not self.is_stop(k):
                name_end = start  # "Ain al-Asad air base", "Kabul's Dasht-e-Barchi neighbourhood"
                while k >= 0 and self.free(k) and (self.toks[k].text[:1].isupper() and not self.is_stop(k)
                                                   or self._inner_hyphen(k)
                                                   or (k > 0 and self._inner_hyphen(k - 1))):
                    k -= 1
                start = k + 1
                break
            if self.toks[k].norm in self.lang.number_words or self.toks[k].text.isdigit():
                start, k = k, k - 1
                continue
            word = self.toks[k].text
            inner = self.s.chunk_at(k)
            if self.lang.names_capitalised and len(modifiers) < 2 and not self.is_stop(k) \
                    and (inner is None or self.compound_head(inner)) and word.isalpha() and word.islower():
                modifiers.insert(0, self.toks[k].norm)  # "government forces", "regional military administration"
                start, k = k, k - 1
                continue
            break
        if name_end is not None:  # "the Quds Brigades", "Ain al-Asad air base"
            surface = self.surface(start, c.j)
            key = self.reg.new(f"{cls.lower()}/{slug(surface)}", cls, surface, surface)
            m = self.add(start, c.j, key)
            self.modifiers(m, m.j)
            return m
        # after the head: a known name, "of X", or Arabic name / adjective words
        of = 1 if self.norm(j) == "of" and cls in ("Settlement", "Region") else 0  # not "a convoy of X"
        nxt = self.s.chunk_at(j + of)
        definite = not self.lang.names_capitalised and any(
            f.startswith("ال") for f in self.toks[c.i].forms[:2])
        if nxt is not None and nxt.i == j + of and nxt.kind == "entity" and not definite:
            g = self.reg.lex.entities[nxt.value]
            # "حركة حماس", "قوات التحالف", "the Palestinian village of Turmus Ayya": the head names that entity
            if (cls in PLACE_TYPES) == bool(g.types & PLACE_TYPES) and "Person" not in g.types:
                m = self.add(c.i, nxt.j, self.reg.known(nxt.value, self.surface(nxt.i, nxt.j)))
                self.modifiers(m, m.j)
                return m
        if nxt is not None and nxt.i == j and nxt.kind == "demonym":
            nation, j = nxt.value, nxt.j
        name_start = j + of
        relation_next = any(self.phrase_at(j, rel) for rel in ("backed", "allied", "led"))
        if definite and nation is None and not relation_next and j < len(self.toks) and self.free(j) \
                and self.s.chunk_at(j) is None and self.norm(j).startswith("ال") and not self.is_stop(j) \
                and cls in ACTOR_TYPES:
            name_start = c.i  # "الوكالة الوطنية", "القوة المشتركة": head and adjective name it together
            name_stop = j + 1
            m = self.add(start, name_stop, "")
            return self.finish(m, f"{cls.lower()}/{slug(' '.join(self.norm(k) for k in range(c.i, name_stop)))}",
                               cls, self.surface(start, name_stop))
        # a definite Arabic head takes no name; nor does one followed by "backed by" / "تقوده"
        named = of or not (self.lang.names_capitalised or definite or relation_next or cls == "Group")
        adjectives: list[str] = []
        while (cls == "Group" or (cls == "Site" and self._nisba(j, definite))) and not self.lang.names_capitalised \
                and j < len(self.toks) and len(adjectives) < 2 \
                and self.free(j) and self.s.chunk_at(j) is None and not self.is_stop(j) \
                and not (self.norm(j).startswith("و") and len(self.toks[j].forms) > 1):  # "وعاملون": a conjunct
            adjectives.append(self.norm(j))  # "مصادر أمنية لبنانية", "مصادر محلية", "سوق شعبي"
            j += 1
        if adjectives and cls != "Group":
            named, name_start = False, j
        quoted = self.quoted_name(name_start) if cls in PLACE_TYPES else None
        if quoted is not None:  # "سفينة النفط «ستار أوشن»", "the tanker 'Sea Star'"
            name_start, name_stop, j = quoted[0], quoted[1], quoted[1] + 1
        else:
            if self.lang.names_capitalised and self.norm(c.j - 1) in self.lang.named_by_what_follows:
                named = True  # "the tanker Sea Harmony", "the bulk carrier Aegean Star"
            name_stop = self.name_tokens(name_start) if named else name_start
        j = max(j, name_stop)
        m = self.add(start, j, "")
        if nation is None and j < len(self.toks) and self.s.chunk_at(j, "demonym"):
            d = self.s.chunk_at(j, "demonym")
            nation, m.j = d.value, d.j
            self.used[d.i:d.j] = [True] * (d.j - d.i)
        rel_patron, rel_kind, m.j = self.patron_after(m.j)
        patron = patron or rel_patron
        patron_rel = rel_kind or patron_rel
        name = " ".join(self.norm(k) for k in range(name_start, name_stop))
        surface = self.surface(m.i, m.j)
        if (modifiers or adjectives) and not name and nation is None and patron is None:
            if cls in PLACE_TYPES:  # "a crowded market", "سوق شعبي": a place of this report, not a shared one
                return self.finish(m, f"{cls.lower()}/{self.reg.doc.doc_id}/{slug(surface)}", cls, surface)
            modifiers = modifiers + [slug(a) for a in adjectives]
            return self.finish(m, f"{cls.lower()}/" + "-".join([*modifiers, entry]), cls, surface)
        if not name and nation is None and patron is None and cls in ("ArmedGroup", "Group") and \
                self.norm(m.j) in ("من", "from", "of"):
            at = m.j + 1 + (self.norm(m.j + 1) == "the")
            org = self.s.chunk_at(at, "entity")  # "مسلحون من جماعة نصرة الإسلام", "fighters from the ADF"
            if org is not None and org.i == at and self.reg.lex.entities[org.value].is_actor:
                surface = self.surface(m.i, org.j)
                out = self.add(m.i, org.j, self.reg.known(org.value, surface))
                out.head = entry
                self.mentions.remove(m)
                self.modifiers(out, out.j)  # "مسلحون من جماعة X، فرع تنظيم القاعدة"
                return out
        if not name and nation is None and patron is None:
            # English: "a ship", "police said", "gunmen killed": without "the" the head names something new
            indefinite = not definite if not self.lang.names_capitalised else self.norm(c.i - 1) not in (
                "the", "this", "that", "these", "those", "its", "their", "our", "his", "her")
            # "مواقع إطلاق", "a commercial ship", and a head that names an institution ("الدفاع المدني",
            # "وزارة الصحة") when nothing before it does: new, this document only
            named = c.j - c.i > 1 and self.reg.last_of(cls) is None
            if (indefinite or named) and cls != "Group":
                return self.finish(m, f"{cls.lower()}/{self.reg.doc.doc_id}/{slug(surface)}", cls, surface)
            antecedent = self.reg.last_of(cls) if cls in ACTOR_TYPES | PLACE_TYPES else None
            if antecedent is None or cls == "Group":  # no antecedent: no guess
                self.mentions.remove(m)
                return None if cls != "Group" else self.finish(m, f"group/{entry}", cls, surface)
            m.key = self.reg.new(antecedent, cls, surface, surface)
            return m
        named = self.appositive_of(start)
        if patron and named is not None and not name and cls in ACTOR_TYPES:
            self.mentions.remove(m)  # "Al-Shabaab, the al Qaeda-linked group,": a description of Al-Shabaab
            self.reg.relate(self.reg.known(named.value, self.surface(named.i, named.j)), patron_rel, patron,
                            self.s.index)
            return None
        # "Iran-backed" and "Iran-allied" militias are one collective; a coalition is keyed by its leader
        patron_key = patron and patron + ("-led" if patron_rel == "ledBy" else "-backed")
        if name:
            key = f"{cls.lower()}/{slug(name)}"
        elif cls == "Group" or cls in PLACE_TYPES:  # "American officials" / "the American base": the head counts
            key = f"{cls.lower()}/" + "-".join(x for x in (nation, patron_key, entry, *map(slug, adjectives)) if x)
        else:
            key = f"{cls.lower()}/" + "-".join(x for x in (nation, patron_key) if x)
        # "بلدة الخيام" is called الخيام; "قوات النظام" keeps its head
        m = self.finish(m, key, cls, self.surface(name_start, name_stop) if name and cls in PLACE_TYPES else surface)
        if name:
            self.reg.doc.entities[m.key].aliases.add((surface, self.reg.lang))
        if nation and cls == "MilitaryForce" and not patron:
            self.reg.relate(m.key, "memberOf", nation, self.s.index)
            if not name:  # "Russian troops", "القوات الروسية": one node per state, named after it in both languages
                state = self.reg.lex.entities[nation].labels
                self.reg.doc.entities[m.key].labels = {lang: _FORCES_OF[lang].format(label)
                                                       for lang, label in state.items() if lang in _FORCES_OF}
        if patron:
            self.reg.relate(m.key, patron_rel, patron, self.s.index)
        return m

    def finish(self, m: EMention, key: str, cls: str, surface: str) -> EMention:
        first = self.s.chunk_at(m.i, "head")
        m.head = first.detail if first is not None else ""
        m.key = self.reg.new(key, cls, surface, surface)
        if m not in self.mentions:
            self.mentions.append(m)
        return m

    def _nisba(self, j: int, definite: bool) -> bool:
        """An Arabic relative adjective agreeing with its head: 'سوق شعبي', 'مبنى سكنيا', 'القاعدة العسكرية'."""
        if j >= len(self.toks) or self.lang.names_capitalised:
            return False
        word = self.norm(j)
        return word.startswith("ال") == definite and len(word) >= 4 and word.endswith(("ي", "يه", "يا")) \
            and self.s.chunk_at(j) is None

    def compound_head(self, c: Chunk) -> bool:
        """English 'military administration', 'army base': a head noun that modifies the head after it."""
        following = self.s.chunk_at(c.j, "head")
        return self.lang.names_capitalised and c.kind == "head" and following is not None and following.i == c.j

    def phrase_back(self, dash: int, head_start: int) -> str | None:
        """'Iran-backed' / 'U.S.-led' / 'al-Qaeda-linked': the relation named by the word after the dash."""
        for name, rel in _PATRON_PHRASES:
            for words in self.lang.phrases[name]:
                if words[0].startswith("-") and words[0][1:] == self.norm(dash + 1) and dash + 2 == head_start:
                    return rel
        return None

    def patron_after(self, j: int) -> tuple[str | None, str | None, int]:
        """'backed by X' / 'المدعومة من X' / 'allied with X' after a mention: (patron, relation, new end)."""
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

    def quoted_name(self, k: int) -> tuple[int, int] | None:
        """Words between quotes right after a head: (first word, closing quote), at most five words."""
        if k >= len(self.toks) or self.toks[k].text not in QUOTES_OPEN:
            return None
        close = next((x for x in range(k + 1, min(len(self.toks), k + 7)) if self.toks[x].text in QUOTES_CLOSE), None)
        return (k + 1, close) if close is not None and close > k + 1 else None

    def appositive_of(self, start: int) -> Chunk | None:
        """The name a description right after it, between commas, describes: 'X, the ... group,'."""
        k = start - (self.norm(start - 1) in ("the", "a", "an"))
        if k < 2 or self.toks[k - 1].text not in (",", "،"):
            return None
        named = self.s.chunk_at(k - 2, "entity")
        return named if named is not None and named.j == k - 1 and \
            self.reg.lex.entities[named.value].is_actor else None

    def patron_before_head(self, k: int) -> tuple[str | None, str | None, int]:
        """'the al Qaeda-linked group', 'an Iran-backed militia' describing the name before it."""
        p = self.s.chunk_at(k, "entity", "demonym")
        if p is None or p.i != k or p.j + 2 >= len(self.toks) or self.toks[p.j].text != "-":
            return None, None, k
        rel = self.phrase_back(p.j, p.j + 2)
        head = self.s.chunk_at(p.j + 2, "head")
        if rel is None or head is None or head.i != p.j + 2:
            return None, None, k
        for x in range(k, head.j):
            self.used[x] = True
        self.reg.known(p.value, self.surface(p.i, p.j))
        return p.value, rel, head.j

    def modifiers(self, m: EMention, j: int) -> None:
        """Relations stated right after a named entity: 'SDF, backed by the United States',
        'Kataib Hezbollah, an ally of Iran', 'كتائب القسام، الجناح العسكري لحركة حماس'."""
        k = j + 1 if j < len(self.toks) and self.toks[j].text in (",", "،") else j
        if self.norm(k) in ("a", "an", "the") and self.phrase_at(k, "allied") == 0 and self.phrase_at(k, "wing") == 0:
            k += 1
        patron, rel, end = self.patron_after(k)
        if patron is None and k > j:
            patron, rel, end = self.patron_before_head(k)  # "Al-Shabaab, the al Qaeda-linked group,"
        if patron:
            self.reg.relate(m.key, rel, patron, self.s.index)
            if k == j:
                m.j = end


def find_entities(state: SentenceState, text: str, reg: Registry,
                  model_spans: list[tuple[int, int, str]] = ()) -> list[EMention]:
    """Every entity mention in the sentence, left to right, without overlaps.

    `model_spans` (start, end, class) from a user's spaCy pipeline fill names the rules left free.
    """
    f = _Finder(state, text, reg)
    if reg.lex.lang.names_capitalised:  # modifiers come before English heads: "two U.S. officials"
        for c in state.chunks_of("head", "title"):  # "the group" waits: its antecedent may come first
            if f.free(c.i) and f.norm(c.i - 1) not in ("the", "this", "that", "these", "those") \
                    and not f.compound_head(c):
                f.entity_at(c.i)
    for i in range(len(state.tokens)):
        if f.free(i):
            f.entity_at(i)
    for start, end, cls in model_spans:
        f.from_model(start, end, cls)
    return sorted((m for m in f.mentions if m.key), key=lambda m: m.i)
