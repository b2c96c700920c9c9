"""Known values: what a conversation revealed with confidence, and the forms it may recur in.

A detection becomes a known value when its label is listed, its score reaches ``min_score`` and its
written form (the normalized view: "b r e n n a g h" reads "brennagh", "four four one two" reads
"4412") is long enough. Each known value yields *patterns*, the forms a later (or earlier) turn may
use without the cue that gave the value away:

- a person's name: the whole name, each contiguous part of it ("odalys", "brennagh", "mary ann"),
  and every part after a title ("miss brennagh"). A part that is also a frequent English word
  ("mark", "grace") is a mention only with more evidence (see :mod:`.mentions`); a part that is
  never a name ("the", "june") is never searched for alone;
- a number: its digits however they are grouped ("555 0199", "555-0199"), and its last
  ``last_digits`` digits ("the card ending in 4412");
- an e-mail address: the address, and its user part when that is not a plain word;
- a street address: the whole address, and the street without the house number ("maple street");
- a child's age (an ``AGE`` protected as a ``MINOR``): its number without the unit it was said with
  ("twelve" of "twelve years old"), however short or frequent: said again anywhere in the
  conversation it is the child's age (fail closed; a special category, so known whatever
  ``ConversationOptions.labels`` lists);
- any other value: its letters and digits in sequence.

Mentions of the parts of one name share the name's identity (:attr:`KnownValue.ref`), so a
numbered pseudonym gives "odalys" and "odalys brennagh" the same number.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from ..core import AlignedText, Entity
from ..gazetteers import common_words, family_names, fold, given_names, is_everyday_word, zipf_frequency
from ..lang import Token, get_lexicon, tokenize
from ..lang.tables import load_tables
from .options import ConversationOptions

__all__ = ["KnownValue", "Pattern", "collect_known", "patterns_of"]

_DIGIT_LABELS = frozenset({"PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "ACCOUNT_NUMBER", "PIN"})
_NAME_LABELS = frozenset({"PERSON"})
_ADDRESS_LABELS = frozenset({"ADDRESS"})
_EMAIL_LABELS = frozenset({"EMAIL_ADDRESS"})
_AGE_LABELS = frozenset({"AGE"})


@dataclass(frozen=True)
class _AgeUnits:
    """The words after an age that say it is one ("years old", "yrs": ``ages.after`` of
    ``context.yaml``)."""

    units: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.after"})


@cache
def _age_units(locale: str) -> tuple[tuple[str, ...], ...]:
    """``ages.after`` as lowercase words without symbols, longest first."""
    phrases = {
        tuple(word for word in (w.lower() for w in phrase) if word[:1].isalnum())
        for phrase in load_tables(locale, "context", _AgeUnits).units
    }
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


def _child_age_words(words: Sequence[str], locale: str) -> tuple[str, ...]:
    """A child's age without the unit it was said with: "twelve years old" is said again as
    "twelve"."""
    for unit in _age_units(locale):
        if len(words) > len(unit) and tuple(words[-len(unit) :]) == unit:
            return tuple(words[: -len(unit)])
    return tuple(words)


@dataclass(frozen=True)
class _MentionWords:
    """What conversation mode knows about names and addresses in later turns (names.yaml and
    addresses.yaml of the locale)."""

    titles: frozenset[str] = field(metadata={"key": "mention_titles"})
    suffixes: frozenset[str]
    forms_of_address: frozenset[tuple[str, ...]]


@dataclass(frozen=True)
class _StreetWords:
    abbreviations: dict[str, str]


def mention_words(locale: str) -> _MentionWords:
    """Titles before a name ("miss brennagh" is a mention of the family name however common it is),
    name suffixes, and forms of address after which a frequent-word name part is a name ("thanks
    mark"), of ``locale``."""
    return load_tables(locale, "names", _MentionWords)


def street_abbreviations(locale: str) -> dict[str, str]:
    """Street words written or spoken either way, of ``locale``; compared in their short form."""
    return load_tables(locale, "addresses", _StreetWords).abbreviations


def mention_word(token: Token) -> str:
    """How a token is compared with known values: accents folded, a possessive "'s" dropped."""
    word = token.lower if token.lower.isascii() else fold(token.lower)
    return word[:-2] if word.endswith("'s") else word


@dataclass(frozen=True, slots=True)
class Pattern:
    """One form a known value can take in another turn.

    ``tokens``: lowercase words in sequence (names, addresses); ``compact``: letters and digits with
    everything between them dropped (numbers, codes, e-mail addresses), matched on token boundaries.
    ``needs_evidence``: the form is also an everyday word and counts only with a title, an address
    cue or a capital letter. ``form`` says which form it is, for explanations.
    """

    ref: str
    label: str
    form: str
    tokens: tuple[str, ...] = ()
    compact: str = ""
    needs_evidence: bool = False
    canonical_streets: bool = False


@dataclass
class KnownValue:
    """A value a conversation revealed with confidence (never logged: ``canonical`` is PII)."""

    label: str
    canonical: str
    #: identity shared by the parts of one name (the canonical form of its first full mention)
    ref: str
    #: position of the first turn (in conversation order) that revealed it, and that turn's row id
    turn: int
    source: str
    score: float
    speaker: str | None = None
    tokens: tuple[str, ...] = ()
    patterns: list[Pattern] = field(default_factory=list)
    #: where confident detections of it are: (turn position in the conversation, start, end)
    spans: list[tuple[int, int, int]] = field(default_factory=list)
    #: the second label any detection of it was protected as (a child's age: ``MINOR``); its
    #: mentions are protected so too (fail closed)
    policy_label: str = ""


@cache
def _blocked(locale: str) -> frozenset[str]:
    lexicon = get_lexicon(locale)
    words = mention_words(locale)
    return frozenset(lexicon.non_name_words | lexicon.not_names | words.titles | words.suffixes)


def _ambiguous(word: str, listed_zipf: float, unlisted_zipf: float) -> bool:
    # not cached: a process-wide cache of name parts would keep names in memory after their batch
    if word in given_names() or word in family_names():
        return is_everyday_word(word) and zipf_frequency(word) >= listed_zipf
    return is_everyday_word(word) or zipf_frequency(word) >= unlisted_zipf


def is_ambiguous_word(word: str, options: ConversationOptions) -> bool:
    """Whether a name part also reads as an ordinary word, so that it needs evidence to count alone.

    A word a name list knows is ambiguous when it is also a frequent dictionary word ("mark",
    "grace"; not "patel", "maria"). A word no name list knows is ambiguous when it is a dictionary
    word or an inflection of one ("sales", "asked"), or simply frequent ("ebitda"): a detector that
    took it for a name on one cue should not make it a name all through the conversation.
    """
    return _ambiguous(word, options.common_word_zipf, options.unlisted_word_zipf)


def _words(text: str) -> list[str]:
    """The words of a value (symbols left out), compared as :func:`mention_word` says."""
    return [mention_word(token) for token in tokenize(text) if token.lower[:1].isalnum()]


def _compact(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def patterns_of(
    label: str, written: str, ref: str, options: ConversationOptions, protected: str = ""
) -> tuple[str, tuple[str, ...], list[Pattern]]:
    """The canonical form, name tokens and search patterns of one value (``written``: its text in
    the normalized view; ``protected``: the label it is protected as too). An empty canonical form
    means the value is too weak to be known."""
    locale = options.locale
    if label in _AGE_LABELS and protected == "MINOR":
        # a child's age: its number, however short or frequent ("twelve", "six and a half"), is a
        # mention wherever it is said again, with or without its unit (fail closed)
        words = _child_age_words(_words(written), locale)
        canonical = "".join(words)
        if not canonical:
            return "", (), []
        return canonical, words, [Pattern(ref, label, "the child's age", tokens=words)]
    blocked = _blocked(locale)
    if label in _NAME_LABELS:
        said = mention_words(locale)
        tokens = tuple(
            word
            for word in _words(written)
            if word not in said.titles and word not in said.suffixes and word.isalpha()
        )
        if not tokens or sum(map(len, tokens)) < options.min_length:
            return "", (), []
        if all(word in blocked for word in tokens):
            return "", (), []
        canonical = " ".join(tokens)
        patterns: list[Pattern] = []
        seen: set[tuple[str, ...]] = set()
        # contiguous runs of the name, longest first: "mary ann smith", "mary ann", "ann smith", ...
        for size in range(len(tokens), 0, -1):
            if size < len(tokens) and not options.name_parts:
                break
            for start in range(len(tokens) - size + 1):
                run = tokens[start : start + size]
                if run in seen:
                    continue
                seen.add(run)
                if size == 1:
                    word = run[0]
                    if word in blocked or len(word) < options.min_length:
                        continue
                    evidence = is_ambiguous_word(word, options)
                elif all(word in blocked for word in run):
                    continue
                else:
                    evidence = all(is_ambiguous_word(w, options) or w in blocked for w in run)
                form = "full name" if size == len(tokens) else "part of the name"
                patterns.append(Pattern(ref, label, form, tokens=run, needs_evidence=evidence))
        return canonical, tokens, patterns
    if label in _DIGIT_LABELS:
        digits = "".join(ch for ch in written if ch.isdigit())
        if len(digits) < options.min_digits:
            return "", (), []
        patterns = [Pattern(ref, label, "the number", compact=digits)]
        if options.last_digits and len(digits) > options.last_digits + 2:
            tail = digits[-options.last_digits :]
            patterns.append(Pattern(ref, label, f"last {options.last_digits} digits", compact=tail))
        return digits, (), patterns
    if label in _EMAIL_LABELS:
        address = "".join(written.lower().split())
        compact = _compact(address)
        if len(compact) < options.min_length:
            return "", (), []
        patterns = [Pattern(ref, label, "the address", compact=compact)]
        user = address.split("@", 1)[0]
        user_compact = _compact(user)
        plain_word = user_compact.isalpha() and (
            user_compact in common_words() or zipf_frequency(user_compact) >= options.common_word_zipf
        )
        if "@" in address and len(user_compact) >= max(options.min_length, 5) and not plain_word:
            patterns.append(Pattern(ref, label, "user part of the address", compact=user_compact))
        return address, (), patterns
    if label in _ADDRESS_LABELS:
        short = street_abbreviations(locale)
        tokens = tuple(short.get(word, word) for word in _words(written))
        if sum(map(len, tokens)) < options.min_length:
            return "", (), []
        patterns = [Pattern(ref, label, "the address", tokens=tokens, canonical_streets=True)]
        first_word = next((i for i, word in enumerate(tokens) if not word.isdigit()), len(tokens))
        street = tokens[first_word:]
        if first_word and len(street) >= 2 and not all(word in blocked for word in street):
            patterns.append(
                Pattern(ref, label, "street of the address", tokens=street, canonical_streets=True)
            )
        return " ".join(tokens), tokens, patterns
    compact = _compact(written)
    if len(compact) < options.min_length:
        return "", (), []
    words = tuple(_words(written))
    if len(words) == 1 and words[0].isalpha():
        if words[0] in blocked:
            return "", (), []
        evidence = is_ambiguous_word(words[0], options)
        return compact, words, [Pattern(ref, label, "the value", tokens=words, needs_evidence=evidence)]
    return compact, words, [Pattern(ref, label, "the value", compact=compact)]


def collect_known(
    turns: Sequence[tuple[AlignedText | None, Sequence[Entity]]],
    sources: Sequence[str],
    options: ConversationOptions,
    speakers: Sequence[str | None] | None = None,
    carried: Iterable[KnownValue] = (),
    offset: int = 0,
) -> list[KnownValue]:
    """The known values of a conversation, in order of first confident mention.

    ``turns`` holds each turn's alignment (None for empty turns) and its resolved entities in
    original offsets; ``sources`` the row id each turn is reported by. ``carried`` are known values
    of earlier windows of the same conversation; they come first and keep their identities.
    ``offset`` is the position of ``turns[0]`` in the conversation.
    """
    labels = frozenset(options.labels)
    known: dict[tuple[str, str], KnownValue] = {}
    names: list[KnownValue] = []
    for value in carried:
        known[(value.label, value.canonical)] = value
        if value.label in _NAME_LABELS:
            names.append(value)
    for turn, (aligned, entities) in enumerate(turns):
        if aligned is None:
            continue
        for entity in entities:
            # a child's age (an AGE protected as a MINOR) is a special category: it is always known,
            # whatever ``labels`` lists, so its bare repeat is never left in clear (fail closed)
            child_age = entity.label in _AGE_LABELS and entity.policy_label == "MINOR"
            listed = child_age or entity.label in labels or entity.policy_label in labels
            if not listed or entity.score < options.min_score:
                continue
            start, end = aligned.to_derived(entity.start, entity.end)
            written = aligned.text[start:end]
            canonical, tokens, _ = patterns_of(entity.label, written, "", options, entity.policy_label)
            if not canonical:
                continue
            existing = known.get((entity.label, canonical))
            if existing is not None:
                existing.score = max(existing.score, entity.score)
                existing.spans.append((offset + turn, entity.start, entity.end))
                existing.policy_label = existing.policy_label or entity.policy_label
                continue
            ref = f"{entity.label}:{canonical}"
            if entity.label in _NAME_LABELS:
                # a name that shares words with a known name is the same person ("odalys" after
                # "odalys brennagh"), unless the shared words are everyday words
                for other in names:
                    shared = set(tokens) & set(other.tokens)
                    if shared and not all(is_ambiguous_word(word, options) for word in shared):
                        ref = other.ref
                        break
            value = KnownValue(
                label=entity.label,
                canonical=canonical,
                ref=ref,
                turn=offset + turn,
                source=sources[turn],
                score=entity.score,
                speaker=None if speakers is None else speakers[turn],
                tokens=tokens,
                spans=[(offset + turn, entity.start, entity.end)],
                policy_label=entity.policy_label,
            )
            value.patterns = patterns_of(entity.label, written, ref, options, entity.policy_label)[2]
            known[(entity.label, canonical)] = value
            if entity.label in _NAME_LABELS:
                names.append(value)
    values = list(known.values())
    if len(values) > options.max_known:
        values = values[-options.max_known :]
    return values
