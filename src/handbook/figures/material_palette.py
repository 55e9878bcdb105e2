"""The values Material's CSS variables take in the site's light and dark schemes, read from the installed theme.

A Mermaid SVG in a page is coloured by `var(--md-mermaid-…)`, which Material defines on the page's body from its
palette (`data-md-color-scheme`, `-primary`, `-accent`). An SVG shown as an `<img>` is a document of its own and
sees none of them, so a figure file must carry the values: this module reads Material's stylesheets, applies the
declarations that reach the body of a page in each scheme (in cascade order: `:root`, then the body's by
specificity and source order; `@media print` left out) and substitutes every `var()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from handbook.errors import FigureError

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECLARATION = re.compile(r"(--[\w-]+)\s*:\s*((?:[^;\"']|\"[^\"]*\"|'[^']*')*)")
_ATTRIBUTE = re.compile(r"\[([\w-]+)=\"?([\w-]+)\"?\]")
_NOT = re.compile(r":not\((\[[^\]]+\])\)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*(?:\([^()]*\)[^()]*)*))?\)")


@dataclass(frozen=True)
class Palette:
    """A scheme's colour options, as mkdocs.yml's `theme.palette` gives them."""

    scheme: str  # "default" or "slate"
    primary: str = "indigo"
    accent: str = "indigo"

    def attributes(self) -> dict[str, str]:
        return {
            "data-md-color-scheme": self.scheme,
            "data-md-color-primary": self.primary,
            "data-md-color-accent": self.accent,
        }


def palettes(theme_palette) -> tuple[Palette, Palette]:
    """The light and the dark Palette of mkdocs.yml's `theme.palette` (one mapping or a list of toggles)."""
    options = theme_palette if isinstance(theme_palette, list) else [theme_palette or {}]
    found = {}
    for option in options:
        scheme = option.get("scheme")
        if scheme in ("default", "slate") and scheme not in found:
            found[scheme] = Palette(scheme, option.get("primary", "indigo"), option.get("accent", "indigo"))
    return found.get("default", Palette("default")), found.get("slate", Palette("slate"))


def _rules(css: str):
    """(selector, body) of every rule with a body, outside `@media print`, in source order."""
    css = _COMMENT.sub("", css)
    stack: list[str] = []  # at-rule preludes enclosing the position
    start = 0
    for match in re.finditer(r"[{}]", css):
        if match.group(0) == "{":
            prelude = css[start : match.start()].strip()
            stack.append(prelude)
            start = match.end()
            continue
        if not stack:
            start = match.end()
            continue
        prelude = stack.pop()
        if not prelude.startswith("@") and not any(p.startswith("@media print") for p in stack):
            yield prelude, css[start : match.start()]
        start = match.end()


def _reaches(selector: str, attributes: dict[str, str]) -> tuple[int, int] | None:
    """(0 for the root, 1 for the body; specificity) when `selector` selects the page's root or its body."""
    selector = " ".join(selector.split())
    if selector in (":root", "html"):
        return (0, 1)
    if selector in ("body", ":root>*", ":root > *"):
        return (1, 1 if selector == "body" else 10)
    rest = selector
    specificity = 0
    for negated in _NOT.findall(rest):
        pair = _ATTRIBUTE.fullmatch(negated)
        if pair is None or attributes.get(pair.group(1)) == pair.group(2):
            return None
        specificity += 10
    rest = _NOT.sub("", rest)
    if rest.startswith("body"):
        rest, specificity = rest[4:], specificity + 1
    pairs = _ATTRIBUTE.findall(rest)
    if not pairs or _ATTRIBUTE.sub("", rest):
        return None  # anything else (a class, a descendant) is not the body
    if any(attributes.get(name) != value for name, value in pairs):
        return None
    return (1, specificity + 10 * len(pairs))


def declared(css_texts: list[str], palette: Palette) -> dict[str, str]:
    """Every custom property the body of a page in `palette` gets from these stylesheets, as written."""
    attributes = palette.attributes()
    ranked = []
    for order, (selectors, body) in enumerate(rule for css in css_texts for rule in _rules(css)):
        if "--" not in body:
            continue
        reach = [r for r in (_reaches(s, attributes) for s in selectors.split(",")) if r is not None]
        if reach:
            ranked.append((*max(reach), order, body))
    values: dict[str, str] = {}
    for *_, body in sorted(ranked, key=lambda item: item[:3]):
        for name, value in _DECLARATION.findall(body):
            values[name] = " ".join(value.split())
    return values


def resolve(values: dict[str, str], name: str, seen: tuple[str, ...] = ()) -> str | None:
    """The value of `name` with every `var()` substituted (its fallback when a variable is undefined)."""
    if name in seen or name not in values:
        return None
    text = values[name]
    for _ in range(20):  # nested fallbacks resolve from the inside out
        match = _VAR.search(text)
        if match is None:
            return text
        inner = resolve(values, match.group(1), (*seen, name))
        if inner is None:
            inner = match.group(2)
            if inner is None:
                return None
        text = text[: match.start()] + inner.strip() + text[match.end() :]
    return None


@cache
def material_stylesheets() -> tuple[str, ...]:
    """Material's main and palette stylesheets, from the installed theme."""
    import material

    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    found = sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))
    if len(found) != 2:
        raise FigureError(f"Material's stylesheets were not found in {folder}: check the pinned version")
    return tuple(path.read_text(encoding="utf-8") for path in found)


def scheme_values(palette: Palette, names, css_texts: tuple[str, ...] | None = None) -> dict[str, str]:
    """`names` (custom properties) resolved for a page in `palette`; an unknown name is an error."""
    values = declared(list(css_texts or material_stylesheets()), palette)
    out = {}
    for name in sorted(names):
        value = resolve(values, name)
        if value is None:
            raise FigureError(f"{name} has no value in Material's {palette.scheme} scheme: check the pinned version")
        out[name] = value
    return out
