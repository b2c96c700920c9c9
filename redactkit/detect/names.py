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

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, NamedTuple

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    common_words,
    company_names,
    family_names,
    fold_word,
    frequent_words,
    given_names,
    is_everyday_word,
    place_names,
    zipf_frequency,
)
from ..lang import get_lexicon, load_locale
from ..lang.fuzzy import within_edits
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables
from ..lang.tokens import Token, words_of
from ..lang.words import inflection_stems, zipf_cutoffs
from ._name_likeness import name_likeness
from .base import Detector, detectors

__all__ = [
    "MisheardGuard",
    "NameDetector",
    "PersonWords",
    "elided_family_name",
    "locale_family_names",
    "locale_given_names",
    "number_nouns",
    "quoted_after_speech",
]


#: why a word after "my name is", "the name on the account is" is a name
_GIVEN_AS_NAME = "word after a phrase that gives a name"

#: (the end of) the explanation of a given name met ("i saw will yesterday")
_MET = "verb of meeting before it"
#: why a word no list has is a name when another rare word stands beside it
_RARE_RUN = "run of words too rare to be anything but a name"
#: the cue a noun that names a person makes ("my neighbour X", "the other driver was X"): a strong one
_PERSON_NOUN_CUE = ("<person noun>",)


class _NameVocabulary(NamedTuple):
    """The word lists every name rule consults, fetched once per batch and passed on together."""

    given: frozenset[str]
    family: frozenset[str]
    common: frozenset[str]
    places: frozenset[str]


class _Turn(NamedTuple):
    """One text as the passes over it read it (each pass adds the names it finds to the scores): its
    tokens, their lowercase words, each word folded without its possessive, and the word lists."""

    tokens: Sequence[Token]
    words: Sequence[str]
    bases: Sequence[tuple[str, bool]]
    vocab: _NameVocabulary


@dataclass(frozen=True)
class HeardCueWords:
    """How a recognizer may garble a strong person cue (``heard_cues`` in names.yaml)."""

    short_letters: int
    anchor_letters: int
    near_edits: int
    near_others: int
    lost_letters: int
    lost_min_words: int
    added_letters: int
    glued_name_letters: int
    glued_word_zipf: float
    inserted: frozenset[str]


@dataclass(frozen=True)
class PersonWords:
    """The word tables of the name detector: ``redactkit/lang/<locale>/names.yaml`` (each field is
    documented there)."""

    cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.before"})
    strong_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.strong"})
    joined_by: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.joined_by"})
    offices: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.offices"})
    list_openers: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.list_openers"})
    list_nouns: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.list_nouns"})
    list_copulas: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.list_copulas"})
    list_noun_gap: int = field(metadata={"key": "person_cues.list_noun_gap"})
    list_skip: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.list_skip"})
    list_joiners: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.list_joiners"})
    list_gap: int = field(metadata={"key": "person_cues.list_gap"})
    list_unlisted_max_zipf: float = field(metadata={"key": "person_cues.list_unlisted_max_zipf"})
    list_short_unlisted_letters: int = field(metadata={"key": "person_cues.list_short_unlisted_letters"})
    list_item_enders: frozenset[str] = field(metadata={"key": "person_cues.list_item_enders"})
    preposition_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.prepositions"})
    naming_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.naming"})
    titled_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.titled"})
    titled_max_zipf: float = field(metadata={"key": "person_cues.titled_max_zipf"})
    after_cues: frozenset[str] = field(metadata={"key": "person_cues.after"})
    question_auxiliaries: frozenset[str] = field(metadata={"key": "person_cues.question_auxiliaries"})
    question_verbs: frozenset[str] = field(metadata={"key": "person_cues.question_verbs"})
    after_unheard: frozenset[str] = field(metadata={"key": "person_cues.after_unheard"})
    after_phrases: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.after_phrases"})
    address_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.address"})
    addressed_by: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.addressed_by"})
    speech_verbs: frozenset[str] = field(metadata={"key": "person_cues.speech_verbs"})
    opening_addressed: frozenset[str] = field(metadata={"key": "person_cues.opening_addressed"})
    opening_addressed_topic: frozenset[str] = field(metadata={"key": "person_cues.opening_addressed_topic"})
    openers: frozenset[str] = field(metadata={"key": "person_cues.openers"})
    closing: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.closing"})
    after_closing: frozenset[str] = field(metadata={"key": "person_cues.after_closing"})
    unnamed_address: frozenset[str] = field(metadata={"key": "person_cues.unnamed_address"})
    companions: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.companions"})
    companion_unlisted_max_zipf: float = field(metadata={"key": "person_cues.companion_unlisted_max_zipf"})
    companion_min_likeness: float = field(metadata={"key": "person_cues.companion_min_likeness"})
    companion_min_name_share: float = field(metadata={"key": "person_cues.companion_min_name_share"})
    companion_neighbours: int = field(metadata={"key": "person_cues.companion_neighbours"})
    companion_contacts: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.companion_contacts"})
    companion_verbs: frozenset[str] = field(metadata={"key": "person_cues.companion_verbs"})
    nouns: frozenset[str] = field(metadata={"key": "person_cues.nouns"})
    noun_copula_enders: frozenset[str] = field(metadata={"key": "person_cues.noun_copula_enders"})
    noun_possessives: frozenset[str] = field(metadata={"key": "person_cues.noun_possessives"})
    noun_copulas: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.noun_copulas"})
    noun_copula_gap: int = field(metadata={"key": "person_cues.noun_copula_gap"})
    noun_not_cues: frozenset[str] = field(metadata={"key": "person_cues.noun_not_cues"})
    named_after: frozenset[str] = field(metadata={"key": "person_cues.named_after"})
    noun_modifiers: frozenset[str] = field(metadata={"key": "person_cues.noun_modifiers"})
    department_links: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.department_links"})
    departments: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.departments"})
    copula_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.copulas"})
    copula_adjective_followers: frozenset[str] = field(
        metadata={"key": "person_cues.copula_adjective_followers"}
    )
    copula_name_followers: frozenset[str] = field(metadata={"key": "person_cues.copula_name_followers"})
    copula_adjectives: frozenset[str] = field(metadata={"key": "person_cues.copula_adjectives"})
    copula_weather_words: frozenset[str] = field(metadata={"key": "person_cues.copula_weather_words"})
    quoted_copulas: frozenset[str] = field(metadata={"key": "person_cues.quoted_copulas"})
    quoted_kinds: frozenset[str] = field(metadata={"key": "person_cues.quoted_kinds"})
    quoted_kind_window: int = field(metadata={"key": "person_cues.quoted_kind_window"})
    meeting_verbs: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.meeting_verbs"})
    meeting_enders: frozenset[str] = field(metadata={"key": "person_cues.meeting_enders"})
    copula_greetings: frozenset[str] = field(metadata={"key": "person_cues.copula_greetings"})
    spelling_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.spelling"})
    everyday_names: frozenset[str]
    saint_words: frozenset[str]
    saint_devotion_words: frozenset[str]
    saint_devotion_links: frozenset[str]
    saint_devotion_window: int
    vocative_questions: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.vocative_questions"})
    month_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.month_cues"})
    syllable_min_share: float = field(metadata={"key": "person_cues.syllable_min_share"})
    syllable_max_letters: int = field(metadata={"key": "person_cues.syllable_max_letters"})
    roles: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.roles"})
    introductions: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.introductions"})
    affiliations: frozenset[str] = field(metadata={"key": "person_cues.affiliations"})
    place_cues: frozenset[str]
    titles: frozenset[str]
    suffixes: frozenset[str]
    not_initials: frozenset[str]
    name_stop_words: frozenset[str]
    verb_endings: tuple[str, ...]
    verb_stem_min: int
    answer_joiners: frozenset[str] = field(metadata={"key": "name_answers.joiners"})
    answer_openers: frozenset[tuple[str, ...]] = field(metadata={"key": "name_answers.openers"})
    answer_values: frozenset[tuple[str, ...]] = field(metadata={"key": "name_answers.values"})
    answer_determiners: frozenset[str] = field(metadata={"key": "name_answers.determiners"})
    answer_closers: frozenset[tuple[str, ...]] = field(metadata={"key": "name_answers.closers"})
    answer_max_zipf: float = field(metadata={"key": "name_answers.max_zipf"})
    answer_frequent_max_zipf: float = field(metadata={"key": "name_answers.frequent_max_zipf"})
    answer_name_parts: frozenset[str] = field(metadata={"key": "name_answers.name_parts"})
    answer_value_max_zipf: float = field(metadata={"key": "name_answers.value_max_zipf"})
    answer_not_family: frozenset[str] = field(metadata={"key": "name_questions.not_answers"})
    answer_typo_zipf: float = field(metadata={"key": "name_answers.typo_of_zipf"})
    answer_glued_zipf: float = field(metadata={"key": "name_answers.glued_zipf"})
    answer_glued_short_zipf: float = field(metadata={"key": "name_answers.glued_short_zipf"})
    answer_min_digits: float = field(metadata={"key": "name_answers.min_digits"})
    answer_name_typo_min_letters: float = field(metadata={"key": "name_answers.name_typo_min_letters"})
    answer_name_typo_max_zipf: float = field(metadata={"key": "name_answers.name_typo_max_zipf"})
    run_typo_zipf: float = field(metadata={"key": "rare_runs.typo_of_zipf"})
    currencies: frozenset[str]
    determiners: frozenset[str]
    booking_words: frozenset[str] = field(metadata={"key": "booking_names.words"})
    booking_before: frozenset[str] = field(metadata={"key": "booking_names.before"})
    booking_after: frozenset[str] = field(metadata={"key": "booking_names.after"})
    booking_last: frozenset[str] = field(metadata={"key": "booking_names.last"})
    compound_heads: frozenset[str] = field(metadata={"key": "person_cues.compound_heads"})
    handoff_before: frozenset[str] = field(metadata={"key": "person_cues.handoff_before"})
    handoff_modals: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.handoff_modals"})
    handoff_adverbs: frozenset[str] = field(metadata={"key": "person_cues.handoff_adverbs"})
    handoff_verbs: frozenset[str] = field(metadata={"key": "person_cues.handoff_verbs"})
    handoff_not_after: frozenset[str] = field(metadata={"key": "person_cues.handoff_not_after"})
    handoff_clause_openers: frozenset[str] = field(metadata={"key": "person_cues.handoff_clause_openers"})
    slot_before: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.slot_before"})
    slot_after: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.slot_after"})
    heard: HeardCueWords = field(metadata={"key": "heard_cues"})


@dataclass(frozen=True)
class _MisheardCutoffs:
    """``misheard`` of ``redactkit/lang/<locale>/names.yaml``."""

    fragment_min_zipf: float = field(metadata={"key": "misheard.fragment_min_zipf"})
    digit_sound_max_zipf: float = field(metadata={"key": "misheard.digit_sound_max_zipf"})
    merged_word_min_zipf: float = field(metadata={"key": "misheard.merged_word_min_zipf"})
    fragment_word_min_zipf: float = field(metadata={"key": "misheard.fragment_word_min_zipf"})
    contraction_heads: frozenset[str] = field(metadata={"key": "misheard.contraction_heads"})
    spelled_code_nouns: frozenset[str] = field(metadata={"key": "misheard.spelled_code_nouns"})
    heard_articles: frozenset[str] = field(metadata={"key": "misheard.heard_articles"})


class MisheardGuard:
    """Which words of a lowercase transcript a recognizer most likely wrote for words it misheard.

    Recognizers write words they know, but they split words ("ch ange"), run two together ("rock
    androll") and drop or change a letter ("departre"). Such a word is rare, so the name detectors'
    "a rare word is a name" evidence and a recognizer's guess on garbled context would take it for a
    name or a place. A word counts as misheard (:meth:`misheard`) when

    - glued to the word before or after it, it spells a frequent word neither half is and no list
      has as a name or place, and neither half is a function word ("ch ange", "rea lly"; not "to
      ny", not "ma rtin": a name heard as two is still a name), or
    - no name, place or word list has it and English text never uses it, and it is a contraction no
      one writes ("do't", "we'e"), or
    - no name or place list has it, English text never uses it, and it is two words run together, one
      of them a very frequent word and the other a frequent one that is no given name ("butwhere",
      "boxand"; not "johnpeter", "woodsfield", "skillman": the halves of a name are names or rarer).

    A frequent word with a letter left out ("departre") or two content words run together would be
    misheard words too, but unknown names look the same far too often ("parten", "schoo",
    "skillman", "woodsfield", "johnpeter" on the corpus hold-outs); and a number word a letter off
    ("fifeen") is often a misheard part of an address or phone number that the name detector's
    cover keeps redacted: they are left alone.

    Cut-offs: ``misheard`` in names.yaml. A name a list knows is never misheard on its own spelling:
    the guard drops only what no list vouches for.
    """

    def __init__(self, locale: str = "en-US") -> None:
        self._locale = locale
        self._cut = load_tables(locale, "names", _MisheardCutoffs)
        self._unlisted_max = zipf_cutoffs(locale).unlisted_person_name_max
        self._function_word_min = zipf_cutoffs(locale).function_word_min
        lexicon = get_lexicon(locale)
        self._number_like = frozenset({*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred})
        self._number_forms = frozenset({*lexicon.ordinals, *lexicon.zero_aliases})
        self._number_stems = self._number_like | lexicon.thousand
        self._fillers = lexicon.fillers
        self._rare_max = zipf_cutoffs(locale).rare_run_max
        self._digit_sounds = frozenset(
            word
            for word in digit_sounds(locale)
            if len(word) > 1 and zipf_frequency(word) < self._cut.digit_sound_max_zipf
        )
        #: code nouns and number words of four letters or more, for "one letter off" look-ups
        self._near_code_noun = _OneEdit(noun for noun in self._cut.spelled_code_nouns if len(noun) >= 4)
        self._near_number = _OneEdit(
            number
            for number in self._number_stems
            if len(number) >= 4 and number not in lexicon.spelled_as_heard  # "thurtean" is two off
        )

    def is_number(self, word: str) -> bool:
        """A number as the normalizer left it or a number word ("46", "11:50", "thirty")."""
        return any(char.isdigit() for char in word) or word in self._number_like

    def sounds_like_number(self, word: str) -> bool:
        """A number, a number word or a word that sounds like a digit ("fife", "fore")."""
        return self.is_number(word) or word in self._digit_sounds

    def number_at(self, words: Sequence[str], i: int) -> bool:
        """Whether a number starts at ``words[i]``: a number, or a word that sounds like a digit
        ("fife", "sick", "true": ``digit_homophones`` and ``digit_near`` of asr_confusions.yaml; not
        one more frequent than ``misheard.digit_sound_max_zipf``: "a", "the", "when" are words of
        their own) right before a number ("page fife one three" is a page number a recognizer
        misheard)."""
        if i >= len(words):
            return False
        if self.is_number(words[i]):
            return True
        return words[i] in self._digit_sounds and i + 1 < len(words) and self.is_number(words[i + 1])

    def code_noun(self, word: str) -> bool:
        """A noun after which a name spelled letter by letter is a brand's letters (names.yaml
        ``misheard.spelled_code_nouns``: "card", "account"), also as a recognizer changed it: one
        letter off one of four letters or more ("cart"), or run together with the last letter spelled
        ("scard")."""
        nouns = self._cut.spelled_code_nouns
        return (
            word in nouns
            or (word[1:] in nouns and word[:1].isalpha())
            or (len(word) >= 4 and word.isalpha() and self._near_code_noun.near(word))
        )

    @property
    def heard_articles(self) -> frozenset[str]:
        """What a recognizer writes for "the" that is no English word (``misheard.heard_articles``)."""
        return self._cut.heard_articles

    def misheard_number(self, word: str) -> bool:
        """A number word as a recognizer changed or joined it: an ordinal or a word for zero ("page fine
        oh a", "do eighth true"); two number words, or a number word and a frequent word, run together
        ("threehundred", "twomiles", "nineteentimes"); or a word of five letters or more that no list
        has and English text hardly uses (Zipf under ``rare_run_max``), one letter off a number word
        ("twlve", "thirten", "suventeen", "thousind")."""
        word = _base(fold_word(word))[0]
        if len(word) < 2 or not word.isalpha():
            return False
        if word in self._number_forms:
            return True
        if zipf_frequency(word) >= self._rare_max or _listed_name_or_place(word, self._locale):
            return False
        numbers, frequent = self._number_stems, self._cut.fragment_min_zipf
        for k in range(2, len(word) - 1):
            head, tail = word[:k], word[k:]
            if (head in numbers and (tail in numbers or zipf_frequency(tail) >= frequent)) or (
                tail in numbers and zipf_frequency(head) >= frequent
            ):
                return True
        return len(word) >= 5 and self._near_number.near(word)

    def number_word(self, words: Sequence[str], i: int) -> bool:
        """Whether ``words[i]`` is a word of a number a recognizer misheard: a word that sounds like a
        digit ("heaven", "nein": ``digit_homophones`` and ``digit_near`` of asr_confusions.yaml) or a
        changed number word (:meth:`misheard_number`), with a number or a changed number word within
        two words of it ("did heaven fourteen thirty win", "from heaven thousand six", "nineteentimes
        suventeen"). Names said with a number are no digit's sound-alike."""
        word = _base(fold_word(words[i]))[0]
        if not (word in self._digit_sounds or self.misheard_number(word)):
            return False
        return any(
            self.is_number(words[j]) or self.misheard_number(words[j])
            for j in range(max(0, i - 2), min(len(words), i + 3))
            if j != i
        )

    def misheard(self, words: Sequence[str], i: int) -> bool:
        """Whether ``words[i]`` (lowercase words of one text) is a recognizer's error (see class)."""
        word = _base(fold_word(words[i]))[0]
        if not word or not any(char.isalpha() for char in word):
            return False
        return (
            self._fragment(words, i, word)
            or self._unknown_misheard(word)
            or self._merged(word)
            or self._contraction(fold_word(words[i]))
            or self._article_glued(word)
        )

    def _article_glued(self, word: str) -> bool:
        """ "the" run together with the word after it ("thenikon", "thecharger"): a word English text
        never uses and no list has, "the" and then a word of three letters or more that English uses
        (Zipf ``rare_run_max`` or more)."""
        rest = word[3:]
        return (
            word.startswith("the")
            and len(rest) >= 3
            and word.isalpha()
            and zipf_frequency(word) == 0.0
            and not _listed_name_or_place(word, self._locale)
            and zipf_frequency(rest) >= self._rare_max
        )

    def _contraction(self, word: str) -> bool:
        """A contracted "is" after a word a recognizer changed: "thet's", "wht's", "whut's" (no list has
        the word, one letter off a word of three letters or more that takes the contraction:
        ``misheard.contraction_heads``) or "uhthat's" (a filler run into one)."""
        if not word.endswith("'s"):
            return False
        base = word[:-2]
        heads = self._cut.contraction_heads
        if not base.isalpha() or base in heads or _listed_name_or_place(base, self._locale):
            return False
        return any(len(head) >= 3 and _one_edit(base, head) for head in heads) or any(
            base.startswith(filler) and base[len(filler) :] in heads for filler in self._fillers
        )

    def _fragment(self, words: Sequence[str], i: int, word: str) -> bool:
        common = common_words()
        for glued, other in (
            (words[i - 1] + word, words[i - 1]) if i > 0 else ("", ""),
            (word + words[i + 1], words[i + 1]) if i + 1 < len(words) else ("", ""),
        ):
            if (
                glued.isalpha()
                and zipf_frequency(glued) >= self._cut.fragment_min_zipf
                and not (word in common and other in common)
                # a name heard as two is still a name ("ma rtin")
                and not _listed_name_or_place(glued, self._locale)
                # "to ny" is no "tony": a function word is a word of its own
                and zipf_frequency(other) < self._function_word_min
                and zipf_frequency(word) < self._function_word_min
            ):
                return True
            if (
                glued.isalpha()
                and zipf_frequency(glued) >= self._cut.fragment_word_min_zipf
                and not _listed_name_or_place(glued, self._locale)
                and any(
                    len(half) > 1
                    and zipf_frequency(half) == 0.0
                    and not _listed_name_or_place(half, self._locale)
                    for half in (word, other)
                )
            ):
                return True  # "thril ler", "li ftoff": one half is no word at all, the two are one
        return False

    def _merged(self, word: str) -> bool:
        """Two words a recognizer ran together ("butwhere", "howdo", "bysix", "fiftyfive"): see class.
        A half of two letters counts only when it is a function word ("do", "my"); a given name
        counts as a half only when it is as frequent as the frequent half ("can"), so two names run
        together stay a name."""
        if (
            len(word) < 4
            or not word.isalpha()
            or zipf_frequency(word) > 0.0
            or _listed_name_or_place(word, self._locale)
        ):
            return False
        given = locale_given_names(self._locale)
        for k in range(2, len(word) - 1):
            halves = (word[:k], word[k:])
            if any(
                half in given and zipf_frequency(half) < self._cut.merged_word_min_zipf for half in halves
            ):
                continue
            numbers = [half in self._number_like for half in halves]
            if all(numbers):
                return True  # "fiftyfive", "twotwo": a number said fast
            if any(numbers):
                # "bysix", "divideeight": a number word and a frequent word
                other = halves[1] if numbers[0] else halves[0]
                if len(other) > 1 and zipf_frequency(other) >= self._cut.fragment_min_zipf:
                    return True
                continue
            frequencies = sorted(zipf_frequency(half) for half in halves)
            if (
                frequencies[0] < self._cut.fragment_min_zipf
                or frequencies[1] < self._cut.merged_word_min_zipf
            ):
                continue
            shorter = min(halves, key=len)
            if len(shorter) > 2 or (
                # a two-letter word: both halves as frequent as function words ("howdo", "itto"; not
                # "cos" + "an", "lol" + "is", "vessel" + "by": names end in "-by", "-an", "-is")
                frequencies[0] >= self._cut.merged_word_min_zipf
            ):
                return True
        return False

    def _unknown_misheard(self, word: str) -> bool:
        if (
            len(word) < 4
            or _listed_name_or_place(word, self._locale)
            or word in common_words()
            or zipf_frequency(word) > 0.0
        ):
            return False
        # a contraction no one writes ("do't", "we'e"; not "o'brannagh")
        head, apostrophe, tail = word.strip("'").rpartition("'")
        return bool(apostrophe) and len(head) >= 2 and 1 <= len(tail) <= 2


def quoted_after_speech(words: Sequence[str], verb: int, w: PersonWords) -> bool:
    """The verb of speech at ``words[verb]`` has a copula of ``quoted_copulas`` right after it and a word
    of ``quoted_kinds`` within ``quoted_kind_window`` words after that ("hope said is a song", "will said
    was the word"): what stands before the verb is a title or a word quoted, no speaker."""
    k = verb + 1
    if k >= len(words) or words[k] not in w.quoted_copulas:
        return False
    return not w.quoted_kinds.isdisjoint(words[k + 1 : k + 1 + w.quoted_kind_window])


@cache
def digit_sounds(locale: str) -> frozenset[str]:
    """One-word sound-alikes of digit words a recognizer writes (asr_confusions.yaml), but not the
    function words that are read as digits only between two digits (``between_digits_only``: "for
    four people" is no number after a name)."""
    data = load_locale(locale).resources.get("asr_confusions") or {}
    function_words = {str(word).lower() for word in data.get("between_digits_only") or ()}
    return frozenset(
        str(heard).lower()
        for section in ("digit_homophones", "digit_near")
        for alikes in (data.get(section) or {}).values()
        for heard in alikes
        if " " not in str(heard) and str(heard).lower() not in function_words
    )


@cache
def locale_given_names(locale: str = "en-US") -> frozenset[str]:
    """The gazetteer's given names and the locale's own (``redactkit/lang/<locale>/given_names.txt``:
    names its speakers give that no Faker locale lists)."""
    return given_names() | frozenset(load_locale(locale).get("given_names", "words", ()))


@cache
def locale_family_names(locale: str = "en-US") -> frozenset[str]:
    """The gazetteer's family names and the locale's own (``redactkit/lang/<locale>/family_names.txt``:
    romanised family names that Faker lists only in their own scripts: "takahashi", "zhou", "okonkwo")."""
    return family_names() | frozenset(load_locale(locale).get("family_names", "words", ()))


def _joined_after(why: str) -> bool:
    """Whether ``why`` makes a word a name only as part of the name word before it (a family name or
    an initial after a given name)."""
    return why.startswith("family name after a") or why == "initial after a given name"


def _listed_name_or_place(word: str, locale: str = "en-US") -> bool:
    """Whether a name list (the gazetteers' and the locale's own: ``given_names.txt``,
    ``family_names.txt``) or the place gazetteer has ``word``: a romanised name only the locale lists
    ("themba": "the" + "mba") is no word a recognizer misheard either."""
    return word in locale_given_names(locale) or word in locale_family_names(locale) or word in place_names()


class _HeardCues:
    """Strong cues of two or more words as a recognizer may have written them (names.yaml
    ``heard_cues``): exactly one word heard wrong, lost, added, or run together with its neighbour.

    The cues are indexed at load by what a recognizer could have written for them (each with one word
    left blank, one function word lost, two words run together), so a look-up costs a few dictionary
    probes per cue length instead of a comparison with every cue that shares a word with the text."""

    def __init__(
        self,
        cues: frozenset[tuple[str, ...]],
        words: HeardCueWords,
        stopwords: frozenset[str],
        determiners: frozenset[str],
        naming: frozenset[tuple[str, ...]],
    ) -> None:
        self._w = words
        self._stopwords = stopwords
        self._determiners = determiners
        self._naming = naming
        multi = sorted(cue for cue in cues if len(cue) >= 2)
        self._lengths = sorted({len(cue) for cue in multi})
        self._longest = max(self._lengths, default=1) + 1
        #: each cue with one word blank ("" is no token) -> the cues
        self._blanked: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        #: what is said for a cue with a short function word lost or two words run together -> cues
        self._shortened: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
        for cue in multi:
            n = len(cue)
            for k in range(n):
                self._blanked.setdefault((*cue[:k], "", *cue[k + 1 :]), []).append(cue)
                if (
                    n >= words.lost_min_words
                    and len(cue[k]) <= words.lost_letters
                    and cue[k] in stopwords  # a function word: "let me" is no "let me add"
                ):
                    self._shortened.setdefault(cue[:k] + cue[k + 1 :], []).append(cue)
                if k + 1 < n:
                    self._shortened.setdefault((*cue[:k], cue[k] + cue[k + 1], *cue[k + 2 :]), []).append(cue)
        #: by cue length, the last and the second-last words of the cues
        self._ends = {
            n: (
                frozenset(cue[-1] for cue in multi if len(cue) == n),
                frozenset(cue[-2] for cue in multi if len(cue) == n),
            )
            for n in self._lengths
        }
        #: cues a short word may be added into: three words or more, or one that says a name follows
        self._addable = frozenset(cue for cue in multi if len(cue) > 2 or cue in naming)

    def heard_before(self, words: Sequence[str], i: int) -> bool:
        """Whether a cue was heard in the words right before ``words[i]``, one of its words in the
        ``len(cue) + 1`` words before ``words[i]`` as said."""
        w = self._w
        last = words[i - 1] if i >= 1 else ""
        before = words[i - 2] if i >= 2 else ""
        for n in self._lengths:
            ends, seconds = self._ends[n]
            if i >= n:  # one word heard wrong ("the name his", "i'm pocking up for")
                said = tuple(words[i - n : i])
                # only the last word may be wrong where the cue's last word was not said
                wrong = range(n) if last in ends else range(n - 1, n) if before in seconds else range(0)
                for k in wrong:
                    for cue in self._blanked.get((*said[:k], "", *said[k + 1 :]), ()):
                        if said[k] != cue[k] and self._heard_wrong(cue, k, said):
                            return True
            if i >= n - 1:  # a short word lost ("the claim under"), two run together ("claim isunder")
                for cue in self._shortened.get(tuple(words[i - n + 1 : i]), ()):
                    if self._seen(cue, words, i):  # always, but for two words run into one
                        return True
            if i >= n + 1 and (last in ends or before in ends):  # a short word added ("picking up the for")
                said = tuple(words[i - n - 1 : i])
                for k in range(1, n + 1):
                    added = said[k]
                    if (
                        len(added) <= w.added_letters
                        and added.isalpha()
                        and not (k == n and added in self._determiners)
                        and said[:k] + said[k + 1 :] in self._addable
                    ):
                        return True
        return False

    def _seen(self, cue: tuple[str, ...], words: Sequence[str], i: int) -> bool:
        """One of the words of ``cue`` is among the words a cue heard before ``words[i]`` may span."""
        window = words[max(0, i - self._longest) : i]
        return any(word in window for word in cue)

    def _heard_wrong(self, cue: tuple[str, ...], k: int, said: tuple[str, ...]) -> bool:
        """Cue word ``k`` (the only one) heard as ``said[k]``: misheard (:meth:`_misheard`), but no
        determiner right before the word ("call the d m v": no "call me"); or the word before the cue
        run into its first word ("thename is")."""
        n = len(cue)
        if not (k == n - 1 and said[-1] in self._determiners) and self._misheard(cue, k, said[k]):
            return True
        return k == 0 and said[0].endswith(cue[0]) and said[0][: -len(cue[0])] in self._stopwords

    def _misheard(self, cue: tuple[str, ...], k: int, heard: str) -> bool:
        """Cue word ``k`` written as ``heard``: a short word as another short word, beside a longer
        cue word that came through; a longer word as a word a few letters off it."""
        w, said = self._w, cue[k]
        if not heard.replace("'", "").isalpha():
            return False
        others = cue[:k] + cue[k + 1 :]
        if len(said) <= w.short_letters:
            # beside a content word that came through ("name", "forward"; not "this"), in a cue of
            # three words or one that says a name follows ("name as"; not "amount of", "this more")
            return (
                len(heard) <= w.short_letters
                and (len(cue) > 2 or cue in self._naming)
                and any(len(other) >= w.anchor_letters and other not in self._stopwords for other in others)
            )
        return (
            heard[0] == said[0] and len(others) >= w.near_others and within_edits(said, heard, w.near_edits)
        )


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
        vectors: str | None = "en_core_web_md",
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
        #: spaCy pipeline whose static word vectors tell a name from a thing where only that is unsure
        #: ("it's me and kombucha tonight"; loaded when first needed, shared with the ``ner`` detector);
        #: None: word frequency alone decides there
        self.vectors = vectors
        lexicon = get_lexicon(locale)
        self._w = words = load_tables(locale, "names", PersonWords)
        self._zipf = zipf_cutoffs(locale)
        self._cues = PhraseTable.of(words.cues | words.address_cues | words.offices | words.joined_by)
        self._strong = words.strong_cues | words.address_cues | words.offices | words.joined_by
        self._office_words = frozenset(office[-1] for office in words.offices)
        self._modals = frozenset(modal[0] for modal in words.handoff_modals if len(modal) == 1)
        self._addressed_by = PhraseTable.of(words.addressed_by)
        self._roles = PhraseTable.of(words.roles)
        self._closing = PhraseTable.of(words.closing)
        self._naming = PhraseTable.of(words.naming_cues)
        # cues after which a given name and a word in a family name's place that ends the phrase are one name
        # ("her name is amy walks", "my therapist goes by jen plays"): naming phrases and the noun copulas of
        # two words or more ("is called", "goes by")
        self._naming_cues = words.naming_cues | frozenset(c for c in words.noun_copulas if len(c) > 1)
        self._after_phrases = PhraseTable.of(words.after_phrases)
        self._introductions = PhraseTable.of(words.introductions)
        self._answer_openers = PhraseTable.of(words.answer_openers)
        self._handoff_modals = PhraseTable.of(words.handoff_modals)
        self._address = PhraseTable.of(words.address_cues)
        self._slot_before = PhraseTable.of(words.slot_before)
        self._list_openers = PhraseTable.of(words.list_openers | words.joined_by)
        self._list_nouns = PhraseTable.of(words.list_nouns)
        self._list_copulas = PhraseTable.of(words.list_copulas)
        self._list_skip = PhraseTable.of(words.list_skip | words.list_copulas)
        self._list_joiners = PhraseTable.of(words.list_joiners)
        self._slot_after = PhraseTable.of(words.slot_after)
        self._companion_contacts = PhraseTable.of(words.companion_contacts)
        self._department_links = PhraseTable.of(words.department_links)
        self._departments = PhraseTable.of(words.departments)
        #: the first words of ``department_links``: a word before none of them is no colleague of a department
        self._department_link_starts = frozenset(link[0] for link in words.department_links)
        self._meeting_verbs = PhraseTable.of(words.meeting_verbs)
        #: the last words of ``meeting_verbs``: a turn with none of them meets no one
        self._meeting_ends = frozenset(verb[-1] for verb in words.meeting_verbs)
        #: public acronyms ("cfo", "hr", "bbc"): no item of a list of people
        self._acronyms = frozenset(load_locale(locale).words("acronyms", "words"))
        #: nouns that name a person (the locale's generated ``person_nouns`` list, from WordNet), but for
        #: ``noun_not_cues``: after one a name may follow ("my neighbour X", "the other driver was X")
        self._person_nouns = (
            frozenset(load_locale(locale).resources.get("person_nouns", {}).get("words", ())) | words.nouns
        ) - words.noun_not_cues
        self._noun_copulas = PhraseTable.of(words.noun_copulas)
        self._vocative_questions = PhraseTable.of(words.vocative_questions)
        self._month_cues = PhraseTable.of(words.month_cues)
        #: months that are also given names ("june", "april"): never names but after a month cue
        self._months = lexicon.months
        self._ordinals = frozenset(lexicon.ordinals)
        # the words these tables' phrases start or end with: a text's positions where none stands are
        # passed over without a look-up
        self._role_starts = frozenset(phrase[0] for phrase in self._roles.phrases)
        self._role_ends = frozenset(phrase[-1] for phrase in self._roles.phrases)
        # (an introduction ends in a word as frequent as "from" or "of": its last two words are asked)
        self._introduction_tails = frozenset(phrase[-2:] for phrase in self._introductions.phrases)
        self._slot_after_starts = frozenset(phrase[0] for phrase in self._slot_after.phrases)
        self._blocked = (
            lexicon.non_name_words
            | lexicon.not_names
            | set(lexicon.symbols)
            | words.name_stop_words
            | words.currencies
        )
        self._number_words = frozenset(
            {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.zero_aliases}
        )
        self._misheard = MisheardGuard(locale)
        self._fillers = lexicon.fillers
        self._heard = _HeardCues(
            self._strong - words.joined_by,  # long phrases: one word off reads as another phrase
            words.heard,
            lexicon.stopwords,
            words.determiners,
            words.naming_cues,
        )
        self._strong_by_last: dict[str, list[tuple[str, ...]]] = {}
        for strong in sorted(self._strong):
            self._strong_by_last.setdefault(strong[-1], []).append(strong)
        self._number_nouns = number_nouns(locale)
        self._near_number_noun = _OneEdit(noun for noun in self._number_nouns if len(noun) >= 5)
        self._closing_words = load_locale(locale).words("identifiers", "closing_words")
        # words before "name" that leave it a cue: stop words, fillers, assents ("yes name dana")
        self._compound_free = (
            lexicon.stopwords
            | lexicon.fillers
            | words.openers
            | {w for cue in words.answer_openers for w in cue}
        )
        from .places import PlaceWords, flight_word_at

        place_words = load_tables(locale, "places", PlaceWords)
        self._flight_words = place_words.flight_words
        self._airline_cues = place_words.airline_cues
        #: an airline cue run together with a flight word ("onflight")
        self._glued_flight_words = frozenset(
            cue + word for cue in self._airline_cues for word in self._flight_words
        )
        self._flight_word_at = flight_word_at
        # (added last: the garbled-cue model above reads the cues of names.yaml only)
        self._strong = self._strong | {_PERSON_NOUN_CUE}
        # what a typo look-up reads is built with the detector, not in the first batch with a word that
        # needs it: each cut-off's frequent words, their letters and their longest length (a look-up
        # tries the words one edit away from its own, :func:`_typo_neighbours`: no index of the
        # frequent words' forms, which took most of a second to build for a few dozen look-ups a batch)
        for min_zipf in (self._zipf.common_word_min, words.answer_typo_zipf, words.run_typo_zipf):
            _word_letters(min_zipf)
            _longest_frequent(min_zipf)
        _longest_word(_listed_names(locale_given_names(locale), locale_family_names(locale), common_words()))

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        vocab = _NameVocabulary(
            locale_given_names(self.locale), locale_family_names(self.locale), common_words(), place_names()
        )
        return [self._detect_one(aligned, vocab) for aligned in texts]

    def _detect_one(
        self,
        aligned: AlignedText,
        vocab: _NameVocabulary,
    ) -> list[Entity]:
        given, family, common, places = vocab
        tokens = aligned.tokens
        w = self._w
        scores: dict[int, tuple[float, str]] = {}
        lowered = words_of(tokens)
        # each word folded, without its possessive: every pass over the text reads these
        bases = _folded_bases(lowered)
        # a family name written with its elided prefix ("o'brien", "d'angelo"): the gazetteer lists it
        # without the apostrophe (never a contraction: "we'd", "i'll")
        bases = [
            (word[0] + word[2:], possessive)
            if len(word) > 3
            and word[1] == "'"
            and word[0] in "dlo"
            and (word[0] + word[2:] in family or word[0] + word[2:] in given)
            else (word, possessive)
            for word, possessive in bases
        ]
        blocked = self._blocked
        meeting = not self._meeting_ends.isdisjoint(lowered)
        # given names a person noun and a copula, or a naming phrase, introduce with their family name
        # ending the phrase: that family name joins even when it reads as a verb or a plural
        surnamed: set[int] = set()
        for i in [
            i
            for i, (word, _) in enumerate(bases)
            if len(word) >= 2
            and word.isalpha()
            and (word not in blocked or self._month_named(tokens, lowered, i, word, given))
        ]:
            word, possessive = bases[i]
            if word in self._office_words and i + 1 < len(tokens):
                continue  # "thanks governor dovik": the office that introduces the name
            if (
                word in self._person_nouns
                and i > 0
                and (tokens[i - 1].lower in w.noun_possessives or tokens[i - 1].lower in w.determiners)
            ):
                continue  # "my mentor said hi", "the pal i told you about": the noun, though a given name
            glued = self._glued_name(lowered, i, word, vocab)
            if glued is not None:
                scores[i] = (self.unknown_score, glued)
                continue
            if not possessive and i + 1 < len(tokens) and tokens[i + 1].lower in w.currencies:
                continue  # "in philippine piso": a country's adjective
            if i > 0 and self._ends_place_here(bases[i - 1][0], word, vocab):
                continue  # "sao paulo", "são paulo", "nova lima": the end of a place's name
            known = word in given or word in family
            ambiguous = (
                word in common
                or word in w.everyday_names  # "max volume": an everyday word the dictionary lacks
                or _inflected_common(word, common, self._zipf.unlisted_person_name_max)
                # a plural of a dictionary word that only a family-name list has ("margins", "banks"),
                # not of a given name ("sams": a possessive said without its apostrophe)
                or (
                    word not in given
                    and _inflected_common(word, common, 0.0)
                    and not any(stem in given for stem in inflection_stems(word))
                )
            )
            cue = self._cue_before(tokens, i)
            # "the lawyer is amy walks", "my neighbour is tom sells and ...": a given name and one word
            # in a family name's place end the phrase (that word may read as a verb or a plural)
            ends = self._surname_ends(tokens, i)
            surname_ends = ends and word in given
            if (
                cue not in self._strong
                and word not in company_names()  # "the maker is audi"
                # a name that is an everyday word is no name after a noun ("my student loan"), but
                # before a family name that ends the phrase
                and not (
                    ambiguous and zipf_frequency(word) >= self._zipf.everyday_word_min and not surname_ends
                )
                and self._after_person_noun(tokens, i, ends_needed=ambiguous and not surname_ends)
            ):
                cue = _PERSON_NOUN_CUE  # "my neighbour X", "the other driver was X"
            if (surname_ends and cue == _PERSON_NOUN_CUE) or (ends and cue in self._naming_cues):
                surnamed.add(i)
            if cue == ("named",) and not self._named_person(tokens, i):
                cue = None  # "a restaurant named X": a thing's name
            if cue in w.copula_cues and ambiguous and self._adjective_after(tokens, i, cue):
                cue = None  # "it's sunny today", "i'm frank with you": an adjective after a copula
            if cue in w.spelling_cues and (ambiguous or zipf_frequency(word) >= self._zipf.rare_run_max):
                cue = None  # "how do you spell teflon", "spell hot tub": a thing spelled
            if (
                word in w.unnamed_address
                and cue not in w.strong_cues  # a name asked for: "my company name is honey musics"
                and not (i + 1 < len(tokens) and (lowered[i + 1] in given or lowered[i + 1] in family))
            ):
                continue  # "excuse me doc", "thanks buddy" (but "thanks buddy mike", "doc holliday")
            # a strong cue the recognizer garbled ("the name his zorvek"): for words too rare for a dictionary
            # a strong cue the recognizer garbled is looked for only where it could decide (it is the
            # costliest check here): `heard` is None until it is
            heard_possible: bool | None = cue not in self._strong and not known
            heard: bool | None = None
            asked = False
            department = self._from_department(tokens, i)
            # "i saw will yesterday", "we ran into destiny at the mall": a given name met (gated by a
            # meeting verb among the turn's words)
            met = meeting and word in given and word not in places and self._met(tokens, i)
            addressed = (
                self._addressed(tokens, i)
                or department
                or self._opens_turn_to(tokens, i)
                or self._handed(tokens, i, word)
                or (known and self._asked_at_turn_start(tokens, i))
                or met
            )
            thanked = (
                (i == len(tokens) - 1 or tokens[i + 1].lower in w.after_closing)
                and self._closing.ending_at(tokens, i) is not None
                and not possessive
                and not _word_form(word)
                and zipf_frequency(word) < self._zipf.unlisted_person_name_max
            )
            if possessive and ambiguous and i > 0 and tokens[i - 1].lower in w.determiners:
                possessive = False  # "the company's results": a noun's possessive
            if self._named(tokens, i, word, given, family, places):
                scores[i] = (self.cue_score, _GIVEN_AS_NAME)
                continue
            if cue is None and not addressed:
                # with no cue and no address, whether the word is a form of an English word matters
                # only to a garbled cue before it: looked up there, if ever (None: see _heard_here)
                if heard_possible:
                    heard_possible = None
            elif (
                not known
                and cue not in w.titled_cues  # "doctor qualis": no plural after a title
                and self._english_form(word, given)
            ):
                # no unknown name after any cue: "i'm starving", "margins and i" (but "my friend sams
                # business": a possessive said without its apostrophe)
                cue, addressed, heard_possible = None, False, False
            elif (
                (cue is not None or addressed)
                and zipf_frequency(word) >= self._zipf.weak_cue_name_max
                # after a title, a listed name up to `titled_max_zipf` ("doctor power", "mr white")
                and not (cue in w.titled_cues and known and zipf_frequency(word) < w.titled_max_zipf)
                # after a relation with a possessive, a given name up to `titled_max_zipf` before a verb or
                # the end ("my friend hope is moving", "my sister hope said"; not "my friend will")
                and not (
                    word in given
                    and zipf_frequency(word) < w.titled_max_zipf
                    and self._relation_before(tokens, i)
                )
                # a given name asked a question at the start of a turn ("guy do you want to take that")
                and not (word in given and self._asked_at_turn_start(tokens, i))
                # a given name met, or opening the turn before a verb of speech ("hope said yes")
                and not (word in given and (met or self._speaks_first(tokens, i)))
            ):
                # a cue does not make a word as frequent as "will", "may" or "more" a name ("back to more
                # of", "the officer will", "i'm more curious"): a family name after it still does
                cue, addressed = None, False
            if (
                word in places
                and ((i > 0 and tokens[i - 1].lower in w.place_cues) or (cue is None and not possessive))
                and not (word in given and self._family_after(tokens, i, family, common, places))
                # a given name that is also a town, addressed or handed the floor ("florence go ahead",
                # "then florence will walk you through"), is the person
                and not (addressed and word in given)
            ):
                continue  # "in lagos", "paris is lovely": a place, though also in a name list
            if known and not ambiguous:
                scores[i] = (self.gazetteer_score, "name in the given/family-name gazetteer")
            elif (
                known
                and not self._noun_before_number(tokens, i, cue)
                and (
                    # (after a noun that names a person, a given name: not "my student loan")
                    (
                        cue is not None
                        and (
                            (cue not in w.preposition_cues and cue != _PERSON_NOUN_CUE)
                            # (not "to max", "with max": an everyday word after a preposition)
                            or (word in given and word not in w.everyday_names)
                        )
                    )
                    or possessive
                    or (addressed and word in given)
                    or self._family_after(tokens, i, family, common, places)
                )
            ):
                why = (
                    "possessive"
                    if possessive
                    else "cue before it"
                    if cue is not None
                    else _MET
                    if met
                    else "verb of speech or address after it"
                    if addressed and word in given
                    else "family name after it"
                )
                scores[i] = (self.cue_score, f"name that is also a common word, with a {why}")
            elif (
                not ambiguous
                and word not in places
                and (known or possessive or zipf_frequency(word) < self._zipf.unlisted_person_name_max)
                and (
                    (
                        cue in self._strong
                        # "it's me and kombucha tonight": beside the speaker, a word English uses is a thing
                        and (known or cue not in w.companions or self._companion(tokens, i, word, cue))
                    )
                    or possessive
                    or addressed
                    or (
                        i + 1 < len(tokens)
                        and (
                            tokens[i + 1].lower in w.after_cues
                            or self._after_phrases.starting_at(tokens, i + 1) is not None
                        )
                        and word not in given
                        and word not in self._person_nouns  # "my neighbour is moving out": the noun
                        and word not in company_names()  # "is zenfin still open": a company
                    )
                    or (heard := self._heard_here(heard_possible, lowered, i, word, given))
                    or (asked := self._unheard_subject(tokens, i, word, common))
                )
            ):
                if heard is None:
                    heard = self._heard_here(heard_possible, lowered, i, word, given)
                if cue in self._strong:
                    why = "unknown word introduced as a person"
                elif heard:
                    why = "unknown word introduced as a person by a cue the recognizer misheard"
                elif possessive:
                    why = "possessive of an unknown word"
                elif addressed:
                    why = "unknown word addressed or quoted as a person"
                elif asked:
                    why = "word English never uses, asked about or doing something"
                else:
                    why = f"unknown word before '{tokens[i + 1].lower}'"  # "bola birthday", "talsim moved"
                score = self.unknown_score
                if possessive and i + 1 < len(tokens) and tokens[i + 1].lower in w.after_cues:
                    # "zorvek's birthday", "quellan's wedding": what only a person has, no town's
                    score, why = (
                        self.gazetteer_score,
                        "possessive of an unknown word before what a person has",
                    )
                scores[i] = (score, why)
            elif (
                not ambiguous
                and len(word) > 2
                and word not in places
                and word not in self._person_nouns  # "my stepdad esteban": the noun names no one
                and zipf_frequency(word) < self._zipf.unlisted_person_name_max
                and self._family_after(tokens, i, family, common, places)
                # a cue is no given name: "i messaged sales" names whom it was sent to
                and self._cues.ending_at(tokens, i + 1) is None
            ):
                # "vijay kumar": a given name no list has, before a family name one does
                scores[i] = (self.unknown_score, "unknown word before a family name")
            elif thanked and word not in places:
                scores[i] = (self.unknown_score, "the one thanked at the end of a turn")  # "thanks rook"
            elif self._misspelt_here(lowered, bases, i, word, cue, vocab, heard, heard_possible):
                # "doctor niholas", "is emeli yilmaz": a listed name a recognizer wrote a letter off
                scores[i] = (self.unknown_score, "listed name misspelt, after a cue or beside a name")
            if department and i in scores and scores[i][0] < self.cue_score:
                # "from zorvek in payroll": the colleague, no town (as confident as a name after a cue)
                scores[i] = (self.cue_score, "word before a department or desk ('from accounting')")
        self._rare_runs(bases, scores, places)
        turn = _Turn(tokens, lowered, bases, vocab)
        for find in (
            self._name_answer,
            self._introduced,
            self._listed_people,
            self._before_roles,
            self._after_roles,
            self._booked_for,
            self._slots,
            self._given_misheard,
            self._name_syllables,
            self._unknown_pairs,
        ):
            find(turn, scores)
        # "mike jim and bob", "quirion and robinson": a word joined by "and" / "or" to a name (only
        # a word beside a joiner can be one)
        # ("you're next and then loven": "then" may follow the joiner)
        joined = {
            k + 2 if lowered[k + 1] == "then" and k + 2 < len(lowered) else k + 1
            for k, said in enumerate(lowered)
            if said in ("and", "or", ",") and 1 <= k < len(lowered) - 1
        }
        joined.update(k - 1 for k, said in enumerate(lowered) if said in ("and", "or") and k >= 1)
        for i in sorted(joined):
            if i in scores:
                continue
            word = bases[i][0]
            known = word in given or word in family
            if (
                not word.isalpha()
                or word in self._blocked
                or (word in common and not known)
                or len(word) < 3
                or (not known and zipf_frequency(word) >= self._zipf.unlisted_person_name_max)
                or self._roles.starting_at(tokens, i) is not None  # "dana quillet and cfo helena"
            ):
                continue
            if word not in given and (
                _inflected_common(word, common, 0.0)
                or (word in common and zipf_frequency(word) >= self._zipf.everyday_word_min)
            ):
                continue  # "head of sales and quellan", "cucina and bar": an everyday word no given name
            after_name = i >= 2 and (
                (tokens[i - 1].lower in ("and", "or", ",") and i - 2 in scores)
                or (
                    i >= 3
                    and tokens[i - 1].lower == "then"
                    and tokens[i - 2].lower == "and"
                    and i - 3 in scores
                )
            )
            before_name = i + 2 < len(tokens) and tokens[i + 1].lower in ("and", "or") and i + 2 in scores
            if after_name or before_name:
                scores[i] = (self.unknown_score, "name in a list of names")
        # a family name right after a given name joins it even if it is a common word ("john rose")
        for i in sorted(scores):
            j = i + 1
            if _base(tokens[i].lower)[1]:
                continue  # "albert's marriage": a possessive ends the name
            while j < len(tokens) and j - i < self.max_tokens and j not in scores:
                word, possessive = _base(fold_word(tokens[j].lower))
                if (
                    j == i + 1
                    and word in self._fillers
                    and j + 1 < len(tokens)
                    and _base(fold_word(tokens[i].lower))[0] in given
                    and (after_filler := _base(fold_word(tokens[j + 1].lower))[0]) in family
                    and after_filler not in self._blocked
                    and len(after_filler) > 2
                    and not self._verb_like(after_filler)
                ):
                    # "soren uh colon": a filler between a given name and a listed family name (the span
                    # bridges it, `heard_cues.inserted`)
                    scores[j + 1] = (scores[i][0], "family name after a given name and a filler")
                    break
                if self._roles.starting_at(tokens, j) is not None or self._handoff_at(tokens, j):
                    break  # "dana okafor vice president", "dana will walk you": no family name
                if any(
                    tuple(lowered[j : j + n]) in w.answer_values and (n > 1 or word in common)
                    for n in range(1, 4)
                ):
                    break  # "the holder is dovik date of birth ...": the next value's name, no family name
                first_is_given = _base(fold_word(tokens[i].lower))[0] in given
                if (
                    (first_is_given or j + 1 == len(tokens))
                    and len(word) == 1
                    and word.isalpha()
                    and word not in w.not_initials
                ):
                    # an initial: "john f kennedy", "mary j blige"; after any name at the end of a turn
                    # ("i am sandhya k")
                    scores[j] = (scores[i][0], "initial after a given name")
                    j += 1
                    continue
                if (
                    word in self._blocked
                    or not word.isalpha()
                    or len(word) < 2
                    or (
                        word not in family
                        and zipf_frequency(word) >= self._zipf.function_word_min
                        # the family name a person noun's copula phrase ends with ("my mentor is faith
                        # works"; _surname_ends checked it)
                        and not (j == i + 1 and i in surnamed)
                    )
                    or word in w.speech_verbs  # "governor brown said": a family-name list has "said"
                    # "i bumped into destiny earlier": the time the one met was met at, no family name
                    or (word in w.meeting_enders and self._meeting_verbs.ending_at(tokens, i) is not None)
                    # "myself and quellan will be there": a modal before more words, no family name
                    or (word in self._modals and j + 1 < len(tokens))
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
                # (a given name that itself follows a name is no first name: "neal brennan episode";
                # a plural of an everyday word is no family name: "philippine pesos")
                object_position = i > 0
                if (
                    surname_like
                    or (
                        first_is_given
                        and object_position
                        and j == i + 1
                        and i - 1 not in scores
                        and not self._verb_like(word)
                        and not _inflected_common(word, common, 0.0)
                    )
                    or (j == i + 1 and i in surnamed)
                ):
                    score = max(scores[i][0], self.gazetteer_score) if word in family else scores[i][0]
                    scores[j] = (score, "family name after a given name")
                    j += 1
                    if possessive:
                        break
                else:
                    break
        self._initials_between(tokens, scores, vocab)
        # words a recognizer wrote for words it misheard are no names ("ch ange", "do't"); not the word
        # a phrase gives as the name ("my name is androw": no "and row" run together there)
        words = lowered
        for i in [i for i in scores if scores[i][1] != _GIVEN_AS_NAME and self._misheard.misheard(words, i)]:
            del scores[i]
        # nor is a word of a number a recognizer misheard beside the rest of the number ("did heaven
        # fourteen thirty win", "nineteentimes suventeen")
        for i in [
            i for i in scores if scores[i][1] != _GIVEN_AS_NAME and self._misheard.number_word(words, i)
        ]:
            del scores[i]
        self._drop_spelled_codes(aligned, scores)
        # a word taken as the family name or initial of a name word dropped above goes with it ("seco
        # nds countdown": "seconds" cut in two, and the word after it)
        for i in sorted(scores):
            if i - 1 not in scores and _joined_after(scores[i][1]):
                del scores[i]
        # and a run of rare words that the guards above left one word long, a typo of a frequent word,
        # is misspelt text ("eightyon friay": a number run together and a misspelt day; "upwith
        # zorvakova" keeps the name)
        for i in [i for i in scores if scores[i][1] == _RARE_RUN]:
            if (
                scores.get(i - 1, ("", ""))[1] != _RARE_RUN
                and scores.get(i + 1, ("", ""))[1] != _RARE_RUN
                and _near_frequent(_base(fold_word(tokens[i].lower))[0], w.run_typo_zipf)
            ):
                del scores[i]
        # right after "flight" a name word is an airline or its code ("flight u a 96", "flight delta"),
        # and so are the name words joined to it; "flight" may be misheard ("on fright u a 13")
        flight, cues = self._flight_words, self._airline_cues
        for i in [
            i
            for i in sorted(scores)
            if self._after_flight(words, i, scores)
            or self._flight_word_at(words, i - 1, flight, cues)
            # "i'm onflight <airline>": the flight word run together with "on" is no name either
            or words[i] in self._glued_flight_words
        ]:
            j = i
            while j in scores:
                del scores[j]
                j += 1
        self._saint_places(tokens, scores)
        self._propagate(bases, scores, common)
        self._family_recurs(tokens, bases, scores, given)
        return self._bridge_inserted(tokens, self._spans(tokens, scores))

    def _saint_places(self, tokens: Sequence[Token], scores: dict[int, tuple[float, str]]) -> None:
        """A saint's name that a place list has is the place, no person ("we drove to saint charles", "i'm
        going to saint louis", "we went to saint moritz to ski", "i moved to santa rosa"; names.yaml
        ``saint_words``), unless a strong person cue stands before it ("my cousin saint clair")."""
        words = [token.lower for token in tokens]
        if self._w.saint_words.isdisjoint(words):
            return
        from .places import listed_place_length

        for i in [i for i, word in enumerate(words) if word in self._w.saint_words]:
            # (the title itself may be no name word: "retired to saint augustine" scores "augustine" only)
            if i + 1 not in scores:
                continue
            length = listed_place_length(words, i, self.locale)
            if length < 2 or self._cue_before(tokens, i) in self._strong:
                continue
            for k in range(i, i + length):
                scores.pop(k, None)

    @staticmethod
    def _ends_place(before: str, word: str, vocab: _NameVocabulary) -> bool:
        """Whether ``word`` ends a two-word place with the word before it ("sao paulo", "nova lima"),
        that word being no name of its own, or an everyday word ("jesus maria", "afonso claudio" are
        also people: the detector goes on)."""
        return f"{before} {word}" in vocab.places and (
            (before not in vocab.given and before not in vocab.family) or before in vocab.common
        )

    def _ends_place_here(self, before: str, word: str, vocab: _NameVocabulary) -> bool:
        """:meth:`_ends_place`, unless the word before is a title or an office, which a name follows
        ("thank you major isidoro", "prince albert")."""
        return (
            before not in self._w.titles
            and before not in self._office_words
            and (before,) not in self._w.titled_cues
            and self._ends_place(before, word, vocab)
        )

    def _glued_name(self, words: Sequence[str], i: int, word: str, vocab: _NameVocabulary) -> str | None:
        """Why ``word`` is a name run together with a word beside it (None: it is not): the last word
        of a strong cue before a listed name ("picking up forquellan", "we metdovan"), or a listed
        name before a frequent word ("dovanand", "quellanthe"). The name part is in a name list and
        no dictionary word; the whole is no word, name or place of its own."""
        given, family, common, places = vocab
        h = self._w.heard
        if (
            len(word) < h.glued_name_letters + 2
            or word in common
            or word in given
            or word in family
            or word in places
            or zipf_frequency(word) > 0
        ):
            return None
        why = self._glued_parts(words, i, word, vocab)
        if why is not None and _near_frequent(word, self._zipf.common_word_min):
            return None  # "tomorow": a word misspelt (the costlier test, after the parts are found)
        return why

    def _glued_parts(self, words: Sequence[str], i: int, word: str, vocab: _NameVocabulary) -> str | None:
        """:meth:`_glued_name` once the whole is known to be no word of its own: the split of ``word``
        into a cue's last word and a listed name, or a listed name and a frequent word."""
        given, family, common, _places = vocab
        h = self._w.heard

        def listed(part: str) -> bool:
            return (
                len(part) >= h.glued_name_letters and (part in given or part in family) and part not in common
            )

        # a listed part is no longer than the longest listed name: only the splits that leave one that
        # short are tried (the others find nothing, and trying them all is quadratic in a long word)
        longest = max(_longest_word(given), _longest_word(family))
        for k in range(max(1, len(word) - longest), len(word) - h.glued_name_letters + 1):
            head, rest = word[:k], word[k:]
            if listed(rest) and any(
                tuple(words[i - len(cue) + 1 : i]) == cue[:-1] for cue in self._strong_by_last.get(head, ())
            ):
                return "name run together with the cue before it"
        for k in range(h.glued_name_letters, min(len(word) - 2, longest + 1)):
            head, rest = word[:k], word[k:]
            if listed(head) and rest not in given and zipf_frequency(rest) >= h.glued_word_zipf:
                return "name run together with the word after it"
        return None

    def _misspelt_here(
        self,
        words: Sequence[str],
        bases: Sequence[tuple[str, bool]],
        i: int,
        word: str,
        cue: tuple[str, ...] | None,
        vocab: _NameVocabulary,
        heard: bool | None,
        heard_possible: bool | None,
    ) -> bool:
        """``word`` (word ``i``) is a listed name misspelt (:meth:`_misspelt_name`) after a cue, beside a
        listed name or after a strong cue the recognizer garbled (``heard``: None until looked for,
        and looked for only where ``heard_possible``). The cheap tests go first: the misspelling is
        looked for only where one of them could make it a name."""
        if not self._unlisted_rare(word, vocab):
            return False
        if cue is not None or self._beside_listed(bases, i, vocab):
            return self._misspelt_name(word, vocab)
        if heard is None:
            return (
                heard_possible is not False
                and self._misspelt_name(word, vocab)
                and self._heard_here(heard_possible, words, i, word, vocab.given)
            )
        return heard and self._misspelt_name(word, vocab)

    def _beside_listed(self, bases: Sequence[tuple[str, bool]], i: int, vocab: _NameVocabulary) -> bool:
        """A listed name that is no dictionary word stands right before or after word ``i`` (``bases``:
        the words folded, without a possessive)."""
        given, family, common, _places = vocab
        for j in (i - 1, i + 1):
            if 0 <= j < len(bases):
                other = bases[j][0]
                if (other in given or other in family) and other not in common and other not in self._blocked:
                    return True
        return False

    def _unlisted_rare(self, word: str, vocab: _NameVocabulary) -> bool:
        """The cheap tests of :meth:`_misspelt_name`: long enough, in no list, rare in English."""
        given, family, common, places = vocab
        return not (
            len(word) < self._w.answer_name_typo_min_letters
            or word in common
            or word in given
            or word in family
            or word in places
            or word in self._blocked
            or zipf_frequency(word) >= self._zipf.rare_run_max
        )

    def _misspelt_name(self, word: str, vocab: _NameVocabulary) -> bool:
        """``word`` is a listed name with one letter wrong, lost, added or two swapped ("niholas",
        "rodigo"), long enough to tell (names.yaml ``name_answers.name_typo_min_letters``), no word
        English uses and no typo of a dictionary word."""
        given, family, common, _places = vocab
        if not self._unlisted_rare(word, vocab) or _word_form(word):
            return False
        if any(
            near in common or (near not in given and near not in family)
            for near in _typo_neighbours(word, self._zipf.common_word_min)
        ):
            return False
        return _near_name(word, given, family, common)

    def _given_misheard(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """The word between a strong cue and a family name found after it is the given name, though
        the recognizer wrote it as an everyday word ("picking up for judo okafor": "juan"): any word
        but a stop word, a determiner, a verb form or one as frequent as a function word."""
        tokens, words, vocab = turn.tokens, turn.words, turn.vocab
        given, family, _common, _places = vocab
        for i in sorted(scores):
            j = i - 1
            if j < 1 or j in scores:
                continue
            name = _base(fold_word(words[i]))[0]
            word, possessive = _base(fold_word(words[j]))
            if (
                possessive
                or (name in given and name not in family)
                or not word.isalpha()
                or len(word) < 3
                or word in self._blocked
                or word in self._w.determiners
                or word in self._compound_free
                or self._verb_like(word)
                or zipf_frequency(word) >= self._zipf.function_word_min
                # a cue itself ("thanks senator okafor", "congratulations governor okafor"): no given name
                or self._cue_before(tokens, i) is not None
            ):
                continue
            cue = self._cue_before(tokens, j)
            if cue in self._strong or (cue is None and self._heard.heard_before(words, j)):
                scores[j] = (scores[i][0], "given name misheard as a word, between a cue and a family name")

    def _english_form(self, word: str, given: frozenset[str]) -> bool:
        """An inflected or derived form of an English word (:func:`_word_form`) that no given name is
        the stem of ("starving", "margins"; not "sams"): no cue before it makes it a name."""
        return _word_form(word) and not any(stem in given for stem in inflection_stems(word))

    def _heard_here(
        self, possible: bool | None, words: Sequence[str], i: int, word: str, given: frozenset[str]
    ) -> bool:
        """A strong cue the recognizer garbled ends right before ``words[i]`` (names.yaml
        ``heard_cues``), where one could introduce the word (``possible``; None: unless ``word`` is a
        form of an English word, :meth:`_english_form`, looked up only now)."""
        if possible is None:
            possible = not self._english_form(word, given)
        return possible and self._heard.heard_before(words, i)

    def _bridge_inserted(self, tokens: Sequence[Token], entities: list[Entity]) -> list[Entity]:
        """Two names with one short word a recognizer wrote between them are one ("dovan the
        quellet"): the name goes on over the word (names.yaml ``heard_cues.inserted``)."""
        inserted = self._w.heard.inserted
        starts = [token.start for token in tokens]
        out: list[Entity] = []
        for entity in entities:
            if out:
                previous = out[-1]
                k = bisect_left(starts, previous.end)
                if (
                    k + 1 < len(tokens)
                    and tokens[k].lower in inserted
                    and tokens[k + 1].start == entity.start
                ):
                    out[-1] = Entity(
                        previous.start,
                        entity.end,
                        "PERSON",
                        max(previous.score, entity.score),
                        self.name,
                        f"{previous.explanation}; a short word heard inside the name",
                    )
                    continue
            out.append(entity)
        return out

    def _after_flight(self, words: Sequence[str], i: int, scores: dict[int, tuple[float, str]]) -> bool:
        """Name word ``i`` comes right after a flight word, or after a word a recognizer made of one
        ("on fight u a 13", "fright", "fli ght": one letter off a flight word of five letters or more,
        or two words that run together spell one) with a number right after the name words or one word
        further."""
        if i == 0 or i - 1 in scores:
            return False
        before = words[i - 1]
        if before in self._flight_words:
            return True
        heard = (i >= 2 and words[i - 2] + before in self._flight_words) or (
            len(before) >= 5
            and before.isalpha()
            and any(_one_edit(before, word) for word in self._flight_words)
        )
        end = i
        while end in scores:
            end += 1
        return heard and any(self._misheard.number_at(words, k) for k in (end, end + 1))

    def _drop_spelled_codes(self, aligned: AlignedText, scores: dict[int, tuple[float, str]]) -> None:
        """A name spelled letter by letter, right before a noun a brand's letters name
        (:meth:`MisheardGuard.code_noun`: "the a t a card is fine", "my b a a count", "i r scard"), is
        an acronym with a letter misheard: the adjacent name words go, unless a phrase gives them as
        the name."""
        if not scores:
            return
        tokens = aligned.tokens
        for start in sorted(scores):
            if start not in scores or start - 1 in scores:
                continue
            end = start
            while end in scores:
                end += 1
            run = range(start, end)
            if any(scores[k][1] == _GIVEN_AS_NAME for k in run):
                continue
            if any(
                k + 1 < len(tokens)
                and self._misheard.code_noun(tokens[k + 1].lower)
                and aligned.annotations_in(*aligned.to_original(tokens[k].start, tokens[k].end), "spelled")
                for k in run
            ):
                for k in run:
                    del scores[k]

    def _named(
        self,
        tokens: Sequence[Token],
        i: int,
        word: str,
        given: frozenset[str],
        family: frozenset[str],
        places: frozenset[str],
    ) -> bool:
        """Token ``i`` follows a phrase that says it is a name ("the name is fang", "the name on the
        account should be edit", names.yaml ``person_cues.naming``): any word then, though a dictionary
        word or an inflected form, but no number word, no place no name list has, and nothing as
        frequent as "will" or "per" (a function word more likely than the name)."""
        return (
            self._naming.ending_at(tokens, i) is not None
            and word not in self._number_words
            and (word not in places or word in given or word in family)
            and zipf_frequency(word) < self._zipf.weak_cue_name_max
        )

    def _name_syllables(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """A given name of two syllables a recognizer wrote as two words ("seo yeon", "ha eun", "hyun
        woo"): one word no list or dictionary has, rarer than an unknown name may be, whose nearest
        listed words by vector are names (its name share at least ``syllable_min_share``: "yeon",
        "eun"), and a short word beside it (at most ``syllable_max_letters`` letters, no stop word or
        function word), right after a strong cue ("text seo yeon", "my daughter ha eun", "i spoke to
        hyun woo"): both are the name."""
        tokens, bases, vocab = turn.tokens, turn.bases, turn.vocab
        model = self.vectors
        if model is None:
            return
        w = self._w
        given, family, common, places = vocab

        def syllable(k: int) -> bool:
            word = bases[k][0]
            return (
                word.isalpha()
                and len(word) <= w.syllable_max_letters
                and word not in common
                and word not in given
                and word not in family
                and word not in places
                and word not in self._blocked
                and zipf_frequency(word) < self._zipf.unlisted_person_name_max
            )

        def name_like(k: int) -> bool:
            # (the costliest test: the vectors are loaded when a word first gets this far)
            share = name_likeness(model).name_share(bases[k][0], w.companion_neighbours)
            return share is not None and share >= w.syllable_min_share

        def short(k: int) -> bool:
            word, possessive = bases[k]
            return (
                0 <= k < len(bases)
                and not possessive
                and word.isalpha()
                and 2 <= len(word) <= w.syllable_max_letters
                and word not in self._blocked
                and word not in self._person_nouns
                and zipf_frequency(word) < self._zipf.function_word_min
                and not self._misheard.number_at(words_of(tokens), k)
            )

        for i in range(len(bases)):
            if bases[i][1] or not syllable(i):
                continue
            # the word's vectors are read only where a pair could be the name: a short word beside it,
            # right after a strong cue ("text seo yeon", "my daughter ha eun", "i spoke to hyun woo")
            pairs = [
                (first, second)
                for first, second in ((i - 1, i), (i, i + 1))
                # (a word found already is no syllable of a name this one ends: "ring gog magog hills")
                if 0 <= (other := first if second == i else second) < len(bases)
                and other not in scores
                and short(other)
                and self._cue_before(tokens, first) in self._strong
            ]
            if pairs and name_like(i):
                first, second = pairs[0]
                why = "two syllables of a given name written as two words"
                scores.setdefault(first, (self.unknown_score, why))
                scores.setdefault(second, (self.unknown_score, why))

    def _month_named(
        self, tokens: Sequence[Token], words: Sequence[str], i: int, word: str, given: frozenset[str]
    ) -> bool:
        """A month that is also a given name, right after a month cue (names.yaml ``person_cues.month_cues``:
        "tell june the rent is due", "hi april") and before no number or ordinal ("call june fifth" is a
        date): a person, though a month is never a name elsewhere."""
        return (
            word in self._months
            and word in given
            and self._month_cues.ending_at(tokens, i) is not None
            and not (
                i + 1 < len(words)
                and (self._misheard.number_at(words, i + 1) or words[i + 1] in self._ordinals)
            )
        )

    def _asked_at_turn_start(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` opens the turn (after ``openers``) and a question turned to its bearer follows
        (``vocative_questions``: "guy do you want to take that one", "will can you hear me"): a word of the
        name lists however frequent, since no verb or noun stands there before "can you" or "do you"."""
        w = self._w
        return (
            all(tokens[k].lower in w.openers for k in range(i))
            and i + 1 < len(tokens)
            and tokens[i + 1].lower != tokens[i].lower  # "can can you listen": a stutter
            and self._vocative_questions.starting_at(tokens, i + 1) is not None
        )

    def _named_person(self, tokens: Sequence[Token], i: int) -> bool:
        """ "named" right before token ``i`` follows a noun that names a person or one of
        ``named_after`` ("a guy named X", "someone named X"; not "a restaurant named X")."""
        if i < 2:
            return False
        before = _base(tokens[i - 2].lower)[0]
        return before in self._person_nouns or before in self._w.named_after

    def _after_person_noun(self, tokens: Sequence[Token], i: int, *, ends_needed: bool) -> bool:
        """Token ``i`` follows a noun that names a person: right after one and a possessive ("my
        neighbour X", "her coworker X", "the patient's nurse X"), or after one, at most
        ``noun_copula_gap`` words and a copula ("the other driver was X", "your therapist today will be
        X", "the tenant upstairs is called X"; names.yaml ``person_cues.noun_*``). After a copula a word
        that is also a dictionary word (``ends_needed``) must end there: the end of the turn, one of
        ``noun_copula_enders``, a family name or a number follows ("the owner is frank and ..."; not "the
        driver was rusty on the rules")."""
        w = self._w
        if i < 2:
            return False
        noun = _base(tokens[i - 1].lower)[0]
        if noun in self._person_nouns:
            # up to two modifiers between the possessive and the noun ("our new intern X", "my old college
            # roommate X"); with one, a determiner opens the phrase too ("the new guy X")
            k = i - 2
            while k > 0 and i - 2 - k < 2 and tokens[k].lower in w.noun_modifiers:
                k -= 1
            before = tokens[k].lower
            if (
                before in w.noun_possessives
                or _base(before)[1]
                # (one person: "the new guy X"; not "one of the key growth levers X")
                or (k < i - 2 and before in w.determiners and not self._plural_noun(noun))
            ):
                return True
        copula = self._noun_copulas.length_ending_at(tokens, i)
        if not copula:
            return False
        if ends_needed and not (
            i + 1 == len(tokens)
            or tokens[i + 1].lower in w.noun_copula_enders
            or self._family_after(tokens, i, family_names(), common_words(), place_names())
            or self._misheard.number_at(words_of(tokens), i + 1)
        ):
            return False
        last = i - copula - 1
        for k in range(last, max(last - w.noun_copula_gap, 0) - 1, -1):
            word = tokens[k].lower
            if word in self._blocked and word not in self._person_nouns:
                continue
            if _base(word)[0] in self._person_nouns:
                # a determiner or possessive opens the noun's phrase ("the other driver", "my son")
                return any(
                    tokens[j].lower in w.determiners or _base(tokens[j].lower)[1]
                    for j in range(max(k - 3, 0), k)
                )
        return False

    def _unknown_pairs(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """Two words no list or dictionary has, joined by "and"/"or", are two people where people stand:
        right after a person cue but "from", "to" or "by" ("i'm going with zorvek and quellan", "invite
        dovik or zorbek"; not "updates from skyfeed or windcast") or
        opening the turn before a verb ("zorvek and quellan are coming", "dovik and zorbek said"). Each is
        rarer than `companion_unlisted_max_zipf`, no place, company or typo of a frequent word, and its
        word vector, if any, sits among names (`companion_min_name_share`: not "kimchi and bulgogi")."""
        tokens, bases, vocab = turn.tokens, turn.bases, turn.vocab
        w = self._w
        n = len(tokens)
        lowered = [token.lower for token in tokens]
        if "and" not in lowered and "or" not in lowered:
            return  # (most texts: one look-up in C)
        for k in range(1, n - 1):
            if lowered[k] not in ("and", "or") or k - 1 in scores or k + 1 in scores:
                continue
            i, j = k - 1, k + 1
            if not (self._pair_word(bases[i][0], vocab) and self._pair_word(bases[j][0], vocab)):
                continue
            cue = self._cues.ending_at(tokens, i)
            if cue in w.preposition_cues and cue != ("with",):
                continue  # "updates from skyfeed or windcast": sources, products or authors
            if cue is None:
                if not all(tokens[m].lower in w.openers for m in range(i)):
                    continue
                after = tokens[j + 1].lower if j + 1 < n else ""
                if not (
                    after in w.companion_verbs
                    or after in w.speech_verbs
                    or after in w.after_cues
                    or self._verb_like(after)
                ):
                    continue
            if self.vectors is not None:
                vectors = name_likeness(self.vectors)
                shares = [vectors.name_share(bases[m][0], w.companion_neighbours) for m in (i, j)]
                if any(share is not None and share < w.companion_min_name_share for share in shares):
                    continue
            scores[i] = scores[j] = (self.unknown_score, "two unknown words joined as people")

    def _pair_word(self, word: str, vocab: _NameVocabulary) -> bool:
        """One of :meth:`_unknown_pairs`' words: unknown to every list, rare, no typo of a frequent word."""
        return (
            len(word) >= 3
            and word.isalpha()
            and word not in self._blocked
            and word not in vocab.given
            and word not in vocab.family
            and word not in vocab.common
            and word not in vocab.places
            and zipf_frequency(word) < self._w.companion_unlisted_max_zipf
            and not is_everyday_word(word)
            and word not in company_names()
            and not _near_frequent(word, self._w.answer_typo_zipf)
        )

    def _plural_noun(self, noun: str) -> bool:
        """A plural of a noun that names a person ("drivers", "interns")."""
        return noun.endswith("s") and noun[:-1] in self._person_nouns

    def _relation_before(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` follows a possessive and a noun that names a person and comes before a verb of
        ``companion_verbs``, a verb of speech, "is"/"was" or the end of the turn ("my friend hope is
        moving", "her sister grace said")."""
        w = self._w
        noun = _base(tokens[i - 1].lower)[0]
        if i < 2 or (noun not in self._person_nouns and (noun,) not in w.strong_cues):
            return False
        before = tokens[i - 2].lower
        if before not in w.noun_possessives and not _base(before)[1]:
            return False
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        return after in ("", "is", "was") or after in w.companion_verbs or after in w.speech_verbs

    def _adjective_after(self, tokens: Sequence[Token], i: int, cue: tuple[str, ...]) -> bool:
        """What follows token ``i`` follows an adjective after the copula ``cue``: one of
        ``copula_adjective_followers`` or a verb form ("it's sunny today", "it's fair to ask", "it's worth
        trying"; not "hi it's sunny from the clinic"). A name English uses first as an adjective or a
        word of weather (``copula_adjectives``: "it's sunny here", "i'm frank with you") is one anywhere
        but in a frame that names a caller: a greeting before the copula ("hello this is crystal"), a
        word of ``copula_name_followers`` after it, a department ("this is crystal with billing"), or
        the end of the turn ("it's uh dawn", the filler dropped by the normalizers; "it's uh sunny here" is
        weather)."""
        w = self._w
        after = tokens[i + 1].lower if i + 1 < len(tokens) else ""
        if after in ("", ".", "?", "!"):
            return False  # the word ends the turn: a caller answering ("it's uh dawn"); weather goes on
        if after == "," and i + 2 < len(tokens):
            after = tokens[i + 2].lower  # "this is frank, returning your call"
        if after in w.copula_name_followers:
            return False  # a caller names themselves: "this is june calling" (review40 H8)
        if tokens[i].lower in w.copula_adjectives:
            start = i - len(cue)
            greeted = start > 0 and tokens[start - 1].lower in w.copula_greetings
            return (
                not greeted
                and not self._from_department(tokens, i)
                and not self._caller_here(tokens, i, start)
            )
        if not after:
            return False
        return after in w.copula_adjective_followers or self._verb_like(after)

    def _caller_here(self, tokens: Sequence[Token], i: int, start: int) -> bool:
        """ "it's frank here" opening the turn (after ``openers`` or greetings): a caller naming
        themselves, unless token ``i`` is a word of weather, light or season (``copula_weather_words``:
        "it's sunny here", "it's dawn here already")."""
        w = self._w
        return (
            i + 1 < len(tokens)
            and tokens[i + 1].lower == "here"
            and tokens[i].lower not in w.copula_weather_words
            and all(
                tokens[k].lower in w.openers or tokens[k].lower in w.copula_greetings for k in range(start)
            )
        )

    def _from_department(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` is a colleague named by a department or desk ("zorvek from accounting", "ask quellan
        over in legal", names.yaml ``person_cues.departments``): one of ``department_links`` and a
        department follow, and the word opens the turn (after ``openers``) or follows a person cue (not
        "the report from accounting", "we got a refund from billing")."""
        if i + 2 >= len(tokens) or tokens[i + 1].lower not in self._department_link_starts:
            return False
        w = self._w
        # the name opens the turn or follows a person cue ("ask mark from billing"; not "a refund from it")
        if not (
            all(tokens[k].lower in w.openers for k in range(i)) or self._cues.ending_at(tokens, i) is not None
        ):
            return False
        link = self._department_links.starting_at(tokens, i + 1)
        if link is None:
            return False
        return self._departments.starting_at(tokens, i + 1 + link[0]) is not None

    def _companion(self, tokens: Sequence[Token], i: int, word: str, cue: tuple[str, ...]) -> bool:
        """Whether a word no name list has, after "me and"/"me or" (``person_cues.companions``), is the
        speaker's companion rather than a thing: offered as a contact with the speaker ("contact me or
        okafo") or doing something with the speaker ("me and xiaolan went"), or else rarer than an everyday
        word; and in each case with no thing's word vector, neither by its direction nor by its nearest
        listed words ("me and oksana"; not "it's me and kombucha tonight", "me and sushi go way back", "it's
        me and kimchi tonight")."""
        w = self._w
        start = i - len(cue)
        contact_or_verb = (start > 0 and self._companion_contacts.ending_at(tokens, start) is not None) or (
            i + 1 < len(tokens)
            and (tokens[i + 1].lower in w.companion_verbs or self._verb_like(tokens[i + 1].lower))
        )
        # (the caller has checked `unlisted_person_name_max` already)
        if not contact_or_verb and zipf_frequency(word) >= w.companion_unlisted_max_zipf:
            return False
        if self.vectors is None:
            return True
        vectors = name_likeness(self.vectors)
        likeness = vectors(word)
        if likeness is not None and likeness < w.companion_min_likeness:
            return False
        # a word whose nearest listed words are dictionary words is a thing of their kind ("me and kimchi",
        # "me and chardonnay": dishes and wines), however name-like its vector's direction
        share = vectors.name_share(word, w.companion_neighbours)
        return share is None or share >= w.companion_min_name_share

    def _verb_like(self, word: str) -> bool:
        """An -ing, -ed or -ly form with a stem of ``verb_stem_min`` letters or more ("dining",
        "quickly"; not "ding" or "reed", which are too short to be inflected)."""
        return any(
            word.endswith(ending) and len(word) - len(ending) >= self._w.verb_stem_min
            for ending in self._w.verb_endings
        )

    def _initials_between(
        self,
        tokens: Sequence[Token],
        scores: dict[int, tuple[float, str]],
        vocab: _NameVocabulary,
    ) -> None:
        """A single letter between a name word and a family name is a middle initial, whatever the
        first name ("zorpheshu a situmorang", "bexnax r bohman"): the letter and the word after it join
        the name. The word after must be a name found already, a family name no dictionary lists, or a
        word too rare to be an everyday one; "i" is never an initial."""
        _given, family, common, places = vocab
        for i in sorted(scores):
            j, k = i + 1, i + 2
            if k >= len(tokens) or j in scores or _base(tokens[i].lower)[1]:
                continue
            letter = tokens[j].lower
            if len(letter) != 1 or not letter.isalpha() or letter == "i":
                continue
            word, _ = _base(fold_word(tokens[k].lower))
            surname = k in scores or (
                word.isalpha()
                and len(word) > 2
                and word not in self._blocked
                and word not in common
                and word not in places
                # a family name the list has, though it reads like a word form ("nunes", "hughes"), or
                # one no list has that is no form of an English word
                and (
                    word in family
                    or (zipf_frequency(word) < self._zipf.unlisted_person_name_max and not _word_form(word))
                )
            )
            if surname:
                scores[j] = (scores[i][0], "middle initial between name words")
                scores.setdefault(k, (scores[i][0], "family name after a middle initial"))
        # and a first name no list has before an initial and a family name found ("lonax f jarso")
        for k in sorted(scores):
            i, j = k - 2, k - 1
            if i < 0 or j in scores or i in scores:
                continue
            letter = tokens[j].lower
            if len(letter) != 1 or not letter.isalpha() or letter == "i":
                continue
            word, possessive = _base(fold_word(tokens[i].lower))
            if not possessive and self._name_word(word, vocab, first=True) and word not in common:
                scores[i] = (scores[k][0], "first name before a middle initial")
                scores[j] = (scores[k][0], "middle initial between name words")

    def _rare_runs(
        self, bases: Sequence[tuple[str, bool]], scores: dict[int, tuple[float, str]], places: frozenset[str]
    ) -> None:
        """Two or more adjacent words that English text almost never uses are a name, most often a
        foreign one no gazetteer lists ("than iliza schleshinger"): ASR writes only words it knows,
        and the rare ones it knows are mostly names. A run whose every word is a typo of a frequent
        word is misspelt text ("the burmudda triangel"; names.yaml ``rare_runs``)."""
        blocked, rare_max = self._blocked, self._zipf.rare_run_max
        rare = [
            i
            for i, (word, _) in enumerate(bases)
            if len(word) > 2
            and word.isalpha()
            and word not in blocked
            and word not in places
            and i not in scores
            and zipf_frequency(word) < rare_max
        ]
        runs: list[list[int]] = []
        for i in rare:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        for run in runs:
            if len(run) >= 2 and not all(_near_frequent(bases[k][0], self._w.run_typo_zipf) for k in run):
                for index in run:
                    scores[index] = (self.unknown_score, _RARE_RUN)

    def _name_word(
        self,
        word: str,
        vocab: _NameVocabulary,
        *,
        first: bool,
        alone: bool = False,
    ) -> bool:
        """Whether ``word`` can be part of a name that a position alone marks (an introduced caller, the
        words before a job title): a known name, or a word too rare to be an everyday one. A common
        word counts only as the given name (``first``) when a name list has it, or after one."""
        given, family, common, places = vocab
        if not word.replace("'", "").isalpha() or word in self._blocked:
            return False  # letters, an apostrophe allowed ("o'rourke")
        if word in places and not ((first and word in given and not alone) or (not first and word in family)):
            return False  # a place, unless a name list has it in its place ("dara", "pierce norton")
        if word in given:
            return zipf_frequency(word) < self._zipf.weak_cue_name_max
        if len(word) < 3:
            return False
        if word in family:
            return not first or word not in common
        return (
            word not in common
            and not _word_form(word)
            and zipf_frequency(word) < self._zipf.unlisted_person_name_max
        )

    def _introduced(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "our next question comes from dana okafor with northwind": the one to ``max_tokens`` words
        between an introduction and an affiliation word (or the end) are the caller's name."""
        tokens, vocab = turn.tokens, turn.vocab
        w = self._w
        said, tails = words_of(tokens), self._introduction_tails
        for start in [
            k + 1
            for k in range(len(said) - 1)
            if (said[k],) in tails
            or (k > 0 and ((said[k - 1], said[k]) in tails or not said[k - 1].isascii()))
        ]:
            if self._introductions.ending_at(tokens, start) is None:
                continue
            stop = start
            while (
                stop < len(tokens)
                and stop - start < self.max_tokens
                and tokens[stop].lower not in w.affiliations
            ):
                stop += 1
            if (
                stop == start
                or (stop < len(tokens) and tokens[stop].lower not in w.affiliations)
                or any(
                    self._introductions.ending_at(tokens, k) is not None
                    for k in range(start + 1, min(stop + 2, len(tokens) + 1))
                )
            ):
                continue  # "comes from the line of dana": the later introduction is the one
            words = [_base(fold_word(tokens[k].lower))[0] for k in range(start, stop)]
            closed = stop < len(tokens)  # an affiliation word ends the name
            if all(
                self._name_word(word, vocab, first=k == 0, alone=len(words) == 1)
                or (
                    # "comes from gloria tables of northwind": after the first name word, the word up to
                    # the affiliation is the family name even when it is an everyday word
                    closed and k > 0 and self._family_position(word)
                )
                for k, word in enumerate(words)
            ):
                for k in range(start, stop):
                    scores.setdefault(k, (self.cue_score, "caller's name after an introduction"))

    def _list_starts(self, tokens: Sequence[Token]) -> list[tuple[int, bool]]:
        """Where lists of people open, and whether by a list opener ("our panel", "joined by": True) or by a
        noun for who takes part, a few words and a copula ("our speakers today will be": False)."""
        starts: list[tuple[int, bool]] = []
        gap = self._w.list_noun_gap
        for end in range(1, len(tokens)):
            if self._list_openers.ending_at(tokens, end) is not None:
                starts.append((end, True))
                continue
            copula = self._list_copulas.length_ending_at(tokens, end)
            if not copula:
                continue
            for noun_end in range(end - copula, max(end - copula - gap, 0) - 1, -1):
                if self._list_nouns.ending_at(tokens, noun_end) is not None:
                    starts.append((end, False))
                    break
        return starts

    def _listed_people(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "our speakers today will be quellan, dovik and zo", "joining me today are zorbek our head of
        strategy and bo our controller": the items of a list of people (names.yaml ``person_cues.list_*``)."""
        tokens, vocab = turn.tokens, turn.vocab
        w = self._w
        n = len(tokens)
        for start, opened in self._list_starts(tokens):
            item: int | None = start
            while item is not None:
                # past the words that may open an item ("first", "starting with", "is")
                while item < n:
                    skip = self._list_skip.starting_at(tokens, item)
                    if skip is None:
                        break
                    item += skip[0]
                if item >= n:
                    break
                if item not in scores and self._list_item(tokens, item, vocab, opened=opened):
                    scores[item] = (self.cue_score, "name in a list of people")
                # the next item: after a joiner within `list_gap` words
                following: int | None = None
                for k in range(item + 1, min(item + 1 + w.list_gap, n)):
                    joiner = self._list_joiners.starting_at(tokens, k)
                    if joiner is not None:
                        following = k + joiner[0]
                        break
                item = following

    def _list_item(self, tokens: Sequence[Token], i: int, vocab: _NameVocabulary, *, opened: bool) -> bool:
        """Whether the word at an item of a list of people is a person (see ``_listed_people``); after a
        list opener (``opened``) a word no list has may be as frequent as any unknown name where the item
        ends ("on our panel ... and yoko"), and a town no one says as a word is one ("alongside gao")."""
        word = _base(fold_word(tokens[i].lower))[0]
        given, family, common, places = vocab
        if i > 0 and tokens[i - 1].lower in self._w.determiners:
            return False
        if word in self._w.unnamed_address or (word in company_names() and word not in given):
            return False  # "thanks for having me onboard", "alongside amazon"
        listed = word in given or word in family
        if self._roles.starting_at(tokens, i) is not None or (not listed and word in self._acronyms):
            return False  # "our ceo and cfo": a job title, a public acronym (review36 L10)
        ends = (
            i + 1 == len(tokens)
            or tokens[i + 1].lower in self._w.list_item_enders
            or self._list_joiners.starting_at(tokens, i + 1) is not None
            or self._family_after(tokens, i, family, common, places)
            # a family name that is also a word, an initial or a family name no list has ("heather p burton",
            # "florina marsh", "asuncion dorsimnax")
            or (
                (after := _base(fold_word(tokens[i + 1].lower))[0]).isalpha()
                and after not in self._blocked
                and (
                    after in family
                    or (len(after) == 1 and after not in self._w.not_initials)
                    or (
                        len(after) > 2
                        and after not in common
                        and zipf_frequency(after) < self._w.list_unlisted_max_zipf
                    )
                )
            )
        )
        unlisted_short = (
            not listed
            and ends
            and word.isalpha()
            and len(word) <= self._w.list_short_unlisted_letters
            and word not in common
            and word not in self._blocked
            and zipf_frequency(word) < self._zipf.unlisted_person_name_max
        )
        if unlisted_short:
            return True  # "today's host will be ren", "alongside gao": short names the lists miss
        if word in places:
            # a listed name that is also a town where the item ends ("vera from ...", "fatih our head of
            # ..."); after a list opener a town no one says as a word ("alongside gao")
            if listed:
                return ends and zipf_frequency(word) < self._zipf.weak_cue_name_max
            return (
                opened and word not in common and zipf_frequency(word) < self._zipf.unlisted_person_name_max
            )
        if not self._name_word(word, vocab, first=True, alone=True):
            return False
        if word not in given and _inflected_common(word, common, 0.0):
            return False  # "joined by sales and marketing": a plural of a word, though a family name
        if not listed and zipf_frequency(word) >= self._w.list_unlisted_max_zipf and not (opened and ends):
            return False  # "the moderator is offline", "up next is kombucha tasting"
        if word not in common and not (word in places and word not in given):
            return True
        # a given name that is also a word ("bo", "vera", "guy") where the item ends
        return word in given and ends

    def _before_roles(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "dana okafor chief financial officer", "dana okafor our c f o": the one or two name words right
        before a job title are a person (the first a given name or a rare word)."""
        tokens, vocab = turn.tokens, turn.vocab
        given = vocab.given
        starts = self._role_starts
        for k in [k for k, word in enumerate(words_of(tokens)) if k > 0 and word in starts]:
            if self._roles.starting_at(tokens, k) is None:
                continue
            end = k - 1 if tokens[k - 1].lower in ("our", "the", "and", ",") and k >= 2 else k
            first = end
            while first > 0 and end - first < 2:
                word = _base(fold_word(tokens[first - 1].lower))[0]
                if not self._name_word(word, vocab, first=False):
                    break
                first -= 1
            if (
                first == end
                and end >= 2
                and self._family_position(_base(fold_word(tokens[end - 1].lower))[0])
                and self._given_position(_base(fold_word(tokens[end - 2].lower))[0], given)
            ):
                first = end - 2  # "nadia lantern chief operating officer": a surname that is also a word
            if first == end:
                continue
            if end - first == 2:
                # two words: the first must read as a given name (or a rare word) by itself
                word = _base(fold_word(tokens[first].lower))[0]
                if not self._name_word(word, vocab, first=True):
                    first += 1
            if end - first == 1 and not (
                first in scores or _base(fold_word(tokens[first].lower))[0] in given
            ):
                continue
            for index in range(first, end):
                scores.setdefault(index, (self.cue_score, "name before a job title"))

    def _after_roles(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "our c f o helena lantern", "chief digital officer dorvan mesquel": the name right after a job
        title. Its first word is a given name or a rare word; after a given name the next word is the
        family name even when it is an everyday word ("c e o harold pacing"), unless it reads as a verb."""
        tokens, vocab = turn.tokens, turn.vocab
        given = vocab.given
        w = self._w
        ends = self._role_ends
        for k in [k + 1 for k, word in enumerate(words_of(tokens)[:-1]) if word in ends]:
            if k in scores or self._roles.ending_at(tokens, k) is None:
                continue
            first = _base(fold_word(tokens[k].lower))[0]
            last = k
            if k + 1 < len(tokens) and not _base(tokens[k].lower)[1]:
                second = _base(fold_word(tokens[k + 1].lower))[0]
                if self._roles.starting_at(tokens, k + 1) is None and (
                    self._name_word(second, vocab, first=False)
                    or (
                        self._given_position(first, given)
                        and self._family_position(second)
                        and second not in w.speech_verbs
                        and second not in w.after_cues
                    )
                ):
                    last = k + 1
            # a place word is a given name only before a family name ("cfo helena lantern", not
            # "president europe")
            if not self._name_word(first, vocab, first=True, alone=last == k):
                continue
            for index in range(k, last + 1):
                scores.setdefault(index, (self.cue_score, "name after a job title"))

    def _booked_for(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "a booking tomorrow for dovan quellet at nine": in a turn about a booking, the one to
        ``max_tokens`` name words after "for" or "under", up to "at" or "name" (or the end, after
        "under"), are who it is for (names.yaml ``booking_names``); "a table for dinner at eight"
        holds no name word, "book a restaurant for tortelloni" is a dish."""
        tokens, vocab = turn.tokens, turn.vocab
        w = self._w
        if w.booking_words.isdisjoint(words_of(tokens)):
            return
        for start in range(1, len(tokens)):
            if tokens[start - 1].lower not in w.booking_before:
                continue
            stop = start
            while (
                stop < len(tokens)
                and stop - start < self.max_tokens
                and tokens[stop].lower not in w.booking_after
                and self._name_word(
                    _base(fold_word(tokens[stop].lower))[0],
                    vocab,
                    first=stop == start,
                )
            ):
                stop += 1
            if stop == start or (
                tokens[stop].lower not in w.booking_after
                if stop < len(tokens)
                else tokens[start - 1].lower not in w.booking_last
            ):
                continue
            for k in range(start, stop):
                scores.setdefault(k, (self.cue_score, "who a booking is for"))

    def _given_position(self, word: str, given: frozenset[str]) -> bool:
        """A given name that can open a full name: listed, and not as frequent as "will" or "may"."""
        return (
            word in given
            and word not in self._blocked
            and zipf_frequency(word) < self._zipf.weak_cue_name_max
        )

    def _surname_ends(self, tokens: Sequence[Token], i: int) -> bool:
        """The word after token ``i`` can stand in a family name's place (:meth:`_family_position`, no
        -ing/-ly form, no verb of speech) and the phrase ends after it: the end of the turn or one of
        names.yaml ``person_cues.noun_copula_enders`` ("the lawyer is amy walks", "my neighbour is tom
        sells and he's nice"; not "the doctor was frank with me", "my boss is april fools crazy")."""
        j = i + 1
        enders = self._w.noun_copula_enders
        if j >= len(tokens) or (j + 1 < len(tokens) and tokens[j + 1].lower not in enders):
            return False
        word = _base(fold_word(tokens[j].lower))[0]
        # the turn's last word may be as frequent as a cue lets a name be ("my mentor is faith works")
        ends_turn = j + 1 == len(tokens)
        return (
            self._family_position(word, self._zipf.weak_cue_name_max if ends_turn else None)
            and not self._verb_like(word)
            and word not in self._w.speech_verbs
        )

    def _family_position(self, word: str, max_zipf: float | None = None) -> bool:
        """A word that can be a family name right after a given name even when it is an everyday word
        ("lantern", "pacing"): letters, no function word (rarer than ``max_zipf``, by default
        ``function_word_min``) or verb form, no name-stop word, no reflexive pronoun."""
        return (
            word.isalpha()
            and len(word) > 2
            and word not in self._blocked
            and not word.endswith("ed")
            and not word.endswith("self")
            and zipf_frequency(word) < (self._zipf.function_word_min if max_zipf is None else max_zipf)
        )

    def _met(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` is whom the speaker met: right after a verb of meeting (``meeting_verbs``: "saw",
        "met", "ran into") and before a time or place word of ``meeting_enders`` or the end ("i saw will
        yesterday", "we ran into destiny at the mall", "i met hope"; not "i saw will power at work", "i
        saw hope at the end of the tunnel")."""
        w = self._w
        if self._meeting_verbs.ending_at(tokens, i) is None:
            return False
        if i + 1 == len(tokens):
            return True
        after = tokens[i + 1].lower
        if after not in w.meeting_enders:
            return False
        # "at the end of ...", "at the top of ...": a figure of speech, no place met at
        return not (after == "at" and any(token.lower == "of" for token in tokens[i + 3 : i + 5]))

    def _speaks_first(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` opens the turn (after ``openers``) right before a verb of speech: the one who said
        it, however frequent a word the name is ("hope said yes", "will said he'd be late")."""
        w = self._w
        return (
            i + 1 < len(tokens)
            and tokens[i + 1].lower in w.speech_verbs
            and all(tokens[k].lower in w.openers for k in range(i))
            and not self._quoted(tokens, i + 1)
        )

    def _quoted(self, tokens: Sequence[Token], verb: int) -> bool:
        """The verb of speech at ``verb`` says the words before it are quoted ("hope said is a song";
        :func:`quoted_after_speech`); the copula test first, it is rarely there."""
        w = self._w
        if verb + 1 >= len(tokens) or tokens[verb + 1].lower not in w.quoted_copulas:
            return False
        words = [token.lower for token in tokens[verb : verb + 2 + w.quoted_kind_window]]
        return quoted_after_speech(words, 0, w)

    def _opens_turn_to(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` opens the turn (after words such as "so", "okay") and a pronoun follows that
        speaks to or before its bearer: "quellan i'm going to start", "so zorbek we also had"."""
        w = self._w
        return (
            i + 1 < len(tokens)
            and tokens[i + 1].lower in w.opening_addressed
            and any(vowel in tokens[i].lower for vowel in "aeiouy")  # not "w r we've": an acronym
            and all(tokens[k].lower in w.openers for k in range(i))
            # "grant so the funding came through": a topic, no one addressed
            and not (
                tokens[i + 1].lower in w.opening_addressed_topic
                and is_everyday_word(_base(fold_word(tokens[i].lower))[0])
            )
        )

    def _addressed(self, tokens: Sequence[Token], i: int) -> bool:
        """A verb of speech or an address ("please go ahead", "and i") right after token ``i``; not
        after an affiliation word ("... okafor with northwind please go ahead" addresses the caller),
        nor before a verb of speech that a full name follows: the speaker comes after the verb and
        token ``i`` ends what was said ("less red tape says marta lindqvist"; "zorblat said marta
        would" keeps its speaker)."""
        if i + 1 >= len(tokens) or (i > 0 and tokens[i - 1].lower in self._w.affiliations):
            return False
        if (
            tokens[i + 1].lower in self._w.handoff_adverbs
            and i + 2 < len(tokens)
            and tokens[i + 2].lower in self._w.speech_verbs
        ):
            return not self._quoted(tokens, i + 2)  # "quellan also asked"
        if tokens[i + 1].lower in self._w.speech_verbs:
            return not (
                self._quoted(tokens, i + 1)  # "hope said is a song": a title quoted
                or (
                    i + 3 < len(tokens)
                    and tokens[i + 2].lower in given_names()
                    and tokens[i + 3].lower.isalpha()
                    and not is_everyday_word(tokens[i + 3].lower)
                )
            )
        phrase = self._addressed_by.starting_at(tokens, i + 1)
        if phrase is None:
            return False
        # a clause on who someone is ("zorbek who joined us") names no one after a determiner ("the guy who")
        return not (tokens[i + 1].lower == "who" and i > 0 and tokens[i - 1].lower in self._w.determiners)

    def _handed(self, tokens: Sequence[Token], i: int, word: str) -> bool:
        """Token ``i`` is the one a hand-off names: between "have" or "let" and a verb of hand-off ("i'll
        have zorvela answer that"), or before a modal, an optional adverb and such a verb ("pierce can
        maybe give examples"), though no word as frequent as an everyday one ("cash will cover") and
        first in the turn or after a clause opener ("employee rsus will add"); never after a determiner
        or a preposition ("the bill will cover", "in june we'll"; names.yaml ``person_cues.handoff_*``)."""
        w = self._w
        if i > 0 and (tokens[i - 1].lower in w.determiners or tokens[i - 1].lower in w.handoff_not_after):
            return False
        if i + 1 >= len(tokens):
            return False
        if i > 0 and tokens[i - 1].lower in w.handoff_before and tokens[i + 1].lower in w.handoff_verbs:
            return True
        # before a modal, no word as frequent as an everyday one ("cash will cover", "grant can address"),
        # and the name opens its clause: first in the turn or after "then", "but", ... ("then pierce can",
        # not "the employee rsus will add", "a red volkswagen will pick you up") (``word``: the token
        # folded, without a possessive)
        return (
            (i == 0 or tokens[i - 1].lower in w.handoff_clause_openers)
            and zipf_frequency(word) < self._zipf.everyday_word_min
            and self._handoff_at(tokens, i + 1)
        )

    def _unheard_subject(self, tokens: Sequence[Token], i: int, word: str, common: frozenset[str]) -> bool:
        """Token ``i`` (``word``: folded, without a possessive) is a word no list or dictionary has and
        English text never uses (Zipf under ``rare_run_max``, no inflected dictionary word), opening its
        clause as the one a question asks about ("is mbali coming", "has lakshmanan finished the
        report": right after one of names.yaml ``person_cues.question_auxiliaries`` opening the turn
        and before one of ``question_verbs``) or as the one doing something (before one of
        ``after_unheard``: "mbali called", "i think bukola left early"). A brand or an app is a word
        English text uses ("is spotify down", "fedex called")."""
        w = self._w
        if (
            i + 1 >= len(tokens)
            or len(word) < 3
            or zipf_frequency(word) >= self._zipf.rare_run_max
            or word in company_names()
            or _inflected_common(word, common, 0.0)
        ):
            return False
        opens = i == 0 or tokens[i - 1].lower in w.handoff_clause_openers
        if opens and tokens[i + 1].lower in w.after_unheard:
            return True
        return i == 1 and tokens[0].lower in w.question_auxiliaries and tokens[2].lower in w.question_verbs

    def _handoff_at(self, tokens: Sequence[Token], j: int) -> bool:
        """A modal, an optional adverb and a verb of hand-off start at token ``j`` ("can maybe give")."""
        modal = self._handoff_modals.starting_at(tokens, j)
        if modal is None:
            return False
        k = j + modal[0]
        if k < len(tokens) and tokens[k].lower in self._w.handoff_adverbs:
            k += 1
        return k < len(tokens) and tokens[k].lower in self._w.handoff_verbs

    def _slots(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """ "back over to dana for closing remarks", "this is dana speaking": the one to ``max_tokens``
        words between ``person_cues.slot_before`` (or the start of the turn) and ``slot_after`` are a
        person, also when the recognizer wrote the name as letters ("back to t and e for his final
        remarks"). Each word is a letter (not "i"), "and" between letters, a title, a name word
        (:meth:`_name_word`); one at least is a letter or a name word."""
        tokens, vocab = turn.tokens, turn.vocab
        w = self._w
        starts = self._slot_after_starts
        for end in [k for k, word in enumerate(words_of(tokens)) if k > 0 and word in starts]:
            if self._slot_after.starting_at(tokens, end) is None:
                continue
            for start in range(max(0, end - self.max_tokens), end):
                if start > 0 and self._slot_before.ending_at(tokens, start) is None:
                    continue
                words = [_base(fold_word(tokens[k].lower))[0] for k in range(start, end)]

                letters = [len(word) == 1 and word.isalpha() and word != "i" for word in words]
                fits = [
                    letters[k]
                    or (words[k] == "and" and 0 < k < len(words) - 1 and letters[k - 1] and letters[k + 1])
                    or words[k] in w.titles
                    or self._name_word(words[k], vocab, first=k == 0 or words[k - 1] in w.titles)
                    for k in range(len(words))
                ]
                if all(fits) and any(word not in w.titles and word != "and" for word in words):
                    for k in range(start, end):
                        scores.setdefault(k, (self.cue_score, "name between a hand-off and its purpose"))
                    break

    def _name_answer(self, turn: _Turn, scores: dict[int, tuple[float, str]]) -> None:
        """A turn that is only a name, or a name before the digits of an identifier, answers "your
        name?" or "name and the last four digits?": "korila", "vani sri", "dorsey and 4412", after an
        opener such as "yes", "it's" or a title ("sure it's korila", "miss tharvika") (names.yaml
        ``name_answers``). Each word is an initial, a name found already, a listed name that is no
        common word, or a word too rare for the dictionary that is no typo of a frequent word, no two
        frequent words glued together ("okaybye"), no place and no company: chat-speak and brands are
        not names. A listed name that is also an everyday word ("brett", "gray") counts before an
        identifier ("brett 4721") or as one of two listed names ("gunner gray"); alone it may be the
        word ("rock")."""
        tokens, vocab = turn.tokens, turn.vocab
        given, family, common, places = vocab
        w = self._w
        run: list[int] = []
        everyday: list[int] = []  # listed names that are also dictionary words
        frequent: list[int] = []  # listed names as frequent as everyday words ("smith", "grace")
        before_value: list[int] = []  # words that are names only before an identifier
        partner: int | None = None  # a first word that is a name only before one ("barack obama")
        opener = self._answer_openers.starting_at(tokens, 0)
        begin = opener[0] if opener is not None else 0  # "yes it's korila", "miss tharvika"
        for k in range(begin, len(tokens)):
            word, _ = _base(fold_word(tokens[k].lower))
            if len(run) == self.max_tokens or not word.isalpha() or self._misheard_number_noun(word, vocab):
                break  # "sutract 2350 from 4803": a word that names a number, misheard, before one
            if len(word) == 1 and word not in w.not_initials:
                run.append(k)  # an initial: "g saravana", "nivash m"
            elif k in scores or self._answer_word(word, vocab):
                run.append(k)  # "hailee m": a given name the gazetteer found, and its initial
            elif self._listed_everyday_name(word, given, family, places):
                run.append(k)
                everyday.append(k)
            elif self._listed_frequent_name(word, vocab, after_name=bool(run)):
                run.append(k)
                frequent.append(k)
            elif word in w.answer_name_parts:
                run.append(k)  # "devi sri", "amith bhai": a word said with a name, never alone
                everyday.append(k)
            elif word not in self._number_nouns and (
                self._answer_word(word, vocab, max_zipf=w.answer_value_max_zipf)
                or (
                    word in family
                    and word in places
                    and word not in self._blocked
                    and zipf_frequency(word) < w.answer_frequent_max_zipf
                )
            ):
                run.append(k)  # "vijay 4569", "jordan and 7713": a name only before a value
                before_value.append(k)
            elif (
                partner is None
                and self._name_partner(word, vocab)
                and (k == begin or not _comparative(word, common))
            ):
                run.append(k)
                partner = k
            else:
                break
        if not run:
            return  # the turn opens with no name word
        named = [
            k
            for k in run
            if len(tokens[k].lower) > 1
            and k not in everyday
            and k not in frequent
            and k not in before_value
            and k != partner
        ]
        if partner is not None and (not named or partner not in (begin, run[-1])):
            run = run[: run.index(partner)]  # a partner word needs a name word beside it
        if (
            len(run) == 1
            and not before_value
            and run[0] in scores
            and run[0] + 2 == len(tokens)
            and not _base(tokens[run[0]].lower)[1]  # "baker's dozen": a possessive ends the name
            and _base(fold_word(tokens[run[0]].lower))[0] in given
            and self._family_in_answer(tokens[-1].lower)
        ):
            run.append(run[0] + 1)  # "jorge vow", "anna boss": the answer is a given and a family name
        if not any(len(tokens[k].lower) > 1 for k in run) or all(k in scores for k in run):
            return
        if len(run) > 1 and " ".join(tokens[k].lower for k in run) in places:
            return  # "sri lanka", "costa rica": a place said as the answer
        rest = [token.lower for token in tokens[run[-1] + 1 :] if any(ch.isalnum() for ch in token.lower)]
        while rest and rest[0] in w.answer_joiners:
            rest = rest[1:]
        # "korila 4412"; the number may go on ("mishumi 9348763736 ext 182 thanks")
        value_after = bool(rest) and (
            _identifier_like(rest[0], int(w.answer_min_digits)) or self._announces_value(rest)
        )
        if rest and not (value_after or tuple(rest) in w.answer_closers):
            return
        if before_value and not value_after:
            return  # "vijay", "jordan" alone: a word or a place as likely as a name
        words = sum(len(tokens[k].lower) > 1 for k in run)
        if everyday and not rest and words < 2:
            return  # "rock", "jam": the word more likely than the name; "gunner gray" is two names
        first_last = (
            _base(fold_word(tokens[run[0]].lower))[0] in given
            and _base(fold_word(tokens[run[-1]].lower))[0] in family
        )
        if frequent and not value_after and (words < 2 or (len(frequent) == words and not first_last)):
            # "smith", "grace": alone the word; before an identifier ("smith gfr568"), beside another
            # name ("grace frederick", "tiffany jackson") or as a given and a family name ("king
            # anderson") the name
            return
        for k in run:
            scores.setdefault(k, (self.unknown_score, "a turn that answers with a name"))

    def _misheard_number_noun(self, word: str, vocab: _NameVocabulary) -> bool:
        """A word of five letters or more that no list or dictionary has, one letter off a word that
        names a number said after it (``number_nouns``: "sutract", "subract" for "subtract")."""
        given, family, common, _places = vocab
        if len(word) < 5 or word in given or word in family or word in common:
            return False
        return self._near_number_noun.near(word)

    def _name_partner(
        self,
        word: str,
        vocab: _NameVocabulary,
    ) -> bool:
        """A word that is part of a name beside a name word in an answer, first or last ("guna
        sekaran", "fermina bellow"), though a place, a listed name too frequent on its own or like a
        typo: no stop word, rarer than an everyday word, no dictionary word unless a name list has it,
        and, unless a list has it, as rare as an answer's name word ("spelt darlim" spells the name).
        Last, no comparative: after a name that is a request ("olly louder")."""
        given, family, common, places = vocab
        listed = word in given or word in family or word in places
        return (
            len(word) > 2
            and word not in self._blocked
            and zipf_frequency(word) < self._zipf.everyday_word_min
            and (word not in common or word in given or word in family)
            and (listed or zipf_frequency(word) < self._w.answer_max_zipf)
            and not _word_form(word)
        )

    def _announces_value(self, rest: Sequence[str]) -> bool:
        """The rest of a name answer names the next value it gives, and gives it: "my ssn is 7416",
        "password is kmlp1586", "the number is 3423" (``name_answers.values``)."""
        words = list(rest)
        if words and words[0] in self._w.answer_determiners:
            words = words[1:]
        said = any(tuple(words[:n]) in self._w.answer_values for n in range(1, min(len(words), 4) + 1))
        return said and any(word == "is" or any(ch.isdigit() for ch in word) for word in words)

    def _listed_everyday_name(
        self, word: str, given: frozenset[str], family: frozenset[str], places: frozenset[str]
    ) -> bool:
        """A given or family name that is also a dictionary word, but not an everyday one ("brett",
        "gray", not "will" or "page"), no place and no stop word."""
        return (
            len(word) > 2
            and (word in given or word in family)
            and word not in self._blocked
            and word not in places
            and zipf_frequency(word) < self._zipf.everyday_word_min
        )

    def _family_in_answer(self, word: str) -> bool:
        """The last word of a two-word answer after a given name found is its family name, though a
        dictionary word ("jorge vow", "anna boss"), unless a stop word, a word no answer gives
        (``name_questions.not_answers``: "thanks", "sorry"), a verb form ("calling"), a number word
        or as frequent as ``weak_cue_name_max`` ("john please", "mia here")."""
        return (
            word.isalpha()
            and len(word) > 2
            and word not in self._blocked
            and word not in self._w.answer_not_family
            and word not in self._w.answer_joiners
            and word not in self._number_words
            and not self._verb_like(word)
            and zipf_frequency(word) < self._zipf.weak_cue_name_max
        )

    def _listed_frequent_name(self, word: str, vocab: _NameVocabulary, *, after_name: bool) -> bool:
        """A given or family name as frequent as an everyday word, up to ``name_answers.frequent_max_zipf``
        ("smith", "grace", "king"; not "will" or "may"), that names no number ("page", "bill", "order":
        ``identifiers.yaml`` cues and negative contexts). A place only as a family name after another
        name word ("tiffany jackson")."""
        given, family, _, places = vocab
        return (
            len(word) > 2
            and (word in given or word in family)
            and word not in self._blocked
            and word not in self._number_nouns
            and (word not in places or (after_name and word in family))
            and zipf_frequency(word) < self._w.answer_frequent_max_zipf
        )

    def _answer_word(self, word: str, vocab: _NameVocabulary, max_zipf: float | None = None) -> bool:
        given, family, common, places = vocab
        w = self._w
        if word in common or word in self._blocked or word in places or word in company_names():
            return False  # a dictionary word never answers alone (the tests below say so too)
        if any(a == b == c for a, b, c in zip(word, word[1:], word[2:], strict=False)):
            return False  # "hmmm", "heyyy"
        vowels = [k for k, letter in enumerate(word) if letter in "aeiouy"]
        if not vowels or (len(word) <= 4 and vowels == [len(word) - 1]):
            return False  # "thx", "pls", "stfu": chat abbreviations
        if (word in given or word in family) and word not in common:
            return zipf_frequency(word) < self._zipf.unlisted_person_name_max
        if (
            word in common
            or is_everyday_word(word)
            or zipf_frequency(word) >= (max_zipf or w.answer_max_zipf)
        ):
            return False
        if len(word) <= 3 or _glued(
            word, w.answer_glued_zipf, w.answer_typo_zipf, w.answer_glued_short_zipf, self._closing_words
        ):
            return False
        # a typo of a frequent word ("thyanks") is none; a typo of a listed name is a name misspelt
        # ("jeames", "hohn"); a long word as near a listed name as a word less frequent than
        # `name_typo_max_zipf` is taken for the name ("wilner": "winner", "milner"; not "plese")
        words = {
            near
            for near in _typo_neighbours(word, w.answer_typo_zipf)
            if near in common or (near not in given and near not in family)
        }
        return not words or (
            len(word) >= w.answer_name_typo_min_letters
            and max(zipf_frequency(near) for near in words) < w.answer_name_typo_max_zipf
            and _near_name(word, given, family, common)
        )

    def _propagate(
        self, bases: Sequence[tuple[str, bool]], scores: dict[int, tuple[float, str]], common: frozenset[str]
    ) -> None:
        """A name found once is a name wherever it recurs in the transcript ("email david ... david can
        we"): the second mention often lacks the cue that gave the first away. Common words are left
        out, since their cue applied to one mention only ("call mark" does not make "mark it" a name).
        """
        if not scores:
            return
        names: dict[str, tuple[float, str]] = {}
        for i, (score, _) in scores.items():
            word = bases[i][0]
            if len(word) > 1 and word.isalpha() and word not in common and word not in self._blocked:
                names.setdefault(word, (score, "same word as a name elsewhere in the transcript"))
        if not names:
            return
        for i, (word, _) in enumerate(bases):
            if i not in scores:
                found = names.get(word)
                if found is not None:
                    scores[i] = found

    def _family_recurs(
        self,
        tokens: Sequence[Token],
        bases: Sequence[tuple[str, bool]],
        scores: dict[int, tuple[float, str]],
        given: frozenset[str],
    ) -> None:
        """The family name of a full name found in the transcript, again right after a given name, is
        that relative's name though a common word ("maya musk ... her son elon musk"): the common
        word alone is left alone ("musk" elsewhere may be the scent)."""
        family: dict[str, tuple[float, str]] = {}
        for i, (score, _) in scores.items():
            if i - 1 in scores and i + 1 not in scores:
                word = bases[i][0]
                if len(word) > 2 and word.isalpha() and word not in self._blocked:
                    family.setdefault(word, (score, "family name of a name elsewhere in the transcript"))
        if not family:
            return
        for i in range(1, len(tokens)):
            found = family.get(bases[i][0])
            first = fold_word(tokens[i - 1].lower)
            if (
                found is not None
                and i not in scores
                and first in given
                and first not in self._blocked
                and (i < 2 or tokens[i - 2].lower not in self._w.determiners)
            ):
                scores.setdefault(i - 1, found)
                scores[i] = found

    def _noun_before_number(self, tokens: Sequence[Token], i: int, cue: tuple[str, ...] | None) -> bool:
        """A name that is also a common word, right before a number and without a strong cue, labels
        that number ("from page 172", "the max 8", "bill 40"), unlike "call bill 555 0134"; a noun
        that names a number (``_number_nouns``: "page", "row") labels it one word further too."""
        if cue in self._w.strong_cues or i + 1 >= len(tokens):
            return False
        following = tokens[i + 1].lower
        if any(char.isdigit() for char in following) or following in self._number_words:
            return True
        after = [token.lower for token in tokens[i + 1 : i + 4]]
        # a noun that names a number, with a number one word further: a misheard word of the number
        # in between ("from page handed twenty", "page the four hundred"); or with a number word a
        # recognizer changed in the next three ("from page do eighth true", "page fine oh a")
        return self._misheard.number_at(after, 0) or (
            _base(fold_word(tokens[i].lower))[0] in self._number_nouns
            and (
                self._misheard.number_at(after, 1)
                or any(self._misheard.misheard_number(word) for word in after)
            )
        )

    def _cue_before(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The longest person cue that ends right before token ``i``; the bare word "name" is none
        after a noun it names a kind of ("street name", "user name": a compound, no person's name)."""
        cue = self._cues.ending_at(tokens, i)
        if (
            cue is None
            and i >= 2
            and tokens[i - 1].lower == "."
            and (tokens[i - 2].lower,) in self._w.titled_cues
        ):
            # a title written with its full stop ("mrs. zorvek", "dr. quellan"): the stop is a token
            return (tokens[i - 2].lower,)
        if (
            cue is not None
            and len(cue) == 1
            and cue[0] in self._w.compound_heads
            and i >= 2
            and _base(fold_word(tokens[i].lower))[0] in common_words()
        ):
            before = tokens[i - 2].lower
            if before.isalpha() and before in common_words() and before not in self._compound_free:
                return None
        return cue

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
            elif (
                first > 1
                and len(tokens[first - 1].lower) == 1
                and tokens[first - 1].lower.isalpha()
                and tokens[first - 1].lower not in self._w.not_initials
                and tokens[first].lower in locale_given_names(self.locale)
                and self._address.ending_at(tokens, first - 1) is not None
            ):
                first -= 1  # "over to k marisol": an initial or a false start before the given name
            if last + 1 < len(tokens) and tokens[last + 1].lower.rstrip(".") in self._w.suffixes:
                last += 1
            elif last + 1 < len(tokens) and elided_family_name(tokens[last + 1].lower):
                last += 1  # "call siobhan o'malley": a family name by its shape, listed or not
            if (
                last + 1 < len(tokens)
                and tokens[last + 1].lower == "'"
                and tokens[last + 1].start == tokens[last].end
            ):
                last += 1  # "gonzalez' idea": the apostrophe of a possessive belongs to the name
            entities.append(
                Entity(tokens[first].start, tokens[last].end, "PERSON", best[0], self.name, best[1])
            )
            k += 1
        return entities


#: the words of a family name's shape that are none
_NOT_ELIDED_NAMES = frozenset({"o'clock"})


def elided_family_name(word: str) -> bool:
    """A family name by its shape, listed or not: an elided prefix, an apostrophe and four letters or
    more ("o'malley", "d'angelo", "l'estrange", "o'dwyer's"); never "o'clock". Why: after a name
    such a word is its family name; a gazetteer cannot list them all, and leaving it readable next
    to a redacted given name leaks the person."""
    word = word.removesuffix("'s")
    return (
        len(word) >= 6
        and word[1] == "'"
        and word[0] in "dlo"
        and word[2:].isalpha()
        and word not in _NOT_ELIDED_NAMES
    )


def _identifier_like(word: str, min_digits: int) -> bool:
    """Digits of an identifier ("4412") or a code of letters and digits ("sde785"); a four-digit
    number that reads as a year is none ("bolero 2016": a model year)."""
    digits = sum(ch.isdigit() for ch in word)
    if not word.isalnum():
        return False
    if word.isdigit():
        return digits >= min_digits and not (digits == 4 and word[:2] in ("19", "20"))
    # a booking code read out letter by letter: "ju87uj" (at least two letters and two digits)
    return (digits >= min_digits - 1 and len(word) >= min_digits + 1) or (
        digits >= min_digits - 2 and len(word) - digits >= 2 and len(word) >= min_digits + 2
    )


@cache
def number_nouns(locale: str) -> frozenset[str]:
    """Words that name a number said after them, so no name before one: the one-word cues of
    ``identifiers.yaml`` ("order", "ticket", "case") and its negative contexts ("page", "bill", "lot")."""
    language = load_locale(locale)
    nouns = {phrase for phrase in language.words("identifiers", "negative_before") if " " not in phrase}
    for cue in language.table("identifiers", "cues").values():
        for key in ("before", "after"):
            nouns.update(phrase for phrase in cue.get(key, ()) if " " not in phrase)
    return frozenset(nouns)


@cache
def _word_letters(min_zipf: float) -> str:
    """The letters the frequent words (``min_zipf`` or more) are written with (a-z and the few accented
    ones of "café"): a letter changed or added in a look-up is one of them."""
    return "".join(sorted(set().union(*frequent_words(min_zipf))))


@cache
def _longest_frequent(min_zipf: float) -> int:
    """Letters in the longest frequent word (``min_zipf`` or more): a word two or more letters
    longer is one edit away from none."""
    return max(map(len, frequent_words(min_zipf)), default=0)


class _OneEdit:
    """Words looked up one letter added, left out, changed or two swapped away (:func:`_one_edit`):
    each word and each form of it with one letter left out, indexed once, propose the candidates a
    look-up checks (a symmetric-delete index: no comparison with every word of the list)."""

    __slots__ = ("_index", "_longest")

    def __init__(self, words: Iterable[str]) -> None:
        self._index: dict[str, set[str]] = {}
        #: letters in the longest word: a word two or more longer is no edit of any (and its forms,
        #: one per letter, would cost time quadratic in its length: a pasted blob of 100,000 letters)
        self._longest = 0
        for word in words:
            self._longest = max(self._longest, len(word))
            for form in _forms(word):
                self._index.setdefault(form, set()).add(word)

    def near(self, word: str) -> bool:
        """Whether one of the words is ``word`` or one edit away from it."""
        if len(word) > self._longest + 1:
            return False
        index = self._index
        return any(_one_edit(word, candidate) for form in _forms(word) for candidate in index.get(form, ()))


@cache
def _longest_word(words: frozenset[str]) -> int:
    """Letters in the longest of ``words`` (a word list of the locale, kept for the process)."""
    return max(map(len, words), default=0)


def _forms(word: str) -> set[str]:
    """``word`` and each form of it with one letter left out."""
    return {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}


def _near_frequent(word: str, min_zipf: float) -> bool:
    """A typo of a frequent word: one letter added, left out, changed or two swapped ("thyanks",
    "sory", "heelo")."""
    return bool(_typo_neighbours(word, min_zipf))


def _typo_neighbours(word: str, min_zipf: float) -> set[str]:
    """The frequent words (``min_zipf`` or more) one letter added, left out, changed or two swapped
    away from ``word``: each word those edits make of it (a changed or added letter being one the
    frequent words are written with) that is one of them. A few hundred set look-ups per word, and
    nothing built beforehand but the word list."""
    if len(word) > _longest_frequent(min_zipf) + 1:
        return set()  # no edit of any: its forms, one per letter, would cost time quadratic in its length
    return set(frequent_words(min_zipf).intersection(_one_edit_forms(word, _word_letters(min_zipf))))


def _one_edit_forms(word: str, letters: str) -> Iterator[str]:
    """``word`` and every string one letter left out, two neighbours swapped, one letter changed into
    or one added from ``letters`` away from it (:func:`_one_edit` of each is true)."""
    yield word
    for k in range(len(word) + 1):
        head, tail = word[:k], word[k:]
        for letter in letters:
            yield head + letter + tail
        if tail:
            yield head + tail[1:]
            for letter in letters:
                yield head + letter + tail[1:]
            if len(tail) > 1:
                yield head + tail[1] + tail[0] + tail[2:]


def _near_name(word: str, given: frozenset[str], family: frozenset[str], common: frozenset[str]) -> bool:
    """One letter added, left out, changed or two swapped from a listed name that is no common word."""
    listed = _listed_names(given, family, common)
    if len(word) > _longest_word(listed) + 1:
        return False  # no edit of any: its variants would cost time quadratic in its length
    letters = "abcdefghijklmnopqrstuvwxyz"
    splits = [(word[:k], word[k:]) for k in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in letters}
    variants |= {a + c + b for a, b in splits for c in letters}
    variants.discard(word)
    return not listed.isdisjoint(variants)


@cache
def _listed_names(given: frozenset[str], family: frozenset[str], common: frozenset[str]) -> frozenset[str]:
    """The given and family names that are no common word (built once per set of lists)."""
    return (given | family) - common


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are equal or one insertion, deletion, substitution or swap of two
    adjacent letters apart."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    k = 0
    while k < min(len(a), len(b)) and a[k] == b[k]:
        k += 1
    if len(a) == len(b):
        return a[k + 1 :] == b[k + 1 :] or (a[k + 2 :] == b[k + 2 :] and a[k : k + 2] == b[k : k + 2][::-1])
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer[k + 1 :] == shorter[k:]


def _glued(word: str, min_zipf: float, typo_zipf: float, short_zipf: float, closing: frozenset[str]) -> bool:
    """Two frequent words written as one ("okaybye", "yesplease"), the second possibly misspelt
    ("yescofirm"); with a two-letter second word both must be very frequent ("yesok", not "bossen"
    or "singam"); a three-letter half must be as frequent as ``short_zipf`` or a word that closes a
    turn (``closing``: "bye"): "same" + "era", "sub" + "ash", "mat" + "han" are names, no words glued."""

    def frequent(half: str) -> bool:
        if len(half) == 3:
            return half in closing or zipf_frequency(half) >= short_zipf
        return zipf_frequency(half) >= min_zipf

    for k in range(2, len(word) - 1):
        head, tail = word[:k], word[k:]
        if not frequent(head):
            continue
        if len(tail) > 2 and frequent(tail):
            return True
        if len(tail) == 2 and min(zipf_frequency(head), zipf_frequency(tail)) >= typo_zipf:
            return True
        if len(head) > 2 and len(tail) >= 5 and _near_frequent(tail, typo_zipf):
            return True
    return False


def _comparative(word: str, common: frozenset[str]) -> bool:
    """A comparative or superlative of a dictionary word ("louder", "softest", "safer", "bigger",
    "happier"); "denver" is none."""
    for ending in ("er", "est"):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            if (
                stem in common
                or stem + "e" in common  # "safer"
                or (stem[-1] == stem[-2] and stem[:-1] in common)  # "bigger"
                or (stem.endswith("i") and stem[:-1] + "y" in common)  # "happier"
            ):
                return True
    return False


def _inflected_common(word: str, common: frozenset[str], frequent: float) -> bool:
    """A frequent plural or third-person form of a common word ("sales", "parts", "downs"): the
    dictionary lists headwords only, so without this such a word would pass for a family name."""
    return (
        len(word) > 3
        and word.endswith("s")
        and any(stem in common for stem in inflection_stems(word))
        and zipf_frequency(word) >= frequent
    )


def _word_form(word: str) -> bool:
    """An inflected or derived form of an English word ("margins", "snacking", "impaired"): one of its
    stems is a word English uses at all (``rare_run_max`` or more), whatever the form's own frequency;
    "vessaly" or "zorvanek" have no such stem."""
    threshold = _stem_min_zipf()  # a stem English uses at all
    return any(zipf_frequency(stem) >= threshold for stem in inflection_stems(word))


@cache
def _stem_min_zipf() -> float:
    """``rare_run_max`` of en-US: how often English uses a word for it to be a stem (:func:`_word_form`)."""
    return zipf_cutoffs("en-US").rare_run_max


def _folded_bases(words: Sequence[str]) -> list[tuple[str, bool]]:
    """:func:`_base` of each word folded (one pass per text; a word without an apostrophe is its own
    base)."""
    folded = [word if word.isascii() else fold_word(word) for word in words]
    return [_base(word) if "'" in word else (word, False) for word in folded]


def _base(word: str) -> tuple[str, bool]:
    """Strip a possessive: ("mark's" -> "mark", True)."""
    if word.endswith("'s"):
        return word[:-2], True
    if word.endswith("s'"):
        return word[:-1], True
    return word, False
