"""Who acted: the subject of an event verb, the actor of an event noun, who ordered it, and the target a
passive or "came under" construction names instead. A mixin of `roles.Roles`, which holds the sentence (`s`),
its language, its mentions and the preposition each mention stands after (`prep`)."""

from __future__ import annotations

from conflictkg.extract.chunks import Chunk
from conflictkg.extract.classes import ATTACKS, HARMLESS
from conflictkg.extract.registry import ACTOR_TYPES, EMention
from conflictkg.extract.syntax import clause_bounds

__all__ = ["Actors"]


class Actors:
    """The actor rules over one sentence's mentions; mixed into the sentence's role rules."""

    def passive(self, c: Chunk) -> bool:
        toks = self.s.tokens
        if c.detail == "verb" and not self.lang.names_capitalised and "\u064f" in toks[c.i].text[:5]:
            return True  # a damma marks the Arabic passive when it is written: قُتل، استُهدف، أُصيب
        if not self.lang.passive_auxiliaries or c.detail != "verb":
            return False
        k = c.i - 1
        while k >= 0 and toks[k].norm in ("also", "reportedly", "allegedly", "not", "being", "been", "later"):
            k -= 1
        return k >= 0 and toks[k].norm in self.lang.passive_auxiliaries and not toks[c.i].norm.endswith("ing")

    def under(self, c: Chunk) -> EMention | None:
        """'X came under rocket fire' / 'تعرضت X لهجمات': X is the target."""
        hits = self.s.named("under")
        return self._under_target(c, hits) if hits else None

    def _under_target(self, c: Chunk, hits: dict) -> EMention | None:
        """`under` where the sentence has a 'came under' phrase (a method of its own: its comprehensions would
        make `self` a closure cell on every call of `under`, asked of every trigger)."""
        a, _ = clause_bounds(self.s, c.i, self.lang)
        for k, hit in hits.items():  # "تعرضت قاعدة تابعة لقوات ... في مدينة X لقصف"
            if not max(a, c.i - 14) <= k < c.i or k + hit[0] > c.i:
                continue
            left = [m for m in self.in_span(a, k) if self.bare(m) and not m.demonym]
            right = [m for m in self.in_span(k + hit[0], c.i) if self.bare(m) and not m.demonym]
            if self.lang.verb_initial and right:
                return right[0]  # "تعرضت مدينة X لقصف"
            return left[-1] if left else None
        return None

    def speaks(self, m: EMention, speech: bool) -> bool:
        """Who may be a verb's subject: an actor, and for a speech act also a city standing for its
        government ('Kinshasa accused Kigali', 'واتهمت كينشاسا رواندا')."""
        return self.reg.is_actor(m.key) or (speech and "Settlement" in self.reg.types(m.key))

    def subject(self, i: int, j: int, a: int, b: int, speech: bool = False) -> tuple[EMention | None, bool]:
        """The actor of a verb spanning [i, j): (mention, True when it follows the verb)."""
        if not self.lang.names_capitalised:
            for m in self.mentions:
                if m.j == i and m.demonym and self.s.chunk_at(m.i - 1, "weapon"):
                    return m, False  # "طائرات باكستانية قصفت": the aircraft's nation acts
        if self.lang.verb_initial:
            for m in self.mentions:  # the first who may act after the verb (loops: cheaper than generators)
                if j <= m.i and m.j <= b and self.speaks(m, speech) and not self.adjective(m):
                    if self.bare(m) and m.i - j <= 3 and not self.s.chunk_at(m.i - 1, "weapon") \
                            and not self._subject_in(j, m.i):
                        return m, True
                    break
        for m in reversed(self.mentions):  # else the last before it
            if a <= m.i and m.j <= i and self.bare(m) and self.speaks(m, speech) and not self.adjective(m):
                return m, False
        before = self._before_asides(a)  # skip back over ", which ... ," / ", the coalition's leader, known as X,"
        if before is not None:
            return before, False
        if a > 0 and self.s.tokens[a - 1].text == "," and self.lang.names_capitalised:
            for m in self.mentions:  # "A spokesman for the PA, Nabil Abu Rudeineh, accused ..."
                if m.j == a - 1 and self.bare(m) and self.reg.is_actor(m.key) and not m.demonym:
                    return m, False
        if not self.lang.verb_initial:
            for m in self.mentions:  # the first actor after the verb, if a person right after it ("said Smith")
                if j <= m.i and m.j <= b and self.bare(m) and self.reg.is_actor(m.key):
                    if m.i == j and self.reg.types(m.key) & {"Person"}:
                        return m, True
                    break
        return None, False

    def _before_asides(self, a: int) -> EMention | None:
        """The last actor before the comma-fenced asides ending right before clause start a (`asides_before`).
        A method of its own: its comprehension would make `self` a closure cell on every call of `subject`."""
        p = self.asides_before(a)
        if p is None:
            return None
        before = [m for m in self.in_span(0, p) if self.bare(m) and self.reg.is_actor(m.key) and not self.adjective(m)]
        return before[-1] if before else None

    def asides_before(self, a: int) -> int | None:
        """Where the asides between commas that end right before token a begin (the first one's comma), if any:
        ', which ... ,', ', an Islamic State-affiliated group,', ', Iran's allies in Yemen,', ', backed by Iran,',
        '، المعروف بلقب «باربيكيو»،', and several in a row (', the coalition's leader, known as Barbecue,')."""
        toks, start, end = self.s.tokens, None, a - 1
        while end > 1 and toks[end].text in (",", "،"):
            p = end - 1
            while p > 0 and toks[p].text not in (",", "،"):
                p -= 1
            if p <= 0 or not self._aside_at(p + 1):
                break
            start = end = p
        return start

    def _aside_at(self, k: int) -> bool:
        """An aside describing the name before it opens at token k."""
        toks = self.s.tokens
        return (toks[k].norm in self.lang.relatives | {"the", "a", "an"}
                or toks[k + 1].norm in ("'s", "'")  # ", Iran's allies in Yemen,"
                # "، المعروف بلقب «باربيكيو»،": a definite participle describes the name before it
                or (not self.lang.names_capitalised and toks[k].norm.startswith("الم") and self.s.chunk_at(k) is None)
                # ", known as Barbecue,", ", backed by Iran,"
                or any(k in self.s.named(name) for name in ("alias", "backed", "allied", "led", "wing")))

    def _subject_in(self, a: int, b: int) -> bool:
        """A subject in tokens [a, b) that is no mention, so that the name after it is the verb's object: an
        actor's head noun none took ('وحمّلت الحكومة X المسؤولية', no government named before) or a weapon
        ('قصفت طائرات باكستانية منازل مدنيين': the aircraft, whose owner acts)."""
        for k in range(a, b):
            c = self.s.chunk_at(k, "head", "weapon")
            if c is not None and c.i == k and (c.kind == "weapon" or c.value in ACTOR_TYPES):
                # not the weapon's owner named after it: "طائرات مسيرة تابعة لقوات الدعم السريع"
                return not any(x + n == b for x, (n, _) in self.s.named("affiliated").items())
        return False

    def adjective(self, m: EMention) -> bool:
        """An Arabic nationality adjective after a noun ('بدبابة إسرائيلية') describes it; it is no subject."""
        if not m.demonym or self.lang.names_capitalised or m.i == 0:
            return False
        prev = self.s.tokens[m.i - 1]
        return not (prev.is_punct or prev.norm in self.lang.stopwords)

    def possessor_actor(self, a: int, b: int) -> EMention | None:
        """'برصاص القوات الإسرائيلية' / 'Israeli gunfire': the weapon's owner acts."""
        for w in self.weapons:
            if not a <= w.i < b:
                continue
            for m in self.mentions:
                owner = (m.i == w.j) if not self.lang.names_capitalised else (m.j == w.i)
                if owner and self.reg.is_actor(m.key):
                    return m
        return None

    def target_in(self, a: int, b: int) -> bool:
        """Whether a mention in [a, b) stands after a preposition of the target (a loop: a generator in
        noun_actor would make `self` a closure cell on every call)."""
        for m in self.in_span(a, b):
            if self.prep(m) == "target":
                return True
        return False

    def after_noun_actor(self, c: Chunk, b: int) -> EMention | None:
        """'الهجوم الذي نفذه الحوثيون' / 'هجوم شنته قوات X': a verb after the noun names its actor."""
        if not self.lang.verb_initial:
            return None
        # not an event verb: "عبوة ناسفة استهدفت دوريتهم" is the bomb's own verb, and what follows it was hit
        for s in self.supports:
            if c.j <= s.i <= c.j + 5 and s.j <= b:
                for m in self.mentions:
                    if s.j <= m.i <= s.j + 2 and self.reg.is_actor(m.key) and self.bare(m) and not m.demonym:
                        return m
        return None

    def order_actor(self, i: int) -> EMention | None:
        """'Biden ordered strikes' / 'أمر بايدن بشن ضربات': the one who ordered."""
        toks = self.s.tokens
        for k, hit in self.s.named("order").items():
            if not i - 6 <= k < i:
                continue
            actor, _ = self.subject(k, k + hit[0], 0, len(toks))
            if actor is None:  # "وأمر بشن ضربات": the subject is the person last named
                person = self.reg.last_of("Person")
                return EMention(k, k, person) if person else None
            return actor
        return None

    def reported_from(self, a: int, i: int) -> int:
        """Where the clause a speech cue between tokens a and i reports starts (a when there is none): the
        speaker is no subject of what it reports."""
        said = a
        for q in self.cues:  # a loop: cheaper than max() of a comprehension
            if a <= q.i and q.j <= i and q.j > said:
                said = q.j
        return said

    def clause_subject(self, c: Chunk, other: str) -> list[EMention]:
        """'سيطر الجيش على البلدة بعد معارك مع الشباب', 'troops retook the town after fighting with JNIM': a clash
        told with one side was fought by the subject of the clause it follows, not by one who reports it."""
        cues = [q for q in self.cues if q.j <= c.i]
        said = max([self.reported_from(0, c.i)] + [k + 1 for k in self.s.positions(self.lang.complementisers)
                                                    if k < c.i])  # "قال مسؤول إن", "officials said that"
        return [m for m in self.in_span(said, c.i) if self.bare(m) and self.reg.is_actor(m.key) and m.key != other
                and not self.adjective(m) and not (self.lang.verb_initial and any(q.j <= m.i <= q.j + 1 for q in cues))
                ][:1]  # "أفاد مصدر أمني باندلاع اشتباكات": the speaker after its verb

    def noun_actor(self, c: Chunk, a: int, b: int) -> EMention | None:
        """Actor of an event noun: its demonym/name modifier, 'by X', or the subject of a support verb."""
        toks = self.s.tokens
        possessive = c.i > 0 and toks[c.i - 1].norm in ("'s", "'")
        # "an RSF ground assault": one lower-case word may stand between the name and the event noun
        modified = c.i > 1 and self.lang.names_capitalised and toks[c.i - 1].text.isalpha() \
            and toks[c.i - 1].text.islower() and self.s.chunk_at(c.i - 1) is None
        english = self.lang.names_capitalised
        before = (c.i - possessive, c.i - modified)  # where an English modifier ends
        for m in self.mentions:
            if (m.j in before if english else m.i == c.j and m.demonym):
                # "in a Russian missile strike", "in Israel's raids": the preposition governs the noun phrase
                modifier = english and (m.demonym or possessive)
                if self.reg.is_actor(m.key) and (modifier or not self.prep(m)):
                    return m
        for m in self.mentions:  # "attacked by X" (loops here: cheaper than next() of a generator)
            if c.j <= m.i and m.j <= b and self.prep(m) == "agent":
                return m
        if c.value in ATTACKS and c.j + 1 < len(toks) and toks[c.j].norm in ("من", "from"):
            at = c.j + 1 + (toks[c.j + 1].norm == "the")
            for by in self.mentions:  # "انتحاري من حركة الشباب", "قصف من مواقع الجيش": by them, from where they are
                if by.i == at:
                    if self.reg.is_actor(by.key) and not by.demonym:
                        return by
                    break
        for owner in self.mentions:
            if owner.i == c.j and owner.prefix in ("ل", "لل"):
                if self.reg.is_actor(owner.key) and self.target_in(owner.j, b):
                    return owner  # "قصف مدفعي لقوات الدعم السريع على حي كرري": the shelling by the RSF, on the district
                break
        after = self.after_noun_actor(c, b)
        if after is not None:
            return after
        for s in reversed(self.supports):  # the last support verb before the noun: "شن الجيش غارات"
            if a <= s.i and s.j <= c.i:
                actor, _ = self.subject(s.i, s.j, a, c.i)
                return actor
        if c.value in HARMLESS:  # "X and Y agreed to set up a coordination centre"
            actor, _ = self.subject(c.i, c.j, a, c.i)
            return actor
        return None
