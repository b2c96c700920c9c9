"""A child's age is an AGE protected as a MINOR (review40 H6, fail closed).

The pipeline reports a child's age with the label of what it is (``AGE``, as type-aware scorers and
reports count it) and ``policy_label`` ``MINOR``: the policy gives it ``MINOR``'s operator unless that
keeps it, then ``AGE``'s, so a config that keeps adults' ages never ships a child's age in clear; the
row's sensitivity is ``MINOR``'s; ``MINOR``'s threshold decides whether it is kept at all. A school
grade stays a ``MINOR``. Sentences are invented.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.anonymize.policy import PolicyAnonymizer
from redactkit.cli import app
from redactkit.core import Entity
from redactkit.spans import child_age, child_ages_as_age, resolve_overlaps

CHILD = "my daughter is seven"
CHILD_TURNED = "my son just turned four"
CHILD_AGED = "our nine year old loves trains"
ADULT = "my husband is forty two"
GRADE = "my daughter is in second grade"
NEGATIVE = "we need seven chairs for the party"

# config name -> anonymizer block
CONFIGS: dict[str, dict[str, Any]] = {
    "default": {},
    "AGE keep": {"operators": {"AGE": "keep"}},
    "MINOR keep": {"operators": {"MINOR": "keep"}},
    "both keep": {"operators": {"AGE": "keep", "MINOR": "keep"}},
    "minimal": {"preset": "minimal"},
    "minimal MINOR tag": {"preset": "minimal", "operators": {"MINOR": "tag"}},
    "MINOR mask": {"operators": {"MINOR": "mask"}},
    "gdpr AGE keep": {"preset": "gdpr", "operators": {"AGE": "keep"}},
}

KEPT = None  # the sentence comes back as it was said

# (config, sentence, redacted text); KEPT: unchanged
CASES: list[tuple[str, str, str | None]] = [
    # default: every age is replaced; the child's is tagged with what it is
    ("default", CHILD, "my daughter is [AGE]"),
    ("default", CHILD_TURNED, "my son just turned [AGE]"),
    ("default", CHILD_AGED, "our [AGE] loves trains"),
    ("default", ADULT, "my husband is [AGE]"),
    ("default", GRADE, "my daughter is in [MINOR]"),
    ("default", NEGATIVE, KEPT),
    # keeping adults' ages never keeps a child's (review40 H6): MINOR's operator replaces it
    ("AGE keep", CHILD, "my daughter is [AGE]"),
    ("AGE keep", CHILD_TURNED, "my son just turned [AGE]"),
    ("AGE keep", CHILD_AGED, "our [AGE] loves trains"),
    ("AGE keep", ADULT, KEPT),
    ("AGE keep", GRADE, "my daughter is in [MINOR]"),
    ("AGE keep", NEGATIVE, KEPT),
    # keeping MINOR alone keeps grades, not ages: a child's age is kept only when both labels keep it
    ("MINOR keep", CHILD, "my daughter is [AGE]"),
    ("MINOR keep", CHILD_AGED, "our [AGE] loves trains"),
    ("MINOR keep", ADULT, "my husband is [AGE]"),
    ("MINOR keep", GRADE, KEPT),
    ("both keep", CHILD, KEPT),
    ("both keep", CHILD_TURNED, KEPT),
    ("both keep", ADULT, KEPT),
    ("both keep", GRADE, KEPT),
    # minimal keeps quasi-identifiers and special categories: both labels keep it, as before
    ("minimal", CHILD, KEPT),
    ("minimal", ADULT, KEPT),
    ("minimal MINOR tag", CHILD, "my daughter is [AGE]"),
    ("minimal MINOR tag", CHILD_TURNED, "my son just turned [AGE]"),
    ("minimal MINOR tag", ADULT, KEPT),
    ("minimal MINOR tag", GRADE, "my daughter is in [MINOR]"),
    # MINOR's operator reaches children's ages
    ("MINOR mask", CHILD, "my daughter is *****"),
    ("MINOR mask", ADULT, "my husband is [AGE]"),
    ("MINOR mask", GRADE, "my daughter is in ****** *****"),
    ("MINOR mask", NEGATIVE, KEPT),
    ("gdpr AGE keep", CHILD, "my daughter is [AGE]"),
    ("gdpr AGE keep", ADULT, KEPT),
]


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {name: Pipeline.from_config({"anonymizer": block}) for name, block in CONFIGS.items()}


@pytest.mark.parametrize(("config", "sentence", "expected"), CASES)
def test_child_age_policy_table(
    pipelines: dict[str, Pipeline], config: str, sentence: str, expected: str | None
) -> None:
    result = pipelines[config].redact(sentence)
    assert result.text == (sentence if expected is KEPT else expected)


@pytest.mark.parametrize(
    ("sentence", "label", "policy_label"),
    [
        (CHILD, "AGE", "MINOR"),
        (CHILD_TURNED, "AGE", "MINOR"),
        (CHILD_AGED, "AGE", "MINOR"),
        ("i'm fifteen", "AGE", "MINOR"),
        (ADULT, "AGE", ""),
        ("i just turned fifty", "AGE", ""),
        (GRADE, "MINOR", ""),
        ("i'm in eighth grade", "MINOR", ""),
    ],
)
def test_analyze_reports_a_child_age_as_age(
    pipelines: dict[str, Pipeline], sentence: str, label: str, policy_label: str
) -> None:
    entities = pipelines["default"].analyze(sentence)
    assert [(e.label, e.policy_label) for e in entities] == [(label, policy_label)]
    redacted = pipelines["default"].redact(sentence).entities
    assert [(e.label, e.policy_label) for e in redacted] == [(label, policy_label)]
    assert ("a child's age" in entities[0].explanation) is (policy_label == "MINOR")


@pytest.mark.parametrize(
    "sentence",
    [
        NEGATIVE,
        "my son has seven cousins",
        "table for four",
        # "<digits> years old" said of a thing (identifiers, as contextual reads it)
        "the building is forty three years old",
        "our car is six years old",
    ],
)
def test_no_age_no_child_age(pipelines: dict[str, Pipeline], sentence: str) -> None:
    assert not [e for e in pipelines["default"].analyze(sentence) if e.label in ("AGE", "MINOR")]


def test_sensitivity_is_minors() -> None:
    """The row of a child's age is as sensitive as a MINOR makes it (label_levels honoured); an
    adult's age row is not."""
    pipe = Pipeline.from_config({"sensitivity": {"label_levels": {"MINOR": "safety"}}})
    child, adult, grade = pipe.redact_batch([CHILD, ADULT, GRADE])
    assert child.sensitivity == grade.sensitivity == "safety"
    assert "label:MINOR" in child.sensitivity_reasons and "label:AGE" in child.sensitivity_reasons
    assert adult.sensitivity != "safety" and "label:MINOR" not in adult.sensitivity_reasons


@pytest.mark.parametrize(
    ("thresholds", "child_found", "adult_found"),
    [
        ({}, True, True),
        ({"AGE": 0.99}, True, False),  # AGE's threshold is not a child's age's
        ({"MINOR": 0.99}, False, True),  # MINOR's is
    ],
)
def test_thresholds_are_minors(thresholds: dict[str, float], child_found: bool, adult_found: bool) -> None:
    pipe = Pipeline.from_config({"thresholds": thresholds})
    child, adult = pipe.analyze_batch([CHILD, ADULT])
    assert bool(child) is child_found
    assert bool(adult) is adult_found


@pytest.mark.parametrize(
    ("policy", "operator"),
    [
        ({}, "tag"),
        ({"operators": {"AGE": "keep"}}, "tag"),
        ({"operators": {"AGE": "keep", "MINOR": "mask"}}, "mask"),
        ({"operators": {"MINOR": "keep"}}, "tag"),
        ({"operators": {"MINOR": "keep", "AGE": "mask"}}, "mask"),
        ({"operators": {"MINOR": "keep", "AGE": "keep"}}, "keep"),
        ({"preset": "minimal"}, "keep"),
        ({"preset": "minimal", "operators": {"MINOR": "remove"}}, "remove"),
        ({"preset": "minimal", "operators": {"AGE": "mask"}}, "mask"),
    ],
)
def test_operator_for_entity(policy: dict[str, Any], operator: str) -> None:
    anonymizer = PolicyAnonymizer(**policy)
    child = Entity(0, 5, "AGE", 0.9, "contextual", "a child's age", policy_label="MINOR")
    assert anonymizer.operator_for_entity(child) == operator
    # without a second label an entity gets its own label's operator
    adult = Entity(0, 5, "AGE", 0.9, "contextual")
    assert anonymizer.operator_for_entity(adult) == anonymizer.operator_for("AGE")


def test_merges_keep_the_protection() -> None:
    """Fail closed: a merge or a join keeps the second label of any member."""
    child = Entity(15, 20, "AGE", 0.8, "a", "x", policy_label="MINOR")
    wider = Entity(10, 20, "AGE", 0.9, "b", "y")
    (merged,) = resolve_overlaps([child, wider])
    assert (merged.start, merged.end, merged.policy_label) == (10, 20, "MINOR")
    text = "my kids are seven eight"
    first = Entity(12, 17, "AGE", 0.9, "a", "x")
    second = Entity(18, 23, "AGE", 0.9, "a", "y", policy_label="MINOR")
    (joined,) = resolve_overlaps([first, second], text)
    assert (joined.start, joined.end, joined.policy_label) == (12, 23, "MINOR")


def test_child_ages_as_age_relabels_only_marked_ages() -> None:
    """review41 L1: only a MINOR an age detector marked as an age (:func:`child_age`) becomes an AGE
    protected as a MINOR; a grade or any other MINOR (a user's deny list term, whatever its
    explanation says) stays a MINOR."""
    grade = Entity(0, 5, "MINOR", 0.9, "special", "special: child_grade")
    term = Entity(0, 5, "MINOR", 1.0, "deny_list", "term on the deny list")
    worded = Entity(0, 5, "MINOR", 0.9, "my_model", "special: child_age")  # the words alone do not mark
    age = child_age(0, 5, 0.9, "contextual", "an age after a child")
    person = Entity(0, 5, "PERSON", 0.9, "names", "a name")
    assert child_ages_as_age([grade, term, worded, person]) == [grade, term, worded, person]
    (relabelled,) = child_ages_as_age([age])
    assert (relabelled.label, relabelled.policy_label) == ("AGE", "MINOR")
    assert relabelled.explanation == "an age after a child; a child's age"


def test_conversation_answer_is_an_age_protected_as_minor() -> None:
    pipe = Pipeline.from_config({"anonymizer": {"operators": {"AGE": "keep"}}})
    result = pipe.redact_conversation(
        [{"text": "how old is your son", "speaker": "agent"}, {"text": "um seven", "speaker": "caller"}]
    )
    answer = result[1]
    assert answer.text == "um [AGE]"
    assert [(e.label, e.policy_label) for e in answer.entities] == [("AGE", "MINOR")]


@pytest.mark.parametrize(
    ("operators", "expected"),
    [
        ({}, ["my daughter is [AGE]", "my husband is [AGE]", "my daughter is in [MINOR]", NEGATIVE]),
        ({"AGE": "keep"}, ["my daughter is [AGE]", ADULT, "my daughter is in [MINOR]", NEGATIVE]),
        ({"MINOR": "keep"}, ["my daughter is [AGE]", "my husband is [AGE]", GRADE, NEGATIVE]),
        ({"AGE": "keep", "MINOR": "keep"}, [CHILD, ADULT, GRADE, NEGATIVE]),
    ],
)
def test_cli_parquet_end_to_end(tmp_path: Path, operators: dict[str, str], expected: list[str]) -> None:
    """Through the CLI on Parquet: the redacted column, the entities column (label AGE for a child's
    age, MINOR for a grade), the row's sensitivity and the run report's counts."""
    source = tmp_path / "in.parquet"
    sentences = [CHILD, ADULT, GRADE, NEGATIVE]
    pq.write_table(pa.table({"transcript": pa.array(sentences, pa.string())}), source)
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"anonymizer": {"operators": operators}}))
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(
        app, ["redact", str(source), str(out), "-t", "transcript", "--config", str(config), "--json"]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == len(sentences)
    assert table.column("transcript_redacted").to_pylist() == expected
    labels = [[e["label"] for e in row] for row in table.column("transcript_entities").to_pylist()]
    assert labels == [["AGE"], ["AGE"], ["MINOR"], []]
    sensitivity = table.column("sensitivity").to_pylist()
    assert sensitivity[0] == sensitivity[2] != sensitivity[1]
    summary = json.loads(result.stdout)
    assert summary["entities_by_label"] == {"AGE": 2, "MINOR": 1}


# -- review41 L1: a MINOR of the user's own (deny list, regex) stays a MINOR -------------------------

USER_MINOR = {
    "detectors": {
        "deny_list": {"terms": {"little league": "MINOR", "scout troop twelve": "MINOR"}},
        "regex": {"recognizers": [{"label": "MINOR", "pattern": r"\bcamp [a-z]+ juniors\b"}]},
    }
}


@pytest.fixture(scope="module")
def user_minor() -> dict[str, Pipeline]:
    return {
        "default": Pipeline.from_config(USER_MINOR),
        "AGE keep": Pipeline.from_config({**USER_MINOR, "anonymizer": {"operators": {"AGE": "keep"}}}),
        "MINOR mask": Pipeline.from_config({**USER_MINOR, "anonymizer": {"operators": {"MINOR": "mask"}}}),
    }


# (config, sentence, [(label, policy_label)] in order, redacted text)
USER_MINOR_CASES: list[tuple[str, str, list[tuple[str, str]], str | None]] = [
    # positives: the user's terms stay MINORs, with MINOR's operator
    ("default", "he plays little league on sundays", [("MINOR", "")], "he plays [MINOR] on sundays"),
    ("default", "they joined scout troop twelve", [("MINOR", "")], "they joined [MINOR]"),
    ("default", "she goes to camp maple juniors", [("MINOR", "")], "she goes to [MINOR]"),
    ("AGE keep", "he plays little league on sundays", [("MINOR", "")], "he plays [MINOR] on sundays"),
    ("MINOR mask", "they joined scout troop twelve", [("MINOR", "")], "they joined ***** ***** ******"),
    # a child's age beside a user's term is still an AGE protected as a MINOR
    (
        "AGE keep",
        "my son is seven and plays little league",
        [("AGE", "MINOR"), ("MINOR", "")],
        "my son is [AGE] and plays [MINOR]",
    ),
    ("AGE keep", CHILD, [("AGE", "MINOR")], "my daughter is [AGE]"),
    # negatives: nothing of the user's, nothing of a child
    ("default", "the league starts in june", [], KEPT),
    ("AGE keep", ADULT, [("AGE", "")], KEPT),
    ("default", "the scout troop meets at six", [], KEPT),
]


@pytest.mark.parametrize(("config", "sentence", "labels", "expected"), USER_MINOR_CASES)
def test_user_minor_terms_stay_minor(
    user_minor: dict[str, Pipeline],
    config: str,
    sentence: str,
    labels: list[tuple[str, str]],
    expected: str | None,
) -> None:
    result = user_minor[config].redact(sentence)
    found = [(e.label, e.policy_label) for e in result.entities if e.label in ("AGE", "MINOR")]
    assert found == labels
    assert result.text == (sentence if expected is KEPT else expected)
    for entity in result.entities:
        if entity.detector in ("deny_list", "regex"):
            assert "a child's age" not in entity.explanation


# -- conversation mode: a repeated child's age keeps MINOR's protection ------------------------------

# (turns, the turn that says a child's age again, its redacted text under {AGE: keep})
REPEATS = [
    # the repeat alone is a plain AGE ("twelve years old") or nothing ("eleven and a half already"):
    # the known value, or the age question it answers, gives it MINOR's protection
    (["my son is eleven and a half", "eleven and a half already"], 1, "[AGE] already"),
    (["my daughter is six and a half", "yeah six and a half"], 1, "yeah [AGE]"),
    (["my daughter is six and a half", "six and a half going on thirty"], 1, "[AGE] going on thirty"),
    (["how old is your son", "twelve years old", "twelve years old and very loud"], 1, "[AGE]"),
    (["how old is your son", "twelve years old", "twelve years old and very loud"], 2, "[AGE] and very loud"),
    # an age detector's child's age inside a plain AGE detection ("[twelve] years old")
    (["my son is twelve years old", "twelve years old is a fun age"], 1, "[AGE] is a fun age"),
    # the number alone, without its unit, however short: a known child's age is its number
    (["my son is twelve years old", "twelve is a fun age"], 1, "[AGE] is a fun age"),
    (
        ["my granddaughter is eight", "and her brother", "eight and already reading"],
        2,
        "[AGE] and already reading",
    ),
    (["how old is your niece", "she's ten", "ok ten noted"], 2, "ok [AGE] noted"),
]
# (turns, the turn that stays as said under {AGE: keep}): no known child's age is said in it
NOT_REPEATS = [
    (["my son is twelve", "thirteen next month"], 1),  # another number
    (["we need nine chairs", "nine is fine"], 1),  # no age at all
    (["my wife is fifty five", "fifty five and fit"], 1),  # an adult's age (plain AGE, kept)
    (["i'm forty", "and your son", "he's twelve", "the bus had forty seats"], 3),
]
ADULT_REPEAT = (["my wife is fifty five", "fifty five and fit"], 1)


def _conversation_pipeline(labels: list[str], operators: dict[str, str]) -> Pipeline:
    return Pipeline.from_config(
        {"conversation": {"labels": labels, "min_length": 1}, "anonymizer": {"operators": operators}}
    )


@pytest.fixture(scope="module")
def conversation_pipelines() -> dict[tuple[str, ...], Pipeline]:
    return {
        (labels, "AGE keep"): _conversation_pipeline(list(labels), {"AGE": "keep"})
        for labels in (("AGE",), ("MINOR",), ("AGE", "MINOR"))
    } | {(("AGE",), "MINOR mask"): _conversation_pipeline(["AGE"], {"MINOR": "mask"})}


@pytest.mark.parametrize("labels", [("AGE",), ("MINOR",), ("AGE", "MINOR")])
@pytest.mark.parametrize(("turns", "repeat", "expected"), REPEATS)
def test_conversation_repeat_of_a_child_age_keeps_minor(
    conversation_pipelines: dict[tuple[Any, ...], Pipeline],
    labels: tuple[str, ...],
    turns: list[str],
    repeat: int,
    expected: str,
) -> None:
    result = conversation_pipelines[(labels, "AGE keep")].redact_conversation(turns)
    assert result[repeat].text == expected
    first = result[repeat].entities[0]
    assert (first.label, first.policy_label) == ("AGE", "MINOR")
    assert "label:MINOR" in result[repeat].sensitivity_reasons


# conversation options that list neither AGE nor MINOR: the default list, and a user's own list
UNLISTED_CONVERSATIONS: list[dict[str, Any]] = [{}, {"labels": ["PERSON"]}, {"labels": ["PHONE_NUMBER"]}]


@pytest.fixture(scope="module")
def unlisted_pipelines() -> list[Pipeline]:
    return [
        Pipeline.from_config({"conversation": options, "anonymizer": {"operators": {"AGE": "keep"}}})
        for options in UNLISTED_CONVERSATIONS
    ]


@pytest.mark.parametrize("options", range(len(UNLISTED_CONVERSATIONS)))
@pytest.mark.parametrize(("turns", "repeat", "expected"), REPEATS)
def test_conversation_repeat_of_a_child_age_is_known_whatever_labels_list(
    unlisted_pipelines: list[Pipeline], options: int, turns: list[str], repeat: int, expected: str
) -> None:
    """Fail closed: a child's age is a special category, so it is a known value of the conversation
    also when ``conversation.labels`` lists neither AGE nor MINOR (the default list included)."""
    result = unlisted_pipelines[options].redact_conversation(turns)
    assert result[repeat].text == expected
    first = result[repeat].entities[0]
    assert (first.label, first.policy_label) == ("AGE", "MINOR")


@pytest.mark.parametrize("options", range(len(UNLISTED_CONVERSATIONS)))
@pytest.mark.parametrize(("turns", "kept"), NOT_REPEATS)
def test_conversation_unlisted_labels_other_numbers_are_no_repeat(
    unlisted_pipelines: list[Pipeline], options: int, turns: list[str], kept: int
) -> None:
    """Only a child's age becomes known without AGE listed: an adult's age, another number and a
    count with no age said before stay as said."""
    result = unlisted_pipelines[options].redact_conversation(turns)
    assert result[kept].text == turns[kept]


def test_conversation_default_operators_redact_a_child_age_repeat() -> None:
    """With the shipped defaults throughout (conversation labels and operators), the bare repeat of
    a child's age is replaced."""
    turns = ["how old is your niece", "she's ten", "ok ten noted"]
    result = Pipeline.from_config({"conversation": {}}).redact_conversation(turns)
    assert "ten" not in result[2].text.split()
    assert [(e.label, e.policy_label) for e in result[2].entities] == [("AGE", "MINOR")]


def test_conversation_repeat_takes_minor_operator(
    conversation_pipelines: dict[tuple[Any, ...], Pipeline],
) -> None:
    first, repeat = conversation_pipelines[(("AGE",), "MINOR mask")].redact_conversation(REPEATS[0][0])
    assert first.text == "my son is ****** *** * ****"
    assert repeat.text == "****** *** * **** already"


@pytest.mark.parametrize("labels", [("AGE",), ("MINOR",)])
@pytest.mark.parametrize(("turns", "kept"), NOT_REPEATS)
def test_conversation_other_numbers_are_no_repeat(
    conversation_pipelines: dict[tuple[Any, ...], Pipeline],
    labels: tuple[str, ...],
    turns: list[str],
    kept: int,
) -> None:
    result = conversation_pipelines[(labels, "AGE keep")].redact_conversation(turns)
    assert result[kept].text == turns[kept]


def test_conversation_child_age_number_is_redacted_everywhere(
    conversation_pipelines: dict[tuple[Any, ...], Pipeline],
) -> None:
    """Fail closed, the documented cost: once a child's age is known, its number is the child's age in
    every turn of the conversation, also where it counts something."""
    turns = ["my son is twelve", "we need twelve plates"]
    result = conversation_pipelines[(("AGE",), "AGE keep")].redact_conversation(turns)
    assert result[1].text == "we need [AGE] plates"


@pytest.mark.parametrize("labels", [("AGE",), ("AGE", "MINOR")])
def test_conversation_repeat_of_an_adult_age_is_kept(
    conversation_pipelines: dict[tuple[Any, ...], Pipeline], labels: tuple[str, ...]
) -> None:
    """No over-protection: an adult's age said again is a plain AGE, kept by {AGE: keep}."""
    turns, _ = ADULT_REPEAT
    result = conversation_pipelines[(labels, "AGE keep")].redact_conversation(turns)
    assert [turn.text for turn in result] == turns
    assert [(e.label, e.policy_label) for turn in result for e in turn.entities] == [("AGE", ""), ("AGE", "")]


def test_conversation_repeat_threshold_is_minors() -> None:
    """A mention of a child's age is kept or dropped by MINOR's threshold, as its first detection."""
    turns = REPEATS[0][0]
    config: dict[str, Any] = {"conversation": {"labels": ["AGE"], "min_length": 1}}
    by_age = Pipeline.from_config({**config, "thresholds": {"AGE": 1.0}})
    assert [turn.text for turn in by_age.redact_conversation(turns)] == ["my son is [AGE]", "[AGE] already"]
    by_minor = Pipeline.from_config({**config, "thresholds": {"MINOR": 1.0}})
    assert by_minor.redact_conversation(turns)[1].text == turns[1]


def test_cli_parquet_conversation_repeat(tmp_path: Path) -> None:
    """`redactkit redact --conversation` on Parquet: the repeated child's age is replaced under
    {AGE: keep}, its entities column says AGE with MINOR's operator, the adult's repeat is kept."""
    turns, repeat, expected = REPEATS[0]
    adult, adult_repeat = ADULT_REPEAT
    rows = [("c1", text) for text in turns] + [("c2", text) for text in adult]
    source = tmp_path / "in.parquet"
    pq.write_table(
        pa.table({"call": [c for c, _ in rows], "transcript": [t for _, t in rows]}),
        source,
    )
    config = tmp_path / "config.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "conversation": {"labels": ["AGE"], "min_length": 1},
                "anonymizer": {"operators": {"AGE": "keep"}},
            }
        )
    )
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(
        app,
        [
            "redact",
            str(source),
            str(out),
            "-t",
            "transcript",
            "-g",
            "call",
            "--conversation",
            "--config",
            str(config),
        ],
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    redacted = table.column("transcript_redacted").to_pylist()
    assert redacted[repeat] == expected
    assert redacted[len(turns) + adult_repeat] == adult[adult_repeat]
    entities = table.column("transcript_entities").to_pylist()[repeat]
    assert [(e["label"], e["operator"]) for e in entities] == [("AGE", "tag")]


# -- review41 M1: redactkit bench counts a child's age as the MINOR it is protected as -----------------

# (id, text, [(value, gold label)]); the gold marks children's ages MINOR, as the sensitive set does
BENCH_ROWS = [
    ("b1", CHILD, [("seven", "MINOR")]),
    ("b2", CHILD_AGED, [("nine year old", "MINOR")]),
    ("b3", ADULT, [("forty two", "AGE")]),
    ("b4", GRADE, [("second grade", "MINOR")]),
    ("b5", NEGATIVE, []),
]


def test_cli_bench_counts_the_protected_as_label(tmp_path: Path) -> None:
    labeled = tmp_path / "ages.jsonl"
    with labeled.open("w", encoding="utf-8") as handle:
        for row_id, text, values in BENCH_ROWS:
            spans = [
                {"start": text.index(v), "end": text.index(v) + len(v), "label": label} for v, label in values
            ]
            handle.write(json.dumps({"id": row_id, "text": text, "spans": spans}) + "\n")
    out, markdown, html = tmp_path / "b.json", tmp_path / "b.md", tmp_path / "b.html"
    args = ["bench", str(labeled), "--baseline", "none", "--bootstrap", "0", "--no-examples"]
    result = CliRunner().invoke(
        app, [*args, "--json", str(out), "--markdown", str(markdown), "--report", str(html)]
    )
    assert result.exit_code == 0, result.output
    system = json.loads(out.read_text(encoding="utf-8"))["datasets"][0]["systems"]["redactkit"]
    minor, age = system["labels"]["MINOR"], system["labels"]["AGE"]
    assert minor["type_correct_recall"]["numerator"] == minor["gold"] == 3
    assert age["type_correct_recall"]["numerator"] == age["gold"] == 1
    assert (minor["predicted"], age["predicted"]) == (1, 3)  # each span once, under its label
    assert system["special"]["by_label"] == {"MINOR": 3}
    assert system["special"]["rows_flagged"] == 3 and system["special"]["negatives_flagged"] == 0
    assert "protected as" in markdown.read_text(encoding="utf-8")
    page = html.read_text(encoding="utf-8")
    assert "Special categories" in page and "protected as" in page
    assert "protected as" in result.output  # the terminal's special table says it too
