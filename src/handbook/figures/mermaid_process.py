"""Mermaid's Chromium driven from a process of its own, so drawing never waits for the build's Python.

On a thread of the build's process, every message between Playwright and Chromium needed the interpreter lock
while Markdown held it: Chromium drew 375 diagrams in 8.5 s of its own time but over 19 s of the build. Here a
worker process (`python -P -m handbook.figures.mermaid_process CACHE NODE_MODULES`) renders each diagram it is
sent and writes the page-ready SVG (handbook.figures.mermaid_svg) to the file named in the request; the build
only writes requests and reads replies.

One worker, at the build's own priority: on two cores it draws beside the build's process, which waits for a
page's diagrams only when it writes the page. (Two workers at nice 10, so as not to slow the build, took 17.0 to
17.6 s for a clean build on two cores; one at nice 0, 15.7 to 15.9 s: its Chromium is started once.)

Requests and replies are JSON lines on the worker's stdin and stdout (handbook.figures.json_worker):
`{"id", "source", "path"}` in, `{"id", "error", "seconds"}` out, in the order sent (`error` is null once the
file is written).
"""

from __future__ import annotations

import json
import sys
import time
from concurrent.futures import Future
from pathlib import Path

from handbook.errors import MermaidError
from handbook.figures.json_worker import JsonWorker, environment
from handbook.figures.mermaid import MermaidRenderer
from handbook.figures.mermaid_svg import page_ready
from handbook.project import write_whole


class MermaidProcess:
    """One worker (handbook.figures.json_worker), started on the first diagram; `submit` returns a Future of the
    written file."""

    def __init__(self, cache_dir: Path, node_modules: Path) -> None:
        command = [sys.executable, "-P", "-m", __name__, str(cache_dir), str(node_modules)]
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


def _serve(cache_dir: Path, node_modules: Path, requests, replies) -> None:
    renderer = MermaidRenderer(cache_dir, node_modules)
    try:
        for line in requests:
            request = json.loads(line)
            started = time.perf_counter()
            try:
                svg = page_ready(renderer.render(request["source"]))
                write_whole(Path(request["path"]), svg)
                error = None
            except MermaidError as exc:
                error = str(exc)
            reply = {"id": request["id"], "error": error, "seconds": time.perf_counter() - started}
            replies.write(json.dumps(reply) + "\n")
            replies.flush()
    finally:
        renderer.close()


def main(argv: list[str]) -> int:
    cache_dir, node_modules = (Path(arg) for arg in argv)
    replies = sys.stdout
    sys.stdout = sys.stderr  # only replies go to the build: anything printed goes to its log
    _serve(cache_dir, node_modules, sys.stdin, replies)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
