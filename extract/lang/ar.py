"""Arabic: normalisation, clitics, demonym inflection and the function words the rules use."""

from __future__ import annotations

import re
from functools import lru_cache

import spacy

from conflictkg.extract.lang import Language
from conflictkg.extract.text import QUOTES_CLOSE, QUOTES_OPEN

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # and tatweel
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ئ": "ي", "ؤ": "و",
                          "ی": "ي", "ک": "ك", "ھ": "ه",
                          **{chr(0x0660 + i): str(i) for i in range(10)},
                          **{chr(0x06F0 + i): str(i) for i in range(10)}})


@lru_cache(maxsize=200_000)
def normalise(word: str) -> str:
    """Matching form: no diacritics or tatweel; alef, ya, ta-marbuta, hamza seats unified; ASCII digits."""
    return _DIACRITICS.sub("", word).translate(_LETTERS)


# No single ه: after normalisation it cannot be told from a ta marbuta (مستوطنة is no مستوطن + ه)
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا")


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The word and its readings with proclitics (و ف ب ل ك ال لل) and pronoun suffixes removed.

    The full word always comes first, so a name that starts with one of these
    letters (واين, بايدن) still matches as written.
    """
    out = [word]
    for conj in ("", "و", "ف"):
        if not word.startswith(conj):
            continue
        rest = word[len(conj):]
        for prep in ("", "ب", "ل", "ك"):
            if not rest.startswith(prep):
                continue
            stem = rest[len(prep):]
            if prep == "ل" and stem.startswith("ل") and not stem.startswith("ال"):
                out += ["ا" + stem, stem[1:], stem]  # لل = ل + ال, or ل + a word in ل (للجان)
            elif stem.startswith("ال"):
                out += [stem, stem[2:]]
            elif conj or prep:
                out.append(stem)
    for w in list(out):  # construct plurals: مقاتلي -> مقاتلين, متمردو -> متمردون
        if w.endswith(("ي", "و")) and len(w) >= 5:
            out.append(w + "ن")
    for w in list(out):  # duals: طائرتين -> طائره, مسيرتين -> مسيره, جنديان -> جندي
        for dual, base in (("تين", "ه"), ("تان", "ه"), ("ين", ""), ("ان", "")):
            if w.endswith(dual) and len(w) - len(dual) >= 3:
                out.append(w[: -len(dual)] + base)
                break
    for w in list(out):
        for suffix in _PRONOUN_SUFFIXES:
            if w.endswith(suffix) and len(w) - len(suffix) >= 2:
                base = w[: -len(suffix)]
                out.append(base)
                if base.endswith("ت"):
                    out.append(base[:-1] + "ه")  # قاعدتها -> قاعدة
                if base.endswith("ي") and suffix in ("ها", "هم"):
                    out.append(base[:-1])
                if base.endswith(("ي", "و")) and len(base) >= 5:
                    out.append(base + "ن")  # مقاتلوها -> مقاتلون: a construct plural with its pronoun
    return (word,) + tuple(dict.fromkeys(w for w in out[1:] if len(w) >= 2 and w != word))


@lru_cache(maxsize=200_000)
def token_forms(text: str, norm: str) -> tuple[str, ...]:
    """`forms`, plus the word without a final possessive ه as written (مقاتليه -> مقاتلي, مقاتلين):
    matching turns ة into ه, so only the written word tells the pronoun from the feminine ending."""
    if text.endswith("ه") and len(norm) > 4:
        return tuple(dict.fromkeys(forms(norm) + forms(norm[:-1])))
    return forms(norm)


# Arabic word patterns of verbal nouns, participles and plurals (تفعيل، تفاعل، انفعال، افتعال، استفعال، مفعول):
# a word of such a shape is a common noun, not the unknown name of a place
_COMMON_SHAPES = re.compile(r"^(?:ت.ا..|ت..ي.|ان..ا.|ا.ت.ا.|است...+|م..و.)$")


def could_be_name(word: str) -> bool:
    """Whether a word, as written, may be an unknown place name: no ة, no feminine plural or adjective
    ending, and not the shape of a verbal noun ('تسجيل', 'اندلاع', 'منشور')."""
    norm = normalise(word)
    return not (word.endswith(("ة", "ات", "ية")) or _COMMON_SHAPES.match(norm))


_DEMONYM_ENDINGS = ("يتين", "يتان", "يين", "يون", "يان", "يات", "يه", "ي")


@lru_cache(maxsize=200_000)
def demonym_bases(word: str) -> tuple[str, ...]:
    """Masculine singular bases of an inflected nationality adjective: أمريكيين -> أمريكي."""
    out = []
    for f in forms(word):
        for ending in _DEMONYM_ENDINGS:
            if f.endswith(ending) and len(f) > len(ending) + 2:
                out.append(f[: -len(ending)] + "ي")
                break
    return tuple(dict.fromkeys(out))


def make_tokenizer():
    """spaCy's Arabic tokenizer, also splitting quotes glued to words (و”أطلق, صواريخ”.)."""
    nlp = spacy.blank("ar")
    quotes = re.escape(QUOTES_OPEN + QUOTES_CLOSE)
    prefixes = list(nlp.Defaults.prefixes) + [f"[{quotes}]"]
    # a full stop after a closing bracket: "(مينوسكا)." (spaCy splits it only after letters and quotes)
    suffixes = list(nlp.Defaults.suffixes) + [f"[{quotes}]", r"[،؛؟]", r"(?<=[)\]])\."]
    infixes = list(nlp.Defaults.infixes) + [f"[{quotes}]", r"[/،؛]"]
    nlp.tokenizer.prefix_search = spacy.util.compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    return nlp.tokenizer


def _n(words: str) -> frozenset[str]:
    return frozenset(normalise(w) for w in words.split())


def _p(*phrases: str) -> tuple[tuple[str, ...], ...]:
    """Phrases as normalised words; a final ل or ب is dropped, as it is written on the next word
    (الموالية لإيران، المرتبطة بالقاعدة)."""
    out = []
    for p in phrases:
        words = p.split()
        words = words[:-1] if len(words) > 1 and words[-1] in ("ل", "ب") else words
        out.append(tuple(normalise(w) for w in words))
        if words[0].startswith("ال") and len(words[0]) > 4:  # indefinite too: فصائل موالية لإيران
            out.append(tuple(normalise(w) for w in [words[0][2:], *words[1:]]))
    return tuple(dict.fromkeys(out))


_NUMBERS = {
    "واحد": 1, "واحدة": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاثة": 3, "ثلاث": 3,
    "أربعة": 4, "أربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7, "ثمانية": 8,
    "ثماني": 8, "ثمان": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10, "عشرين": 20, "عشرون": 20,
    "ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60,
    "ستون": 60, "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئة": 100, "مائة": 100, "مئتين": 200, "مئتان": 200, "ألف": 1000, "أحد": 1, "إحدى": 1,
}

LANGUAGE = Language(
    code="ar",
    normalise=normalise,
    forms=forms,
    demonym_bases=demonym_bases,
    token_forms=token_forms,
    could_be_name=could_be_name,
    name_spellings=frozenset({"علي"}),
    # مُفْعِلًا / مُفْتَعِلَةً: "متهما", "متوعدة", "مستنكرا"; no perfect or imperfect verb starts with م and a
    # trigger seldom does
    is_participle=lambda norm: norm.startswith("م") and norm.endswith(("ا", "ه", "ين")),
    # منطقتي، قريتي، بلدتي: a feminine dual in construct (a ta marbuta, then the dual's ي), never a place's own name
    names_two=lambda norm: len(norm) >= 5 and norm.endswith("تي"),
    # five letters at least: سجون (prisons) is a broken plural, which may take a name ("سجون النظام")
    ends_a_name=lambda norm: len(norm) >= 5 and norm.endswith(("ون", "ين")),
    common_after_prepositions=_n(
        "وقت حين ظل إطار أعقاب محيط اتجاه سياق عملية عمليات تصريح تصريحات حديث مقابلة حال حالة مجال ضوء شأن "
        "رد ردود مواجهة أثناء خلال غضون موازاة مقدمة نهاية بداية منتصف صفوف داخل خارج أنحاء أرجاء مختلف عدة "
        "عدد بعض معظم جميع كل مناطق منطقة مواقع موقع أماكن مكان هذا هذه ذلك تلك ما مدن قرى بلدات أحياء شوارع "
        "شارع طريق مدخل مخرج منزل منازل مبنى مباني مستشفى مدرسة سوق مسجد كنيسة مخيم مخيمات ساعة ساعات يوم أيام "
        "ليلة ليال أسبوع شهر عام سنة فترة مرحلة جولة إشارة رسالة كلمة خطاب بيان ظروف أجواء ظل مسعى محاولة "
        "سبيل إطار ميدان ساحة جبهة جبهات محور محاور خط خطوط نقطة نقاط حاجز حواجز منشأة منشآت عدة أقصى أدنى "
        "جزر جزيرة حفل عرس مراسم جنازة تشييع"),
    make_tokenizer=make_tokenizer,
    keep_together=None,
    names_capitalised=False,
    verb_initial=True,
    stopwords=_n("في من إلى الى على عن مع ضد بعد قبل خلال منذ حتى عند لدى و أو ثم أن إن بأن لأن كما "
                 "التي الذي الذين اللذين اللتين اللواتي ما لا لم لن قد هذا هذه ذلك تلك هو هي هم هن "
                 "كان كانت يكون تكون ليس وقال وقالت قال قالت إنه إنها أنه أنها بين حول نحو دون عبر "
                 "يوم أمس اليوم مساء صباح ليلة فجر ظهر أيضا فيما بينما لكن غير كل بعض جميع إثر عقب "
                 "وسط قرب شمال جنوب شرق غرب شرقي غربي شمالي جنوبي أي ضمن لدى بسبب رغم إذ حيث "
                 "قوله قولها قولهم "
                 # the happening a speaker confirms: "أكد الحاكم وقوع الهجوم" names no governor وقوع
                 "وقوع حدوث "
                 # relational adjectives after a place: "قرية الطيبة التابعة لدرعا", "بلدة X الواقعة في ريف Y"
                 "التابع التابعة التابعين الواقع الواقعة المحاذي المحاذية المجاور المجاورة المتاخم المتاخمة "
                 "القريب القريبة المطل المطلة الحدودي الحدودية النائي النائية "
                 # adjectives of plural places: "أحياء سكنية", "مناطق متفرقة", "قرى حدودية"
                 "متفرقة مختلفة سكنية زراعية مأهولة واسعة ريفية جبلية صحراوية حدودية نائية"),
    negators=_n("لم لن لا ليس ليست غير عدم دون بدون نفى نفت ينفي تنفي"),  # not ما: "ما أدى إلى مقتل"
    future_markers=_n("سوف ستقوم سيقوم سيتم"),
    clause_breaks=frozenset({"،", ",", "؛", ";", ":", "فيما", "بينما", "لكن", "ولكن", "-", "–", "(", ")"}),
    complementisers=_n("إن أن بأن وأن بأنه بأنها إنه إنها أنه أنها إنهم أنهم"),
    relatives=_n("التي الذي الذين اللتين اللذين"),
    prepositions={**{normalise(w): "target" for w in "على ضد استهدف باتجاه نحو صوب".split()},
                  **{normalise(w): "location" for w in "في قرب بالقرب داخل عند قبالة أطراف محيط شرق شرقي غرب غربي "
                     "شمال شمالي جنوب جنوبي وسط جنوبا شمالا شرقا غربا فوق".split()},
                  normalise("بين"): "with",
                  "ب": "instrument", normalise("مع"): "with", normalise("من"): "source"},
    phrases={
        "response": _p("ردا على", "ردًا على", "رداً على", "انتقاما ل", "انتقاما من", "في رد على"),
        "backed": _p("المدعومة من", "المدعوم من", "المدعومين من", "الموالية ل", "الموالي ل", "الموالين ل",
                     "المدعومة إيرانيا"),
        "allied": _p("المتحالفة مع", "المتحالف مع", "المتحالفين مع", "الحليفة ل", "الحليف ل", "الحليفة", "حليف",
                     "حليفة", "المرتبطة ب", "المرتبط ب", "المرتبطين ب"),
        # "قناة المسيرة التابعة للحوثيين", "قوة الرضوان التابعة لحزب الله": a part of the body, not its client
        "wing": _p("التابعة ل", "التابع ل", "الجناح العسكري ل", "الجناح المسلح ل", "الذراع العسكرية ل",
                   "الذراع العسكري ل", "جناح",
                   "فرع", "أحد فروع", "أحد فصائل", "عضو في", "المنضوية في", "المنضوية تحت"),
        "is_a": _p("وهو", "وهي", "وهم", "وهما"),  # "X، وهي تحالف يضم ...،": a description of X follows
        # the verb agrees with the leader, the pronoun with the led: "التي يقودها دقلو", "الذي تقوده واشنطن"
        "led": _p("تقوده", "تقودها", "يقوده", "يقودها", "بقيادة", "الذي تقوده", "التي تقودها", "الذي يقوده",
                  "التي يقودها", "يتزعمه", "يتزعمها", "تتزعمه", "تتزعمها", "التي يتزعمها", "الذي يتزعمه",
                  "بزعامة", "برئاسة"),
        "control": _p("تسيطر", "يسيطر", "سيطرت", "سيطر", "تسيطر عليها", "يسيطر عليها", "يسيطر عليه",
                      "الخاضعة لسيطرة", "الخاضع لسيطرة", "تحت سيطرة", "استعاد السيطرة على", "استعادت السيطرة على",
                      "استعادوا السيطرة على", "استعاد", "استعادت"),
        "agent": _p("من قبل", "على يد", "على أيدي"),
        "under": _p("تعرض", "تعرضت", "تتعرض", "يتعرض", "تعرضوا"),
        "fire_noun": _p("لنيران", "لإطلاق نار", "لإطلاق النار"),
        # "على طريق بلدة X", "في محيط مدينة X": a part or the surroundings of a place
        "place_part": _p("طريق", "أطراف", "محيط", "مدخل", "مشارف", "ضواحي", "وسط", "قلب", "مداخل"),
        "named": _p("يدعى", "يدعي", "ويدعى", "اسمه"),  # "ضابط في الشرطة يدعى محمد عبدي"
        "alias": _p("المعروف ب", "المعروفة ب", "الملقب ب", "الملقبة ب", "المكنى ب", "المسمى", "المسماة"),
        "stop": _p("وقف", "لوقف", "بوقف", "إنهاء", "لإنهاء", "بإنهاء"),  # "اتفاق لوقف القتال": no fighting
        # "قال إنه صد الهجوم": the one who repels is no attacker
        "repelled": _p("صد", "صدت", "تصدى ل", "تصدت ل", "أحبط", "أحبطت", "أفشل", "أفشلت"),
        # "سماع دوي انفجارات": a sound reported, not an attack known to have happened
        "heard": _p("دوي", "سماع", "سمع", "أصوات", "صوت"),
        # "أحبطت الشرطة هجوما انتحاريا", "فككت عبوة ناسفة": stopped before it happened
        "foiled": _p("أحبط", "أحبطت", "أحبطوا", "يحبط", "تحبط", "إحباط", "بإحباط", "فكك", "فككت", "فككوا",
                     "تفكيك", "بتفكيك", "أبطل", "أبطلت", "إبطال", "أفشل", "أفشلت", "إفشال"),
        "untrue": _p("عارية عن الصحة", "عار عن الصحة", "غير صحيحة", "غير صحيح", "كاذبة", "لا أساس لها",
                     "لا صحة لها", "مفبركة"),  # "أنباء القصف عارية عن الصحة"
        # "نفت أي علاقة لها بإطلاق الصاروخ": the denial is of a part in the event, which happened
        "involvement": _p("علاقة", "علاقتها", "علاقته", "علاقتهم", "صلة", "صلتها", "صلته", "صلتهم", "تورط", "تورطها",
                          "تورطه", "تورطهم", "ضلوع", "ضلوعها", "ضلوعه", "مسؤولية", "مسؤوليتها", "مسؤوليته", "دور"),
        "witnessed": _p("شهدت", "شهد", "تشهد", "يشهد", "وشهدت", "وشهد", "وتشهد", "ويشهد"),  # "شهدت طرابلس اشتباكات"
        "intercepted": _p("أسقطت", "أسقط", "اسقطت", "اعترضت", "اعترض", "تصدت", "تصدى", "أسقطنا", "اعترضنا"),
        "without": _p("دون", "بدون", "من دون"),  # "دون أن يسفر الانفجار عن إصابات": no one hurt
        "no_word": _p("تفاصيل", "معلومات", "حصيلة", "أنباء"),  # "لم ترد معلومات عن إصابات": the toll is unknown
        # "سقطت قذائف على الحي", "صاروخا أصاب مبنى": a weapon that lands or hits
        "lands": _p("سقطت", "سقط", "تسقط", "يسقط", "سقطا", "تساقطت", "انهالت", "أصاب", "أصابت", "يصيب", "تصيب",
                    "ضرب", "ضربت"),
        "order": _p("أمر", "يأمر", "أمرت", "تأمر", "أمر بشن", "يأمر بشن"),
        # "مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام": the group they are believed to be from follows
        "belonging": _p("يشتبه في انتمائهم إلى", "يشتبه في انتمائهم ل", "يشتبه بانتمائهم إلى", "يشتبه بانتمائهم ل",
                        "يعتقد أنهم من", "يعتقد أنهم ينتمون إلى", "يعتقد أنهم ينتمون ل", "ينتمون إلى", "ينتمون ل"),
        "members": _p("أعضاء من", "عناصر من", "أفراد من", "مقاتلين من", "مقاتلي", "عناصر", "أعضاء", "عنصران من",
                      "عنصرين من", "عنصرا من", "منتسبي"),
        "since": _p("منذ"),
        # what a threat promises the threatened: "حذر من أن إسرائيل ستدفع الثمن غاليا"
        "consequence": _p("دون رد", "دون عقاب", "ثمنا باهظا", "الثمن غاليا", "الثمن"),
        "death": _p("مقتل", "مصرع", "استشهاد", "وفاة"),  # "أعلن الجيش مقتل جنديين": deaths told, not done
        # what a force holds, hit in its place: "على مواقع الحوثيين", "تجمعات لقوات الدعم السريع"
        "holdings": _p("مواقع", "موقع", "تجمعات", "تجمع", "مقرات", "مقر", "معسكرات", "معسكر", "نقاط", "نقطة",
                       "ثكنة", "ثكنات", "آليات", "آلية", "عربات", "عربة", "مخازن", "مخزن", "مستودعات", "مستودع",
                       "تحصينات", "أهداف", "دوريات", "دورية", "رتل", "أرتال", "قافلة", "قوافل", "مراكز", "مركز",
                       "منصات", "مخابئ", "أوكار", "تمركزات", "معاقل", "معقل", "بنى تحتية", "البنية التحتية"),
        "situated": _p("الواقعة", "الواقع", "التابعة", "التابع", "تقع", "يقع"),  # "X الواقعة في Y": in Y
        "affiliated": _p("التابع", "التابعة", "التابعين", "التابعة ل", "التابع ل"),
        "conditional": _p("إذا", "لو", "في حال", "ما لم", "وإذا"),
        # "قيادي كان يخطط لهجمات ضد إسرائيل": attacks planned, not done
        "planned": _p("يخطط ل", "كان يخطط ل", "خطط ل", "يخططون ل", "تخطط ل", "يعد ل", "يعدون ل", "يجهز ل",
                      "يحضر ل", "التخطيط ل", "بالتخطيط ل", "للتخطيط ل", "بالتحضير ل"),
        "self": _p("أنه", "إنه", "أنها", "إنها", "أنهم", "إنهم", "بأنه", "بأنها", "بأنهم", "إننا", "أننا", "إنني"),
        "relative_be": _p("التي", "الذي", "الذين", "وهي", "وهو"),
        "speaker_person": _p("هو", "هي"),
    },
    directions={normalise(k): v for k, v in {
        "شرق": "east", "شرقي": "east", "غرب": "west", "غربي": "west", "شمال": "north", "شمالي": "north",
        "جنوب": "south", "جنوبي": "south", "وسط": "central", "شمال شرق": "northeast", "شمال غرب": "northwest",
        "جنوب شرق": "southeast", "جنوب غرب": "southwest", "شمال شرقي": "northeast", "شمال غربي": "northwest",
        "جنوب شرقي": "southeast", "جنوب غربي": "southwest"}.items()},
    number_words={normalise(k): v for k, v in _NUMBERS.items()},
    vague_numbers=_n("عشرات مئات آلاف عدد عديد بضعة بضع العديد الكثير"),
    one_more=_n("آخر ثالث رابع خامس"),  # "قتل جندي وأصيب آخر", "قُتل عنصران وأصيب ثالث"
    killed_words=_n("قتيل قتيلا قتلى قتلوا قتل مقتل شهيد شهداء شهيدا حتفه حتفهم استشهد استشهدوا استشهاد "
                    "مصرع قضوا قتلت بحياة قتلا قتلتا استشهدا"),
    injured_words=_n("جريح جريحا جرحى مصاب مصابا مصابين إصابة إصابات أصيب أصيبوا أصيبا أصيبت جرح جرحوا جرحا"),
    harm_words=_n("خسائر ضحايا"),
    counted_nouns=_n("شخص طفل طفلة جندي عنصر ضابط رجل شاب فتى امرأة سيدة حارس شرطي طبيب صبي فتاة"),
    weekdays={normalise(k): v for k, v in {
        "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4, "السبت": 5,
        "الأحد": 6}.items()},
    months={normalise(k): v for k, v in {
        "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "آذار": 3, "أبريل": 4,
        "ابريل": 4, "نيسان": 4, "مايو": 5, "أيار": 5, "يونيو": 6, "حزيران": 6, "يوليو": 7, "تموز": 7,
        "أغسطس": 8, "آب": 8, "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11,
        "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12}.items()},
    day_offsets={normalise("أمس"): -1, normalise("الأمس"): -1, normalise("اليوم"): 0,
                 normalise("أول أمس"): -2},
    time_words=_n("مساء صباح ليلة ليل فجر ظهر عصر يوم الليلة مساء"),
)
