"""Relations between entities and between events, from the sentence around them.

controls: "X controls Y", "Y, which X controls", "التي تسيطر عليها X", "X-held Y".
locatedIn: a site or town followed by the place that contains it ("X في Y", "X in Y", "X شرقي Y").
inResponseTo: "in response to" / "ردا على" links an event to the one it answers.
Backing, leadership, membership and spokespersons come with the entity patterns.
"""

from __future__ import annotations

from conflictkg.extract.chunks import SentenceState
from conflictkg.extract.events import Found
from conflictkg.extract.lang import get_language
from conflictkg.extract.model import Document
from conflictkg.extract.registry import EMention, Registry, breadth
from conflictkg.extract.syntax import PLACE_WORDS

__all__ = ["find_relations", "link_responses"]

# "Tudun Biri, Kaduna state", "قرية X، ولاية Y": a place, a comma, and the province that holds it
_PROVINCE = frozenset(["state", "province", "region", "governorate", "county", "oblast", "district"] + [
    get_language("ar").normalise(w) for w in ("ولاية", "محافظة", "إقليم", "مقاطعة")])
_UNDER_CONTROL = frozenset(get_language("ar").normalise(w) for w in ("الخاضعة", "الخاضع", "تحت"))


def _rank(reg: Registry, key: str) -> int:
    return breadth(reg.types(key))


def find_relations(state: SentenceState, mentions: list[EMention], reg: Registry) -> None:
    """The relations one sentence states. Each kind is found in a function of its own, called only when the
    sentence has what it needs: their comprehensions would otherwise make closure cells for every sentence."""
    places = [m for m in mentions if reg.is_place(m.key)]
    if places:
        _located_in(state, places, reg)
    if reg.lex.lang.names_capitalised:
        _said_of_alliances(state, mentions, reg)
    control = state.named("control") if places else {}  # a place is controlled
    if control:
        _controls(state, control, places, mentions, reg)


def _located_in(state: SentenceState, places: list[EMention], reg: Registry) -> None:
    """locatedIn: a narrower place followed by a broader one, and what follows from it by transitivity."""
    lang = reg.lex.lang
    toks = state.tokens
    situated = state.named("situated")
    for n, (a, b) in enumerate(zip(places, places[1:], strict=False)):
        gap = toks[a.j:b.i]
        near = len(gap) <= 4  # places further apart are told one in the other only by a possessive
        # "X في Y", "X, Y", "X in the Kherson region", "X, in the central Gaza Strip"
        words = [t for t in gap if t.text not in (",", "،") and t.norm not in ("the", "a")] if near else []
        # "in", "في", and "the capital of" / "district of" / "عاصمة" / "الواقعة" between a narrower and a broader
        # place
        located = [t for k, t in enumerate(gap, a.j) if t in words and (
            lang.prepositions.get(t.norm) == "location" or t.norm in ("of", "عاصمه") or k in situated)] if near else []
        adjacent = near and len([t for t in located if t.norm in lang.prepositions]) <= 1 and all(
            t in located or (lang.names_capitalised and t.text.islower() and t.norm not in lang.stopwords)
            for t in words) and (located or len(gap) <= 1) \
            and not any(t.norm in ("'s", "'") for t in words)  # "Iran's allies in Yemen": not Iran in Yemen
        after = places[n + 2] if n + 2 < len(places) else None
        if adjacent and after is not None and _possessed_by(toks, b, after) \
                and _rank(reg, a.key) < _rank(reg, after.key):
            b = after  # "Tchoma Bangou in Niger's Tillaberi region": in the region, which is in Niger
        # "بمنطقة كوندوغا", "بالعاصمة الليبية طرابلس", "شمال شرقي نيجيريا" right after a place: "in" it
        glued = not gap and not lang.names_capitalised and (b.prefix.endswith("ب") or toks[b.i].norm in lang.directions)
        stated = glued or bool(located) and (lang.names_capitalised or located[0].norm != "of") or (
            len(gap) == 1 and gap[0].text in (",", "،")
            and not _PROVINCE.isdisjoint((toks[b.i].norm, toks[b.j - 1].norm)))
        if adjacent and (_rank(reg, a.key) < _rank(reg, b.key) or (stated and _rank(reg, a.key) == _rank(reg, b.key)
                                                                   and a.key != b.key)):
            reg.relate(a.key, "locatedIn", b.key, state.index)  # also "the Rueso district of Narathiwat province"
        elif _possessed_by(toks, a, b) and _rank(reg, b.key) <= _rank(reg, a.key) and a.key != b.key:
            # "Iraq's western Anbar province", "Mali's capital Bamako", "Kabul's Dasht-e-Barchi neighbourhood"
            reg.relate(b.key, "locatedIn", a.key, state.index)
    # ck:locatedIn is transitive: what the sentence places in a part of a place is in that place too ("في منطقتي X
    # وY شمالي العراق": in northern Iraq, so in Iraq)
    told = [r for r in reg.doc.relations if r.sentence == state.index and r.predicate == "locatedIn"]
    for inner in told:
        for outer in told:
            if outer.subject == inner.object:
                reg.relate(inner.subject, "locatedIn", outer.object, state.index)


def _said_of_alliances(state: SentenceState, mentions: list[EMention], reg: Registry) -> None:
    """'X, an alliance of Iran-backed militias,': what is said of the members is said of the alliance."""
    members = [m for m in mentions if reg.is_actor(m.key) and not m.demonym]
    for m in members:
        whole = _made_of(state.tokens, members, m)
        if whole is not None:
            for r in [r for r in reg.doc.relations if r.subject == m.key and r.sentence == state.index]:
                reg.relate(whole.key, r.predicate, r.object, state.index)


def _controls(state: SentenceState, control: dict, places: list[EMention], mentions: list[EMention],
              reg: Registry) -> None:
    """controls: 'X controls Y', 'Y, which X controls', 'X-held Y', from the sentence's control phrases."""
    lang = reg.lex.lang
    actors = [m for m in mentions if reg.is_actor(m.key) and not m.demonym]
    for k, (n, words) in control.items():
        end = k + n
        passive = words[-1] in ("by", "of") or words[0] in _UNDER_CONTROL or \
            words[-1].startswith(("عليها", "عليه"))
        hyphen = words[0].startswith("-")
        # "Maungdaw, which is held by X": the place stands next to the phrase, not clauses away
        left_place = next((m for m in reversed(places) if m.j <= k and k - m.j <= 4), None)
        right_place = next((m for m in places if m.i >= end and m.i - end <= 12), None)
        right_actor = next((m for m in actors if m.i >= end and m.i - end <= 3), None)
        left_actor = next((m for m in reversed(actors) if m.j <= k and k - m.j <= 4), None)
        if hyphen and left_actor is not None and left_actor.j == k and right_place is not None:
            reg.relate(left_actor.key, "controls", right_place.key, state.index)
        elif passive and right_actor is not None and left_place is not None:
            reg.relate(right_actor.key, "controls", left_place.key, state.index)
        elif not passive and right_place is not None:
            subj = right_actor if (lang.verb_initial and right_actor is not None
                                   and right_actor.i < right_place.i) else left_actor
            if subj is not None and not reg.is_place(subj.key):
                reg.relate(subj.key, "controls", right_place.key, state.index)


def _made_of(toks: list, actors: list[EMention], m: EMention) -> EMention | None:
    """'X, an alliance of <m>' / 'X, an umbrella group of <m>': the named actor whose members m are."""
    k = m.i - 1
    if k < 4 or toks[k].norm != "of":
        return None
    words = k
    while words > k - 2 and toks[words - 1].text.isalpha() and toks[words - 1].text.islower() \
            and toks[words - 1].norm not in ("the", "a", "an"):
        words -= 1
    if words == k or words < 2 or toks[words - 1].norm not in ("a", "an") or toks[words - 2].text != ",":
        return None
    return next((n for n in actors if n.j == words - 2), None)


def _possessed_by(toks: list, owner: EMention, place: EMention) -> bool:
    """'Niger's Tillaberi region': `place` follows its owner's possessive."""
    gap = toks[owner.j:place.i]
    return bool(gap) and gap[0].norm in ("'s", "'") and all(t.norm in PLACE_WORDS for t in gap[1:])


def link_responses(state: SentenceState, found: list[Found], offset: int, doc: Document) -> None:
    """Set inResponseTo from 'in response to X' / 'ردا على X' / 'ردا على ذلك' (the event before)."""
    for k, (n, _) in state.named("response").items() if found else ():
        _link_response(state, found, k, n, offset, doc)


def _link_response(state: SentenceState, found: list[Found], k: int, n: int, offset: int, doc: Document) -> None:
    """The response phrase of n words at token k: the event after it is what the event before it answers (apart
    from `link_responses`, which every sentence calls, so that its closures are made only where one is)."""
    toks = state.tokens
    cause = next((x for x, f in enumerate(found) if k + n <= f.i <= k + n + 3), None)
    responder = next((x for x in range(len(found) - 1, -1, -1) if found[x].i < k), None)
    if responder is None:
        responder = next((x for x, f in enumerate(found) if x != cause and f.i > k + n + 3), None)
    if responder is None:
        return
    if cause is not None:
        found[responder].event.in_response_to = offset + cause
    elif k + n < len(toks) and toks[k + n].norm in ("ذلك", "this", "that", "these", "those", "it"):
        if responder > 0:
            found[responder].event.in_response_to = offset + responder - 1
        elif doc.events:
            found[responder].event.in_response_to = len(doc.events) - 1
