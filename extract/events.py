"""Events and their roles, from trigger words and the mentions around them.

Roles come from word order and prepositions only: no role is guessed when the
sentence does not say it. Negated, denied, threatened or future events are not
emitted as having happened (a threat is its own ck:Threat event).
"""

from __future__ import annotations

from dataclasses import dataclass

from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.entities import EMention, Registry
from conflictkg.extract.lang import Language
from conflictkg.extract.model import Event

__all__ = ["find_events", "SPEECH_ACTS", "clause_bounds", "prep_of"]

SPEECH_ACTS = frozenset({"Condemnation", "Accusation", "Threat", "Endorsement"})
_ATTACKS = frozenset({"Attack", "Airstrike", "Shelling", "RocketAttack", "DroneAttack", "Bombing", "ArmedAssault"})
_MUTUAL = frozenset({"ArmedClash", "Cooperation"})


@dataclass
class Found:
    """An event with the token span of its trigger, before it joins the document."""

    event: Event
    i: int
    j: int


def clause_bounds(state: SentenceState, i: int, lang: Language) -> tuple[int, int]:
    """The clause around token i: between clause breaks, complementisers and quotes."""
    toks = state.tokens

    def brk(k: int) -> bool:
        t = toks[k]
        return t.text in lang.clause_breaks or t.norm in lang.clause_breaks or t.text in "“”«»\""

    a = i
    while a > 0 and not brk(a - 1) and toks[a - 1].norm not in lang.complementisers:
        a -= 1
    b = i + 1
    while b < len(toks) and not brk(b) and toks[b].norm not in lang.complementisers:
        b += 1
    return a, b


def prep_of(state: SentenceState, m: EMention, lang: Language) -> str | None:
    """The role a preposition gives mention m (target, location, instrument, agent, with, source)."""
    toks = state.tokens
    if m.i > 0:
        prev = toks[m.i - 1].norm
        if prev in lang.prepositions:
            if lang.prepositions[prev] == "source" and m.i > 1 and _members_before(state, m.i - 1, lang):
                return None  # "members of X" / "أعضاء من X": X itself
            return lang.prepositions[prev]
        if m.i > 1 and " ".join((toks[m.i - 2].norm, prev)) in ("by the", "on the", "in the", "at the",
                                                                  "against the", "near the", "with the"):
            return lang.prepositions.get(toks[m.i - 2].norm)
    first = toks[m.i].norm
    if not lang.names_capitalised and len(first) > 3:  # Arabic clitic prepositions: بـ لـ
        core = first[1:] if first[0] in "وف" else first
        if core[:1] == "ب" and core[1:] in lang.forms(first):
            return "instrument"
        if core[:1] == "ل" and core[1:2] != "ل" and not toks[m.i].text.startswith(("ل" + "ل",)):
            return "to"
        if core[:2] == "لل":
            return "to"
    return None


def _members_before(state: SentenceState, k: int, lang: Language) -> bool:
    for words in lang.phrases.get("members", ()):
        n = len(words)
        if k - n + 1 >= 0 and all(w in lang.forms(state.tokens[k - n + 1 + x].norm) for x, w in enumerate(words)):
            return True
    return False


class _Roles:
    def __init__(self, state: SentenceState, text: str, mentions: list[EMention], reg: Registry) -> None:
        self.s, self.text, self.reg = state, text, reg
        self.lang = reg.lex.lang
        self.mentions = mentions
        self.preps = {id(m): prep_of(state, m, self.lang) for m in mentions}

    def in_span(self, a: int, b: int) -> list[EMention]:
        return [m for m in self.mentions if a <= m.i and m.j <= b]

    def bare(self, m: EMention) -> bool:
        return self.preps[id(m)] is None

    def coordinated(self, ms: list[EMention], first: EMention) -> list[EMention]:
        """first and the mentions joined to it by and / و ('in Iraq and Syria', 'في العراق وسوريا')."""
        out = [first]
        idx = ms.index(first)
        for m in ms[idx + 1:]:
            gap = self.s.tokens[out[-1].j:m.i]
            joined = (not gap and self.s.tokens[m.i].norm[:1] == "و" and not self.lang.names_capitalised) or (
                len(gap) == 1 and gap[0].norm in ("and", "و", ",", "،"))
            if not joined:
                break
            out.append(m)
        return out

    def negated(self, i: int) -> bool:
        toks = self.s.tokens
        window = [t.norm for t in toks[max(0, i - 3):i]]
        if any(w in self.lang.negators for w in window) or any(
                t.norm.endswith("n't") for t in toks[max(0, i - 3):i]):
            return True
        return any(w in self.lang.future_markers for w in window)

    def denied(self, i: int) -> bool:
        return any(c.kind == "cue" and c.value == "denial" and c.j <= i for c in self.s.chunks)

    def threatened(self, i: int, cls: str) -> bool:
        """An attack inside a threat ('vowed to strike', 'توعد بضرب') has not happened."""
        if cls in SPEECH_ACTS:
            return False
        return any(c.kind == "trigger" and c.value == "Threat" and c.j <= i and i - c.j <= 6
                   for c in self.s.chunks)

    def passive(self, c: Chunk) -> bool:
        toks = self.s.tokens
        if not self.lang.passive_auxiliaries or c.detail != "verb":
            return False
        k = c.i - 1
        while k >= 0 and toks[k].norm in ("also", "reportedly", "allegedly", "not", "being", "been", "later"):
            k -= 1
        return k >= 0 and toks[k].norm in self.lang.passive_auxiliaries and toks[c.i].norm.endswith(("ed", "en"))

    def under(self, c: Chunk) -> EMention | None:
        """'X came under rocket fire' / 'تعرضت X لهجمات': X is the target."""
        toks = self.s.tokens
        a, _ = clause_bounds(self.s, c.i, self.lang)
        for k in range(max(a, c.i - 4), c.i):
            for words in self.lang.phrases["under"]:
                n = len(words)
                if k + n <= c.i and all(w in self.lang.forms(toks[k + x].norm) for x, w in enumerate(words)):
                    left = [m for m in self.in_span(a, k) if self.bare(m)]
                    right = [m for m in self.in_span(k + n, c.i) if self.bare(m)]
                    cands = right or left
                    return cands[-1] if left and not right else (cands[0] if cands else None)
        return None

    def subject(self, i: int, j: int, a: int, b: int) -> tuple[EMention | None, bool]:
        """The actor of a verb spanning [i, j): (mention, True when it follows the verb)."""
        right = [m for m in self.in_span(j, b) if self.reg.is_actor(m.key)]
        if self.lang.verb_initial and right and self.bare(right[0]) and right[0].i - j <= 3 and \
                not self.s.chunk_at(right[0].i - 1, "weapon"):
            return right[0], True
        left = [m for m in self.in_span(a, i) if self.bare(m) and self.reg.is_actor(m.key)]
        if left:
            return left[-1], False
        if not self.lang.verb_initial:
            inverted = [m for m in self.in_span(j, b) if self.bare(m) and self.reg.is_actor(m.key)]
            if inverted and inverted[0].i == j and self.reg.types(inverted[0].key) & {"Person"}:
                return inverted[0], True
        return None, False

    def order_actor(self, i: int, a: int) -> EMention | None:
        """'Biden ordered strikes' / 'أمر بايدن بشن ضربات': the one who ordered."""
        toks = self.s.tokens
        for k in range(max(0, i - 6), i):
            for words in self.lang.phrases["order"]:
                n = len(words)
                if all(k + x < len(toks) and w in self.lang.forms(toks[k + x].norm) for x, w in enumerate(words)):
                    actor, _ = self.subject(k, k + n, 0, len(toks))
                    return actor
        return None

    def fill(self, c: Chunk, ev: Event) -> None:
        a, b = clause_bounds(self.s, c.i, self.lang)
        cls = ev.type
        under = self.under(c)
        if under is not None:
            ev.targets.append(under.key)
            used = {id(under)}
            actor = None
        elif self.passive(c):
            left = [m for m in self.in_span(a, c.i) if self.bare(m)]
            if left:
                ev.targets.extend(m.key for m in self.coordinated(self.mentions, left[-1]))
            used = {id(m) for m in left[-1:]}
            actor = next((m for m in self.in_span(c.j, b) if self.preps[id(m)] == "agent"), None)
        elif c.detail == "noun":
            actor, used = self.noun_actor(c, a, b), set()
        else:
            actor, after = self.subject(c.i, c.j, a, b)
            used = set()
            if cls == "Killing" and actor is not None and not after and not any(
                    self.bare(m) for m in self.in_span(c.j, b)) and not self.lang.names_capitalised:
                ev.targets.append(actor.key)  # "أربعة أعضاء ... قتلوا": the victims
                used.add(id(actor))
                actor = None
            else:
                start = actor.j if (actor is not None and after) else c.j
                obj = next((m for m in self.in_span(start, b) if self.bare(m) and m is not actor
                            and not m.demonym), None)
                if obj is not None:
                    ev.targets.extend(m.key for m in self.coordinated(self.mentions, obj))
                    used |= {id(obj)}
        if actor is None and cls in _ATTACKS | {"Killing"}:
            actor = self.order_actor(c.i, a)
        if actor is not None:
            ev.actors.extend(m.key for m in self.coordinated(self.mentions, actor))
            used.add(id(actor))
        self.prepositional(c, ev, a, b, used)

    def noun_actor(self, c: Chunk, a: int, b: int) -> EMention | None:
        """Actor of an event noun: its demonym/name modifier, 'by X', or the subject of a support verb."""
        for m in self.mentions:
            if (m.j == c.i and self.lang.names_capitalised) or (m.i == c.j and not self.lang.names_capitalised
                                                                 and m.demonym):
                if self.reg.is_actor(m.key) and not self.preps[id(m)]:
                    return m
        agent = next((m for m in self.in_span(c.j, b) if self.preps[id(m)] == "agent"), None)
        if agent is not None:
            return agent
        support = [s for s in self.s.chunks_of("support") if a <= s.i and s.j <= c.i]
        if support:
            actor, _ = self.subject(support[-1].i, support[-1].j, a, c.i)
            return actor
        return None

    def prepositional(self, c: Chunk, ev: Event, a: int, b: int, used: set[int]) -> None:
        ms = [m for m in self.in_span(a, b) if id(m) not in used and not (m.j <= c.i and self.bare(m))]
        done: set[int] = set()
        for m in ms:
            if id(m) in done:
                continue
            role = self.preps[id(m)]
            group = self.coordinated(ms, m)
            done |= {id(x) for x in group}
            place = self.reg.is_place(m.key)
            if role == "location" and place:
                ev.locations.extend(x.key for x in group if self.reg.is_place(x.key))
            elif role == "target" and m.i > c.i:
                broad = self.reg.types(m.key) & {"Country", "Region"}
                (ev.locations if (broad and place) else ev.targets).extend(x.key for x in group)
            elif role == "with" and ev.type in _MUTUAL and self.reg.is_actor(m.key):
                ev.actors.extend(x.key for x in group)
            elif role == "agent" and not ev.actors and self.reg.is_actor(m.key):
                ev.actors.extend(x.key for x in group)
        for w in self.s.chunks_of("weapon"):
            if a <= w.i < b and abs(w.i - c.j) <= 4:
                ev.instruments.append(self.s.text(w.i, w.j, self.text))
                if ev.type == "Attack" and w.value:
                    ev.type = w.value
        for field_name in ("actors", "targets", "locations"):
            setattr(ev, field_name, list(dict.fromkeys(getattr(ev, field_name))))
        ev.targets = [t for t in ev.targets if t not in ev.actors]


def find_events(state: SentenceState, text: str, mentions: list[EMention], reg: Registry) -> list[Found]:
    """Events asserted as having happened in one sentence, with their roles."""
    roles = _Roles(state, text, mentions, reg)
    found: list[Found] = []
    triggers = list(state.chunks_of("trigger"))
    # a weapon governed by a support verb with no event word: "أطلق قذائف", "fired rockets at"
    for s in state.chunks_of("support"):
        a, b = clause_bounds(state, s.i, reg.lex.lang)
        w = next((w for w in state.chunks_of("weapon") if s.j <= w.i < min(b, s.j + 5)), None)
        if w is not None and w.value and not any(s.j <= t.i <= w.j + 1 for t in triggers):
            triggers.append(Chunk("trigger", s.i, s.j, w.value, "verb"))
    triggers.sort(key=lambda c: c.i)
    for c in triggers:
        if not c.value or roles.negated(c.i) or roles.denied(c.i) or roles.threatened(c.i, c.value):
            continue
        if found and c.detail == "noun" and found[-1].j >= c.i - 1 and found[-1].event.type == c.value:
            continue  # "air strikes" right after "struck": one event
        if c.value == "Killing" and found and found[-1].event.type in _ATTACKS and \
                clause_bounds(state, c.i, reg.lex.lang)[0] <= found[-1].i:
            continue  # "air strikes killed 12" / "قصف ... أدى إلى مقتل": the deaths belong to the attack
        ev = Event(c.value, state.index, state.tokens[c.i].start, state.tokens[c.j - 1].end,
                   state.text(c.i, c.j, text))
        roles.fill(c, ev)
        ev.confidence = _confidence(ev, c, reg)
        found.append(Found(ev, c.i, c.j))
    return found


def _confidence(ev: Event, c: Chunk, reg: Registry) -> float:
    score = 0.45 + (0.1 if c.detail == "verb" else 0.0)
    keys = ev.actors + ev.targets + ev.locations
    score += 0.15 if ev.actors else 0.0
    score += 0.1 if (ev.targets or ev.locations) else 0.0
    if keys and all(reg.doc.entities[k].in_gazetteer for k in keys):
        score += 0.1
    return round(min(score, 0.95), 2)
