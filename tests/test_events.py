"""Events that did not happen, or are no events at all, are not asserted."""

import pytest

from conflictkg.extract import extract_document


def _types(text: str, lang: str) -> list[str]:
    return [e.type for e in extract_document(text, lang=lang).events]


def test_a_word_starting_like_the_arabic_future_prefix_is_not_a_threat():
    # سيارة (car) begins with the letters of the future prefix سـ + يـ
    assert _types("انفجرت سيارة مفخخة قرب سوق في مقديشو.", "ar") == ["Bombing"]


def test_the_arabic_future_prefix_still_marks_a_threat():
    assert "Airstrike" not in _types("قال الجيش إنه سيشن غارات على مواقع الحوثيين.", "ar")


@pytest.mark.parametrize("text", [
    "U.S. forces did not carry out any retaliatory strikes, one of the officials added.",
    "Al-Shabaab, the group fighting to topple Somalia's government, issued a statement.",
])
def test_negated_support_verbs_and_aims_are_no_events(text):
    assert _types(text, "en") == []
