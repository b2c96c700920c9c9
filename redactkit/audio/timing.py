"""Align word timings (from the recogniser) to the transcript text (what was redacted).

Timing words and transcript tokens rarely agree one to one: the transcript may be a cleaned-up copy
("don't" where the timings say "do" "n't", "5" where they say "five"), punctuation differs, words are
missing on either side. The alignment is tolerant: both sides are reduced to lowercase letters and
digits, matched in order, and blocks that differ are matched again allowing splits and merges (up to
four words against four tokens, or twelve against one: "555-0100" dictated digit by digit), number
readings ("25" = "twenty five" = "two five") and near spellings. Whatever is left over is counted,
never guessed: the interval code then widens an entity that touches an untimed token to the
neighbouring timed words (fail closed).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from itertools import product
from typing import Any, NamedTuple

from ..lang import get_lexicon

__all__ = ["Alignment", "Token", "WordTiming", "align_words", "parse_timings", "tokenize"]

#: most timing words / transcript tokens one merged or split group may hold on both sides ...
_MAX_GROUP = 4
#: ... and against a single word or token ("555-0100" said as seven words)
_MAX_ONE_TO_MANY = 12
#: a differing block larger than this (words x tokens) is left unaligned rather than searched
_MAX_BLOCK_CELLS = 4096
#: readings kept per group (number words multiply them)
_MAX_READINGS = 64
#: rows larger than this (words x tokens) skip the alignment-certainty check
_MAX_CERTAINTY_CELLS = 250_000
#: words per sliding window when aligning long recordings
_WINDOW = 600
#: similarity above which two single words count as the same word spelled differently
_FUZZY_RATIO = 0.75

_TOKEN = re.compile(r"\S+")
_RUNS = re.compile(r"\d+|\D+")
_ORDINAL = re.compile(r"\d{1,2}(?:st|nd|rd|th)")


class WordTiming(NamedTuple):
    """One recognised word and when it was said, in seconds from the start of the audio."""

    word: str
    start: float | None
    end: float | None

    @property
    def valid(self) -> bool:
        """Times that can be used: finite, not negative, end not before start."""
        return (
            self.start is not None
            and self.end is not None
            and math.isfinite(self.start)
            and math.isfinite(self.end)
            and 0.0 <= self.start <= self.end
        )


class Token(NamedTuple):
    """A transcript token that carries sound: its character span and its matching key."""

    start: int
    end: int
    key: str


@dataclass(frozen=True)
class Alignment:
    """How the timing words of one row map onto its transcript tokens.

    ``token_times[k]`` is the ``(start, end)`` in seconds of ``tokens[k]``, or ``None`` when no timing
    word was matched to it. Counts are what a run report shows; they hold no text.
    """

    tokens: tuple[Token, ...]
    token_times: tuple[tuple[float, float] | None, ...]
    #: timing words with a usable key and times
    words: int = 0
    #: of those, matched to no transcript token
    unaligned_words: int = 0
    #: timing words whose times are missing or impossible (never matched)
    invalid_words: int = 0
    #: transcript tokens no timing word was matched to (including the ambiguous ones)
    untimed_tokens: int = 0
    #: tokens whose timing word could belong to a neighbouring repetition of the same word (their
    #: time is dropped, or widened over the repetition)
    ambiguous_tokens: int = 0
    #: matches accepted on a near spelling only
    approximate: int = 0
    #: end of the last valid timing word (0.0 when there is none)
    last_end: float = 0.0

    @property
    def any_aligned(self) -> bool:
        return any(times is not None for times in self.token_times)


def _key(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in folded if ch.isalnum())


#: symbols inside a written token that speech spells out ("john.smith@gmail.com")
_SYMBOL = re.compile(r"(?<=[^\W_])[.@\-_/:](?=[^\W_])")
_SYMBOL_WORDS = {".": "dot", "@": "at", "-": "dash", "_": "underscore", "/": "slash", ":": "colon"}


def _forms(raw: str) -> tuple[str, ...]:
    """The key of a word or token, and its spoken-symbol key when it has inner symbols."""
    key = _key(raw)
    spoken = _key(_SYMBOL.sub(lambda m: _SYMBOL_WORDS[m.group()], raw))
    return (key,) if spoken == key else (key, spoken)


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens of ``text`` that contain a letter or digit (punctuation has no sound)."""
    tokens = []
    for match in _TOKEN.finditer(text):
        key = _key(match.group())
        if key:
            tokens.append(Token(match.start(), match.end(), key))
    return tokens


def parse_timings(raw: Iterable[Mapping[str, Any] | Sequence[Any] | WordTiming] | None) -> list[WordTiming]:
    """Timing entries as Arrow/JSON give them (``{"word", "start", "end"}``) -> :class:`WordTiming`."""
    out: list[WordTiming] = []
    for item in raw or ():
        if item is None:
            continue
        if isinstance(item, Mapping):
            word, start, end = item.get("word"), item.get("start"), item.get("end")
        else:
            word, start, end = item[0], item[1], item[2]
        out.append(
            WordTiming(
                str(word or ""),
                None if start is None else float(start),
                None if end is None else float(end),
            )
        )
    return out


# -- number readings ---------------------------------------------------------------------------------
# the number words are the locale's (redactkit/lang/en-US/numbers.yaml), not a copy
_NAMES = get_lexicon("en-US").number_names
_UNITS, _TEENS, _TENS = _NAMES.ones, _NAMES.teens, _NAMES.tens


def _below_hundred(n: int) -> str:
    if n < 10:
        return _UNITS[n]
    if n < 20:
        return _TEENS[n - 10]
    return _TENS[n // 10] + ("" if n % 10 == 0 else _UNITS[n % 10])


def _cardinals(n: int) -> set[str]:
    """Spoken forms of ``0 <= n < 10**6``, with and without "and" after the hundreds."""
    if n < 100:
        return {_below_hundred(n)}
    if n < 1000:
        head = _UNITS[n // 100] + "hundred"
        rest = n % 100
        if rest == 0:
            return {head}
        return {head + tail for tail in _cardinals(rest)} | {head + "and" + tail for tail in _cardinals(rest)}
    heads = {h + "thousand" for h in _cardinals(n // 1000)}
    rest = n % 1000
    if rest == 0:
        return heads
    tails = _cardinals(rest) | ({"and" + t for t in _cardinals(rest)} if rest < 100 else set())
    return {h + t for h in heads for t in tails}


@cache
def _readings(key: str) -> frozenset[str]:
    """Every way a token may have been spoken: itself, and for digit strings their number readings."""
    found = {key}
    runs = _RUNS.findall(key)
    if len(runs) > 1 and not _ORDINAL.fullmatch(key):  # "555dash0100", "a1": read each digit run
        combined: set[str] = {""}
        for run in runs:
            combined = {head + tail for head, tail in product(combined, _readings(run))}
            if len(combined) > _MAX_READINGS:
                combined = set(sorted(combined)[:_MAX_READINGS])
        return frozenset(found | combined)
    if key.isdigit() and len(key) <= 12:
        digits = [_UNITS[int(d)] for d in key]
        found.add("".join(digits))
        found.add("".join("oh" if d == "0" else w for d, w in zip(key, digits, strict=True)))
        if len(key) <= 6 and (len(key) == 1 or key[0] != "0"):
            found |= _cardinals(int(key))
        if len(key) == 4 and key[0] != "0":  # years: "nineteen eighty five", "twenty oh five"
            high, low = int(key[:2]), int(key[2:])
            head = _below_hundred(high)
            if low == 0:
                found.add(head + "hundred")
            elif low < 10:
                found.add(head + "oh" + _UNITS[low])
            else:
                found.add(head + _below_hundred(low))
    elif key.endswith(("st", "nd", "rd", "th")) and key[:-2].isdigit() and 0 < len(key) - 2 <= 2:
        found |= _ordinal_readings(int(key[:-2]))
    return frozenset(found)


def _ordinal_readings(n: int) -> set[str]:
    if n < 20 or n % 10 == 0:
        return {_NAMES.ordinals[n]}
    return {_TENS[n // 10] + _NAMES.ordinals[n % 10]}


def _group_readings(forms: Sequence[tuple[str, ...]]) -> frozenset[str]:
    combined: set[str] = {""}
    for alternatives in forms:
        readings = set().union(*(_readings(form) for form in alternatives))
        combined = {head + tail for head, tail in product(combined, readings)}
        if len(combined) > _MAX_READINGS:
            combined = set(sorted(combined)[:_MAX_READINGS])
    return frozenset(combined)


# -- alignment -------------------------------------------------------------------------------------
def align_words(text: str, timings: Sequence[WordTiming]) -> Alignment:
    """Match ``timings`` to the tokens of ``text`` in order; see the module docstring."""
    tokens = tokenize(text)
    usable: list[tuple[int, WordTiming, str]] = []
    invalid = 0
    last_end = 0.0
    for index, timing in enumerate(timings):
        key = _key(timing.word)
        if not key:
            continue  # punctuation-only "words" carry no speech
        if not timing.valid:
            invalid += 1
            continue
        assert timing.end is not None
        last_end = max(last_end, timing.end)
        usable.append((index, timing, key))
    times = [(timing.start or 0.0, timing.end or 0.0) for _, timing, _ in usable]
    word_keys = [key for _, _, key in usable]
    token_keys = [token.key for token in tokens]
    word_forms = [_forms(timing.word) for _, timing, _ in usable]
    token_forms = [_forms(text[token.start : token.end]) for token in tokens]
    token_times, placed, approximate = _match(times, word_keys, token_keys, word_forms, token_forms)
    matched = set(placed)
    ambiguous = _drop_uncertain(times, word_keys, token_keys, placed, token_times)
    ambiguous += _widen_to_extra_repeats(word_keys, times, placed, token_times)
    ambiguous += _drop_ambiguous(tokens, token_times)
    return Alignment(
        tokens=tuple(tokens),
        token_times=tuple(token_times),
        words=len(usable),
        unaligned_words=len(usable) - len(matched),
        invalid_words=invalid,
        untimed_tokens=sum(1 for t in token_times if t is None),
        ambiguous_tokens=ambiguous,
        approximate=approximate,
        last_end=last_end,
    )


def _match(
    times: Sequence[tuple[float, float]],
    word_keys: Sequence[str],
    token_keys: Sequence[str],
    word_forms: Sequence[tuple[str, ...]],
    token_forms: Sequence[tuple[str, ...]],
) -> tuple[list[tuple[float, float] | None], dict[int, list[int]], int]:
    """The time of every token (or None), the tokens of every matched word, the near matches."""
    groups: list[tuple[range, range, bool]] = []
    for tag, i1, i2, j1, j2 in _opcodes(word_keys, token_keys):
        if tag == "equal":
            groups.extend(
                (range(i, i + 1), range(j, j + 1), False)
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
        elif i2 > i1 and j2 > j1 and (i2 - i1) * (j2 - j1) <= _MAX_BLOCK_CELLS:
            groups.extend(_align_block(word_forms, token_forms, i1, i2, j1, j2))
    token_times: list[tuple[float, float] | None] = [None] * len(token_keys)
    matched: dict[int, list[int]] = {}
    approximate = 0
    for words, toks, fuzzy in groups:
        approximate += fuzzy
        start = min(times[i][0] for i in words)
        end = max(times[i][1] for i in words)
        for i in words:
            matched.setdefault(i, []).extend(toks)
        for j in toks:
            previous = token_times[j]
            token_times[j] = (
                (start, end) if previous is None else (min(start, previous[0]), max(end, previous[1]))
            )
    return token_times, matched, approximate


def _drop_uncertain(
    times: Sequence[tuple[float, float]],
    word_keys: Sequence[str],
    token_keys: Sequence[str],
    placed: dict[int, list[int]],
    token_times: list[tuple[float, float] | None],
) -> int:
    """Untime tokens whose word differs between equally good alignments; return how many.

    "john call john call" against timings for "john call" fits the first or the second copy equally
    well. Over the longest common subsequence of the keys, a token keeps a time only if every
    longest alignment pairs it with one and the same word (whose time it then takes, even where the
    greedy matcher picked another copy); otherwise the interval code widens over
    it to the nearest certain neighbours, which every alignment agrees on (fail closed). Tokens timed
    through merges or number readings are left alone; rows above ``_MAX_CERTAINTY_CELLS`` are not
    checked (the repeat rules below still apply).
    """
    m, n = len(word_keys), len(token_keys)
    if not m or not n or m * n > _MAX_CERTAINTY_CELLS or word_keys == token_keys:
        return 0  # (identical sequences have one longest alignment: the diagonal)
    ahead = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m):
        row, below = ahead[i], ahead[i + 1]
        for j in range(n):
            below[j + 1] = row[j] + 1 if word_keys[i] == token_keys[j] else max(row[j + 1], below[j])
    behind = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        row, after = behind[i], behind[i + 1]
        for j in range(n - 1, -1, -1):
            row[j] = after[j + 1] + 1 if word_keys[i] == token_keys[j] else max(after[j], row[j + 1])
    best = ahead[m][n]
    equal_pairs = {(ws[0], ts[0]) for w, ts in placed.items() for ws in [[w]] if len(ts) == 1}
    dropped = 0
    for j, key in enumerate(token_keys):
        if token_times[j] is None:
            continue
        words = [w for w, ts in placed.items() if j in ts]
        if len(words) != 1 or (words[0], j) not in equal_pairs or word_keys[words[0]] != key:
            continue  # timed through a group: not an LCS question
        partners = [
            i for i in range(m) if word_keys[i] == key and ahead[i][j] + 1 + behind[i + 1][j + 1] == best
        ]
        skippable = any(ahead[i][j] + behind[i][j + 1] == best for i in range(m + 1))
        if len(partners) != 1 or skippable:
            token_times[j] = None
            dropped += 1
        elif partners[0] != words[0]:  # the greedy matcher took a copy no longest alignment takes
            token_times[j] = times[partners[0]]
            dropped += 1
    return dropped


def _widen_to_extra_repeats(
    word_keys: Sequence[str],
    times: Sequence[tuple[float, float]],
    placed: dict[int, list[int]],
    token_times: list[tuple[float, float] | None],
) -> int:
    """The mirror case of :func:`_drop_ambiguous`: the timings say "call call", the text "call" once.

    Either spoken "call" may be the one the text means, so the token's time covers both (every
    repeat in the run is widened). Returns the number of widenings.
    """
    widened = 0
    for w, key in enumerate(word_keys):
        if w in placed:
            continue
        for step in (-1, 1):
            k = w + step
            while 0 <= k < len(word_keys):  # through unplaced words and placed repeats of the same word
                if k in placed:
                    if word_keys[k] != key:
                        break
                    for j in placed[k]:
                        current = token_times[j]
                        if current is not None:
                            token_times[j] = (min(current[0], times[w][0]), max(current[1], times[w][1]))
                            widened += 1
                k += step
    return widened


def _drop_ambiguous(tokens: Sequence[Token], times: list[tuple[float, float] | None]) -> int:
    """Untime tokens whose word might belong to an untimed repetition of it; return how many.

    In "call call john" with one "call" missing from the timings, nothing tells which "call" was
    said when: the timed one could be either. A timed token with the same key as an untimed token
    it could swap with (nothing timed between them) therefore loses its time too, and the interval
    code widens over both (fail closed). A run of repeats ("call call call") is untimed whole.
    """
    dropped = 0
    for u, token in enumerate(tokens):
        if times[u] is not None:
            continue
        for step in (-1, 1):
            k = u + step
            while 0 <= k < len(tokens):  # through untimed tokens and timed repeats of the same word
                if times[k] is not None:
                    if tokens[k].key != token.key:
                        break
                    times[k] = None
                    dropped += 1
                k += step
    return dropped


def _opcodes(words: Sequence[str], tokens: Sequence[str]) -> Sequence[tuple[str, int, int, int, int]]:
    """``SequenceMatcher`` opcodes; long inputs are matched in sliding windows (linear, not quadratic).

    Each window keeps the matches in its first half and the next window starts after the last one,
    so a long recording costs about (length / window) small matches.
    """
    m, n = len(words), len(tokens)
    if m * n <= _WINDOW * _WINDOW:
        return SequenceMatcher(None, words, tokens, autojunk=False).get_opcodes()
    blocks: list[tuple[int, int, int]] = []
    i0 = j0 = 0
    half = _WINDOW // 2
    while i0 < m and j0 < n:
        iw, jw = min(m, i0 + _WINDOW), min(n, j0 + _WINDOW)
        found = [
            b
            for b in SequenceMatcher(None, words[i0:iw], tokens[j0:jw], autojunk=False).get_matching_blocks()
            if b.size
        ]
        if iw == m or jw == n:
            blocks.extend((i0 + b.a, j0 + b.b, b.size) for b in found)
            break
        keep = [b for b in found if b.a + b.size <= half and b.b + b.size <= half] or found[:1]
        if not keep:
            i0, j0 = i0 + half, j0 + half
            continue
        blocks.extend((i0 + b.a, j0 + b.b, b.size) for b in keep)
        i0, j0 = i0 + keep[-1].a + keep[-1].size, j0 + keep[-1].b + keep[-1].size
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for a, b, size in [*blocks, (m, n, 0)]:
        if i < a or j < b:
            tag = "replace" if i < a and j < b else "delete" if i < a else "insert"
            opcodes.append((tag, i, a, j, b))
        if size:
            opcodes.append(("equal", a, a + size, b, b + size))
        i, j = a + size, b + size
    return opcodes


def _align_block(
    words: Sequence[tuple[str, ...]],
    tokens: Sequence[tuple[str, ...]],
    i1: int,
    i2: int,
    j1: int,
    j2: int,
) -> list[tuple[range, range, bool]]:
    """Least-cost monotone matching of a differing block: groups cost 0, near spellings 0.5, skips 1."""
    m, n = i2 - i1, j2 - j1
    shapes = _group_shapes()
    word_readings: dict[tuple[int, int], frozenset[str]] = {}
    token_readings: dict[tuple[int, int], frozenset[str]] = {}

    def word_group(i: int, a: int) -> frozenset[str]:
        if (i, a) not in word_readings:
            word_readings[(i, a)] = _group_readings(words[i1 + i : i1 + i + a])
        return word_readings[(i, a)]

    def token_group(j: int, b: int) -> frozenset[str]:
        if (j, b) not in token_readings:
            token_readings[(j, b)] = _group_readings(tokens[j1 + j : j1 + j + b])
        return token_readings[(j, b)]

    inf = float("inf")
    cost = [[inf] * (n + 1) for _ in range(m + 1)]
    step: list[list[tuple[int, int, bool] | None]] = [[None] * (n + 1) for _ in range(m + 1)]
    cost[0][0] = 0.0
    for i in range(m + 1):
        for j in range(n + 1):
            here = cost[i][j]
            if here == inf:
                continue
            if i < m and here + 1 < cost[i + 1][j]:
                cost[i + 1][j], step[i + 1][j] = here + 1, (1, 0, False)
            if j < n and here + 1 < cost[i][j + 1]:
                cost[i][j + 1], step[i][j + 1] = here + 1, (0, 1, False)
            for a, b in shapes:
                if (
                    i + a <= m
                    and j + b <= n
                    and here < cost[i + a][j + b]
                    and word_group(i, a) & token_group(j, b)
                ):
                    cost[i + a][j + b], step[i + a][j + b] = here, (a, b, False)
            if (
                i < m
                and j < n
                and here + 0.5 < cost[i + 1][j + 1]
                and _similar(words[i1 + i][0], tokens[j1 + j][0])
            ):
                cost[i + 1][j + 1], step[i + 1][j + 1] = here + 0.5, (1, 1, True)
    groups: list[tuple[range, range, bool]] = []
    i, j = m, n
    while i or j:
        move = step[i][j]
        assert move is not None
        a, b, fuzzy = move
        if a and b:
            groups.append((range(i1 + i - a, i1 + i), range(j1 + j - b, j1 + j), fuzzy))
        i, j = i - a, j - b
    groups.reverse()
    return groups


@cache
def _group_shapes() -> tuple[tuple[int, int], ...]:
    """(words, tokens) group sizes tried: up to 4 x 4, and 1 x 12 / 12 x 1 for dictated numbers."""
    square = [(a, b) for a in range(1, _MAX_GROUP + 1) for b in range(1, _MAX_GROUP + 1)]
    long = [(1, k) for k in range(_MAX_GROUP + 1, _MAX_ONE_TO_MANY + 1)]
    return tuple(square + long + [(k, 1) for k in range(_MAX_GROUP + 1, _MAX_ONE_TO_MANY + 1)])


def _similar(word: str, token: str) -> bool:
    if min(len(word), len(token)) < 3 or word.isdigit() or token.isdigit():
        return False
    return SequenceMatcher(None, word, token, autojunk=False).ratio() >= _FUZZY_RATIO
