"""Build a review set: a stratified sample of a redacted dataset, with everything a reviewer needs.

A reviewer cannot read a million rows, and a simple random sample of a dataset where 2 % of rows hold
a credit card shows almost none. So rows are put in strata (by their rarest label, by detector, by
sensitivity level or by score band; quarantined rows and rows with no entity always form their own
strata, and rows holding a low-score entity are kept apart from the others), every stratum gets a
share of the sample however small it is, and each sampled row carries the weight ``N_h / n_h`` of its
stratum, so that :mod:`redactkit.review.report` can estimate the dataset's recall from the sample.

The review folder holds transcript text by design (``rows.json``); it is created readable by its
owner only. Nothing here logs or prints text.
"""

from __future__ import annotations

import os
import random
import re
import shutil
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._version import __version__
from ..errors import DataError
from ..io.parquet import QUARANTINE_LABEL
from ._align import replacement_offsets
from .store import MANIFEST_FILE, ROWS_FILE, STATE_FILE, write_private_json

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = ["STRATIFY", "BuildResult", "build_review", "label_choices"]

#: Ways to stratify the sample (``--stratify``).
STRATIFY: tuple[str, ...] = ("label", "sensitivity", "detector", "low-score")

#: Score bands of ``--stratify low-score`` (lower bounds, highest first).
_SCORE_BANDS: tuple[tuple[float, str], ...] = (
    (0.85, "score >= 0.85"),
    (0.7, "score 0.70-0.85"),
    (0.5, "score 0.50-0.70"),
    (float("-inf"), "score < 0.50"),
)
_LABEL_NAME = re.compile(r"^[A-Z][A-Z0-9_]{0,39}$")
_NO_ENTITY = "no entity"
_QUARANTINED = "quarantined"
_META_DIR = "_redactkit"  # the dataset engine's report/quarantine folder inside an output dataset


@dataclass(frozen=True)
class BuildResult:
    """What :func:`build_review` wrote (counts only, no text)."""

    directory: Path
    population: int
    sampled: int
    not_reviewable: int
    strata: dict[str, tuple[int, int]]  # stratum -> (rows in the dataset, rows sampled)
    labels_in_sample: dict[str, int]
    audio_rows: int
    explained: bool


@dataclass(slots=True)
class _RowFacts:
    part: int
    row: int
    labels: tuple[str, ...]
    detectors: tuple[str, ...]
    min_score: float
    quarantined: bool
    sensitivity: str | None


# -- input files ----------------------------------------------------------------------------------


def _parquet_files(root: Path) -> dict[str, Path]:
    if root.is_file():
        return {"": root}
    if not root.is_dir():
        raise DataError(f"{root}: no such file or folder")
    found: dict[str, Path] = {}
    for path in sorted(root.rglob("*.parquet")):
        relative = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in relative.parts):
            continue  # hidden, partial, or the engine's _redactkit folder
        found[relative.as_posix()] = path
    if not found:
        raise DataError(f"{root}: no Parquet files in this folder")
    return found


def _pairs(input_path: Path, redacted_path: Path) -> list[tuple[str, Path, Path]]:
    originals = _parquet_files(input_path)
    redacted = _parquet_files(redacted_path)
    if set(originals) != set(redacted):
        if "" in originals or "" in redacted:
            raise DataError(
                "INPUT and REDACTED must both be files or both be dataset folders "
                f"(got {input_path} and {redacted_path})"
            )
        missing = sorted(set(originals) - set(redacted))
        extra = sorted(set(redacted) - set(originals))
        detail = f"{len(missing)} input file(s) have no redacted copy" if missing else ""
        if extra:
            detail += ("; " if detail else "") + f"{len(extra)} redacted file(s) have no input"
        first = (missing or extra)[0]
        raise DataError(f"INPUT and REDACTED do not mirror each other: {detail} (e.g. {first})")
    return [(name, originals[name], redacted[name]) for name in sorted(originals)]


def _schema(path: Path) -> pa.Schema:
    import pyarrow.parquet as pq

    try:
        return pq.read_schema(path)
    except Exception as exc:
        raise DataError(f"{path}: not a readable Parquet file ({type(exc).__name__})") from None


def _num_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception as exc:
        raise DataError(f"{path}: not a readable Parquet file ({type(exc).__name__})") from None


def _require(schema: pa.Schema, column: str, path: Path, hint: str) -> None:
    if column not in schema.names:
        raise DataError(
            f"{path}: no column {column!r} ({hint}). Available columns: {', '.join(schema.names)}"
        )


@dataclass(frozen=True)
class _Columns:
    text: str
    redacted: str
    entities: str
    id: str | None
    audio: str | None
    redacted_audio: str | None
    sensitivity: str | None
    sensitivity_in_input: bool


def _resolve_columns(
    input_schema: pa.Schema,
    redacted_schema: pa.Schema,
    input_file: Path,
    redacted_file: Path,
    *,
    text_column: str,
    redacted_column: str | None,
    entities_column: str | None,
    id_column: str | None,
    audio_column: str | None,
    redacted_audio_column: str | None,
    stratify: str,
) -> _Columns:
    _require(input_schema, text_column, input_file, "the transcript column, --text-column")
    entities = entities_column or f"{text_column}_entities"
    _require(redacted_schema, entities, redacted_file, "the entities column `redactkit redact` writes")
    if redacted_column is None:
        redacted_column = f"{text_column}_redacted"
        if redacted_column not in redacted_schema.names:
            redacted_column = text_column  # redacted with --in-place
    _require(redacted_schema, redacted_column, redacted_file, "the redacted text, --redacted-column")
    if id_column is not None:
        _require(input_schema, id_column, input_file, "--id-column")
    if audio_column is None and "audio_path" in input_schema.names:
        audio_column = "audio_path"
    elif audio_column is not None:
        _require(input_schema, audio_column, input_file, "--audio-column")
    if audio_column is not None and redacted_audio_column is None:
        candidate = f"{audio_column}_redacted"
        redacted_audio_column = candidate if candidate in redacted_schema.names else None
    elif redacted_audio_column is not None:
        _require(redacted_schema, redacted_audio_column, redacted_file, "--redacted-audio-column")
    sensitivity: str | None = None
    in_input = False
    if "sensitivity" in redacted_schema.names:
        sensitivity = "sensitivity"
    elif "sensitivity" in input_schema.names:
        sensitivity, in_input = "sensitivity", True
    if stratify == "sensitivity" and sensitivity is None:
        raise DataError(
            "--stratify sensitivity needs a 'sensitivity' column (row-level sensitivity levels) in "
            "INPUT or REDACTED, and neither has one; stratify by label, detector or low-score instead "
            "(e.g. --stratify label)"
        )
    return _Columns(
        text_column,
        redacted_column,
        entities,
        id_column,
        audio_column,
        redacted_audio_column,
        sensitivity,
        in_input,
    )


# -- the population -------------------------------------------------------------------------------


def _scan(pairs: Sequence[tuple[str, Path, Path]], columns: _Columns) -> tuple[list[_RowFacts], int]:
    """Facts about every reviewable row (labels, detectors, lowest score...) and the count of the rest."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    facts: list[_RowFacts] = []
    not_reviewable = 0
    interned: dict[tuple[str, ...], tuple[str, ...]] = {}
    for part, (name, input_file, redacted_file) in enumerate(pairs):
        rows = _num_rows(input_file)
        if _num_rows(redacted_file) != rows:
            raise DataError(
                f"{redacted_file}: {_num_rows(redacted_file):,} rows, but its input {input_file} has "
                f"{rows:,}; a review needs the redacted output of this very input"
            )
        text = pq.read_table(input_file, columns=[columns.text]).column(0)
        reviewable = pc.fill_null(pc.greater(pc.utf8_length(text), 0), False).to_pylist()
        del text
        wanted = [columns.entities]
        if columns.sensitivity is not None and not columns.sensitivity_in_input:
            wanted.append(columns.sensitivity)
        table = pq.read_table(redacted_file, columns=wanted)
        sensitivity_values: list[Any]
        if columns.sensitivity is None:
            sensitivity_values = [None] * rows
        elif columns.sensitivity_in_input:
            sensitivity_values = (
                pq.read_table(input_file, columns=[columns.sensitivity]).column(0).to_pylist()
            )
        else:
            sensitivity_values = table.column(columns.sensitivity).to_pylist()
        entities = table.column(columns.entities).combine_chunks()
        lengths = pc.fill_null(pc.list_value_length(entities), 0).to_pylist()
        flat = pc.list_flatten(entities)
        labels = pc.struct_field(flat, "label").to_pylist()
        detectors = (
            pc.struct_field(flat, "detector").to_pylist()
            if "detector" in [f.name for f in flat.type]
            else [""] * len(labels)
        )
        scores = (
            pc.struct_field(flat, "score").to_pylist()
            if "score" in [f.name for f in flat.type]
            else [1.0] * len(labels)
        )
        cursor = 0
        for row in range(rows):
            count = lengths[row]
            row_labels = labels[cursor : cursor + count]
            row_detectors = detectors[cursor : cursor + count]
            row_scores = scores[cursor : cursor + count]
            cursor += count
            if not reviewable[row]:
                not_reviewable += 1
                continue
            label_set = tuple(sorted({str(label) for label in row_labels}))
            detector_set = tuple(sorted({str(d or "") for d in row_detectors}))
            known_scores = [float(s) for s in row_scores if s is not None]
            facts.append(
                _RowFacts(
                    part=part,
                    row=row,
                    labels=interned.setdefault(label_set, label_set),
                    detectors=interned.setdefault(detector_set, detector_set),
                    min_score=min(known_scores) if known_scores else 1.0,
                    quarantined=QUARANTINE_LABEL in label_set,
                    sensitivity=_sensitivity_text(sensitivity_values[row]),
                )
            )
        del name
    return facts, not_reviewable


def _sensitivity_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return "+".join(sorted({str(v) for v in value if v is not None})) or None
    return str(value)


def _rarest(values: tuple[str, ...], frequency: Counter[str]) -> str:
    return min(values, key=lambda value: (frequency[value], value))


def _stratum_keys(facts: Sequence[_RowFacts], stratify: str, low_score: float) -> list[str]:
    label_rows: Counter[str] = Counter()
    detector_rows: Counter[str] = Counter()
    for fact in facts:
        label_rows.update(fact.labels)
        detector_rows.update(fact.detectors)
    keys: list[str] = []
    for fact in facts:
        if fact.quarantined:
            keys.append(_QUARANTINED)
            continue
        low = " · low score" if fact.labels and fact.min_score < low_score else ""
        if stratify == "sensitivity":
            suffix = " · no entity" if not fact.labels else low
            keys.append(f"sensitivity {fact.sensitivity or 'unset'}{suffix}")
        elif not fact.labels:
            keys.append(_NO_ENTITY)
        elif stratify == "label":
            keys.append(_rarest(fact.labels, label_rows) + low)
        elif stratify == "detector":
            keys.append("detector " + (_rarest(fact.detectors, detector_rows) or "unknown") + low)
        else:  # low-score
            keys.append(next(name for bound, name in _SCORE_BANDS if fact.min_score >= bound))
    return keys


def _allocate(sizes: dict[str, int], budget: int) -> dict[str, int]:
    """Rows to draw per stratum: a floor for every stratum (rare ones first), the rest by size."""
    if budget >= sum(sizes.values()):
        return dict(sizes)
    allocation = dict.fromkeys(sizes, 0)
    floor = max(1, budget // (2 * max(1, len(sizes))))
    for key in sorted(sizes, key=lambda k: (sizes[k], k)):  # rare strata first
        give = min(sizes[key], floor, budget)
        allocation[key] = give
        budget -= give
    while budget > 0:
        room = {key: sizes[key] - allocation[key] for key in sizes if sizes[key] > allocation[key]}
        if not room:
            break
        total = sum(room.values())
        shares = {key: budget * space / total for key, space in room.items()}
        given = 0
        for key in room:
            extra = min(room[key], int(shares[key]))
            allocation[key] += extra
            given += extra
        budget -= given
        if given == 0:  # hand out the remainder one by one, largest fractional share first
            for key in sorted(room, key=lambda k: (-(shares[k] % 1), k))[:budget]:
                allocation[key] += 1
                budget -= 1
    return allocation


def _draw(
    facts: Sequence[_RowFacts], keys: Sequence[str], sample: int, seed: int
) -> tuple[list[int], dict[str, tuple[int, int]]]:
    """Indices into ``facts`` of the sampled rows, and per stratum (population, sampled)."""
    rng = random.Random(seed)
    members: dict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        members[key].append(index)
    allocation = _allocate({key: len(rows) for key, rows in members.items()}, sample)
    chosen: set[int] = set()
    for key in sorted(members):
        chosen.update(rng.sample(members[key], allocation[key]))
    # every label of the dataset is seen at least once, even one that is never the rarest of a row
    seen = {label for index in chosen for label in facts[index].labels}
    carriers: dict[str, list[int]] = defaultdict(list)
    for index, fact in enumerate(facts):
        for label in fact.labels:
            if label not in seen:
                carriers[label].append(index)
    for label in sorted(carriers):
        if label in seen:
            continue
        pick = rng.choice(carriers[label])
        chosen.add(pick)
        seen.update(facts[pick].labels)
    sampled: Counter[str] = Counter(keys[index] for index in chosen)
    strata = {key: (len(rows), sampled[key]) for key, rows in sorted(members.items())}
    return sorted(chosen), strata


# -- reading the sampled rows ---------------------------------------------------------------------


def _take(path: Path, names: Sequence[str], rows: Sequence[int]) -> dict[str, list[Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not names:
        return {}
    table = pq.read_table(path, columns=list(dict.fromkeys(names)))
    taken = table.take(pa.array(rows, type=pa.int64()))
    return {name: taken.column(name).to_pylist() for name in dict.fromkeys(names)}


_AUDIO_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"RIFF", ".wav"),
    (b"fLaC", ".flac"),
    (b"OggS", ".ogg"),
    (b"ID3", ".mp3"),
)


def _copy_audio(value: Any, roots: Sequence[Path], target_stem: Path) -> str | None:
    """Copy one audio value (a path or encoded bytes) into the review folder; its relative name."""
    if value is None:
        return None
    if isinstance(value, bytes | bytearray):
        suffix = next((ext for magic, ext in _AUDIO_MAGIC if bytes(value[:4]).startswith(magic)), ".bin")
        target = target_stem.with_name(target_stem.name + suffix)
        target.write_bytes(bytes(value))
        os.chmod(target, 0o600)
        return f"audio/{target.name}"
    source = Path(str(value))
    candidates = [source] if source.is_absolute() else [root / source for root in roots] + [source]
    for candidate in candidates:
        if candidate.is_file():
            target = target_stem.with_name(target_stem.name + (candidate.suffix.lower() or ".bin"))
            shutil.copyfile(candidate, target)
            os.chmod(target, 0o600)
            return f"audio/{target.name}"
    return None


def _entity(raw: dict[str, Any]) -> dict[str, Any]:
    score = raw.get("score")
    return {
        "start": int(raw["start"]),
        "end": int(raw["end"]),
        "label": str(raw["label"]),
        "score": None if score is None else round(float(score), 4),
        "detector": str(raw.get("detector") or ""),
        "operator": str(raw.get("operator") or ""),
        # files written before the field existed lack it: none
        "policy_label": str(raw.get("policy_label") or ""),
        "explanation": str(raw.get("explanation") or ""),
    }


def _explanations(pipeline: Pipeline, texts: Sequence[str]) -> list[list[tuple[int, int, str, str]]]:
    results = pipeline.redact_batch(list(texts))
    return [[(e.start, e.end, e.label, e.explanation) for e in result.entities] for result in results]


def _explanation_for(entity: dict[str, Any], found: Sequence[tuple[int, int, str, str]]) -> str:
    for start, end, label, explanation in found:
        if (start, end, label) == (entity["start"], entity["end"], entity["label"]):
            return explanation
    for start, end, label, explanation in found:
        if label == entity["label"] and start < entity["end"] and entity["start"] < end:
            return explanation
    return ""


def label_choices(extra: Sequence[str], in_sample: Counter[str]) -> list[str]:
    """Labels offered for a missed value: ``extra``, the sample's (most frequent first), the registry's."""
    from ..labels import labels as registry

    for name in extra:
        if not _LABEL_NAME.match(name):
            raise DataError(
                f"--label {name!r} is not a label name; use upper case, digits and _, "
                "e.g. --label EMPLOYEE_ID"
            )
    return list(dict.fromkeys([*extra, *(name for name, _ in in_sample.most_common()), *registry.names()]))


# -- the whole build ------------------------------------------------------------------------------


def build_review(
    input_path: str | os.PathLike[str],
    redacted_path: str | os.PathLike[str],
    output_dir: str | os.PathLike[str],
    *,
    text_column: str = "transcript",
    sample: int = 200,
    seed: int = 0,
    stratify: str = "label",
    low_score: float = 0.6,
    id_column: str | None = None,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    audio_column: str | None = None,
    redacted_audio_column: str | None = None,
    audio_root: str | os.PathLike[str] | None = None,
    pipeline: Pipeline | None = None,
    labels: Sequence[str] = (),
    overwrite: bool = False,
) -> BuildResult:
    """Sample ``sample`` reviewable rows of a redacted dataset into the review folder ``output_dir``.

    ``input_path`` and ``redacted_path`` are the Parquet file (or dataset folder) given to
    ``redactkit redact`` and the one it wrote; rows are matched by position, file by file. The
    folder gets ``manifest.json`` (options and per-stratum counts, no text), ``rows.json`` (the
    sampled rows: original and redacted text, entities with detector, score and, when ``pipeline``
    is given, the explanation found by re-analysing the row), ``state.json`` (the reviewer's
    decisions, empty) and ``audio/`` (copies of the rows' original and redacted audio, if any).
    """
    if stratify not in STRATIFY:
        raise DataError(f"--stratify must be one of {', '.join(STRATIFY)}, not {stratify!r}")
    if sample < 1:
        raise DataError("--sample must be at least 1")
    if not 0.0 <= low_score <= 1.0:
        raise DataError("--low-score must be between 0 and 1, e.g. --low-score 0.6")
    label_choices(labels, Counter())  # a bad --label fails before any work
    input_path, redacted_path, directory = Path(input_path), Path(redacted_path), Path(output_dir)
    pairs = _pairs(input_path, redacted_path)
    columns = _resolve_columns(
        _schema(pairs[0][1]),
        _schema(pairs[0][2]),
        pairs[0][1],
        pairs[0][2],
        text_column=text_column,
        redacted_column=redacted_column,
        entities_column=entities_column,
        id_column=id_column,
        audio_column=audio_column,
        redacted_audio_column=redacted_audio_column,
        stratify=stratify,
    )
    if directory.exists() and any(directory.iterdir()):
        if not overwrite:
            raise DataError(
                f"{directory} already holds files (a review in progress?); choose another folder or "
                "pass --overwrite to replace it and its review state"
            )
        shutil.rmtree(directory)

    facts, not_reviewable = _scan(pairs, columns)
    if not facts:
        raise DataError("no reviewable rows: every transcript is null or empty")
    keys = _stratum_keys(facts, stratify, low_score)
    chosen, strata = _draw(facts, keys, sample, seed)
    weights = {key: (population / drawn if drawn else 0.0) for key, (population, drawn) in strata.items()}

    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    audio_dir = directory / "audio"

    by_part: dict[int, list[int]] = defaultdict(list)
    for index in chosen:
        by_part[facts[index].part].append(index)
    rows_out: list[dict[str, Any]] = []
    audio_rows = 0
    for part, indices in sorted(by_part.items()):
        name, input_file, redacted_file = pairs[part]
        positions = [facts[index].row for index in indices]
        input_names = [columns.text]
        if columns.id is not None:
            input_names.append(columns.id)
        if columns.audio is not None:
            input_names.append(columns.audio)
        if columns.sensitivity is not None and columns.sensitivity_in_input:
            input_names.append(columns.sensitivity)
        redacted_names = [columns.redacted, columns.entities]
        if columns.redacted_audio is not None:
            redacted_names.append(columns.redacted_audio)
        if columns.sensitivity is not None and not columns.sensitivity_in_input:
            redacted_names.append(columns.sensitivity)
        original = _take(input_file, input_names, positions)
        redacted = _take(redacted_file, redacted_names, positions)
        audio_roots = [Path(audio_root)] if audio_root is not None else [input_file.parent]
        redacted_roots = [redacted_file.parent, *audio_roots]
        for offset, index in enumerate(indices):
            fact = facts[index]
            text = original[columns.text][offset]
            redacted_text = redacted[columns.redacted][offset]
            entities: list[dict[str, Any]] = sorted(
                (_entity(e) for e in redacted[columns.entities][offset] or []),
                key=lambda e: (e["start"], e["end"]),
            )
            placed = replacement_offsets(
                text, redacted_text or "", [(e["start"], e["end"]) for e in entities]
            )
            for position, entity in enumerate(entities):
                where = placed[position] if placed is not None else (None, None)
                entity["rstart"], entity["rend"] = where
            if columns.id is not None:
                row_id = str(original[columns.id][offset])
            else:
                row_id = f"{name}:{fact.row}" if name else str(fact.row)
            row: dict[str, Any] = {
                "key": "",
                "id": row_id,
                "file": name,
                "row": fact.row,
                "stratum": keys[index],
                "weight": round(weights[keys[index]], 6),
                "text": text,
                "redacted": redacted_text,
                "aligned": placed is not None,
                "quarantined": fact.quarantined,
                "sensitivity": fact.sensitivity,
                "entities": entities,
                "audio": None,
            }
            if columns.audio is not None:
                audio_dir.mkdir(exist_ok=True)
                stem = audio_dir / f"{len(rows_out):06d}"
                source = _copy_audio(
                    original[columns.audio][offset], audio_roots, stem.with_name(stem.name + ".original")
                )
                copy = None
                if columns.redacted_audio is not None:
                    copy = _copy_audio(
                        redacted[columns.redacted_audio][offset],
                        redacted_roots,
                        stem.with_name(stem.name + ".redacted"),
                    )
                if source or copy:
                    row["audio"] = {"original": source, "redacted": copy}
                    audio_rows += 1
            rows_out.append(row)

    ids = Counter(row["id"] for row in rows_out)
    duplicated = [row_id for row_id, count in ids.items() if count > 1]
    if duplicated:
        raise DataError(
            f"the id column {columns.id!r} repeats a value among the sampled rows ({len(duplicated)} "
            "value(s)); name a unique row id column, or leave --id-column out to use row positions"
        )
    # a shuffled order: a review stopped halfway still covers every stratum
    random.Random(seed + 1).shuffle(rows_out)
    for number, row in enumerate(rows_out):
        row["key"] = f"r{number:05d}"

    explained = pipeline is not None
    if pipeline is not None:
        found = _explanations(pipeline, [row["text"] for row in rows_out])
        for row, entities_found in zip(rows_out, found, strict=True):
            for entity in row["entities"]:
                if not entity["explanation"]:
                    entity["explanation"] = _explanation_for(entity, entities_found)

    labels_in_sample: Counter[str] = Counter(
        e["label"] for row in rows_out for e in row["entities"] if e["label"] != QUARANTINE_LABEL
    )
    choices = label_choices(labels, labels_in_sample)
    manifest = {
        "format": "redactkit-review",
        "version": 1,
        "redactkit": __version__,
        "input": str(input_path),
        "redacted": str(redacted_path),
        "text_column": columns.text,
        "redacted_column": columns.redacted,
        "entities_column": columns.entities,
        "id_column": columns.id,
        "audio_column": columns.audio,
        "redacted_audio_column": columns.redacted_audio,
        "stratify": stratify,
        "sample": sample,
        "seed": seed,
        "low_score": low_score,
        "population": len(facts),
        "not_reviewable": not_reviewable,
        "strata": {key: {"population": n, "sampled": k} for key, (n, k) in strata.items()},
        "labels": choices,
        "explained": explained,
        "holds_text": True,
    }
    write_private_json(directory / MANIFEST_FILE, manifest)
    write_private_json(directory / ROWS_FILE, {"rows": rows_out})
    write_private_json(directory / STATE_FILE, {"version": 1, "rows": {}})
    return BuildResult(
        directory=directory,
        population=len(facts),
        sampled=len(rows_out),
        not_reviewable=not_reviewable,
        strata=strata,
        labels_in_sample=dict(sorted(labels_in_sample.items())),
        audio_rows=audio_rows,
        explained=explained,
    )
