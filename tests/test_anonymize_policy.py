"""Operators and policies: nothing redacted survives, offsets are right, keys are handled safely."""

from __future__ import annotations

import base64
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from _support import RegexDetector
from hypothesis import given, settings
from hypothesis import strategies as st

import redactkit
from redactkit import AnonymizerError, ConfigError, Pipeline
from redactkit.anonymize import OPERATORS, PolicyAnonymizer
from redactkit.core import Entity
from redactkit.detect.identifiers import luhn_valid

KEY = "0123456789abcdef" * 4  # 64 hex characters: 32 bytes of key material


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTKIT_KEY", KEY)


TEXT = "call maria garcia on five five five oh one nine nine or 4111 1111 1111 1111 tomorrow"
_SPANS = [
    ("maria garcia", "PERSON"),
    ("five five five oh one nine nine", "PHONE_NUMBER"),
    ("4111 1111 1111 1111", "CREDIT_CARD"),
    ("tomorrow", "DATE_TIME"),
]
ENTITIES = [Entity(TEXT.index(value), TEXT.index(value) + len(value), label) for value, label in _SPANS]
VALUES = [TEXT[e.start : e.end] for e in ENTITIES]


def _policy(operator: str, **params: object) -> PolicyAnonymizer:
    return PolicyAnonymizer(preset="strict", default_operator=operator, **params)  # type: ignore[arg-type]


@pytest.mark.parametrize("operator", [name for name in OPERATORS if name != "keep"])
def test_no_redacted_value_survives_and_offsets_are_right(operator: str) -> None:
    result = _policy(operator).anonymize(TEXT, ENTITIES)
    assert result.text is not None
    for value in VALUES:
        assert value not in result.text
    for entity, redacted in zip(ENTITIES, result.entities, strict=True):
        assert (redacted.start, redacted.end, redacted.label, redacted.operator) == (
            entity.start,
            entity.end,
            entity.label,
            operator,
        )
        # text between entities is unchanged
    pieces = [result.text[r.redacted_start : r.redacted_end] for r in result.entities]
    rebuilt = TEXT
    for entity, piece in sorted(zip(ENTITIES, pieces, strict=True), key=lambda pair: -pair[0].start):
        rebuilt = rebuilt[: entity.start] + piece + rebuilt[entity.end :]
    if operator != "remove":
        assert rebuilt == result.text


@pytest.mark.parametrize(
    ("operator", "params", "expected"),
    [
        ("tag", {}, "call [PERSON] on"),
        ("tag", {"tag_format": "<{label}>"}, "call <PERSON> on"),
        ("numbered", {}, "call [PERSON_1] on"),
        ("mask", {}, "call ***** ****** on"),
        ("mask", {"mask_char": "#", "mask_keep_last": 3}, "call ##### ###cia on"),
        ("remove", {}, "call on"),
        ("keep", {}, "call maria garcia on"),
    ],
)
def test_operator_outputs(operator: str, params: dict[str, object], expected: str) -> None:
    result = _policy(operator, **params).anonymize("call maria garcia on", [Entity(5, 17, "PERSON")])
    assert result.text == expected


def test_presets_and_overrides() -> None:
    default = PolicyAnonymizer()
    assert default.operator_for("DATE_TIME") == "keep"
    assert default.operator_for("PERSON") == "tag"
    assert default.operator_for("SOMETHING_NEW") == "tag"  # fail closed
    minimal = PolicyAnonymizer(preset="minimal")
    assert minimal.operator_for("LOCATION") == "keep" and minimal.operator_for("US_SSN") == "tag"
    strict = PolicyAnonymizer(preset="strict")
    assert strict.operator_for("DATE_TIME") == "tag"
    custom = PolicyAnonymizer(operators={"PERSON": "numbered", "DATE_TIME": "mask"})
    assert custom.operator_for("PERSON") == "numbered" and custom.operator_for("DATE_TIME") == "mask"
    result = default.anonymize(TEXT, ENTITIES)
    assert result.text is not None and result.text.endswith("tomorrow")
    assert result.entities[-1].operator == "keep"


def test_numbered_same_value_same_number_within_row() -> None:
    text = "ann met bob then ann called"
    entities = [Entity(0, 3, "PERSON"), Entity(8, 11, "PERSON"), Entity(17, 20, "PERSON")]
    assert (
        _policy("numbered").anonymize(text, entities).text
        == "[PERSON_1] met [PERSON_2] then [PERSON_1] called"
    )


def test_numbered_group_scope_is_consistent_across_rows_of_a_group() -> None:
    policy = _policy("numbered", numbered_scope="group")
    texts = ["hi bob", "hi ann", "bye bob", "bye ann"]
    entities = [
        [Entity(3, 6, "PERSON")],
        [Entity(3, 6, "PERSON")],
        [Entity(4, 7, "PERSON")],
        [Entity(4, 7, "PERSON")],
    ]
    results = policy.anonymize_batch(texts, entities, groups=["a", "b", "a", "a"])
    assert [r.text for r in results] == ["hi [PERSON_1]", "hi [PERSON_1]", "bye [PERSON_1]", "bye [PERSON_2]"]


def test_dataset_scope_is_the_same_across_processes() -> None:
    code = textwrap.dedent(
        """
        from redactkit.anonymize import PolicyAnonymizer
        from redactkit.core import Entity
        p = PolicyAnonymizer(preset="strict", default_operator="numbered", numbered_scope="dataset")
        print(p.anonymize("hi Maria  Garcia", [Entity(3, 16, "PERSON")]).text)
        """
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.strip()
        for _ in range(2)
    }
    here = (
        _policy("numbered", numbered_scope="dataset")
        .anonymize("maria garcia", [Entity(0, 12, "PERSON")])
        .text
    )
    assert len(outputs) == 1
    (output,) = outputs
    assert output.startswith("hi [PERSON_") and output == f"hi {here}"  # case and spacing do not matter


def test_hash_is_keyed_and_truncated(monkeypatch: pytest.MonkeyPatch) -> None:
    first = _policy("hash", hash_length=16).anonymize("bob", [Entity(0, 3, "PERSON")]).text
    assert first is not None and len(first) == len("[PERSON:]") + 16
    monkeypatch.setenv("REDACTKIT_KEY", KEY[::-1])
    second = _policy("hash", hash_length=16).anonymize("bob", [Entity(0, 3, "PERSON")]).text
    assert first != second


@pytest.mark.parametrize(
    ("setup", "setting", "message"),
    [
        ("missing", "key_env", "REDACTKIT_KEY is not set"),
        ("short", "key_env", "holds 3"),
        ("16 bytes hex", "key_env", "holds 16"),
        ("31 bytes raw", "key_env", "holds 31"),
        ("file", "key_file", "cannot be read"),
        ("passphrase without salt", "key_salt", "needs a key_salt"),
        ("short passphrase", "key_env", "at least 16 characters"),
    ],
)
@pytest.mark.parametrize("operator", ["hash", "surrogate", "encrypt", "numbered"])
def test_a_missing_or_weak_key_is_a_config_error_at_construction(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, setup: str, setting: str, message: str, operator: str
) -> None:
    params: dict[str, object] = {"numbered_scope": "dataset"} if operator == "numbered" else {}
    secret = {
        "short": "short",
        "16 bytes hex": "0123456789abcdef" * 2,
        "31 bytes raw": "x!" * 15 + "y",
        "short passphrase": "correct horse",
    }.get(setup, "correct horse battery staple")
    monkeypatch.setenv("REDACTKIT_KEY", secret)
    if setup == "missing":
        monkeypatch.delenv("REDACTKIT_KEY")
    elif setup == "file":
        params["key_file"] = str(tmp_path / "missing.key")
    elif setup == "passphrase without salt":
        params["key_type"] = "passphrase"
    elif setup == "short passphrase":
        params.update(key_type="passphrase", key_salt="acme-calls-2026")
    with pytest.raises(ConfigError, match=message) as info:
        _policy(operator, **params)  # no text is ever seen: the check is at construction
    assert info.value.key == setting
    assert f"operator {operator!r} (default_operator)" in str(info.value)
    assert "\n" not in str(info.value)
    assert secret not in str(info.value)
    # also through the config path, named under the anonymizer block, before any model loads
    config = {
        "detectors": [{"name": "test_regex"}],
        "anonymizer": {"name": "policy", "operators": {"PERSON": operator}, **params},
    }
    with pytest.raises(ConfigError, match=message) as info:
        Pipeline.from_config(config)
    assert info.value.key == f"anonymizer.{setting}"
    assert "(operators.PERSON)" in str(info.value)


def test_policies_without_keyed_operators_need_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDACTKIT_KEY")
    for operators, scope in (({"PERSON": "numbered"}, "group"), ({"PERSON": "mask"}, "dataset"), ({}, "row")):
        assert PolicyAnonymizer(operators=operators, numbered_scope=scope).key_id() is None
    # dataset-scope numbering needs the key only when some label is numbered
    with pytest.raises(ConfigError, match="operator 'numbered'"):
        PolicyAnonymizer(operators={"PERSON": "numbered"}, numbered_scope="dataset")


def test_key_material_is_counted_by_encoding() -> None:
    from redactkit.anonymize.operators import key_material_bytes

    assert key_material_bytes(b"ab" * 32) == 32  # hex: 4 bits a character
    assert key_material_bytes(base64.b64encode(bytes(range(32)))) == 32
    assert key_material_bytes(base64.urlsafe_b64encode(bytes(range(31)))) == 31
    assert key_material_bytes(bytes(range(200, 232))) == 32  # raw bytes from a key file


def test_passphrase_keys_go_through_scrypt_with_the_salt(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTKIT_KEY", "correct horse battery staple")
    first = _policy("hash", key_type="passphrase", key_salt="acme-calls-2026")
    again = _policy("hash", key_type="passphrase", key_salt="acme-calls-2026")
    other_salt = _policy("hash", key_type="passphrase", key_salt="other-team-2026")
    entity = [Entity(0, 3, "PERSON")]
    assert first.anonymize("bob", entity).text == again.anonymize("bob", entity).text
    assert first.anonymize("bob", entity).text != other_salt.anonymize("bob", entity).text
    assert first.key_id() == again.key_id() != other_salt.key_id()
    # the stretched key is not the passphrase used as a random key
    import hashlib

    from redactkit.anonymize.operators import SCRYPT_N, Key

    assert SCRYPT_N >= 2**17  # memory-hard, not a 1-iteration PBKDF2
    assert Key(b"correct horse battery staple", "raw").key_id != first.key_id()
    expected = hashlib.scrypt(
        b"correct horse battery staple",
        salt=b"redactkit passphrase v1:acme-calls-2026",
        n=2**17,
        r=8,
        p=1,
        maxmem=256 * 1024 * 1024,
        dklen=32,
    )
    assert Key(expected, "scrypt").key_id == first.key_id()
    token = (
        _policy("encrypt", key_type="passphrase", key_salt="acme-calls-2026").anonymize("bob", entity).text
    )
    assert redactkit.deanonymize(token or "", key_type="passphrase", key_salt="acme-calls-2026") == "bob"


def test_sub_keys_come_from_hkdf() -> None:
    """RFC 5869 test case 1 shape: HKDF-SHA256 with our salt and info, checked against an
    independent implementation (the cryptography package)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    from redactkit.anonymize.operators import Key

    secret = bytes(range(32))
    reference = HKDF(
        algorithm=hashes.SHA256(),
        length=64,
        salt=b"redactkit key derivation v2",
        info=b"redactkit:encrypt-siv",
    ).derive(secret)
    assert Key(secret, "test").derive("encrypt-siv", 64) == reference


def test_a_new_key_changes_every_pseudonym(monkeypatch: pytest.MonkeyPatch) -> None:
    entity = [Entity(0, 3, "PERSON")]
    before = {
        op: _policy(op, numbered_scope="dataset").anonymize("bob", entity).text
        for op in ("hash", "surrogate", "numbered")
    }
    monkeypatch.setenv("REDACTKIT_KEY", "fedcba9876543210" * 4)
    after = {
        op: _policy(op, numbered_scope="dataset").anonymize("bob", entity).text
        for op in ("hash", "surrogate", "numbered")
    }
    for op in before:
        assert before[op] != after[op], op


def test_key_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("REDACTKIT_KEY")
    key_file = tmp_path / "redactkit.key"
    key_file.write_text(KEY + "\n")
    result = _policy("hash", key_file=str(key_file)).anonymize("bob", [Entity(0, 3, "PERSON")])
    assert result.text is not None and result.text.startswith("[PERSON:")


@pytest.mark.parametrize("deterministic", [True, False])
def test_encrypt_round_trips(deterministic: bool) -> None:
    policy = _policy("encrypt", deterministic_encryption=deterministic)
    result = policy.anonymize(TEXT, ENTITIES)
    assert result.text is not None and all(value not in result.text for value in VALUES)
    assert redactkit.deanonymize(result.text) == TEXT
    again = policy.anonymize(TEXT, ENTITIES).text
    assert (again == result.text) is deterministic


def test_decrypt_with_the_wrong_key_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    token = _policy("encrypt").anonymize("bob", [Entity(0, 3, "PERSON")]).text
    monkeypatch.setenv("REDACTKIT_KEY", KEY[::-1])
    with pytest.raises(AnonymizerError, match="does not decrypt"):
        redactkit.deanonymize(token or "")


@pytest.mark.parametrize(
    ("text", "label", "check"),
    [
        ("maria garcia", "PERSON", lambda fake: fake.islower() and len(fake.split()) == 2),
        ("Maria Garcia", "PERSON", lambda fake: fake.istitle()),
        (
            "five five five oh one nine nine",
            "PHONE_NUMBER",
            lambda fake: len(fake.split()) == 7 and fake.islower(),
        ),
        ("555-0199", "PHONE_NUMBER", lambda fake: len(fake) == 8 and fake[3] == "-"),
        (
            "4111 1111 1111 1111",
            "CREDIT_CARD",
            lambda fake: luhn_valid(fake.replace(" ", "")) and fake.count(" ") == 3,
        ),
        (
            "john dot smith at example dot com",
            "EMAIL_ADDRESS",
            lambda fake: " at " in fake and "@" not in fake,
        ),
        ("john.smith@example.com", "EMAIL_ADDRESS", lambda fake: "@" in fake),
        ("one two three four", "PIN", lambda fake: len(fake.split()) == 4),
    ],
)
def test_surrogates_keep_the_surface_form(text: str, label: str, check: object) -> None:
    policy = _policy("surrogate")
    fake = policy.anonymize(text, [Entity(0, len(text), label)]).text
    assert fake is not None and fake != text
    assert check(fake)  # type: ignore[operator]
    assert policy.anonymize(text, [Entity(0, len(text), label)]).text == fake  # deterministic


def test_policy_config_errors_name_the_key() -> None:
    with pytest.raises(ConfigError, match="anonymizer"):
        Pipeline.from_config({"anonymizer": {"name": "policy", "operators": {"PERSON": "shred"}}})
    with pytest.raises(ConfigError, match="preset"):
        Pipeline.from_config({"anonymizer": {"name": "policy", "preset": "paranoid"}})
    with pytest.raises(ConfigError, match="numbered_scope"):
        Pipeline.from_config({"anonymizer": {"name": "policy", "numbered_scope": "galaxy"}})


def test_pipeline_passes_group_ids() -> None:
    pipe = Pipeline(
        detectors=[RegexDetector(pattern=r"\bbob\b|\bann\b", label="PERSON")],
        anonymizer=_policy("numbered", numbered_scope="group"),
    )
    results = pipe.redact_batch(["bob", "ann", "ann"], groups=["x", "y", "x"])
    assert [r.text for r in results] == ["[PERSON_1]", "[PERSON_1]", "[PERSON_2]"]


values = st.text(alphabet="abcdefghij", min_size=4, max_size=8)


@settings(max_examples=60)
@given(
    st.lists(values, min_size=1, max_size=4, unique=True), st.sampled_from(sorted(set(OPERATORS) - {"keep"}))
)
def test_property_no_value_survives(words: list[str], operator: str) -> None:
    text = " | ".join(words)
    entities = []
    position = 0
    for word in words:
        entities.append(Entity(position, position + len(word), "ACCOUNT_NUMBER"))
        position += len(word) + 3
    result = _policy(operator).anonymize(text, entities)
    assert result.text is not None
    for word in words:
        assert word not in result.text
    for redacted in result.entities:
        assert 0 <= redacted.redacted_start <= redacted.redacted_end <= len(result.text)
    assert result.text.count("|") == len(words) - 1
