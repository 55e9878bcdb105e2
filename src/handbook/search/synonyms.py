"""Groups of words that mean the same thing to the search: every glossary abbreviation with its expansion
(docs/includes/abbreviations.md, the file behind the tooltips) and the extra groups of data/search-synonyms.yml.

Each group gets one concept term ("=2pc"). The index adds it wherever any phrase of the group occurs, and the
worker reads any phrase of the group in a query as that concept, so "2PC", "two-phase commit" and
"two phase commit" find the same sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.rendering.tables.glossary import ABBREVIATIONS, parse_abbreviations
from handbook.search.text import terms

SYNONYMS_FILE = "data/search-synonyms.yml"
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass(frozen=True)
class Group:
    concept: str  # the concept term, "=" + the first phrase's terms joined by "_"
    phrases: tuple[tuple[str, ...], ...]  # each phrase as index terms
    glossary: bool  # a glossary term: its defining page is boosted


def _group(phrases: list[str], glossary: bool) -> Group | None:
    as_terms = []
    for phrase in phrases:
        phrase_terms = tuple(terms(phrase))
        if phrase_terms and phrase_terms not in as_terms:
            as_terms.append(phrase_terms)
    if len(as_terms) < 2:
        return None
    return Group("=" + "_".join(as_terms[0]), tuple(as_terms), glossary)


def glossary_groups(text: str, source: str) -> list[Group]:
    groups = []
    for term, definition in parse_abbreviations(text, source):
        expansion = _PARENTHESIS.sub("", definition.partition(": ")[0])
        group = _group([term, expansion], glossary=True)
        if group:
            groups.append(group)
    return groups


def extra_groups(text: str, source: str) -> list[Group]:
    """The groups of the synonyms file: a YAML list of lists of phrases."""
    try:
        data = yaml.safe_load(text) or []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{source}:{mark.line + 1}" if mark else source
        raise ValueError(f"{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, list):
        raise ValueError(f"{source}: expected a list of groups, each a list of phrases (- [2PC, two-phase commit])")
    groups = []
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, list) or len(entry) < 2 or not all(isinstance(p, str | int) for p in entry):
            raise ValueError(f"{source}: group {number} ({entry!r}) must be a list of at least two phrases")
        group = _group([str(p) for p in entry], glossary=False)
        if group is None:
            raise ValueError(f"{source}: group {number} ({entry!r}) has fewer than two different phrases")
        groups.append(group)
    return groups


def load_groups(root: Path) -> list[Group]:
    """Glossary groups first, then the synonyms file's; a phrase in two groups keeps its first group."""
    groups = glossary_groups((root / "docs" / ABBREVIATIONS).read_text(encoding="utf-8"), f"docs/{ABBREVIATIONS}")
    extra = root / SYNONYMS_FILE
    if extra.is_file():
        groups += extra_groups(extra.read_text(encoding="utf-8"), SYNONYMS_FILE)
    return _merge(groups)


def _merge(groups: list[Group]) -> list[Group]:
    """Groups sharing a phrase become one (a synonyms-file group can extend a glossary term)."""
    merged: list[Group] = []
    owner: dict[tuple[str, ...], int] = {}
    for group in groups:
        index = next((owner[p] for p in group.phrases if p in owner), None)
        if index is None:
            owner.update({p: len(merged) for p in group.phrases})
            merged.append(group)
            continue
        first = merged[index]
        phrases = first.phrases + tuple(p for p in group.phrases if p not in first.phrases)
        merged[index] = Group(first.concept, phrases, first.glossary or group.glossary)
        owner.update({p: index for p in phrases})
    return merged
