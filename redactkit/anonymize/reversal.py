"""Authorised re-identification: turn ``encrypt`` tokens back into the original values."""

from __future__ import annotations

from .operators import decrypt_token, find_tokens, load_key

__all__ = ["deanonymize"]


def deanonymize(
    text: str,
    *,
    key_env: str = "REDACTKIT_KEY",
    key_file: str | None = None,
    key_type: str = "random",
    key_salt: str | None = None,
) -> str:
    """Replace every ``[[ENC:LABEL:...]]`` token in ``text`` by the value it encrypts.

    Needs the key the text was redacted with (same environment variable or key file, and the same
    ``key_type``/``key_salt`` for a passphrase). Other
    operators are one-way: tags, masks, hashes and surrogates cannot be reversed.
    """
    matches = find_tokens(text)
    if not matches:
        return text
    key = load_key(key_env, key_file, key_type=key_type, key_salt=key_salt, needed_by="deanonymize")
    parts: list[str] = []
    cursor = 0
    for match in matches:
        parts.append(text[cursor : match.start()])
        parts.append(decrypt_token(match.group(1), match.group(2), key))
        cursor = match.end()
    parts.append(text[cursor:])
    return "".join(parts)
