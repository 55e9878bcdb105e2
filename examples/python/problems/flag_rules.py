"""Evaluate feature-flag rules: a recursive-descent parser, one function per precedence level.

    rule   := term ("OR" term)*
    term   := factor ("AND" factor)*
    factor := "NOT" factor | "(" rule ")" | flag

Time O(n) to parse n characters (each token is consumed once) and O(size of the tree) to evaluate. Space O(n)
for the tokens and the tree, and O(depth) of Python stack, which is why rules nest at most 50 deep.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\s*(?:(\()|(\))|([A-Za-z0-9_-]+)|(\S))")
_FLAG = re.compile(r"[a-z0-9_-]+")


class RuleError(ValueError):
    def __init__(self, position: int, problem: str):
        self.position = position
        super().__init__(f"position {position}: {problem}")


def _tokens(text: str) -> list[tuple[str, int]]:
    out, i = [], 0
    while (found := _TOKEN.match(text, i)) and found.end() > i:
        if found.group(4):
            raise RuleError(found.start(4), f"unexpected character {found.group(4)!r}")
        word = found.group(1) or found.group(2) or found.group(3)
        out.append((word, found.start(found.lastindex)))
        i = found.end()
    out.append(("", len(text)))  # end marker
    return out


def parse(text: str):
    """The rule as a tree: ("flag", name), ("not", x), ("and", a, b) or ("or", a, b), left-associative."""
    tokens = _tokens(text)
    at = 0

    def peek() -> str:
        return tokens[at][0]

    def take(expected: str | None = None) -> str:
        nonlocal at
        word, position = tokens[at]
        if expected is not None and word != expected:
            raise RuleError(position, f"expected {expected!r}, found {word or 'the end'!r}")
        at += 1
        return word

    def rule():
        tree = term()
        while peek() == "OR":
            take()
            tree = ("or", tree, term())
        return tree

    def term():
        tree = factor()
        while peek() == "AND":
            take()
            tree = ("and", tree, factor())
        return tree

    def factor():
        word, position = tokens[at]
        if word == "NOT":
            take()
            return ("not", factor())
        if word == "(":
            take()
            tree = rule()
            take(")")
            return tree
        if not _FLAG.fullmatch(word):
            raise RuleError(position, f"expected a flag name, NOT or '(', found {word or 'the end'!r}")
        take()
        return ("flag", word)

    tree = rule()
    if peek():
        raise RuleError(tokens[at][1], f"unexpected {peek()!r} after a complete rule")
    return tree


def evaluate(tree, flags: set[str]) -> bool:
    kind = tree[0]
    if kind == "flag":
        return tree[1] in flags
    if kind == "not":
        return not evaluate(tree[1], flags)
    if kind == "and":
        return evaluate(tree[1], flags) and evaluate(tree[2], flags)
    return evaluate(tree[1], flags) or evaluate(tree[2], flags)
