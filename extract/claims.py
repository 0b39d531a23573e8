"""Claims: who said, reported or denied what, and which events each claim asserts.

A reporting cue (said / قال, according to / بحسب) makes a Claim whose claimant
is the speaker and whose asserted events are those in the reported clause.
A speech-act event (condemned, accused, vowed ...) is itself a claim by its
actor. Events nobody is said to report stay with the document.
"""

from __future__ import annotations

import re

from conflictkg.extract.anaphora import claimed_again, toll_of
from conflictkg.extract.chunks import Chunk, SentenceState
from conflictkg.extract.classes import ATTACKS, FIGHTING, MUTUAL, SPEECH_ACTS, VIOLENT
from conflictkg.extract.events import Found, unclaimed
from conflictkg.extract.model import Claim, Event
from conflictkg.extract.quantities import harm_words
from conflictkg.extract.registry import ACTOR_TYPES, EMention, Registry
from conflictkg.extract.syntax import joined, prep_of
from conflictkg.extract.text import QUOTES_CLOSE, QUOTES_OPEN, with_article

__all__ = ["find_claims"]


_OPENING = re.compile(f"[{re.escape(QUOTES_OPEN)}]")
# what closes a quote opened by each mark: a closing mark other than itself, except that " closes "
_CLOSING = {q: re.compile("[" + re.escape(QUOTES_CLOSE if q == '"' else QUOTES_CLOSE.replace(q, "")) + "]")
            for q in QUOTES_OPEN}


def _quote(text: str, start: int, end: int) -> str | None:
    """The first quoted passage in text[start:end]."""
    opening = _OPENING.search(text, start, end)
    if opening is None:
        return None
    k = opening.start()
    closing = _CLOSING[text[k]].search(text, k + 1, end)
    return text[k + 1:closing.start() if closing else end].strip() or None


_ISSUED = frozenset({"statement", "press conference", "interview"})  # a medium someone issues or gives


def _outlet(state: SentenceState, cue: Chunk, reg: Registry, text: str, near: list[EMention]) -> str | None:
    """'state television reported', 'ذكر التلفزيون الرسمي': a medium next to the cue is the speaker; 'the
    statement added', 'وأوضح البيان': one that is issued speaks for whoever issued it."""
    medium = next((m for m in state.chunks_of("medium") if m.j == cue.i or m.i == cue.j), None)
    if medium is None or any(medium.i <= m.i < medium.j or m.j == medium.i for m in near):
        return None
    if medium.value in _ISSUED:
        return next((c.claimant for c in reversed(reg.doc.claims) if c.medium == medium.value), None)
    i = medium.i - 1 if medium.i > 0 and state.tokens[medium.i - 1].norm in ("state", "official") else medium.i
    surface = state.text(i, medium.j, text)
    return reg.new(reg.local_key("Organization", surface), "Organization", surface, surface)


def _unnamed_speaker(state: SentenceState, cue: Chunk, mentions: list[EMention], reg: Registry,
                     text: str) -> str | None:
    """'..., killing three soldiers, the army said': a head right before an English speech verb that names
    nothing told before is the speaker, described, rather than a name further back."""
    head = state.chunk_at(cue.i - 1, "head") if reg.lex.lang.names_capitalised and cue.i > 0 else None
    if head is None or head.j != cue.i or head.value not in ACTOR_TYPES or any(m.j == cue.i for m in mentions):
        return None
    surface = state.text(head.i, head.j, text)
    return reg.new(reg.local_key(head.value, surface), head.value, surface, surface)


def _claimant(state: SentenceState, cue: Chunk, mentions: list[EMention], reg: Registry, text: str,
              previous: str | None) -> EMention | str | None:
    lang = reg.lex.lang
    # the actors named up to six words after the cue (only those are looked up: most mentions stand further off)
    after = [m for m in mentions if cue.j <= m.i <= cue.j + 6 and not m.demonym and reg.is_actor(m.key)]
    if cue.value == "source":  # "بحسب ما أعلن رئيس الإدارة العسكرية للمدينة تيمور تكاتشينكو": the person
        titled = next((k for k in range(cue.j, min(cue.j + 3, len(state.tokens))) if state.chunk_at(k, "title")), None)
        holder = _named_holder(state, titled, mentions, reg) if titled is not None else None
        return holder or (after[0] if after else None)
    if cue.detail == "adding" and previous is not None:
        return previous  # "..., saying", "..., مضيفا": the subject of the main clause speaks
    speaker = _pronoun_speaker(state, cue, reg, previous)
    if speaker is not None:
        return speaker
    # "قال X", "قال ضابط في الجيش يدعى X": the first actor after the verb with no preposition of its own
    subject = next((m for m in after if prep_of(state, m, lang) is None), None) if lang.verb_initial else None
    if subject is not None and lang.complementisers.isdisjoint(state.norms[cue.j:subject.i]):
        # no report opens before the subject: "قال قائد القوات في المنطقة العقيد عبد الله حسين": the commander, by name
        return _named_holder(state, cue.j, mentions, reg) or subject
    actors = [m for m in mentions if reg.is_actor(m.key) and not m.demonym]
    # not across a word that opens a clause: "قُتل 11 جنديا، فيما أعلن الجيش" (commas may close an aside)
    before = [m for m in actors if m.j <= cue.i and cue.i - m.j <= 8
              and not any(t.norm in lang.clause_breaks and not t.is_punct for t in state.tokens[m.j:cue.i])]
    outlet = _outlet(state, cue, reg, text, after if lang.verb_initial else before)
    if outlet is not None:
        return outlet
    unnamed = _unnamed_speaker(state, cue, mentions, reg, text)
    if unnamed is not None:
        return unnamed
    bare_before = [m for m in before if prep_of(state, m, lang) is None]
    toks = state.tokens
    if bare_before and cue.i > 1 and toks[cue.i - 1].text in (",", "،"):
        opening = max((k for k in range(max(0, cue.i - 16), cue.i - 1) if toks[k].text in (",", "،")), default=None)
        # "X (JNIM), al-Qaeda's affiliate in the Sahel, claimed": a bracket may close the name
        head = [m for m in actors if opening is not None and prep_of(state, m, lang) is None
                and (m.j == opening or (m.j == opening - 1 and toks[m.j].text == ")"))]
        if head:
            return head[-1]  # the name before the appositive, not the one inside it
    if bare_before:
        return bare_before[-1]  # skips an appositive: "كتائب القسام، الجناح العسكري لحماس، قالت"
    if after and after[0].i == cue.j and (not lang.names_capitalised or (
            cue.i > 0 and toks[cue.i - 1].text in (",", '"', "”", "'"))):
        return after[0]  # "..., said Marotto"; not "the army said two soldiers were wounded"
    head = state.chunk_at(cue.j, "head") if lang.verb_initial else None
    if head is not None and head.value in ACTOR_TYPES:
        return None  # "أعلن الجيش", no army named before: a speaker the text leaves unknown, not the one before
    return previous  # "وقالت إنها" / "and said it would": the subject of the clause before


def find_claims(state: SentenceState, text: str, mentions: list[EMention], events: list[Found],
                first_event: int, reg: Registry) -> list[Claim]:
    """Claims in one sentence; `first_event` is the document index of events[0]."""
    claims: list[Claim] = []
    cues = [c for c in state.chunks_of("cue") if c.value in ("verb", "source", "responsibility", "denial")]
    if not cues and all(f.event.type not in SPEECH_ACTS for f in events):
        return claims  # nobody reports anything here
    if len(cues) > 1:
        # "بحسب ما أفاد", "وفق ما نقلت", "according to what X said": one report, told by its first cue
        cues = [c for n, c in enumerate(cues) if n == 0 or c.i > cues[n - 1].j + 1
                or any(t.is_punct for t in state.tokens[cues[n - 1].j:c.i])]  # but "said, adding" are two
        # "أعلنت X، في بيان نقلته وكالة Y، أن ...": a cue inside an aside about the medium reports no clause
        cues = [c for n, c in enumerate(cues) if n == 0 or not _medium_aside(state, cues[n - 1], c)]
    mediums = state.chunks_of("medium")
    claimed: set[int] = set()
    previous = next((f.event.actors[0] for f in events if f.event.actors and f.i < (cues[0].i if cues else 0)),
                    None)
    for n, cue in enumerate(cues):
        who = _claimant(state, cue, mentions, reg, text, previous)
        relay = None
        if who is None or (cue.value == "responsibility" and any(
                t.norm in reg.lex.lang.negators for t in state.tokens[max(0, cue.i - 3):cue.i])):
            continue  # "No group claimed responsibility", "لم تتبن أي جهة الهجوم"
        if isinstance(who, EMention):
            source = _relayed_source(state, who, mentions, reg)
            if source is not None:  # "نقلت سانا عن مصدر عسكري": the source's claim, and the agency's that relays it
                relay, who = who.key, source
        key = who if isinstance(who, str) else who.key
        nxt = cues[n + 1].i if n + 1 < len(cues) else len(state.tokens)
        after = [k for k, f in enumerate(events) if cue.j <= f.i < nxt]
        before = [k for k, f in enumerate(events) if f.i < cue.i and k not in claimed]
        closes = _closes_clause(state, cue, who, reg)
        if cue.value == "denial":  # "denied that the air force had struck the village": a claim of nothing done
            scope = []
        elif cue.value == "source":
            scope = [k for k in range(len(events)) if k not in claimed]
        elif cue.value == "responsibility":  # what is claimed follows the cue, or was told before
            scope = after
        elif closes and before:  # "..., regional officials said, while ...": the report precedes the cue
            scope = before
        elif before and after and _participles_only(state, cue, events, before, after):
            scope = before + after  # "X bombed a market, the RSF said, accusing the army of ...": both
        else:
            scope = after or (before if cue.i > len(state.tokens) // 2 else [])
        scope = [k for k in scope if not (events[k].event.type in SPEECH_ACTS and key in events[k].event.actors
                                          and events[k].i < cue.i)]
        claimed.update(scope)
        asserts = [first_event + k for k in scope]
        if not events and cue.value == "verb":
            asserts = _corroborated(state, reg)  # "The Israeli military said several drones had crossed"
        if cue.value == "responsibility":
            asserts = asserts or _claimed_act(reg, [f for f in events if f.i < cue.i], key)
            for k in scope:  # "تبنت X الهجوم على ...": X's own act
                if unclaimed(reg, events[k].event):
                    events[k].event.actors = [key]
        first_found = events[scope[0]] if scope else None
        if first_found is not None and first_found.event.type not in SPEECH_ACTS and not first_found.event.actors \
                and reg.lex.lang.verb_initial and _object_of_cue(state, cue, first_found, mentions, reg) \
                and not any(cue.j <= k <= first_found.i
                            for k in state.named("death")):
            # "أعلنت X استهداف قاعدة": the speaker claims its own attack; not "أعلنت X مقتل ٢٢ مدنيا في هجوم"
            first_found.event.actors = [key]
        if scope and _speaker_is_subject(state, cue, events[scope[0]].i):
            first = events[scope[0]].event
            if key not in first.actors:  # "قال إنه ينسق مع ..." / "said it would strike": the speaker acts
                first.actors.insert(0, key)
            # "قال الجيش إنه استهدف «مركز قيادة»": what follows the verb was its object, not a second actor
            after_verb = {m.key for m in mentions if m.i > events[scope[0]].i and m.key != key} \
                if reg.lex.lang.verb_initial and first.type not in MUTUAL else set()
            first.targets += [k for k in first.actors if k in after_verb and k not in first.targets]
            first.actors = [k for k in first.actors if k not in after_verb]
            if events[scope[0]].repeats is None and not events[scope[0]].noun:  # "... إنه استهدف": the attack
                events[scope[0]].repeats = claimed_again(state, events[scope[0]].i, first, reg.doc.events, reg)
        # "... struck X. The governor said seven people were killed": the attack's toll; but "قتلوا في الهجوم" (the
        # attack named again in the report) keeps the killing its own, as in one sentence
        if all(f.event.type not in FIGHTING or (f.repeats is not None and f.i < cue.i)
               for f in events):
            for k in scope:
                if events[k].event.type == "Killing" and events[k].repeats is None:
                    events[k].repeats = toll_of(events[k].event, reg.doc.events, state.index, reg)
        for k in range(len(events)):  # "..., متعهدة بالرد": a speech act without subject is the speaker's
            ev = events[k].event
            if ev.type in SPEECH_ACTS and not ev.actors and events[k].i > cue.i:
                ev.actors = [key]
        start_char = state.tokens[cue.j].start if cue.j < len(state.tokens) else state.tokens[-1].end
        end_char = state.tokens[nxt - 1].end if scope == after else state.tokens[cue.i].start
        quote_span = (start_char, end_char) if scope == after else (state.tokens[0].start, end_char)
        medium = _medium(mediums, cue.i)
        told_on = medium.value if medium else _named_medium(state, who, reg) if isinstance(who, EMention) else None
        relayed = [relay] if relay is not None and relay != key else []
        for speaker in [key, *_co_speakers(state, who, mentions, reg), *relayed]:  # "an official and residents said"
            claims.append(Claim(
                claimant=speaker, sentence=state.index, start=state.tokens[cue.i].start,
                end=state.tokens[cue.j - 1].end, cue=state.text(cue.i, cue.j, text), asserts=list(asserts),
                quote=_quote(text, *quote_span), medium=told_on,
                confidence=_confidence(reg, speaker, told_on is not None)))
        previous = key
    # a speech act is a claim by its actor, asserting itself and what it is about
    for k, f in enumerate(events):
        ev = f.event
        if ev.type not in SPEECH_ACTS or not ev.actors or any(first_event + k in c.asserts for c in claims):
            continue
        about = [x for x in range(k + 1, len(events)) if x not in claimed and (
            events[x].event.type not in SPEECH_ACTS or _accused_act(ev, events[x].event))]
        claimed.update(about)
        medium = _medium(mediums, f.i)  # "توعدت X، في بيان،"
        claims.append(Claim(claimant=ev.actors[0], sentence=state.index, start=ev.start, end=ev.end,
                            cue=ev.trigger, asserts=[first_event + x for x in [k, *about]],
                            medium=medium.value if medium else None,
                            confidence=_confidence(reg, ev.actors[0], medium is not None)))
    return claims


def _medium_aside(state: SentenceState, before: Chunk, cue: Chunk) -> bool:
    """The cue sits between commas after the first, in an aside that names the medium
    ('، في بيان نقلته وكالة الأنباء،', ', in a statement carried by Amaq,')."""
    toks = state.tokens
    opening = max((k for k in range(before.j, cue.i) if toks[k].text in (",", "،")), default=None)
    if opening is None:
        return False
    closing = any(toks[k].text in (",", "،") for k in range(cue.j, min(len(toks), cue.j + 8)))
    return closing and any(opening < m.i < cue.i for m in state.chunks_of("medium"))


def _accused_act(accusation: Event, ev: Event) -> bool:
    """'accused Rwanda of supporting the rebels': the support is what the accusation is about,
    not a claim of Rwanda's own."""
    return accusation.type == "Accusation" and bool(ev.actors) and ev.actors[0] in accusation.targets


def _corroborated(state: SentenceState, reg: Registry) -> list[int]:
    """A report with no event of its own that speaks of weapons or casualties speaks of the attack
    told just before ('... launched drones at a base. The army said two drones had crossed and two
    soldiers were wounded.'): it asserts that attack too."""
    harm = harm_words(reg.lex.lang.code)
    if not state.chunks_of("weapon") and all(harm.isdisjoint(t.forms) for t in state.tokens):
        return []
    told = reg.doc.events
    last = next((x for x in range(len(told) - 1, -1, -1) if told[x].type in ATTACKS), None)
    return [last] if last is not None and told[last].sentence >= state.index - 2 else []


def _pronoun_speaker(state: SentenceState, cue: Chunk, reg: Registry, previous: str | None) -> str | None:
    """'Dozens of militants were also killed, he said': the last speaker of the pronoun's kind (a person
    for he/she, a body for it/they), not the nearest noun."""
    person = state.tables["speaker_person"].ending_before(state.tokens, cue.i)
    if not person and not state.tables["speaker_body"].ending_before(state.tokens, cue.i):
        return None
    spoken = [c.claimant for c in reg.doc.claims] + ([previous] if previous is not None else [])
    return next((key for key in reversed(spoken) if ("Person" in reg.types(key)) == person), None)


def _participles_only(state: SentenceState, cue: Chunk, events: list[Found], before: list[int],
                      after: list[int]) -> bool:
    """The report comes first and a participle follows the speaker: 'X bombed a market, the RSF said,
    accusing the army of ...'."""
    first = events[after[0]]
    toks = state.tokens
    return first.i > 0 and toks[first.i - 1].text == "," and toks[first.i].norm.endswith("ing") \
        and any(t.text == "," for t in toks[events[before[-1]].j:cue.i])


def _medium(mediums: list[Chunk], at: int) -> Chunk | None:
    """The medium nearest the cue; a statement posted on a named platform is told by the platform
    ('في بيان على قناتها في تلغرام', 'in a statement on Telegram')."""
    nearest = min(mediums, key=lambda m: abs(m.i - at), default=None)
    if nearest is not None and nearest.value == "statement":
        platform = next((m for m in mediums if m.value != "statement" and abs(m.i - nearest.i) <= 6), None)
        return platform or nearest
    return nearest


def _named_medium(state: SentenceState, who: EMention, reg: Registry) -> str | None:
    """A channel with its medium in its name tells it on that medium: 'Al-Manar TV reported', 'قال تلفزيون
    المنار'. A word of the name was matched as the name, so its own entries are looked up here."""
    for token in state.tokens[who.i:who.j]:
        for form in token.forms:
            media = reg.lex.alone(form, "medium")
            if media:
                return media[0].value
    return None


def _co_speakers(state: SentenceState, who: EMention | str, mentions: list[EMention], reg: Registry) -> list[str]:
    """Speakers joined to `who` by and / و: each makes the same claim."""
    if isinstance(who, str):
        return []
    toks, lang, out = state.tokens, reg.lex.lang, []
    for m in mentions:
        if m.j < who.i - 4 or m.i > who.j + 4 or m is who or m.demonym or m.key == who.key \
                or not reg.is_actor(m.key):
            continue  # near each other, and another actor
        first, second = (m, who) if m.i < who.i else (who, m)
        if joined(state, first, second, lang) and (first.j == second.i or toks[first.j].norm in ("and", "و")):
            out.append(m.key)  # "local residents and a rights group said", "قال الجيش والشرطة"
    return out


def _claimed_act(reg: Registry, earlier: list[Found], claimant: str) -> list[int]:
    """'X claimed responsibility (on Telegram)', 'وتبنت X الهجوم': the last attack told, now X's act."""
    told = reg.doc.events + [f.event for f in earlier]
    last = next((x for x in range(len(told) - 1, -1, -1) if told[x].type in VIOLENT), None)
    if last is None:
        return []
    if unclaimed(reg, told[last]):
        told[last].actors = [claimant]
    return [last]


def _closes_clause(state: SentenceState, cue: Chunk, who: EMention | str, reg: Registry) -> bool:
    """'X said.' / 'X said, while ...' / 'said X,': nothing is reported after the cue."""
    end = max(cue.j, who.j if isinstance(who, EMention) and who.i >= cue.j else cue.j)
    toks = state.tokens
    return end >= len(toks) or toks[end].is_punct or toks[end].norm in reg.lex.lang.clause_breaks


def _relayed_source(state: SentenceState, reporter: EMention, mentions: list[EMention],
                    reg: Registry) -> EMention | None:
    """'نقلت وكالة سانا عن مصدر عسكري': the agency relays; the source is the claimant."""
    if "عن" not in state.vocabulary:
        return None
    k = reporter.j
    while k < len(state.tokens) and k - reporter.j < 4 and state.tokens[k].norm != "عن":
        k += 1  # past "(سانا)"
    if k >= len(state.tokens) or state.tokens[k].norm != "عن":
        return None
    source = next((m for m in mentions if m.i == k + 1 and reg.is_actor(m.key)), None)
    return _named_holder(state, k + 1, mentions, reg) or source


def _named_holder(state: SentenceState, at: int, mentions: list[EMention], reg: Registry) -> EMention | None:
    """'رئيس الإدارة العسكرية للمدينة تيمور تكاتشينكو', 'قائد الأمن الداخلي في المحافظة العميد X': the
    person named a few words after a title at token `at`, past the body and place the title is of."""
    if state.chunk_at(at, "title") is None:
        return None
    for m in mentions:
        if m.i > at + 8 or any(t.norm in reg.lex.lang.complementisers or t.is_punct for t in state.tokens[at:m.i]):
            return None
        if m.i > at and "Person" in reg.types(m.key) and prep_of(state, m, reg.lex.lang) is None:
            return m
    return None


def _object_of_cue(state: SentenceState, cue: Chunk, found: Found, mentions: list[EMention], reg: Registry) -> bool:
    """The event noun is the reporting verb's own object: no complementiser or quote between them, and
    not what the speaker speaks about ('تحدث سكان عن غارات'), nor an attack known by its article ('أكد
    الحاكم وقوع الهجوم': the speaker confirms it)."""
    lang = reg.lex.lang
    if found.i < cue.j or (cue.detail == "speak-of" and state.tokens[found.i - 1].norm == "عن") \
            or with_article(state.tokens[found.i]):
        return False  # "قُتل جنديان ... حسبما ذكر مصدر": the speaker reports, the event comes first
    between = state.tokens[cue.j:found.i]
    named = {k for m in mentions for k in (m.i - 1, m.j)}  # «المقاومة الإسلامية في العراق»: quotes around a name
    return len(between) <= 10 and not any(t.norm in lang.complementisers or (t.text in "“«\"" and k not in named)
                                          for k, t in enumerate(between, cue.j)) \
        and state.chunk_at(found.i, "trigger") is not None and state.chunk_at(found.i, "trigger").detail == "noun"


def _speaker_is_subject(state: SentenceState, cue: Chunk, trigger: int) -> bool:
    """A pronoun that points back to the speaker opens the reported clause: 'إنه', 'that it'; but the one
    who 'repelled an attack', 'صد الهجوم', was its target."""
    pronouns = state.named("self")
    if not any(cue.j <= k < min(trigger, cue.j + 14) and k + n <= trigger for k, (n, _) in pronouns.items()):
        return False
    repelled = state.named("repelled")
    return not any(trigger - 3 <= k + n <= trigger for k, (n, _) in repelled.items())


def _confidence(reg: Registry, claimant: str, has_medium: bool) -> float:
    score = 0.6 + (0.2 if reg.doc.entities[claimant].in_gazetteer else 0.05) + (0.1 if has_medium else 0.0)
    return round(min(score, 0.95), 2)
