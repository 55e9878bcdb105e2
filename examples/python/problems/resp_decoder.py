"""Decode RESP frames from a byte stream: parse whole frames from a buffer, keep the unfinished tail.

A frame cut off by the end of the data raises `_Incomplete`; the decoder keeps those bytes and tries again
when more arrive. Time O(b) per `feed` for b buffered bytes, so a frame of F bytes delivered in c pieces is
parsed up to c times, O(F * c); a resumable state machine avoids that at the price of more code. Space O(b),
and O(depth) of Python stack for nested arrays.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_INTEGER = re.compile(rb"-?[0-9]+")


@dataclass(frozen=True)
class Error:
    """A RESP error reply (`-ERR ...`): a value, not an exception."""

    message: str


class _Incomplete(Exception):
    """The buffer ends inside a frame."""


class Decoder:
    def __init__(self) -> None:
        self._buffer = bytearray()

    def feed(self, data: bytes) -> list:
        """Add bytes; return every value completed by them, in order. ValueError on malformed input."""
        self._buffer += data
        values, start = [], 0
        while start < len(self._buffer):
            try:
                value, start_next = _value(self._buffer, start)
            except _Incomplete:
                break
            values.append(value)
            start = start_next
        del self._buffer[:start]
        return values


def _line(buffer: bytearray, start: int) -> tuple[bytes, int]:
    end = buffer.find(b"\r\n", start)
    if end == -1:
        raise _Incomplete
    line = bytes(buffer[start:end])
    if b"\r" in line or b"\n" in line:
        raise ValueError(f"byte {start}: a bare CR or LF inside a line")
    return line, end + 2


def _integer(line: bytes, start: int) -> int:
    if not _INTEGER.fullmatch(line):
        raise ValueError(f"byte {start}: {line!r} is not an integer")
    return int(line)


def _value(buffer: bytearray, start: int):
    """The value whose frame starts at `start`, and the index just after the frame."""
    if start >= len(buffer):
        raise _Incomplete
    kind = buffer[start : start + 1]
    line, after = _line(buffer, start + 1)
    if kind == b"+":
        return line.decode(), after
    if kind == b"-":
        return Error(line.decode()), after
    if kind == b":":
        return _integer(line, start + 1), after
    if kind in (b"$", b"*"):
        length = _integer(line, start + 1)
        if length == -1:
            return None, after  # the null bulk string or null array
        if length < 0:
            raise ValueError(f"byte {start + 1}: negative length {length}")
        if kind == b"*":
            items = []
            for _ in range(length):
                item, after = _value(buffer, after)
                items.append(item)
            return items, after
        if len(buffer) < after + length + 2:
            raise _Incomplete
        if buffer[after + length : after + length + 2] != b"\r\n":
            raise ValueError(f"byte {after + length}: a bulk string must end with CRLF")
        return bytes(buffer[after : after + length]), after + length + 2
    raise ValueError(f"byte {start}: unknown type {bytes(kind)!r}")
