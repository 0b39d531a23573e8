"""Title patterns: persons named with their post, and what the post says of them.

'الرئيس الأمريكي جو بايدن', 'المتحدث باسم التحالف واين ماروتو', 'Wayne Marotto, a spokesman for the coalition',
'Houthi military spokesman Yahya Saree', 'ضابط في الشرطة يدعى محمد عبدي': a title from the lexicon, the body it
is held in (memberOf, spokespersonFor, ledBy) and the name, in either order. A mixin of the entity finder in
entities.py, whose helpers (add, surface, name_tokens, entity_at ...) it uses.
"""

from __future__ import annotations

from conflictkg.extract.chunks import Chunk
from conflictkg.extract.registry import ACTOR_TYPES, PLACE_TYPES, EMention
from conflictkg.extract.text import with_article
from conflictkg.graph.iris import slug

__all__ = ["TitlePatterns"]

_IN_ITS_NAME = frozenset({"باسمه", "باسمها", "باسمهم"})  # "المتحدث باسمه": its spokesman


class TitlePatterns:
    """Title rules; mixed into the sentence's entity finder."""

    def named_persons(self) -> None:
        """'ضابط في الشرطة يدعى محمد عبدي', 'an officer named Mohamed Abdi': the words after 'named' are a
        person's name. يدعى is also 'claims' ('يدعي أن'), so a naming drops the reporting cue read there."""
        for k, hit in self.s.named("named").items():
            if self.norm(k + hit[0]) in self.lang.complementisers or not self.free(k + hit[0]):
                continue
            end, person = self.person_name(k + hit[0])
            if person is not None:
                self.used[k:k + hit[0]] = [True] * hit[0]
                self.add(k + hit[0], end, person)
                self.s.chunks = [c for c in self.s.chunks if not (c.kind == "cue" and c.i == k)]

    def person_name(self, i: int) -> tuple[int, str | None]:
        """A person's name starting at i: (end, key) via the gazetteer, a known surname or new words."""
        c = self.s.chunk_at(i, "entity")
        if c is not None and c.i == i and "Person" in self.reg.lex.entities[c.value].types:
            return c.j, self.reg.known(c.value, self.surface(c.i, c.j))
        if not self.lang.names_capitalised and with_article(self.toks[i]):
            return i, None  # Arabic personal names take no article, nor a clitic before it ("بالإنجليزية")
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
        if self.norm(j) in _IN_ITS_NAME and self.free(j):  # "لكن المتحدث باسمه العميد X": the body named before
            told = [m for m in self.mentions if m.j <= c.i and not m.demonym and self.reg.is_actor(m.key)]
            if told:
                affil, j = EMention(j, j + 1, told[-1].key), j + 1
                self.used[j - 1] = True
        # affiliation after the title: باسم X / for X / of X / a demonym
        n = 1 if affil is None and self.norm(j) in ("باسم", "for", "of", "ل") else 0
        n += n and self.norm(j + 1) == "the"  # "a spokesman for the Palestinian Authority"
        if n and self.lang.names_capitalised and j + n < len(self.toks) and self.toks[j + n].text.islower() \
                and not self.is_stop(j + n) and self.s.chunk_at(j + n) is None \
                and self.s.chunk_at(j + n + 1, "entity", "demonym", "head") is not None:
            n += 1  # "a spokesman for the local People's Defence Force"
        nxt = self.s.chunk_at(j + n)
        if nxt is not None and nxt.i == j + n and (n or nxt.kind in ("demonym", "head") or (
                nxt.kind == "entity" and "Person" not in self.reg.lex.entities[nxt.value].types)):
            affil = self.entity_at(j + n)
            if affil is None and nxt.kind == "head" and nxt.value in ACTOR_TYPES | PLACE_TYPES:
                # "المتحدث باسم الشرطة", "حاكم المنطقة": a body not named before is still the affiliation
                surface = self.surface(nxt.i, nxt.j)
                key = self.reg.local_key(nxt.value, surface)
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
        if affil is None and not self.lang.names_capitalised and not with_article(self.toks[c.i]):
            holder = self.unnamed_holder(c)
            if holder is not None:
                return holder
        comma = j < len(self.toks) and self.toks[j].text in (",", "،") and affil is not None
        name_at = j + comma  # "a spokesman for the Somali police, Sadiq Dudishe, said"
        rank = self.s.chunk_at(name_at, "title")
        if rank is not None and rank.i == name_at and rank.detail == "member" and c.detail != "member" \
                and self.free(name_at):  # "military spokesman Colonel Hendra Saputra": a rank before the name
            for k in range(rank.i, rank.j):
                self.used[k] = True
            name_at = rank.j
        end, person = self.person_name(name_at)
        if person is None and not self.lang.names_capitalised and self.norm(j).startswith("ال") and self.free(j):
            end, person = self.person_name(j + 1)  # "حاكم المقاطعة إيفان فيدوروف": a definite word, then the name
        if person is None:
            person, start, end = self.appositive(start)
        if person is None and affil is None and not self.lang.names_capitalised and self.norm(c.i).startswith("ال"):
            return None  # "المنطقة ... الناطقة بالإنجليزية": a definite title word alone agrees with a noun before it
        if person is None and affil is None:  # "a civil society leader said": a speaker without a name
            first = start
            while first > 0 and self.free(first - 1) and self.toks[first - 1].text.isalpha() and \
                    self.toks[first - 1].text.islower() and not self.is_stop(first - 1):
                first -= 1
            surface = self.surface(first, c.j)
            return self.add(first, c.j, self.reg.new(self.reg.local_key("Group", surface), "Group",
                                                     surface, surface))
        if person is None and affil is not None and self.norm(start - 1) in self.lang.indefinite_articles:
            # "a local militia leader told Reuters", "a Houthi commander said": an unnamed holder of the title
            self.mentions = [m for m in self.mentions if m is not affil]
            surface = self.surface(start, c.j)
            key = self.reg.new(self.reg.local_key("Group", surface), "Group", surface, surface)
            self.reg.relate(key, "memberOf", affil.key, self.s.index)
            return self.add(start, c.j, key)
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
        self.absorbed += [affil] if affil is not None else []
        return self.add(start, max(end, affil.j if affil else end), person)

    def unnamed_holder(self, c: Chunk) -> EMention | None:
        """'قال قائد عسكري صومالي', 'متحدث عسكري': an Arabic title without the article, then relative adjectives
        (and a nationality): someone described, not named; the words are no name. Of the nation, if one is named."""
        k = c.j
        while k < len(self.toks) and self.free(k) and self.s.chunk_at(k) is None and not self.is_stop(k) \
                and not with_article(self.toks[k]) and len(self.norm(k)) >= 4 and self.norm(k).endswith("ي"):
            k += 1
        nation = self.s.chunk_at(k, "demonym")
        end = nation.j if nation is not None and nation.i == k else k
        if end == c.j:
            return None
        for x in range(c.j, end):
            self.used[x] = True
        surface = self.surface(c.i, end)
        key = self.reg.new(self.reg.local_key("Group", surface), "Group", surface, surface)
        if end > k:
            self.reg.relate(key, "memberOf", self.reg.known(nation.value, self.surface(k, end)), self.s.index)
        return self.add(c.i, end, key)

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
                not self.lang.names_capitalised or self.toks[i - 1].text[:1].isupper()) \
                and self.norm(i - 1) not in self.lang.weekdays and self.norm(i - 1) not in self.lang.months:
            i -= 1  # "on Tuesday, a ... leader": a date is no name
        if i == j:
            return None, start, start
        surface = self.surface(i, j)
        key = self.reg.person_by_surname(self.norm(j - 1)) or f"person/{slug(surface)}"
        return self.reg.new(key, "Person", surface, surface), i, start
