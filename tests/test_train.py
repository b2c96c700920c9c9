"""Training data assembly, the weights format and `redactkit train` end to end on a tiny generated file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.cli import app
from redactkit.config import load_config
from redactkit.detect.ner import SpacyNerDetector
from redactkit.detect.spacy_models import BUILTIN_NER_WEIGHTS, read_ner_weights
from redactkit.errors import ModelNotFoundError
from redactkit.synth import generate, write_jsonl
from redactkit.train.align import WordAligner
from redactkit.train.build import input_hashes, training_environment, weights_hashes
from redactkit.train.build import main as build
from redactkit.train.data import _counts, dialogue_id, is_held_out, merge_labels
from redactkit.train.data import main as data_step

SHARED_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "train"


# -- alignment of written onto spoken renderings ------------------------------------------------------
WRITTEN = "Book T-Rex for 5 on August 23rd, says Smith's wife at McDonald's."
SPOKEN = "book t rex for five on august twenty third says smith's wife at mcdonald's"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("T-Rex", "t rex"),
        ("5", "five"),
        ("August 23rd", "august twenty third"),
        ("23rd", "twenty third"),
        ("Smith", "smith"),
        ("McDonald's", "mcdonald's"),
    ],
)
def test_written_spans_land_on_the_spoken_words(value: str, expected: str) -> None:
    start = WRITTEN.index(value)
    mapped = WordAligner(WRITTEN, SPOKEN).map_span(start, start + len(value))
    assert mapped is not None
    assert SPOKEN[mapped[0] : mapped[1]] == expected


@pytest.mark.parametrize(
    ("written", "spoken", "value"),
    [
        ("It costs 1,250 dollars", "it costs one thousand two hundred fifty dollars", "250"),  # cuts a number
        ("Call Ann", "call", "Ann"),  # not rendered
        ("Smithson is here", "smithson is here", "Smith"),  # part of a word
    ],
)
def test_spans_that_cannot_be_mapped_exactly_are_dropped(written: str, spoken: str, value: str) -> None:
    start = written.index(value)
    assert WordAligner(written, spoken).map_span(start, start + len(value)) is None


# -- split and label merge -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("row_id", "dialogue"),
    [
        ("multiwoz21-val-MUL0012-03-sys", "multiwoz21-val-MUL0012"),
        ("multiwoz21-test-SNG0073-10-usr", "multiwoz21-test-SNG0073"),
        (
            "multidogo-airline-009ab879-ab52-4507-979e-8bc92badecef-14",
            "multidogo-airline-009ab879-ab52-4507-979e-8bc92badecef",
        ),
        ("snips-BookRestaurant-train-0001", "snips-BookRestaurant-train-0001"),
        ("polyai-r8k-train_0-00004", "polyai-r8k-train_0-00004"),
    ],
)
def test_dialogue_ids(row_id: str, dialogue: str) -> None:
    assert dialogue_id(row_id) == dialogue


def test_held_out_split_is_stable_and_about_the_share() -> None:
    ids = [f"dialogue-{i}" for i in range(5000)]
    held = [i for i in ids if is_held_out(i, 20)]
    assert held == [i for i in ids if is_held_out(i, 20)]
    assert 0.18 < len(held) / len(ids) < 0.22
    assert set(held) <= {i for i in ids if is_held_out(i, 30)}


def test_slot_spans_win_over_silver_and_dates_without_silver_are_missing() -> None:
    gold = [(0, 5, "PERSON"), (10, 20, "DATE_TIME"), (30, 36, "LOCATION"), (40, 44, "PIN")]
    silver = [(0, 5, "ORG"), (12, 20, "DATE"), (30, 36, "LOC"), (50, 55, "PERSON")]
    labels, _ = merge_labels(gold, silver)
    assert labels.entities == [(0, 5, "PERSON"), (30, 36, "LOC"), (40, 44, "PASSWORD"), (50, 55, "PERSON")]
    assert labels.missing == [(10, 20)]


def test_generated_pins_and_corpus_passwords_get_their_own_model_labels() -> None:
    from redactkit.train.data import SYNTH_GOLD_TO_MODEL

    corpus, _ = merge_labels([(0, 4, "PIN")], [])
    generated, _ = merge_labels([(0, 4, "PIN"), (5, 9, "PASSWORD")], [], SYNTH_GOLD_TO_MODEL)
    assert corpus.entities == [(0, 4, "PASSWORD")]  # MultiDoGO's "password" slot
    assert generated.entities == [(0, 4, "PIN"), (5, 9, "PASSWORD")]


@pytest.mark.slow
def test_noise_augmented_docs_keep_their_spans_and_are_seeded() -> None:
    """The ASR error model runs on the spoken text before the normalizers; every entity of a noisy
    doc still lies on words derived from its value, and the same seed gives the same docs."""
    import random

    import spacy

    from redactkit.detect.spacy_models import resolve_model_path
    from redactkit.train.data import CorpusRow, build_docs

    rows = [
        CorpusRow(
            f"r{i}",
            "Call Priya Sharma on 555 0134 about the flight to Lisbon.",
            "call priya sharma on five five five oh one three four about the flight to lisbon",
            [(5, 17, "PERSON"), (21, 29, "PHONE_NUMBER"), (50, 56, "LOCATION")],
            [(5, 17, "PERSON"), (21, 53, "PHONE_NUMBER"), (75, 81, "LOCATION")],
        )
        for i in range(12)
    ]
    silver = spacy.load(resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "lemmatizer"])
    blank, pipeline = spacy.blank("en"), Pipeline.default()

    def noisy(seed: int) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        docs, _, _ = build_docs(
            rows, silver, blank, pipeline, rehearsal=False, noise=((0.3,), random.Random(seed))
        )
        return [(doc.text, tuple((e.text, e.label_) for e in doc.ents)) for doc in docs]

    first = noisy(1)
    assert first == noisy(1)
    assert first != noisy(2)
    assert any(text != "call priya sharma on 555 0134 about the flight to lisbon" for text, _ in first)
    for _, ents in first:
        labels = {label for _, label in ents}
        assert labels <= {"PERSON", "PHONE_NUMBER", "GPE", "DATE", "TIME", "CARDINAL"}
    # most rows keep the person: a span is dropped only when all of its words were deleted
    assert sum(any(label == "PERSON" for _, label in ents) for _, ents in first) >= 9


# -- weights directories -----------------------------------------------------------------------------
def test_a_missing_weights_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="redactkit train"):
        read_ner_weights(tmp_path / "nothing-here")
    with pytest.raises(ModelNotFoundError, match="ner_weights"):
        SpacyNerDetector(ner_weights=str(tmp_path))


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_the_shipped_weights_are_small_calibrated_and_documented() -> None:
    weights = read_ner_weights("builtin")
    size = sum(path.stat().st_size for path in BUILTIN_NER_WEIGHTS.rglob("*") if path.is_file())
    assert size <= 25 * 1024 * 1024
    assert (BUILTIN_NER_WEIGHTS / "MODEL_CARD.md").exists()
    assert weights.meta["base_model"] == "en_core_web_md"
    assert {"PERSON", "GPE", "ORG"} <= set(weights.calibration)
    assert all(0.0 <= score <= 1.0 for score in weights.calibration.values())


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_the_shipped_weights_are_the_bytes_their_meta_records() -> None:
    """meta.json names the ner/ files' SHA-256 and the inputs `make model-verify` must reproduce."""
    meta = json.loads((BUILTIN_NER_WEIGHTS / "meta.json").read_text())
    assert meta["weights_sha256"] == weights_hashes(BUILTIN_NER_WEIGHTS)
    assert set(meta["data"]["inputs"]) >= {"train.spacy", "dev.spacy", "rehearsal.spacy"}
    assert meta["data"]["generator_version"]
    assert meta["training"]["settings"]["seed"] == 0


def _provenance_problems(written_by: dict[str, object]) -> list[str]:
    """What keeps a ``pipeline_calibration.written_by`` record from naming a run anyone can repeat:
    no commit, a worktree with uncommitted changes, a path of the machine that ran it."""
    problems = []
    commit = written_by.get("commit")
    if not (isinstance(commit, str) and len(commit) == 40 and all(c in "0123456789abcdef" for c in commit)):
        problems.append("commit")
    if written_by.get("clean") is not True:
        problems.append("clean")
    command = written_by.get("command")
    if not isinstance(command, list) or any(str(arg).startswith("/") for arg in command):
        problems.append("command")
    return problems


CLEAN_RUN = {
    "commit": "05d20a3ecbb21afe864f6acded707b6a9884ff6b",
    "clean": True,
    "command": ["--weights", "builtin"],
}


@pytest.mark.parametrize(
    ("written_by", "problems"),
    [
        (CLEAN_RUN, []),
        ({**CLEAN_RUN, "command": ["--weights", "{weights}", "--holdout", "{holdout}"]}, []),
        ({**CLEAN_RUN, "clean": False}, ["clean"]),
        ({**CLEAN_RUN, "commit": None}, ["commit"]),
        ({**CLEAN_RUN, "commit": "fc25c41"}, ["commit"]),
        ({**CLEAN_RUN, "command": ["--weights", "/tmp/run-n"]}, ["command"]),
        ({"commit": None, "clean": False}, ["commit", "clean", "command"]),
    ],
)
def test_provenance_problems_of_a_calibration_record(
    written_by: dict[str, object], problems: list[str]
) -> None:
    assert _provenance_problems(written_by) == problems


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_the_shipped_pipeline_calibration_names_a_clean_commit() -> None:
    """The calibration that chose the shipped weights' dropped labels ran from a committed tree, with a
    command that reruns it (stop 41's record named a worktree with uncommitted changes)."""
    record = json.loads((BUILTIN_NER_WEIGHTS / "meta.json").read_text())["pipeline_calibration"]
    assert _provenance_problems(record["written_by"]) == []
    assert record["clean"] is True  # it read only the calibration half of each hold-out
    assert record["written_by"]["command"][:2] == ["--weights", "builtin"]
    assert "--write" in record["written_by"]["command"]


# -- provenance: which bytes the weights were trained on ---------------------------------------------------
def test_input_hashes_name_each_file_and_change_with_its_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "train.spacy", tmp_path / "synth_train.spacy"
    first.write_bytes(b"corpus docs")
    second.write_bytes(b"generated docs")
    hashes = input_hashes([first, second])
    assert list(hashes) == ["train.spacy", "synth_train.spacy"]
    assert hashes["train.spacy"] == hashlib.sha256(b"corpus docs").hexdigest()
    second.write_bytes(b"generated docs, other generator version")
    assert input_hashes([first, second])["synth_train.spacy"] != hashes["synth_train.spacy"]
    assert input_hashes([first, second])["train.spacy"] == hashes["train.spacy"]


def test_two_inputs_with_one_name_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    for folder in ("a", "b"):
        (tmp_path / folder / "synth_train.spacy").write_bytes(folder.encode())
    with pytest.raises(ValueError, match=r"synth_train\.spacy"):
        input_hashes([tmp_path / "a" / "synth_train.spacy", tmp_path / "b" / "synth_train.spacy"])


# -- `redactkit train` end to end ----------------------------------------------------------------------
def _tiny_file(path: Path) -> Path:
    labels = ["PERSON", "LOCATION", "PHONE_NUMBER", "ACCOUNT_NUMBER", "EMAIL_ADDRESS"]
    write_jsonl(generate(60, seed=5, split="train", labels=labels, negatives_share=0.2), path)
    return path


def test_train_end_to_end_writes_weights_the_ner_detector_loads(tmp_path: Path) -> None:
    data = _tiny_file(tmp_path / "labeled.jsonl")
    runner = CliRunner()
    outputs = []
    for name in ("a", "b"):
        output = tmp_path / name
        result = runner.invoke(
            app,
            ["train", str(data), "--output", str(output), "--epochs", "1", "--max-steps", "2", "--seed", "3"],
        )
        assert result.exit_code == 0, result.output
        assert f"ner_weights: {output}" in result.output
        outputs.append(output)
    # deterministic: same data, seed and options give the same weights
    assert (outputs[0] / "ner" / "model").read_bytes() == (outputs[1] / "ner" / "model").read_bytes()
    meta = json.loads((outputs[0] / "meta.json").read_text())
    assert meta["label_map"]["PERSON"] == "PERSON"
    assert meta["training"]["steps"] == 2
    # the output loads as the `ner` detector's weights, in a pipeline
    config = load_config(None).model_dump(mode="json")
    for spec in config["detectors"]:
        if spec["name"] == "ner":
            spec["ner_weights"] = str(outputs[0])
            spec["labels"] = None
    pipeline = Pipeline.from_config(config)
    assert isinstance(pipeline.analyze("please call maria gonzalez at home"), list)
    # no transcript text in what the command printed
    texts = [json.loads(line)["text"] for line in data.read_text().splitlines()]
    assert not any(text in result.output for text in texts if len(text) > 20)


def test_train_refuses_to_overwrite_a_directory_that_is_not_weights(tmp_path: Path) -> None:
    data = _tiny_file(tmp_path / "labeled.jsonl")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "notes.txt").write_text("keep me")
    result = CliRunner().invoke(
        app, ["train", str(data), "--output", str(tmp_path / "out"), "--max-steps", "1"]
    )
    assert result.exit_code == 2
    assert (tmp_path / "out" / "notes.txt").exists()


@pytest.mark.skipif(not SHARED_TRAIN.exists(), reason="../shared/data/train is absent")
def test_corpus_renderings_pair_up() -> None:
    from redactkit.train.data import read_corpus

    rows = read_corpus(SHARED_TRAIN / "snips_written.jsonl", SHARED_TRAIN / "snips_spoken.jsonl")
    assert rows and all(len(r.written_spans) == len(r.spoken_spans) for r in rows)


# -- the ner detector with weights ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("given", "stored"),
    [(True, "strict"), (False, "off"), ("plain_words", "plain_words"), ("strict", "strict")],
)
def test_lowercase_guard_accepts_the_old_booleans(given: bool | str, stored: str) -> None:
    assert SpacyNerDetector(lowercase_guard=given).lowercase_guard == stored  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "everyday"),
    [
        ("jokes", True),
        ("alarm", True),
        ("42", True),
        ("kavisri", False),
        ("maria", False),
        ("o'brien", False),
    ],
)
def test_plain_words_guard_word_test(word: str, everyday: bool) -> None:
    from redactkit.detect.ner import _is_everyday
    from redactkit.gazetteers import family_names, given_names

    assert _is_everyday(word, given_names(), family_names()) is everyday


@pytest.mark.parametrize(
    ("text", "entity", "label", "dropped"),
    [
        # words the locale declares never a name (assistant names) are no PERSON or ORGANIZATION
        ("alexa what's the weather", "alexa", "PERSON", True),
        ("alexa what's the weather", "alexa", "ORGANIZATION", True),
        # a lone frequent word that is only a family name needs a name cue before it
        ("how do i cook rice", "cook", "PERSON", True),
        ("call cook about the invoice", "cook", "PERSON", False),
        # ... a given name does not
        ("did mike reply", "mike", "PERSON", False),
        # everyday words are no place unless the gazetteer knows the whole name (a word that is also
        # a name counts as a name: "long island", "regent park" stay)
        ("play the tech news", "tech news", "LOCATION", True),
        ("flights to boston", "boston", "LOCATION", False),
        # a frequent word that is a known place stays a place
        ("the weather in japan", "japan", "LOCATION", False),
        # company words keep an organisation
        ("i bank with first national bank", "first national bank", "ORGANIZATION", False),
        # names no gazetteer knows are kept
        ("tell kavisri the plan", "kavisri", "PERSON", False),
        # public acronyms are no one's personal data (a country stays a place)
        ("play the news from bbc", "bbc", "ORGANIZATION", True),
        ("flights to the uk", "uk", "LOCATION", False),
        # identifiers are never plain words
        ("my social is 1234", "1234", "US_SSN", False),
        ("the zip is 94105", "94105", "ZIP_CODE", False),
    ],
)
def test_plain_words_guard_cases(text: str, entity: str, label: str, dropped: bool) -> None:
    import spacy
    from spacy.tokens import Span

    from redactkit.gazetteers import family_names, given_names

    doc = spacy.blank("en")(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity))
    assert span is not None
    ent = Span(doc, span.start, span.end, label="X")
    detector = SpacyNerDetector(lowercase_guard="plain_words")
    words = [token.lower_ for token in ent]
    assert detector._plain(doc, ent, label, words, given_names(), family_names()) is dropped


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_weights_trained_on_other_vectors_are_refused(tmp_path: Path) -> None:
    import shutil

    from redactkit.detect.spacy_models import load_spacy_model

    copy = tmp_path / "weights"
    shutil.copytree(BUILTIN_NER_WEIGHTS, copy)
    meta = json.loads((copy / "meta.json").read_text())
    meta["vectors"] = {"name": "other_vectors", "shape": [10, 3]}
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ModelNotFoundError, match="trained on the vectors"):
        load_spacy_model("en_core_web_md", ner_weights=copy)


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_builtin_weights_load_on_the_shared_base_and_report_their_labels() -> None:
    from redactkit.detect.spacy_models import load_spacy_model

    base = load_spacy_model("en_core_web_md")
    nlp = load_spacy_model("en_core_web_md", ner_weights="builtin")
    assert nlp is load_spacy_model("en_core_web_md", ner_weights="builtin")  # once per process
    assert nlp.vocab is base.vocab  # vectors shared, not loaded twice
    labels = nlp.get_pipe("ner").labels  # type: ignore[attr-defined]
    # trained with --drop-labels identifiers: the stock labels and ADDRESS, no identifier
    assert "ADDRESS" in labels and "ACCOUNT_NUMBER" not in labels
    detector = SpacyNerDetector(ner_weights="builtin", lowercase_guard="plain_words")
    assert detector.emitted_labels() == {"PERSON", "LOCATION", "ORGANIZATION"}
    with_address = SpacyNerDetector(ner_weights="builtin", labels={"PERSON": "PERSON", "ADDRESS": "ADDRESS"})
    assert with_address.emitted_labels() == {"PERSON", "ADDRESS"}


# -- `python -m redactkit.train.build`: the path that makes the shipped weights --------------------------
def _tiny_docbins(folder: Path) -> Path:
    """train/dev/rehearsal DocBins of generated utterances, as `redactkit.train.data` lays them out."""
    import spacy
    from spacy.tokens import DocBin

    from redactkit.train.data import SYNTH_GOLD_TO_MODEL

    blank = spacy.blank("en")
    folder.mkdir()
    for name, seed, count in (("train", 11, 40), ("dev", 12, 12), ("rehearsal", 13, 8)):
        doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for record in generate(count, seed=seed, split="train", labels=["PERSON", "PHONE_NUMBER"]):
            doc = blank(record.text)
            spans = [
                doc.char_span(span.start, span.end, label=SYNTH_GOLD_TO_MODEL.get(span.label) or span.label)
                for span in record.spans
            ]
            doc.ents = [span for span in spans if span is not None]
            doc.user_data["corpus"] = "tiny"
            doc_bin.add(doc)
        doc_bin.to_disk(folder / f"{name}.spacy")
    return folder


def test_build_is_deterministic_and_verify_tells_a_reproduction_from_a_different_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _tiny_docbins(tmp_path / "data")
    # what the data step's manifest says about the silver labels and its fingerprint reaches meta.json
    silver = {"version": "1", "table": "silver_persons_v1.json.gz", "sha256": "ab" * 32}
    (data / "manifest.json").write_text(
        json.dumps({"silver_persons": silver, "fingerprint": {"rows": 40, "corpora": "cd" * 32}})
    )
    options = ["--data", str(data), "--epochs", "1", "--max-steps", "3", "--eval-every", "2"]
    common = [*options, "--seed", "7"]
    build([*common, "--out", str(tmp_path / "first")])
    first = weights_hashes(tmp_path / "first")
    meta = json.loads((tmp_path / "first" / "meta.json").read_text())
    assert meta["weights_sha256"] == first
    assert set(meta["data"]["inputs"]) == {"train.spacy", "dev.spacy", "rehearsal.spacy"}
    assert meta["data"]["silver_persons"] == silver
    assert meta["training"]["environment"] == training_environment()
    assert meta["data"]["fingerprint"] == {"rows": 40, "corpora": "cd" * 32}
    assert meta["training"]["settings"]["seed"] == 7
    # the same inputs, seed and settings: byte-identical weights, and --verify says so
    build([*common, "--out", str(tmp_path / "second"), "--verify", str(tmp_path / "first")])
    assert weights_hashes(tmp_path / "second") == first
    assert "reproduced" in capsys.readouterr().err
    # another seed is refused before training, naming the setting
    with pytest.raises(SystemExit) as refused:
        build([*options, "--seed", "8", "--out", str(tmp_path / "x"), "--verify", str(tmp_path / "first")])
    assert refused.value.code == 1
    assert "--seed 8 (reference: 7)" in capsys.readouterr().err
    # a changed input file is refused, naming the file
    (data / "rehearsal.spacy").write_bytes((data / "rehearsal.spacy").read_bytes() + b"\0")
    with pytest.raises(SystemExit):
        build([*common, "--out", str(tmp_path / "x"), "--verify", str(tmp_path / "first")])
    assert "rehearsal.spacy: SHA-256" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


# -- --drop-labels: labels left to the rule detectors -----------------------------------------------------
@pytest.mark.parametrize(
    ("labels", "kept", "outside"),
    [
        (["PHONE_NUMBER"], ["PERSON"], ["five five five", "oh one"]),
        (["PERSON"], ["PHONE_NUMBER"], ["maria"]),
        ([], ["PERSON", "PHONE_NUMBER"], []),
        (["ZIP_CODE"], ["PERSON", "PHONE_NUMBER"], []),
    ],
)
def test_dropped_labels_become_outside_and_missing_words_stay_missing(
    labels: list[str], kept: list[str], outside: list[str]
) -> None:
    import spacy
    from spacy.tokens import Doc, Span

    from redactkit.train.trainer import drop_labels

    words = "maria said five five five oh one in boston".split()
    doc = Doc(spacy.blank("en").vocab, words=words)
    doc.set_ents([Span(doc, 0, 1, "PERSON"), Span(doc, 2, 7, "PHONE_NUMBER")], missing=[doc[8:9]])
    assert drop_labels([doc], labels) == 2 - len(kept)
    assert sorted(ent.label_ for ent in doc.ents) == kept
    assert doc[8].ent_iob_ == ""  # "boston" was missing and stays missing
    for text in outside:
        start = words.index(text.split()[0])
        assert all(token.ent_iob_ == "O" for token in doc[start : start + len(text.split())])


def test_build_drops_labels_records_them_and_verify_refuses_another_choice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _tiny_docbins(tmp_path / "data")
    options = ["--data", str(data), "--epochs", "1", "--max-steps", "2", "--eval-every", "2", "--seed", "7"]
    build([*options, "--out", str(tmp_path / "dropped"), "--drop-labels", "identifiers"])
    meta = json.loads((tmp_path / "dropped" / "meta.json").read_text())
    assert "PHONE_NUMBER" not in meta["labels"]
    assert "PHONE_NUMBER" not in meta["label_map"]
    assert meta["label_map"]["PERSON"] == "PERSON"
    assert "PHONE_NUMBER" in meta["training"]["settings"]["drop_labels"]
    assert "PHONE_NUMBER" in capsys.readouterr().err  # how many spans were made 'outside'
    # a retraining that keeps the labels does not reproduce these weights, and says why before training
    with pytest.raises(SystemExit):
        build([*options, "--out", str(tmp_path / "x"), "--verify", str(tmp_path / "dropped")])
    assert "--drop-labels none (reference: [" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


@pytest.mark.slow
def test_generated_written_rehearsal_docs_are_cased_and_keep_their_exhaustive_spans(tmp_path: Path) -> None:
    """``--synth-written``: the written rendering of train-family utterances, labelled by its own spans
    (names too, not the original model's guesses), the spoken training files unchanged by it."""
    import spacy
    from spacy.tokens import DocBin

    from redactkit.train.data import assemble_synth

    info = assemble_synth(tmp_path, train=20, held_out=5, written={"formal": 12, "all": 8})
    assert info["synth_written"] == {"all": 8, "formal": 12}
    blank = spacy.blank("en")
    docs = list(
        DocBin(store_user_data=True).from_disk(tmp_path / "synth_written.spacy").get_docs(blank.vocab)
    )
    assert len(docs) == 20
    assert all(doc.user_data["corpus"] == "synth-written" for doc in docs)
    assert sum(any(char.isupper() for char in doc.text) for doc in docs) >= 18
    persons = [ent for doc in docs for ent in doc.ents if ent.label_ == "PERSON"]
    assert persons and all(ent.text[0].isupper() for ent in persons)
    # the written docs are no extra spoken docs: synth_train.spacy holds the 20 spoken ones only
    spoken = list(DocBin().from_disk(tmp_path / "synth_train.spacy").get_docs(blank.vocab))
    assert len(spoken) == 20


def test_recipe_defaults_repeat_the_shipped_training(tmp_path: Path) -> None:
    """``make model-verify`` trains with ``--recipe``: the shipped weights' own settings and inputs."""
    from redactkit.train.build import recipe_defaults

    meta = json.loads((BUILTIN_NER_WEIGHTS / "meta.json").read_text())
    found = recipe_defaults(BUILTIN_NER_WEIGHTS, tmp_path)
    settings = meta["training"]["settings"]
    for key in ("seed", "epochs", "docs_per_epoch", "rehearsal_ratio", "learn_rate", "negative_share"):
        assert found[key] == settings[key]
    assert found["dev_sample"] == meta["training"]["dev_sample"]
    assert [path.name for path in found["extra"]] == meta["data"]["extra"]
    assert all(path.parent == tmp_path for path in [*found["extra"], *found["extra_dev"]])
    assert [path.name for path in found["extra_dev"]] == meta["data"]["extra_dev"]


def test_every_epoch_docs_join_each_epoch_whole_and_leave_the_other_draws_alone() -> None:
    """``--extra-always``: hard negatives go into every epoch whole; without them an epoch draws
    exactly the docs it drew before the option existed (same seed, same order)."""
    import random

    import spacy
    from spacy.tokens import Span

    from redactkit.train.trainer import TrainSettings, _sample

    blank = spacy.blank("en")
    spoken = [blank(f"call person {index}") for index in range(30)]
    for doc in spoken[:20]:
        doc.ents = [Span(doc, 1, 3, label="PERSON")]
    rehearsal = [blank(f"Written {index}.") for index in range(10)]
    always = [blank(f"play some jazz {index}") for index in range(7)]
    settings = TrainSettings(docs_per_epoch=12, rehearsal_ratio=0.5, negative_share=0.25)
    plain = _sample(random.Random(3), spoken, rehearsal, settings)
    assert [doc.text for doc in _sample(random.Random(3), spoken, rehearsal, settings, ())] == [
        doc.text for doc in plain
    ]
    with_always = _sample(random.Random(3), spoken, rehearsal, settings, always)
    assert len(with_always) == len(plain) + len(always)
    assert {doc.text for doc in always} <= {doc.text for doc in with_always}
    assert sorted(doc.text for doc in with_always if doc not in always) == sorted(doc.text for doc in plain)


def test_build_records_every_epoch_inputs_and_the_recipe_repeats_them(tmp_path: Path) -> None:
    from redactkit.train.build import recipe_defaults

    data = _tiny_docbins(tmp_path / "data")
    (data / "rehearsal.spacy").rename(data / "hard.spacy")
    _tiny_docbins(tmp_path / "more")
    (tmp_path / "more" / "rehearsal.spacy").rename(data / "rehearsal.spacy")
    options = ["--data", str(data), "--epochs", "1", "--max-steps", "2", "--eval-every", "2", "--seed", "7"]
    build([*options, "--out", str(tmp_path / "w"), "--extra-always", str(data / "hard.spacy")])
    meta = json.loads((tmp_path / "w" / "meta.json").read_text())
    assert meta["data"]["extra_always"] == ["hard.spacy"]
    assert "hard.spacy" in meta["data"]["inputs"]
    found = recipe_defaults(tmp_path / "w", data)
    assert found["extra_always"] == [data / "hard.spacy"]
    # the shipped weights were trained with hard negatives in every epoch: the recipe repeats them
    assert recipe_defaults(BUILTIN_NER_WEIGHTS, data)["extra_always"] == [data / "synth_neg.spacy"]


@pytest.mark.parametrize(
    ("items", "counts"),
    [
        ([], {}),
        (["LOCATION=2000"], {"LOCATION": 2000}),
        (["formal=6000", "support=0"], {"formal": 6000, "support": 0}),
        (["formal=10", "formal=20"], {"formal": 20}),  # the last one given wins
    ],
)
def test_repeatable_key_count_options(items: list[str], counts: dict[str, int]) -> None:
    assert _counts(items, "--synth-domain", "DOMAIN=N, e.g. formal=6000") == counts


@pytest.mark.parametrize("item", ["LOCATION", "LOCATION=", "LOCATION=2k", "LOCATION=-5", "LOCATION=1.5"])
def test_a_key_without_a_whole_count_is_refused(item: str) -> None:
    with pytest.raises(ValueError, match=r"--synth-focus takes LABEL=N, e\.g\. LOCATION=2000, not '"):
        _counts([item], "--synth-focus", "LABEL=N, e.g. LOCATION=2000")


@pytest.mark.parametrize(
    ("option", "example"),
    [
        ("--synth-focus", "LABEL=N, e.g. LOCATION=2000"),
        ("--synth-domain", "DOMAIN=N, e.g. formal=6000"),
        ("--synth-written", "DOMAIN=N, e.g. formal=8000"),
    ],
)
def test_the_data_step_names_the_option_and_its_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, example: str
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        data_step(["--out", str(tmp_path / "out"), "--synth-only", option, "formal"])
    assert exit_info.value.code == 2
    assert f"{option} takes {example}, not 'formal'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()  # refused before anything was written
