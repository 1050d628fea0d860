"""The headlines grouping compares a new one with: an inverted index of their words, so a new
headline meets only the few stored ones that share its rarest words (never every stored one).

A story is the id of its first headline; a new headline joins the story of the indexed
headline it matches best, unless that story already holds a headline of its own feed (two
items of one feed are two articles, and a chain of "similar to the last one" would drift).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from korantui.core.stories.match import DEFAULT, WINDOW_SECONDS, Weights, score
from korantui.core.stories.text import Terms

_PROBES = 5  # a new headline looks up its rarest words, this many
_MAX_POSTING = 50  # a word this common finds no story on its own: it is not looked up
_CANDIDATES = 12  # and is scored against the indexed ones that share the most of them
_MIN_DOCS = 50  # idf over fewer headlines than this would make every word rare


@dataclass(slots=True)
class Doc:
    id: int
    feed_id: int
    at: float  # seconds since the epoch: the headline's date, else when it was first seen
    terms: Terms
    story: int = 0
    keys: frozenset[str] = frozenset()  # what it is indexed under (StoryIndex.keys_of)


@dataclass(slots=True)
class StoryIndex:
    weights: Weights = DEFAULT
    docs: dict[int, Doc] = field(default_factory=dict)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    stories: dict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    newest_id: int = 0  # the highest headline id indexed
    # idf of the words met since begin(): a word's rarity barely moves within one refresh.
    _idf: dict[str, float] = field(default_factory=dict)
    _masses: dict[int, tuple[float, float]] = field(default_factory=dict)  # id(Terms) -> masses

    def __len__(self) -> int:
        return len(self.docs)

    def begin(self) -> None:
        """Before a refresh's headlines are grouped: words' rarity is counted again."""
        self._idf.clear()
        self._masses.clear()

    def idf(self, term: str) -> float:
        value = self._idf.get(term)
        if value is None:
            found = self.postings.get(term)
            count = len(found) if found else 0
            value = math.log((max(len(self.docs), _MIN_DOCS) + 1) / (count + 1))
            self._idf[term] = value
        return value

    def masses(self, terms: Terms) -> tuple[float, float]:
        """(idf mass of its words, of its title's words and numbers), once per refresh."""
        found = self._masses.get(id(terms))
        if found is None:
            idf = self.idf
            found = (
                sum(idf(t) for t in terms.words),
                sum(idf(t) for t in terms.title) + sum(idf("#" + n) for n in terms.title_numbers),
            )
            self._masses[id(terms)] = found
        return found

    @staticmethod
    def keys_of(terms: Terms) -> frozenset[str]:
        return terms.title | terms.body | {"#" + n for n in terms.numbers}

    def add(self, doc: Doc) -> None:
        """Index a headline whose story is known (doc.story)."""
        if doc.id in self.docs:
            return
        if not doc.keys:
            doc.keys = self.keys_of(doc.terms)
        self.docs[doc.id] = doc
        for key in doc.keys:
            self.postings[key].append(doc.id)
        self.stories[doc.story].append(doc.id)
        self.newest_id = max(self.newest_id, doc.id)

    def candidates(self, doc: Doc) -> list[int]:
        """Indexed headlines of other feeds, within the window, that share two or more of its
        rarest words: the few that share the most, best first."""
        postings = self.postings
        lengths = {k: len(postings[k]) for k in doc.keys if k in postings}
        probes = sorted(
            (k for k, n in lengths.items() if n <= _MAX_POSTING), key=lengths.__getitem__
        )
        hits: dict[int, int] = {}
        for key in probes[:_PROBES]:
            for i in postings[key]:
                hits[i] = hits.get(i, 0) + 1
        docs = self.docs
        # One rare word in common is chance (a name in two stories); a retold story shares more.
        near = [
            i
            for i, n in hits.items()
            if n >= 2
            and docs[i].feed_id != doc.feed_id
            and abs(docs[i].at - doc.at) <= WINDOW_SECONDS
        ]
        near.sort(key=hits.__getitem__, reverse=True)
        return near[:_CANDIDATES]

    def story_for(self, doc: Doc) -> int:
        """The story a new headline belongs to: an indexed one's, or its own id."""
        best, best_score = doc.id, self.weights.threshold
        for i in self.candidates(doc):
            other = self.docs[i]
            if any(self.docs[m].feed_id == doc.feed_id for m in self.stories[other.story]):
                continue
            s = score(
                doc.terms, other.terms, self.idf, self.weights, doc.at - other.at, self.masses
            )
            if s >= best_score:
                best, best_score = other.story, s
        return best

    def group(self, doc: Doc) -> int:
        """Give a new headline its story and index it; the story's id."""
        doc.keys = self.keys_of(doc.terms)
        doc.story = self.story_for(doc)
        self.add(doc)
        return doc.story

    def forget_before(self, at: float) -> None:
        """Drop headlines older than at: no new one can match them any more."""
        old = [d for d in self.docs.values() if d.at < at]
        if not old:
            return
        gone = {d.id for d in old}
        for d in old:
            del self.docs[d.id]
        for key in list(self.postings):
            kept = [i for i in self.postings[key] if i not in gone]
            if kept:
                self.postings[key] = kept
            else:
                del self.postings[key]
        for story in list(self.stories):
            kept = [i for i in self.stories[story] if i not in gone]
            if kept:
                self.stories[story] = kept
            else:
                del self.stories[story]
