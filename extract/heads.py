"""Head-noun patterns: named groups and places, and descriptive collectives.

'قوات الدعم السريع', 'the town of Sake', 'the Quds Brigades', 'Iran-backed militias',
'الفصائل الموالية لإيران', 'مسؤولان أمريكيان', 'a crowded market', 'سفينة النفط «ستار أوشن»':
a head noun from the lexicon with what stands before and after it. A mixin of the entity
finder in entities.py, whose helpers (add, surface, name_tokens, patron_after ...) it uses.
"""

from __future__ import annotations

from operator import attrgetter

from conflictkg.extract.chunks import Chunk
from conflictkg.extract.registry import ACTOR_TYPES, PLACE_TYPES, EMention, breadth
from conflictkg.extract.text import QUOTES_CLOSE, QUOTES_OPEN, conjunction_length, with_article
from conflictkg.graph.iris import slug

__all__ = ["HeadPatterns"]

_NAMED = ACTOR_TYPES | PLACE_TYPES  # the classes a name or an antecedent can fill
_FORCES_OF = {"en": "Armed forces of {}", "ar": "قوات {}"}  # the label of a state's forces named by adjective


class HeadPatterns:
    """Head-noun rules; mixed into the sentence's entity finder."""

    def owner(self, c: Chunk) -> str | None:
        """'مقاتليها', 'its fighters', 'our forces': the organisation the head belongs to, when named before."""
        word = self.norm(c.i)
        # Arabic: مقاتليها، عناصرهم، قواتنا، مقاتليه (a final ه as written, not the ة matching turns into ه)
        suffixed = word.endswith(("ها", "هم", "نا")) or (self.toks[c.i].text.endswith("ه") and len(word) > 4)
        possessed = (not self.lang.names_capitalised and suffixed and len(self.toks[c.i].forms) > 1) \
            or self.norm(c.i - 1) in ("its", "their", "our")
        if not possessed or c.value not in ("ArmedGroup", "MilitaryForce"):
            return None
        before = sorted((m for m in self.mentions if m.j <= c.i and not m.demonym and self.reg.is_actor(m.key)),
                        key=attrgetter("i"))
        # "The Tulkarm Brigade, part of PIJ's Al-Quds Brigades, said its fighters": not a name inside an aside
        commas = [k for k, t in enumerate(self.toks[:c.i]) if t.text in (",", "،")]
        owners = [m for x, m in enumerate(before) if not (
            any((before[x - 1].j if x else 0) <= k < m.i for k in commas) and any(m.j <= k for k in commas))]
        return owners[-1].key if owners else (before[-1].key if before else None)

    def head(self, c: Chunk) -> EMention | None:
        """Head noun + name or modifiers: named groups/places and descriptive collectives."""
        cls, entry = c.value, c.detail
        for k in range(c.i, c.j):
            self.used[k] = True
        owner = self.owner(c)
        if owner is not None:
            surface = self.surface(c.i, c.j)
            m = self.add(c.i, c.j, self.reg.new(owner, cls, surface, surface))
            m.head = c.detail  # "مقاتلوها": its fighters, who fight on the ground
            return m
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
                after = self.s.chunk_at(c.j + 1, "entity") if self.norm(c.j) == "of" else None
                place = back.kind == "entity" and g.types & PLACE_TYPES and cls in PLACE_TYPES
                if place and after is not None and breadth(g.types) > breadth(self.reg.lex.entities[after.value].types):
                    # "the Red Sea province of Hodeidah": the wider place only describes the one after "of"
                    m = self.add(back.i, after.j, self.reg.known(after.value, self.surface(after.i, after.j)))
                    self.modifiers(m, m.j)
                    return m
                if same_actor or place:
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
            if self.lang.names_capitalised and self.toks[k].text[:1].isupper() and not self.is_stop(k) \
                    and self.toks[k].norm not in self.lang.number_words:  # "Ten Nigerien soldiers": a count
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
            before = self.s.chunk_at(k - 1, "head") if inner is None else None
            if self.lang.names_capitalised and len(modifiers) < 2 and not self.is_stop(k) \
                    and (inner is None or self.compound_head(inner)) and word.isalpha() and word.islower() \
                    and not (before is not None and before.j == k):  # "a bus carrying soldiers": the bus's word
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
        # "the town of X", "the port of Hodeidah"; not "a convoy of X", "the base of the PMF"
        after_of = self.s.chunk_at(j + 1, "entity") if self.norm(j) == "of" and cls == "Site" else None
        of = 1 if self.norm(j) == "of" and entry != "capital" and (cls in ("Settlement", "Region") or (
            after_of is not None and after_of.i == j + 1
            and self.reg.lex.entities[after_of.value].types & {"Settlement", "Region"})) else 0
        definite = not self.lang.names_capitalised and with_article(self.toks[c.i])
        inner = self.s.chunk_at(j, "head")
        if not self.lang.names_capitalised and not definite and cls in ACTOR_TYPES and inner is not None \
                and inner.i == j and not inner.prefix and inner.value in ACTOR_TYPES and self.free(j):
            for k in range(inner.i, inner.j):  # "متمردو جماعة «3R»", "عصابات تحالف «فيف أنسانم»": the group's
                self.used[k] = True  # own head stands between, and its name follows
            j = inner.j
        nxt = self.s.chunk_at(j + of)
        if nxt is not None and nxt.i == j + of and nxt.kind == "entity" and not definite \
                and not (entry == "capital" and nation is not None):
            g = self.reg.lex.entities[nxt.value]
            # "حركة حماس", "قوات التحالف", "the Palestinian village of Turmus Ayya": the head names that entity
            if (cls in PLACE_TYPES) == bool(g.types & PLACE_TYPES) and "Person" not in g.types:
                m = self.add(c.i if patron is None else start, nxt.j,
                             self.reg.known(nxt.value, self.surface(nxt.i, nxt.j)))
                if patron is not None:  # "the Houthi-held city of Hodeidah", "the Iran-backed group Hezbollah"
                    self.relate_patron(m.key, patron_rel, patron)
                self.modifiers(m, m.j)
                return m
        if nxt is not None and nxt.i == j and (nxt.kind == "demonym" or (
                nxt.kind == "entity" and not self.lang.names_capitalised and not definite
                and cls in ("GovernmentBody", "MilitaryForce") and c.prefix in ("", "و", "ف")
                and "Country" in self.reg.lex.entities[nxt.value].types)):
            nation, j = nxt.value, nxt.j  # "حكومة جنوب السودان", "جيش مالي": the state's own body
            self.reg.known(nxt.value, self.surface(nxt.i, nxt.j))
        if entry == "capital" and nation is not None:  # "the Libyan capital (Tripoli)", "العاصمة المالية"
            m = self.capital(start, j, nation)
            if m is not None:
                return m
        if entry == "command":  # "القيادة العامة للجيش الوطني الليبي": a force's command speaks for the force
            k = j + (j < len(self.toks) and self.norm(j).startswith("ال") and self.s.chunk_at(j) is None)
            force = self.s.chunk_at(k, "entity")
            if force is not None and force.i == k and force.prefix.endswith("ل") \
                    and self.reg.lex.entities[force.value].is_actor:
                return self.add(start, force.j, self.reg.known(force.value, self.surface(force.i, force.j)))
        name_start = j + of
        relation_next = self.may_name_patron(j) and any(self.phrase_at(j, rel) for rel in ("backed", "allied", "led"))
        if definite and nation is None and not relation_next and j < len(self.toks) and self.free(j) \
                and self.s.chunk_at(j) is None and self.norm(j).startswith("ال") and not self.is_stop(j) \
                and cls in ACTOR_TYPES:
            name_start = c.i  # "الوكالة الوطنية", "القوة المشتركة": head and adjective name it together
            name_stop = j + 1
            m = self.add(start, name_stop, "")
            words = " ".join(self.norm(k) for k in range(c.i, name_stop))[conjunction_length(c.prefix):]
            return self.finish(m, f"{cls.lower()}/{slug(words)}", cls, self.surface(start, name_stop))
        # a definite Arabic head takes no name; nor does one followed by "backed by" / "تقوده"
        named = of or not (self.lang.names_capitalised or definite or relation_next or cls == "Group"
                           or self.lang.ends_a_name(self.norm(c.j - 1)))
        adjectives: list[str] = []
        while (cls == "Group" or (cls == "Site" and self._nisba(j, definite))) and not self.lang.names_capitalised \
                and j < len(self.toks) and len(adjectives) < 2 \
                and self.free(j) and self.s.chunk_at(j) is None and not self.is_stop(j) \
                and not self.may_name_patron(j) \
                and not (self.norm(j).startswith("و") and len(self.toks[j].forms) > 1):  # "وعاملون": a conjunct
            adjectives.append(self.norm(j))  # "مصادر أمنية لبنانية", "مصادر محلية", "سوق شعبي"
            j += 1
        if adjectives and cls != "Group":
            named, name_start = False, j
        quoted = self.quoted_name(name_start) if cls in _NAMED else None
        known = self.s.chunk_at(quoted[0], "entity") if quoted is not None else None
        if known is not None and known.i == quoted[0] and known.j == quoted[1]:  # "تحالف «فيف أنسانم»"
            m = self.add(start, quoted[1] + 1, self.reg.known(known.value, self.surface(known.i, known.j)))
            m.head = entry  # "عصابات تحالف «فيف أنسانم» هاجمت": gangs attack on the ground
            self.modifiers(m, m.j)  # "حركة «إم 23» المدعومة من رواندا"
            return m
        if quoted is not None:  # "سفينة النفط «ستار أوشن»", "the tanker 'Sea Star'"
            name_start, name_stop, j = quoted[0], quoted[1], quoted[1] + 1
        else:
            if self.lang.names_capitalised and self.norm(c.j - 1) in self.lang.named_by_what_follows:
                named = True  # "the tanker Sea Harmony", "the bulk carrier Aegean Star"
            name_stop = self.name_tokens(name_start) if named else name_start
            if cls == "GovernmentBody" and not self.lang.names_capitalised:
                # "وزارة الداخلية نشر وحدات": a ministry's name ends with its definite word
                name_stop = next((k + 1 for k in range(name_start, name_stop - 1)
                                  if with_article(self.toks[k]) and not with_article(self.toks[k + 1])), name_stop)
        j = max(j, name_stop)
        m = self.add(start, j, "")
        if nation is None and j < len(self.toks) and self.s.chunk_at(j, "demonym"):
            d = self.s.chunk_at(j, "demonym")
            nation, m.j = d.value, d.j
            self.used[d.i:d.j] = [True] * (d.j - d.i)
        # "قرية الطيبة التابعة لمحافظة درعا": a town belongs to the province it lies in (see relations), no patron
        named_end = m.j
        rel_patron, rel_kind, m.j = self.patron_after(m.j) if cls not in ("Settlement", "Region") else (None, None, m.j)
        patron = patron or rel_patron
        patron_rel = rel_kind or patron_rel
        name = " ".join(t.norm for t in self.toks[name_start:name_stop])
        # a name is called by itself, not by who backs or leads it ("جماعة X يتزعمها Y"); a collective by both
        surface = self.surface(m.i, named_end if name else m.j)
        if modifiers and not name and nation is None and patron is None and cls == "ArmedGroup" \
                and self.norm(start - 1) == "the":  # "the militant group claimed": a short form, named before
            told = self.reg.antecedent(cls, self.toks[c.j - 1].forms, self.told_before(start))
            if told is not None:
                m.key = self.reg.new(told, cls, surface, surface)
                return m
        if (modifiers or adjectives) and not name and nation is None and patron is None:
            # "a crowded market", "سوق شعبي": a place of this report, not a shared one; so is "an army patrol",
            # which is no antecedent of "the army"
            if cls in PLACE_TYPES or self.norm(start - 1) in self.lang.indefinite_articles:
                return self.finish(m, self.reg.local_key(cls, surface), cls, surface)
            modifiers = modifiers + [slug(a) for a in adjectives]
            return self.finish(m, f"{cls.lower()}/" + "-".join([*modifiers, entry]), cls, surface)
        link = 1 if self.norm(m.j) in ("من", "from", "of") else self.phrase_at(m.j, "belonging")
        # "مسلحو التنظيم", "قوات الجماعة": a head without the article before a definite word is in construct
        # with it, and belongs to the body it names
        construct = not self.lang.names_capitalised and not definite and m.j < len(self.toks) \
            and with_article(self.toks[m.j])
        if not name and nation is None and patron is None and (
                (cls in ("ArmedGroup", "Group") and link) or (cls in ACTOR_TYPES and construct)):
            out = self.members_of(m, entry, link)
            if out is not None:
                return out
        if not name and nation is None and patron is None:
            # English: "a ship", "police said", "gunmen killed": without "the" the head names something new
            indefinite = not definite if not self.lang.names_capitalised else self.norm(c.i - 1) not in (
                "the", "this", "that", "these", "those", "its", "their", "our", "his", "her")
            # "مواقع إطلاق", "a commercial ship", and a head that names an institution ("الدفاع المدني",
            # "وزارة الصحة") when nothing before it does: new, this document only
            named = c.j - c.i > 1 and self.reg.last_of(cls) is None
            if (indefinite or named) and cls != "Group":
                return self.finish(m, self.reg.local_key(cls, surface), cls, surface)
            antecedent = self.reg.antecedent(cls, self.toks[c.j - 1].forms, self.told_before(c.i)) \
                if cls in _NAMED else None
            if antecedent is None or cls == "Group":  # no antecedent: no guess
                self.mentions.remove(m)
                return None if cls != "Group" else self.finish(m, f"group/{entry}", cls, surface)
            m.key = self.reg.new(antecedent, cls, surface, surface)
            return m
        named = self.appositive_of(start)
        if patron and named is not None and not name and cls in ACTOR_TYPES:
            self.mentions.remove(m)  # "Al-Shabaab, the al Qaeda-linked group,": a description of Al-Shabaab
            self.relate_patron(self.reg.known(named.value, self.surface(named.i, named.j)), patron_rel, patron)
            return None
        # "Iran-backed" and "Iran-allied" militias are one collective; a coalition is keyed by its leader
        patron_key = patron and patron + {"ledBy": "-led", "controls": "-held"}.get(patron_rel, "-backed")
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
            self.relate_patron(m.key, patron_rel, patron)
        if name and cls in PLACE_TYPES and self.lang.names_two(self.norm(c.j - 1)):
            self.second_of_two(m.j, cls)
        return m

    def second_of_two(self, k: int, cls: str) -> None:
        """'في منطقتي متينا وهاكورك': the word joined by و after the first name is the second place, when no
        lexicon knows it (a known one is found as itself)."""
        if k < len(self.toks) and self.free(k) and self.s.chunk_at(k) is None and self.norm(k)[:1] == "و" \
                and len(self.toks[k].forms) > 1 and self.lang.could_be_name(self.toks[k].text[1:]):
            label = self.toks[k].text[1:]
            self.add(k, k + 1, self.reg.new(f"{cls.lower()}/{slug(label)}", cls, label, self.surface(k, k + 1)))

    def capital(self, start: int, j: int, nation: str) -> EMention | None:
        """'the Libyan capital Tripoli', 'the Sudanese capital, Khartoum', 'العاصمة المالية باماكو': the city
        named next, which lies in the state; without one, the state's capital as the gazetteer gives it."""
        comma = j < len(self.toks) and self.toks[j].text == ","
        city = self.s.chunk_at(j + comma, "entity")
        if city is not None and city.i == j + comma and "Settlement" in self.reg.lex.entities[city.value].types:
            key = self.reg.known(city.value, self.surface(city.i, city.j))
            j = j if comma else city.j  # after a comma the name is a mention of its own, within the clause
        elif self.reg.lex.entities[nation].capital is not None:
            key = self.reg.known(self.reg.lex.entities[nation].capital, self.surface(start, j))
        else:
            return None
        self.reg.known(nation, "")
        self.reg.relate(key, "locatedIn", nation, self.s.index)
        return self.add(start, j, key)

    def members_of(self, m: EMention, entry: str, link: int) -> EMention | None:
        """Gunmen or fighters 'from' a group, or believed to belong to it (`link` words between), are that group:
        "مسلحون من جماعة نصرة الإسلام", "مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام", "fighters from the ADF",
        a short form named before ("مسلحون من الحركة"), a collective ("مسلحين من العشائر البدوية")."""
        at = m.j + link + (self.norm(m.j + link) == "the")
        if self.lang.names_capitalised and self.toks[at].text.islower() and self.toks[at].text.isalpha() \
                and not self.is_stop(at) and self.s.chunk_at(at) is None:
            at += 1  # "militants from the banned TTP": an adjective before the group's name
        org = self.s.chunk_at(at, "entity")
        short = self.s.chunk_at(at, "head")
        if org is None and short is not None and short.i == at and short.value in ACTOR_TYPES \
                and (with_article(self.toks[at]) or self.norm(at - 1) == "the"):
            if self._nisba(short.j, True):
                whole = self.head(short)  # "العشائر البدوية": a collective of its own
                if whole is None or not self.reg.is_actor(whole.key):
                    return None
                self.mentions.remove(m)
                whole.i, whole.head = m.i, entry
                return whole
            named = self.reg.antecedent(short.value, self.toks[short.j - 1].forms, self.told_before(m.i))
            if named is None:
                return None
            surface = self.surface(m.i, short.j)
            out = self.add(m.i, short.j, self.reg.known(named, surface) if named in self.reg.lex.entities
                           else self.reg.new(named, short.value, surface, surface))
        elif org is None and short is not None and short.i == at and short.value == "ArmedGroup" \
                and self.quoted_name(short.j) is not None:
            whole = self.head(short)  # "مسلحون من تنظيم «الدولة الإسلامية في الساحل»": the group it names
            if whole is None or not self.reg.is_actor(whole.key):
                return None
            self.mentions.remove(m)
            whole.i, whole.head = m.i, entry
            return whole
        elif org is None or org.i != at or not self.reg.lex.entities[org.value].is_actor:
            return None
        else:
            out = self.add(m.i, org.j, self.reg.known(org.value, self.surface(m.i, org.j)))
        out.head = entry
        self.mentions.remove(m)
        self.modifiers(out, out.j)  # "مسلحون من جماعة X، فرع تنظيم القاعدة"
        return out

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
        end = k - 1
        if self.toks[end - 1].text == ")":  # "Hayat Tahrir al-Sham (HTS), the Islamist group headed by ..."
            end = next((x for x in range(end - 2, max(0, end - 6), -1) if self.toks[x].text == "("), end)
        named = self.s.chunk_at(end - 1, "entity")
        return named if named is not None and named.j == end and \
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
