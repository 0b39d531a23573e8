"""Benchmark texts: a seeded synthetic news corpus in Arabic and English, plus the real samples.

The synthetic corpus makes the benchmark's size adjustable and reproducible (same seed, same
texts) without shipping or downloading a corpus. Slot fillers are the shipped gazetteer's own
labels, so the extractor does its real work (entity matching, events, claims, numbers) instead
of running over words it does not know.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, Graph
from templates import AR_DAYS, AR_HEADLINES, AR_SENTENCES, EN_DAYS, EN_HEADLINES, EN_SENTENCES

from conflictkg.extract import detect_language
from conflictkg.ontology import CK, gazetteer_files, load_turtle

__all__ = ["Text", "synthetic_corpus", "real_texts", "fillers"]

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"

# Gazetteer classes behind each slot; "target" draws from the same pool as "actor".
SLOT_CLASSES: dict[str, tuple[str, ...]] = {
    "actor": ("ArmedGroup", "MilitaryForce"),
    "place": ("Settlement",),
    "region": ("Region",),
    "site": ("Site",),
    "state": ("State",),
    "gov": ("GovernmentBody",),
    "org": ("Organization",),
    "person": ("Person",),
}
SLOT_ALIASES = {"target": "actor"}

# English labels containing one of these words read as common-noun phrases and take "the".
_EN_THE_WORDS = frozenset(
    "Forces Force Army Front Movement Corps Guard Guards Party Council Brigades Brigade Units Group Coalition "
    "Organization Organisation Committee Agency Office Department Nations Union Ministry Command Province Navy "
    "Service Alliance Society House Pentagon Kremlin States Republic Kingdom Emirates Islands Netherlands "
    "Philippines Gambia Bahamas Islamic Division Programme Taliban Fund Court Commission Mission".split())
# Arabic heads that are grammatically feminine without a feminine ending.
_AR_FEMININE_HEADS = frozenset({"الأمم", "سرايا", "كتائب"})

_SLOT = re.compile(r"\{(\w+)(?::([^|}]+)\|([^}]+))?\}")
_AGREE = re.compile(r"\[([^|\]]+)\|([^@\]]+)@(\w+)\]")
_ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@dataclass(frozen=True)
class Text:
    """One benchmark document: a name usable as a document id, its language and its text."""

    name: str
    lang: str
    text: str


@cache
def _gazetteer() -> Graph:
    return load_turtle(gazetteer_files())


@cache
def fillers(lang: str) -> dict[str, tuple[str, ...]]:
    """Slot kind -> the gazetteer's preferred labels in `lang`, sorted so a seed always yields the same corpus."""
    graph = _gazetteer()
    return {kind: tuple(sorted({str(label) for cls in classes for subject in graph.subjects(RDF.type, CK[cls])
                                for label in graph.objects(subject, RDFS.label)
                                if getattr(label, "language", None) == lang}))
            for kind, classes in SLOT_CLASSES.items()}


def _feminine(label: str) -> bool:
    """Rough Arabic gender of a name, from its first word: enough for verb agreement in templates."""
    head = label.split()[0]
    stem = head[2:] if head.startswith("ال") else head
    return head in _AR_FEMININE_HEADS or stem.endswith(("ة", "ات"))


def _surface(label: str, lang: str) -> str:
    """How a label reads inside an English sentence ("the Israel Defense Forces", "Hezbollah")."""
    if lang == "en" and label[:1].isupper() and _EN_THE_WORDS.intersection(label.split()):
        return "the " + label
    return label


def _count(lang: str, rng: random.Random, plural: str | None, singular: str | None) -> str:
    """A casualty count; in Arabic with its counted noun in the form the number governs."""
    n = rng.choice((rng.randint(3, 10), rng.randint(11, 90)))
    if lang == "en" or plural is None or singular is None:
        return str(n)
    digits = str(n).translate(_ARABIC_DIGITS) if rng.random() < 0.3 else str(n)
    return f"{digits} {plural if n <= 10 else singular}"


def _pick(name: str, chosen: dict[str, str], lang: str, rng: random.Random) -> str:
    """A filler for slot `name` that no other slot of the sentence already uses."""
    pool = fillers(lang)[SLOT_ALIASES.get(name, name)]
    taken = set(chosen.values())
    label = rng.choice(pool)
    while label in taken:
        label = rng.choice(pool)
    return label


def fill(template: str, lang: str, rng: random.Random) -> str:
    """One sentence from a template: slots filled, Arabic verbs agreed, first letter capitalised."""
    chosen: dict[str, str] = {}

    def slot(match: re.Match[str]) -> str:
        name, plural, singular = match.groups()
        if name == "n":
            return _count(lang, rng, plural, singular)
        if name == "day":
            return rng.choice(AR_DAYS if lang == "ar" else EN_DAYS)
        chosen.setdefault(name, _pick(name, chosen, lang, rng))
        return _surface(chosen[name], lang)

    text = _SLOT.sub(slot, template)
    text = _AGREE.sub(lambda m: m[2] if _feminine(chosen[m[3]]) else m[1], text)
    return text[:1].upper() + text[1:]


def synthetic_document(lang: str, rng: random.Random) -> str:
    """A headline line, then 5-10 distinct template sentences grouped into paragraphs of 1-3 sentences."""
    sentences = AR_SENTENCES if lang == "ar" else EN_SENTENCES
    headlines = AR_HEADLINES if lang == "ar" else EN_HEADLINES
    body = [fill(t, lang, rng) for t in rng.sample(sentences, rng.randint(5, 10))]
    paragraphs = []
    while body:
        size = rng.randint(1, 3)
        paragraphs.append(" ".join(body[:size]))
        body = body[size:]
    return "\n".join([fill(rng.choice(headlines), lang, rng), *paragraphs])


def synthetic_corpus(lang: str, docs: int = 200, seed: int = 0) -> list[Text]:
    """`docs` synthetic news documents in `lang`; the same (lang, docs, seed) always gives the same texts."""
    rng = random.Random(f"{lang}:{seed}")
    return [Text(f"synthetic-{lang}-{i:04d}", lang, synthetic_document(lang, rng)) for i in range(docs)]


def real_texts() -> list[Text]:
    """The package's sample articles and, when the checkout has them, ../shared/seeds/*.txt, with their language."""
    folder = resources.files("conflictkg").joinpath("samples")
    files = [(f"sample-{Path(f.name).stem}", f.read_text(encoding="utf-8"))
             for f in sorted(folder.iterdir(), key=lambda f: f.name) if f.name.endswith(".txt")]
    if SEEDS_DIR.is_dir():
        files += [(f"seed-{f.stem}", f.read_text(encoding="utf-8")) for f in sorted(SEEDS_DIR.glob("*.txt"))]
    return [Text(name, detect_language(text), text) for name, text in files]
