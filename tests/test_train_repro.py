"""The data step's inputs that change with detection code are frozen or recorded: it reads the guarded
PERSON silver labels from a frozen table (not the live `ner` guard), fingerprints its output on a small
sample, and records the commit and command that ran (`make model-data` reruns that step of the shipped
weights from their recorded commit: tests/test_train_pinned.py)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redactkit.detect.spacy_models import BUILTIN_NER_WEIGHTS
from redactkit.train.silver import DEFAULT_VERSION, SilverPersons, load_table

SHARED_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "train"


def _meta() -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((Path(BUILTIN_NER_WEIGHTS) / "meta.json").read_text(encoding="utf-8"))
    return meta


def test_the_weights_name_the_frozen_table_they_were_built_from() -> None:
    data = _meta()["data"]
    table = load_table(data["silver_persons"]["version"])
    assert data["silver_persons"]["version"] == DEFAULT_VERSION
    assert table.sha256 == data["silver_persons"]["sha256"]
    assert table.corpora is not None
    # written from exactly the corpus files the weights record
    assert {name: info["spoken_sha256"] for name, info in table.corpora.items()} == {
        name: info["spoken_sha256"] for name, info in data["corpora"].items()
    }


# -- the frozen table ---------------------------------------------------------------------------------
def _corpus_pair(folder: Path, name: str, rows: list[tuple[str, str]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for side in ("written", "spoken"):
        with (folder / f"{name}_{side}.jsonl").open("w", encoding="utf-8") as out:
            for row_id, text in rows:
                out.write(
                    json.dumps(
                        {"id": row_id, "text": text if side == "spoken" else text.title(), "spans": []}
                    )
                )
                out.write("\n")


@pytest.mark.slow
def test_guarded_person_labels_come_from_the_table_not_the_live_guard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import spacy

    from redactkit import Pipeline
    from redactkit.detect.ner import SpacyNerDetector
    from redactkit.detect.spacy_models import resolve_model_path
    from redactkit.train.data import CorpusRow, build_docs

    def no_guard(*_: object, **__: object) -> None:
        raise AssertionError("the data step ran the live ner guard")

    monkeypatch.setattr(SpacyNerDetector, "detect_batch", no_guard)
    text = "okay so ask dana about the booking"
    rows = [CorpusRow(f"r{i}", text, text, [], []) for i in range(3)]
    table = SilverPersons("t", "0" * 64, {"c": {"spoken_sha256": "", "persons": {"r1": [[12, 16]]}}})
    silver = spacy.load(resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "lemmatizer"])
    docs, _, stats = build_docs(
        rows, silver, spacy.blank("en"), Pipeline.default(), rehearsal=False, persons=table, corpus="c"
    )
    assert [[(e.text.lower(), e.label_) for e in doc.ents] for doc in docs] == [[], [("dana", "PERSON")], []]
    assert stats["silver_guarded_person"] == 1
    # rows of a corpus the table does not know are an error, not rows without names
    with pytest.raises(ValueError, match="'other'"):
        build_docs(
            rows,
            silver,
            spacy.blank("en"),
            Pipeline.default(),
            rehearsal=False,
            persons=table,
            corpus="other",
        )


def test_a_corpus_file_the_table_was_not_written_from_is_refused(tmp_path: Path) -> None:
    from redactkit.train.data import assemble

    _corpus_pair(tmp_path / "data", "snips", [("snips-1", "play something by dana")])
    with pytest.raises(ValueError, match=r"snips_spoken\.jsonl: SHA-256 .* differs"):
        assemble(tmp_path / "data", tmp_path / "out")
    _corpus_pair(tmp_path / "data2", "mycorpus", [("m-1", "call dana")])
    with pytest.raises(ValueError, match="no guarded PERSON labels for corpus 'mycorpus'"):
        assemble(tmp_path / "data2", tmp_path / "out")
    assert not (tmp_path / "out").exists()  # refused before anything was written


def test_an_unknown_table_version_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"silver_persons_v1\.json\.gz or live, e\.g\. --silver-persons 1"):
        load_table("99")
    assert load_table("live").live
    assert not load_table(DEFAULT_VERSION).live


@pytest.mark.slow
def test_the_fingerprint_follows_the_data_steps_output(monkeypatch: pytest.MonkeyPatch) -> None:
    from redactkit.train import data

    before = data.fingerprint_synth(6)
    assert data.fingerprint_synth(6) == before  # deterministic
    real = data.merge_labels

    def first_span_lost(gold: Any, silver: Any, gold_map: Any = data.GOLD_TO_MODEL) -> Any:
        return real(gold[1:], silver, gold_map)

    monkeypatch.setattr(data, "merge_labels", first_span_lost)
    assert data.fingerprint_synth(6) != before


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_TRAIN.exists(), reason="../shared/data/train is absent")
def test_the_data_step_and_a_tiny_build_record_the_table_and_fingerprint(tmp_path: Path) -> None:
    """The corpus data step on the first rows of each corpus, then a few training steps on its
    output: the weights' meta.json names the same table as the shipped weights', the data step's
    fingerprint and the commit and command that ran."""
    from redactkit.train.build import main as build
    from redactkit.train.data import main as data_step
    from redactkit.train.data import source_commit

    data_step(["--data", str(SHARED_TRAIN), "--out", str(tmp_path / "data"), "--limit", "12"])
    manifest = json.loads((tmp_path / "data" / "manifest.json").read_text(encoding="utf-8"))
    shipped = _meta()["data"]
    assert manifest["silver_persons"] == shipped["silver_persons"]
    assert set(manifest["corpora"]) == set(shipped["corpora"])
    options = ["--max-steps", "2", "--epochs", "1", "--eval-every", "2", "--dev-sample", "20"]
    build(["--data", str(tmp_path / "data"), "--out", str(tmp_path / "weights"), *options])
    meta = json.loads((tmp_path / "weights" / "meta.json").read_text(encoding="utf-8"))
    assert meta["data"]["silver_persons"] == shipped["silver_persons"]
    assert meta["data"]["fingerprint"] == {"rows": 100, "corpora": manifest["fingerprint"]["corpora"]}
    # the commit and command that wrote the data, for `make model-data` to rerun later
    assert meta["data"]["data_step"] == {
        "commit": source_commit()["commit"],
        "clean": source_commit()["clean"],
        "commands": [["--data", "{data}", "--out", "{out}", "--limit", "12"]],
    }


def test_verify_names_what_differs_in_the_training_environment() -> None:
    from redactkit.train.build import _environment_differences, training_environment

    here = training_environment()
    assert {"spacy", "thinc", "numpy", "blis", "cpu_features"} <= set(here)
    assert _environment_differences({"training": {"environment": here}}, here) == []
    older = {**here, "numpy": "1.26.4", "cpu_features": ["avx", "avx2", "fma"]}
    assert _environment_differences({"training": {"environment": older}}, here) == [
        f"cpu_features: ['avx', 'avx2', 'fma'] -> {here['cpu_features']}",
        f"numpy: 1.26.4 -> {here['numpy']}",
    ]
    assert "record no training environment" in _environment_differences({"training": {}}, here)[0]


@pytest.mark.slow
def test_freezing_the_current_guard_writes_the_same_bytes_twice(tmp_path: Path) -> None:
    import gzip

    from redactkit.train.silver import freeze

    _corpus_pair(tmp_path / "data", "mine", [("m-1", "okay thanks sarah"), ("m-2", "set a timer")])
    info = freeze(tmp_path / "data", tmp_path / "a" / "silver_persons_v9.json.gz", "9", "a test")
    freeze(tmp_path / "data", tmp_path / "b" / "silver_persons_v9.json.gz", "9", "a test")
    first = (tmp_path / "a" / "silver_persons_v9.json.gz").read_bytes()
    assert first == (tmp_path / "b" / "silver_persons_v9.json.gz").read_bytes()
    table = json.loads(gzip.decompress(first))
    assert info["mine"]["rows"] == 2
    assert table["version"] == "9"
    assert table["corpora"]["mine"]["persons"] == {"m-1": [[12, 17]]}  # ids and offsets only
