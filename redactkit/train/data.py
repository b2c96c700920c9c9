"""Assemble the NER training data from the dialogue corpora: split, silver labels, ASR form, DocBins.

Reproducible: the same input files give the same output files (the split is a hash of the dialogue id,
the silver labeller is the pinned en_core_web_md, the normalizers are redactkit's defaults) *at one
commit*: the generator, the normalizers and their locale data keep changing, so each manifest records
the commit and the command that wrote it (``data_step``), :mod:`redactkit.train.build` copies that into
the weights' ``meta.json``, and :mod:`redactkit.train.pinned` (``make model-data``) reruns exactly that
step later, from that commit's code.

    python -m redactkit.train.data --data ../shared/data/train --out /tmp/redactkit-train-data

Input: ``<corpus>_written.jsonl`` / ``<corpus>_spoken.jsonl`` pairs in redactkit's JSONL format (same
ids, rows and span order in both files). For each corpus:

1. **Split by dialogue**, 80/20: a row's dialogue id is derived from its id (:func:`dialogue_id`:
   MultiWOZ ``multiwoz21-<split>-<dialogue>-<turn>-<usr|sys>`` drops the last two parts, MultiDoGO
   ``multidogo-<domain>-<conversation uuid>-<turn>`` the last one; Snips and PolyAI rows are single
   utterances, each its own dialogue). A dialogue is held out when the first 8 hex digits of the
   SHA-1 of its id, modulo 100, fall below the held-out percentage: all turns of a dialogue land on
   the same side, and the split does not depend on the seed or on the other corpora.
2. **Silver labels**: the cased en_core_web_md labels the ``_written`` text (only rows with an
   upper-case letter: MultiDoGO's written side is already lowercase, where the model only guesses).
   Its entities are mapped onto the ``_spoken`` words by :class:`~redactkit.train.align.WordAligner`;
   an entity that cannot be mapped exactly is dropped. Where no such entity is, the PERSON entities
   that the pipeline found before the adaptation (the stock recognizer on the normalized spoken text,
   filtered by the strict lowercase guard: a known name or a cue) are added too, so the adapted
   model keeps them ("okay frank"). These come from a frozen, versioned table of the guard's
   decisions (:mod:`redactkit.train.silver`, ``--silver-persons``; version 1 is the guard of commit
   a5e8a31), not from the live guard: detection code changes, the training data must not.
3. **Merge**: the corpus's slot spans win; a silver entity overlapping one is dropped. Slot labels
   become model labels (:data:`GOLD_TO_MODEL`): PERSON, GPE (a silver LOC/FAC on the same words keeps
   its label), ORG, and new labels for the identifiers spoken in context (ADDRESS, PHONE_NUMBER, ...).
   A DATE_TIME slot takes the silver DATE/TIME label on the same words; without one its words are
   marked *missing* (neither an entity nor "outside"), as are silver entities that overlap no slot
   but cross one.
4. **ASR form as the detector sees it**: the ``ner`` detector runs on the normalizers' output (digits
   for spoken numbers, e-mails joined, likely names capitalised), so the spoken text goes through the
   default normalizer chain and every span is carried onto the normalized tokens (spans only grow).
5. **Rehearsal**: the cased written rows, labelled by the original model alone, so fine-tuning does
   not forget what it knew on formatted text.

Output (never inside the repository: it contains corpus text): ``train.spacy`` (spoken, normalized,
80 %), ``dev.spacy`` (the same for the 20 % held out), ``rehearsal.spacy`` (written, silver, 80 % only),
``holdout/<corpus>.jsonl`` (the held-out spoken rows with their slot spans, for ``redactkit bench``) and
``manifest.json`` (input hashes, counts, the split rule).

With ``--synth-train N``, also N utterances of :mod:`redactkit.synth`'s *train* template families
(``synth_train.spacy``: spoken form, exhaustive PII spans, silver non-PII labels from the written
form) and ``--synth-held-out M`` of its *held-out* families for evaluation only
(``synth-holdout/synth_heldout.jsonl``); ``--synth-negatives K`` adds K utterances of the train
hard-negative families alone (``synth_neg.spacy``) and ``--synth-focus LABEL=K`` K utterances whose
templates carry LABEL (``synth_focus.spacy``), ``--synth-domain DOMAIN=N`` N utterances of that
domain's train families alone (``synth_domain.spacy``); ``--synth-noisy N`` adds N train-family
utterances whose spoken side went through the ASR error model (``synth_noisy.spacy``, 40 % hard negatives).

**Noise augmentation** (issue 19): ``--noisy-corpora N`` writes only ``train_noisy.spacy``: a seeded
sample of N training rows of the corpora (never the held-out 20 %) whose spoken text went through
:func:`redactkit.bench.asr_noise.noisy_example` at a word error rate drawn from ``--noise-wer``
(default 0.1 0.2 0.3) before the normalizers, slot spans and silver entities carried through the
edits. The recognizer so sees misheard names that still are names and garbled words that are none.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .align import WordAligner
from .silver import DEFAULT_VERSION, SilverPersons, load_table

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..pipeline import Pipeline
    from ..synth import Record

__all__ = [
    "GOLD_TO_MODEL",
    "MODEL_TO_REDACTKIT",
    "CorpusRow",
    "assemble_noisy",
    "build_docs",
    "dialogue_id",
    "fingerprint_corpora",
    "fingerprint_synth",
    "is_held_out",
    "main",
    "read_corpus",
    "split_value",
]

#: redactkit label of a gold span -> label of the NER model. None: no entity of its own (see DATE_TIME).
GOLD_TO_MODEL: dict[str, str | None] = {
    "PERSON": "PERSON",
    "LOCATION": "GPE",
    "ORGANIZATION": "ORG",
    "DATE_TIME": None,
    "ADDRESS": "ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "ZIP_CODE": "ZIP_CODE",
    "ACCOUNT_NUMBER": "ACCOUNT_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "US_SSN": "US_SSN",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "USERNAME": "USERNAME",
    "PIN": "PASSWORD",
    "PASSWORD": "PASSWORD",
    "AGE": "AGE",
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
}
#: model label -> redactkit label, for the labels the model adds to OntoNotes'
MODEL_TO_REDACTKIT: dict[str, str] = {
    "PERSON": "PERSON",
    "GPE": "LOCATION",
    "LOC": "LOCATION",
    "FAC": "LOCATION",
    "ORG": "ORGANIZATION",
    "ADDRESS": "ADDRESS",
    "PHONE_NUMBER": "PHONE_NUMBER",
    "ZIP_CODE": "ZIP_CODE",
    "ACCOUNT_NUMBER": "ACCOUNT_NUMBER",
    "CREDIT_CARD": "CREDIT_CARD",
    "US_SSN": "US_SSN",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS",
    "USERNAME": "USERNAME",
    "PASSWORD": "PASSWORD",
    "PIN": "PIN",
    "AGE": "AGE",
    "DATE_OF_BIRTH": "DATE_OF_BIRTH",
}
#: generated data tells a numeric PIN from a password; MultiDoGO's "password" slot (PIN in the corpus
#: files) holds passwords
SYNTH_GOLD_TO_MODEL: dict[str, str | None] = {**GOLD_TO_MODEL, "PIN": "PIN"}
_PII_MODEL_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC", "ORG", "NORP"})
_KEEP_SILVER_FOR = {"GPE": ("GPE", "LOC", "FAC"), "ORG": ("ORG", "FAC")}

# id -> dialogue id, first match wins
_DIALOGUE_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^(multiwoz21-[^-]+-[^-]+)-\d+-(?:usr|sys)$"), r"\1"),
    (re.compile(r"^(multidogo-.+)-\d+$"), r"\1"),
)


def dialogue_id(row_id: str) -> str:
    """The dialogue a row belongs to; rows of single-utterance corpora are their own dialogue."""
    for pattern, replacement in _DIALOGUE_RULES:
        if pattern.match(row_id):
            return pattern.sub(replacement, row_id)
    return row_id


def split_value(dialogue: str) -> int:
    """A dialogue's place in the split, 0-99: the first 8 hex digits of the SHA-1 of its id, modulo 100
    (stable, independent of any seed). The held-out split is the values below its percentage, and
    :func:`redactkit.train.calibrate.holdout_half` halves that range."""
    return int(hashlib.sha1(dialogue.encode("utf-8")).hexdigest()[:8], 16) % 100


def is_held_out(dialogue: str, percent: int = 20) -> bool:
    """Whether a dialogue belongs to the held-out split (:func:`split_value` below ``percent``)."""
    return split_value(dialogue) < percent


@dataclass
class CorpusRow:
    """One utterance in both renderings, with its slot spans in each."""

    id: str
    written: str
    spoken: str
    written_spans: list[tuple[int, int, str]]
    spoken_spans: list[tuple[int, int, str]]


def read_corpus(written_path: Path, spoken_path: Path) -> list[CorpusRow]:
    """Pair the rows of the two renderings; ids, row order and span order must agree."""
    rows: list[CorpusRow] = []
    with written_path.open(encoding="utf-8") as written, spoken_path.open(encoding="utf-8") as spoken:
        for number, (w_line, s_line) in enumerate(zip(written, spoken, strict=True), start=1):
            w, s = json.loads(w_line), json.loads(s_line)
            if w["id"] != s["id"] or len(w["spans"]) != len(s["spans"]):
                raise ValueError(f"{spoken_path.name}: line {number}: renderings disagree on id or spans")
            rows.append(
                CorpusRow(
                    w["id"],
                    w["text"],
                    s["text"],
                    [(x["start"], x["end"], x["label"]) for x in w["spans"]],
                    [(x["start"], x["end"], x["label"]) for x in s["spans"]],
                )
            )
    return rows


@dataclass
class _Labels:
    """Entities and missing regions of one text, in its character offsets."""

    entities: list[tuple[int, int, str]] = field(default_factory=list)
    missing: list[tuple[int, int]] = field(default_factory=list)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def merge_labels(
    gold: Sequence[tuple[int, int, str]],
    silver: Sequence[tuple[int, int, str]],
    gold_map: Mapping[str, str | None] = GOLD_TO_MODEL,
) -> tuple[_Labels, Counter[str]]:
    """Slot spans first, silver entities where no slot is; see the module docstring (step 3)."""
    labels = _Labels()
    stats: Counter[str] = Counter()
    for start, end, label in gold:
        model_label = gold_map.get(label)
        same = [s for s in silver if (s[0], s[1]) == (start, end)]
        if label == "DATE_TIME":
            if same and same[0][2] in ("DATE", "TIME"):
                labels.entities.append((start, end, same[0][2]))
            else:
                labels.missing.append((start, end))
                stats["date_time_missing"] += 1
            continue
        if model_label is None:
            labels.missing.append((start, end))
            continue
        if same and same[0][2] in _KEEP_SILVER_FOR.get(model_label, ()):
            model_label = same[0][2]
        labels.entities.append((start, end, model_label))
        stats[f"gold:{model_label}"] += 1
    taken = [(s, e) for s, e, _ in gold]
    for start, end, label in silver:
        if any(_overlaps((start, end), span) for span in taken):
            if not any((start, end) == span for span in taken):
                stats["silver_crossing_gold"] += 1
            continue
        labels.entities.append((start, end, label))
        stats[f"silver:{label}"] += 1
    labels.entities.sort()
    return labels, stats


def _to_doc(
    nlp: Language, text: str, labels: _Labels, alignment: Any | None = None
) -> tuple[Doc, Counter[str]]:
    """A Doc of ``text`` (the normalized text when ``alignment`` maps it back to the labelled one)."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    stats: Counter[str] = Counter()
    # each token's range in the labelled text
    ranges: list[tuple[int, int]] = []
    for token in doc:
        start, end = token.idx, token.idx + len(token.text)
        ranges.append(alignment.to_original(start, end) if alignment is not None else (start, end))

    def covering(start: int, end: int) -> tuple[int, int] | None:
        inside = [i for i, r in enumerate(ranges) if r[0] < end and start < r[1]]
        return (inside[0], inside[-1] + 1) if inside else None

    spans: list[Span] = []
    used: set[int] = set()
    for start, end, label in labels.entities:
        cover = covering(start, end)
        if cover is None or used.intersection(range(*cover)):
            stats["dropped_on_tokens"] += 1
            continue
        # a token reaching into another labelled region: the span is not separable here
        first, last = ranges[cover[0]], ranges[cover[1] - 1]
        if first[0] < start or last[1] > end:
            others = [(s, e) for s, e, _ in labels.entities if (s, e) != (start, end)] + labels.missing
            if any(_overlaps((min(first[0], start), max(last[1], end)), o) for o in others):
                stats["dropped_on_tokens"] += 1
                continue
        used.update(range(*cover))
        spans.append(Span(doc, cover[0], cover[1], label=label))
    missing: list[Span] = []
    for start, end in labels.missing:
        cover = covering(start, end)
        if cover is None:
            continue
        free = [i for i in range(*cover) if i not in used]
        if free:
            missing.append(Span(doc, free[0], free[-1] + 1))
            used.update(free)
    doc.set_ents(spans, missing=missing or None)
    return doc, stats


def silver_entities(
    nlp: Language, texts: Sequence[str], batch_size: int = 512
) -> list[list[tuple[int, int, str]]]:
    """The original model's entities on cased texts (``[]`` for texts without an upper-case letter)."""
    results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    cased = [i for i, text in enumerate(texts) if any(c.isupper() for c in text)]
    for index, doc in zip(cased, nlp.pipe([texts[i] for i in cased], batch_size=batch_size), strict=True):
        results[index] = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return results


def build_docs(
    rows: Sequence[CorpusRow],
    silver_nlp: Language,
    blank: Language,
    pipeline: Pipeline,
    *,
    rehearsal: bool,
    exhaustive: bool = False,
    gold_map: Mapping[str, str | None] = GOLD_TO_MODEL,
    noise: tuple[Sequence[float], random.Random] | None = None,
    persons: SilverPersons | None = None,
    corpus: str | None = None,
) -> tuple[list[Doc], list[Doc], Counter[str]]:
    """Spoken (normalized) training docs and, when asked, cased rehearsal docs, for ``rows``.

    ``exhaustive``: the rows' spans label every PII value (generated data), so silver names, places
    and organisations are not added: where no span is, there is none.
    ``rehearsal`` with ``exhaustive``: the cased written rendering too, labelled by its own
    (exhaustive) spans plus the original model's non-PII entities.
    ``noise``: (word error rates, random stream): each spoken text goes through the ASR error model
    (:func:`redactkit.bench.asr_noise.noisy_example`, at a word error rate drawn from the list) before
    the normalizers, its slot spans and silver entities carried along (a span whose words were all
    deleted is gone), so the recognizer learns what a recognizer's mistakes look like.
    ``persons``: where the guarded PERSON silver labels of ``corpus``'s rows come from
    (:mod:`redactkit.train.silver`: a frozen table, so the data does not change with the guard);
    None runs the current guard (tests, experiments: not reproducible across guard changes).
    """
    from ..bench.asr_noise import noisy_example

    stats: Counter[str] = Counter()
    silver = silver_entities(silver_nlp, [row.written for row in rows])
    if exhaustive:
        silver = [[e for e in entities if e[2] not in _PII_MODEL_LABELS] for entities in silver]
    if exhaustive:
        guarded: list[list[tuple[int, int]]] = [[] for _ in rows]
    else:
        source = persons if persons is not None else SilverPersons("live")
        aligned_rows = [] if not source.live else pipeline.normalize_batch([row.spoken for row in rows])
        guarded = source.lookup(corpus, [row.id for row in rows], aligned_rows)
    # each row's spoken text with its slot spans and silver entities (in spoken offsets), noisy if asked
    spoken: list[tuple[str, list[tuple[int, int, str]], list[tuple[int, int, str]]]] = []
    for row, row_silver, row_persons in zip(rows, silver, guarded, strict=True):
        mapper = WordAligner(row.written, row.spoken)
        spoken_silver: list[tuple[int, int, str]] = []
        for start, end, label in row_silver:
            mapped = mapper.map_span(start, end)
            if mapped is None:
                stats["silver_unmapped"] += 1
                continue
            spoken_silver.append((*mapped, label))
        for start, end in row_persons:
            if not any(_overlaps((start, end), (s, e)) for s, e, _ in spoken_silver):
                spoken_silver.append((start, end, "PERSON"))
                stats["silver_guarded_person"] += 1
        spoken_silver.sort()
        if noise is None:
            spoken.append((row.spoken, list(row.spoken_spans), spoken_silver))
            continue
        wer, rng = noise
        noisy = noisy_example(row.spoken, [*row.spoken_spans, *spoken_silver], rng.choice(wer), rng)
        mapped_spans = [noisy.spans[i] if i is not None else None for i in noisy.span_index]
        gold_count = len(row.spoken_spans)
        stats["noisy_dropped_spans"] += noisy.dropped_spans
        spoken.append(
            (
                noisy.text,
                [span for span in mapped_spans[:gold_count] if span is not None],
                [span for span in mapped_spans[gold_count:] if span is not None],
            )
        )
    aligned = pipeline.normalize_batch([text for text, _, _ in spoken])
    spoken_docs: list[Doc] = []
    rehearsal_docs: list[Doc] = []
    for row, row_silver, normalized, (_, gold, spoken_silver) in zip(
        rows, silver, aligned, spoken, strict=True
    ):
        labels, merge_stats = merge_labels(gold, spoken_silver, gold_map)
        stats.update(merge_stats)
        doc, doc_stats = _to_doc(blank, normalized.text, labels, normalized)
        stats.update(doc_stats)
        doc.user_data["id"] = row.id
        spoken_docs.append(doc)
        if rehearsal and exhaustive:
            # generated text: its written spans are exhaustive too, so they label the cased form
            written_labels, _ = merge_labels(row.written_spans, row_silver, gold_map)
            written_doc, _ = _to_doc(blank, row.written, written_labels)
            written_doc.user_data["id"] = row.id
            rehearsal_docs.append(written_doc)
        elif rehearsal and row_silver:
            written_doc, _ = _to_doc(blank, row.written, _Labels(entities=list(row_silver)))
            rehearsal_docs.append(written_doc)
    return spoken_docs, rehearsal_docs, stats


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _corpora(data: Path) -> Iterator[tuple[str, Path, Path]]:
    for written in sorted(data.glob("*_written.jsonl")):
        name = written.name.removesuffix("_written.jsonl")
        spoken = data / f"{name}_spoken.jsonl"
        if spoken.exists():
            yield name, written, spoken


def _write_jsonl(rows: Iterable[CorpusRow], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            spans = [
                {"start": s, "end": e, "label": lab, "source_label": lab} for s, e, lab in row.spoken_spans
            ]
            out.write(json.dumps({"id": row.id, "text": row.spoken, "spans": spans}) + "\n")


def assemble(
    data: Path,
    out: Path,
    *,
    held_out_percent: int = 20,
    limit: int | None = None,
    silver_persons: str = DEFAULT_VERSION,
) -> dict[str, Any]:
    """Write the training files for every corpus pair in ``data`` to ``out``; return the manifest.

    ``silver_persons``: the version of the frozen guarded-PERSON table (:mod:`redactkit.train.silver`),
    or ``live``; a corpus file the table was not written from is refused before anything is written."""
    import spacy
    from spacy.tokens import DocBin

    from ..detect.spacy_models import resolve_model_path

    persons = load_table(silver_persons)
    corpora = list(_corpora(data))
    for name, _, spoken in corpora:
        persons.check_corpus(name, spoken)
    silver_nlp = spacy.load(
        resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    blank = spacy.blank("en")
    pipeline = _data_pipeline()
    out.mkdir(parents=True, exist_ok=True)
    (out / "holdout").mkdir(exist_ok=True)
    bins = {
        name: DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for name in ("train", "dev", "rehearsal")
    }
    manifest: dict[str, Any] = {
        "held_out_percent": held_out_percent,
        "split_rule": "sha1(dialogue id)[:8] as hex % 100 < held_out_percent",
        "silver_model": f"en_core_web_md {silver_nlp.meta.get('version')}",
        "silver_persons": persons.record(),
        "corpora": {},
    }
    for name, written, spoken in corpora:
        rows = read_corpus(written, spoken)[:limit]
        train = [r for r in rows if not is_held_out(dialogue_id(r.id), held_out_percent)]
        dev = [r for r in rows if is_held_out(dialogue_id(r.id), held_out_percent)]
        print(f"{name}: {len(train)} train, {len(dev)} held out", file=sys.stderr, flush=True)
        train_docs, rehearsal_docs, stats = build_docs(
            train, silver_nlp, blank, pipeline, rehearsal=True, persons=persons, corpus=name
        )
        dev_docs, _, dev_stats = build_docs(
            dev, silver_nlp, blank, pipeline, rehearsal=False, persons=persons, corpus=name
        )
        for doc in train_docs:
            doc.user_data["corpus"] = name
            bins["train"].add(doc)
        for doc in dev_docs:
            doc.user_data["corpus"] = name
            bins["dev"].add(doc)
        for doc in rehearsal_docs:
            bins["rehearsal"].add(doc)
        _write_jsonl(dev, out / "holdout" / f"{name}.jsonl")
        manifest["corpora"][name] = {
            "written_sha256": _sha256(written),
            "spoken_sha256": _sha256(spoken),
            "train_rows": len(train),
            "held_out_rows": len(dev),
            "train_dialogues": len({dialogue_id(r.id) for r in train}),
            "held_out_dialogues": len({dialogue_id(r.id) for r in dev}),
            "rehearsal_docs": len(rehearsal_docs),
            "stats": dict(sorted((stats + dev_stats).items())),
        }
    for split, doc_bin in bins.items():
        doc_bin.to_disk(out / f"{split}.spacy")
    # a cheap check that the code of the day still writes these files (tests/test_train_repro.py)
    manifest["fingerprint"] = {
        "rows": FINGERPRINT_ROWS,
        "corpora": fingerprint_corpora(data, FINGERPRINT_ROWS, silver_persons),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def assemble_noisy(
    data: Path,
    out: Path,
    *,
    count: int,
    wers: Sequence[float] = (0.1, 0.2, 0.3),
    seed: int = 0,
    held_out_percent: int = 20,
    silver_persons: str = DEFAULT_VERSION,
) -> dict[str, Any]:
    """``train_noisy.spacy``: ``count`` training rows of the corpora (a seeded sample of the 80 %
    side only, in proportion to each corpus's size) with their spoken text passed through the ASR
    error model at a word error rate drawn from ``wers``, labelled like ``train.spacy``."""
    import spacy
    from spacy.tokens import DocBin

    from ..detect.spacy_models import resolve_model_path

    silver_nlp = spacy.load(
        resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    blank = spacy.blank("en")
    pipeline = _data_pipeline()
    persons = load_table(silver_persons)
    for name, _, spoken in _corpora(data):
        persons.check_corpus(name, spoken)
    corpora = [
        (name, [r for r in read_corpus(w, s) if not is_held_out(dialogue_id(r.id), held_out_percent)])
        for name, w, s in _corpora(data)
    ]
    total = sum(len(rows) for _, rows in corpora)
    sampler = random.Random(f"noisy-sample-{seed}")
    noise_rng = random.Random(f"noisy-corpora-{seed}")
    doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    stats: Counter[str] = Counter()
    counts: dict[str, int] = {}
    for name, rows in corpora:
        sample = sampler.sample(rows, min(len(rows), round(count * len(rows) / max(total, 1))))
        print(f"{name}: {len(sample)} noisy train rows", file=sys.stderr, flush=True)
        docs, _, doc_stats = build_docs(
            sample,
            silver_nlp,
            blank,
            pipeline,
            rehearsal=False,
            noise=(tuple(wers), noise_rng),
            persons=persons,
            corpus=name,
        )
        stats.update(doc_stats)
        for doc in docs:
            doc.user_data["corpus"] = name
            doc_bin.add(doc)
        counts[name] = len(docs)
    out.mkdir(parents=True, exist_ok=True)
    doc_bin.to_disk(out / "train_noisy.spacy")
    return {
        "noisy_rows": counts,
        "noise_wers": list(wers),
        "seed": seed,
        "silver_persons": persons.record(),
        "stats": dict(sorted(stats.items())),
    }


def assemble_synth(
    out: Path,
    *,
    train: int,
    held_out: int,
    seed: int = 0,
    negatives: int = 0,
    focus: Mapping[str, int] | None = None,
    noisy: int = 0,
    noise_wers: Sequence[float] = (0.1, 0.2, 0.3),
    domains: Mapping[str, int] | None = None,
    written: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """Generated training docs (``synth_train.spacy``, train template families, spoken form with
    silver non-PII labels from the written form) and a held-out evaluation file
    (``synth-holdout/synth_heldout.jsonl``, held-out families only, never trained on).

    ``negatives``: that many more utterances of the train *hard-negative* families alone
    (``synth_neg.spacy``: timers, prices, flights, scores, model and room numbers, with their silver
    CARDINAL/MONEY/TIME labels), so the recognizer sees enough numbers that are no identifier.
    ``focus``: label -> that many more utterances whose templates carry the label
    (``synth_focus.spacy``), e.g. LOCATION for "the us" said as a country next to "us" the pronoun.
    ``noisy``: that many more train-family utterances whose spoken side went through the ASR error
    model, an equal share at each of ``noise_wers``, 40 % of them hard negatives
    (``synth_noisy.spacy``): misheard names and numbers that still are values, and garbled words that
    are none.
    ``domains``: domain -> that many more utterances of the train families of that domain alone, 20 %
    of them its hard negatives (``synth_domain.spacy``), e.g. ``formal`` for earnings-call, briefing
    and meeting turns: speaker lists, operator hand-offs, vocatives ("thanks X", "X go ahead"); a
    domain of hard negatives alone (``assistant_media``: genres, news topics, media titles, wake
    words) gives only those.
    ``written``: domain (``all``: every domain) -> that many more train-family utterances in their
    *cased, punctuated written* rendering (``synth_written.spacy``), labelled by their own exhaustive
    spans plus the original model's non-PII entities, 20 % hard negatives: rehearsal on formatted
    text where the names are known, so fine-tuning on lowercase speech does not unlearn the words
    that are names (the recognizer's word features are lowercase, shared by both renderings).
    """
    import spacy
    from spacy.tokens import DocBin

    from ..detect.spacy_models import resolve_model_path
    from ..synth import GENERATOR_VERSION, generate, generate_pairs, write_jsonl

    silver_nlp = spacy.load(
        resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    pipeline = _data_pipeline()

    def write_docs(
        count: int,
        draw_seed: int,
        id_prefix: str,
        corpus: str,
        path: Path,
        *,
        negatives_share: float = 0.2,
        labels: Sequence[str] | None = None,
        wers: Sequence[float] = (0.0,),
        domain: str | None = None,
        written_form: bool = False,
    ) -> Counter[str]:
        """Generate ``count`` train-family pairs, label them like the corpora and store a DocBin;
        with several word error rates, an equal share of the pairs at each (the spoken side noisy)."""
        pairs = []
        for part, wer in enumerate(wers):
            share = count // len(wers) + (1 if part < count % len(wers) else 0)
            pairs.extend(
                generate_pairs(
                    share,
                    seed=draw_seed + 100 * part,
                    split="train",
                    id_prefix=f"{id_prefix}{part}" if len(wers) > 1 else id_prefix,
                    negatives_share=negatives_share,
                    labels=labels,
                    asr_noise=wer,
                    domains=None if domain is None else [domain],
                )
            )
        rows = [_pair_row(spoken, written) for spoken, written in pairs]
        docs, written_docs, doc_stats = build_docs(
            rows,
            silver_nlp,
            spacy.blank("en"),
            pipeline,
            rehearsal=written_form,
            exhaustive=True,
            gold_map=SYNTH_GOLD_TO_MODEL,
        )
        doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for doc in written_docs if written_form else docs:
            doc.user_data["corpus"] = corpus
            doc_bin.add(doc)
        doc_bin.to_disk(path)
        return doc_stats

    out.mkdir(parents=True, exist_ok=True)
    stats = write_docs(train, seed, "synth", "synth", out / "synth_train.spacy")
    # a dev set from the same (train) families, other draws: for calibration, never for the figures
    write_docs(max(train // 10, 100), seed + 2, "synthdev", "synth-train-families", out / "synth_dev.spacy")
    if negatives:
        stats.update(
            write_docs(negatives, seed + 3, "synthneg", "synth", out / "synth_neg.spacy", negatives_share=1.0)
        )
    if noisy:
        stats.update(
            write_docs(
                noisy,
                seed + 20,
                "synthnoisy",
                "synth",
                out / "synth_noisy.spacy",
                negatives_share=0.4,
                wers=tuple(noise_wers),
            )
        )
    if focus:
        focus_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for offset, (label, count) in enumerate(sorted(focus.items())):
            part = out / f"synth_focus_{label}.spacy"
            stats.update(
                write_docs(
                    count,
                    seed + 10 + offset,
                    f"synthfocus{label}",
                    "synth",
                    part,
                    negatives_share=0.0,
                    labels=[label],
                )
            )
            focus_bin.merge(DocBin(store_user_data=True).from_disk(part))
            part.unlink()
        focus_bin.to_disk(out / "synth_focus.spacy")
    if domains:
        domain_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for offset, (domain, count) in enumerate(sorted(domains.items())):
            part = out / f"synth_domain_{domain}.spacy"
            stats.update(
                write_docs(count, seed + 30 + offset, f"synthdomain{domain}", "synth", part, domain=domain)
            )
            domain_bin.merge(DocBin(store_user_data=True).from_disk(part))
            part.unlink()
        domain_bin.to_disk(out / "synth_domain.spacy")
    if written:
        written_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
        for offset, (domain, count) in enumerate(sorted(written.items())):
            part = out / f"synth_written_{domain}.spacy"
            stats.update(
                write_docs(
                    count,
                    seed + 50 + offset,
                    f"synthwritten{domain}",
                    "synth-written",
                    part,
                    domain=None if domain == "all" else domain,
                    written_form=True,
                )
            )
            written_bin.merge(DocBin(store_user_data=True).from_disk(part))
            part.unlink()
        written_bin.to_disk(out / "synth_written.spacy")
    (out / "synth-holdout").mkdir(exist_ok=True)
    write_jsonl(
        generate(held_out, seed=seed + 1, split="heldout"), out / "synth-holdout" / "synth_heldout.jsonl"
    )
    info: dict[str, Any] = {
        "generator_version": GENERATOR_VERSION,
        "synth_train": train,
        "synth_held_out": held_out,
        "synth_negatives": negatives,
        "synth_focus": dict(sorted((focus or {}).items())),
        "synth_noisy": noisy,
        **({"synth_domains": dict(sorted(domains.items()))} if domains else {}),
        **({"synth_written": dict(sorted(written.items()))} if written else {}),
        "noise_wers": list(noise_wers),
        "seed": seed,
        "stats": dict(sorted(stats.items())),
    }
    # read by redactkit.train.build into the weights' meta.json: which generator made these files, and
    # a cheap check that the code of the day still writes them (tests/test_train_repro.py)
    manifest = {key: value for key, value in info.items() if key != "stats"}
    manifest["fingerprint"] = {"rows": FINGERPRINT_ROWS, "synth": fingerprint_synth(FINGERPRINT_ROWS)}
    (out / "synth_manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return info


#: normalizer options the data step overrides (none today). The data step renders training text as the
#: pipeline reads it at run time; the shipped weights' data no longer depends on that, because
#: ``make model-data`` reruns the data step of the commit their meta.json records
#: (:mod:`redactkit.train.pinned`), so a new reading (decimals and fiscal periods, URLs) needs no
#: switch here until the weights are retrained.
FROZEN_NORMALIZER_OPTIONS: dict[str, dict[str, Any]] = {}


def _data_pipeline() -> Pipeline:
    """The default pipeline with the normalizer options of :data:`FROZEN_NORMALIZER_OPTIONS`."""
    from ..config import load_config
    from ..pipeline import Pipeline

    config = load_config(None).to_mapping()
    for spec in config["normalizers"]:
        spec.update(FROZEN_NORMALIZER_OPTIONS.get(spec["name"], {}))
    return Pipeline.from_config(config)


#: rows per corpus (and generated utterances) in the data step's fingerprint
FINGERPRINT_ROWS = 100


def _docbin_sha256(docs: Iterable[Doc]) -> str:
    from spacy.tokens import DocBin

    doc_bin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for doc in docs:
        doc_bin.add(doc)
    # the uncompressed payload: zlib builds may compress the same bytes differently
    return hashlib.sha256(zlib.decompress(doc_bin.to_bytes())).hexdigest()


def fingerprint_synth(rows: int = FINGERPRINT_ROWS) -> str:
    """SHA-256 of the docs the data step makes of ``rows`` generated train-family utterances (seed 0):
    changes when the generator, the silver model or the normalizers change what the data step writes.
    Seconds to compute; :mod:`redactkit.train.build` records it in the weights' ``meta.json``
    (``data.fingerprint``) and a test compares it with the code of the day."""
    import spacy

    from ..detect.spacy_models import resolve_model_path
    from ..synth import generate_pairs

    silver_nlp = spacy.load(
        resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    pairs = generate_pairs(rows, seed=0, split="train", id_prefix="fingerprint")
    corpus_rows = [_pair_row(spoken, written) for spoken, written in pairs]
    docs, _, _ = build_docs(
        corpus_rows,
        silver_nlp,
        spacy.blank("en"),
        _data_pipeline(),
        rehearsal=False,
        exhaustive=True,
        gold_map=SYNTH_GOLD_TO_MODEL,
    )
    return _docbin_sha256(docs)


def fingerprint_corpora(
    data: Path, rows: int = FINGERPRINT_ROWS, silver_persons: str = DEFAULT_VERSION
) -> str:
    """SHA-256 of the spoken and rehearsal docs the data step makes of a fixed sample of each corpus
    in ``data``: ``rows`` rows evenly spread over the file and the first ``rows`` rows with a guarded
    PERSON label in the frozen table (the normalizers, the silver model, the merge and the table all
    play). Seconds to compute."""
    import spacy

    from ..detect.spacy_models import resolve_model_path

    persons = load_table(silver_persons)
    silver_nlp = spacy.load(
        resolve_model_path("en_core_web_md"), exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"]
    )
    blank, pipeline = spacy.blank("en"), _data_pipeline()
    all_docs: list[Doc] = []
    for name, written, spoken in _corpora(data):
        persons.check_corpus(name, spoken)
        corpus_rows = read_corpus(written, spoken)
        with_persons: list[CorpusRow] = []
        if not persons.live:
            found = persons.lookup(name, [row.id for row in corpus_rows], [])
            with_persons = [row for row, spans in zip(corpus_rows, found, strict=True) if spans][:rows]
        spread = corpus_rows[:: max(1, len(corpus_rows) // rows)][:rows]
        chosen = {row.id for row in spread} | {row.id for row in with_persons}
        sample = [row for row in corpus_rows if row.id in chosen]
        docs, rehearsal_docs, _ = build_docs(
            sample, silver_nlp, blank, pipeline, rehearsal=True, persons=persons, corpus=name
        )
        for doc in docs:
            doc.user_data["corpus"] = name
        all_docs.extend(docs)
        all_docs.extend(rehearsal_docs)
    return _docbin_sha256(all_docs)


def _pair_row(spoken: Record, written: Record) -> CorpusRow:
    """A generated (spoken, written) pair as a corpus row: the same shape the dialogue corpora give."""
    return CorpusRow(
        spoken.id,
        written.text,
        spoken.text,
        [(x.start, x.end, x.label) for x in written.spans],
        [(x.start, x.end, x.label) for x in spoken.spans],
    )


def source_commit() -> dict[str, Any]:
    """The commit of the code that runs (``commit`` None outside a git clone) and whether its
    ``redactkit/`` has uncommitted changes (then that commit's code is not what ran)."""
    import subprocess

    root = Path(__file__).resolve().parents[2]

    def git(*args: str) -> str | None:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
        return done.stdout.strip() if done.returncode == 0 else None

    commit = git("rev-parse", "HEAD")
    changes = git("status", "--porcelain", "--", "redactkit") if commit else None
    return {"commit": commit, "clean": changes == ""}


def step_command(argv: Sequence[str]) -> list[str]:
    """A data step's arguments with its corpus and output folders as ``{data}`` and ``{out}``
    (:mod:`redactkit.train.pinned` fills them in when it runs the step again)."""
    folders = {"--data": "{data}", "--out": "{out}"}
    command: list[str] = []
    for index, arg in enumerate(argv):
        option, equals, _ = arg.partition("=")
        if equals and option in folders:
            command.append(f"{option}={folders[option]}")
        else:
            command.append(folders.get(argv[index - 1], arg) if index else arg)
    return command


def _record_step(manifest_path: Path, argv: Sequence[str] | None) -> None:
    """Add the commit and command that wrote a manifest's files (``data_step``): redactkit.train.build
    copies it into the weights' meta.json, and ``make model-data`` reruns exactly that step later."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["data_step"] = {
        **source_commit(),
        "command": step_command(list(sys.argv[1:] if argv is None else argv)),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")


def _counts(items: Sequence[str], option: str, form: str) -> dict[str, int]:
    """``KEY=N`` items of a repeatable option as {KEY: N} (a key given twice: the last N); an item
    without a whole number N is a ValueError naming the option, its ``form`` and the item."""
    counts: dict[str, int] = {}
    for item in items:
        key, _, count = item.partition("=")
        if not count.isdigit():
            raise ValueError(f"{option} takes {form}, not {item!r}")
        counts[key] = int(count)
    return counts


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m redactkit.train.data",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/train"))
    parser.add_argument("--out", type=Path, help="output directory (keep it outside the repo)")
    parser.add_argument("--held-out", type=int, default=20, help="percentage of dialogues held out")
    parser.add_argument(
        "--limit", type=int, default=None, help="first N rows of each corpus (for a quick look)"
    )
    parser.add_argument("--synth-train", type=int, default=0, help="also N generated train-family utterances")
    parser.add_argument("--synth-held-out", type=int, default=3000, help="generated held-out utterances")
    parser.add_argument(
        "--synth-negatives", type=int, default=0, help="also N utterances of the train hard-negative families"
    )
    parser.add_argument(
        "--synth-focus",
        action="append",
        default=[],
        metavar="LABEL=N",
        help="also N train-family utterances carrying LABEL (repeatable), e.g. LOCATION=2000",
    )
    parser.add_argument(
        "--synth-domain",
        action="append",
        default=[],
        metavar="DOMAIN=N",
        help="also N utterances of the train families of DOMAIN alone (repeatable), e.g. formal=6000",
    )
    parser.add_argument(
        "--synth-written",
        action="append",
        default=[],
        metavar="DOMAIN=N",
        help="also N train-family utterances of DOMAIN (all: every domain) in their cased written "
        "form (repeatable), e.g. formal=8000",
    )
    parser.add_argument("--synth-only", action="store_true", help="only write the generated files")
    parser.add_argument(
        "--synth-noisy", type=int, default=0, help="also N train-family utterances with ASR noise"
    )
    parser.add_argument(
        "--noisy-corpora",
        type=int,
        default=0,
        help="write only train_noisy.spacy: N corpus training rows with ASR noise",
    )
    parser.add_argument(
        "--noise-wer",
        type=float,
        nargs="+",
        default=[0.1, 0.2, 0.3],
        help="word error rates of the noisy files (one drawn per utterance)",
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated and noisy files")
    parser.add_argument(
        "--silver-persons",
        default=DEFAULT_VERSION,
        metavar="VERSION",
        help="frozen guarded-PERSON table of the corpora (redactkit.train.silver), or live (not "
        f"reproducible across commits); default {DEFAULT_VERSION}",
    )
    parser.add_argument(
        "--fingerprint",
        action="store_true",
        help="only print the data step's fingerprint on its fixed sample (meta.json data.fingerprint)",
    )
    args = parser.parse_args(argv)
    if args.out is None and not args.fingerprint:
        parser.error("--out DIR is required (keep it outside the repo), e.g. --out /tmp/redactkit-train-data")
    if args.fingerprint:
        found: dict[str, Any] = {"rows": FINGERPRINT_ROWS}
        if args.data.exists():
            found["corpora"] = fingerprint_corpora(args.data, FINGERPRINT_ROWS, args.silver_persons)
        found["synth"] = fingerprint_synth(FINGERPRINT_ROWS)
        print(json.dumps(found, indent=2))
        return
    try:
        focus = _counts(args.synth_focus, "--synth-focus", "LABEL=N, e.g. LOCATION=2000")
        domains = _counts(args.synth_domain, "--synth-domain", "DOMAIN=N, e.g. formal=6000")
        written = _counts(args.synth_written, "--synth-written", "DOMAIN=N, e.g. formal=8000")
    except ValueError as exc:
        parser.error(str(exc))
    if args.noisy_corpora:
        info = assemble_noisy(
            args.data,
            args.out,
            count=args.noisy_corpora,
            wers=args.noise_wer,
            seed=args.seed,
            held_out_percent=args.held_out,
            silver_persons=args.silver_persons,
        )
        print(json.dumps({k: v for k, v in info.items() if k != "stats"}))
        return
    if args.synth_train:
        info = assemble_synth(
            args.out,
            train=args.synth_train,
            held_out=args.synth_held_out,
            seed=args.seed,
            negatives=args.synth_negatives,
            focus=focus,
            noisy=args.synth_noisy,
            noise_wers=args.noise_wer,
            domains=domains,
            written=written,
        )
        print(json.dumps({k: v for k, v in info.items() if k != "stats"}))
        _record_step(args.out / "synth_manifest.json", argv)
        if args.synth_only:
            return
    manifest = assemble(
        args.data,
        args.out,
        held_out_percent=args.held_out,
        limit=args.limit,
        silver_persons=args.silver_persons,
    )
    _record_step(args.out / "manifest.json", argv)
    print(json.dumps({k: v for k, v in manifest.items() if k != "corpora"}, indent=2))
    for name, info in manifest["corpora"].items():
        print(name, {k: v for k, v in info.items() if k not in ("stats",)})


if __name__ == "__main__":
    main()
