"""The pipeline: normalizers -> detectors -> mapping back -> overlap resolution -> anonymizer.

Data flows one way: text -> aligned text -> spans -> original spans -> redacted text. Every method is
batch-first; the single-item calls wrap the batch calls.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cached_property
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._gc import paused_gc
from .anonymize import Anonymizer, anonymizers
from .config import ComponentSpec, PipelineConfig, load_config
from .core import AlignedText, Entity, RedactionResult
from .detect import Detector, detectors
from .errors import (
    AnonymizerError,
    ConfigError,
    DataError,
    DetectorError,
    ModelNotFoundError,
    NormalizerError,
    RedactkitError,
)
from .labels import Label
from .labels import labels as label_registry
from .lang.tokens import token_cache, tokenize
from .normalize import Normalizer, normalizers
from .spans import child_ages_as_age, resolve_overlaps

if TYPE_CHECKING:
    from .conversation import ConversationRedactor, ConversationResult
    from .lang.phrases import PhraseTable

__all__ = ["Pipeline"]

logger = logging.getLogger("redactkit")

TextInput = str | None

#: Most words an aside between two parts of one value may have (over it, two entities of one label join).
_MAX_ASIDE_WORDS = 8
_MAX_WORD_WIDENING = 64  # characters a span may grow by on each side to reach a word's edge


def _word_char(char: str) -> bool:
    """A letter or digit of a script written with spaces between words: Latin (with accents and
    Vietnamese), Greek, Cyrillic, Hebrew, Arabic, Devanagari... but not Thai, Lao, Khmer, Myanmar or
    CJK, where a word's edge cannot be seen and widening would take the whole sentence."""
    if char.isascii():
        return char.isalnum()
    code = ord(char)
    return char.isalnum() and (code < 0x0E00 or 0x1E00 <= code < 0x2000)


def _whole_words(entity: Entity, text: str) -> Entity:
    """The entity widened to the edges of the words it cuts (an annotator must never hear the rest
    of a word that was half redacted: a URL pattern that stops at "st" in "out.store", a span mapped
    back from a normalized text). Letters and digits of scripts written with spaces only
    (:func:`_word_char`), at most ``_MAX_WORD_WIDENING`` characters each side (linear time on a
    huge token)."""
    start, end = entity.start, entity.end
    if start >= end:
        return entity
    if start > 0 and _word_char(text[start]) and _word_char(text[start - 1]):
        floor = max(0, start - _MAX_WORD_WIDENING)
        while start > floor and _word_char(text[start - 1]):
            start -= 1
    if end < len(text) and _word_char(text[end - 1]) and _word_char(text[end]):
        ceiling = min(len(text), end + _MAX_WORD_WIDENING)
        while end < ceiling and _word_char(text[end]):
            end += 1
    if (start, end) == (entity.start, entity.end):
        return entity
    return entity.moved(start, end)


class Pipeline:
    """Finds PII in transcripts and redacts it.

    Build one with :meth:`default`, :meth:`from_config`, or directly from component instances (the
    constructor arguments are the configuration's keys). Components load their models lazily, once
    per process, on the first batch.

    >>> pipe = Pipeline.default()                                   # doctest: +SKIP
    >>> pipe.redact("My name is John Smith, email john@example.com").text   # doctest: +SKIP
    'My name is [PERSON], email [EMAIL_ADDRESS]'
    """

    def __init__(
        self,
        detectors: Sequence[Detector],
        anonymizer: Anonymizer,
        normalizers: Sequence[Normalizer] = (),
        batch_size: int = 256,
        merge_adjacent: bool = True,
        thresholds: Mapping[str, float] | None = None,
        allow_list: Sequence[str] = (),
        conversation: Any = None,
        labels: Mapping[str, Mapping[str, Any]] | None = None,
        sensitivity: Any = None,
    ) -> None:
        if not detectors:
            raise ValueError("a pipeline needs at least one detector")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.normalizers = list(normalizers)
        self.detectors = list(detectors)
        self.anonymizer = anonymizer
        self.batch_size = batch_size
        self.merge_adjacent = merge_adjacent
        #: minimum score per label; entities scoring lower are dropped before overlaps are resolved
        self.thresholds = dict(thresholds or {})
        #: texts never redacted (compared case-insensitively with the entity's original text and with
        #: its normalized text: "bbc" also allows a spelled "b b c")
        self.allow_list = tuple(allow_list)
        self._allowed = frozenset(" ".join(term.lower().split()) for term in self.allow_list)
        from .conversation import ConversationOptions

        #: how conversations share known values (:class:`~redactkit.conversation.ConversationOptions`
        #: or its mapping; the ``conversation:`` block of the configuration)
        self.conversation = (
            conversation
            if isinstance(conversation, ConversationOptions)
            else ConversationOptions.model_validate(dict(conversation or {}))
        )
        #: labels this pipeline adds to the registry ({NAME: {description, category, ...}})
        self.labels = {name: dict(block) for name, block in (labels or {}).items()}
        self._register_labels()
        from .sensitivity import SensitivityClassifier

        #: row-level sensitivity and its policy (:mod:`redactkit.sensitivity`; the ``sensitivity:``
        #: block of the configuration)
        self.sensitivity = (
            sensitivity
            if isinstance(sensitivity, SensitivityClassifier)
            else SensitivityClassifier(sensitivity)
        )

    def _register_labels(self) -> None:
        """Register the pipeline's own labels process-wide and check that every label it can emit or
        names is registered (a plugin detector emitting an unknown label fails here, not in a report)."""
        for name, block in self.labels.items():
            label_registry.register(Label.from_mapping(name, block, key=f"labels.{name}"))
        label_registry.check((f"thresholds.{label}", label) for label in self.thresholds)
        label_registry.check(
            (f"conversation.labels[{index}]", label) for index, label in enumerate(self.conversation.labels)
        )
        for index, detector in enumerate(self.detectors):
            label_registry.check(
                (f"detectors[{index}] ({detector.name})", label)
                for label in sorted(detector.emitted_labels())
            )

    # -- construction -------------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Pipeline:
        """The shipped default pipeline (``redactkit/config/default.yaml``)."""
        return cls.from_config(None)

    @classmethod
    def from_config(cls, source: str | Path | Mapping[str, Any] | PipelineConfig | None) -> Pipeline:
        """Build a pipeline from a YAML file, a mapping or a :class:`PipelineConfig`.

        A mapping or file extends the default configuration: components are merged with the defaults
        by name, ``disable: [names]`` removes some and ``replace: true`` takes the lists as given.
        """
        config = load_config(source)
        return cls(
            normalizers=[
                normalizers.create(spec.name, spec.params, key=config.component_key("normalizers", index))
                for index, spec in enumerate(config.normalizers)
            ],
            detectors=[
                detectors.create(spec.name, spec.params, key=config.component_key("detectors", index))
                for index, spec in enumerate(config.detectors)
            ],
            anonymizer=anonymizers.create(config.anonymizer.name, config.anonymizer.params, key="anonymizer"),
            batch_size=config.batch_size,
            merge_adjacent=config.merge_adjacent,
            thresholds=config.thresholds,
            allow_list=config.allow_list,
            conversation=config.conversation,
            labels=config.labels,
            sensitivity=config.sensitivity,
        )

    @property
    def config(self) -> PipelineConfig:
        """The configuration that rebuilds this pipeline (``Pipeline.from_config(pipe.config)``)."""

        def spec(component: Any) -> ComponentSpec:
            return ComponentSpec(name=component.component_name, **component.get_params())

        return PipelineConfig(
            normalizers=[spec(normalizer) for normalizer in self.normalizers],
            detectors=[spec(detector) for detector in self.detectors],
            anonymizer=spec(self.anonymizer),
            batch_size=self.batch_size,
            merge_adjacent=self.merge_adjacent,
            thresholds=self.thresholds,
            allow_list=list(self.allow_list),
            conversation=self.conversation,
            labels=self.labels,
            sensitivity=self.sensitivity.options,
        )

    # -- stages -------------------------------------------------------------------------------------
    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        """Run the normalizer chain; each result maps its text back to the input text."""
        with paused_gc(), token_cache():
            return self._normalize_batch(texts)

    def _normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        aligned = [AlignedText.identity(text) for text in texts]
        for normalizer in self.normalizers:
            failure: RedactkitError | None = None
            try:
                outputs = normalizer.normalize_batch([item.text for item in aligned])
            except Exception as exc:
                failure = component_failure(NormalizerError, "normalizer", normalizer, exc)
            if failure is not None:
                raise failure  # outside the except block: no chained original (it may quote text)
            if len(outputs) != len(aligned):
                raise NormalizerError(
                    f"normalizer {normalizer.component_name!r} returned {len(outputs)} results "
                    f"for {len(aligned)} texts"
                )
            for index, (before, after) in enumerate(zip(aligned, outputs, strict=True)):
                if after.original != before.text:
                    raise NormalizerError(
                        f"normalizer {normalizer.component_name!r} returned an alignment for another "
                        f"text at item {index}: result.original must equal its input"
                    )
            aligned = [before.then(after) for before, after in zip(aligned, outputs, strict=True)]
        return aligned

    def analyze_batch(self, texts: Iterable[TextInput]) -> list[list[Entity]]:
        """Entities per text, in original offsets, overlaps resolved. None/empty give ``[]``."""
        items = _check_texts(texts)
        results: list[list[Entity]] = [[] for _ in items]
        for offset in range(0, len(items), self.batch_size):
            chunk = items[offset : offset + self.batch_size]
            with paused_gc(), token_cache():
                analyzed = self._analyze_chunk(chunk)
            for index, entities in enumerate(analyzed):
                results[offset + index] = entities
        return results

    def _analyze_aligned(
        self, texts: Iterable[TextInput]
    ) -> tuple[list[list[Entity]], list[AlignedText | None]]:
        """Entities per text plus each text's normalized view (None for None/empty texts)."""
        items = _check_texts(texts)
        entities: list[list[Entity]] = [[] for _ in items]
        aligned: list[AlignedText | None] = [None for _ in items]
        for offset in range(0, len(items), self.batch_size):
            chunk = items[offset : offset + self.batch_size]
            with paused_gc(), token_cache():
                found = self._analyze_chunk(chunk, aligned, offset)
            entities[offset : offset + len(chunk)] = found
        return entities, aligned

    def _analyze_chunk(
        self,
        items: Sequence[TextInput],
        views: list[AlignedText | None] | None = None,
        offset: int = 0,
    ) -> list[list[Entity]]:
        positions = [index for index, text in enumerate(items) if text]
        results: list[list[Entity]] = [[] for _ in items]
        if not positions:
            return results
        originals = [items[index] or "" for index in positions]
        logger.debug("analyzing a batch of %d texts (%d non-empty)", len(items), len(positions))
        # (inside the callers' token cache: the normalizers' tokens of the originals and of their
        # outputs stay there for the detectors, which read the same texts; normalize_batch would open
        # a cache of its own and drop them when it returns)
        aligned = self._normalize_batch(originals)
        if views is not None:
            for slot, index in enumerate(positions):
                views[offset + index] = aligned[slot]
        found: list[list[Entity]] = [[] for _ in positions]
        for detector in self.detectors:
            failure: RedactkitError | None = None
            try:
                per_text = detector.detect_batch(aligned)
            except Exception as exc:
                failure = component_failure(DetectorError, "detector", detector, exc)
            if failure is not None:
                raise failure
            if len(per_text) != len(aligned):
                raise DetectorError(
                    f"detector {detector.name!r} returned {len(per_text)} results for {len(aligned)} texts"
                )
            for slot, (alignment, entities) in enumerate(zip(aligned, per_text, strict=True)):
                if not entities:
                    continue  # (most detectors find nothing in most texts)
                for entity in entities:
                    if entity.end > len(alignment.text):
                        raise DetectorError(
                            f"detector {detector.name!r} returned an entity past the end of item {slot}"
                        )
                if self._allowed:  # "b b c" is said, "bbc" is what the allow list names
                    entities = [e for e in entities if not self._is_allowed(alignment.text[e.start : e.end])]
                found[slot].extend(alignment.map_entities(entities))
        for slot, index in enumerate(positions):
            kept = [
                _whole_words(entity, originals[slot])
                for entity in found[slot]
                if self._keep(entity, originals[slot])
            ]
            results[index] = child_ages_as_age(
                resolve_overlaps(
                    kept,
                    originals[slot],
                    merge_adjacent=self.merge_adjacent,
                    aside=self._aside,
                    inserted=self._inserted,
                )
            )
        return results

    @cached_property
    def _asides(self) -> tuple[PhraseTable[tuple[str, ...]], frozenset[str]]:
        """The asides and corrections a speaker says inside a value, and the fillers (the
        transcript's locale: the first normalizer's)."""
        from .lang import get_lexicon, value_interruptions

        said = [getattr(normalizer, "locale", None) for normalizer in self.normalizers]
        locale = next((name for name in said if isinstance(name, str)), "en-US")
        return value_interruptions(locale), get_lexicon(locale).fillers

    def _aside(self, text: str, start: int, end: int) -> bool:
        """``text[start:end]`` is asides, corrections and fillers only (at most eight words). The
        phrases may reach into the entities on either side: "okafor [hold] on o k a f o r", "where was
        [i c o r m i e r]" (a detector took a word of the aside)."""
        phrases, fillers = self._asides
        offset = max(0, start - 40)
        tokens = tokenize(text[offset : end + 40])
        gap_start, gap_end = start - offset, end - offset
        first = next((k for k, token in enumerate(tokens) if token.end > gap_start), len(tokens))
        for origin in range(first, max(first - 3, -1), -1):
            j = origin
            while j < len(tokens) and tokens[j].start < gap_end and j - origin < _MAX_ASIDE_WORDS:
                if tokens[j].lower in fillers or tokens[j].lower == ",":
                    j += 1
                    continue
                found = phrases.starting_at(tokens, j)
                if not found:
                    break
                j += found[0]
            if j > first and (j == len(tokens) or tokens[j].start >= gap_end):
                return True
        return False

    @cached_property
    def _heard_inside_names(self) -> frozenset[str]:
        """Short words a recognizer puts inside a name (``speech.heard_inside_names`` of the
        transcript's locale)."""
        from .lang import load_locale

        said = [getattr(normalizer, "locale", None) for normalizer in self.normalizers]
        locale = next((name for name in said if isinstance(name, str)), "en-US")
        words = load_locale(locale).resources.get("speech", {}).get("heard_inside_names") or ()
        return frozenset(str(word).lower() for word in words)

    def _inserted(self, text: str, first: Entity, second: Entity) -> bool:
        """The one word between two PERSON entities is one a recognizer put inside one name
        (``heard_inside_names``): after a given name and before one word that is a family name or no
        everyday word, and no given name ("shane [is] berg", "kimberly [that] kjeldsen"; "john and
        mary" stay two), or beside a name spelled letter by letter ("d u a [the] v i c o v", "sweeny
        [that] w e e n y")."""
        if (
            first.label != "PERSON"
            or text[first.end : second.start].strip().lower() not in self._heard_inside_names
        ):
            return False
        from .gazetteers import family_names, given_names, is_everyday_word

        left = text[first.start : first.end].lower().split()
        right = text[second.start : second.end].lower().split()
        if _spelled(left[-2:]) or _spelled(right[:2]):
            return True
        word = right[0]
        return (
            len(right) == 1
            and left[-1] in given_names()
            and word.isalpha()
            and word not in given_names()
            and (word in family_names() or not is_everyday_word(word))
        )

    def _keep(self, entity: Entity, text: str) -> bool:
        if entity.score < self.thresholds.get(entity.label, 0.0):
            return False
        return not self._allowed or not self._is_allowed(text[entity.start : entity.end])

    def _is_allowed(self, value: str) -> bool:
        """Whether the allow list names ``value`` (as said, or as the normalizers wrote it)."""
        return " ".join(value.lower().split()) in self._allowed

    def redact_batch(
        self, texts: Iterable[TextInput], groups: Sequence[str | None] | None = None
    ) -> list[RedactionResult]:
        """Redact every text. ``None`` stays ``None`` and ``""`` stays ``""``, with no entities.

        Each result carries the text's ``sensitivity`` and ``sensitivity_reasons``; where the
        ``sensitivity.policy`` withholds its level (``drop_text``, ``route``) its ``text`` is the
        marker and a routed result keeps the span-redacted text in ``routed_text``.

        ``groups`` optionally names each text's conversation or session, so that group-scoped
        pseudonyms (``numbered`` with ``numbered_scope: group``) stay consistent across its rows.
        """
        items = _check_texts(texts)
        if groups is not None and len(groups) != len(items):
            raise DataError(f"redact_batch got {len(items)} texts but {len(groups)} group ids")
        results: list[RedactionResult] = []
        for offset in range(0, len(items), self.batch_size):
            chunk_groups = None if groups is None else groups[offset : offset + self.batch_size]
            with paused_gc(), token_cache():
                results.extend(self._redact_chunk(items[offset : offset + self.batch_size], chunk_groups))
        return results

    def _redact_chunk(
        self, items: Sequence[TextInput], groups: Sequence[str | None] | None = None
    ) -> list[RedactionResult]:
        entities = self._analyze_chunk(items)
        positions = [index for index, text in enumerate(items) if text]
        results = [RedactionResult(text, ()) for text in items]
        if positions:
            failure: RedactkitError | None = None
            try:
                redacted = self.anonymizer.anonymize_batch(
                    [items[index] or "" for index in positions],
                    [entities[index] for index in positions],
                    None if groups is None else [groups[index] for index in positions],
                )
            except Exception as exc:
                failure = component_failure(AnonymizerError, "anonymizer", self.anonymizer, exc)
            if failure is not None:
                raise failure
            for index, result in zip(positions, redacted, strict=True):
                results[index] = result
        return self.sensitivity.apply(items, results)

    def pipe(self, texts: Iterable[TextInput]) -> Iterator[RedactionResult]:
        """Stream redaction results for an iterable of any length, ``batch_size`` texts at a time."""
        iterator = iter(texts)
        while True:
            chunk = list(islice(iterator, self.batch_size))
            if not chunk:
                return
            yield from self._redact_chunk(_check_texts(chunk))

    # -- conversations ------------------------------------------------------------------------------
    @cached_property
    def conversations(self) -> ConversationRedactor:
        """The conversation redactor of this pipeline (it carries a long conversation's known values
        from one call to the next; see :mod:`redactkit.conversation`)."""
        from .conversation import ConversationRedactor

        return ConversationRedactor(self)

    def redact_conversation(
        self,
        turns: Iterable[Any],
        *,
        ids: Sequence[Any] | None = None,
        speakers: Sequence[Any] | None = None,
        conversation_id: str | None = None,
    ) -> ConversationResult:
        """Redact the turns of one conversation, in order, as a whole.

        Values found with confidence in any turn (``conversation:`` block of the configuration:
        labels, ``min_score``, ...) are redacted wherever they recur in the conversation, earlier
        turns included, in their spoken, spelled and written forms and by their parts (a given name
        alone, a family name after a title, the last four digits of a number), with the same label
        and, with numbered pseudonyms, the same number. ``turns`` are texts (``str``/``None``),
        :class:`~redactkit.conversation.Turn` objects or mappings with ``text`` (and ``id``,
        ``speaker``); ``ids`` name the turns in explanations (default ``"turn <index>"``).

        Returns one :class:`~redactkit.core.RedactionResult` per turn (the result is a sequence),
        with ``.known``: what the conversation made known (labels and source turns, no values).

        >>> turns = ["my name is odalys brennagh", "thanks odalys"]
        >>> pipe.redact_conversation(turns)[1].text  # doctest: +SKIP
        'thanks [PERSON]'
        """
        from .conversation.engine import as_turns

        items = as_turns(turns if isinstance(turns, str) else list(turns), ids, speakers)
        return self.conversations.redact(items, conversation_id)

    def reset_groups(self) -> None:
        """Forget group-scoped state: the anonymizer's group numbering and the conversation in
        progress (batch runners call it between independent units of work, such as files)."""
        self.anonymizer.reset_groups()
        if "conversations" in self.__dict__:
            self.conversations.reset()

    def warm_up(self) -> Pipeline:
        """Load every model now (they otherwise load on the first batch); returns the pipeline.

        Useful before timing a run, or in a worker process before it takes work.
        """
        self.redact_batch(["warm up call to Jane Doe at 555-0100"])
        return self

    # -- single-item wrappers -----------------------------------------------------------------------
    def redact(self, text: TextInput, group: str | None = None) -> RedactionResult:
        """Redact one transcript (``group``: its conversation id, for group-scoped pseudonyms)."""
        return self.redact_batch([text], None if group is None else [group])[0]

    def analyze(self, text: TextInput) -> list[Entity]:
        """Entities of one transcript, in original offsets."""
        return self.analyze_batch([text])[0]

    def __repr__(self) -> str:
        stages = [n.component_name for n in self.normalizers] + [d.name for d in self.detectors]
        return f"Pipeline({' -> '.join(stages)} -> {self.anonymizer.component_name})"


def component_failure(
    stage_error: type[RedactkitError], kind: str, component: Any, exc: Exception
) -> RedactkitError:
    """The error to raise when a component fails: it names the component and the error class, never
    the component's own message.

    A plugin's message may quote the transcript it choked on (``ValueError(f"bad name {text}")``),
    and an error travels to stderr, logs and quarantine files. So only redactkit's own components,
    whose messages are written never to quote text, pass their :class:`RedactkitError` on; any
    other error becomes ``stage_error`` (or, for setup problems, the same ConfigError or
    ModelNotFoundError class, so that they are still not quarantined) with a fixed message.
    """
    name = (
        getattr(component, "name", None)
        or getattr(component, "component_name", "")
        or type(component).__name__
    )
    label = f"{kind} {name!r}"
    if isinstance(exc, RedactkitError) and type(component).__module__.startswith("redactkit."):
        if exc.component is None:
            exc.component = label
        return exc
    cls = type(exc) if isinstance(exc, ConfigError | ModelNotFoundError) else stage_error
    error = cls(f"{label} failed on a batch ({type(exc).__name__})")
    error.component = label
    return error


def _check_texts(texts: Iterable[TextInput]) -> list[TextInput]:
    if isinstance(texts, str):
        raise DataError(
            "a batch must be an iterable of texts, not one str; use redact() or analyze() for one text"
        )
    items = texts if isinstance(texts, list) else list(texts)
    for index, text in enumerate(items):
        if text is not None and not isinstance(text, str):
            if isinstance(text, float) and text != text:  # NaN: pandas' missing value
                raise DataError(
                    f"item {index} is NaN; a missing text is None. redact_table(df, column) takes a "
                    "pandas DataFrame and treats NaN and pd.NA as missing"
                )
            raise DataError(
                f"item {index} is of type {type(text).__name__}; redactkit redacts str or None "
                "(None for a missing text)"
            )
    return items


def _spelled(words: Sequence[str]) -> bool:
    """Two letters said one by one ("d u")."""
    return len(words) == 2 and all(len(word) == 1 and word.isalpha() for word in words)
