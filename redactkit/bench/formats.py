"""Labeled transcripts in, one data model out: readers for redactkit's format and four importers.

The benchmark scores a pipeline against gold spans. Labeled data comes in many shapes, so every
reader turns its file into :class:`LabeledExample` rows with character offsets into ``text`` and a
label in redactkit's vocabulary (``PERSON``, ``PHONE_NUMBER``, ...). Supported formats:

- ``redactkit``: JSON Lines or Parquet with ``id``, ``text`` and ``spans`` (``start``, ``end``,
  ``label``, ``source_label``), the format of ``../shared/data``;
- ``slurp``: SLURP's own JSON Lines (``sentence_annotation`` markup ``[person : john]`` or
  ``tokens`` + ``entities``);
- ``presidio``: presidio-research JSON (a list, or JSON Lines, of ``full_text`` + ``spans`` with
  ``entity_type``/``start_position``/``end_position``);
- ``docbin``: a spaCy ``DocBin`` (``.spacy``), entities from ``doc.ents``;
- ``conll``: CoNLL / BIO, one token per line with its tag in the last column, blank lines between
  utterances.

Each importer has a default label map (SLURP's slot types to PII labels, for example) that a
:class:`LabelMap` extends or overrides; a label mapped to ``None`` is dropped. Errors name the file,
line and field, never transcript text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

from ..errors import ConfigError, DataError
from ..labels import LabelRegistry
from ..labels import labels as default_labels

__all__ = [
    "FORMATS",
    "LabelMap",
    "LabeledExample",
    "LabeledSpan",
    "detect_format",
    "load_label_map",
    "read_labeled",
    "write_labeled_jsonl",
]

Format = Literal["redactkit", "slurp", "presidio", "docbin", "conll"]
FORMATS: tuple[str, ...] = ("redactkit", "slurp", "presidio", "docbin", "conll")


@dataclass(frozen=True, slots=True)
class LabeledSpan:
    """A gold value: ``text[start:end]`` is PII of ``label``; ``source_label`` is the dataset's name."""

    start: int
    end: int
    label: str
    source_label: str = ""


@dataclass(frozen=True, slots=True)
class LabeledExample:
    """One utterance with its gold spans (sorted, in character offsets of ``text``)."""

    id: str
    text: str
    spans: tuple[LabeledSpan, ...] = ()


#: Default maps per importer: dataset label -> redactkit label, or None to drop it.
_SLURP_MAP: dict[str, str | None] = {
    "person": "PERSON",
    "place_name": "LOCATION",
    "business_name": "ORGANIZATION",
    "date": "DATE_TIME",
    "time": "DATE_TIME",
    "email_address": "EMAIL_ADDRESS",
    "relation": "RELATION",
    "personal_info": "PERSONAL_INFO",
}
_PRESIDIO_MAP: dict[str, str | None] = {
    "STREET_ADDRESS": "ADDRESS",
    "GPE": "LOCATION",
    "PHONE": "PHONE_NUMBER",
    "EMAIL": "EMAIL_ADDRESS",
    "SSN": "US_SSN",
}
_CONLL_MAP: dict[str, str | None] = {
    "PER": "PERSON",
    "PERSON": "PERSON",
    "LOC": "LOCATION",
    "GPE": "LOCATION",
    "ORG": "ORGANIZATION",
}
_DEFAULT_MAPS: dict[str, tuple[dict[str, str | None], bool]] = {
    # format: (map, drop labels the map does not name)
    "redactkit": ({}, False),
    "slurp": (_SLURP_MAP, True),  # SLURP's other slots (song_name, weather_descriptor...) are no PII
    "presidio": (_PRESIDIO_MAP, False),
    "docbin": (_CONLL_MAP, False),
    "conll": (_CONLL_MAP, False),
}


@dataclass(frozen=True)
class LabelMap:
    """Which dataset label becomes which redactkit label.

    ``labels`` maps a dataset label to a redactkit label, or to ``None`` to drop its spans. Labels it
    does not name keep their name, or are dropped when ``unmapped`` is ``"drop"``. The importer's own
    default map applies first; this one overrides it entry by entry. ``unmapped=None`` keeps the
    importer's choice (SLURP drops its non-PII slot types, the others keep every label).
    """

    labels: Mapping[str, str | None] = field(default_factory=dict)
    unmapped: Literal["keep", "drop"] | None = None

    def resolve(self, fmt: str) -> tuple[dict[str, str | None], bool]:
        base, drop = _DEFAULT_MAPS[fmt]
        merged = {**base, **self.labels}
        if self.unmapped is not None:
            drop = self.unmapped == "drop"
        return merged, drop


_LABEL_MAP_EXAMPLE = "labels:\n  person: PERSON\n  song_name: null   # drop\nunmapped: keep"


def load_label_map(
    path: str | Path | None = None, pairs: Iterable[str] = (), label_registry: LabelRegistry | None = None
) -> LabelMap:
    """A label map from a YAML file (``labels:`` + ``unmapped:``) and/or ``SRC=DST`` pairs.

    ``SRC=`` (nothing after ``=``) drops ``SRC``. Pairs override the file. Every target must be a
    registered label (``label_registry``, by default the process-wide one): a misspelled target is a
    ConfigError with a did-you-mean.
    """
    labels: dict[str, str | None] = {}
    origin: dict[str, str] = {}  # dataset label -> where it was mapped (for error messages)
    source: str | None = None
    unmapped: Literal["keep", "drop"] | None = None
    if path is not None:
        source = str(path)
        try:
            data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        except OSError as exc:
            raise DataError(f"cannot read label map {source} ({type(exc).__name__})") from None
        except yaml.YAMLError:
            raise ConfigError("not valid YAML", source=source, example=_LABEL_MAP_EXAMPLE) from None
        if not isinstance(data, dict):
            raise ConfigError("expected a mapping", source=source, example=_LABEL_MAP_EXAMPLE)
        unknown = sorted(set(data) - {"labels", "unmapped"})
        if unknown:
            raise ConfigError(
                f"unknown key(s) {', '.join(map(str, unknown))}",
                key=str(unknown[0]),
                source=source,
                example=_LABEL_MAP_EXAMPLE,
            )
        raw = data.get("labels") or {}
        if not isinstance(raw, dict) or not all(
            isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in raw.items()
        ):
            raise ConfigError(
                "must map dataset labels to a label or null",
                key="labels",
                source=source,
                example=_LABEL_MAP_EXAMPLE,
            )
        labels.update({k: (v or None) for k, v in raw.items()})
        if "unmapped" in data:
            if data["unmapped"] not in ("keep", "drop"):
                raise ConfigError(
                    "must be keep or drop", key="unmapped", source=source, example=_LABEL_MAP_EXAMPLE
                )
            unmapped = data["unmapped"]
    for pair in pairs:
        src, sep, dst = pair.partition("=")
        if not sep or not src.strip():
            raise ConfigError(
                "expected SRC=DST (or SRC= to drop the label)",
                key="--label-map",
                example="--label-map person=PERSON --label-map song_name=",
            )
        labels[src.strip()] = dst.strip() or None
        origin[src.strip()] = f"--label-map {src.strip()}"
    try:
        (label_registry or default_labels).check(
            (origin.get(src, f"labels.{src}"), dst) for src, dst in labels.items() if dst is not None
        )
    except ConfigError as exc:
        raise ConfigError(exc.message, key=exc.key, example=exc.example, source=source) from None
    return LabelMap(labels, unmapped)


# -- format detection -----------------------------------------------------------------------------


def detect_format(path: Path) -> str:
    """Guess a file's format from its extension and, for JSON, from its first record's keys."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return "redactkit"
    if suffix == ".spacy":
        return "docbin"
    if suffix in (".conll", ".conllu", ".bio", ".iob", ".tsv"):
        return "conll"
    if suffix in (".json", ".jsonl", ".ndjson"):
        record = _first_json_record(path)
        if record is not None:
            if "full_text" in record:
                return "presidio"
            if "sentence_annotation" in record or ("entities" in record and "tokens" in record):
                return "slurp"
            if "text" in record and "spans" in record:
                return "redactkit"
    raise DataError(
        f"{path}: cannot tell the format of this file; pass --format with one of {', '.join(FORMATS)}"
    )


def _first_json_record(path: Path) -> dict[str, Any] | None:
    try:
        with path.open(encoding="utf-8") as handle:
            head = handle.read(1 << 16)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the file ({type(exc).__name__})") from None
    stripped = head.lstrip()
    if stripped.startswith("["):  # a JSON array: decode the first element only
        decoder = json.JSONDecoder()
        try:
            first, _ = decoder.raw_decode(stripped[1:].lstrip())
        except json.JSONDecodeError:
            return None
        return first if isinstance(first, dict) else None
    line = stripped.split("\n", 1)[0]
    try:
        first = json.loads(line)
    except json.JSONDecodeError:
        return None
    return first if isinstance(first, dict) else None


# -- reading --------------------------------------------------------------------------------------


def read_labeled(
    path: str | Path, fmt: str | None = None, label_map: LabelMap | None = None
) -> list[LabeledExample]:
    """Read a labeled file into :class:`LabeledExample` rows, labels mapped and spans checked.

    ``fmt`` is one of :data:`FORMATS`, or ``None`` to detect it. Raises :class:`DataError` naming the
    file and line for unreadable input, and never quotes the text.
    """
    path = Path(path)
    if not path.exists():
        raise DataError(f"{path}: no such file")
    if fmt is None:
        fmt = detect_format(path)
    if fmt not in FORMATS:
        raise ConfigError(
            f"unknown format {fmt!r}; one of {', '.join(FORMATS)}",
            key="--format",
            example="--format slurp",
        )
    mapping, drop_unmapped = (label_map or LabelMap()).resolve(fmt)
    readers = {
        "redactkit": _read_redactkit,
        "slurp": _read_slurp,
        "presidio": _read_presidio,
        "docbin": _read_docbin,
        "conll": _read_conll,
    }
    rows: list[LabeledExample] = []
    for index, (row_id, text, spans) in enumerate(readers[fmt](path)):
        kept: list[LabeledSpan] = []
        for start, end, label, source_label in spans:
            if not (0 <= start < end <= len(text)):
                raise DataError(
                    f"{path}: record {index + 1} ({row_id}): span {start}-{end} ({label}) lies outside "
                    f"its text of {len(text)} characters"
                )
            if label in mapping:
                target = mapping[label]
            else:
                target = None if drop_unmapped else label
            if target is None:
                continue
            kept.append(LabeledSpan(start, end, target, source_label or label))
        kept.sort(key=lambda s: (s.start, s.end))
        rows.append(LabeledExample(str(row_id), text, tuple(kept)))
    return rows


RawSpan = tuple[int, int, str, str]
RawRow = tuple[str, str, list[RawSpan]]


def _json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    raise DataError(f"{path}: line {number} is not valid JSON") from None
                if not isinstance(record, dict):
                    raise DataError(f"{path}: line {number} is not a JSON object")
                yield number, record
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the file ({type(exc).__name__})") from None


def _field(path: Path, where: str, record: Mapping[str, Any], key: str, kind: type) -> Any:
    value = record.get(key)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise DataError(f"{path}: {where}: field {key!r} is missing or not a {kind.__name__}")
    return value


def _read_redactkit(path: Path) -> Iterator[RawRow]:
    if path.suffix.lower() == ".parquet":
        records: Iterable[tuple[str, Mapping[str, Any]]] = _parquet_records(path)
    else:
        records = ((f"line {n}", r) for n, r in _json_lines(path))
    for position, (where, record) in enumerate(records):
        text = _field(path, where, record, "text", str)
        spans_raw = record.get("spans") or []
        if not isinstance(spans_raw, list):
            raise DataError(f"{path}: {where}: field 'spans' is not a list")
        spans: list[RawSpan] = []
        for span in spans_raw:
            if not isinstance(span, Mapping):
                raise DataError(f"{path}: {where}: a span is not an object")
            start = _field(path, where, span, "start", int)
            end = _field(path, where, span, "end", int)
            label = _field(path, where, span, "label", str)
            spans.append((start, end, label, str(span.get("source_label") or label)))
        yield str(record.get("id") if record.get("id") is not None else position), text, spans


def _parquet_records(path: Path) -> Iterator[tuple[str, Mapping[str, Any]]]:
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise DataError(f"{path}: cannot read the Parquet file ({type(exc).__name__})") from None
    if "text" not in table.column_names:
        raise DataError(f"{path}: no 'text' column; the labeled format needs id, text and spans")
    for number, record in enumerate(table.to_pylist(), 1):
        yield f"row {number}", record


_SLURP_SLOT = re.compile(r"\[\s*([^\]:]+?)\s*:\s*([^\]]*?)\s*\]")


def _read_slurp(path: Path) -> Iterator[RawRow]:
    for number, record in _json_lines(path):
        row_id = str(record.get("slurp_id", number))
        annotation = record.get("sentence_annotation")
        if isinstance(annotation, str):
            yield row_id, *_parse_slurp_markup(annotation)
            continue
        tokens = record.get("tokens")
        entities = record.get("entities")
        if not isinstance(tokens, list) or not isinstance(entities, list):
            raise DataError(
                f"{path}: line {number}: a SLURP record needs 'sentence_annotation' or 'tokens' and "
                "'entities'"
            )
        surfaces = [str(t.get("surface", "")) if isinstance(t, dict) else str(t) for t in tokens]
        starts: list[int] = []
        position = 0
        for surface in surfaces:
            starts.append(position)
            position += len(surface) + 1
        text = " ".join(surfaces)
        spans: list[RawSpan] = []
        for entity in entities:
            indexes = entity.get("span") if isinstance(entity, dict) else None
            if not isinstance(indexes, list) or not indexes or not all(isinstance(i, int) for i in indexes):
                raise DataError(f"{path}: line {number}: an entity has no token 'span' list")
            if min(indexes) < 0 or max(indexes) >= len(surfaces):
                raise DataError(f"{path}: line {number}: an entity's token index is out of range")
            first, last = min(indexes), max(indexes)
            label = str(entity.get("type", ""))
            spans.append((starts[first], starts[last] + len(surfaces[last]), label, label))
        yield row_id, text, spans


def _parse_slurp_markup(annotation: str) -> tuple[str, list[RawSpan]]:
    """``"wake me at [time : five am]"`` -> ``("wake me at five am", [(11, 18, "time", "time")])``."""
    parts: list[str] = []
    spans: list[RawSpan] = []
    length = 0
    cursor = 0
    for match in _SLURP_SLOT.finditer(annotation):
        before = annotation[cursor : match.start()]
        parts.append(before)
        length += len(before)
        value = match.group(2)
        label = match.group(1).strip()
        if value:
            spans.append((length, length + len(value), label, label))
        parts.append(value)
        length += len(value)
        cursor = match.end()
    parts.append(annotation[cursor:])
    return "".join(parts), spans


def _read_presidio(path: Path) -> Iterator[RawRow]:
    if _starts_with_bracket(path):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise DataError(f"{path}: cannot read the JSON file ({type(exc).__name__})") from None
        if not isinstance(data, list):
            raise DataError(f"{path}: expected a JSON list of samples")
        records: Iterable[tuple[str, Any]] = ((f"sample {n}", r) for n, r in enumerate(data, 1))
    else:
        records = ((f"line {n}", r) for n, r in _json_lines(path))
    for position, (where, record) in enumerate(records):
        if not isinstance(record, dict):
            raise DataError(f"{path}: {where} is not a JSON object")
        text = _field(path, where, record, "full_text", str)
        spans: list[RawSpan] = []
        for span in record.get("spans") or []:
            if not isinstance(span, dict):
                raise DataError(f"{path}: {where}: a span is not an object")
            start = _field(path, where, span, "start_position", int)
            end = _field(path, where, span, "end_position", int)
            label = _field(path, where, span, "entity_type", str)
            spans.append((start, end, label, label))
        row_id = record.get("id", record.get("sample_id", position))
        yield str(row_id), text, spans


def _starts_with_bracket(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.read(4096).lstrip().startswith("[")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the file ({type(exc).__name__})") from None


def _read_docbin(path: Path) -> Iterator[RawRow]:
    import spacy
    from spacy.tokens import DocBin

    try:
        docs = list(DocBin().from_disk(path).get_docs(spacy.blank("en").vocab))
    except Exception as exc:
        raise DataError(f"{path}: cannot read the spaCy DocBin ({type(exc).__name__})") from None
    for number, doc in enumerate(docs):
        spans: list[RawSpan] = [(e.start_char, e.end_char, e.label_, e.label_) for e in doc.ents]
        if not spans and "sc" in doc.spans:
            spans = [(s.start_char, s.end_char, s.label_, s.label_) for s in doc.spans["sc"]]
        yield str(number), doc.text, spans


_BIO_PREFIX = re.compile(r"^([BIESLU])[-_](.+)$")


def _read_conll(path: Path) -> Iterator[RawRow]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read the file ({type(exc).__name__})") from None
    tokens: list[tuple[str, str]] = []
    count = 0
    for number, line in enumerate([*lines, ""], 1):
        columns = line.split()
        if not columns or columns[0] == "-DOCSTART-":
            if tokens:
                yield str(count), *_bio_to_spans(tokens)
                count += 1
                tokens = []
            continue
        if len(columns) < 2:
            raise DataError(f"{path}: line {number}: expected a token and a tag, separated by whitespace")
        tokens.append((columns[0], columns[-1]))


def _bio_to_spans(tokens: list[tuple[str, str]]) -> tuple[str, list[RawSpan]]:
    text_parts: list[str] = []
    spans: list[RawSpan] = []
    open_span: list[Any] | None = None  # [start, end, label]
    position = 0
    for token, tag in tokens:
        start, end = position, position + len(token)
        text_parts.append(token)
        position = end + 1
        match = _BIO_PREFIX.match(tag)
        if tag == "O" or match is None:
            open_span = None
            continue
        prefix, label = match.groups()
        continues = prefix in ("I", "E", "L") and open_span is not None and open_span[2] == label
        if continues and open_span is not None:
            open_span[1] = end
            spans[-1] = (open_span[0], end, label, label)
        else:
            open_span = [start, end, label]
            spans.append((start, end, label, label))
        if prefix in ("E", "L", "S", "U"):
            open_span = None
    return " ".join(text_parts), spans


def write_labeled_jsonl(rows: Iterable[LabeledExample], path: str | Path) -> None:
    """Write rows in redactkit's labeled JSON Lines format (what ``--format redactkit`` reads)."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in rows:
            record = {
                "id": row.id,
                "text": row.text,
                "spans": [
                    {"start": s.start, "end": s.end, "label": s.label, "source_label": s.source_label}
                    for s in row.spans
                ],
            }
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
