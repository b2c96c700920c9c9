"""Labeled-data readers and importers, on small files the tests write."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from redactkit import ConfigError, DataError
from redactkit.bench.formats import (
    LabeledExample,
    LabelMap,
    detect_format,
    load_label_map,
    read_labeled,
    write_labeled_jsonl,
)
from redactkit.labels import Label, LabelCategory, labels


def _values(rows: list[LabeledExample]) -> list[list[tuple[str, str]]]:
    return [[(row.text[s.start : s.end], s.label) for s in row.spans] for row in rows]


def _write_jsonl(path: Path, records: list[dict]) -> Path:  # type: ignore[type-arg]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


REDACTKIT_RECORDS = [
    {
        "id": "a1",
        "text": "call zorba at five five five",
        "spans": [
            {"start": 14, "end": 28, "label": "PHONE_NUMBER", "source_label": "phone"},
            {"start": 5, "end": 10, "label": "PERSON", "source_label": "person"},
        ],
    },
    {"id": "a2", "text": "set a timer", "spans": []},
]


def test_redactkit_jsonl_round_trip(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "data.jsonl", REDACTKIT_RECORDS)
    assert detect_format(path) == "redactkit"
    rows = read_labeled(path)
    assert [row.id for row in rows] == ["a1", "a2"]
    assert _values(rows) == [[("zorba", "PERSON"), ("five five five", "PHONE_NUMBER")], []]
    assert rows[0].spans[0].source_label == "person"
    write_labeled_jsonl(rows, tmp_path / "copy.jsonl")
    assert read_labeled(tmp_path / "copy.jsonl") == rows


def test_redactkit_parquet(tmp_path: Path) -> None:
    path = tmp_path / "data.parquet"
    pq.write_table(pa.Table.from_pylist(REDACTKIT_RECORDS), path)
    assert detect_format(path) == "redactkit"
    assert _values(read_labeled(path)) == [[("zorba", "PERSON"), ("five five five", "PHONE_NUMBER")], []]


def test_slurp_markup_and_default_map(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "devel.jsonl",
        [
            {
                "slurp_id": 7,
                "sentence": "remind me to call zorba's mom at five am",
                "sentence_annotation": (
                    "remind me to call [person : zorba's] [relation : mom] at [time : five am]"
                ),
            },
            {"slurp_id": 8, "sentence_annotation": "play [song_name : yellow submarine] please"},
        ],
    )
    assert detect_format(path) == "slurp"
    rows = read_labeled(path)
    assert rows[0].text == "remind me to call zorba's mom at five am"
    assert _values(rows) == [
        [("zorba's", "PERSON"), ("mom", "RELATION"), ("five am", "DATE_TIME")],
        [],  # song_name is no PII: SLURP drops slot types its map does not name
    ]
    assert rows[0].id == "7"
    assert rows[0].spans[0].source_label == "person"


def test_slurp_tokens_and_entities(tmp_path: Path) -> None:
    record = {
        "slurp_id": 9,
        "sentence": "email quorra about lunch",
        "tokens": [{"surface": w, "id": i} for i, w in enumerate("email quorra about lunch".split())],
        "entities": [{"span": [1], "type": "person"}, {"span": [3], "type": "meal_type"}],
    }
    path = _write_jsonl(tmp_path / "slurp.jsonl", [record])
    assert detect_format(path) == "slurp"
    assert _values(read_labeled(path)) == [[("quorra", "PERSON")]]


def test_label_map_overrides_and_keeps(tmp_path: Path) -> None:
    path = _write_jsonl(
        tmp_path / "devel.jsonl",
        [{"slurp_id": 1, "sentence_annotation": "wake [person : zorba] in [place_name : oslo] [time : now]"}],
    )
    registry = labels.extended(
        [
            Label("CITY", "A city.", LabelCategory.QUASI_IDENTIFIER),
            Label("NAME", "A name.", LabelCategory.DIRECT_IDENTIFIER),
        ]
    )
    custom = load_label_map(pairs=["time=", "place_name=CITY"], label_registry=registry)
    assert _values(read_labeled(path, label_map=custom)) == [[("zorba", "PERSON"), ("oslo", "CITY")]]
    yaml_file = tmp_path / "map.yaml"
    yaml_file.write_text("labels:\n  person: NAME\nunmapped: keep\n", encoding="utf-8")
    mapping = load_label_map(yaml_file, label_registry=registry)
    assert mapping == LabelMap({"person": "NAME"}, "keep")
    assert _values(read_labeled(path, label_map=mapping)) == [
        [("zorba", "NAME"), ("oslo", "LOCATION"), ("now", "DATE_TIME")]
    ]


def test_label_map_targets_must_be_registered_labels(tmp_path: Path) -> None:
    yaml_file = tmp_path / "map.yaml"
    yaml_file.write_text("labels:\n  person: PERSN\n", encoding="utf-8")
    with pytest.raises(
        ConfigError, match=r"labels\.person: unknown label 'PERSN' \(did you mean 'PERSON'\?\)"
    ):
        load_label_map(yaml_file)
    with pytest.raises(ConfigError, match=r"--label-map place_name: unknown label 'LOCATON'"):
        load_label_map(pairs=["place_name=LOCATON"])


def test_importer_default_maps_name_registered_labels() -> None:
    for fmt in ("slurp", "presidio", "conll", "docbin", "redactkit"):
        mapping, _ = LabelMap().resolve(fmt)
        assert {label for label in mapping.values() if label} <= set(labels.names()), fmt


@pytest.mark.parametrize(
    ("content", "key"),
    [
        pytest.param("labelz: {}\n", "labelz", id="unknown-key"),
        pytest.param("unmapped: maybe\n", "unmapped", id="bad-unmapped"),
        pytest.param("labels: [a, b]\n", "labels", id="labels-not-a-mapping"),
    ],
)
def test_bad_label_map_files(tmp_path: Path, content: str, key: str) -> None:
    path = tmp_path / "map.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_label_map(path)
    assert info.value.key == key
    assert info.value.example


def test_bad_label_map_pair() -> None:
    with pytest.raises(ConfigError, match="SRC=DST"):
        load_label_map(pairs=["person"])


def test_presidio_research_json_list_and_jsonl(tmp_path: Path) -> None:
    samples = [
        {
            "full_text": "My name is Qara Vell and I live at 12 Elm St",
            "masked": "...",
            "spans": [
                {
                    "entity_type": "PERSON",
                    "entity_value": "Qara Vell",
                    "start_position": 11,
                    "end_position": 20,
                },
                {
                    "entity_type": "STREET_ADDRESS",
                    "entity_value": "12 Elm St",
                    "start_position": 35,
                    "end_position": 44,
                },
            ],
            "template_id": 3,
        }
    ]
    as_list = tmp_path / "generated.json"
    as_list.write_text(json.dumps(samples, indent=2), encoding="utf-8")
    as_lines = _write_jsonl(tmp_path / "generated.jsonl", samples)
    for path in (as_list, as_lines):
        assert detect_format(path) == "presidio"
        assert _values(read_labeled(path)) == [[("Qara Vell", "PERSON"), ("12 Elm St", "ADDRESS")]]


def test_conll_bio(tmp_path: Path) -> None:
    path = tmp_path / "data.conll"
    path.write_text(
        "-DOCSTART- O\n\n"
        "call O\nqara B-PER\nvell I-PER\nin O\nnew B-LOC\nyork I-LOC\n\n"
        "ask O\nzed B-PER\nand O\nbo I-PER\n\n"  # I- after O starts a new entity (IOB1 tolerance)
        "to O\nacme S-ORG\nnow O\n",
        encoding="utf-8",
    )
    assert detect_format(path) == "conll"
    rows = read_labeled(path)
    assert [row.text for row in rows] == ["call qara vell in new york", "ask zed and bo", "to acme now"]
    assert _values(rows) == [
        [("qara vell", "PERSON"), ("new york", "LOCATION")],
        [("zed", "PERSON"), ("bo", "PERSON")],
        [("acme", "ORGANIZATION")],
    ]


def test_spacy_docbin(tmp_path: Path) -> None:
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    doc = nlp("call qara vell in oslo")
    doc.ents = [doc.char_span(5, 14, label="PERSON"), doc.char_span(18, 22, label="GPE")]  # type: ignore[list-item]
    path = tmp_path / "data.spacy"
    DocBin(docs=[doc, nlp("nothing here")]).to_disk(path)
    assert detect_format(path) == "docbin"
    assert _values(read_labeled(path)) == [[("qara vell", "PERSON"), ("oslo", "LOCATION")], []]


SECRET = "zorbaquux"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        pytest.param(
            "bad.jsonl", f'{{"text": "{SECRET}", "spans": [{{"start": 0}}]}}\n', "'end'", id="missing-field"
        ),
        pytest.param(
            "bad.jsonl",
            f'{{"text": "{SECRET}", "spans": [{{"start": 3, "end": 40, "label": "PERSON"}}]}}\n',
            "outside",
            id="span-out-of-range",
        ),
        pytest.param("bad.jsonl", f'{{"text": "{SECRET}", "spans": []}}\n{{oops\n', "line 2", id="bad-json"),
        pytest.param("bad.conll", f"{SECRET}\n", "token and a tag", id="conll-without-tag"),
    ],
)
def test_errors_name_the_place_not_the_text(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as info:
        read_labeled(path)
    assert message in str(info.value)
    assert str(path) in str(info.value)
    assert SECRET not in str(info.value)


def test_unknown_format_and_undetectable_file(tmp_path: Path) -> None:
    path = _write_jsonl(tmp_path / "odd.jsonl", [{"utterance": "x"}])
    with pytest.raises(DataError, match="--format"):
        read_labeled(path)
    with pytest.raises(ConfigError, match="unknown format"):
        read_labeled(path, "csv")
    with pytest.raises(DataError, match="no such file"):
        read_labeled(tmp_path / "missing.jsonl")


SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


@pytest.mark.parametrize("name", ["slurp_devel.jsonl", "presidio_generated_large_spoken.jsonl"])
def test_shared_labeled_files_read_cleanly(name: str) -> None:
    """The benchmark data (outside the repository) reads with every span in range; skipped if absent."""
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} not present (benchmark data lives outside the repository)")
    assert detect_format(path) == "redactkit"
    rows = read_labeled(path)
    assert len(rows) > 1000
    assert all(0 <= s.start < s.end <= len(row.text) for row in rows for s in row.spans)
    assert any(not row.spans for row in rows)
