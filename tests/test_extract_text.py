"""Text handling: Arabic normalisation and clitics, sentence splitting, tokens, numbers and time."""

from datetime import date

import pytest

from conflictkg.extract.chunks import SentenceState, match_phrases
from conflictkg.extract.lang import detect_language, get_language
from conflictkg.extract.lexicon import load_lexicon
from conflictkg.extract.phrases import language_tables
from conflictkg.extract.pipeline import _tokens
from conflictkg.extract.quantities import count_near, find_time, number_at
from conflictkg.extract.text import split_sentences

AR = get_language("ar")
EN = get_language("en")


def state(text: str, lang: str) -> SentenceState:
    s = SentenceState(0, 0, _tokens(text, 0, len(text), lang), language_tables(lang))
    s.chunks = match_phrases(s, load_lexicon(lang))
    return s


@pytest.mark.parametrize("raw, norm", [
    ("أَمْرِيكِيَّة", "امريكيه"), ("إيـــران", "ايران"), ("مستشفى", "مستشفي"), ("١٢", "12"), ("۲۵", "25"),
    ("مؤسسة", "موسسه"),
])
def test_arabic_normalisation_for_matching(raw, norm):
    assert AR.normalise(raw) == norm


@pytest.mark.parametrize("word, stem", [
    ("وسوريا", "سوريا"), ("لإيران", "ايران"), ("للعراق", "العراق"), ("والعراق", "العراق"), ("بالقذائف", "قذايف"),
    ("قاعدتها", "قاعده"), ("فالحكومة", "حكومه"),
])
def test_clitics_are_stripped_for_matching(word, stem):
    assert stem in AR.forms(AR.normalise(word))


@pytest.mark.parametrize("name", ["واين", "بايدن", "لبنان", "فرنسا"])
def test_names_that_begin_with_clitic_letters_match_as_written_first(name):
    assert AR.forms(AR.normalise(name))[0] == AR.normalise(name)


def test_glued_quotes_are_separate_tokens_and_offsets_are_the_documents():
    text = "وقال إن القوات “تعرضت لهجمات” و”أطلق الأفراد صواريخ”."
    toks = _tokens(text, 0, len(text), "ar")
    words = [t.text for t in toks]
    assert "أطلق" in words and "صواريخ" in words and "”" in words
    assert all(text[t.start:t.end] == t.text for t in toks)


@pytest.mark.parametrize("text, last", [("بعثة الأمم المتحدة (مينوسكا).", ["مينوسكا", ")", "."]),
                                        ("قالت الوكالة (سانا)، وأضافت", ["سانا", ")", "،", "وأضافت"]),
                                        ("في العاصمة [صنعاء].", ["صنعاء", "]", "."])])
def test_a_full_stop_after_a_closing_bracket_is_its_own_token(text, last):
    assert [t.text for t in _tokens(text, 0, len(text), "ar")][-len(last):] == last


def test_arabic_sentences_split_after_closing_quotes_and_at_newlines():
    text = "وقال بلينكين “اتخذنا إجراءات ضرورية.” وأضاف أن الضربات محدودة.\nوأدانت الحكومة الضربات؟ نعم"
    spans = split_sentences(text, AR.keep_together)
    assert [text[s:e] for s, e in spans] == ["وقال بلينكين “اتخذنا إجراءات ضرورية.”", "وأضاف أن الضربات محدودة.",
                                             "وأدانت الحكومة الضربات؟", "نعم"]


def test_english_abbreviations_do_not_end_sentences():
    text = "U.S. forces struck Gen. Soleimani's convoy. The Pentagon said so."
    spans = split_sentences(text, EN.keep_together)
    assert [text[s:e] for s, e in spans] == ["U.S. forces struck Gen. Soleimani's convoy.", "The Pentagon said so."]


def test_language_detection_by_script():
    assert detect_language("قصفت الطائرات المدينة") == "ar"
    assert detect_language("Drones struck Kharkiv overnight") == "en"


@pytest.mark.parametrize("text, lang, value", [
    ("قتل ١٢ شخصا", "ar", 12), ("قتل خمسة عشر شخصا", "ar", 15), ("قتل جنديان", "ar", 2),
    ("killed at least 12 people", "en", 12), ("killing four soldiers", "en", 4),
    ("twenty - five were killed", "en", 25),
])
def test_exact_counts(text, lang, value):
    language = get_language(lang)
    assert count_near(state(text, lang), language.killed_words, language) == value


@pytest.mark.parametrize("text, lang", [("قتل عشرات المدنيين", "ar"), ("dozens of people were killed", "en"),
                                        ("a 63-year-old woman was killed", "en"),
                                        ('killing "several dozen" fighters', "en")])
def test_vague_amounts_and_ages_give_no_count(text, lang):
    language = get_language(lang)
    assert count_near(state(text, lang), language.killed_words, language) is None


@pytest.mark.parametrize("text, count", [
    ("ما أدى إلى مقتل شخص", 1), ("ما أدى إلى مقتل شخصين", 2), ("أسفر القصف عن مقتل امرأتين", 2),
    ("أسفر القصف عن مقتل مدنيين", None),  # a sound plural, not a dual
    ("وقال متحدث إن جنديين قتلا", 2),  # the count before the death word
    ("قتل أحد عشر جنديا", 11), ("قتل أحد الجنود", 1),  # أحد is one, and eleven only with عشر
    ("أعلنت الخلية مقتل ضابط وجنديين", 3),  # a toll by categories is summed
])
def test_arabic_singular_and_dual_of_a_person_noun_after_a_death_word_count(text, count):
    assert count_near(state(text, "ar"), AR.killed_words, AR) == count


def test_number_words_and_digits():
    s = state("أربعة أعضاء و ٧٠ ميلا", "ar")
    assert number_at(s, 0, AR) == 4 and number_at(s, 3, AR) == 70


@pytest.mark.parametrize("text, lang, words, when", [
    ("قصفت الطائرات مساء الأحد المدينة", "ar", "مساء الأحد", date(2021, 6, 27)),
    ("Drones struck on Sunday evening", "en", "on Sunday evening", date(2021, 6, 27)),
    ("struck yesterday", "en", "yesterday", date(2021, 6, 27)),
    ("ضربات في فبراير شباط", "ar", "في فبراير شباط", None),
    ("attacks since April", "en", "since April", None),
    ("an attack on 12 March", "en", "12 March", date(2021, 3, 12)),
])
def test_time_expressions_resolve_only_when_the_day_is_fixed(text, lang, words, when):
    got_words, got_date = find_time(state(text, lang), text, get_language(lang), date(2021, 6, 28))
    assert got_words == words and got_date == when


def test_english_may_is_not_a_month():
    text = "The militia may strike again"
    assert find_time(state(text, "en"), text, EN, date(2024, 1, 1)) == (None, None)


@pytest.mark.parametrize("word, wrong", [("مستوطنة", "مستوطن"), ("قاعدة", "قاعد"), ("محافظة", "محافظ")])
def test_a_ta_marbuta_is_not_read_as_a_pronoun(word, wrong):
    """Regression: stripping a one-letter ه suffix turned 'settlement' into 'settler' after normalisation."""
    assert wrong not in AR.forms(AR.normalise(word))


@pytest.mark.parametrize("word, stem, has", [("مقاتليه", "مقاتلين", True), ("عناصره", "عناصر", True),
                                             ("قوة", "قو", False)])
def test_a_written_possessive_ha_is_stripped_but_not_ta_marbuta(word, stem, has):
    assert (stem in AR.token_forms(word, AR.normalise(word))) is has


@pytest.mark.parametrize("text, lang", [
    ("قال «المرصد»: قُتل ٣ مدنيين\tفي\u00a0حلب…  و”أطلق (ب. م) صواريخ”.\nوأضاف: لا.", "ar"),
    ("U.S. forces struck (again) at 3 a.m.;\tthe Houthis' “drones”\u00a0didn't land.\n\nOfficials said so.", "en"),
])
def test_tokens_are_spacys_tokens_with_document_offsets(text, lang):
    tokenizer = get_language(lang).make_tokenizer()  # spacy.blank(lang)'s, with quotes split off words
    expected = [(t.text, t.idx) for t in tokenizer(text) if not t.is_space]
    for _ in range(2):  # the second time from the words already read
        assert [(t.text, t.start) for t in _tokens(text, 0, len(text), lang)] == expected
    assert [(t.text, t.start) for t in _tokens(text, 5, len(text), lang)][0][1] >= 5
