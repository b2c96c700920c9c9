"""The `special` detector: special-category spans in lowercase speech, everyday senses left alone."""

from __future__ import annotations

import pytest

from redactkit import ConfigError, Pipeline
from redactkit.config import load_config
from redactkit.core import AlignedText
from redactkit.detect.special import SPECIAL_LABELS, SpecialCategoryDetector
from redactkit.labels import LabelCategory, labels
from redactkit.lang import build_special

DETECTOR = SpecialCategoryDetector()


def _found(text: str, detector: SpecialCategoryDetector = DETECTOR) -> list[tuple[str, str]]:
    return [(text[e.start : e.end], e.label) for e in detector.detect(AlignedText.identity(text))]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("i've been on sertraline since my divorce", "sertraline", "MEDICATION"),
        ("she takes metformin twice a day", "metformin", "MEDICATION"),
        ("i need a refill of my lithium", "lithium", "MEDICATION"),
        ("i was diagnosed with depression last year", "depression", "MEDICAL_CONDITION"),
        ("i have a really bad case of asthma", "asthma", "MEDICAL_CONDITION"),
        ("my dad has type two diabetes", "type two diabetes", "MEDICAL_CONDITION"),
        ("i'm booked for a colonoscopy on friday", "a colonoscopy", "MEDICAL_PROCEDURE"),
        ("i came out as gay last year", "gay", "SEXUALITY"),
        ("i'm muslim", "muslim", "RELIGION"),
        ("we go to mass every sunday", "mass", "RELIGION"),
        ("we're voting green", "green", "POLITICAL_AFFILIATION"),
        ("i'm a registered republican", "republican", "POLITICAL_AFFILIATION"),
        ("my mom is nigerian", "nigerian", "NRP"),
        ("i'm half mexican", "mexican", "NRP"),
        ("i was arrested for drunk driving", "arrested for drunk driving", "CRIMINAL_OFFENCE"),
        ("he's on probation", "on probation", "CRIMINAL_OFFENCE"),
        ("he was booked into the county jail", "booked", "CRIMINAL_OFFENCE"),
        ("they are booked into county jail tonight", "booked into county jail", "CRIMINAL_OFFENCE"),
        ("both of them are booked and fingerprinted", "booked and fingerprinted", "CRIMINAL_OFFENCE"),
        ("my cousins are booked into the downtown jail", "booked", "CRIMINAL_OFFENCE"),
        ("they are booked at the county jail tonight", "booked", "CRIMINAL_OFFENCE"),
        ("both of them are booked and waiting for a bail hearing", "booked", "CRIMINAL_OFFENCE"),
        ("the police booked him for theft", "theft", "CRIMINAL_OFFENCE"),
        # what someone is booked for names the offence, an article perhaps between (review36 L9)
        ("my neighbour got booked for dwi on saturday", "booked for dwi", "CRIMINAL_OFFENCE"),
        ("she was booked for a dui after the party", "booked for a dui", "CRIMINAL_OFFENCE"),
        ("he has a record for shoplifting", "a record for shoplifting", "CRIMINAL_OFFENCE"),
        # a custody word after "booked into the ..." overrules the stay
        ("the twins were booked into the county lockup", "booked", "CRIMINAL_OFFENCE"),
        (
            "he was booked into the detention center on monday",
            "booked into the detention center",
            "CRIMINAL_OFFENCE",
        ),
        ("she was charged with battery and released", "battery", "CRIMINAL_OFFENCE"),
        # "booked" is an arrest only with words of one around it (`context_words`)
        ("my brother was booked last night and the cops kept his keys", "booked", "CRIMINAL_OFFENCE"),
        ("he was booked on suspicion of arson", "booked", "CRIMINAL_OFFENCE"),
        # review37 H2: bare arrests, battery charges, drug classes said of a person
        ("my brother got booked last night", "booked", "CRIMINAL_OFFENCE"),
        ("they booked him yesterday", "booked", "CRIMINAL_OFFENCE"),
        ("he was booked and released", "booked", "CRIMINAL_OFFENCE"),
        ("he's facing battery charges", "battery", "CRIMINAL_OFFENCE"),
        ("she was accused of battery", "battery", "CRIMINAL_OFFENCE"),
        ("i'm addicted to painkillers", "painkillers", "MEDICATION"),
        ("the antidepressants made me dizzy", "antidepressants", "MEDICATION"),
        ("the doctor gave me antibiotics", "antibiotics", "MEDICATION"),
        ("i got hooked on opioids", "opioids", "MEDICATION"),
        # custody places after "booked into" (review37 H1)
        ("my nephew got booked into the system on friday", "booked", "CRIMINAL_OFFENCE"),
        ("she got booked into the police station", "booked", "CRIMINAL_OFFENCE"),
        ("he was booked into a holding cell", "booked", "CRIMINAL_OFFENCE"),
        ("they were booked into the juvenile hall", "booked", "CRIMINAL_OFFENCE"),
        ("he was booked into the facility on charges of fraud", "booked", "CRIMINAL_OFFENCE"),
        ("she got booked into a cell overnight", "booked", "CRIMINAL_OFFENCE"),
        ("she's been taking opioids since the accident", "opioids", "MEDICATION"),
        ("i'm a moderate on most things", "moderate", "POLITICAL_AFFILIATION"),
        ("my daughter is in second grade", "second grade", "MINOR"),
        ("my son is eleven", "eleven", "MINOR"),
        ("my eleven year old is sick", "eleven year old", "MINOR"),
        ("i'm fifteen", "fifteen", "MINOR"),
    ],
)
def test_special_category_values_are_found(text: str, value: str, label: str) -> None:
    found = _found(text)
    assert any(value in got and got_label == label for got, got_label in found), found


@pytest.mark.parametrize(
    "text",
    [
        "play some pride and prejudice",
        # "booked" in its everyday sense: a reservation, not an arrest
        "all the rooms are booked",
        "the hotel rooms are booked until friday",
        "the whole third floor is fully booked",
        "sorry the table is booked tonight",
        "the flight is booked",
        "we're booked solid through june",
        "we booked into a lakeside motel for the long weekend",
        "they booked into the old inn by the station",
        "i got us booked for three nights in april",
        # numbers between the noun and "booked" do not part the phrase
        "rooms four twelve four fourteen and four sixteen are booked",
        "table nine is booked from seven",
        "seats twenty two and twenty three are all booked up",
        # a battery that powers something
        "the remote takes a nine volt battery",
        "it came with a spare battery and a charger",
        "the battery pack lasts two days",
        "i charged my laptop overnight",
        # a reservation: no word of an arrest around "booked"
        "i booked us a corner table for nine",
        "your stay has been booked",
        "we were both booked already",
        "i booked the patio last week",
        "the battery charges overnight",
        "i charged the battery before the trip",
        # price ranges, business terms, drug classes talked about as a market
        "the price range is moderate and parking is free",
        "two are moderate and one is expensive",
        "capex for the year came in lower",
        "the opioids market keeps shrinking",
        "the economy is in a depression",
        "set a timer for my medication at eight",
        "paint the fence green",
        "turn the light green when i get home",
        "i love mexican food",
        "translate this to french",
        "what grade of gasoline should i use",
        "my son got a good grade in math",
        "i'm fifteen minutes away",
        "there's a tropical depression off the coast",
        "add milk to my shopping list",
        "play black sabbath",
        "charge my phone",
        "what's the world record for the mile",
        "go straight for two miles",
        "convert ten dollars to euros",
        "how many days until christmas",
        "book a table at the indian place",
        "the deck is ten years old",
        "we sold a twelve year old van",
        "my son's jersey number is seven",
    ],
)
def test_everyday_senses_are_left_alone(text: str) -> None:
    assert _found(text) == []


def test_explanations_name_the_cue_class_never_text() -> None:
    text = "my eleven year old has adhd and takes ritalin"
    entities = DETECTOR.detect(AlignedText.identity(text))
    assert {e.label for e in entities} >= {"MINOR", "MEDICAL_CONDITION", "MEDICATION"}
    for entity in entities:
        assert entity.explanation.startswith("special: ")
        assert text[entity.start : entity.end] not in entity.explanation


def test_labels_are_registered_special_categories_and_can_be_narrowed() -> None:
    for label in SPECIAL_LABELS:
        assert labels.get(label).category is LabelCategory.SPECIAL_CATEGORY
    only = SpecialCategoryDetector(labels=("MINOR",))
    assert only.emitted_labels() == {"MINOR"}
    assert _found("my daughter is in second grade and takes zoloft", only) == [("second grade", "MINOR")]


def test_unknown_label_in_config_names_the_key() -> None:
    with pytest.raises(ConfigError, match=r"labels\[1\]"):
        load_config({"detectors": [{"name": "special", "labels": ["MINOR", "MEDICATON"]}]})


def test_curated_terms_only_without_vocabularies() -> None:
    curated = SpecialCategoryDetector(vocabularies=False)
    assert _found("she takes metformin twice a day", curated) == []
    assert _found("she takes metformin twice a day") == [("metformin", "MEDICATION")]


def test_default_pipeline_redacts_and_minimal_keeps_special_categories() -> None:
    text = "i've been on sertraline since my divorce"
    config = {"detectors": [{"name": "special"}]}
    assert Pipeline.from_config(config).redact(text).text == "i've been on [MEDICATION] since my divorce"
    minimal = {**config, "anonymizer": {"name": "policy", "preset": "minimal"}}
    assert Pipeline.from_config(minimal).redact(text).text == text
    gdpr = {**config, "anonymizer": {"name": "policy", "preset": "gdpr"}}
    assert Pipeline.from_config(gdpr).redact(text).text == "i've been on [MEDICATION] since my divorce"


def test_gdpr_preset_refuses_to_keep_a_special_category() -> None:
    config = {
        "detectors": [{"name": "special"}],
        "anonymizer": {"name": "policy", "preset": "gdpr", "operators": {"RELIGION": "keep"}},
    }
    with pytest.raises(
        ConfigError, match=r"gdpr preset never keeps special-category data: operators\.RELIGION"
    ):
        Pipeline.from_config(config)


def test_shipped_vocabularies_are_what_the_build_makes() -> None:
    """redactkit/lang/en-US/{medications,conditions}.txt equal a rebuild from the pinned sources."""
    pytest.importorskip("drug_named_entity_recognition")
    pytest.importorskip("simple_icd_10_cm")
    assert build_special.main(["--check"]) == 0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("my son is eleven years old", "MINOR"),
        ("she is eleven and has asthma", "MINOR"),
        ("my daughter is in fifth grade", "MINOR"),
        ("i was arrested for a dui", "CRIMINAL_OFFENCE"),
        # a name read in the same word at the same confidence gives way (review36 L9)
        ("my uncle got booked for dui", "CRIMINAL_OFFENCE"),
    ],
)
def test_special_labels_win_overlaps_in_the_default_pipeline(
    default_pipeline: Pipeline, text: str, label: str
) -> None:
    """Overlapping detections take the best-scored label: a child's age is found as a MINOR, not an
    AGE, so it keeps MINOR's protection; the pipeline reports it as an AGE protected as a MINOR
    (policy_label), which the row's sensitivity sees."""
    found = {entity.policy_label or entity.label for entity in default_pipeline.analyze(text)}
    assert label in found


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a demonym with a person or group noun, whatever the country (generated demonyms.txt)
        ("the french delegation arrived", "french", "NRP"),
        ("we met some chinese tourists", "chinese", "NRP"),
        ("our mexican friends are coming over", "mexican", "NRP"),
        ("call the ghanaian consulate tomorrow", "ghanaian", "NRP"),
        ("the burkinabe runner won", "burkinabe", "NRP"),
        ("a kyrgyz family moved in", "kyrgyz", "NRP"),
        # any person noun of WordNet (generated person_nouns.txt) after the group word
        ("the polish locksmith fixed it", "polish", "NRP"),
        ("two japanese archaeologists visited", "japanese", "NRP"),
        # plural people nouns, and "the X" as a people
        ("there are many brazilians living here", "brazilians", "NRP"),
        ("my landlord won't rent to israelis", "israelis", "NRP"),
        ("most sri lankans i know", "sri lankans", "NRP"),
        ("the dutch are coming", "dutch", "NRP"),
        ("i work with two swedes", "swedes", "NRP"),
        # predicative, negated too
        ("my boss is indian", "indian", "NRP"),
        ("we think she's mexican actually", "mexican", "NRP"),
        ("is he kenyan or something", "kenyan", "NRP"),
        ("i'm not american but my wife is", "american", "NRP"),
        # religious and political groups
        ("the sunni and shia leaders met", "sunni", "RELIGION"),
        ("the sunni and shia leaders met", "shia", "RELIGION"),
        ("a coptic family across the street", "coptic", "RELIGION"),
        ("the anglicans share the hall", "anglicans", "RELIGION"),
        ("the marxists met downtown", "marxists", "POLITICAL_AFFILIATION"),
        ("the social democrats won", "social democrats", "POLITICAL_AFFILIATION"),
        ("i can't stand liberals", "liberals", "POLITICAL_AFFILIATION"),
        ("my uncle is a trotskyist", "trotskyist", "POLITICAL_AFFILIATION"),
    ],
)
def test_groups_of_people_are_found(text: str, value: str, label: str) -> None:
    assert (value, label) in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # food, languages and things named after a country
        "order chinese food",
        "add french fries to the order",
        "i speak french and german",
        "translate this to nepali",
        "how do you say thanks in urdu or farsi",
        "my japanese car needs tires",
        "vacuum the persian rug",
        "put the dutch oven on the stove",
        "visit the french alps",
        "who won the french open",
        "play orange is the new black",
        "watch shia labeouf movies",
        "the chinese restaurant closed",
        # a cue before a common demonym counts only when it stands alone, not as a modifier
        "i'd like a greek frappe",
        "is the italian gelato any good",
        "it's a french design",
        # a negative context after a coordinated term vetoes the first one too
        "ethiopian or nepali food please",
        # the plural of an ambiguous faith word needs a cue like the singular
        "convert the files to pdf",
        "visit the temples in kyoto",
    ],
)
def test_things_named_after_a_people_are_left_alone(text: str) -> None:
    assert not [pair for pair in _found(text) if pair[1] in ("NRP", "RELIGION", "POLITICAL_AFFILIATION")]


def test_every_country_has_a_people_noun() -> None:
    """Each demonym of the generated list is NRP with a group noun, and its plural on its own."""
    from redactkit.lang import load_locale

    demonyms = load_locale("en-US").resources["demonyms"]["words"]
    assert len(demonyms) > 200
    missed = [d for d in demonyms if (d, "NRP") not in _found(f"the {d} delegation arrived")]
    assert not missed


def test_nrp_held_out_families_keep_their_recall_and_negatives() -> None:
    """Floors for the NRP held-out families of the sensitive set (sensitive_nrp_heldout.yaml, which
    the rules were not written against; the special detector alone): full coverage of the group
    words and the share of the family's negatives with a group-label span."""
    from redactkit.bench.sensitive import generate_sensitive

    groups = ("NRP", "RELIGION", "POLITICAL_AFFILIATION")
    records = [r for r in generate_sensitive("heldout", seed=0) if r.family.startswith("nrp_ho")]
    covered = gold = flagged = negatives = 0
    for record in records:
        spans = [
            (e.start, e.end) for e in DETECTOR.detect(AlignedText.identity(record.text)) if e.label in groups
        ]
        if record.kind == "negative":
            negatives += 1
            flagged += bool(spans)
            continue
        for span in record.spans:
            gold += 1
            covered += any(start <= span.start and span.end <= end for start, end in spans)
    assert gold >= 300 and negatives >= 250
    assert covered / gold >= 0.95
    assert flagged / negatives <= 0.08
