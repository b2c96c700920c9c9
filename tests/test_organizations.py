"""The `organizations` detector: designators and cues, on lowercase speech and formatted text.

Each case runs behind the default normalizer chain (as in the default pipeline), so spoken numbers
next to an organisation are tested the way they arrive. Positives give the exact extent; negatives
(org-shaped everyday phrases, number-rich commands) must come out with no ORGANIZATION at all.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit import ConfigError, Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.core import AlignedText, Entity
from redactkit.detect import OrganizationDetector, detectors
from redactkit.spans import resolve_overlaps


@cache
def _normalizers() -> tuple:  # type: ignore[type-arg]
    return tuple(Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers)


def _found(text: str, detector: OrganizationDetector | None = None) -> list[tuple[str, str]]:
    pipe = Pipeline(
        normalizers=_normalizers(), detectors=[detector or OrganizationDetector()], anonymizer=TagAnonymizer()
    )
    return [(e.label, text[e.start : e.end]) for e in pipe.analyze(text)]


POSITIVES = [
    # designators: a legal form or a kind of organisation ends the name
    ("i work at northwind logistics", "northwind logistics"),
    ("the invoice came from smith jones and brown llc yesterday", "smith jones and brown llc"),
    ("zentrix inc sent me a letter", "zentrix inc"),
    ("we bought it from blue sky ltd last year", "blue sky ltd"),
    ("i got a bill from quorvant insurance", "quorvant insurance"),
    ("she studied at kelmont university", "kelmont university"),
    ("the meeting with velora technologies is at nine", "velora technologies"),
    ("okafor chen and ivanova associates called back", "okafor chen and ivanova associates"),
    ("i'm insured with state farm insurance", "state farm insurance"),  # common words, after a cue
    ("my account at brightwell bank is overdrawn", "brightwell bank"),
    # cues: the words right after them
    ("i work at zentrix", "zentrix"),
    ("i'm calling from quorvant about your claim", "quorvant"),
    ("i'm calling on behalf of velmora", "velmora"),
    ("my employer is tarkon dynamics", "tarkon dynamics"),
    ("my bank is brightwell", "brightwell"),
    ("she is from brightscopex", "brightscopex"),
    ("he spent a year at palantrix as an analyst", "palantrix"),
    ("the orbiton office is at five main street", "orbiton"),
    ("the state farm insurance office is at nine elm road", "state farm insurance"),  # designator
    ("the social explorer office is at nine elm road", "social explorer"),  # an office with an address
    ("i spent a year at citysourced", "citysourced"),  # "-ed", but no inflected English word
    ("i'm calling from ntk about the outage", "ntk"),  # no vowel: an acronym
    ("the address of vextora is twelve oak road", "vextora"),
    ("what is the stock price of apple", "apple"),
    ("how is tesla stock doing today", "tesla"),
    ("send a complaint to zorbex about my order", "zorbex"),
    ("send a tweet to quorvant tell them the app is down", "quorvant"),  # a verb ends the name
    ("contact velmora customer service", "velmora customer service"),  # the company's service desk
    # listed companies (the shipped company_names gazetteer), said without a cue
    ("is my order at costco ready", "costco"),
    ("let general mills know the box was empty", "general mills"),
    ("what is nvidia trading at", "nvidia"),
    ("how is starbucks stock doing", "starbucks"),
    # a brand no dictionary has, after a cue, however often the web writes it
    ("send a complaint to qorvelle", "qorvelle"),
    ("i work at google", "google"),
    ("tweet zorvex and tell them the app crashed", "zorvex"),
    # the organisation an introduced caller speaks for
    ("our next question comes from tavik ornsby with northwind capital", "northwind capital"),
    ("the next question is from elora venn from h s b c please go ahead", "h s b c"),
    ("the address of relationship science is nine elm road", "relationship science"),  # any words
    # numbers around the name do not join it
    ("call kelvora systems at five five five oh one nine nine", "kelvora systems"),
    # business talk: cues of deals, results and roles (`cues.business`), lists of names (`cues.lists`)
    ("revenue at korvantis grew twelve percent in the quarter", "korvantis"),  # a verb ends the name
    ("our partnership with velmora continues to expand", "velmora"),
    ("we signed an agreement with norvask energy partners", "norvask energy partners"),  # firm words go on
    ("we acquired pellucid in march", "pellucid"),
    ("i'm the chief executive officer of korvantis", "korvantis"),
    ("this is dana okafor analyst at stellwick", "stellwick"),
    ("strong demand from customers like torvex and quillan", "torvex and quillan"),
    ("competitors such as marvella, ostrin or belquist", "marvella, ostrin or belquist"),
    # the owner of business talk
    ("zentrofy's platform now has two million users", "zentrofy's"),
    ("we think korvantis's third quarter was soft", "korvantis's"),
    # an analyst's firm, after an introduction or in a question read out
    (
        "our next question comes from dana okafor with stellwick capital markets please go ahead",
        "stellwick capital markets",
    ),
    ("and mark weller from hollister brothers would like to know about margins", "hollister brothers"),
    # employers and schools
    ("my husband is over at stellwick now", "stellwick"),
    ("i went to college at brennick", "brennick"),
    ("i'm currently with velmora", "velmora"),
    # a job said with any words, then where it is (`role_openers`)
    ("i'm a dental hygienist over at quorlex", "quorlex"),
    ("my husband's a night auditor for tessaly", "tessaly"),
    ("i've been a surgical tech at quorlex for nine years", "quorlex"),  # any subject, then "a"
    ("my cousin is a paralegal with korvell partners", "korvell partners"),
    ("she's the office manager at tessaly", "tessaly"),  # "the" and a job
    ("i'm a welder over at stanton steel", "stanton steel"),  # a given name and a firm word
    ("my reference is my old supervisor at quorlex", "quorlex"),  # a noun that names a person: a job
    ("i spoke to the receptionist at brightvale", "brightvale"),
    # an article between a cue or a job and the name is no part of it
    ("he plays for the kelbrook mudcats on saturdays", "kelbrook mudcats"),
    ("i write for the harlow gazette", "harlow gazette"),
    ("my son is on the riverside rockets this year", "riverside rockets"),  # a team: a plural name
    ("she played for the tidewater comets", "tidewater comets"),
    ("i'm a reporter for the dunmore tribune", "dunmore tribune"),
    # callers, players, offers, tenure and other cues
    ("i'm reaching out from vantage staffing", "vantage staffing"),
    ("this is lisa over at cornerstone realty", "cornerstone realty"),
    ("i got a job offer from quantivo", "quantivo"),
    ("i've been with northwind logistics for six years", "northwind logistics"),
    ("our school is hillcrest academy", "hillcrest academy"),
    ("my kids are patients at korvel pediatrics", "korvel pediatrics"),
    # houses of worship, newspapers and clubs are kinds of organisation
    ("she sings in the choir at saint brendan's cathedral", "saint brendan's cathedral"),
    ("we go to kelloway fellowship", "kelloway fellowship"),
    ("i'm the treasurer of the marlowe rotary club", "marlowe rotary club"),
    # a speaker who introduces themselves with their firm
    ("this is dana with brannock roofing", "brannock roofing"),
    ("hi this is tavik ornsby from quorlex please call me back", "quorlex"),
    ("this is john from oracle", "oracle"),  # a listed company
    ("our panel today includes dana okafor from clearwick energy", "clearwick energy"),
    # a business named after its owner
    ("i'm the owner of pete's tacos", "pete's tacos"),
    ("my uncle owns marvo's diner", "marvo's diner"),
    ("i run kelly's cleaning service", "kelly's cleaning service"),
    ("i work at rosa's kitchen", "rosa's kitchen"),
    # a company named before its reporting period, a government body named by its remit
    ("welcome to the zorvane capital second quarter results call", "zorvane capital"),
    ("i work for the department of veterans affairs", "department of veterans affairs"),
    ("she works for the department of health and human services", "department of health and human services"),
    # a kind after a job, a department, a line of work, a stutter or a filler phrase after a cue
    ("i'm a caseworker with child protective services", "child protective services"),
    ("i'm in sales at quorlex", "quorlex"),
    ("i do marketing for velmora", "velmora"),
    ("i work at at quorlex", "quorlex"),
    ("my employer is it's tanager freight", "tanager freight"),
    ("i'm the manager of the harbor view inn", "harbor view inn"),
    ("i own green thumb landscaping", "green thumb landscaping"),
    ("i dropped out of kelmont", "kelmont"),
    ("my guest is dana okafor who runs quorvane", "quorvane"),
    # a place's state university, a kind named after a place of several words, partners' names joined
    ("i graduated from district of columbia state", "district of columbia state"),
    ("i went to university of north dakota", "university of north dakota"),
    ("she was at halvik and dornell law group", "halvik and dornell law group"),
    ("the next question is from dana okafor of murvane and solbekk", "murvane and solbekk"),
    # formatted text
    ("I work at Acme Widgets in Denver.", "Acme Widgets"),
    ("Invoice from Globex Corporation, due May 5.", "Globex Corporation"),
    ("The Initech office is on the 4th floor.", "Initech"),
]


@pytest.mark.parametrize(("text", "value"), POSITIVES)
def test_organizations(text: str, value: str) -> None:
    assert ("ORGANIZATION", value) in _found(text)


NEGATIVES = [
    "i work at home",
    "i work from home on mondays",
    "i work for myself",
    "i'm calling from my car",
    "calling from the office",
    "the bank holiday is on monday",
    "call the bank at six o'clock",
    "my school run starts at eight fifteen",
    "remind me to call the insurance company at five",
    "the post office closes at six",
    "she is from boston",  # a place, not an organisation
    "i work for maria",  # a person
    "the address of john smith is twelve oak road",
    "i joined a gym last year",
    "take me to the high school",
    "what is the current stock price",
    "add chicken stock to the list",
    "i spent a year at sea",
    "play trending social media news",
    "set a timer for five minutes",
    "play track two",
    "wake me up at six thirty",
    "turn the volume to seven",
    "transfer two hundred dollars to my savings account",
    "my account number is four four one two",
    "i work at night",
    "the post office is at the corner",
    "where is the head office",
    "we issued ten million shares of common stock",
    "we're launching services next year",  # a contraction is no name
    "the hr office is closed on friday",
    "i want to file a complaint to the manager",
    "call customer service",
    "I work at home on Fridays.",
    "order an uber to the airport",  # a ride, not the company
    "open the uber app",  # the app
    "will the rtx forty ninety fit my case",  # a listed name before a model number: a product
    "bake an apple pie",  # a listed name that is also a word needs a cue or stock talk
    "the next question comes from the line of tavik ornsby",  # no affiliation: nothing after the name
    # business cues need a word that looks like a name
    "our partnership with customers continues",  # a listed company that is an everyday word
    "revenue at the segment grew twelve percent",
    "we acquired new customers in the quarter",
    "competitors such as the big banks are cutting prices",
    "the company's platform now has two million users",  # a possessive of an everyday word
    "dana's team closed the quarter",  # a given name's
    "today's results were strong",
    "my husband is over at the house",
    "mark from accounting would like to know the total",  # no name-like firm after "from"
    # a department read out with a caller's name is no firm
    "and sarah from sales asks about the backlog",
    "and mark from accounting asks",
    "next tom from marketing wants to know the budget",
    # activities are no schools or employers; "got into" and "i was at" are no cues
    "my son goes to taekwondo on tuesdays",
    "the kids are at pickleball",
    "i got into crossfit last year",
    "i was at zumba all morning",
    "she got into kombucha",
    "i'm a little late for the meeting",  # a job said with any words needs a name after it
    "i'm a huge fan of the show",
    "i'm a teacher at home",
    "i'm in quarantine with omicron",  # "i'm in" is no job phrasing
    "she's in shape for pickleball",
    "he works as a coach for pickleball",  # an activity is no employer
    # activities not listed, by their endings ("-ball", "-ics", a common word's "-ing")
    "she coaches dodgeball after school",
    "my son goes to robotics on thursdays",
    "my daughter goes to bowling on fridays",
    "he's a coach for kickball",
    # a cue, an article and words that name nothing
    "i took a class at the community college",
    "she works at the public library",
    "i'm on the team at the office",
    "i've been with my husband for six years",
    "i'm a junior in college",
    "i play for the love of the game",
    "he plays for fun",
    "i went to the mall",
    "we left the party early",
    "i'm still at work",
    "my doctor is on vacation",
    "my company is growing fast",
    "i go to church on sundays",
    "my son is on vacation",  # a team's cue needs an article and a plural name
    "my son is on the phone",
    "my daughter is on the honor roll",
    "he plays for the little kids",  # a plural that names persons
    "i'm a nurse for the night shifts",
    "we play for the public schools",
    "the guy at zentrix was rude",  # people at a place, not working there
    "my friend at school told me",
    "a friend with benefits",
    # a person after a title, a cue or a job (review35 M5)
    "my dentist is doctor vennick",
    "our doctor is doctor harrowby",
    "i'm on the call with tavik",
    "i'm still at tavik's",
    "this is a message for tavik",
    "it is a note for dovik",
    "i run the shop with quellan",
    "i'm a nanny for doctor harrowby",
    "i need a train leaving kelbury after noon",  # a place a train leaves
    "i have insurance with the carrier",  # a listed company that is an everyday word, after an article
    # a speaker's department, company, or people with them; a room of someone's
    "this is mike from accounting",
    "this is john from next door",
    "it's sarah with the kids",
    "it's kind of a mess from the start",
    "we have dana from accounting",
    "i'm in rosa's kitchen",
    "the service at tilda's grill was slow",  # no cue: a customer's mention
    "our firm's growth going forward",
    # a line of work, a department someone runs, what a provider provides
    "i'm the head of marketing",
    "i run payroll and benefits",
    "she's the love of my life",
    "a supplier of garden tools",
    "i'm in town for the weekend",
    "i work with with kids",
    "the administration of the vaccine",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_organization_negatives(text: str) -> None:
    assert _found(text) == []


def test_every_entity_explains_itself() -> None:
    entities = Pipeline(
        normalizers=_normalizers(), detectors=[OrganizationDetector()], anonymizer=TagAnonymizer()
    ).analyze("i work at northwind logistics and my bank is brightwell")
    assert [e.detector for e in entities] == ["organizations", "organizations"]
    assert all(e.explanation for e in entities)


def test_scores_grade_the_evidence() -> None:
    detector = OrganizationDetector(legal_score=0.95, kind_score=0.7, cue_score=0.5)
    pipe = Pipeline(normalizers=_normalizers(), detectors=[detector], anonymizer=TagAnonymizer())
    by_text = {
        "zentrix inc called": 0.95,
        "northwind logistics called": 0.7,
        "i work at zentrix": 0.5,
    }
    for text, score in by_text.items():
        assert [e.score for e in pipe.analyze(text)] == [score]


def test_max_words_limits_the_name() -> None:
    assert _found("alpha beta gamma delta inc", OrganizationDetector(max_words=2)) == [
        ("ORGANIZATION", "gamma delta inc")
    ]


def test_config_keys_are_validated() -> None:
    created = detectors.create("organizations", {"cue_score": 0.4}, key="detectors[0]")
    assert isinstance(created, OrganizationDetector)
    with pytest.raises(ConfigError, match="cue_score"):
        detectors.create("organizations", {"cue_score": 1.5}, key="detectors[0]")
    with pytest.raises(ConfigError, match="colour"):
        detectors.create("organizations", {"colour": "red"}, key="detectors[0]")


def test_overlap_with_a_person_loses_no_character() -> None:
    # names finds "smith" (PERSON); organizations finds "smith ltd": the union keeps every character,
    # the stronger designator evidence names it
    text = "smith ltd sent the bill"
    person = Entity(0, 5, "PERSON", 0.85, "names")
    org = Entity(0, 9, "ORGANIZATION", 0.9, "organizations")
    resolved = resolve_overlaps([person, org], text)
    assert [(e.start, e.end, e.label) for e in resolved] == [(0, 9, "ORGANIZATION")]


@pytest.mark.slow
def test_default_pipeline_redacts_organization_and_address_apart(default_pipeline: Pipeline) -> None:
    text = "the northwind logistics office is at one twenty three main street"
    result = default_pipeline.redact(text)
    labels = [e.label for e in result.entities]
    assert "ORGANIZATION" in labels
    assert result.text is not None
    assert "northwind" not in result.text
    assert "main street" not in result.text
    assert "office is at" in result.text


_WORDS = st.sampled_from(
    "i work at for the bank inc and smith jones llc calling from my home zentrix office is five "
    "stock price of apple , . northwind logistics customer service tweet to".split()
)


@given(st.lists(_WORDS, max_size=14))
def test_entities_are_whole_words_inside_the_text(words: list[str]) -> None:
    text = " ".join(words)
    tokens = {(m.start(), m.end()) for m in re.finditer(r"\S+", text)}
    starts = {start for start, _ in tokens}
    for entity in OrganizationDetector().detect(AlignedText.identity(text)):
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.start in starts  # never starts inside a word
        assert text[entity.start : entity.end] == text[entity.start : entity.end].strip()
        assert text[entity.start : entity.end].split()[0] not in ("and", ",", "the", "at", "from")
        assert entity.label == "ORGANIZATION"
        assert entity.explanation
