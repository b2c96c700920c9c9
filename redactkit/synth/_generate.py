"""Drawing utterances: families -> template -> values -> interruptions -> rendered text with spans.

One draw makes a *plan* (the literal words and the values, with the interruptions already decided),
which renders either spoken (lowercase ASR style, numbers as words, interruptions inside values) or
written (cased, punctuated, values in their written form). Both renderings carry exact character
spans, so a plan rendered twice gives a spoken/written pair of the same utterance.
"""

from __future__ import annotations

import functools
import itertools
import random
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, Literal

from .._yaml import load_shipped
from ._lexicon import lexicon
from ._values import FILLERS, GRAMMARS, VARIANTS, Draw, Value

__all__ = [
    "LABELS",
    "SPLITS",
    "Family",
    "Record",
    "Span",
    "families",
    "generate",
    "generate_pairs",
    "iter_generate",
]

Split = Literal["train", "heldout"]
Style = Literal["spoken", "written"]
SPLITS: tuple[str, ...] = ("train", "heldout")
LABELS: tuple[str, ...] = tuple(GRAMMARS)

#: Chance that a value with two or more chunks gets an interruption between two of them, unless the
#: family sets its own ``interruptions``.
INTERRUPTION = 0.12
#: Kinds of interruption and their weights; a correction ("four two no sorry four three") and a
#: false start ("four one five uh four one five …") need a numeric value, other values fall back to
#: a filler.
_KINDS = {"filler": 0.45, "aside": 0.3, "correction": 0.15, "restart": 0.1}
_SLOT = re.compile(r"\{([A-Za-z_]+)(?::([a-z_]+))?\}")
_ALTERNATION = re.compile(r"\[([^\[\]]*)\]")


@dataclass(frozen=True, slots=True)
class Span:
    """A gold value: ``text[start:end]`` is PII of ``label``."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Record:
    """One generated utterance: the labeled record of redactkit's JSONL format, with its provenance."""

    id: str
    text: str
    spans: tuple[Span, ...]
    family: str
    split: str
    domain: str
    style: str
    #: word error rate of the ASR noise put on the spoken text (0: the text as generated)
    asr_noise: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        """redactkit's labeled JSONL record (``id``, ``text``, ``spans``) plus provenance fields."""
        record: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
            "family": self.family,
            "split": self.split,
            "domain": self.domain,
            "style": self.style,
        }
        if self.asr_noise:
            record["asr_noise"] = self.asr_noise
        return record


@dataclass(frozen=True)
class Template:
    raw: str
    #: labels whose slot is outside any alternation: every draw of the template has them
    required: frozenset[str]
    #: every label a draw can have
    possible: frozenset[str]


@dataclass(frozen=True)
class Family:
    id: str
    split: str
    domain: str
    templates: tuple[Template, ...]
    interruptions: float
    #: drawn only when its domain is asked for (``domains=[...]``), never by default: a family added
    #: for one training file leaves every other draw of the same seed as it was
    opt_in: bool = False

    @property
    def negative(self) -> bool:
        return not any(template.possible for template in self.templates)


def _slot_labels(text: str) -> frozenset[str]:
    return frozenset(name for name, _ in _SLOT.findall(text) if name.isupper())


def _check_template(family: str, raw: str) -> Template:
    where = f"families.yaml: family {family!r}: template {raw!r}"
    if raw.count("[") != raw.count("]") or raw.count("{") != raw.count("}"):
        raise ValueError(f"{where}: unbalanced brackets")
    for name, variant in _SLOT.findall(raw):
        if name.isupper():
            if name not in GRAMMARS:
                raise ValueError(f"{where}: unknown label {name!r} (labels: {', '.join(GRAMMARS)})")
            if variant and variant not in VARIANTS.get(name, ()):
                known = ", ".join(sorted(VARIANTS.get(name, ()))) or "none"
                raise ValueError(f"{where}: unknown variant {variant!r} of {name} (variants: {known})")
        elif name not in FILLERS:
            raise ValueError(f"{where}: unknown filler {{{name}}} (fillers: {', '.join(FILLERS)})")
    outside = _ALTERNATION.sub("", raw)
    return Template(raw, _slot_labels(outside), _slot_labels(raw))


@functools.cache
def families() -> tuple[Family, ...]:
    """The template families of ``data/families.yaml``, validated."""
    source = resources.files("redactkit.synth").joinpath("data", "families.yaml").read_text(encoding="utf-8")
    data = load_shipped(source)
    out: list[Family] = []
    seen: set[str] = set()
    for entry in data["families"]:
        family_id = str(entry["id"])
        if family_id in seen:
            raise ValueError(f"families.yaml: family {family_id!r} is defined twice")
        seen.add(family_id)
        split = str(entry["split"])
        if split not in SPLITS:
            raise ValueError(f"families.yaml: family {family_id!r}: split {split!r} is not train or heldout")
        templates = tuple(_check_template(family_id, str(raw)) for raw in entry["templates"])
        out.append(
            Family(
                family_id,
                split,
                str(entry.get("domain", "other")),
                templates,
                float(entry.get("interruptions", INTERRUPTION)),
                bool(entry.get("opt_in", False)),
            )
        )
    return tuple(out)


# -- plans -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Part:
    spoken: str
    written: str
    label: str | None  # None: literal words or a PII-free filler


def _interrupt(value: Value, rng: random.Random, chance: float, split: str = "train") -> str:
    """The spoken value, with maybe one interruption between two chunks (or inside a chunk)."""
    chunks = list(value.chunks)
    words_total = sum(len(chunk.split()) for chunk in chunks)
    if rng.random() >= chance or words_total < 2:
        return " ".join(chunks)
    lex = lexicon()
    kind = rng.choices(list(_KINDS), weights=list(_KINDS.values()))[0]
    # train draws never call _heldout_shape (a draw): the same seed gives them the same records
    if split == "heldout" and value.numeric and _heldout_shape(kind, rng):
        return _heldout_interruption(chunks, rng, kind)
    if kind == "correction" and value.numeric:
        index = rng.randrange(len(chunks))
        wrong = _mutate(chunks[index], rng)
        if wrong is not None:
            chunks[index] = f"{wrong} {rng.choice(lex.list('corrections'))} {chunks[index]}"
            return " ".join(chunks)
        kind = "filler"
    if kind == "restart" and value.numeric and len(chunks) >= 2:
        # a false start: "four one five uh four one five …"
        chunks.insert(0, f"{chunks[0]} {rng.choice(lex.list('fillers'))}")
        return " ".join(chunks)
    if kind == "aside" and len(chunks) >= 2:
        index = rng.randrange(1, len(chunks))
        chunks.insert(index, rng.choice(lex.list("asides")))
        return " ".join(chunks)
    if not value.numeric:  # names and words: a pause between chunks, not inside a word group
        if len(chunks) < 2:
            return " ".join(chunks)
        index = rng.randrange(1, len(chunks))
        chunks.insert(index, rng.choice(lex.list("fillers")))
        return " ".join(chunks)
    words = " ".join(chunks).split()
    position = rng.randrange(1, len(words))
    filler = rng.choice(lex.list("fillers"))
    if rng.random() < 0.2:
        filler = f"{filler} {filler}"
    words.insert(position, filler)
    return " ".join(words)


_DIGIT_WORDS = ("zero", "oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _heldout_shape(kind: str, rng: random.Random) -> bool:
    """Whether an interruption of ``kind`` in a held-out family takes a held-out shape: every aside,
    half the fillers (the other half stays a plain filler)."""
    return kind == "aside" or (kind == "filler" and rng.random() < 0.5)


def _heldout_interruption(chunks: list[str], rng: random.Random, kind: str) -> str:
    """A numeric value of a held-out family with an interruption of a shape no train draw has
    (``heldout_*`` of words.yaml): a longer aside (an opener, one to three clauses, maybe a closer)
    or one that counts something of its own, for ``kind`` "aside"; a hesitation run or a read-back
    of the part said so far, for "filler". Between two chunks, or inside one (a caller stops in the
    middle of a group)."""
    lex = lexicon()
    words = " ".join(chunks).split()
    if len(chunks) >= 2 and rng.random() < 0.7:
        # between two chunks: the word position where a later chunk starts
        starts = list(itertools.accumulate(len(chunk.split()) for chunk in chunks[:-1]))
        position = rng.choice(starts)
    else:
        position = rng.randrange(1, len(words))
    if kind == "aside":
        if rng.random() < 0.35:
            said = rng.choice(lex.list("heldout_aside_counted")).format(
                n=rng.choice(lex.list("heldout_counts")), nth=rng.choice(lex.list("heldout_ordinals"))
            )
        else:
            clauses = rng.sample(lex.list("heldout_aside_clauses"), rng.randint(1, 3))
            said = " ".join([rng.choice(lex.list("heldout_aside_openers")), *clauses])
        if rng.random() < 0.5:
            said = f"{said} {rng.choice(lex.list('heldout_aside_closers'))}"
    elif rng.random() < 0.6:
        said = rng.choice(lex.list("heldout_hesitations"))
    else:
        part = " ".join(words[max(0, position - 4) : position])
        said = rng.choice(lex.list("heldout_readbacks")).format(part=part)
    words.insert(position, said)
    return " ".join(words)


def _mutate(chunk: str, rng: random.Random) -> str | None:
    """The chunk with one digit word changed: what the caller said before correcting himself."""
    words = chunk.split()
    positions = [i for i, word in enumerate(words) if word in _DIGIT_WORDS]
    if not positions:
        return None
    index = rng.choice(positions)
    words[index] = rng.choice([word for word in _DIGIT_WORDS[2:] if word != words[index]])
    return " ".join(words)


def _plan(template: Template, family: Family, rng: random.Random, interruptions: float | None) -> list[_Part]:
    lex = lexicon()
    text = _ALTERNATION.sub(lambda match: rng.choice(match.group(1).split("|")), template.raw)
    parts: list[_Part] = []
    position = 0
    chance = family.interruptions if interruptions is None else interruptions
    for match in _SLOT.finditer(text):
        literal = text[position : match.start()]
        if literal:
            parts.append(_Part(literal, literal, None))
        name, variant = match.group(1), match.group(2) or ""
        draw = Draw(rng, lex, family.split, variant)
        if name.isupper():
            value = GRAMMARS[name](draw)
            if value.lead:
                parts.append(_Part(value.lead + " ", "", None))
            parts.append(_Part(_interrupt(value, rng, chance, family.split), value.written, name))
        else:
            value = FILLERS[name](draw)
            parts.append(_Part(value.spoken, value.written, None))
        position = match.end()
    if position < len(text):
        parts.append(_Part(text[position:], text[position:], None))
    if parts and rng.random() < 0.08:  # a hesitation before the utterance, outside every span
        opener = rng.choice(["um ", "uh ", "so ", "okay so ", "yeah "])
        parts.insert(0, _Part(opener, "", None))
    return parts


_WRITTEN_I = re.compile(r"\bi\b(?='|\s|$)")


def _render(parts: list[_Part], style: Style) -> tuple[str, tuple[Span, ...]]:
    pieces: list[str] = []
    spans: list[Span] = []
    length = 0
    for part in parts:
        piece = part.spoken if style == "spoken" else part.written
        if part.label is None:
            piece = piece if style == "spoken" else _WRITTEN_I.sub("I", piece)
        else:
            spans.append(Span(length, length + len(piece), part.label))
        pieces.append(piece)
        length += len(piece)
    text = "".join(pieces)
    # collapse doubled spaces left by empty alternatives, keeping the spans on their words
    text, spans = _squeeze(text, spans)
    if style == "written" and text:
        text = text[0].upper() + text[1:]
        text += (
            "?"
            if text.split(" ", 1)[0].lower() in ("is", "what's", "how", "did", "who", "does", "what", "can")
            else "."
        )
    return text, tuple(spans)


def _squeeze(text: str, spans: list[Span]) -> tuple[str, list[Span]]:
    """Remove leading, trailing and repeated spaces; shift span offsets to match."""
    keep = [True] * len(text)
    previous_space = True
    for index, char in enumerate(text):
        if char == " " and previous_space:
            keep[index] = False
        previous_space = char == " "
    for index in range(len(text) - 1, -1, -1):
        if text[index] == " " and keep[index]:
            keep[index] = False
        elif keep[index]:
            break
    new_index = [0] * (len(text) + 1)
    count = 0
    for index, kept in enumerate(keep):
        new_index[index] = count
        count += kept
    new_index[len(text)] = count
    squeezed = "".join(char for char, kept in zip(text, keep, strict=True) if kept)
    return squeezed, [Span(new_index[s.start], new_index[s.end], s.label) for s in spans]


# -- sampling ----------------------------------------------------------------------------------------


def _check_args(
    split: str, labels: Iterable[str] | None, negatives_share: float, written_share: float, asr_noise: float
) -> tuple[str, ...]:
    if split not in SPLITS:
        raise ValueError(f"split must be one of {', '.join(SPLITS)}, not {split!r}")
    if not 0.0 <= negatives_share <= 1.0:
        raise ValueError(f"negatives_share must be between 0 and 1, e.g. 0.2, not {negatives_share}")
    if not 0.0 <= written_share <= 1.0:
        raise ValueError(f"written_share must be between 0 and 1, e.g. 0.3, not {written_share}")
    if not 0.0 <= asr_noise <= 1.0:
        raise ValueError(f"asr_noise must be a word error rate between 0 and 1, e.g. 0.1, not {asr_noise}")
    chosen = tuple(LABELS if labels is None else labels)
    unknown = sorted(set(chosen) - set(LABELS))
    if unknown:
        raise ValueError(f"unknown label(s) {', '.join(unknown)}; the generator knows {', '.join(LABELS)}")
    if not chosen and negatives_share < 1.0:
        raise ValueError(
            "labels is empty: pass at least one label, e.g. labels=['PERSON'], or negatives_share=1"
        )
    return chosen


def iter_generate(
    n: int,
    *,
    seed: int = 0,
    split: str = "train",
    labels: Iterable[str] | None = None,
    negatives_share: float = 0.2,
    written_share: float = 0.0,
    interruptions: float | None = None,
    asr_noise: float = 0.0,
    id_prefix: str = "synth",
    domains: Iterable[str] | None = None,
) -> Iterator[Record]:
    """Yield ``n`` labeled utterances; see :func:`generate`."""
    options = _Options(
        split, labels, negatives_share, written_share, interruptions, asr_noise, id_prefix, domains
    )
    return _records(n, seed, options)


def _records(n: int, seed: int, options: _Options) -> Iterator[Record]:
    for spoken, written in _iter_plans(n, seed, options, pairs=False):
        yield spoken if written is None else written


def generate(
    n: int,
    *,
    seed: int = 0,
    split: str = "train",
    labels: Iterable[str] | None = None,
    negatives_share: float = 0.2,
    written_share: float = 0.0,
    interruptions: float | None = None,
    asr_noise: float = 0.0,
    id_prefix: str = "synth",
    domains: Iterable[str] | None = None,
) -> list[Record]:
    """``n`` labeled utterances from the families of ``split``, deterministic for a given ``seed``.

    Each positive utterance is drawn for one target label (uniform over ``labels``), from a template
    of ``split`` that has that label; a template is only used when all of its labels are in
    ``labels``. A share ``negatives_share`` of the utterances comes from the split's hard-negative
    families (no gold span). ``written_share`` of them are rendered written (cased, punctuated,
    digits) instead of spoken. ``interruptions`` overrides every family's chance of an interruption
    inside a value (0 turns them off). ``asr_noise`` (a word error rate) passes the spoken utterances
    through redactkit's ASR error model (:func:`redactkit.bench.asr_noise.add_asr_noise`: misheard
    digits and cue words, deletions, insertions, split and merged words), spans kept consistent; it
    draws from its own random stream, so the same seed gives the same utterances before the noise.
    ``domains`` keeps only the families of those domains (``formal``: earnings calls, briefings,
    meetings; the ``domain`` of each family in ``data/families.yaml``), hard negatives included.
    """
    options = _Options(
        split, labels, negatives_share, written_share, interruptions, asr_noise, id_prefix, domains
    )
    return list(_records(n, seed, options))


def generate_pairs(
    n: int,
    *,
    seed: int = 0,
    split: str = "train",
    labels: Iterable[str] | None = None,
    negatives_share: float = 0.2,
    interruptions: float | None = None,
    asr_noise: float = 0.0,
    id_prefix: str = "synth",
    domains: Iterable[str] | None = None,
) -> list[tuple[Record, Record]]:
    """``n`` utterances rendered twice: (spoken, written) of the same draw, for distillation.

    The written rendering has no interruptions and no ASR noise; the spans of each rendering are
    its own.
    """
    options = _Options(split, labels, negatives_share, 0.0, interruptions, asr_noise, id_prefix, domains)
    out: list[tuple[Record, Record]] = []
    for spoken, written in _iter_plans(n, seed, options, pairs=True):
        assert written is not None
        out.append((spoken, written))
    return out


@dataclass(frozen=True)
class _Options:
    split: str
    labels: Iterable[str] | None
    negatives_share: float
    written_share: float
    interruptions: float | None
    asr_noise: float
    id_prefix: str
    domains: Iterable[str] | None = None


def _in_domains(split: str, domains: Iterable[str] | None) -> list[Family]:
    """The families of ``split``, only those of ``domains`` when given (unknown domain: an error);
    without ``domains``, the families that are not opt-in."""
    in_split = [family for family in families() if family.split == split]
    if domains is None:
        return [family for family in in_split if not family.opt_in]
    wanted = set(domains)
    known = {family.domain for family in families()}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(
            f"unknown domain(s) {', '.join(unknown)}; the families have {', '.join(sorted(known))}, "
            "e.g. domains=['formal']"
        )
    return [family for family in in_split if family.domain in wanted]


def _iter_plans(
    n: int, seed: int, options: _Options, *, pairs: bool
) -> Iterator[tuple[Record, Record | None]]:
    split = options.split
    chosen = _check_args(
        split, options.labels, options.negatives_share, options.written_share, options.asr_noise
    )
    if n < 0:
        raise ValueError(f"n must be 0 or more, not {n}")
    allowed = set(chosen)
    in_split = _in_domains(split, options.domains)
    negatives = [(family, t) for family in in_split if family.negative for t in family.templates]
    by_label: dict[str, list[tuple[Family, Template]]] = {}
    for family in in_split:
        for template in family.templates:
            if template.possible and template.possible <= allowed:
                for label in template.required:
                    by_label.setdefault(label, []).append((family, template))
    targets = [label for label in chosen if label in by_label]
    # a domain asked for that has only hard-negative families draws its negatives whatever the share
    only_negatives = options.domains is not None and bool(negatives) and not by_label
    if not targets and options.negatives_share < 1.0 and not only_negatives:
        raise ValueError(f"no {split} template has only the labels {', '.join(chosen)}")
    add_noise: Callable[[Record, float, random.Random], Record] | None = None
    if options.asr_noise:
        from ..bench.asr_noise import add_asr_noise

        add_noise = add_asr_noise
    rng = random.Random(seed)
    noise_rng = random.Random(f"asr-noise-{seed}")  # its own stream: the clean draws stay the same
    for index in range(n):
        style: Style = "written" if rng.random() < options.written_share else "spoken"
        if not targets or rng.random() < options.negatives_share:
            family, template = rng.choice(negatives)
        else:
            family, template = rng.choice(by_label[rng.choice(targets)])
        parts = _plan(template, family, rng, options.interruptions)
        record_id = f"{options.id_prefix}-{split}-{seed}-{index:06d}"
        first_style: Style = "spoken" if pairs else style
        text, spans = _render(parts, first_style)
        first = Record(record_id, text, spans, family.id, split, family.domain, first_style)
        if add_noise is not None and first_style == "spoken":
            first = add_noise(first, options.asr_noise, noise_rng)
            first = replace(first, asr_noise=options.asr_noise)
        second = None
        if pairs:
            text, spans = _render(parts, "written")
            second = Record(record_id, text, spans, family.id, split, family.domain, "written")
        yield first, second
