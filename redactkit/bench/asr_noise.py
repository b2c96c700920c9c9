"""An ASR error model: noisy versions of labeled transcripts, with the gold spans kept consistent.

Real recognizers mishear, and transcripts that reach annotators are exactly that kind of output.
:func:`add_asr_noise` turns a clean labeled utterance into what a recognizer with word error rate
``wer`` might have written, deterministically for a given ``random.Random``:

- **substitutions** from the locale's confusion tables (``redactkit/lang/<locale>/asr_confusions.yaml``):
  homophones of digit words ("to" for two, "for" for four, "won", "ate", "tree", "fife", "sex",
  "nein"), near-homophones ("fine" for five, "or" for four), garbled cue words ("the sip is", "so
  shall security"); a word without a table entry becomes an everyday word within two letter edits
  ("garcia" -> "garden": recognizers write words they know), or, with none that close, loses a
  letter; a substitute is never a word a name or place list has ("rock" does not become "rory", nor
  "what" "walt"): to a reader that word would be a name, and a PII-free row would no longer be one;
- **deletions** (the word is gone) and **insertions** (a short function word before the word);
- **splits** ("forty" -> "for tee", "account" -> "a count", any long word in two) and **merges**
  (two neighbouring words written as one).

Every word of the utterance has the same chance ``wer`` of an error, so the expected word error rate
is ``wer`` (a merge or a split counts as one error).

How a gold span maps through the edits: the span covers a set of clean words (every word with a
non-space character inside it). In the noisy text it covers every word derived from one of those
words (a substitute, both halves of a split, a merged word even when its other half was outside the
span) and every inserted word between two such words. It is the hull of those words; a span whose
words were all deleted is dropped (nothing of it was written). The words of a span that came through
unchanged are its *correctly recognized words* (:attr:`NoisyExample.correct_words`): the bench counts
how many of them stay readable after redaction.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any, NamedTuple, TypeVar

from ..lang import load_locale
from ..lang.fuzzy import within_edits

__all__ = [
    "AsrConfusions",
    "NoisyExample",
    "add_asr_noise",
    "load_confusions",
    "noisy_example",
    "noisy_examples",
]

_WORD = re.compile(r"\S+")
_VOWELS = "aeiou"

#: relative weights of the error kinds
_KINDS = (("substitute", 0.55), ("delete", 0.2), ("insert", 0.15), ("split", 0.05), ("merge", 0.05))

R = TypeVar("R")


class AsrConfusions(NamedTuple):
    """Substitutes per word (lowercase; a substitute may be several words), splits and insertions."""

    substitutes: dict[str, tuple[str, ...]]
    splits: dict[str, tuple[str, ...]]
    insertions: tuple[str, ...]


def load_confusions(locale: str = "en-US") -> AsrConfusions:
    """The confusion tables of ``locale``."""
    data = load_locale(locale).resources.get("asr_confusions")
    if not data:
        raise ValueError(
            f"locale {locale}: no asr_confusions resource (redactkit/lang/{locale}/asr_confusions.yaml)"
        )
    substitutes: dict[str, list[str]] = {}
    for section in ("digit_homophones", "digit_near", "words"):
        for word, heard in (data.get(section) or {}).items():
            substitutes.setdefault(str(word).lower(), []).extend(str(item).lower() for item in heard)
    splits = {
        str(word).lower(): tuple(str(p).lower() for p in parts) for word, parts in data["splits"].items()
    }
    return AsrConfusions(
        {word: tuple(items) for word, items in substitutes.items()},
        splits,
        tuple(str(word) for word in data["insertions"]),
    )


@dataclass(frozen=True, slots=True)
class NoisyExample:
    """A noisy utterance: its text, the mapped gold spans and what the noise did."""

    text: str
    #: (start, end, label) in ``text``; spans whose words were all deleted are left out
    spans: tuple[tuple[int, int, str], ...]
    #: per span of ``spans``: the (start, end) of its words that came through unchanged
    correct_words: tuple[tuple[tuple[int, int], ...], ...]
    #: per input span: its index in ``spans``, or None when every word of it was deleted
    span_index: tuple[int | None, ...]
    #: gold spans dropped because every word of them was deleted
    dropped_spans: int
    #: word errors made (substitutions, deletions, insertions, splits, merges)
    errors: int
    #: words of the clean text
    words: int


class _Out(NamedTuple):
    text: str
    sources: frozenset[int]  # clean word indices it stems from (empty: inserted)
    correct: bool


def noisy_example(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    wer: float,
    rng: random.Random,
    confusions: AsrConfusions | None = None,
) -> NoisyExample:
    """Apply the error model to one utterance (see module docs)."""
    if not 0.0 <= wer <= 1.0:
        raise ValueError(f"wer must be between 0 and 1, got {wer}")
    table = confusions or _default_confusions()
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    out: list[_Out] = []
    errors = 0
    i = 0
    while i < len(words):
        word = words[i][2]
        if rng.random() >= wer:
            out.append(_Out(word, frozenset({i}), True))
            i += 1
            continue
        errors += 1
        kind = _choose_kind(rng)
        if kind == "merge" and i + 1 < len(words):
            out.append(_Out(word + words[i + 1][2], frozenset({i, i + 1}), False))
            i += 2
            continue
        if kind == "delete":
            i += 1
            continue
        if kind == "insert":
            out.append(_Out(rng.choice(table.insertions), frozenset(), False))
            out.append(_Out(word, frozenset({i}), True))
            i += 1
            continue
        parts = _split(word, table, rng) if kind == "split" else None
        if parts is None:
            parts = _substitute(word, table, rng).split()
        out.extend(_Out(part, frozenset({i}), False) for part in parts)
        i += 1
    # offsets of the noisy words
    positions: list[tuple[int, int]] = []
    cursor = 0
    for item in out:
        positions.append((cursor, cursor + len(item.text)))
        cursor += len(item.text) + 1
    noisy_text = " ".join(item.text for item in out)
    mapped: list[tuple[int, int, str]] = []
    correct: list[tuple[tuple[int, int], ...]] = []
    dropped = 0
    index: list[int | None] = []
    for start, end, label in spans:
        inside = {k for k, (ws, we, w) in enumerate(words) if ws < end and start < we and w.strip()}
        members = [k for k, item in enumerate(out) if item.sources & inside]
        if not members:
            dropped += 1
            index.append(None)
            continue
        index.append(len(mapped))
        first, last = members[0], members[-1]
        mapped.append((positions[first][0], positions[last][1], label))
        correct.append(
            tuple(
                positions[k]
                for k in range(first, last + 1)
                if out[k].correct and out[k].sources <= inside and out[k].sources
            )
        )
    return NoisyExample(noisy_text, tuple(mapped), tuple(correct), tuple(index), dropped, errors, len(words))


def noisy_examples(records: Sequence[Any], wer: float, seed: int | str) -> list[NoisyExample]:
    """The noisy copies of labeled ``records`` (anything with ``text`` and ``spans`` of ``start``,
    ``end``, ``label``: bench examples, generated records) at ``wer``. Each is drawn with its own
    random source, seeded ``"{seed}:{wer}:{index}"``: a set's noise is the same on every run and one
    record's noise does not depend on the records before it."""
    return [
        noisy_example(
            record.text,
            [(span.start, span.end, span.label) for span in record.spans],
            wer,
            random.Random(f"{seed}:{wer}:{index}"),
        )
        for index, record in enumerate(records)
    ]


def add_asr_noise(record: R, wer: float, rng: random.Random) -> R:
    """A noisy copy of ``record``, of the same type (see module docs for the model).

    ``record`` is a :class:`~redactkit.bench.formats.LabeledExample`, a
    :class:`~redactkit.synth.Record`, any dataclass with ``text`` and ``spans``
    (spans as objects with ``start``/``end``/``label`` or as ``(start, end, label)`` tuples), or a
    plain ``(text, spans)`` tuple. Spans whose words were all deleted are left out. Use
    :func:`noisy_example` for the details (correctly recognized words, dropped spans).
    """
    text, spans = _unpack(record)
    noisy = noisy_example(text, [(s, e, lab) for s, e, lab, _ in spans], wer, rng)
    kept: list[Any] = []
    for (_, _, _, original), index in zip(spans, noisy.span_index, strict=True):
        if index is None:
            continue
        start, end, label = noisy.spans[index]
        if isinstance(original, tuple):
            kept.append((start, end, label))
        else:
            kept.append(replace(original, start=start, end=end))
    if isinstance(record, tuple):
        return (noisy.text, tuple(kept))  # type: ignore[return-value]
    return replace(record, text=noisy.text, spans=tuple(kept))  # type: ignore[type-var]


def _unpack(record: Any) -> tuple[str, list[tuple[int, int, str, Any]]]:
    if isinstance(record, tuple):
        text, raw = record
    else:
        text, raw = record.text, record.spans
    spans = []
    for span in raw:
        if isinstance(span, tuple):
            spans.append((int(span[0]), int(span[1]), str(span[2]), span))
        else:
            spans.append((int(span.start), int(span.end), str(span.label), span))
    return str(text), spans


def _choose_kind(rng: random.Random) -> str:
    draw = rng.random() * sum(weight for _, weight in _KINDS)
    for kind, weight in _KINDS:
        draw -= weight
        if draw < 0:
            return kind
    return _KINDS[0][0]


def _substitute(word: str, table: AsrConfusions, rng: random.Random) -> str:
    key = word.lower()
    options = table.substitutes.get(key)
    if options:
        return rng.choice(options)
    similar = _similar_word(key, rng)
    if similar is not None:  # recognizers write words they know: "garcia" -> "garden"
        return similar
    letters = [i for i in range(1, len(word) - 1) if word[i].isalpha()]
    if len(word) >= 4 and letters:  # no close word: drop or change an inner letter ("zorvak" -> "zorak")
        k = rng.choice(letters)
        if word[k].lower() in _VOWELS and rng.random() < 0.5:
            return word[:k] + rng.choice([v for v in _VOWELS if v != word[k].lower()]) + word[k + 1 :]
        return word[:k] + word[k + 1 :]
    return rng.choice(table.insertions)  # a short word misheard as another short word


def _split(word: str, table: AsrConfusions, rng: random.Random) -> list[str] | None:
    parts = table.splits.get(word.lower())
    if parts:
        return list(parts)
    if len(word) >= 6:
        cut = rng.randint(2, len(word) - 3)
        return [word[:cut], word[cut:]]
    return None


@cache
def _vocabulary() -> dict[tuple[str, int], tuple[str, ...]]:
    """Everyday English words by (first letter, length): where a misheard word is looked up. Words a
    name or place list has are left out ("tony", "walt", "canada"): written by a recognizer for an
    ordinary word, they would put a name into a row whose gold says it has none."""
    from ..gazetteers import common_words, family_names, given_names, place_names

    names = given_names() | family_names() | place_names()
    index: dict[tuple[str, int], list[str]] = {}
    for word in sorted(common_words() - names):
        index.setdefault((word[0], len(word)), []).append(word)
    return {key: tuple(words) for key, words in index.items()}


def _similar_word(word: str, rng: random.Random) -> str | None:
    """A different everyday word within two letter edits of ``word`` (same first letter), if any."""
    if len(word) < 3 or not word.isalpha():
        return None
    vocabulary = _vocabulary()
    close = [
        other
        for length in (len(word) - 1, len(word), len(word) + 1)
        for other in vocabulary.get((word[0], length), ())
        if other != word and within_edits(word, other, 2)
    ]
    return rng.choice(close) if close else None


_CONFUSIONS: dict[str, AsrConfusions] = {}


def _default_confusions() -> AsrConfusions:
    if "en-US" not in _CONFUSIONS:
        _CONFUSIONS["en-US"] = load_confusions("en-US")
    return _CONFUSIONS["en-US"]
