"""redactkit.synth: exact spans, determinism, the train/held-out split, options, the CLI."""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from redactkit.bench.formats import read_labeled
from redactkit.cli import app
from redactkit.synth import (
    LABELS,
    SPLITS,
    families,
    generate,
    generate_pairs,
    to_labeled_examples,
    write_jsonl,
)
from redactkit.synth._generate import _check_template, _plan, _render
from redactkit.synth._lexicon import in_heldout_pool, lexicon
from redactkit.synth._values import GRAMMARS, Draw

runner = CliRunner()

settings.register_profile("synth", max_examples=40, deadline=None)


def _check_spans(text: str, spans: tuple) -> None:  # type: ignore[type-arg]
    previous_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= previous_end, "spans are sorted and do not overlap"
        value = text[span.start : span.end]
        assert value == value.strip() and value, "a span starts and ends on a word"
        assert span.start == 0 or text[span.start - 1] == " ", "a span starts at a word boundary"
        assert span.end == len(text) or text[span.end] in " .?", "a span ends at a word boundary"
        assert span.label in LABELS
        previous_end = span.end


@settings(max_examples=40, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    split=st.sampled_from(SPLITS),
    written_share=st.sampled_from([0.0, 0.5, 1.0]),
    interruptions=st.sampled_from([None, 0.0, 1.0]),
)
def test_spans_are_exact(seed: int, split: str, written_share: float, interruptions: float | None) -> None:
    for record in generate(
        30, seed=seed, split=split, written_share=written_share, interruptions=interruptions
    ):
        assert record.text == " ".join(record.text.split()), "single spaces, no padding"
        _check_spans(record.text, record.spans)
        if record.style == "spoken":
            assert record.text == record.text.lower()


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), split=st.sampled_from(SPLITS))
def test_span_text_is_what_the_grammar_produced(seed: int, split: str) -> None:
    rng = random.Random(seed)
    family = rng.choice([f for f in families() if f.split == split and not f.negative])
    template = rng.choice([t for t in family.templates if t.possible])
    parts = _plan(template, family, rng, interruptions=None)
    for style in ("spoken", "written"):
        text, spans = _render(parts, style)  # type: ignore[arg-type]
        values = [part for part in parts if part.label is not None]
        assert [(text[s.start : s.end], s.label) for s in spans] == [
            (part.spoken if style == "spoken" else part.written, part.label) for part in values
        ]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), label=st.sampled_from(LABELS), split=st.sampled_from(SPLITS))
def test_every_grammar_gives_words(seed: int, label: str, split: str) -> None:
    value = GRAMMARS[label](Draw(random.Random(seed), lexicon(), split))
    assert value.chunks and all(chunk == " ".join(chunk.split()) and chunk for chunk in value.chunks)
    assert value.written.strip()
    assert value.spoken == value.spoken.lower()


def test_same_seed_same_records_other_seed_other_records() -> None:
    first = generate(300, seed=7, split="heldout", written_share=0.3)
    assert generate(300, seed=7, split="heldout", written_share=0.3) == first
    assert generate(300, seed=8, split="heldout", written_share=0.3) != first
    assert generate(300, seed=7, split="train", written_share=0.3) != first


def test_heldout_families_never_appear_in_train_output() -> None:
    split_of = {family.id: family.split for family in families()}
    for split in SPLITS:
        records = generate(2000, seed=1, split=split)
        assert {split_of[record.family] for record in records} == {split}
        assert all(record.split == split for record in records)
    # and the held-out side is not a subset of train templates under another name
    train_templates = {t.raw for f in families() if f.split == "train" for t in f.templates}
    heldout_templates = {t.raw for f in families() if f.split == "heldout" for t in f.templates}
    assert not train_templates & heldout_templates


def test_every_label_has_train_and_heldout_families() -> None:
    for split in SPLITS:
        counts = Counter(
            span.label for record in generate(3000, seed=2, split=split) for span in record.spans
        )
        assert set(counts) == set(LABELS), f"{split}: missing {set(LABELS) - set(counts)}"
        assert min(counts.values()) >= 60, counts


def test_countries_by_short_name_are_places_and_us_the_pronoun_is_not() -> None:
    """Train data for "the us" as a country next to "us" the pronoun ("let us know")."""
    records = generate(1500, seed=4, split="train", labels=["LOCATION"], negatives_share=0.3)
    short = [
        record.text[span.start : span.end]
        for record in records
        for span in record.spans
        if record.family == "business.places"
    ]
    assert {"us", "u s"} <= set(short)
    for record in records:
        for span in record.spans:
            assert record.text[span.start : span.end] != "us" or record.text[: span.start].endswith(
                ("the ", "our ")
            ), record.text
    pronouns = [r for r in records if not r.spans and " us " in f" {r.text} "]
    assert pronouns, "hard negatives with 'us' the pronoun"
    assert not any(f.split == "heldout" and "abbreviation" in t.raw for f in families() for t in f.templates)


def test_name_pools_are_disjoint_between_splits() -> None:
    lex = lexicon()
    for pool in (lex.given, lex.family, lex.home_cities, lex.world_cities):
        assert pool.train and pool.heldout
        assert not set(pool.train) & set(pool.heldout)
        assert all(in_heldout_pool(word) for word in pool.heldout)
    rng = random.Random(0)
    for split in SPLITS:
        for _ in range(200):
            value = GRAMMARS["PERSON"](Draw(rng, lex, split, "given"))
            name = value.chunks[0]
            assert (name in lex.given.heldout or in_heldout_pool(name)) == (split == "heldout")


def test_negatives_share_labels_and_written_share() -> None:
    records = generate(1000, seed=4, negatives_share=0.3)
    negatives = [record for record in records if not record.spans]
    assert 0.25 < len(negatives) / len(records) < 0.35
    assert all(family.startswith(("neg.", "heldout.neg.")) for family in {r.family for r in negatives})
    assert not [r for r in records if r.spans and r.family.startswith("neg.")]
    only = generate(300, seed=4, labels=["PHONE_NUMBER", "EMAIL_ADDRESS"], negatives_share=0.0)
    assert {span.label for record in only for span in record.spans} == {"PHONE_NUMBER", "EMAIL_ADDRESS"}
    assert all(record.spans for record in only)
    assert {record.style for record in generate(200, seed=4, written_share=1.0)} == {"written"}
    assert generate(0) == []
    assert all(not record.spans for record in generate(50, seed=4, negatives_share=1.0, labels=[]))


def test_written_rendering_is_cased_and_punctuated() -> None:
    pairs = generate_pairs(200, seed=5, split="heldout")
    for spoken, written in pairs:
        assert spoken.id == written.id and spoken.family == written.family
        assert (spoken.style, written.style) == ("spoken", "written")
        assert [s.label for s in spoken.spans] == [s.label for s in written.spans]
        assert not written.text[0].islower() and written.text[-1] in ".?"
        _check_spans(written.text, written.spans)
    digits = [w for _, w in pairs if any(s.label == "CREDIT_CARD" for s in w.spans)]
    assert digits and all(any(ch.isdigit() for ch in w.text) for w in digits)


def test_interruptions_and_dictation_conventions_occur() -> None:
    records = generate(4000, seed=6, split="train")
    values = [r.text[s.start : s.end] for r in records for s in r.spans]
    joined = "\n".join(values)
    phrases = (" oh ", "double ", " um ", "no sorry", "wait let me check", "area code", "extension")
    phrases += ("underscore", "all one word", " as in ", "colon slash slash", "dot co dot uk")
    for phrase in phrases:
        assert phrase in joined, phrase
    texts = "\n".join(r.text for r in records)
    assert "plus " in texts  # said before international numbers, outside the span


def test_asr_noise_changes_spoken_text_only_and_keeps_spans_consistent() -> None:
    clean = generate(300, seed=3, split="heldout", written_share=0.3)
    noisy = generate(300, seed=3, split="heldout", written_share=0.3, asr_noise=0.2)
    assert noisy == generate(300, seed=3, split="heldout", written_share=0.3, asr_noise=0.2)
    assert generate(300, seed=3, split="heldout", written_share=0.3, asr_noise=0.0) == clean
    assert [r.id for r in noisy] == [r.id for r in clean]
    spoken = [(a, b) for a, b in zip(clean, noisy, strict=True) if a.style == "spoken"]
    assert sum(a.text != b.text for a, b in spoken) > len(spoken) / 2
    assert all(a == b for a, b in zip(clean, noisy, strict=True) if a.style == "written")
    for record in noisy:
        assert record.asr_noise == (0.2 if record.style == "spoken" else 0.0)
        previous_end = 0
        for span in record.spans:
            assert previous_end <= span.start < span.end <= len(record.text)
            assert record.text[span.start : span.end].strip() == record.text[span.start : span.end]
            previous_end = span.end
    assert noisy[0].to_dict().get("asr_noise") in (None, 0.2)
    with pytest.raises(ValueError, match="asr_noise must be a word error rate"):
        generate(5, asr_noise=1.5)


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("call {PERSONN}", "unknown label 'PERSONN'"),
        ("call {PERSON:nick}", "unknown variant 'nick' of PERSON"),
        ("wait {timer}", "unknown filler {timer}"),
        ("call [him|her {PERSON}", "unbalanced brackets"),
    ],
)
def test_template_errors_name_the_problem(template: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("{", r"\{").replace("}", r"\}")):
        _check_template("test.family", template)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"split": "dev"}, "split must be one of train, heldout"),
        ({"labels": ["PHONE"]}, "unknown label.*PHONE"),
        ({"negatives_share": 1.5}, "negatives_share must be between 0 and 1"),
        ({"written_share": -0.1}, "written_share must be between 0 and 1"),
        ({"labels": []}, "labels is empty"),
    ],
)
def test_bad_arguments_are_errors(kwargs: dict, message: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValueError, match=message):
        generate(10, **kwargs)


def test_jsonl_round_trip_through_the_bench_reader(tmp_path: Path) -> None:
    records = generate(100, seed=9, split="heldout", written_share=0.5)
    path = tmp_path / "synth.jsonl"
    assert write_jsonl(records, path) == 100
    assert read_labeled(path) == to_labeled_examples(records)


def test_cli_writes_the_generated_records(tmp_path: Path) -> None:
    out = tmp_path / "heldout.jsonl"
    result = runner.invoke(app, ["synth", "-n", "120", "--split", "heldout", "--seed", "1", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 120 utterances (heldout families, seed 1)" in result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [record.to_dict() for record in generate(120, seed=1, split="heldout")]
    assert read_labeled(out)  # redactkit's labeled format


def test_cli_quiet_prints_no_summary(tmp_path: Path) -> None:
    out = tmp_path / "q.jsonl"
    result = runner.invoke(app, ["-q", "synth", "-n", "20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert len(out.read_text(encoding="utf-8").splitlines()) == 20


def test_cli_stdout_labels_and_pairs() -> None:
    result = runner.invoke(
        app, ["synth", "-n", "5", "--labels", "ZIP_CODE", "--negatives-share", "0", "--pairs", "-o", "-"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["style"] for r in records] == ["spoken", "written"] * 5
    assert {span["label"] for r in records for span in r["spans"]} == {"ZIP_CODE"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--split", "dev"], "split must be one of train, heldout"),
        (["--labels", "PHONE"], "unknown label(s) PHONE"),
    ],
)
def test_cli_errors_exit_2(args: list[str], message: str) -> None:
    result = runner.invoke(app, ["synth", "-n", "5", *args])
    assert result.exit_code == 2
    assert message in result.output


def test_every_generated_label_is_a_registered_label() -> None:
    from redactkit.labels import builtin_labels

    assert set(LABELS) <= {label.name for label in builtin_labels()}


def test_formal_talk_families_have_names_at_turn_edges_in_lists_and_hand_offs() -> None:
    """Earnings-call, briefing and meeting turns: vocatives at the start and the end of a turn,
    speaker lists, hand-offs, names with a filler inside; their hard negatives have no span."""
    for split in SPLITS:
        records = generate(1500, seed=5, split=split, domains=["formal"])
        assert {family.domain for family in families() if family.id in {r.family for r in records}} == {
            "formal"
        }
        names = [(r.text, s) for r in records for s in r.spans if s.label == "PERSON"]
        assert len(names) > 800
        assert any(s.start == 0 for _, s in names), "a name opens a turn ('X go ahead')"
        assert any(s.end == len(text) for text, s in names), "a name closes a turn ('thanks X')"
        assert any(len([s for s in r.spans if s.label == "PERSON"]) >= 3 for r in records), "a list"
        fillers = set(lexicon().list("fillers"))
        assert any(set(text[s.start : s.end].split()[1:-1]) & fillers for text, s in names)
        negatives = [r for r in records if not r.spans]
        assert len(negatives) > 150
        assert all(r.family.startswith(("neg.", "heldout.neg.")) for r in negatives)
    formal = [f for f in families() if f.domain == "formal"]
    train = {t.raw for f in formal if f.split == "train" for t in f.templates}
    heldout = {t.raw for f in formal if f.split == "heldout" for t in f.templates}
    assert train and heldout and not train & heldout


def test_a_paused_name_is_one_span_with_a_filler_inside_and_written_without_it() -> None:
    value = GRAMMARS["PERSON"](Draw(random.Random(3), lexicon(), "train", "paused"))
    given, filler, family = value.spoken.split()
    assert filler in lexicon().list("fillers")
    assert value.written == f"{given.title()} {family.title()}"


def test_an_unknown_domain_is_an_error_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match=r"unknown domain\(s\) earnings.*formal"):
        generate(5, domains=["earnings"])


def test_assistant_topic_negatives_are_opt_in_span_less_and_leave_other_draws_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Genres, news topics, media titles and wake words in assistant requests are train hard
    negatives (what the adapted recognizer took for places and people), drawn only when their domain
    is asked for: every other draw of a seed, train or held-out, is what it was without them."""
    records = generate(300, seed=5, split="train", domains=["assistant_media"])
    assert {record.family for record in records} == {"neg.assistant_media_topics"}
    assert all(not record.spans for record in records)
    lex = lexicon()
    for key in ("genres", "news_topics", "wake_words"):
        assert any(f" {value} " in f" {record.text} " for record in records for value in lex.list(key)), key
    assert not {"neg.assistant_media_topics"} & {f.id for f in families() if f.split == "heldout"}
    draws = [
        generate(400, seed=3, split="heldout", written_share=0.3),
        generate(400, seed=3, split="train", negatives_share=1.0),
        generate(400, seed=3, split="train", domains=["assistant"]),
    ]
    assert not any(record.family == "neg.assistant_media_topics" for draw in draws for record in draw)
    without = tuple(f for f in families() if f.id != "neg.assistant_media_topics")
    monkeypatch.setattr("redactkit.synth._generate.families", lambda: without)
    with pytest.raises(ValueError, match="unknown domain"):  # the patch took effect
        generate(5, seed=3, split="train", domains=["assistant_media"])
    assert [
        generate(400, seed=3, split="heldout", written_share=0.3),
        generate(400, seed=3, split="train", negatives_share=1.0),
        generate(400, seed=3, split="train", domains=["assistant"]),
    ] == draws


def test_heldout_interruption_shapes_never_reach_train_draws() -> None:
    """Issue 12: held-out families get interruptions of shapes no train draw has (longer asides,
    asides that count something, hesitation runs, read-backs: ``heldout_*`` of words.yaml), so the
    held-out benchmark measures how value assembly generalizes; the train draws never say them."""
    from redactkit.synth._lexicon import lexicon

    lex = lexicon()
    phrases = [
        *lex.list("heldout_aside_clauses"),
        *lex.list("heldout_aside_openers"),
        *lex.list("heldout_hesitations"),
        *(counted.split("{")[0].strip() for counted in lex.list("heldout_aside_counted")),
    ]
    labels = ["PHONE_NUMBER", "CREDIT_CARD", "US_SSN"]
    train = generate(400, seed=5, split="train", labels=labels, interruptions=1.0, negatives_share=0.0)
    heldout = generate(400, seed=5, split="heldout", labels=labels, interruptions=1.0, negatives_share=0.0)
    assert not [r.text for r in train if any(f" {phrase} " in f" {r.text} " for phrase in phrases)]
    shaped = [r for r in heldout if any(f" {phrase} " in f" {r.text} " for phrase in phrases)]
    assert len(shaped) > 40
    for record in shaped:  # the interruption lies inside the value's span
        inside = [f" {record.text[span.start : span.end]} " for span in record.spans]
        assert any(f" {phrase} " in value for phrase in phrases for value in inside), record.text
