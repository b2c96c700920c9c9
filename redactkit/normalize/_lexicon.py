"""Word tables the speech normalizers use, per locale.

Normalizers take a ``locale`` parameter and read their vocabulary from a :class:`Lexicon`, so adding a
locale means adding a table here, not changing normalizer code. Only ``en-US`` exists so far (it also
serves British and other English transcripts: "nought", "double", "hyphen" are in it).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property

__all__ = ["LEXICONS", "Lexicon", "get_lexicon"]


def _table(words: str, start: int = 0) -> dict[str, int]:
    return {word: index + start for index, word in enumerate(words.split())}


@dataclass(frozen=True)
class Lexicon:
    """Everything locale-specific about reading spoken forms."""

    #: spoken digit words -> digit (only "zero"/"nought" and the word forms of 1-9 count alone)
    digits: dict[str, int]
    #: words that mean 0 only next to other digits ("oh", "o")
    zero_aliases: frozenset[str]
    #: ten .. nineteen
    teens: dict[str, int]
    #: twenty .. ninety
    tens: dict[str, int]
    #: multipliers
    hundred: frozenset[str]
    thousand: frozenset[str]
    #: "double" -> 2, "triple" -> 3
    repeats: dict[str, int]
    #: conjunction allowed inside grouped numbers ("three hundred and twelve")
    number_and: frozenset[str]
    #: ordinal words -> (value, suffix)
    ordinals: dict[str, int]
    #: spoken symbols -> written symbol
    symbols: dict[str, str]
    #: multi-word spoken symbols (token tuples) -> written symbol
    symbol_phrases: dict[tuple[str, ...], str]
    #: phrases that mean "join the previous words" in dictated addresses
    join_phrases: frozenset[tuple[str, ...]]
    #: filler words dropped everywhere
    fillers: frozenset[str]
    #: self-correction phrases dropped inside values
    corrections: frozenset[tuple[str, ...]]
    #: "s as in sam", "m for mary"
    letter_as_in: frozenset[tuple[str, ...]]
    #: "capital j", "upper case j"
    letter_capital: frozenset[tuple[str, ...]]
    #: function words that never start or join a dictated address part
    stopwords: frozenset[str]
    #: words after which a name usually follows in assistant commands and calls
    name_cues: frozenset[tuple[str, ...]]
    #: words never capitalised by the truecaser even after a cue (relations, pronouns)
    not_names: frozenset[str]
    #: month names (ordinals after them are dates: "march third")
    months: frozenset[str]
    #: common top-level domains accepted in spoken web addresses
    tlds: frozenset[str] = field(default_factory=frozenset)
    #: every country-code top-level domain (accepted after "@" in spoken e-mail addresses)
    country_tlds: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def non_name_words(self) -> frozenset[str]:
        """Words that are never part of a name: stopwords, months, fillers and every number word.
        Shared by the detectors that grow names over lowercase words (names, organisations)."""
        return frozenset(
            self.stopwords
            | self.months
            | self.fillers
            | set(self.digits)
            | set(self.teens)
            | set(self.tens)
            | set(self.ordinals)
            | self.hundred
            | self.thousand
        )


_ORDINALS = _table(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth",
    1,
)
_ORDINALS.update(
    {
        "twentieth": 20,
        "thirtieth": 30,
        "fortieth": 40,
        "fiftieth": 50,
        "sixtieth": 60,
        "seventieth": 70,
        "eightieth": 80,
        "ninetieth": 90,
    }
)

EN_US = Lexicon(
    digits={**_table("zero one two three four five six seven eight nine"), "nought": 0, "naught": 0},
    zero_aliases=frozenset({"oh", "o"}),
    teens=_table("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen", 10),
    tens={
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fourty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    },
    hundred=frozenset({"hundred"}),
    thousand=frozenset({"thousand"}),
    repeats={"double": 2, "triple": 3},
    number_and=frozenset({"and"}),
    ordinals=_ORDINALS,
    symbols={
        "at": "@",
        "dot": ".",
        "underscore": "_",
        "dash": "-",
        "hyphen": "-",
        "slash": "/",
        "colon": ":",
        "point": ".",
        "period": ".",
        "plus": "+",
    },
    symbol_phrases={
        ("forward", "slash"): "/",
        ("under", "score"): "_",
        ("at", "sign"): "@",
        ("at", "symbol"): "@",
    },
    join_phrases=frozenset(
        {("all", "one", "word"), ("one", "word"), ("no", "spaces"), ("no", "space"), ("all", "together")}
    ),
    fillers=frozenset({"um", "umm", "uh", "uhh", "uhm", "er", "erm", "hmm", "hm", "mm", "mmm", "ah", "eh"}),
    corrections=frozenset(
        {
            ("no", "sorry"),
            ("sorry",),
            ("i", "mean"),
            ("scratch", "that"),
            ("no", "wait"),
            ("wait",),
            ("actually",),
            ("let", "me", "start", "again"),
            ("let", "me", "start", "over"),
            ("i'm", "sorry"),
        }
    ),
    letter_as_in=frozenset({("as", "in"), ("for",), ("like",), ("as", "in", "like")}),
    letter_capital=frozenset({("capital",), ("upper", "case"), ("uppercase",)}),
    stopwords=frozenset(
        "a an the is are was be to of in on for and or but my your his her our their me you him it its "
        "it's is this that these those with from by as email e-mail mail address id username handle "
        "send write contact reach please at dot i i'm im it's what's".split()
    ),
    name_cues=frozenset(
        {
            ("call",),
            ("text",),
            ("tell",),
            ("email",),
            ("message",),
            ("ask",),
            ("remind",),
            ("ring",),
            ("phone",),
            ("dial",),
            ("invite",),
            ("meet",),
            ("with",),
            ("name", "is"),
            ("name's",),
            ("this", "is"),
            ("dear",),
            ("hi",),
            ("hello",),
            ("hey",),
            ("thanks",),
            ("mr",),
            ("mrs",),
            ("ms",),
            ("miss",),
            ("dr",),
            ("doctor",),
            ("speak", "to"),
            ("speaking", "with"),
            ("contact",),
            ("talk", "to"),
            ("text", "to"),
            ("email", "to"),
            ("message", "to"),
            ("send", "to"),
            ("meeting", "with"),
            ("lunch", "with"),
        }
    ),
    not_names=frozenset(
        "mom mum dad mother father mommy daddy wife husband son daughter brother sister boss grandma grandpa "
        "granny aunt uncle cousin friend friends team everyone everybody someone somebody anyone nobody "
        "me you him her them us it home work office doctor dentist back again now later today tomorrow "
        "tonight yesterday please the a an my your his our their this that some all and or but on in at "
        "about up out over down off yes no not just also then there here what when where who how why "
        "alexa siri google cortana assistant late here there calling speaking going coming sorry fine good "
        "great okay ok busy ready done away running waiting working again so very really too".split()
    ),
    months=frozenset(
        "january february march april may june july august september october november december".split()
    ),
    tlds=frozenset(
        "com net org edu gov mil int info biz io co ai app dev me us uk ca au de fr es it nl be ch at se no "
        "dk fi ie nz za in jp cn br mx ru pl pt cz gr tr il sg hk kr tw ar cl co tv eu asia online site "
        "xyz tech store shop cloud email mail live mobi name pro".split()
    ),
)

# ISO 3166-1 alpha-2 country codes, plus "uk" (used instead of "gb" in domains).
_COUNTRY_CODES = frozenset(
    (
        "ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs "
        "bt bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee "
        "eg eh er es et fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm "
        "hn hr ht hu id ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc "
        "li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na "
        "nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw "
        "sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st sv sx sy sz tc td tf tg th tj tk tl tm tn to "
        "tr tt tv tw tz ua ug um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw uk eu"
    ).split()
)
EN_US = replace(EN_US, country_tlds=_COUNTRY_CODES)

LEXICONS: dict[str, Lexicon] = {"en-US": EN_US}


def get_lexicon(locale: str) -> Lexicon:
    """The word tables of ``locale``; a ValueError names the available ones."""
    try:
        return LEXICONS[locale]
    except KeyError:
        raise ValueError(
            f"no lexicon for locale {locale!r}; available: {', '.join(sorted(LEXICONS))}"
        ) from None
