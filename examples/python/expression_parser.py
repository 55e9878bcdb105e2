"""A tokenizer and a recursive-descent parser for arithmetic with variables.

"Evaluate a pricing rule like `base * (1 + tax) - discount` from a config file" (never with eval()). Grammar,
one function per rule, lowest precedence first:

    expr   := term (("+" | "-") term)*
    term   := unary (("*" | "/") unary)*
    unary  := "-" unary | power
    power  := atom ("^" unary)?          right-associative: 2^3^2 = 2^9
    atom   := NUMBER | NAME | "(" expr ")"

The `(... )*` loops make + - * / left-associative (8 - 3 - 2 = 3). Tokenizing and parsing are O(n) time and
O(n) space (the token list); the recursion depth grows with nesting ("((((1))))", "----1"), so the parser caps
it and raises a ParseError instead of letting hostile input hit Python's RecursionError.
"""

import re
from dataclasses import dataclass

TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d+)?)|([A-Za-z_]\w*)|(\S))")
MAX_DEPTH = 100  # each level costs about 5 Python frames; the default recursion limit is 1,000


@dataclass
class Token:
    kind: str  # "num", "name", "op", "end"
    text: str
    pos: int


class ParseError(ValueError):
    pass


def tokenize(src: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if m is None:  # only trailing whitespace is left
            break
        num, name, op = m.groups()
        start = m.start(m.lastindex)
        if num is not None:
            tokens.append(Token("num", num, start))
        elif name is not None:
            tokens.append(Token("name", name, start))
        elif op in "+-*/^()":
            tokens.append(Token("op", op, start))
        else:
            raise ParseError(f"unexpected character {op!r} at {start}")
        pos = m.end()
    tokens.append(Token("end", "", len(src)))
    return tokens


class Parser:
    def __init__(self, src: str, env: dict[str, float]) -> None:
        self.tokens = tokenize(src)
        self.i = 0
        self.env = env
        self.depth = 0

    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self, text: str | None = None) -> Token:
        tok = self.tokens[self.i]
        if text is not None and tok.text != text:
            found = tok.text or "end of input"
            raise ParseError(f"expected {text!r} at {tok.pos}, found {found!r}")
        self.i += 1
        return tok

    def parse(self) -> float:
        value = self.expr()
        if self.peek().kind != "end":
            tok = self.peek()
            raise ParseError(f"unexpected {tok.text!r} at {tok.pos}")
        return value

    def expr(self) -> float:
        value = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value

    def term(self) -> float:
        value = self.unary()
        while self.peek().text in ("*", "/"):
            op = self.take()
            rhs = self.unary()
            if op.text == "/" and rhs == 0:
                raise ZeroDivisionError(f"division by zero at {op.pos}")
            value = value * rhs if op.text == "*" else value / rhs
        return value

    def nest(self, tok: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ParseError(f"nesting deeper than {MAX_DEPTH} at {tok.pos}")

    def unary(self) -> float:
        if self.peek().text == "-":
            self.nest(self.take())
            value = -self.unary()
            self.depth -= 1
            return value
        return self.power()

    def power(self) -> float:
        base = self.atom()
        if self.peek().text == "^":
            self.nest(self.take())
            value = base ** self.unary()  # recursing (not looping) makes ^ right-associative
            self.depth -= 1
            return value
        return base

    def atom(self) -> float:
        tok = self.take()
        if tok.kind == "num":
            return float(tok.text)
        if tok.kind == "name":
            if tok.text not in self.env:
                raise ParseError(f"unknown variable {tok.text!r} at {tok.pos}")
            return self.env[tok.text]
        if tok.text == "(":
            self.nest(tok)
            value = self.expr()
            self.take(")")
            self.depth -= 1
            return value
        found = tok.text or "end of input"
        raise ParseError(f"expected a number, a name or '(' at {tok.pos}, found {found!r}")


def evaluate(src: str, env: dict[str, float] | None = None) -> float:
    return Parser(src, env or {}).parse()


if __name__ == "__main__":
    assert evaluate("1 + 2 * 3") == 7  # precedence
    assert evaluate("(1 + 2) * 3") == 9
    assert evaluate("8 - 3 - 2") == 3  # left-associative
    assert evaluate("2 ^ 3 ^ 2") == 512  # right-associative
    assert evaluate("-2 ^ 2") == -4  # unary minus binds looser than ^, as in maths and Python
    assert evaluate("--3") == 3
    assert evaluate("base * (1 + tax) - discount", {"base": 100, "tax": 0.2, "discount": 15}) == 105
    assert evaluate("  42  ") == 42

    def fails(src: str, message: str, error: type[Exception] = ParseError) -> None:
        try:
            evaluate(src)
        except error as err:
            assert str(err) == message, str(err)
        else:
            raise AssertionError(f"{src!r} must fail")

    fails("", "expected a number, a name or '(' at 0, found 'end of input'")  # empty input
    fails("1 +", "expected a number, a name or '(' at 3, found 'end of input'")
    fails("(1 + 2", "expected ')' at 6, found 'end of input'")
    fails("1 2", "unexpected '2' at 2")
    fails("2 $ 3", "unexpected character '$' at 2")
    fails("price * 2", "unknown variable 'price' at 0")
    fails("1 / (2 - 2)", "division by zero at 2", ZeroDivisionError)
    fails("(" * 500 + "1" + ")" * 500, "nesting deeper than 100 at 100")
    fails("-" * 500 + "1", "nesting deeper than 100 at 100")
    fails("1^" * 500 + "1", "nesting deeper than 100 at 201")
    assert evaluate("(" * 100 + "1" + ")" * 100) == 1  # the limit itself is fine

    # randomized, against Python's own arithmetic on Fractions: random integer expressions with + - * /,
    # unary minus, parentheses and random spacing, generated from the grammar above (Python's grammar gives
    # + - * / and unary minus the same precedence and associativity). The same text with every number wrapped in
    # Fraction(...) is evaluated exactly by eval() (safe here: we generated it); the parser's floats must agree
    # to 1e-9. Division by an exact zero must raise ZeroDivisionError in both; to keep that comparison exact, a
    # divisor that is zero may only contain + - * of integers (float arithmetic on small integers is exact).
    import math
    import random
    from fractions import Fraction

    rng = random.Random(47)

    def exact(src: str) -> Fraction:
        return eval(re.sub(r"\d+", r"Fraction(\g<0>)", src), {"Fraction": Fraction, "__builtins__": {}})  # noqa: S307

    def is_zero(src: str) -> bool:
        try:
            return exact(src) == 0
        except ZeroDivisionError:  # an inner division by an integer-only zero: raises in both, keep it
            return False

    def gen_expr(depth: int) -> str:
        out = gen_term(depth)
        for _ in range(rng.choice([0, 0, 1, 2])):
            out += rng.choice(["+", " + ", "-", " - "]) + gen_term(depth)
        return out

    def gen_term(depth: int) -> str:
        out = gen_unary(depth)
        for _ in range(rng.choice([0, 0, 1, 2])):
            op = rng.choice(["*", " * ", "/", " / "])
            divisor = gen_unary(depth)
            while "/" in op and "/" in divisor and is_zero(divisor):
                divisor = gen_unary(depth)
            out += op + divisor
        return out

    def gen_unary(depth: int) -> str:
        roll = rng.random()
        if roll < 0.15:
            return "-" + gen_unary(depth)
        if roll < 0.4 and depth > 0:
            return "(" + gen_expr(depth - 1) + ")"
        return str(rng.randint(0, 12))

    zero_divisions = 0
    for _ in range(500):
        src = gen_expr(rng.randint(0, 3))
        try:
            expected = exact(src)
        except ZeroDivisionError:
            zero_divisions += 1
            try:
                evaluate(src)
            except ZeroDivisionError:
                continue
            raise AssertionError(f"{src!r} divides by zero") from None
        assert math.isclose(evaluate(src), expected, rel_tol=1e-9, abs_tol=1e-9), (src, expected)
    assert zero_divisions > 0  # the zero-division path was exercised too
    print(
        "base * (1 + tax) - discount =",
        evaluate("base * (1 + tax) - discount", {"base": 100, "tax": 0.2, "discount": 15}),
    )
