"""What a recognizer makes of organisation names and dictated e-mail domains, and what must stay
ordinary speech. Every sentence is invented.

- a kind of organisation heard one letter off ("collage", "universty", "hospitol") right after a naming
  word, or as no word at all before "of"; a short word heard inside a name before its kind ("saint
  brigid's it academy");
- an e-mail domain with a garbled "dot" ("dog", "dart", "dots"), a top-level domain two letters off after
  a "dot" heard right, a short word between "dot" and the top-level domain, a "dot" left out before one,
  or a "dot" that ends the utterance; only after an "at" with a host word and a local part said like
  one;
- a web address whose scheme or "www" was garbled ("h t t p s color slash slap", "double u doodle u"),
  whose "dot" was heard as "dog" or "dart" or whose top-level domain is two letters off after a host
  name no dictionary has, and a garbled "slash" before its path;
- an age whose units were misheard after a tens word ("twenty fife"), whose cue has a short word
  inserted before the number ("just turned it eighty") or whose person verb was garbled ("she torn
  nine").
"""

from __future__ import annotations

import pytest
from _support import covering_labels, found_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an organisation: its kind heard one letter off, or a short word heard inside its name
        ("my daughter goes to brackenridge collage now", "brackenridge collage"),
        ("he studied at quillfeather universty for two years", "quillfeather universty"),
        ("she was admitted to kessler memorial hospitol last week", "kessler memorial hospitol"),
        ("they met at saint brigid's collage", "saint brigid's collage"),
        ("we both studied universty of oregon", "universty of oregon"),
        ("our son is at univercity of nebraska now", "univercity of nebraska"),
        ("she got an offer from universityof montana", "universityof montana"),
        ("he teaches at uni versity of kent", "uni versity of kent"),
        ("i was seen at brookhollow medical censor", "brookhollow medical censor"),
        ("she had a scan at larkfield regional medical cen ter", "larkfield regional medical cen ter"),
        ("we went to ashgrove urgent cargo last night", "ashgrove urgent cargo"),
        ("the referral came from saint ignatius it academy", "saint ignatius it academy"),
        ("we were sent to lakemont is general hospital by the nurse", "lakemont is general hospital"),
        ("she is at santa rosa the clinic today", "santa rosa the clinic"),
        ("my cousin goes to university is of vermont", "university is of vermont"),
        # an e-mail address: a garbled "dot" or top-level domain after an "at" with a host word
        ("my email is zed underscore one at irnsoft dog edu", "zed underscore one at irnsoft dog edu"),
        ("send it to jan dot novak at hotmail dog com", "jan dot novak at hotmail dog com"),
        ("email jones five at mail dart edu please", "jones five at mail dart edu"),
        ("write to k l o at quorvex dots net", "k l o at quorvex dots net"),
        (
            "reach me at tamsin underscore b at keystonix dot calm",
            "tamsin underscore b at keystonix dot calm",
        ),
        ("my email is marek dot hollis at rhyta dot i com", "marek dot hollis at rhyta dot i com"),
        ("my address is dino one at gmail dot", "dino one at gmail dot"),
        ("it's p a t underscore k at pacificfin edu", "p a t underscore k at pacificfin edu"),
        ("email ola dot f at outlook dot old", "ola dot f at outlook dot old"),
        # a web address: a garbled scheme, "www", "dot", top-level domain or "slash"
        (
            "go to h t t p s color slash slap quintrova dot com",
            "h t t p s color slash slap quintrova dot com",
        ),
        (
            "visit double u doodle u double in dot marlowbay dot net",
            "double u doodle u double in dot marlowbay dot net",
        ),
        (
            "it's at h t the p colon slash slash ferrovane dot org",
            "h t the p colon slash slash ferrovane dot org",
        ),
        ("check out tessarine dog io for the docs", "tessarine dog io"),
        ("go to w w w dot kelpiora dart app", "w w w dot kelpiora dart app"),  # after "www" any domain
        ("it's quorvane. com for the details", "quorvane. com"),  # a period written for "dot"
        ("sure my company name is velvet musics", "velvet musics"),  # a plural "-ics" is no activity
        ("go to www. harlowe. org slash jobs", "www. harlowe. org slash jobs"),
        ("the page is on w w w dot calderwick dart co dot uk", "w w w dot calderwick dart co dot uk"),
        ("look it up on brindlecast dot cow", "brindlecast dot cow"),
        ("it's on quarrytone dot iso", "quarrytone dot iso"),
        ("have a look at vantorelle info", "vantorelle info"),
        (
            "check of t t p s colon slash slash merrowick dot com",
            "of t t p s colon slash slash merrowick dot com",
        ),
        ("the docs are on feldspire all one word dart io", "feldspire all one word dart io"),
        (
            "go to w w w dot ostrava dash finch dot com slap pricing",
            "w w w dot ostrava dash finch dot com slap pricing",
        ),
        # an age: misheard units, a short word inserted before the number, a garbled person verb
        ("my uncle turns sixty fife next week", "sixty fife"),
        ("i was thirty floor years old when we moved", "thirty floor years old"),
        ("our grandpa just turned it ninety", "ninety"),
        ("he's i only seven so half a tablet", "seven"),
        ("my aunt just tired seventy two", "seventy two"),
    ],
)
def test_a_garbled_organisation_mail_domain_web_address_or_age_is_redacted_whole(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert covering_labels(default_pipeline, text, value), f"{value!r} is not redacted whole"


@pytest.mark.parametrize(
    "text",
    [
        "i made a photo collage for her birthday",
        "the kids glued a big collage on the wall",
        "tell maria jones the clinic called",
        "she lived in denver in college",
        "i met mary in college",
        "the university is of course closed on sunday",
        "what time is school over today",
        "is the hospital open on weekends",
        "he is a school teacher",
        "my son is the school captain",
        "my family practiced yoga every morning",
        "the medical centre was closed",
        "he went to college in florida",
        "he graduated high school last year",  # a verb before the kind is no name
        "she finished middle school in june",
        "he works as a coach for pickleball",  # activities, listed or by their endings
        "my son coaches dodgeball for fun",
        "she goes to robotics after school",
    ],
)
def test_kinds_and_short_words_in_ordinary_speech_are_no_organisation(
    default_pipeline: Pipeline, text: str
) -> None:
    assert "ORGANIZATION" not in found_labels(default_pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "walk the dog",
        "i'm at home dog come here",
        "we walked the dog at noon dog",
        "look at that dog go",
        "she threw a dart at the board",
        "connect the dots at home",
        "i'll be at the park dog run at five",
        "we met at the shop dot come on friday",
        "the dog at the vet is fine dot",
        "meet me at noon dart over there",
        "where is the closest cinema that plays the keanu reeves movie",
        "my dog is cute and your dog is not",
        "the hot dog co op opens at nine",
        "she threw a dart in the bin",
        "the band played a slap bass solo",
        "she moved to castellane de la mar",
        "we sold the pellmar co stake",
        # a made-up host and a top-level domain need a web cue before them
        "can you give me the doordash info",
        "send me the airbnb info",
        "pull up the ticketmaster info",
        "the fitbit info is wrong",
        "the kombucha net",
        # a domain that is an everyday word after a garbled "dot", a given name before a last "dot"
        "pixel dart app",
        "the hot dog shop on main street",
        "tell jaxon dot",
        "we met in may. co workers came too",  # a sentence's period before a domain that is a word
        "i moved to the u. k. last year",
    ],
)
def test_dogs_darts_and_dots_in_ordinary_speech_are_no_address(default_pipeline: Pipeline, text: str) -> None:
    assert not found_labels(default_pipeline, text) & {"EMAIL_ADDRESS", "URL"}


@pytest.mark.parametrize(
    "text",
    [
        "she's a ten out of ten",
        "i'm in two minds about it",
        "he's fine thanks for asking",
        "i was tired two days ago",
        "she looked tired for ten minutes",
        "i burn ten calories a minute",
        "she books two tables for friday",
        "the score was forty fine by me",
        # another verb one or two letters off a person verb is no garbled one
        "i booked two",
        "we booked four last night",
        "she cooked two",
        "i teach five",
        "she sits ten",
        "we tuned two",
        "i locked two",
    ],
)
def test_garbled_looking_ages_in_ordinary_speech_are_no_age(default_pipeline: Pipeline, text: str) -> None:
    assert "AGE" not in found_labels(default_pipeline, text)


@pytest.mark.parametrize(
    ("text", "name", "joined"),
    [
        # a recognizer put a short word inside one name: one PERSON over it
        ("i spoke with priya that lindqvist yesterday", "priya that lindqvist", True),
        ("please ask greta is nyberg to call", "greta is nyberg", True),
        ("the name is brannagh d u a the v i c o", "d u a the v i c o", True),
        # two people stay two
        ("call john and mary tonight", "john and mary", False),
        ("i met maria and anna at the gym", "maria and anna", False),
        ("did kofi and jen get back together", "kofi and jen", False),
    ],
)
def test_a_word_inserted_inside_a_name_joins_its_parts(
    default_pipeline: Pipeline, text: str, name: str, joined: bool
) -> None:
    start = text.index(name)
    persons = [e for e in default_pipeline.analyze(text) if e.label == "PERSON"]
    whole = any(e.start <= start and e.end >= start + len(name) for e in persons)
    assert whole is joined


def test_a_web_address_host_is_no_garbled_mail_domain(default_pipeline: Pipeline) -> None:
    text = "our annual report on form 10 k is accessible at www dot sec dot gov"
    assert "EMAIL_ADDRESS" not in {
        e.label for e in default_pipeline.analyze(text) if e.start < text.index("accessible")
    }


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("he's forty fine thanks", "forty"),
        ("i'm fifty true story", "fifty"),
        ("she's ninety nice and healthy", "ninety"),
        ("my uncle turns sixty fife next week", "sixty fife"),  # a homophone is a misheard unit
        ("i was thirty floor years old", "thirty floor years old"),  # a near one before an age unit
    ],
)
def test_a_near_homophone_after_a_tens_word_is_a_unit_only_before_an_age_unit(
    default_pipeline: Pipeline, text: str, age: str
) -> None:
    ages = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.label == "AGE"]
    assert ages == [age]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("it's on brindlecast dot com slap the like button", "brindlecast dot com"),
        ("visit quorvane dot io slap a sticker on it", "quorvane dot io"),
        ("go to tessarine dot com slap login", "tessarine dot com slap login"),  # a garbled "slash"
    ],
)
def test_a_word_like_slash_before_a_stop_word_is_no_path(
    default_pipeline: Pipeline, text: str, address: str
) -> None:
    urls = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.label == "URL"]
    assert urls == [address]
