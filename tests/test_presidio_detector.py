"""The default pipeline around Presidio, with the installed spaCy model (no network)."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

from redactkit import Pipeline
from redactkit.core import AlignedText
from redactkit.detect import PresidioDetector
from redactkit.detect.spacy_models import load_spacy_model, resolve_model_path
from redactkit.errors import ConfigError, ModelNotFoundError

pytestmark = pytest.mark.slow


def test_acceptance_example(default_pipeline: Pipeline) -> None:
    text = "My name is John Smith, email john@example.com"
    result = default_pipeline.redact(text)
    assert result.text == "My name is [PERSON], email [EMAIL_ADDRESS]"
    found = {(e.label, text[e.start : e.end]) for e in result.entities}
    assert found == {("PERSON", "John Smith"), ("EMAIL_ADDRESS", "john@example.com")}
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.detector
        assert entity.explanation


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Please call 212-555-0142 tomorrow.", "PHONE_NUMBER", "212-555-0142"),
        ("My card is 4111 1111 1111 1111.", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("The server is at 192.168.10.24 today.", "IP_ADDRESS", "192.168.10.24"),
        ("Send it to maria.garcia@example.org please.", "EMAIL_ADDRESS", "maria.garcia@example.org"),
        ("Transfer to GB33BUKB20201555555555 now.", "IBAN_CODE", "GB33BUKB20201555555555"),
    ],
)
def test_written_form_pii_is_found(default_pipeline: Pipeline, text: str, label: str, value: str) -> None:
    entities = default_pipeline.analyze(text)
    assert (label, value) in {(e.label, text[e.start : e.end]) for e in entities}


def test_batch_equals_single_item_calls(default_pipeline: Pipeline) -> None:
    texts = [
        "Call Maria Garcia at 212-555-0142.",
        None,
        "set a timer for five minutes",
        "",
        "Email John Smith at john@example.com",
    ]
    assert default_pipeline.redact_batch(texts) == [default_pipeline.redact(t) for t in texts]


def test_detector_batch_and_single_agree() -> None:
    detector = PresidioDetector()
    texts = [AlignedText.identity(t) for t in ["Call Maria Garcia at 212-555-0142.", "   ", "hello"]]
    assert detector.detect_batch(texts) == [detector.detect(t) for t in texts]
    assert detector.detect_batch(texts)[1] == []


def test_model_is_loaded_once_and_only_ner_runs() -> None:
    first = load_spacy_model("en_core_web_md")
    assert load_spacy_model("en_core_web_md") is first
    assert first.pipe_names == ["ner"]


def test_missing_model_names_the_fix() -> None:
    with pytest.raises(ModelNotFoundError, match=r"does not download models.*make setup"):
        resolve_model_path("xx_no_such_model")
    with pytest.raises(ModelNotFoundError):
        PresidioDetector(model="xx_no_such_model")


def test_misspelled_entity_type_fails_closed() -> None:
    detector = PresidioDetector(entities=("PERSON", "PHONE"))
    with pytest.raises(ConfigError, match=r"unknown Presidio entity type\(s\) PHONE"):
        detector.detect(AlignedText.identity("call 212-555-0142"))


def test_small_model_can_be_selected_in_one_line() -> None:
    pipe = Pipeline.from_config(
        {"replace": ["detectors"], "detectors": [{"name": "presidio", "model": "en_core_web_sm"}]}
    )
    result = pipe.redact("Email john@example.com now")
    assert result.text is not None
    assert result.text.endswith("[EMAIL_ADDRESS] now")
    assert load_spacy_model("en_core_web_sm").meta["name"].startswith("core_web_sm")


def test_no_network_is_used() -> None:
    """Build the default pipeline and redact an e-mail with every socket connection refused."""
    code = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network disabled by test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import redactkit
        pipe = redactkit.Pipeline.default()
        result = pipe.redact("Write to john.smith@example.co.uk or visit https://example.com/x")
        print(result.text)
        """
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "john.smith@example.co.uk" not in completed.stdout
    assert "[EMAIL_ADDRESS]" in completed.stdout


@pytest.mark.parametrize(
    ("entities", "text", "labels"),
    [
        # the e-mail recognizer is skipped without an "@", and nothing else is asked for instead
        (("EMAIL_ADDRESS",), "my ssn is 536-22-8726 and my site is example.com", set()),
        (("EMAIL_ADDRESS",), "write to ana.lopez@example.org", {"EMAIL_ADDRESS"}),
        # URL and IP need a dot (or an IPv6 colon); the other entities still run on the text
        (("URL", "IP_ADDRESS", "US_SSN"), "my ssn is 536-22-8726", {"US_SSN"}),
        (("URL", "IP_ADDRESS"), "see example.com from 10.0.0.12", {"URL", "IP_ADDRESS"}),
        (("IP_ADDRESS",), "the host is fe80::1ff:fe23:4567:890a", {"IP_ADDRESS"}),
    ],
)
def test_recognizers_that_cannot_match_a_text_are_skipped_without_changing_results(
    entities: tuple[str, ...], text: str, labels: set[str]
) -> None:
    detector = PresidioDetector(entities=entities)
    found = detector.detect_batch([AlignedText.identity(text)])[0]
    assert {entity.label for entity in found} == labels


_SCREEN_TEXTS = [
    "my ssn is 536-22-8726 and my itin 912-70-1234",
    "card 4111 1111 1111 1111, account 12345678901, passport 912345678",
    "licence a1234567 or D1234567 and gb82 west 1234 5698 7654 32",
    "send it to ana.lopez@example.org or see www.example.com/a?b=1",
    "the hosts are 10.0.0.12 and fe80::1ff:fe23:4567:890a and ::1",
    "wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT please",
    "nothing here at all. just words, and 12 or 345.",
    "see \"https://docs.example.co.uk/x\" or 'shop.example.ninja' or HTTP://A.B.COM.",
    "mr. smith went to st. louis.not a url. 3.5 and e.g. this",
    "",
]


def test_joined_pattern_screens_match_exactly_when_one_pattern_does() -> None:
    """An entity's screen (its patterns joined into one alternation where safe) matches a text exactly
    when one of the recognizers' own patterns does."""
    import regex
    from presidio_analyzer import PatternRecognizer

    from redactkit.detect import presidio

    detector = PresidioDetector()
    engine = presidio._analyzer_engine(detector.model, detector.language, False)
    screens, _digit_gated = detector._screens_for(engine)
    joined = 0
    for entity in detector.entities:
        patterns = [
            regex.compile(pattern.regex, flags=recognizer.global_regex_flags)
            for recognizer in engine.registry.get_recognizers(language="en", entities=[entity])
            if isinstance(recognizer, PatternRecognizer)
            for pattern in recognizer.patterns
        ]
        screen = screens[entity]
        assert screen is not None
        joined += len(screen) < len(patterns)
        for text in _SCREEN_TEXTS:
            for start in range(0, len(text), 7):  # also pieces cut inside values
                piece = text[start:]
                expected = any(pattern.search(piece) for pattern in patterns)
                assert presidio._may_match(screen, piece, 1.0) == expected, (entity, piece)
    assert joined >= 3  # (the point of joining: one scan instead of one per pattern)


@pytest.mark.parametrize(
    ("pattern", "needs_digit"),
    [
        # every match has an ASCII digit: a digit literal or a class of digits, outside optional parts
        (r"\b[0-9]{9}\b", True),
        (r"(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,59}", True),
        (r"\b9\d{2}[- ]\d{4}\b", True),
        (r"(?<![A-Z0-9])([A-Z]{2}[0-9]{2}(?:[ -]?[A-Z0-9]{4}){2,6})", True),
        (r"(?:a|b)+[0-9]|x[5-7]y", True),
        (r"(?>[0-9]{3})[0-9]++", True),
        # a match may have none: letters and digits mixed, "\d" (other scripts' digits), a digit only
        # in a lookaround, an optional part or one alternative, a negated class, any character
        (r"[A-Z][A-Z0-9]{11}", False),
        (r"\b\d{9}\b", False),
        (r"(?=.*[0-9])[A-Z]{12}", False),
        (r"[0-9]*abc", False),
        (r"(?:x[0-9])?y", False),
        (r"[0-9]{3}|abc", False),
        (r"[^a-z]{3}", False),
        (r".{9}", False),
        (r"[0-9a]", False),
        (r"\p{Nd}{9}", False),  # syntax only the regex module reads: not known, so no gate
    ],
)
def test_a_pattern_needs_an_ascii_digit_only_when_all_its_matches_have_one(
    pattern: str, needs_digit: bool
) -> None:
    from redactkit.detect import presidio

    assert presidio._needs_ascii_digit(pattern, 0) is needs_digit


def test_entities_whose_patterns_need_a_digit_are_not_scanned_in_a_text_without_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The card, social, ITIN, IBAN, licence, passport, bank and crypto patterns all need an ASCII
    digit (read from Presidio's own patterns); e-mail, URL and IP do not. No text without a digit
    matches a gated entity's patterns, so skipping them there changes no result."""
    import regex
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from presidio_analyzer import PatternRecognizer

    from redactkit.detect import presidio

    detector = PresidioDetector()
    engine = presidio._analyzer_engine(detector.model, detector.language, False)
    _screens, gated = detector._screens_for(engine)
    assert gated == {
        "CREDIT_CARD", "US_SSN", "US_ITIN", "IBAN_CODE", "US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER",
        "CRYPTO",
    }  # fmt: skip
    patterns = [
        regex.compile(pattern.regex, flags=recognizer.global_regex_flags)
        for recognizer in engine.registry.get_recognizers(language="en", entities=sorted(gated))
        if isinstance(recognizer, PatternRecognizer)
        for pattern in recognizer.patterns
    ]
    undigited = [text.translate(str.maketrans("", "", "0123456789")) for text in _SCREEN_TEXTS]
    for text in undigited:
        assert not any(pattern.search(text) for pattern in patterns), text

    @settings(max_examples=300, deadline=None)
    @given(st.text(alphabet=st.characters(blacklist_characters="0123456789"), max_size=80))
    def no_match(text: str) -> None:
        assert not any(pattern.search(text) for pattern in patterns)

    no_match()
    # the detector finds the same with the gate as without it (every entity scanned in every window)
    texts = [AlignedText.identity(text) for text in [*_SCREEN_TEXTS, *undigited]]
    gated_found = detector.detect_batch(texts)
    monkeypatch.setattr(presidio, "_ASCII_DIGIT", re.compile(""))
    assert detector.detect_batch(texts) == gated_found
    assert any(gated_found[len(_SCREEN_TEXTS) :])  # (texts without digits still find e-mails and URLs)


def test_context_enhancer_gives_presidios_scores() -> None:
    """The detector's context enhancer (no deep copy, bisected token look-up) raises the same
    scores as Presidio's own, on results with and without context words around them."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from redactkit.detect import presidio

    detector = PresidioDetector()
    ours = presidio._analyzer_engine(detector.model, detector.language, False)
    stock = AnalyzerEngine(
        registry=ours.registry,
        nlp_engine=ours.nlp_engine,
        supported_languages=["en"],
        context_aware_enhancer=LemmaContextAwareEnhancer(),
    )
    texts = [
        *_SCREEN_TEXTS[:-1],
        "my social security number is 536 22 8726",
        "the  account\tnumber:12345678901 (checking)",
        "12345678901 is my bank account",
        "driver license number d1234567, passport number 912345678, credit card 4111111111111111",
    ]
    raised, entities = 0, list(detector.entities)
    for text, artifacts in ours.nlp_engine.process_batch(texts, "en"):
        found = [
            engine.analyze(
                text,
                "en",
                entities=entities,
                nlp_artifacts=artifacts,
                return_decision_process=True,
            )
            for engine in (ours, stock)
        ]
        a, b = ([(r.start, r.end, r.entity_type, r.score) for r in results] for results in found)
        assert sorted(a) == sorted(b), text
        raised += sum(bool(r.analysis_explanation.supportive_context_word) for r in found[0])
    assert raised >= 3  # context words did raise scores


@pytest.mark.parametrize("text", ["a", "one two three", "a  b\t\tc. d,e", "  lead and trail  ", "x-y z!!  w"])
def test_token_look_up_is_presidios_linear_scan(text: str) -> None:
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from redactkit.detect import presidio

    doc = load_spacy_model("en_core_web_md").make_doc(text)
    indices = [token.idx for token in doc]
    ours, stock = presidio._context_enhancer(), LemmaContextAwareEnhancer._find_index_of_match_token
    for start in range(len(text) + 2):
        try:
            expected: int | None = stock("w", start, doc, indices)
        except ValueError:
            expected = None
        try:
            found: int | None = ours._find_index_of_match_token("w", start, doc, indices)
        except ValueError:
            found = None
        assert found == expected, (text, start)


@pytest.mark.parametrize(
    "text",
    [
        "nine eight seven six five four three two one lift off",
        "okay here we go nine eight seven six five four three two one zero",
        "count with me one two three four five six seven eight nine",
    ],
)
def test_counting_runs_are_no_social_security_numbers(default_pipeline: Pipeline, text: str) -> None:
    """A run that counts up or down by one is a countdown, whatever Presidio's patterns take it for."""
    assert not [e for e in default_pipeline.analyze(text) if e.label == "US_SSN"]


def test_a_counting_run_said_with_its_cue_stays_a_social(default_pipeline: Pipeline) -> None:
    text = "my social is nine eight seven six five four three two one"
    assert [e.label for e in default_pipeline.analyze(text)] == ["US_SSN"]
