"""Mermaid's Chromium driven from a process of its own, so drawing never waits for the build's Python.

On a thread of the build's process, every message between Playwright and Chromium needed the interpreter lock
while Markdown held it: Chromium drew 375 diagrams in 8.5 s of its own time but over 19 s of the build. Here a
worker process (`python -P -m handbook.figures.mermaid_process CACHE NODE_MODULES SETTINGS`) renders each diagram
it is sent and writes the page-ready SVG (handbook.figures.mermaid_svg) to the file named in the request, and the
diagram's own file beside it (handbook.figures.scheme_files); the build only writes requests and reads replies.
Chromium draws the next diagram while a second thread finishes the last one: the build's pages are written as
fast as their diagrams come, so the time between two diagrams is the time a page waits.

One worker, at the build's own priority: on two cores it draws beside the build's process, which waits for a
page's diagrams only when it writes the page. (Two workers at nice 10, so as not to slow the build, took 17.0 to
17.6 s for a clean build on two cores; one at nice 0, 15.7 to 15.9 s: its Chromium is started once.)

Requests and replies are JSON lines on the worker's stdin and stdout (handbook.figures.json_worker):
`{"id", "source", "path"}` in, `{"id", "error", "seconds"}` out, in the order sent (`error` is null once the
file is written).
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import sys
import threading
import time
import traceback
from concurrent.futures import Future
from pathlib import Path

from handbook.errors import FigureError, MermaidError
from handbook.figures.json_worker import JsonWorker, environment
from handbook.figures.mermaid import MermaidRenderer
from handbook.figures.mermaid_svg import page_ready
from handbook.figures.scheme_files import scheme_file
from handbook.project import write_whole


class MermaidProcess:
    """One worker (handbook.figures.json_worker), started on the first diagram; `submit` returns a Future of the
    written file."""

    def __init__(self, cache_dir: Path, node_modules: Path, file_settings: dict) -> None:
        """`file_settings`: what a diagram's own file needs (`light`, `dark`, `salt`: see `figure_file`)."""
        settings = json.dumps(file_settings)
        command = [sys.executable, "-P", "-m", __name__, str(cache_dir), str(node_modules), settings]
        self._worker = JsonWorker(command, _stopped, name="mermaid", env=environment())
        self.drawn: list[float] = []  # seconds Chromium took for each diagram drawn, for the build's timings

    def submit(self, source: str, path: Path) -> Future[Path]:
        written: Future[Path] = Future()

        def answered(answer: Future[dict]) -> None:
            try:
                reply = answer.result()
            except MermaidError as exc:  # the worker stopped
                written.set_exception(exc)
                return
            if reply["error"] is None:
                self.drawn.append(reply["seconds"])
                written.set_result(path)
            else:
                written.set_exception(MermaidError(reply["error"]))

        self._worker.submit({"source": source, "path": str(path)}).add_done_callback(answered)
        return written

    def close(self) -> None:
        """Let the worker finish what it was sent, and stop it (and its Chromium)."""
        self._worker.close()

    def cancel(self) -> None:
        """Stop the worker now (a failed build): what is waiting fails."""
        self._worker.kill()


def _stopped(code: int) -> MermaidError:
    return MermaidError(f"the Mermaid worker stopped (exit status {code}): see above")


def figure_file(page_ready: Path, salt: str) -> Path:
    """Where a diagram's own file is cached: beside its page-ready SVG, named by it and the files' salt."""
    name = hashlib.sha256(f"{page_ready.name} {salt}".encode()).hexdigest()[:20]
    return page_ready.with_name(f"{name}.file.svg")


def _serve(cache_dir: Path, node_modules: Path, settings: dict, requests, replies) -> None:
    """Draw each request in Chromium; finish the SVG and reply on a second thread, which runs while this one waits
    for Chromium to draw the next diagram."""
    renderer = MermaidRenderer(cache_dir, node_modules)
    drawn: queue.Queue = queue.Queue(maxsize=4)
    finisher = threading.Thread(target=_finish, args=(drawn, settings, replies), name="finish")
    finisher.start()
    try:
        for line in requests:
            request = json.loads(line)
            started = time.perf_counter()
            try:
                drawn.put((request, renderer.render(request["source"]), None, started))
            except MermaidError as exc:
                drawn.put((request, None, str(exc), started))
    finally:
        drawn.put(None)
        finisher.join()
        renderer.close()


def _finish(drawn: queue.Queue, settings: dict, replies) -> None:
    """Make each drawn SVG page-ready and its own file (handbook.figures.scheme_files), write them, and reply, in
    the order the requests came. A bug here ends the worker, as it would on one thread: the build then reports
    that the worker stopped, instead of waiting for replies that never come."""
    try:
        _finish_each(drawn, settings, replies)
    except BaseException:  # noqa: BLE001 - reported on stderr, then the process ends
        traceback.print_exc()
        sys.stderr.flush()
        os._exit(1)


def _finish_each(drawn: queue.Queue, settings: dict, replies) -> None:
    while (item := drawn.get()) is not None:
        request, svg, error, started = item
        if error is None:
            path = Path(request["path"])
            try:
                ready = page_ready(svg)
                write_whole(path, ready)
            except OSError as exc:
                error = f"{path}: {exc}"
            else:
                _write_own_file(path, ready, settings)
        reply = {"id": request["id"], "error": error, "seconds": time.perf_counter() - started}
        replies.write(json.dumps(reply) + "\n")
        replies.flush()


def _write_own_file(path: Path, ready: str, settings: dict) -> None:
    """The diagram's own file, for the gallery. A figure whose file cannot be made is left to the build, which
    makes it again when it places the figure and names the figure in the error."""
    try:
        own = scheme_file(ready, settings["light"], settings["dark"], str(path)).svg
        write_whole(figure_file(path, settings["salt"]), own)
    except (FigureError, OSError):
        pass


def main(argv: list[str]) -> int:
    cache_dir, node_modules, settings = Path(argv[0]), Path(argv[1]), json.loads(argv[2])
    replies = sys.stdout
    sys.stdout = sys.stderr  # only replies go to the build: anything printed goes to its log
    _serve(cache_dir, node_modules, settings, sys.stdin, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
