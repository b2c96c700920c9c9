"""Row-level cues: phrases that make a whole row sensitive, with the contexts that cancel them.

The knowledge is data (``redactkit/lang/<locale>/sensitivity.yaml``, format in
docs/concepts/sensitivity.md): cue classes (``sexual``, ``self_harm``, ``violence``, ...) each with
a level and phrase patterns; negative phrases ("kill the lights", "dying to see") that cancel a cue
they overlap; and media contexts ("play ...", "... the movie", known titles) that mark a cue as a
title someone asks for rather than something that happens.

Patterns are lowercase words; ``(a|b c|)`` is a choice between alternatives (an empty one makes the
group optional) and ``*`` stands for any one word. Apostrophes are ignored on both sides, so
``i'm`` matches "im" and "i'm".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from ..lang import load_locale
from ..lang.phrases import expand_phrase
from ..lang.tokens import tokenize
from ._levels import Sensitivity, parse_level

__all__ = ["CueClass", "CueMatcher", "cue_matcher", "expand_pattern"]

_WILDCARD = "*"


def _norm(word: str) -> str:
    return word.replace("'", "").replace("\u2019", "")


def expand_pattern(pattern: str) -> list[tuple[str, ...]]:
    """Every word sequence a pattern stands for (``"i (want|wanna) to die"`` -> two phrases): the
    locale's phrase-pattern notation (:func:`redactkit.lang.phrases.expand_phrase`), apostrophes
    dropped."""
    expanded = expand_phrase(pattern)  # (in order, without repeats)
    if "'" not in pattern and "\u2019" not in pattern:
        return expanded  # no word with an apostrophe: every word is its own _norm
    return list(dict.fromkeys(tuple(_norm(word) for word in phrase) for phrase in expanded))


@dataclass(frozen=True)
class CueClass:
    """One kind of row-level cue and the level it gives a row."""

    name: str
    level: Sensitivity
    description: str
    patterns: tuple[str, ...] = field(repr=False)
    #: whether a media context ("play ...", "... the movie") cancels the cue; known titles always do
    media: bool = True


class _PhraseIndex:
    """A word trie of phrases; ``*`` matches any one word (never first). Matching walks the trie from
    every word, so its cost grows with the text, not with the number of phrases."""

    _END = "\0"

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}

    def add(self, phrase: tuple[str, ...], tag: str, where: str) -> None:
        if phrase[0] == _WILDCARD:
            raise ValueError(f"{where}: a pattern may not start with * ({' '.join(phrase)!r})")
        node = self._root
        for word in phrase:
            child = node.get(word)
            if child is None:
                child = node[word] = {}
            node = child
        tags = node.setdefault(self._END, [])
        if tag not in tags:
            tags.append(tag)

    def first_words(self) -> frozenset[str]:
        return frozenset(self._root)

    def matches(self, words: Sequence[str]) -> list[tuple[int, int, str]]:
        """``(first word, end word, tag)`` of every phrase occurrence."""
        found: list[tuple[int, int, str]] = []
        count = len(words)
        for index in range(count):
            start = self._root.get(words[index])
            if start is None:
                continue
            frontier = [start]
            position = index + 1
            while frontier:
                for node in frontier:
                    for tag in node.get(self._END, ()):
                        found.append((index, position, tag))
                if position >= count:
                    break
                word = words[position]
                step = []
                for node in frontier:
                    following = node.get(word)
                    if following is not None:
                        step.append(following)
                    wildcard = node.get(_WILDCARD)
                    if wildcard is not None:
                        step.append(wildcard)
                frontier = step
                position += 1
        return found


class CueMatcher:
    """Finds the cue classes of a text (see the module docstring)."""

    def __init__(self, tables: Mapping[str, Any], where: str) -> None:
        classes = tables.get("classes")
        if not isinstance(classes, Mapping) or not classes:
            raise ValueError(f"{where}: needs `classes:`, a mapping of cue classes")
        self.classes: dict[str, CueClass] = {}
        self._cues = _PhraseIndex()
        for name, block in classes.items():
            if not isinstance(block, Mapping) or not isinstance(block.get("patterns"), list):
                raise ValueError(f"{where}: classes.{name} needs level, description and patterns")
            level = parse_level(block.get("level"), key=f"{where}: classes.{name}.level")
            patterns = tuple(str(item) for item in block["patterns"])
            media = block.get("media", True)
            if not isinstance(media, bool):
                raise ValueError(f"{where}: classes.{name}.media must be true or false")
            self.classes[str(name)] = CueClass(
                str(name), level, str(block.get("description", "")), patterns, media
            )
            for pattern in patterns:
                for phrase in expand_pattern(pattern):
                    self._cues.add(phrase, str(name), f"{where}: classes.{name}")
        self._negatives = _PhraseIndex()
        for pattern in _strings(tables.get("negatives", []), f"{where}: negatives"):
            for phrase in expand_pattern(pattern):
                self._negatives.add(phrase, "", f"{where}: negatives")
        media = tables.get("media", {}) or {}
        if not isinstance(media, Mapping):
            raise ValueError(f"{where}: media must be a mapping (verbs, nouns, titles, window)")
        for pattern in _strings(media.get("titles", []), f"{where}: media.titles"):
            for phrase in expand_pattern(pattern):
                self._negatives.add(phrase, "", f"{where}: media.titles")
        self._verbs = _PhraseIndex()
        for pattern in _strings(media.get("verbs", []), f"{where}: media.verbs"):
            for phrase in expand_pattern(pattern):
                self._verbs.add(phrase, "", f"{where}: media.verbs")
        self._nouns = frozenset(
            _norm(word) for word in _strings(media.get("nouns", []), f"{where}: media.nouns")
        )
        self._window = int(media.get("window", 6))
        self._first_words = self._cues.first_words()

    def find(self, text: str) -> set[str]:
        """The names of the cue classes found in ``text`` (cancelled cues left out)."""
        tokens = tokenize(text)
        if "'" not in text and "\u2019" not in text:  # (no apostrophe: every word is its own _norm)
            if self._first_words.isdisjoint(tokens.words):
                return set()
        elif not any(_norm(token.lower) in self._first_words for token in tokens):
            return set()
        words = [_norm(token.lower) for token in tokens if token.lower[0].isalnum()]
        cues = self._cues.matches(words)
        if not cues:
            return set()
        negatives = self._negatives.matches(words)
        verbs = self._verbs.matches(words)
        found: set[str] = set()
        for start, end, name in cues:
            if name in found:
                continue
            if any(n_start < end and start < n_end for n_start, n_end, _ in negatives):
                continue
            if self.classes[name].media and self._media(words, start, end, verbs):
                continue
            found.add(name)
        return found

    def _media(
        self, words: Sequence[str], start: int, end: int, verbs: Iterable[tuple[int, int, str]]
    ) -> bool:
        """Whether the cue is (part of) a title someone asks to play, watch or read."""
        if any(v_end <= start and start - v_end < self._window for _, v_end, _ in verbs):
            return True
        before = words[max(0, start - 3) : start]
        after = words[end : end + 2]
        return any(word in self._nouns for word in (*before, *after))

    def level_of(self, name: str) -> Sensitivity:
        return self.classes[name].level


def _strings(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ValueError(f"{where} must be a list of phrases")
    return value


@cache
def cue_matcher(locale: str) -> CueMatcher:
    """The cue matcher of ``locale`` (built once per process)."""
    resources = load_locale(locale).resources
    tables = resources.get("sensitivity")
    if tables is None:
        raise ValueError(
            f"locale {locale} has no sensitivity cues (redactkit/lang/{locale}/sensitivity.yaml)"
        )
    return CueMatcher(tables, f"redactkit/lang/{locale}/sensitivity.yaml")
