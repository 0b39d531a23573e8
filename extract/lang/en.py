"""English: case folding, abbreviations that do not end a sentence, and the function words the rules use."""

from __future__ import annotations

import re

import spacy

from conflictkg.extract.lang import Language
from conflictkg.extract.text import QUOTES_CLOSE, QUOTES_OPEN


def normalise(word: str) -> str:
    return word.casefold().replace("’", "'")


def forms(word: str) -> tuple[str, ...]:
    return (word,)


def demonym_bases(word: str) -> tuple[str, ...]:
    """'americans' -> ('americans', 'american'); the gazetteer decides which is a demonym."""
    return (word, word[:-1]) if word.endswith("s") else (word,)


_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Adm|Rep|Sen|Gov|St|No|Jan|Feb|Mar|Apr"
    r"|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Prof|Rev|Cmdr|Cpl|Pvt|Sr|Jr|vs|approx|est|a\.m|p\.m)\.)$")


def keep_together(text: str, pos: int) -> bool:
    """No sentence break after an abbreviation ('U.S.', 'Gen.') unless a lower-case word cannot follow."""
    if not _ABBREVIATION.search(text, max(0, pos - 12), pos):
        return False
    following = text[pos:pos + 40].lstrip()
    first = following.split(" ", 1)[0] if following else ""
    # "the U.S. The next day" is rare; "U.S. forces", "Gen. Smith" are common
    return bool(first) and first not in ("The", "A", "An", "It", "He", "She", "They", "We", "In", "On")


def make_tokenizer():
    """spaCy's English tokenizer, also splitting curly and angle quotes and slashes."""
    nlp = spacy.blank("en")
    quotes = re.escape(QUOTES_OPEN + QUOTES_CLOSE)
    infixes = list(nlp.Defaults.infixes) + [f"[{quotes}]", r"/", r"(?<=\.)-(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    nlp.tokenizer.add_special_case("X.", [{"ORTH": "X"}, {"ORTH": "."}])  # "said on X." is the platform, not an initial
    return nlp.tokenizer


def _n(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _p(*phrases: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in phrases)


_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}

LANGUAGE = Language(
    code="en",
    normalise=normalise,
    forms=forms,
    demonym_bases=demonym_bases,
    token_forms=lambda text, norm: forms(norm),
    make_tokenizer=make_tokenizer,
    keep_together=keep_together,
    names_capitalised=True,
    verb_initial=False,
    stopwords=_n("the a an of in on at by for from to with against near into onto over under after before "
                 "during since until and or but that which who whom whose this these those it its they them "
                 "their he she his her we our is are was were be been being has have had will would could "
                 "should may might said says say told as than then also not no near while when where whether "
                 "about across around between amid among toward towards per via"),
    negators=_n("not n't never no denied deny denies denying without neither nor"),
    future_markers=_n("will would could might may plans plan planned threatens threatened vowed vows intends"),
    clause_breaks=frozenset({",", ";", ":", "while", "whereas", "but", "although", "though", "-", "–", "—",
                             "(", ")"}),
    complementisers=_n("that"),
    relatives=_n("which who that"),
    prepositions={**{w: "target" for w in "on against at targeting into towards toward".split()},
                  **{w: "location" for w in "in near outside inside across around off over north south east west"
                     " northeast northwest southeast southwest".split()},
                  "with": "instrument", "by": "agent", "from": "source", "between": "with"},
    phrases={
        "response": _p("in response to", "in retaliation for", "in reprisal for", "responding to",
                       "in retaliation against", "to retaliate for"),
        "backed": _p("backed by", "supported by", "loyal to", "sponsored by", "funded by", "armed by", "-backed",
                     "-sponsored", "-supported", "-funded", "-armed", "pro"),
        # a link or an alliance is not support: "al-Qaeda-linked JNIM" is allied with al-Qaeda
        "allied": _p("allied with", "aligned with", "allied to", "-allied", "-aligned", "an ally of", "a close ally of",
                     "ally of", "allies of", "fighting alongside", "alongside", "-linked", "linked to"),
        # a wing, an affiliate or a member is part of the other: memberOf
        "wing": _p("'s armed wing", "'s military wing", "the armed wing of", "the military wing of", "armed wing of",
                   "military wing of", "-affiliated", "affiliated with", "an affiliate of", "affiliate of",
                   "a member of", "member of", "a branch of", "branch of", "part of"),
        "led": _p("led by", "-led", "headed by"),
        "control": _p("controls", "controlled", "control", "holds", "held", "seized", "captured", "-controlled",
                      "-held", "-run", "controlled by", "held by", "under the control of", "retook", "recaptured",
                      "took control of", "regained control of", "overran"),
        "agent": _p("by"),
        "under": _p("came under", "come under", "comes under", "coming under", "was hit by", "were hit by"),
        "fire_noun": _p("fire", "gunfire"),  # "came under (rocket) fire": an attack with no event word
        "place_part": _p("outskirts", "edge", "centre", "center", "heart", "south", "north"),  # "the outskirts of X"
        "named": _p("named", "identified as"),  # "a police officer named Mohamed Abdi"
        "alias": _p("known as", "also known as", "better known as", "called", "dubbed", "nicknamed"),  # ", known as X,"
        "stop": _p("halt", "end", "stop", "an end to", "ending", "halting", "stopping"),  # "to halt the fighting"
        # "said it had repelled an attack": the one who repels is no attacker
        "repelled": _p("repelled", "repulsed", "fended off", "beat back", "pushed back", "thwarted", "foiled"),
        # adjectives of an event told by a gerund: "heavy shelling", "renewed fighting" are nouns
        "event_adjectives": _p("heavy", "fierce", "intense", "renewed", "sporadic", "ongoing", "deadly", "fresh",
                               "continued", "continuing", "violent", "bloody", "overnight", "indiscriminate"),
        # "explosions were heard", "residents heard gunfire": a sound reported, not an attack known to have happened
        "heard": _p("heard", "hearing", "sound of", "sounds of", "were heard", "was heard"),
        # "police defused a car bomb", "foiled a suicide bombing": stopped before it happened
        "foiled": _p("foiled", "foil", "foiling", "thwarted", "thwart", "thwarting", "defused", "defusing",
                     "dismantled", "averted", "disarmed", "prevented"),
        "untrue": _p("untrue", "were false", "was false", "baseless", "unfounded", "fabricated", "not true"),
        # "denied any involvement in the rocket launch": the denial is of a part in the event, which happened
        "involvement": _p("involvement", "role", "responsibility", "link", "links", "connection", "hand", "part"),
        "witnessed": _p("saw", "witnessed", "has seen", "have seen", "has witnessed"),  # "the town saw heavy fighting"
        "intercepted": _p("shot down", "intercepted", "downed", "destroyed", "repelled"),  # "... 23 Ukrainian drones"
        "without": _p("without"),  # "without causing any casualties": no one hurt
        "no_word": _p("details", "information", "word", "figures", "immediate report", "report"),  # "no details on"
        "lands": _p("landed", "land", "lands", "fell", "fall", "falls", "rained down", "slammed into", "crashed into",
                    "impacted"),  # "mortar shells landed near the palace": the weapon's attack
        "order": _p("ordered", "orders", "authorized", "authorised", "approved"),
        # "gunmen believed to belong to ISWAP": the group they are believed to be from follows
        "belonging": _p("believed to belong to", "believed to be from", "suspected of belonging to",
                        "thought to belong to", "believed to be members of", "suspected to be from"),
        "members": _p("members of", "fighters from", "members from", "fighters of", "soldiers from"),
        "since": _p("since"),
        # what a force holds, hit in its place: "Houthi positions", "positions of the PKK"
        "holdings": _p("positions", "position", "posts", "targets", "strongholds", "hideouts", "bases", "camps",
                       "vehicles", "convoy", "convoys", "depots", "gatherings", "infrastructure", "facilities",
                       "outposts", "fortifications", "command centres", "command centers"),
        "affiliated": _p("belonging to", "operated by"),
        # what a threat promises the threatened: "vowed that Hezbollah would pay a heavy price"
        "consequence": _p("price", "unanswered", "unpunished", "pay dearly"),
        "conditional": _p("if", "unless", "should"),
        # "a commander who was planning attacks on Israel": attacks planned, not done
        "planned": _p("planning", "planned", "plotting", "plotted", "preparing", "was planning", "were planning",
                      "planning to carry out", "accused of planning"),
        "self": _p("that it", "that they", "that he", "that she", "that we", "it", "they", "he", "she", "we"),
        "relative_be": _p("which is", "which are", "which was", "which were", "who is", "who are", "that is",
                          "that are", "which has been", "which have been"),
        "blame_on": _p("blamed", "blames", "blame", "blaming"),  # "blamed the attack on X": X is accused
        # "..., he said": a pronoun speaker is the last person (he/she) or body (it/they) that spoke
        "speaker_person": _p("he", "she"),
        "speaker_body": _p("it", "they"),
    },
    directions={"eastern": "east", "western": "west", "northern": "north", "southern": "south",
                "central": "central", "northeastern": "northeast", "northwestern": "northwest",
                "southeastern": "southeast", "southwestern": "southwest", "north-eastern": "northeast",
                "north-western": "northwest", "south-eastern": "southeast", "south-western": "southwest"},
    number_words=_NUMBERS,
    vague_numbers=_n("dozens hundreds thousands scores several many some numerous few"),
    killed_words=_n("killed dead died deaths killing fatalities slain"),
    injured_words=_n("wounded injured hurt injuries injuring wounding"),
    harm_words=_n("casualties hurt harmed"),
    weekdays={"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6},
    months={m: i + 1 for i, m in enumerate(
        "january february march april may june july august september october november december".split())},
    day_offsets={"yesterday": -1, "today": 0, "tonight": 0},
    time_words=_n("morning evening night afternoon overnight dawn midnight"),
    passive_auxiliaries=_n("was were been being is are be got"),
    is_participle=lambda norm: norm.endswith("ing"),
    # agent nouns in the singular: driver, commander, governor, journalist, resident, sergeant
    one_person=lambda norm: len(norm) > 4 and norm.endswith(("er", "or", "ist", "ant", "ent")),
    indefinite_articles=_n("a an"),
    one_more=_n("another"),  # "killing one soldier and wounding another"
    named_by_what_follows=_n("tanker tankers ship ships vessel vessels carrier freighter agency broadcaster newspaper"),
    name_particles=_n("al el ad ash as at az bin ibn abu de van von"),
)
