"""Words as the search index and the search worker see them: split, spelled one way, stemmed.

The worker (worker.js) applies the same rules to what a reader types; tests/unit/test_search_text.py runs
both on the whole vocabulary of the handbook and fails on any word they treat differently. Keep the two in
step: the rules are deliberately few and plain so that they can be read side by side.

- Split on anything that is not a letter or a digit, so "read-your-writes", "read your writes" and
  "read_your_writes" are the same three words, and "p99", "40001" and "zadd" stay whole.
- British spellings become American ones (normalisation -> normalization, behaviour -> behavior, centre ->
  center, modelling -> modeling, licence -> license), so either spelling finds both. A rule that also bends a
  word that is not British (promise -> promize) is harmless: index and query bend it alike.
- A hyphenated word is also indexed as one word ("fan-out" as "fanout"); the query side needs nothing more.
- A light stemmer folds plurals, -ing/-ed forms and -ization (writes, writing, written are not all folded: it is
  not a linguist, only enough to let "caches" find "cache" and "sharded" find "sharding").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_SPLIT = re.compile(r"[^a-z0-9]+")
_ISE = re.compile(r"(?<=[^aeiou])is(e|es|ed|ing|ation|ations|er|ers|able)$")
_YSE = re.compile(r"ys(e|es|ed|ing|er|ers)$")
_OUR = re.compile(r"(?<=[ilvbmn])our(s|ed|ing|al|able|ite|ites)?$")
_CENTRE = re.compile(r"(?<=[^aeiou])t(re)(s|d)?$")
_DOUBLE_L = re.compile(
    r"^(cancel|model|label|travel|signal|level|fuel|channel|tunnel|marshal|funnel|total|counsel)l(ed|ing|er|ers)$"
)
WORDS = {  # irregular British forms and plurals the rules do not reach
    "licence": "license",
    "licences": "licenses",
    "defence": "defense",
    "offence": "offense",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "dialogue": "dialog",
    "analogue": "analog",
    "grey": "gray",
    "indices": "index",
    "vertices": "vertex",
    "matrices": "matrix",
    "analyses": "analysis",
    "data": "data",
}


def fold(text: str) -> str:
    """Lower case without accents (Café -> cafe)."""
    text = unicodedata.normalize("NFKD", text.lower())
    # Look each distinct character up once: a section has thousands of characters but few distinct ones.
    marks = [ch for ch in set(text) if unicodedata.combining(ch)]
    return text.translate(dict.fromkeys(map(ord, marks))) if marks else text


def spell(word: str) -> str:
    """The American spelling of a lower-case word."""
    if word in WORDS:
        return WORDS[word]
    if len(word) >= 6:
        word = _ISE.sub(r"iz\1", word)
        word = _YSE.sub(r"yz\1", word)
        word = _OUR.sub(r"or\1", word)
    if len(word) >= 5:
        word = _CENTRE.sub(r"ter\2", word)
    return _DOUBLE_L.sub(r"\1\2", word)


def _undouble(word: str) -> str:
    if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "aeioulsz":
        return word[:-1]
    return word


def stem(word: str) -> str:
    """Fold plurals, -ing, -ed and -ization; drop a final e ("cache", "caches" and "caching" become one term)."""
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ing") and len(word) >= 7:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and len(word) >= 6:
        word = _undouble(word[:-2])
    if word.endswith("ization") and len(word) >= 10:
        word = word[:-5] + "e"
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


@cache  # a build looks up each of a few thousand distinct words about fifty times
def term(word: str) -> str:
    """One word (already folded and split) as the index stores it."""
    return stem(spell(word))


def words(text: str) -> list[str]:
    """The folded words of a text, before spelling and stemming (used for highlighting)."""
    return [w for w in _SPLIT.split(fold(text)) if w]


def terms(text: str) -> list[str]:
    """The index terms of a text, in order."""
    return [term(w) for w in words(text)]


_COMPOUND = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def compounds(text: str) -> list[str]:
    """Hyphenated words written as one ("fan-out" -> "fanout"), so the one-word spelling finds them too."""
    return [term(match.replace("-", "")) for match in _COMPOUND.findall(fold(text))]
