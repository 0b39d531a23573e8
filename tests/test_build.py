"""extract_all: documents in input order, and the garbage collector left as it was found."""

import gc
import os
import pickle

from conflictkg import build
from conflictkg.build import Source, extract_all

_TEXTS = ["Gunmen attacked a police station in Kaduna on Monday, police said.",
          "قصفت طائرات مسيرة مواقع للمتمردين في ولاية الجزيرة."]


def _sources() -> list[Source]:
    return [Source(f"doc-{n}", text, "test") for n, text in enumerate(_TEXTS)]


def test_documents_come_in_input_order_with_or_without_workers():
    for jobs in (1, 2):
        assert [d.doc_id for d in extract_all(_sources(), jobs=jobs)] == ["doc-0", "doc-1"]


def test_a_document_survives_the_trip_from_a_worker_unchanged():
    for document in extract_all(_sources()):  # one English, one Arabic
        assert document.events and document.entities and document.sentences
        assert pickle.loads(pickle.dumps(document)) == document


def _many(n: int) -> list[Source]:
    return [Source(f"doc-{k}", f"{_TEXTS[k % 2]} ({k})", "test") for k in range(n)]


def test_workers_and_this_process_give_the_documents_one_process_gives_in_its_order():
    sources = _many(45)  # several worker tasks and a short last one
    alone = list(extract_all(sources))
    for jobs in (2, 3):
        assert list(extract_all(sources, jobs=jobs)) == alone


def test_this_process_extracts_a_share_while_the_workers_run(monkeypatch):
    extract = build.extract_document

    def by_process(text, **options):
        return extract(text, **{**options, "source": str(os.getpid())})

    monkeypatch.setattr(build, "extract_document", by_process)  # forked workers inherit the patch
    extractors = {d.source for d in extract_all(_many(60), jobs=2)}
    assert str(os.getpid()) in extractors and len(extractors) == 2  # this process and its one worker


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
