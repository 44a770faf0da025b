"""Paged bulk reads one page ahead: the server answers the next page while Python decodes this one.

A whole-graph read (export, a report's snapshot) is otherwise the client and the server taking turns, page by
page. Pages are independent reads, so they can run on two threads and still be handed over in order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def read_ahead(read: Callable[[Item], Result], items: Iterable[Item], *, ahead: int = 2) -> Iterator[Result]:
    """`read(item)` for each item, results in the items' order, up to `ahead` reads running meanwhile."""
    pool = ThreadPoolExecutor(max_workers=ahead, thread_name_prefix="coopgraph-read")
    pending: deque[Future[Result]] = deque()
    try:
        for item in items:
            pending.append(pool.submit(read, item))
            if len(pending) > ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
