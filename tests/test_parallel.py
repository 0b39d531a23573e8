"""shared_map: results in input order, computed by the workers and by the calling process; a worker's
failure is raised in the caller; no worker outlives the map."""

import multiprocessing
import os
import time

import pytest

from conflictkg.parallel import shared_map

_CALLER = os.getpid()


def _square_where(x: int) -> tuple[int, int]:
    time.sleep(0.001)  # as slow as a short document, so that this process is not always handed a result at once
    return x * x, os.getpid()


def _nothing() -> None:
    pass


def _fails_in_a_worker(x: int) -> int:
    if os.getpid() != _CALLER and x == 0:  # the first items always go to a worker
        raise ValueError("item 0")
    return x


def _dies_in_a_worker(x: int) -> int:
    if os.getpid() != _CALLER:
        os._exit(3)
    return x


@pytest.mark.parametrize("workers", [1, 2])
def test_results_come_in_input_order_from_the_workers_and_this_process(workers):
    results = list(shared_map(_square_where, list(range(200)), workers, _nothing))
    assert [square for square, _ in results] == [x * x for x in range(200)]
    assert _CALLER in {pid for _, pid in results}
    assert len({pid for _, pid in results}) > 1


def test_an_exception_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="item 0"):
        list(shared_map(_fails_in_a_worker, list(range(50)), 1, _nothing))
    assert multiprocessing.active_children() == []


def test_a_worker_that_dies_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="ended unexpectedly"):
        list(shared_map(_dies_in_a_worker, list(range(50)), 1, _nothing))


def test_leaving_early_stops_the_workers():
    results = shared_map(_square_where, list(range(10_000)), 2, _nothing)
    next(results)
    results.close()
    assert multiprocessing.active_children() == []
