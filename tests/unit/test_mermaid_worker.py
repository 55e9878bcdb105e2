"""Mermaid's worker finishes each drawn diagram on a second thread: replies keep the order of the requests, and a
bug on that thread ends the worker (the build reports a stopped worker) instead of leaving the build waiting."""

from __future__ import annotations

import io
import json
import queue
import subprocess
import sys
import textwrap
import threading

from handbook.figures import mermaid_process

SVG = '<svg id="mermaid-abc" viewBox="0 0 10 10" style="max-width: 10px;"><style>#mermaid-abc .x{fill:red}</style><g class="x"></g></svg>'
SETTINGS = {"light": {}, "dark": {}, "salt": "s"}


def test_replies_come_in_the_order_of_the_requests_and_files_are_written(tmp_path):
    drawn: queue.Queue = queue.Queue()
    replies = io.StringIO()
    paths = [tmp_path / f"{n}.page.svg" for n in range(3)]
    for n, path in enumerate(paths):
        error = "Parse error on line 1" if n == 1 else None
        drawn.put(({"id": n + 1, "path": str(path)}, None if error else SVG, error, 0.0))
    drawn.put(None)
    finisher = threading.Thread(target=mermaid_process._finish, args=(drawn, SETTINGS, replies))
    finisher.start()
    finisher.join(timeout=30)
    answers = [json.loads(line) for line in replies.getvalue().splitlines()]
    assert [a["id"] for a in answers] == [1, 2, 3]
    assert [a["error"] for a in answers] == [None, "Parse error on line 1", None]
    assert paths[0].read_text().startswith('<svg id="mermaid-abc"') and not paths[1].exists()
    assert mermaid_process.figure_file(paths[0], "s").read_text().startswith("<svg")


def test_a_bug_while_finishing_ends_the_worker_with_its_traceback():
    script = textwrap.dedent(
        """
        import io, queue
        from handbook.figures import mermaid_process
        drawn = queue.Queue()
        drawn.put(({"id": 1, "path": "x.svg"}, 42, None, 0.0))  # not an SVG: page_ready fails
        mermaid_process._finish(drawn, {}, io.StringIO())
        print("still running")
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "Traceback" in done.stderr and "still running" not in done.stdout
