"""The one phrase matcher of the rule detectors and normalizers (cue phrases and gazetteers), and the
span helpers around it.

A :class:`PhraseTable` holds lowercase phrases (word tuples) with a value each and finds the longest
one that ends (or starts) at a token, the question every cue lookup asks: "is there a cue right
before this word?", "does a name cue start here?". All tables are views of one matcher, a word trie
of every table's phrases: a position of a text is walked once, and the phrases found there (of all
tables) are kept on the text's :class:`~redactkit.lang.tokens.Words`, so every detector and
normalizer that looks phrases up in the same text reads the same pass. A look-up costs one set test
for most tokens (no phrase of the table starts or ends with that word) and a walk of at most the
longest phrase otherwise, so matching a text is linear in its length. :func:`grow_left` and
:func:`grow_right` are the "take the words around a span while they qualify" loops the detectors
share.

>>> from redactkit.lang.tokens import tokenize
>>> cues = PhraseTable.of(["call", "talk to", "meeting with"])
>>> tokens = tokenize("can you talk to maria")
>>> cues.ending_at(tokens, 4)
('talk', 'to')
>>> grow_right(tokens, 3, lambda k: tokens[k].lower.isalpha(), limit=2)
4
"""

from __future__ import annotations

import itertools
import re
import threading
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from ..gazetteers import fold_word
from .tokens import Token, Tokens, Words

__all__ = ["PhraseTable", "expand_phrase", "grow_left", "grow_right", "phrases_at", "values_after"]

V = TypeVar("V")

#: the key under which a trie node keeps {table id: value} of the phrases ending there (no token is
#: empty, so it never collides with a word)
_END = ""

#: a position's matches: (phrase length, {table id: value}), longest first
_Found = tuple[tuple[int, Mapping[int, Any]], ...]
_NONE: _Found = ()


class _Matcher:
    """The one phrase matcher: a word trie of the phrases of every live :class:`PhraseTable`.

    A look-up walks the trie from one word position once and finds every table's phrases that start
    there; on a :class:`~redactkit.lang.tokens.Words` (the words of a tokenized text) the result is
    kept per position, so all tables and all detectors asking about the same text share one pass.
    Words are compared as they are and, for non-ASCII words, accent-folded (``"reykjavík"`` finds
    ``"reykjavik"``), the way the gazetteers are stored.
    """

    def __init__(self) -> None:
        self._root: dict[str, Any] = {}
        self._lock = threading.Lock()
        #: tables gone while the lock was held (a garbage collection inside :meth:`add` runs a dead
        #: table's finalizer on the same thread): pruned by the next call that holds the lock
        self._gone: list[tuple[int, tuple[tuple[str, ...], ...]]] = []
        self._ids = itertools.count(1)
        #: changes whenever a table comes or goes: results kept on Words of an older one are stale
        self.generation = 0

    def add(self, values: Mapping[tuple[str, ...], Any]) -> int:
        with self._lock:
            self._prune_gone()
            table = next(self._ids)
            root = self._root
            for phrase, value in values.items():
                node = root
                for word in phrase:
                    child = node.get(word)
                    if child is None:  # (not setdefault: no new dict per word already in the trie)
                        child = node[word] = {}
                    node = child
                ends = node.get(_END)
                if ends is None:
                    ends = node[_END] = {}
                ends[table] = value
            self.generation += 1
            return table

    def remove(self, table: int, phrases: Iterable[tuple[str, ...]]) -> None:
        # never block: a finalizer may call this on the thread that holds the lock (a collection
        # inside add), and waiting for it there would hang the process
        self._gone.append((table, tuple(phrases)))
        if self._lock.acquire(blocking=False):
            try:
                self._prune_gone()
            finally:
                self._lock.release()

    def _prune_gone(self) -> None:
        while self._gone:
            table, phrases = self._gone.pop()
            for phrase in phrases:
                self._prune(self._root, phrase, 0, table)
            self.generation += 1

    def _prune(self, node: dict[str, Any], phrase: tuple[str, ...], depth: int, table: int) -> None:
        if depth == len(phrase):
            ends = node.get(_END)
            if ends is not None:
                ends.pop(table, None)
                if not ends:
                    del node[_END]
            return
        child = node.get(phrase[depth])
        if child is None:
            return
        self._prune(child, phrase, depth + 1, table)
        if not child:
            del node[phrase[depth]]

    def walk(self, words: Sequence[str], start: int) -> _Found:
        """Every phrase (of any table) that starts at ``words[start]``, longest first."""
        node = self._root
        found: list[tuple[int, Mapping[int, Any]]] = []
        for index in range(start, len(words)):
            word = words[index]
            child = node.get(word)
            if child is None and not word.isascii():
                child = node.get(fold_word(word))
            if child is None:
                break
            node = child
            ends = node.get(_END)
            if ends:
                found.append((index + 1 - start, ends))
        if not found:
            return _NONE
        found.reverse()
        return tuple(found)

    def at(self, words: Sequence[str], start: int) -> _Found:
        """:meth:`walk`, kept on ``words`` when they are a :class:`Words` (one pass per text)."""
        if not isinstance(words, Words):
            return self.walk(words, start)
        kept: tuple[int, dict[int, _Found]] | None = getattr(words, "_phrases", None)
        if kept is None or kept[0] != self.generation:
            kept = (self.generation, {})
            words._phrases = kept  # type: ignore[attr-defined]
        memo = kept[1]
        found = memo.get(start)
        if found is None:
            found = memo[start] = self.walk(words, start)
        return found


_MATCHER = _Matcher()


def phrases_at(words: Sequence[str], start: int) -> _Found:
    """Every phrase of every live table starting at ``words[start]``: ``(length, {table id: value})``,
    longest first (the matcher's raw result, for code that asks several tables at once)."""
    return _MATCHER.at(words, start)


#: a group of a phrase pattern: "(a|b c)", "(a|)"
_GROUP = re.compile(r"\(([^()]*)\)")


def expand_phrase(pattern: str) -> list[tuple[str, ...]]:
    """Every phrase a phrase pattern stands for, in order, lowercase: words separated by spaces and
    groups ``(a|b c)`` of alternatives, an empty alternative making the group optional (groups do not
    nest). ``"(live|grew up) (now|) in"`` is "live now in", "live in", "grew up now in" and "grew up
    in". Cue lists written this way are data for the one matcher, not regular expressions (the row
    sensitivity cues use the same notation, plus ``*`` for any one word).

    >>> expand_phrase("(moved|came) (here|) to")
    [('moved', 'here', 'to'), ('moved', 'to'), ('came', 'here', 'to'), ('came', 'to')]
    """
    depth = 0
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth not in (0, 1):
            break
    if depth != 0:
        raise ValueError(f"phrase pattern {pattern!r}: groups cannot nest and must close")
    pieces: list[list[str]] = []
    position = 0
    for match in _GROUP.finditer(pattern):
        pieces.append([pattern[position : match.start()]])
        pieces.append(match.group(1).split("|"))
        position = match.end()
    pieces.append([pattern[position:]])
    phrases: dict[tuple[str, ...], None] = {}  # ordered, deduplicated
    for combination in itertools.product(*pieces):
        words = tuple(" ".join(combination).lower().split())
        if words:
            phrases[words] = None
    if not phrases:
        raise ValueError(f"phrase pattern {pattern!r}: no words")
    return list(phrases)


def _window(tokens: Sequence[Token], first: int, stop: int) -> tuple[Sequence[str], int]:
    """Words to look phrases up in and the offset of ``tokens[0]`` in them: a tokenized text's shared
    :class:`Words` (the matcher's results kept on it), or, for any other token sequence (a filtered
    list), only the words of ``tokens[first:stop]``: building the words of the whole sequence per
    look-up would make a pass over a text quadratic."""
    if isinstance(tokens, Tokens):
        return tokens.words, 0
    first = max(0, first)
    return [token.lower for token in tokens[first:stop]], -first


def _folded(word: str) -> str:
    return word if word.isascii() else fold_word(word)


class PhraseTable(Generic[V]):
    """Phrases (tuples of lowercase words) -> values, looked up by the token where they end or
    start, longest phrase first ("card number" before "number").

    Every table is a view of the one matcher (:func:`phrases_at`): its phrases are added to the
    shared trie when it is built and removed when it is collected; the per-table sets of first and
    last words only short-cut the look-ups that cannot match.
    """

    __slots__ = ("__weakref__", "_first_words", "_id", "_last_words", "_values", "longest")

    def __init__(self, values: Mapping[tuple[str, ...], V]) -> None:
        self._values = {phrase: value for phrase, value in values.items() if phrase}
        #: words in the longest phrase (0 for an empty table)
        self.longest = max((len(phrase) for phrase in self._values), default=0)
        self._last_words = frozenset(phrase[-1] for phrase in self._values)
        self._first_words = frozenset(phrase[0] for phrase in self._values)
        self._id = _MATCHER.add(self._values)
        weakref.finalize(self, _MATCHER.remove, self._id, tuple(self._values))

    @classmethod
    def of(cls, phrases: Iterable[str | tuple[str, ...]]) -> PhraseTable[tuple[str, ...]]:
        """A table whose values are the phrases themselves (phrases given as strings are split)."""
        tuples = [tuple(p.split()) if isinstance(p, str) else tuple(p) for p in phrases]
        return PhraseTable({phrase: phrase for phrase in tuples if phrase})

    @property
    def phrases(self) -> frozenset[tuple[str, ...]]:
        """Every phrase of the table."""
        return frozenset(self._values)

    @property
    def first_words(self) -> frozenset[str]:
        """The words the table's phrases start with (a look-up at any other ASCII word finds none)."""
        return self._first_words

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._values

    def __len__(self) -> int:
        return len(self._values)

    def __reduce__(self) -> tuple[type[PhraseTable[Any]], tuple[dict[tuple[str, ...], V]]]:
        return PhraseTable, (self._values,)

    def get(self, phrase: tuple[str, ...]) -> V | None:
        return self._values.get(phrase)

    def _longest_at(self, words: Sequence[str], start: int, most: int) -> tuple[int, V | None]:
        table = self._id
        for length, ends in _MATCHER.at(words, start):
            if length <= most and table in ends:
                return length, ends[table]
        return 0, None

    # The look-ups below run for nearly every token of every text, and most end at their first test:
    # no phrase of the table starts (or ends) with the word, as said or accent-folded (one set test
    # for an ASCII word, the common case). That test is written out in each, not a function call.
    def at(self, words: Sequence[str], i: int) -> int:
        """Length of the longest phrase equal to ``words[i:i + n]`` (0: none)."""
        if i >= len(words):
            return 0
        word = words[i]
        first = self._first_words
        if word not in first and (word.isascii() or fold_word(word) not in first):
            return 0
        table = self._id
        most = self.longest
        for length, ends in _MATCHER.at(words, i):
            if length <= most and table in ends:
                return length
        return 0

    def matches_at(self, words: Sequence[str], i: int) -> list[tuple[int, V]]:
        """(length, value) of every phrase of the table equal to ``words[i:i + n]``, longest first."""
        if i >= len(words):
            return []
        word = words[i]
        first = self._first_words
        if word not in first and (word.isascii() or fold_word(word) not in first):
            return []
        table = self._id
        return [(length, ends[table]) for length, ends in _MATCHER.at(words, i) if table in ends]

    def lengths_at(self, words: Sequence[str], i: int) -> list[int]:
        """Lengths of every phrase of the table equal to ``words[i:i + n]``, longest first (for a
        caller that takes the longest one whose context fits)."""
        if i >= len(words):
            return []
        word = words[i]
        first = self._first_words
        if word not in first and (word.isascii() or fold_word(word) not in first):
            return []
        table = self._id
        return [length for length, ends in _MATCHER.at(words, i) if table in ends]

    def ending(self, words: Sequence[str], end: int) -> int:
        """Length of the longest phrase equal to ``words[end - n:end]`` (0: none)."""
        if end <= 0 or end > len(words):
            return 0
        word = words[end - 1]
        last = self._last_words
        if word not in last and (word.isascii() or fold_word(word) not in last):
            return 0
        table = self._id
        first = self._first_words
        for length in range(min(self.longest, end), 0, -1):
            word = words[end - length]
            if word not in first and (word.isascii() or fold_word(word) not in first):
                continue
            for found, ends in _MATCHER.at(words, end - length):
                if found == length and table in ends:
                    return length
        return 0

    def ending_at(self, tokens: Sequence[Token], end: int) -> V | None:
        """The value of the longest phrase made of ``tokens[end - n:end]`` (``end`` exclusive)."""
        if end <= 0 or tokens[end - 1].lower not in self._last_words:
            return None
        words: Sequence[str]
        if isinstance(tokens, Tokens):  # (the common case, written out: no call)
            words, shift = tokens.words, 0
        else:
            words, shift = _window(tokens, end - self.longest, end)
        length = self.ending(words, end + shift)
        return self._longest_at(words, end + shift - length, length)[1] if length else None

    def length_ending_at(self, tokens: Sequence[Token], end: int) -> int:
        """The length of the longest phrase made of ``tokens[end - n:end]`` (0: none)."""
        if end <= 0 or tokens[end - 1].lower not in self._last_words:
            return 0
        words: Sequence[str]
        if isinstance(tokens, Tokens):  # (the common case, written out: no call)
            words, shift = tokens.words, 0
        else:
            words, shift = _window(tokens, end - self.longest, end)
        return self.ending(words, end + shift)

    def starting_at(self, tokens: Sequence[Token], start: int) -> tuple[int, V] | None:
        """(length, value) of the longest phrase made of ``tokens[start:start + n]``."""
        if start >= len(tokens) or tokens[start].lower not in self._first_words:
            return None
        words: Sequence[str]
        if isinstance(tokens, Tokens):  # (the common case, written out: no call)
            words, shift = tokens.words, 0
        else:
            words, shift = _window(tokens, start, start + self.longest)
        length, value = self._longest_at(words, start + shift, self.longest)
        return (length, value) if length else None  # type: ignore[return-value]

    def lengths_starting_at(self, tokens: Sequence[Token], start: int) -> list[int]:
        """Lengths of every phrase made of ``tokens[start:start + n]``, longest first."""
        if start >= len(tokens):
            return []
        words: Sequence[str]
        if isinstance(tokens, Tokens):  # (the common case, written out: no call)
            words, shift = tokens.words, 0
        else:
            words, shift = _window(tokens, start, start + self.longest)
        return self.lengths_at(words, start + shift)

    def match_length(
        self,
        words: Sequence[str],
        start: int,
        *,
        max_words: int,
        accept: Callable[[str], bool] | None = None,
    ) -> int:
        """How many words from ``words[start]`` on form the longest phrase of the table (0: none), for
        gazetteers: at most ``max_words`` of them, and only over a run of words that ``accept`` takes
        (no phrase spans a digit). Accents are folded, as in every look-up."""
        if start >= len(words) or _folded(words[start]) not in self._first_words:
            return 0
        table = self._id
        for length, ends in _MATCHER.at(words, start):
            if (
                length <= max_words
                and table in ends
                and (accept is None or all(accept(word) for word in words[start : start + length]))
            ):
                return length
        return 0


def values_after(table: PhraseTable[Any], tokens: Tokens, text: str) -> Iterator[int]:
    """Where the value after each cue phrase of ``table`` starts in a tokenized ``text``: the index of
    the token after the phrase, left to right, phrases not overlapping.

    At each token the longest phrase that whitespace follows is taken (a cue is said before a word,
    so "lives at, 12 main st" and a cue at the end of the text name no value); its words start a
    word ("x_lives at" holds no cue). This is what a regular expression ``\\b(?:cue|...)\\s+`` found
    when cue lists were patterns.
    """
    words = tokens.words
    count = len(tokens)
    if text.isascii():
        # (ASCII words fold to themselves: only the words that start a phrase of the table can)
        first = table._first_words
        if first.isdisjoint(words):
            return
        starts: Iterable[int] = [k for k, word in enumerate(words) if word in first]
    else:
        starts = range(count)
    index = 0
    for at in starts:
        if at < index:
            continue  # inside the phrase just taken
        index = at
        found = 0
        start = tokens[index].start
        if start == 0 or text[start - 1] != "_":
            for length in table.lengths_at(words, index):
                end = tokens[index + length - 1].end
                if end < len(text) and text[end].isspace():
                    found = length
                    break
        if found:
            index += found
            yield index
        else:
            index += 1


def grow_left(tokens: Sequence[Token], first: int, take: Callable[[int], bool], limit: int) -> int:
    """Move ``first`` left over at most ``limit`` tokens while ``take(index)`` holds for the token
    before it; the new first index."""
    stop = max(0, first - limit)
    while first > stop and take(first - 1):
        first -= 1
    return first


def grow_right(tokens: Sequence[Token], last: int, take: Callable[[int], bool], limit: int) -> int:
    """Move ``last`` right over at most ``limit`` tokens while ``take(index)`` holds for the token
    after it; the new last index."""
    stop = min(len(tokens) - 1, last + limit)
    while last < stop and take(last + 1):
        last += 1
    return last
