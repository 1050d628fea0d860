"""A headline's words as the grouping compares them: folded (case, diacritics), stop words
dropped, affixes taken off, and the numbers and names of the text set apart, since two reports
of one event share its figures and its people and places far more than its verbs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from korantui.core.regex_cache import compiled
from korantui.core.stories.stopwords import STOP_WORDS

# A number keeps its decimal comma ("1,5 triliun") and loses its thousands dots ("1.500").
# A score ("2-1") is one number.
_TOKEN = compiled(r"\d+-\d+(?!\d)|\d+(?:[.,]\d+)*|[^\W\d_]+")
_ASCII_TOKEN = compiled(r"[a-z]+|\d+(?:[.,-]\d+)*")  # the same on ASCII text, twice as fast
_COMBINING = compiled(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
# A capitalised word after a word or a comma: not the first of a sentence or of a dateline's
# story ("Batam (ANTARA) - Hujan"), so a name.
_NAME = compiled(r"(?<=[^\W_]|,)\s+([A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*)")
_ASCII_NAME = compiled(r"(?<=[\w,])\s+([A-Z][a-zA-Z]*)")
_CAPITAL = compiled(r"\b[A-Z]")
_THOUSANDS = compiled(r"(?<=\d)\.(?=\d{3}(?!\d))")
_SUMMARY_CHARS = 600  # a summary's lead says what happened; its tail is background

_PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "pe", "ber",
             "be", "ter", "di", "ke", "se")  # fmt: skip
_SUFFIXES = ("nya", "lah", "kah", "pun", "kan", "an", "i")
# meN-/peN- drop the first consonant of the root: menembak is tembak, menyerang serang.
_NASAL_ROOT = {"meny": "s", "peny": "s", "mem": "p", "pem": "p", "men": "t", "pen": "t"}
_VOWELS = frozenset("aeiou")
_MIN_ROOT = 4

# Outlets write small numbers in words or in digits ("lima kilogram", "5 kg").
_DIGIT_WORDS = "nol satu dua tiga empat lima enam tujuh delapan sembilan sepuluh"
_NUMBER_WORDS = {w: str(n) for n, w in enumerate(_DIGIT_WORDS.split())}

_stems: dict[str, str] = {}


def fold(text: str) -> str:
    """Lower case without diacritics ("Kafé" is "kafe")."""
    if text.isascii():  # nearly every Indonesian headline: no decomposition to do
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def stem(word: str) -> str:
    """A light Indonesian stemmer: one particle or possessive, one derivational suffix, one
    prefix, never leaving a root under four letters (better "berita" than "rita")."""
    found = _stems.get(word)
    if found is not None:
        return found
    root = word
    # The prefix first: "ditahan" is "tahan" (the suffix first would leave "ditah").
    for prefix in _PREFIXES:
        if root.startswith(prefix) and len(root) - len(prefix) >= _MIN_ROOT - 1:
            rest = root[len(prefix) :]
            if prefix in _NASAL_ROOT and rest[0] in _VOWELS:
                rest = _NASAL_ROOT[prefix] + rest
            if len(rest) >= _MIN_ROOT:
                root = rest
            break
    for suffix in _SUFFIXES:
        if root.endswith(suffix) and len(root) - len(suffix) >= _MIN_ROOT:
            root = root[: -len(suffix)]
            if suffix in ("nya", "lah", "kah", "pun"):
                for derivational in ("kan", "an", "i"):
                    if root.endswith(derivational) and len(root) - len(derivational) >= _MIN_ROOT:
                        root = root[: -len(derivational)]
                        break
            break
    if len(_stems) > 200_000:  # a bound, not a cache policy: words repeat across refreshes
        _stems.clear()
    _stems[word] = root
    return root


def _number(token: str) -> str:
    return _THOUSANDS.sub("", token).replace(",", "_")


# token -> ("w", stem) a word, ("n", value) a number, None a stop word; words repeat, so each
# is classified once.
_kinds: dict[str, tuple[str, str] | None] = {}


def _kind(token: str) -> tuple[str, str] | None:
    if token[0].isdigit():
        return ("n", _number(token))
    if token in _NUMBER_WORDS:
        return ("n", _NUMBER_WORDS[token])
    if len(token) > 2 and token not in STOP_WORDS:
        return ("w", stem(token))
    return None


def _words(text: str) -> tuple[set[str], set[str]]:
    """(stems of the content words, numbers) of folded text."""
    stems: set[str] = set()
    numbers: set[str] = set()
    kinds = _kinds
    if len(kinds) > 200_000:  # a bound on what an odd feed can make it hold
        kinds.clear()
    tokens = (_ASCII_TOKEN if text.isascii() else _TOKEN).findall(text)
    for token in set(tokens):
        try:
            kind = kinds[token]
        except KeyError:
            kind = kinds[token] = _kind(token)
        if kind is not None:
            (stems if kind[0] == "w" else numbers).add(kind[1])
    return stems, numbers


def names(text: str, headline: bool = False) -> set[str]:
    """Capitalised words that do not open a sentence: people, places, bodies. A Title Case
    headline ("Banjir Rendam Batam Centre") capitalises everything and says nothing."""
    if headline and len(_CAPITAL.findall(text)) > 0.6 * (text.count(" ") + 1):
        return set()
    found: set[str] = set()
    for word in set((_ASCII_NAME if text.isascii() else _NAME).findall(text)):
        kind = _kinds.get(word.lower())
        if kind is None:
            kind = _kind(fold(word))
        if kind is not None and kind[0] == "w":
            found.add(kind[1])
    return found


@dataclass(slots=True)
class Terms:
    """What a headline says, in the grouping's words."""

    title: frozenset[str]
    title_numbers: frozenset[str]
    body: frozenset[str]  # the summary's lead, without the title's words
    numbers: frozenset[str]
    names: frozenset[str]

    @property
    def words(self) -> frozenset[str]:
        return self.title | self.body

    def dump(self) -> str:
        """One line for the store (story_members.terms); load() reads it back."""
        parts = (self.title, self.title_numbers, self.body, self.numbers, self.names)
        return "|".join(" ".join(sorted(part)) for part in parts)

    @classmethod
    def load(cls, line: str) -> Terms | None:
        parts = line.split("|")
        if len(parts) != 5:
            return None
        return cls(*(frozenset(p.split()) for p in parts))


def terms(title: str, summary: str) -> Terms:
    lead = summary[:_SUMMARY_CHARS]
    title_stems, title_numbers = _words(fold(title))
    body_stems, body_numbers = _words(fold(lead))
    title_set = frozenset(title_stems)
    return Terms(
        title=title_set,
        title_numbers=frozenset(title_numbers),
        body=frozenset(body_stems - title_stems),
        numbers=frozenset(title_numbers | body_numbers),
        names=frozenset(names(title, headline=True) | names(lead)),
    )
