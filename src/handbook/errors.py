"""The one error type the handbook raises for bad input: a list of problems, each one line naming where and what to do."""

from __future__ import annotations

_LINE_BREAKS = {ord(c): repr(c)[1:-1] for c in "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"}


class HandbookError(Exception):
    """One or more problems; `str()` is one line per problem (a value with a line break stays on its line)."""

    def __init__(self, problems: list[str] | str):
        problems = [problems] if isinstance(problems, str) else problems
        self.problems = [problem.translate(_LINE_BREAKS) for problem in problems]
        super().__init__("\n".join(self.problems))


class DataError(HandbookError):
    """A problem in `data/` files or in how pages use them."""


class FigureError(HandbookError):
    """A figure script that does not render, or a missing tool."""


class MermaidError(HandbookError):
    """A Mermaid diagram that Mermaid rejects, or a missing tool."""
