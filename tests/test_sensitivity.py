"""Row-level sensitivity: the scale, the cues and their negative contexts, the policy and its config."""

from __future__ import annotations

from typing import Any

import pytest
from _support import RegexDetector

from redactkit.config import load_config
from redactkit.errors import ConfigError
from redactkit.pipeline import Pipeline
from redactkit.sensitivity import (
    LEVELS,
    Action,
    Sensitivity,
    SensitivityClassifier,
    SensitivityOptions,
    combine,
    expand_pattern,
)
from redactkit.sensitivity._cues import CueMatcher


def test_levels_are_ordered_lowest_first() -> None:
    assert [level.value for level in LEVELS] == ["none", "pii", "special", "intimate", "safety"]
    assert (
        Sensitivity.NONE < Sensitivity.PII < Sensitivity.SPECIAL < Sensitivity.INTIMATE < Sensitivity.SAFETY
    )
    assert max(Sensitivity.SPECIAL, Sensitivity.PII) is Sensitivity.SPECIAL


def test_patterns_expand_choices_and_optional_groups() -> None:
    assert expand_pattern("i (want|wanna) to die") == [
        ("i", "want", "to", "die"),
        ("i", "wanna", "to", "die"),
    ]
    assert expand_pattern("end (my|) life") == [("end", "my", "life"), ("end", "life")]
    assert expand_pattern("i'm (so|) done") == [("im", "so", "done"), ("im", "done")]
    with pytest.raises(ValueError, match="nest"):
        expand_pattern("a (b (c|d)|e)")


@pytest.fixture(scope="module")
def classifier() -> SensitivityClassifier:
    return SensitivityClassifier()


@pytest.mark.parametrize(
    ("text", "level", "reason"),
    [
        # self-harm, violence, abuse -> safety
        ("i don't want to live anymore", "safety", "cue:self_harm"),
        ("um i want to kill myself", "safety", "cue:self_harm"),
        ("im going to end my life", "safety", "cue:self_harm"),
        ("he came at me with a knife last night", "safety", "cue:violence"),
        ("my boyfriend hit me", "safety", "cue:violence"),
        ("i think my son is being abused", "safety", "cue:abuse"),
        # sexual content -> intimate
        ("we had sex last night", "intimate", "cue:sexual"),
        ("show me porn videos", "intimate", "cue:sexual"),
        ("play some erotic audio", "intimate", "cue:sexual"),  # asking for it is the content
        # crime, children's details -> special
        ("i got arrested for shoplifting", "special", "cue:crime"),
        ("my daughter is eight and goes to lincoln elementary", "special", "cue:children"),
    ],
)
def test_cues_set_the_level(classifier: SensitivityClassifier, text: str, level: str, reason: str) -> None:
    row = classifier.classify(text, [])
    assert row.level.value == level
    assert reason in row.reasons


@pytest.mark.parametrize(
    "text",
    [
        "kill the lights in the kitchen",
        "i'm dying to see it",
        "shoot me a text when you land",
        "we want to find out the sex of the baby",
        "play sex on fire by kings of leon",
        "watch suicide squad",
        "play kill bill volume two",
        "these fees are killing me",
        "i could murder a coffee",
        "my card was cut in half by the machine",
        "i want to report my card stolen",
        "i hurt my back at the gym",
        "my daughter is two hours away",
        "set a timer for my medication at eight",
        "my phone died",
    ],
)
def test_negative_contexts_cancel_cues(classifier: SensitivityClassifier, text: str) -> None:
    assert classifier.classify(text, []).level is Sensitivity.NONE


def test_spans_set_the_level_by_label_category(classifier: SensitivityClassifier) -> None:
    assert classifier.classify("call bob", ["PERSON"]) == classifier.classify("call bob", ["PERSON"])
    assert classifier.classify("call bob", ["PERSON"]).level is Sensitivity.PII
    assert classifier.classify("call bob", ["PERSON"]).reasons == ("label:PERSON",)
    assert classifier.classify("x", ["NRP"]).level is Sensitivity.SPECIAL  # special_category
    # the highest wins and every reason is kept
    row = classifier.classify("bob hit me", ["PERSON"])
    assert row.level is Sensitivity.SAFETY and row.reasons == ("cue:violence", "label:PERSON")


def test_reasons_never_carry_text(classifier: SensitivityClassifier) -> None:
    row = classifier.classify("odalys said she wants to kill herself", ["PERSON"])
    assert all(reason.split(":")[0] in ("cue", "label") for reason in row.reasons)
    assert not any("odalys" in reason for reason in row.reasons)


def test_combine_takes_the_highest_level_and_all_reasons() -> None:
    classifier = SensitivityClassifier()
    rows = [classifier.classify("we had sex", []), classifier.classify("call bob", ["PERSON"])]
    combined = combine(rows)
    assert combined.level is Sensitivity.INTIMATE
    assert combined.reasons == ("cue:sexual", "label:PERSON")


def test_label_levels_raise_never_lower() -> None:
    raised = SensitivityClassifier({"label_levels": {"NRP": "safety"}})
    assert raised.classify("x", ["NRP"]).level is Sensitivity.SAFETY
    with pytest.raises(ConfigError, match="never lower") as info:
        SensitivityClassifier({"label_levels": {"NRP": "pii"}})
    assert info.value.key == "sensitivity.label_levels.NRP"
    with pytest.raises(ConfigError, match="did you mean 'PERSON'"):
        SensitivityClassifier({"label_levels": {"PERSN": "safety"}})


@pytest.mark.parametrize(
    ("block", "key", "message"),
    [
        ({"policy": {"safty": "route"}}, "sensitivity.policy.safty", "did you mean 'safety'"),
        ({"policy": {"safety": "rout"}}, "sensitivity.policy.safety", "did you mean 'route'"),
        ({"policy": {"none": "route"}}, "sensitivity.policy.none", "nothing to withhold"),
        ({"polcy": {}}, "sensitivity.polcy", "did you mean 'policy'"),
        ({"marker": "[{lvl}]"}, "sensitivity.marker", "{level}"),
        # a more sensitive level is withheld at least as much as a less sensitive one
        ({"policy": {"special": "route", "safety": "redact"}}, "sensitivity.policy.intimate", "withhold"),
    ],
)
def test_config_errors_name_the_key(block: dict[str, Any], key: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config({"sensitivity": block})
    assert info.value.key == key
    assert message in info.value.message
    assert info.value.example


def test_user_config_extends_the_default_policy_level_by_level() -> None:
    config = load_config({"sensitivity": {"policy": {"safety": "route"}}})
    assert config.sensitivity.action("safety") is Action.ROUTE
    assert config.sensitivity.action("intimate") is Action.REDACT
    assert config.sensitivity.marker == "[WITHHELD]"
    # the effective config round-trips
    assert load_config(config.to_mapping()).sensitivity == config.sensitivity
    assert load_config(None).sensitivity == SensitivityOptions()


def _pipe(sensitivity: dict[str, Any] | None = None) -> Pipeline:
    from redactkit.anonymize import TagAnonymizer

    return Pipeline(
        detectors=[RegexDetector(pattern=r"\bbob\b", label="PERSON")],
        anonymizer=TagAnonymizer(),
        sensitivity=sensitivity,
    )


def test_pipeline_results_carry_sensitivity() -> None:
    results = _pipe().redact_batch(["call bob", "bob hit me", "nice weather", None, ""])
    assert [r.sensitivity for r in results] == ["pii", "safety", "none", "none", "none"]
    assert results[1].sensitivity_reasons == ("cue:violence", "label:PERSON")
    assert results[1].text == "[PERSON] hit me" and results[1].action == "redact"


def test_pipeline_withholds_text_by_policy() -> None:
    pipe = _pipe({"policy": {"intimate": "drop_text", "safety": "route"}, "marker": "[WITHHELD {level}]"})
    dropped, routed, kept = pipe.redact_batch(["bob and i had sex", "bob hit me", "call bob"])
    assert dropped.text == "[WITHHELD intimate]" and dropped.action == "drop_text"
    assert dropped.routed_text is None and dropped.withheld
    assert routed.text == "[WITHHELD safety]" and routed.action == "route"
    assert routed.routed_text == "[PERSON] hit me"
    assert kept.text == "call [PERSON]" and not kept.withheld
    assert pipe.config.sensitivity.action("safety") is Action.ROUTE


def test_cue_data_errors_are_named() -> None:
    with pytest.raises(ValueError, match="classes"):
        CueMatcher({}, "test.yaml")
    with pytest.raises(ConfigError, match="unknown sensitivity level"):
        CueMatcher({"classes": {"x": {"level": "hot", "patterns": ["a"]}}}, "test.yaml")
    with pytest.raises(ValueError, match="may not start with"):
        CueMatcher({"classes": {"x": {"level": "safety", "patterns": ["* a"]}}}, "test.yaml")


def test_score_levels_counts_recall_at_or_above_the_level() -> None:
    from redactkit.bench.routing import routing_table, score_levels

    score = score_levels(
        ["safety", "safety", "intimate", "none", "none", "special"],
        ["safety", "intimate", "safety", "pii", "special", "none"],
    )
    assert score["levels"]["safety"] == {
        "gold": 2,
        "predicted": 2,
        "recall": 0.5,
        "recall_exact": 0.5,
        "precision": 0.5,
    }
    assert score["levels"]["intimate"]["recall"] == 1.0  # predicted safety: withheld at least as much
    assert score["levels"]["intimate"]["recall_exact"] == 0.0
    assert score["levels"]["special"]["recall"] == 0.0
    assert score["negatives"] == 2 and score["negatives_flagged"] == 1
    header, rows = routing_table(score)
    assert len(rows) == 4 and all(len(row) == len(header) for row in rows)


def test_row_cues_meet_the_acceptance_on_held_out_row_families() -> None:
    """The row cues alone on the held-out row families (written apart from the cues): >= 40 rows
    per level, recall >= 0.95 per level, <= 5 % of the ordinary rows flagged."""
    from redactkit.bench.routing import score_levels
    from redactkit.bench.sensitive import generate_sensitive

    classifier = SensitivityClassifier()
    rows = generate_sensitive("heldout", seed=0, kinds=("row",))
    score = score_levels(
        [row.sensitivity for row in rows], [classifier.classify(row.text, []).level.value for row in rows]
    )
    for level in ("special", "intimate", "safety"):
        assert score["levels"][level]["gold"] >= 40, level
        assert score["levels"][level]["recall"] >= 0.95, (level, score["levels"][level])
    assert score["negatives"] >= 40
    assert score["negatives_flagged_share"] <= 0.05
    # gold reasons name the cue class that should fire
    for row in rows:
        for reason in row.reasons:
            assert reason.removeprefix("cue:") in classifier.cues.classes
