"""Whether an event word tells something that happened: negated, denied, conditional, threatened, future,
generic, only heard, or an aim describing an actor.

A mixin of `roles.Roles`, which holds the sentence (`s`), its language (`lang`) and its support verbs,
cues and event words; events.py asks these of every trigger before it fills roles.
"""

from __future__ import annotations

from operator import attrgetter

from conflictkg.extract.chunks import Chunk
from conflictkg.extract.classes import ATTACKS, SPEECH_ACTS
from conflictkg.extract.syntax import clause_bounds

__all__ = ["Modality"]

_PUNCT = attrgetter("is_punct")
_ANY = frozenset({"every", "any", "each", "such", "اي", "كل"})  # "the third such attack in a week": of a kind


def _arabic_future_verb(word: str) -> bool:
    """سيضرب، ستواصل، سنرد: the future prefix on an imperfect verb; not سيارة، ستة، سيطرت."""
    return word[:1] == "س" and len(word) > 3 and word[1] in "يتن" and not word.endswith("ه") \
        and not word.startswith("سيطر")


def _stopped(stops: dict[int, tuple[int, object]], norms: list[str], i: int) -> bool:
    """A phrase of stopping ('halt', 'وقف') ends right before the trigger at i, or before its article. Apart from
    Modality.negated, asked of every trigger, whose few sentences with such a phrase would otherwise cost it
    closure cells on every call."""
    before = i - 1 - (i > 0 and norms[i - 1] == "the")
    return any(k + stops[k][0] == before + 1 for k in range(max(0, before - 2), before + 1) if k in stops)


def _foiled(foiled: dict[int, tuple[int, object]], toks: list, i: int) -> bool:
    """A phrase of foiling ('defused', 'أحبطت') stands in the four words before the trigger at i, with no
    punctuation between (apart from Modality.negated, as `_stopped` is)."""
    return any(i - 4 <= k < i and not any(map(_PUNCT, toks[k:i])) for k in foiled)


class Modality:
    """Tests on the trigger at token i; mixed into the sentence's role rules."""

    def negated(self, i: int) -> bool:
        """'did not strike', 'لم يقصف', 'no one was killed', 'foiled a bombing', 'a deal to halt the fighting'."""
        toks, norms = self.s.tokens, self.s.norms
        for support in self.supports:
            if support.j <= i <= support.j + 3:  # "did not carry out any strikes": the support verb is negated
                i = support.i
                break
        window = norms[max(0, i - 3):i]  # a negator among the words just before: one set test, first
        if not self.lang.negators.isdisjoint(window):
            return True
        stops = self.s.named("stop")
        if stops and _stopped(stops, norms, i):
            return True  # "an agreement to halt the fighting", "اتفاق لوقف القتال": an end to it, not it
        foiled = self.s.named("foiled")
        if foiled and _foiled(foiled, toks, i):
            return True  # "police defused a car bomb", "أحبطت قوات الأمن هجوما": it never went off
        if self.lang.names_capitalised and "no" in norms[max(0, i - 5):i] and not any(
                map(_PUNCT, toks[max(0, i - 5):i])):
            return True  # "no civilians were injured or killed"
        for norm in window:
            if norm.endswith("n't"):
                return True
        return False

    def future(self, i: int) -> bool:
        """'will strike', 'سيضرب', 'ستواصل القتال': not (yet) happened."""
        lo = max(0, i - 3)
        window = self.s.norms[lo:i + 1]
        if not self.lang.future_markers.isdisjoint(window):  # one set test for the markers
            return True
        if self.lang.names_capitalised:
            return False
        for k, norm in enumerate(window, lo):  # the first letter first: a call costs more than the test
            if norm[:1] == "س" and _arabic_future_verb(norm) and (k == i or self.s.chunk_at(k) is None):
                return True
        return False

    def denied(self, i: int) -> bool:
        """'denied shelling', 'نفى أن يكون قصف'; and 'reports of shelling were untrue', 'أنباء القصف عارية عن
        الصحة': what is called false after it. A denied part in an event is no denial of the event."""
        involvement = self.s.named("involvement")
        for c in self.cues:
            if c.value == "denial" and c.j <= i and not any(c.j <= k < i for k in involvement):
                return True  # not "denied any involvement in the attack", "نفت أي صلة لها بالهجوم": that happened
        untrue = self.s.named("untrue")
        if not untrue:
            return False
        _, b = clause_bounds(self.s, i, self.lang)
        end = min(b, i + 12)
        for k in untrue:  # a loop: a generator here would cost closure cells on every call
            if i < k < end:
                return True
        return False

    def threatened(self, i: int, cls: str) -> Chunk | None:
        """The threat an attack belongs to ('vowed to strike', 'توعد بضرب'): such an attack has not happened."""
        if cls in SPEECH_ACTS:
            return None
        for c in reversed(self.triggers):
            if c.value == "Threat" and c.j <= i and i - c.j <= 16:
                return c
        return None

    def describes(self, c: Chunk) -> bool:
        """'the group fighting to topple the government': an aim that describes an actor, not an event."""
        toks = self.s.tokens
        return toks[c.j - 1].norm.endswith("ing") and c.j < len(toks) and toks[c.j].norm == "to"

    def generic(self, c: Chunk) -> bool:
        """'Every attack on our people will be met ...', 'أي هجوم', 'the third such attack': any or all events of
        a kind, not one that happened here."""
        return c.i > 0 and self.s.tokens[c.i - 1].norm in _ANY  # a noun, whichever reading the word won

    def only_heard(self, c: Chunk) -> bool:
        """'سماع دوي انفجارات', 'residents heard loud explosions', 'explosions were heard': a sound, reported
        without anyone saying an attack took place."""
        if c.detail != "noun" or c.value not in ATTACKS:
            return False
        heard = self.s.named("heard")
        if not heard:
            return False
        for k, (n, _) in heard.items():  # a loop: a generator here would cost a closure cell on every call
            if c.i - 2 <= k + n <= c.i:
                return True
        return c.j in heard

    def conditional(self, i: int) -> bool:
        """'if Hezbollah fires rockets', 'إذا استمر إطلاق الصواريخ': a hypothetical event; 'planning attacks on
        Israel', 'يخطط لهجمات': one planned, not done (the plan ends at most two words before it)."""
        for k in self.s.named("conditional"):
            if i - 6 <= k < i:
                return True
        for k, (n, _) in self.s.named("planned").items():
            if 0 <= i - (k + n) <= 2:
                return True
        return False
