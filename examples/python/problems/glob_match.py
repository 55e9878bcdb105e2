"""Match paths against glob patterns: dynamic programming over segments, a wildcard scan within a segment.

`match[i][j]` says whether pattern segments i.. match path segments j..; a "**" segment either matches no
segment (move to i + 1) or swallows one more (move to j + 1). Time O(P * S * c), for P pattern segments,
S path segments and c the cost of one segment comparison (at most the product of their lengths);
space O(P * S).
"""

from __future__ import annotations


def segment_matches(pattern: str, text: str) -> bool:
    """`*` matches any run of characters, `?` exactly one; everything else itself. Greedy, with backtracking
    to the last star only (a later star makes earlier choices irrelevant)."""
    p = t = 0
    star, resume = -1, 0
    while t < len(text):
        if p < len(pattern) and pattern[p] in ("?", text[t]):
            p, t = p + 1, t + 1
        elif p < len(pattern) and pattern[p] == "*":
            star, resume = p, t  # try the star as empty first
            p += 1
        elif star != -1:
            resume += 1  # let the last star swallow one more character
            p, t = star + 1, resume
        else:
            return False
    return all(c == "*" for c in pattern[p:])


def glob_match(pattern: str, path: str) -> bool:
    """Whether the whole path matches; segments are separated by "/" and "**" is a segment of its own."""
    parts, segments = pattern.split("/"), path.split("/")
    rows, cols = len(parts), len(segments)
    match = [[False] * (cols + 1) for _ in range(rows + 1)]
    match[rows][cols] = True  # nothing left of either
    for i in range(rows - 1, -1, -1):
        for j in range(cols, -1, -1):
            if parts[i] == "**":
                match[i][j] = match[i + 1][j] or (j < cols and match[i][j + 1])
            else:
                match[i][j] = j < cols and match[i + 1][j + 1] and segment_matches(parts[i], segments[j])
    return match[0][0]
