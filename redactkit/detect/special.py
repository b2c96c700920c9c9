"""Special categories of personal data in speech: health, faith, politics, sexuality, origin, crime, children.

Names and numbers are not the only harm a transcriber hears. "i've been on sertraline since my
divorce", "my daughter is in second grade", "i'm muslim", "we're voting green" say something
sensitive about a person in itself (GDPR art. 9; criminal offences art. 10). This detector finds
those spans in lowercase, unpunctuated transcripts with knowledge kept as data
(``redactkit/lang/<locale>/special.yaml`` plus generated vocabularies such as ``medications.txt``
and ``conditions.txt``, built from licensed public lists by ``python -m redactkit.lang.build_special``):

- a **term** of a label's vocabulary ("sertraline", "colonoscopy", "lutheran") is a span on its own;
- an **ambiguous** term -- also an everyday word ("depression", "green", "mass", "straight", a
  nationality that is also a cuisine) or a vocabulary entry frequent in English -- counts only with a
  **cue** of its label around it: a phrase before it ("diagnosed with", "i'm", "voting"), with up
  to ``max_gap`` filler words between ("i have [a really bad case of] asthma"), or a word right after
  it ("[lexapro] prescription", "[mexican] descent");
- **negative contexts** veto a term, cued or not: phrases around it ("the economy is in a
  depression", "pride and prejudice" never gets near SEXUALITY), words right before it ("translate to
  [french]") or right after it ("[indian] food", "[green] light");
- **MINOR** is an age under eighteen ("my son is [eleven]", "my [eleven year old]") or a school grade
  ("[second grade]", "[kindergarten]") said with a child reference (son, daughter, kid, ...), or a
  speaker's own age under eighteen ("i'm [fifteen]").

Spans of one label separated only by "for", "with", "of" or "to" join ("[arrested for drunk
driving]"). Every entity's explanation names the cue class (``special: vocabulary``, ``special:
cue``, ``special: child_age``, ``special: child_grade``, ``special: self_age``), never text.
Cost: one set intersection per text for the texts that hold no trigger word (most of them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Annotated, Any

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import family_names, given_names, zipf_frequency
from ..lang import get_lexicon, load_locale
from ..lang.phrases import PhraseTable
from ..lang.tokens import Token, lower_words, tokenize
from ..lang.words import zipf_cutoffs
from ..spans import GRADE_EXPLANATION, child_age
from .base import Detector, detectors
from .contextual import said_of_a_measure, said_of_a_thing

__all__ = ["SPECIAL_LABELS", "SpecialCategoryDetector"]

#: The labels of the detector, all of category ``special_category`` in the label registry.
SPECIAL_LABELS: tuple[str, ...] = (
    "MEDICAL_CONDITION",
    "MEDICATION",
    "MEDICAL_PROCEDURE",
    "SEXUALITY",
    "RELIGION",
    "POLITICAL_AFFILIATION",
    "NRP",
    "CRIMINAL_OFFENCE",
    "MINOR",
)


def _third_person(lows: Sequence[str], i: int) -> bool:
    """ "she's [eleven]", "he is [nine]": an age said of a person (sixteen means a minor)."""
    return (i >= 1 and lows[i - 1] in ("she's", "he's")) or (
        i >= 2 and lows[i - 2] in ("she", "he") and lows[i - 1] == "is"
    )


_DIGITS = re.compile(r"^\d{1,2}$")
#: the rules that find a child's age (a MINOR that is an age: :func:`~redactkit.spans.child_age`)
_CHILD_AGE = "special: child_age"
_SELF_AGE = "special: self_age"
_AGE_RULES = frozenset({_CHILD_AGE, _SELF_AGE})

Phrase = tuple[str, ...]


def _phrase(text: str) -> Phrase:
    """A phrase as the tokenizer splits it ("x-ray" -> x, -, ray), so data and text agree."""
    if text.isascii() and text.replace(" ", "").isalpha():
        return tuple(text.lower().split())  # (ASCII letters and spaces: the tokens are the words)
    return tuple(token.lower for token in tokenize(text))


def _phrases(items: Iterable[str]) -> frozenset[Phrase]:
    return frozenset(p for p in (_phrase(item) for item in items) if p)


@dataclass(frozen=True)
class _Term:
    phrase: Phrase
    label: str
    ambiguous: bool
    #: an everyday sense exists, but the label's is the usual one: negative contexts apply, no cue is needed
    contextual: bool = False
    #: a plural people noun made by the label's ``plurals`` ("kenyans"): no language or food use
    #: comes before it, so ``negative_before`` ("rent to [israelis]") leaves it alone
    people: bool = False


@dataclass(frozen=True)
class _LabelRules:
    before: PhraseTable[Phrase]
    after: PhraseTable[Phrase]
    negative: PhraseTable[Phrase]
    negative_before: frozenset[str]
    negative_after: PhraseTable[Phrase]
    #: determiners before an ambiguous term that, with the end of the text or a ``nominal_after``
    #: word after it, make it a noun for people ("[the french] are coming", "i like [the dutch]")
    nominal_before: frozenset[str] = frozenset()
    nominal_after: frozenset[str] = frozenset()
    #: a cue before an ambiguous term counts only when the term stands alone -- at the end of the
    #: text, before a ``nominal_after`` word or before an ``after`` cue ("my boss is [indian]") --
    #: not when it modifies some other word ("is the korean spa open", "a greek omelette")
    alone_before: bool = False
    #: terms that describe a noun ("religious"): after a ``possessives`` word they modify the word
    #: after them, so only an ``after`` cue there counts ("my [religious] upbringing")
    describing: frozenset[Phrase] = frozenset()
    possessives: frozenset[str] = frozenset()
    #: words that, said within the detector's ``window`` after a term, overrule a negative phrase
    #: covering it: the label's sense is meant ("are booked into the downtown [jail]")
    overrule_after: frozenset[str] = frozenset()
    #: ambiguous terms whose sense of the label shows only in words around them: one of the term's
    #: words within ``window`` words before or after it is its cue, the label's cues are not
    #: ("booked" is an arrest near "jail" or "charges", a reservation after "i" or "was")
    context_words: Mapping[Phrase, frozenset[str]] = field(default_factory=dict)
    #: ambiguous terms that one of their words within ``window`` words vetoes ("moderate" near
    #: "price" or "expensive" is a price range)
    not_near: Mapping[Phrase, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Knowledge:
    """One locale's special-category tables, compiled for matching (cached per process)."""

    terms: PhraseTable[tuple[_Term, ...]]  # phrase -> its terms (one per label)
    rules: Mapping[str, _LabelRules]
    triggers: frozenset[str]
    gap: frozenset[str]
    child_words: frozenset[str]
    #: words that join two mentions of one label into one span (``joiners``)
    joiners: frozenset[str]
    #: words before a number that make it a child's age after a child reference (``child_age_cues``)
    child_age_cues: frozenset[str]
    #: what may follow a bare age at the end of its clause ("i'm [fifteen] and ..."): ``age_ends``
    age_ends: frozenset[str]
    #: a word rarer than this is no everyday word (``rare_term_max`` of frequency.yaml)
    rare_zipf: float
    age_words: frozenset[str]
    grade_ordinals: frozenset[str]
    grade_words: frozenset[str]
    school_stages: Mapping[str, tuple[Phrase, ...]]
    #: words between the speaker and a grade or school that put it in the past ("i graduated from
    #: high school", "when i was in third grade"): an adult's past, no minor (``past_school_words``)
    past_school_words: frozenset[str]
    minor_ages: frozenset[str]
    self_age_cues: frozenset[Phrase]
    not_age_after: frozenset[str]
    vocabulary_sizes: Mapping[str, int]
    heads: Mapping[str, tuple[str, ...]]  # head word -> labels
    strong_heads: frozenset[tuple[str, str]]  # (label, head word)
    body_parts: frozenset[str]
    medical_words: frozenset[str]
    suffixes: tuple[tuple[str, str], ...]  # (suffix, label), longest first
    suffix_pattern: re.Pattern[str] | None
    not_medical: frozenset[str]
    head_not_before: frozenset[str]
    #: number words of the locale's lexicon ("sixteen", "hundred", "oh"): numbers do not part a
    #: negative phrase ("rooms twelve and sixteen are [booked]")
    number_words: frozenset[str] = frozenset()


def _words(table: Any, where: str) -> list[str]:
    if table is None:
        return []
    if not isinstance(table, list) or not all(isinstance(item, str) for item in table):
        raise ValueError(f"{where} must be a list of phrases (quote yes/no/on/off)")
    return table


def _rule_phrases(block: Mapping[str, Any], key: str, where: str) -> PhraseTable[Phrase]:
    """The ``key`` phrases of a label's block, ready for the one matcher."""
    return PhraseTable.of(_phrases(_words(block.get(key), f"{where}.{key}")))


_LETTERS = re.compile(r"[^\W\d_]+")


def _rarest(phrase: Phrase) -> str:
    """The least frequent letter run of a phrase (what :func:`lower_words` gives for it)."""
    pieces = _LETTERS.findall(" ".join(phrase))
    return min(pieces, key=zipf_frequency) if pieces else ""


def _term_words(table: Any, where: str) -> dict[Phrase, frozenset[str]]:
    """``{term: [word, ...]}`` of a label's block, keyed by the term's phrase."""
    if table is None:
        return {}
    if not isinstance(table, Mapping):
        raise ValueError(f"{where} must map terms to lists of words, e.g. {{booked: [jail, custody]}}")
    return {_phrase(term): frozenset(_words(words, f"{where}.{term}")) for term, words in table.items()}


def _plural_rules(table: Any, where: str) -> tuple[tuple[str, str], ...]:
    """``{suffix: replacement}`` (``""``: the default ending), longest suffix first."""
    if table is None:
        return ()
    if not isinstance(table, Mapping) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in table.items()
    ):
        raise ValueError(f"{where} must map word endings to plural endings, e.g. {{an: ans, '': s}}")
    return tuple(sorted(table.items(), key=lambda item: -len(item[0])))


def _plural(phrase: Phrase, rules: Sequence[tuple[str, str]]) -> Phrase | None:
    """The plural of a group word by the label's ``plurals`` rules ("kenyan" -> "kenyans"); None
    when the plural is the word itself ("swiss", "vietnamese") or no rule applies."""
    last = phrase[-1]
    if not last.isalpha():
        return None
    for suffix, replacement in rules:
        if last.endswith(suffix):
            plural = last[: len(last) - len(suffix)] + replacement
            return None if plural == last else (*phrase[:-1], plural)
    return None


@cache
def _knowledge(locale: str, ambiguous_zipf: float, vocabularies: bool) -> _Knowledge:
    resources = load_locale(locale).resources
    lexicon = get_lexicon(locale)
    data = resources.get("special")
    if not isinstance(data, Mapping):
        raise ValueError(f"locale {locale}: no special.yaml (special-category tables)")
    where = f"locale {locale}: special"
    blocks = data.get("labels") or {}
    terms: dict[Phrase, dict[str, bool]] = {}
    # word lists whose entries are no term of a generated vocabulary ("capex", a business term, is
    # also a shampoo's brand name in medications.txt)
    not_vocabulary: set[Phrase] = set()
    for name in _words(data.get("not_vocabulary"), f"{where}.not_vocabulary"):
        resource = resources.get(name)
        if not isinstance(resource, Mapping) or "words" not in resource:
            raise ValueError(f"{where}.not_vocabulary: {name!r} is no word list of the locale")
        not_vocabulary.update(_phrase(entry) for entry in resource["words"])
    contextual_terms: set[tuple[Phrase, str]] = set()
    people_terms: set[tuple[Phrase, str]] = set()
    rules: dict[str, _LabelRules] = {}
    sizes: dict[str, int] = {}
    for label, block in blocks.items():
        if label not in SPECIAL_LABELS:
            raise ValueError(f"{where}.labels: {label!r} is not a label of the special detector")
        ambiguous = _phrases(_words(block.get("ambiguous"), f"{where}.labels.{label}.ambiguous"))
        contextual = _phrases(_words(block.get("contextual"), f"{where}.labels.{label}.contextual"))
        contextual_terms.update((phrase, label) for phrase in contextual)
        curated = _phrases(_words(block.get("terms"), f"{where}.labels.{label}.terms"))
        for phrase in curated | ambiguous | contextual:
            terms.setdefault(phrase, {})[label] = phrase in ambiguous
        contextual_lists = _words(
            block.get("contextual_vocabularies"), f"{where}.labels.{label}.contextual_vocabularies"
        )
        plain_lists = _words(block.get("vocabularies"), f"{where}.labels.{label}.vocabularies")
        for name in [*plain_lists, *contextual_lists]:
            resource = resources.get(name)
            if not isinstance(resource, Mapping) or "words" not in resource:
                raise ValueError(f"{where}.labels.{label}: vocabulary {name!r} is no word list of the locale")
            sizes[name] = len(resource["words"])
            if not vocabularies:
                continue
            in_context = name in contextual_lists
            for entry in resource["words"]:
                phrase = _phrase(entry)
                if not phrase or label in terms.get(phrase, {}) or phrase in not_vocabulary:
                    continue  # a curated entry decides; a business term is none
                if not in_context and len(phrase) == 1 and zipf_frequency(phrase[0]) >= ambiguous_zipf:
                    continue  # a frequent word ("pin"): only a curated entry may make it a term
                # a generated entry that is also a person's name ("aman") needs a cue
                named = len(phrase) == 1 and (phrase[0] in given_names() or phrase[0] in family_names())
                terms.setdefault(phrase, {})[label] = named or phrase in ambiguous
                if in_context and not named:
                    contextual_terms.add((phrase, label))  # negative contexts veto it ("[nepali] food")
        plurals = _plural_rules(block.get("plurals"), f"{where}.labels.{label}.plurals")
        if plurals:
            # "[brazilians]", "[sri lankans]": the plural of a group word names people; it is
            # contextual when its singular needs context at all, a term when the singular is one
            for phrase, by_label in list(terms.items()):
                if label not in by_label:
                    continue
                plural = _plural(phrase, plurals)
                if plural is None or label in terms.get(plural, {}):
                    continue
                if by_label[label] and block.get("ambiguous_plurals") == "ambiguous":
                    terms.setdefault(plural, {})[label] = True  # "temples", "converts": a cue still
                    continue
                terms.setdefault(plural, {})[label] = False
                people_terms.add((plural, label))
                if by_label[label] or (phrase, label) in contextual_terms:
                    contextual_terms.add((plural, label))
        where_label = f"{where}.labels.{label}"
        after = _phrases(_words(block.get("after"), f"{where_label}.after"))
        # generated word lists whose entries are cues after a term too ("the [french] chef"), less the
        # entries that are things more often than people in speech (`after_exclude`: "server")
        excluded = _phrases(_words(block.get("after_exclude"), f"{where_label}.after_exclude"))
        for name in _words(block.get("after_vocabularies"), f"{where_label}.after_vocabularies"):
            resource = resources.get(name)
            if not isinstance(resource, Mapping) or "words" not in resource:
                raise ValueError(f"{where_label}: vocabulary {name!r} is no word list of the locale")
            sizes[name] = len(resource["words"])
            after = after | (_phrases(resource["words"]) - excluded)
        rules[label] = _LabelRules(
            before=_rule_phrases(block, "before", where_label),
            after=PhraseTable.of(after),
            negative=_rule_phrases(block, "negative", where_label),
            negative_before=frozenset(_words(block.get("negative_before"), f"{where}.negative_before")),
            negative_after=_rule_phrases(block, "negative_after", where_label),
            nominal_before=frozenset(_words(block.get("nominal_before"), f"{where}.nominal_before")),
            nominal_after=frozenset(_words(block.get("nominal_after"), f"{where}.nominal_after")),
            alone_before=bool(block.get("alone_before", False)),
            describing=_phrases(_words(block.get("describing"), f"{where_label}.describing")),
            possessives=frozenset(_words(data.get("possessives"), f"{where}.possessives")),
            overrule_after=frozenset(_words(block.get("overrule_after"), f"{where_label}.overrule_after")),
            context_words=_term_words(block.get("context_words"), f"{where_label}.context_words"),
            not_near=_term_words(block.get("not_near"), f"{where_label}.not_near"),
        )
    term_table = PhraseTable(
        {
            phrase: tuple(
                _Term(
                    phrase,
                    label,
                    ambiguous_term,
                    (phrase, label) in contextual_terms,
                    (phrase, label) in people_terms,
                )
                for label, ambiguous_term in labels.items()
            )
            for phrase, labels in terms.items()
        }
    )
    stages: dict[str, list[Phrase]] = {}
    for phrase in _phrases(_words(data.get("school_stages"), f"{where}.school_stages")):
        stages.setdefault(phrase[0], []).append(phrase)
    minor_ages = frozenset(_words(data.get("minor_ages"), f"{where}.minor_ages")) | {
        str(n) for n in range(1, 18)
    }
    grade_ordinals = frozenset(_words(data.get("grade_ordinals"), f"{where}.grade_ordinals"))
    heads: dict[str, list[str]] = {}
    strong: set[tuple[str, str]] = set()
    for key, into in (("heads", None), ("strong_heads", strong)):
        table = data.get(key) or {}
        if not isinstance(table, Mapping):
            raise ValueError(f"{where}.{key} must map labels to word lists")
        for label, head_words in table.items():
            for word in _words(head_words, f"{where}.{key}.{label}"):
                if into is None:
                    heads.setdefault(word, []).append(str(label))
                else:
                    into.add((str(label), word))
    suffix_table = data.get("suffixes") or {}
    suffixes = sorted(
        ((suffix, str(label)) for label, items in suffix_table.items() for suffix in _words(items, where)),
        key=lambda item: -len(item[0]),
    )
    medical = {
        phrase[0]
        for phrase, labels in terms.items()
        if len(phrase) == 1 and any(label.startswith("MEDICAL") for label in labels)
    }
    # a text can hold a term only if it holds the term's rarest word: one set test skips most texts
    triggers = {_rarest(term) for term in terms}
    triggers |= {_rarest(stage) for stage in _phrases(_words(data.get("school_stages"), where))}
    triggers |= {word for word in grade_ordinals | minor_ages if word.isalpha()}
    triggers |= set(heads)
    return _Knowledge(
        terms=term_table,
        rules=rules,
        triggers=frozenset(triggers),
        gap=frozenset(_words(data.get("gap"), f"{where}.gap")),
        child_words=frozenset(_words(data.get("child_words"), f"{where}.child_words")),
        joiners=frozenset(_words(data.get("joiners"), f"{where}.joiners")),
        child_age_cues=frozenset(_words(data.get("child_age_cues"), f"{where}.child_age_cues")),
        age_ends=frozenset(_words(data.get("age_ends"), f"{where}.age_ends")),
        rare_zipf=zipf_cutoffs(locale).rare_term_max,
        age_words=frozenset(_words(data.get("age_words"), f"{where}.age_words")),
        grade_ordinals=grade_ordinals,
        grade_words=frozenset(_words(data.get("grade_words"), f"{where}.grade_words")),
        school_stages={first: tuple(sorted(items, key=len, reverse=True)) for first, items in stages.items()},
        past_school_words=frozenset(_words(data.get("past_school_words"), f"{where}.past_school_words")),
        minor_ages=minor_ages,
        self_age_cues=_phrases(_words(data.get("self_age_cues"), f"{where}.self_age_cues")),
        not_age_after=frozenset(_words(data.get("not_age_after"), f"{where}.not_age_after")),
        vocabulary_sizes=sizes,
        heads={word: tuple(labels) for word, labels in heads.items()},
        strong_heads=frozenset(strong),
        body_parts=frozenset(_words(data.get("body_parts"), f"{where}.body_parts")),
        medical_words=frozenset(medical),
        suffixes=tuple(suffixes),
        suffix_pattern=(
            re.compile(r"[a-z](?:" + "|".join(re.escape(s) for s, _ in suffixes) + r")\b")
            if suffixes
            else None
        ),
        not_medical=frozenset(_words(data.get("not_medical"), f"{where}.not_medical")),
        head_not_before=frozenset(_words(data.get("head_not_before"), f"{where}.head_not_before")),
        number_words=frozenset(
            {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.thousand}
            | lexicon.zero_aliases
        ),
    )


@detectors.register("special")
class SpecialCategoryDetector(Detector):
    """Special-category spans (health, faith, politics, sexuality, origin, crime, minors); see module docs."""

    emits = SPECIAL_LABELS

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"labels[{index}]", label) for index, label in enumerate(params.get("labels", cls.emits))]

    def __init__(
        self,
        locale: str = "en-US",
        labels: tuple[str, ...] = SPECIAL_LABELS,
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        ambiguous_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.65,
        minor_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.9,
        max_gap: Annotated[int, Field(ge=0, le=6)] = 3,
        window: Annotated[int, Field(ge=1, le=20)] = 6,
        ambiguous_zipf: Annotated[float, Field(ge=2.0, le=8.0)] = 3.5,
        vocabularies: bool = True,
    ) -> None:
        #: special.yaml and vocabularies of this locale
        self.locale = locale
        #: labels to emit (a subset of the detector's nine)
        self.labels = tuple(labels)
        #: score of a term that names the category on its own ("sertraline")
        self.score = score
        #: score of an ambiguous term with a cue of its label ("diagnosed with [depression]")
        self.ambiguous_score = ambiguous_score
        #: score of a child's age or school grade
        self.minor_score = minor_score
        #: filler words allowed between a cue and its term ("i have [a really bad] asthma")
        self.max_gap = max_gap
        #: how many words before a term a negative phrase covering it may start
        self.window = window
        #: vocabulary entries at least this frequent in English (Zipf) need a cue like ambiguous terms
        self.ambiguous_zipf = ambiguous_zipf
        #: use the generated vocabularies (medications.txt, conditions.txt); off: curated terms only
        self.vocabularies = vocabularies
        unknown = sorted(set(self.labels) - set(SPECIAL_LABELS))
        if unknown:
            raise ValueError(
                f"the special detector cannot emit {unknown[0]}; choose from {', '.join(SPECIAL_LABELS)}"
            )
        self._knowledge = _knowledge(locale, ambiguous_zipf, vocabularies)
        self._wanted = frozenset(self.labels)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [self._detect_one(aligned) for aligned in texts]

    # -- one text -----------------------------------------------------------------------------------
    def _detect_one(self, aligned: AlignedText) -> list[Entity]:
        text = aligned.text
        k = self._knowledge
        words = lower_words(text)
        suffixed = k.suffix_pattern is not None and k.suffix_pattern.search(text.lower()) is not None
        if words.isdisjoint(k.triggers) and not suffixed and not any(ch.isdigit() for ch in text):
            return []
        tokens = aligned.tokens
        lows = tokens.words
        found: list[tuple[int, int, str, float, str]] = []  # token start, token end, label, score, why
        for i, word in enumerate(lows):
            for label in k.heads.get(word, ()):
                if label in self._wanted:
                    headed = self._headed(lows, i, label)
                    if headed is not None:
                        found.append(headed)
            if suffixed and len(word) >= 6 and word.isalpha():
                suffix = self._suffixed(word)
                if suffix is not None and suffix in self._wanted:
                    found.append((i, i + 1, suffix, self.score, "special: suffix"))
            done: set[str] = set()
            for length, candidates in k.terms.matches_at(lows, i):  # longest first
                for term in candidates:
                    if term.label in done or term.label not in self._wanted:
                        continue
                    end = i + length
                    done.add(term.label)  # the longest term of a label at this position decides
                    verdict = self._judge(lows, i, end, term, found)
                    if verdict is not None:
                        found.append((i, end, term.label, *verdict))
        if "MINOR" in self._wanted:
            found += self._minors(lows)
        return self._entities(tokens, lows, found)

    def _judge(
        self,
        lows: Sequence[str],
        start: int,
        end: int,
        term: _Term,
        found: Sequence[tuple[int, int, str, float, str]],
    ) -> tuple[float, str] | None:
        rules = self._knowledge.rules[term.label]
        if term.ambiguous or term.contextual:
            if not term.people and self._negative_before(lows, start, term.label, rules):
                return None
            if self._negative_after(lows, end, term.label, rules):
                return None
        if term.ambiguous and self._names_its_term(lows, end, term.label):
            # "he got [booked for dui]": what it is booked for is an offence, no reservation
            return self.ambiguous_score, "special: cue"
        around = lows[max(0, start - self.window) : end + self.window]
        vetoes = rules.not_near.get(term.phrase) if term.ambiguous else None
        if vetoes and not vetoes.isdisjoint(around):
            return None  # "the price range is [moderate]"
        if self._negative_nearby(lows, start, end, rules) and not (
            rules.overrule_after and not rules.overrule_after.isdisjoint(lows[end : end + self.window])
        ):
            return None
        if term.phrase in rules.context_words:
            # "booked": only its own words around it say the label's sense ("booked into the [jail]")
            cued = not rules.context_words[term.phrase].isdisjoint(around)
        else:
            cued = self._cued(lows, start, end, rules, term.phrase)
        cued = cued or self._coordinated(found, start, term.label, lows)
        if term.ambiguous:
            return (self.ambiguous_score, "special: cue") if cued else None
        return (self.score, "special: cue" if cued else "special: vocabulary")

    def _negative_before(self, lows: Sequence[str], start: int, label: str, rules: _LabelRules) -> bool:
        """A ``negative_before`` word right before the term, or before a coordinated term of the
        label ("speak french and [german]", "in hindi or [urdu]")."""
        position = start
        for _ in range(3):
            if position == 0:
                return False
            if lows[position - 1] in rules.negative_before:
                return True
            if position < 2 or lows[position - 1] not in ("and", "or", ","):
                return False
            previous = lows[position - 2]
            if not any(term.label == label for term in self._knowledge.terms.get((previous,)) or ()):
                return False
            position -= 2
        return False

    def _names_its_term(self, lows: Sequence[str], end: int, label: str) -> bool:
        """A ``joiners`` word and a term of the same label that needs no cue follow the ambiguous
        term, an article perhaps between ("booked for [a dwi]", "a record for [shoplifting]"): the
        term's sense is the label's, whatever a negative phrase says of the word alone ("booked
        for" a date or a number of nights)."""
        k = self._knowledge
        position = end + 1
        if end >= len(lows) or lows[end] not in k.joiners:
            return False
        if position < len(lows) and lows[position] in ("a", "an"):
            position += 1
        return any(
            not term.ambiguous and not term.contextual and term.label == label
            for _, candidates in k.terms.matches_at(lows, position)
            for term in candidates
        )

    def _negative_after(self, lows: Sequence[str], end: int, label: str, rules: _LabelRules) -> bool:
        """A ``negative_after`` phrase right after the term, or after a coordinated term of the label
        ("[ethiopian] or nepali food"); "is he [kenyan] or something" is no coordination."""
        position = end
        for _ in range(3):
            if rules.negative_after.at(lows, position):
                return True
            if position + 1 >= len(lows) or lows[position] not in ("and", "or", ","):
                return False
            following = lows[position + 1]
            if not any(term.label == label for term in self._knowledge.terms.get((following,)) or ()):
                return False
            position += 2
        return False

    def _headed(self, lows: Sequence[str], i: int, label: str) -> tuple[int, int, str, float, str] | None:
        """A head word with the body part or medical word(s) before it ("[rotator cuff surgery]")."""
        k = self._knowledge
        if i + 1 < len(lows) and lows[i + 1] in k.head_not_before:
            return None  # "murthy cancer [center]": an organisation's name
        start = i
        while start > 0 and i - start < 2:
            previous = lows[start - 1]
            if previous in k.body_parts or previous in k.medical_words:
                start -= 1
                continue
            if (
                start == i
                and (label, lows[i]) in k.strong_heads
                and previous.isalpha()
                and len(previous) > 2
                and zipf_frequency(previous) < k.rare_zipf
            ):
                start -= 1
            break
        if start == i:
            return None
        return (start, i + 1, label, self.score, "special: head")

    def _suffixed(self, word: str) -> str | None:
        """The label of a rare word with a medical ending ("cholecystectomy", "diverticulitis")."""
        k = self._knowledge
        if word in k.not_medical or zipf_frequency(word) >= k.rare_zipf:
            return None
        if word in given_names() or word in family_names():
            return None  # "ifeoma" is a name, not a tumour
        for suffix, label in k.suffixes:
            if word.endswith(suffix) and len(word) > len(suffix) + 2:
                return label
        return None

    @staticmethod
    def _coordinated(
        found: Sequence[tuple[int, int, str, float, str]], start: int, label: str, lows: Sequence[str]
    ) -> bool:
        """The second of two terms of a label joined by "and"/"or" shares the first one's evidence
        ("taking levothyroxine and [ibuprofen]")."""
        return bool(
            found
            and found[-1][2] == label
            and found[-1][1] == start - 1
            and lows[start - 1] in ("and", "or", ",", "plus")
        )

    def _negative_nearby(self, lows: Sequence[str], start: int, end: int, rules: _LabelRules) -> bool:
        """A negative phrase of the label covering the whole term ("the economy is in a
        [depression]"); a longer term outranks a shorter phrase ("the [green party]" is no "the
        green"). Phrases start at most ``window`` words before the term. Numbers said before the term
        (and the "and" or comma between two of them) do not part a phrase: "rooms 12 14 and 16 are
        [booked]" says what "rooms are booked" says."""
        for position in range(max(0, start - self.window), start + 1):
            if any(position + length >= end for length in rules.negative.lengths_at(lows, position)):
                return True
        numbers = self._knowledge.number_words

        def number(word: str) -> bool:
            return word[:1].isdigit() or word in numbers

        before = lows[max(0, start - 3 * self.window) : start]
        words = [
            word
            for i, word in enumerate(before)
            if not number(word)
            and not (word in ("and", ",") and 0 < i < len(before) - 1 and number(before[i + 1]))
        ]
        if len(words) == len(before):
            return False
        reduced = [*words[-self.window :], *lows[start:end]]
        return self._negative_nearby(reduced, len(reduced) - (end - start), len(reduced), rules)

    def _cued(self, lows: Sequence[str], start: int, end: int, rules: _LabelRules, phrase: Phrase) -> bool:
        gap = self._knowledge.gap
        # before: a cue ends right before the term or before up to max_gap filler words
        stop = start
        alone = not rules.alone_before or end == len(lows) or lows[end] in rules.nominal_after
        # "our spiritual has gone": a describing word after a possessive is no term without
        # the noun it describes (a misheard "religion")
        alone = alone and not (
            phrase in rules.describing and start > 0 and lows[start - 1] in rules.possessives
        )
        for _ in range(self.max_gap + 1 if alone else 0):
            if rules.before.ending(lows, stop):
                return True
            if stop == 0 or lows[stop - 1] not in gap:
                break
            stop -= 1
        if rules.after.at(lows, end):
            return True
        return (
            start > 0
            and lows[start - 1] in rules.nominal_before
            and (end == len(lows) or lows[end] in rules.nominal_after)
        )

    # -- minors -------------------------------------------------------------------------------------
    def _minors(self, lows: Sequence[str]) -> list[tuple[int, int, str, float, str]]:
        k = self._knowledge
        child = any(word.removesuffix("'s") in k.child_words for word in lows)
        out: list[tuple[int, int, str, float, str]] = []
        for i, word in enumerate(lows):
            if word in k.grade_ordinals and i + 1 < len(lows) and lows[i + 1] in k.grade_words:
                if child or self._self_before(lows, i):
                    out.append((i, i + 2, "MINOR", self.minor_score, GRADE_EXPLANATION))
                continue
            for phrase in k.school_stages.get(word, ()):
                if tuple(lows[i : i + len(phrase)]) == phrase and (child or self._self_before(lows, i)):
                    out.append((i, i + len(phrase), "MINOR", self.minor_score, GRADE_EXPLANATION))
                    break
            if word in k.minor_ages or (_DIGITS.match(word) and 0 < int(word) < 18):
                age = self._age(lows, i, child)
                if age is not None:
                    out.append(age)
        return out

    def _self_before(self, lows: Sequence[str], i: int) -> bool:
        """The speaker's own grade or school: "i'm in [eighth grade]", "i'm a [high school] junior"."""
        before = lows[max(0, i - 3) : i]
        if any(word in self._knowledge.past_school_words for word in before):
            return False  # "i graduated from high school in ...": the speaker's past
        return any(word in ("i'm", "im", "i", "am") for word in before)

    def _age(self, lows: Sequence[str], i: int, child: bool) -> tuple[int, int, str, float, str] | None:
        k = self._knowledge
        nxt = lows[i + 1] if i + 1 < len(lows) else ""
        if nxt in k.not_age_after or (nxt == "-" and i + 2 < len(lows) and lows[i + 2] in k.not_age_after):
            return None
        end = i + 1
        position = i + 1
        if position < len(lows) and lows[position] == "-":
            position += 1
        aged = False
        if position < len(lows) and lows[position] in k.age_words:
            position += 1
            if position < len(lows) and lows[position] == "-":
                position += 1
            if position < len(lows) and lows[position] == "old":
                end = position + 1
                aged = True
            elif lows[position - 1] in ("month", "months"):
                return None  # "six months" of something, an infant's age is said with "old"
            else:
                return None  # "ten years" of something
        if aged and said_of_a_thing(lows, i, i + 1 + (lows[i + 1] == "-"), self.locale):
            return None  # "the carpet is [ten] years old", "a [ten] year old car"
        if not aged and said_of_a_measure(lows, i, self.locale):
            return None  # "my son's shoe size is [four]"
        self_cue = any(tuple(lows[i - length : i]) in k.self_age_cues for length in (1, 2) if i - length >= 0)
        near_child = any(word.removesuffix("'s") in k.child_words for word in lows[max(0, i - 4) : i])
        if aged and (
            child or self_cue or (i > 0 and lows[i - 1] in ("a", "my", "our", "her", "his", "their"))
        ):
            return (i, end, "MINOR", self.minor_score, _CHILD_AGE)
        if not aged and (near_child or (child and lows[i - 1] in k.child_age_cues)) and self_cue:
            return (i, end, "MINOR", self.minor_score, _CHILD_AGE)
        clause_ends = nxt == "" or nxt in k.age_ends
        if not aged and self_cue and i >= 1 and lows[i - 1] in ("i'm", "im", "am") and clause_ends:
            return (i, end, "MINOR", self.minor_score, _SELF_AGE)
        if not aged and self_cue and _third_person(lows, i) and clause_ends:
            return (i, end, "MINOR", self.minor_score, _CHILD_AGE)  # "she is [eleven] and ..."
        return None

    # -- entities -----------------------------------------------------------------------------------
    def _entities(
        self, tokens: Sequence[Token], lows: Sequence[str], found: list[tuple[int, int, str, float, str]]
    ) -> list[Entity]:
        if not found:
            return []
        found.sort(key=lambda item: (item[0], -item[1]))
        joined: list[tuple[int, int, str, float, str]] = []
        joiners = self._knowledge.joiners
        for item in found:
            if joined:
                last = joined[-1]
                between = lows[last[1] : item[0]]
                if last[2] == item[2] and (
                    item[0] < last[1] or (len(between) <= 1 and all(w in joiners for w in between))
                ):
                    joined[-1] = (last[0], max(last[1], item[1]), last[2], max(last[3], item[3]), last[4])
                    continue
            joined.append(item)
        return [
            child_age(tokens[start].start, tokens[end - 1].end, score, self.name, why)
            if label == "MINOR" and why in _AGE_RULES
            else Entity(tokens[start].start, tokens[end - 1].end, label, score, self.name, why)
            for start, end, label, score, why in joined
        ]
