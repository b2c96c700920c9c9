"""The pipeline contract, with model-free components (fast, deterministic)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

import pytest
from _support import RegexDetector
from hypothesis import given
from hypothesis import strategies as st

from redactkit import DataError, DetectorError, NormalizerError, Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.core import AlignedText, AlignmentBuilder, Entity
from redactkit.normalize import Normalizer


class SpokenDigits(Normalizer):
    """Test normalizer: "five" -> "5", "um" deleted; enough to exercise alignment in the pipeline."""

    component_name = "test_spoken_digits"
    WORDS: ClassVar[dict[str, str]] = {
        "zero": "0",
        "one": "1",
        "two": "2",
        "three": "3",
        "four": "4",
        "five": "5",
    }

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        results = []
        for text in texts:
            builder = AlignmentBuilder(text)
            position = 0
            for word in text.split(" "):
                end = position + len(word)
                if word in self.WORDS:
                    builder.replace(position, end, self.WORDS[word], rule="digit")
                    if end < len(text):  # join digits: drop the following space
                        builder.delete(end, end + 1, rule="join")
                elif word == "um":
                    builder.delete(position, min(end + 1, len(text)), rule="filler")
                position = end + 1
            results.append(builder.build())
        return results


def test_redacts_and_reports_original_offsets(regex_pipeline: Pipeline) -> None:
    text = "call  bob smith at 555-0100 now"
    result = regex_pipeline.redact(text)
    assert result.text == "call  [PERSON] at [PHONE_NUMBER] now"
    spans = [(e.label, text[e.start : e.end]) for e in result.entities]
    assert spans == [("PERSON", "bob smith"), ("PHONE_NUMBER", "555-0100")]
    for entity in result.entities:
        assert result.text[entity.redacted_start : entity.redacted_end] == f"[{entity.label}]"


@pytest.mark.parametrize("empty", [None, ""])
def test_none_and_empty_give_empty_results(regex_pipeline: Pipeline, empty: str | None) -> None:
    result = regex_pipeline.redact(empty)
    assert result.text == empty
    assert result.entities == ()
    assert regex_pipeline.analyze(empty) == []


def test_batch_keeps_order_and_length_across_internal_chunks(regex_pipeline: Pipeline) -> None:
    texts = [None, "", "bob", "x 555-0100", None, "alice, 555-0199 and bob", "nothing", ""]
    results = regex_pipeline.redact_batch(texts)
    assert len(results) == len(texts)
    assert [r.text for r in results] == [
        None,
        "",
        "[PERSON]",
        "x [PHONE_NUMBER]",
        None,
        "[PERSON], [PHONE_NUMBER] and [PERSON]",
        "nothing",
        "",
    ]
    assert results == [regex_pipeline.redact(text) for text in texts]
    assert list(regex_pipeline.pipe(iter(texts))) == results
    analyzed = regex_pipeline.analyze_batch(texts)
    assert [[(e.start, e.end) for e in entities] for entities in analyzed] == [
        [(e.start, e.end) for e in r.entities] for r in results
    ]


def test_spans_found_on_normalized_text_cover_the_spoken_words() -> None:
    pipe = Pipeline(
        normalizers=[SpokenDigits()],
        detectors=[RegexDetector(pattern=r"\d{4}", label="PIN")],
        anonymizer=TagAnonymizer(),
    )
    text = "my pin is one two um three four thanks"
    (entity,) = pipe.analyze(text)
    assert text[entity.start : entity.end] == "one two um three four"
    assert pipe.redact(text).text == "my pin is [PIN] thanks"


def test_rejects_non_string_items(regex_pipeline: Pipeline) -> None:
    with pytest.raises(DataError, match="item 1 is of type int"):
        regex_pipeline.redact_batch(["ok", 5])  # type: ignore[list-item]
    with pytest.raises(DataError, match="not one str"):
        regex_pipeline.redact_batch("a text")


class BrokenDetector(RegexDetector):
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        raise RuntimeError(f"boom on {texts[0].text}")


class OffByOneDetector(RegexDetector):
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [[Entity(0, len(t.text) + 1, "X")] for t in texts]


class WrongCountDetector(RegexDetector):
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return []


class WrongOriginalNormalizer(Normalizer):
    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [AlignedText.identity(text + "!") for text in texts]


@pytest.mark.parametrize(
    ("normalizers", "detector", "error", "message"),
    [
        ([], BrokenDetector(), DetectorError, "failed on a batch"),
        ([], OffByOneDetector(), DetectorError, "past the end"),
        ([], WrongCountDetector(), DetectorError, "returned 0 results"),
        ([WrongOriginalNormalizer()], RegexDetector(), NormalizerError, "result.original"),
    ],
)
def test_component_failures_fail_closed(
    normalizers: list[Normalizer], detector: RegexDetector, error: type[Exception], message: str
) -> None:
    pipe = Pipeline(normalizers=normalizers, detectors=[detector], anonymizer=TagAnonymizer())
    with pytest.raises(error, match=message) as info:
        pipe.redact_batch(["secret text 555-0100"])
    assert "secret" not in str(info.value)
    assert info.value.__cause__ is None


def test_pipeline_requires_a_detector() -> None:
    with pytest.raises(ValueError, match="detector"):
        Pipeline(detectors=[], anonymizer=TagAnonymizer())


@given(st.lists(st.one_of(st.none(), st.text(alphabet="bob 5-01ax\t", max_size=25)), max_size=8))
def test_redaction_invariants(texts: list[str | None]) -> None:
    pipe = Pipeline(
        detectors=[RegexDetector(pattern=r"\d+", label="NUM"), RegexDetector(pattern=r"b\w*", label="B")],
        anonymizer=TagAnonymizer(),
        batch_size=3,
    )
    results = pipe.redact_batch(texts)
    assert len(results) == len(texts)
    for text, result in zip(texts, results, strict=True):
        if not text:
            assert result.text == text
            assert not result.entities
            continue
        assert result.text is not None
        # no digit and no b-word survives; entities are disjoint and inside the original
        assert not any(ch.isdigit() for ch in result.text)
        previous_end = 0
        for entity in result.entities:
            assert previous_end <= entity.start < entity.end <= len(text)
            previous_end = entity.end
            assert result.text[entity.redacted_start : entity.redacted_end] == f"[{entity.label}]"


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        (r"out\.st", "check out.store now", "out.store"),  # a URL pattern that stops inside "store"
        (r"ore", "check out.store now", "store"),  # starts inside a word
        (r"55", "call a5551x today", "a5551x"),  # digits glued to letters: the whole token
        (r"bob", "bob's car", "bob"),  # an apostrophe is a word edge
        (r"55", "ref 55-01", "55"),  # so is a hyphen
        (r"jos", "call jos\u00e9 now", "jos\u00e9"),  # accented letters are letters
        (r"\u0438\u0432", "\u0438\u0432\u0430\u043d", "\u0438\u0432\u0430\u043d"),  # so is Cyrillic
        (r"\u4e2d", "\u4e2d\u6587\u540d\u5b57", "\u4e2d"),  # no word edges in scripts written without spaces
    ],
)
def test_spans_are_widened_to_whole_words(pattern: str, text: str, expected: str) -> None:
    pipe = Pipeline(detectors=[RegexDetector(pattern=pattern, label="URL")], anonymizer=TagAnonymizer())
    [entity] = pipe.analyze(text)
    assert text[entity.start : entity.end] == expected


def test_word_widening_is_bounded_on_a_huge_token() -> None:
    text = "x" * 10_000 + "7" + "y" * 10_000
    pipe = Pipeline(detectors=[RegexDetector(pattern=r"7", label="NUM")], anonymizer=TagAnonymizer())
    [entity] = pipe.analyze(text)
    assert entity.end - entity.start == 1 + 2 * 64


@given(st.text(alphabet="ab1 .-", max_size=30))
def test_no_span_cuts_a_word(text: str) -> None:
    pipe = Pipeline(detectors=[RegexDetector(pattern=r"1", label="NUM")], anonymizer=TagAnonymizer())
    result = pipe.redact(text)
    for entity in result.entities:
        assert entity.start == 0 or not (text[entity.start - 1].isalnum() and text[entity.start].isalnum())
        assert entity.end == len(text) or not (text[entity.end - 1].isalnum() and text[entity.end].isalnum())
    assert "1" not in (result.text or "")


class _TokenReader(Normalizer):
    """Test normalizer: tokenizes its input (as every real normalizer does) and changes nothing."""

    component_name = "test_token_reader"

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        from redactkit.lang.tokens import tokenize

        for text in texts:
            tokenize(text)
        return [AlignedText.identity(text) for text in texts]


class _TokenDetector(RegexDetector):
    """Test detector: reads the tokens of each text it is given, like the rule detectors."""

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        from redactkit.lang.tokens import tokenize

        for aligned in texts:
            tokenize(aligned.text)
            tokenize(aligned.original)
        return super().detect_batch(texts)


@pytest.mark.parametrize(
    ("call", "texts", "tokenized"),
    [
        ("analyze_batch", ["call maria at five", "call maria at five", "no pii here"], 2),
        ("redact_batch", ["call maria at five", "five five", "no pii here"], 3),
        ("analyze_batch", [None, "", "one two"], 1),
    ],
)
def test_detectors_read_the_tokens_the_normalizers_made_in_the_same_batch(
    monkeypatch: pytest.MonkeyPatch, call: str, texts: list[str | None], tokenized: int
) -> None:
    """A text is tokenized once per batch: the detectors read what the normalizers tokenized (the
    normalizers' cache is the batch's, not one of their own that ends before the detectors run)."""
    from redactkit.lang import tokens as tokens_module

    scanned: list[str] = []
    pattern = tokens_module._TOKEN

    class _Counting:
        def finditer(self, text: str):  # type: ignore[no-untyped-def]
            scanned.append(text)
            return pattern.finditer(text)

    pipe = Pipeline(normalizers=[_TokenReader()], detectors=[_TokenDetector()], anonymizer=TagAnonymizer())
    monkeypatch.setattr(tokens_module, "_TOKEN", _Counting())
    getattr(pipe, call)(texts)
    assert len(scanned) == tokenized
    scanned.clear()
    pipe.normalize_batch(["call maria at five"])
    assert len(scanned) == 1
    assert tokens_module._CACHE.get() is None  # nothing kept after the batch


def _first_use_builders() -> list[object]:
    """The detectors' cached index builders keyed by a locale or a cut-off, not by a text's words."""
    from redactkit.detect import addresses, identifiers, names, places

    return [
        names._longest_frequent,
        names._word_letters,
        names._longest_word,
        names._listed_names,
        places._long_place_words,
        places._place_starts,
        places._everyday_landmarks,
        places._toponym_heads,
        addresses._places,
        addresses._place_openers,
        identifiers._near_cues,
    ]


def test_a_detectors_indexes_are_built_with_it_not_in_its_first_batch() -> None:
    """Built when the detector is: a first batch that needs one (a typo, a misspelt town, a garbled
    cue) costs what a later one does, so a throughput measure after a short warm-up is fair."""
    from redactkit.detect import AddressDetector, IdentifierDetector, NameDetector, PlaceDetector

    for builder in _first_use_builders():
        builder.cache_clear()  # type: ignore[attr-defined]
    NameDetector(), PlaceDetector(), AddressDetector(), IdentifierDetector()
    built = {builder.__qualname__: builder.cache_info().currsize for builder in _first_use_builders()}  # type: ignore[attr-defined]
    assert all(size > 0 for size in built.values()), built
