"""Restore the capitals an NER model needs on lowercase ASR output.

spaCy's English models lean heavily on capitalisation: on real lowercase voice-assistant utterances
they find 40-65 % of names, on the same text with only the true names capitalised 84-92 %. This
normalizer capitalises what is likely a name: the words right after a name cue ("call X", "text X",
"my name is X", "this is X", "meeting with X"), words in an optional name gazetteer, and the pronoun
"i". Relations ("mom"), pronouns, function words and number words are never capitalised. It changes
case only, so offsets are unaffected in length, and it leaves already-cased (formatted) text alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, AlignmentBuilder
from ..lang import get_lexicon, load_locale
from ..lang.case import is_lowercase_speech
from ..lang.phrases import PhraseTable
from ..lang.tokens import Token, lower_words, tokenize
from .base import Normalizer, normalizers

__all__ = ["TruecaseNormalizer"]


@normalizers.register("truecase")
class TruecaseNormalizer(Normalizer):
    """Capitalise likely names in lowercase transcripts (case only; alignment kept)."""

    def __init__(
        self,
        locale: str = "en-US",
        max_name_tokens: Annotated[int, Field(ge=0, le=6)] = 2,
        gazetteer: str | None = None,
        only_lowercase: bool = True,
        known_names: str = "all",
    ) -> None:
        #: word tables to use
        self.locale = locale
        #: how many words after a cue may be capitalised ("call mary ann smith" -> 2 by default)
        self.max_name_tokens = max_name_tokens
        #: optional file of names, one per line, capitalised wherever they occur
        self.gazetteer = gazetteer
        #: leave any text that already has a capital letter untouched
        self.only_lowercase = only_lowercase
        #: capitalise given/family names of the built-in gazetteer anywhere: "none", "unambiguous"
        #: (names that are not also common English words) or "all" (let the NER model decide "mark")
        self.known_names = known_names
        if known_names not in ("none", "unambiguous", "all"):
            raise ValueError("known_names must be 'none', 'unambiguous' or 'all'")
        if max_name_tokens < 0:
            raise ValueError("max_name_tokens must not be negative")
        self._lexicon = get_lexicon(locale)
        # word endings that mark verbs and adverbs after a cue ("this is calling", "call quickly")
        self._verb_endings = tuple(load_locale(locale).table("names", "verb_endings"))
        self._names: frozenset[str] = frozenset()
        if gazetteer is not None:
            path = Path(gazetteer).expanduser()
            if not path.is_file():
                raise ValueError(f"gazetteer file {path} does not exist")
            self._names = frozenset(
                line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
            )
        lex = self._lexicon
        self._blocked = (
            lex.stopwords
            | lex.not_names
            | set(lex.digits)
            | set(lex.teens)
            | set(lex.tens)
            | set(lex.ordinals)
            | lex.zero_aliases
            | lex.fillers
            | set(lex.symbols)
            | lex.hundred
            | lex.thousand
        )
        self._cues = PhraseTable.of(lex.name_cues)
        self._known_cache: frozenset[str] | None = None
        self._given_cache: frozenset[str] | None = None
        self._cue_starts = frozenset(cue[0] for cue in lex.name_cues)
        self._pronoun_i = frozenset({"i", "i'm", "i'll", "i've", "i'd"})

    @staticmethod
    def _family() -> frozenset[str]:
        from ..gazetteers import family_names

        return family_names()

    @staticmethod
    def _common() -> frozenset[str]:
        from ..gazetteers import common_words

        return common_words()

    def _given(self) -> frozenset[str]:
        if self._given_cache is None:
            if self.known_names == "none":
                self._given_cache = self._names
            else:
                from ..gazetteers import given_names

                self._given_cache = given_names() | self._names
        return self._given_cache

    def _known(self) -> frozenset[str]:
        if self.known_names == "none":
            return self._names
        if self._known_cache is None:
            from ..gazetteers import common_words, family_names, given_names

            names = given_names() | family_names()
            if self.known_names == "unambiguous":
                names = names - common_words()
            self._known_cache = frozenset(names) | self._names
        return self._known_cache

    @staticmethod
    def _inside_address(text: str, token: Token) -> bool:
        before = text[token.start - 1] if token.start > 0 else " "
        after = text[token.end] if token.end < len(text) else " "
        return before in "@._/:-" or after in "@._/:-" or before.isdigit() or after.isdigit()

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        if not text or (self.only_lowercase and not is_lowercase_speech(text)):
            return AlignedText.identity(text)
        words = lower_words(text)
        if words.isdisjoint(self._known()) and words.isdisjoint(self._cue_starts) and "i" not in words:
            return AlignedText.identity(text)  # no name, no cue, no "i": nothing to capitalise
        tokens = tokenize(text)
        capitalise: set[int] = set()
        names = self._known()
        given = self._given()
        cue_starts = self._cue_starts
        for i, token in enumerate(tokens):
            word = token.lower
            if word not in names and word not in cue_starts and word not in self._pronoun_i:
                continue  # most words: neither a name nor the start of a cue
            if word in self._pronoun_i or (word in names and word not in self._blocked):
                capitalise.add(i)
                # the word after a given name is likely its family name ("donald trump")
                if word in given and i + 1 < len(tokens):
                    following = tokens[i + 1].lower
                    if (
                        following.isalpha()
                        and len(following) > 2
                        and following not in self._blocked
                        and (following in self._family() or following not in self._common())
                    ):
                        capitalise.add(i + 1)
            cue = self._cues.starting_at(tokens, i) if word in cue_starts else None
            if cue is not None:
                length = cue[0]
                for j in range(i + length, min(i + length + self.max_name_tokens, len(tokens))):
                    word = tokens[j].lower
                    if (
                        not word.isalpha()
                        or len(word) < 2
                        or word in self._blocked
                        or word.endswith(self._verb_endings)
                    ):
                        break
                    capitalise.add(j)
        # never touch words inside addresses and codes ("john.smith@gmail.com", "k7x25")
        capitalise = {i for i in capitalise if not self._inside_address(text, tokens[i])}
        if not capitalise:
            return AlignedText.identity(text)
        builder = AlignmentBuilder(text)
        for i in sorted(capitalise):
            token = tokens[i]
            word = text[token.start : token.end]
            cased = word[0].upper() + word[1:]
            if cased != word:
                builder.replace(token.start, token.end, cased, rule="truecase")
        return builder.build()
