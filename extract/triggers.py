"""Which words of a sentence tell an event: its trigger chunks, one reading per span, plus the verbs a weapon
makes event words ('fired rockets', 'came under fire', 'shot down drones', 'a missile slammed into'), without
those that are part of a name or stand for a noun ('Houthi targets'). find_events (events.py) reads them.
"""

from __future__ import annotations

from operator import attrgetter

from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.classes import ATTACKS, SPEECH_ACTS
from conflictkg.extract.lang import Language
from conflictkg.extract.registry import EMention, Registry
from conflictkg.extract.roles import Roles
from conflictkg.extract.syntax import clause_bounds
from conflictkg.extract.text import with_article

__all__ = ["event_words", "weapon_event"]

_DETERMINERS = frozenset("a an the this that these those its their his her our another every each".split())
_TIME_PREPOSITIONS = frozenset("after following amid during despite".split())  # "retook it following clashes"


def event_words(state: SentenceState, mentions: list[EMention], roles: Roles, reg: Registry) -> list[Chunk]:
    """The sentence's event words, with those a weapon tells ('fired rockets', 'came under fire', 'shot down
    drones', 'a missile slammed into'), one reading per span, without those that are part of a name."""
    lang = reg.lex.lang
    triggers = list(state.chunks_of("trigger"))
    if state.chunks_of("weapon"):  # most sentences: no weapon
        _weapon_objects(state, triggers, lang)
    triggers += _fire_under(state, triggers)
    downed = _intercepted(state, lang)
    # "air defences shot down 23 Ukrainian drones": the drones' attack, by their owner, not by the defences
    if downed:
        triggers = _shot_down(triggers, downed)
    landed = _weapon_lands(state, triggers, lang)
    # "a missile slammed into a building": the weapon's verb, not a condemnation ("slammed the strikes")
    if landed:
        triggers = _landed(triggers, landed)
    out = []
    for c in _one_reading_per_span(state, triggers, mentions, lang):
        if _describes_a_name(state, c, mentions, roles):
            continue
        if lang.names_capitalised and _verb_used_as_noun(state, c, mentions, lang):
            continue  # only English tells a verb by its plural: "Houthi targets"
        out.append(c)
    return out


def _weapon_objects(state: SentenceState, triggers: list[Chunk], lang: Language) -> None:
    """A weapon governed by a support verb with no event word: "أطلق قذائف", "fired rockets at": the verb is
    an event word of the weapon's kind, added to `triggers`."""
    weapons = state.chunks_of("weapon")
    for s in state.chunks_of("support"):
        a, b = clause_bounds(state, s.i, lang)
        w = next((w for w in weapons if s.j <= w.i < min(b, s.j + 5)), None)
        # Arabic: a weapon after the verb may be its subject, the event noun following ("شن الطيران ... غارات");
        # English: the weapon is the object ("fired a barrage of rockets at")
        end = b if lang.verb_initial else (w.j if w is not None else b)
        if w is not None and w.value and not any(s.j <= t.i < end for t in triggers):
            triggers.append(Chunk("trigger", s.i, s.j, w.value, "verb"))


def _shot_down(triggers: list[Chunk], downed: list[Chunk]) -> list[Chunk]:
    return [t for t in triggers if not any(d.i - 6 <= t.i < d.i for d in downed)] + downed


def _landed(triggers: list[Chunk], landed: list[Chunk]) -> list[Chunk]:
    return [t for t in triggers if not any(t.i == w.i for w in landed)] + landed


def weapon_event(state: SentenceState) -> bool:
    """Whether a sentence without an event word or support verb may still tell an event: 'came under',
    or a weapon that lands or is shot down."""
    return bool(state.named("under")) or bool(state.chunks_of("weapon")) and bool(
        state.named("lands") or state.named("intercepted"))


def _fire_under(state: SentenceState, triggers: list[Chunk]) -> list[Chunk]:
    """'the patrol came under fire', 'ships came under Houthi missile fire': fire after 'came under' is an
    attack, of the kind of the weapon named with it; of no one kind when two are ('missile and drone fire'), and
    gunfire, a ground assault, when none is."""
    out, unders = [], state.named("under")
    fires = state.named("fire_noun") if unders else {}
    for k, hit in unders.items() if fires else ():
        fire = _fire_after(state, k + hit[0], fires, triggers)
        if fire is not None:
            out.append(fire)
    return out


def _fire_after(state: SentenceState, k: int, fires: dict[int, tuple[int, object]],
                triggers: list[Chunk]) -> Chunk | None:
    """The fire noun in the six words from token k, right after 'came under' (apart from `_fire_under`, which
    every sentence with an event word calls, so that its closures are made only where there is fire)."""
    for x in range(k, min(len(state.tokens), k + 6)):
        if any(t.i == x for t in triggers):
            return None  # "came under rocket attack": the event word is there
        word = fires.get(x)
        if word is not None:
            kinds = {w.value for w in state.chunks_of("weapon")
                     if k <= w.i < x + word[0] + 4 and w.value}  # "came under fire from drones"
            kind = kinds.pop() if len(kinds) == 1 else ("Attack" if kinds else "ArmedAssault")
            return Chunk("trigger", x, x + word[0], kind, "noun")
    return None


def _intercepted(state: SentenceState, lang: Language) -> list[Chunk]:
    """'shot down 23 Ukrainian drones', 'أسقطت الدفاعات الجوية 23 طائرة مسيرة أوكرانية': an attack with that
    weapon, told by the weapon's noun, whose owner, named beside it, is the actor."""
    weapons = state.chunks_of("weapon")
    downed = state.named("intercepted") if weapons else {}  # most sentences: no weapon
    out = []
    for w in weapons if downed else ():
        owner = state.chunk_at(w.j if lang.verb_initial else w.i - 1, "demonym")
        if w.value and owner is not None and any(w.i - 6 <= k and k + n <= w.i for k, (n, _) in downed.items()):
            out.append(Chunk("trigger", w.i, w.j, w.value, "noun"))
    return out


def _weapon_lands(state: SentenceState, triggers: list[Chunk], lang: Language) -> list[Chunk]:
    """'mortar shells landed near the palace', 'سقطت قذائف على حي': a weapon that lands or falls is an
    attack of its kind, whose event word is that verb."""
    weapons = state.chunks_of("weapon")
    lands = state.named("lands") if weapons else {}  # most sentences: no weapon
    toks, out = state.tokens, []
    for w in weapons if lands else ():
        # the verb follows its weapon ("rockets reportedly fell", "إحدى المسيرات سقطت"), or in Arabic comes first
        after = range(w.j, min(len(toks), w.j + 2))
        for k in [*range(max(0, w.i - 3), w.i), *after] if lang.verb_initial else after:
            hit = lands.get(k)
            if w.value and hit is not None and (k + hit[0] <= w.i or k >= w.j) \
                    and not any(t.i <= k < t.j and t.value not in SPEECH_ACTS for t in triggers):
                out.append(Chunk("trigger", k, k + hit[0], w.value, "verb"))
                break
    return out


def _one_reading_per_span(state: SentenceState, triggers: list[Chunk], mentions: list[EMention],
                          lang: Language) -> list[Chunk]:
    """'raid', 'attack', 'قصف' are verbs and nouns: keep the noun in a nominal context, else the verb."""
    if len(triggers) < 2:
        return list(triggers)  # one reading of one span
    by_span: dict[tuple[int, int], list[Chunk]] = {}
    for c in sorted(triggers, key=attrgetter("i", "j")):
        by_span.setdefault((c.i, c.j), []).append(c)
    out = []
    for (i, j), readings in by_span.items():
        if lang.names_capitalised and state.tokens[j - 1].norm.endswith("s") and readings[0].value in ATTACKS \
                and any(r.i == j and r.detail == "verb" for r in triggers):
            # "Shells hit the town", "Strikes hit Sake": a plural before the verb is its subject, a noun
            out.append(Chunk("trigger", i, j, readings[0].value, "noun"))
            continue
        if len(readings) > 1:
            prev = state.tokens[i - 1].norm if i > 0 else ""
            article = with_article(state.tokens[i])
            # "a series of raids": no verb follows "of"
            nominal = prev in _DETERMINERS or article or prev in lang.prepositions or prev == "of" or \
                prev in _TIME_PREPOSITIONS or \
                _nominal_context(state, readings[0], mentions, lang) or _object_of_speech_act(state, i, triggers, lang)
            readings = [r for r in readings if (r.detail == "noun") == nominal] or readings[:1]
        out.append(readings[0])
    return out


def _object_of_speech_act(state: SentenceState, i: int, triggers: list[Chunk], lang: Language) -> bool:
    """Arabic 'دانت يونيفيل قصف دبابة ...': what a condemnation or accusation verb takes is a verbal noun."""
    if not lang.verb_initial:
        return False
    before = [t for t in triggers if t.j <= i]
    return bool(before) and before[-1].value in SPEECH_ACTS and before[-1].detail == "verb" and \
        clause_bounds(state, i, lang)[0] <= before[-1].i


def _nominal_context(state: SentenceState, c: Chunk, mentions: list[EMention], lang: Language) -> bool:
    """English 'Israeli strikes', 'Houthi targets', '85 targets': a plural after a modifier is a noun; so is
    a gerund after an adjective ('heavy shelling', 'renewed fighting'); a participle between a determiner or
    preposition and an event noun ('for coordinated attacks') describes it."""
    if not lang.names_capitalised or c.i == 0:
        return False
    word = state.tokens[c.i].norm
    prev = state.tokens[c.i - 1]
    if word.endswith("ing"):
        return (prev.norm,) in lang.phrases.get("event_adjectives", ())
    if word.endswith("ed") and state.chunk_at(c.j, "trigger") is not None \
            and (prev.norm in _DETERMINERS or prev.norm in lang.prepositions or prev.norm in ("for", "of")):
        return True  # "responsibility for coordinated attacks", "a targeted killing": a participle before a noun
    if not word.endswith("s") or word.endswith("ss"):
        return False
    return prev.norm in _DETERMINERS or prev.text.isdigit() or prev.norm in lang.number_words or \
        any(m.j == c.i for m in mentions)


def _describes_a_name(state: SentenceState, c: Chunk, mentions: list[EMention], roles: Roles) -> bool:
    """'Rapid Support Forces', 'militias supported by Iran', 'the Houthis, backed by Iran,', 'Iran-backed
    Houthis', 'fighting alongside': the word is part of a name or of a relation between names, not an act."""
    for m in mentions:
        if m.i <= c.i and c.j <= m.j:
            return True
    if c.i in state.named("allied"):
        return True  # "armed movements fighting alongside the army": an alliance, not a clash
    toks = state.tokens
    if c.value not in SPEECH_ACTS or roles.passive(c):
        return False
    hyphenated = c.i > 1 and toks[c.i - 1].text == "-" and toks[c.i - 1].end == toks[c.i].start
    return hyphenated or c.j in state.named("agent")


def _verb_used_as_noun(state: SentenceState, c: Chunk, mentions: list[EMention], lang: Language) -> bool:
    """A verb-only trigger in a nominal context ('Houthi targets') names no event."""
    return c.detail == "verb" and _nominal_context(state, c, mentions, lang)
