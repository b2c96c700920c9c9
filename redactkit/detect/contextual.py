"""Values known by the words around them and by how they are said: ages, birth dates, card expiry
dates and security codes, dictated usernames, passwords, e-mail and web addresses.

A hand rule per phrasing ("i'm X years old") misses the next phrasing ("she turns nine in may").
This detector instead combines a few kinds of knowledge, each kept as data in
``redactkit/lang/<locale>/context.yaml``, and general grammars of how the values are *said*:

- **number grammars** read spoken numbers as ASR writes them ("forty two", "oh seven twenty eight",
  "nineteen eighty five", "two thousand one", "five and a half"), digits ("42") alike;
- **ages**: a number from 1 to 120 after a word that says it is an age ("turns", "aged"), after a
  person as the subject ("i'm", "she's", "my son is", "the twins are", a given name + "is") or before
  "years old"; never when a unit or a time follows it ("five minutes", "six thirty", "one of");
- **dates**: a month with a day and a year, a day "of" a month, or a run of date numbers ("oh three
  fifteen eighty five", "three slash three slash eighty three"); a birth cue ("born", "date of
  birth") makes it a DATE_OF_BIRTH, an expiry cue ("expires", "valid thru") CREDIT_CARD_META; a full
  date whose year lies long enough in the past is a DATE_OF_BIRTH without any cue;
- **card security codes**: the spoken digits after "cvv", "security code" (CREDIT_CARD_META);
- **dictated values**: after "username", "password", "log in as" (and "log in as X *with* Y"), the
  words up to the end of the value: names, spelled letters, numbers, spoken symbols ("underscore",
  "pound sign"), dictation words ("capital", "all one word", "s as in sam") — and the caller's
  asides inside it ("hold on let me check"), which are redacted with the value (fail closed);
- **spoken addresses**: "… at <domain> dot <tld>" is an e-mail whatever was said before "at" back to
  the cue that introduced it; "… dot <tld> [slash path]" with an optional "w w w dot" or "h t t p s
  colon slash slash" is a web address.

It reads the transcript as said (``aligned.original``), where the spoken forms are intact, and
returns spans of the normalized text (``aligned.to_derived``), like every detector.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    company_names,
    family_names,
    given_names,
    is_everyday_word,
    place_names,
    town_names,
    zipf_frequency,
)
from ..lang import Lexicon, Token, load_locale, tokenize
from ..lang.fuzzy import within_edits
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables
from ..lang.tokens import Words
from ..lang.words import zipf_cutoffs
from ..spans import child_age
from ._dictation import pause_words
from ._phrase_keys import key_words, may_hold
from .base import Detector, detectors
from .names import PersonWords, digit_sounds
from .organizations import OrganizationWords, is_activity
from .places import listed_place_length

__all__ = [
    "CONTEXTUAL_LABELS",
    "ContextualDetector",
    "said_of_a_measure",
    "said_of_a_secret",
    "said_of_a_thing",
]

CONTEXTUAL_LABELS = (
    "AGE",
    "MINOR",
    "DATE_OF_BIRTH",
    "CREDIT_CARD_META",
    "USERNAME",
    "PASSWORD",
    "EMAIL_ADDRESS",
    "URL",
    "ORGANIZATION",
    "ADDRESS",
)

Phrase = tuple[str, ...]
#: a value found in a text: (first token, token after it, label, score, explanation)
_Found = tuple[int, int, str, float, str]

#: the most words a date said with asides inside spans ("the tenth of uh hold on march nineteen
#: eighty one"); a longer run of numbers is no date (see ``ContextualDetector._number_run``)
_DATE_RUN_MAX_WORDS = 24


#: a phrase list of ``context.yaml``, a table of the shared phrase matcher (redactkit.lang.phrases)
#: whose phrases are split the way transcripts are ("e-mail" is the three tokens e - mail)
_Phrases = PhraseTable[Phrase]


@dataclass(frozen=True)
class _AgeWords:
    """``ages`` of ``context.yaml``: what says a number is someone's age (each table documented there)."""

    cues: _Phrases
    ending_cues: _Phrases
    person_verbs: _Phrases
    subject_words: frozenset[str]
    subject_adverbs: _Phrases
    verb_then: _Phrases
    born_ago: _Phrases
    born_ago_after: _Phrases
    subjects: _Phrases
    relations: _Phrases
    relation_prefixes: _Phrases
    relation_suffixes: _Phrases
    bare_relation_determiners: frozenset[str]
    pronoun_numbers: frozenset[str]
    pronoun_number_after: frozenset[str]
    of_cues: _Phrases
    determiners: frozenset[str]
    modal_guesses: _Phrases
    copulas: _Phrases
    relation_copula_adverbs: _Phrases
    stem_copulas: _Phrases
    not_subjects: frozenset[str]
    anaphors: _Phrases
    anaphor_window: int
    name_not_after: frozenset[str]
    approximately: _Phrases
    span_hedges: _Phrases
    hedges_not_after_age: _Phrases
    party_subjects: _Phrases
    party_then: _Phrases
    party_max_at_end: int
    sex_age_before: frozenset[str]
    sex_age_then: _Phrases
    spoken_sex_words: frozenset[str]
    spoken_sex_age_openers: frozenset[str]
    spoken_sex_age_then: _Phrases
    spoken_sex_age_intake: frozenset[str]
    heard_digit_halves: _Phrases
    birth_year_cues: _Phrases
    birth_year_links: frozenset[str]
    birth_year_window: int
    comma_name_max_zipf: float
    comma_list_joiners: frozenset[str]
    range_hedges: _Phrases
    range_joiners: frozenset[str]
    threshold_hedges: _Phrases
    threshold_modals: _Phrases
    threshold_subjects: _Phrases
    threshold_self: _Phrases
    threshold_after: _Phrases
    second_age_joiners: _Phrases
    young_units: frozenset[str]
    young_unit_not_then: _Phrases
    years_then: _Phrases
    heard_at: frozenset[str]
    subjectless_verbs: frozenset[str]
    subjectless_copulas: frozenset[str]
    subjectless_copula_min: int
    subjectless_then: _Phrases
    heard_inside_number: frozenset[str]
    garbled_copula_ends: frozenset[str]
    garbled_copula_window: int
    garbled_copula_heard_min: int
    garbled_copula_between: frozenset[str]
    questions: _Phrases
    person_after_then: _Phrases
    answer_words: _Phrases
    answer_window: int
    question_frame: _Phrases
    question_frame_window: int
    speaker_labels: _Phrases
    question_objects: _Phrases
    big_words: frozenset[str]
    unmarked_contractions: dict[str, str]
    unmarked_ambiguous_contractions: dict[str, str]
    unmarked_contraction_then: frozenset[str]
    unmarked_contraction_after: _Phrases
    unmarked_possessive_relations: frozenset[str]
    heard_single: frozenset[str]
    heard_single_ending: frozenset[str]
    heard_unit_digits: frozenset[str]
    heard_digit_units: _Phrases
    generation_words: frozenset[str]
    generation_cues: frozenset[str]
    approximate_suffixes: frozenset[str]
    approximate_person_articles: frozenset[str]
    years_not_after: _Phrases
    unit_words: frozenset[str]
    decades: frozenset[str]
    decade_cues: _Phrases
    decade_qualifiers: _Phrases
    one_then: _Phrases
    not_after: _Phrases
    not_after_except: _Phrases
    at_conditionals: _Phrases
    at_subjects: _Phrases
    at_openers: _Phrases
    at_words: frozenset[str]
    event_cues: _Phrases
    event_window: int
    event_min: int
    event_not_after: _Phrases
    ordinal_cues: _Phrases
    ordinal_then: _Phrases
    birthday_phrases: _Phrases
    fractions: _Phrases
    after: _Phrases
    heard_unit_years: frozenset[str]
    heard_unit_old: frozenset[str]
    person_after: _Phrases
    estimate_hedges: _Phrases
    estimate_articles: frozenset[str]
    estimate_describing_max: int
    named_ages_min: int
    named_ages_joiners: _Phrases
    opening_person_after: _Phrases
    range_step: int
    min: int
    max: int
    height_feet_max: int
    height_gap: int
    height_units: frozenset[str]
    thing_min_zipf: float
    heard_inside: frozenset[str]
    heard_verbs: frozenset[str]
    heard_subject_max_zipf: float
    glued_max_zipf: float
    article_units: frozenset[str]
    function_digit_then: frozenset[str]
    heard_splits: dict[str, str]
    heard_tens_words: dict[str, str]
    heard_copulas: frozenset[str]
    heard_copula_after: frozenset[str]
    heard_copula_cues: frozenset[str]
    record_joiners: _Phrases
    record_then: _Phrases
    minor_below: int
    minor_past_words: _Phrases
    minor_past_window: int
    minor_future_words: _Phrases
    minor_future_then: _Phrases
    minor_decades: frozenset[str]
    adult_decade_qualifiers: frozenset[str]
    glued_part_min_zipf: float


@dataclass(frozen=True)
class _DateWords:
    """``dates`` of ``context.yaml``: birth, expiry and security-code cues."""

    birth_cues: _Phrases
    year_cues: _Phrases
    holidays: _Phrases
    birth_year_nouns: frozenset[str]
    expiry_cues: _Phrases
    code_cues: _Phrases
    between: _Phrases
    min_age_years: int
    numeric_words: int
    event_cues: _Phrases
    event_window: int
    numeric_not_after: frozenset[str]
    #: words an expiry cue may be said of and stay a card's ("my card expires", "it expires"): any other
    #: thing named right before the cue expires itself ("the warranty expired in june", "the milk
    #: expires on the fourth")
    card_words: frozenset[str] = frozenset()
    #: words between a thing and its expiry cue ("the lease is expiring", "the coupon has expired")
    expiry_links: frozenset[str] = frozenset()
    #: words of talk before an expiry cue that name no thing ("yeah good thru ...")
    expiry_openers: frozenset[str] = frozenset()
    #: words before a month that say a month of a year ("in june nineteen ninety eight", "was june
    #: nineteen sixty six"); elsewhere "july nineteen fifty nine" reads as a day and a two-digit year
    month_of_year_before: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _CredentialWords:
    """``credentials`` of ``context.yaml``: how usernames and passwords are introduced and dictated."""

    username_cues: _Phrases
    password_cues: _Phrases
    password_after_username: _Phrases
    entry_cues: _Phrases
    guess_cues: _Phrases
    not_password_words: frozenset[str]
    between: _Phrases
    modifiers: _Phrases
    connectives: _Phrases
    symbols: _Phrases
    password_symbols: _Phrases
    stops: _Phrases
    #: words that end a dictated value even as its first word (any other first word after a cue is
    #: taken: "log in as its_me")
    first_word_stops: frozenset[str]
    #: what is said right after a cue to describe the value instead of saying it ("the password is case
    #: sensitive", "my username is the same as my email")
    descriptions: _Phrases
    #: ... single words that describe it only when the clause ends right after them
    description_words: frozenset[str]
    #: ... and words that lead a description ending within two more words ("too short")
    description_leads: frozenset[str]
    #: nouns a number counts in a description ("at least eight characters")
    description_counts: frozenset[str]
    max_words: int
    handle_words: int
    handle_openers: frozenset[str]
    handle_objects: frozenset[str]
    not_handles_after_at: frozenset[str]
    #: "i'm <handle> on <platform>": the platforms, the words before the handle, and words no handle is
    handle_platforms: _Phrases
    self_namers: frozenset[str]
    handle_state_words: frozenset[str]
    #: after a cue ending in "as", words that open a clause ("find me as soon as you can")
    as_clause_openers: frozenset[str]
    #: after a cue ending in "as", the role one logs in as, no value ("log in as a guest", "sign in as
    #: admin"; with the locale's ``person_nouns``: "as the owner") and words that may come before it
    as_roles: frozenset[str]
    as_role_enders: frozenset[str]
    as_role_modifiers: frozenset[str]


@dataclass(frozen=True)
class _AddressWords:
    """``addresses`` of ``context.yaml``: spoken e-mail and web addresses, and e-mail addresses with
    "@" and the dots dropped ("janedoegmailcom": the ``glued_*`` tables)."""

    starts_after: _Phrases
    #: words that say an e-mail is meant ("email", "inbox"): a house number and a street said with "at"
    #: after one stay an e-mail
    mail_words: frozenset[str]
    and_name_cues: _Phrases
    brand_host_cues: _Phrases
    at: _Phrases
    misheard_at: _Phrases
    misheard_at_before_provider: _Phrases
    misheard_tlds: frozenset[str]
    misheard_dots: frozenset[str]
    opened_dots: frozenset[str]
    misheard_at_before_host: _Phrases
    spoken_dots: frozenset[str]
    heard_inside_domain: frozenset[str]
    www: _Phrases
    schemes: _Phrases
    max_local_words: int
    max_domain_words: int
    max_path_words: int
    glued_providers: frozenset[str]
    glued_endings: tuple[str, ...]
    glued_cue_endings: tuple[str, ...]
    glued_cues: _Phrases
    glued_window: int
    split_providers: _Phrases
    host_words: frozenset[str]
    dotless_tlds: frozenset[str]
    dotless_tlds_after_www: frozenset[str]
    dotless_not_names: frozenset[str]
    joined_words: frozenset[str]
    joiners: _Phrases
    slashes: _Phrases
    spelled_tlds: _Phrases
    my_host_verbs: frozenset[str]
    mailbox_words: frozenset[str]
    bare_providers: _Phrases
    heard_inside_local: frozenset[str]
    name_local_max_zipf: float
    heard_inside_local_max: int
    spelling_notes: _Phrases
    bare_provider_cues: frozenset[str]
    www_window: int
    path_articles: frozenset[str]
    host_cues: _Phrases
    host_inner_words: frozenset[str]
    host_extra_words: int
    uncounted_host_words: frozenset[str]
    host_first_words: frozenset[str]
    symbol_words: frozenset[str]
    spoken_dot_cues: _Phrases
    glued_dot_tlds: frozenset[str]
    opened_host_words: int
    path_joiners: frozenset[str]
    port_marks: _Phrases
    query_marks: _Phrases
    query_equals: _Phrases
    query_joiners: _Phrases
    max_query_words: int
    slash_prefixes: _Phrases
    unfinished_endings: _Phrases
    heard_letters: frozenset[str]
    heard_letter_after: frozenset[str]
    heard_letter_after_to: frozenset[str]
    provider_local_cues: _Phrases


@dataclass(frozen=True)
class _OrganizationWords:
    """``organizations`` of ``context.yaml``: employers, schools, hospitals, banks and insurers."""

    cues: _Phrases
    weak_cues: _Phrases
    #: "this is dana | with ...": a caller's frame, their name, then the link to whom they call for
    caller_frames: _Phrases
    caller_links: frozenset[str]
    #: a copula after a cue opens the name ("my current employer is ...")
    cue_copulas: frozenset[str]
    #: the last words of a weak cue after which a name of two everyday words (``name_modifiers``) counts
    everyday_name_links: frozenset[str]
    after: _Phrases
    after_adverbs: _Phrases
    service_owners: frozenset[str]
    service_nouns: _Phrases
    service_links: _Phrases
    service_moves: _Phrases
    acting_people: frozenset[str]
    acting_firm_words: frozenset[str]
    service_move_links: _Phrases
    acting_not_after: frozenset[str]
    institutions: _Phrases
    kinds: _Phrases
    business_kinds: _Phrases
    business_before: frozenset[str]
    and_kinds: frozenset[str]
    and_closers: frozenset[str]
    of_kinds: frozenset[str]
    of_subjects: _Phrases
    generic: frozenset[str]
    school_types: frozenset[str]
    school_kinds: _Phrases
    not_names: _Phrases
    name_describers: frozenset[str]
    not_name_heads: frozenset[str]
    name_modifiers: frozenset[str]
    roles: _Phrases
    job_verbs: _Phrases
    job_object_verbs: _Phrases
    job_object_words: int
    job_noun_determiners: frozenset[str]
    name_ending_verbs: frozenset[str]
    job_prepositions: _Phrases
    #: prepositions after a verb of doing a job that name an organisation only with a kind ("i work with")
    job_kind_prepositions: _Phrases
    #: cues after which a name counts only with a kind or as a known name ("she switched to ...")
    kind_cues: _Phrases
    #: "my husband's | with": links after a relation and "'s" or a copula, a weak cue
    affiliation_links: _Phrases
    #: kinds of charity or community body ("thistle house"): a kind after a cue with no article
    charity_kinds: _Phrases
    role_determiners: _Phrases
    role_particles: _Phrases
    role_prepositions: frozenset[str]
    role_weak_prepositions: frozenset[str]
    facility_cues: _Phrases
    facility_kinds: _Phrases
    facility_words: int
    facility_kinds_not_after_to: _Phrases
    facility_topic_prepositions: frozenset[str]
    facility_named_after: frozenset[str]
    saint_prepositions: frozenset[str]
    admission_cues: _Phrases
    saint_place_prepositions: frozenset[str]
    saint_verbs: frozenset[str]
    saint_objects: frozenset[str]
    saint_owners: frozenset[str]
    campus_joiners: frozenset[str]
    vocatives: frozenset[str]
    facility_not_names: frozenset[str]
    #: a word that names no organisation when it is the whole name (a month, a weekday)
    not_names_alone: frozenset[str]
    stops: _Phrases
    max_words: int
    known_names: _Phrases
    heard_kinds: frozenset[str]
    heard_inside: frozenset[str]
    saint_words: frozenset[str]
    place_prepositions: frozenset[str]
    weak_place_prepositions: frozenset[str]


@dataclass(frozen=True)
class _ContextWords:
    """A locale's ``context`` resource as one typed tree (:func:`~redactkit.lang.tables.load_tables`)."""

    asides: _Phrases
    ages: _AgeWords
    dates: _DateWords
    credentials: _CredentialWords
    addresses: _AddressWords
    organizations: _OrganizationWords


@dataclass(frozen=True)
class _Tables:
    """A locale's ``context`` resource, ready to match: its sections and the tables built from them
    and from the speech tables."""

    lexicon: Lexicon
    ages: _AgeWords
    dates: _DateWords
    credentials: _CredentialWords
    addresses: _AddressWords
    organizations: _OrganizationWords
    #: asides, fillers and self-corrections: words a value or a cue window may be interrupted by
    interruptions: _Phrases
    #: every number word (digits, "oh", teens, tens, hundred, thousand, "double", ordinals)
    number_words: frozenset[str]
    tlds: frozenset[str]
    mail_tlds: frozenset[str]
    #: ``addresses.glued_endings``, longest first
    glued_endings: tuple[str, ...]
    #: nouns that name a person (the locale's generated ``person_nouns`` word list, from WordNet)
    person_nouns: frozenset[str]
    #: words one letter off a kind of ``organizations.heard_kinds`` -> that kind ("collage" -> college)
    heard_kinds: Mapping[str, str]


@cache
def _tables(locale: str) -> _Tables:
    words = load_tables(locale, "context", _ContextWords)
    lex = load_locale(locale).lexicon
    interruptions = PhraseTable.of(
        [*words.asides.phrases, *((filler,) for filler in lex.fillers), *lex.corrections]
    )
    number_words = frozenset(
        {
            *lex.digits,
            *lex.zero_aliases,
            *lex.teens,
            *lex.tens,
            *lex.hundred,
            *lex.thousand,
            *lex.repeats,
            *lex.ordinals,
        }
    )
    return _Tables(
        lexicon=lex,
        ages=dataclasses.replace(words.ages, relations=_compound_relations(words.ages)),
        dates=words.dates,
        credentials=words.credentials,
        addresses=words.addresses,
        organizations=words.organizations,
        interruptions=interruptions,
        number_words=number_words,
        tlds=frozenset(lex.tlds),
        mail_tlds=frozenset(lex.tlds | lex.country_tlds),
        glued_endings=tuple(sorted(words.addresses.glued_endings, key=len, reverse=True)),
        person_nouns=frozenset(load_locale(locale).resources.get("person_nouns", {}).get("words", ())),
        heard_kinds=_one_letter_off(words.organizations),
    )


def _other_thing_expires(words: Sequence[str], cue: int, dates: _DateWords, lex: Lexicon) -> bool:
    """Whether a thing other than a card is named right before the expiry cue at ``cue`` ("the
    warranty expired", "my passport expires", "the milk expires on the fourth"): a word that is no
    stopword, number, month nor one of ``card_words`` ("card", "visa", "it", "one"), a few linking words
    (``expiry_links``: "is", "has", "already") skipped. Nothing before the cue, a pronoun or a number
    keeps the card's."""
    card_words = dates.card_words
    if not card_words:
        return False
    k = cue - 1
    while k >= 0 and cue - k <= 3 and words[k] in dates.expiry_links:
        k -= 1
    if k < 0 or cue - k > 3:
        return False
    word = words[k].removesuffix("'s")
    return (
        word.isalpha()
        and word not in card_words
        and word not in dates.expiry_openers  # "yeah good thru june ...": a word of talk, no thing
        and word not in lex.stopwords
        and word not in lex.months
        and word not in lex.digits
        and word not in lex.teens
        and word not in lex.tens
        and word not in lex.ordinals
    )


def _compound_relations(ages: _AgeWords) -> _Phrases:
    """``ages.relations`` with their compounds: a relation of one word after a word of
    ``ages.relation_prefixes`` ("step daughter", "great aunt", "god son") and any relation before one
    of ``ages.relation_suffixes`` ("brother in law", "step sister in law"), so that each compound is
    one relation wherever a relation is looked for ("my brother in law is fifty")."""
    base = ages.relations.phrases
    prefixed = {
        (*prefix, *relation)
        for relation in base
        if len(relation) == 1
        for prefix in ages.relation_prefixes.phrases
    }
    kin = base | prefixed
    suffixed = {(*relation, *suffix) for relation in kin for suffix in ages.relation_suffixes.phrases}
    return PhraseTable.of(sorted(kin | suffixed))


def _one_letter_off(org: _OrganizationWords) -> dict[str, str]:
    """Every word one letter edit (deleted, added or changed) off a kind of ``heard_kinds``, with that
    kind ("collage", "universty", "hospitol"); never a kind itself, its plural or possessive, or a stop
    word: those are heard right."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    heard: dict[str, str] = {}
    for kind in sorted(org.heard_kinds):
        cuts = [(kind[:k], kind[k:]) for k in range(len(kind) + 1)]
        variants = {head + tail[1:] for head, tail in cuts if tail}
        variants |= {head + c + tail[1:] for head, tail in cuts if tail for c in letters}
        variants |= {head + c + tail for head, tail in cuts for c in letters}
        for word in variants:
            if word in (kind, kind + "s") or org.kinds.at((word,), 0) or org.stops.at((word,), 0):
                continue
            heard.setdefault(word, kind)
    return heard


def _heard_as(word: str, target: str) -> bool:
    """Whether a recognizer may have written ``word`` for ``target``: one letter edit off, or two
    with the first letter heard right ("slap", "sash", "flash" for "slash"; "doodle", "color"): the
    reach of the error model's everyday-word substitutes (:mod:`redactkit.bench.asr_noise`)."""
    if word == target:
        return True
    if len(word) < 3 or not word.isalpha():
        return False
    return within_edits(word, target, 1) or (
        word[0] == target[0] and len(word) >= 4 and within_edits(word, target, 2)
    )


class _HeardWords:
    """Words a recognizer garbled by one letter (a swap, a letter dropped or added) into a word no
    dictionary lists and no name: ``lookup`` gives the listed word ("daughtr" -> daughter), ``value``
    its number ("twulve" -> 12); one memo of at most ``_HEARD_MEMO`` words."""

    def __init__(self, listed: Mapping[str, int]) -> None:
        self.listed = dict(listed)
        self.exact = frozenset(listed)
        self._memo: dict[str, str] = {}
        #: each listed word and each form of it with one letter left out, to the listed words it comes
        #: from: a word one edit from a listed word shares a form with it (a substitution leaves out the
        #: same letter of both, an insertion or deletion is the other word itself), so a look-up checks
        #: the few words its own forms propose, not every listed word (symmetric-delete)
        self._by_form: dict[str, tuple[str, ...]] = {}
        for known in self.listed:
            for form in _one_letter_out(known):
                self._by_form[form] = (*self._by_form.get(form, ()), known)

    def lookup(self, word: str) -> str:
        found = self._memo.get(word)
        if found is None:
            found = ""
            if not is_everyday_word(word) and word not in given_names() and word not in family_names():
                by_form = self._by_form
                near = {
                    known
                    for form in _one_letter_out(word)
                    for known in by_form.get(form, ())
                    if within_edits(word, known, 1)
                }
                found = next(iter(near)) if len(near) == 1 else ""
            if len(self._memo) >= _HEARD_MEMO:
                self._memo.clear()
            self._memo[word] = found
        return found

    def value(self, word: str) -> int:
        known = self.lookup(word)
        return self.listed[known] if known else 0


#: at most this many words are remembered by a :class:`_HeardWords` (its memo is cleared when full)
_HEARD_MEMO = 4096


def _one_letter_out(word: str) -> set[str]:
    """``word`` and each form of it with one letter left out."""
    return {word, *(word[:k] + word[k + 1 :] for k in range(len(word)))}


def _remember(memo: dict[str, bool], word: str, answer: bool) -> bool:
    """Keep ``answer`` for ``word`` in ``memo`` (a word memo of at most ``_HEARD_MEMO`` words: cleared
    when full) and return it."""
    if len(memo) >= _HEARD_MEMO:
        memo.clear()
    memo[word] = answer
    return answer


def _text_memo(words: Sequence[str], key: str) -> dict[Any, Any] | None:
    """A memo kept on the :class:`Words` of one text under ``key`` for as long as the words live (so
    the answers of a question asked at each position are computed once per text, however many rules
    ask it); None when ``words`` are no :class:`Words` (a window a rule built: computed each time)."""
    if not isinstance(words, Words):
        return None
    kept = words.__dict__
    memo: dict[Any, Any] | None = kept.get(key)
    if memo is None:
        memo = kept[key] = {}
    return memo


#: "34yo", "12yrs": an age written with its unit run together
#: an ordinal written with digits ("40th", "21st")
_WRITTEN_ORDINAL = re.compile(r"([1-9][0-9]{0,2})(?:st|nd|rd|th)")
_GLUED_AGE = re.compile(r"([0-9]{1,3})(?:yo|yrs|yr|yrsold|yearsold|yearold)")
#: "35M", "(28F)": an age written with the person's sex letter (capital, or inside brackets)
_GLUED_SEX_AGE = re.compile(r"([0-9]{1,3})([MFmf])")

#: words read on each side of a number whose age cue a recognizer garbled (longer than any cue)
_HEARD_AGE_WINDOW = 16


@cache
def _heard_digits(locale: str, section: str) -> dict[str, int]:
    """Words a recognizer writes for a digit word from one to nine (``section`` of asr_confusions.yaml:
    ``digit_homophones`` "fife", "tree"; ``digit_near`` "hive", "floor"), with that digit; no function
    word ("to", "for", "the", "a": ``between_digits_only`` and stop words)."""
    resources = load_locale(locale)
    lex = resources.lexicon
    data = resources.resources.get("asr_confusions") or {}
    between = {str(word).lower() for word in data.get("between_digits_only") or ()}
    heard: dict[str, int] = {}
    for digit, alikes in (data.get(section) or {}).items():
        value = lex.digits.get(str(digit).lower(), 0)
        for alike in alikes:
            word = str(alike).lower()
            if value and " " not in word and word not in between and word not in lex.stopwords:
                heard.setdefault(word, value)
    return heard


@cache
def _function_digits(locale: str) -> dict[str, int]:
    """The digit homophones of asr_confusions.yaml ``digit_homophones`` that are function words
    (``between_digits_only``: "to", "too", "for", "fore"), with their digit."""
    resources = load_locale(locale)
    lex = resources.lexicon
    data = resources.resources.get("asr_confusions") or {}
    between = {str(word).lower() for word in data.get("between_digits_only") or ()}
    heard: dict[str, int] = {}
    for digit, alikes in (data.get("digit_homophones") or {}).items():
        value = lex.digits.get(str(digit).lower(), 0)
        for alike in alikes:
            if value and str(alike).lower() in between:
                heard.setdefault(str(alike).lower(), value)
    return heard


def _glued_provider(head: str, providers: frozenset[str]) -> int | None:
    """Length of the mail provider that ends ``head`` ("janedoegmail" -> 5), allowing one typo in a
    provider of five letters or more ("gamil", "gmaill", "reddiffmail"); None if there is none."""
    best: int | None = None
    for provider in providers:
        if head.endswith(provider):
            best = max(best or 0, len(provider))
            continue
        if len(provider) < 5:
            continue
        for length in (len(provider) - 1, len(provider), len(provider) + 1):
            tail = head[-length:]
            if len(tail) == length and (within_edits(tail, provider, 1) or _one_swap(tail, provider)):
                best = max(best or 0, length)
                break
    return best


def _one_swap(a: str, b: str) -> bool:
    """``a`` is ``b`` with two adjacent letters swapped ("gaiml" for "gmail")."""
    if len(a) != len(b):
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


# ---------------------------------------------------------------------------------------------------
# spoken numbers


def _cardinal(lex: Lexicon, words: Sequence[str], i: int) -> tuple[int, int] | None:
    """The number 0..999 said at ``i`` ("forty two", "forty-two", "a hundred and one", "42"):
    (value, index after it), or None."""
    n = len(words)
    if i >= n:
        return None
    word = words[i]
    if word.isdigit():
        return (int(word), i + 1) if len(word) <= 3 else None
    value: int
    j = i + 1
    if word in lex.tens:
        value = lex.tens[word]
        k = j + 1 if j < n and words[j] == "-" else j
        if k < n and words[k] in lex.digits and lex.digits[words[k]] > 0:
            value += lex.digits[words[k]]
            j = k + 1
    elif word in lex.teens:
        value = lex.teens[word]
    elif word in lex.digits:
        value = lex.digits[word]
    elif word == "a" and j < n and words[j] in lex.hundred:
        value = 1
    else:
        return None
    if value < 10 and j < n and words[j] in lex.hundred:
        value *= 100
        j += 1
        k = j + 1 if j < n and words[j] in lex.number_and else j
        rest = _cardinal(lex, words, k)
        if rest is not None and rest[0] < 100:
            value += rest[0]
            j = rest[1]
    return value, j


def _fields(lex: Lexicon, words: Sequence[str], i: int) -> list[tuple[int, int]]:
    """Every reading of a two-digit field said at ``i`` (a date or clock field: "four", "oh four",
    "fourteen", "forty", "forty one", "04"): (value, index after it) pairs, shortest first."""
    if i >= len(words):
        return []
    word = words[i]
    if word.isdigit():
        return [(int(word), i + 1)] if len(word) <= 2 else []
    found: list[tuple[int, int]] = []
    if word in lex.digits or word in lex.teens or word in lex.tens:
        found.append((lex.digits.get(word, lex.teens.get(word, lex.tens.get(word, 0))), i + 1))
    nxt = words[i + 1] if i + 1 < len(words) else ""
    if word in lex.tens and nxt in lex.digits and lex.digits[nxt] > 0:
        found.append((lex.tens[word] + lex.digits[nxt], i + 2))
    if (word in lex.zero_aliases or word == "zero") and nxt in lex.digits:
        found.append((lex.digits[nxt], i + 2))
    return found


def _field_splits(lex: Lexicon, words: Sequence[str], i: int, most: int = 3) -> list[list[int]]:
    """Every way to read ``words[i:]`` as at most ``most`` two-digit fields (see :func:`_fields`)."""
    if i == len(words):
        return [[]]
    if most == 0:
        return []
    return [
        [value, *rest]
        for value, after in _fields(lex, words, i)
        for rest in _field_splits(lex, words, after, most - 1)
    ]


def _leading_years(lex: Lexicon, words: Sequence[str]) -> list[tuple[int, int]]:
    """Every four-digit year the words start with ("nineteen ninety" and "nineteen ninety three",
    "twenty oh eight", "two thousand ten", "1985"): (year, index after it) pairs."""
    if not words:
        return []
    if words[0].isdigit():
        return [(int(words[0]), 1)] if len(words[0]) == 4 else []
    found: list[tuple[int, int]] = []
    if len(words) >= 2 and words[0] == "two" and words[1] in lex.thousand:
        found.append((2000, 2))
        k = 3 if len(words) > 2 and words[2] in lex.number_and else 2
        found.extend((2000 + value, after) for value, after in _fields(lex, words, k))
        return found
    century = lex.teens.get(words[0]) or (lex.tens.get(words[0]) if words[0] == "twenty" else None)
    if century not in (18, 19, 20) or len(words) < 2:
        return []
    second = words[1]
    if second in lex.tens or second in lex.teens or second in lex.zero_aliases or second == "zero":
        found.extend(
            (century * 100 + value, after)
            for value, after in _fields(lex, words, 1)
            if after == 3 or value >= 10  # "nineteen five" is no year, "twenty oh five" is
        )
    return found


_AGE_WORD = "number after an age word"
_RELATION_IS = "number after a relation or name and 'is'"


def _clock_hour(words: Sequence[str], stop: int) -> bool:
    """The number ending before ``words[stop]`` is the hour of a written clock time: a colon and
    two digits of minutes follow ("2:50")."""
    return (
        stop + 1 < len(words)
        and words[stop] == ":"
        and len(words[stop + 1]) >= 2
        and words[stop + 1][:2].isdigit()
    )


_BARE_RELATION = "number right after a relation ('my daughter nine and my son six')"
_PERSON_VERB = "number after a verb with a person as subject"
_COMMA_RELATION = "number after a relation and a comma ('my daughter, nine,')"
_PERSON_AFTER = "number between 'a' and a word for a person ('a forty seven male')"
_RANGE = "second age of a range ('like thirteen fourteen')"
_PLURAL_RELATION = "number after a plural relation ('the kids nine and six')"
_SUBJECTLESS_VERB = "number after an opening person verb whose subject was dropped"


def _reread(words: Sequence[str], read: list[str]) -> Words:
    """``read`` (``words`` with some words read otherwise) as :class:`Words`, on which the phrase
    matcher keeps its results for the text; ``words`` itself when it is such and nothing changed."""
    if isinstance(words, Words) and words == tuple(read):
        return words
    return Words(read)


def _is_letter(word: str) -> bool:
    """Whether a word is one spelled letter ("i", "d")."""
    return len(word) == 1 and word.isalpha()


def _bases(words: Sequence[str]) -> Words:
    """The words without a contracted "'s" ("code's" -> "code"), for matching cues (built once per
    text: the phrase matcher's results are kept on them)."""
    return Words(word[:-2] if word.endswith("'s") and len(word) > 2 else word for word in words)


def _first_words(*tables: PhraseTable[Any]) -> frozenset[str]:
    """The words the phrases of ``tables`` start with."""
    return frozenset(phrase[0] for table in tables for phrase in table.phrases)


def _name_like(word: str, not_subjects: frozenset[str]) -> bool:
    """A given name, or a word no dictionary lists (an unusual name: "zorvakel is nine"); never a
    word that names a measured thing ("page is nine", "the bill is forty")."""
    if word in not_subjects:
        return False
    if word in given_names():
        return True
    if word in family_names():  # "maria lopez is six", not "sales were twenty"
        return not is_everyday_word(word)
    return word.isalpha() and len(word) > 2 and zipf_frequency(word) == 0.0 and not is_everyday_word(word)


class _Pass:
    """One left-to-right pass over the positions of a text where a value may start that finds values
    which never overlap: it skips the positions before ``taken`` (the end of the last value found)
    and keeps the values."""

    __slots__ = ("found", "positions", "taken")

    def __init__(self, positions: Sequence[int], taken: int = -1) -> None:
        self.positions = positions
        self.taken = taken
        self.found: list[_Found] = []

    def __iter__(self) -> Iterator[int]:
        for i in self.positions:
            if i >= self.taken:
                yield i

    def add(self, value: _Found) -> None:
        """Keep ``value``; the pass goes on after it."""
        self.found.append(value)
        self.taken = value[1]


@dataclass(frozen=True, slots=True)
class _Text:
    """One transcript as said: its tokens, their lowercase words and the words without a contracted
    "'s" ("code's" -> "code", for matching cues: :func:`_bases`)."""

    tokens: tuple[Token, ...]
    words: tuple[str, ...]
    bases: tuple[str, ...]
    #: every word is ASCII (the matcher looks no word up folded)
    ascii: bool
    #: the year birth dates are measured against (taken once per batch)
    year: int

    def starts(self, starts: frozenset[str], *, bases: bool = False) -> list[int]:
        """The positions where a phrase that starts with one of ``starts`` may start in the words (or
        in :attr:`bases`): the word is one of them, or one the matcher looks up accent-folded too (not
        ASCII). Elsewhere a table's look-up finds nothing, so a pass over a text asks its tables only
        here."""
        words = self.bases if bases else self.words
        if self.ascii:
            return [] if starts.isdisjoint(words) else [i for i, word in enumerate(words) if word in starts]
        return [i for i, word in enumerate(words) if word in starts or not word.isascii()]

    def span(self, first: int, stop: int) -> tuple[int, int]:
        return self.tokens[first].start, self.tokens[stop - 1].end


@detectors.register("contextual")
class ContextualDetector(Detector):
    """Ages, birth dates, card expiry and codes, dictated credentials and addresses (module docs)."""

    emits = CONTEXTUAL_LABELS

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"labels[{index}]", label) for index, label in enumerate(params.get("labels", cls.emits))]

    def __init__(
        self,
        labels: tuple[str, ...] = CONTEXTUAL_LABELS,
        locale: str = "en-US",
        cue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.8,
        shape_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6,
        named_organization_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.92,
        window: Annotated[int, Field(ge=1, le=12)] = 5,
        reference_year: Annotated[int, Field(ge=0, le=3000)] = 0,
    ) -> None:
        unknown = sorted(set(labels) - set(CONTEXTUAL_LABELS))
        if unknown:
            raise ValueError(f"unknown labels {unknown}; choose from {', '.join(CONTEXTUAL_LABELS)}")
        #: labels this detector may emit
        self.labels = tuple(labels)
        #: language resources (redactkit/lang/<locale>/context.yaml)
        self.locale = locale
        #: score of a value introduced by a cue
        self.cue_score = cue_score
        #: score of a value recognised by how it is said alone
        self.shape_score = shape_score
        #: score of an organisation named where only an organisation stands: a name before its kind
        #: ("kessler university", "lincoln elementary") or after a cue of a workplace or school with no
        #: given name in it ("i've been at kessler", "i'm a nurse at mercy"); above a family name read
        #: alone (the names gazetteer), a place or a school stage, so that the organisation names it
        self.named_organization_score = named_organization_score
        #: words between a cue and the value it introduces (interruptions not counted)
        self.window = window
        #: the year birth dates are measured against (0: the current year)
        self.reference_year = reference_year
        self._t = _tables(locale)
        self._digit_sounds = digit_sounds(locale)
        self._unlisted_max = zipf_cutoffs(locale).unlisted_person_name_max
        #: the organisation detector's words (its activities: "a coach for pickleball" is no employer)
        self._organization_words = load_tables(locale, "organizations", OrganizationWords)
        self._web_name_max = zipf_cutoffs(locale).web_name_word_max
        #: words right after a secret's cue that make one noun of both ("password rules", "password
        #: policy"): ``secret_compounds`` of identifiers.yaml, shared with the identifiers detector
        self._secret_compounds = load_locale(locale).words("identifiers", "secret_compounds")
        #: words that are no e-mail's local part before "at" (symbols.yaml, shared with the
        #: spoken-symbols normalizer): "sign up at acme dot net" names a web address
        self._not_local_parts = load_locale(locale).words("symbols", "not_local_parts")
        #: departments and desks a colleague is known by (names.yaml ``person_cues.departments``): no
        #: mailbox's host after "at" ("i forwarded it to jen at accounting and the rest is history")
        self._departments = frozenset(
            " ".join(phrase) for phrase in load_tables(locale, "names", PersonWords).departments
        )
        t, org = self._t, self._t.organizations
        # the first words of the cue tables each pass looks up at every position (:meth:`_Text.starts`)
        self._date_cue_starts = _first_words(t.dates.birth_cues, t.dates.expiry_cues, t.dates.code_cues)
        self._at_starts = _first_words(
            t.addresses.at,
            t.addresses.misheard_at,
            t.addresses.misheard_at_before_provider,
            t.addresses.misheard_at_before_host,
        )
        self._provider_starts = _first_words(t.addresses.bare_providers)
        self._credential_base_starts = _first_words(t.credentials.username_cues, t.credentials.password_cues)
        self._credential_word_starts = _first_words(t.credentials.entry_cues, t.credentials.guess_cues)
        self._password_symbol_starts = _first_words(t.credentials.password_symbols)
        self._platform_starts = _first_words(t.credentials.handle_platforms)
        # ... and the words one letter off a kind (`heard_kinds`: "collage")
        self._kind_starts = _first_words(org.institutions, org.kinds, org.business_kinds) | frozenset(
            self._t.heard_kinds
        )
        #: institutions of several words by their first word, for one whose last word a recognizer
        #: garbled ("medical censor", "urgent cargo": :meth:`_heard_institution`)
        by_first: dict[str, list[Phrase]] = {}
        for phrase in sorted(org.institutions.phrases):
            if len(phrase) >= 2 and len(phrase[-1]) >= 4:
                by_first.setdefault(phrase[0], []).append(phrase)
        self._institutions_by_first = {word: tuple(phrases) for word, phrases in by_first.items()}
        self._facility_cue_starts = _first_words(org.facility_cues)
        self._org_cue_base_starts = _first_words(org.cues, org.weak_cues, org.service_nouns, org.kind_cues)
        self._org_cue_word_starts = (
            _first_words(
                org.cues,
                org.weak_cues,
                org.job_prepositions,
                org.job_kind_prepositions,
                org.affiliation_links,
            )
            | org.role_prepositions
            | org.role_weak_prepositions
        )
        self._org_after_starts = _first_words(org.after)
        #: the shipped company list by phrase ("general motors", "amazon"), for one that acts
        self._listed_companies = PhraseTable.of(company_names())
        self._function_word_min = zipf_cutoffs(locale).function_word_min
        #: the last words of the cue tables an age's context is asked in (:meth:`_age_context`)
        self._age_cue_ends = frozenset(
            phrase[-1]
            for table in (
                t.ages.second_age_joiners,
                t.ages.relations,
                t.ages.cues,
                t.ages.ending_cues,
                t.ages.person_verbs,
                t.ages.subjects,
                t.ages.copulas,
            )
            for phrase in table.phrases
        )
        #: words a recognizer writes for a digit word (asr_confusions.yaml ``digit_homophones`` and
        #: ``digit_near``: "fife", "floor", "mine"), no function word, with the digit: the units of an
        #: age after a tens word ("twenty fife")
        self._heard_digits = _heard_digits(locale, "digit_homophones")
        #: near-homophones ("fine", "true", "floor"): everyday words, so an age unit must follow them
        #: ("thirty floor years old"; not "he's forty fine thanks")
        self._near_digits = _heard_digits(locale, "digit_near")
        #: ... and the homophones that are function words ("to", "for": ``between_digits_only``)
        self._function_digits = _function_digits(locale)
        self._tens = frozenset(t.lexicon.tens.values())
        #: written pauses ("...", "…": speech.yaml ``pause_marks``), skipped before an age like a filler
        self._pause_marks = pause_words(locale) - {","}
        #: the words of an age's context: number words and the words of the cue, subject, relation,
        #: verb and unit tables, which a recognizer may glue to a neighbour ("sevenand": :meth:`_unglued`)
        self._age_vocabulary = frozenset(
            {
                *self._t.number_words,
                *t.ages.subject_words,
                *(
                    word
                    for table in (
                        t.ages.cues,
                        t.ages.subjects,
                        t.ages.relations,
                        t.ages.person_verbs,
                        t.ages.copulas,
                        t.ages.questions,
                        t.ages.after,
                        t.ages.second_age_joiners,
                    )
                    for phrase in table.phrases
                    for word in phrase
                    if word.isalpha()
                ),
            }
        )
        #: ... of them, the words one part of a glued word must be: a number, a subject or a relation
        #: of three letters or more, or "i", "he" ("iwas", "heis"; not "o" in "sinko", "ex" in "capex")
        self._glue_anchors = frozenset(
            word
            for word in (
                *self._t.number_words,
                *t.ages.subject_words,
                *(phrase[0] for phrase in t.ages.relations.phrases if len(phrase) == 1),
            )
            if (len(word) >= 3 and word not in t.lexicon.zero_aliases) or word in ("i", "he")
        )
        #: letters in the longest anchor: one part of a glued word is no longer (see _glue_split)
        self._glue_anchor_letters = max(map(len, self._glue_anchors), default=0)
        self._glue_memo: dict[str, tuple[str, str] | None] = {}
        #: the two words of a tens or teens word a recognizer split -> its value (``ages.heard_splits``)
        self._heard_splits = {
            tuple(heard.split()): t.lexicon.tens.get(number) or t.lexicon.teens[number]
            for heard, number in t.ages.heard_splits.items()
        }
        self._heard_split_heads = frozenset(head for head, _ in self._heard_splits) | frozenset(
            t.ages.heard_tens_words
        )
        self._heard_copulas = t.ages.heard_copulas
        #: a child's age is labelled MINOR, not AGE, when this detector may emit both
        self._emits_minor = "MINOR" in self.labels and "AGE" in self.labels
        #: answers of the pure per-word tests asked at many positions (:func:`_remember`)
        self._dot_memo: dict[str, bool] = {}
        self._heard_dot_memo: dict[str, bool] = {}
        self._named_memo: dict[str, bool] = {}
        self._url_part_memo: dict[str, bool] = {}
        #: the key of the per-text memos this detector keeps on a text's words (:func:`_text_memo`):
        #: the answers depend on the locale's tables only
        self._memo_key = f"contextual:{locale}"
        #: the key words of the age questions (:func:`key_words`): a text with none of them asks no age
        #: (:meth:`_asked_age`)
        self._question_keys = key_words(t.ages.questions)
        #: the words an age may start at by themselves (a number word, "a"/"an" of "a year old", a
        #: digit heard as a word): any other word starts one only as a garbled or glued number
        #: (:meth:`_may_start_age`)
        self._age_start_words = (
            frozenset(
                {
                    *t.lexicon.digits,
                    *t.lexicon.teens,
                    *t.lexicon.tens,
                    "a",
                    "an",
                    *t.ages.heard_single,
                    *t.ages.heard_single_ending,
                    *t.ages.heard_unit_digits,
                }
            )
            | self._heard_split_heads
        )  # "for tea", "dirty two": a number a recognizer split or misheard
        self._age_start_memo: dict[str, bool] = {}
        ages = t.ages

        def last_words(*tables: _Phrases) -> set[str]:
            return {phrase[-1] for table in tables for phrase in table.phrases}

        #: the words a reason why a number is an age may end on right before the number (or, for
        #: "at"-openings and relations, start on): a number that is none of them reads as no reason
        #: for the number after it (:meth:`_plain_number_before`)
        self._reason_words = frozenset(
            {
                *t.lexicon.fillers,
                *self._pause_marks,
                ".",
                ",",
                "a",
                "an",
                "at",
                "of",
                *last_words(
                    ages.approximately,
                    t.interruptions,
                    ages.questions,
                    ages.answer_words,
                    ages.relations,
                    ages.question_frame,
                    ages.question_objects,
                    ages.born_ago,
                    ages.estimate_hedges,
                ),
                *(phrase[0] for phrase in ages.relations.phrases),
                *self._age_cue_ends,
                *ages.subject_words,
                *ages.heard_inside,
                *ages.garbled_copula_ends,
                *ages.subjectless_copulas,
                *ages.heard_at,
                *ages.at_words,
            }
        )
        self._plain_number_memo: dict[str, bool] = {}
        #: whether two words are "years old" as a recognizer may write them (:meth:`_heard_age_unit`)
        self._age_unit_memo: dict[tuple[str, str], bool] = {}
        #: the person verb a garbled word is heard for ("" for none: :meth:`_heard_age_context`)
        self._heard_verb_memo: dict[str, str] = {}
        #: person verbs of one word that a garbled word may stand for ("torn", "tired": :func:`_heard_as`)
        self._heard_verbs = tuple(
            phrase[0] for phrase in t.ages.person_verbs.phrases if len(phrase) == 1 and len(phrase[0]) >= 4
        )
        #: relation words of one word and five letters or more, which a recognizer may garble by one
        #: letter ("daughtr", "nephaw"), and number words of five letters or more ("twulve")
        self._heard_relation_words = _HeardWords(
            {phrase[0]: 0 for phrase in t.ages.relations.phrases if len(phrase) == 1 and len(phrase[0]) >= 5}
        )
        #: the words :meth:`_unmarked` reads as contractions without their apostrophe
        self._unmarked_words = (
            frozenset(t.ages.unmarked_contractions)
            | frozenset(t.ages.unmarked_ambiguous_contractions)
            | frozenset(word + "s" for word in t.ages.unmarked_possessive_relations)
        )
        #: subjects said with a contraction ("she's", "i'll"), which a recognizer may garble by one
        #: letter ("se's", "shi'll": :meth:`_heard_subject`)
        self._contracted_subjects = frozenset(word for word in t.ages.subject_words if "'" in word)
        #: month, number and birth-cue words of five letters or more a recognizer may garble by one
        #: letter ("septmber", "nineeen", "birhday"), read as them where dates are looked for
        self._heard_date_words = _HeardWords(
            {
                word: 0
                for word in (
                    *t.lexicon.months,
                    *t.lexicon.teens,
                    *t.lexicon.tens,
                    *t.lexicon.ordinals,
                    *t.lexicon.thousand,
                    *(word for phrase in t.dates.birth_cues.phrases for word in phrase),
                )
                if len(word) >= 5 and word.isalpha() and word not in t.lexicon.spelled_as_heard
            }
        )
        self._heard_number_words = _HeardWords(
            {
                word: value
                for word, value in (*t.lexicon.teens.items(), *t.lexicon.tens.items())
                if len(word) >= 5 and value >= 11 and word not in t.lexicon.spelled_as_heard
            }
        )
        #: the words an e-mail cue before a glued address ends with
        self._glued_cue_ends = frozenset(phrase[-1] for phrase in t.addresses.glued_cues.phrases)
        addr = t.addresses
        #: the words of a spoken scheme, "www" and slash ("h t t p s colon slash slash", "double u"):
        #: letters must be heard right, longer words may be garbled (:meth:`_heard_url_part`)
        parts = {
            word for table in (addr.schemes, addr.www, addr.slashes) for p in table.phrases for word in p
        }
        self._url_letters = frozenset(word for word in parts if len(word) == 1 and word.isalpha())
        self._url_words = frozenset(word for word in parts if len(word) >= 5 and word.isalpha())
        self._url_parts = frozenset(word for word in parts if word.isalpha()) | {"dot"}
        self._url_openers = frozenset(p[0] for table in (addr.schemes, addr.www) for p in table.phrases)
        self._www_words = frozenset(p[-1] for p in addr.www.phrases)
        self._slash_words = frozenset(word for p in addr.slashes.phrases for word in p if len(word) >= 5)
        #: the finders this detector's labels need, in order: a value two of them find is reported
        #: once, as the first found it (a cue before a shape)
        self._finders: tuple[Callable[[_Text], list[_Found]], ...] = tuple(
            finder
            for finds, finder in (
                ({"EMAIL_ADDRESS", "URL"}, self._addresses),
                ({"USERNAME", "PASSWORD"}, self._credentials),
                ({"USERNAME", "PASSWORD"}, self._shaped_passwords),
                ({"DATE_OF_BIRTH", "CREDIT_CARD_META"}, self._dates),
                ({"AGE"}, self._ages),
                ({"ORGANIZATION"}, self._organizations),
            )
            if finds & set(self.labels)
        )

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        year = self._year()
        return [self._detect_one(aligned, year) for aligned in texts]

    # -- one text -------------------------------------------------------------------------------------
    def _detect_one(self, aligned: AlignedText, year: int) -> list[Entity]:
        tokens = aligned.tokens if aligned.is_identity else tokenize(aligned.original)
        if not tokens:
            return []
        words = tokens.words
        text = _Text(tokens, words, _bases(words), "".join(words).isascii(), year)
        found = [value for finder in self._finders for value in finder(text)]
        addresses = [(first, stop) for first, stop, label, _, _ in found if label in _ADDRESS_LABELS]
        if addresses:
            # a name inside a spoken e-mail or web address ("ops at brindle logistics dot com") keeps the
            # cue's score: the address names the whole value
            found = [
                (first, stop, label, min(score, self.cue_score), why)
                if label == "ORGANIZATION" and any(a < stop and first < b for a, b in addresses)
                else (first, stop, label, score, why)
                for first, stop, label, score, why in found
            ]
        wanted = set(self.labels)
        entities = []
        seen: set[tuple[int, int]] = set()
        for first, stop, label, score, why in found:
            if label not in wanted or stop <= first or (first, stop) in seen:
                continue  # a value found by its cue and by its shape is reported once (the cue first)
            seen.add((first, stop))
            start, end = aligned.to_derived(*text.span(first, stop))
            if end > start:
                # (a MINOR of this detector is always a child's age: _ages)
                entities.append(
                    child_age(start, end, score, self.name, why)
                    if label == "MINOR"
                    else Entity(start, end, label, score, self.name, why)
                )
        return entities

    # -- shared helpers ---------------------------------------------------------------------------
    def _skip_interruptions(self, words: Sequence[str], i: int) -> int:
        while True:
            length = self._t.interruptions.at(words, i)
            if not length:
                return i
            i += length

    def _after_cue(self, words: Sequence[str], i: int, between: _Phrases) -> tuple[int, bool]:
        """Index of the first value word after a cue ending at ``i`` and whether a copula ("is",
        ":") was skipped on the way."""
        skipped = 0
        copula = False
        while i < len(words) and skipped <= self.window:
            j = self._skip_interruptions(words, i)
            length = between.at(words, j)
            if not length:
                return j, copula
            copula = copula or words[j] in ("is", "was", ":", "it's", "be", "'s", "are")
            i = j + length
            skipped += 1
        return i, copula

    def _is_number(self, word: str) -> bool:
        return word.isdigit() or word in self._t.number_words

    def _number_run(self, words: Sequence[str], i: int, *, months: bool = False) -> int:
        """End of the run of number words (and, for dates, months, "of", "the", "slash") at ``i``.

        Interruptions inside the run count when more of the run follows them; the run ends at its
        last number (or month) word. It reads at most ``_DATE_RUN_MAX_WORDS`` words: no date is
        longer, and the callers start a run at many words of one long stretch of numbers and asides
        (review37 L7: unbounded, that was quadratic in the stretch).
        """
        t = self._t
        end = i
        j = i
        limit = min(len(words), i + _DATE_RUN_MAX_WORDS)
        glue = (
            {"slash", "dash", "-", "/", "and", "of", "the", ","}
            if months
            else {"slash", "dash", "-", "/", "and"}
        )
        while j < limit:
            word = words[j]
            if self._is_number(word) or (months and word in t.lexicon.months):
                j += 1
                end = j
                continue
            if word in glue and j + 1 < len(words) and j > i:
                j += 1
                continue
            skipped = self._skip_interruptions(words, j)
            if skipped > j:
                j = skipped
                continue
            if (
                months
                and word in ("in", "year", "month", "and year", "slash")
                and j + 1 < len(words)
                and self._is_number(words[j + 1])
            ):  # "oh four year twenty nine"
                j += 1
                continue
            break
        return end

    def _may_hold(self, words: Sequence[str], name: str, keys: frozenset[str]) -> bool:
        """Whether ``words`` may hold a phrase of a table (named ``name``) whose key words
        (:func:`key_words`) are ``keys``: one of them is among the words, or a word is not ASCII (the
        matcher also looks it up accent-folded). Kept per text."""
        memo = _text_memo(words, self._memo_key + ":holds")
        if memo is not None:
            found: bool | None = memo.get(name)
            if found is None:
                found = memo[name] = may_hold(keys, words, "".join(words))
            return found
        return may_hold(keys, words, "".join(words))

    def _plain_number_before(self, word: str) -> bool:
        """Whether ``word``, right before a number, is a number that none of the reasons of
        :meth:`_ages_in` reads (:meth:`_age_context` to :meth:`_estimated_age`): digits or a number
        word (ASCII, no "'s") that is none of ``_reason_words`` (a filler, a hedge's or an
        interruption's last word, the last word of a cue, question, answer word, relation or
        copula...), no name and no word a garbled person verb may be heard in
        (:meth:`_heard_age_context`). Each reason then finds nothing: its cue would have to end on
        this word, and a number after a number never follows "a" or a person (:meth:`_person_after`).
        The number after it is then no age by itself (a reason of the number before it, or its
        unit, is read elsewhere). Memoized."""
        found = self._plain_number_memo.get(word)
        if found is None:
            t = self._t
            found = _remember(
                self._plain_number_memo,
                word,
                self._is_number(word)
                and word.isascii()
                and not word.endswith("'s")
                and word not in self._reason_words
                and word not in t.person_nouns
                and not _name_like(word, t.ages.not_subjects)
                and (
                    len(word) < 4
                    or word in self._age_cue_ends
                    or word in t.lexicon.stopwords
                    or (is_everyday_word(word) and word not in t.ages.heard_verbs)
                ),
            )
        return found

    def _may_start_age(self, word: str) -> bool:
        """Whether an age may start at ``word`` (:meth:`_ages_in`): a digit opens it, or a word of
        ``_age_start_words``, or a number word a recognizer garbled or glued ("twulve", "twentyfive").
        Memoized."""
        found = self._age_start_memo.get(word)
        if found is None:
            found = _remember(
                self._age_start_memo,
                word,
                word[:1].isdigit()
                or word in self._age_start_words
                or bool(self._heard_number(word) or self._glued_number(word)),
            )
        return found

    # -- ages ----------------------------------------------------------------------------------------
    def _ages(self, text: _Text) -> list[_Found]:
        """Numbers from ``ages.min`` to ``ages.max`` said as someone's age: before "years old", after an
        age word, a person as the subject or a relation and "is", an opening "at" before a
        conditional; decades of life and ordinal birthdays."""
        words, origin = self._unglued(self._heard_relations(text.words))
        found = self._ages_in(words)
        if found and ":" in words:
            # "eta is 2:50", "mia is at 7:15": the hour of a written clock time is nobody's age
            found = [value for value in found if not _clock_hour(words, value[1])]
        if self._emits_minor:
            found = [
                (first, stop, "MINOR", score, why)
                if label == "AGE" and self._minor(words, first, stop)
                else (first, stop, label, score, why)
                for first, stop, label, score, why in found
            ]
        found = [self._with_span_hedge(words, value) for value in found]
        if len(found) > 1:
            found = self._whole_ranges(words, found)
        if origin is None:
            return found
        # back to the transcript's words: a value inside a glued word covers all of it
        return [
            (origin[first], origin[stop - 1] + 1, label, score, why)
            for first, stop, label, score, why in found
        ]

    def _with_span_hedge(self, words: Sequence[str], value: _Found) -> _Found:
        """``value`` with a hedge of ``ages.span_hedges`` right before it in its span: "nearly three",
        "pushing fifty", "well over ninety" say the age as much as the number does."""
        first, stop, label, score, why = value
        length = self._t.ages.span_hedges.ending(words, first) if first > 0 else 0
        if not length or label not in ("AGE", "MINOR"):
            return value
        opening = first - length
        if (
            opening > 0
            and self._t.ages.hedges_not_after_age.at(words, opening)
            and (self._is_number(words[opening - 1]) or words[opening - 1] in ("half", "quarter"))
        ):
            return value  # "five going on six", "six and a half going on thirty": a second age, no hedge
        return (first - length, stop, label, score, why)

    def _whole_ranges(self, words: Sequence[str], found: list[_Found]) -> list[_Found]:
        """ "between five and twelve": an age after a hedge of ``ages.range_hedges`` runs on over a
        word of ``ages.range_joiners`` to the age right after it, which it takes in; a range says
        both ends, not how far the age is from one number (review40 L4)."""
        ages = self._t.ages
        by_start = {value[0]: value for value in found}
        taken: set[int] = set()
        out: list[_Found] = []
        for value in found:
            first, stop, label, score, why = value
            if first in taken:
                continue
            other = by_start.get(stop + 1)
            if (
                other is not None
                and stop < len(words)
                and words[stop] in ages.range_joiners
                and ages.range_hedges.at(words, first)
            ):
                taken.add(other[0])
                value = (first, other[1], label, score, why)
            out.append(value)
        return out

    def _heard_split(self, words: Sequence[str], i: int) -> tuple[int, int] | None:
        """ "for tea", "nine teen", "sex tee two": a tens or teens word a recognizer split in two
        (``ages.heard_splits``) at ``i``, with the digit word after a tens word, or a tens word heard as
        an everyday word before a digit word ("dirty two": ``ages.heard_tens_words``): (value, index after
        it); None when there is none."""
        if i + 1 >= len(words):
            return None
        lex = self._t.lexicon
        tens = self._t.ages.heard_tens_words.get(words[i])
        if tens is not None:  # "dirty two": only with the digit word after it
            units = lex.digits.get(words[i + 1], 0)
            return (lex.tens[tens] + units, i + 2) if units > 0 else None
        value = self._heard_splits.get((words[i], words[i + 1]))
        if value is None:
            return None
        if value >= 20 and i + 2 < len(words) and lex.digits.get(words[i + 2], 0) > 0:
            return (value + lex.digits[words[i + 2]], i + 3)
        return (value, i + 2)

    def _minor(self, words: Sequence[str], first: int, stop: int) -> bool:
        """Whether the age ``words[first:stop]`` is a child's as it is now: below ``ages.minor_below``
        years (a number alone or with "years"), or said in months, weeks or days, "a year old", and no
        word of ``ages.minor_past_words`` in the ``ages.minor_past_window`` words before it ("when i was
        twelve" is an adult's past)."""
        t = self._t
        ages = t.ages
        if words[stop - 1] in ages.minor_decades:
            # "in his early teens" (not "in her late teens"): a decade of a child's age
            if any(word in ages.adult_decade_qualifiers for word in words[first : stop - 1]):
                return False
            return not self._said_of_past(words, first)
        if words[first] in ("a", "an"):
            value: int | None = 1  # "a year and a half"
        else:
            parsed = (
                (self._heard_split(words, first) or _cardinal(t.lexicon, words, first))
                if words[first] not in t.lexicon.ordinals and not _WRITTEN_ORDINAL.fullmatch(words[first])
                else None
            )
            value = parsed[0] if parsed is not None and parsed[1] <= stop else None
        if value is None:
            return False
        young = any(word in ages.young_units for word in words[first:stop])
        if not (
            young
            or value < ages.minor_below
            or (value == ages.minor_below and self._to_come(words, first, stop))
        ):
            return False
        return not self._said_of_past(words, first)

    def _said_of_past(self, words: Sequence[str], first: int) -> bool:
        """Whether a word of ``ages.minor_past_words`` stands in the ``ages.minor_past_window`` words
        before the age at ``first`` (over its hedges): "when i was twelve" is an adult's past."""
        ages = self._t.ages
        k = self._before_approximately(words, first)
        return any(
            ages.minor_past_words.ending(words, m)
            for m in range(max(1, k - ages.minor_past_window + 1), k + 1)
        )

    def _to_come(self, words: Sequence[str], first: int, stop: int) -> bool:
        """Whether the age ``words[first:stop]`` is still to come: a word of ``ages.minor_future_words``
        in the ``ages.minor_past_window`` words before it ("she'll be eighteen", "he's almost eighteen")
        or one of ``ages.minor_future_then`` right after it ("she's eighteen next month")."""
        ages = self._t.ages
        return bool(ages.minor_future_then.at(words, stop)) or any(
            ages.minor_future_words.ending(words, m)
            for m in range(max(1, first - ages.minor_past_window + 1), first + 1)
        )

    def _unglued(self, words: Sequence[str]) -> tuple[Sequence[str], list[int] | None]:
        """``words`` with each word a recognizer glued from two ("sevenand", "iwas", "sonturns",
        "oureighteen") written as those two, where one of them is a word of an age's context
        (:meth:`_glue_split`), and for each word the index of the word it came from; ``(words, None)``
        when no word is glued."""
        split: list[str] | None = None
        origin: list[int] = []
        for k, word in enumerate(words):
            parts = self._glue_split(word)
            if parts and split is None:
                split = list(words[:k])
                origin = list(range(k))
            if split is not None:
                pieces = parts or (word,)
                split.extend(pieces)
                origin.extend(k for _ in pieces)
        return (words, None) if split is None else (Words(split), origin)

    def _glue_split(self, word: str) -> tuple[str, str] | None:
        """The two words a recognizer glued into ``word``: ``word`` is no word English uses (Zipf
        below ``ages.glued_max_zipf``) and no name, its two parts are words (everyday or of an age's
        context) and at least one is a word of an age's context (a number, subject, relation, cue or
        unit word: "sevenand", "wasfifteen"); None otherwise. Memoized."""
        if len(word) < 4 or not word.isalpha():
            return None
        memo = self._glue_memo
        if word in memo:
            return memo[word]
        found: tuple[str, str] | None = None
        vocabulary = self._age_vocabulary
        if (
            zipf_frequency(word) < self._t.ages.glued_max_zipf
            and not is_everyday_word(word)
            and word not in given_names()
            and word not in family_names()
            and not self._heard_number(word)  # "fiteen" is fifteen, not "fi teen"
            and word not in vocabulary
            and word not in self._t.ages.decades  # "fourties"
        ):
            anchors = self._glue_anchors
            # one part is an anchor, so no longer than the longest: only the cuts that leave one part
            # that short are tried, in order (trying every cut of a long word is quadratic in it)
            most, size = self._glue_anchor_letters, len(word)
            cuts: Iterable[int] = (
                range(1, size)
                if size <= 2 * most + 1
                else itertools.chain(range(1, most + 1), range(size - most, size))
            )
            for cut in cuts:
                head, tail = word[:cut], word[cut:]
                if (head in anchors or tail in anchors) and all(
                    part in vocabulary
                    if len(part) < 3
                    else (part in vocabulary or zipf_frequency(part) >= self._t.ages.glued_part_min_zipf)
                    for part in (head, tail)
                ):
                    found = (head, tail)
                    break
        if len(memo) >= _HEARD_MEMO:
            memo.clear()
        memo[word] = found
        return found

    def _ages_in(self, words: Sequence[str]) -> list[_Found]:
        t = self._t
        lex = t.lexicon
        found: list[_Found] = []
        low, high = t.ages.min, t.ages.max
        i = 0
        previous_age_end = -10
        while i < len(words):
            if not self._may_start_age(words[i]):
                i += 1  # nothing below finds an age at this word
                continue
            split = self._heard_split(words, i) if words[i] in self._heard_split_heads else None
            parsed = split or _cardinal(lex, words, i) or self._article_age(words, i)
            heard = parsed is None and (self._heard_number(words[i]) or self._glued_number(words[i]))
            if heard:
                parsed = (heard, i + 1)  # "my nephew is going to be twulve"
            elif split:
                heard = split[0]  # "i'm for tea": an age only where it may end
            if parsed is None:
                if self._heard_single_age(words, i):  # "she turns nein in may", "my son is ate"
                    found.append(
                        (i, i + 1, "AGE", self.cue_score, "a digit heard as a word after an age cue")
                    )
                    previous_age_end = i + 1
                elif (
                    words[i] in t.ages.heard_unit_digits
                    and (unit := t.ages.heard_digit_units.at(words, i + 1) or self._heard_half(words, i + 1))
                    and self._heard_digit_said(words, i)
                ):
                    # "he's for years old", "a too year old boy": the unit says it is an age
                    found.append(
                        (i, i + 1 + unit, "AGE", self.cue_score, "a digit heard as a word before an age unit")
                    )
                    previous_age_end = i + 1 + unit
                elif (glued := _GLUED_AGE.fullmatch(words[i])) and low <= int(glued[1]) <= high:
                    found.append((i, i + 1, "AGE", self.cue_score, "a number and its age unit"))  # "34yo"
                elif (glued := _GLUED_SEX_AGE.fullmatch(words[i])) and self._sex_age(words, i, int(glued[1])):
                    found.append((i, i + 1, "AGE", self.cue_score, "an age and the person's sex letter"))
                i += 1
                continue
            value, j = parsed
            if value in self._tens and j < len(words):
                if (
                    words[j] in t.ages.heard_inside_number
                    and j + 1 < len(words)
                    and words[j + 1] in lex.digits
                    and lex.digits[words[j + 1]] > 0
                    and self._heard_unit_ends(words, j + 2)
                    # "i'm thirty the one on the left ...": "the one" is a pronoun, no units
                    and not (words[j + 1] in t.ages.pronoun_numbers and words[j] in ("the", "a"))
                ):  # "fifty a seven", "twenty i one": a short word a recognizer put inside the number
                    value += lex.digits[words[j + 1]]
                    j += 2
                elif words[j] in self._heard_digits and self._heard_unit_ends(words, j + 1):
                    # "twenty fife": misheard units, where the age can end after them ("i was twenty
                    # free", "twenty won and a half"; not "i was twenty free of debt")
                    value += self._heard_digits[words[j]]
                    j += 1
                elif words[j] in self._function_digits and (
                    j + 1 == len(words)
                    or words[j + 1] in t.ages.function_digit_then
                    or t.ages.after.at(words, j + 1)  # "i'm sixty for years old"
                ):
                    # "my aunt is ninety for and ...", "he's fifty to": units heard as a function word
                    # ("to", "for"), only where the utterance or the clause ends after them
                    value += self._function_digits[words[j]]
                    j += 1
                elif (
                    words[j] in self._near_digits and j + 1 < len(words) and words[j + 1] in ("years", "year")
                ):
                    value += self._near_digits[words[j]]  # "ninety floor years old"
                    j += 1
            end = j + t.ages.fractions.at(words, j)
            if (
                end == j
                and j + 1 < len(words)
                and words[j] == "-"
                and (hyphened := t.ages.fractions.at(words, j + 1))
            ):
                end = j + 1 + hyphened  # "i'm 40-something", "she's sixty-ish"
            after = self._skip_interruptions(words, end)
            if after < len(words) and words[after] == "-":  # "a forty-five-year-old"
                after += 1
            if t.ages.after.at(words, after) or self._heard_age_unit(words, after):
                if low <= value <= high and not self._thing_age(words, i, after):
                    # the unit is redacted with the number ("[nine years old]", "[eight months old]"):
                    # whether a reviewer's span takes it or not, the age is covered
                    stop = after
                    while stop < after + t.ages.after.at(words, after) and words[stop] in t.ages.unit_words:
                        stop += 1
                    found.append((i, stop, "AGE", self.cue_score, "a number and its age unit"))
                    previous_age_end = stop
                    shared = self._age_sharing_unit(words, i)
                    if shared:  # "a four and a six year old": the unit said once for both
                        found.append((*shared, "AGE", self.cue_score, "an age sharing the next age's unit"))
                i = j
                continue
            if (
                i > 0
                and words[i - 1] in ("a", "an")
                and value in self._tens
                and value >= 20
                and j < len(words)
                and words[j] in t.ages.generation_words
                and not t.ages.not_after.at(words, j + 1)
                and (
                    t.ages.subjects.ending(words, i - 1) > 0
                    or (i > 1 and words[i - 2] in t.ages.generation_cues)
                    or (j + 1 < len(words) and words[j + 1] in t.person_nouns)
                )
            ):  # "she's a thirty something teacher", "i'm a twenty something", "as a thirty something"
                found.append((i, j + 1, "AGE", self.cue_score, "a generation said as a decade"))
                previous_age_end = j + 1
                i = j + 1
                continue
            if (
                end > j
                and end < len(words)
                and i > 0
                and words[i - 1] in t.ages.approximate_person_articles
                and low <= value <= high
                and any(word in t.ages.approximate_suffixes for word in words[j:end])
                and (words[end] in t.person_nouns or t.ages.relations.at(words, end))
            ):  # "a seventy four-ish guy", "this fifty-odd lady": a guess at the person's age
                found.append((i, end, "AGE", self.cue_score, "an approximate age before a person"))
                previous_age_end = end
                i = end
                continue
            if i > 0 and previous_age_end != i and self._plain_number_before(words[i - 1]):
                i = j  # "five five five": right after a plain number no rule below finds a reason
                continue
            why = (
                self._age_context(words, i, previous_age_end)
                or self._asked_age(words, i)
                or self._garbled_copula(words, i)
                or self._subjectless_age(words, i, after, value)
                or self._at_age(words, i, after, value)
                or self._event_age(words, i, after, value)
                or self._born_ago(words, i, after)
                or self._person_after(words, i, after)
                or self._person_before(words, i, after)
                or self._estimated_age(words, i)
                or self._spoken_sex_age(words, i, j, value)
                or self._birth_year_age(words, i, value)
            )
            if not why:
                i = j  # nothing below keeps a number without a reason
                continue
            unit = after < len(words) and (
                words[after] in t.ages.young_units or words[after] in ("years", "year")
            )
            if (
                heard
                and why != _AGE_WORD  # "at the age sex tee he retired": an age word says it
                and not (self._age_ends(words, after) or t.ages.after.at(words, after))
            ):
                why = ""  # a garbled number word only where the age ends after it
            if why and self._threshold(words, i, after, why):
                why = ""  # "kids under twelve are free", "you must be eighteen or older": a limit
            if why == _RELATION_IS and self._counted_after_possessive(words, i, after):
                why = ""  # "my son's twelve cards": a possessive and a count, no age
            if why in (_BARE_RELATION, _COMMA_RELATION) and (unit or not self._age_ends(words, after)):
                # "my daughter ninety two on her test" is no age said after a relation; "an older lady
                # maybe seventy who ..." is a guess at her age
                why = "" if unit else self._estimated_age(words, i)
            if why == _SUBJECTLESS_VERB and not (
                self._age_ends(words, after) or any(word in lex.months for word in words[after : after + 2])
            ):
                why = ""  # "turning two at the next light" gives directions
            if why == _PERSON_VERB and not (
                self._age_ends(words, after)
                or t.ages.verb_then.at(words, after)
                or any(word in lex.months for word in words[after : after + 2])
            ):
                # "he hit forty home runs"; "she turns nine [it] november": a month right after, or
                # after one word (a garbled "in")
                why = ""
            if why and why != _AGE_WORD and self._misheard_height(words, value, after):
                why = ""  # "she's about five fog three": feet and inches, the unit misheard
            young = (
                why == _RELATION_IS
                and after + 1 <= len(words)
                and after < len(words)
                and words[after] in t.ages.young_units
                and (after + 1 == len(words) or self._age_ends(words, after + 1))
            )  # "my newborn is three weeks and not feeding"
            if young:  # the unit is part of the age ("eighteen months")
                found.append((i, after + 1, "AGE", self.cue_score, "a baby's age in weeks or months"))
                previous_age_end = end
                i = j
                continue
            if why and i > 0 and words[i - 1] == "between" and not self._to_range(words, after, value):
                why = ""  # "they're between ten and twelve dollars": "between" says a range of ages or none
            if why and why != _AGE_WORD and self._team_record(words, after):
                why = ""  # "they're twenty six and four on the road": a team's wins and losses
            listed = self._age_list(words, i) if why and after < len(words) else []
            if listed:  # "three kids twelve nine and four"
                for first, stop in listed:
                    found.append((first, stop, "AGE", self.cue_score, "ages said as a list"))
                previous_age_end = listed[-1][1]
                i = previous_age_end
                continue
            corrected = (
                after < len(words)
                and self._is_number(words[after])
                and (self._corrected(words, end, after, value) or self._range(words, i, end, after, value))
            ) or (bool(why) and self._to_range(words, after, value))
            years = bool(why) and self._years_said(words, i, after)  # "he's twelve years"
            if (
                why
                and low <= value <= high
                and (
                    corrected
                    or years
                    or not (
                        (t.ages.not_after.at(words, after) and not t.ages.not_after_except.at(words, after))
                        or (after < len(words) and self._is_number(words[after]))
                    )
                )
                and (
                    why == _PERSON_AFTER
                    or not (i > 0 and words[i - 1] in ("number", "the", "a", "page", "room", "gate"))
                )
                and (value > 1 or why == _AGE_WORD or self._age_ends(words, after))
            ):
                if years:
                    end = after + 1
                elif after < len(words) and words[after] in t.ages.young_units:
                    # "he's eighteen months": the unit is part of the age; "i'm three months into the
                    # job", "she's six months pregnant" say how long, not how old
                    unit_end = after + 1
                    if not self._age_ends(words, unit_end) or t.ages.young_unit_not_then.at(words, unit_end):
                        i = j
                        continue
                    end = after + 1
                found.append((i, end, "AGE", self.cue_score, why))
                previous_age_end = end
            i = j
        found.extend(self._decades_and_birthdays(words))
        found.extend(self._named_ages(words))
        return found

    def _named_ages(self, words: Sequence[str]) -> list[_Found]:
        """ "jack seven and lily four", "mia five, leo three and ava one": given names each right before
        a number, at least ``ages.named_ages_min`` such pairs joined by words of ``ages.named_ages_joiners``,
        the last number where the age ends: the ages of the people named (never "gate seven and
        row four": a word of ``ages.not_subjects`` is no name)."""
        t = self._t
        ages = t.ages
        found: list[_Found] = []
        i = 0
        while i < len(words):
            pairs: list[tuple[int, int]] = []
            k = i
            while k + 1 < len(words) and self._named(words[k]):
                parsed = _cardinal(t.lexicon, words, k + 1)
                if parsed is None or not ages.min <= parsed[0] <= ages.max:
                    break
                pairs.append((k + 1, parsed[1]))
                k = parsed[1]
                joiner = ages.named_ages_joiners.at(words, k)
                if not joiner:
                    break
                k += joiner
            if len(pairs) >= ages.named_ages_min and self._age_ends(words, pairs[-1][1]):
                found.extend(
                    (first, stop, "AGE", self.cue_score, "ages said after names") for first, stop in pairs
                )
                i = pairs[-1][1]
                continue
            i += 1
        return found

    def _named(self, word: str) -> bool:
        """A given name that is no function word, subject or measured thing (``_named_ages``)."""
        found = self._named_memo.get(word)
        if found is None:
            t = self._t
            found = _remember(
                self._named_memo,
                word,
                word.isalpha()
                and word in given_names()
                and word not in place_names()  # "austin five and dallas three in the standings"
                and word not in t.ages.not_subjects
                and word not in t.lexicon.stopwords
                and word not in t.ages.subject_words
                and not self._is_number(word),
            )
        return found

    def _article_age(self, words: Sequence[str], i: int) -> tuple[int, int] | None:
        """ "a year old", "a month old", "a year and a half": "a" or "an" said for one before a unit of
        ``ages.article_units`` and "old" or a fraction: (1, index after the number); for a fraction the
        unit is read with the number ("[a year] and a half"). None otherwise."""
        ages = self._t.ages
        if not (words[i] in ("a", "an") and i + 2 < len(words) and words[i + 1] in ages.article_units):
            return None
        if words[i + 2] == "old":
            # "it's a year old car": a thing after "old" (no person right after it) is a thing's age
            x = i + 3
            if (
                x < len(words)
                and self._thing_word(words[x])
                and not any(
                    self._is_person(words, end, names=False)
                    for end in range(x + 1, min(len(words), x + 3) + 1)
                )
            ):
                return None
            return (1, i + 1)
        fraction = ages.fractions.at(words, i + 2)
        if fraction and words[i + 2] == "and" and self._age_ends(words, i + 2 + fraction):
            return (1, i + 2)
        return None

    def _age_sharing_unit(self, words: Sequence[str], i: int) -> tuple[int, int] | None:
        """The number said before the age at ``i`` that shares its unit ("a [four] and a six year old",
        "[two] or three years old"): a number between ``ages.min`` and ``ages.max`` ending right before
        "and"/"or" (and "a"/"an"), after "a"/"an" or a subject; None when there is none."""
        t = self._t
        m = i - 1 if i > 0 and words[i - 1] in ("a", "an") else i
        if not (m > 1 and words[m - 1] in ("and", "or")):
            return None
        end = m - 1
        for first in range(max(0, end - 3), end):
            parsed = _cardinal(t.lexicon, words, first)
            if (
                parsed is not None
                and parsed[1] == end
                and t.ages.min <= parsed[0] <= t.ages.max
                and first > 0
                and (words[first - 1] in ("a", "an") or t.ages.subjects.ending(words, first))
            ):
                return (first, end)
        return None

    def _heard_age_unit(self, words: Sequence[str], after: int) -> bool:
        """ "a twenty two yer old", "that two year od", "eighty three year sold": "years old" with each
        word at most one letter off (``ages.heard_unit_years``, ``ages.heard_unit_old``), as a
        recognizer may write it."""
        ages = self._t.ages
        if after + 1 >= len(words):
            return False
        year, old = words[after], words[after + 1]
        memo = self._age_unit_memo
        found = memo.get((year, old))
        if found is None:
            found = (
                year.isalpha()
                and old.isalpha()
                and len(old) >= 2
                # "i teach twelve year olds": people of an age, no one's age ("year sold" is "years old")
                and not (old.endswith("s") and old[:-1] in ages.heard_unit_old)
                and any(
                    year == unit or (len(year) >= 3 and within_edits(year, unit, 1))
                    for unit in ages.heard_unit_years
                )
                and any(within_edits(old, unit, 1) for unit in ages.heard_unit_old)
            )
            if len(memo) >= _HEARD_MEMO:
                memo.clear()
            memo[year, old] = found
        return found

    def _threshold(self, words: Sequence[str], i: int, after: int, why: str) -> bool:
        """A limit said with a number, not someone's age: a hedge of ``ages.threshold_hedges`` between a
        relation without a verb and the number ("kids under twelve are free"), or one of
        ``ages.threshold_after`` after the number and before it a modal of ``ages.threshold_modals`` said
        of a generic subject (``ages.threshold_subjects``: "you must be eighteen or older"; not "my
        grandma must be ninety or older") or a word of ``ages.threshold_self`` ("if you're sixty five or
        over")."""
        ages = self._t.ages
        k = self._before_approximately(words, i)
        if why in (_BARE_RELATION, _PLURAL_RELATION, _COMMA_RELATION) and any(
            ages.threshold_hedges.ending(words, m) for m in range(k + 1, i + 1)
        ):
            return True
        if not ages.threshold_after.at(words, after):
            return False
        for m in range(k, i + 1):
            if ages.threshold_self.ending(words, m):
                return True
            modal = ages.threshold_modals.ending(words, m)
            if modal and ages.threshold_subjects.ending(words, m - modal):
                return True
        return False

    def _counted_after_possessive(self, words: Sequence[str], i: int, after: int) -> bool:
        """ "my son's twelve cards", "my sister's three dogs": right after a person with "'s" (read as
        "is" elsewhere: "my son's twelve"), a number before a plural everyday noun counts things the
        person has."""
        t = self._t
        k = self._before_approximately(words, i)
        if not (k > 0 and words[k - 1].endswith("'s") and after < len(words)):
            return False
        word = words[after]
        return (
            len(word) > 3
            and word.endswith("s")
            and not word.endswith("ss")
            and word not in ("years", "months", "weeks", "days")
            and self._thing_word(word)
            and not t.ages.one_then.at(words, after)
            and not t.ages.verb_then.at(words, after)
        )

    def _years_said(self, words: Sequence[str], i: int, after: int) -> bool:
        """ "he's twelve years", "my mum is ninety years and still sharp": "years" right after an age
        said of one person, where the sentence ends or a word of ``ages.years_then`` follows; never
        after a plural subject (``ages.years_not_after``: "we're ten years this month" is an
        anniversary) nor when "years" says how long ("i'm ten years in")."""
        ages = self._t.ages
        if not (after < len(words) and words[after] in ("years", "year")):
            return False
        then = after + 1
        if not (then == len(words) or ages.years_then.at(words, then)):
            return False
        if (
            then < len(words)
            and words[then] == "and"
            and (
                (
                    then + 1 < len(words)
                    and (self._is_number(words[then + 1]) or words[then + 1] == "counting")
                )
                or any(
                    ages.young_unit_not_then.at(words, m) for m in range(then + 1, min(len(words), then + 8))
                )
            )
        ):
            return False  # "i'm ten years and counting", "two years and three months into this job"
        k = self._before_approximately(words, i)
        return not ages.years_not_after.ending(words, k)

    def _heard_relations(self, words: Sequence[str]) -> Sequence[str]:
        """``words`` with each relation word a recognizer garbled by one letter read as it ("my
        daughtr", "my nephaw": five letters or more, no everyday word, no listed name), and each "is"
        heard as another word (:meth:`_heard_copula`); ``words`` itself when there is none."""
        heard = self._heard_relation_words
        changed: list[str] | None = None
        for k, word in enumerate(words):
            unmarked = self._unmarked(words, k) if word in self._unmarked_words else ""
            if unmarked:  # "whos six", "ill be forty", "my moms eighty": the apostrophe left out
                if changed is None:
                    changed = list(words)
                changed[k] = unmarked
                continue
            if word in self._heard_copulas and self._heard_copula(changed or words, k):
                if changed is None:
                    changed = list(words)
                changed[k] = "is"  # "my son his nine", "my grandmother who this ninety three"
                continue
            if "'" in word and word not in self._contracted_subjects:
                subject = self._heard_subject(word)  # "shi'll turn twelve", "se's ninety"
                if subject:
                    if changed is None:
                        changed = list(words)
                    changed[k] = subject
                continue
            if len(word) < 5 or not word.isalpha() or word in heard.exact:
                continue
            relation = heard.lookup(word)
            if relation:
                if changed is None:
                    changed = list(words)
                changed[k] = relation
        return words if changed is None else Words(changed)

    def _unmarked(self, words: Sequence[str], k: int) -> str:
        """``words[k]`` as written with the apostrophe a recognizer left out, "" when it is none: a
        contraction of ``ages.unmarked_contractions`` ("whos", "theyll"), one of
        ``ages.unmarked_ambiguous_contractions`` before a word of ``ages.unmarked_contraction_then``
        ("ill be", "were both"), or a relation's "'s" after a determiner before a number or a stem
        copula ("my moms eighty", "my dads turning seventy")."""
        ages = self._t.ages
        word = words[k]
        said = ages.unmarked_contractions.get(word)
        if said:
            return said
        after = words[k + 1] if k + 1 < len(words) else ""
        said = ages.unmarked_ambiguous_contractions.get(word)
        if said:
            # "ill be forty", "so were both sixty" (not "there were only twelve left": a past copula)
            opens = k == 0 or bool(ages.unmarked_contraction_after.ending(words, k))
            return said if opens and after in ages.unmarked_contraction_then else ""
        if not (
            len(word) > 3
            and word[:-1] in ages.unmarked_possessive_relations
            and k > 0
            and words[k - 1] in ages.determiners
        ):
            return ""
        if ages.stem_copulas.at(words, k + 1):
            return word[:-1] + "'s"  # "my dads turning seventy"
        number = _cardinal(self._t.lexicon, words, k + 1)
        # "my moms eighty", not "my dads seventy nine camaro"
        return word[:-1] + "'s" if number is not None and self._age_ends(words, number[1]) else ""

    def _heard_copula(self, words: Sequence[str], k: int) -> bool:
        """Whether ``words[k]`` (a word of ``ages.heard_copulas``: "his", "as", "this") is an "is" a
        recognizer misheard: before a number, right after a relation where the age ends after the number
        ("my son his nine"), or after a relation and a word of ``ages.heard_copula_after`` ("my
        grandmother who this ninety three lives with us"), or after a word of ``ages.heard_copula_cues``
        where the age ends ("my age as thirty")."""
        ages = self._t.ages
        if not (0 < k < len(words) - 1):
            return False
        parsed = _cardinal(self._t.lexicon, words, k + 1)
        if parsed is None:
            return False
        if words[k - 1] in ages.heard_copula_after:
            return bool(ages.relations.ending(words, k - 1))
        if words[k - 1] in ages.heard_copula_cues:  # "my age as thirty"
            return self._age_ends(words, parsed[1])
        return bool(ages.relations.ending(words, k)) and (
            self._age_ends(words, parsed[1]) or bool(ages.after.at(words, parsed[1]))
        )

    def _glued_number(self, word: str) -> int:
        """ "twentyfive", "eightyone": a tens word and a digit word a recognizer wrote as one word; 0
        when ``word`` is none."""
        lex = self._t.lexicon
        if len(word) < 7 or not word.isalpha() or word in lex.tens:
            return 0
        for tens, value in lex.tens.items():
            if word.startswith(tens) and value >= 20:
                units = lex.digits.get(word[len(tens) :], 0)
                return value + units if units > 0 else 0
        return 0

    def _heard_subject(self, word: str) -> str:
        """The contracted subject (``ages.subject_words`` with an apostrophe: "she's", "he'll") a
        recognizer garbled by one letter into ``word`` ("se's", "shi'll", "h's"), ``word`` a rare
        word (Zipf below ``ages.heard_subject_max_zipf``: not "they're", "it'll"); "" when none."""
        if zipf_frequency(word) >= self._t.ages.heard_subject_max_zipf:
            return ""
        near = sorted(
            subject
            for subject in self._contracted_subjects
            if abs(len(subject) - len(word)) <= 1 and within_edits(word, subject, 1)
        )
        return near[0] if near else ""

    def _heard_number(self, word: str) -> int:
        """The number a recognizer garbled by one letter into ``word`` ("twulve", "foureen", "ffteen"):
        a teens or tens word of five letters or more, ``word`` no everyday word; 0 when none."""
        if len(word) < 4 or not word.isalpha():
            return 0
        return self._heard_number_words.value(word)

    def _garbled_copula(self, words: Sequence[str], i: int) -> str:
        """ "my brother is going a be ninety two", "my grandpa it is to be sixty six": "be" right
        before the number (over hedges) and a relation after a determiner at most
        ``ages.garbled_copula_window`` words before it, the words between a garbled "is going to"
        (``ages.garbled_copula_between``)."""
        ages = self._t.ages
        k = self._before_approximately(words, i)
        if not (k > 1 and words[k - 1] in ages.garbled_copula_ends):
            return ""
        for end in range(k - 1, max(0, k - 1 - ages.garbled_copula_window), -1):
            relation = ages.relations.ending(words, end)
            # only the words of a garbled "is going to" between: the relation is the one that will be
            # the number ("my mom said it would be five" is no age)
            if (
                relation
                and end - relation > 0
                and words[end - relation - 1] in ages.determiners
                and all(self._garbled_between(word) for word in words[end : k - 1])
            ):
                return _RELATION_IS
        return ""

    def _garbled_between(self, word: str) -> bool:
        """A word of ``ages.garbled_copula_between``, or one a letter off one of them at least
        ``ages.garbled_copula_heard_min`` letters long ("gown" for "goin", "well" for "will")."""
        ages = self._t.ages
        if word in ages.garbled_copula_between:
            return True
        return (
            len(word) >= 3
            and word.isalpha()
            and any(
                len(said) >= ages.garbled_copula_heard_min and within_edits(word, said, 1)
                for said in ages.garbled_copula_between
            )
        )

    def _subjectless_age(self, words: Sequence[str], i: int, after: int, value: int) -> str:
        """ "was forty three when we moved": a copula of ``ages.subjectless_copulas`` opening the
        utterance ("i" dropped) before a number of at least ``ages.subjectless_copula_min`` (a smaller
        one may be a clock time: "was five when i got home"), and a word of ``ages.subjectless_then``
        after it."""
        ages = self._t.ages
        k = self._before_approximately(words, i)
        if (
            value >= ages.subjectless_copula_min
            and k > 0
            and words[k - 1] in ages.subjectless_copulas
            and self._opens(words, k - 1)
            and ages.subjectless_then.at(words, after)
        ):
            return "number after a copula whose subject was dropped"
        return ""

    def _opens(self, words: Sequence[str], k: int) -> bool:
        """Only fillers and words of ``ages.at_openers`` stand before ``words[k]``."""
        t = self._t
        while k > 0 and (words[k - 1] in t.lexicon.fillers or t.ages.at_openers.ending(words, k)):
            k -= t.ages.at_openers.ending(words, k) or 1
        return k == 0

    def _asked_age(self, words: Sequence[str], i: int) -> str:
        """ "can i get your age yeah it's forty", "age please sixty": a number after an age question
        (``ages.questions``) with only short answer words (``ages.answer_words``) between."""
        ages = self._t.ages
        if i + 1 < len(words) and words[i + 1] == ":":
            return ""  # "speaker 2: forty": the number names the speaker
        if not self._may_hold(words, "questions", self._question_keys):
            return ""  # no age question anywhere in the text
        k = i
        asked_of = False
        steps = 0
        while steps < ages.answer_window:
            if k == 0:
                return ""
            if ages.questions.ending(words, k):
                return "number answering an age question"
            if not words[k - 1].isalnum() and "'" not in words[k - 1]:
                k -= 1  # punctuation ("how old is he? um, seven") is no answer word to count
                if words[k] == ":":  # "agent: how old is he? caller: seven": a speaker's label
                    k -= ages.speaker_labels.ending(words, k)
                continue
            steps += 1
            length = ages.answer_words.ending(words, k)
            if not length and not asked_of:
                # "how old's your daughter six": the person asked about, once; "how old are you sir
                # sixty eight": the rest of the question
                asked_of = True
                length = self._asked_of(words, k) or self._question_frame(words, k)
            if not length:
                return ""
            k -= length
        return ""

    def _question_frame(self, words: Sequence[str], k: int) -> int:
        """Length of the rest of an age question ending at ``k`` ("how old [are you]", "how old [is
        your son now]", "how old [was emma then]"): at most ``ages.question_frame_window`` words of
        ``ages.question_frame``, a person asked about (:meth:`_asked_of`), a person noun or a name,
        right after a phrase of ``ages.questions``; 0 when there is none."""
        ages = self._t.ages
        m = k
        for _ in range(ages.question_frame_window):
            if m <= 0:
                return 0
            length = ages.question_frame.ending(words, m) or self._asked_of(words, m)
            if not length and (
                words[m - 1] in self._t.person_nouns or _name_like(words[m - 1], ages.not_subjects)
            ):
                length = 1
            if not length:
                return 0
            m -= length
            if ages.questions.ending(words, m):
                return k - m
        return 0

    def _asked_of(self, words: Sequence[str], k: int) -> int:
        """Length of the person an age question asks about, ending at ``k``: a relation after a word of
        ``ages.question_objects``, over at most one describing word ("your daughter", "of the youngest
        traveller"); 0 when there is none."""
        ages = self._t.ages
        relation = ages.relations.ending(words, k)
        if not relation:
            return 0
        for extra in (0, 1):
            start = k - relation - extra
            if start <= 0:
                return 0
            owner = ages.question_objects.ending(words, start)
            if owner:
                return relation + extra + owner
        return 0

    def _heard_single_age(self, words: Sequence[str], i: int) -> bool:
        """ "she turns nein in may", "my son is ate": a word of ``ages.heard_single`` (a recognizer's
        spelling of a digit word that reads as no other word there) after an age's context, where the
        age ends or a month follows."""
        t = self._t
        if i == 0:
            return False
        if words[i] in t.ages.heard_single:
            ends = self._age_ends(words, i + 1)
        elif words[i] in t.ages.heard_single_ending:
            ends = i + 1 == len(words) or words[i + 1] in (".", "?", "!")  # "my son is ate"
        else:
            return False
        ends = ends or any(word in t.lexicon.months for word in words[i + 1 : i + 3])
        # a verb, a subject or a copula must say it ("my son ate", "the kids ate": a relation and a verb)
        why = self._said_age_context(words, i, -10) if ends else ""
        return bool(why) and why not in (_BARE_RELATION, _COMMA_RELATION, _PLURAL_RELATION)

    def _heard_half(self, words: Sequence[str], k: int) -> int:
        """Length of a half of ``ages.heard_digit_halves`` at ``k`` after which the age ends ("my
        daughter is for and a half"), or 0."""
        length = self._t.ages.heard_digit_halves.at(words, k)
        return length if length and self._age_ends(words, k + length) else 0

    def _heard_digit_said(self, words: Sequence[str], i: int) -> bool:
        """A digit heard as the word at ``i`` before an age unit is one when an article, a subject, a
        copula or a person verb stands before it ("a too year old boy", "he's for years old"; not
        "compared to year old wine", "we drove for years old roads")."""
        if i > 0 and words[i - 1] in ("a", "an"):
            return True
        why = self._said_age_context(words, i, -10) if i > 0 else ""
        return bool(why) and why not in (_BARE_RELATION, _COMMA_RELATION, _PLURAL_RELATION)

    def _heard_unit_ends(self, words: Sequence[str], after: int) -> bool:
        """An age may end at ``after``, right after a misheard unit ("twenty free"): the utterance
        ends, a word of ``ages.one_then``, a fraction ("and a half") or an age unit ("years old")
        follows; an everyday reading of the heard word goes on otherwise ("free of debt", "won the
        game")."""
        ages = self._t.ages
        return self._age_ends(words, after) or bool(
            ages.after.at(words, after) or ages.fractions.at(words, after)
        )

    def _misheard_height(self, words: Sequence[str], value: int, after: int) -> bool:
        """ "she's about five fog three", "he's six foe two", "she's six footthree": a height in feet
        and inches whose unit the recognizer garbled: feet up to ``ages.height_feet_max``, then at most
        ``ages.height_gap`` plain words (:meth:`_height_gap_word`), then inches (0 to 11) with no unit
        after them, or inches run together with the word before them ("footthree"). "she's five going
        on six", "he's seven almost eight", "she's four and he's six" stay ages.

        A height unit (``ages.height_units``) among those words makes a height whatever stands
        between ("she's about five and foot ten"), and so does a word that starts like one and is
        within two letter edits of it followed by a word that sounds like a digit ("she's about four
        fist do", "he's six forte several": :func:`~redactkit.detect.names.digit_sounds`)."""
        t = self._t
        if not 2 <= value <= t.ages.height_feet_max:
            return False
        stop = min(len(words), after + t.ages.height_gap + 1)
        if any(words[k] in t.ages.height_units for k in range(after, stop)):
            return True
        for k in range(after, stop):
            if k + 1 < len(words) and self._garbled_unit(words[k]) and words[k + 1] in self._digit_sounds:
                return True
            parsed = _cardinal(t.lexicon, words, k) if k > after else None
            if parsed is not None:
                inches, stop = parsed
                return inches <= 11 and not (
                    stop < len(words)
                    and (
                        words[stop] in t.ages.young_units
                        or words[stop] in ("years", "year")
                        or t.ages.not_after.at(words, stop)
                    )
                )
            if self._glued_inches(words[k]):
                return True
            if not self._height_gap_word(words, k):
                return False
        return False

    def _garbled_unit(self, word: str) -> bool:
        """A height unit the recognizer garbled: three letters or more, the unit's first letter, within
        two letter edits of it ("fist", "forte", "fog" for "foot")."""
        return (
            word.isalpha()
            and len(word) >= 3
            and any(word[0] == unit[0] and within_edits(word, unit, 2) for unit in self._t.ages.height_units)
        )

    def _height_gap_word(self, words: Sequence[str], k: int) -> bool:
        """A word that may be a garbled "foot" between feet and inches: three letters or more, no
        subject, relation, age cue, hedge, verb, joiner of a second age or word that goes on after an
        age ("going on", "almost", "and", "turning", "next")."""
        ages = self._t.ages
        word = words[k]
        stem = word[:-2] if word.endswith("'s") else word
        tables = (
            ages.cues,
            ages.person_verbs,
            ages.approximately,
            ages.second_age_joiners,
            ages.one_then,
            ages.verb_then,
            ages.subject_adverbs,
            ages.fractions,
            ages.relations,
        )
        return (
            word.isalpha()
            and len(word) >= 3
            and word not in ages.subject_words
            and not ages.relations.at((stem,), 0)
            and not any(table.at(words, k) for table in tables)
        )

    def _glued_inches(self, word: str) -> bool:
        """ "footthree": a word no dictionary lists that ends in a number word of 0 to 11 run together
        with three letters or more before it."""
        if not word.isalpha() or is_everyday_word(word):
            return False
        lex = self._t.lexicon
        return any(
            len(number) >= 3 and len(word) >= len(number) + 3 and word.endswith(number) and value <= 11
            for number, value in (*lex.digits.items(), *lex.teens.items())
        )

    def _at_age(self, words: Sequence[str], i: int, after: int, value: int) -> str:
        """ "at sixty two you'd think he'd know better": "at" opens the sentence, a conditional follows;
        or a number of at least ``ages.event_min`` and a person as the subject ("at sixty five i
        retired", "at fifty five you get the senior rate"; "at five i'll call" is a clock time)."""
        t = self._t
        ages = t.ages
        if i == 1 and words[0] in ages.heard_at and ages.at_conditionals.at(words, after) >= 2:
            # "add sixty nine i'd expect ...", "that three you'd think ...": the opening "at" misheard, a
            # conditional of two words or more after the number ("that three i'd like" is an order)
            return "number after an opening 'at' before a conditional"
        if after < len(words) and words[after] == "," and i > 0 and words[i - 1] in ages.at_words:
            after += 1  # "at 42, she started her own business": written punctuation after the number
        if not (
            i > 0
            and words[i - 1] in ages.at_words
            and (
                ages.at_conditionals.at(words, after)
                or (
                    value >= ages.event_min
                    and ages.at_subjects.at(words, after)
                    and not ages.event_not_after.at(words, after)
                )
            )
        ):
            return ""
        k = i - 1
        while k > 0 and (words[k - 1] in t.lexicon.fillers or t.ages.at_openers.ending(words, k)):
            k -= t.ages.at_openers.ending(words, k) or 1
        return "number after an opening 'at' before a conditional" if k == 0 else ""

    def _person_after(self, words: Sequence[str], i: int, after: int) -> str:
        """ "a forty seven male", "a pleasant sixty one gentleman": a number after "a" (over at most two
        describing words and hedges) right before a word of ``ages.person_after``."""
        t = self._t
        person = t.ages.person_after.at(words, after)
        short = 0 if person else t.ages.opening_person_after.at(words, after)
        if not (person or short):
            return ""
        k = self._before_approximately(words, i)
        if k == 0 or (k == 1 and t.ages.relations.at(words, 0)):
            # "sixty four male with chest pain", "patient forty two female", "fifty eight f with
            # shortness of breath": an intake's opening, the utterance ending after the person word or
            # going on with a word of `person_after_then`
            x = after + (person or short)
            opening = x == len(words) or bool(t.ages.person_after_then.at(words, x))
            return _PERSON_AFTER if opening and (person or x < len(words)) else ""
        if short:
            return ""
        for _ in range(3):
            if k > 0 and words[k - 1] in ("a", "an"):
                return _PERSON_AFTER
            if not (k > 1 and words[k - 1].isalpha() and not self._is_number(words[k - 1])):
                return ""
            if t.organizations.stops.at(words, k - 1) or words[k - 1] in t.ages.subject_words:
                return ""
            k -= 1
        return ""

    def _person_before(self, words: Sequence[str], i: int, after: int) -> str:
        """ "male fifty four with chest pain", "patient female sixty two": an intake's opening that
        names the person by a word of ``ages.person_after`` and then the age, the utterance ending
        after it or going on with a word of ``ages.person_after_then``."""
        t = self._t
        k = self._before_approximately(words, i)
        person = t.ages.person_after.ending(words, k)
        if not person:
            return ""
        first = k - person
        if first > 0 and not (first == 1 and t.ages.relations.at(words, 0)):
            return ""
        ends = after == len(words) or bool(t.ages.person_after_then.at(words, after))
        return _PERSON_AFTER if ends else ""

    def _estimated_age(self, words: Sequence[str], i: int) -> str:
        """ "an elderly man maybe eighty", "a little girl about four", "a teenage boy maybe fifteen": a
        person introduced with a word of ``ages.estimate_articles`` (over at most
        ``ages.estimate_describing_max`` describing words), then a hedge of ``ages.estimate_hedges`` and
        the number: a guess at that person's age. A word of ``ages.person_after`` at the opening of an
        intake note needs no article ("elderly male approximately seventy")."""
        t = self._t
        ages = t.ages
        k = i
        while k > 0 and words[k - 1] in t.lexicon.fillers:
            k -= 1
        hedge = ages.estimate_hedges.ending(words, k)
        if not hedge:
            return ""
        m = k - hedge
        person = ages.relations.ending(words, m) or int(m > 0 and words[m - 1] in t.person_nouns)
        intake = ages.person_after.ending(words, m)  # "elderly male approximately seventy"
        person = person or intake
        if not person:
            return ""
        p = m - person
        for _ in range(ages.estimate_describing_max + 1):
            if p <= 0:
                # an intake note opens with the person ("elderly female maybe eighty with ...")
                return "number after a person and a guess" if intake and p == 0 else ""
            if words[p - 1] in ages.estimate_articles:
                return "number after a person and a guess"
            if not words[p - 1].isalpha() or words[p - 1] in t.lexicon.stopwords:
                return ""
            p -= 1
        return ""

    def _range(self, words: Sequence[str], first: int, end: int, after: int, value: int) -> bool:
        """ "thirteen fourteen", "sixty sixty five": a second whole number right after the first, at
        most ``ages.range_step`` higher, with no longer number or measure after it ("forty forty four
        billion"), says an age as a range."""
        if after != end or value < 10:
            return False
        if self._t.ages.not_after.at(words, after) and not (
            # "she was like seventeen eighteen", "like nineteen twenty": after a hedge no clock time's
            # minutes; "eleven fifteen" is a clock time, "the launch is twenty twenty one" a year
            value > 12 and self._is_number(words[after]) and self._before_approximately(words, first) < first
        ):
            return False
        parsed = _cardinal(self._t.lexicon, words, after)
        if parsed is None or not value < parsed[0] <= value + self._t.ages.range_step:
            return False
        later = self._skip_interruptions(words, parsed[1])
        return not (
            (later < len(words) and self._is_number(words[later])) or self._t.ages.not_after.at(words, later)
        )

    def _to_range(self, words: Sequence[str], after: int, value: int) -> bool:
        """ "he's thirty to thirty five", "she's between fifty and sixty": "to" (or "and" after
        "between") and a second number at most ``ages.range_step`` times two above the first, where the
        age ends: a range of ages (not "twenty one to nothing", "thirty to twenty" a score)."""
        if not (after + 1 < len(words) and words[after] in ("to", "and")):
            return False
        parsed = _cardinal(self._t.lexicon, words, after + 1)
        return (
            parsed is not None
            and value < parsed[0] <= value + 2 * self._t.ages.range_step
            and (self._age_ends(words, parsed[1]) or bool(self._t.ages.after.at(words, parsed[1])))
        )

    def _age_ends(self, words: Sequence[str], after: int) -> bool:
        """The sentence ends at ``after`` or a word of ``ages.one_then`` follows an age there."""
        return after >= len(words) or bool(self._t.ages.one_then.at(words, after))

    def _team_record(self, words: Sequence[str], after: int) -> bool:
        """ "they're twenty six and four on the road", "we're thirty and ten on the year": the number
        before ``after`` and a second one joined to it by a word of ``ages.record_joiners``, then a
        phrase of ``ages.record_then``: a team's wins and losses, no one's ages."""
        ages = self._t.ages
        joiner = ages.record_joiners.at(words, after)
        if not joiner:
            return False
        parsed = _cardinal(self._t.lexicon, words, after + joiner)
        return parsed is not None and bool(
            ages.record_then.at(words, self._skip_interruptions(words, parsed[1]))
        )

    def _born_ago(self, words: Sequence[str], i: int, after: int) -> str:
        """ "i was born forty years ago": a number between "born" and "years ago"."""
        ages = self._t.ages
        k = self._before_approximately(words, i)
        if ages.born_ago.ending(words, k) and ages.born_ago_after.at(words, after):
            return "number of years since a birth"
        return ""

    def _spoken_sex_age(self, words: Sequence[str], i: int, j: int, value: int) -> str:
        """ "twenty seven f here love hiking", "hi thirty one m looking for friends", "patient forty m
        with chest pain": an age said with the person's sex (``ages.spoken_sex_words``) right after it,
        where the text opens, after a greeting (``ages.spoken_sex_age_openers``) or a word of
        ``ages.sex_age_before``, and the text ends or one of ``ages.spoken_sex_age_then`` follows (after
        a word of ``ages.sex_age_before``, ``ages.sex_age_then`` too); "gate twenty seven f", "row
        twelve f is mine", "size ten m shoes" and "sixty male and female volunteers" are no age."""
        ages = self._t.ages
        if j >= len(words) or words[j] not in ages.spoken_sex_words:
            return ""
        openers = ages.spoken_sex_age_openers
        if i > 0 and words[i - 1] not in ages.sex_age_before and words[i - 1] not in openers:
            return ""
        if i > 1 and words[i - 1] in openers and words[i - 2] not in openers:
            return ""  # "say hi twenty seven m": a greeting only where the text opens
        if i > 0 and words[i - 1] in ages.spoken_sex_age_intake and len(words[j]) > 1:
            return "an age said with the person's sex"  # "patient seventy male alert and oriented"
        if j + 1 < len(words) and not (
            ages.spoken_sex_age_then.at(words, j + 1)
            or (i > 0 and words[i - 1] in ages.sex_age_before and ages.sex_age_then.at(words, j + 1))
        ):
            return ""
        return "an age said with the person's sex"

    def _birth_year_age(self, words: Sequence[str], i: int, value: int) -> str:
        """ "born in ninety two so thirty four", "i was born in nineteen eighty so i'm forty six": a number
        after a birth year (after ``ages.birth_year_cues``) and linking words only
        (``ages.birth_year_links``), that is the years since then (this year's or last year's
        birthday); "born in ninety two so twenty years later" is no age."""
        ages = self._t.ages
        lex = self._t.lexicon
        first = max(0, i - ages.birth_year_window)
        if "born" not in words[first:i]:
            return ""
        this_year = self._year()
        for cue_end in range(first + 1, i - 1):
            if not ages.birth_year_cues.ending(words, cue_end):
                continue
            link = i
            while link > cue_end and words[link - 1] in ages.birth_year_links:
                link -= 1
            if link == i or link <= cue_end:
                continue
            year_words = words[cue_end + (words[cue_end] == "'") : link]  # "born in '92, so 34"
            if not year_words:
                continue
            year = self._year_of(year_words)
            if year is None and self._two_digit_year(year_words):
                short = _cardinal(lex, year_words, 0)
                if short is None or short[1] != len(year_words):
                    continue
                year = (1900 if short[0] > this_year % 100 else 2000) + short[0]
            if year is not None and 0 <= this_year - year - value <= 1:
                return "the years since a birth year said before"
        return ""

    def _before_approximately(self, words: Sequence[str], i: int) -> int:
        """Index before the fillers, hedges ("about", "pushing", "just shy of") and asides that stand
        right before the number at ``i``."""
        memo = _text_memo(words, self._memo_key + ":before")
        if memo is not None:
            found: int | None = memo.get(i)
            if found is None:
                found = memo[i] = self._before_approximately_at(words, i)
            return found
        return self._before_approximately_at(words, i)

    def _before_approximately_at(self, words: Sequence[str], i: int) -> int:
        t = self._t
        k = i
        hedged = False  # a filler or hedge was just skipped
        while k > 0:
            word = words[k - 1]
            if word in t.lexicon.fillers:
                k -= 1
                hedged = True
                continue
            if word in self._pause_marks or (word == "." and k > 1 and words[k - 2] == "."):
                k -= 1  # "she is... seven": a pause written as an ellipsis
                continue
            if word == "," and (
                hedged
                or (
                    k > 1 and (words[k - 2] in t.lexicon.fillers or t.ages.approximately.ending(words, k - 1))
                )
            ):
                k -= 1  # "she's, uh, six", "i'm, what, sixty two": commas around a filler or hedge
                continue
            length = t.ages.approximately.ending(words, k) or t.interruptions.ending(words, k)
            if not length:
                break
            k -= length
            hedged = True
        return k

    def _anaphor(self, words: Sequence[str], end: int | None) -> bool:
        """A word of ``ages.anaphors`` ends at ``end`` (None: at the end of ``words``) and stands for a
        person: a relation ends in the ``ages.anaphor_window`` words before it ("i have two kids one is
        seven", "my boys the older is twelve"; not "two cars one is red")."""
        ages = self._t.ages
        stop = len(words) if end is None else end
        length = ages.anaphors.ending(words, stop)
        if not length:
            return False
        first = stop - length
        return any(
            ages.relations.ending(words, m) for m in range(max(1, first - ages.anaphor_window), first + 1)
        )

    def _named_thing(self, words: Sequence[str], index: int) -> bool:
        """``words[index]`` names a thing, though it reads as a name: a word of ``ages.name_not_after``
        stands before it, right before or over one everyday word that names no person ("the power ball",
        "this drake")."""
        t = self._t
        for back in (1, 2):
            m = index - back
            if m < 0:
                return False
            if words[m] in t.ages.name_not_after:
                return True
            word = words[m]
            if (
                back == 2
                or not is_everyday_word(word)
                or word in given_names()
                or word in t.person_nouns
                or t.ages.relations.at((word,), 0)
            ):
                return False
        return False

    def _is_person(self, words: Sequence[str], end: int, names: bool = True) -> bool:
        """The words ending at ``end`` name a person: a relation, a person noun, a name (when
        ``names``)."""
        t = self._t
        if end <= 0:
            return False
        word = words[end - 1]
        stem = word[:-2] if word.endswith("'s") and len(word) > 2 else word
        if stem in t.ages.determiners or t.organizations.stops.at((stem,), 0):
            return False  # "my" is also a given name
        return bool(
            t.ages.relations.ending(words, end)
            or stem in t.person_nouns
            or t.ages.relations.at((stem,), 0)
            or (names and _name_like(stem, t.ages.not_subjects))
        )

    def _person_subject(self, words: Sequence[str], verb: int, fillers: bool = False) -> bool:
        """A person is the subject of the verb starting at ``verb``: "she (just) turned", "my boy
        hits", "emma turns" (adverbs such as "just", "will be" may stand between; with ``fillers``
        fillers too: "she'll uh turn twelve")."""
        ages = self._t.ages
        k = verb
        while k > 0:
            if words[k - 1] in ages.subject_words:
                return True  # "i've reached eighty": a subject that is also an adverb of the table
            length = ages.subject_adverbs.ending(words, k) or int(
                fillers and words[k - 1] in self._t.lexicon.fillers
            )
            if not length:
                break
            k -= length
        if k == 0:
            # "turns eight in august so ...": the subject a recognizer dropped at the opening
            return verb == 0 and words[0] in ages.subjectless_verbs
        return words[k - 1] in ages.subject_words or self._is_person(words, k)

    def _thing_age(self, words: Sequence[str], i: int, after: int) -> bool:
        """ "the roof is five years old", "a ten year old car": "years old" said of a thing (a plain
        noun that names no person after a determiner), not of someone."""
        t = self._t
        determiners = t.ages.determiners | {"a", "an", "these", "those", "its"}
        k = self._before_approximately(words, i)
        if k >= 4 and words[k - 1] in ("a", "an"):
            k = self._before_approximately(words, k - 1)  # "the tree is about a hundred years old"
        copula = t.ages.stem_copulas.ending(words, k)
        if copula and k - copula >= 2:
            k -= copula  # "the car's gonna be ten years old"
        if k >= 3 and words[k - 1] in ("is", "was", "are", "were", "'s"):
            noun = k - 1
        elif k >= 2 and words[k - 1].endswith("'s") and len(words[k - 1]) > 2:
            noun = k  # "the house's forty years old"
        else:
            noun = -1
        if noun > 1 and words[noun - 2] in determiners:
            word = words[noun - 1]
            word = word[:-2] if word.endswith("'s") else word
            if (self._thing_word(word) or self._plain_noun(word)) and not self._is_person(words, noun):
                return True
        # "a ten year old car", "this fifteen year old laptop": a thing noun after "year old" (and no
        # person right after it: "a sixty year old retired teacher")
        x = after + t.ages.after.at(words, after)
        return (
            i > 0
            and words[i - 1] in ("a", "an")
            and not t.ages.subjects.ending(words, i - 1)  # "she's a thirty year old nurse"
            # "a twenty year old female complaining of ...": the unit ended in a person word
            and not t.ages.person_after.ending(words, x)
            and x < len(words)
            and self._thing_word(words[x])
            and not any(
                self._is_person(words, end, names=False) for end in range(x + 1, min(len(words), x + 3) + 1)
            )
        )

    def _thing_word(self, word: str) -> bool:
        """An everyday noun-like word: no function word, pronoun or name (``_thing_age``)."""
        t = self._t
        return (
            word.isalpha()
            and len(word) > 2
            and (is_everyday_word(word) or zipf_frequency(word) >= self._unlisted_max)
            and word not in t.person_nouns
            and word not in t.ages.subject_words
            and not t.credentials.stops.at((word,), 0)
            and not t.organizations.stops.at((word,), 0)
        )

    def _plain_noun(self, word: str) -> bool:
        """A word after "the", "my", "this" that English uses often enough (Zipf ``ages.thing_min_zipf``)
        and that is no given name, family name, person noun or subject word ("the dryer is nine years
        old"): a thing, even when the dictionary of everyday words lacks it."""
        t = self._t
        return (
            word.isalpha()
            and len(word) > 2
            and zipf_frequency(word) >= t.ages.thing_min_zipf
            and word not in given_names()
            and word not in family_names()
            and word not in t.person_nouns
            and word not in t.ages.subject_words
            and not t.credentials.stops.at((word,), 0)
            and not t.organizations.stops.at((word,), 0)
        )

    def _age_list(self, words: Sequence[str], i: int) -> list[tuple[int, int]]:
        """ "twelve nine and four": ages said one after the other, the last after "and" (every one
        between ``ages.min`` and ``ages.max``, no unit after the last); [] when it is no such list."""
        t = self._t
        items: list[tuple[int, int]] = []
        k = i
        closed = False
        while k < len(words) and not closed:
            if items and words[k] == ",":
                k += 1
            if items and k < len(words) and words[k] == "and":
                closed = True
                k += 1
            parsed = _cardinal(t.lexicon, words, k)
            if parsed is None or not t.ages.min <= parsed[0] <= t.ages.max:
                return []
            items.append((k, parsed[1]))
            k = parsed[1]
        after = self._skip_interruptions(words, k)
        if (
            len(items) < 3
            or not closed
            or t.ages.not_after.at(words, after)
            or (after < len(words) and self._is_number(words[after]))
        ):
            return []
        return items

    def _corrected(self, words: Sequence[str], end: int, after: int, value: int) -> bool:
        """ "i'm fifty no wait fifty one", "thirty um thirty two": a second whole number after an
        interruption replaces the first instead of continuing it ("thirty um two" is thirty-two)."""
        if after == end:
            return False
        parsed = _cardinal(self._t.lexicon, words, after)
        return parsed is not None and not (value % 10 == 0 and 20 <= value < 100 and parsed[0] < 10)

    def _event_age(self, words: Sequence[str], i: int, after: int, value: int) -> str:
        """ "he retired at fifty eight", "she had her first baby at twenty two": "at" and a number a
        life event before it; small numbers and numbers before a time of day are clock times."""
        ages = self._t.ages
        k = i
        while k > 0 and words[k - 1] in self._t.lexicon.fillers:
            k -= 1
        if (
            value < ages.event_min
            or not (k > 0 and words[k - 1] == "at")
            or ages.event_not_after.at(words, after)
        ):
            return ""
        at = k - 1
        for end in range(at, max(0, at - ages.event_window), -1):
            if ages.event_cues.ending(words, end):
                return "number after a life event and 'at'"
            if end < at and words[end] in (",", ".", "?", "!", "and", "but", "so"):
                break
        return ""

    def _decades_and_birthdays(self, words: Sequence[str]) -> list[_Found]:
        """ "in her early forties", "his sixtieth birthday"."""
        t = self._t
        found: list[_Found] = []
        for i, word in enumerate(words):
            if word in t.ages.decades:
                k = i  # "in my uh forties": fillers between the cue and the decade
                while k > 0 and words[k - 1] in t.lexicon.fillers:
                    k -= 1
                cue = t.ages.decade_cues.ending(words, k)
                if cue:
                    first = (
                        k - cue + 1
                        if words[k - cue + 1] in ("my", "his", "her", "their", "your", "our", "me")
                        else k
                    )
                    first = first + 1 if first + 1 < k else i
                    found.append((first, i + 1, "AGE", self.cue_score, "decade of life"))
                    continue
                hyphen = int(i > 0 and words[i - 1] == "-")  # "mid-30s"
                qualifier = t.ages.decade_qualifiers.ending(words, i - hyphen)
                cue = t.ages.decade_cues.ending(words, i - hyphen - qualifier) if qualifier else 0
                if cue:  # "in her mid-30s"
                    found.append((i - hyphen - qualifier, i + 1, "AGE", self.cue_score, "decade of life"))
                    continue
                if self._age_context(words, i - hyphen - qualifier, -10):  # "he's late twenties"
                    # the qualifier is part of the age ("[mid sixties]"), a hedge is not ("like")
                    first = (
                        i
                        if t.ages.approximately.at(words, i - hyphen - qualifier)
                        else i - hyphen - qualifier
                    )
                    found.append((first, i + 1, "AGE", self.cue_score, "decade of life after a person"))
            elif (
                (ordinal := self._ordinal_value(word))
                and (
                    t.ages.ordinal_cues.ending(words, i)
                    # "for his twenty first": the cue before the tens word
                    or (
                        i > 1
                        and words[i - 1] in t.lexicon.tens
                        and ordinal < 10
                        and t.ages.ordinal_cues.ending(words, i - 1)
                    )
                    # "we celebrated dad's seventieth": a person's "'s" before an ordinal from tenth on
                    or (i > 0 and ordinal >= 10 and self._possessor_is_person(words, i - 1))
                )
                and (
                    i + 1 >= len(words)
                    or t.ages.ordinal_then.at(words, i + 1)
                    or t.ages.one_then.at(words, i + 1)
                )
                and self._birthday_ordinal(words, i)
            ):  # "she's celebrating her sixteenth this weekend", "my sixtieth is coming up"
                first = i
                if first > 0 and words[first - 1] in t.lexicon.tens and ordinal < 10:
                    first -= 1
                found.append((first, i + 1, "AGE", self.cue_score, "ordinal after a celebration"))
            elif (
                word in t.lexicon.digits
                and i > 0
                and words[i - 1] in t.ages.big_words
                and i + 1 < len(words)
                and words[i + 1] in t.lexicon.zero_aliases
                and not (i + 2 < len(words) and self._is_number(words[i + 2]))
            ):  # "i'm turning the big four oh": a round birthday said with its digits
                found.append((i, i + 2, "AGE", self.cue_score, "a round birthday said with its digits"))
            elif (named := t.ages.birthday_phrases.at(words, i)) and t.ages.ordinal_cues.ending(words, i):
                found.append(
                    (i, i + named, "AGE", self.cue_score, "a birthday named by its age")
                )  # "her sweet sixteen"
            elif word == "birthday" and i > 0 and (before := self._ordinal_value(words[i - 1])):
                first = i - 1
                if first > 0 and words[first - 1] in t.lexicon.tens and before < 10:
                    first -= 1  # "twenty first"
                found.append((first, i, "AGE", self.cue_score, "ordinal before 'birthday'"))
        return found

    def _ordinal_value(self, word: str) -> int:
        """The ordinal ``word`` says ("fortieth", written "40th"), 0 when it is none."""
        value = self._t.lexicon.ordinals.get(word)
        if value is not None:
            return value
        written = _WRITTEN_ORDINAL.fullmatch(word)
        return int(written[1]) if written else 0

    def _birthday_ordinal(self, words: Sequence[str], i: int) -> bool:
        """After a one-word cue, a bare possessive or "happy" ("my sixtieth", "happy fortieth"), an
        ordinal is a birthday only from "tenth" on ("my first", "happy fourth" are anything); after a
        celebration cue, any ordinal."""
        t = self._t
        cue = t.ages.ordinal_cues.ending(words, i)
        if cue != 1:
            return True
        value = self._ordinal_value(words[i])
        return value >= 10 or (i > 1 and words[i - 2] in t.lexicon.tens)

    def _possessor_is_person(self, words: Sequence[str], index: int) -> bool:
        """``words[index]`` ends in "'s" and its stem is a person: a relation ("my [big sister]'s"), a
        name or a person noun. The relation may end in the stem, so only the last words before it are
        looked at, never a copy of the whole text (linear time)."""
        t = self._t
        owner = words[index]
        if not owner.endswith("'s"):
            return False
        stem = owner[:-2]
        window = [*words[max(0, index - t.ages.relations.longest) : index], stem]
        return bool(stem) and (
            t.ages.relations.ending(window, len(window)) > 0
            or _name_like(stem, t.ages.not_subjects)
            or stem in t.person_nouns
        )

    def _age_context(self, words: Sequence[str], i: int, previous_age_end: int) -> str:
        """Why the number at ``i`` is an age ("" when nothing says so), also when a recognizer garbled
        the cue (:meth:`_heard_age_context`)."""
        return self._said_age_context(words, i, previous_age_end) or self._heard_age_context(words, i)

    def _heard_age_context(self, words: Sequence[str], i: int) -> str:
        """Why the number at ``i`` is an age when the recognizer inserted a word between the cue and it
        (``ages.heard_inside``: "she's [i] only ten", "just turned [it] eighty") or garbled a person
        verb of one word (one letter off, or two with the first letter right in a word of five letters
        or more, never a stop word: "she torn nine", "my husband just tired fifty"): the cue read
        without the inserted word, or with the verb heard right."""
        k = self._before_approximately(words, i)
        if k < 2:
            return ""
        # the cue is read in a window of words around the number, so the time stays linear in the text
        low = max(0, k - 1 - _HEARD_AGE_WINDOW)
        high = min(len(words), i + _HEARD_AGE_WINDOW)
        if words[k - 1] in self._t.ages.heard_inside:
            return self._said_age_context((*words[low : k - 1], *words[k:high]), i - 1 - low, -10)
        word = words[k - 1]
        if len(word) < 4 or word in self._age_cue_ends or word in self._t.lexicon.stopwords:
            return ""  # "press star then one": a function word is no garbled verb
        if is_everyday_word(word) and word not in self._t.ages.heard_verbs:
            return ""  # "i booked two", "i teach five": another verb, not a garbled one
        verb = self._heard_verb_memo.get(word)
        if verb is None:
            verb = next(
                (
                    verb
                    for verb in self._heard_verbs
                    if within_edits(word, verb, 1) or (len(word) >= 5 and _heard_as(word, verb))
                ),
                "",
            )
            if len(self._heard_verb_memo) >= _HEARD_MEMO:
                self._heard_verb_memo.clear()
            self._heard_verb_memo[word] = verb
        if not verb:
            return ""
        return self._said_age_context((*words[low : k - 1], verb, *words[k:high]), i - low, -10)

    def _said_age_context(self, words: Sequence[str], i: int, previous_age_end: int) -> str:
        """Why the number at ``i`` is an age ("" when nothing says so)."""
        t = self._t
        # skip fillers and "about" before the number ("she's uh six", "he is now ninety", "he's
        # pushing seventy")
        k = self._before_approximately(words, i)
        if previous_age_end >= 0 and k == previous_age_end < i:
            return "an age corrected after an interruption"
        if previous_age_end >= 0 and k == previous_age_end == i:
            return _RANGE
        # the cue tables below are asked only when the word before is the last word of one of them
        cued = k > 0 and (words[k - 1] in self._age_cue_ends or not words[k - 1].isascii())
        joiner = t.ages.second_age_joiners.ending(words, k) if cued else 0
        if previous_age_end >= 0 and joiner and k - joiner == previous_age_end:
            return "a second age in a list"
        person = t.ages.relations.ending(words, k) if cued else 0
        if person:  # "the age of the driver nineteen"
            before = k - person
            if before > 0 and words[before - 1] in t.ages.determiners:
                before -= 1
            if t.ages.of_cues.ending(words, before):
                return _AGE_WORD
        if cued and t.ages.cues.ending(words, k):
            return _AGE_WORD
        if cued and t.ages.ending_cues.ending(words, k):
            return _PERSON_VERB  # "my date of birth makes me sixty": the age ends there
        if k < i and words[i - 1] in self._age_cue_ends and t.ages.cues.ending(words, i):
            return _AGE_WORD  # "congrats on turning forty": a cue that ends with a hedge
        if k == 0 < i and words[0] in t.ages.subjectless_verbs:
            return _SUBJECTLESS_VERB  # "turning thirty next month": the subject a recognizer dropped
        verb = t.ages.person_verbs.ending(words, k) if cued else 0
        if verb and self._person_subject(words, k - verb, fillers=True):
            return _PERSON_VERB
        subject = t.ages.subjects.ending(words, k) if cued else 0
        if subject and not self._party_size(words, k - subject, subject, i):
            return "number after a person as subject"
        if k > 0 and words[k - 1] in t.ages.subject_words and t.ages.modal_guesses.at(words, k):
            return "number after a person as subject"  # "she must be close to seventy"
        copula = t.ages.copulas.ending(words, k) if cued else 0
        if copula:
            before = k - copula
            if before > 1 and words[before - 1] == ",":  # "my mother, who is eighty"
                before -= 1
            adverb = t.ages.relation_copula_adverbs.ending(words, before)
            if adverb and t.ages.relations.ending(words, before - adverb):
                before -= adverb  # "our patient today is fifty five"
            if (
                t.ages.relations.ending(words, before)
                or self._anaphor(words, before)  # "two kids one is seven and the other is four"
            ) or (
                before > 0
                and (
                    (
                        _name_like(words[before - 1], t.ages.not_subjects)
                        # "the power ball is sixteen": after an article a word is a thing, no name
                        and not self._named_thing(words, before - 1)
                    )
                    or words[before - 1] in t.person_nouns
                )
            ):
                return _RELATION_IS
            # "my son's gonna be ten": a copula of `stem_copulas` after a relation or name with "'s"
            if (
                before > 0
                and t.ages.stem_copulas.ending(words, k)
                and self._possessor_is_person(words, before - 1)
            ):
                return _RELATION_IS
        if k > 0 and self._possessor_is_person(words, k - 1):
            return _RELATION_IS
        if (
            k > 0
            and words[k - 1].endswith("'s")
            and self._anaphor(
                [*words[max(0, k - 1 - t.ages.anaphor_window) : k - 1], words[k - 1][:-2]], None
            )
        ):
            return _RELATION_IS  # "two children one's seven and one's four"
        if cued and t.ages.relations.ending(words, k) and words[k - 1].endswith("s"):
            return _PLURAL_RELATION
        if (
            k > 1
            and words[k - 1] == ","
            and (
                t.ages.relations.ending(words, k - 1)
                or words[k - 2] in t.person_nouns
                or (
                    (words[k - 2] in given_names() or words[k - 2] in family_names())
                    and not is_everyday_word(words[k - 2])
                )  # "garcia, thirty one, was not hurt": a name, its age between commas
                or self._unlisted_name_comma_age(words, k - 2, i)
            )
        ):
            return _COMMA_RELATION
        relation = t.ages.relations.ending(words, k) if cued else 0
        if (
            relation
            and k - relation > 0
            and words[k - relation - 1] in t.ages.bare_relation_determiners
            and not (words[i] in t.ages.pronoun_numbers and words[k - 1] in t.ages.pronoun_number_after)
        ):
            return _BARE_RELATION
        if k > 2 and words[k - 1] == "of" and self._is_person(words, k - 1):
            noun = t.ages.relations.ending(words, k - 1) or 1
            # "a gentleman of seventy", "a young man of twenty", "an elderly man of eighty"
            if any(m >= 0 and words[m] in ("a", "an") for m in (k - 2 - noun, k - 3 - noun)):
                return _BARE_RELATION
        return ""

    def _sex_age(self, words: Sequence[str], i: int, value: int) -> bool:
        """ "35M with chest pain", "me (28F) and my husband (30M)": an age and the person's sex letter
        (``words[i]``) inside brackets, or where the text opens or after a word of
        ``ages.sex_age_before`` and before one of ``ages.sex_age_then``; "a 35m drop", "we raised 35m
        last year" and "it was 28F outside" are no age."""
        ages = self._t.ages
        if not ages.min <= value <= ages.max:
            return False
        if 0 < i < len(words) - 1 and words[i - 1] in "([" and words[i + 1] in ")]":
            return True
        return (
            (i == 0 or words[i - 1] in ages.sex_age_before)
            and i + 1 < len(words)
            and bool(ages.sex_age_then.at(words, i + 1))
        )

    def _party_size(self, words: Sequence[str], subject: int, length: int, i: int) -> bool:
        """ "we are four for dinner", "we're six tonight": the subject (``length`` words at ``subject``) is
        one of ``ages.party_subjects`` (the speaker's group, no "both" or "all") and the number at ``i``
        stands before a word of ``ages.party_then``, or ends the sentence right after the subject and is
        at most ``ages.party_max_at_end`` ("we are four"; "we're nearly forty" is an age): how many
        they are, no one's age."""
        ages = self._t.ages
        if ages.party_subjects.at(words, subject) != length:
            return False  # "we're both forty": the subject goes on
        parsed = _cardinal(self._t.lexicon, words, i)
        if parsed is None:
            return False
        value, after = parsed
        if after < len(words) and ages.party_then.at(words, after):
            return True
        ends = after >= len(words) or words[after] in ".?!"
        return ends and subject + length == i and value <= ages.party_max_at_end

    def _unlisted_name_comma_age(self, words: Sequence[str], name: int, i: int) -> bool:
        """ "halvard, twenty five, has been charged": a rare word (below ``ages.comma_name_max_zipf``) no
        dictionary lists as an everyday word, a comma, the number at ``i`` and a comma closing it: a
        name no list has, its age between commas (a listed name needs no closing comma). A word after
        one of ``ages.name_not_after`` is a thing ("the zorblax, twelve, is on sale"), and a place is no
        person, nor a word before a word of ``ages.comma_list_joiners`` and a place ("we visited
        tromso, twelve, and bergen": a list of places; review40 L6)."""
        word = words[name]
        ages = self._t.ages
        if (
            not word.isalpha()
            or is_everyday_word(word)
            or word in ages.not_subjects
            or zipf_frequency(word) >= ages.comma_name_max_zipf
            or (name > 0 and words[name - 1] in ages.name_not_after)
        ):
            return False
        parsed = _cardinal(self._t.lexicon, words, i)
        if parsed is None or parsed[1] >= len(words) or words[parsed[1]] != ",":
            return False
        if word in place_names() or word in town_names():
            return False
        after = parsed[1] + 1
        return not (
            after + 1 < len(words)
            and words[after] in ages.comma_list_joiners
            and (words[after + 1] in place_names() or words[after + 1] in town_names())
        )

    # -- dates ---------------------------------------------------------------------------------------
    def _year(self) -> int:
        return self.reference_year or dt.date.today().year

    def _dates(self, text: _Text) -> list[_Found]:
        """Dates after a birth, expiry or security-code cue (or right before one: "... is my date of
        birth"), full dates of a past year said without a cue, and numeric dates dictated with or
        without slashes whose year lies far enough in the past."""
        t = self._t
        text = self._heard_dates(text)
        words = text.words
        found: list[_Found] = []
        taken: set[int] = set()
        # values after a cue
        bases = text.bases
        for i in text.starts(self._date_cue_starts, bases=True):
            for cues, label, why in (
                (t.dates.birth_cues, "DATE_OF_BIRTH", "date after a birth cue"),
                (t.dates.expiry_cues, "CREDIT_CARD_META", "date after an expiry cue"),
                (t.dates.code_cues, "CREDIT_CARD_META", "code after a card security code cue"),
            ):
                length = cues.at(bases, i)
                if not length:
                    continue
                if cues is t.dates.expiry_cues and _other_thing_expires(words, i, t.dates, t.lexicon):
                    break  # "the warranty expired in june": no card's expiry
                before = self._number_before(words, i)
                if before is not None and not taken & set(range(*before)):
                    found.append((*before, label, self.cue_score, why.replace("after", "before")))
                    taken.update(range(*before))
                first, _ = self._after_cue(words, i + length, t.dates.between)
                holiday = (
                    t.dates.holidays.at(words, first)
                    if cues is t.dates.birth_cues and first < len(words) and first not in taken
                    else 0
                )
                if holiday:  # "born on christmas eve two thousand ten": a day named by a holiday
                    stop = first + holiday
                    run = self._number_run(words, stop)
                    said = [w for w in words[stop:run] if self._is_number(w)]
                    if said and self._year_of(said) is not None:
                        stop = run
                    found.append((first, stop, label, self.cue_score, "holiday after a birth cue"))
                    taken.update(range(first, stop))
                    break
                if first < len(words) and first not in taken:  # "security code's five five one"
                    stop = self._number_run(words, first, months=cues is not t.dates.code_cues)
                    article = (
                        first > i + length
                        and words[first - 1] == "the"
                        and (words[first] in t.lexicon.ordinals or words[stop - 1] in t.lexicon.ordinals)
                    )
                    if article:
                        first -= 1  # "born on [the third of june ...]": the article is said with the date
                    value_words = [
                        w for w in words[first:stop] if self._is_number(w) or w in t.lexicon.months
                    ]
                    month = any(w in t.lexicon.months for w in value_words)
                    unit = t.ages.not_after.at(words, stop) and not month  # "expires in two days"
                    if (
                        value_words
                        and not unit
                        and (
                            month
                            or len(value_words)
                            >= (1 if label == "CREDIT_CARD_META" else t.dates.numeric_words)
                            or (words[i + length - 1] == "in" and self._year_of(value_words) is not None)
                            or (
                                cues is t.dates.birth_cues
                                and t.dates.year_cues.ending(bases, i + length)
                                # "born eighty seven", "born nineteen eighty"
                                and (
                                    self._two_digit_year(value_words)
                                    or self._year_of(value_words) is not None
                                )
                            )
                            or (
                                # "my birthday is the twelfth": the day alone, where the clause ends
                                cues is t.dates.birth_cues
                                and len(value_words) <= 2
                                and value_words[-1] in t.lexicon.ordinals
                                and article
                                and self._age_ends(words, stop)
                            )
                        )
                    ):
                        found.append((first, stop, label, self.cue_score, why))
                        taken.update(range(first, stop))
                break
        found.extend(self._birth_year_babies(words, taken))
        # full dates said without a cue whose year lies far enough in the past
        latest = text.year - t.dates.min_age_years
        for i, word in enumerate(words):
            if i in taken or not (word in t.lexicon.months or word in t.lexicon.ordinals):
                continue
            if word not in t.lexicon.months and not (
                i + 2 < len(words) and words[i + 1] == "of" and words[i + 2] in t.lexicon.months
            ):
                continue
            stop = self._number_run(words, i, months=True)
            value_words = [w for w in words[i:stop] if self._is_number(w) or w in t.lexicon.months]
            if not any(w in t.lexicon.months for w in value_words):
                continue
            year = self._year_of(value_words)
            short = False  # "march two eighty six": a day and a two-digit year, so a day is said
            if year is None and len(value_words) >= 3:
                year = self._short_year(value_words)
                short = year is not None
            if year is not None and 1900 <= year <= latest and len(value_words) >= 3:
                first = i - 1 if i > 0 and words[i - 1] == "the" and word in t.lexicon.ordinals else i
                if self._event_date(words, first):
                    continue  # "the accident happened on april ninth ...": the date of an event
                if not (
                    short
                    or self._day_said(value_words)
                    or self._day_and_short_year(words, first, value_words)
                ):
                    continue  # "it stopped working in june nineteen ninety eight": a month of a year
                if self._after_other_date(words, first, taken):
                    continue  # "the payment was june sixth, sorry june ninth two thousand ...": a date list
                found.append((first, stop, "DATE_OF_BIRTH", self.shape_score, "full date of a past year"))
                taken.update(range(first, stop))
        # "ten slash twenty seven slash nineteen ninety": a numeric date dictated with slashes
        i = 0
        numbers = t.number_words
        while i < len(words):
            word = words[i]
            if (
                i in taken
                or not (word.isdigit() or word in numbers)
                or (i > 0 and (words[i - 1].isdigit() or words[i - 1] in numbers))
            ):  # (:meth:`_is_number`, inline: asked at every word)
                i += 1
                continue
            stop = self._number_run(words, i)
            year = self._slashed_year(words[i:stop], latest)
            if year is None:
                year = self._spoken_numeric_year(words[i:stop], latest, text.year)
            if (
                year is not None
                and 1900 <= year <= latest
                and not taken & set(range(i, stop))
                # "our connection is flight oh nine two four at ...": a flight, seat or order number
                and not self._numbered_thing(words, i)
            ):
                found.append((i, stop, "DATE_OF_BIRTH", self.shape_score, "numeric date of a past year"))
                taken.update(range(i, stop))
                i = stop
                continue
            i += 1
        return found

    def _birth_year_babies(self, words: Sequence[str], taken: set[int]) -> list[_Found]:
        """ "i'm a ninety two baby", "she's an oh five kid": a year said before a word of
        ``dates.birth_year_nouns``, after "a" or "an" and a person as the subject."""
        t = self._t
        found: list[_Found] = []
        for i, word in enumerate(words):
            if word not in t.dates.birth_year_nouns or i < 3:
                continue
            first = i
            while first > 0 and self._is_number(words[first - 1]) and i - first < 4:
                first -= 1
            value_words = words[first:i]
            if (
                first < i
                and first > 1
                and words[first - 1] in ("a", "an")
                and t.ages.subjects.ending(words, first - 1)
                and (self._two_digit_year(value_words) or self._year_of(value_words) is not None)
                and not taken & set(range(first, i))
            ):
                found.append(
                    (first, i, "DATE_OF_BIRTH", self.cue_score, "a birth year before 'baby' or 'kid'")
                )
                taken.update(range(first, i))
        return found

    def _heard_dates(self, text: _Text) -> _Text:
        """``text`` with each month, number or birth-cue word a recognizer garbled by one letter read
        as it ("born septmber nineeen seventy"); ``text`` itself when there is none."""
        heard = self._heard_date_words
        changed: list[str] | None = None
        for k, word in enumerate(text.words):
            # "bithday's march third": a garbled cue with its "'s"
            stem, owned = (word[:-2], "'s") if word.endswith("'s") else (word, "")
            if len(stem) < 5 or not stem.isalpha() or stem in heard.exact:
                continue
            listed = heard.lookup(stem)
            if listed:
                if changed is None:
                    changed = list(text.words)
                changed[k] = listed + owned
        if changed is None:
            return text
        words = Words(changed)
        return dataclasses.replace(text, words=words, bases=_bases(words), ascii="".join(words).isascii())

    def _day_said(self, value_words: Sequence[str]) -> bool:
        """Whether a date's words hold a day besides its month and year: "june fifth nineteen
        ninety" does, "june nineteen ninety" and "march two thousand and six" do not (a month of a year
        is no one's birth date without a cue; its two-digit-year reading "june nineteenth of sixty six"
        is rarer than the year)."""
        lex = self._t.lexicon
        rest = [w for w in value_words if w not in lex.months and w not in ("of", "the", "and")]
        if any(w in lex.ordinals for w in rest):
            return True
        if rest and rest[-1].isdigit() and len(rest[-1]) == 4:
            return len(rest) > 1
        if "thousand" in rest:
            k = len(rest) - 1 - rest[::-1].index("thousand")
            return k > 1  # words before "two thousand"
        year_words = 2 if len(rest) >= 2 and (rest[-1] in lex.teens or rest[-1] in lex.tens) else 3
        if (
            len(rest) >= 3
            and rest[-1] in lex.digits
            and (rest[-2] in lex.tens or rest[-2] in lex.zero_aliases)
        ):
            year_words = 3
        return len(rest) > year_words

    def _day_and_short_year(self, words: Sequence[str], first: int, value_words: Sequence[str]) -> bool:
        """Whether "<month> nineteen fifty nine" reads as a day and a two-digit year ("that's july
        nineteen fifty nine", a name spelled before it): its year words are a teen and a year from
        thirty on, and no word of ``dates.month_of_year_before`` ("in", "since", "was") says a month of a
        year right before it ("it stopped working in june nineteen ninety eight")."""
        lex = self._t.lexicon
        rest = [w for w in value_words if w not in lex.months and w not in ("of", "the", "and")]
        if not (2 <= len(rest) <= 3 and rest[0] in lex.teens and rest[1] in lex.tens):
            return False
        if len(rest) == 3 and not (rest[2] in lex.digits and lex.digits[rest[2]] > 0):
            return False
        if lex.tens[rest[1]] < 30:
            return False
        before = words[first - 1] if first > 0 else ""
        return before not in self._t.dates.month_of_year_before

    def _after_other_date(self, words: Sequence[str], first: int, taken: set[int]) -> bool:
        """Whether another date (a month name no cue took as a birth date) stands in the
        ``dates.event_window`` words before the date at ``first``: a date said again after a
        correction ("june sixth, sorry june ninth ...") or the end of a range or list ("from may
        second to june ninth ...") belongs with the first one, which was no birth date."""
        lex = self._t.lexicon
        window = 2 * self._t.dates.event_window
        return any(
            k not in taken
            and (
                words[k] in lex.months
                or (words[k] in lex.ordinals and k + 1 < first and words[k + 1] == "of")  # "the ninth of"
            )
            for k in range(max(0, first - window), first)
        )

    def _event_date(self, words: Sequence[str], first: int) -> bool:
        """Whether a word of ``dates.event_cues`` stands in the few words before a date at ``first``
        ("the accident happened on", "it was delivered on", "member since"): an event's date."""
        events = self._t.dates.event_cues
        return any(events.at(words, k) for k in range(max(0, first - self._t.dates.event_window), first))

    def _numbered_thing(self, words: Sequence[str], first: int) -> bool:
        """Whether a word of ``dates.numeric_not_after`` stands in the ``dates.event_window`` words before
        numbers at ``first`` ("flight oh nine two four", "gate oh three one two"): they number it."""
        dates = self._t.dates
        return any(
            word in dates.numeric_not_after for word in words[max(0, first - dates.event_window) : first]
        )

    def _slashed_year(self, run: Sequence[str], latest: int) -> int | None:
        """The year of "<month> slash <day> slash <year>" ("dash" alike; interruptions inside left
        out), or None."""
        lex = self._t.lexicon
        groups: list[list[str]] = [[]]
        for word in run:
            if word in ("slash", "/", "dash", "-"):
                groups.append([])
            elif self._is_number(word):
                groups[-1].append(word)
        if len(groups) != 3 or not all(groups):
            return None
        month, day = _cardinal(lex, groups[0], 0), _cardinal(lex, groups[1], 0)
        if (
            month is None
            or day is None
            or month[1] != len(groups[0])
            or day[1] != len(groups[1])
            or not (1 <= month[0] <= 12 and 1 <= day[0] <= 31)
        ):
            return None
        year = self._year_of(groups[2])
        if year is not None:
            return year
        short = _cardinal(lex, groups[2], 0)
        if short is None or short[1] != len(groups[2]) or short[0] > 99:
            return None
        # a two-digit year: this century up to the latest birth year, the last one from ten years on
        # (the years just ahead are appointments: "ten slash twelve slash twenty seven")
        if short[0] <= latest % 100:
            # said with dashes, a short year of this century is as likely a score or a code
            return None if any(word in ("dash", "-") for word in run) else 2000 + short[0]
        return 1900 + short[0] if short[0] >= latest % 100 + 10 else None

    def _spoken_numeric_year(self, run: Sequence[str], latest: int, this_year: int) -> int | None:
        """The year of a numeric date said without slashes, "<month> <day> <year>": "ten twenty seven
        nineteen seventy four", "oh three fifteen eighty five" (interruptions inside left out; a month
        said twice, "eleven um eleven twenty six ...", once), or None. The run must be the date and
        nothing more; a two-digit year needs a month said with "oh" ("oh three"), the way dates are
        dictated, since "three twelve forty five" is as likely a time and a number."""
        said_words = [word for word in run if self._is_number(word)]
        attempts = [said_words]
        if len(said_words) >= 2 and said_words[0] == said_words[1]:
            attempts.append(said_words[1:])  # the month started again
        thousand = self._t.lexicon.thousand
        # year first only as one stretch of numbers: "and" joins two years ("twenty twenty one and
        # twenty twenty two"), except in "two thousand and six"
        plain = all(
            self._is_number(word) or (word == "and" and k > 0 and run[k - 1] in thousand)
            for k, word in enumerate(run)
        )
        for w in attempts:
            year = self._month_day_year(w, latest)
            if year is None and plain:
                year = self._year_month_day(w, latest, this_year)
            if year is not None:
                return year
        return None

    def _year_month_day(self, w: Sequence[str], latest: int, this_year: int) -> int | None:
        """The year of number words that are exactly a date said year first, "<year> <month> <day>",
        and the clock time stamped on it: "nineteen ninety three one four fourteen fifty six forty
        one" (1993-01-04 14:56:41), or None. The time has two or three fields below sixty (hours,
        minutes, seconds, or minutes and seconds), the first below twenty four when there are three;
        without a time the month must be said with "oh" ("twenty ten oh four twelve"), since a year
        and two small numbers alone are as likely a count. Every way of grouping the words into
        fields is tried ("thirty four" is 34, or 30 and then 4). Another year said after the first one
        (up to ten years ahead) makes it a list of years ("twenty twenty one twenty twenty two")."""
        lex = self._t.lexicon
        horizon = this_year + 10
        for year, after_year in _leading_years(lex, w):
            if not 1900 <= year <= latest or any(
                1900 <= later <= horizon
                for k in range(after_year, len(w))
                for later, _ in _leading_years(lex, w[k:])
            ):
                continue
            for month, after_month in _fields(lex, w, after_year):
                if not 1 <= month <= 12:
                    continue
                oh_month = after_month - after_year == 2
                for day, after_day in _fields(lex, w, after_month):
                    if not 1 <= day <= 31:
                        continue
                    for clock in _field_splits(lex, w, after_day):
                        if (not clock and oh_month) or (
                            len(clock) in (2, 3)
                            and all(field < 60 for field in clock)
                            and (len(clock) == 2 or clock[0] < 24)
                        ):
                            return year
        return None

    def _month_day_year(self, w: Sequence[str], latest: int) -> int | None:
        """The year of number words that are exactly a month, a day and a year (see
        :meth:`_spoken_numeric_year`), or None."""
        lex = self._t.lexicon
        for month_words in (1, 2):
            if len(w) < month_words + 2:
                break
            said = w[:month_words]
            oh = month_words == 2 and said[0] in lex.zero_aliases and said[1] in lex.digits
            if month_words == 2 and not oh:
                continue
            month = _cardinal(lex, said[-1:], 0)
            if month is None or not 1 <= month[0] <= 12 or (month_words == 1 and said[0] in lex.zero_aliases):
                continue
            day = _cardinal(lex, w, month_words)
            if day is None or not 1 <= day[0] <= 31 or day[1] - month_words > 2:
                continue
            rest = w[day[1] :]
            if 2 <= len(rest) <= 4 and (rest[0] in lex.teens or rest[0] in ("twenty", "two")):
                year = self._year_of(rest)
                if year is not None and 1900 <= year <= latest:
                    return year
            # a short year is said with two digits ("oh four", "ninety"): "oh nine two four" is no date
            if oh and 1 <= len(rest) <= 2 and not (len(rest) == 1 and rest[0] in lex.digits):
                short = _cardinal(lex, rest, 0)
                if short is not None and short[1] == len(rest) and short[0] <= 99:
                    if short[0] <= latest % 100:
                        return 2000 + short[0]
                    if short[0] >= latest % 100 + 10:
                        return 1900 + short[0]
        return None

    def _number_before(self, words: Sequence[str], cue: int) -> tuple[int, int] | None:
        """ "oh nine twenty seven is the expiry": a number run right before "is (the|my)" + cue."""
        k = cue
        if k > 0 and words[k - 1] in ("my", "the", "your", "his", "her", "our", "their"):
            k -= 1
        if not (k > 1 and words[k - 1] in ("is", "was", "that's", "as", "for")):
            return None
        stop = k - 1
        first = stop
        while first > 0:
            word = words[first - 1]
            if (
                self._is_number(word)
                or word in self._t.lexicon.months
                or word in ("slash", "of")
                or (word == "and" and first > 1 and self._is_number(words[first - 2]))
            ):
                first -= 1
                continue
            length = self._t.interruptions.ending(words, first)
            if (
                length
                and first - length > 0
                and (self._is_number(words[first - length - 1]) or words[first - length - 1] == "slash")
            ):
                first -= length
                continue
            break
        while first < stop and words[first] in ("slash", "of"):
            first += 1
        return (first, stop) if first < stop else None

    def _two_digit_year(self, value_words: Sequence[str]) -> bool:
        """ "eighty seven", "ninety", "oh five", "87": a year said with its last two digits alone (a tens
        word and a digit, "oh" or "zero" and a digit, or two digits), after ``dates.year_cues``."""
        lex = self._t.lexicon
        w = list(value_words)
        if len(w) == 1:
            return w[0] in lex.tens or (w[0].isdigit() and len(w[0]) == 2)
        return len(w) == 2 and (
            (w[0] in lex.tens and w[1] in lex.digits and lex.digits[w[1]] > 0)
            or ((w[0] in lex.zero_aliases or w[0] == "zero") and w[1] in lex.digits)
        )

    def _short_year(self, value_words: Sequence[str]) -> int | None:
        """ "march third eighty five": a month, a day and a two-digit year from thirty on (19xx)."""
        lex = self._t.lexicon
        w = [word for word in value_words if word not in ("of", "the", "and")]
        if len(w) < 3 or (w[0] not in lex.months and not (w[0] in lex.ordinals and w[1] in lex.months)):
            return None
        tail = w[-2:] if w[-2] in lex.tens and w[-1] in lex.digits else w[-1:]
        if tail[0] not in lex.tens:
            return None
        value = lex.tens[tail[0]] + (lex.digits[tail[1]] if len(tail) == 2 else 0)
        return 1900 + value if value >= 30 and len(w) - len(tail) >= 2 else None

    def _year_of(self, value_words: Sequence[str]) -> int | None:
        """The four-digit year a date ends with ("nineteen seventy two", "two thousand one",
        "twenty oh eight", "1985"), or None."""
        lex = self._t.lexicon
        w = [word for word in value_words if word not in lex.months and word not in ("of", "the", "and")]
        if not w:
            return None
        if w[-1].isdigit() and len(w[-1]) == 4:
            return int(w[-1])

        def century(word: str) -> int | None:
            value = lex.teens.get(word) or (lex.tens.get(word) if word == "twenty" else None)
            return value if value in (18, 19, 20) else None

        if len(w) >= 3 and century(w[-3]) and w[-2] in lex.tens and w[-1] in lex.digits:
            return (century(w[-3]) or 0) * 100 + lex.tens[w[-2]] + lex.digits[w[-1]]
        if len(w) >= 3 and century(w[-3]) and w[-2] in lex.zero_aliases | {"zero"} and w[-1] in lex.digits:
            return (century(w[-3]) or 0) * 100 + lex.digits[w[-1]]
        if len(w) >= 2 and century(w[-2]) and (w[-1] in lex.tens or w[-1] in lex.teens):
            return (century(w[-2]) or 0) * 100 + (lex.tens.get(w[-1]) or lex.teens[w[-1]])
        if "thousand" in w:
            k = len(w) - 1 - w[::-1].index("thousand")
            if k >= 1 and w[k - 1] == "two":
                rest = _cardinal(lex, w, k + 1)
                return 2000 + (rest[0] if rest is not None and rest[0] < 100 else 0)
        return None

    # -- dictated credentials -------------------------------------------------------------------------
    def _credentials(self, text: _Text) -> list[_Found]:
        """Usernames and passwords dictated after a cue ("my username is", "log in as", "maybe it
        was"), a value said right before one ("... is my password") and a password after a
        username ("log in as X with Y")."""
        t = self._t
        cred = t.credentials
        words = text.words
        found: list[_Found] = []
        bases = text.bases
        cued = {
            *text.starts(self._credential_base_starts, bases=True),
            *text.starts(self._credential_word_starts),
        }
        i = 0
        while i < len(words):
            if i not in cued:
                i += 1  # no cue starts here
                continue
            label = ""
            length = cred.username_cues.at(bases, i)
            if length:
                label = "USERNAME"
            else:
                length = cred.password_cues.at(bases, i)
                if length:
                    label = "PASSWORD"
                else:
                    length = cred.entry_cues.at(words, i)
                    label = "PASSWORD?" if length else ""
                    if not length:
                        length = cred.guess_cues.at(words, i)
                        label = "PASSWORD??" if length else ""
            if not label:
                i += 1
                continue
            first, copula = self._after_cue(words, i + length, cred.between)
            copula = copula or words[i + length - 1].endswith("'s")  # "password's tiger"
            if label == "USERNAME" and not copula and self._handle_at_after_platform(words, i, first):
                copula = (
                    True  # "follow us on instagram at lunar tides" (the "at" stays in, as for shaped values)
                )
            qualified = False
            if not copula and not label.startswith("PASSWORD?"):
                # "the password for the wifi is ...", "the username i use is ...": the value comes
                # after the copula that follows a short qualifier
                later = self._copula_ahead(words, first)
                if later is not None:
                    first, copula, qualified = later, True, True
            # "the password is case sensitive", "passwords must be changed": said of it, no value
            described = self._describes(words, first) or (
                # "find me as soon as you can", "log in as you normally would": a clause after "as"
                words[i + length - 1] == "as"
                and first < len(words)
                and words[first] in cred.as_clause_openers
            )
            value = None if described else self._dictated(words, first)
            as_cue = words[i + length - 1] == "as"
            if value is not None and as_cue and self._role_named(words, first, value[0]):
                value = None  # "log in as a guest", "sign in as admin": a role, no handle
            before = self._value_before(words, i, label)
            if before is not None:
                found.append(before)
            if value is None:
                i += length
                continue
            stop, shape = value
            if qualified and not shape & {"digit", "symbol", "case", "letter"}:
                i += length
                continue
            if label == "PASSWORD??":
                if not self._guessed_password(words, first, stop, shape):
                    i += length
                    continue
                label = "PASSWORD"
            if label == "PASSWORD?":
                if not ("case" in shape or self._password_shaped(words, first, stop)):
                    i += length
                    continue
                label = "PASSWORD"
            elif not copula and (
                words[first] in self._secret_compounds or self._counted_only(words, first, stop)
            ):
                # "the password rules say twelve characters", "reset your password every ninety days"
                i += length
                continue
            elif not (
                copula
                or words[i + length - 1] == "as"
                or shape & {"digit", "symbol"}
                or (
                    label == "USERNAME"
                    and cred.password_cues.at(words, self._skip_interruptions(words, stop))
                )
            ):
                # "to handle a lot of", "password manager": a cue word used otherwise
                i += length
                continue
            found.append((first, stop, label, self.cue_score, f"value dictated after a {label.lower()} cue"))
            i = stop
            if label == "USERNAME":
                follow = self._skip_interruptions(words, stop)
                more = cred.password_after_username.at(words, follow)
                letter_next = follow + 2 < len(words) and len(words[follow + 2]) == 1  # "with a capital s"
                if more and not (cred.modifiers.at(words, follow) and letter_next):
                    first, _ = self._after_cue(words, follow + more, cred.between)
                    value = self._dictated(words, first)
                    if value is not None:
                        found.append((first, value[0], "PASSWORD", self.cue_score, "value after a username"))
                        i = value[0]
        return found + self._self_named_handles(text)

    def _role_named(self, words: Sequence[str], first: int, stop: int) -> bool:
        """The words ``first:stop`` after a cue ending in "as" name a role one logs in as, no handle: an
        optional article, words of ``as_role_modifiers``, and a role (``as_roles`` or the locale's
        ``person_nouns``: "a guest", "admin", "an administrator", "a new user", "the owner", "yourself"),
        last or before one of ``as_role_enders`` ("guest and then register"); a handle has a number, a
        letter or a word of its own ("a baxter eight three seven", "jsmith ninety", "guest two four")."""
        cred = self._t.credentials
        k = first
        if k < stop and words[k] in ("a", "an", "the"):
            k += 1
        while k < stop - 1 and words[k] in cred.as_role_modifiers and words[k + 1] not in cred.as_role_enders:
            k += 1
        return (
            k < stop
            and (k == stop - 1 or words[k + 1] in cred.as_role_enders)
            and (words[k] in cred.as_roles or words[k] in self._t.person_nouns)
        )

    def _self_named_handles(self, text: _Text) -> list[_Found]:
        """ "i'm quiet otter on discord", "i'm toast master two two on twitch": the one to ``handle_words``
        words between one of ``self_namers`` and "on <platform>" (``handle_platforms``) are the speaker's
        handle, when none of them says how one is there (``handle_state_words``, a stop word, an everyday
        word's -ed/-ing/-ly form: "i'm busy on discord", "i'm totally hooked on steam") and a handle of one
        word is no everyday word ("i'm zorblax on discord")."""
        cred = self._t.credentials
        words = text.words
        found: list[_Found] = []
        for p in text.starts(self._platform_starts):
            if p < 3 or words[p - 1] != "on" or not cred.handle_platforms.at(words, p):
                continue
            stop = p - 1
            opener = next(
                (
                    k
                    for k in range(stop - 1, max(-1, stop - 2 - cred.handle_words), -1)
                    if words[k] in cred.self_namers
                ),
                None,
            )
            if opener is None or opener + 1 >= stop:
                continue
            handle = words[opener + 1 : stop]
            if any(
                word in cred.handle_state_words
                or cred.stops.at(words, q)
                or (is_everyday_word(word) and word.endswith(("ed", "ing", "ly")))
                for q, word in enumerate(handle, opener + 1)
            ):
                continue
            if len(handle) == 1 and not self._local_like(handle[0]):
                continue
            found.append(
                (opener + 1, stop, "USERNAME", self.cue_score, "handle a speaker goes by on a platform")
            )
        return found

    def _shaped_passwords(self, text: _Text) -> list[_Found]:
        """A password said without a cue: a word and digits with a spoken symbol ("tiger five oh
        exclamation point") or a capital ("capital t iger five", "tiger with a capital t five")."""
        words = text.words
        cred = self._t.credentials
        # a spoken symbol or a dictated capital starts one
        symbols = set(text.starts(self._password_symbol_starts))
        passwords = _Pass(
            [
                i
                for i, word in enumerate(words)
                if word in ("capital", "uppercase", "with")
                or (i in symbols and cred.password_symbols.at(words, i))
            ]
        )
        for i in passwords:
            symbol = cred.password_symbols.at(words, i)
            capital = 0
            if not symbol and words[i] in ("capital", "uppercase", "with"):
                capital = cred.modifiers.at(words, i)
                after = i + capital
                if not capital or after >= len(words) or self._is_number(words[after]):
                    continue  # "capital one": a name, not a dictated capital
                letter = len(words[after]) == 1
                if words[i] == "with" and not letter:
                    continue
                if not letter and (
                    cred.stops.at(words, after)
                    or self._t.addresses.starts_after.at(words, after)
                    or not (after + 1 < len(words) and self._is_number(words[after + 1]))
                ):
                    continue  # "working capital was", "capital guidance": no dictated capital
            if not symbol and not capital:
                continue
            if capital:  # the value starts at "capital", or one word before "with a capital"
                first = i - 1 if words[i] == "with" and i > 0 and not cred.stops.at(words, i - 1) else i
            else:
                first = self._left_edge(words, i, 6)
            value = self._dictated(words, first) if first < i else self._dictated(words, i)
            if value is None:
                continue
            start = first if first < i else i
            stop, shape = value
            inner = words[start:stop]
            has_word = any(
                len(w) > 1 and not self._is_number(w) and not cred.symbols.at(words, k + start)
                for k, w in enumerate(inner)
            )
            if stop > i and "digit" in shape and (has_word or "letter" in shape):
                passwords.add(
                    (start, stop, "PASSWORD", self.shape_score, "dictated with a symbol or a capital")
                )
        return passwords.found

    def _describes(self, words: Sequence[str], first: int) -> bool:
        """The words at ``first`` after a credential's cue describe it instead of saying it
        (``descriptions``, ``description_words``, ``description_leads``): "the password is case
        sensitive", "that password is too short", "your username is usually your email"; never with a
        word shaped like a value within four words ("my password is correct horse seven")."""
        cred = self._t.credentials
        if first >= len(words):
            return False
        length = cred.descriptions.at(words, first)
        if not length:
            word = words[first]
            if word in cred.description_words:
                length = 1
                if not self._clause_ends(words, first + 1):
                    return False  # "my password is hard rock", "my username is always sunny"
            elif word in cred.description_leads:
                length = 1
                if not any(self._clause_ends(words, k) for k in (first + 2, first + 3)):
                    return False
            else:
                return False
        for k in range(first, min(len(words), first + 5)):
            word = words[k]
            counted = k + 1 < len(words) and words[k + 1] in cred.description_counts
            if (
                ((self._is_number(word) or word.isdigit()) and not counted)
                or (len(word) == 1 and word.isalpha() and word not in ("a", "i"))
                or cred.password_symbols.at(words, k)
                or (
                    word.isalpha()
                    and k >= first + length
                    and not is_everyday_word(word)
                    and zipf_frequency(word) < _RARE_WORD_ZIPF
                )
            ):
                return False  # "the password is the same as before one two": a value after all
        return True

    def _counted_only(self, words: Sequence[str], first: int, stop: int) -> bool:
        """Every number in ``words[first:stop]`` counts a noun of ``description_counts`` after it
        ("every ninety days", "twelve characters"), and there is one."""
        counts = self._t.credentials.description_counts
        numbers = [k for k in range(first, stop) if self._is_number(words[k]) or words[k].isdigit()]
        return (
            bool(numbers)
            and all(k + 1 < len(words) and (words[k + 1] in counts or k + 1 in numbers) for k in numbers)
            and any(k + 1 < len(words) and words[k + 1] in counts for k in numbers)
        )

    def _clause_ends(self, words: Sequence[str], k: int) -> bool:
        """The clause ends before word ``k``: the text ends, a punctuation mark or a word that ends a
        dictated value follows (``credentials.stops``: "and", "but", "your", "it")."""
        return k >= len(words) or not words[k].isalnum() or bool(self._t.credentials.stops.at(words, k))

    def _copula_ahead(self, words: Sequence[str], first: int) -> int | None:
        """Index after "is"/"was" when at most four plain words stand before it ("for my wifi is")."""
        t = self._t
        cred = t.credentials
        for k in range(first, min(len(words), first + 5)):
            word = words[k]
            if word in ("is", "was", ":", "would", "should", "it's", "are", "were"):
                return self._after_cue(words, k, cred.between)[0]
            if (
                self._is_number(word)
                or (len(word) == 1 and word not in ("i", "a"))
                or cred.symbols.at(words, k)
                or word in cred.first_word_stops
                or word in ("and", "but")
            ):
                return None
        return None

    def _value_before(self, words: Sequence[str], cue: int, label: str) -> _Found | None:
        """ "tiger five oh at sign is my password": a dictated value right before "is (my|the)" + cue."""
        t = self._t
        cred = t.credentials
        if label.startswith("PASSWORD?"):
            return None
        k = cue
        if k > 0 and words[k - 1] in ("my", "the", "your", "his", "her", "our", "their"):
            k -= 1
        joiners = ("is", "was", "as", "that's", "for") + (("on",) if label == "USERNAME" else ())
        if not (k > 0 and words[k - 1] in joiners):  # "... is my password", "j smith nine on instagram"
            return None
        if words[k - 1] == "on" and k < cue and words[k] == "the":
            return None  # "error four oh four on the login page": a place on a site, no handle's name
        stop = k - 1
        if label == "USERNAME" and words[stop] == "on":
            # "follow us at the real jo on instagram": the words between a handle's "at" and "on" and
            # the platform are the handle, whatever they are (at most `handle_words` of them)
            at = next(
                (
                    p
                    for p in range(stop - 1, max(-1, stop - 2 - cred.handle_words), -1)
                    if words[p] in ("at", "@")
                ),
                stop,
            )
            # ... with a word said like a handle's: no everyday word, a name, a letter, a number
            # ("posted it at the beach on instagram" names a place)
            handle = words[at + 1 : stop]
            if (
                handle
                and not any(cred.stops.at(words, q) for q in range(at + 1, stop))
                and (
                    any(self._local_like(word) or word in given_names() for word in handle)
                    # "follow us at quiet fox on instagram": a handle of everyday words after a verb
                    # that asks to follow or tag it
                    or (
                        self._handle_opened(words, at)
                        and handle[0] not in t.ages.determiners | {"a", "an"}
                        and handle[0] not in cred.not_handles_after_at
                    )
                )
            ):
                first = at if words[at] == "@" else at + 1  # a written "@" is the handle's
                return first, stop, label, self.cue_score, "handle said between its at and the platform"
        first = self._left_edge(words, stop, cred.max_words)
        inner = list(words[first:stop])
        # (an article is no spelled letter: "i'm a mod on discord", "i'm a streamer on twitch")
        letters = [
            w for q, w in enumerate(inner) if len(w) == 1 and not (q == 0 and w == "a" and len(inner) > 1)
        ]
        shaped = (
            any(self._is_number(w) for w in inner)
            or bool(letters)
            or any(cred.symbols.at(inner, j) for j in range(len(inner)))
        )
        if first >= stop or not shaped:
            return None
        return first, stop, label, self.cue_score, f"value dictated before a {label.lower()} cue"

    def _handle_opened(self, words: Sequence[str], at: int) -> bool:
        """A verb of ``credentials.handle_openers`` ("follow", "tag", "find"), with "us"/"me"/... after
        it, stands right before ``words[at]`` ("follow us at", "tag me at")."""
        cred = self._t.credentials
        k = at - 1
        if k >= 0 and words[k] in cred.handle_objects:
            k -= 1
        return k >= 0 and words[k] in cred.handle_openers

    def _handle_at_after_platform(self, words: Sequence[str], cue: int, first: int) -> bool:
        """ "follow us on instagram at lunar tides": after a platform cue said after "on" and a verb of
        ``handle_openers``, an "at" opens the value as "is" does."""
        return (
            first + 1 < len(words)
            and words[first] == "at"
            # "find us on instagram at the market", "... at night": a place or a time, no handle
            and words[first + 1] not in self._t.ages.determiners | {"a", "an"}
            and words[first + 1] not in self._t.credentials.not_handles_after_at
            and not self._t.credentials.stops.at(words, first + 1)
            and cue > 0
            and words[cue - 1] == "on"
            and self._handle_opened(words, cue - 1)
        )

    def _guessed_password(self, words: Sequence[str], first: int, stop: int, shape: frozenset[str]) -> bool:
        """After "maybe it was": a word and two number words or a spoken symbol ("tiger football seven
        six", "cookie oh one hash"), or a dictated capital; not "flight two one five", "apollo thirteen"."""
        t = self._t
        cred = t.credentials
        if (
            first >= stop
            or words[first] in cred.not_password_words
            or words[first] in t.lexicon.months  # "i think it was april of nineteen ninety two": a date
            or self._is_number(words[first])
        ):
            return False
        if "case" in shape:
            return True
        if not self._password_shaped(words, first, stop):
            return False
        inner = words[first:stop]
        numbers = sum(1 for word in inner if self._is_number(word))
        symbol = any(
            cred.symbols.at(inner, k) for k in range(len(inner)) if inner[k] not in ("dot", "at", "dash")
        )
        return numbers >= 2 or symbol

    def _password_shaped(self, words: Sequence[str], first: int, stop: int) -> bool:
        """A word followed by numbers ("muffin one nine two four"), a spoken symbol or a capital."""
        t = self._t
        inner = list(words[first:stop])
        if any(
            t.credentials.symbols.at(inner, k)
            for k in range(len(inner))
            if inner[k] not in ("dot", "at", "dash")
        ):
            return True
        content = [word for word in inner if word not in t.lexicon.fillers]
        for k in range(1, len(content)):
            if (
                self._is_number(content[k])
                and not self._is_number(content[k - 1])
                and not t.ages.not_after.at(content, k + 1)
            ):
                return not self._is_number(content[0])
        return False

    def _dictated(self, words: Sequence[str], i: int) -> tuple[int, frozenset[str]] | None:
        """End of a dictated value starting at ``i`` and what gives it a code's shape ("digit",
        "letter", "symbol", "case"); None when nothing is dictated there."""
        t = self._t
        cred = t.credentials
        end = i
        count = 0
        shape: set[str] = set()
        j = i
        while j < len(words) and count < cred.max_words:
            word = words[j]
            if j > i:
                skipped = self._skip_interruptions(words, j)
                if skipped > j:
                    if skipped < len(words) and not cred.stops.at(words, skipped):
                        j = skipped
                        continue
                    break
            length = cred.symbols.at(words, j)
            if length and not (word == "and" and length == 1) and not (word in ("at", "dot") and j == i):
                j += length
                end = j
                shape.add("symbol")
                count += 1
                continue
            length = cred.modifiers.at(words, j)
            connective = 0 if length else cred.connectives.at(words, j)
            if length and words[j] == "with":  # "with a capital s", not "x with capital blue"
                after = j + length
                if not (after < len(words) and len(words[after]) == 1):
                    length = 0
            if connective and j > i and (words[j] not in ("as", "like", "for") or len(words[j - 1]) == 1):
                j += connective  # "k as in kilo", "then", "the number"
                continue
            if length:
                j += length
                shape.add("case")
                if (
                    words[j - 1] in ("capital", "a", "an", "uppercase", "case", "big")
                    and j < len(words)
                    and not cred.stops.at(words, j)
                ):
                    j += 1  # "with a capital s"
                    end = j
                continue
            letter = len(word) == 1 and word.isalpha()
            spelled = letter and (
                j == i
                or len(words[j - 1]) == 1
                or (j + 1 < len(words) and len(words[j + 1]) == 1 and words[j + 1].isalpha())
            )
            if not spelled:
                hard = j == i and word in cred.first_word_stops
                if hard or (j > i and (cred.stops.at(words, j) or word == "with")):
                    break
            if letter:
                shape.add("letter")
            if self._is_number(word):
                shape.add("digit")
            j += 1
            end = j
            count += 1
        if end <= i:
            return None
        return end, frozenset(shape)

    # -- spoken e-mail and web addresses ------------------------------------------------------------
    def _domain(
        self, words: Sequence[str], i: int, tlds: frozenset[str], max_words: int, misheard_tld: bool = False
    ) -> int:
        """End of "<word>{1,max} dot <tld> [dot <tld>]" at ``i`` (interruptions allowed), or ``i``;
        with ``misheard_tld`` the top-level domain may be garbled by one letter ("dot come")."""
        t = self._t
        addr = t.addresses
        j = self._skip_interruptions(words, i)
        names = said = 0
        # a word of `uncounted_host_words` inside a host name is not counted ("at bank of the west dot
        # com"), but at most two words more than ``max_words`` are read
        while j < len(words) and names < max_words and said < max_words + 2 and not self._is_dot(words[j]):
            # a provider said in pieces ("hot mail", "i cloud", "a o l"), spelled letters ("g m x")
            length = addr.split_providers.at(words, j) or self._letters_at(words, j)
            if not length and (
                words[j] == "and"
                and names
                and j + 2 < len(words)
                and self._is_dot(words[j + 2])
                and not t.credentials.stops.at(words, j + 1)
            ):
                length = 1  # "kettle and co dot com"
            if (
                not length
                and names
                and words[j] in addr.heard_inside_domain
                and j + 1 < len(words)
                and words[j + 1] == "dot"
            ):
                j += 1  # "at fastmail [it] dot com": a short word a recognizer put before "dot"
                break
            # "at fix my phone dot help": "my" after a verb of `my_host_verbs` is part of the name
            own = words[j] == "my" and names > 0 and words[j - 1] in addr.my_host_verbs
            if not length and not own and t.credentials.stops.at(words, j):
                break
            j = self._skip_interruptions(words, j + (length or 1))
            said += 1
            names += length > 0 or words[j - 1] not in addr.uncounted_host_words
        if names == 0:
            return i
        # "at mail dot acme dot org", "at maple dot bakery dot com", "at shop dot cedar and slate dot
        # com": labels joined by "dot" before the top-level domain, a label in several words too (at
        # most `max_domain_words` counted words in all)
        while (
            not self._tld_chain(words, j, tlds)
            and names < max_words
            and j + 2 < len(words)
            and words[j] == "dot"
        ):
            k, label = j + 1, 0
            while (
                k < len(words)
                and names + label < max_words
                and words[k].isalnum()
                and not self._is_dot(words[k])
                and (
                    not t.credentials.stops.at(words, k)
                    or (label and words[k] in addr.uncounted_host_words and k + 1 < len(words))
                )
            ):
                label += words[k] not in addr.uncounted_host_words
                k += 1
            if (
                not label
                or k >= len(words)
                or not self._is_dot(words[k])
                or words[k - 1] in addr.uncounted_host_words
            ):
                break
            j = k
            names += label
        return self._tld_chain(words, j, tlds) or (misheard_tld and self._misheard_tld(words, j)) or i

    def _misheard_tld(self, words: Sequence[str], j: int) -> int:
        """End of "dot <tld>" at ``j`` when the recognizer garbled the top-level domain by one letter
        ("dot cone", "dot nest": ``misheard_tlds``), or 0. Only an e-mail's domain: its "at" and a
        name before "dot" are said already."""
        if j + 1 >= len(words) or words[j] != "dot":
            return 0
        word = words[j + 1]
        if not (word.isalpha() and 3 <= len(word) <= 4) or word in self._t.lexicon.stopwords:
            return 0
        return j + 2 if any(within_edits(word, tld, 1) for tld in self._t.addresses.misheard_tlds) else 0

    def _garbled_domain(self, words: Sequence[str], i: int, max_words: int) -> int:
        """End of an e-mail's domain at ``i`` (right after its "at") that a recognizer garbled, or
        ``i``: after one to ``max_words`` host words, of which the last is a mail provider or no
        everyday word, a "dot" heard as one of ``misheard_dots`` ("hotmail dog com", "dart io"), a
        top-level domain one letter off (``misheard_tlds``: "dot nest") or, after a "dot" heard right,
        two letters off ("dot calm"), one short word inserted before it ("dot the org"), a "dot" left
        out before a listed top-level domain ("pacificfin edu"), or a "dot" and at most one short word
        that end the utterance ("at gmail dot"). Only after an "at": "walk the dog" has none, and "at
        home dog come" no host word (the caller checks the local part)."""
        t = self._t
        addr = t.addresses
        j = self._skip_interruptions(words, i)
        names = 0
        provider = False  # the last host word ends a provider said in pieces ("i cloud")
        while (
            j < len(words)
            and names < max_words
            and not self._is_dot(words[j])
            and words[j] not in addr.misheard_dots
        ):
            if names and words[j] in addr.misheard_tlds:
                return j + 1 if provider or self._host_word(words[j - 1]) else i  # "at pacificfin edu"
            length = addr.split_providers.at(words, j) or self._letters_at(words, j)
            if not length and t.credentials.stops.at(words, j):
                return i
            provider = bool(length)
            j = self._skip_interruptions(words, j + (length or 1))
            names += 1
        if names == 0 or j >= len(words) or not (provider or self._host_word(words[j - 1])):
            return i
        if words[j] != "dot" and words[j] not in addr.misheard_dots:
            return i  # "that plays the keanu reeves movie": host words, but no "dot" after them
        said = words[j] == "dot"
        k = j + 1
        if k == len(words):
            return k  # "... at gmail dot", "at atlaspath dart": the rest was not heard
        if words[k] in t.mail_tlds or self._heard_tld(words[k], 2 if said else 1):
            return k + 1
        if k + 1 < len(words) and words[k] in addr.heard_inside_domain and words[k + 1] in t.mail_tlds:
            return k + 2  # "dot the org", "dot i com"
        if said and k + 1 == len(words) and words[k].isalpha() and len(words[k]) <= 4:
            return k + 1  # "at gmail dot old": a garbled ending
        return i

    def _host_word(self, word: str) -> bool:
        """A mail provider ("gmail", "aol") or a host name no dictionary has ("irnsoft")."""
        addr = self._t.addresses
        if addr.www.at((word,), 0):
            return False  # "www dot sec dot gov": a web address
        return word in addr.glued_providers or (word.isalpha() and not is_everyday_word(word))

    def _heard_tld(self, word: str, edits: int) -> bool:
        """``word`` is within ``edits`` letters of a top-level domain of ``misheard_tlds`` ("nest",
        "calm"; two letters off only when it starts like it), and no stop word."""
        if not (word.isalpha() and 2 <= len(word) <= 5) or word in self._t.lexicon.stopwords:
            return False
        # two letters off only with the first letter heard right ("calm", not "sec" for "net")
        return any(
            within_edits(word, tld, edits) and (edits < 2 or word[0] == tld[0])
            for tld in self._t.addresses.misheard_tlds
        )

    def _bare_provider(self, words: Sequence[str], at: int, j: int) -> int:
        """End of a mail provider said without its top-level domain right after "at" ("jenna b at
        gmail", "tomas dot reyes eighty one at outlook"), or ``j``: a provider of ``bare_providers``,
        and before "at" a local part with a handle's shape (a spelled letter, a number word, a joining
        symbol or a given name) or a mail cue (``bare_provider_cues``) a few words before it."""
        t = self._t
        addr = t.addresses
        length = addr.bare_providers.at(words, j)
        if not length:
            return j
        first = self._left_edge(words, at, addr.max_local_words)
        if first >= at:
            return j
        local = words[first:at]
        # (a word no dictionary lists is said like a local part too: "it's janedoe at gmail")
        handle = any(
            self._local_like(word) or (word in given_names() and not is_everyday_word(word)) for word in local
        )
        if handle:
            return j + length
        # (a mail cue makes any local part count, but not a noun after a determiner: "reach me at
        # the office at frontier" is the company's office)
        if first > 0 and words[first - 1] in t.ages.determiners | {"a", "an"}:
            return j
        cue = any(word in addr.bare_provider_cues for word in words[max(0, first - 4) : first])
        return j + length if cue else j

    def _heard_letter_before(self, words: Sequence[str], first: int, at: int) -> int:
        """``first - 1`` when the word there is a spelled letter the recognizer wrote as a word
        (``heard_letters``: "be" for "b", "see" for "c") that the look-back stopped at: after a word of
        ``heard_letter_after`` ("my email is be quill at ...") or after "to" with one of
        ``heard_letter_after_to`` before it ("send it to be quill at ..."); never in a verb's slot
        ("it should be anna at ...", "i want to see kim at ..."); else ``first``."""
        addr = self._t.addresses
        k = first - 1
        if not (k > 0 and first < at and words[k] in addr.heard_letters):
            return first
        before = words[k - 1]
        if before in addr.heard_letter_after:
            return k
        if before == "to" and k > 1 and words[k - 2] in addr.heard_letter_after_to:
            return k
        return first

    def _unfinished_domain(self, words: Sequence[str], at: int, j: int) -> int:
        """End of an e-mail's domain the caller breaks off before its top-level domain ("j dot lee at
        mail dot harbor and the rest i forget", "at tallgrass dot something i can't remember"), or
        ``j``: at most `max_domain_words` host words (no stop word; "dot" between labels) right before
        a phrase of ``unfinished_endings``, and before "at" a local part dictated like one (a joining
        symbol, a spelled letter, a number, a word no dictionary or name list has) or a mail cue a
        few words before it. "tell john at marketing and the rest i forget" names no mailbox."""
        t = self._t
        addr = t.addresses
        if j >= len(words) or not words[j].isalpha() or t.credentials.stops.at(words, j):
            return j  # the cheap test first: a host word right after "at"
        k, host, end = j, 0, j
        while k < len(words) and host <= addr.max_domain_words:
            if end > j and addr.unfinished_endings.at(words, self._skip_interruptions(words, k)):
                break
            word = words[k]
            if end > j and (self._is_dot(word) or word in addr.uncounted_host_words):
                k += 1
                continue
            if not word.isalpha() or t.credentials.stops.at(words, k) or host == addr.max_domain_words:
                return j
            host += 1
            k += 1
            end = k
        else:
            return j
        if host == 1 and words[j] in t.credentials.not_handles_after_at:
            return j  # "email the kids at school and so on", "at lunch or something": a place or a time
        if " ".join(words[j:end]) in self._departments:
            return j  # "i forwarded the email to jen at accounting and the rest is history": a desk
        first = self._left_edge(words, at, addr.max_local_words)
        if first >= at:
            return j
        local = words[first:at]
        # (a given name alone is no dictation: "tell john at marketing and the rest i forget")
        if any(self._local_like(word) and word not in given_names() for word in local):
            return end
        # with a mail cue alone, the local part must be a name or a word no dictionary has (not "you",
        # "the team", "mom") and the host must sound like one: a "dot" inside it or in the ending said
        # ("my email is anna at hollow oak dot something"; "i'll email you at lunch or something")
        cue = any(word in addr.bare_provider_cues for word in words[max(0, first - 4) : first])
        named = all(
            not t.credentials.stops.at(local, q)
            and (local[q] in given_names() or not is_everyday_word(local[q]))
            for q in range(len(local))
        )
        dotted = any(self._is_dot(word) for word in words[j:end]) or (
            end < len(words) and self._is_dot(words[end])
        )
        return end if cue and named and dotted else j

    def _letters_at(self, words: Sequence[str], j: int) -> int:
        """Length of a run of at least two spelled letters at ``j`` ("g m x", "s b c"), or 0."""
        k = j
        while k < len(words) and len(words[k]) == 1 and words[k].isalpha():
            k += 1
        return k - j if k - j >= 2 else 0

    def _tld_chain(self, words: Sequence[str], j: int, tlds: frozenset[str]) -> int:
        """End of "dot <tld> [dot <tld>]…" at ``j`` (0: none); a top-level domain may be spelled
        ("dot c o m")."""
        end = 0
        while j < len(words):
            if self._glued_dot(words[j]):
                j += 1  # "dotcom": "dot" and the top-level domain written as one word
                end = j
                continue
            if not (j + 1 < len(words) and words[j] == "dot"):
                break
            length = 1 if words[j + 1] in tlds else self._t.addresses.spelled_tlds.at(words, j + 1)
            if not length:
                break
            j += 1 + length
            end = j
        return end

    def _glued_dot(self, word: str) -> bool:
        """``word`` is "dot" and a top-level domain of ``glued_dot_tlds`` written as one word ("dotcom",
        "dotorg")."""
        return len(word) > 4 and word.startswith("dot") and word[3:] in self._t.addresses.glued_dot_tlds

    def _is_dot(self, word: str) -> bool:
        """``word`` is a "dot" of a domain: said ("dot") or glued to its top-level domain ("dotcom")."""
        return word == "dot" or self._glued_dot(word)

    def _left_edge(self, words: Sequence[str], stop: int, max_words: int, inserted: bool = False) -> int:
        """First word of a dictated value that ends before ``stop``: back to the word that
        introduced it (a cue, a verb, a preposition), over asides and "s as in sam"; with
        ``inserted`` also over short words a recognizer put inside an e-mail's local part
        (:meth:`_inserted_run`: "s a l i [and the] at ...")."""
        t = self._t
        addr = t.addresses
        cred = t.credentials
        j = stop
        count = 0
        while j > 0 and count < max_words:
            length = t.interruptions.ending(words, j) or self._spelling_note(words, j)
            if not length and inserted:
                length = self._inserted_run(words, j, stop)
            if length and j - length > 0:
                j -= length
                continue
            length = cred.modifiers.ending(words, j) or cred.connectives.ending(words, j)
            if length and j - length > 0:
                spelled = words[j - length] in ("as", "like", "for") or words[j - length] == "with"
                if not spelled or len(words[j - length - 1]) == 1:
                    j -= length
                    continue
            length = cred.symbols.ending(words, j)
            if length and words[j - 1] not in ("at",) and j - length > 0:
                j -= length
                count += 1
                continue
            letter = len(words[j - 1]) == 1 and words[j - 1].isalpha()
            spelled = letter and (
                (j >= 2 and len(words[j - 2]) == 1 and words[j - 2].isalpha())  # "... l a at"
                or (j < len(words) and len(words[j]) == 1 and words[j].isalpha())
                or (j < stop and j >= 2 and addr.starts_after.ending(words, j - 1) > 0)  # "is a maidana at"
                or (j >= 2 and addr.joiners.ending(words, j - 1) > 0)  # "beth dot a at"
            )
            host = j < len(words) and words[j] == "dot" and words[j - 1] in addr.host_words
            # "the underscore real deal at": a word the address would start after is part of it when
            # a joining symbol follows it
            joined = j < stop and words[j - 1] in addr.joined_words and bool(addr.joiners.at(words, j))
            if addr.starts_after.ending(words, j) and not spelled and not host and not joined:
                break  # ... unless it is a host name before "dot" ("the address is portal dot ...")
            j -= 1
            count += 1
        # never start on an interruption
        while j < stop:
            length = t.interruptions.at(words, j)
            if not length:
                break
            j += length
        return j

    def _house_and_street(self, words: Sequence[str], first: int, at: int, host: int, end: int) -> bool:
        """The words before an "at" whose domain is broken off are a house number and a street of
        everyday words, and no "dot" is said in the host: an address and its locality ("nine birch at lake
        view and the rest i forget"), no mailbox ("bob twelve at mail dot harbor and the rest"), unless an
        e-mail word (``addresses.mail_words``) comes a few words before it."""
        t = self._t
        number = words[first] in t.number_words or words[first].isdigit()
        street = words[first + 1 : at]
        return (
            number
            and bool(street)
            and all(word.isalpha() and word not in t.number_words for word in street)
            and all(is_everyday_word(word) for word in street)
            and not any(self._is_dot(word) for word in words[host:end])
            # (an e-mail cue before it keeps the mailbox: "my email is five oak at ... and the rest")
            and not any(word in t.addresses.mail_words for word in words[max(0, first - 4) : first])
        )

    def _local_like(self, word: str) -> bool:
        """A word an e-mail's local part is said in: a spelled letter, a joining symbol, a number, a
        word no dictionary lists ("akdeniz")."""
        t = self._t
        return (
            _is_letter(word)
            or bool(t.addresses.joiners.at((word,), 0))
            or word in t.number_words
            or word.isdigit()
            or (word.isalpha() and len(word) > 2 and not is_everyday_word(word))
        )

    def _inserted_run(self, words: Sequence[str], j: int, stop: int) -> int:
        """Length of a run of at most ``addresses.heard_inside_local_max`` short words
        (``heard_inside_local``: "and", "the", "it") ending at ``j`` inside an e-mail's local part that
        ends at ``stop``: a word the local part is said in (:meth:`_local_like`) before the run, and
        after it one too or the "at"; 0 when none."""
        addr = self._t.addresses
        run = 0
        while (
            run < addr.heard_inside_local_max
            and j - run - 1 > 0
            and words[j - run - 1] in addr.heard_inside_local
        ):
            run += 1
        left = words[j - run - 1]
        if (
            not run
            or not self._local_like(left)
            or (not _is_letter(left) and addr.starts_after.at((left,), 0))
        ):
            return 0  # "my email is [nell] at": "email" introduced the address
        return run if j == stop or self._local_like(words[j]) else 0

    def _hostless_domain(self, words: Sequence[str], j: int) -> int:
        """End of "dot <tld>" right after an e-mail's "at" whose host the recognizer lost ("... at dot
        org", "at dog org"), or ``j``; the caller checks the local part."""
        t = self._t
        if (
            j + 1 < len(words)
            and (words[j] == "dot" or words[j] in t.addresses.misheard_dots)
            and words[j + 1] in t.mail_tlds
            and words[j + 1] not in t.lexicon.stopwords
        ):
            return self._tld_chain(words, j + 2, t.mail_tlds) or j + 2
        return j

    def _spelling_note(self, words: Sequence[str], j: int) -> int:
        """Length of a note on the spelling ending at ``j`` ("with two n's", "without an h", "with an
        e": ``addresses.spelling_notes`` and a letter), said inside a dictated value, or 0."""
        if j < 2:
            return 0
        last = words[j - 1]
        letter = (len(last) == 1 and last.isalpha()) or (
            len(last) == 3 and last[0].isalpha() and last[1:] == "'s"
        )
        if not letter:
            return 0
        note = self._t.addresses.spelling_notes.ending(words, j - 1)
        return note + 1 if note else 0

    def _addresses(self, text: _Text) -> list[_Found]:
        """Spoken e-mail addresses ("... at <domain> dot <tld>"), e-mail addresses with the symbols
        dropped, then spoken web addresses ("... dot <tld> [slash path]") outside them."""
        t = self._t
        addr = t.addresses
        # "acme period com", "gmail point com"; "john smith, at gmail, dot com", "sarah, s-a-r-a-h, dot"
        words = self._heard_symbols(self._spoken_dots(self._dictation_marks(self._glued_periods(text))))
        mails = _Pass([i for i in text.starts(self._at_starts) if i > 0 and self._at_length(words, i)[0]])
        for i in mails:
            length, misheard = self._at_length(words, i)  # "add", "at the": a misheard "at"
            if addr.www.at(words, i + length) or addr.schemes.at(words, i + length):
                continue  # "order online at www dot ...": the "at" before a web address
            # a given name may be the whole local part when the "at" was said right or heard before a
            # mail provider ("frank and gmail dot com", "anna dart white at gmail dart com")
            names = not misheard or bool(addr.misheard_at_before_provider.at(words, i))
            end = self._domain(words, i + length, t.mail_tlds, addr.max_domain_words)
            if end == i + length and not misheard:
                # "... at yahoo dot nest": a garbled top-level domain, with a local part said like one
                end = self._domain(words, i + length, t.mail_tlds, addr.max_domain_words, misheard_tld=True)
                misheard = end > i + length
            if end == i + length:
                # "... at hotmail dog com", "at pacificfin edu": a garbled "dot", likewise
                end = self._garbled_domain(words, i + length, addr.max_domain_words)
                misheard = misheard or end > i + length
            if end == i + length:
                end = self._bare_provider(words, i, i + length)  # "jenna b at gmail"
                if end > i + length:
                    names = False  # "send mark an outlook invite": a provider without its ending
            if end == i + length:
                end = self._hostless_domain(words, i + length)  # "b r i t t at dot org"
                misheard = misheard or end > i + length
            unfinished = False
            if end == i + length:
                end = self._unfinished_domain(words, i, i + length)  # "... at mail dot harbor and the rest"
                unfinished = end > i + length
            path = self._skip_interruptions(words, end)
            if addr.slashes.at(words, path):
                continue  # "have a look at shop dot com slash faq": a web address, no e-mail
            if end > i + length:
                first = self._left_edge(words, i, addr.max_local_words, inserted=True)
                if first == i and words[i - 1] in addr.mailbox_words:
                    first = i - 1  # "my address is hello at ...": a mailbox word the look-back stops at
                first = self._heard_letter_before(words, first, i)  # "my email is be quill at ..."
                if first < i and self._web_host_after_at(words, first, i, i + length, end):
                    continue  # "the docs are at docs dot google dot com": a web address
                if (
                    first < i
                    and not misheard
                    and words[i - 1] in self._not_local_parts
                    and not (i - 1 > first and addr.joiners.at(words, i - 2))
                    # "s hancock no space sorry it's loud here at ...": a local part dictated before
                    and not any(
                        _is_letter(w) or w in t.number_words or addr.joiners.at((w,), 0)
                        for w in words[first:i]
                    )
                    and not self._provider_at(words, i + length)  # "kim in at gmail dot com"
                ):
                    continue  # "sign up at acme dot net", "register at ...": the "at" of a place
                if first < i and (not misheard or self._dictated_local(words, first, i, names)):
                    if unfinished and self._house_and_street(words, first, i, i + length, end):
                        # "my address is nine birch at lake view and the rest i forget": a house number, a
                        # street and its locality, no mailbox (an e-mail where ADDRESS is not reported)
                        label = "ADDRESS" if "ADDRESS" in self.labels else "EMAIL_ADDRESS"
                        mails.add((first, end, label, self.cue_score, "street address said with 'at'"))
                        continue
                    mails.add((first, end, "EMAIL_ADDRESS", self.cue_score, "spoken e-mail address"))
        glued = self._glued_addresses(words, mails.taken)
        words = self._written_dots(words)  # "it's acme. com": a period a recognizer wrote for "dot"
        urls = _Pass(
            [i for i, word in enumerate(words) if word == "dot" or self._heard_dot(word)],
            max([mails.taken, *(stop for _, stop, *_ in [*mails.found, *glued])]),
        )
        for i in urls:
            end = self._tld_chain(words, i, t.tlds) if self._is_dot(words[i]) else 0
            if not end and i > 0:
                end = self._garbled_url_tld(words, i)  # "vexlytics dog io", "premierfin dot cow"
            if not end or i == 0:
                continue
            end = self._path_end(words, self._heard_tld_chain(words, end))
            # a host said in several words only where the address may end after it ("... dot com
            # bubble" is speech)
            ends = self._address_ends(words, end) or bool(t.credentials.modifiers.at(words, end))
            first = self._garbled_prefix(words, self._url_start(words, i, ends))
            if first < i and words[i - 1] != "dot":  # an empty host label: "it's just dot dot dot at"
                urls.add((first, end, "URL", self.cue_score, "spoken web address"))
        found = [*mails.found, *glued, *urls.found]
        found += self._opened_urls(words, [(first, stop) for first, stop, *_ in mails.found])
        found += self._provider_local_parts(text, words)
        return [*found, *self._dotless_urls(words, [(first, stop) for first, stop, *_ in found])]

    def _provider_local_parts(self, text: _Text, words: Sequence[str]) -> list[_Found]:
        """The local part of an e-mail address said after its mail provider as the cue ("my gmail is
        tovin dot b", "her yahoo address is kestrel eighty eight"): after "my"/"your"/... + a word of
        ``bare_providers`` + one of ``provider_local_cues``, the words up to where the value ends, when
        they are said like a local part (:meth:`_dictated_local`: a joining symbol, spelled letters, a
        number, a name); an "at" after them leaves the address to the e-mail pass ("my gmail is dana
        at gmail dot com"), and "my gmail is full" or "my gmail is the one i check" say nothing."""
        addr = self._t.addresses
        found: list[_Found] = []
        for k in text.starts(self._provider_starts):
            length = addr.bare_providers.at(words, k)
            if not length or k == 0 or words[k - 1] not in ("my", "your", "his", "her", "our", "their"):
                continue
            cue = addr.provider_local_cues.at(words, k + length)
            if not cue:
                continue
            first = j = k + length + cue
            while j < len(words) and j - first < addr.max_local_words:
                word = words[j]
                if addr.at.at(words, j) or addr.misheard_at.at(words, j):
                    break
                joined = bool(addr.joiners.at(words, j))
                if not (
                    joined
                    or word in self._t.number_words
                    or word.isdigit()
                    or _is_letter(word)
                    or (
                        word.isalpha()
                        and word not in self._t.lexicon.stopwords
                        and not self._t.credentials.stops.at(words, j)
                    )
                ):
                    break
                j += 1
            if j < len(words) and (addr.at.at(words, j) or addr.misheard_at.at(words, j)):
                continue  # "my gmail is dana at gmail dot com": the e-mail pass reads it whole
            while j > first and addr.joiners.at(words, j - 1):
                j -= 1
            if j > first and self._dictated_local(words, first, j, names=True):
                found.append(
                    (first, j, "EMAIL_ADDRESS", self.cue_score, "local part after its mail provider")
                )
        return found

    def _opened_urls(self, words: Sequence[str], mails: Sequence[tuple[int, int]]) -> list[_Found]:
        """Web addresses that "www dot" or a scheme opens, read by their shape however the recognizer
        garbled the rest: after the opening (:meth:`_garbled_prefix` for a garbled one: "double u
        doubt u dot", "h t t p s colon slash slate") host words, "dot"s and words heard for one
        (:meth:`_heard_as_dot`), short words of ``heard_inside_domain`` or fillers before a "dot" or a
        top-level domain ("harbor [i] light cpa dot net", "tires [in] dot [uh] com"), and the word after
        the last "dot" whatever it is where the address may end ("www dot acme dot [that]"), then a
        path. The host needs a "dot" after its first word or must end on a listed top-level domain
        ("www dot one stop ca"); it ends at a word that ends a dictated value. Never inside an e-mail
        address."""
        t = self._t
        addr = t.addresses
        found: list[_Found] = []
        # an opening ends only on a "dot" (or a word heard for one) or on the word after a "slash"
        # (:meth:`_opening`)
        openings = [
            k
            for k, word in enumerate(words)
            if self._heard_as_dot(word) or (k > 0 and words[k - 1] == "slash")
        ]
        k = 0
        for at in openings:
            if at < k:
                continue
            k = at
            host, first = self._opening(words, k)
            if host is None or any(a <= k < b for a, b in mails):
                continue
            end, dots, names, j = host, 0, 0, host
            while j < len(words) and j - host < addr.opened_host_words:
                word = words[j]
                if names and (self._is_dot(word) or self._heard_as_dot(word)):
                    dots += 1
                    j += 1
                    if self._glued_dot(word):
                        end = j
                    elif (
                        j < len(words)
                        and words[j].isalnum()
                        and (self._address_ends(words, j + 1) or self._heard_as_dot(words[j + 1]))
                    ):
                        j += 1  # the label or top-level domain after a "dot", whatever was heard
                        end = j
                    continue
                if word in addr.heard_inside_domain or word in t.lexicon.fillers:
                    after = j + 1 < len(words) and (
                        self._heard_as_dot(words[j + 1]) or words[j + 1] in t.tlds
                    )
                    if names and after and not self._is_dot(word):
                        j += 1  # "harbor [i] light", "tires [in] dot"
                        continue
                    break
                if not word.isalnum() or t.credentials.stops.at(words, j) or addr.slashes.at(words, j):
                    break
                names += 1
                j += 1
                end = j
            last = words[end - 1]
            listed = last in t.tlds and last not in t.lexicon.stopwords and self._address_ends(words, end)
            if names and (dots or listed) and end > host:
                found.append((first, self._path_end(words, end), "URL", self.cue_score, "opened web address"))
            k = max(end, k + 1)
        return found

    def _opening(self, words: Sequence[str], k: int) -> tuple[int | None, int]:
        """Where the host starts after "www dot" or a scheme that ends at word ``k`` (said or garbled:
        :meth:`_garbled_prefix`), and where the address starts; (None, k) when none ends there."""
        addr = self._t.addresses
        if k + 1 < len(words) and (words[k] == "dot" or self._heard_as_dot(words[k])):
            length = addr.www.ending(words, k)
            if length:
                start = k - length
                return k + 1, start - addr.schemes.ending(words, start)
            # a garbled "www" ("double u doubt u dot", "da dub dub dot"): it ends on a letter or word of
            # "www" right before the "dot", and at most `www_window` words of `_garbled_prefix` lead to it
            start = self._garbled_prefix(words, k)
            if 0 < k - start <= addr.www_window and words[k - 1] in self._www_words:
                return k + 1, start
        length = addr.schemes.ending(words, k)
        if length and words[k - 1] == "slash":
            return k, k - length
        return None, k

    def _heard_symbols(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` with the "dot" and the top-level domain of an address a recognizer garbled read as
        said, where the address's shape shows them: a word heard for "dot" (:meth:`_heard_as_dot`:
        "dart", "dots", "got") right after "www" ("dub dub dub dart acme"), or between a host word
        (or one short word of ``heard_inside_domain`` after it) and a top-level domain the address may
        end after; and a word two letters off one of ``misheard_tlds`` ("calm", "nut", "orc") after a
        "dot" where the address may end. Each only with an opening before it: "www" or a scheme, or a
        word of ``spoken_dot_cues`` (an "at", "website", "go to") a few words before, or, for a
        garbled "dot" alone, a listed top-level domain of ``misheard_tlds`` after it ("studio four
        dots org"); "hot dog co" and "connect the dots" stay speech."""
        t = self._t
        addr = t.addresses
        stop = t.lexicon.stopwords
        read = list(words)
        for i in range(1, len(read)):
            word = read[i]
            weak = word in addr.opened_dots  # "that": an everyday word, read as "dot" only when opened
            if word == "dot" or not (weak or self._heard_as_dot(word)):
                continue
            if addr.www.ending(read, i):
                read[i] = "dot"  # "w w w dart acme": the dot after "www"
                continue
            if i + 1 >= len(read):
                continue
            if weak and read[i - 1] in self._www_words and self._heard_as_dot(read[i + 1]):
                read[i] = read[i - 1]  # "w w that dot acme": one more letter of a garbled "www"
                continue
            host = i - 1 if read[i - 1] in addr.heard_inside_domain and i > 1 else i
            if not (read[host - 1].isalnum() and read[host - 1] not in stop):
                continue
            after = read[i + 1]
            exact = after in addr.misheard_tlds
            heard = not exact and self._heard_tld(after, 2)
            www = self._after_www(read, i)
            opened = www or self._spoken_dot_cue(read, host - 1)
            cued = www or self._spoken_dot_cue(read, host - 1, at=False)  # "at the shop dog come on"
            listed = after in t.tlds and after not in stop and www
            ends = self._address_ends(read, i + 2) or (i + 2 < len(read) and self._heard_as_dot(read[i + 2]))
            named = read[host - 1] in addr.glued_providers  # "at gmail dots calm"
            if heard and not named and host >= 3 and read[host - 2] == "at" and not weak:
                # "priya nineteen at bellhavenschool dog calm": a made-up host right after an "at"
                # with a local part said like one before it ("i was at starbucks dog calm" is speech)
                named = (
                    read[host - 1].isalpha()
                    and self._local_like(read[host - 3])
                    and not is_everyday_word(read[host - 1])
                )
            if weak:
                # "at live that com", "www dot acme that calm": only after a mail provider or a made-up
                # host with "www" or a cue before it (an "at" only after a local part said like one:
                # not "caught it at the game that net", "we met at chipotle that com"); a garbled
                # top-level domain only after "www" or a mail provider
                name = read[host - 1]
                made_up = name in addr.glued_providers or (name.isalpha() and not is_everyday_word(name))
                cue = (
                    www
                    or self._spoken_dot_cue(read, host - 1, at=False)
                    or (host >= 3 and read[host - 2] == "at" and self._local_like(read[host - 3]))
                )
                strong = (exact and made_up and cue) or (heard and (www or named)) or listed
            else:
                strong = (
                    (exact and (opened or word in addr.misheard_dots or self._mail_at_before(read, host)))
                    or (heard and (cued or named or self._mail_at_before(read, host)))
                    or listed
                    # "harborline freight dart app" after a cue ("go to", "website") or an e-mail's
                    # "at" with a local part said like one: any listed top-level domain
                    or (
                        after in t.mail_tlds
                        and after not in stop
                        and (cued or self._mail_at_before(read, host))
                    )
                )
            if ends and strong:
                read[i] = "dot"
                if heard:
                    read[i + 1] = self._closest_tld(after)
        for i in range(2, len(read)):
            if read[i - 1] != "dot" or read[i] in t.tlds or not self._heard_tld(read[i], 2):
                continue
            named = self._host_word(read[i - 2])
            if self._address_ends(read, i + 1) and (
                named or self._after_www(read, i - 1) or self._spoken_dot_cue(read, i - 2, at=False)
            ):
                read[i] = self._closest_tld(read[i])  # "acme dot calm", "at gmail dot nut"
        return _reread(words, read)

    def _mail_at_before(self, words: Sequence[str], host: int) -> bool:
        """An e-mail's "at" (said, or a word of ``misheard_at``/``misheard_at_before_host``) stands
        before the host name that ends at ``host``, over at most ``max_domain_words`` host words and the
        "dot"s between them ("kenji forty two at shop dot harborline freight"), with a word an e-mail's
        local part is said in right before it (:meth:`_local_like`: "i was at the harbor" has none)."""
        addr = self._t.addresses
        stop = self._t.credentials.stops
        p, names = host, 0
        while p > 1 and names <= addr.max_domain_words:
            length = addr.at.ending(words, p) or addr.misheard_at_before_host.ending(words, p)
            heard = addr.misheard_at.ending(words, p)
            if not length and heard and words[p - heard] != "at":  # "at the": the article of a place
                length = heard
            if length and p < host:
                return (
                    p - length > 0
                    and words[p] not in addr.uncounted_host_words  # "at nine at the dog park"
                    and self._local_like(words[p - length - 1])
                )
            word = words[p - 1]
            if word == "dot":  # a heard one before it is read already ("at shop dart acme dart io")
                p -= 1
                continue
            if not word.isalnum() or (stop.at(words, p - 1) and word not in addr.uncounted_host_words):
                return False
            names += word not in addr.uncounted_host_words
            p -= 1
        return False

    def _heard_as_dot(self, word: str) -> bool:
        """A word a recognizer may have written for "dot": one of ``misheard_dots`` or, no stop word,
        one letter off it or two with the "d" heard right ("dart", "got", "dut", "doubt")."""
        found = self._dot_memo.get(word)
        if found is None:
            found = _remember(
                self._dot_memo,
                word,
                word == "dot"
                or word in self._t.addresses.misheard_dots
                or (word not in self._t.lexicon.stopwords and _heard_as(word, "dot")),
            )
        return found

    def _closest_tld(self, word: str) -> str:
        """The top-level domain of ``misheard_tlds`` ``word`` is heard for ("calm" -> com)."""
        return min(
            sorted(self._t.addresses.misheard_tlds),
            key=lambda tld: 0 if within_edits(word, tld, 1) else 1 if within_edits(word, tld, 2) else 2,
        )

    def _glued_periods(self, text: _Text) -> tuple[str, ...]:
        """The words with each period a recognizer wrote inside a domain read as "dot": one written
        between two words with no space around it ("at gmail.com", "shop.acme.co.uk"), or before a
        top-level domain it is written onto ("acme .com")."""
        words, tokens = text.words, text.tokens
        if "." not in words:
            return words
        read = list(words)
        run: list[int] = []  # the periods of one written domain so far
        for i in range(1, len(words) - 1):
            if not (
                words[i] == "."
                and words[i - 1].replace("-", "").isalnum()
                and words[i + 1].isalnum()
                and tokens[i].end == tokens[i + 1].start
                and (tokens[i - 1].end == tokens[i].start or words[i + 1] in self._t.tlds)
            ):
                continue
            if not (run and run[-1] == i - 2):
                run = []
            run.append(i)
            # a written domain ends on a listed top-level domain ("mail.acme.co.uk"); a sentence run
            # into the next one ("feedstocks.we") has none
            # (a period after it that no word is written onto ends the sentence: "it's www.acme.co.uk.")
            ended = not (
                i + 3 < len(words)
                and words[i + 2] == "."
                and tokens[i + 1].end == tokens[i + 2].start
                and tokens[i + 2].end == tokens[i + 3].start
            )
            if ended and words[i + 1] in self._t.tlds:
                for period in run:
                    read[period] = "dot"
        return _reread(words, read)

    def _written_dots(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` with each period that a recognizer wrote for a spoken "dot" read as "dot": a period
        between a host word and one of ``misheard_tlds`` that ends the address (the utterance, a
        punctuation mark, a word that ends a dictated value, a path or another "dot" follows: "it's
        acme. com", "harlow. org for more"), or right after "www" ("www. acme. com"); a sentence's
        period before "co workers", "us" or "com students" stays one."""
        t = self._t
        addr = t.addresses
        spots = [
            i
            for i in range(1, len(words) - 1)
            if words[i] == "."
            and words[i - 1].replace("-", "").isalnum()
            and (
                (words[i + 1] in addr.misheard_tlds and self._address_ends(words, i + 2))
                or addr.www.ending(words, i) > 0
            )
        ]
        if not spots:
            return words
        read = list(words)
        for i in spots:
            read[i] = "dot"
        return _reread(words, read)

    def _web_host_after_at(self, words: Sequence[str], first: int, at: int, host: int, end: int) -> bool:
        """Whether the domain ``words[host:end]`` after the "at" at ``at`` has labels before its
        top-level domain ("docs dot google dot com") while nothing makes ``words[first:at]`` a local
        part: no word said like one (:meth:`_dictated_local`), no mailbox word ("info", "hello"), no
        mail cue (``bare_provider_cues``) a few words before. Such an "at" is the preposition before a
        web address ("the docs are at docs dot google dot com"), not an e-mail's."""
        t = self._t
        addr = t.addresses
        labels = any(
            words[k] == "dot" and words[k + 1] not in t.mail_tlds and not addr.spelled_tlds.at(words, k + 1)
            for k in range(host, end - 1)
        )
        if not labels:
            return False
        if any(word in addr.mailbox_words for word in words[first:at]):
            return False
        if any(word in addr.bare_provider_cues for word in words[max(0, first - 4) : first]):
            return False
        return not self._dictated_local(words, first, at, names=True)

    def _host_start(self, words: Sequence[str], first: int) -> int:
        """Start of a web address's host name said in several words that starts at ``first`` or
        before it: back over at most ``host_extra_words`` words to where the host opens (a word of
        ``host_cues``, a scheme or "www dot", a punctuation mark), over words
        of ``host_inner_words`` or ``host_first_words`` and words an address never starts after ("bakery by
        anna dot com", "home fix pro dot net", "the book nook"); a leading article is left out, and
        the host never starts on a word of ``host_inner_words`` ("for more info acme dot com").
        ``first`` when no opening is reached ("i love bakery by anna dot com" keeps "anna dot com")."""
        t = self._t
        addr = t.addresses
        p = first
        while p > 0 and first - p < addr.host_extra_words and not self._host_opens(words, p):
            word = words[p - 1]
            if (
                not word.isalnum()
                or word in t.lexicon.fillers
                or word in t.number_words
                or (
                    addr.starts_after.at(words, p - 1)
                    and word not in addr.host_inner_words
                    and word not in addr.host_first_words
                )
            ):
                return first
            p -= 1
        if p == first or not self._host_opens(words, p):
            return first
        while p < first and words[p] in addr.path_articles:
            p += 1
        return first if words[p] in addr.host_inner_words else p

    def _host_opens(self, words: Sequence[str], p: int) -> bool:
        """A host name may start at word ``p``: a punctuation mark, a word of ``host_cues``, a scheme or
        "www dot" stands before it (the utterance's start is none: "for more info acme dot com")."""
        addr = self._t.addresses
        return p > 0 and (
            words[p - 1] in (",", ".", "?", "!", ":", ";")
            or addr.host_cues.ending(words, p) > 0
            or addr.schemes.ending(words, p) > 0
            or (words[p - 1] == "dot" and addr.www.ending(words, p - 1) > 0)
        )

    def _dictation_marks(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` with the marks a punctuating recognizer writes inside a dictated address read as a
        pause (a filler): a comma next to one of ``symbol_words`` ("john smith, at gmail, dot com") or
        between a word and its spelling ("sarah, s-a-r-a-h, dot lee"), and a hyphen between "dot" and
        a top-level domain ("example dot-com")."""
        if "," not in words and "-" not in words:
            return words
        symbols = self._t.addresses.symbol_words
        read = list(words)
        for i, word in enumerate(words):
            if word == "," and 0 < i < len(words) - 1:
                # before "dot <tld>" only where the address may end after it ("example, dot com.",
                # not "we met at the park, dot com era stuff")
                before_tld = (
                    words[i + 1] == "dot" and i + 2 < len(words) and words[i + 2] in self._t.mail_tlds
                )
                if (
                    words[i - 1] in symbols
                    or (words[i + 1] in symbols and not (before_tld and not self._address_ends(words, i + 3)))
                    or self._spelled_after(words, i)
                ):
                    read[i] = "uh"
            elif (
                word == "-"
                and 0 < i < len(words) - 1
                and words[i - 1] == "dot"
                and words[i + 1] in self._t.mail_tlds
            ):
                read[i - 1], read[i] = "uh", "dot"
        return _reread(words, read)

    def _spelled_after(self, words: Sequence[str], i: int) -> bool:
        """The word before the comma at ``i`` is spelled right after it, letter by letter or with
        hyphens between the letters ("jones, j-o-n-e-s")."""
        said = words[i - 1]
        if not (said.isalpha() and len(said) >= 2):
            return False
        letters: list[str] = []
        k = i + 1
        while k < len(words) and len(letters) < len(said):
            if words[k] == "-" and letters:
                k += 1
                continue
            if not _is_letter(words[k]):
                break
            letters.append(words[k])
            k += 1
        return "".join(letters) == said

    def _spoken_dots(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """``words`` with each other word for "dot" (``spoken_dots``: "period", "point") read as "dot"
        where it joins the labels of a domain: a word that is no stop word before it, and after it a
        label and another dot ("mail period acme dot org"), or a listed top-level domain that is no
        stop word or one letter off one of ``misheard_tlds`` where the address may end
        (:meth:`_address_ends`), after a host word no dictionary has or a mail provider or with a
        word of ``spoken_dot_cues`` before it ("gmail point com", "my email is ... acme period
        come"); "two point five", "at this point in time" and "for the reporting period net income"
        stay."""
        t = self._t
        spoken = t.addresses.spoken_dots
        if spoken.isdisjoint(words):
            return words
        read = list(words)
        stop = t.lexicon.stopwords
        for i in range(len(read) - 2, 0, -1):
            if read[i] not in spoken or not read[i - 1].isalnum() or read[i - 1] in stop:
                continue
            after = read[i + 1]
            if after.isalnum() and after not in stop and i + 2 < len(read) and read[i + 2] == "dot":
                read[i] = "dot"  # "mail period acme dot org"
            elif (
                ((after in t.mail_tlds and after not in stop) or self._heard_tld(after, 1))
                and self._address_ends(read, i + 2)
                and (self._host_word(read[i - 1]) or self._spoken_dot_cue(read, i - 1))
            ):
                read[i] = "dot"  # "gmail point com", "it's on acme period io"
        return _reread(words, read)

    def _spoken_dot_cue(self, words: Sequence[str], host: int, at: bool = True) -> bool:
        """A word of ``spoken_dot_cues`` (an "at", "email", "website", "www", ...) stands in the
        ``www_window`` words before the host word at ``host``: "period" and "point" are the dot of an
        address only there ("for the reporting period net" is speech); without ``at`` an "at" is none
        ("we met at the shop dot come on")."""
        addr = self._t.addresses
        return any(
            addr.spoken_dot_cues.at(words, k) and (at or not addr.at.at(words, k))
            for k in range(max(0, host - addr.www_window), host)
        )

    def _address_ends(self, words: Sequence[str], k: int) -> bool:
        """An address may end before word ``k``: the utterance ends, or a punctuation mark, a filler, a
        word that ends a dictated value (``credentials.stops``), a "dot" or a path follows ("acme. com
        slash faq"; not "it was long. com students")."""
        t = self._t
        return (
            k >= len(words)
            or not words[k].isalnum()
            or words[k] == "dot"
            or words[k] in t.lexicon.fillers
            or bool(t.credentials.stops.at(words, k))
            or bool(t.addresses.slashes.at(words, k))
        )

    def _heard_dot(self, word: str) -> bool:
        """A "dot" the recognizer garbled (``misheard_dots``: "dog", "dart") or ran together with the
        top-level domain after it ("dotcom", "dotie")."""
        found = self._heard_dot_memo.get(word)
        if found is None:
            found = _remember(
                self._heard_dot_memo,
                word,
                word in self._t.addresses.misheard_dots
                or (len(word) > 4 and word.startswith("dot") and word[3:] in self._t.tlds),
            )
        return found

    def _garbled_url_tld(self, words: Sequence[str], i: int) -> int:
        """End of a web address's garbled "dot <tld>" at ``i``, or 0, after a host name no dictionary
        has ("vexlytics", "premierfin") or a "www" or scheme said before it (never the "dot" right
        after "www"): a "dot" heard as one of ``misheard_dots`` before a listed top-level domain that
        is no stop word and has two letters or is one of ``misheard_tlds`` ("dog io", "dart co"; any
        after "www" or a scheme, not "pixel dart app"), "dot" and the domain run together ("dotie"), or
        after a "dot" heard right nothing at all after a made-up host name (the utterance ends:
        "goldware dot", not "tell jaxon dot"); after such a host name
        also a top-level domain of ``misheard_tlds`` two letters off or a listed one one letter off
        ("dot cow", "dot iso") or a short word of ``heard_inside_domain`` before a listed one ("dot
        that us")."""
        t = self._t
        addr = t.addresses
        host = i - t.credentials.modifiers.ending(words, i)  # "daily korvel all one word dart co"
        named = host > 0 and self._host_word(words[host - 1])
        if not (named or self._after_www(words, i)) or addr.www.ending(words, i):
            return 0  # "w w w dot part": the "dot" after "www" opens the host
        word, k = words[i], i + 1
        if k + 1 < len(words) and words[k + 1] == "dot":
            return 0  # "www dot sec dot gov": the host goes on
        if word != "dot":
            if word in addr.misheard_dots:
                # "dog io", "dart co", "dog com": a heard domain of two letters or of `misheard_tlds`;
                # "pixel dart app", "a hot dog shop": a longer one is the word itself, unless "www" or a
                # scheme was said
                ok = (
                    k < len(words)
                    and words[k] in t.tlds
                    and words[k] not in t.lexicon.stopwords
                    and (words[k] in addr.misheard_tlds or len(words[k]) == 2 or self._after_www(words, i))
                )
                return k + 1 if ok else 0
            return k  # "dotie"
        if k == len(words):
            # "goldware dot" at the end, not "tell jaxon dot": a person's name is no host
            return k if named and self._brand_host(words[host - 1]) else 0
        if not named:
            return 0  # a top-level domain heard wrong only after a host name no dictionary has
        if self._heard_tld(words[k], 2) or self._near_tld(words[k]):
            return k + 1
        if k + 1 < len(words) and words[k] in addr.heard_inside_domain and words[k + 1] in t.tlds:
            return k + 2
        return 0

    def _brand_host(self, word: str) -> bool:
        """A made-up host name: six letters or more, no everyday word, no listed name or place
        ("pacificfin", "harorline")."""
        return (
            len(word) >= 6
            and word.isalpha()
            and not is_everyday_word(word)
            and word not in given_names()
            and word not in family_names()
            and word not in place_names()
        )

    def _near_tld(self, word: str) -> bool:
        """A word of two to four letters, no stop word, one letter off a listed top-level domain
        ("iso" for io, "inch" for inc, "ink")."""
        t = self._t
        if not (word.isalpha() and 2 <= len(word) <= 4) or word in t.lexicon.stopwords:
            return False
        return any(within_edits(word, tld, 1) for tld in t.tlds if abs(len(tld) - len(word)) <= 1)

    def _after_www(self, words: Sequence[str], i: int) -> bool:
        """A "www" or a scheme said in the ``www_window`` words before ``i``."""
        addr = self._t.addresses
        return any(
            addr.www.at(words, k) or addr.schemes.at(words, k) for k in range(max(0, i - addr.www_window), i)
        )

    def _heard_tld_chain(self, words: Sequence[str], end: int) -> int:
        """``end`` moved past more top-level domains after a web address's, each after a "dot" the
        recognizer garbled ("dot co dog uk": ``misheard_dots``); no stop word is taken as one."""
        t = self._t
        while (
            end + 1 < len(words)
            and words[end] in t.addresses.misheard_dots
            and words[end + 1] in t.tlds
            and words[end + 1] not in t.lexicon.stopwords
        ):
            end += 2
        return end

    def _heard_url_part(self, word: str) -> bool:
        """A word of a spoken scheme or "www" ("h", "colon", "slash", "double", "dot"), or a longer one
        of them as a recognizer may garble it (:func:`_heard_as`: "color", "slap", "doodle")."""
        found = self._url_part_memo.get(word)
        if found is None:
            found = _remember(
                self._url_part_memo,
                word,
                word in self._url_parts
                or (len(word) >= 4 and any(_heard_as(word, part) for part in self._url_words)),
            )
        return found

    def _garbled_prefix(self, words: Sequence[str], first: int) -> int:
        """Start of a scheme or "www" said before a web address that starts at ``first`` and that the
        recognizer garbled ("h t t it s colon slash slash", "double u doodle u double in dot", "h t t p
        s color slash slap"): words of :meth:`_heard_url_part`, a short word of
        ``heard_inside_domain`` between two of them; ``first`` when fewer than two of them (besides a
        "dot") stand there."""
        inside = self._t.addresses.heard_inside_domain
        k = start = first
        parts = 0
        while k > 0:
            word = words[k - 1]
            if self._heard_url_part(word):
                k -= 1
                start = k
                parts += word != "dot"
            elif k > 1 and word in inside and self._heard_url_part(words[k - 2]):
                k -= 1
            else:
                break
        if parts < 2:
            return first
        if (
            start > 0
            and words[start] not in self._url_openers
            and not any(_heard_as(words[start], opener) for opener in self._url_openers if len(opener) >= 5)
            and words[start - 1] in inside
        ):
            start -= 1  # "[it] t t p s colon": the first letter heard as a short word
        return start

    def _at_length(self, words: Sequence[str], i: int) -> tuple[int, bool]:
        """Length of the "at" at word ``i`` (0: none) and whether a recognizer misheard it
        (``misheard_at``: "add", "at the"; ``misheard_at_before_provider``: "and" before a mail
        provider)."""
        addr = self._t.addresses
        said = addr.at.at(words, i)
        heard = addr.misheard_at.at(words, i)
        before_provider = addr.misheard_at_before_provider.at(words, i)
        if before_provider and not self._provider_at(words, i + before_provider):
            before_provider = 0
        before_host = addr.misheard_at_before_host.at(words, i)
        if before_host and not self._made_up_domain_at(words, i + before_host):
            before_host = 0
        heard = max(heard, before_provider, before_host)
        return (heard, True) if heard > said else (said, False)

    def _made_up_domain_at(self, words: Sequence[str], j: int) -> bool:
        """A made-up host (a word no dictionary has) starts at ``j``, with a "dot" or a word heard for
        one after it and then a mail top-level domain, said or two letters off one of
        ``misheard_tlds``, where the address may end ("bellhavenschool dog com")."""
        t = self._t
        if j + 2 >= len(words):
            return False
        host, dot, tld = words[j], words[j + 1], words[j + 2]
        return (
            self._heard_as_dot(dot)
            and (tld in t.mail_tlds or self._heard_tld(tld, 2))
            and len(host) >= 4
            and host.isalpha()
            and host not in t.lexicon.stopwords
            and self._address_ends(words, j + 3)
            and not is_everyday_word(host)
        )

    def _provider_at(self, words: Sequence[str], j: int) -> bool:
        """A mail provider starts at ``j`` ("gmail", "hot mail", "gee mail")."""
        addr = self._t.addresses
        return j < len(words) and (
            words[j] in addr.glued_providers or bool(addr.split_providers.at(words, j))
        )

    def _dictated_local(self, words: Sequence[str], first: int, stop: int, names: bool = False) -> bool:
        """Whether ``words[first:stop]``, said before a misheard "at" ("add", "and", "at the"), is
        dictated like an e-mail's local part: a joining symbol ("dot", "underscore"), spelled letters,
        a number or a word that is no everyday word (a name: "john", "novak"); with ``names`` also a
        listed given name that is an everyday word too ("frank", "martin"). "can you [add] amazon dot
        com" and "cats [and] dogs dot com" are ordinary speech."""
        t = self._t
        for k in range(first, stop):
            word = words[k]
            if (
                names
                and word in given_names()
                and word not in t.lexicon.stopwords
                and zipf_frequency(word) < t.addresses.name_local_max_zipf
            ):
                return True  # not "can", "will", "may": words far more often said than named
            if t.addresses.joiners.at(words, k) or word in t.number_words or any(ch.isdigit() for ch in word):
                return True
            if len(word) == 1 and word.isalpha() and word not in ("a", "i"):
                return True
            if word in t.lexicon.stopwords or word in t.lexicon.fillers or not word.isalpha():
                continue
            if not is_everyday_word(word):
                return True
        return False

    def _path_end(self, words: Sequence[str], end: int) -> int:
        """End of what a web address ending at ``end`` says after its host: a port ("colon eight zero
        eight zero"), a path (:meth:`_slash_path_end`) and a query ("question mark id equals four two
        ampersand lang equals en"); ``end`` when none follows."""
        return self._query_end(words, self._slash_path_end(words, self._port_end(words, end)))

    def _port_end(self, words: Sequence[str], end: int) -> int:
        """End of a port said right after a host ("dot com colon eight zero eight zero": a word of
        ``port_marks`` and number words or digits only), or ``end``."""
        t = self._t
        length = t.addresses.port_marks.at(words, end) if end < len(words) else 0
        if not length:
            return end
        k = end + length
        while k < len(words) and k - end - length < 6 and (words[k] in t.number_words or words[k].isdigit()):
            k += 1
        return k if k > end + length else end

    def _query_end(self, words: Sequence[str], end: int) -> int:
        """End of a query said after a web address or its path ending at ``end``: a word of
        ``query_marks`` ("question mark"), then pairs of a key, a word of ``query_equals`` and a value
        of at most ``max_query_words`` words, joined by ``query_joiners`` ("ampersand", "and"); a
        "question mark" with no "<key> equals" after it is speech ("dot com question mark" ends at
        "com"), and so is an "and" with none. The mark, "equals" and "ampersand" may be heard a letter
        or two off ("question marc", "equils"): the "<key> equals <value>" after them decides."""
        addr = self._t.addresses
        mark = self._skip_interruptions(words, end)
        length = self._query_mark_at(words, mark)
        while length:
            k = mark + length
            key = k
            while k < len(words) and k - key < 2 and words[k].isalnum() and not self._equals_at(words, k):
                k += 1  # the key: one or two words ("id", "user id")
            equals = self._equals_at(words, k) if key < k < len(words) else 0
            if not equals:
                return end
            k += equals
            value = k
            while (
                k < len(words)
                and k - value < addr.max_query_words
                and words[k].isalnum()
                and not self._query_joiner_at(words, k)
                # the word right after "equals" is the value whatever it is ("ref equals email")
                and (k == value or not self._t.credentials.stops.at(words, k))
            ) or (
                k < len(words)
                and k > value
                and words[k] in self._t.number_words
                and words[k - 1] in self._t.number_words
            ):
                k += 1  # a value: a few words, or a run of number words however long
            if k == value:
                return end
            end = mark = k
            length = self._query_joiner_at(words, mark)
        return end

    def _query_mark_at(self, words: Sequence[str], k: int) -> int:
        """Length of a query mark at ``k``: a phrase of ``query_marks``, or "question mark" heard a
        letter or two off ("question marc", "questin marks", "question mock")."""
        if k >= len(words):
            return 0
        length = self._t.addresses.query_marks.at(words, k)
        if length or k + 1 >= len(words):
            return length
        return 2 if _heard_as(words[k], "question") and _heard_as(words[k + 1], "mark") else 0

    def _equals_at(self, words: Sequence[str], k: int) -> int:
        """Length of "equals" at ``k`` inside a query: a phrase of ``query_equals``, or one word a
        letter or two off "equals"/"equal" ("equels", "equate")."""
        if k >= len(words):
            return 0
        length = self._t.addresses.query_equals.at(words, k)
        if length:
            return length
        word = words[k]
        return int(word[:1] == "e" and (_heard_as(word, "equals") or _heard_as(word, "equal")))

    def _query_joiner_at(self, words: Sequence[str], k: int) -> int:
        """Length of a joiner of two query pairs at ``k``: a phrase of ``query_joiners``, or one word a
        letter or two off "ampersand"."""
        if k >= len(words):
            return 0
        length = self._t.addresses.query_joiners.at(words, k)
        return length or int(words[k][:1] == "a" and _heard_as(words[k], "ampersand"))

    def _slash_path_end(self, words: Sequence[str], end: int) -> int:
        """End of the path said after a web address ending at ``end``: "slash my account", "dot org you
        know slash faq", a garbled "slash" before a path word ("slap login", not "slap the like button")
        (``end`` when none follows)."""
        t = self._t
        while True:
            slash = self._skip_interruptions(words, end)
            length = t.addresses.slashes.at(words, slash)  # "slash", "forward slash", "backslash"
            if not length and slash < len(words):
                # "for word slash", "forward slosh": a "forward" heard in pieces, or the slash after it
                prefix = t.addresses.slash_prefixes.at(words, slash)
                length = prefix + 1 if self._heard_slash(words, slash + prefix) else 0
            if not (length and slash + length < len(words)):
                return end
            k, path = slash + length, 0
            joiners = t.addresses.path_joiners
            while (
                k < len(words)
                and (
                    path < t.addresses.max_path_words
                    or words[k] in joiners
                    or (k > slash + length and words[k - 1] in joiners)
                )
                and not t.addresses.slashes.at(words, k)
                and not self._query_mark_at(words, k)  # "slash search question mark q equals"
                # "slash blog slosh events": a garbled slash after a path word opens the next one
                and not (k > slash + length and self._heard_slash(words, k))
                and (
                    words[k] == "my"
                    or not t.credentials.stops.at(words, k)
                    or (_is_letter(words[k]) and k + 1 < len(words) and _is_letter(words[k + 1]))
                    or (k > slash + length + 1 and words[k - 1] in joiners and words[k].isalnum())
                )
            ):  # "slash i d card": a stop word spelled with a letter after it is no stop
                # an article inside a path is not counted ("slash book a room"), nor a spelled letter
                # after another ("slash i d card": one word spelled), nor a joining symbol and the word
                # it joins on ("slash book dash now": one word written "book-now")
                spelled = k > slash + length and _is_letter(words[k]) and _is_letter(words[k - 1])
                joined = k > slash + length and (words[k] in joiners or words[k - 1] in joiners)
                path += words[k] not in t.addresses.path_articles and not spelled and not joined
                k += 1
            while k > slash + length and (
                words[k - 1] in t.addresses.path_articles or words[k - 1] in joiners
            ):
                k -= 1  # never end on an article or a joining symbol
            if not path:
                return end
            end = k

    def _heard_slash(self, words: Sequence[str], k: int) -> bool:
        """Whether ``words[k]`` is "slash" or a word heard for it ("slap login", "flash about") with a
        path word after it: before a stop word or an article it is the word it sounds like ("reddit
        dot com slap the like button")."""
        if k + 1 >= len(words):
            return False
        word = words[k]
        if word != "slash" and not any(_heard_as(word, w) for w in self._slash_words):
            return False
        after = words[k + 1]
        t = self._t
        return (
            after.isalnum()
            and after not in t.addresses.path_articles
            and not t.credentials.stops.at(words, k + 1)
        )

    def _dotless_urls(self, words: Sequence[str], taken: Sequence[tuple[int, int]]) -> list[_Found]:
        """Web addresses with the "dot"s dropped, as transcription often leaves them: "www acme com",
        "on our website at acme energy com", "acme co slash investors". A top-level domain of
        ``addresses.dotless_tlds`` said alone after up to ``max_domain_words`` name words (none a
        function word or a word an address starts after); the others of ``dotless_tlds_after_www``
        only after "www" or a scheme, or before a path."""
        t = self._t
        addr = t.addresses
        found: list[_Found] = []
        firsts = addr.schemes.first_words
        # (a scheme starts only at one of its first words, or at a word the matcher folds)
        for i in [i for i, word in enumerate(words) if word in firsts or not word.isascii()]:
            # "h t t p colon slash slash localhost": a scheme said in full and the host after it
            length = addr.schemes.at(words, i)
            if not length or words[i + length - 1] != "slash" or any(a <= i < b for a, b in taken):
                continue
            k = i + length
            while (
                k < len(words)
                and k - i - length < addr.max_domain_words
                and not (
                    addr.starts_after.at(words, k)
                    or t.credentials.stops.at(words, k)
                    or words[k] in t.lexicon.fillers
                    or words[k] in addr.dotless_tlds
                )
            ):
                k += 1
            if k > i + length:
                found.append((i, self._path_end(words, k), "URL", self.cue_score, "scheme and host"))
        taken = [*taken, *((first, stop) for first, stop, *_ in found)]
        for i, word in enumerate(words):
            strong = word in addr.dotless_tlds
            if not (strong or word in addr.dotless_tlds_after_www) or i == 0 or words[i - 1] in ("dot", "."):
                continue
            if any(first <= i < stop for first, stop in taken) or (found and i < found[-1][1]):
                continue
            if i + 1 < len(words) and words[i + 1] != word and words[i + 1].startswith(word):
                continue  # "his com comments": a word broken off and said again
            k, names = i, 0
            while k > 0 and names < addr.max_domain_words:
                previous = words[k - 1]
                if previous == "dot" and names and k > 1:  # "www dot acme com"
                    k -= 1
                    continue
                if self._is_number(previous) or (len(previous) == 1 and previous.isalpha()):
                    # a number said in words or a run of spelled letters is one name ("kjh twelve
                    # thirty six com", "nwh m com")
                    number = self._is_number(previous)
                    while k > 0 and (
                        self._is_number(words[k - 1])
                        if number
                        else len(words[k - 1]) == 1 and words[k - 1].isalpha()
                    ):
                        k -= 1
                    names += 1
                    continue
                if (
                    addr.www.ending(words, k)
                    or previous in t.lexicon.fillers
                    or previous in t.lexicon.stopwords
                    or addr.starts_after.ending(words, k)
                    or not previous.replace("'", "").isalnum()
                    or zipf_frequency(previous) >= self._web_name_max
                ):
                    break
                k -= 1
                names += 1
            while k < i and words[k] == "dot":
                k += 1
            if not names or any(words[n] in addr.dotless_not_names for n in range(k, i)):
                continue
            www = addr.www.ending(words, k)
            if not www and k > 0 and words[k - 1] == "dot" and addr.www.ending(words, k - 1):
                www = addr.www.ending(words, k - 1) + 1  # "www dot acme com"
            first = k - www
            first -= addr.schemes.ending(words, first)
            end = self._path_end(words, i + 1)
            brand = (
                names == 1
                and len(word) >= 3
                and self._brand_host(words[k])
                and addr.brand_host_cues.ending(words, k) > 0
            )
            if not (first < k or strong or end > i + 1 or brand):
                # "the fishing net": only "com" is a web address without "www" or a path, or a
                # top-level domain of three letters or more after one host name that no dictionary or
                # name list has, right after a web cue ("at pacificfin info"; not "the doordash info",
                # "pellmar co", "velmora de")
                continue
            if first == k and names == 1 and len(words[k]) == 1:
                continue  # "e com": a letter alone (e-commerce), no host
            provider = next((n for n in range(k, i) if words[n] in addr.glued_providers), None)
            if provider is not None and first == k and end == i + 1:
                local = self._left_edge(words, provider, addr.max_local_words)
                if local < provider:  # "jane forty two gmail com": an e-mail address, "at" dropped
                    found.append(
                        (local, end, "EMAIL_ADDRESS", self.cue_score, "e-mail address without symbols")
                    )
                    continue
            score = self.cue_score if first < k else self.shape_score
            found.append((first, end, "URL", score, "web address with the dots dropped"))
        return found

    def _glued_addresses(self, words: Sequence[str], taken: int) -> list[_Found]:
        """E-mail addresses with "@" and the dots dropped: "janedoegmailcom", "jane doe forty two
        gmailcom" (the provider alone: the local part is the words before it), and after an e-mail cue
        "kartikabccom"."""
        t = self._t
        addr = t.addresses
        found: list[_Found] = []
        cue_until = -1
        cue_ends, endings = self._glued_cue_ends, t.glued_endings
        for i, word in enumerate(words):
            length = addr.glued_cues.ending(words, i + 1) if word in cue_ends or not word.isascii() else 0
            if length:
                cue_until = i + addr.glued_window
                continue
            if i < taken or len(word) < 5 or not word.isalnum() or not word.endswith(endings):
                continue
            ending = next((e for e in endings if word.endswith(e) and len(word) > len(e)), None)
            if ending is None:
                continue
            head = word[: -len(ending)]
            provider = _glued_provider(head, addr.glued_providers)
            if provider is not None and not is_everyday_word(word):
                # the local part is the word's head, and the words before it when it is the provider
                # alone or a number was said before it ("jane forty two doegmailcom")
                glued_local = len(head) > provider
                number_before = i > 0 and words[i - 1] in t.number_words
                first = (
                    i
                    if glued_local and not number_before
                    else self._left_edge(words, i, addr.max_local_words)
                )
                found.append(
                    (first, i + 1, "EMAIL_ADDRESS", self.cue_score, "e-mail address without symbols")
                )
            elif (
                i <= cue_until
                and ending in addr.glued_cue_endings
                and len(head) >= 3
                and head.isalpha()
                and not is_everyday_word(word)
            ):
                found.append((i, i + 1, "EMAIL_ADDRESS", self.shape_score, "e-mail address without symbols"))
        return found

    def _url_start(self, words: Sequence[str], dot: int, extend: bool = False) -> int:
        t = self._t
        addr = t.addresses
        # "w w w dot the um the bike shed dot co dot uk", "www dot alder and moss dot com", "w w w dot
        # city of palmvale dot gov": whatever stands between "www dot" and the next "dot" is the host
        # (articles, "and", "of", "my", fillers and repeats included; a verb or pronoun that starts an
        # address ends the look-back)
        for p in range(dot - 1, max(0, dot - addr.www_window) - 1, -1):
            if words[p] in (",", ".", "?", "!") or (
                addr.starts_after.at(words, p)
                and words[p] not in ("the", "a", "an", "my", "and", "of")
                and words[p] not in t.lexicon.fillers
            ):
                break
            if words[p] == "dot":
                length = addr.www.ending(words, p)
                if length and p - length >= 0 and p < dot - 1:
                    return p - length - addr.schemes.ending(words, p - length)
                if (
                    p < dot - 1
                    and words[p - 1].isalnum()
                    and not t.credentials.stops.at(words, p - 1)
                    and self._host_opens(words, p - 1)
                ):
                    return p - 1  # "type shop dot quill and ink dot com": a subdomain opens the host
                break
        # "w w w dot <name>", "h t t p s colon slash slash <name>": the prefix starts the address
        p, names = dot, 0
        while p > 0 and names <= 5:
            length = t.interruptions.ending(words, p)
            if length:
                p -= length
                continue
            if words[p - 1] == "dot" and addr.www.ending(words, p - 1):
                p = p - 1 - addr.www.ending(words, p - 1)
                return p - addr.schemes.ending(words, p)  # "h t t p s colon slash slash w w w dot"
            length = addr.schemes.ending(words, p)
            if length:
                return p - length
            length = addr.schemes.ending(words, p - 1)
            if (
                length
            ):  # "https colon slash slash portal dot ...": a host word after the scheme, whatever it is
                return p - 1 - length
            if addr.starts_after.ending(words, p) and words[p - 1] != "my":
                break
            p -= 1
            names += 1
        first = self._left_edge(words, dot, 5)
        # "my shop dot com" after "go to": a possessive that is part of the name
        if first > 1 and words[first - 1] == "my" and addr.and_name_cues.ending(words, first - 1):
            first -= 1
        # "pay my bill dot ...", "fix my phone dot help": a verb and "my" open the host name
        elif first > 1 and words[first - 1] == "my" and words[first - 2] in addr.my_host_verbs:
            first -= 2
        # "visit us at crumb and crust bakery dot com": one name word and "and" between a cue and the name
        if (
            first >= 3
            and words[first - 1] == "and"
            and words[first - 2].isalpha()
            and not addr.starts_after.at(words, first - 2)
            and addr.and_name_cues.ending(words, first - 2)
        ):
            first -= 2
        if extend and first < dot:  # "he works in dot com sales": no host word, nothing to extend
            first = self._host_start(words, first)
        j = first
        # "w w w dot", "h t t p s colon slash slash" before the name
        while j > 0:
            k = j
            while k > 0 and words[k - 1] in t.lexicon.fillers:
                k -= 1
            skipped = t.interruptions.ending(words, k)
            k -= skipped
            if k > 0 and words[k - 1] == "dot":
                length = addr.www.ending(words, k - 1)
                if length:
                    j = k - 1 - length
                    continue
            if k > 1 and words[k - 1] == "my" and addr.schemes.ending(words, k - 1):
                k -= 1  # "h t t p s colon slash slash my portal dot com"
            length = addr.schemes.ending(words, k)
            if length:
                j = k - length
                continue
            length = addr.www.ending(words, k)
            if length:
                j = k - length
                continue
            break
        return j

    # -- employers, schools, hospitals, banks, insurers ---------------------------------------------
    def _org_name_word(self, word: str) -> bool:
        """A word that names something: no everyday word (unless a place or a name), never a generic
        word of institutions ("general", "regional") or a function word."""
        t = self._t
        org = t.organizations
        base = word[:-2] if word.endswith("'s") and len(word) > 2 else word
        if not base.isalpha() or base in org.generic or org.stops.at((base,), 0):
            return False
        if is_activity(base, self._organization_words):
            return False  # "a coach for pickleball", "my son goes to robotics": an activity
        if base in ("saint", "st", "san", "santa", "mount", "fort"):
            return True
        everyday = is_everyday_word(base)
        if base in place_names():  # "dublin college", "providence montessori", not "most important bank"
            return not everyday or zipf_frequency(base) < self._unlisted_max + 0.5
        if base in given_names() or base in family_names():
            return not everyday
        # "baseball practice", "facebook group": frequent words no dictionary lists are no names
        return not everyday and zipf_frequency(base) < self._unlisted_max

    def _service_cue(self, words: Sequence[str], i: int) -> int:
        """ "our internet is through", "my 401k is at", "the cable company is": a service or account
        (``service_nouns``) after one of ``service_owners``, then one of ``service_links``: a weak
        cue of who provides it; its length from ``i``, or 0. After a verb of ``service_moves`` the
        link is one of ``service_move_links`` ("we switched our internet to", "i moved my 401k over
        to")."""
        org = self._t.organizations
        if i < 1 or words[i - 1] not in org.service_owners:
            return 0
        noun = org.service_nouns.at(words, i)
        if noun and org.service_moves.ending(words, i - 1):
            link = org.service_move_links.at(words, i + noun)
        else:
            link = org.service_links.at(words, i + noun) if noun else 0
        return noun + link if link else 0

    def _known_company_ending(self, words: Sequence[str], i: int) -> int:
        """Length of a well-known organisation's name ending before ``i`` (``known_names``, or the
        shipped company list: a name of several words, or one word that is no everyday word, given
        name or function-word-frequent word: "amazon", not "target" unless known), said as the
        subject: first in the turn or after no determiner (``acting_not_after``: "an apple", "my
        target"); never a given name alone that is no everyday word ("howard called me back" may be
        a person; "chase denied my loan" is the bank); 0 when there is none."""
        org = self._t.organizations
        length = org.known_names.ending(words, i)
        if not length:
            length = self._listed_companies.ending(words, i) or 0
            if length == 1:
                word = words[i - 1]
                if (
                    is_everyday_word(word)
                    or word in given_names()
                    or zipf_frequency(word) >= self._function_word_min
                ):
                    length = 0
        if not length or (i - length > 0 and words[i - length - 1] in org.acting_not_after):
            return 0
        if length == 1 and words[i - 1] in given_names() and not is_everyday_word(words[i - 1]):
            return 0  # "howard called me back": a person as likely ("chase", "delta" are words too)
        return length

    def _org_surname(self, word: str) -> bool:
        """A naming word, or a family name that is no frequent word ("halberd and finch")."""
        return self._org_name_word(word) or (
            word in family_names() and zipf_frequency(word) < self._unlisted_max + 0.5
        )

    def _named_business(self, words: Sequence[str], i: int) -> tuple[int, int] | None:
        """A business word at ``i`` that closes the clause after names no dictionary has, said after
        a preposition of `business_before` ("i was at polestar freight until may"), without a cue:
        "outbound freight", "boston freight", "maria's catering" and "the smartest distribution"
        name nothing."""
        org = self._t.organizations
        length = org.business_kinds.at(words, i)
        stop = i + length
        if not length or not (stop == len(words) or org.stops.at(words, stop)):
            return None
        first = self._org_left(words, i)
        if (
            first == i
            or words[first - 1] not in org.business_before
            or not all(
                self._org_name_word(word)
                and not is_everyday_word(word)
                and word not in place_names()
                and word not in given_names()
                for word in words[first:i]
            )
        ):
            return None
        return first, stop

    def _kind_ahead(self, words: Sequence[str], i: int) -> bool:
        """A kind of organisation one or two words after ``i`` with no stop between: a name of its own."""
        org = self._t.organizations
        for k in range(i, min(len(words), i + 3)):
            if org.stops.at(words, k):
                return False
            if k > i and self._org_kind_at(words, k):
                return True
        return False

    def _org_kind_at(self, words: Sequence[str], i: int) -> int:
        """Length of a kind of organisation (single, several words or a business) at ``i``, or 0."""
        org = self._t.organizations
        return org.institutions.at(words, i) or org.kinds.at(words, i) or org.business_kinds.at(words, i)

    def _org_left(self, words: Sequence[str], kind: int, inside: bool = False) -> int:
        """First word of the name before a kind word at ``kind`` ("saint agnes memorial | hospital");
        with ``inside``, over one word a recognizer put inside the name (see :meth:`_heard_inside`)."""
        t = self._t
        org = t.organizations
        j = kind
        skipped = not inside
        while j > 0 and kind - j < org.max_words - 1:
            word = words[j - 1]
            if not skipped and self._heard_inside(words, j - 1, kind):
                skipped = True
                j -= 1  # "saint anne's [it] hospital"
                continue
            if word in ("first", "second", "third") and j < kind:
                j -= 1  # "first fremont bank"
                break
            if (
                word == "and"
                and j >= 2
                and j < kind
                and self._org_name_word(words[j - 2])
                and self._org_name_word(words[j])
            ):
                j -= 1  # "kelyatal and liao llp"
                continue
            if (
                org.stops.ending(words, j)
                or word in t.lexicon.fillers
                or self._is_number(word)
                or org.job_verbs.ending(words, j)  # "he teaches | high school math"
                or org.cues.ending(words, j)
                or org.weak_cues.ending(words, j)
                or t.interruptions.ending(words, j)
            ):
                break
            # a possessive is part of a name only as "saint mary's" or "children's": "my son's school" is not
            if (
                word.endswith("'s")
                and word not in org.generic
                and not (j >= 2 and words[j - 2] in ("saint", "st"))
            ):
                break
            j -= 1
        return j

    def _heard_inside(self, words: Sequence[str], k: int, kind: int) -> bool:
        """Whether ``words[k]``, before a kind at ``kind``, is a short word a recognizer put inside a
        name (``heard_inside``: "saint anne's [it] hospital", "riverside [is] general hospital"): a
        naming word right before it, and before that a second naming or generic word (no person's
        given name: "tell maria jones the clinic called" names no clinic), or a generic word between it
        and the kind."""
        org = self._t.organizations
        if k < 1 or words[k] not in org.heard_inside:
            return False
        before = words[k - 2] if k >= 2 else ""
        if before in org.saint_words:
            return True  # "saint jude it prep", "santa ana it clinic"
        if not self._org_name_word(words[k - 1]):
            return False
        if any(word in org.generic for word in words[k + 1 : kind]):
            return True
        return (
            bool(before)
            and before not in given_names()
            and (before in org.generic or self._org_name_word(before))
        )

    def _heard_institution(self, words: Sequence[str], i: int) -> int:
        """Length of an institution of several words at ``i`` whose last word a recognizer garbled
        (:func:`_heard_as`: "medical censor", "urgent cargo") or split in two ("medical cent er"), or
        0; the other words are heard right, and the garbled one is no stop word."""
        t = self._t
        for phrase in self._institutions_by_first.get(words[i], ()):
            last = i + len(phrase) - 1
            if (
                last + 1 < len(words)
                and words[last] + words[last + 1] == phrase[-1]
                and tuple(words[i:last]) == phrase[:-1]
            ):
                return len(phrase) + 1  # "medical cent er": the last word split in two
            if (
                last < len(words)
                and words[last] != phrase[-1]
                and tuple(words[i:last]) == phrase[:-1]
                and not t.organizations.stops.at(words, last)
                and _heard_as(words[last], phrase[-1])
            ):
                return len(phrase)
        return 0

    def _broken_kind(self, words: Sequence[str], i: int) -> tuple[str, int, bool]:
        """A kind of ``organizations.heard_kinds`` at ``i`` that a recognizer ran together with the
        "of" after it ("universityof", "collageof": kind, 1, True) or split in two ("uni versity",
        "univers ity": kind, 2, False); ("", 0, False) when there is none."""
        t = self._t
        org = t.organizations
        word = words[i]
        if len(word) > 4 and word.endswith("of"):
            head = word[:-2]
            kind = head if head in org.heard_kinds else t.heard_kinds.get(head, "")
            if kind in org.of_kinds:
                return kind, 1, True
        if i + 1 < len(words) and words[i].isalpha() and words[i + 1].isalpha():
            joined = words[i] + words[i + 1]
            if joined in org.heard_kinds:
                return joined, 2, False
        return "", 0, False

    def _broken_kind_positions(self, words: Sequence[str]) -> set[int]:
        """The positions of :meth:`_broken_kind`'s candidates: a word that ends in "of" after a kind
        (heard one letter off or right), or the first of two words that make a kind together."""
        t = self._t
        kinds = t.organizations.heard_kinds
        found = set()
        for i, word in enumerate(words):
            if (
                len(word) > 4 and word.endswith("of") and (word[:-2] in kinds or word[:-2] in t.heard_kinds)
            ) or (i + 1 < len(words) and word + words[i + 1] in kinds):
                found.add(i)
        return found

    def _heard_kind_after(self, words: Sequence[str], i: int) -> bool:
        """Whether a word one letter off a kind at ``i`` follows a naming word, or a generic word
        after one ("kessler memorial hospitol")."""
        previous = words[i - 1]
        if self._org_name_word(previous) or (i >= 2 and words[i - 2] in self._t.organizations.saint_words):
            return True  # "harlow universty", "saint pete's collage"
        return i >= 2 and previous in self._t.organizations.generic and self._org_name_word(words[i - 2])

    def _org_name_start(self, words: Sequence[str], first: int, kind: int, institution: bool) -> int:
        """Where the name before a kind word starts (``kind`` when there is none): at its first naming
        word ("bankruptcy | korvantis energy partners"), with the generic words just before it ("good
        samaritan"); before a kind said in several words, everyday words name one too ("sacred heart
        credit union"), up to three."""
        t = self._t
        org = t.organizations
        start = next((k for k in range(first, kind) if self._org_name_word(words[k])), kind)
        places = place_names()
        for k in range(max(first, start - 2), start):  # "port saint lucie", "upper west side"
            if any(" ".join(words[k:stop]) in places for stop in range(start + 1, min(kind, k + 4) + 1)):
                start = k
                break
        if start < kind:
            while start > first and (words[start - 1] in org.generic or words[start - 1] in ("saint", "st")):
                start -= 1
            return start
        if not institution:
            return kind
        content = [k for k in range(first, kind) if words[k] not in org.generic and words[k].isalpha()]
        if not content or any(words[k].endswith("'s") for k in content):
            return kind
        return max(first, kind - 3 - sum(1 for k in range(first, kind) if words[k] in org.generic))

    def _org_of(self, words: Sequence[str], stop: int, said: bool = False) -> int:
        """ "university | of leeds": the end of "of" + a place or name after a kind, or ``stop``; with
        ``said`` the "of" is said already, run together with the kind ("universityof | texas")."""
        t = self._t
        kind_end = stop
        if said:
            stop -= 1
        elif (
            stop + 2 < len(words) and words[stop] in t.organizations.heard_inside and words[stop + 1] == "of"
        ):
            stop += 1  # "university [is] of texas": a word a recognizer put in
        if not (said or (stop + 1 < len(words) and words[stop] == "of")):
            return kind_end
        j = stop + 1
        if j < len(words) and words[j] == "the":
            j += 1
        subject = t.organizations.of_subjects.at(words, j)
        if subject:
            return j + subject  # "academy of the arts", "institute of technology"
        end = kind_end
        places = place_names()
        for length in (3, 2):  # "community college of | pine hill": a place of everyday words
            if j + length <= len(words) and " ".join(words[j : j + length]) in places:
                end = j = j + length
                break
        while (
            j < len(words)
            and j - stop <= 4
            and not t.organizations.stops.at(words, j)
            and not self._is_number(words[j])
        ):
            j += 1
            if self._org_name_word(words[j - 1]):
                end = j  # "bank of america | give me directions": up to the last naming word
        return self._campus(words, end)

    def _campus(self, words: Sequence[str], end: int) -> int:
        """ "the university of texas | at austin": the end of a campus said with one of
        ``campus_joiners`` and a place after a name ending at ``end``, or ``end``."""
        if end == 0 or end + 1 >= len(words) or words[end] not in self._t.organizations.campus_joiners:
            return end
        places = place_names()
        for length in (3, 2, 1):
            stop = end + 1 + length
            if stop <= len(words) and " ".join(words[end + 1 : stop]) in places:
                return stop
        return end

    def _org_value(self, words: Sequence[str], first: int) -> int:
        """End of an organisation's name that starts at ``first`` (after a cue)."""
        t = self._t
        org = t.organizations
        n = len(words)
        j = end = first
        numbers = 0
        while j < n and j - first < org.max_words:
            word = words[j]
            joined = self._org_kind_at(words, j)
            if joined > 1 and "and" in words[j : j + joined]:
                j = end = j + joined  # "tidewater gas and electric", "fenwick tool and die"
                continue
            if word == "and" and j > first:
                # "ernst and young", "frontierpoint and sons": a name or a firm word, then the end
                k = j + 1
                if k < n and _spelled_letter(words[j - 1]) and _spelled_letter(words[k]):
                    j = end = k + 1  # "h and r | block", "b and h | photo": letters said with "and"
                    continue
                # "ernst and young", "delta tool and die", "harmon and lake for twelve years": one word
                # after "and", then the end, a kind or a word that ends a name ("i work at target and
                # love it" is no name); "j and r plumbing": a kind after the word; "hollis and pratt doing
                # their payroll": two naming words
                ends = (
                    k + 1 >= n
                    or words[k + 1] in org.and_closers
                    or words[k + 1] in org.and_kinds
                    or self._org_kind_at(words, k + 1)
                    or (
                        self._org_name_word(words[j - 1])
                        and self._org_surname(words[k])
                        and not self._kind_ahead(words, k + 1)  # "kovanta and | orchard lane capital"
                    )
                )
                if (
                    k < n
                    and not org.stops.at(words, k)
                    and words[k].isalpha()
                    and words[k] not in t.lexicon.fillers
                    and ends
                ):
                    j = end = k + 1
                    if k + 1 < n and (words[k + 1] in org.and_kinds or self._org_kind_at(words, k + 1)):
                        continue  # "j and r | plumbing"
                    break
                break
            if (
                word == "."
                and j > first
                and words[j - 1] in org.saint_words
                and j + 1 < n
                and words[j + 1][:1].isalpha()
            ):
                j += 1  # "st. luke's": the period of an abbreviated saint's name
                continue
            if word == "," and j > first and self._partner_name(words[j - 1]):
                listed = self._partners_end(words, j)
                if listed:  # "price, smith and waters": a firm of partners' names
                    end = listed
                break
            if org.stops.at(words, j) or word in t.lexicon.fillers or t.interruptions.at(words, j):
                break
            if j > first and word in org.vocatives and (j + 1 == n or not words[j + 1].isalpha()):
                break  # "i'm at target | dad": whom the speaker talks to, last in the turn
            # "trident freight | driving long haul", "dalworth tech | studying welding": a verb's "-ing"
            # form with an object after the name ends it ("brantley cleaning" and "the harbor running
            # club" are names)
            if (
                j > first
                and j + 1 < n
                and not org.stops.at(words, j + 1)
                and word.endswith("ing")
                and (org.job_verbs.at(words, j) or word in org.name_ending_verbs)
                and not self._org_kind_at(words, j)
                and not self._kind_ahead(words, j)
            ):
                break
            if self._is_number(word) and word not in t.lexicon.ordinals:  # "first corona savings"
                if j == first or numbers >= 2 or t.ages.not_after.at(words, j + 1):
                    break
                numbers += 1
            j += 1
            end = j
        return end

    def _partner_name(self, word: str) -> bool:
        """A family name or a naming word: a partner's name in a firm's ("price, smith and waters")."""
        return word.isalpha() and (word in family_names() or self._org_surname(word))

    def _partners_end(self, words: Sequence[str], comma: int) -> int:
        """End of a firm named by its partners after a first name and the comma at ``comma``: more
        names each after a comma, then "and" and the last name, where the clause ends or a kind follows
        ("price, smith and waters", "ruiz, copeland, and alvarez"); 0 when the words after the comma are
        no such list ("i work at target, and i love it")."""
        org = self._t.organizations
        n = len(words)
        k = comma
        while k + 1 < n and words[k] == "," and self._partner_name(words[k + 1]):
            k += 2
        if k == comma:
            return 0
        if k < n and words[k] == ",":
            k += 1  # the list's last comma ("smith, jones, and lee")
        if not (k + 1 < n and words[k] == "and" and self._partner_name(words[k + 1])):
            return 0
        stop = k + 2
        if (
            stop == n
            or org.stops.at(words, stop)
            or words[stop] in org.and_closers
            or self._org_kind_at(words, stop)
        ):
            return stop + (self._org_kind_at(words, stop) if stop < n else 0)
        return 0

    def _caller_links(self, text: _Text) -> list[int]:
        """Positions of a link of ``caller_links`` ("with", "from") right after a caller's frame of
        ``caller_frames`` ("this is", "it's", "my name is") and one or two words that are given names or
        no everyday words: "hi it's mike with ...", "this is dana okafor from ..."."""
        org = self._t.organizations
        words = text.words
        links: list[int] = []
        for k in text.starts(org.caller_links):
            for name in (1, 2):
                frame = k - name
                if frame < 1 or not org.caller_frames.ending(words, frame):
                    continue
                if all(
                    word.isalpha() and (word in given_names() or not is_everyday_word(word))
                    for word in words[frame:k]
                ):
                    links.append(k)
                    break
        return links

    def _cue_value(
        self, words: Sequence[str], first: int, weak: bool, taken: set[int], place: bool = False
    ) -> tuple[int, int] | None:
        """The organisation's name after a cue that ends at ``first``: any words up to a stop, or,
        after a weak cue or "the", words of which one names something or is a kind; with ``place``
        (a cue ending in a preposition of place) a given name that is an everyday word too ("a nurse
        at mercy")."""
        org = self._t.organizations
        n = len(words)
        link = words[first - 1] if first > 0 else ""
        first = self._skip_interruptions(words, first)
        if 0 < first < n and words[first] == words[first - 1] and not words[first].isdigit():
            first += 1  # "i do payroll for for blue harbor": the cue's last word said twice
        determiner = first < n and words[first] == "the"
        if determiner:
            first += 1
        if first >= n or first in taken or words[first] in org.acting_people:
            return None  # "i work for dr. patel", "i clean for mom": a person
        if self._t.dates.holidays.at(words, first):
            return None  # "they laid me off at christmas": a time
        stop = self._org_value(words, first)
        if (
            stop > first
            and stop == first + (self._org_kind_at(words, first) or 1)
            and words[stop - 1] in org.of_kinds
        ):
            # "employed by the city of ...", "a student at the university of ...", "community college of ..."
            stop = self._org_of(words, stop)
        if stop <= first:
            return None
        # a well-known name ("bank with chase", "she's at google", "he's with the navy") counts as it is
        with_article = org.known_names.at(words, first - determiner) if determiner else 0
        known = with_article or org.known_names.at(words, first)
        if known:
            known_end = (first - determiner if with_article else first) + known
            if weak:
                # "he was at costco | dog food aisle": after a weak cue a well-known name ends at its
                # length, or at the kinds said after it ("she's at kaiser hospital")
                while known_end < n and self._org_kind_at(words, known_end):
                    known_end += self._org_kind_at(words, known_end)
                return first - determiner, known_end
            return first - determiner, max(stop, known_end)
        value = words[first:stop]
        if all(is_activity(word, self._organization_words) for word in value):
            return None  # "a coach for pickleball", "she goes to kickboxing": an activity
        kinds = [
            k
            for k in range(first, stop)
            if org.kinds.at(words, k)
            or org.institutions.at(words, k)
            # a business word names a firm where it ends the name after another word ("cobalt mobile",
            # not "switched from mobile" or "the mobile app")
            or (k > first and org.business_kinds.at(words, k) and k + org.business_kinds.at(words, k) == stop)
            # a charity's or community body's kind ends a name said without an article ("thistle house")
            or (
                not determiner
                and k > first
                and org.charity_kinds.at(words, k)
                and k + org.charity_kinds.at(words, k) == stop
                and not any(word.endswith("'s") for word in words[first:k])  # "grandma's house"
            )
        ]
        kind = bool(kinds)
        # a word that never starts a name ("i work at home") does after "the" when a kind ends the
        # name ("a manager for the home team pizza company")
        if org.not_names.at(words, first) and not (determiner and kinds and kinds[0] > first):
            return None
        if stop == first + 1 and words[first] in org.not_names_alone:
            return None  # "i'm insured through december": a time
        named = any(self._org_name_word(word) for word in value)
        if determiner and not weak and not (named or kind) and self._everyday_name(value):
            return first - determiner, stop  # "i work at the rusty nail": a local business
        # "we're calling from blue harbor", "my employer is copper pot": a local business's name of two
        # everyday words after a caller's or an employer's link, ending the clause, counts after a weak cue
        if (
            (weak or determiner)
            and not (named or kind)
            and not (
                weak
                and not determiner
                and link in org.everyday_name_links
                and (stop == n or org.stops.at(words, stop))
                and self._everyday_name(value)
            )
        ):
            return None
        school = org.school_kinds.ending(words, stop)
        if not named and school and all(word in org.school_types for word in words[first : stop - school]):
            return None  # "graduated from high school", "went to nursing school": a kind of school
        if determiner and not named and kinds[:1] == [first] and not any(k > first for k in kinds):
            return None  # "the bakery", "the bank downtown": a kind after "the" with no name is a plain noun
        if weak and not kind and " ".join(value) in place_names():
            return None  # "could be applied to mexico": a place after a weak cue
        people = [word for word in value if word != "and"]
        if all(word in given_names() and not kind for word in people) and (weak or not (named or place)):
            return None  # "she's with john", "on the phone with john and maria": persons after a weak cue
        # the article is part of a name said after it ("a manager at the green spoon cafe")
        return first - determiner, stop

    def _saint_institution(self, words: Sequence[str], saint: int, name: int) -> bool:
        """Whether "saint X" (``words[saint:name + 1]``, no possessive) after a preposition names the
        school, hospital or parish named after the saint: after "at" (``saint_place_prepositions``; no
        city), or after a verb of going, taking or admitting (``saint_verbs``, maybe with an object of
        ``saint_objects``, or one of ``saint_owners`` and a noun: "took him to", "took my son to") or a
        cue of this detector, when it is no city or town ("saint paul", "saint charles"), nor another listed
        place after a verb alone ("she went to saint moritz": a trip; "they took him to saint raphael": the
        hospital)."""
        org = self._t.organizations
        said = (" ".join((words[saint], words[name])), f"saint {words[name]}")
        if any(place in place_names() for place in said):
            return False
        before = saint - 1
        if words[before] in org.saint_place_prepositions:
            return True  # "she's at saint agnes": a town of that name is seldom where one is "at"
        if any(place in town_names() for place in said):
            return False  # "we drove to saint charles"
        verb = before - 1
        if verb >= 1 and words[verb] in org.saint_objects:
            verb -= 1  # "took him | to"
        elif verb >= 2 and words[verb - 1] in org.saint_owners:
            verb -= 2  # "took my son | to"
        elif listed_place_length(words, saint) >= 2:
            return False  # "she went to saint moritz to ski": a trip (but "they took him to saint raphael")
        return verb >= 0 and (
            words[verb] in org.saint_verbs
            or bool(org.cues.ending(words, saint))
            or bool(org.weak_cues.ending(words, saint))
        )

    def _admitted_to(self, words: Sequence[str], first: int, taken: set[int]) -> tuple[int, int] | None:
        """The hospital or school after a cue of admission (``admission_cues``: "she was admitted to
        mercy", "he got accepted into fairhaven") said with words the other cues refuse: a town or city
        (one is admitted to an institution, never to a place) or a given name that is an everyday word;
        one or two words up to a stop ("admitted to feeling tired", "admitted to lying" name none)."""
        t = self._t
        org = t.organizations
        first = self._skip_interruptions(words, first)
        n = len(words)
        if first >= n or first in taken or t.dates.holidays.at(words, first):
            return None
        if (
            self._org_kind_at(words, first)
            or org.facility_kinds.at(words, first)
            or words[first] in org.generic
        ):
            return None  # "he was admitted to hospital last night": a kind alone names no institution
        stop = first
        while stop < n and stop - first < 2 and words[stop].isalpha() and not org.stops.at(words, stop):
            if words[stop] in t.lexicon.fillers or self._is_number(words[stop]):
                break
            stop += 1
        if stop == first:
            return None
        name = " ".join(words[first:stop])
        if name in place_names() or name in town_names():
            return first, stop
        if (
            stop == first + 1
            and name in given_names()
            and not org.not_names.at(words, first)
            and name not in org.not_names_alone
        ):
            return first, stop
        return None

    def _names_a_facility(self, words: Sequence[str], first: int, stop: int) -> bool:
        """Whether the words before the kind of facility that ends at ``stop`` name one: a naming word
        or a place ("maple grove memorial"), not a field ("clean tech", "sales tech")."""
        kind = next(
            (
                k
                for k in range(first, stop)
                if self._t.organizations.facility_kinds.at(words, k) and k > first
            ),
            stop,
        )
        name = words[first:kind]
        return any(self._org_name_word(word) for word in name) or " ".join(name) in place_names()

    def _someones_home(self, words: Sequence[str], first: int, stop: int) -> bool:
        """ "i'm at jessica's": a given name's possessive alone, where a person lives as often as a shop."""
        return stop == first + 1 and words[first].endswith("'s") and words[first][:-2] in given_names()

    def _workplace_named(self, words: Sequence[str], after: int, first: int, stop: int) -> bool:
        """Whether the name ``words[first:stop]``, found after a cue of a workplace or school that ends
        before ``after``, names only an organisation: it holds a kind of organisation ("whitaker and
        sons"), or the cue ends in a preposition of place (``place_prepositions``: "i've been at
        kessler", "a nurse at mercy": nobody works at a person), or none of its words is a given name
        ("i work for garza"; "i work for carter" may be a person)."""
        org = self._t.organizations
        if any(self._org_kind_at(words, k) for k in range(first, stop)):
            return True
        if words[after - 1] in org.place_prepositions:
            return True
        return not any(word.removesuffix("'s") in given_names() for word in words[first:stop])

    def _everyday_name(self, value: Sequence[str]) -> bool:
        """Two everyday words said after "the" and a cue that is not weak that name a local business
        ("the rusty nail", "the blue heron"): the first a colour, metal or quality a sign carries
        (``name_modifiers``) and no describing word (``name_describers``, generic or school-type words),
        the last no place, part of a workplace or kind of work (``not_name_heads``, a kind of
        organisation) and neither a function word nor a number ("the coffee cart" names none)."""
        org = self._t.organizations
        if len(value) != 2:
            return False
        first, last = value
        return (
            all(word.isalpha() and is_everyday_word(word) for word in value)
            and first in org.name_modifiers
            and first not in org.name_describers
            and first not in org.generic
            and first not in org.school_types
            and last not in org.not_name_heads
            and not org.stops.at(value, 0)
            and not org.not_names.at(value, 0)
            and not any(self._org_kind_at(value, k) for k in range(2))
            and not any(self._is_number(word) for word in value)
            and not any(is_activity(word, self._organization_words) for word in value)
        )

    def _role_before(self, words: Sequence[str], i: int) -> str:
        """ "a nurse over | at", "the front desk | from": a role after a determiner, then "at" ("strong"),
        or "with" ("weak": the name needs a naming word); "" when there is none."""
        org = self._t.organizations
        strong = words[i] in org.role_prepositions
        if not (strong or words[i] in org.role_weak_prepositions):
            return ""
        j = i - org.role_particles.ending(words, i)  # "my dentist is | at", "a nurse over | at"
        role = org.roles.ending(words, j)
        if not (role and org.role_determiners.ending(words, j - role)):
            return ""
        return "strong" if strong else "weak"

    def _job_before(self, words: Sequence[str], i: int, prepositions: _Phrases | None = None) -> int:
        """ "i clean offices | for", "she runs the front office | at": a person, a verb of doing a job
        and its object (at most ``job_object_words`` words) before the preposition at ``i`` (one of
        ``prepositions``, by default ``job_prepositions``); the preposition's length, or 0."""
        org = self._t.organizations
        prep = (org.job_prepositions if prepositions is None else prepositions).at(words, i)
        if not prep:
            return 0
        for verb_end in range(i, max(0, i - org.job_object_words) - 1, -1):
            # "i work in the kitchen at": "in" or "on" may open the object right after the verb
            opens = words[verb_end] in ("in", "on") and bool(org.job_verbs.ending(words, verb_end))
            if (
                verb_end < i
                and not opens
                and (
                    self._is_number(words[verb_end])
                    or words[verb_end]
                    in ("and", "but", "or", ",", ".", "to", "from", "in", "on", "at", "for")
                )
            ):
                return 0
            verb = org.job_verbs.ending(words, verb_end)
            if verb and verb_end - verb > 0 and words[verb_end - verb - 1] in org.job_noun_determiners:
                continue  # "i do the books | for": a noun after a determiner, the verb is before it
            if verb and verb_end == i and org.job_object_verbs.ending(words, verb_end) == verb:
                return 0  # "i book for thursday": a reservation, not "i book appointments for"
            # a person who says what they do ("i clean offices for"), not a request ("can you pull
            # up a recipe for")
            if (
                verb
                and self._person_subject(words, verb_end - verb)
                and words[verb_end - verb - 1] not in ("you", "who")
            ):
                return prep
        return 0

    def _relation_link(self, words: Sequence[str], bases: Sequence[str], i: int) -> int:
        """ "my husband's | with", "her brother is now | at": one of ``ages.determiners``, a relation
        (``ages.relations``) with "'s" or a copula after it, maybe words of ``role_particles``, before
        a link of ``affiliation_links`` at ``i``: a weak cue of where that person works or studies; the
        link's length, or 0."""
        t = self._t
        org = t.organizations
        link = org.affiliation_links.at(words, i)
        if not link or i < 2:
            return 0
        j = i - org.role_particles.ending(words, i)
        copula = any(word in org.cue_copulas for word in words[j:i])
        if not copula and j > 0 and words[j - 1] in org.cue_copulas:
            j -= 1
            copula = True
        if j < 2 or not (copula or words[j - 1].endswith("'s")):
            return 0
        relation = t.ages.relations.ending(bases, j)
        if not relation or j - relation < 1 or words[j - relation - 1] not in t.ages.determiners:
            return 0
        return link

    def _kind_named(self, words: Sequence[str], first: int, stop: int) -> bool:
        """Whether the name ``words[first:stop]`` after a cue of ``kind_cues`` names an organisation:
        a known name, or a kind (``kinds``, ``institutions``, ``business_kinds``, ``charity_kinds``)
        that ends the name after a word that is no generic or describing word ("maple ridge dental",
        not "the local bank", "community college"), after "the" only with a naming word; or a kind and
        "of" ("university of ...")."""
        org = self._t.organizations
        determiner = words[first] == "the"
        start = first + determiner
        if org.known_names.at(words, first) or org.known_names.at(words, start):
            return True
        for k in range(start, stop):
            length = (
                org.kinds.at(words, k)
                or org.institutions.at(words, k)
                or org.business_kinds.at(words, k)
                or org.charity_kinds.at(words, k)
            )
            if not length:
                continue
            if k + length < stop and words[k + length] == "of":
                return True  # "the university of ..."
            if k + length != stop:
                continue  # the kind ends the name ("outbound freight rate increases" names none)
            before = words[start:k]
            content = [
                word
                for word in before
                if word not in org.generic
                and word not in org.school_types
                and word not in org.name_describers
                and word not in org.facility_not_names
            ]
            if content and (not determiner or any(self._org_name_word(word) for word in before)):
                return True
        return False

    def _facility(self, words: Sequence[str], first: int) -> int:
        """End of "lincoln high", "harbor view pediatrics" at ``first``: up to ``facility_words``
        name words and a kind of school or care facility that closes the clause (0: none)."""
        t = self._t
        org = t.organizations
        n = len(words)
        for k in range(first, min(n, first + org.facility_words + 1)):
            kind = org.facility_kinds.at(words, k) if k > first else 0
            if kind and (k + kind >= n or org.stops.at(words, k + kind) or not words[k + kind].isalpha()):
                # "county general" is no name: one word must be no generic word of institutions
                return 0 if all(w in org.generic for w in words[first:k]) else k + kind
            word = words[k]
            if (
                not word.replace("'", "").isalpha()
                or word in org.facility_not_names
                or word in t.lexicon.fillers
                or org.stops.at(words, k)
                or org.not_names.at(words, k)
                or self._is_number(word)
            ):
                return 0
        return 0

    def _organizations(self, text: _Text) -> list[_Found]:
        """Employers, schools, hospitals, banks and insurers: a name before a kind of organisation, a
        name after a cue, and an organisation that acts ("... called about my claim")."""
        t = self._t
        org = t.organizations
        words = text.words
        bases = text.bases
        n = len(words)
        # the names in the order found (a dict: one replaced by a longer name goes at once); they never
        # overlap (a name overlapping others replaces them only when they all lie inside it), so each
        # taken word has one name (``owner``) and the look-ups stay linear in the text
        found: dict[_Found, None] = {}
        taken: set[int] = set()
        owner: dict[int, _Found] = {}

        def add(first: int, stop: int, why: str, score: float | None = None) -> None:
            if stop <= first:
                return
            touching = {owner[k] for k in range(first, stop) if k in taken}
            if touching:
                if not all(first <= f[0] and f[1] <= stop for f in touching):
                    return
                for shorter in touching:  # "pacific | box company": the name after the cue is longer
                    del found[shorter]
            value = (first, stop, "ORGANIZATION", self.cue_score if score is None else score, why)
            found[value] = None
            taken.update(range(first, stop))
            for k in range(first, stop):
                owner[k] = value

        # a kind of organisation after its name: "sacred heart credit union", "qafurbyli hospital"
        kinds = set(text.starts(self._kind_starts)) | self._broken_kind_positions(words)
        i = 0
        while i < n:
            if i not in kinds:
                i += 1  # no kind of organisation or business starts here
                continue
            length = org.institutions.at(words, i) or self._heard_institution(words, i)
            institution = bool(length)
            glued = False
            if not length:
                length = org.kinds.at(words, i)
            kind = words[i + length - 1] if length else ""
            if not length and i > 0:
                business = self._named_business(words, i)
                if business:
                    add(*business, "name before a kind of business")
                    i = business[1]
                    continue
                # "saint brigid's collage", "harlow universty": a kind heard one letter off, right
                # after a naming word (or a generic word after one: "kessler memorial hospitol"), or
                # as no word at all before "of" ("universty of texas")
                kind = t.heard_kinds.get(words[i], "")
                length = int(
                    bool(kind)
                    and (
                        self._heard_kind_after(words, i)
                        or (i + 1 < n and words[i + 1] == "of" and not is_everyday_word(words[i]))
                    )
                )
                if not length:  # "universityof texas", "uni versity": run together with "of", or split
                    kind, length, glued = self._broken_kind(words, i)
            if not length or i == 0:
                i += 1
                continue
            first = self._org_left(words, i, inside=True)
            if glued:
                stop = self._org_of(words, i + 1, said=True)
            else:
                stop = self._org_of(words, i + length) if kind in org.of_kinds else i + length
            # more kind words after this one ("memorial | hospital", "manufacturing inc")
            while stop < n and (org.institutions.at(words, stop) or org.kinds.at(words, stop)):
                stop += org.institutions.at(words, stop) or org.kinds.at(words, stop)
            first = self._org_name_start(words, first, i, institution)
            if first < i:
                add(first, stop, "name before a kind of organisation", self.named_organization_score)
                i = stop
                continue
            if kind != words[i + length - 1] and is_everyday_word(words[i]):
                i += 1  # a kind misheard as a word needs its name before it ("a collage of ...")
                continue
            if stop > i + length and any(self._org_name_word(word) for word in words[i + length : stop]):
                add(
                    i,
                    stop,
                    "kind of organisation with its name ('university of ...')",
                    self.named_organization_score,
                )
                i = stop
                continue
            i += 1

        # a school or care facility after an attendance or place word: "she goes to lincoln high"
        for i in text.starts(self._facility_cue_starts, bases=True):
            length = org.facility_cues.at(bases, i)
            if not length:
                continue
            first = self._skip_interruptions(words, i + length)
            if first < n and words[first] == "the":
                first += 1
            stop = self._facility(words, first)
            if stop and words[i] in org.facility_topic_prepositions:
                if org.facility_kinds_not_after_to.ending(words, stop):
                    continue  # "to improve public health", "interested in financial health"
                if words[i] in org.facility_named_after and not self._names_a_facility(words, first, stop):
                    continue  # "i work in clean tech"; "my mom is in maple grove memorial" names one
            if stop:
                add(
                    first,
                    stop,
                    "name before a kind of school or care facility",
                    self.named_organization_score,
                )

        # a saint's name said for the school, hospital or parish named after them: "i went to saint
        # anne's for high school", "they took him to st. luke's"; without the possessive after "at" or a
        # verb of going or taking ("she's at saint ambrose", "we took her to st. jude"; not "a prayer to
        # saint jude", "i moved to saint paul": a place)
        for i in text.starts(org.saint_words):
            if i == 0 or words[i] not in org.saint_words or words[i - 1] not in org.saint_prepositions:
                continue  # (``starts`` also gives every word that is not ASCII)
            k = i + 1 + (i + 1 < n and words[i + 1] == ".")
            if not (
                k < n
                and words[k].removesuffix("'s").isalpha()
                and (k + 1 == n or not words[k + 1].isalpha() or org.stops.at(words, k + 1))
            ):
                continue
            if not words[k].endswith("'s") and not self._saint_institution(words, i, k):
                continue
            add(
                i,
                k + 1,
                "a saint's name for the school or hospital named after them",
                self.named_organization_score,
            )

        # a cue before the name: "i got a job at target", "our insurer is first corona savings"; a role
        # before "at": "i'm a nurse over at saint mary's"
        for i in sorted(
            {*text.starts(self._org_cue_base_starts, bases=True), *text.starts(self._org_cue_word_starts)}
        ):
            length = org.cues.at(bases, i) or org.cues.at(words, i)  # "who's your employer"
            weak = False
            if not length:
                length = org.weak_cues.at(bases, i) or org.weak_cues.at(words, i)  # "she's with"
                weak = bool(length)
            if not length:
                length = self._service_cue(words, i)  # "our internet is through"
                weak = bool(length)
            if not length:
                role = self._role_before(words, i)
                length = 1 if role else 0
                weak = role == "weak"
            if not length:
                length = self._job_before(words, i)
            kind_only = False
            if not length:
                # "she switched to maple ridge dental", "i work with harbor point partners": the name needs
                # a kind (or is a known name)
                length = (
                    org.kind_cues.at(bases, i)
                    or org.kind_cues.at(words, i)
                    or self._job_before(words, i, org.job_kind_prepositions)
                )
                kind_only = weak = bool(length)
            if not length:
                length = self._relation_link(words, bases, i)  # "my husband's | with"
                weak = bool(length)
            if not length:
                continue
            if (
                i + length < n
                and words[i + length] in org.cue_copulas
                and words[i + length - 1] not in org.cue_copulas
            ):
                # "my current employer is ...", "the company i work for is ...": a copula after the cue
                # opens the name, which then needs what a weak cue's does
                length += 1
                weak = True
            place = not weak and words[i + length - 1] in org.place_prepositions
            value_span = self._cue_value(words, i + length, weak, taken, place)
            admitted = weak and bool(
                org.admission_cues.ending(bases, i + length) or org.admission_cues.ending(words, i + length)
            )
            if value_span is None and admitted:
                value_span = self._admitted_to(words, i + length, taken)
            if value_span is not None and kind_only and not self._kind_named(words, *value_span):
                value_span = None  # "she switched to decaf", "covered through december"
            if value_span is None and not weak:
                # "the clinic i work at is called ...": a longer weak cue over a strong one
                longer = org.weak_cues.at(bases, i) or org.weak_cues.at(words, i)
                if longer > length:
                    value_span = self._cue_value(words, i + longer, True, taken)
            if value_span:
                cue_end = words[i + length - 1]
                score = (
                    self.named_organization_score
                    if admitted
                    or (
                        (not weak or cue_end in org.weak_place_prepositions)
                        and self._workplace_named(words, i + length, *value_span)
                        and not (weak and self._someones_home(words, *value_span))
                    )
                    else None
                )
                add(*value_span, "name after an employer, school, bank or insurer cue", score)
                # "i applied to novaline and quarry street capital": a second name after "and" or "or"
                # counts when it names something or ends in a kind
                stop = value_span[1]
                if stop + 1 < n and words[stop] in ("and", "or"):
                    second = self._cue_value(words, stop + 1, True, taken)
                    if second:
                        add(*second, "name after an employer, school, bank or insurer cue")

        # a caller names themselves, then whom they call for: "hi it's mike with copper pot", "this is dana
        # from blue harbor" (the name after the link needs what a weak cue's does)
        for k in self._caller_links(text):
            value_span = self._cue_value(words, k + 1, True, taken)
            if value_span:
                add(*value_span, "a caller's organisation after their name ('this is dana with ...')")

        # the organisation acts: "unilever called about my claim"
        for after in [i for i in text.starts(self._org_after_starts) if i > 0]:
            if not org.after.at(words, after):
                continue
            i = after - org.after_adverbs.ending(words, after)  # "geico | finally called me back"
            if i <= 0 or (i - 1) in taken:
                continue
            known = self._known_company_ending(words, i)
            if known:
                add(i - known, i, "well-known organisation acting ('... hired me')")
                continue
            first = i
            while (
                first > 0
                and i - first < org.max_words
                and words[first - 1] not in t.lexicon.fillers
                and not self._is_number(words[first - 1])
            ):
                # "fenwick tool and die laid off ...": a kind said with "and" is part of the name
                joined = org.business_kinds.ending(words, first)
                if joined > 1 and first - joined > 0:
                    first -= joined
                    continue
                if org.stops.ending(words, first):
                    break
                first -= 1
            value = words[first:i]
            if (
                not value
                or any(word in org.acting_people for word in value)
                or (
                    any(word in given_names() for word in value)
                    and not any(word in org.acting_firm_words for word in value)
                )
            ):
                continue  # "maria called about", "my aunt rosa called me": a person; "harlan federal" a firm
            if any(self._org_name_word(word) for word in value):
                add(first, i, "organisation acting ('... called about my claim')")
        return list(found)


#: labels of the addresses this detector finds: an organisation's name inside one is part of it
_ADDRESS_LABELS = frozenset({"EMAIL_ADDRESS", "URL"})


def _spelled_letter(word: str) -> bool:
    """A letter said alone, as in an initialism ("h and r", "a t and t")."""
    return len(word) == 1 and word.isalpha()


@cache
def _detector(locale: str) -> ContextualDetector:
    return ContextualDetector(locale=locale)


def said_of_a_measure(words: Sequence[str], first: int, locale: str = "en-US") -> bool:
    """ "my son's shoe size is [four]", "her score was about [nine]": the number at ``first`` is said
    of a measured thing (``ages.not_subjects`` before "is"), not of a person."""
    detector = _detector(locale)
    k = detector._before_approximately(words, first)
    return k >= 2 and words[k - 1] in ("is", "was", "'s") and words[k - 2] in detector._t.ages.not_subjects


def said_of_a_thing(words: Sequence[str], first: int, after: int, locale: str = "en-US") -> bool:
    """ "the roof is [five] years old", "a [ten] year old car": the age word(s) ``words[first:after]``
    (lowercase tokens, "years old" at ``after``) are the age of a thing, not of a person. Shared by the
    detectors that read "years old" (``identifiers``, ``special``) so that they agree."""
    return _detector(locale)._thing_age(words, first, after)


#: a word said less often than this (Zipf) that no dictionary lists reads as part of a value ("quillwood";
#: not "email")
_RARE_WORD_ZIPF = 3.0


def expiry_of_another_thing(words: Sequence[str], cue: int, locale: str = "en-US") -> bool:
    """Whether the expiry cue at ``words[cue]`` (lowercase tokens) is said of a thing that is no card
    ("the warranty expired in june", ``dates.card_words``). Shared by the detectors that read expiry
    cues (``identifiers``, ``contextual``) so that they agree."""
    t = _tables(locale)
    return _other_thing_expires(words, cue, t.dates, t.lexicon)


def said_of_a_secret(words: Sequence[str], first: int, locale: str = "en-US") -> bool:
    """ "the password is [case sensitive]", "i forgot my pin [again]": the words at ``first`` after a
    secret's cue describe the secret instead of saying it (``credentials.descriptions`` and its word
    lists: :meth:`ContextualDetector._describes`). Shared by the
    detectors that read values after "password"/"pin" (``identifiers``) so that they agree."""
    return _detector(locale)._describes(words, first)
