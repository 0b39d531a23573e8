"""Roles of one event: actor, target, place and means, from word order and prepositions.

No role is guessed when the sentence does not say it. Who acted comes from the `actors.Actors` mixin;
whether a trigger is negated, denied, conditional, threatened or in the future from the `modality.Modality`
mixin.
"""

from __future__ import annotations

from operator import attrgetter

from conflictkg.extract.actors import Actors
from conflictkg.extract.chunks import CLAUSE_ENDS, Chunk, SentenceState, phrase_at
from conflictkg.extract.classes import ATTACKS, FROM_THE_AIR, MUTUAL, SPEECH_ACTS, VIOLENT
from conflictkg.extract.modality import Modality
from conflictkg.extract.model import Event
from conflictkg.extract.quantities import number_at
from conflictkg.extract.registry import EMention, Registry
from conflictkg.extract.syntax import asides, clause_bounds, joined, prep_of
from conflictkg.extract.text import attached

__all__ = ["Roles"]

_ARABIC_WITH_SOME = frozenset({"بعدد", "بعده", "بعشرات", "بنحو", "باكثر", "بمئات", "بسلسله"})  # بعدة قذائف
# the words between a hit site or vehicle and the actor it belongs to, or carries ("a bus carrying soldiers")
_OWNED_BY = frozenset({"of", "the", "belonging", "to", "used", "by", "carrying", "transporting", "تابعه", "التابعه",
                       "تابع", "التابع", "تابعين", "تقل", "يقل", "تنقل", "ينقل"})
_KEY = attrgetter("key")
_UNASKED = object()  # Roles.prep: a mention whose role is not worked out yet
_ASSAULT_HEADS = frozenset({"gunman", "militant", "fighter", "insurgent", "rebel", "jihadist", "terrorist", "bandit"})


def _outside(mentions: list[EMention], fenced: list[tuple[int, int]]) -> list[EMention]:
    """The mentions outside the comma-fenced asides (a function of its own: its comprehension would make Roles
    a closure cell for every sentence, most of which have no aside)."""
    return [m for m in mentions if not any(k < m.i and m.j <= close for k, close in fenced)]


class Roles(Actors, Modality):
    """The role rules over one sentence's mentions."""

    def __init__(self, state: SentenceState, text: str, mentions: list[EMention], reg: Registry) -> None:
        self.s, self.text, self.reg = state, text, reg
        self.lang = reg.lex.lang
        # what a comma-fenced aside names plays no role: "X، فرع تنظيم القاعدة في منطقة الساحل،", "، خلال مؤتمر
        # صحفي في كييف،"
        fenced = asides(state)
        self.mentions = _outside(mentions, fenced) if fenced else mentions
        # the sentence's event words, support verbs, cues and weapons, asked about by every trigger
        self.triggers, self.supports = state.chunks_of("trigger"), state.chunks_of("support")
        self.cues, self.weapons = state.chunks_of("cue"), state.chunks_of("weapon")
        self._preps: dict[EMention, str | None] = {}  # mention -> its preposition's role, see prep

    def prep(self, m: EMention) -> str | None:
        """The role a preposition gives mention m, worked out when first asked: many mentions stand in
        no event's clause. A bare mention joined to the one before shares its role: "في العراق وسوريا"."""
        role = self._preps.get(m, _UNASKED)  # keyed by the mention itself: a mention hashes by identity
        if role is not _UNASKED:
            return role
        role = prep_of(self.s, m, self.lang)
        k = self.mentions.index(m)
        if role is None and k and self.joined(self.mentions[k - 1], m):
            role = self.prep(self.mentions[k - 1])
        self._preps[m] = role
        return role

    def in_span(self, a: int, b: int) -> list[EMention]:
        return [m for m in self.mentions if a <= m.i and m.j <= b]

    def in_mention(self, k: int) -> bool:
        """Whether token k is part of a mention (a loop: cheaper than any() of a generator)."""
        for m in self.mentions:
            if m.i <= k < m.j:
                return True
        return False

    def bare(self, m: EMention) -> bool:
        return self.prep(m) is None

    def joined(self, a: EMention, b: EMention) -> bool:
        """b follows a, joined by and / و (`syntax.joined`)."""
        return joined(self.s, a, b, self.lang)

    def joined_words(self, a: Chunk, b: Chunk) -> bool:
        """Two phrases joined by and / or / و: 'drones and rockets', 'بطائرات مسيرة وصواريخ'."""
        gap = [t.norm for t in self.s.tokens[a.j:b.i]]
        return gap in (["and"], ["or"], ["و"]) or (not gap and self.s.tokens[b.i].norm.startswith("و"))

    def coordinated(self, ms: list[EMention], first: EMention) -> list[EMention]:
        """The mentions coordinated with `first`, in text order ('in Iraq and Syria', 'في العراق وسوريا')."""
        try:
            idx = ms.index(first)
        except ValueError:  # an antecedent from an earlier sentence
            return [first]
        return self._coordinated_at(ms, idx)

    def _coordinated_at(self, ms: list[EMention], idx: int) -> list[EMention]:
        """The mentions coordinated with ms[idx], in text order."""
        first = ms[idx]
        start = end = idx  # ms[start:end + 1] are coordinated
        while start > 0 and self.joined(ms[start - 1], ms[start]) and \
                self.reg.is_place(ms[start - 1].key) == self.reg.is_place(first.key):
            start -= 1
        while end + 1 < len(ms) and self.joined(ms[end], ms[end + 1]):
            end += 1
        return ms[start:end + 1]

    def next_told(self, c: Chunk, b: int) -> int:
        """Where the next event word after event word c starts, or b if it is later or there is none."""
        for t in self.triggers:  # in sentence order: the first found is the next
            if t.i >= c.j and t is not c:
                return min(t.i, b)
        return b

    def told_between(self, c: Chunk, k: int) -> bool:
        """Whether another event word starts between event word c and token k (a loop: cheaper than any() of a
        generator)."""
        for t in self.triggers:
            if c.j <= t.i < k and t is not c:
                return True
        return False

    def made_to_pay(self, c: Chunk, ev: Event) -> None:
        """'vowed that Hezbollah would pay a heavy price', 'حذر من أن إسرائيل ستدفع الثمن': the one who is
        to pay, or whose act will not go unanswered, is the threat's target."""
        ends = self.s.named("consequence")
        k = next((k for k in ends if c.j <= k < c.j + 12), None)  # past 'that'/'أن', as far as a gapped phrase
        if k is not None and not ev.targets and not any(t.text in CLAUSE_ENDS for t in self.s.tokens[c.j:k]):
            ev.targets = [m.key for m in self.in_span(c.j, k) if self.bare(m) and self.reg.is_actor(m.key)
                          and m.key not in ev.actors][:1]

    def assault(self, ev: Event) -> None:
        """'هاجم مسلحون', 'gunmen attacked', 'killed by fighters in an attack on X': an attack by gunmen or
        fighters is a ground assault."""
        if ev.type == "Attack":
            for m in self.mentions:  # a loop: cheaper than any() of a generator
                if m.head in _ASSAULT_HEADS and m.key in ev.actors:
                    ev.type = "ArmedAssault"
                    return

    def holds(self, m: EMention) -> bool:
        """'Houthi positions', 'Russian supply depots': the nation or group named before what it holds."""
        return m.j in self.s.named("holdings")

    def counted(self, m: EMention) -> bool:
        """'ثلاثة مدنيين', 'عشرات الجنود', 'جنديان': a number of people, as the dead and wounded are told."""
        toks = self.s.tokens
        return number_at(self.s, m.i, self.lang) is not None or number_at(self.s, m.i - 1, self.lang) is not None \
            or (m.i > 0 and not self.lang.vague_numbers.isdisjoint(toks[m.i - 1].forms))

    def instrument_marked(self, w: Chunk) -> bool:
        """A weapon after 'with' / 'using' or with the clitic بـ ('بطائرات مسيرة')."""
        toks = self.s.tokens
        k, words = w.i - 1, 0
        while k >= 0 and words < 4:  # "with a number of drones", "بعدد من الطائرات"
            if toks[k].norm in ("with", "using", "by", "بواسطة", "باستخدام") or toks[k].norm in _ARABIC_WITH_SOME:
                return True
            if toks[k].text == "-" and attached(toks, k):
                k -= 2  # "by an explosive-laden drone boat": a hyphenated word counts once
                continue
            if toks[k].is_punct or self.in_mention(k):
                break
            k, words = k - 1, words + 1
        if self.lang.names_capitalised:
            return False
        before = self.s.chunk_at(w.i - 1, "weapon") if toks[w.i].norm.startswith("و") else None
        if before is not None and before.j == w.i:
            return self.instrument_marked(before)  # "بطائرات مسيرة وصواريخ": joined to a marked weapon
        return toks[w.i].norm.startswith(("ب", "وب")) and toks[w.i].norm not in toks[w.i].forms[1:]

    def owner_of(self, m: EMention) -> EMention | None:
        """The actor a hit site, vehicle or ship belongs to, named right after it."""
        if not self.reg.is_place(m.key) or self.reg.types(m.key) - {"Site"}:
            return None
        toks = self.s.tokens
        for n in self.mentions:
            if 0 <= n.i - m.j <= 3 and self.reg.is_actor(n.key) and not n.demonym:
                gap = [t.norm for t in toks[m.j:n.i]]
                if _OWNED_BY.issuperset(gap) and (gap or n.prefix.endswith("ل")):
                    return n
        return None

    def inner_instruments(self, c: Chunk) -> list[str]:
        """A marked weapon inside a trigger phrase: 'ضربة بطائرة مسيرة', 'قصف بقذائف الهاون'; and what
        explodes in a bombing: 'انفجار عبوة ناسفة'; English 'a barrage of rockets'."""
        for k in range(c.i + 1, c.j):
            n, entries, prefix = phrase_at(self.s.tokens, k, self.reg.lex)
            marked = self.s.tokens[k - 1].norm == "of" if self.lang.names_capitalised else prefix.startswith("ب")
            if n and k + n <= c.j and (marked or c.value == "Bombing") \
                    and any(e.kind == "weapon" for e in entries):
                return [self.s.text(k, k + n, self.text).removeprefix("ب")]
        return []

    def only_object(self, c: Chunk, m: EMention, b: int) -> bool:
        """'وحملت الحكومة الإسرائيلية المسؤولية': the one name between a verb and the rest of a phrase that
        encloses its object (the lexicon's ck:gapRole) is that object, the subject unsaid or told before; with
        two names ('حملت الوزارة X المسؤولية') the first is the subject."""
        tail = next((t for t in self.s.chunks_of("tail") if c.j <= t.i < b and t.value == c.value), None)
        return tail is not None and tail.detail == "object" and m.j <= tail.i and not any(
            x is not m and c.j <= x.i and x.j <= tail.i and self.bare(x) and not x.demonym for x in self.mentions)

    def roles_of(self, c: Chunk) -> Event:
        """The roles trigger c would give an event of its own, for the event it only tells more of to take."""
        probe = Event(c.value, self.s.index, 0, 0, "")
        self.fill(c, probe)
        return probe

    def fill(self, c: Chunk, ev: Event) -> None:
        a, b = clause_bounds(self.s, c.i, self.lang)
        cls = ev.type
        under = self.under(c)
        passive = under is None and self.passive(c)
        if under is not None:
            ev.targets.append(under.key)
            used = {id(under)}
            owner = self.owner_of(under)
            if owner is not None:  # "تعرضت قاعدة تابعة لقوات الاتحاد الأفريقي لقصف"
                ev.targets.append(owner.key)
                used.add(id(owner))
            actor = self.noun_actor(c, a, b) if c.detail == "noun" else None
        elif passive:
            subject = self.passive_subject(c, a, b, cls)
            if subject is not None:
                ev.targets.extend(map(_KEY, self.coordinated(self.mentions, subject)))
            used = {id(subject)} if subject is not None else set()
            actor = self.agent_in(c.j, b)
        elif c.detail == "noun":
            actor, used = self.noun_actor(c, a, b), set()
            obj = self.masdar_object(c)
            if obj is not None:
                ev.targets.extend(map(_KEY, self.coordinated(self.mentions, obj)))
                used.add(id(obj))
        else:
            # "..., accusing the army of ...": a participle after a comma shares the main clause's subject
            participle = c.i > 0 and self.s.tokens[c.i - 1].text in (",", "،") \
                and self.lang.is_participle(self.s.tokens[c.i].norm) and cls in SPEECH_ACTS
            said = self.reported_from(a, c.i)  # "Belgorod governor X said a drone hit a car"
            actor, after = (None, False) if participle else self.subject(c.i, c.j, said, b, cls in SPEECH_ACTS)
            if actor is not None and after and self.only_object(c, actor, b):
                actor, after = None, False
            if actor is None and self.lang.verb_initial:  # "قصفت مسيرات الدعم السريع محطة كهرباء": the weapon's
                actor = self.possessor_actor(c.j, c.j + 1)  # owner is the subject; its object follows
                after = actor is not None
            used = set()
            next_trigger = self.next_told(c, b)
            if cls == "Killing" and actor is not None and (not after or self.counted(actor)) \
                    and not self.other_bare(actor, c.j, next_trigger) and not self.lang.names_capitalised:
                ev.targets.append(actor.key)  # "أربعة أعضاء ... قتلوا", "قتل ثلاثة مدنيين في غارة": the victims
                used.add(id(actor))
                actor = None
            else:
                start = actor.j if (actor is not None and after) else c.j
                stop = min(next_trigger, self.relative_at(c.j, b))
                obj = None
                for m in self.mentions:  # the first bare mention after the verb (a loop: cheaper than a generator)
                    if start <= m.i and m.j <= stop and self.bare(m) and m is not actor and (
                            not m.demonym or self.holds(m)):
                        obj = m
                        break
                if obj is not None:
                    ev.targets.extend(map(_KEY, self.coordinated(self.mentions, obj)))
                    used |= {id(obj)}
                    owner = self.owner_of(obj)
                    if owner is not None and owner.key not in ev.actors:
                        ev.targets.append(owner.key)  # "a convoy of the PMF", "قاعدة تابعة لقوات الاتحاد"
                        used.add(id(owner))
        if actor is None and cls in VIOLENT:  # a weapon's owner did the attack a passive killing was told in
            actor = self.order_actor(c.i) or (None if passive else self.possessor_actor(a, b))
        if actor is not None:
            ev.actors.extend(map(_KEY, self.coordinated(self.mentions, actor)))
            used.add(id(actor))
        self.prepositional(c, ev, a, b, used)
        if cls in MUTUAL and c.detail == "noun" and len(ev.actors) == 1:
            ev.actors.extend(m.key for m in self.clause_subject(c, ev.actors[0])[:1])
            ev.locations = list(dict.fromkeys(self.place_taken(c) + ev.locations))
        if cls in ATTACKS and not ev.targets:
            ev.targets.extend(self.own_holdings(c, ev, b)[:1])
        if cls == "Threat":
            self.made_to_pay(c, ev)
        # "هاجم مستوطنون قرية كفر مالك", "an attack on Kairu village": it happened there (the locations are
        # distinct already: only new ones need a merge)
        settled = self.settlements(ev.targets) if cls in ATTACKS and ev.targets else []
        if settled:
            ev.locations = list(dict.fromkeys(settled + ev.locations))
        witnessed = self.witnessing_place(c, a) if c.detail == "noun" else []
        if witnessed:
            ev.locations = list(dict.fromkeys(ev.locations + witnessed))

    # Small helpers of fill, each a loop or a comprehension of its own: a comprehension inside fill would make
    # `self` a closure cell on every call, and every use of it there slower.
    def passive_subject(self, c: Chunk, a: int, b: int, cls: str) -> EMention | None:
        """What a passive verb in the clause [a, b) tells was hit: 'قُتل جنديان' (after it in Arabic), 'the base
        was shelled' (before it), 'قُتل عنصران من حزب الله' (the body whose members were killed)."""
        said = self.reported_from(a, c.i)  # "the agency said one person was killed"
        left = [m for m in self.in_span(said, c.i) if self.bare(m)]
        right = [m for m in self.in_span(c.j, b) if self.bare(m) and not m.demonym]
        subject = right[0] if (self.lang.verb_initial and right and right[0].i - c.j <= 2) else (
            left[-1] if left else None)
        if subject is None and self.lang.verb_initial and cls == "Killing":
            subject = self.members_named(c.j)
        return subject

    def agent_in(self, a: int, b: int) -> EMention | None:
        """The first mention in [a, b) after the preposition of the agent ('by X')."""
        for m in self.mentions:
            if a <= m.i and m.j <= b and self.prep(m) == "agent":
                return m
        return None

    def other_bare(self, actor: EMention, a: int, b: int) -> bool:
        """Whether a bare mention other than `actor`, and no nationality, stands in [a, b)."""
        for m in self.mentions:
            if a <= m.i and m.j <= b and self.bare(m) and not m.demonym and m is not actor:
                return True
        return False

    def relative_at(self, a: int, b: int) -> int:
        """Where the first relative word ('الذي', 'which') in [a, b) stands, else b."""
        if self.lang.relatives.isdisjoint(self.s.vocabulary):
            return b
        for k in range(a, b):
            if self.s.tokens[k].norm in self.lang.relatives:
                return k
        return b

    def settlements(self, keys: list[str]) -> list[str]:
        """The towns and villages among `keys`."""
        return [t for t in keys if "Settlement" in self.reg.types(t)]

    def place_taken(self, c: Chunk) -> list[str]:
        """'سيطر الجيش على بلدة X بعد معارك مع ...', 'troops retook the town of X after fighting with ...': the
        fighting was in the town taken before it."""
        for k, (n, _) in self.s.named("control").items():
            if k < c.i:
                taken = next((m for m in self.mentions if k + n <= m.i < c.i and self.reg.is_place(m.key)), None)
                if taken is not None and self.reg.types(taken.key) & {"Settlement", "Site"}:
                    return [taken.key]
        return []

    def own_holdings(self, c: Chunk, ev: Event, b: int) -> list[str]:
        """'صد هجوما شنته جماعة الحوثي على مواقعه', 'fighters attacked its positions': the side whose
        positions were hit, named before them and not the attacker."""
        toks = self.s.tokens
        for k in self.s.named("holdings"):
            possessed = toks[k - 1].norm in ("its", "their") if self.lang.names_capitalised else \
                toks[k].text.endswith(("ه", "ها", "هم")) and len(toks[k].forms) > 1
            if c.j <= k < b and possessed:
                return [m.key for m in self.mentions if m.j <= k and m.key not in ev.actors and not m.demonym
                        and self.reg.is_actor(m.key)][-1:]
        return []

    def witnessing_place(self, c: Chunk, a: int) -> list[str]:
        """'شهدت العاصمة طرابلس اشتباكات', 'the town of Sake saw heavy fighting': where the event happened."""
        for k, hit in self.s.named("witnessed").items():
            if a <= k < c.i:
                span = self.in_span(k + hit[0], c.i) if self.lang.verb_initial else self.in_span(a, k)
                return [m.key for m in span if self.bare(m) and self.reg.is_place(m.key)]
        return []

    def masdar_object(self, c: Chunk) -> EMention | None:
        """Arabic verbal nouns take their object directly: 'استهداف قاعدة عين الأسد', 'قصف المدينة'."""
        if not self.lang.verb_initial or c.value in SPEECH_ACTS:
            return None
        for m in self.mentions:  # the first mention right after the noun (a loop: cheaper than next() of a generator)
            if c.j <= m.i <= c.j + 1:
                if not m.demonym and self.bare(m) and (m.i == c.j or self.s.chunk_at(c.j, "weapon")):
                    return m
                break
        return self.members_named(c.j) if c.value == "Killing" else None

    def members_named(self, k: int) -> EMention | None:
        """'مقتل ستة عناصر من الجيش السوري', 'قُتل عنصران من حزب الله': the body whose members are counted
        right after token k (a count, then 'members of'); they, and so it, were hit."""
        members = self.s.tables["members"]
        return next((m for m in self.mentions if k < m.i <= k + 5 and self.bare(m) and self.reg.is_actor(m.key)
                     and members.ending_before(self.s.tokens, m.i)), None)

    def prepositional(self, c: Chunk, ev: Event, a: int, b: int, used: set[int]) -> None:
        """The roles the prepositions of the clause [a, b) give, then the means, then each role's keys once.
        Loops and helpers here, not comprehensions: those would make closure cells of the arguments on every
        call, and every use of them slower."""
        ms = []
        for m in self.mentions:
            if a <= m.i and m.j <= b and id(m) not in used and not (m.j <= c.i and self.prep(m) is None):
                ms.append(m)
        done: set[int] = set()
        for idx, m in enumerate(ms):
            if id(m) in done:
                continue
            role = self.prep(m)
            group = self._coordinated_at(ms, idx)
            done.update(map(id, group))
            if role is None:
                continue
            place = self.reg.is_place(m.key)
            if role == "instrument" and place and not self.lang.names_capitalised:
                role = "location"  # "بمدينة غزة", "بولاية الجزيرة": بـ before a place is "in"
            if role == "location" and place:
                ev.locations.extend(self.place_keys(group))
                owner = self.owner_of(m) if ev.type in ATTACKS else None
                if owner is not None:  # "عند مدخل قاعدة عسكرية للجيش الصومالي": the army's base, so the army
                    ev.targets.append(owner.key)
                    done.add(id(owner))
            elif role == "target" and m.i > c.i and not self.told_between(c, m.i):
                broad = self.reg.types(m.key) & {"Country", "Region"}
                # "attacked U.S. forces at the Green Village base": with a target named, "at" says where
                at = ev.targets and self.s.tokens[m.i - 1 - (self.s.tokens[m.i - 1].norm == "the")].norm == "at"
                (ev.locations if ((broad or at) and place) else ev.targets).extend(map(_KEY, group))
            elif role in ("with", "instrument") and ev.type in MUTUAL and self.reg.is_actor(m.key):
                # "clashed with X", "between X and Y": English "with" is also the instrument preposition
                ev.actors.extend(map(_KEY, group))
            elif role == "with" and place and len(group) > 1:  # "on the road between the towns of X and Y"
                ev.locations.extend(self.place_keys(group))
            elif role == "agent" and not ev.actors and self.reg.is_actor(m.key):
                ev.actors.extend(map(_KEY, group))
        if self.weapons:
            self.means(c, ev, a, b)
        if c.j - c.i > 1:  # a weapon inside the trigger phrase
            ev.instruments.extend(self.inner_instruments(c))
        if ev.type == "ArmedClash":  # "the group has been fighting junta troops": both sides fight, none is hit
            self.both_sides(ev)
        ev.actors = list(dict.fromkeys(ev.actors))
        if ev.targets:  # most events have none, or one target
            targets = dict.fromkeys(ev.targets)
            for actor in ev.actors:
                targets.pop(actor, None)
            ev.targets = list(targets)
        ev.locations = list(dict.fromkeys(ev.locations))

    def place_keys(self, ms: list[EMention]) -> list[str]:
        """The keys of the places among mentions `ms`."""
        return [m.key for m in ms if self.reg.is_place(m.key)]

    def both_sides(self, ev: Event) -> None:
        """A clash's targets that are actors fought it."""
        ev.actors += [t for t in ev.targets if self.reg.is_actor(t) and not self.reg.is_place(t)]
        ev.targets = [t for t in ev.targets if t not in ev.actors]

    def means(self, c: Chunk, ev: Event, a: int, b: int) -> None:
        """The weapons in the clause [a, b) that event word c was done with, and the kind of attack they make
        it."""
        attached, told = [], ev.type
        for w in self.weapons:
            if not a <= w.i < b or c.i <= w.i < c.j:
                continue
            marked = self.instrument_marked(w)
            if not marked and any(m.j == w.i and self.reg.is_place(m.key) and not self.reg.is_actor(m.key)
                                  for m in self.mentions):
                continue  # "مواقع إطلاق صواريخ": part of a place's name, not the means
            # "مسيرة تابعة للجيش المالي قصفت", "drones operated by the GNU (GNU) struck": the weapon acts
            by = w.j + 1 < len(self.s.tokens) and self.s.tokens[w.j + 1].norm == "by" and not any(
                w.j <= t.i < c.i for t in self.triggers)
            subject = w.j <= c.i and (c.i - w.j <= 6 or by)
            if abs(w.i - c.j) <= 4 or (marked and w.i > c.i) or subject:
                words = self.s.text(w.i, w.j, self.text)
                if marked and not self.lang.names_capitalised:  # "بطائرات", "وصواريخ": without the clitics
                    if words[0] == "و" and len(self.s.tokens[w.i].forms) > 1:
                        words = words[1:]
                    words = words.removeprefix("ب")
                ev.instruments.append(words)
                # "warplanes carried out raids", "قصفت طائرات مسيرة": what flies makes it an attack from the air
                if w.value and (ev.type == "Attack" or (ev.type in ("Shelling", "ArmedAssault", "Bombing")
                                                        and w.value in FROM_THE_AIR)
                                or (ev.type == "Airstrike" and w.value == "DroneAttack")  # "غارة نفذتها مسيرة"
                                or (ev.type == "Shelling" and w.value == "RocketAttack")):  # "قصفت كييف بالصواريخ"
                    ev.type = w.value
                attached.append(w)
        if len(attached) > 1 and any(v.value and w.value and v.value != w.value and self.joined_words(v, w)
                                     for v, w in zip(attached, attached[1:], strict=False)):
            ev.type = told  # "attacked the base with drones and rockets": of no one kind
