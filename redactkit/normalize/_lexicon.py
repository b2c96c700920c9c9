"""Moved to :mod:`redactkit.lang` (kept so that older imports keep working)."""

from ..lang import Lexicon, get_lexicon

__all__ = ["Lexicon", "get_lexicon"]
