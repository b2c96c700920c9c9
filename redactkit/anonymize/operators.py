"""Anonymization operators: what replaces a detected value.

Each operator turns one original value into its replacement. Operators that must be consistent
across rows, processes and runs (``numbered`` with dataset scope, ``hash``, ``surrogate``,
``encrypt``) derive everything from a secret key with HMAC-SHA256, never from shared counters or
unkeyed hashes: an unkeyed hash of a ten-digit phone number is reversed by trying all 10^10 numbers,
which takes minutes on a laptop.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from stdnum import luhn as stdnum_luhn

from ..errors import AnonymizerError

__all__ = [
    "MIN_KEY_BYTES",
    "OPERATORS",
    "Key",
    "OperatorState",
    "decrypt_token",
    "load_key",
]

#: Shortest secret key accepted (bytes).
MIN_KEY_BYTES = 16

_TOKEN = re.compile(r"\[\[ENC:([A-Z_]+):([A-Za-z0-9_\-]+={0,2})\]\]")
_ONES = "zero one two three four five six seven eight nine".split()
_WORD_DIGITS = {**{word: str(index) for index, word in enumerate(_ONES)}, "oh": "0", "o": "0", "nought": "0"}
_SURROGATE_GIVEN = (
    "alex jordan taylor morgan casey riley jamie avery quinn rowan sasha robin kai noa eli remy ari lee "
    "dana kim sam jo max"
).split()
_SURROGATE_FAMILY = "lane fisher brooks reed hayes cole ward ellis grant shaw marsh quill vance".split()
_SURROGATE_CITIES = "springfield riverton lakeview fairmont greenville oakdale hillcrest westbrook".split()
_SURROGATE_STREETS = "elm oak birch cedar willow aspen maple".split()


@dataclass(frozen=True)
class Key:
    """A secret key and where it came from (the source is named in errors, the key never)."""

    secret: bytes
    source: str

    def derive(self, purpose: str, length: int = 32) -> bytes:
        """A sub-key for one purpose, so hash outputs reveal nothing about encryption keys."""
        return hashlib.pbkdf2_hmac("sha256", self.secret, b"redactkit:" + purpose.encode(), 1, length)

    def mac(self, purpose: str, message: str) -> bytes:
        return hmac.new(self.derive(purpose), message.encode(), hashlib.sha256).digest()


def load_key(key_env: str, key_file: str | None) -> Key:
    """Read the secret key from a key file or an environment variable; fail with the fix."""
    if key_file:
        path = Path(key_file).expanduser()
        try:
            secret = path.read_bytes().strip()
        except OSError:
            raise AnonymizerError(
                f"anonymizer: key file {path} cannot be read. Create it with e.g. "
                '`python -c "import secrets; print(secrets.token_hex(32))" > redactkit.key`'
            ) from None
        source = f"key file {path}"
    else:
        value = os.environ.get(key_env, "")
        if not value:
            raise AnonymizerError(
                f"anonymizer: this policy needs a secret key and the environment variable {key_env} "
                f"is not set. Set it (e.g. `export {key_env}=$(python -c "
                '"import secrets; print(secrets.token_hex(32))")`) '
                "or name a key_file. Keys never go in the config file."
            )
        secret = value.strip().encode()
        source = f"environment variable {key_env}"
    if len(secret) < MIN_KEY_BYTES:
        raise AnonymizerError(
            f"anonymizer: the key from {source} is too short ({len(secret)} bytes); use at least "
            f"{MIN_KEY_BYTES} bytes, e.g. 64 hex characters from secrets.token_hex(32)"
        )
    return Key(secret, source)


@dataclass
class OperatorState:
    """What operators remember: numbering per row or per group, and the key."""

    key: Key | None = None
    row: dict[tuple[str, str], int] = field(default_factory=dict)
    groups: dict[str, dict[tuple[str, str], int]] = field(default_factory=dict)
    group: str | None = None


@dataclass(frozen=True)
class OperatorParams:
    tag_format: str = "[{label}]"
    numbered_format: str = "[{label}_{n}]"
    numbered_scope: str = "row"
    mask_char: str = "*"
    mask_keep_last: int = 0
    hash_length: int = 12
    deterministic_encryption: bool = True


def _normal(value: str) -> str:
    return " ".join(value.lower().split())


def _tag(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    return p.tag_format.format(label=label)


def _numbered(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    key = (label, _normal(value))
    if p.numbered_scope == "dataset":
        assert state.key is not None
        number = state.key.mac("numbered", f"{label}\0{key[1]}").hex()[:8]
        return p.numbered_format.format(label=label, n=number)
    table = state.row if p.numbered_scope == "row" else state.groups.setdefault(state.group or "", {})
    if key not in table:
        table[key] = 1 + sum(1 for existing_label, _ in table if existing_label == label)
    return p.numbered_format.format(label=label, n=table[key])


def _mask(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    keep = max(0, p.mask_keep_last)
    visible = len(value) - keep
    return "".join(ch if ch.isspace() or i >= visible else p.mask_char for i, ch in enumerate(value))


def _remove(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    return ""


def _keep(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    return value


def _hash(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    assert state.key is not None
    digest = state.key.mac("hash", f"{label}\0{_normal(value)}").hex()[: p.hash_length]
    return f"[{label}:{digest}]"


def _encrypt(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

    assert state.key is not None
    if p.deterministic_encryption:
        sealed = AESSIV(state.key.derive("encrypt-siv", 64)).encrypt(value.encode(), [label.encode()])
        payload = b"D" + sealed
    else:
        nonce = os.urandom(12)
        payload = (
            b"R"
            + nonce
            + AESGCM(state.key.derive("encrypt-gcm", 32)).encrypt(nonce, value.encode(), label.encode())
        )
    return f"[[ENC:{label}:{base64.urlsafe_b64encode(payload).decode()}]]"


def decrypt_token(label: str, token: str, key: Key) -> str:
    """Decrypt one ``[[ENC:LABEL:...]]`` payload; raise AnonymizerError if the key is wrong."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM, AESSIV

    payload = base64.urlsafe_b64decode(token.encode())
    try:
        if payload[:1] == b"D":
            plain = AESSIV(key.derive("encrypt-siv", 64)).decrypt(payload[1:], [label.encode()])
        else:
            nonce, sealed = payload[1:13], payload[13:]
            plain = AESGCM(key.derive("encrypt-gcm", 32)).decrypt(nonce, sealed, label.encode())
    except (InvalidTag, ValueError):
        raise AnonymizerError(
            f"decrypt: a {label} value does not decrypt with the key from {key.source}"
        ) from None
    return plain.decode()


def find_tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


# -- surrogates -----------------------------------------------------------------------------------------


def _surrogate(value: str, label: str, p: OperatorParams, state: OperatorState) -> str:
    """A realistic fake in the original's surface form, deterministic per key and value."""
    assert state.key is not None
    rng = random.Random(state.key.mac("surrogate", f"{label}\0{_normal(value)}"))
    maker = _SURROGATES.get(label)
    fake = maker(value, rng) if maker else _digits_like(value, rng)
    if fake.strip().lower() == value.strip().lower():  # astronomically unlikely; never leak the original
        fake = _tag(value, label, p, state)
    return fake


def _case_like(original: str, fake: str) -> str:
    if original.islower():
        return fake.lower()
    if original.isupper():
        return fake.upper()
    return fake.title()


def _spoken_digits(value: str) -> list[str] | None:
    """The digits of a value read out as words ("five five oh one"), or None if it is not spoken."""
    words = value.lower().replace("-", " ").split()
    digits: list[str] = []
    for index, word in enumerate(words):
        if word in _WORD_DIGITS:
            digits.append(_WORD_DIGITS[word])
        elif word in ("double", "triple") and index + 1 < len(words) and words[index + 1] in _WORD_DIGITS:
            digits.extend(_WORD_DIGITS[words[index + 1]] * (1 if word == "double" else 2))
        elif word in ("um", "uh", "er", "no", "sorry", "extension", "area", "code", "x"):
            continue
        else:
            return None
    return digits or None


def _fake_digits(count: int, rng: random.Random, luhn: bool = False) -> str:
    digits = [str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in range(count - 1)]
    if luhn and count > 1:
        partial = "".join(digits[:-1])
        return partial + stdnum_luhn.calc_check_digit(partial)
    return "".join(digits)


def _digits_like(value: str, rng: random.Random, luhn: bool = False) -> str:
    """Replace every digit, keep the layout: "555-0142" -> "731-9265"; spoken stays spoken."""
    spoken = _spoken_digits(value)
    if spoken is not None:
        return " ".join(_ONES[int(d)] for d in _fake_digits(len(spoken), rng, luhn))
    count = sum(ch.isdigit() for ch in value)
    if count == 0:
        return "".join(rng.choice("abcdefghjkmnpqrstuvwxyz") if ch.isalpha() else ch for ch in value)
    fresh = iter(_fake_digits(count, rng, luhn))
    return "".join(next(fresh) if ch.isdigit() else ch for ch in value)


def _person_surrogate(value: str, rng: random.Random) -> str:
    words = value.split()
    fake = (
        rng.choice(_SURROGATE_GIVEN)
        if len(words) < 2
        else f"{rng.choice(_SURROGATE_GIVEN)} {rng.choice(_SURROGATE_FAMILY)}"
    )
    return _case_like(value, fake)


def _email_surrogate(value: str, rng: random.Random) -> str:
    user = f"{rng.choice(_SURROGATE_GIVEN)}.{rng.choice(_SURROGATE_FAMILY)}{rng.randint(1, 99)}"
    if "@" in value:
        return f"{user}@example.com"
    return f"{user.replace('.', ' dot ')} at example dot com"


def _place_surrogate(value: str, rng: random.Random) -> str:
    return _case_like(value, rng.choice(_SURROGATE_CITIES))


def _address_surrogate(value: str, rng: random.Random) -> str:
    number = rng.randint(10, 999)
    spoken = not any(ch.isdigit() for ch in value)
    house = " ".join(_ONES[int(d)] for d in str(number)) if spoken else str(number)
    return _case_like(value, f"{house} {rng.choice(_SURROGATE_STREETS)} street")


_SURROGATES: dict[str, Callable[[str, random.Random], str]] = {
    "PERSON": _person_surrogate,
    "EMAIL_ADDRESS": _email_surrogate,
    "LOCATION": _place_surrogate,
    "ADDRESS": _address_surrogate,
    "CREDIT_CARD": lambda value, rng: _digits_like(value, rng, luhn=True),
}

Operator = Callable[[str, str, OperatorParams, OperatorState], str]

#: Operators by name. ``encrypt`` is reversed by :func:`redactkit.deanonymize`.
OPERATORS: Mapping[str, Operator] = {
    "tag": _tag,
    "numbered": _numbered,
    "mask": _mask,
    "remove": _remove,
    "hash": _hash,
    "surrogate": _surrogate,
    "encrypt": _encrypt,
    "keep": _keep,
}

#: Operators that need the secret key.
KEYED = frozenset({"hash", "surrogate", "encrypt"})
