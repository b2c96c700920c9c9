"""A caller's "it's X here", a name ending before the verb that follows it, a word quoted before "said is",
a saint prayed to, and a colleague's desk after "at" (review41 L2-L5).

Case tables: positives and negatives side by side. Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest
from _support import found_spans, labelled

from redactkit import Pipeline

# names.yaml `person_cues.copula_weather_words`: "it's X here" opening the turn names a caller unless X
# is a word of weather; after a greeting and a copula such a word is the caller, not a place the model saw
CALLER_CASES = [
    ("it's frank here", "frank"),
    ("yeah hi it's rusty here", "rusty"),
    ("it's rusty here", "rusty"),
    ("hello it's crystal here", "crystal"),
    ("hey there this is crystal", "crystal"),
    ("hello this is crystal with billing", "crystal"),
    ("hey it's sandy here", "sandy"),
    # weather, light and season, or not at the turn's start
    ("it's sunny here", None),
    ("it's stormy here today", None),
    ("it's misty here this morning", None),
    ("it's summer here now", None),
    ("it's sandy here", None),
    ("this is crystal clear", None),
    ("this is frank advice", None),
]


@pytest.mark.parametrize(("text", "name"), CALLER_CASES)
def test_its_x_here_names_a_caller_unless_x_is_weather(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    found = found_spans(default_pipeline, text)
    assert found == ([(name, "PERSON")] if name else [])


# ner: a verb the model swept in after a given name ends the name ("mark said" -> "mark")
SPEAKER_CASES = [
    ("mark said it's fine", "mark"),
    ("rich said nothing", "rich"),
    ("bill said he'd pay", "bill"),
    ("pat said no", "pat"),
    ("ever since kai moved out", "kai"),
    ("kai moved out last year", "kai"),
    ("rich said maybe", "rich"),
]


@pytest.mark.parametrize(("text", "name"), SPEAKER_CASES)
def test_a_speakers_name_ends_before_the_verb(default_pipeline: Pipeline, text: str, name: str) -> None:
    assert labelled(default_pipeline, text, "PERSON") == [name]


# names.yaml `quoted_copulas` / `quoted_kinds`: a copula right after the verb of speech and a word for a
# kind of word or title says the words before it are quoted
QUOTED_CASES = [
    ("hope said is a song", None),
    ("will said is a verb", None),
    ("grace said was the word on the card", None),
    ("hope said was the title of her book", None),
    ("faith said is my favorite song", None),
    # the one who spoke
    ("hope said yes", "hope"),
    ("will said he'd call back", "will"),
    ("grace said it's fine", "grace"),
    ("joy said she was tired", "joy"),
    ("mark said is that okay", "mark"),
    ("hope said is a refund possible", "hope"),
]


@pytest.mark.parametrize(("text", "name"), QUOTED_CASES)
def test_a_copula_after_said_quotes_the_words_before(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    assert persons == ([name] if name else [])


# names.yaml `saint_devotion_words`: a saint prayed to is the saint, whatever place is named after them
SAINT_CASES = [
    ("i prayed to saint anthony", "saint anthony", "PERSON"),
    ("she prays to saint francis for the animals", "saint francis", "PERSON"),
    ("he made a novena to saint joseph", "saint joseph", "PERSON"),
    ("the feast of saint lucy is in december", "saint lucy", "PERSON"),
    # places and institutions stay
    ("we prayed in saint louis", "saint louis", "LOCATION"),
    ("she went to saint moritz to pray", "saint moritz", "LOCATION"),
    ("we drove to saint louis for the game", "saint louis", "LOCATION"),
    ("he lit a candle at saint mary's", "saint mary's", "ORGANIZATION"),
]


@pytest.mark.parametrize(("text", "saint", "label"), SAINT_CASES)
def test_a_saint_prayed_to_is_a_person(default_pipeline: Pipeline, text: str, saint: str, label: str) -> None:
    assert (saint, label) in found_spans(default_pipeline, text)


# names.yaml `person_cues.departments`: a department after "at" is a colleague's desk, no mail host
DESK_CASES = [
    ("i forwarded the email to jen at accounting and the rest is history", None),
    ("i sent the email to tom at billing and so on", None),
    ("email marco at payroll or something", None),
    ("my email went to sara at human resources and the rest i don't know", None),
    # broken-off e-mail addresses stay
    ("my email is j dot lee at mail dot harbor and the rest i forget", "j dot lee at mail dot harbor"),
    ("my email is brel at kestrel or something like that", "brel at kestrel"),
    ("email quorra nine at vantel and the rest i forget", "quorra nine at vantel"),
]


@pytest.mark.parametrize(("text", "email"), DESK_CASES)
def test_a_department_after_at_is_no_mail_host(
    default_pipeline: Pipeline, text: str, email: str | None
) -> None:
    emails = labelled(default_pipeline, text, "EMAIL_ADDRESS")
    assert emails == ([email] if email else [])


# context.yaml `credentials.handle_platforms` / `self_namers` / `handle_state_words`, game-network cues,
# `as_clause_openers`: handles said beyond the follow verbs
HANDLE_CASES = [
    ("i'm quiet otter on discord", "quiet otter"),
    ("i'm toast master two two on twitch", "toast master two two"),
    ("i'm zorblax on discord", "zorblax"),
    ("my psn name is glitch hunter five", "glitch hunter five"),
    ("my steam name is rusty bolt", "rusty bolt"),
    ("my gamertag is shadow fox ninety nine", "shadow fox ninety nine"),
    ("find me as pixel wizard on reddit", "pixel wizard"),
    ("j smith nine on instagram", "j smith nine"),
    # how one is on a platform, a clause after "as", a description
    ("i'm busy on discord right now", None),
    ("i'm always on reddit", None),
    ("i'm online on discord most nights", None),
    ("i'm new on twitch", None),
    ("i'm totally hooked on steam", None),
    ("i'm a mod on discord", None),
    ("i'm a streamer on twitch", None),
    ("i'm really into cooking on youtube", None),
    ("i'm on discord", None),
    ("find me as soon as you can", None),
    ("find me as you leave the building", None),
    ("log in as you normally would", None),
    ("my gamertag is something i forgot", None),
    ("the steam is hot", None),
]


@pytest.mark.parametrize(("text", "handle"), HANDLE_CASES)
def test_a_handle_said_beyond_the_follow_verbs(
    default_pipeline: Pipeline, text: str, handle: str | None
) -> None:
    found = found_spans(default_pipeline, text)
    assert found == ([(handle, "USERNAME")] if handle else [])


# context.yaml `organizations.everyday_name_links` / `cue_copulas`: a local business's name of two everyday
# words after a caller's or an employer's link; a copula after a cue; the cue's last word said twice
AFFILIATION_CASES = [
    ("we're calling from blue harbor", "blue harbor"),
    ("i'm calling from green bucket about your order", "green bucket"),
    ("my employer is blue harbor", "blue harbor"),
    ("my current employer is copper pot", "copper pot"),
    ("the company i work for is red barn", "red barn"),
    ("i do payroll for for blue harbor", "blue harbor"),
    ("hi it's mike with copper pot", "copper pot"),
    ("this is dana from blue harbor", "blue harbor"),
    ("this is dana okafor with blue harbor", "blue harbor"),
    # no business named
    ("we're calling from the clinic", None),
    ("i'm calling from my cell", None),
    ("my employer is great", None),
    ("my employer is fine with it", None),
    ("the company i work for is small", None),
    ("my school is closed today", None),
    ("i do payroll for for a living", None),
    ("this is dana with a question", None),
    ("this is dana from accounting", None),
    ("it's mike from the office", None),
    ("this is great with blue cheese", None),
]


@pytest.mark.parametrize(("text", "name"), AFFILIATION_CASES)
def test_a_local_business_after_a_callers_or_employers_link(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    organizations = labelled(default_pipeline, text, "ORGANIZATION")
    assert organizations == ([name] if name else [])


# context.yaml `credentials.descriptions` / `description_words` / `as_clause_openers` (review42 pass 0):
# what is said of a username or a handle instead of it
DESCRIBED_CASES = [
    "my username is my name",
    "sign in as usual",
    "my handle is broken",
    "the door handle is loose",
]


@pytest.mark.parametrize("text", DESCRIBED_CASES)
def test_a_username_described_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    assert found_spans(default_pipeline, text) == []


def test_a_value_after_a_description_still_counts(default_pipeline: Pipeline) -> None:
    text = "my username is my first name then one two three"
    assert [label for _, label in found_spans(default_pipeline, text)] == ["USERNAME"]


@pytest.mark.parametrize("text", ["log in as a tucker eight three seven", "sign in as i paradis nine six"])
def test_a_spelled_initial_after_an_as_cue_opens_the_handle(default_pipeline: Pipeline, text: str) -> None:
    assert [label for _, label in found_spans(default_pipeline, text)] == ["USERNAME"]


def test_a_colleague_at_a_desk_is_a_person(default_pipeline: Pipeline) -> None:
    """review42 pass 3: the name before "at accounting" is no place the model guessed."""
    text = "i forwarded the email to jen at accounting and the rest is history"
    assert found_spans(default_pipeline, text) == [("jen", "PERSON")]
    assert ("paris", "LOCATION") in found_spans(default_pipeline, "we went to paris at christmas")
