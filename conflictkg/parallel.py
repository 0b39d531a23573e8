"""A map over a list in input order, shared between worker processes and the calling one.

`extract_all` runs on it with --jobs. Two things cost most when the caller only waits on a pool
(ProcessPoolExecutor): the caller's share of the cores goes idle, and its helper threads, which feed the
workers and read their results, must win the interpreter lock from whichever thread holds it, up to 5 ms
a time (sys.getswitchinterval), so a busy caller starves its workers. Here the caller extracts too, and
talks to the workers itself, between two of its own items, over one pipe per worker: no helper thread,
and with --jobs 2 half as many documents are pickled, sent and unpickled.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import TypeVar

__all__ = ["shared_map"]

T = TypeVar("T")
R = TypeVar("R")

_CHUNK = 8  # items per task sent to a worker: a few milliseconds of work each, so none waits long at the end
_AHEAD = 2 * _CHUNK  # items a worker may have been given and not yet returned: one task runs, the next waits


def _serve(conn: Connection, work: Callable[[T], R], items: list[T], setup: Callable[[], None]) -> None:
    """A worker: for each (start, stop) received, send back (index, result) for every item in that range, one
    by one, so that a result fits the pipe's buffer and the worker rarely waits for the caller to read it. An
    exception is sent back instead, to be raised by the caller; a closed pipe ends the worker."""
    setup()
    try:
        while True:
            start, stop = conn.recv()
            for i in range(start, stop):
                conn.send((i, work(items[i])))
    except EOFError:
        return
    except Exception as exc:  # every failure goes back to the caller, who raises it
        conn.send(exc)


def shared_map(work: Callable[[T], R], items: list[T], workers: int,
               setup: Callable[[], None]) -> Iterator[R]:
    """`map(work, items)` in input order, computed by `workers` processes started here (each first runs
    `setup`) and by this one. Workers are given ranges of `_CHUNK` items, `_AHEAD` items ahead; whenever the
    next result in order is not back yet, this process computes the first item nobody has taken rather than
    wait. On Linux workers are forked, so `items` and whatever this process has loaded are inherited, not
    sent; results come back pickled."""
    ctx = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else multiprocessing
    pipes: dict[Connection, int] = {}  # this end of each worker's pipe -> its items given and not yet returned
    processes = []
    try:
        for _ in range(workers):
            mine, theirs = ctx.Pipe()
            process = ctx.Process(target=_serve, args=(theirs, work, items, setup), daemon=True)
            process.start()
            theirs.close()
            pipes[mine] = 0
            processes.append(process)
        done: dict[int, R] = {}  # results not yet handed on, by index
        taken = handed = 0
        while handed < len(items):
            for conn in pipes:
                while taken < len(items) and pipes[conn] <= _AHEAD - _CHUNK:
                    stop = min(taken + _CHUNK, len(items))
                    _send(conn, (taken, stop))
                    pipes[conn] += stop - taken
                    taken = stop
            ready = [c for c in pipes if pipes[c] and c.poll()]
            if not ready and handed not in done:
                if taken < len(items):
                    done[taken] = work(items[taken])
                    taken += 1
                    continue
                ready = wait([c for c in pipes if pipes[c]])
            for conn in ready:
                while pipes[conn] and conn.poll():
                    index, result = _received(conn)
                    done[index] = result
                    pipes[conn] -= 1
            while handed in done:
                yield done.pop(handed)
                handed += 1
    finally:
        for conn in pipes:
            conn.close()
        for process in processes:
            process.terminate()  # it holds nothing to save; one still busy is not waited for
            process.join()


_DIED = "a worker process ended unexpectedly (killed, or out of memory?)"


def _send(conn: Connection, task: tuple[int, int]) -> None:
    try:
        conn.send(task)
    except OSError:  # the pipe is broken: the worker is gone
        raise RuntimeError(_DIED) from None


def _received(conn: Connection) -> tuple[int, R]:
    """The next (index, result) from a worker; its exception raised here, or an error if it died."""
    try:
        message = conn.recv()
    except (EOFError, OSError):  # closed, or reset with a task still unread
        raise RuntimeError(_DIED) from None
    if isinstance(message, Exception):
        raise message
    return message
