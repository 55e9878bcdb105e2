"""BM25 over a tiny corpus: an inverted index, then Okapi BM25 scoring as Lucene and Elasticsearch do it.

score(q, d) = sum over query terms t of  idf(t) * tf * (k1 + 1) / (tf + k1 * (1 - b + b * len(d) / avg_len))
idf(t)      = ln(1 + (N - df + 0.5) / (df + 0.5))           (Lucene's form: never negative)

k1 (default 1.2) caps how much repeating a term helps: the tf part tends to k1 + 1 however large tf grows.
b (default 0.75) sets how strongly a long document is penalised; b = 0 turns length normalisation off.
Plain TF-IDF (tf * ln(N / df)) has neither brake, which is why keyword stuffing fooled it.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

STOP_WORDS = {"a", "an", "and", "the", "of", "to", "in", "is", "for", "on", "with"}


def analyze(text: str) -> list[str]:
    """A toy analyzer: lowercase, split on anything that is not a letter or digit, drop stop words."""
    return [token for token in re.findall(r"[a-z0-9]+", text.lower()) if token not in STOP_WORDS]


class InvertedIndex:
    """term -> {doc_id: term frequency}, plus each document's length in tokens."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.postings: dict[str, dict[str, int]] = defaultdict(dict)
        self.length: dict[str, int] = {}
        for doc_id, text in docs.items():
            tokens = analyze(text)
            self.length[doc_id] = len(tokens)
            for term, tf in Counter(tokens).items():
                self.postings[term][doc_id] = tf
        self.n_docs = len(docs)
        self.avg_len = sum(self.length.values()) / self.n_docs

    def idf(self, term: str) -> float:
        df = len(self.postings.get(term, {}))
        return math.log(1 + (self.n_docs - df + 0.5) / (df + 0.5))

    def bm25(self, query: str, k1: float = 1.2, b: float = 0.75) -> list[tuple[str, float]]:
        """Documents matching any query term, best first (ties broken by doc id)."""
        scores: dict[str, float] = defaultdict(float)
        for term in analyze(query):
            idf = self.idf(term)
            for doc_id, tf in self.postings.get(term, {}).items():  # only the posting list is read
                norm = k1 * (1 - b + b * self.length[doc_id] / self.avg_len)
                scores[doc_id] += idf * tf * (k1 + 1) / (tf + norm)
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))

    def tf_idf(self, query: str) -> list[tuple[str, float]]:
        """Classic raw-count TF-IDF, for comparison: no saturation, no length normalisation."""
        scores: dict[str, float] = defaultdict(float)
        for term in analyze(query):
            postings = self.postings.get(term, {})
            if not postings:
                continue
            idf = math.log(self.n_docs / len(postings))
            for doc_id, tf in postings.items():
                scores[doc_id] += tf * idf
        return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


DOCS = {
    "d1": "Kafka consumer groups and offsets: how a consumer group splits partitions",
    "d2": "Kafka kafka kafka kafka kafka kafka kafka kafka",  # keyword stuffing
    "d3": "PostgreSQL streaming replication with a synchronous standby",
    "d4": "Redis replication is asynchronous",
    "d5": "Tuning PostgreSQL autovacuum for a write heavy table with many dead tuples and long transactions",
    "d6": "Cassandra compaction strategies",
}

index = InvertedIndex(DOCS)

# The inverted index: a query term leads straight to the documents that contain it.
assert index.postings["replication"] == {"d3": 1, "d4": 1}
assert index.postings["kafka"] == {"d1": 1, "d2": 8}
assert "with" not in index.postings  # removed by the analyzer, at index time and at query time alike

# Rare terms weigh more than common ones.
assert index.idf("cassandra") > index.idf("postgresql") > 0

# A document matching both query terms beats documents matching one.
ranking = [doc for doc, _ in index.bm25("postgresql replication")]
assert ranking[0] == "d3"
assert set(ranking) == {"d3", "d4", "d5"}

# Keyword stuffing: raw TF-IDF puts the stuffed d2 first; BM25's saturation puts the useful d1 first.
assert index.tf_idf("kafka consumer")[0][0] == "d2"
assert index.bm25("kafka consumer")[0][0] == "d1"

# Saturation: tf = 8 is worth far less than 8 times tf = 1, and never more than (k1 + 1) times idf.
one = InvertedIndex({"a": "redis", "b": "cache"})
eight = InvertedIndex({"a": "redis " * 8, "b": "cache " * 8})
score_1, score_8 = one.bm25("redis", b=0)[0][1], eight.bm25("redis", b=0)[0][1]
assert score_8 < 2 * score_1
assert score_8 < (1.2 + 1) * one.idf("redis")

# Length normalisation: same tf, the shorter document wins; with b = 0 they tie.
lengths = InvertedIndex({"short": "redis cluster", "long": "redis " + "filler " * 20, "other": "kafka"})
assert [doc for doc, _ in lengths.bm25("redis")] == ["short", "long"]
tied = lengths.bm25("redis", b=0)
assert math.isclose(tied[0][1], tied[1][1])

print("BM25 'kafka consumer':", [(doc, round(score, 3)) for doc, score in index.bm25("kafka consumer")])
print("TF-IDF 'kafka consumer':", [(doc, round(score, 3)) for doc, score in index.tf_idf("kafka consumer")])
