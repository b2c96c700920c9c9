"""Anonymization operators: what replaces a detected value.

Each operator turns one original value into its replacement. Operators that must be consistent
across rows, processes and runs (``numbered`` with dataset scope, ``hash``, ``surrogate``,
``encrypt``) derive everything from a secret key with HMAC-SHA256, never from shared counters or
unkeyed hashes: an unkeyed hash of a ten-digit phone number is reversed by trying all 10^10 numbers,
which takes minutes on a laptop.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import hmac
import os
import random
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from stdnum import luhn as stdnum_luhn

from ..errors import AnonymizerError, ConfigError
from ..lang import get_lexicon

__all__ = [
    "KEY_TYPES",
    "MIN_KEY_BYTES",
    "MIN_PASSPHRASE_CHARS",
    "OPERATORS",
    "Key",
    "OperatorState",
    "decrypt_token",
    "key_material_bytes",
    "load_key",
    "validate_surrogate_locale",
]

#: Least key material accepted for a random key (bytes): 64 hex characters, 44 base64 characters or
#: 32 raw bytes.
MIN_KEY_BYTES = 32
#: Shortest passphrase accepted with ``key_type: passphrase`` (characters).
MIN_PASSPHRASE_CHARS = 16
#: Key types: a random key used through HKDF, or a passphrase stretched with scrypt.
KEY_TYPES = ("random", "passphrase")
#: scrypt cost of the passphrase path (RFC 7914; OWASP's recommendation for interactive logins):
#: about 0.4 s and 128 MiB per derivation, once per process.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_HEX = re.compile(r"[0-9a-fA-F]+")
_BASE64 = re.compile(r"[A-Za-z0-9+/_\-]+={0,2}")
_KEY_FIX = '(e.g. `python -c "import secrets; print(secrets.token_hex(32))"`)'

_TOKEN = re.compile(r"\[\[ENC:([A-Z_]+):([A-Za-z0-9_\-]+={0,2})\]\]")
_LEXICON = get_lexicon("en-US")  # the locale's number words (redactkit/lang/en-US/numbers.yaml)
_ONES = _LEXICON.number_names.ones
_WORD_DIGITS = {
    **{word: str(value) for word, value in _LEXICON.digits.items()},
    **dict.fromkeys(_LEXICON.zero_aliases, "0"),
}


@dataclass(frozen=True)
class Key:
    """A secret key and where it came from (the source is named in errors, the key never).

    ``secret`` is the key material every sub-key is derived from: the random key as given, or the
    scrypt output of a passphrase.
    """

    secret: bytes
    source: str

    def derive(self, purpose: str, length: int = 32) -> bytes:
        """A sub-key for one purpose (HKDF-SHA256, RFC 5869), so hash outputs reveal nothing about
        encryption keys."""
        return _hkdf_sha256(self.secret, b"redactkit:" + purpose.encode(), length)

    def mac(self, purpose: str, message: str) -> bytes:
        return hmac.new(self.derive(purpose), message.encode(), hashlib.sha256).digest()

    @property
    def key_id(self) -> str:
        """A public 16-hex-character name of this key (an HKDF output of its own), for run reports
        and resume checks: equal ids mean equal pseudonyms; it says nothing about the key."""
        return self.derive("key-id", 8).hex()


def _hkdf_sha256(material: bytes, info: bytes, length: int) -> bytes:
    salt = b"redactkit key derivation v2"
    prk = hmac.new(salt, material, hashlib.sha256).digest()
    blocks, previous = b"", b""
    for counter in range(1, -(-length // 32) + 1):
        previous = hmac.new(prk, previous + info + bytes([counter]), hashlib.sha256).digest()
        blocks += previous
    return blocks[:length]


def key_material_bytes(secret: bytes) -> int:
    """Bytes of key material a key holds: hex counts 4 bits a character, base64 6 bits, else 8."""
    try:
        text = secret.decode("ascii")
    except UnicodeDecodeError:
        return len(secret)
    if _HEX.fullmatch(text):
        return len(text) // 2
    if _BASE64.fullmatch(text):
        return len(text.rstrip("=")) * 6 // 8
    return len(secret)


def load_key(
    key_env: str,
    key_file: str | None,
    *,
    key_type: str = "random",
    key_salt: str | None = None,
    needed_by: str = "this policy",
) -> Key:
    """Read the secret key from a key file or an environment variable and check its strength.

    Raises :class:`~redactkit.errors.ConfigError` (keyed ``key_file``, ``key_env`` or ``key_salt``)
    naming the setting and the fix in one line; the key itself never appears in a message.
    """
    if key_type not in KEY_TYPES:
        raise ConfigError(f"key_type must be one of {', '.join(KEY_TYPES)}, not {key_type!r}", key="key_type")
    setting = "key_file" if key_file else "key_env"
    if key_file:
        path = Path(key_file).expanduser()
        try:
            secret = path.read_bytes().strip()
        except OSError as exc:
            raise ConfigError(
                f"{needed_by} needs a secret key and key file {path} cannot be read "
                f"({exc.strerror or type(exc).__name__}); create it {_KEY_FIX[1:-1]} > {path}",
                key=setting,
            ) from None
        source = f"key file {path}"
    else:
        value = os.environ.get(key_env, "")
        if not value.strip():
            raise ConfigError(
                f"{needed_by} needs a secret key and the environment variable {key_env} is not set; "
                f'set it (export {key_env}=$(python -c "import secrets; print(secrets.token_hex(32))")) '
                "or name a key_file; keys never go in the config file",
                key=setting,
            )
        secret = value.strip().encode()
        source = f"environment variable {key_env}"
    if not secret:
        raise ConfigError(f"{needed_by} needs a secret key and the {source} is empty", key=setting)
    if key_type == "passphrase":
        return _passphrase_key(secret, source, key_salt, setting, needed_by)
    material = key_material_bytes(secret)
    if material < MIN_KEY_BYTES:
        raise ConfigError(
            f"{needed_by} needs a key of at least {MIN_KEY_BYTES} bytes of key material and the key "
            f"from {source} holds {material}; use 64 hex characters {_KEY_FIX}, or a passphrase of "
            f"{MIN_PASSPHRASE_CHARS}+ characters with key_type: passphrase and a key_salt",
            key=setting,
        )
    return Key(secret, source)


def _passphrase_key(secret: bytes, source: str, salt: str | None, setting: str, needed_by: str) -> Key:
    """Stretch a passphrase with scrypt (memory-hard: guessing costs 128 MiB and ~0.4 s a try)."""
    if not salt or len(salt.strip()) < 8:
        raise ConfigError(
            f"{needed_by} uses key_type: passphrase, which needs a key_salt of at least 8 characters: "
            "any non-secret name unique to your project, e.g. key_salt: acme-call-center-2026",
            key="key_salt",
        )
    length = len(secret.decode("utf-8", errors="replace"))
    if length < MIN_PASSPHRASE_CHARS:
        raise ConfigError(
            f"{needed_by} needs a passphrase of at least {MIN_PASSPHRASE_CHARS} characters and the "
            f"one from {source} has {length}; use several random words, or a random key {_KEY_FIX}",
            key=setting,
        )
    stretched = hashlib.scrypt(
        secret,
        salt=b"redactkit passphrase v1:" + salt.strip().encode(),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=256 * 1024 * 1024,
        dklen=32,
    )
    return Key(stretched, f"{source} (passphrase, scrypt)")


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
    #: Faker locale of surrogate names, places and streets
    surrogate_locale: str = "en_US"


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
    """Mask every character but whitespace; ``mask_keep_last`` keeps the last N characters, or, for a
    number read out as words, the words of its last N digits ("**** **** one two three four")."""
    keep = max(0, p.mask_keep_last)
    if keep and _spoken_digits(value) is not None:
        return _mask_spoken(value, keep, p.mask_char)
    visible = len(value) - keep
    return "".join(ch if ch.isspace() or i >= visible else p.mask_char for i, ch in enumerate(value))


def _mask_spoken(value: str, keep: int, mask_char: str) -> str:
    tokens = re.split(r"(\s+|-)", value)
    kept: set[int] = set()
    digits = 0
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index].lower()
        if digits >= keep:
            break
        if word in _WORD_DIGITS:
            kept.add(index)
            repeat = tokens[index - 2].lower() if index >= 2 else ""
            if repeat in ("double", "triple"):
                kept.add(index - 2)  # "double five" is kept whole: two digits
                digits += 2 if repeat == "double" else 3
            else:
                digits += 1
    return "".join(
        token if index in kept or not token.strip() or token == "-" else mask_char * len(token)
        for index, token in enumerate(tokens)
    )


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
    """A realistic fake in the original's surface form, deterministic per key and value.

    Names, places and streets come from Faker in ``surrogate_locale``, seeded by a keyed HMAC of the
    label and value: the same value gets the same fake in every row, process and run with the same
    key (and Faker version). The spoken form is kept: a spelled name gets a spelled fake, a number
    read digit by digit a number read digit by digit, written digits stay digits.
    """
    assert state.key is not None
    seed = state.key.mac("surrogate", f"{label}\0{_normal(value)}")
    rng = random.Random(seed)
    maker = _SURROGATES.get(label)
    fake = maker(value, rng, _Fakes(p.surrogate_locale, seed)) if maker else _digits_like(value, rng)
    if fake.strip().lower() == value.strip().lower():  # astronomically unlikely; never leak the original
        fake = _tag(value, label, p, state)
    return fake


_faker_lock = threading.Lock()


@cache
def _faker(locale: str) -> Any:
    from faker import Faker

    return Faker(locale)


class _Fakes:
    """Faker values for one surrogate, seeded by its keyed HMAC (thread-safe: one Faker per locale)."""

    def __init__(self, locale: str, seed: bytes) -> None:
        self.locale = locale
        self.seed = int.from_bytes(seed[:8], "big")

    def make(self, *methods: str) -> list[str]:
        with _faker_lock:
            fake = _faker(self.locale)
            fake.seed_instance(self.seed)
            return [str(getattr(fake, method)()) for method in methods]


def validate_surrogate_locale(locale: str) -> None:
    from faker.config import AVAILABLE_LOCALES

    if locale not in AVAILABLE_LOCALES:
        close = difflib.get_close_matches(locale, AVAILABLE_LOCALES, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"surrogate_locale {locale!r} is not a Faker locale{hint}, e.g. en_US, de_DE, fr_FR")


def _case_like(original: str, fake: str) -> str:
    if original.islower():
        return fake.lower()
    if original.isupper():
        return fake.upper()
    return fake.title()


def _is_spelled(value: str) -> bool:
    """ "j o h n" (single letters separated by spaces, or dots/hyphens): a spelled-out word."""
    tokens = re.split(r"[\s.\-]+", value.strip())
    tokens = [token for token in tokens if token]
    return len(tokens) >= 2 and all(len(token) == 1 and token.isalpha() for token in tokens)


def _spelled_like(original: str, word: str) -> str:
    letters = [ch for ch in word if ch.isalpha()]
    spelled = " ".join(letters)
    return spelled.upper() if original.strip()[:1].isupper() else spelled.lower()


def _ascii_words(text: str) -> str:
    """Faker names may hold apostrophes or accents; keep letters, digits, spaces and hyphens."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return " ".join("".join(ch for ch in word if ch.isalnum() or ch == "-") for word in plain.split())


#: words that stand for two digits ("seventeen", "forty")
_TEENS_TENS = dict.fromkeys((*_LEXICON.teens, *_LEXICON.tens), 2)


def _spoken_digits(value: str) -> list[str] | None:
    """The digits of a value read out as words ("five five oh one"), or None if it is not spoken."""
    words = value.lower().replace("-", " ").split()
    digits: list[str] = []
    for index, word in enumerate(words):
        if word in _WORD_DIGITS:
            if index and words[index - 1] in ("double", "triple"):
                continue
            digits.append(_WORD_DIGITS[word])
        elif word in ("double", "triple") and index + 1 < len(words) and words[index + 1] in _WORD_DIGITS:
            digits.extend(_WORD_DIGITS[words[index + 1]] * (2 if word == "double" else 3))
        elif word in ("um", "uh", "er", "no", "sorry", "extension", "area", "code", "x"):
            continue
        else:
            return None
    return digits or None


def _spoken_number_length(value: str) -> int | None:
    """How many digits a number read in groups holds ("five fifty five" -> 3), None if not a number."""
    words = value.lower().replace("-", " ").split()
    count = 0
    previous = ""
    for word in words:
        if word in _WORD_DIGITS:
            count += 0 if previous in _TEENS_TENS and previous.endswith("ty") else 1
        elif word in _TEENS_TENS:
            count += 2
        elif word == "hundred":
            count += 2 if previous in _WORD_DIGITS else 3
        elif word == "thousand":
            count += 3
        elif word in ("double", "triple", "and", "um", "uh", "oh"):
            count += 1 if word == "oh" else 0
        else:
            return None
        previous = word
    return count or None


def _fake_digits(count: int, rng: random.Random, luhn: bool = False) -> str:
    digits = [str(rng.randint(1, 9))] + [str(rng.randint(0, 9)) for _ in range(count - 1)]
    if luhn and count > 1:
        partial = "".join(digits[:-1])
        return partial + stdnum_luhn.calc_check_digit(partial)
    return "".join(digits)


def _digits_like(value: str, rng: random.Random, luhn: bool = False) -> str:
    """Replace every digit, keep the layout: "555-0142" -> "731-9265"; spoken stays spoken, digit
    by digit; a number read in groups ("five fifty five") becomes as many digits read one by one."""
    spoken = _spoken_digits(value)
    if spoken is not None:
        return " ".join(_ONES[int(d)] for d in _fake_digits(len(spoken), rng, luhn))
    count = sum(ch.isdigit() for ch in value)
    if count == 0:
        grouped = _spoken_number_length(value)
        if grouped is not None:
            return " ".join(_ONES[int(d)] for d in _fake_digits(grouped, rng, luhn))
        return _code_like(value, rng)
    fresh = iter(_fake_digits(count, rng, luhn))
    return "".join(next(fresh) if ch.isdigit() else ch for ch in value)


def _code_like(value: str, rng: random.Random) -> str:
    """A spoken or spelled code ("a b one two three"): letters stay letters, digit words digit words."""
    out = []
    for token in re.split(r"(\s+)", value):
        lower = token.lower()
        if not token.strip():
            out.append(token)
        elif lower in _WORD_DIGITS:
            out.append(_ONES[rng.randint(0, 9)])
        else:
            out.append(
                "".join(
                    rng.choice("abcdefghjkmnpqrstuvwxyz")
                    if ch.isalpha()
                    else str(rng.randint(0, 9))
                    if ch.isdigit()
                    else ch
                    for ch in token
                )
            )
    return "".join(out)


def _person_surrogate(value: str, rng: random.Random, fakes: _Fakes) -> str:
    given, family, middle = (
        _ascii_words(name) for name in fakes.make("first_name", "last_name", "first_name")
    )
    if _is_spelled(value):
        return _spelled_like(value, given)
    words = value.split()
    if len(words) < 2:
        fake = given
    elif len(words) == 2:
        fake = f"{given} {family}"
    else:
        fake = f"{given} {middle} {family}"
    return _case_like(value, fake)


def _email_surrogate(value: str, rng: random.Random, fakes: _Fakes) -> str:
    given, family = (
        _ascii_words(name).replace(" ", "").lower() for name in fakes.make("first_name", "last_name")
    )
    user = f"{given}.{family}{rng.randint(1, 99)}"
    domain = rng.choice(("example.com", "example.org", "example.net"))  # reserved: never a real inbox
    if "@" in value:
        return f"{user}@{domain}"
    return f"{user} at {domain}".replace(".", " dot ")


def _place_surrogate(value: str, rng: random.Random, fakes: _Fakes) -> str:
    (city,) = fakes.make("city")
    city = _ascii_words(city)
    if _is_spelled(value):
        return _spelled_like(value, city)
    return _case_like(value, city)


def _address_surrogate(value: str, rng: random.Random, fakes: _Fakes) -> str:
    (street,) = fakes.make("street_name")
    number = rng.randint(10, 999)
    spoken = not any(ch.isdigit() for ch in value)
    house = " ".join(_ONES[int(d)] for d in str(number)) if spoken else str(number)
    return _case_like(value, f"{house} {_ascii_words(street)}")


_SURROGATES: dict[str, Callable[[str, random.Random, _Fakes], str]] = {
    "PERSON": _person_surrogate,
    "EMAIL_ADDRESS": _email_surrogate,
    "LOCATION": _place_surrogate,
    "ADDRESS": _address_surrogate,
    "CREDIT_CARD": lambda value, rng, fakes: _digits_like(value, rng, luhn=True),
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
