"""The guarded PERSON silver labels of the training corpora, frozen as data.

Step 2 of :mod:`redactkit.train.data` adds, where the cased model found no entity, the PERSON
entities the pipeline found before the adaptation: the stock recognizer on the normalized spoken
text, kept by the ``ner`` detector's strict lowercase guard (a known name or a cue: "okay frank").
That guard is detection code that keeps changing; run live, every change to it (or to the name lists
and cues it reads) changes ``train.spacy`` and ``dev.spacy`` and the shipped weights can no longer be
rebuilt from the repository. So the data step does not run it: it reads the guard's decisions from a
versioned table, ``frozen/silver_persons_v<N>.json.gz``, and the weights' ``meta.json`` names the
table and its SHA-256 (``data.silver_persons``).

A table holds, per corpus, the SHA-256 of the ``_spoken.jsonl`` file it was written from and, per
row id, the guarded PERSON spans in that file's character offsets (ids and offsets only: no text).
A corpus file whose hash differs from the table's is refused, naming the file (a silent empty lookup
would drop every guarded name). Version 1 is the guard of commit ``a5e8a31``, which wrote the data of
the shipped weights.

To train on the current guard, write a new version and pass it to the data step::

    python -m redactkit.train.silver --out redactkit/train/frozen/silver_persons_v2.json.gz
    python -m redactkit.train.data ... --silver-persons 2

(``--silver-persons live`` runs the guard without a table, for experiments only: its output is not
reproducible across commits.)
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core import AlignedText

__all__ = [
    "DEFAULT_VERSION",
    "FROZEN_DIR",
    "SilverPersons",
    "freeze",
    "live_guarded_persons",
    "load_table",
    "main",
    "table_path",
]

#: the table the data step reads unless told otherwise (the one the shipped weights were built from)
DEFAULT_VERSION = "1"
FROZEN_DIR = Path(__file__).resolve().parent / "frozen"

Spans = list[tuple[int, int]]


def table_path(version: str) -> Path:
    """The file of a table version."""
    return FROZEN_DIR / f"silver_persons_v{version}.json.gz"


def live_guarded_persons(aligned: Sequence[AlignedText]) -> list[Spans]:
    """PERSON entities of the stock recognizer on the normalized text, kept by the current strict
    lowercase guard, in offsets of the spoken text (what a table freezes)."""
    from ..detect.ner import SpacyNerDetector

    detector = SpacyNerDetector(ner_weights=None, labels={"PERSON": "PERSON"}, lowercase_guard="strict")
    found = detector.detect_batch(aligned)
    return [
        [item.to_original(entity.start, entity.end) for entity in entities]
        for item, entities in zip(aligned, found, strict=True)
    ]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@dataclass(frozen=True)
class SilverPersons:
    """Where the guarded PERSON silver labels come from: a frozen table (``version``) or, with
    ``version="live"``, the current guard."""

    version: str
    sha256: str | None = None
    corpora: Mapping[str, Mapping[str, Any]] | None = None

    @property
    def live(self) -> bool:
        return self.corpora is None

    def record(self) -> dict[str, Any]:
        """What the data step's manifest (and so the weights' meta.json) says about the labels."""
        if self.live:
            return {"version": "live", "note": "the strict guard of the commit that wrote the data"}
        return {"version": self.version, "table": table_path(self.version).name, "sha256": self.sha256}

    def check_corpus(self, name: str, spoken_path: Path) -> None:
        """Refuse a corpus file the table was not written from (naming it and both hashes)."""
        if self.corpora is None:
            return
        entry = self.corpora.get(name)
        if entry is None:
            raise ValueError(
                f"{spoken_path.name}: no guarded PERSON labels for corpus {name!r} in "
                f"{table_path(self.version).name}; write a table for it (python -m redactkit.train.silver) "
                "or pass --silver-persons live"
            )
        got = _sha256(spoken_path)
        if got != entry["spoken_sha256"]:
            raise ValueError(
                f"{spoken_path.name}: SHA-256 {got[:12]}... differs from {entry['spoken_sha256'][:12]}... "
                f"that {table_path(self.version).name} was written from; write a table for this file "
                "(python -m redactkit.train.silver) or pass --silver-persons live"
            )

    def lookup(self, corpus: str | None, ids: Sequence[str], aligned: Sequence[AlignedText]) -> list[Spans]:
        """The guarded PERSON spans of each row (spoken offsets); ``aligned`` is the rows' normalized
        text, used only by the live guard."""
        if self.corpora is None:
            return live_guarded_persons(aligned)
        if corpus is None or corpus not in self.corpora:
            raise ValueError(
                f"rows of corpus {corpus!r} have no guarded PERSON labels in "
                f"{table_path(self.version).name}: pass the corpus name, or --silver-persons live"
            )
        persons: Mapping[str, list[list[int]]] = self.corpora[corpus]["persons"]
        return [[(start, end) for start, end in persons.get(row_id, [])] for row_id in ids]


def load_table(version: str = DEFAULT_VERSION) -> SilverPersons:
    """A frozen table by version, or the live guard for ``"live"``."""
    if version == "live":
        return SilverPersons("live")
    path = table_path(version)
    if not path.exists():
        known = sorted(p.name for p in FROZEN_DIR.glob("silver_persons_v*.json.gz"))
        raise ValueError(
            f"no guarded PERSON table version {version!r} ({path.name}); known: {', '.join(known)} "
            f"or live, e.g. --silver-persons {DEFAULT_VERSION}"
        )
    raw = path.read_bytes()
    table = json.loads(gzip.decompress(raw))
    if str(table.get("version")) != version:
        raise ValueError(f"{path.name} says version {table.get('version')!r}, not {version!r}")
    return SilverPersons(version, hashlib.sha256(raw).hexdigest(), table["corpora"])


def freeze(data: Path, out: Path, version: str, written_by: str) -> dict[str, Any]:
    """Run the current guard over every row of every corpus pair in ``data`` and write the table."""
    from .data import _corpora, _data_pipeline, read_corpus

    pipeline = _data_pipeline()  # the normalizers as the data step runs them
    corpora: dict[str, Any] = {}
    for name, written, spoken in _corpora(data):
        rows = read_corpus(written, spoken)
        found = live_guarded_persons(pipeline.normalize_batch([row.spoken for row in rows]))
        persons = {
            row.id: [list(span) for span in spans] for row, spans in zip(rows, found, strict=True) if spans
        }
        if len(persons) != len({row.id for row, spans in zip(rows, found, strict=True) if spans}):
            raise ValueError(f"{spoken.name}: row ids are not unique")
        corpora[name] = {"spoken_sha256": _sha256(spoken), "rows": len(rows), "persons": persons}
        print(f"{name}: {len(rows)} rows, {len(persons)} with guarded names", file=sys.stderr, flush=True)
    table = {"version": version, "written_by": written_by, "corpora": corpora}
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0 and sorted keys: the same decisions give the same bytes
    payload = json.dumps(table, sort_keys=True, separators=(",", ":")).encode("utf-8")
    out.write_bytes(gzip.compress(payload, compresslevel=9, mtime=0))
    return {name: {k: v for k, v in info.items() if k != "persons"} for name, info in corpora.items()}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m redactkit.train.silver",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=Path("../shared/data/train"))
    parser.add_argument("--out", type=Path, required=True, help="e.g. frozen/silver_persons_v2.json.gz")
    parser.add_argument("--written-by", default="", help="what wrote it (e.g. the commit)")
    args = parser.parse_args(argv)
    stem = args.out.name.removesuffix(".json.gz")
    if not stem.startswith("silver_persons_v"):
        parser.error(
            "--out must be named silver_persons_v<N>.json.gz, e.g. silver_persons_v2.json.gz, "
            f"not {args.out.name}"
        )
    info = freeze(args.data, args.out, stem.removeprefix("silver_persons_v"), args.written_by)
    print(json.dumps(info, indent=1))


if __name__ == "__main__":
    main()
