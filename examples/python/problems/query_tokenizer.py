"""Tokenise a search query language: a hand-written scanner that tries each token kind at the current position.

Time O(n) for n characters (each character is read once, two-character operators by a two-character look);
space O(n) for the tokens.
"""

from __future__ import annotations

import string
from typing import NamedTuple

KEYWORDS = {"AND", "OR", "NOT"}
OPERATORS = ("!=", "<=", ">=", ":", "=", "<", ">")  # two-character operators first: "<=" is not "<" then "="
WORD_CHARS = frozenset(string.ascii_letters + string.digits + "_.-/*")
SPACE = " \t\r\n"


class Token(NamedTuple):
    kind: str  # WORD, STRING, OP, LPAREN, RPAREN, AND, OR, NOT
    value: str  # a STRING's value is its text without quotes or escapes
    position: int  # index of the token's first character


class TokenError(ValueError):
    def __init__(self, position: int, problem: str):
        self.position = position
        super().__init__(f"position {position}: {problem}")


def tokenise(text: str) -> list[Token]:
    tokens, i = [], 0
    while i < len(text):
        c = text[i]
        if c in SPACE:
            i += 1
        elif c in "()":
            tokens.append(Token("LPAREN" if c == "(" else "RPAREN", c, i))
            i += 1
        elif op := next((op for op in OPERATORS if text.startswith(op, i)), None):
            tokens.append(Token("OP", op, i))
            i += len(op)
        elif c == '"':
            value, end = _string(text, i)
            tokens.append(Token("STRING", value, i))
            i = end
        elif c in WORD_CHARS:
            end = i
            while end < len(text) and text[end] in WORD_CHARS:
                end += 1
            word = text[i:end]
            tokens.append(Token(word if word in KEYWORDS else "WORD", word, i))
            i = end
        else:
            raise TokenError(i, f"unexpected character {c!r}")
    return tokens


def _string(text: str, start: int) -> tuple[str, int]:
    """The value of the quoted string opening at `start`, and the index just after its closing quote."""
    value, j = [], start + 1
    while j < len(text):
        c = text[j]
        if c == '"':
            return "".join(value), j + 1
        if c == "\\":
            if j + 1 == len(text) or text[j + 1] not in '"\\':
                raise TokenError(j, 'a backslash may only escape " or \\')
            value.append(text[j + 1])
            j += 2
        else:
            value.append(c)
            j += 1
    raise TokenError(start, "unterminated string")
