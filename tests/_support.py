"""Model-free components shared by the tests."""

from __future__ import annotations

import re
import time
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa
import spacy
from spacy.tokens import Doc, Span

from redactkit import Pipeline
from redactkit.bench.metrics import counted_positions
from redactkit.core import AlignedText, Entity
from redactkit.detect import Detector, NameDetector, SpacyNerDetector, detectors
from redactkit.detect.names import MisheardGuard
from redactkit.errors import DetectorError
from redactkit.labels import register_label
from redactkit.normalize import Normalizer

__all__ = [
    "CONVERSATION_OPTIONS",
    "DIGIT_WORDS",
    "ENGINE_CONFIG",
    "NUMBERED_REGEX_CONFIG",
    "ExplodingDetector",
    "GateDetector",
    "LeakyPluginDetector",
    "LoadMarkerDetector",
    "RegexDetector",
    "SlowDetector",
    "assert_found_as",
    "assert_known_from_cited",
    "assert_redacted_whole",
    "conversation_transcripts",
    "covered_whole",
    "covering_labels",
    "cued_value",
    "default_normalizers",
    "engine_transcripts",
    "found_by",
    "found_labels",
    "found_spans",
    "kept_guess",
    "labelled",
    "local_conversations",
    "misheard_guard",
    "model_guess",
    "names_detector",
    "ner_detector",
    "shared_default_pipeline",
    "spoken_digits",
    "uncovered_words",
]


# labels some tests use for their made-up entities
for _name in ("B", "CONTACT", "NUM"):
    register_label(_name, "A label the test suite makes up.", "quasi_identifier", examples=["[x]"])


@detectors.register("test_regex")
class RegexDetector(Detector):
    """A model-free detector for tests: every match of ``pattern`` is an entity of ``label``."""

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [("label", params.get("label", "PHONE_NUMBER"))]

    def __init__(
        self, pattern: str = r"\d{3}-\d{4}", label: str = "PHONE_NUMBER", score: float = 0.9
    ) -> None:
        self.pattern = pattern
        self.label = label
        self.score = score
        self._regex = re.compile(pattern)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [
            [
                Entity(m.start(), m.end(), self.label, self.score, self.name, f"matched {self.label} pattern")
                for m in self._regex.finditer(aligned.text)
            ]
            for aligned in texts
        ]


@detectors.register("test_explode")
class ExplodingDetector(Detector):
    """Fails on any batch holding a text that contains ``marker``: a stand-in for a crashing model."""

    def __init__(self, marker: str = "boom") -> None:
        self.marker = marker

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        if any(self.marker in aligned.text for aligned in texts):
            raise ValueError("exploding on purpose")
        return [[] for _ in texts]


@detectors.register("test_slow")
class SlowDetector(Detector):
    """Finds nothing, slowly: ``seconds`` per batch, so that a test can kill a run halfway."""

    def __init__(self, seconds: float = 0.05) -> None:
        self.seconds = seconds

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        time.sleep(self.seconds)
        return [[] for _ in texts]


@detectors.register("test_leaky_plugin")
class LeakyPluginDetector(Detector):
    """A careless plugin: raises a *redactkit* error whose message quotes the text it choked on,
    with a chained original that quotes it too."""

    def __init__(self, marker: str = "boom") -> None:
        self.marker = marker

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        for aligned in texts:
            if self.marker in aligned.text:
                try:
                    raise KeyError(f"inner: {aligned.text}")
                except KeyError as inner:
                    raise DetectorError(f"cannot handle {aligned.text!r}") from inner
        return [[] for _ in texts]


@detectors.register("test_gate")
class GateDetector(Detector):
    """Finds nothing; after its first ``free_batches`` batches it waits until the file ``gate``
    exists, so that a test can hold a run in the middle of a file for as long as it needs."""

    def __init__(self, gate: str = "", free_batches: int = 2) -> None:
        self.gate = gate
        self.free_batches = free_batches
        self._seen = 0

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        self._seen += 1
        deadline = time.monotonic() + 300
        while self._seen > self.free_batches and not Path(self.gate).exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return [[] for _ in texts]


@detectors.register("test_load_marker")
class LoadMarkerDetector(Detector):
    """Stands in for a model: the first batch it sees ("loading") creates the file ``marker``, so a
    test can tell whether a run got as far as loading models."""

    def __init__(self, marker: str = "") -> None:
        self.marker = marker

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        if self.marker:
            Path(self.marker).touch()
        return [[] for _ in texts]


# -- data for the distributed engine tests ---------------------------------------------------------

NAMES = ("alice", "bob", "carol", "dave")
DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
ENGINE_CONFIG: dict[str, Any] = {
    "replace": True,
    "normalizers": [{"name": "whitespace"}, {"name": "spoken_numbers"}, {"name": "spoken_symbols"}],
    "detectors": [
        {"name": "identifiers"},
        {"name": "deny_list", "terms": dict.fromkeys(NAMES, "PERSON")},
    ],
    "anonymizer": {"name": "policy", "operators": {"PERSON": "numbered"}, "numbered_scope": "group"},
    "batch_size": 8,
}


def _spoken(number: int) -> str:
    return " ".join(DIGITS[int(digit)] for digit in f"{number:07d}")


DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spoken_digits(digits: str) -> str:
    """``"4150"`` as a recognizer writes it digit by digit: ``"four one five zero"``."""
    return " ".join(DIGIT_WORDS[int(digit)] for digit in digits)


def uncovered_words(pipeline: Pipeline, text: str, value: str) -> list[str]:
    """Words of ``value`` (a substring of ``text``) that no entity of ``pipeline`` covers: a leak
    check that names what would reach an annotator, not just whether the value was found."""
    start = text.index(value)
    covered = {i for e in pipeline.analyze(text) for i in range(e.start, e.end)}
    missing = [i for i in counted_positions(text, start, start + len(value)) if i not in covered]
    return sorted({text[: i + 1].split()[-1] for i in missing})


def found_spans(pipeline: Pipeline, text: str, detector: str | None = None) -> list[tuple[str, str]]:
    """(text, label) of every entity ``pipeline`` finds in ``text`` (only ``detector``'s when given),
    in its order: what a case table compares, and what its failure prints."""
    return [
        (text[e.start : e.end], e.label) for e in pipeline.analyze(text) if detector in (None, e.detector)
    ]


def found_labels(pipeline: Pipeline, text: str) -> set[str]:
    """The labels of everything ``pipeline`` finds in ``text``."""
    return {e.label for e in pipeline.analyze(text)}


def covering_labels(pipeline: Pipeline, text: str, value: str) -> set[str]:
    """The labels of the entities that each cover ``value`` (a substring of ``text``) whole: empty when
    no single entity spans it."""
    start = text.index(value)
    return {e.label for e in pipeline.analyze(text) if e.start <= start and e.end >= start + len(value)}


def labelled(pipeline: Pipeline, text: str, label: str) -> list[str]:
    """The text of every entity of ``label`` that ``pipeline`` finds in ``text``, in its order."""
    return [text[e.start : e.end] for e in pipeline.analyze(text) if e.label == label]


def covered_whole(pipeline: Pipeline, text: str, value: str) -> tuple[bool, list[tuple[str, str]]]:
    """Whether every character of ``value`` (a substring of ``text``) but white space lies inside some
    entity of ``pipeline`` (several entities may share it), and :func:`found_spans` for the failure."""
    entities = pipeline.analyze(text)
    start = text.index(value)
    covered = {k for e in entities for k in range(e.start, e.end)}
    whole = all(k in covered or text[k].isspace() for k in range(start, start + len(value)))
    return whole, [(text[e.start : e.end], e.label) for e in entities]


def cued_value(text: str, value: str | None) -> str:
    """``value``, or when None all that follows the first " is " of ``text``: the value its cue names
    ("my account number is <value>")."""
    return text[text.index(" is ") + 4 :] if value is None else value


def assert_found_as(pipeline: Pipeline, text: str, value: str, label: str | None = None) -> None:
    """One entity of ``pipeline`` spans all of ``value`` (a substring of ``text``), of ``label`` when
    given (the failure lists what was found)."""
    entities = pipeline.analyze(text)
    start = text.index(value)
    end = start + len(value)
    assert any(e.start <= start and e.end >= end and label in (None, e.label) for e in entities), [
        (text[e.start : e.end], e.label) for e in entities
    ]


def assert_redacted_whole(pipeline: Pipeline, text: str, value: str, label: str | None = None) -> None:
    """Every word of ``value`` (a substring of ``text``) is covered, and with ``label`` an entity of that
    label starts over the value's first character (the failure lists what was found)."""
    entities = pipeline.analyze(text)
    assert uncovered_words(pipeline, text, value) == [], [(e.label, text[e.start : e.end]) for e in entities]
    if label is not None:
        start = text.index(value)
        assert any(e.label == label and e.start <= start < e.end for e in entities), entities


def engine_transcripts(rows: int, offset: int = 0) -> pa.Table:
    """Synthetic calls for the engine tests (Ray, Spark): sessions interleaved, names in varying
    order, spoken phone numbers."""
    ids = list(range(offset, offset + rows))
    texts: list[str | None] = []
    for i in ids:
        if i % 9 == 0:
            texts.append(None)
            continue
        first, second = NAMES[(i * 7) % 4], NAMES[(i // 2) % 4]
        texts.append(
            f"{first} here, put {second} on {_spoken(5550000 + i)} or mail {first} at example dot com"
        )
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "session": [None if i % 13 == 4 else f"s{(i * 5) % 6}" for i in ids],
            "transcript": pa.array(texts, pa.string()),
        }
    )


def conversation_transcripts(rows: int) -> pa.Table:
    """Synthetic calls for conversation mode on every engine: sessions interleaved (not grouped),
    a number read in full once per session and confirmed later by its last four digits, a few rows
    without a session."""
    ids = list(range(rows))
    texts: list[str | None] = []
    sessions: list[str | None] = []
    for i in ids:
        session = (i * 5) % 6
        number = 5550000 + 37 * session
        turn = i // 6
        name = NAMES[session % 4]
        if turn % 4 == 0:
            text: str | None = f"{name} here my number is {_spoken(number)}"
        elif turn % 4 == 1:
            last = " ".join(DIGITS[int(digit)] for digit in str(number)[-4:])
            text = f"the one ending in {last} right"
        elif turn % 4 == 2:
            text = None if session == 3 else f"thanks {name} one moment"
        else:
            text = f"so that's {_spoken(number)} and {NAMES[(session + 1) % 4]} too"
        texts.append(text)
        sessions.append(None if i % 17 == 5 else f"s{session}")
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "session": sessions,
            "transcript": pa.array(texts, pa.string()),
        }
    )


#: Conversation mode as the engine tests run it: grouped by session, turns in id order, ids cited.
CONVERSATION_OPTIONS: dict[str, Any] = {
    "group_column": "session", "order_column": "id", "id_column": "id", "conversation": True,
}  # fmt: skip


def local_conversations(table: pa.Table) -> pa.Table:
    """What the local engine makes of ``table`` in conversation mode (what every engine must match)."""
    from redactkit import Pipeline
    from redactkit.io import redact_table

    pipeline = Pipeline.from_config(ENGINE_CONFIG)
    result: pa.Table = redact_table(table, pipeline=pipeline, sort=True, batch_rows=7, **CONVERSATION_OPTIONS)
    return result


def assert_known_from_cited(table: pa.Table) -> None:
    """Some entity was redacted because an earlier turn made its value known."""
    rows = table.column("transcript_entities").to_pylist()
    assert any(entity["known_from"] for row in rows for entity in row or [])


#: A model-free configuration for the Parquet engine tests: phone numbers by regex, three names by a
#: deny list, numbered per group.
NUMBERED_REGEX_CONFIG = """
replace: true
normalizers:
  - name: whitespace
detectors:
  - name: test_regex
    pattern: '\\d{3}-\\d{4}'
    label: PHONE_NUMBER
  - name: deny_list
    terms: {alice: PERSON, bob: PERSON, carol: PERSON}
anonymizer:
  name: policy
  operators: {PERSON: numbered}
  numbered_scope: group
batch_size: 8
"""


@cache
def shared_default_pipeline() -> Pipeline:
    """The shipped default pipeline, built once per test process: conftest's session fixture
    ``default_pipeline`` returns it, and helpers that are no fixtures (``_answers``) call it."""
    return Pipeline.default()


@cache
def default_normalizers() -> tuple[Normalizer, ...]:
    """The default normalizer chain, built once: detector case tables run each detector behind it."""
    from redactkit import Pipeline

    return tuple(Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers)


def found_by(detector: Detector, text: str) -> set[tuple[str, str]]:
    """(label, text) of what ``detector`` alone finds in ``text`` behind the default normalizers."""
    from redactkit import Pipeline
    from redactkit.anonymize import TagAnonymizer

    pipe = Pipeline(normalizers=default_normalizers(), detectors=[detector], anonymizer=TagAnonymizer())
    return {(e.label, text[e.start : e.end]) for e in pipe.analyze(text)}


# One instance per test session of the detectors the noise tests share (the NER one loads its model on
# first use only).
@cache
def names_detector() -> NameDetector:
    return NameDetector()


@cache
def ner_detector() -> SpacyNerDetector:
    return SpacyNerDetector()


@cache
def misheard_guard() -> MisheardGuard:
    return MisheardGuard()


@cache
def _blank_english() -> spacy.language.Language:
    return spacy.blank("en")


def model_guess(text: str, entity: str, spacy_label: str, occurrences: tuple[int, ...] = (0,)) -> Doc:
    """``text`` as a doc whose entities are a recognizer's guesses ``entity`` (``spacy_label``) at the
    given occurrences of it (the first one by default): what the ner detector's guards judge."""
    doc = _blank_english()(text)
    matches = list(re.finditer(rf"\b{entity}\b", text))
    spans = []
    for occurrence in occurrences:
        start = matches[occurrence].start()
        span = doc.char_span(start, start + len(entity))
        assert span is not None, entity
        spans.append(Span(doc, span.start, span.end, label=spacy_label))
    doc.ents = spans
    return doc


def kept_guess(
    text: str, entity: str, spacy_label: str, occurrences: tuple[int, ...] = (0,), *, adapted: bool = False
) -> bool:
    """Whether the ner detector's guards for lowercase speech keep any of :func:`model_guess`'s guesses
    (``adapted``: the guards for adapted weights)."""
    doc = model_guess(text, entity, spacy_label, occurrences)
    return bool(ner_detector()._entities(doc, lowercase=True, adapted=adapted))
