"""Lexicons and gazetteer, read from Turtle into lookup tables for one language.

The Turtle under ontology/lexicon and ontology/gazetteer is the single source;
users merge their own files with `extra_files` (CLI: --lexicon FILE). Tables
are built once per process and language.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

from conflictkg.errors import InputError
from conflictkg.extract.lang import Language, get_language
from conflictkg.extract.phrases import PhraseTable
from conflictkg.ontology import CK, ID, gazetteer_files, lexicon_files, load_turtle

__all__ = ["Entry", "GazetteerEntity", "Lexicon", "load_lexicon"]

_ACTOR_TYPES = {"Actor", "Person", "State", "ArmedGroup", "MilitaryForce", "GovernmentBody", "Organization",
                "Coalition", "Group"}
_KINDS = {CK.Trigger: "trigger", CK.SupportVerb: "support", CK.Weapon: "weapon", CK.ReportingCue: "cue",
          CK.MediumCue: "medium", CK.Title: "title", CK.HeadNoun: "head"}


@dataclass(frozen=True)
class Entry:
    """What a matched phrase means. `value` depends on `kind`:

    entity: the entity key; demonym: the country key; trigger: event class;
    weapon: refined attack class; cue: verb|source|denial; medium: its
    canonical name; title: canonical role; head: the class it heads.
    """

    kind: str
    value: str
    detail: str = ""  # trigger: verb|noun; title: member|spokesperson|leader
    case_sensitive: str = ""  # exact surface required (acronyms such as US, IS)
    gap_role: str = ""  # a phrase whose parts stand apart: "object" when a name between them is the verb's object


@dataclass
class GazetteerEntity:
    key: str
    types: set[str]
    labels: dict[str, str] = field(default_factory=dict)
    wikidata: str | None = None
    located_in: list[str] = field(default_factory=list)
    member_of: list[str] = field(default_factory=list)  # the state a force or ministry belongs to
    capital: str | None = None  # a country's capital city: what "the Libyan capital" names

    @property
    def is_actor(self) -> bool:
        return bool(self.types & _ACTOR_TYPES)


@dataclass
class Lexicon:
    """Phrase index for one language plus the gazetteer's entities."""

    lang: Language
    # first word -> second word ("" for one-word phrases) -> phrases, longest first
    index: dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]]
    entities: dict[str, GazetteerEntity]
    gapped: PhraseTable | None = None  # first part -> ((second part, entry, strict), ...)
    # word as written -> what may match from it, kept by extract/chunks.py: one table per lexicon, so a
    # user's extra lexicon never sees the matches of another
    word_cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def alone(self, word: str, kind: str) -> list[Entry]:
        """The entries of one kind that a normalised word has on its own, as a phrase of one word."""
        return [e for _, e in self.index.get(word, {}).get("", ()) if e.kind == kind]


def _local(iri: URIRef, base: str) -> str:
    return str(iri)[len(base):] if str(iri).startswith(base) else str(iri)


def _labels(graph: Graph, s: URIRef, lang: str) -> Iterable[str]:
    for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel):
        for o in graph.objects(s, p):
            if isinstance(o, Literal) and (o.language or lang) == lang:
                yield str(o)


def _parse_user_file(path: str) -> Graph:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"lexicon file not found: {path}")
    try:
        return Graph().parse(p, format="turtle")
    except Exception as exc:  # rdflib raises several parser exception types
        raise InputError(f"lexicon file {path} is not valid Turtle: {exc}") from None


@cache
def load_lexicon(lang_code: str, extra_files: tuple[str, ...] = ()) -> Lexicon:
    """Build the lookup tables for `lang_code` from the shipped Turtle plus `extra_files`."""
    lang = get_language(lang_code)
    graph = load_turtle(lexicon_files() + gazetteer_files())
    for path in extra_files:
        graph += _parse_user_file(path)

    index: dict[str, dict[str, list[tuple[tuple[str, ...], Entry]]]] = defaultdict(lambda: defaultdict(list))

    # (first part, second part, entry, strict): a strict phrase may not enclose another kind of event word
    gapped: list[tuple[tuple[str, ...], tuple[str, ...], Entry, bool]] = []

    def add(label: str, kind: str, value: str, detail: str = "", gap_role: str = "") -> None:
        if "…" in label:  # "تبادلت … إطلاق النار": the parts may stand apart
            first, second = (tuple(lang.normalise(t.text) for t in _tokenizer(lang_code)(part.strip())
                                   if not t.is_space) for part in label.split("…", 1))
            gapped.append((first, second, Entry(kind, value, detail, gap_role=gap_role), False))
            return
        words = tuple(lang.normalise(t.text) for t in _tokenizer(lang_code)(label) if not t.is_space)
        if words:
            acronym = label if (lang.names_capitalised and label.isupper() and len(label) <= 5) else ""
            index[words[0]][words[1] if len(words) > 1 else ""].append((words, Entry(kind, value, detail, acronym)))
            if lang.verb_initial and kind == "trigger" and detail == "verb" and len(words) > 1:
                # "دافع وزير الخارجية ... عن", "تلقي واشنطن باللوم": the subject stands inside the phrase
                gapped.append((words[:1], words[1:], Entry(kind, value, detail, gap_role=gap_role), True))

    entities: dict[str, GazetteerEntity] = {}
    for s in sorted(set(graph.subjects(RDF.type, None)), key=str):  # sorted: the same tables in every process
        if not isinstance(s, URIRef):
            continue
        types = {_local(t, str(CK)) for t in graph.objects(s, RDF.type) if str(t).startswith(str(CK))}
        lex_kinds = sorted(_KINDS[t] for t in graph.objects(s, RDF.type) if t in _KINDS)
        if lex_kinds:
            kind = lex_kinds[0]
            value, detail = _entry_value(graph, s, kind)
            gap_role = str(graph.value(s, CK.gapRole) or "")
            for label in sorted(_labels(graph, s, lang_code)):
                add(label, kind, value, detail, gap_role)
            continue
        if not str(s).startswith(str(ID)) or not types:
            continue
        key = _local(s, str(ID))
        ent = GazetteerEntity(key, types)
        for o in graph.objects(s, RDFS.label):
            if isinstance(o, Literal) and o.language:
                ent.labels[o.language] = str(o)
        for o in graph.objects(s, OWL.sameAs):
            if str(o).startswith("http://www.wikidata.org/entity/"):
                ent.wikidata = str(o).rsplit("/", 1)[1]
        ent.located_in = [_local(o, str(ID)) for o in graph.objects(s, CK.locatedIn)]
        ent.member_of = [_local(o, str(ID)) for o in graph.objects(s, CK.memberOf)]
        capital = graph.value(s, CK.capital)
        ent.capital = _local(capital, str(ID)) if capital is not None else None
        entities[key] = ent
        for label in sorted(_labels(graph, s, lang_code)):
            add(label, "entity", key)
        for o in graph.objects(s, CK.demonym):
            if isinstance(o, Literal) and o.language == lang_code:
                add(str(o), "demonym", key)
    for buckets in index.values():
        for entries in buckets.values():
            entries.sort(key=lambda pe: (-len(pe[0]), pe[1].kind, pe[1].value, pe[1].detail))
    groups: dict[tuple[str, ...], list] = defaultdict(list)
    for first, second, entry, strict in gapped:
        groups[first].append((second, entry, strict))
    table = PhraseTable((first, tuple(group)) for first, group in groups.items())
    return Lexicon(lang, {k: dict(v) for k, v in index.items()}, entities, table if groups else None)


def _entry_value(graph: Graph, s: URIRef, kind: str) -> tuple[str, str]:
    def one(p: URIRef) -> str:
        o = graph.value(s, p)
        return "" if o is None else (_local(o, str(CK)) if isinstance(o, URIRef) else str(o))

    if kind == "trigger":
        return one(CK.evokes), one(CK.partOfSpeech) or "verb"
    if kind == "weapon":
        return one(CK.refines), ""
    if kind == "cue":  # the entry id tells participles ("adding", مضيفا) from finite verbs
        return one(CK.cueKind) or "verb", _local(s, "https://w3id.org/conflictkg/lexicon/")
    if kind == "medium":
        en = [str(o) for o in graph.objects(s, RDFS.label) if isinstance(o, Literal) and o.language == "en"]
        return (en[0] if en else _local(s, "https://w3id.org/conflictkg/lexicon/")), ""
    if kind == "title":
        en = [str(o) for o in graph.objects(s, SKOS.prefLabel) if isinstance(o, Literal) and o.language == "en"]
        return (en[0] if en else _local(s, "https://w3id.org/conflictkg/lexicon/")), one(CK.titleKind) or "member"
    if kind == "head":  # the entry id lets "Syrian sources" and "مصادر سورية" share a key
        return one(CK.headType), _local(s, "https://w3id.org/conflictkg/lexicon/")
    return _local(s, "https://w3id.org/conflictkg/lexicon/"), ""


@cache
def _tokenizer(lang_code: str):
    return get_language(lang_code).make_tokenizer()
