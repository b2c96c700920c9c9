"""Names no list has and no usual cue introduces, in lowercase speech (names.yaml ``person_cues``): a name
whose spelling is asked, someone being talked to, a new colleague named after a modifier ("our new intern
X"), a colleague named by a department ("X from accounting"), two unknown names joined by "and", a title
written with its full stop ("mrs. X"), a name only the locale's own list has that starts like "the" +
a word ("themba"), a given name as frequent as "hope" after a relation, and given names that are everyday
words ("max", "sunny") where they name no one.
Every name is invented or a common given name; the look-alikes are the same phrases with no one named."""

from __future__ import annotations

import pytest
from _support import found_by, names_detector, ner_detector

FOUND = [
    # a name whose spelling is asked or given
    ("how do i spell zorvenka", {"zorvenka"}),
    ("i never remember how to spell quellandra", {"quellandra"}),
    # someone being talked to, as it happens
    ("i was talking to dovrika about the lease", {"dovrika"}),
    ("i'm on the phone with tavrosi right now", {"tavrosi"}),
    ("were you speaking with velomir this morning", {"velomir"}),
    # a new colleague or a relation named after modifiers ("new", "old", "summer")
    ("our new intern zorbekka starts monday", {"zorbekka"}),
    ("my old roommate quellani is visiting", {"quellani"}),
    ("the new guy dovrika fixed the printer", {"dovrika"}),
    # a colleague named by a department or a desk (also a given name that is a common word)
    ("zorvela from accounting called about the invoice", {"zorvela"}),
    ("i got an email from tavrosi in payroll", {"tavrosi"}),
    ("ask velomir over in legal", {"velomir"}),
    ("mark from billing left a note", {"mark"}),
    # two unknown names joined by "and": opening the turn before a verb, or after a person cue
    ("velomir and tavrosi are coming for dinner", {"velomir", "tavrosi"}),
    ("i'm going with dovrika and zorbekka", {"dovrika", "zorbekka"}),
    # a possessive before what only a person has
    ("remind me about zorvela's birthday", {"zorvela's"}),
    # a title written with its full stop
    ("mrs. quellani called", {"quellani"}),
    ("dr. tavrosi is running late", {"tavrosi"}),
    # a name only the locale's list has, "the" + a word: no "the" run together with a word
    ("call themba", {"themba"}),
    ("themba is picking me up", {"themba"}),
    # a given name as frequent as "hope" after a relation, before a verb or the end
    ("my friend hope is moving to denver", {"hope"}),
    ("my sister hope said hi", {"hope"}),
    # everyday words that are given names, where they name someone
    ("text max that i'm running late", {"max"}),
    ("max said he would bring the chairs", {"max"}),
    ("hi it's sunny from the clinic", {"sunny"}),
    ("this is pierce i'm returning your call", {"pierce"}),
    # a guide or a friend WordNet reads first as something else, and a family name as frequent as an
    # everyday word ending the copula phrase (review of session 43: "faith" alone was found)
    ("my mentor is faith works", {"faith works"}),
    ("her barber zorvelo moved away", {"zorvelo"}),
    ("my old pal quellani is visiting", {"quellani"}),
    # a word English never uses, asked about or doing something, with no cue (names.yaml
    # question_auxiliaries, after_unheard)
    ("is zorvelani coming", {"zorvelani"}),
    ("has quellandra finished the report", {"quellandra"}),
    ("does tavrosine know about friday", {"tavrosine"}),
    ("dovrikani called", {"dovrikani"}),
    ("i think velomira left early", {"velomira"}),
    ("zorbekka needs a ride", {"zorbekka"}),
    # a caller naming themselves before a verb form of calling (review40 H8)
    ("this is june calling about the invoice", {"june"}),
    ("hi it's oriane speaking", {"oriane"}),
]

NOT_FOUND = [
    # spelling, talking, colleagues and departments with no one named
    "how do i spell necessary",
    "can you spell check this page",
    "how do you spell teflon",
    "how do you spell hot tub",
    "this is getting old",
    "it's raining outside",
    "i hate talking to robots",
    "talking to the manager didn't help",
    "i'm on the phone with the bank",
    "our new intern starts monday",
    "the new guy at work is nice",
    "the report from accounting is late",
    "someone from accounting called",
    "the bill from legal came today",
    "nothing in payroll changed",
    # a person noun that is also a given name, after a possessive or a determiner: the noun
    "my mentor said hi",
    "the mentor said yes",
    "my pal said hi",
    # ... and a copula phrase that ends in no family name
    "my mentor is faith works at the bank",
    "my mentor is patience itself",
    "the nurse is sunny today",
    # a brand, an app or a thing asked about: words English text uses
    "is spotify down",
    "is kubernetes down again",
    "is tiktok working",
    "kombucha is great",
    "is it coming",
    "has the report come in",
    # a venue, a film or words run together, asked about or described (hold-out rows, words invented)
    "is quarnello at the cinema",
    "will zembrato be hot on friday",
    "where is vostrillo playing",
    "book a table at a pub that has trembolli for lunch",
    "zorvicks is located in the town centre",
    "okayi will adjust the order",
    # words joined by "and" that are no people
    "salt and pepper are on the table",
    "cats and dogs are welcome",
    "rain and wind are expected tonight",
    "kimchi and bulgogi are my favorites",
    # a relation before a frequent word that is no name there
    "my friend will be there",
    "my son will be late",
    # everyday words that are given names, naming no one
    "set it to max volume",
    "turn the heat up to max",
    "max out the credit card",
    "it's sunny today",
    "i'm frank with you",
    "it's fair to ask for a refund",
    "it's worth trying again",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_unlisted_names(text: str, names: set[str]) -> None:
    assert {value for label, value in found_by(names_detector(), text) if label == "PERSON"} == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_unlisted_names_look_alikes(text: str) -> None:
    assert found_by(names_detector(), text) == set()


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("set it to max volume", False),
        ("max out the credit card", False),
        ("turn it up to max", False),
        ("text max that i'm running late", True),
    ],
)
def test_ner_guard_everyday_names(text: str, person: bool) -> None:
    """The ``ner`` detector's guard keeps a lone everyday word the dictionary lacks (names.yaml
    ``everyday_names``) as a PERSON only after a strong one-word cue."""
    assert any(label == "PERSON" for label, _ in found_by(ner_detector(), text)) == person
