"""Language profiles: the data and small rules that differ between languages.

The shared pipeline (extract/pipeline.py) asks a `Language` for everything
language-specific. Adding a language means writing one module like ar.py or
en.py that builds a `Language`, adding its labels to the lexicon and gazetteer
Turtle, and registering it in `_MODULES` below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from conflictkg.errors import InputError

__all__ = ["Language", "get_language", "detect_language", "SUPPORTED"]

_MODULES = {"ar": "conflictkg.extract.lang.ar", "en": "conflictkg.extract.lang.en"}
SUPPORTED = tuple(_MODULES)


@dataclass(frozen=True)
class Language:
    """What the pipeline needs to know about one language. Word sets hold normalised forms."""

    code: str
    normalise: Callable[[str], str]  # a token -> its matching form
    forms: Callable[[str], tuple[str, ...]]  # a normalised token -> forms to try (clitics stripped)
    demonym_bases: Callable[[str], tuple[str, ...]]  # an inflected adjective -> base forms
    token_forms: Callable[[str, str], tuple[str, ...]]  # (token as written, its normalised form) -> forms
    make_tokenizer: Callable[[], Callable]  # -> spaCy tokenizer
    keep_together: Callable[[str, int], bool] | None  # veto a sentence break (abbreviations)
    names_capitalised: bool  # proper names start with a capital (English) or not (Arabic)
    verb_initial: bool  # verb-subject-object order is common (Arabic)
    stopwords: frozenset[str]  # function words: never part of a name
    negators: frozenset[str]
    future_markers: frozenset[str]
    clause_breaks: frozenset[str]  # tokens that end a clause
    complementisers: frozenset[str]  # start a reported clause: إن / أن / that
    relatives: frozenset[str]  # which / التي
    prepositions: dict[str, str]  # preposition -> role: target | location | instrument | agent | with | source
    phrases: dict[str, tuple[tuple[str, ...], ...]]  # named multi-word markers, see below
    directions: dict[str, str]  # direction word -> English direction
    number_words: dict[str, int]
    vague_numbers: frozenset[str]
    killed_words: frozenset[str]  # nouns/participles: "N killed", "قتيلا"
    injured_words: frozenset[str]
    harm_words: frozenset[str]  # the dead and wounded together ("no casualties", "دون خسائر بشرية"): only "none" counts
    weekdays: dict[str, int]  # Monday = 0
    months: dict[str, int]
    day_offsets: dict[str, int]  # yesterday = -1
    time_words: frozenset[str]  # evening, morning, night: part of a time expression
    passive_auxiliaries: frozenset[str] = field(default_factory=frozenset)
    indefinite_articles: frozenset[str] = field(default_factory=frozenset)  # "killing a woman": one victim
    one_more: frozenset[str] = field(default_factory=frozenset)  # after a casualty word, one more: "وأصيب آخر"
    named_by_what_follows: frozenset[str] = field(default_factory=frozenset)  # heads a name follows: "tanker X"
    name_particles: frozenset[str] = field(default_factory=frozenset)  # lower-case words inside names: al, bin
    # singular nouns for people whose plural is broken, so that after a casualty word the singular is one and
    # its dual (-ان / -ين) two: "مقتل شخص", "إصابة طفلين" (a sound plural such as مدنيين may be read as a dual)
    counted_nouns: frozenset[str] = field(default_factory=frozenset)
    # a normalised place head that names two places after it: the Arabic dual construct, "منطقتي متينا وهاكورك"
    names_two: Callable[[str], bool] = lambda norm: False
    # a normalised noun after "the" that names one person: "killing the driver" is one dead
    one_person: Callable[[str], bool] = lambda norm: False
    common_after_prepositions: frozenset[str] = field(default_factory=frozenset)  # "في وقت": nouns, not places
    could_be_name: Callable[[str], bool] = lambda word: True  # a word as written that may be an unknown name
    # words as written that are names though they normalise to a function word: علي (the name), not على (on)
    name_spellings: frozenset[str] = field(default_factory=frozenset)
    # a normalised verb form that is an active participle: "accusing", "متهما", after a comma a second act of the
    # main clause's subject
    is_participle: Callable[[str], bool] = lambda norm: False
    # a normalised head word in a form no name can follow: Arabic sound plurals and duals keep their ن only when
    # nothing is added to them ("مسلحون هاجموا", not "مسلحو الحركة"), so "مسلحون موقعا" is no group called موقعا
    ends_a_name: Callable[[str], bool] = lambda norm: False
    # spaCy's word id -> (word, normalise, is punctuation, token_forms, length), kept by the pipeline: a document
    # repeats its words
    words_seen: dict[int, tuple] = field(default_factory=dict, compare=False, repr=False)
    # `phrases` keys (a key a language leaves out simply never matches):
    #   relations: backed (backed by), allied (allied with), led (led by), wing (the armed wing of X: memberOf X),
    #     control (controls), relative_be (", which is backed by"), named (a name follows: يدعى / named),
    #     alias (", known as X,": an aside after a name)
    #   roles: agent (by), affiliated (التابع ل / belonging to: the real agent follows), members (members of),
    #     order (ordered), blame_on (blamed X on Y), place_part (outskirts of / على طريق: where, not what),
    #     belonging (gunmen believed to belong to X: X)
    #   events: response (in response to), under (came under), fire_noun (fire after "came under"), lands (a
    #     weapon that lands / falls), intercepted (shot down: the weapon's owner attacked), witnessed (the place
    #     that saw the fighting), stop (to halt the fighting: no fighting), untrue (reports ... were untrue),
    #     conditional (إذا / if), planned (planning attacks: not done), since (since), without (without
    #     casualties: a toll of zero), no_word (no
    #     details on casualties: the toll is unknown, not zero), foiled (defused a bomb: none went off),
    #     consequence (pay a heavy price: the threatened is the one to pay), heard (explosions were heard: a
    #     sound, not a known attack), repelled (repelled an attack: not its actor), involvement (denied any
    #     involvement in: the event itself is not denied), event_adjectives (heavy
    #     shelling: a gerund after one is a noun)
    #   speakers: self (إنه / that it: the speaker is the subject of the reported clause), speaker_person /
    #     speaker_body (", he said" / ", it said": the last person / body that spoke)


@cache
def get_language(code: str) -> Language:
    """The profile for a language code, loaded on first use."""
    if code not in _MODULES:
        raise InputError(f"unsupported language {code!r}; use one of: {', '.join(SUPPORTED)} (or auto)")
    return importlib.import_module(_MODULES[code]).LANGUAGE


def detect_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en' (script-based, per document)."""
    arabic = latin = 0
    for ch in text:
        if "\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f":
            arabic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    return "ar" if arabic > latin else "en"
