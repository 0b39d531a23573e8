"""Event anaphora: 'the raids', 'the attack', 'القصف' naming an event the report already told.

A definite event noun that the sentence gives no actor, target, place or means of is
the earlier event spoken of again ("Israeli jets struck Tyre ..., adding that the raids
came in response to ..."), not a new one; so is an attack its own side later reports
("The Israeli military said it had targeted ..."). The extractor marks it with its antecedent
and, once the document is read, folds it into that event: its counts, time, response
link and claims go to the antecedent, so one happening is one node.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import attrgetter

from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.classes import ATTACKS, FIGHTING
from conflictkg.extract.lang import Language
from conflictkg.extract.model import Document, Event
from conflictkg.extract.registry import Registry
from conflictkg.extract.text import with_article

__all__ = ["antecedent", "claimed_again", "definite", "fold_repeated", "kind_told", "toll_of"]

_DEFINITE_EN = frozenset("the this that these those its their".split())
_DEMONSTRATIVE_AR = frozenset("هذا هذه ذلك تلك".split())
_AREAS = frozenset({"Settlement", "Region", "Country"})
_END = attrgetter("j")


def definite(state: SentenceState, c: Chunk, lang: Language) -> bool:
    toks = state.tokens
    if lang.names_capitalised:  # "the raids", "the deadly attack", "this latest strike"
        k = c.i - 1
        if k >= 1 and toks[k].text.isalpha() and toks[k].text.islower() and toks[k].norm not in _DEFINITE_EN \
                and state.chunk_at(k) is None:
            k -= 1  # one adjective
        return k >= 0 and toks[k].norm in _DEFINITE_EN
    # "القصف", "الغارات", "هذا الهجوم"
    return with_article(toks[c.i]) or (c.i > 0 and toks[c.i - 1].norm in
                                                                    _DEMONSTRATIVE_AR)


def _compatible(earlier: str, later: str) -> bool:
    return earlier in ATTACKS and later in ATTACKS


def antecedent(state: SentenceState, c: Chunk, ev: Event, told: list[Event], sentence: Iterable[Event],
               lang: Language, whoever: bool = False) -> int | None:
    """Index in `told` + `sentence` (the document's events before this sentence, then this sentence's) of
    the event that a role-less definite event noun refers back to, if any; with `whoever`, the noun may name
    who did it ('the attack was carried out by separatists')."""
    if c.detail != "noun" or (ev.actors and not whoever) or ev.targets or ev.locations or ev.instruments \
            or not definite(state, c, lang):
        return None
    before = told + list(sentence)
    latest_first = range(len(before) - 1, -1, -1)
    # loops, not next() of generators: those would cost closure cells on every call, and most calls end above
    if ev.type != "Attack":  # "الغارات" is the last غارات; "the attack" is the last attack of any kind
        for x in latest_first:
            if before[x].type == ev.type:
                return x
    for x in latest_first:
        if _compatible(before[x].type, ev.type):
            return x
    return None


def claimed_again(state: SentenceState, i: int, ev: Event, told: list[Event], reg: Registry) -> int | None:
    """'Israeli jets struck a house in Khan Younis ... The Israeli military said it had targeted a Hamas
    commander': an attack verb of no kind at token i ('targeted', 'hit', 'استهدف'), reported, after an earlier
    sentence's attack by the same side and naming no town or region that attack was not in, is that attack
    told again by those who carried it out. Index in `told` (the document's events before this sentence), if
    any."""
    if not ev.actors or min(map(_END, state.chunks_of("cue")), default=i + 1) > i:
        return None  # no actor, or no cue ending before token i (a C-level min, not a generator)
    if ev.type != "Attack":
        return None
    x = next((x for x in range(len(told) - 1, -1, -1) if told[x].type in ATTACKS), None)
    if x is None or not told[x].actors or not _same_side(told[x], ev, reg):
        return None
    return None if _elsewhere(ev, told[x], reg) else x


def toll_of(killing: Event, told: list[Event], sentence: int, reg: Registry) -> int | None:
    """'Russian missiles struck an apartment block in Kharkiv. The governor said seven people were killed': deaths
    reported in a sentence with no attack of its own, after attacks or clashes in the two sentences before, are the
    toll of the latest of them whose toll is not yet told. Not when another side did the killing ('the army said it
    killed 20 militants'), nor when they were in a town or region the attack was not. Index in `told`, if any."""
    latest_first = range(len(told) - 1, -1, -1)
    x = next((x for x in latest_first if told[x].type in FIGHTING and told[x].sentence >= sentence - 2
              and (told[x].fatalities is None or killing.fatalities is None)), None)
    if x is None or (killing.actors and not (told[x].actors and _same_side(told[x], killing, reg))):
        return None
    return None if _elsewhere(killing, told[x], reg) else x


def _same_side(earlier: Event, later: Event, reg: Registry) -> bool:
    """Both events' first actors are one side ('the Israeli military' and Israel); both must have one."""
    return reg.state_of(earlier.actors[0]) == reg.state_of(later.actors[0])


def _elsewhere(later: Event, earlier: Event, reg: Registry) -> bool:
    """The later event names a town, region or country the earlier one was not in: another happening."""
    return any(p not in earlier.locations and reg.types(p) & _AREAS for p in later.locations)


def kind_told(state: SentenceState, c: Chunk, ev: Event, told: list[Event], sentence: Iterable[Event],
              lang: Language) -> str:
    """'Jets struck ... Four were killed in the strikes in Kermanshah': a definite attack noun of no kind,
    with roles of its own, is one more of the attacks told before (in `told`, then `sentence`), and of their kind."""
    if ev.type != "Attack" or c.detail != "noun" or not definite(state, c, lang):
        return ev.type
    return next((x.type for x in reversed(told + list(sentence)) if x.type in ATTACKS), ev.type)


def fold_repeated(doc: Document, repeats: dict[int, int]) -> None:
    """Fold each repeated event (index -> its antecedent's index) into its antecedent and renumber."""
    if not repeats:
        return
    for x, a in sorted(repeats.items()):
        while a in repeats:  # "the attack" ... "the raid": both are the first event
            a = repeats[a]
        repeats[x] = a
        rep, ant = doc.events[x], doc.events[a]
        for name in ("fatalities", "injuries", "time", "time_expression", "in_response_to"):
            if getattr(ant, name) is None:
                setattr(ant, name, getattr(rep, name))
        if rep.actors and all(map(doc.unnamed, ant.actors)) and not (ant.actors and all(map(doc.unnamed, rep.actors))):
            ant.actors = list(rep.actors)  # "وتبنت حركة الشباب الهجوم": the claim named who did it, where the
            # report had no one or gunmen; gunmen told again do not replace those told first
        ant.targets += [t for t in rep.targets if t not in ant.targets + ant.actors]  # "said it had targeted X"
        if ant.type == "Attack" and rep.type in ATTACKS:
            ant.type = rep.type  # "an attack ... the drone strike": the later word is more specific; a toll is no kind
    keep = [x for x in range(len(doc.events)) if x not in repeats]
    new_index = {old: new for new, old in enumerate(keep)}
    new_index.update({x: new_index[a] for x, a in repeats.items()})
    doc.events = [doc.events[x] for x in keep]
    for ev in doc.events:
        if ev.in_response_to is not None:
            ev.in_response_to = new_index[ev.in_response_to]
    for claim in doc.claims:
        claim.asserts = list(dict.fromkeys(map(new_index.__getitem__, claim.asserts)))
    for x, ev in enumerate(doc.events):
        if ev.in_response_to == x:
            ev.in_response_to = None  # "..., adding that the raids came in response": not to themselves
