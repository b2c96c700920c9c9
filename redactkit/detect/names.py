"""Person names in lowercase speech: gazetteer, context cues and possessives.

ASR writes "call maria garcia" and "did mark post anything": no capitals for an NER model to lean on.
A word is a name here when

- it is a given or family name of some locale and not a common English word ("derek", "priya"), or
- it is a name that is also a common word ("mark", "rose", "bob") with a cue: a command that takes a
  person ("call", "text", "email", "tell", "meeting with", "reply to", "my name is", "this is"), a
  possessive ("mark's email"), or a family name right after it, or
- it is an unknown word that a strong cue introduces ("call ashmit", "my name is zorblat").

Adjacent name words become one entity ("maria garcia"). Scores grade the evidence, so per-label
thresholds can trade recall for precision.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import common_words, family_names, fold_word, given_names, place_names, zipf_frequency
from ..lang import get_lexicon
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables
from ..lang.tokens import Token
from ..lang.words import inflection_stems, zipf_cutoffs
from .base import Detector, detectors

__all__ = ["NameDetector", "PersonWords"]


@dataclass(frozen=True)
class PersonWords:
    """The word tables of the name detector: ``redactkit/lang/<locale>/names.yaml`` (each field is
    documented there)."""

    cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.before"})
    strong_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.strong"})
    preposition_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.prepositions"})
    after_cues: frozenset[str] = field(metadata={"key": "person_cues.after"})
    place_cues: frozenset[str]
    titles: frozenset[str]
    suffixes: frozenset[str]
    not_initials: frozenset[str]
    name_stop_words: frozenset[str]
    verb_endings: tuple[str, ...]


@detectors.register("names")
class NameDetector(Detector):
    """PERSON names in lowercase or cased transcripts (see module docs)."""

    emits = ("PERSON",)

    def __init__(
        self,
        locale: str = "en-US",
        gazetteer_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        cue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6,
        unknown_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5,
        max_tokens: Annotated[int, Field(ge=1, le=6)] = 3,
    ) -> None:
        #: word tables of the normalizers (stopwords, relations, number words)
        self.locale = locale
        #: score of a gazetteer name that is not a common word
        self.gazetteer_score = gazetteer_score
        #: score of an ambiguous name confirmed by a cue, possessive or family name
        self.cue_score = cue_score
        #: score of an unknown word introduced by a strong cue
        self.unknown_score = unknown_score
        #: longest run of name words joined into one entity
        self.max_tokens = max_tokens
        lexicon = get_lexicon(locale)
        self._w = words = load_tables(locale, "names", PersonWords)
        self._zipf = zipf_cutoffs(locale)
        self._cues = PhraseTable.of(words.cues)
        self._blocked = (
            lexicon.non_name_words | lexicon.not_names | set(lexicon.symbols) | words.name_stop_words
        )
        self._number_words = frozenset(
            {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.zero_aliases}
        )

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        given, family, common, places = given_names(), family_names(), common_words(), place_names()
        return [self._detect_one(aligned, given, family, common, places) for aligned in texts]

    def _detect_one(
        self,
        aligned: AlignedText,
        given: frozenset[str],
        family: frozenset[str],
        common: frozenset[str],
        places: frozenset[str],
    ) -> list[Entity]:
        tokens = aligned.tokens
        w = self._w
        scores: dict[int, tuple[float, str]] = {}
        for i, token in enumerate(tokens):
            word, possessive = _base(fold_word(token.lower))
            if not word.isalpha() or len(word) < 2 or word in self._blocked:
                continue
            known = word in given or word in family
            ambiguous = word in common or _inflected_common(word, common, self._zipf.unlisted_person_name_max)
            cue = self._cue_before(tokens, i)
            if (
                word in places
                and ((i > 0 and tokens[i - 1].lower in w.place_cues) or (cue is None and not possessive))
                and not (word in given and self._family_after(tokens, i, family, common, places))
            ):
                continue  # "in lagos", "paris is lovely": a place, though also in a name list
            if known and not ambiguous:
                scores[i] = (self.gazetteer_score, "name in the given/family-name gazetteer")
            elif (
                known
                and not self._noun_before_number(tokens, i, cue)
                and (
                    (cue is not None and (cue not in w.preposition_cues or word in given))
                    or possessive
                    or self._family_after(tokens, i, family, common, places)
                )
            ):
                why = (
                    "possessive"
                    if possessive
                    else "cue before it"
                    if cue is not None
                    else "family name after it"
                )
                scores[i] = (self.cue_score, f"name that is also a common word, with a {why}")
            elif (
                (
                    cue in w.strong_cues
                    or possessive
                    or (i + 1 < len(tokens) and tokens[i + 1].lower in w.after_cues and word not in given)
                )
                and not ambiguous
                and word not in places
                and (known or possessive or zipf_frequency(word) < self._zipf.unlisted_person_name_max)
            ):
                if cue in w.strong_cues:
                    why = "unknown word introduced as a person"
                elif possessive:
                    why = "possessive of an unknown word"
                else:
                    why = "unknown word before 'birthday'"
                scores[i] = (self.unknown_score, why)
            elif (
                not ambiguous
                and len(word) > 2
                and word not in places
                and zipf_frequency(word) < self._zipf.unlisted_person_name_max
                and self._family_after(tokens, i, family, common, places)
            ):
                # "vijay kumar": a given name no list has, before a family name one does
                scores[i] = (self.unknown_score, "unknown word before a family name")
        self._rare_runs(tokens, scores, places)
        # "mike jim and bob", "quirion and robinson": a word joined by "and" / "or" to a name
        for i, token in enumerate(tokens):
            if i in scores:
                continue
            word, _ = _base(fold_word(token.lower))
            known = word in given or word in family
            if (
                not word.isalpha()
                or word in self._blocked
                or (word in common and not known)
                or len(word) < 3
                or (not known and zipf_frequency(word) >= self._zipf.unlisted_person_name_max)
            ):
                continue
            after_name = i >= 2 and tokens[i - 1].lower in ("and", "or", ",") and i - 2 in scores
            before_name = i + 2 < len(tokens) and tokens[i + 1].lower in ("and", "or") and i + 2 in scores
            if after_name or before_name:
                scores[i] = (self.unknown_score, "name in a list of names")
        # a family name right after a given name joins it even if it is a common word ("john rose")
        for i in sorted(scores):
            j = i + 1
            while j < len(tokens) and j - i < self.max_tokens and j not in scores:
                word, possessive = _base(fold_word(tokens[j].lower))
                first_is_given = _base(fold_word(tokens[i].lower))[0] in given
                if first_is_given and len(word) == 1 and word.isalpha() and word not in w.not_initials:
                    # an initial: "john f kennedy", "mary j blige"
                    scores[j] = (scores[i][0], "initial after a given name")
                    j += 1
                    continue
                if (
                    word in self._blocked
                    or not word.isalpha()
                    or len(word) < 2
                    or (word not in family and zipf_frequency(word) >= self._zipf.function_word_min)
                ):
                    break  # "how did elvis become", "paris hilton became": too frequent for a surname
                surname_like = word in family or (
                    word not in common
                    and word not in places
                    and len(word) > 2
                    and zipf_frequency(word) < self._zipf.unlisted_person_name_max  # not "replied", "thinks"
                )
                # after a given name, the next content word is its family name even when it is also a
                # common word ("donald trump", "tom cruise"), unless it reads as a verb or adverb
                # (not at the start of an utterance: "olly order pizza" addresses the assistant)
                object_position = i > 0
                if surname_like or (
                    first_is_given and object_position and j == i + 1 and not word.endswith(w.verb_endings)
                ):
                    score = max(scores[i][0], self.gazetteer_score) if word in family else scores[i][0]
                    scores[j] = (score, "family name after a given name")
                    j += 1
                    if possessive:
                        break
                else:
                    break
        self._propagate(tokens, scores, common)
        return self._spans(tokens, scores)

    def _rare_runs(
        self, tokens: Sequence[Token], scores: dict[int, tuple[float, str]], places: frozenset[str]
    ) -> None:
        """Two or more adjacent words that English text almost never uses are a name, most often a
        foreign one no gazetteer lists ("than iliza schleshinger"): ASR writes only words it knows,
        and the rare ones it knows are mostly names."""
        run: list[int] = []
        for i in [*range(len(tokens)), len(tokens)]:
            if i < len(tokens) and i not in scores:
                word, _ = _base(fold_word(tokens[i].lower))
                if (
                    len(word) > 2
                    and word.isalpha()
                    and word not in self._blocked
                    and word not in places
                    and zipf_frequency(word) < self._zipf.rare_run_max
                ):
                    run.append(i)
                    continue
            if len(run) >= 2:
                for index in run:
                    scores[index] = (self.unknown_score, "run of words too rare to be anything but a name")
            run = []

    def _propagate(
        self, tokens: Sequence[Token], scores: dict[int, tuple[float, str]], common: frozenset[str]
    ) -> None:
        """A name found once is a name wherever it recurs in the transcript ("email david ... david can
        we"): the second mention often lacks the cue that gave the first away. Common words are left
        out, since their cue applied to one mention only ("call mark" does not make "mark it" a name).
        """
        if not scores:
            return
        names: dict[str, tuple[float, str]] = {}
        for i, (score, _) in scores.items():
            word, _possessive = _base(fold_word(tokens[i].lower))
            if len(word) > 1 and word.isalpha() and word not in common and word not in self._blocked:
                names.setdefault(word, (score, "same word as a name elsewhere in the transcript"))
        if not names:
            return
        for i, token in enumerate(tokens):
            if i not in scores:
                found = names.get(_base(fold_word(token.lower))[0])
                if found is not None:
                    scores[i] = found

    def _noun_before_number(self, tokens: Sequence[Token], i: int, cue: tuple[str, ...] | None) -> bool:
        """A name that is also a common word, right before a number and without a strong cue, labels
        that number ("from page 172", "the max 8", "bill 40"), unlike "call bill 555 0134"."""
        if cue in self._w.strong_cues or i + 1 >= len(tokens):
            return False
        following = tokens[i + 1].lower
        return any(char.isdigit() for char in following) or following in self._number_words

    def _cue_before(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The longest person cue that ends right before token ``i``."""
        return self._cues.ending_at(tokens, i)

    def _family_after(
        self,
        tokens: Sequence[Token],
        i: int,
        family: frozenset[str],
        common: frozenset[str],
        places: frozenset[str],
    ) -> bool:
        if i + 1 >= len(tokens):
            return False
        word, _ = _base(tokens[i + 1].lower)
        return word in family and word not in common and word not in places and word not in self._blocked

    def _spans(self, tokens: Sequence[Token], scores: dict[int, tuple[float, str]]) -> list[Entity]:
        entities: list[Entity] = []
        indices = sorted(scores)
        k = 0
        while k < len(indices):
            first = last = indices[k]
            best = scores[first]
            while k + 1 < len(indices) and indices[k + 1] == last + 1 and last - first + 1 < self.max_tokens:
                k += 1
                last = indices[k]
                best = max(best, scores[last])
            if first > 0 and tokens[first - 1].lower.rstrip(".") in self._w.titles:
                first -= 1
            if last + 1 < len(tokens) and tokens[last + 1].lower.rstrip(".") in self._w.suffixes:
                last += 1
            entities.append(
                Entity(tokens[first].start, tokens[last].end, "PERSON", best[0], self.name, best[1])
            )
            k += 1
        return entities


def _inflected_common(word: str, common: frozenset[str], frequent: float) -> bool:
    """A frequent plural or third-person form of a common word ("sales", "parts", "downs"): the
    dictionary lists headwords only, so without this such a word would pass for a family name."""
    return (
        len(word) > 3
        and word.endswith("s")
        and any(stem in common for stem in inflection_stems(word))
        and zipf_frequency(word) >= frequent
    )


def _base(word: str) -> tuple[str, bool]:
    """Strip a possessive: ("mark's" -> "mark", True)."""
    if word.endswith("'s"):
        return word[:-2], True
    if word.endswith("s'"):
        return word[:-1], True
    return word, False
