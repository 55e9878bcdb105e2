"""Mermaid's workers give way to the build's own process and to the figure runners.

In a clean build the build's process is the critical path: it converts the pages in order, waits for the
architecture figures and charts at the first page that shows one, and needs the Mermaid diagrams only by
`on_env`. On two cores the workers' Chromium would otherwise take half of the build's core, and the build would
wait at the end for work that could have run in its gaps.
"""

from __future__ import annotations

import os

NICENESS = 10  # the scheduler's weight for nice 10 is about a tenth of nice 0's


def give_way() -> None:
    """Lower this process's priority (and that of everything it starts: Chromium, Graphviz, forked scripts)."""
    os.nice(NICENESS)
