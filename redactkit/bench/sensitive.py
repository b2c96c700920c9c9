"""The sensitive-content benchmark set: spoken special-category spans and row-level sensitivity.

Transcribers hear health, faith, politics, sexuality, crime and children, not only names and
numbers. This module generates a labeled set of such utterances -- lowercase, unpunctuated, as ASR
writes them, in voice-assistant, call-centre, medical-intake and banking carriers -- to measure
the ``special`` detector (span labels of category ``special_category``) and row-level sensitivity
routing, with ordinary utterances that only *look* sensitive ("play some pride and prejudice",
"the economy is in a depression", "set a timer for my medication at eight") as negatives.

The set is data, in two files beside this module:

- ``data/sensitive_spans.yaml`` -- span families: gold spans of the special-category labels
  (``MEDICATION``, ``RELIGION``, ``MINOR``, ...) and the ordinary negatives;
- ``data/sensitive_rows.yaml`` -- row families: gold row-level sensitivity (``intimate``,
  ``safety``, ...) and its reasons, for routing.

Every family belongs to a split: ``train`` families are the ones the detector's cue phrases were
written against; ``heldout`` families (other carriers, other phrasings, other values) are what the
bench reports, so its figures are not the detector reciting its own rules. Everything is invented.

    >>> from redactkit.bench.sensitive import generate_sensitive
    >>> records = generate_sensitive(split="heldout", seed=1)
    >>> all(r.text[s.start : s.end] for r in records for s in r.spans)
    True
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Literal

from .._yaml import load_shipped
from ..errors import ConfigError
from ..labels import labels
from .formats import LabeledExample, LabeledSpan
from .metrics import EvalRow

__all__ = [
    "KINDS",
    "LEVELS",
    "SPLITS",
    "SensitiveFamily",
    "SensitiveRecord",
    "generate_sensitive",
    "sensitive_dataset",
    "sensitive_families",
    "special_summary",
    "to_labeled_examples",
]

#: What a family is for: ``span`` (gold special-category spans), ``negative`` (nothing sensitive),
#: ``row`` (gold row-level sensitivity, spans optional).
KINDS: tuple[str, ...] = ("span", "negative", "row")
#: Row-level sensitivity levels, least to most restricted.
LEVELS: tuple[str, ...] = ("none", "pii", "special", "intimate", "safety")
SPLITS: tuple[str, ...] = ("train", "heldout")
CARRIERS: tuple[str, ...] = ("assistant", "call_centre", "medical_intake", "banking")

#: Data files of the set, each owned by one part of the detector/routing work.
_FILES: tuple[str, ...] = (
    "sensitive_spans.yaml",
    "sensitive_rows.yaml",
    "sensitive_nrp_heldout.yaml",
    "sensitive_nrp_dev.yaml",
)
_SLOT = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:\.([a-z0-9_]+))?\}")
#: Rows drawn per family by default (duplicates are dropped, so a family may give fewer).
DEFAULT_PER_FAMILY = 24


@dataclass(frozen=True, slots=True)
class SensitiveFamily:
    """A family of templates: one carrier, one split, one kind, one gold row level."""

    name: str
    split: Literal["train", "heldout"]
    kind: Literal["span", "negative", "row"]
    carrier: str
    sensitivity: str
    reasons: tuple[str, ...]
    templates: tuple[str, ...]
    source: str
    #: draws of this family (None: the generator's ``per_family``)
    rows: int | None = None


@dataclass(frozen=True, slots=True)
class SensitiveRecord:
    """One generated utterance with its gold spans and gold row-level sensitivity."""

    id: str
    text: str
    spans: tuple[LabeledSpan, ...]
    sensitivity: str
    reasons: tuple[str, ...]
    family: str
    split: str
    kind: str
    carrier: str

    def to_dict(self) -> dict[str, Any]:
        """The record in redactkit's labeled JSON Lines format, plus the sensitivity fields."""
        return {
            "id": self.id,
            "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
            "sensitivity": self.sensitivity,
            "reasons": list(self.reasons),
            "family": self.family,
            "split": self.split,
            "kind": self.kind,
            "carrier": self.carrier,
        }


@dataclass(frozen=True)
class _SetData:
    families: tuple[SensitiveFamily, ...]
    #: slot name -> pool -> split ("all", "train", "heldout") -> values
    slots: Mapping[str, Mapping[str, Mapping[str, tuple[str, ...]]]] = field(default_factory=dict)


def _error(source: str, key: str, message: str) -> ConfigError:
    return ConfigError(
        f"{source}: {message}",
        key=key,
        example="families:\n  - name: intake_meds\n    split: heldout\n    kind: span\n"
        "    carrier: medical_intake\n    sensitivity: special\n"
        "    templates: ['i take {MEDICATION} every {time}']",
    )


def _read_slots(source: str, raw: Any) -> dict[str, dict[str, dict[str, tuple[str, ...]]]]:
    """``NAME: [values]``, ``NAME: {train: [...], heldout: [...]}`` or ``NAME: {pool: <either>}``."""
    slots: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    if not isinstance(raw, Mapping):
        raise _error(source, "slots", "slots must be a mapping")
    for name, spec in raw.items():
        pools: dict[str, dict[str, tuple[str, ...]]] = {}
        if isinstance(spec, list) or (isinstance(spec, Mapping) and set(spec) <= {"train", "heldout"}):
            spec = {"": spec}
        if not isinstance(spec, Mapping):
            raise _error(source, f"slots.{name}", "a slot is a list of values or a mapping of pools")
        for pool, values in spec.items():
            by_split: dict[str, tuple[str, ...]] = {}
            if isinstance(values, list):
                by_split["all"] = tuple(str(v) for v in values)
            elif isinstance(values, Mapping) and set(values) <= {"train", "heldout"}:
                for split, items in values.items():
                    by_split[split] = tuple(str(v) for v in items)
            else:
                raise _error(
                    source, f"slots.{name}.{pool}", "values are a list or {train: [...], heldout: [...]}"
                )
            pools[str(pool)] = by_split
        slots[str(name)] = pools
    return slots


def _read_families(source: str, raw: Any) -> list[SensitiveFamily]:
    if not isinstance(raw, list):
        raise _error(source, "families", "families must be a list")
    out: list[SensitiveFamily] = []
    for index, block in enumerate(raw):
        key = f"families[{index}]"
        if not isinstance(block, Mapping):
            raise _error(source, key, "a family is a mapping")
        unknown = set(block) - {
            "name",
            "split",
            "kind",
            "carrier",
            "sensitivity",
            "reasons",
            "templates",
            "rows",
        }
        if unknown:
            raise _error(source, f"{key}.{sorted(unknown)[0]}", "unknown key")
        split, kind = block.get("split"), block.get("kind")
        carrier, level = block.get("carrier"), block.get("sensitivity")
        if split not in SPLITS:
            raise _error(source, f"{key}.split", f"split must be one of {', '.join(SPLITS)}")
        if kind not in KINDS:
            raise _error(source, f"{key}.kind", f"kind must be one of {', '.join(KINDS)}")
        if carrier not in CARRIERS:
            raise _error(source, f"{key}.carrier", f"carrier must be one of {', '.join(CARRIERS)}")
        if level not in LEVELS:
            raise _error(source, f"{key}.sensitivity", f"sensitivity must be one of {', '.join(LEVELS)}")
        templates = block.get("templates") or []
        if not templates or not all(isinstance(t, str) for t in templates):
            raise _error(source, f"{key}.templates", "templates must be a non-empty list of strings")
        out.append(
            SensitiveFamily(
                str(block["name"]),
                split,
                kind,
                carrier,
                level,
                tuple(str(r) for r in block.get("reasons") or ()),
                tuple(templates),
                source,
                int(block["rows"]) if block.get("rows") is not None else None,
            )
        )
    return out


@cache
def _load() -> _SetData:
    families: list[SensitiveFamily] = []
    slots: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {}
    folder = resources.files("redactkit.bench").joinpath("data")
    for name in _FILES:
        resource = folder.joinpath(name)
        if not resource.is_file():
            continue
        data = load_shipped(resource.read_text(encoding="utf-8")) or {}
        families += _read_families(name, data.get("families") or [])
        for slot, pools in _read_slots(name, data.get("slots") or {}).items():
            slots.setdefault(slot, {}).update(pools)
    names = [family.name for family in families]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ConfigError(f"sensitive set: family {duplicates[0]!r} is defined twice", key="families")
    data = _SetData(tuple(families), slots)
    for family in families:  # every slot a template names must exist (fail at load, not mid-bench)
        for template in family.templates:
            for match in _SLOT.finditer(template):
                _values(data, match.group(1), match.group(2) or "", family.split)
    return data


def _values(data: _SetData, slot: str, pool: str, split: str) -> tuple[str, ...]:
    pools = data.slots.get(slot)
    if pools is None or pool not in pools:
        name = f"{slot}.{pool}" if pool else slot
        raise ConfigError(f"sensitive set: template slot {{{name}}} has no values", key=f"slots.{slot}")
    by_split = pools[pool]
    values = by_split.get(split) or by_split.get("all")
    if not values:
        raise ConfigError(f"sensitive set: slot {slot} has no {split} values", key=f"slots.{slot}")
    return values


def sensitive_families(split: str | None = None, kind: str | None = None) -> list[SensitiveFamily]:
    """The families of the set, optionally of one split and/or kind."""
    return [
        family
        for family in _load().families
        if (split is None or family.split == split) and (kind is None or family.kind == kind)
    ]


def _render(
    data: _SetData, family: SensitiveFamily, template: str, rng: random.Random
) -> tuple[str, list[LabeledSpan]]:
    """Fill ``template``; a slot named by a registered label becomes a gold span of that label."""
    parts: list[str] = []
    spans: list[LabeledSpan] = []
    length = 0
    position = 0
    for match in _SLOT.finditer(template):
        literal = template[position : match.start()]
        parts.append(literal)
        length += len(literal)
        slot, pool = match.group(1), match.group(2) or ""
        value = rng.choice(_values(data, slot, pool, family.split))
        if slot.isupper() and slot in labels:
            spans.append(LabeledSpan(length, length + len(value), slot))
        parts.append(value)
        length += len(value)
        position = match.end()
    parts.append(template[position:])
    return "".join(parts), spans


def generate_sensitive(
    split: str = "heldout",
    *,
    seed: int = 0,
    per_family: int = DEFAULT_PER_FAMILY,
    kinds: Sequence[str] = KINDS,
) -> list[SensitiveRecord]:
    """Rows of every family of ``split`` and ``kinds``: ``per_family`` distinct rows each (a family's
    ``rows`` overrides it; a family with fewer distinct renderings gives what it has).

    Deterministic for a seed and a redactkit version.
    """
    if split not in SPLITS:
        raise ConfigError(
            f"unknown split {split!r}; one of {', '.join(SPLITS)}", key="split", example="heldout"
        )
    data = _load()
    records: list[SensitiveRecord] = []
    for family in data.families:
        if family.split != split or family.kind not in kinds:
            continue
        rng = random.Random(f"{seed}-{family.name}")
        seen: set[str] = set()
        target = family.rows or per_family
        for draw in range(target * 4):  # duplicates are redrawn, up to four draws a row
            if len(seen) >= target:
                break
            template = family.templates[draw % len(family.templates)]
            text, spans = _render(data, family, template, rng)
            if text in seen:
                continue
            seen.add(text)
            records.append(
                SensitiveRecord(
                    f"{family.name}-{len(seen):03d}",
                    text,
                    tuple(spans),
                    family.sensitivity,
                    family.reasons,
                    family.name,
                    family.split,
                    family.kind,
                    family.carrier,
                )
            )
    return records


def to_labeled_examples(records: Iterable[SensitiveRecord]) -> list[LabeledExample]:
    """The records as the bench's rows (gold spans only; the row level stays on the records)."""
    return [LabeledExample(record.id, record.text, record.spans) for record in records]


def special_summary(rows: Sequence[EvalRow]) -> dict[str, Any]:
    """Special-category figures of one system on one dataset (counts only, never text).

    ``rows_flagged``: rows with any predicted span of a ``special_category`` label, as its label or
    as the label it was protected as (``EvalRow.protected``: a child's age, redacted as an ``AGE``
    protected as a ``MINOR``, flags its row ``MINOR``, as it routes it);
    ``by_label``: rows with a predicted span of each such label (the same way); ``negatives``: rows
    without gold spans, ``negatives_flagged`` of them with a special-category span (the false-alarm
    rate of the sensitive set, and on unlabeled data the share a review pool would see); ``recall``:
    per gold special-category label, values fully covered by the redaction (whatever its label) and
    gold count.
    """
    from ..labels import LabelCategory
    from .metrics import counted_positions

    special = labels.category_members(LabelCategory.SPECIAL_CATEGORY)
    by_label: dict[str, int] = {}
    recall: dict[str, list[int]] = {}
    flagged = negatives = negatives_flagged = 0
    for row in rows:
        predicted = {label for _, _, label in (*row.predicted, *row.protected) if label in special}
        if predicted:
            flagged += 1
        for label in predicted:
            by_label[label] = by_label.get(label, 0) + 1
        if not row.gold:
            negatives += 1
            negatives_flagged += bool(predicted)
            continue
        covered = bytearray(len(row.text))
        for start, end, _ in row.predicted:
            covered[start:end] = b"\x01" * (end - start)
        for start, end, label in row.gold:
            if label not in special:
                continue
            counts = recall.setdefault(label, [0, 0])
            counts[1] += 1
            positions = counted_positions(row.text, start, end)
            counts[0] += all(covered[i] for i in positions)
    return {
        "rows": len(rows),
        "rows_flagged": flagged,
        "by_label": dict(sorted(by_label.items())),
        "negatives": negatives,
        "negatives_flagged": negatives_flagged,
        "recall": {label: {"covered": c[0], "gold": c[1]} for label, c in sorted(recall.items())},
    }


def sensitive_dataset(split: str = "heldout", seed: int = 0) -> Any:
    """The set's span part (span and negative families of ``split``) as a bench dataset."""
    from .runner import Dataset

    records = generate_sensitive(split, seed=seed, kinds=("span", "negative"))
    return Dataset(
        f"sensitive content ({split} families, seed {seed})", "sensitive", to_labeled_examples(records)
    )
