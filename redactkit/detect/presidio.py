"""Presidio's recognizers, run batch-wise over one shared spaCy pipeline.

Vanilla ``AnalyzerEngine.analyze`` runs the full spaCy pipeline per row and tries to download
``en_core_web_lg``. This detector instead streams the whole batch through ``nlp.pipe`` with only the
entity recognizer enabled (tagger, parser and lemmatizer disabled), hands the precomputed
``NlpArtifacts`` to ``analyze``, and uses the locally installed model named in config. Presidio's
context enhancer matches context words by substring against lemmas; with the lemmatizer disabled the
lowercased token stands in, which matches the same words ("numbers" contains "number").
"""

from __future__ import annotations

import importlib
import itertools
import logging
import os
import re
import threading
from bisect import bisect_right
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Annotated, Any, cast

from pydantic import Field

from ..core import AlignedText, Entity
from ..errors import ConfigError, DetectorError
from ..lang import get_lexicon, load_locale
from ._windows import shift_and_dedupe, text_windows
from .base import Detector, detectors
from .places import flight_word_at
from .spacy_models import load_spacy_model, resolve_model_path

if TYPE_CHECKING:
    from presidio_analyzer import AnalyzerEngine, RecognizerResult

__all__ = ["DEFAULT_PRESIDIO_ENTITIES", "DEFAULT_PRESIDIO_LABEL_MAP", "NER_ENTITIES", "PresidioDetector"]

logger = logging.getLogger("redactkit")

#: Presidio entity types looked for by default: its pattern recognizers. Names, places and
#: organisations come from the ``ner`` detector (add PERSON, LOCATION, ORGANIZATION here to have
#: Presidio run spaCy's NER itself); phone numbers from ``identifiers`` (Presidio's phone recognizer
#: costs more than all others together).
DEFAULT_PRESIDIO_ENTITIES: tuple[str, ...] = (
    "EMAIL_ADDRESS",
    "CREDIT_CARD",
    "US_SSN",
    "US_ITIN",
    "IBAN_CODE",
    "IP_ADDRESS",
    "URL",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "US_BANK_NUMBER",
    "CRYPTO",
)

#: Presidio entity types renamed to redactkit's label vocabulary.
DEFAULT_PRESIDIO_LABEL_MAP: dict[str, str] = {
    "US_BANK_NUMBER": "ACCOUNT_NUMBER",
    "CRYPTO": "ACCOUNT_NUMBER",
    "US_ITIN": "US_SSN",
}

# Characters per Presidio call and shared between consecutive windows of a long transcript.
_WINDOW = 5_000
_OVERLAP = 500

# spaCy NER labels that are never PII on their own; ignoring them also silences Presidio's
# "not mapped" warnings.
_IGNORED_SPACY_LABELS = (
    "CARDINAL",
    "ORDINAL",
    "QUANTITY",
    "MONEY",
    "PERCENT",
    "PRODUCT",
    "LANGUAGE",
    "LAW",
    "WORK_OF_ART",
    "EVENT",
)


def _counts(text: str, result: RecognizerResult) -> bool:
    """Whether a digit-run result is counting up or down by one (see ``_DIGIT_RUN_ENTITIES``)."""
    if result.entity_type not in _DIGIT_RUN_ENTITIES:
        return False
    value = text[result.start : result.end]
    digits = [int(char) for char in value if char.isdigit()]
    if len(digits) < _COUNTING_DIGITS or any(char.isalpha() for char in value):
        return False
    steps = {b - a for a, b in itertools.pairwise(digits)}
    return steps in ({1}, {-1})


def make_tldextract_offline() -> None:
    """Stop tldextract (used by Presidio's e-mail recognizer) from fetching the suffix list.

    tldextract builds its module-level extractor at import time and fetches the Public Suffix List on
    first use. Principle 6 forbids that: replace the extractor by one that uses the snapshot bundled
    in the package and no cache directory.
    """
    os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
    import tldextract.tldextract as tld

    if not getattr(tld.TLD_EXTRACTOR, "_redactkit_offline", False):
        extractor = tld.TLDExtract(suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True)
        extractor._redactkit_offline = True  # type: ignore[attr-defined]
        extractor("example.com")  # reads the bundled list now, not at the first e-mail address
        tld.TLD_EXTRACTOR = extractor


#: entity -> compiled patterns one of which a text must match for its recognizers to find anything
_Screens = dict[str, "tuple[Any, ...] | None"]
#: the screens, and the entities every one of whose patterns needs an ASCII digit in each match
_ScreenSet = tuple[_Screens, frozenset[str]]


_engines: dict[tuple[Any, ...], AnalyzerEngine] = {}
_engines_lock = threading.Lock()
#: (engine id, language, entities) -> pattern screens (engines are kept for the process: ids stay theirs)
_screen_cache: dict[tuple[int, str, tuple[str, ...]], _ScreenSet] = {}


_PATTERN_CHARS = re.compile(r"[\d@.]")

#: Presidio entity -> characters one of which every pattern of its recognizer needs (an e-mail's "@",
#: a URL's dot before the domain ending, an IPv4 dot or IPv6 colon): a text without any is not run
#: through that recognizer, which changes no result and costs less than scanning it (see _screens)
_NEEDED_CHARS = {"EMAIL_ADDRESS": "@", "URL": ".", "IP_ADDRESS": ".:"}

# the standard library's regular-expression parser (its syntax trees), for _needs_ascii_digit
_sre_parser: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")
_DIGITS = frozenset("0123456789")

#: an ASCII digit: most pattern entities (cards, socials, IBANs, licences, bank numbers) need one in
#: every match (see _needs_ascii_digit), and a window with none is not scanned for them
_ASCII_DIGIT = re.compile(r"[0-9]")

#: Presidio entity types that come from the spaCy NER model rather than from patterns.
NER_ENTITIES = frozenset({"PERSON", "LOCATION", "ORGANIZATION", "NRP", "DATE_TIME"})

#: Presidio entity types whose patterns take a short code of letters and digits without a checksum
#: (a licence "a1234567", a passport, a bank number): the shape of a flight number too ("lh2155"), so
#: a result right after one of the locale's flight words (``flight_words`` of ``places.yaml``) is
#: dropped ("on flight e k one six one nine": the flight, not a licence), also with one word between
#: that is no stop word ("flight number b a two six six one"; not "a flight to …")
_CODE_SHAPED_ENTITIES = frozenset({"US_DRIVER_LICENSE", "US_PASSPORT", "US_BANK_NUMBER"})

#: Presidio entity types whose patterns take a bare run of digits (no letters, no checksum that a
#: counting run passes): a run that counts up or down by one ("nine eight seven six five four three
#: two one blast off") is a countdown, not a social or a bank number. A value said with its cue is
#: the ``identifiers`` detector's ("my social is one two three four five six seven eight nine").
_DIGIT_RUN_ENTITIES = frozenset({"US_SSN", "US_ITIN", "US_BANK_NUMBER", "US_DRIVER_LICENSE", "US_PASSPORT"})
#: the fewest digits of a counting run
_COUNTING_DIGITS = 5

# the last two words before a position (letters only), within one sentence
_LAST_WORDS = re.compile(r"(?:([^\W\d_]+)[^\w.!?]+)?([^\W\d_]+)[^\w.!?]*$")


def _screens(engine: AnalyzerEngine, language: str, entities: Sequence[str]) -> _ScreenSet:
    """Entity -> the compiled patterns of every recognizer that looks for it, one of which must match a
    text for any of them to find anything there (None: a recognizer that is not only patterns, which
    always runs). A text no pattern of an entity matches is not run through its recognizers: Presidio
    would scan it with the same expressions and find nothing, so results are the same, and a text no
    entity's patterns match is not analysed at all (most spoken texts).

    Also the entities whose every pattern needs an ASCII digit in each of its matches
    (:func:`_needs_ascii_digit`, read from the patterns themselves): a text without a digit is not
    scanned for them at all, one test for all of them instead of a scan per entity."""
    from presidio_analyzer import PatternRecognizer
    from presidio_analyzer.predefined_recognizers import IbanRecognizer

    regex = importlib.import_module("regex")  # what Presidio compiles its patterns with

    # analyze() methods that only run the recognizer's patterns (with its global flags) over the text
    pattern_only = (PatternRecognizer.analyze, IbanRecognizer.analyze)
    screens: _Screens = {}
    digit_gated: set[str] = set()
    for entity in entities:
        compiled: list[Any] = []
        for recognizer in engine.registry.get_recognizers(language=language, entities=[entity]):
            flags = getattr(recognizer, "global_regex_flags", None)
            if not (
                isinstance(recognizer, PatternRecognizer)
                and type(recognizer).analyze in pattern_only
                and flags
            ):
                compiled = []
                break
            patterns: list[Any] = cast(Any, recognizer).patterns  # Presidio's Pattern objects
            compiled.extend(regex.compile(pattern.regex, flags=flags) for pattern in patterns)
        if not compiled:
            screens[entity] = None
            continue
        screen = _one_screen(regex, compiled, entity)
        needed = _domain_ending(regex, compiled) if entity == "URL" else None
        screens[entity] = screen if needed is None else (_Guarded(needed, screen),)
        if all(_needs_ascii_digit(pattern.pattern, pattern.flags) for pattern in compiled):
            digit_gated.add(entity)
    return screens, frozenset(digit_gated)


def _needs_ascii_digit(pattern: str, flags: int) -> bool:
    """Whether every match of ``pattern`` contains an ASCII digit, read from its syntax tree: a digit
    literal or a class of digits only (``[0-9]``, ``[13]``) outside any optional part, in every
    alternative. What the parser cannot read, lookarounds, ``\\d`` (other scripts' digits too) and
    anything optional count as needing none, so the answer errs towards scanning."""
    try:
        tree = _sre_parser.parse(pattern, re.VERBOSE if flags & re.VERBOSE else 0)
    except Exception:  # syntax of the third-party regex module that re does not read
        return False
    return _sequence_needs_digit(list(tree))


def _sequence_needs_digit(items: list[Any]) -> bool:
    return any(_item_needs_digit(op, value) for op, value in items)


def _item_needs_digit(op: Any, value: Any) -> bool:
    constants = _sre_constants
    if op is constants.LITERAL:
        return chr(value) in _DIGITS
    if op is constants.IN:
        return bool(value) and all(
            (kind is constants.LITERAL and chr(item) in _DIGITS)
            or (kind is constants.RANGE and ord("0") <= item[0] <= item[1] <= ord("9"))
            for kind, item in value
        )
    if op in (constants.MAX_REPEAT, constants.MIN_REPEAT, constants.POSSESSIVE_REPEAT):
        low, _high, inner = value
        return low >= 1 and _sequence_needs_digit(list(inner))
    if op is constants.SUBPATTERN:
        return _sequence_needs_digit(list(value[-1]))
    if op is constants.ATOMIC_GROUP:
        return _sequence_needs_digit(list(value))
    if op is constants.BRANCH:
        return all(_sequence_needs_digit(list(branch)) for branch in value[1])
    return False  # lookarounds, anchors, any character, negated classes, back references


class _Guarded:
    """Patterns asked only when a cheaper expression that each of their matches contains is found."""

    def __init__(self, needed: Any, patterns: tuple[Any, ...]) -> None:
        self.needed = needed
        self.patterns = patterns

    def search(self, text: str, timeout: float) -> bool:
        return bool(self.needed.search(text, timeout=timeout)) and any(
            pattern.search(text, timeout=timeout) for pattern in self.patterns
        )


def _domain_ending(regex: Any, compiled: list[Any]) -> Any | None:
    """The part of Presidio's URL patterns every match contains, a dot and a domain ending
    (``[.](?:(?:com)|…)``), compiled with their flags; None if the patterns are not built that way.
    Scanning a text for it is several times cheaper than for the patterns, and most texts have no
    dot right before a domain ending (a sentence's full stop is followed by a space)."""
    from presidio_analyzer.predefined_recognizers import UrlRecognizer

    base = str(getattr(UrlRecognizer, "BASE_URL_REGEX", ""))
    start = base.find("{1,253}[.](?:(?:com)")
    if start < 0 or not compiled or len({pattern.flags for pattern in compiled}) != 1:
        return None
    # each pattern is the base expression with a plain prefix and suffix (no alternation around it)
    around = {
        "(?i)(?:https?://)": "",
        "(?i)": "",
        "(?i)[\"\\'](https?://": ")[\"\\']",
        "(?i)[\"\\'](": ")[\"\\']",
    }
    if not all(
        any(pattern.pattern == prefix + base + suffix for prefix, suffix in around.items())
        for pattern in compiled
    ):
        return None
    start += len("{1,253}")
    depth = 0
    for end in range(start + len("[.]"), len(base)):
        depth += {"(": 1, ")": -1}.get(base[end], 0)
        if depth == 0:
            return regex.compile(base[start : end + 1], flags=compiled[0].flags)
    return None


# what makes patterns unsafe to join into one alternation: a back reference or branch reset (group
# numbers shift) or an inline flag that is not scoped (it would apply to the other patterns too)
_UNJOINABLE = re.compile(r"\\[1-9]|\\g<|\(\?P=|\(\?\||\(\?[a-zA-Z]+\)")

#: entities whose patterns are scanned one by one even when they could be joined: one alternation of
#: their patterns (lookbehinds first) is slower than the patterns in turn
_SCREEN_SEPARATELY = frozenset({"IP_ADDRESS"})


def _one_screen(regex: Any, compiled: list[Any], entity: str) -> tuple[Any, ...]:
    """An entity's patterns as one alternation when that is safe: a text matches it exactly when it
    matches one of them (a backtracking search tries every alternative at every position), and one
    scan of the text costs less than one per pattern."""
    flags = {pattern.flags for pattern in compiled}
    if (
        len(compiled) < 2
        or len(flags) != 1
        or entity in _SCREEN_SEPARATELY
        or any(_UNJOINABLE.search(pattern.pattern) for pattern in compiled)
    ):
        return tuple(compiled)
    try:
        return (regex.compile("|".join(f"(?:{pattern.pattern})" for pattern in compiled), flags=flags.pop()),)
    except regex.error:
        return tuple(compiled)


def _may_match(screen: tuple[Any, ...] | None, text: str, timeout: float) -> bool:
    """Whether one of an entity's patterns matches somewhere in ``text`` (always, without a screen)."""
    if screen is None:
        return True
    try:
        if len(screen) == 1:
            return bool(screen[0].search(text, timeout=timeout))
        return any(pattern.search(text, timeout=timeout) for pattern in screen)
    except TimeoutError:
        return True  # Presidio's own scan times out and skips the pattern: let it


class _OwnedResults(list[Any]):
    """Results that only the analysis at hand holds (its recognizers made them for this call):
    Presidio's context enhancer deep-copies the list it is given before raising scores in it, and
    this list's "deep copy" is a new list of the same result objects, changed in place instead of
    copied (nothing else refers to them; the scores come out the same)."""

    def __deepcopy__(self, memo: dict[int, Any]) -> list[Any]:
        return list(self)


def _context_enhancer() -> Any:
    """Presidio's lemma context enhancer (its defaults) without the per-call deep copy of results
    and with a binary search for the token at a result's start (the same token Presidio's linear
    scan finds: the first token ending after the start)."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    class _Enhancer(LemmaContextAwareEnhancer):
        def enhance_using_context(self, text: str, raw_results: Any, *args: Any, **kwargs: Any) -> Any:
            return super().enhance_using_context(text, _OwnedResults(raw_results), *args, **kwargs)

        @staticmethod
        def _find_index_of_match_token(word: str, start: int, tokens: Any, tokens_indices: list[int]) -> int:
            # tokens are in order and do not overlap, so their ends increase: the first token that
            # ends after ``start`` is the last one starting at or before it, or else the next one
            at = bisect_right(tokens_indices, start) - 1
            if at >= 0 and start < tokens_indices[at] + len(tokens[at]):
                return at
            if at + 1 < len(tokens_indices):
                return at + 1
            raise ValueError("a result's start is after the last token of the text")

    return _Enhancer()


def _analyzer_engine(model: str, language: str, run_ner: bool) -> AnalyzerEngine:
    """One AnalyzerEngine per (model, language, NER or not) per process."""
    key = (resolve_model_path(model), language, run_ner)
    with _engines_lock:
        engine = _engines.get(key)
        if engine is None:
            engine = _build_engine(model, language, run_ner)
            _engines[key] = engine
        return engine


def _build_engine(model: str, language: str, run_ner: bool) -> AnalyzerEngine:
    make_tldextract_offline()
    from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
    from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
    from presidio_analyzer.nlp_engine.ner_model_configuration import MODEL_TO_PRESIDIO_ENTITY_MAPPING

    nlp = load_spacy_model(model, ner_only=True)
    lemmatized = nlp.has_pipe("lemmatizer") and "lemmatizer" not in nlp.disabled
    mapping = dict(MODEL_TO_PRESIDIO_ENTITY_MAPPING)
    mapping["FAC"] = "LOCATION"

    class _PreloadedSpacyNlpEngine(SpacyNlpEngine):
        """A SpacyNlpEngine around an already loaded pipeline (no spacy.load, no download)."""

        def load(self) -> None:
            self.nlp = {language: nlp}  # type: ignore[assignment]

        def process_batch(  # type: ignore[override]
            self,
            texts: list[str],
            language: str,
            batch_size: int = 1,
            n_process: int = 1,
            as_tuples: bool = False,
        ) -> Iterator[tuple[str, NlpArtifacts]]:
            # Without NER entities only tokens are needed: the tokenizer alone is many times faster.
            docs = nlp.pipe(texts, batch_size=batch_size) if run_ner else map(nlp.make_doc, texts)
            for doc in docs:
                yield doc.text, self._doc_to_nlp_artifact(doc, language)

        def _doc_to_nlp_artifact(self, doc: Any, lang: str) -> NlpArtifacts:
            if lemmatized:
                return super()._doc_to_nlp_artifact(doc, lang)
            # no lemmatizer: lowercase words stand in for the lemmas (spaCy's would all be empty), in
            # one pass over the tokens and one keyword list (not Presidio's, then replaced)
            lemmas, indices = [], []
            for token in doc:
                lemmas.append(token.lower_)
                indices.append(token.idx)
            entities, scores = self._get_updated_entities(
                self._get_entities(doc), self._get_scores_for_entities(doc)
            )
            return NlpArtifacts(
                entities=entities,
                tokens=doc,
                tokens_indices=indices,
                lemmas=lemmas,
                nlp_engine=self,
                language=lang,
                scores=scores,
            )

    nlp_engine = _PreloadedSpacyNlpEngine(
        models=[{"lang_code": language, "model_name": model}],
        ner_model_configuration=NerModelConfiguration(
            labels_to_ignore=list(_IGNORED_SPACY_LABELS),
            model_to_presidio_entity_mapping=mapping,
        ),
    )
    nlp_engine.load()
    registry = RecognizerRegistry(supported_languages=[language])
    registry.load_predefined_recognizers(languages=[language], nlp_engine=nlp_engine)
    return AnalyzerEngine(
        registry=registry,
        nlp_engine=nlp_engine,
        supported_languages=[language],
        log_decision_process=False,
        context_aware_enhancer=_context_enhancer(),
    )


@detectors.register("presidio")
class PresidioDetector(Detector):
    """Presidio's predefined recognizers and spaCy NER, batched.

    Good at written-form PII (``john@example.com``, ``212-555-0100``, capitalised names); spoken forms
    need the normalizers in front of it.
    """

    emits = tuple(
        sorted({DEFAULT_PRESIDIO_LABEL_MAP.get(entity, entity) for entity in DEFAULT_PRESIDIO_ENTITIES})
    )

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        label_map = params.get("label_map", DEFAULT_PRESIDIO_LABEL_MAP)
        found = [(f"label_map.{entity}", label) for entity, label in label_map.items()]
        found += [
            (f"entities[{index}]", entity)
            for index, entity in enumerate(params.get("entities", DEFAULT_PRESIDIO_ENTITIES))
            if entity not in label_map
        ]
        return found

    def __init__(
        self,
        model: str = "en_core_web_md",
        language: str = "en",
        entities: tuple[str, ...] = DEFAULT_PRESIDIO_ENTITIES,
        score_threshold: Annotated[float, Field(ge=0.0, le=1.0)] = 0.3,
        label_map: Mapping[str, str] = DEFAULT_PRESIDIO_LABEL_MAP,
        batch_size: Annotated[int, Field(ge=1)] = 64,
        locale: str = "en-US",
    ) -> None:
        #: spaCy pipeline: an installed package name or a directory (see redactkit.detect.spacy_models)
        self.model = model
        #: language code the recognizers run for
        self.language = language
        #: Presidio entity types to look for
        self.entities = tuple(entities)
        #: results scoring below this are dropped (Presidio's scores, 0 to 1)
        self.score_threshold = score_threshold
        #: Presidio entity type -> redactkit label
        self.label_map = dict(label_map)
        #: texts per ``nlp.pipe`` batch
        self.batch_size = batch_size
        #: word tables of the precision guard (the flight words before a code-shaped result)
        self.locale = locale
        if not 0.0 <= score_threshold <= 1.0:
            raise ValueError("score_threshold must be between 0 and 1")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        resolve_model_path(model)  # fail at construction, not on the first batch
        self._stopwords = get_lexicon(locale).stopwords
        flight_words = load_locale(locale).resources.get("places", {}).get("flight_words", [])
        self._flight_words = frozenset(str(word).lower() for word in flight_words)
        airline_cues = load_locale(locale).resources.get("places", {}).get("airline_cues", [])
        self._airline_cues = frozenset(str(word).lower() for word in airline_cues)
        flight_links = load_locale(locale).resources.get("places", {}).get("flight_links", [])
        self._flight_links = frozenset(str(word).lower() for word in flight_links)
        # one-word negative contexts of the identifiers ("model", "part", "room", "version"): a code
        # right after one numbers that thing ("the serial sticker says model b r 9230")
        negatives = load_locale(locale).resources.get("identifiers", {}).get("negative_before", [])
        self._numbered_things = frozenset(
            str(phrase).lower() for phrase in negatives if " " not in str(phrase).strip()
        )

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        results: list[list[Entity]] = [[] for _ in texts]
        run_ner = bool(NER_ENTITIES & set(self.entities))
        # Without NER, every pattern entity needs a digit, "@" or "." (e-mail, URL, numbers, IBAN,
        # IP, licences): texts without any are skipped, which is most of assistant traffic.
        # (text index, window start, window end): Presidio's context enhancer compares every result
        # with every token, so long transcripts run in short overlapping windows (detect._windows)
        todo = [
            (index, start, end)
            for index, aligned in enumerate(texts)
            if aligned.text.strip() and (run_ner or _PATTERN_CHARS.search(aligned.text))
            for start, end in text_windows(aligned.text, _WINDOW, _OVERLAP)
        ]
        if not todo:
            return results
        engine = _analyzer_engine(self.model, self.language, run_ner)
        self._check_entities(engine)
        from presidio_analyzer.pattern_recognizer import REGEX_TIMEOUT_SECONDS

        screens, digit_gated = self._screens_for(engine)
        found_in: list[list[Entity]] = [[] for _ in todo]  # per window
        # (window, its text, the entities whose patterns match somewhere in it); a window no entity's
        # patterns match finds nothing (an empty list would ask Presidio for every entity it knows)
        jobs: list[tuple[int, str, list[str]]] = []
        checks = [
            (entity, _NEEDED_CHARS.get(entity, ""), entity in digit_gated, screens[entity])
            for entity in self.entities
        ]
        for k, (index, start, end) in enumerate(todo):
            piece = texts[index].text[start:end]
            has_digit = _ASCII_DIGIT.search(piece) is not None
            wanted = [
                entity
                for entity, needed, needs_digit, screen in checks
                if (has_digit or not needs_digit)
                and (not needed or any(char in piece for char in needed))
                and _may_match(screen, piece, REGEX_TIMEOUT_SECONDS)
            ]
            if wanted:
                jobs.append((k, piece, wanted))
        stream = engine.nlp_engine.process_batch(
            [piece for _, piece, _ in jobs], self.language, batch_size=self.batch_size
        )
        for (k, _, wanted), (text, artifacts) in zip(jobs, stream, strict=True):
            index = todo[k][0]
            try:
                found = engine.analyze(
                    text,
                    self.language,
                    entities=wanted,
                    score_threshold=self.score_threshold,
                    nlp_artifacts=artifacts,
                )
            except Exception as exc:  # a third-party failure: report it without the text
                # `from None`: the third-party message may quote the transcript (principle 5).
                raise DetectorError(
                    f"detector 'presidio' failed on item {index} of the batch ({type(exc).__name__})"
                ) from None
            kept = [
                result
                for result in found
                if not self._names_a_flight(text, result) and not _counts(text, result)
            ]
            found_in[k] = [self._to_entity(result) for result in kept]
        per_text: dict[int, list[tuple[int, list[Entity]]]] = {}
        for (index, start, _), entities in zip(todo, found_in, strict=True):
            per_text.setdefault(index, []).append((start, entities))
        for index, windows in per_text.items():
            results[index] = windows[0][1] if len(windows) == 1 else shift_and_dedupe(windows)
        return results

    def _screens_for(self, engine: AnalyzerEngine) -> _ScreenSet:
        """The pattern screens of this detector's entities and those of them that need a digit (see
        :func:`_screens`), built once per engine (kept beside the engines, not on the detector, which
        is pickled for workers)."""
        key = (id(engine), self.language, self.entities)
        with _engines_lock:
            screens = _screen_cache.get(key)
            if screens is None:
                screens = _screen_cache[key] = _screens(engine, self.language, self.entities)
        return screens

    def _names_a_flight(self, text: str, result: RecognizerResult) -> bool:
        """Whether a code-shaped result follows a flight word (a flight number) or a word an identifier's
        negative context numbers ("model", "part", "room"): not an identifier."""
        if result.entity_type not in _CODE_SHAPED_ENTITIES or not self._flight_words:
            return False
        before = _LAST_WORDS.search(text, max(0, result.start - 60), result.start)
        if before is None:
            return False
        second, last = (before.group(1) or "").lower(), before.group(2).lower()
        if last in self._numbered_things or (
            second in self._numbered_things
            and second not in self._flight_words  # "a flight to r j 441": the flight rule below decides
            and (last in self._stopwords or last == "number")
        ):
            return True  # "model b r 9230", "the part is a x 152": a product's code, nobody's licence
        if last in self._flight_words or (
            second in self._flight_words and (last not in self._stopwords or last in self._flight_links)
        ):
            return True  # "flight e k 4 1 2", "flight air 4 1 2", "the flight is a s 5 5 1"
        # a flight word misheard after "on" ("on fright e k 4 1 2": places.flight_word_at)
        words = text[max(0, result.start - 60) : result.start].lower().split()
        flight, cues = self._flight_words, self._airline_cues
        return bool(words) and (
            flight_word_at(words, len(words) - 1, flight, cues)
            or (flight_word_at(words, len(words) - 2, flight, cues) and words[-1] not in self._stopwords)
        )

    def _check_entities(self, engine: AnalyzerEngine) -> None:
        """Fail closed on a misspelled entity type: Presidio would silently skip it."""
        if getattr(self, "_entities_checked", False):
            return
        supported = set(engine.get_supported_entities(self.language))
        unknown = sorted(set(self.entities) - supported)
        if unknown:
            raise ConfigError(
                f"unknown Presidio entity type(s) {', '.join(unknown)}; "
                f"supported: {', '.join(sorted(supported))}",
                key="presidio.entities",
                example="entities:\n  - PERSON\n  - PHONE_NUMBER",
            )
        self._entities_checked = True

    def _to_entity(self, result: RecognizerResult) -> Entity:
        recognizer = (result.recognition_metadata or {}).get("recognizer_name", "unknown")
        label = self.label_map.get(result.entity_type, result.entity_type)
        return Entity(
            start=result.start,
            end=result.end,
            label=label,
            score=float(result.score),
            detector=f"presidio/{recognizer}",
            explanation=f"Presidio {recognizer} found {result.entity_type} (score {result.score:.2f})",
        )
