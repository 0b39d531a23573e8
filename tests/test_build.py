"""extract_all: documents in input order, and the garbage collector left as it was found."""

import gc

from conflictkg.build import Source, extract_all

_TEXTS = ["Gunmen attacked a police station in Kaduna on Monday, police said.",
          "قصفت طائرات مسيرة مواقع للمتمردين في ولاية الجزيرة."]


def _sources() -> list[Source]:
    return [Source(f"doc-{n}", text, "test") for n, text in enumerate(_TEXTS)]


def test_documents_come_in_input_order_with_or_without_workers():
    for jobs in (1, 2):
        assert [d.doc_id for d in extract_all(_sources(), jobs=jobs)] == ["doc-0", "doc-1"]


def test_extracted_documents_stay_out_of_collections_until_extraction_ends():
    assert gc.get_freeze_count() == 0
    documents = extract_all(_sources())
    for _ in _TEXTS:
        next(documents)
        assert gc.get_count()[0] < 10  # handed over frozen: nothing young is left for a collection to walk
    assert list(documents) == [] and gc.get_freeze_count() == 0


def test_a_caller_that_froze_objects_keeps_its_own_way():
    gc.freeze()
    try:
        before = gc.get_freeze_count()
        list(extract_all(_sources()))
        assert gc.get_freeze_count() == before
    finally:
        gc.unfreeze()
