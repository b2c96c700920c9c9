"""Organisations as callers and speakers name them: by a company word or by what introduces them.

spaCy's NER finds organisations in formatted text; on lowercase speech ("i work at northwind
logistics") it has no capitals to go on. Two general mechanisms work on both:

- a **designator** ends the name: a legal form ("inc", "llc", "gmbh") or a kind of organisation
  ("bank", "university", "logistics", "consulting"). The name grows to the left over up to four
  content words ("smith jones and brown llc"). A legal form makes any such words a name; a kind of
  organisation needs a word that looks like a name (not a frequent dictionary word: "the blood bank",
  "high school" stay untouched) or a cue before it ("i work at state farm insurance");
- a **cue** introduces one: "i work at", "calling from", "on behalf of", "my bank is", "insured with",
  "the X office", "X is from". The next one to four words count when one looks like a name: not
  frequent words ("i work at home", "calling from my car"), not a place ("she is from boston" is a
  LOCATION), not a person's given name ("i work for maria").

Business talk names companies and products without a designator: after a cue of deals, results or
roles ("our partnership with", "revenue at", "the chief executive officer of", "customers like X and
Y") a name needs a word that looks like a name (not an everyday word, even a listed one: "our
partnership with customers"), and after its first word it goes on only over such words and firm words
("capital markets"); a name-like owner of business talk ("zentrofy's platform") is a company; the firm
of a caller whose question is read out ("dana okafor from stellwick asks") too, and where someone's job
is when the job is said with any words ("i'm a dental hygienist over at quorlex").

In formatted text a capitalised sequence after a cue counts as well. Scores grade the evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, NamedTuple

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    common_words,
    company_names,
    family_names,
    given_names,
    is_everyday_word,
    place_names,
    zipf_frequency,
)
from ..lang import get_lexicon, load_locale
from ..lang.case import is_lowercase_speech
from ..lang.phrases import PhraseTable, grow_left
from ..lang.tables import load_tables
from ..lang.tokens import Token, words_of
from ..lang.words import inflection_stems, zipf_cutoffs
from .base import Detector, detectors

__all__ = [
    "LEGAL_FORMS",
    "ORGANIZATION_KINDS",
    "CallerWords",
    "OrganizationDetector",
    "OrganizationWords",
    "is_activity",
]


@dataclass(frozen=True)
class OrganizationWords:
    """The word tables of the organisation detector: ``redactkit/lang/<locale>/organizations.yaml``
    (each field is documented there)."""

    legal_forms: frozenset[str]
    short_legal_forms: frozenset[str]
    abbreviated_legal_forms: frozenset[str]
    kinds: frozenset[str]
    weak_kinds: frozenset[str]
    and_kinds: frozenset[str]
    cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.before"})
    strong_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.strong"})
    person_or_place_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.person_or_place"})
    business_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.business"})
    list_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.lists"})
    cue_verbs: frozenset[str]
    stock_words: frozenset[str]
    stock_after: frozenset[str]
    share_classes: frozenset[str]
    not_before_stock: frozenset[str]
    office_words: frozenset[str]
    office_determiners: frozenset[str]
    service_words: frozenset[str]
    service_after: frozenset[str]
    connectors: frozenset[str]
    function_words: frozenset[str]
    weekdays: frozenset[str]
    name_words: frozenset[str]
    trade_words: frozenset[str]
    name_enders: frozenset[str]
    list_joiners: frozenset[str]
    caller_asks: PhraseTable[tuple[str, ...]]
    caller_openers: frozenset[str]
    role_openers: PhraseTable[tuple[str, ...]]
    role_subjects: frozenset[str]
    role_copulas: PhraseTable[tuple[str, ...]]
    role_words: int
    job_determiners: frozenset[str]
    not_jobs: frozenset[str]
    role_particles: frozenset[str]
    role_prepositions: frozenset[str]
    possessed: frozenset[str]
    activities: frozenset[str]
    activity_endings: tuple[str, ...]
    articles: frozenset[str]
    generic: frozenset[str]
    saint_words: frozenset[str]
    titles: frozenset[str]
    team_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "cues.teams"})
    not_after_listed: frozenset[str] = field(metadata={"key": "listed.not_after"})
    not_before_listed: frozenset[str] = field(metadata={"key": "listed.not_before"})
    products: frozenset[str] = field(metadata={"key": "listed.products"})
    services: frozenset[str] = field(metadata={"key": "listed.services"})
    service_verbs: frozenset[str] = field(metadata={"key": "listed.service_verbs"})
    markets: frozenset[str] = field(metadata={"key": "listed.markets"})
    units: frozenset[str] = field(metadata={"key": "listed.units"})
    unit_counts: frozenset[str] = field(metadata={"key": "listed.unit_counts"})
    split_before: frozenset[str]
    after_cue_skips: PhraseTable[tuple[str, ...]]
    self_introductions: PhraseTable[tuple[str, ...]]
    self_affiliations: frozenset[str]
    owner_trades: PhraseTable[tuple[str, ...]]
    owner_tails: PhraseTable[tuple[str, ...]]
    period_ordinals: frozenset[str]
    period_nouns: frozenset[str]
    period_after: frozenset[str]
    agency_heads: frozenset[str]
    place_school_words: frozenset[str]
    of_place_kinds: frozenset[str]
    agency_joiners: frozenset[str]
    customer_words: frozenset[str]
    customer_copulas: PhraseTable[tuple[str, ...]]


@dataclass(frozen=True)
class _KnownNames:
    """Well-known organisations whose names are everyday words, given names or several words, and the
    words a speaker calls someone by after a name, shared with the contextual detector:
    ``organizations.known_names`` and ``organizations.vocatives`` of ``context.yaml``."""

    known_names: PhraseTable[tuple[str, ...]] = field(metadata={"key": "organizations.known_names"})
    #: whom a speaker talks to, said last after a name ("i got a job at walmart buddy")
    vocatives: frozenset[str] = field(metadata={"key": "organizations.vocatives"})


@dataclass(frozen=True)
class CallerWords:
    """How a moderator introduces a caller and the organisation they speak for, shared with the name
    detector: ``person_cues.introductions`` and ``person_cues.affiliations`` of ``names.yaml``."""

    introductions: frozenset[tuple[str, ...]] = field(metadata={"key": "person_cues.introductions"})
    affiliations: frozenset[str] = field(metadata={"key": "person_cues.affiliations"})


def _longest_readings(found: list[Entity]) -> list[Entity]:
    """The organisations found without those that another one holds whole and is at least as sure of
    ("oakwood" after a job inside "oakwood middle school" ending in a kind): a shorter reading of the
    same name would split it where another detector reads a part of it (a school stage)."""
    if len(found) < 2:
        return found
    return [
        entity
        for entity in found
        if not any(
            other is not entity
            and other.start <= entity.start
            and entity.end <= other.end
            and other.length > entity.length
            and other.score >= entity.score
            for other in found
        )
    ]


class _Scan(NamedTuple):
    """The text one pass of the rules reads."""

    text: str
    tokens: Sequence[Token]
    #: formatted text (capitals mean something), not lowercase speech
    formatted: bool


#: a rule tried at a token: the organisation it finds there, if any
_Rule = Callable[[_Scan, int], Entity | None]


@dataclass(frozen=True)
class _RuleChain:
    """The detector's rules as one table: for each trigger word the rules it starts, in the chain's
    order, so a token runs only the rules its word can start (one dictionary look-up; most words
    start none)."""

    by_word: Mapping[str, tuple[_Rule, ...]]

    @classmethod
    def of(cls, rules: Sequence[tuple[frozenset[str], _Rule]]) -> _RuleChain:
        words = frozenset().union(*(triggers for triggers, _ in rules))
        return cls({word: tuple(rule for triggers, rule in rules if word in triggers) for word in words})


#: Legal forms of en-US: whatever content words stand before them name a company ("blue sky ltd").
LEGAL_FORMS = load_tables("en-US", "organizations", OrganizationWords).legal_forms
#: Kinds of organisation of en-US that end a name ("northwind logistics", "riverside hospital").
ORGANIZATION_KINDS = load_tables("en-US", "organizations", OrganizationWords).kinds


@detectors.register("organizations")
class OrganizationDetector(Detector):
    """ORGANIZATION names by designator words and cues, in lowercase or cased text (see module docs)."""

    emits = ("ORGANIZATION",)

    def __init__(
        self,
        locale: str = "en-US",
        legal_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.9,
        kind_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.75,
        cue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6,
        max_words: Annotated[int, Field(ge=1, le=8)] = 4,
        firm_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.9,
        business_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.9,
    ) -> None:
        #: word tables of the normalizers (stopwords, number words, months)
        self.locale = locale
        #: score of a name ending in a legal form ("acme corp", "smith jones and brown llc")
        self.legal_score = legal_score
        #: score of a name ending in a kind of organisation ("northwind logistics")
        self.kind_score = kind_score
        #: score of a name-like word or words after a cue ("i work at zentrix")
        self.cue_score = cue_score
        #: most content words in front of a designator, or after a cue, joined into one name
        self.max_words = max_words
        #: score of names joined by "and" or "&" after a cue or a job ("a bookkeeper for lindgren &
        #: kessler"): one firm, above the family names the names detector reads in it
        self.firm_score = firm_score
        #: score of a name that looks like one after a cue of business talk or a list of customers ("the
        #: deal with olvarin", "customers like brevane"), none of its words a given name and not all of them
        #: family names: a company, above the person a recognizer reads in two unknown words
        self.business_score = business_score
        lexicon = get_lexicon(locale)
        self._w = words = load_tables(locale, "organizations", OrganizationWords)
        self._zipf = zipf_cutoffs(locale)
        self._blocked = lexicon.non_name_words | words.function_words | words.weekdays
        self._cues = PhraseTable.of(
            words.cues | words.strong_cues | words.business_cues | words.list_cues | words.team_cues
        )
        #: cues that introduce only a team's name after an article ("my son is on the riverside rockets")
        self._team_only = words.team_cues - words.cues - words.business_cues
        #: words that go on with a name after a business cue: kinds, legal forms and frequent firm words
        self._firm_words = words.kinds | words.legal_forms | words.name_words | words.trade_words
        self._cue_words = words.cue_verbs | words.office_words
        self._callers = callers = load_tables(locale, "names", CallerWords)
        self._listed = PhraseTable.of(company_names())
        known = load_tables(locale, "context", _KnownNames)
        self._known = known.known_names
        self._vocatives = known.vocatives
        listed_names = company_names() | frozenset(" ".join(name) for name in self._known.phrases)
        #: one-word names a recognizer may split in two ("wal mart"); of two everyday words only a
        #: well-known name ("safe way"; not "out front", "health care")
        self._one_word_names = frozenset(name for name in listed_names if " " not in name)
        self._known_one_word = frozenset(name[0] for name in self._known.phrases if len(name) == 1)
        #: names of several words a recognizer may run together ("homedepot"), by their joined form
        self._run_together = frozenset(
            joined
            for joined in (name.replace(" ", "") for name in listed_names if " " in name)
            if len(joined) >= 6 and not is_everyday_word(joined)
        )
        self._number_words = frozenset(lexicon.digits) | frozenset(lexicon.teens) | frozenset(lexicon.tens)
        self._introductions = PhraseTable.of(callers.introductions)
        #: nouns that name a person (the locale's generated ``person_nouns`` list): "the little kids"
        self._person_nouns = frozenset(load_locale(locale).resources.get("person_nouns", {}).get("words", ()))
        self._rules = self._rule_chain()

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [self._detect_one(aligned) for aligned in texts]

    # -- one text -----------------------------------------------------------------------------------
    def _detect_one(self, aligned: AlignedText) -> list[Entity]:
        tokens = aligned.tokens
        if not tokens:
            return []
        scan = _Scan(aligned.text, tokens, formatted=not is_lowercase_speech(aligned.original))
        found: list[Entity] = self._listed_companies(tokens)
        found.extend(self._split_or_run_together(tokens))
        rules_for = self._rules.by_word
        for i, token in enumerate(tokens):
            for rule in rules_for.get(token.lower.rstrip("."), ()):
                entity = rule(scan, i)
                if entity is not None:
                    found.append(entity)
            if token.lower.endswith("'s"):
                owned = self._owner_business(scan, i)
                if owned is not None:
                    found.append(owned)
        return _longest_readings(found)

    def _rule_chain(self) -> _RuleChain:
        """The rules tried at each token, in order, each with the words that trigger it (a token's
        word without a trailing period); a cue rule, with the last words of its cues."""
        ow = self._w
        cue_ends = frozenset(end for cue in self._cues.phrases for end in (cue[-1], cue[-1].rstrip(".")))
        return _RuleChain.of(
            (
                (ow.legal_forms | ow.kinds, self._designated),
                (cue_ends, self._after_cue),
                (ow.stock_words, self._before_stock),
                (ow.service_words, self._before_service),
                (self._callers.affiliations, self._caller_affiliation),
                (ow.office_words, self._before_office),
                (ow.possessed, self._possessor),
                (ow.role_prepositions, self._after_role),
                (ow.self_affiliations, self._self_introduced),
                (ow.period_nouns, self._before_period),
                (ow.agency_heads, self._agency),
                (ow.of_place_kinds, self._kind_of_place),
                (ow.customer_words, self._customer_of),
            )
        )

    def _designated(self, scan: _Scan, i: int) -> Entity | None:
        """A name ending in a designator at ``i``: grow to the left over content words."""
        ow = self._w
        tokens = scan.tokens
        word = tokens[i].lower.rstrip(".")
        first = self._name_before(tokens, i, designator=word)
        # leading everyday words belong to the sentence, not the name ("the city x logistics")
        while (
            first < i
            and not self._name_like(tokens[first].lower)
            and (
                tokens[first].lower in common_words()
                or zipf_frequency(tokens[first].lower) >= self._zipf.everyday_word_min
            )
            and any(self._name_like(t.lower) for t in tokens[first + 1 : i])
        ):
            first += 1
        while first < i and tokens[first].lower in ow.connectors:
            first += 1
        if first == i:
            return None
        name = [t.lower for t in tokens[first:i] if t.lower not in ow.connectors]
        cue = self._cue_before(tokens, first)
        if word in ow.legal_forms:
            if word in ow.short_legal_forms and not (cue or any(self._name_like(w) for w in name)):
                return None  # "co" and "ag" are also words and abbreviations of their own
            end = tokens[i].end
            if (
                word in ow.abbreviated_legal_forms
                and i + 1 < len(tokens)
                and tokens[i + 1].lower == "."
                and tokens[i + 1].start == end
            ):
                end += 1  # "Acme Inc."
            return self._organization(
                tokens[first].start, end, "name ending in a legal form", self.legal_score
            )
        if word in ow.weak_kinds and not cue:
            return None
        saint = len(name) > 1 and name[0] in ow.saint_words  # "saint brendan's cathedral"
        if not (saint or any(self._name_like(w) for w in name)) and (
            not cue or all(w in ow.generic for w in name)
        ):
            return None  # "the blood bank"; after a cue "the community college", "the public library"
        why = "name ending in a kind of organisation" + (" after a cue" if cue else "")
        return self._organization(tokens[first].start, tokens[i].end, why, self.kind_score)

    def _after_cue(self, scan: _Scan, i: int) -> Entity | None:
        """One to ``max_words`` name-like words right after a cue ending at token ``i``."""
        ow = self._w
        _, tokens, formatted = scan
        cue = self._cue_at(tokens, i)
        if cue is None:
            return None
        start = self._past_hesitation(tokens, i + 1, cue[-1])
        if start >= len(tokens):
            return None
        strict = cue in ow.business_cues or cue in ow.list_cues
        school = self._place_school(tokens, start)
        if school:
            # "i went to district of columbia state": a place and "state" name a university
            return self._organization(
                tokens[start].start, tokens[school - 1].end, "a place's state university"
            )
        first = start
        start = self._after_article(tokens, start, cue)
        stop = self._name_end(tokens, start, strict, cue == ("address", "of"))
        if stop == start:
            return None
        if cue in ow.list_cues:
            # "customers like korvantis and quillan": the names of the list, joined by "and", "or", ","
            while (
                stop + 1 < len(tokens)
                and tokens[stop].lower in ow.list_joiners
                and self._looks_named(tokens[stop + 1].lower)
            ):
                stop = self._name_end(tokens, stop + 1, strict=True)
        named = self._name_words(scan, start, stop)
        if named is None:
            return None
        stop, words = named
        # "i own green thumb landscaping": everyday words before a firm word
        firm_tail = (
            len(words) > 1
            and words[-1] in ow.trade_words
            and words[0] not in self._firm_words
            and words[0] not in ow.generic
        )
        if (
            not formatted
            and cue not in ow.strong_cues
            and not (cue == ("address", "of") and stop < len(tokens) and tokens[stop].lower == "is")
            and not (firm_tail and not strict)
            and not any(self._name_like(w) or self._brand_like(w) for w in words)
            and not (start > first and cue in ow.team_cues and self._plural_name(words))
        ):
            return None  # "the address of X is": the name is whatever stands between
        if strict and not any(self._looks_named(w) for w in words):
            return None  # "our partnership with customers", "revenue at the company"
        if cue in ow.strong_cues and words[0] in ow.share_classes:
            return None
        if all(is_activity(w, ow) for w in words):
            return None  # "my son goes to taekwondo": an activity, not a school
        if start > first and not (
            any(self._looks_named(w) for w in words) or (cue in ow.team_cues and self._plural_name(words))
        ):
            return None  # after an article a listed everyday word is a noun ("insurance with the carrier")
        if cue in self._team_only and not (start > first and self._plural_name(words)):
            return None  # "my son is on the riverside rockets", not "my son is on vacation"
        if self._person_said(words, strict):
            return None  # "i work for doctor vennick", "i'm still at tavik's": a person or their home
        phrase = " ".join(words)
        if phrase in place_names():
            return None  # "she is from boston": a place
        if cue in ow.person_or_place_cues or len(words) <= 2:
            given = given_names()
            if words[0] in given and (cue in ow.person_or_place_cues or not self._name_like_org(words)):
                return None  # "i work for maria", "the address of john smith": a person
        score = self._firm_of_names(tokens[start:stop])
        bases = [w.removesuffix("'s") for w in words]
        if (
            strict
            and score is None
            and not any(w in given_names() for w in bases)
            and not all(w in family_names() for w in bases)
        ):
            score = (
                self.business_score
            )  # "the deal with olvarin quenby": a company ("with kessler": may be a person)
        return self._organization(
            tokens[start].start, tokens[stop - 1].end, f"name after '{' '.join(cue)}'", score
        )

    def _firm_of_names(self, tokens: Sequence[Token]) -> float | None:
        """``firm_score`` for names joined by a connector after a cue or a job, one of them no given
        name ("lindgren & kessler", "procter and gamble": a firm, not two persons; "john and mary" may
        be persons), else None (the cue's score)."""
        ow = self._w
        words = [token.lower for token in tokens]
        inner = [k for k in range(1, len(words) - 1) if words[k] in ow.connectors]
        if not inner:
            return None
        names = [word for word in words if word not in ow.connectors]
        given = given_names()
        return self.firm_score if any(word.removesuffix("'s") not in given for word in names) else None

    def _name_end(self, tokens: Sequence[Token], start: int, strict: bool, any_words: bool = False) -> int:
        """The end of the name that starts at token ``start`` after a cue: up to ``max_words`` content
        words ("and" where it joins family names). A frequent word ends it after its first word ("a tweet
        to zorvex tell them"), unless ``any_words``; after a business cue (``strict``) any word that does
        not look like a name, a kind or a firm word does ("revenue at korvantis grew")."""
        ow = self._w
        stop = start
        while stop < len(tokens) and stop - start < self.max_words:
            word = tokens[stop].lower
            if word in ow.connectors and start < stop < len(tokens) - 1 and self._joined(tokens, stop + 1):
                stop += 1
                continue
            if word == "and" and start < stop < len(tokens) - 1 and tokens[stop + 1].lower in ow.and_kinds:
                stop += 2  # "brennick electric and sons"
                break
            if not self._content(word):
                break
            if stop > start and not any_words and self._ends_name(word):
                break  # "a tweet to zorvex tell them": a verb ends the name
            if stop > start and word in self._vocatives and stop + 1 == len(tokens):
                break  # "i got a job at walmart | buddy": whom the speaker talks to
            if (
                stop > start
                and tokens[stop - 1].lower in ow.kinds
                and tokens[stop - 1].lower not in ow.weak_kinds
                and word not in self._firm_words
                and stop + 1 < len(tokens)
            ):
                # "graduated from kessler university | back in oh eight": a kind ends the name (a last
                # word may be a legal form misheard: "alphanet logistics inch")
                break
            if (
                stop > start
                and strict
                and tokens[stop - 1].lower not in ow.connectors  # "hendricks and cole": joined names
                and not (self._looks_named(word) or word in self._firm_words)
            ):
                break
            stop += 1
        return stop

    def _after_role(self, scan: _Scan, i: int) -> Entity | None:
        """ "i'm a dental hygienist over at quorlex": after a job said with any words (``role_openers``,
        then up to ``role_words`` content words, maybe a particle), the preposition at ``i`` introduces
        where they work: the name after it, when one of its words looks like a name."""
        ow = self._w
        _, tokens, formatted = scan
        if not self._job_before(tokens, i):
            return None
        taken = self._name_taken(scan, self._past_hesitation(tokens, i + 1, tokens[i].lower))
        if taken is None:
            return None
        start, stop, words = taken
        if not formatted and not any(self._name_like(w) or self._brand_like(w) for w in words):
            return None
        if " ".join(words) in place_names() or (words[0] in given_names() and not self._name_like_org(words)):
            return None  # "a nurse in boston", "a nanny for maria"
        if all(is_activity(w, ow) for w in words):
            return None  # "she works as a coach for pickleball": an activity
        if self._person_said(words, False):
            return None  # "a nanny for doctor harrowby"
        return self._organization(
            tokens[start].start,
            tokens[stop - 1].end,
            "where someone's job is",
            self._firm_of_names(tokens[start:stop]),
        )

    def _name_taken(self, scan: _Scan, first: int) -> tuple[int, int, list[str]] | None:
        """The name a job or a speaker's introduction puts at token ``first`` ("over at | the quorlex
        clinic", "this is dana with | precision roofing"): its start past an article, its end and its
        words (``_name_end`` without a business cue's strictness, then ``_name_words``); None when no
        name stands there or formatted text does not capitalise it."""
        start = self._after_article(scan.tokens, first)
        stop = self._name_end(scan.tokens, start, strict=False)
        if stop == start:
            return None
        named = self._name_words(scan, start, stop)
        if named is None:
            return None
        return start, named[0], named[1]

    def _past_hesitation(self, tokens: Sequence[Token], start: int, last: str) -> int:
        """The first token of what a cue introduces at ``start``, past a hesitation: the cue's last word
        said again ("i work at at quorlex", "for uh for": fillers are gone already) and one of
        ``after_cue_skips`` ("my employer is it's tanager freight", "i work for you know harlan")."""
        words = words_of(tokens)
        while start < len(tokens):
            if words[start] == last:
                start += 1
                continue
            length = self._w.after_cue_skips.at(words, start)
            if not length:
                break
            start += length
        return start

    def _job_before(self, tokens: Sequence[Token], i: int) -> bool:
        """A job said with any words ends before the preposition at ``i`` ("i'm a dental hygienist over
        | at", "my cousin is a paralegal | with", "the receptionist | at")."""
        ow = self._w
        k = i - 1
        if k >= 0 and tokens[k].lower in ow.role_particles:
            k -= 1
        first = k + 1
        while first > 0 and k + 1 - first < ow.role_words and self._content(tokens[first - 1].lower):
            first -= 1
            if self._role_opener(tokens, first):
                break
        if first <= k and self._role_opener(tokens, first):
            # "i'm in sales at quorlex"; but "i'm in quarantine with omicron", "in love with": a state
            return not (tokens[first - 1].lower == "in" and tokens[i].lower == "with")
        # "a supplier of garden tools", "the queen of hearts": a job noun alone says where
        # someone works only before "at", "for" or "with"
        return tokens[i].lower != "of" and self._job_noun(tokens, k)

    def _self_introduced(self, scan: _Scan, i: int) -> Entity | None:
        """ "this is dana with precision roofing", "hi this is tavik ornsby from quorlex please call": after
        a speaker's introduction of themselves (``self_introductions``) and their name, the affiliation
        word at ``i`` introduces their firm, when one of its words looks like a name or its last is a
        kind, legal form or firm word."""
        ow = self._w
        tokens = scan.tokens
        name_start = self._name_after(ow.self_introductions, tokens, i)
        if name_start is None:
            return None
        person = [t.lower for t in tokens[name_start:i]]
        if not all(
            self._name_like(w)
            or (w in given_names() and zipf_frequency(w) < self._zipf.weak_cue_name_max)
            or (w in family_names() and zipf_frequency(w) < self._zipf.everyday_word_min)
            for w in person
        ):
            return None  # "this is a call from", "i'm done with", "it's kind of"
        taken = self._name_taken(scan, i + 1)
        if taken is None:
            return None
        start, stop, words = taken
        last = words[-1]
        if not (
            any(self._looks_named(w) for w in words)
            or " ".join(words) in company_names()  # "this is gatimu from oracle"
            or (len(words) > 1 and (last in ow.kinds or last in ow.legal_forms or last in self._firm_words))
        ):
            return None  # "this is mike from accounting": a department
        if " ".join(words) in place_names() or self._person_said(words, False):
            return None  # "this is dana from boston": a place
        if words[0] in given_names() and not self._name_like_org(words):
            return None  # "this is dana with maria"
        if all(is_activity(w, ow) for w in words):
            return None
        return self._organization(
            tokens[start].start, tokens[stop - 1].end, "firm of a speaker who introduced themselves"
        )

    def _owner_business(self, scan: _Scan, i: int) -> Entity | None:
        """ "pete's tacos", "miller's hardware", "kelly's cleaning service": a business named after its
        owner after a cue or a job ("i work at rosa's kitchen"): the possessive at ``i`` (a listed given or
        family name or a name-like word) and up to two words, one of them a trade (``owner_trades``)."""
        ow = self._w
        text, tokens, formatted = scan
        owner = tokens[i].lower
        base = owner[:-2]
        if not base.isalpha() or len(base) < 2 or base in self._blocked or base in self._person_nouns:
            return None  # "mom's", "everyone's", "it's"
        listed = base in given_names() or base in family_names()
        if not (self._name_like(base) or (listed and zipf_frequency(base) < self._zipf.function_word_min)):
            return None  # "the company's success": a frequent word, no owner's name
        if formatted and not _capitalised(text, tokens[i]):
            return None
        if not self._cue_before(tokens, i):
            return None  # "the service at tilda's grill", "i'm in rosa's kitchen"
        words = words_of(tokens)
        end = 0
        k = i + 1
        while k < len(tokens) and k - i <= 2:
            length = ow.owner_trades.at(words, k)
            if length:
                end = k + length
                break
            if not self._content(words[k]) or words[k] in place_names():
                return None
            k += 1
        if not end:
            return None
        while end < len(tokens):
            length = ow.owner_tails.at(words, end) or ow.owner_trades.at(words, end)
            if not length and words[end] in self._firm_words:
                length = 1
            if not length:
                break
            end += length
        return self._organization(tokens[i].start, tokens[end - 1].end, "a business named after its owner")

    def _before_period(self, scan: _Scan, i: int) -> Entity | None:
        """ "welcome to the velcora capital second quarter results call": after "the", name-like or
        firm words before an ordinal (``period_ordinals``), the period noun at ``i`` and one of
        ``period_after`` name the company."""
        ow = self._w
        text, tokens, formatted = scan
        if not (
            i >= 3
            and i + 1 < len(tokens)
            and tokens[i - 1].lower in ow.period_ordinals
            and tokens[i + 1].lower in ow.period_after
        ):
            return None
        end = i - 1
        first = end
        while (
            first > 0
            and end - first < self.max_words
            and self._content(tokens[first - 1].lower)
            and (self._name_like(tokens[first - 1].lower) or tokens[first - 1].lower in self._firm_words)
        ):
            first -= 1
        if first == end or tokens[first - 1].lower != "the":
            return None
        lead = tokens[first].lower
        if not self._name_like(lead) or lead in given_names() or lead in place_names():
            return None
        if formatted and not _capitalised(text, tokens[first]):
            return None
        return self._organization(
            tokens[first].start, tokens[end - 1].end, "a company's name before its reporting period"
        )

    def _agency(self, scan: _Scan, i: int) -> Entity | None:
        """ "the department of veterans affairs", "the bureau of land management": after "the", the head
        word at ``i`` (``agency_heads``), "of" or "for" and one to three content words."""
        ow = self._w
        text, tokens, formatted = scan
        if not (i >= 1 and tokens[i - 1].lower == "the" and i + 2 < len(tokens)):
            return None
        if tokens[i + 1].lower not in ow.agency_joiners:
            return None
        start = stop = i + 2
        most = 2  # "of veterans affairs"; "and" lets two more words join ("of health and human services")
        while stop < len(tokens) and stop - start < most:
            word = tokens[stop].lower
            if (
                word == "and"
                and stop > start
                and stop + 1 < len(tokens)
                and self._content(tokens[stop + 1].lower)
            ):
                stop += 1
                most = 5
                continue
            if not self._content(word) or (stop > start and (word in ow.name_enders or _inflected(word))):
                break  # "the ministry of transport quietly announced": an adverb or a verb ends it
            stop += 1
        if stop == start:
            return None
        if formatted and not all(_capitalised(text, t) for t in tokens[i:stop] if t.lower != "and"):
            return None
        why = "a government body named by its remit"
        return self._organization(tokens[i].start, tokens[stop - 1].end, why)

    def _customer_of(self, scan: _Scan, i: int) -> Entity | None:
        """ "we're a microsoft shop", "i'm a chase customer", "they're a toyota dealer": a well-known
        organisation (``known_names``, or the shipped company list: several words, or one that is no
        everyday word) between one of ``customer_copulas`` ("we're a") and the word at ``i``
        (``customer_words``) whose customer, partner or dealer the speaker is ("a small shop", "a
        java shop" name none)."""
        text, tokens, formatted = scan
        for length in range(min(3, i - 1), 0, -1):
            first = i - length
            if not self._w.customer_copulas.length_ending_at(tokens, first):
                continue
            known = self._known.length_ending_at(tokens, i) == length
            # a listed company that is also an everyday word counts only as a known name ("a target shop")
            listed = self._listed.length_ending_at(tokens, i) == length and (
                length > 1 or not is_everyday_word(tokens[first].lower)
            )
            if not (known or listed):
                return None  # "a java shop": a language, "a small shop"
            if formatted and not _capitalised(text, tokens[first]):
                return None
            return self._organization(tokens[first].start, tokens[i - 1].end, "whose customer or dealer")
        return None

    def _place_length(self, words: Sequence[str], start: int) -> int:
        """Words of the longest place name at ``start`` ("district of columbia", "ohio"; 0: none)."""
        places = place_names()
        for length in range(min(4, len(words) - start), 0, -1):
            if " ".join(words[start : start + length]) in places:
                return length
        return 0

    def _place_school(self, tokens: Sequence[Token], start: int) -> int:
        """The end of a place's state university at ``start`` ("district of columbia state", "ohio state
        university"; 0: none): a place name, one of ``place_school_words`` and maybe a kind after it."""
        words = words_of(tokens)
        length = self._place_length(words, start)
        end = start + length
        if not length or end >= len(words) or words[end] not in self._w.place_school_words:
            return 0
        end += 1
        if end < len(words) and words[end] in self._w.kinds:
            end += 1  # "montclair state university"
        return end

    def _kind_of_place(self, scan: _Scan, i: int) -> Entity | None:
        """ "university of district of columbia", "bank of new england": a kind of ``of_place_kinds`` at
        ``i``, "of" and a place name of two or more words (one word: the ``ner`` and ``contextual``
        detectors already know "university of toledo")."""
        text, tokens, formatted = scan
        if i + 2 >= len(tokens) or tokens[i + 1].lower != "of":
            return None
        length = self._place_length(words_of(tokens), i + 2)
        if length < 2:
            return None
        if formatted and not _capitalised(text, tokens[i]):
            return None
        end = tokens[i + 1 + length].end
        return self._organization(tokens[i].start, end, "a kind of organisation of a place")

    def _job_noun(self, tokens: Sequence[Token], k: int) -> bool:
        """ "my old supervisor | at", "the receptionist | at", "a machinist | with": a singular noun that
        names a person (the locale's ``person_nouns``, not one of ``not_jobs``) at token ``k`` after one of
        ``job_determiners``: the preposition after it says where that person works."""
        ow = self._w
        if k < 1:
            return False
        word = tokens[k].lower
        # one person's job, not a group ("our employees for ...", "competitors for ...")
        return (
            word in self._person_nouns
            and not (word.endswith("s") and word[:-1] in self._person_nouns)
            and word not in ow.not_jobs
            and tokens[k - 1].lower in ow.job_determiners
        )

    def _role_opener(self, tokens: Sequence[Token], first: int) -> bool:
        """A job's opener ends before token ``first``: one of ``role_openers`` ("i'm a"), or one of
        ``role_copulas`` after one of ``role_subjects`` ("my cousin is a", "my roommate's a")."""
        ow = self._w
        if ow.role_openers.ending_at(tokens, first) is not None:
            return True
        if first < 2:
            return False
        subject = tokens[first - 2].lower
        if subject.endswith("'s") and any(tokens[first - 1].lower == c[-1] for c in ow.role_copulas.phrases):
            return subject[:-2] in ow.role_subjects  # "my roommate's a nurse at"
        copula = ow.role_copulas.ending_at(tokens, first)
        k = first - len(copula) - 1 if copula is not None else -1
        return k >= 0 and tokens[k].lower in ow.role_subjects

    def _after_article(self, tokens: Sequence[Token], start: int, cue: tuple[str, ...] | None = None) -> int:
        """ "i work for the riverside gazette", "he plays for the millbrook mudcats": the first token of a
        name said after a cue or a job with one of ``articles`` before it (the article is no part of the
        name, and a name after it must look like one as after the cue itself); ``start`` otherwise, and
        after a cue of business talk (``cues.business``: "partnerships with the top funds"), of
        ``cues.strong`` or of ``cues.lists``."""
        ow = self._w
        if (
            start + 1 < len(tokens)
            and tokens[start].lower in ow.articles
            and (cue is None or cue in ow.cues or cue in ow.team_cues)
        ):
            return start + 1
        return start

    def _person_said(self, words: Sequence[str], business: bool) -> bool:
        """A person, not an organisation: a name after a title ("doctor vennick"); after a cue of business
        talk (``business``) also a lone possessive of a word no company list has ("still at tavik's":
        someone's home)."""
        if words[0] in self._w.titles and len(words) > 1:
            return True
        word = words[0]
        return business and len(words) == 1 and word.endswith("'s") and word[:-2] not in company_names()

    def _plural_name(self, words: Sequence[str]) -> bool:
        """ "rusty nails", "east end rovers": two to four words after an article ending in a plural that
        names no person ("the little kids", "the night nurses") and starting with no generic word ("the
        public schools"): the name of a team, a band or a business."""
        ow = self._w
        last = words[-1]
        return (
            2 <= len(words) <= 4
            and words[0] not in ow.generic
            and last.endswith("s")
            and not last.endswith(("ss", "'s"))
            and last not in self._person_nouns
            and last[:-1] not in self._person_nouns
            and not any(is_activity(w, ow) for w in words)
        )

    def _name_words(self, scan: _Scan, start: int, stop: int) -> tuple[int, list[str]] | None:
        """The end and the words of the name at tokens ``start:stop`` without a connector at its end
        or between ("jones and brown"); None when formatted text does not capitalise every word."""
        ow = self._w
        text, tokens, formatted = scan
        if tokens[stop - 1].lower in ow.connectors:
            stop -= 1
        words = [t.lower for t in tokens[start:stop] if t.lower not in ow.connectors]
        if formatted:
            shown = [t for t in tokens[start:stop] if t.lower not in ow.connectors]
            if not all(_capitalised(text, t) for t in shown):
                return None
        return stop, words

    def _looks_named(self, word: str) -> bool:
        """A word that looks like a name or a brand ("korvantis", a listed company), not an everyday one
        (a listed company that is also an everyday word or its plural, "customers", "target", is not)."""
        if not self._content(word):
            return False
        if self._brand_like(word):
            return True
        base = word.removesuffix("'s")
        return self._name_like(word) and not is_everyday_word(base)

    def _possessor(self, scan: _Scan, i: int) -> Entity | None:
        """ "zentrofy's platform", "korvantis energy's results": the name-like owner of a noun of business
        talk (``possessed``) is a company; a given name or a place is not ("dana's team" is a person's)."""
        text, tokens, formatted = scan
        if i < 1:
            return None
        owner = tokens[i - 1]
        word = owner.lower
        base = word.removesuffix("'s")
        if base == word or not self._content(word) or base in given_names() or base in place_names():
            return None
        if not (self._name_like(base) or base in self._firm_words):
            return None
        first = i - 1
        while (
            first > 0
            and i - first < self.max_words
            and self._content(tokens[first - 1].lower)
            and (self._name_like(tokens[first - 1].lower) or tokens[first - 1].lower in self._firm_words)
        ):
            first -= 1
        while first < i - 1 and not self._name_like(tokens[first].lower):
            first += 1  # leading firm words belong to the sentence ("the energy korvantis's ...")
        lead = tokens[first].lower.removesuffix("'s")
        if not self._name_like(lead) or lead in given_names() or lead in place_names():
            return None
        if formatted and not _capitalised(text, tokens[first]):
            return None
        # the possessive's "'s" stays inside, as a person's does ("zentrofy's" is one span either way)
        return self._organization(tokens[first].start, owner.end, "a name-like owner of business talk")

    def _listed_companies(self, tokens: Sequence[Token]) -> list[Entity]:
        """Companies of the shipped list (``company_names``), said without a cue ("is my order at
        walmart ready", "let national grid know"). A name of two or more words counts unless it is
        also a place; a one-word name only when it is no dictionary word, no person's name, no place
        and not an everyday word, not after an article ("order an uber": a ride, not the firm) and not
        before a model number or a product noun ("the rtx forty ninety", "the zephyr aria sedan": a
        product). A market after "the" or before stock talk is no organisation ("nasdaq prices"),
        and a name that is also the service its company sells is the service after a verb that
        orders or sets it up ("book uber from home": a ride)."""
        ow = self._w
        words = words_of(tokens)
        found: list[Entity] = []
        i = 0
        while i < len(words):
            length = self._listed.match_length(words, i, max_words=6)
            if length == 0:
                i += 1
                continue
            phrase = " ".join(words[i : i + length])
            word, after = words[i], words[i + length] if i + length < len(words) else ""
            before = words[i - 1] if i > 0 else ""
            # "the zephyr sedan", "the zephyr aria sedan": the maker of a product
            product = after in ow.products or (
                i + length + 1 < len(words) and self._content(after) and words[i + length + 1] in ow.products
            )
            # "book uber", "spell uber": the service, not the firm; "at uber", "carrier fedex" stay
            service = length == 1 and word in ow.services and before in ow.service_verbs
            single_ok = (
                len(word) > 2
                and word not in common_words()
                and word not in given_names()
                and word not in family_names()
                and word not in self._blocked
                and zipf_frequency(word) < self._zipf.everyday_word_min
                and before not in ow.not_after_listed
                and after not in ow.not_before_listed
                # "the rtx forty ninety", "a galaxy s24": a name before a model number is a product's
                and not (after[:1].isdigit() or after in self._number_words)
                # "sixty hertz": a unit after a count
                and not (
                    word in ow.units
                    and (before[:1].isdigit() or before in self._number_words or before in ow.unit_counts)
                )
                and not product
                and not service
            )
            # "what is apple trading at", "apple stock": a listed name that is also a word, with stock talk
            # ("i'm over at goldleaf now doing activities": a word as frequent as a function word is not)
            stock_talk = (after in ow.stock_words or after in ow.stock_after) and (
                length > 1 or zipf_frequency(word) < self._zipf.function_word_min
            )
            # "the nasdaq", "nasdaq prices": the market; "an alliance with nasdaq": the company
            market = phrase in ow.markets and (before == "the" or stock_talk)
            if phrase not in place_names() and not market and (length > 1 or single_ok or stock_talk):
                end = tokens[i + length - 1].end
                if after == "." and tokens[i + length].start == end and len(words[i + length - 1]) <= 4:
                    end += 1  # an acronym's last period: "i. b. m." is read as "ibm."
                why = "a listed company's name"
                found.append(self._organization(tokens[i].start, end, why))
            i += length
        return found

    def _split_or_run_together(self, tokens: Sequence[Token]) -> list[Entity]:
        """Listed names as a recognizer writes them apart or together (``split_before`` in
        organizations.yaml): "wal mart", "mc donald's" (one part no everyday word: anywhere); "at safe
        way", "on face book last night" (two everyday words: a well-known name of ``known_names``,
        after a preposition of ``split_before``, no content word after them); "homedepot" (a listed
        name of several words run together). A joined form that is itself an everyday word or a given
        name ("out back", "any way") is none, and so are two given names ("jo ann")."""
        ow = self._w
        words = words_of(tokens)
        found: list[Entity] = []
        n = len(words)
        i = 0
        while i < n:
            word = words[i]
            if word in self._run_together:
                found.append(self._organization(tokens[i].start, tokens[i].end, "a listed name run together"))
                i += 1
                continue
            second = words[i + 1] if i + 1 < n else ""
            base = second.removesuffix("'s")
            if not (len(word) > 1 and len(base) > 1 and word.isalpha() and base.isalpha()):
                i += 1
                continue
            joined = word + base
            names = self._one_word_names
            if (
                (word + second not in names and joined not in names)
                or is_everyday_word(joined)
                or joined in given_names()
                or (word in given_names() and base in given_names())  # "jo ann": a person
            ):
                i += 1
                continue
            if is_everyday_word(word) and is_everyday_word(base):
                after = words[i + 2] if i + 2 < n else ""
                if (
                    (word + second not in self._known_one_word and joined not in self._known_one_word)
                    or i == 0
                    or words[i - 1] not in ow.split_before
                    or self._content(after)
                ):
                    i += 1
                    continue
            found.append(self._organization(tokens[i].start, tokens[i + 1].end, "a listed name said apart"))
            i += 2
        return found

    def _caller_affiliation(self, scan: _Scan, i: int) -> Entity | None:
        """ "our next question comes from dana okafor with northwind partners": after a caller's name
        that an introduction announced, the words after the affiliation word at ``i`` name the
        organisation they speak for (spelled initials included: "from h s b c")."""
        tokens = scan.tokens
        if i < 2:
            return None
        name_start = self._name_after(self._introductions, tokens, i)
        if name_start is None:
            if not self._read_caller(tokens, i):
                return None
        elif any(
            self._introductions.ending_at(tokens, k) is not None
            for k in range(name_start + 1, min(i + 2, len(tokens) + 1))
        ):
            return None  # "comes from the line of dana": "line" is no caller, "of" no affiliation
        start = stop = i + 1
        while stop < len(tokens) and stop - start < self.max_words:
            word = tokens[stop].lower
            letter = len(word) == 1 and word.isalpha() and word not in ("a", "i")
            if word == "and" and start < stop < len(tokens) - 1 and self._joined(tokens, stop + 1):
                stop += 1  # "of vantreck and olmsby": partners' names
                continue
            if not (letter or self._content(word)) or word in self._callers.affiliations:
                break
            if stop > start and not letter and self._ends_name(word):
                break  # "from northwind asked two questions": a verb ends the name
            stop += 1
        if stop == start:
            return None
        if name_start is None:
            if not self._w.caller_asks.match_length(words_of(tokens), stop, max_words=4):
                return None  # a question read out: "dana okafor from stellwick asks ..."
            firm = [tokens[k].lower for k in range(start, stop)]
            if not (all(len(w) == 1 for w in firm) or any(self._looks_named(w) for w in firm)):
                return None  # "and sarah from sales asks": a department, not a firm
        return self._organization(
            tokens[start].start, tokens[stop - 1].end, "organisation of an introduced caller"
        )

    def _read_caller(self, tokens: Sequence[Token], i: int) -> bool:
        """One to three words that look like a person's name before the affiliation word at ``i``, first
        in the turn or after one of ``caller_openers`` ("and dana okafor from stellwick asks ...")."""
        ow = self._w
        first = i
        while first > 0 and i - first < 3 and self._content(tokens[first - 1].lower):
            first -= 1
        if first == i or (first > 0 and tokens[first - 1].lower not in ow.caller_openers):
            return False
        words = [t.lower for t in tokens[first:i]]
        return any(w in given_names() or w in family_names() for w in words) and all(
            w in given_names() or w in family_names() or self._name_like(w) for w in words
        )

    def _before_office(self, scan: _Scan, i: int) -> Entity | None:
        """ "the X office": X is an organisation when it looks like a name."""
        ow = self._w
        text, tokens, formatted = scan
        if i < 2:
            return None
        first = self._name_before(tokens, i)
        if first == i or first == 0 or tokens[first - 1].lower not in ow.office_determiners:
            return None
        words = [t.lower for t in tokens[first:i] if t.lower not in ow.connectors]
        joined = len(words) < i - first  # family names joined by "and": a firm ("jones and brown")
        designated = words[-1] in ow.kinds or words[-1] in ow.legal_forms  # "the x insurance office"
        # "the social explorer office is at ...": an office with an address is an organisation's
        located = (
            len(words) >= 2
            and i + 2 < len(tokens)
            and tokens[i + 1].lower == "is"
            and tokens[i + 2].lower in ("at", "in", "on")
        )
        if (
            not joined
            and not designated
            and not located
            and not any(self._name_like(w) for w in words)
            and not (formatted and all(_capitalised(text, t) for t in tokens[first:i]))
        ):
            return None
        if " ".join(words) in place_names() or (len(words) == 1 and words[0] in given_names()):
            return None
        return self._organization(tokens[first].start, tokens[i - 1].end, "name before 'office'")

    def _before_stock(self, scan: _Scan, i: int) -> Entity | None:
        """ "X stock price": up to two content words before it name the company."""
        ow = self._w
        text, tokens, formatted = scan
        if not (i >= 1 and i + 1 < len(tokens) and tokens[i + 1].lower in ow.stock_after):
            return None
        first = grow_left(
            tokens,
            i,
            lambda k: self._content(tokens[k].lower) and tokens[k].lower not in ow.not_before_stock,
            limit=2,
        )
        if first == i:
            return None
        if formatted and not all(_capitalised(text, t) for t in tokens[first:i]):
            return None
        return self._organization(tokens[first].start, tokens[i - 1].end, "name before 'stock'")

    def _before_service(self, scan: _Scan, i: int) -> Entity | None:
        """ "X customer service": up to two name-like words before it name the company."""
        text, tokens, formatted = scan
        if not (i >= 1 and i + 1 < len(tokens) and tokens[i + 1].lower in self._w.service_after):
            return None
        first = grow_left(tokens, i, lambda k: self._content(tokens[k].lower), limit=2)
        while first < i and not self._name_like(tokens[first].lower):
            first += 1
        if first == i or (formatted and not all(_capitalised(text, t) for t in tokens[first:i])):
            return None
        # "amazon customer service" names the company's service desk: the whole of it is the name
        return self._organization(tokens[first].start, tokens[i + 1].end, "name before 'customer service'")

    def _name_before(self, tokens: Sequence[Token], i: int, designator: str = "") -> int:
        """The first token of the name that ends before token ``i``: up to ``max_words`` content words,
        and "and"/"&"/"," where they join family names ("smith jones and brown llc") or, right before
        a designator that follows "and" ("marlin alter and associates"), the designator's name. Before a
        designator the name never grows over a legal form (a second company)."""
        ow = self._w
        first = i
        while first > 0 and _words(tokens[first:i], ow.connectors) < self.max_words:
            previous = tokens[first - 1].lower
            if (
                previous in ow.connectors
                and first >= 2
                and (
                    self._joined(tokens, first)
                    or (first == i and designator in ow.and_kinds and previous != ",")
                )
            ):
                first -= 1
                continue
            if not self._content(previous) or (designator and previous.rstrip(".") in ow.legal_forms):
                break
            first -= 1
        return first

    def _organization(self, start: int, end: int, why: str, score: float | None = None) -> Entity:
        """The ORGANIZATION entity of characters ``start:end`` (scored ``cue_score`` unless said)."""
        return Entity(start, end, "ORGANIZATION", self.cue_score if score is None else score, self.name, why)

    # -- word tests ---------------------------------------------------------------------------------
    def _name_after(
        self, introductions: PhraseTable[tuple[str, ...]], tokens: Sequence[Token], i: int
    ) -> int | None:
        """Where a name of one to three words before token ``i`` starts, right after one of
        ``introductions`` ("this is [dana] with ...", "from the line of [dana] with ..."), or None."""
        return next(
            (
                k
                for k in range(max(1, i - 3), i)
                if introductions.ending_at(tokens, k) is not None
                and all(self._content(t.lower) for t in tokens[k:i])
            ),
            None,
        )

    def _content(self, word: str) -> bool:
        """A word that can be part of a name: letters (an apostrophe or ampersand allowed), not a
        function word, number word or cue word."""
        if "'" in word and not word.endswith("'s"):
            return False  # a contraction: "we've", "don't"
        bare = word.replace("'", "").replace("&", "")
        if not bare.isalpha() and not (bare.isalnum() and sum(c.isalpha() for c in bare) >= 3):
            return False  # letters, or a brand with digits in it ("ideas42"), never a bare number
        return len(bare) > 1 and word not in self._blocked and word not in self._cue_words

    def _ends_name(self, word: str) -> bool:
        """After a name's first word, a word as frequent as a function word that is no family name
        ends it: a verb or a preposition ("a tweet to zorvex tell them"); a word of ``name_enders``
        always does ("from stellwick asks"), a kind or firm word never ("stellwick capital markets")."""
        if word in self._w.name_enders:
            return True
        if word in self._firm_words:
            return False
        return zipf_frequency(word) >= self._zipf.function_word_min and word not in family_names()

    def _name_like(self, word: str) -> bool:
        """Not an everyday English word: "zentrix", "northwind", "garcia", but not "apple", "car"."""
        base = word.removesuffix("'s")
        if len(base) < 2:
            return False
        if not base.isalpha():
            return True  # letters and digits mixed: no dictionary word
        if 3 <= len(base) <= 5 and not any(char in "aeiouy" for char in base):
            return True  # no vowel: an acronym ("bbc", "hdfc")
        frequency = zipf_frequency(base)
        if base in family_names() and frequency < self._zipf.everyday_word_min:
            return True
        if base in company_names():
            return True  # a listed company, even when it is also a word ("apple", "target")
        # a word no dictionary lists may still be an inflected form ("trending"): rare ones only
        return (
            base not in common_words()
            and frequency < self._zipf.unlisted_organization_name_max
            and not _inflected(base)
        )

    def _brand_like(self, word: str) -> bool:
        """After a cue, a word that no dictionary has in any form and that is not an everyday word,
        a person's name or a place reads as a brand, however often the web writes it ("complaint to
        samsung", "i work at google"), unless it is as frequent as a function word."""
        base = word.removesuffix("'s")
        return (
            len(base) > 1
            and base.isalpha()
            and not is_everyday_word(base)
            and base not in given_names()
            and base not in place_names()
            and zipf_frequency(base) < self._zipf.function_word_min
        )

    def _joined(self, tokens: Sequence[Token], after: int) -> bool:
        """Whether "and" before token ``after`` joins two parts of one name: family names ("jones and
        brown llc") or a list of at least three name words ("okafor chen and ivanova associates")."""
        left, right = tokens[after - 2].lower, tokens[after].lower
        if not self._content(left):
            return False
        family = family_names()
        if left in family and right in family:
            return True
        if all(
            self._looks_named(w)
            and self._name_like(w)
            and w not in given_names()
            and w not in self._firm_words
            for w in (left, right)
        ):
            return True  # "halvik and dornell law group": two words that look like names
        return (
            after >= 3
            and self._content(tokens[after - 3].lower)
            and all(w in family or self._name_like(w) for w in (tokens[after - 3].lower, left, right))
        )

    def _name_like_org(self, words: Sequence[str]) -> bool:
        """A name-like word that is not a given name ("maria zentrix" may be a company, "maria" not), or
        a firm word after the first ("stanton steel", "marlow roofing")."""
        return any(w not in given_names() and self._name_like(w) for w in words) or any(
            w in self._firm_words for w in words[1:]
        )

    def _cue_at(self, tokens: Sequence[Token], i: int) -> tuple[str, ...] | None:
        """The cue that ends at token ``i``, if any (longest first)."""
        return self._cues.ending_at(tokens, i + 1)

    def _cue_before(self, tokens: Sequence[Token], first: int) -> bool:
        """A cue right before ``first`` (a determiner may stand between: "i work at the x bank")."""
        k = first - 1
        if k >= 0 and tokens[k].lower == "the":
            k -= 1
        if k < 0:
            return False
        if self._cue_at(tokens, k) is not None:
            return True
        # "i'm a caseworker with child protective services": a job before the preposition
        return tokens[k].lower in self._w.role_prepositions and self._job_before(tokens, k)


def is_activity(word: str, words: OrganizationWords) -> bool:
    """A sport, hobby, therapy or diet, never an organisation on its own ("my son goes to taekwondo",
    "a coach for pickleball"): a word of ``activities``, or one that ends like one (``activity_endings``:
    "dodgeball", "robotics", "jiujitsu"; an "-ing" ending only on a common word's gerund: "bowling",
    "fencing") and is no kind of organisation, firm word, person's name or place ("sterling" stays a
    name, "analytics" a kind)."""
    if word in words.activities:
        return True
    if (
        word in words.kinds
        or word in words.name_words
        or word in given_names()
        or word in family_names()
        or word in place_names()
    ):
        return False
    for ending in words.activity_endings:
        if len(word) > len(ending) + 2 and word.endswith(ending):
            return ending != "ing" or _inflected(word)
    return False


def _capitalised(text: str, token: Token) -> bool:
    """The token's first letter is a capital ("Acme", "5Psolutions")."""
    for char in text[token.start : token.end]:
        if char.isalpha():
            return char.isupper()
    return False


def _words(tokens: Sequence[Token], connectors: frozenset[str]) -> int:
    """Content words among ``tokens`` ("and" and commas joining names do not count)."""
    return sum(1 for token in tokens if token.lower not in connectors)


def _inflected(word: str) -> bool:
    """An inflected form of a common word ("trending", "replied", "quickly"), which no dictionary
    lists as a headword; "citysourced" is not one. Plurals do not count: brands are often plurals of
    words ("dominoes", "staples")."""
    common = common_words()
    return any(stem in common for stem in inflection_stems(word, plurals=False))
