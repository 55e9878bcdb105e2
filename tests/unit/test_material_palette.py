"""Material's CSS variables are resolved as the body of a page in each scheme sees them."""

from __future__ import annotations

import re

import pytest

from handbook.errors import FigureError
from handbook.figures.material_palette import Palette, declared, palettes, resolve, scheme_values
from handbook.figures.mermaid import material_theme_css

CSS = """
:root{--md-hue:225deg;--top:#111}
:root,[data-md-color-scheme=default]{--fg:hsla(var(--md-hue), 15%, 10%, 1);--bg:#fff}
/* a comment {with braces} */
:root>*{--edge:var(--fg);--font:var(--md-text-font, _), sans-serif}
@media screen{[data-md-color-scheme=slate]{--fg:hsla(var(--md-hue), 15%, 90%, 1);--bg:#222}}
@media print{[data-md-color-scheme=slate]{--bg:#fff}}
[data-md-color-scheme=slate][data-md-color-primary=indigo]{--link:#5488e8}
[data-md-color-primary=indigo]{--link:#4051b5}
[data-md-color-primary=indigo]:not([data-md-color-scheme=slate]){--strong:#000}
.md-typeset{--fg:red}
[data-md-color-accent=indigo]{--accent:#526cfe}
"""


def _values(scheme: str) -> dict[str, str]:
    values = declared([CSS], Palette(scheme))
    return {name: resolve(values, name) for name in values}


def test_light_values_come_from_the_root_and_the_default_scheme():
    light = _values("default")
    assert light["--edge"] == "hsla(225deg, 15%, 10%, 1)", "a var() is substituted where the body sees it"
    assert light["--bg"] == "#fff" and light["--top"] == "#111"
    assert light["--link"] == "#4051b5" and light["--strong"] == "#000" and light["--accent"] == "#526cfe"
    assert light["--font"] == "_, sans-serif", "an undefined variable takes its fallback"


def test_dark_values_override_by_scheme_and_specificity_but_not_from_print_or_other_elements():
    dark = _values("slate")
    assert dark["--edge"] == "hsla(225deg, 15%, 90%, 1)"
    assert dark["--bg"] == "#222", "@media print does not apply on screen"
    assert dark["--link"] == "#5488e8", "two attributes outrank one, whatever the source order"
    assert "--strong" not in dark, ":not(slate) keeps the rule from the dark scheme"


def test_a_variable_that_refers_to_itself_has_no_value():
    assert resolve({"--a": "var(--b)", "--b": "var(--a)"}, "--a") is None


def test_the_palettes_are_read_from_mkdocs_toggles():
    light, dark = palettes(
        [
            {"media": "(prefers-color-scheme)"},
            {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "teal", "accent": "red"},
            {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal"},
        ]
    )
    assert light == Palette("default", "teal", "red") and dark == Palette("slate", "teal", "indigo")
    assert palettes({"scheme": "slate"}) == (Palette("default"), Palette("slate"))


def test_every_variable_of_materials_mermaid_stylesheet_has_a_concrete_value_in_both_schemes():
    names = set(re.findall(r"--md-[\w-]+", material_theme_css()))
    light, dark = (scheme_values(Palette(scheme), names) for scheme in ("default", "slate"))
    assert set(light) == set(dark) == names
    assert not [v for v in [*light.values(), *dark.values()] if "var(" in v]
    assert light["--md-mermaid-label-bg-color"] != dark["--md-mermaid-label-bg-color"], "the schemes differ"
    with pytest.raises(FigureError, match="--md-no-such-thing has no value"):
        scheme_values(Palette("default"), {"--md-no-such-thing"})
