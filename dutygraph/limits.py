"""A time limit for a long query: SIGALRM interrupts the wait for the engine (see ``engine``)
or rdflib's pure-Python evaluation."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from dutygraph.errors import DutygraphError


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise a one-line DutygraphError when the block runs longer than ``seconds`` (0: no limit).

    Only the main thread can receive signals; elsewhere the block runs without a limit.
    """
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(_signum: int, _frame: FrameType | None) -> None:
        raise DutygraphError(f"query stopped after {seconds:g} s (raise --timeout to wait longer)")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
