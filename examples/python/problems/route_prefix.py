"""Longest matching route prefix: a trie keyed by path segment, walked as far as the path allows.

Time O(s) per `add` and per `match`, for a path of s segments (plus hashing each segment); space O(total
segments of all routes) for the trie nodes.
"""

from __future__ import annotations


class Router:
    def __init__(self) -> None:
        self._root: dict = {}  # segment -> child node; the key None marks "a route ends here"

    @staticmethod
    def _segments(path: str) -> list[str]:
        return [segment for segment in path.split("/") if segment]  # "/a//b/" is ["a", "b"]

    def add(self, route: str) -> None:
        node = self._root
        for segment in self._segments(route):
            node = node.setdefault(segment, {})
        node[None] = route

    def match(self, path: str) -> str | None:
        """The registered route with the most segments that are a prefix of the path's segments, or None."""
        node, best = self._root, self._root.get(None)
        for segment in self._segments(path):
            node = node.get(segment)
            if node is None:
                break
            best = node.get(None, best)
        return best
