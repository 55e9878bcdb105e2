"""The order Mermaid's worker draws in: the order the build writes pages, not the order diagrams were asked for.

Every diagram of the pages' Markdown is asked for when the build starts, in page order. A diagram a macro
writes (the home page's map) is asked for only when its page is converted, after all of those, though its page
is the first one written: sent straight to the worker, it would wait behind every other diagram, and so would
every page after it. So diagrams wait here, the worker is sent only a few at a time (IN_FLIGHT), and one asked
for late goes to the front.
"""

from __future__ import annotations

import threading
from collections import deque
from concurrent.futures import Future
from pathlib import Path

from handbook.errors import MermaidError
from handbook.figures.mermaid_process import MermaidProcess

IN_FLIGHT = 3  # one drawing and two in the worker's pipe: it never waits for the build between diagrams


class DrawQueue:
    """Diagrams waiting for the worker; `submit` returns a Future of the written file."""

    def __init__(self, worker: MermaidProcess) -> None:
        self._worker = worker
        self._sent = 0  # diagrams the worker has and has not answered yet
        self._waiting: deque[tuple[str, Path, Future[Path]]] = deque()
        self._lock = threading.Lock()  # answers arrive on the worker's reader thread

    def submit(self, source: str, path: Path, first: bool = False) -> Future[Path]:
        written: Future[Path] = Future()
        with self._lock:
            (self._waiting.appendleft if first else self._waiting.append)((source, path, written))
        self._feed()
        return written

    def _feed(self) -> None:
        while True:
            with self._lock:
                if not self._waiting or self._sent >= IN_FLIGHT:
                    return
                source, path, written = self._waiting.popleft()
                self._sent += 1
            self._worker.submit(source, path).add_done_callback(lambda answer, w=written: self._answered(w, answer))

    def _answered(self, written: Future[Path], answer: Future[Path]) -> None:
        with self._lock:
            self._sent -= 1
        error = answer.exception()
        if error is None:
            written.set_result(answer.result())
        else:
            written.set_exception(error)
        self._feed()

    def drop(self) -> None:
        """Forget the diagrams not sent yet (the build stopped or is done): whoever waits for one is told so."""
        with self._lock:
            dropped, self._waiting = list(self._waiting), deque()
        for _, _, written in dropped:
            written.set_exception(MermaidError("the build stopped before this diagram was drawn"))
