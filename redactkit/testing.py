"""The conformance suite every redactkit component passes, exported for plugin authors.

Like scikit-learn's ``parametrize_with_checks``: hand your components to
:func:`parametrize_with_checks` and pytest runs every check that applies to each of them.

    from redactkit.testing import parametrize_with_checks

    @parametrize_with_checks([EmployeeIdDetector()])
    def test_conformance(component, check):
        check(component)

The checks (each a function ``check(component)`` raising ``AssertionError``):

- **offsets**: a detector's entities lie inside the text it was given and start and end on word
  boundaries (no half words); a normalizer's alignment maps every span into the original;
- **batch == single**: a batch gives the same result as its texts one by one;
- **determinism**: the same input twice gives the same output;
- **pickling**: a pickled and unpickled component gives the same output (worker processes, Ray
  and Spark ship components this way);
- **config round-trip**: ``get_params()`` rebuilds an equal component through its registry;
- **declared labels**: a detector emits only labels it declares (``emitted_labels()``), and those
  are registered;
- **no transcript text** in explanations (entity explanations never quote what they found);
- **linear time**: a ten times longer input (about 40,000 characters) costs at most
  ``LINEAR_TOLERANCE`` times ten times the work of a short one, counted in executed lines of Python
  (deterministic: no timing, so no flaky bound on a busy machine; quadratic work costs a hundred
  times). ``benchmarks/bench_long.py`` times whole pipelines on a million characters.

The inputs are invented spoken utterances full of PII, as ASR writes them.
"""

from __future__ import annotations

import pickle
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import FrameType
from typing import Any

from ._gc import paused_gc
from .anonymize import Anonymizer, anonymizers
from .core import AlignedText, Entity
from .detect import Detector, detectors
from .labels import labels
from .normalize import Normalizer, normalizers
from .registry import Component

__all__ = [
    "LINEAR_TOLERANCE",
    "SAMPLE_TEXTS",
    "all_checks",
    "check_batch_equals_single",
    "check_config_round_trip",
    "check_declared_labels",
    "check_deterministic",
    "check_linear_time",
    "check_no_text_in_explanations",
    "check_offsets",
    "check_picklable",
    "count_python_lines",
    "parametrize_with_checks",
]

#: invented utterances as ASR writes them (every value is made up)
SAMPLE_TEXTS: tuple[str, ...] = (
    "hi my name is maria lopez and my number is five five five oh one nine nine",
    "uh call john smith at two one two five five five zero one four two",
    "my email is j o h n dot smith at gmail dot com",
    "i live at one twenty three main street apartment four b in springfield",
    "my card number is four one one one one one one one one one one one one one one one",
    "my social is one two three four five six seven eight nine no sorry nine eight",
    "i work at northwind logistics in denver",
    "set a timer for five minutes and play track two",
    "Please send the invoice to Dr. Amelia Watson, 221B Baker Street, London.",
    "my password is blue monkey and my member id is a b four four seven two",
    "",
    "   ",
    "okay",
    "wake me up at seven am tomorrow",
    "my date of birth is march third nineteen eighty five and i'm forty two years old",
)

#: a ten times longer input may cost at most this times ten times the work of the short one
LINEAR_TOLERANCE = 2.0

_WORD = re.compile(r"[^\W_]{3,}")


def _aligned(texts: Iterable[str]) -> list[AlignedText]:
    return [AlignedText.identity(text) for text in texts]


def _normalized(texts: Sequence[str]) -> list[AlignedText]:
    """``texts`` through the default normalizer chain, each aligned to its original."""
    from .config import load_config

    aligned = _aligned(texts)
    config = load_config(None)
    for index, spec in enumerate(config.normalizers):
        key = config.component_key("normalizers", index)
        normalizer = normalizers.create(spec.name, spec.params, key=key)
        outputs = normalizer.normalize_batch([item.text for item in aligned])
        aligned = [before.then(after) for before, after in zip(aligned, outputs, strict=True)]
    return aligned


def _run(component: Component, texts: Sequence[str]) -> list[Any]:
    if isinstance(component, Detector):
        return component.detect_batch(_aligned(texts))
    if isinstance(component, Normalizer):
        return [(item.text, item.to_original(0, len(item.text))) for item in component.normalize_batch(texts)]
    if isinstance(component, Anonymizer):
        entities = [_fake_entities(text) for text in texts]
        return [result.text for result in component.anonymize_batch(list(texts), entities)]
    raise AssertionError(f"{type(component).__name__} is not a detector, normalizer or anonymizer")


def _fake_entities(text: str) -> list[Entity]:
    """Every third word as a PERSON entity: input for anonymizers that needs no detector."""
    return [
        Entity(match.start(), match.end(), "PERSON", 0.9, "conformance", "a word")
        for index, match in enumerate(_WORD.finditer(text))
        if index % 3 == 0
    ]


def _on_boundary(text: str, offset: int) -> bool:
    if offset in (0, len(text)):
        return True
    return not (text[offset - 1].isalnum() and text[offset].isalnum())


def check_offsets(component: Component) -> None:
    """Detector entities lie inside their text and on word boundaries; normalizer spans map inside."""
    if isinstance(component, Detector):
        aligned = _aligned(SAMPLE_TEXTS)
        for item, found in zip(aligned, component.detect_batch(aligned), strict=True):
            for entity in found:
                assert 0 <= entity.start < entity.end <= len(item.text), (
                    f"{component.name}: entity {entity.label} at ({entity.start}, {entity.end}) outside a "
                    f"text of length {len(item.text)}"
                )
                assert _on_boundary(item.text, entity.start) and _on_boundary(item.text, entity.end), (
                    f"{component.name}: entity {entity.label} at ({entity.start}, {entity.end}) cuts a word"
                )
    elif isinstance(component, Normalizer):
        for text, item in zip(SAMPLE_TEXTS, component.normalize_batch(SAMPLE_TEXTS), strict=True):
            assert item.original == text, f"{component.component_name}: result.original is not its input"
            for start in range(0, len(item.text), 3):
                for end in (start + 1, min(len(item.text), start + 7)):
                    if end <= len(item.text) and start < end:
                        o_start, o_end = item.to_original(start, end)
                        assert 0 <= o_start <= o_end <= len(text)


def check_batch_equals_single(component: Component) -> None:
    """A batch gives what its texts give one by one."""
    batch = _run(component, SAMPLE_TEXTS)
    single = [_run(component, [text])[0] for text in SAMPLE_TEXTS]
    assert batch == single, f"{type(component).__name__}: batch results differ from single-text results"


def check_deterministic(component: Component) -> None:
    """The same input twice gives the same output."""
    assert _run(component, SAMPLE_TEXTS) == _run(component, SAMPLE_TEXTS), (
        f"{type(component).__name__}: two runs on the same input differ"
    )


def check_picklable(component: Component) -> None:
    """A pickled copy gives the same output (workers, Ray and Spark ship components pickled)."""
    copy = pickle.loads(pickle.dumps(component))
    assert _run(copy, SAMPLE_TEXTS) == _run(component, SAMPLE_TEXTS), (
        f"{type(component).__name__}: the unpickled copy gives other results"
    )


def check_config_round_trip(component: Component) -> None:
    """``get_params()`` rebuilds the component through its registry, with equal parameters."""
    name = component.component_name
    assert name, f"{type(component).__name__} is not registered (decorate it with <registry>.register)"
    registry: Any = (
        detectors
        if isinstance(component, Detector)
        else normalizers
        if isinstance(component, Normalizer)
        else anonymizers
    )
    params = component.get_params()
    rebuilt = registry.create(name, params, key=name)
    assert rebuilt.get_params() == params, f"{name}: get_params() does not rebuild an equal component"


def check_declared_labels(component: Component) -> None:
    """A detector emits only labels it declares, and declares only registered labels."""
    if not isinstance(component, Detector):
        return
    declared = component.emitted_labels()
    unknown = sorted(declared - set(labels.names()))
    assert not unknown, f"{component.name}: declares unregistered labels {unknown}"
    for found in component.detect_batch(_aligned(SAMPLE_TEXTS)):
        for entity in found:
            assert entity.label in declared, f"{component.name}: emitted {entity.label}, not declared"


def check_no_text_in_explanations(component: Component) -> None:
    """Explanations say why, never what: no word of a found value appears in its explanation."""
    if not isinstance(component, Detector):
        return
    aligned = _aligned(SAMPLE_TEXTS)
    for item, found in zip(aligned, component.detect_batch(aligned), strict=True):
        for entity in found:
            value_words = {word.lower() for word in _WORD.findall(item.text[entity.start : entity.end])}
            explained = {word.lower() for word in _WORD.findall(entity.explanation)}
            leaked = value_words & explained - _EXPLANATION_WORDS
            assert not leaked, f"{component.name}: an explanation of {entity.label} quotes the value it found"


# words an explanation may use that can also occur inside values ("number", "street")
_EXPLANATION_WORDS = frozenset(
    "number numbers digits digit street address name names card code date email phone after before "
    "introduced cue word words spelled letters with and the".split()
)


def count_python_lines(call: Callable[[], object]) -> int:
    """How many lines of Python ``call()`` executes (with the cyclic GC paused): a measure of work
    that, unlike a timing, does not depend on the machine or on what else runs on it, so a test can
    compare two inputs exactly. Work done in C (a regular expression, a set union) counts as one
    line per call; ``benchmarks/bench_long.py`` times the whole pipeline for that part."""
    count = 0

    def on_line(frame: FrameType, event: str, arg: object) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return on_line

    def on_call(frame: FrameType, event: str, arg: object) -> Any:
        return on_line

    previous = sys.gettrace()
    with paused_gc():
        sys.settrace(on_call)
        try:
            call()
        finally:
            sys.settrace(previous)
    return count


def check_linear_time(component: Component) -> None:
    """A ten times longer text costs at most ``LINEAR_TOLERANCE`` x 10 the work of a short one,
    counted in executed lines of Python (:func:`count_python_lines`): deterministic, so the bound
    holds on a busy machine as on an idle one. A quadratic step costs a hundred times."""
    unit = " ".join(text for text in SAMPLE_TEXTS if text.strip()) + " "
    short = unit * max(1, 4_000 // len(unit))
    long = short * 10
    _run(component, [short[:2000]])  # warm up: lazy tables, models, caches filled on first use
    if isinstance(component, Detector):
        # a detector sees normalized text, as in a pipeline: mapping its spans through a real
        # alignment must stay linear too (an identity alignment would hide that)
        inputs = {text: _normalized([text]) for text in (short, long)}
        work_short = count_python_lines(lambda: component.detect_batch(inputs[short]))
        work_long = count_python_lines(lambda: component.detect_batch(inputs[long]))
    else:
        work_short = count_python_lines(lambda: _run(component, [short]))
        work_long = count_python_lines(lambda: _run(component, [long]))
    ratio = work_long / max(work_short, 1)
    assert ratio <= 10 * LINEAR_TOLERANCE, (
        f"{type(component).__name__}: a 10x longer text ran {ratio:.0f}x the lines of Python (super-linear)"
    )


_CHECKS: tuple[Callable[[Component], None], ...] = (
    check_offsets,
    check_batch_equals_single,
    check_deterministic,
    check_picklable,
    check_config_round_trip,
    check_declared_labels,
    check_no_text_in_explanations,
    check_linear_time,
)


def all_checks(component: Component) -> Iterator[Callable[[Component], None]]:
    """Every check that applies to ``component``."""
    yield from _CHECKS


def parametrize_with_checks(components: Sequence[Component]) -> Any:
    """A ``pytest.mark.parametrize`` over ``(component, check)`` pairs, with readable ids."""
    import pytest

    pairs = [(component, check) for component in components for check in all_checks(component)]
    ids = [
        f"{component.component_name or type(component).__name__}-{check.__name__}"
        for component, check in pairs
    ]
    return pytest.mark.parametrize(("component", "check"), pairs, ids=ids)
