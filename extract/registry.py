"""The document's entity registry: one Entity per real-world key, and the mentions that point to it.

Every stage that finds a name goes through a Registry, so a second mention of
the same actor or place (in either language) is the same node.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from conflictkg.extract.lang import get_language
from conflictkg.extract.lexicon import Lexicon
from conflictkg.extract.model import Document, Entity, Relation
from conflictkg.graph.iris import slug

__all__ = ["EMention", "Registry", "PLACE_TYPES", "ACTOR_TYPES", "breadth"]

PLACE_TYPES = frozenset({"Location", "Country", "Region", "Settlement", "Site"})
ACTOR_TYPES = frozenset({"Actor", "Person", "State", "ArmedGroup", "MilitaryForce", "GovernmentBody",
                         "Organization", "Coalition", "Group"})
_BREADTH = {"Site": 0, "Settlement": 1, "Region": 2, "Country": 3}


@lru_cache(maxsize=100_000)
def _label_words(lang: str, label: str) -> tuple[str, ...]:
    """A label's normalised words, kept across documents: a short form ("the group", "الحركة") is compared with
    the labels of every entity told before it, and most labels come from the gazetteer."""
    return tuple(get_language(lang).normalise(label).split())


def breadth(types: set[str] | frozenset[str]) -> int:
    """How wide a place of these types is: a site 0 ... a country 3; 9 for no place type (a loop: min() of a
    generator cost more than the few types it reads)."""
    found = 9
    for t in types:
        b = _BREADTH.get(t, 9)
        if b < found:
            found = b
    return found


@dataclass(eq=False, slots=True)  # a mention is itself: compared by identity
class EMention:
    i: int
    j: int
    key: str
    demonym: bool = False  # a bare nationality adjective ("American", "الأمريكية")
    prefix: str = ""  # clitics on the first word (Arabic): "ل" in لإيران
    head: str = ""  # the head noun's lexicon entry, for collectives: "gunman", "militia"


class Registry:
    """The document's entities: one Entity per key, with every surface form seen."""

    def __init__(self, doc: Document, lex: Lexicon) -> None:
        self.doc, self.lex, self.lang = doc, lex, lex.lang.code
        self.history: list[str] = []  # keys in mention order, for short-form coreference
        self._surnames: dict[str, str] = {}

    def types(self, key: str) -> set[str]:
        ent = self.doc.entities.get(key)
        return ent.types if ent is not None else set()

    def is_actor(self, key: str) -> bool:
        ent = self.doc.entities.get(key)
        return ent is not None and not ent.types.isdisjoint(ACTOR_TYPES)

    def is_place(self, key: str) -> bool:
        ent = self.doc.entities.get(key)
        return ent is not None and not ent.types.isdisjoint(PLACE_TYPES)

    def known(self, key: str, surface: str) -> str:
        """A gazetteer entity, added to the document on first mention."""
        if key not in self.doc.entities:
            g = self.lex.entities[key]
            # positional: a document adds thousands, and keyword arguments cost a third more to pass
            self.doc.entities[key] = Entity(key, set(g.types), dict(g.labels), set(), g.wikidata, set(), True)
            if "Person" in g.types:
                for label in g.labels.values():
                    self._surnames.setdefault(self.lex.lang.normalise(label.split()[-1]), key)
        return self._seen(key, surface)

    def new(self, key: str, cls: str, label: str, surface: str, labels: dict[str, str] | None = None) -> str:
        """An entity found by a pattern; the first label seen in each language is its canonical one."""
        ent = self.doc.entities.setdefault(key, Entity(key, {cls}))
        for lang, text in (labels or {self.lang: label}).items():
            ent.labels.setdefault(lang, text)
        if cls == "Person":
            words = surface.split()
            if len(words) > 1:
                self._surnames.setdefault(self.lex.lang.normalise(words[-1]), key)
        return self._seen(key, surface)

    def local_key(self, cls: str, surface: str) -> str:
        """The key of an entity of this report only, described but not named ('a crowded market', 'مسلحون'):
        it holds the document id, which `Document.unnamed` reads."""
        return f"{cls.lower()}/{self.doc.doc_id}/{slug(surface)}"

    def _seen(self, key: str, surface: str) -> str:
        if surface:
            self.doc.entities[key].aliases.add((surface, self.lang))
        self.history.append(key)
        return key

    def person_by_surname(self, norm: str) -> str | None:
        return self._surnames.get(norm)

    def last_of(self, cls: str) -> str | None:
        for key in reversed(self.history):
            if cls in self.types(key):
                return key
        return None

    def antecedent(self, cls: str, head: Collection[str], told: Sequence[str]) -> str | None:
        """What a short form names ("الحركة", "the group"): of the entities `told` before it (keys in mention
        order), the last of its class whose name has the head word ("حركة الشباب", "Group for the Support of
        Islam and Muslims"), else the last of its class that has a name."""
        latest_first = list(dict.fromkeys(reversed(told)))  # each entity once
        # a described one by its own head, last in English, first in Arabic: "the militant group" is "a militant
        # group", "the army" is no "army patrol"
        head_at = slice(-1, None) if self.lex.lang.names_capitalised else slice(0, 1)
        for key in latest_first:  # loops, not generators: one made per entity told cost more than the tests
            ent = self.doc.entities[key]
            if cls not in ent.types:
                continue
            described = self.doc.unnamed(key)
            for label in ent.labels.values():
                words = _label_words(self.lang, label)
                for w in words[head_at] if described else words:
                    if w in head:
                        return key
        for key in latest_first:  # not one described only ("three soldiers" is no antecedent of "the army")
            if cls in self.types(key) and not self.doc.unnamed(key):
                return key
        return None

    def state_of(self, key: str) -> str:
        """The state whose organ an actor is ('Israel Defense Forces', 'قوات الجيش المالي': its country, from
        the gazetteer or the text), else the actor itself: who acts for the same side."""
        known = self.lex.entities.get(key)
        if known is not None and known.member_of:
            return known.member_of[0]
        return next((r.object for r in self.doc.relations if r.subject == key and r.predicate == "memberOf"
                     and "Country" in self.types(r.object)), key)

    def relate(self, subject: str, predicate: str, obj: str, sentence: int) -> None:
        if subject != obj:
            rel = Relation(subject, predicate, obj, sentence)
            if rel not in self.doc.relations:
                self.doc.relations.append(rel)
