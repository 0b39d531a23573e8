"""Events from trigger words: which readings name an event that happened, and one event per happening.

Negated, denied, threatened, future or generic events are not emitted as having happened
(a threat is its own ck:Threat event). Roles are filled by `roles.Roles`.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from conflictkg.extract.anaphora import antecedent, claimed_again, definite, kind_told
from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.classes import ATTACKS, FIGHTING, HARMLESS, SPEECH_ACTS, VIOLENT
from conflictkg.extract.lang import Language
from conflictkg.extract.model import Event
from conflictkg.extract.registry import EMention, Registry
from conflictkg.extract.roles import Roles
from conflictkg.extract.syntax import clause_bounds, prep_of
from conflictkg.extract.triggers import event_words, weapon_event

__all__ = ["find_events", "Found", "unclaimed"]


@dataclass
class Found:
    """An event with the token span of its trigger, before it joins the document."""

    event: Event
    i: int
    j: int
    repeats: int | None = None  # the document index of the event this one names again ('the raids')
    noun: bool = False  # told by an event noun ('air strike'), not a verb


def find_events(state: SentenceState, text: str, mentions: list[EMention], reg: Registry) -> list[Found]:
    """Events asserted as having happened in one sentence, with their roles."""
    if not state.chunks_of("trigger") and not state.chunks_of("support") and not weapon_event(state):
        return []  # no event word: the role rules have nothing to fill
    roles = Roles(state, text, mentions, reg)
    found: list[Found] = []
    victims: list[str] = []  # those killed in an attack told next
    toll_of: list[tuple[Event, list[str]]] = []  # ... and that attack: they are its targets too, after its own
    triggers = event_words(state, mentions, roles, reg)
    for c in triggers:
        # "نفت الحركة ذلك، متهمة الجيش ...": one who denies still accuses
        if not c.value or roles.negated(c.i) or (roles.denied(c.i) and c.value not in SPEECH_ACTS) \
                or roles.conditional(c.i) \
                or roles.describes(c) or roles.generic(c) or roles.only_heard(c):
            continue
        threat = roles.threatened(c.i, c.value)
        if threat is not None:  # "هدد بضرب بيروت": what is threatened becomes the threat's target
            _threatened(found, threat, c, roles)
            continue
        if _verb_of_event_noun(state, c, found, mentions, reg):
            # "تفجير انتحاري استهدف مسجدا", "the bombing that targeted", "an air strike hit a school": one
            # event, which the verb gives its target and place
            _told_more(found[-1].event, roles.roles_of(c))
            continue
        if c.value not in HARMLESS and roles.future(c.i):
            if any(t.value == "Threat" for t in triggers):
                continue
            c = Chunk("trigger", c.i, c.j, "Threat", c.detail)  # a vow to attack is a threat
        if found and found[-1].event.type == c.value and c.i - found[-1].j <= 3:
            continue  # "struck ... air strikes", "a suicide bomber blew himself up": one event
        # "قتل عنصران بغارة", "killed by a drone strike" are the strike's toll; "killed in the attack"
        # stays a Killing of its own, whose target is the victims
        # "مقتل ضابط وجنديين من الجيش العراقي وإصابة ثلاثة آخرين بانفجار عبوة": the toll may run long
        attack = _attack_after(c, triggers) if c.value == "Killing" else None
        following = attack
        if following is not None and following.i - c.j > 4 and any(map(_PUNCT, state.tokens[c.j:following.i])):
            following = None
        if following is not None and (
                (state.tokens[following.i].norm[:1] == "ب" and not reg.lex.lang.names_capitalised)
                or state.tokens[following.i - 1].norm == "by"):
            victims = roles.roles_of(c).targets  # "قُتل جنديان بانفجار عبوة": the bomb's toll, and whom it hit
            continue
        if c.detail == "noun" and found and state.chunk_at(c.i, "weapon") is not None and \
                found[-1].i < c.i and roles.instrument_marked(state.chunk_at(c.i, "weapon")):
            continue  # "استهدفت ... بسيارة مفخخة": the car bomb is the means of the attack just found
        if c.detail == "noun" and c.value in ATTACKS and found and found[-1].event.type in ATTACKS \
                and found[-1].i < c.i and clause_bounds(state, c.i, reg.lex.lang)[0] <= found[-1].i \
                and roles.instrument_marked(c):
            # "استهدفت إسرائيل بلدة الخيام بغارة جوية", "targeted the town with an air strike": the air strike
            # is how the attack just found was done, one event of the noun's kind
            _done_by_means(found[-1].event, c, roles)
            continue
        if c.value == "Killing" and found and found[-1].event.type in FIGHTING and (
                clause_bounds(state, c.i, reg.lex.lang)[0] <= found[-1].i or c.detail == "noun"
                or state.tokens[c.i].norm.endswith("ing")):
            # "air strikes killed 12", "..., killing two", "ما أدى إلى مقتل": the attack's deaths; a body whose
            # members were killed ("ما أسفر عن مقتل ستة عناصر من الجيش السوري") was what it hit
            attack = found[-1].event
            if attack.type in ATTACKS and not attack.targets and c.detail == "noun":
                body = roles.members_named(c.j)
                attack.targets += [body.key] if body is not None and body.key not in attack.actors else []
            continue
        ev = Event(c.value, state.index, state.tokens[c.i].start, state.tokens[c.j - 1].end,
                   state.text(c.i, c.j, text))
        roles.fill(c, ev)
        if ev.type in ATTACKS and victims:
            toll_of.append((ev, victims))
            victims = []
        if c.detail == "noun" and ev.type in SPEECH_ACTS and (not (ev.actors or ev.targets) or (
                c.prefix.startswith("و") and _mention_ends_at(mentions, c.i))):
            continue  # "calls for support", "مركز طب الطوارئ والدعم": a word, or part of a name, not an act
        if c.value == "Killing" and not ev.actors and _died_in_new_attack(state, c, attack, reg.lex.lang):
            victims = ev.targets  # "قُتل ٢٢ فلسطينيا في غارة جوية", "four were killed when fighters stormed":
            continue  # the attack's toll, and its victims are what it hit
        if c.detail == "noun" and found and c.i > 0 and found[-1].event.type not in SPEECH_ACTS and \
                state.tokens[c.i - 1 - (state.tokens[c.i - 1].norm in ("a", "an", "the"))].norm in (
                    "in", "during", "خلال", "في") and clause_bounds(state, c.i, reg.lex.lang)[0] <= found[-1].i:
            # "killed eight soldiers in an assault": the same hands; "during a raid on the Jenin camp": there
            before = found[-1].event
            ev.actors = ev.actors or list(before.actors)
            _more_places(before, ev.targets, reg)
        accused = next((f.event for f in reversed(found) if f.event.type == "Accusation" and f.event.targets),
                       None) if found and not ev.actors and ev.type not in SPEECH_ACTS else None
        blamed = accused.targets[0] if accused is not None else None
        if accused is not None and (ev.targets or ev.locations or not definite(state, c, reg.lex.lang)):
            ev.actors = [blamed]  # "accused X of killing", "اتهم X بقتل"; not "... بالوقوف وراء الهجوم": the
            ev.targets = _without(ev.targets, ev.actors)  # attack told before, done by X
        blamed = _blamed_on(state, c, ev, found, roles) or blamed
        participle = c.i > 0 and state.tokens[c.i - 1].text in (",", "،")
        if not ev.actors and ev.type in SPEECH_ACTS and participle:
            ev.actors = _participle_speaker(state, c, ev, found, mentions, roles)
        roles.assault(ev)
        ev.confidence = _confidence(ev, c, reg)
        earlier = antecedent(state, c, ev, reg.doc.events, map(_EVENT, found), reg.lex.lang)
        if earlier is None and ev.actors and c.detail == "noun":
            earlier = _done_by_now_named(state, c, ev, reg)
        if earlier is None and c.detail == "verb":
            earlier = claimed_again(state, c.i, ev, reg.doc.events, reg)
        if earlier is None:
            ev.type = kind_told(state, c, ev, reg.doc.events, map(_EVENT, found), reg.lex.lang)
        else:  # "The ministry blamed the attack on ISSP": by the claim, ISSP did the attack told before
            _done_by(reg, (reg.doc.events + [f.event for f in found])[earlier], blamed)
        if ev.type == "Accusation" and participle and reg.lex.lang.is_participle(state.tokens[c.i].norm):
            for f in found:  # "a car bomb exploded ..., the army said, blaming the ELN": the ELN did it
                _done_by(reg, f.event, ev.targets[0] if ev.targets else None)
        found.append(Found(ev, c.i, c.j, earlier, c.detail == "noun"))
    for ev, killed in toll_of:
        _more_targets(ev, killed)
    return found


# Helpers of find_events, each doing what a comprehension or generator there would: in find_events they would
# make closure cells of its variables for every sentence, and every use of those variables slower.
def _threatened(found: list[Found], threat: Chunk, c: Chunk, roles: Roles) -> None:
    """What the attack c that is only threatened would hit is the target of the threat, if it has none."""
    vow = next((f.event for f in found if f.i == threat.i), None)
    if vow is not None and not vow.targets:
        probe = roles.roles_of(c)
        vow.targets = [t for t in probe.targets + probe.locations if t not in vow.actors][:2]


def _told_more(noun: Event, probe: Event) -> None:
    """The event noun takes what its own verb tells of the event: targets, places, means."""
    _more_targets(noun, probe.targets)
    noun.locations += [p for p in probe.locations if p not in noun.locations]
    noun.instruments += [w for w in probe.instruments if w not in noun.instruments]


def _more_targets(ev: Event, keys: list[str]) -> None:
    """The event's targets, then those of `keys` that are neither a target nor an actor of it yet."""
    ev.targets += [t for t in keys if t not in ev.targets + ev.actors]


def _more_places(ev: Event, keys: list[str], reg: Registry) -> None:
    """The event's places, then the places among `keys` it is not told to be in yet."""
    ev.locations += [t for t in keys if reg.is_place(t) and t not in ev.locations]


def _without(keys: list[str], others: list[str]) -> list[str]:
    return [k for k in keys if k not in others]


def _mention_ends_at(mentions: list[EMention], k: int) -> bool:
    for m in mentions:
        if m.j == k:
            return True
    return False


def _done_by_now_named(state: SentenceState, c: Chunk, ev: Event, reg: Registry) -> int | None:
    """'... ambushed a patrol near Batibo. The army said the attack was carried out by separatists', 'وقال إن
    الهجوم نفذه «مسلحون ...»': a definite attack noun whose only role is who did it is the attack told in an
    earlier sentence by no one named (its index in the document's events), not a new one."""
    told = reg.doc.events
    x = antecedent(state, c, ev, told, (), reg.lex.lang, whoever=True)
    return x if x is not None and unclaimed(reg, told[x]) else None


def unclaimed(reg: Registry, ev: Event) -> bool:
    """A violent act by no one named: no actor, or only gunmen or fighters the report does not name
    ('ambushed by gunmen ... The Kashmir Resistance Front claimed the attack')."""
    return ev.type in VIOLENT and all(map(reg.doc.unnamed, ev.actors))


def _done_by(reg: Registry, ev: Event, accused: str | None) -> None:
    """The accused did a violent act that no one named is told to have done (by the gunmen told, if any)."""
    if accused is not None and unclaimed(reg, ev) and accused not in ev.actors:
        ev.actors = ev.actors + [accused]


def _participle_speaker(state: SentenceState, c: Chunk, ev: Event, found: list[Found], mentions: list[EMention],
                        roles: Roles) -> list[str]:
    """Who says a speech act told by a participle after a comma."""
    speaker = next((f.event for f in reversed(found) if f.event.type in SPEECH_ACTS), None)
    if speaker is not None:  # "أدانت الوزارة الضربات، متوعدة بالرد": the same speaker
        return list(speaker.actors)
    # "President Petro suspended the talks, accusing the ELN of ...": the main clause's subject; but after
    # "X said, blaming ..." the claim gives the speaker
    a, _ = clause_bounds(state, c.i - 2, roles.lang)
    if any(a <= cue.i < c.i for cue in state.chunks_of("cue")):
        return []
    subject = next((m for m in mentions if a <= m.i <= a + 2 and roles.bare(m) and not m.demonym
                    and roles.reg.is_actor(m.key)), None)
    return [subject.key] if subject is not None and subject.key not in ev.targets else []


def _blamed_on(state: SentenceState, c: Chunk, ev: Event, found: list[Found], roles: Roles) -> str | None:
    """'blamed the attack on X': X is the accused, not the attack's target, and 'the attack' is left
    without roles so that it folds into the attack told before. The accused, if any."""
    if ev.type not in ATTACKS:
        return None
    blame_on = state.named("blame_on")
    if not blame_on:  # most sentences: no 'blamed ... on', and no earlier accusation to look for
        return None
    # loops, not next() of generators: those would cost closure cells on every call
    for blame in reversed(found):
        if blame.event.type == "Accusation" and not blame.event.targets and 0 <= c.i - blame.j <= 3:
            break
    else:
        return None
    if blame.i not in blame_on:
        return None
    for accused in roles.mentions:
        if c.j < accused.i <= c.j + 2 and roles.prep(accused) == "target":
            blame.event.targets = [accused.key]
            ev.targets = [t for t in ev.targets if t != accused.key]
            return accused.key
    return None


_IN_GAZETTEER, _EVENT, _PUNCT = attrgetter("in_gazetteer"), attrgetter("event"), attrgetter("is_punct")


def _verb_of_event_noun(state: SentenceState, c: Chunk, found: list[Found], mentions: list[EMention],
                        reg: Registry) -> bool:
    """An attack verb right after an attack noun, with no new subject between: the noun's own verb; so is
    'killed' in 'a drone attack that killed three soldiers in Jordan'."""
    if c.detail != "verb" or c.value not in ATTACKS | {"Killing"} or not found or found[-1].event.type not in ATTACKS:
        return False
    last = found[-1]
    if not last.noun or not last.j <= c.i <= last.j + 4:
        return False
    gap = state.tokens[last.j:c.i]
    lang = reg.lex.lang
    # loops, not all() / any() of generators: those would cost closure cells on every call
    for t in gap:
        if c.value == "Killing" and t.norm not in lang.relatives:
            return False
        if t.is_punct or t.norm in lang.clause_breaks:
            return False
    if c.value == "Killing" and not gap:
        return False
    for m in mentions:
        if last.j <= m.i < c.i and not m.demonym and reg.is_actor(m.key) and prep_of(state, m, lang) is None:
            return False
    return True


_IN_ATTACK = frozenset({"in", "during", "when", "amid", "في", "خلال", "جراء", "اثر", "باثر"})


def _attack_after(c: Chunk, triggers: list[Chunk]) -> Chunk | None:
    """The first attack told within ten words after the killing c (a loop: cheaper than next() of a generator)."""
    for t in triggers:
        if c.j <= t.i <= c.j + 10 and t.value in ATTACKS:
            return t
    return None


def _died_in_new_attack(state: SentenceState, c: Chunk, attack: Chunk | None, lang: Language) -> bool:
    """A killing without its own actor told as the toll of an attack in the same breath ('killed in an
    air strike', 'were killed when militants stormed'): the attack is `_attack_after` the killing. Not 'killed
    in the attack': that attack was told before, and the killing is news of its own; nor 'troops killed three
    during a raid'."""
    if attack is None or any(c.j <= t.i < attack.i for t in state.chunks_of("cue", "trigger")):
        return False
    between = [t.norm for t in state.tokens[c.j:attack.i]] + [state.tokens[attack.i].norm[:3]]
    marked = any(w in _IN_ATTACK for w in between) or state.tokens[attack.i].norm.startswith(("في", "وفي"))
    return marked and (attack.detail == "verb" or not definite(state, attack, lang))


def _done_by_means(attack: Event, c: Chunk, roles: Roles) -> None:
    """The attack takes the kind of the event noun that tells its means, and the noun's own actor ('بغارات جوية
    تركية': Turkey's) when the verb named none."""
    probe = roles.roles_of(c)
    if attack.type == "Attack":
        attack.type = c.value
    attack.actors = attack.actors or [a for a in probe.actors if a not in attack.targets]
    attack.instruments += [w for w in probe.instruments if w not in attack.instruments]


def _confidence(ev: Event, c: Chunk, reg: Registry) -> float:
    # in hundredths: whole numbers add exactly, and one division gives the float round(score, 2) would give,
    # without its decimal conversion
    score = 45 + (10 if c.detail == "verb" else 0)
    keys = ev.actors + ev.targets + ev.locations
    score += 15 if ev.actors else 0
    score += 10 if (ev.targets or ev.locations) else 0
    if keys and all(map(_IN_GAZETTEER, map(reg.doc.entities.__getitem__, keys))):
        score += 10
    return min(score, 95) / 100
