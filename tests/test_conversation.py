"""Conversation mode: known values of one turn are redacted in every turn of the conversation.

A model-free pipeline (speech normalizers, names/identifiers/addresses detectors, a regex for written
e-mail addresses) keeps these tests fast; the shipped pipeline is measured by
``benchmarks/bench_conversation.py``.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml
from _support import RegexDetector  # noqa: F401  (registers test_regex)

from redactkit import ConfigError, DataError, Pipeline
from redactkit.bench.conversations import generate_conversations
from redactkit.config import default_config_path, load_config
from redactkit.conversation import ConversationOptions, Turn

CONFIG: dict[str, Any] = {
    "replace": ["normalizers", "detectors"],  # model-free: these lists as written, not merged
    "normalizers": [
        {"name": "whitespace"},
        {"name": "fillers"},
        {"name": "spelled_letters"},
        {"name": "spoken_numbers"},
        {"name": "spoken_symbols"},
    ],
    "detectors": [
        {"name": "identifiers"},
        {"name": "names"},
        {"name": "addresses"},
        {"name": "test_regex", "pattern": r"[\w.]+@\w+\.\w+", "label": "EMAIL_ADDRESS", "score": 1.0},
    ],
    "anonymizer": {"name": "policy", "operators": {"PERSON": "numbered"}},
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.from_config(CONFIG)


def _texts(results: Any) -> list[str | None]:
    return [result.text for result in results]


CASES = [
    # (turns, turn index to check, text that must be gone, text that must stay)
    (["my name is quenvo darlim", "okay quenvo let me check"], 1, "quenvo", "let me check"),
    (["am i through to quenvo", "yes this is quenvo darlim"], 0, "quenvo", "through"),
    (["my name is quenvo darlim", "darlim that's right"], 1, "darlim", "that's right"),
    # ("it's d a r l i m" alone is now a name answer per row: the spelling needs another frame)
    (["my name is quenvo darlim", "written d a r l i m"], 1, "d a r l i m", "written [PERSON_1]"),
    (
        ["the card number is four one one one one one one one one one one one one one one one",
         "the card ending in one one one one is that the one"],
        1, "CREDIT_CARD_META", "the card ending in",
    ),
    (["i live at forty two juniper street", "okay juniper street got it"], 1, "juniper street", "got it"),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "index", "gone", "kept"), CASES)
def test_a_value_found_in_one_turn_is_redacted_in_another(
    pipe: Pipeline, turns: list[str], index: int, gone: str, kept: str
) -> None:
    per_row = pipe.redact_batch(turns)[index].text
    result = pipe.redact_conversation(turns)[index].text
    assert per_row != result  # per row, this mention is missed (or has another label)
    assert result is not None and gone not in result and kept in result
    assert pipe.redact_conversation(turns)[0].text == pipe.redact_conversation(turns)[0].text


def test_mentions_share_the_label_and_number_and_name_their_source_row(pipe: Pipeline) -> None:
    turns = [
        "my colleague is callum abernathy",
        "my name is quenvo darlim",
        "okay quenvo",
        "mister darlim one more thing",
        "callum can call you",
        "written as Quenvo Darlim",
    ]
    result = pipe.redact_conversation(turns, ids=["a", "b", "c", "d", "e", "f"])
    assert _texts(result) == [
        "my colleague is [PERSON_1]",
        "my name is [PERSON_2]",
        "okay [PERSON_2]",
        "[PERSON_2] one more thing",  # the names detector keeps the title with the name
        "[PERSON_1] can call you",
        "written as [PERSON_2]",
    ]
    (mention,) = result[2].entities
    assert mention.label == "PERSON" and mention.known_from == "b"
    assert "made known by row b" in mention.explanation
    assert "quenvo" not in mention.explanation  # row ids, never text
    assert result[1].entities[0].known_from is None  # found in its own turn
    assert [(k.label, k.source) for k in result.known] == [("PERSON", "a"), ("PERSON", "b")]


def test_a_name_that_is_a_common_word_needs_evidence(pipe: Pipeline) -> None:
    turns = ["my name is mark darlim", "we can mark that as resolved", "thanks mark"]
    result = _texts(pipe.redact_conversation(turns))
    assert result[1] == "we can mark that as resolved"
    assert result[2] == "thanks [PERSON_1]"


def test_weak_detections_do_not_become_known(pipe: Pipeline) -> None:
    strict = Pipeline.from_config({**CONFIG, "conversation": {"min_score": 0.95}})
    turns = ["my name is quenvo darlim", "okay quenvo"]
    assert pipe.redact_conversation(turns)[1].text == "okay [PERSON_1]"
    assert strict.redact_conversation(turns)[1].text == "okay quenvo"
    unlisted = Pipeline.from_config({**CONFIG, "conversation": {"labels": ["PHONE_NUMBER"]}})
    assert unlisted.redact_conversation(turns)[1].text == "okay quenvo"
    no_parts = Pipeline.from_config({**CONFIG, "conversation": {"name_parts": False}})
    assert no_parts.redact_conversation(turns)[1].text == "okay quenvo"


def test_last_digits_can_be_switched_off() -> None:
    turns = [
        "the card number is four one one one one one one one one one one one one one one one",
        "the card ending in one one one one",
    ]
    off = Pipeline.from_config({**CONFIG, "conversation": {"last_digits": 0}})
    assert off.redact_conversation(turns)[1].entities[0].label == "CREDIT_CARD_META"
    on = Pipeline.from_config(CONFIG)
    assert on.redact_conversation(turns)[1].entities[0].label == "CREDIT_CARD"


def test_conversation_mode_never_redacts_less_than_per_row(pipe: Pipeline) -> None:
    for conversation in generate_conversations(12, seed=3):
        texts = [turn.text for turn in conversation.turns]
        for single, whole in zip(pipe.redact_batch(texts), pipe.redact_conversation(texts), strict=True):
            covered = {i for e in whole.entities for i in range(e.start, e.end)}
            assert all(i in covered for e in single.entities for i in range(e.start, e.end))


def test_without_known_values_the_result_is_the_per_row_result(pipe: Pipeline) -> None:
    turns = [
        "thank you for calling",
        None,
        "",
        "set a timer for five minutes",
        "the charge was forty dollars",
    ]
    assert pipe.redact_conversation(turns).results == pipe.redact_batch(turns)


def test_row_numbering_becomes_conversation_numbering(pipe: Pipeline) -> None:
    assert pipe.anonymizer.get_params()["numbered_scope"] == "row"
    turns = ["my name is quenvo darlim", "i spoke to callum abernathy", "quenvo here again"]
    assert _texts(pipe.redact_conversation(turns)) == [
        "my name is [PERSON_1]",
        "i spoke to [PERSON_2]",
        "[PERSON_1] here again",
    ]


def test_long_conversations_are_redacted_in_windows_carrying_known_values_forward() -> None:
    windowed = Pipeline.from_config({**CONFIG, "conversation": {"max_turns": 2}})
    turns = ["okay quenvo", "hi", "my name is quenvo darlim", "ok", "okay quenvo"]
    # window 1 ends before the name is known; window 3 inherits it
    assert _texts(windowed.redact_conversation(turns)) == [
        "okay quenvo",
        "hi",
        "my name is [PERSON_1]",
        "ok",
        "okay [PERSON_1]",
    ]
    assert _texts(Pipeline.from_config(CONFIG).redact_conversation(turns))[0] == "okay [PERSON_1]"


def test_continued_calls_keep_the_known_values(pipe: Pipeline) -> None:
    conversations = pipe.conversations
    conversations.redact([Turn("my name is quenvo darlim")], "c1")
    later = conversations.redact([Turn("okay quenvo")], "c1", continues=True)
    assert later[0].text == "okay [PERSON_1]"
    other = conversations.redact([Turn("okay quenvo")], "c2", continues=True)
    assert other[0].text == "okay quenvo"
    pipe.reset_groups()
    assert conversations.current is None


def test_turns_may_be_mappings_or_turn_objects(pipe: Pipeline) -> None:
    turns: list[Any] = [
        {"text": "my name is quenvo darlim", "id": 7, "speaker": "caller"},
        Turn("okay quenvo", id="8", speaker="agent"),
    ]
    result = pipe.redact_conversation(turns)
    assert result[1].entities[0].known_from == "7"
    assert result.known[0].speaker == "caller"


@pytest.mark.parametrize(
    ("turns", "kwargs", "message"),
    [
        ("one text", {}, "not one str"),
        ([3], {}, "type int"),
        ([{"txt": "hi"}], {}, "'text'"),
        (["a", "b"], {"ids": ["1"]}, "2 turns but 1 ids"),
    ],
)
def test_bad_turns_are_data_errors(pipe: Pipeline, turns: Any, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(DataError, match=message):
        pipe.redact_conversation(turns, **kwargs)


def test_the_yaml_block_matches_the_model_defaults() -> None:
    shipped = yaml.safe_load(default_config_path().read_text())["conversation"]
    assert ConversationOptions.model_validate(shipped) == ConversationOptions()
    assert load_config(None).conversation == ConversationOptions()


@pytest.mark.parametrize(
    ("block", "key"),
    [
        ({"min_scor": 0.5}, "conversation.min_scor"),
        ({"min_score": 2}, "conversation.min_score"),
        ({"labels": ["person"]}, "conversation.labels"),
        ({"labels": "PERSON"}, "conversation.labels"),
        ({"max_turns": 1}, "conversation.max_turns"),
    ],
)
def test_bad_conversation_config_names_the_key(block: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"conversation": block})
    assert key in str(caught.value)


def test_the_config_round_trips(pipe: Pipeline) -> None:
    custom = Pipeline.from_config({**CONFIG, "conversation": {"enabled": True, "labels": ["PERSON"]}})
    again = Pipeline.from_config(custom.config)
    assert again.conversation == custom.conversation
    assert again.conversation.labels == ("PERSON",)
    assert custom.config.fingerprint() != pipe.config.fingerprint()


def test_conversation_labels_must_be_registered() -> None:
    with pytest.raises(ConfigError) as caught:
        Pipeline.from_config({**CONFIG, "conversation": {"labels": ["PERSON", "PHONE"]}})
    assert "conversation.labels[1]" in str(caught.value)


def test_hash_pseudonyms_are_the_same_for_every_form_of_a_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTKIT_KEY", "ab" * 32)
    hashed = Pipeline.from_config(
        {**CONFIG, "anonymizer": {"name": "policy", "operators": {"PERSON": "hash"}}}
    )
    first, second, third = hashed.redact_conversation(
        ["my name is quenvo darlim", "okay quenvo", "darlim got it"]
    )
    tokens = {
        result.text[e.redacted_start : e.redacted_end]
        for result in (first, second, third)
        for e in result.entities
    }
    assert len(tokens) == 1 and next(iter(tokens)).startswith("[PERSON:")


def test_conversation_mode_reads_the_tables_of_its_locale() -> None:
    from pydantic import ValidationError

    # en-GB adds British forms of address ("ta", "hiya") to en-US's: a frequent-word name part
    # after one is a mention of the known name in en-GB conversations only
    turns = ["my name is mark darlim", "ta mark", "hiya mark", "thanks mark"]
    us = Pipeline.from_config(CONFIG)
    gb = Pipeline.from_config({**CONFIG, "conversation": {"locale": "en-GB"}})
    assert _texts(us.redact_conversation(turns))[1:] == ["ta mark", "hiya mark", "thanks [PERSON_1]"]
    assert _texts(gb.redact_conversation(turns))[1:] == [
        "ta [PERSON_1]",
        "hiya [PERSON_1]",
        "thanks [PERSON_1]",
    ]
    with pytest.raises(ValidationError, match="en-XX"):
        ConversationOptions(locale="en-XX")
    with pytest.raises(ConfigError, match="locale"):
        Pipeline.from_config({**CONFIG, "conversation": {"locale": "en_GB"}})
