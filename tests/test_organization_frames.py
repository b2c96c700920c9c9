"""Employers, banks, shops and schools said the way customers and employees talk about them: the
organisation as the subject of what it did ("geico finally called me back"), the provider of a service
("our internet is through spectrum"), where someone shops or stays ("i bought it at menards", "we
stayed at the harbor view inn"), whose shop or customer someone is ("we're a microsoft shop"), and a
kind of school that is no name ("i graduated from high school"). Invented sentences only.
"""

from __future__ import annotations

import pytest
from _support import assert_found_as, default_normalizers, labelled

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.core import AlignedText
from redactkit.detect import OrganizationDetector, PlaceDetector
from redactkit.detect.contextual import ContextualDetector

CONTEXTUAL = ContextualDetector(labels=("ORGANIZATION",))
ORGANIZATIONS = OrganizationDetector()


def contextual(text: str) -> list[str]:
    return [text[e.start : e.end] for e in CONTEXTUAL.detect(AlignedText.identity(text))]


def organizations(text: str) -> list[str]:
    pipe = Pipeline(normalizers=default_normalizers(), detectors=[ORGANIZATIONS], anonymizer=TagAnonymizer())
    return [text[e.start : e.end] for e in pipe.analyze(text) if e.label == "ORGANIZATION"]


CONTEXTUAL_POSITIVES = [
    # a well-known organisation acting, maybe with an adverb before the verb
    ("verizon finally called me back", "verizon"),
    ("home depot never called me back about the job", "home depot"),
    ("so wells fargo froze my account", "wells fargo"),
    ("delta lost my suitcase in denver", "delta"),
    ("amazon refunded me the next day", "amazon"),
    ("comcast came out to look at the modem", "comcast"),
    ("the next day terminix sent a guy", "terminix"),
    ("walmart hired me in the spring", "walmart"),
    ("brennick foods just hired my sister", "brennick foods"),
    # who provides a service or keeps an account
    ("our internet is through optimum", "optimum"),
    ("my 401k is with fidelity", "fidelity"),
    ("my car loan is through ally", "ally"),
    ("the electric company is duke energy", "duke energy"),
    ("my health insurance is with zorbani health", "zorbani health"),
    # where a customer shops, eats, buys or goes back to
    ("i shop at costco for the bulk stuff", "costco"),
    ("we eat at denny's after church", "denny's"),
    ("i bought it at tractor supply", "tractor supply"),
    ("the package came from wayfair", "wayfair"),
    ("my daughter got accepted into vassar", "vassar"),
    # who took someone on or in
    ("they hired me at pine ridge outfitters last month", "pine ridge outfitters"),
    ("they admitted him to good samaritan", "good samaritan"),
    ("we rushed her to children's mercy", "children's mercy"),
    ("my boss at target is strict about breaks", "target"),
]


@pytest.mark.parametrize(("text", "value"), CONTEXTUAL_POSITIVES)
def test_contextual_names_the_organisation(text: str, value: str) -> None:
    assert value in contextual(text)


CONTEXTUAL_NEGATIVES = [
    # no organisation acts: a person, a determiner before a brand word, no known name
    "my sister finally called me back",
    "the kids lost my keys again",
    "an apple damaged my tooth",
    "the target lost my interest",
    "my target put me on edge",
    "the sun came out to say hello",
    "howard called me back last night",  # a given name alone may be a person
    # a service with no provider named
    "my internet is through the roof",
    "my gas is at four dollars",
    "our insurance is through work",
    "my card is from my dad",
    # where, but no name
    "i shop at night",
    "we eat at home most days",
    "i bought it at the store",
    "it came from upstairs",
    "i'm going back to bed",
    "i keep going back to the same idea",  # a speaker returns to a topic
    "our phone is ringing off the hook",
    "take him to school",
    "they admitted her to the program",
    "i got into rice cooking lately",  # a hobby, not a school
    "i got into cricket last year",
    # a kind of school said with generic words only
    "i graduated from high school in two thousand",
    "she's a senior at the local high school",
    "he went to nursing school in ohio",
    "she graduated from beauty school",
]


@pytest.mark.parametrize("text", CONTEXTUAL_NEGATIVES)
def test_contextual_leaves_look_alikes_alone(text: str) -> None:
    assert contextual(text) == []


def test_a_named_school_is_still_a_name() -> None:
    assert "lincoln high school" in contextual("i graduated from lincoln high school")
    assert "oak hill high school" in contextual("she goes to oak hill high school")
    assert "harvard law school" in contextual("he graduated from harvard law school")
    assert "central high school" in contextual("i graduated from central high school")


def test_a_place_of_worship_stays_a_special_category() -> None:
    """review37 M3: "temple" is no known organisation alone (a place of worship, a RELIGION term)."""
    assert contextual("we went back to temple on sunday") == []


ORGANIZATION_POSITIVES = [
    # whose shop, customer or dealer someone is
    ("we're a microsoft shop so it's all teams", "microsoft"),
    ("honestly we're an oracle shop", "oracle"),
    ("i'm a chase customer and i want to complain", "chase"),
    ("they're a toyota dealer out on route nine", "toyota"),
    ("i'm a costco member", "costco"),
    # where a guest stays (review36 L7)
    ("we stayed at the harbor view inn", "harbor view inn"),
    ("i booked a room at the pine hollow lodge", "pine hollow lodge"),
    # a booking at a named business ("reservation at" stays a cue: a dialogue corpus labels these)
    ("i have confirmed your reservation at quorlen bistro for wednesday", "quorlen bistro"),
]


@pytest.mark.parametrize(("text", "value"), ORGANIZATION_POSITIVES)
def test_organizations_names_the_organisation(text: str, value: str) -> None:
    assert organizations(text) == [value]


ORGANIZATION_NEGATIVES = [
    "we're a small shop",
    "it's a java shop",
    "they're a python shop mostly",
    "we're a cash only shop",
    "i'm a long time customer",
    "he's a good partner",
    "we stayed at home all weekend",
    "we stayed at a cheap motel",
    "i went to trade school",
]


@pytest.mark.parametrize("text", ORGANIZATION_NEGATIVES)
def test_organizations_leaves_look_alikes_alone(text: str) -> None:
    assert organizations(text) == []


CONTEXTUAL_POSITIVES_2 = [
    # a customer who moves a service or an account
    ("we just switched our internet to lumacor", "lumacor"),
    ("i moved my checking over to pennbrook federal", "pennbrook federal"),
    # a firm that called or wrote, said with a word that names it ("harlan" is a given name too)
    ("quendry called and said my order is late", "quendry"),
    ("ostrel federal called me twice this week", "ostrel federal"),
    ("i got a letter from varnell mutual", "varnell mutual"),
    # where the speaker is; the name ends before what they do there
    ("so i'm at dalworth tech studying welding", "dalworth tech"),
    ("i work at harbor clothing outlet", "harbor clothing outlet"),
    # a local business named with a sign's words after "the"
    ("i work at the rusty nail on weekends", "the rusty nail"),
    ("i'm a server at the golden goose", "the golden goose"),
    ("brightwell is laying people off", "brightwell"),
    ("i'm an rn at st. luke's", "st. luke's"),
]


@pytest.mark.parametrize(("text", "value"), CONTEXTUAL_POSITIVES_2)
def test_contextual_names_the_organisation_2(text: str, value: str) -> None:
    assert value in contextual(text)


CONTEXTUAL_NEGATIVES_2 = [
    "we switched our phone to the family plan",
    "i moved my savings to a cd",
    "we switched our power to solar",
    "maria called me last night",  # a person
    "maria lopez called me about the party",
    "my mom called me yesterday",
    "he called me a liar",
    "i got a letter from the school",
    "i'm at work right now",
    "i'm at the store",
    "i'm at lunch with my boss",
    # a kind after "the" with no name
    "i work at the bank downtown",
    "i work at the clinic on main",
    # a generic workplace after "the", not a local business's name
    "i work at the coffee cart",
    "i work at the gun range",
    "i work at the pizza joint",
    "i work at the very top",
    "i work at the front desk",
    "i work at the car wash",
    # a person named with a relation or a title acts
    "my aunt rosa called me",
    "officer reyes called me",
    "the lawyer mrs adeyemi called back",
    # a reservation, not a job ("i book appointments for" is one)
    "i book for table indoor",
    "hi can i book for thursday please",
    "can i book for inside",
]


@pytest.mark.parametrize("text", CONTEXTUAL_NEGATIVES_2)
def test_contextual_leaves_look_alikes_alone_2(text: str) -> None:
    assert contextual(text) == []


SPLIT_POSITIVES = [
    # a listed name a recognizer writes as two words: one part no everyday word, anywhere
    ("i picked it up at wal mart", "wal mart"),
    ("we cancelled net flix last month", "net flix"),
    # two everyday words: after a preposition, no content word after them
    ("i was at safe way yesterday", "safe way"),
    ("i saw it on face book last night", "face book"),
    ("i ordered it through door dash", "door dash"),
    ("we get coffee at star bucks every day", "star bucks"),
    ("i'm insured with all state", "all state"),
]


@pytest.mark.parametrize(("text", "value"), SPLIT_POSITIVES)
def test_organizations_joins_a_split_name(text: str, value: str) -> None:
    assert value in organizations(text)


SPLIT_NEGATIVES = [
    "is there a safe way to store it",
    "that's the best way to go",
    "we have to comply with all state laws",
    "it's all linked in the document",
    "put it in the drop box by the door",
    "we're hiring for sales force",
    "he's out back with the dog",
    "my face book is a mess",
    "i have a reservation for out front please",
    "everyone should have access to health care",
    "my aunt jo ann is visiting",
    # a listed company that is also a unit, after a count
    "the tv refreshes at sixty hertz",
    "the monitor runs at a hundred forty four hertz",
    "the grid is 50 hertz",
]


@pytest.mark.parametrize("text", SPLIT_NEGATIVES)
def test_organizations_leaves_split_look_alikes_alone(text: str) -> None:
    assert organizations(text) == []


def test_a_unit_named_like_a_firm_is_still_the_firm_elsewhere() -> None:
    assert organizations("i rented a car from hertz") == ["hertz"]


def test_a_run_together_name_is_the_company() -> None:
    assert "homedepot" in contextual("i got it at homedepot") + organizations("i got it at homedepot")


@pytest.mark.parametrize(
    "text",
    [
        "i'm in nursing school right now",
        "she graduated from beauty school",
        "he's at the community college",
        "my son goes to the public school",
    ],
)
def test_a_kind_of_school_is_no_place(text: str) -> None:
    """A kind of school said by what it teaches or who runs it names no place either."""
    places = PlaceDetector()
    assert places.detect(AlignedText.identity(text)) == []


# The whole pipeline names these ORGANIZATION, whole: a name where only an organisation stands outranks a
# family name read alone ("kessler"), a place ("mercy", "kansas state"), a saint read as a person and a
# school stage inside a school's name ("lincoln elementary"), and a name ends at its kind ("university |
# back in ...").
PIPELINE_ORGANIZATIONS = [
    ("i've been at kessler for six years", "kessler"),
    ("i work at mcdonald's on weekends", "mcdonald's"),
    ("i'm a cashier at dunmore's", "dunmore's"),
    ("she's a nurse at mercy", "mercy"),
    ("i did my residency at providence", "providence"),
    ("i graduated from thornbury university back in oh eight", "thornbury university"),
    ("i teach fourth grade at albright elementary", "albright elementary"),
    ("my son goes to lincoln elementary", "lincoln elementary"),
    ("the kids go to eastlake elementary school", "eastlake elementary school"),
    ("my daughter's a sophomore at oakwood middle school", "oakwood middle school"),
    ("i got my bachelors at kansas state", "kansas state"),
    ("i just started at procter and gamble last month", "procter and gamble"),
    ("my wife's a bookkeeper for lindgren & kessler", "lindgren & kessler"),
    ("i went to saint anne's for high school", "saint anne's"),
    ("they airlifted him to saint luke's", "saint luke's"),
    ("i go to st. vincent's", "st. vincent's"),
    ("my dad's at the va", "the va"),
    ("he gets his care at the v a", "the v a"),
    ("she's doing her masters at the university of iowa at lincoln", "university of iowa at lincoln"),
    ("my mom is in maple grove memorial right now", "maple grove memorial"),
    ("my alma mater is zentara college", "zentara college"),
    ("i work at ridgeline bank and trust", "ridgeline bank and trust"),
]


@pytest.mark.parametrize(("text", "value"), PIPELINE_ORGANIZATIONS)
def test_a_named_organisation_is_labelled_whole(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert_found_as(default_pipeline, text, value, "ORGANIZATION")


# ... and these still name no organisation: everyday words after the same cues, a saint prayed to, a city
# named after a saint, a field of work after "in", a campus that is no place
PIPELINE_NOT_ORGANIZATIONS = [
    "i work at home",
    "i'm a nurse at night",
    "i started at the bottom",
    "the show started at noon",
    "a prayer to saint jude",
    "i moved to st. louis",
    "i work in clean tech",
    "i'm interested in mental health",
    "she's in high school",
    "i live in va",
    "we take care at home",
    "i graduated from college in may",
    "i'm at my mom's",
]


@pytest.mark.parametrize("text", PIPELINE_NOT_ORGANIZATIONS)
def test_look_alikes_name_no_organisation(default_pipeline: Pipeline, text: str) -> None:
    assert labelled(default_pipeline, text, "ORGANIZATION") == []


def test_the_university_of_a_place_ends_before_a_time() -> None:
    assert contextual("the university of iowa at night is quiet") == ["university of iowa"]


def test_whom_the_speaker_talks_to_is_no_part_of_the_name() -> None:
    """review38 L2: a vocative last in the turn ends the name."""
    assert contextual("i'm at target dad") == ["target"]
    assert contextual("we're at costco hon") == ["costco"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("i work for b and h photo", "b and h photo"),
        ("i work for h and r block", "h and r block"),
        ("i was at u s c for two years", "u s c"),
        ("we're a vendor for brightline", "brightline"),
        ("our biggest client is tamberly", "tamberly"),
    ],
)
def test_initialisms_with_and_and_whom_a_firm_sells_to(text: str, value: str) -> None:
    assert contextual(text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "we're a vendor for hire",
        "our biggest client is happy with us",
        "i was at fault",
        "i was at the store",
        "i was at least ten minutes late",
        "she was at lunch",
        "my grades are a and b",
        "i work for dr. patel's office",
        "i clean for mom",
    ],
)
def test_the_same_cues_before_everyday_words_name_nothing(text: str) -> None:
    assert contextual(text) == []


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # review39 H1: an organisation's name inside a spoken address keeps the address its label
        (
            "send the file to ops at brindle logistics dot com",
            "ops at brindle logistics dot com",
            "EMAIL_ADDRESS",
        ),
        ("it's info at kessler university dot edu", "info at kessler university dot edu", "EMAIL_ADDRESS"),
        (
            "my work email is dana at fairbank insurance dot com",
            "dana at fairbank insurance dot com",
            "EMAIL_ADDRESS",
        ),
        (
            "email support at tollvane insurance dot com",
            "support at tollvane insurance dot com",
            "EMAIL_ADDRESS",
        ),
        (
            "go to kessler university dot edu slash admissions",
            "kessler university dot edu slash admissions",
            "URL",
        ),
        ("the site is www dot oak ridge hospital dot org", "www dot oak ridge hospital dot org", "URL"),
    ],
)
def test_a_name_inside_an_address_leaves_it_an_address(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert_found_as(default_pipeline, text, value, label)


def test_a_known_name_after_a_weak_cue_ends_at_its_length() -> None:
    """review39 L12: "he was at costco dog food aisle" names "costco", not the aisle."""
    assert contextual("he was at costco dog food aisle") == ["costco"]
    assert contextual("she's at kaiser hospital") == ["kaiser hospital"]


def test_a_vocative_ends_a_name_for_the_organizations_detector_too() -> None:
    """review39: "i got a job at walmart buddy" names "walmart", not "walmart buddy"."""
    assert organizations("i got a job at walmart buddy") == ["walmart"]


def test_a_given_names_possessive_after_a_weak_cue_stays_a_person(default_pipeline: Pipeline) -> None:
    """review39 L7: "i'm at jessica's" is where a person lives as often as a shop: PERSON, as before."""
    text = "i'm at jessica's"
    assert [e.label for e in default_pipeline.analyze(text)] == ["PERSON"]
    text = "i work at jessica's"
    assert [e.label for e in default_pipeline.analyze(text)] == ["ORGANIZATION"]


# hgen-org6: names with no kind word and no list entry after a cue of work, school or care, labelled
# ORGANIZATION and ending where the name ends (not at "said", "and my", "last year" or a place after "in")
PIPELINE_NAMES_WITHOUT_A_KIND = [
    ("i do the books for quelvaro and my wife helps", "quelvaro"),
    ("she keeps the books for ardmoor tenhaven", "ardmoor tenhaven"),
    ("they laid me off at brindlecott last year", "brindlecott"),
    ("they laid her off at hollins and marchetti", "hollins and marchetti"),
    ("i was let go by tavrenza in june", "tavrenza"),
    ("my manager at corlinth said no", "corlinth"),
    ("she's at saint ambrose", "saint ambrose"),
    ("my mom is at st. hedwig", "st. hedwig"),
    ("they took him to saint raphael", "saint raphael"),
    ("we took my son to st. jude", "st. jude"),
    ("my daughter goes to saint olaf", "saint olaf"),
    ("she was admitted to saint cecilia", "saint cecilia"),
    ("our partners at velmorra have been great", "velmorra"),
    ("our colleagues at dravenport helped", "dravenport"),
    ("quorventa reported a record quarter", "quorventa"),
]


@pytest.mark.parametrize(("text", "value"), PIPELINE_NAMES_WITHOUT_A_KIND)
def test_a_name_without_a_kind_is_labelled_exactly(default_pipeline: Pipeline, text: str, value: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert ("ORGANIZATION", value) in found, found


# ... and the same frames before a time, a person, a place or an everyday word name no organisation
PIPELINE_NOT_NAMES_WITHOUT_A_KIND = [
    "they laid me off at christmas",
    "they laid me off at the end of june",
    "i was let go by my boss",
    "i keep the books for a friend",
    "i do the books for my dad",
    "can i book for thursday",
    "our partners at the moment",
    "our colleagues at work",
    "a prayer to saint jude",
    "we drove to saint charles",
    "i went to st. louis last week",
    "we flew to saint paul",
    "she went to saint augustine for vacation",
    "smith reported a problem",
    "he reported a record",
]


@pytest.mark.parametrize("text", PIPELINE_NOT_NAMES_WITHOUT_A_KIND)
def test_the_same_frames_name_nothing_before_everyday_words(default_pipeline: Pipeline, text: str) -> None:
    assert labelled(default_pipeline, text, "ORGANIZATION") == []


def test_a_place_not_in_ascii_after_at_is_no_saints_name(default_pipeline: Pipeline) -> None:
    """A word that is not ASCII is a candidate start of every table; it is no saint's word."""
    text = "the courier arrived at gródek nad dunajcem by noon"
    assert [e.label for e in default_pipeline.analyze(text) if e.label == "ORGANIZATION"] == []


# one is admitted to an institution, never to a town: after a cue of admission a place or a given name
# that is an everyday word names the hospital or school; hospitals named for a devotion are known names;
# a name-like name after a cue of business talk is a company, above the person read in two unknown words
PIPELINE_ADMITTED_AND_BUSINESS = [
    ("she was admitted to fairhaven last night", "fairhaven"),
    ("they admitted him to mercy", "mercy"),
    ("he got accepted into crestview", "crestview"),
    ("she was admitted to holy family", "holy family"),
    ("i teach at sacred heart", "sacred heart"),
    ("the deal with orvalent quenby is signed", "orvalent quenby"),
    ("we compete with talvessa brightcrest", "talvessa brightcrest"),
]


@pytest.mark.parametrize(("text", "value"), PIPELINE_ADMITTED_AND_BUSINESS)
def test_admitted_places_and_business_names_are_organisations(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert ("ORGANIZATION", value) in found, found


PIPELINE_NOT_ADMITTED = [
    "she admitted to feeling tired",
    "he admitted to lying",
    "she was admitted to the er",
    "she was admitted to the program",
    "he was admitted to practice law",
    "he was admitted to hospital last night",
    "she got accepted to university",
    "i'm at the mercy of the bank",
    "we were filled with the holy spirit",
]


@pytest.mark.parametrize("text", PIPELINE_NOT_ADMITTED)
def test_admission_words_before_everyday_words_name_nothing(default_pipeline: Pipeline, text: str) -> None:
    assert labelled(default_pipeline, text, "ORGANIZATION") == []


@pytest.mark.parametrize(
    ("text", "label"),
    [("the deal with john smith fell through", "PERSON"), ("a partnership with kessler", "PERSON")],
)
def test_a_person_after_a_business_cue_stays_a_person(
    default_pipeline: Pipeline, text: str, label: str
) -> None:
    assert [e.label for e in default_pipeline.analyze(text)] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "a rally fired by cheaper oil",
        "roughly a fifth of group reported revenue",
        "our reported earnings were in line",
    ],
)
def test_adjectival_reported_and_fired_by_name_nothing(default_pipeline: Pipeline, text: str) -> None:
    """Earnings talk says "reported sales" and "fired by" of things: no company acts or hires there."""
    assert labelled(default_pipeline, text, "ORGANIZATION") == []


# hweak2 (invented): cues of a move, a cover, a joining or a sponsor name an organisation only with a kind
# (or a known name); a relation with "'s" or a copula before "with"/"at" is a weak cue; a charity's kind
# ("house", "shelter") ends a name said without an article
KIND_CUE_POSITIVES = [
    ("she switched to maple ridge dental last year", "maple ridge dental"),
    ("we're covered through maple leaf health", "maple leaf health"),
    ("our plan goes through granite state health", "granite state health"),
    ("i joined harbor point partners in june", "harbor point partners"),
    ("i work with copper creek logistics", "copper creek logistics"),
    ("he switched over to whole foods", "whole foods"),
    ("i volunteer with thistle house on weekends", "thistle house"),
    ("she volunteers with hope street shelter", "hope street shelter"),
    ("the project is funded by bluewater foundation", "bluewater foundation"),
    ("my husband's with harbor point logistics", "harbor point logistics"),
    ("my brother is now with granite state health", "granite state health"),
    ("her sister's over at cedar grove elementary", "cedar grove elementary"),
    # a firm named by its partners, listed with commas; a national charity whose name is everyday words
    ("i work at price, smith and waters", "price, smith and waters"),
    ("she works for ruiz, copeland, and alvarez now", "ruiz, copeland, and alvarez"),
    ("i do contract work for callahan, hall and hernandez llp", "callahan, hall and hernandez llp"),
    ("i volunteer with habitat for humanity on saturdays", "habitat for humanity"),
    ("i volunteer with goodwill", "goodwill"),
    ("she's with the red cross", "the red cross"),
]


@pytest.mark.parametrize(("text", "value"), KIND_CUE_POSITIVES)
def test_a_kind_after_a_move_cover_or_relation_names_the_organisation(text: str, value: str) -> None:
    assert contextual(text) == [value]


KIND_CUE_NEGATIVES = [
    "i switched to decaf",
    "she switched to the night shift",
    "we switched to the local bank",
    "we switched to community college",
    "we're covered through december",
    "covered through my employer",
    "it goes through the roof",
    "i joined the gym",
    "i joined a book club",
    "i work with python",
    "i work with kids at the school",
    "i volunteer with the kids",
    "my husband's with the kids",
    "my son's with his dad",
    "my wife is at work",
    "my mom's at the store",
    "my daughter's at grandma's house",
    "owned by a local family",
    "run by volunteers",
    "i volunteer with refugees",
    # review44 #4.1: a care setting said alone after a relation link
    "my mom's with hospice",
    "my dad's with hospice care now",
    "my son's at daycare",
    "i have goodwill toward them",
    "i work with outbound freight rate increases daily",
    "costs from higher outbound freight partnered with lower volumes",
]


def test_a_list_after_a_name_needs_partners_names_and_its_end() -> None:
    # "target" is the firm; what follows the comma is a new clause, not more partners
    assert contextual("i work at target, and i love it") == ["target"]
    assert contextual("i work at target, smith and jones are my bosses") == ["target"]


@pytest.mark.parametrize("text", KIND_CUE_NEGATIVES)
def test_the_same_cues_without_a_kind_name_nothing(text: str) -> None:
    assert contextual(text) == []
