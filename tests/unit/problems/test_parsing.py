"""Parsing problems: the page's examples, edge cases, and each solution against a reference on seeded inputs."""

from __future__ import annotations

import random
import re

import pytest

from tests.support.problem_solutions import each_seed, solution

duration = solution("parse_duration")
glob = solution("glob_match")
tokens = solution("query_tokenizer")
rules = solution("flag_rules")
resp = solution("resp_decoder")


# parse duration ------------------------------------------------------------------------------------------------
def test_duration_examples():
    assert duration.parse_duration("1h30m") == 5_400_000
    assert duration.parse_duration("250ms") == 250
    assert duration.parse_duration("2d4h1s") == 187_201_000
    with pytest.raises(ValueError, match="position 3"):
        duration.parse_duration("5m1h")


def test_duration_edge_cases():
    assert duration.parse_duration("0s") == 0 and duration.parse_duration("90m") == 5_400_000
    assert duration.parse_duration("1m5ms") == 60_005
    for bad in ["", "h", "1", "1x", "1h1h", "1.5h", "1h 30m", "²s", "-1s"]:
        with pytest.raises(ValueError):
            duration.parse_duration(bad)


REFERENCE = re.compile(r"(?:([0-9]+)d)?(?:([0-9]+)h)?(?:([0-9]+)m(?!s))?(?:([0-9]+)s)?(?:([0-9]+)ms)?")


@each_seed
def test_duration_matches_a_regular_expression(seed):
    rng = random.Random(seed)
    for _ in range(20):
        text = "".join(rng.choice("0129dhmsms") for _ in range(rng.randint(0, 8)))
        found = REFERENCE.fullmatch(text)
        if text and found:
            factors = (86_400_000, 3_600_000, 60_000, 1_000, 1)
            expected = sum(int(g) * f for g, f in zip(found.groups(), factors, strict=True) if g is not None)
            assert duration.parse_duration(text) == expected, text
        else:
            with pytest.raises(ValueError):
                duration.parse_duration(text)


# glob match ----------------------------------------------------------------------------------------------------
def test_glob_examples():
    assert glob.glob_match("logs/*/app-?.log", "logs/2026-12-07/app-1.log")
    assert not glob.glob_match("logs/*.log", "logs/web/app.log")  # * stays within one segment
    assert glob.glob_match("logs/**/*.log", "logs/web/eu/app.log")
    assert glob.glob_match("logs/**/*.log", "logs/app.log")  # ** may match no segment


def test_glob_edge_cases():
    assert glob.glob_match("**", "") and glob.glob_match("**", "a/b/c")
    assert glob.glob_match("", "") and not glob.glob_match("", "a")
    assert glob.glob_match("a**b", "axxb") and not glob.glob_match("a**b", "a/b")  # ** inside a segment is *
    assert not glob.glob_match("?", "")
    long = "/".join("ab" for _ in range(200))
    assert glob.glob_match("**/" + "/".join("*" for _ in range(100)), long)


def brute_glob(pattern: str, path: str) -> bool:
    def segment(p: str, s: str) -> bool:
        regex = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in p)
        return re.fullmatch(regex, s, re.DOTALL) is not None

    def walk(ps: list[str], ss: list[str]) -> bool:
        if not ps:
            return not ss
        if ps[0] == "**":
            return any(walk(ps[1:], ss[i:]) for i in range(len(ss) + 1))
        return bool(ss) and segment(ps[0], ss[0]) and walk(ps[1:], ss[1:])

    return walk(pattern.split("/"), path.split("/"))


@each_seed
def test_glob_matches_backtracking(seed):
    rng = random.Random(seed)
    for _ in range(10):
        pattern = "/".join(rng.choice(["**", "*", "a*", "?b", "ab", "*b*", "a"]) for _ in range(rng.randint(1, 4)))
        path = "/".join("".join(rng.choice("ab") for _ in range(rng.randint(0, 3))) for _ in range(rng.randint(1, 4)))
        assert glob.glob_match(pattern, path) == brute_glob(pattern, path), (pattern, path)


# query tokenizer -----------------------------------------------------------------------------------------------
def test_tokenizer_examples():
    got = tokens.tokenise('status>=500 AND (path:"/api v1" OR NOT method:GET)')
    assert [(t.kind, t.value) for t in got] == [
        ("WORD", "status"), ("OP", ">="), ("WORD", "500"), ("AND", "AND"), ("LPAREN", "("),
        ("WORD", "path"), ("OP", ":"), ("STRING", "/api v1"), ("OR", "OR"), ("NOT", "NOT"),
        ("WORD", "method"), ("OP", ":"), ("WORD", "GET"), ("RPAREN", ")"),
    ]  # fmt: skip
    assert [t.position for t in got][:4] == [0, 6, 8, 12]
    with pytest.raises(tokens.TokenError) as caught:
        tokens.tokenise('msg:"timeout')
    assert caught.value.position == 4


def test_tokenizer_edge_cases():
    assert tokens.tokenise("") == [] and tokens.tokenise("  \t") == []
    assert tokens.tokenise(r'"say \"hi\" \\"')[0].value == 'say "hi" \\'
    assert [t.kind for t in tokens.tokenise("and Or NOT")] == ["WORD", "WORD", "NOT"]  # keywords are upper case
    for bad, position in [("a ! b", 2), ('"\\n"', 1), ("x#", 1)]:
        with pytest.raises(tokens.TokenError) as caught:
            tokens.tokenise(bad)
        assert caught.value.position == position


def render(kind: str, value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"' if kind == "STRING" else value


@each_seed
def test_tokenizer_reads_back_what_was_written(seed):
    rng = random.Random(seed)
    wordy = {"WORD", "AND", "OR", "NOT"}
    expected, text = [], ""
    previous = None
    for _ in range(rng.randint(0, 10)):
        kind = rng.choice(["WORD", "STRING", "OP", "LPAREN", "RPAREN", "AND", "OR", "NOT"])
        value = {
            "WORD": "".join(rng.choice("ab9_.-/*") for _ in range(rng.randint(1, 4))),
            "STRING": "".join(rng.choice('a "\\(:') for _ in range(rng.randint(0, 4))),
            "OP": rng.choice(tokens.OPERATORS),
            "LPAREN": "(",
            "RPAREN": ")",
        }.get(kind, kind)
        glued = previous is not None and ({previous, kind} <= wordy or previous == kind == "OP")
        text += rng.choice([" ", "\t", "  "]) if glued or rng.random() < 0.5 else ""
        expected.append((kind, value, len(text)))
        text += render(kind, value)
        previous = kind
    assert [tuple(t) for t in tokens.tokenise(text)] == expected, text


# flag rules ----------------------------------------------------------------------------------------------------
def test_rules_examples():
    rule = rules.parse("beta AND (eu OR NOT internal)")
    assert rule == ("and", ("flag", "beta"), ("or", ("flag", "eu"), ("not", ("flag", "internal"))))
    assert rules.evaluate(rule, {"beta", "eu", "internal"})
    assert not rules.evaluate(rule, {"beta", "internal"})
    assert rules.parse("a OR b AND c") == ("or", ("flag", "a"), ("and", ("flag", "b"), ("flag", "c")))


def test_rules_edge_cases():
    assert rules.parse("NOT NOT x") == ("not", ("not", ("flag", "x")))
    assert rules.parse("a AND b AND c") == ("and", ("and", ("flag", "a"), ("flag", "b")), ("flag", "c"))
    for bad, position in [("", 0), ("a AND", 5), ("(a", 2), ("a b", 2), ("Beta", 0), ("a & b", 2), ("a)", 1)]:
        with pytest.raises(rules.RuleError) as caught:
            rules.parse(bad)
        assert caught.value.position == position, bad


PRECEDENCE = {"or": 1, "and": 2, "not": 3, "flag": 4}


def random_rule(rng: random.Random, depth: int):
    if depth == 0 or rng.random() < 0.3:
        return ("flag", rng.choice(["a", "b", "c", "d-1"]))
    kind = rng.choice(["not", "and", "or"])
    if kind == "not":
        return ("not", random_rule(rng, depth - 1))
    return (kind, random_rule(rng, depth - 1), random_rule(rng, depth - 1))


def written(tree, rng: random.Random) -> str:
    """The rule with only the parentheses it needs (and, at random, a few it does not)."""

    def wrap(child, needed: bool) -> str:
        text = written(child, rng)
        return f"({text})" if needed or rng.random() < 0.1 else text

    kind = tree[0]
    if kind == "flag":
        return tree[1]
    if kind == "not":
        return "NOT " + wrap(tree[1], PRECEDENCE[tree[1][0]] < PRECEDENCE["not"])
    left = wrap(tree[1], PRECEDENCE[tree[1][0]] < PRECEDENCE[kind])
    right = wrap(tree[2], PRECEDENCE[tree[2][0]] <= PRECEDENCE[kind])  # left-associative
    return f"{left} {kind.upper()} {right}"


def python_value(tree, flags: set[str]) -> bool:
    text = re.sub(r"[a-z]+(?:-1)?", lambda m: f"('{m.group()}' in flags)", written(tree, random.Random(0)))
    text = text.replace("AND", "and").replace("OR", "or").replace("NOT", "not")
    return eval(text, {"flags": flags})  # noqa: S307 - the text is built by the test from a fixed alphabet


@each_seed
def test_rules_parse_back_and_agree_with_python(seed):
    rng = random.Random(seed)
    tree = random_rule(rng, 4)
    assert rules.parse(written(tree, rng)) == tree
    flags = {f for f in ["a", "b", "c", "d-1"] if rng.random() < 0.5}
    assert rules.evaluate(tree, flags) == python_value(tree, flags)


# RESP decoder --------------------------------------------------------------------------------------------------
def encode(value) -> bytes:
    if value is None:
        return b"$-1\r\n"
    if isinstance(value, resp.Error):
        return b"-" + value.message.encode() + b"\r\n"
    if isinstance(value, str):
        return b"+" + value.encode() + b"\r\n"
    if isinstance(value, int):
        return b":%d\r\n" % value
    if isinstance(value, bytes):
        return b"$%d\r\n%s\r\n" % (len(value), value)
    return b"*%d\r\n" % len(value) + b"".join(encode(item) for item in value)


def test_resp_examples():
    decoder = resp.Decoder()
    assert decoder.feed(b"+OK\r\n:42\r\n$5\r\nhel") == ["OK", 42]
    assert decoder.feed(b"lo\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n-ERR no\r\n") == [
        b"hello",
        [b"GET", b"k"],
        resp.Error("ERR no"),
    ]


def test_resp_edge_cases():
    decoder = resp.Decoder()
    assert decoder.feed(b"") == [] and decoder.feed(b"$-1\r\n*-1\r\n*0\r\n$0\r\n\r\n") == [None, None, [], b""]
    assert decoder.feed(b"$4\r\na\r\nb\r\n") == [b"a\r\nb"]  # a bulk string may hold CRLF: its length says so
    assert decoder.feed(b":-7\r") == [] and decoder.feed(b"\n") == [-7]
    for bad in [b"?x\r\n", b":1.5\r\n", b"$3\r\nabcd\r\n", b"*-2\r\n", b"+a\nb\r\n"]:
        with pytest.raises(ValueError):
            resp.Decoder().feed(bad)


def random_value(rng: random.Random, depth: int):
    kind = rng.choice(["simple", "error", "int", "bulk", "null", "array"] if depth else ["simple", "int", "bulk"])
    if kind == "simple":
        return "".join(rng.choice("OK x") for _ in range(rng.randint(0, 4)))
    if kind == "error":
        return resp.Error("ERR " + rng.choice(["wrongtype", "no such key"]))
    if kind == "int":
        return rng.randint(-1000, 1000)
    if kind == "bulk":
        return bytes(rng.choice(b"ab\r\n$*") for _ in range(rng.randint(0, 6)))
    if kind == "null":
        return None
    return [random_value(rng, depth - 1) for _ in range(rng.randint(0, 3))]


@each_seed
def test_resp_decodes_any_split_of_encoded_values(seed):
    rng = random.Random(seed)
    values = [random_value(rng, 3) for _ in range(rng.randint(1, 5))]
    stream = b"".join(encode(v) for v in values)
    cuts = sorted(rng.sample(range(len(stream) + 1), min(len(stream) + 1, rng.randint(0, 6))))
    decoder, got, last = resp.Decoder(), [], 0
    for cut in [*cuts, len(stream)]:
        got += decoder.feed(stream[last:cut])
        last = cut
    assert got == values
