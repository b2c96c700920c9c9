"""redactkit review: sampling, alignment, decisions, gold export, summary, server access, CLI."""

from __future__ import annotations

import http.client
import json
import socket
from collections import Counter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _review_support import serving, write_wav
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from redactkit.bench import read_labeled
from redactkit.cli import app
from redactkit.errors import DataError
from redactkit.io import QUARANTINE_LABEL, QUARANTINE_TEXT, entities_type
from redactkit.review import (
    Decision,
    Miss,
    ReviewServer,
    ReviewSet,
    build_review,
    gold_spans,
    summarize,
    wilson_interval,
    write_reviewed_jsonl,
    write_static_html,
)
from redactkit.review._align import replacement_offsets

Entity = tuple[int, int, str, float, str]  # start, end, label, score, detector


def _redact(text: str, entities: list[Entity]) -> str:
    out, cursor = [], 0
    for start, end, label, _, _ in sorted(entities):
        out.append(text[cursor:start] + f"[{label}]")
        cursor = end
    return "".join(out) + text[cursor:]


def _dataset(
    folder: Path, rows: list[tuple[str | None, list[Entity]]], **extra: list[Any]
) -> tuple[Path, Path]:
    """input.parquet and a redacted.parquet as `redactkit redact` writes it (tag operator)."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [text for text, _ in rows]
    ids = [f"u{i:04d}" for i in range(len(rows))]
    source = pa.table({"utterance_id": ids, "transcript": pa.array(texts, pa.string()), **extra})
    redacted_texts: list[str | None] = []
    entities: list[list[dict[str, Any]] | None] = []
    for text, found in rows:
        if text is None:
            redacted_texts.append(None)
            entities.append(None)
        elif found and found[0][2] == QUARANTINE_LABEL:
            redacted_texts.append(QUARANTINE_TEXT)
            entities.append(
                [
                    {
                        "start": 0,
                        "end": len(text),
                        "label": QUARANTINE_LABEL,
                        "operator": "quarantine",
                        "score": 1.0,
                        "detector": "redactkit",
                    }
                ]
            )
        else:
            redacted_texts.append(_redact(text, found))
            entities.append(
                [
                    {"start": s, "end": e, "label": label, "operator": "tag", "score": score, "detector": det}
                    for s, e, label, score, det in found
                ]
            )
    redacted = source.append_column(
        "transcript_redacted", pa.array(redacted_texts, pa.string())
    ).append_column("transcript_entities", pa.array(entities, type=entities_type()))
    pq.write_table(source, folder / "input.parquet")
    pq.write_table(redacted, folder / "redacted.parquet")
    return folder / "input.parquet", folder / "redacted.parquet"


def _population() -> list[tuple[str | None, list[Entity]]]:
    rows: list[tuple[str | None, list[Entity]]] = []
    for i in range(300):
        name = f"name{i}"
        text = f"call {name} now"
        if i % 50 == 7:
            rows.append((f"my card is {i:016d}", [(11, 27, "CREDIT_CARD", 0.95, "identifiers")]))
        elif i % 60 == 11:
            rows.append((text, [(0, len(text), QUARANTINE_LABEL, 1.0, "redactkit")]))
        elif i % 3 == 0:
            rows.append((f"play song {i}", []))
        elif i % 37 == 5:
            rows.append((None, []))
        else:
            score = 0.4 if i % 10 == 1 else 0.9
            rows.append((text, [(5, 5 + len(name), "PERSON", score, "names")]))
    # a label that is never the rarest of its row: only ever beside a credit card
    rows.append(
        (
            "card 1234123412341234 zip 90210",
            [(5, 21, "CREDIT_CARD", 0.95, "identifiers"), (26, 31, "ZIP_CODE", 0.7, "identifiers")],
        )
    )
    return rows


# -- building ---------------------------------------------------------------------------------------


def test_build_samples_every_kind_of_row_with_stratum_weights(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population())
    result = build_review(source, redacted, tmp_path / "review", sample=30, seed=1, id_column="utterance_id")
    assert result.population + result.not_reviewable == 301
    assert result.not_reviewable == sum(
        1 for i in range(300) if i % 37 == 5 and i % 50 != 7 and i % 60 != 11 and i % 3
    )
    assert {"quarantined", "no entity", "PERSON", "PERSON · low score", "CREDIT_CARD"} <= set(result.strata)
    assert result.sampled == 30 + 1 or result.sampled == 30  # +1: the ZIP_CODE row added for coverage
    review = ReviewSet.load(tmp_path / "review")
    labels = Counter(e["label"] for row in review.rows for e in row["entities"])
    assert {"PERSON", "CREDIT_CARD", "ZIP_CODE", QUARANTINE_LABEL} <= set(labels)
    assert any(not row["entities"] for row in review.rows)
    for row in review.rows:  # weight = rows in the stratum / rows drawn from it
        population, drawn = result.strata[row["stratum"]]
        assert row["weight"] == pytest.approx(population / drawn)
        assert row["text"] is not None and row["text"] != ""
    assert sum(row["weight"] for row in review.rows) == pytest.approx(result.population)
    # files hold text: owner-only
    assert (tmp_path / "review").stat().st_mode & 0o077 == 0
    assert (tmp_path / "review" / "rows.json").stat().st_mode & 0o077 == 0


def test_build_is_deterministic_and_the_seed_matters(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population())
    ids = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        build_review(source, redacted, tmp_path / name, sample=20, seed=seed)
        ids.append([row["id"] for row in ReviewSet.load(tmp_path / name).rows])
    assert ids[0] == ids[1]
    assert ids[0] != ids[2]


def test_build_takes_everything_when_the_sample_exceeds_the_data(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population()[:40])
    result = build_review(source, redacted, tmp_path / "review", sample=1000)
    assert result.sampled == result.population
    assert all(row["weight"] == 1.0 for row in ReviewSet.load(tmp_path / "review").rows)


@pytest.mark.parametrize(
    ("stratify", "expected"),
    [
        ("detector", {"detector names", "detector identifiers", "no entity", "quarantined"}),
        ("low-score", {"score < 0.50", "score >= 0.85", "no entity", "quarantined"}),
    ],
)
def test_stratify_modes(tmp_path: Path, stratify: str, expected: set[str]) -> None:
    source, redacted = _dataset(tmp_path / "data", _population())
    result = build_review(source, redacted, tmp_path / "review", sample=40, stratify=stratify)
    assert expected <= {key.removesuffix(" · low score") for key in result.strata}


def test_stratify_sensitivity_needs_the_column(tmp_path: Path) -> None:
    rows = _population()
    source, redacted = _dataset(tmp_path / "plain", rows)
    with pytest.raises(DataError, match="--stratify sensitivity needs a 'sensitivity' column"):
        build_review(source, redacted, tmp_path / "review", stratify="sensitivity")
    levels = ["special" if i % 25 == 0 else "pii" if rows[i][1] else "none" for i in range(len(rows))]
    source, redacted = _dataset(tmp_path / "with", rows, sensitivity=levels)
    result = build_review(source, redacted, tmp_path / "review2", stratify="sensitivity", sample=30)
    assert any(key.startswith("sensitivity special") for key in result.strata)
    sampled = {row["sensitivity"] for row in ReviewSet.load(tmp_path / "review2").rows}
    assert "special" in sampled


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("rows", "rows, but its input"),
        ("column", "no column 'transcript_entities'"),
    ],
)
def test_build_refuses_mismatched_inputs(tmp_path: Path, change: str, message: str) -> None:
    source, redacted = _dataset(tmp_path / "data", _population()[:20])
    table = pq.read_table(redacted)
    table = table.slice(0, 19) if change == "rows" else table.drop_columns(["transcript_entities"])
    pq.write_table(table, redacted)
    with pytest.raises(DataError, match=message):
        build_review(source, redacted, tmp_path / "review")


def test_build_refuses_to_overwrite_a_review_in_progress(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population()[:20])
    build_review(source, redacted, tmp_path / "review", sample=5)
    with pytest.raises(DataError, match="--overwrite"):
        build_review(source, redacted, tmp_path / "review", sample=5)
    build_review(source, redacted, tmp_path / "review", sample=6, overwrite=True)
    assert len(ReviewSet.load(tmp_path / "review").rows) == 6


def test_dataset_folders_are_matched_file_by_file(tmp_path: Path) -> None:
    rows = _population()
    for part, chunk in (("a", rows[:150]), ("b", rows[150:])):
        source, redacted = _dataset(tmp_path / "tmp" / part, chunk)
        (tmp_path / "in" / f"part={part}").mkdir(parents=True)
        (tmp_path / "out" / f"part={part}").mkdir(parents=True)
        source.rename(tmp_path / "in" / f"part={part}" / "data.parquet")
        redacted.rename(tmp_path / "out" / f"part={part}" / "data.parquet")
    (tmp_path / "out" / "_redactkit").mkdir()
    result = build_review(tmp_path / "in", tmp_path / "out", tmp_path / "review", sample=25)
    assert result.population + result.not_reviewable == 301
    files = {row["file"] for row in ReviewSet.load(tmp_path / "review").rows}
    assert files == {"part=a/data.parquet", "part=b/data.parquet"}
    (tmp_path / "out" / "part=b" / "data.parquet").unlink()
    with pytest.raises(DataError, match="do not mirror"):
        build_review(tmp_path / "in", tmp_path / "out", tmp_path / "review2")


def test_audio_is_copied_into_the_review_folder(tmp_path: Path) -> None:
    rows = _population()[:30]
    audio: list[str | None] = []
    for i in range(len(rows)):
        if i % 2:
            write_wav(tmp_path / "data" / "rec" / f"{i}.wav")
            audio.append(f"rec/{i}.wav")
        else:
            audio.append(None)
    blob = (tmp_path / "data" / "rec" / "1.wav").read_bytes()
    source, redacted = _dataset(
        tmp_path / "data", rows, audio_path=audio, audio_path_redacted=[blob if a else None for a in audio]
    )
    result = build_review(source, redacted, tmp_path / "review", sample=30)
    assert result.audio_rows == sum(1 for a, r in zip(audio, rows, strict=True) if a and r[0])
    for row in ReviewSet.load(tmp_path / "review").rows:
        if row["audio"]:
            for kind in ("original", "redacted"):
                copy = tmp_path / "review" / row["audio"][kind]
                assert copy.read_bytes()[:4] == b"RIFF"
                assert copy.name.endswith(f".{kind}.wav")


# -- replacement offsets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "redacted", "spans", "expected"),
    [
        ("call john now", "call [PERSON] now", [(5, 9)], [(5, 13)]),
        ("john and mary", "<P1> and <P2>", [(0, 4), (9, 13)], [(0, 4), (9, 13)]),
        ("a b", "a b", [], []),
        ("ab", "[X][Y]", [(0, 1), (1, 2)], [(0, 0), (0, 6)]),  # adjacent: the text cannot tell; still valid
        ("call john now", "something else", [(5, 9)], None),
        ("call john now", "call [PERSON] now", [(5, 9), (7, 12)], None),  # overlapping spans
    ],
)
def test_replacement_offsets_cases(
    original: str, redacted: str, spans: list[tuple[int, int]], expected: list[tuple[int, int]] | None
) -> None:
    assert replacement_offsets(original, redacted, spans) == expected


@given(st.data())
def test_replacement_offsets_recover_tag_positions(data: st.DataObject) -> None:
    text = data.draw(st.text(alphabet="ab é.\n", min_size=0, max_size=40))
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=8)))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i] < cuts[i + 1]]
    redacted, truth, cursor = "", [], 0
    for start, end in spans:
        redacted += text[cursor:start]
        tag = data.draw(st.sampled_from(["[PERSON]", "[X]", "<N1>"]))
        truth.append((len(redacted), len(redacted) + len(tag)))
        redacted += tag
        cursor = end
    redacted += text[cursor:]
    found = replacement_offsets(text, redacted, spans)
    assert found is not None
    assert [redacted[s:e] for s, e in found] == [redacted[s:e] for s, e in truth]


# -- decisions, gold and the summary ---------------------------------------------------------------


ROW: dict[str, Any] = {
    "key": "r00000",
    "id": "x",
    "text": "call john smith on five five five",
    "weight": 1.0,
    "entities": [
        {"start": 5, "end": 9, "label": "PERSON", "score": 0.9, "detector": "names"},
        {"start": 19, "end": 33, "label": "PHONE_NUMBER", "score": 0.6, "detector": "identifiers"},
    ],
}


@pytest.mark.parametrize(
    ("misses", "over", "expected"),
    [
        (
            (),
            (),
            [(5, 9, "PERSON", True, "review:accepted"), (19, 33, "PHONE_NUMBER", True, "review:accepted")],
        ),
        # the reviewer selects the whole name: merged with the partial entity, counted as missed
        (
            (Miss(5, 15, "PERSON"),),
            (),
            [
                (5, 15, "PERSON", False, "review:accepted+miss"),
                (19, 33, "PHONE_NUMBER", True, "review:accepted"),
            ],
        ),
        # touching spans of one label merge too
        (
            (Miss(10, 15, "PERSON"),),
            (),
            [
                (5, 9, "PERSON", True, "review:accepted"),
                (10, 15, "PERSON", False, "review:miss"),
                (19, 33, "PHONE_NUMBER", True, "review:accepted"),
            ],
        ),
        (
            (Miss(9, 15, "PERSON"),),
            (),
            [
                (5, 15, "PERSON", False, "review:accepted+miss"),
                (19, 33, "PHONE_NUMBER", True, "review:accepted"),
            ],
        ),
        # over-redaction: the span leaves the gold
        ((), ((19, 33),), [(5, 9, "PERSON", True, "review:accepted")]),
        # a different label overlapping stays separate
        (
            (Miss(5, 15, "ORGANIZATION"),),
            ((5, 9),),
            [
                (5, 15, "ORGANIZATION", False, "review:miss"),
                (19, 33, "PHONE_NUMBER", True, "review:accepted"),
            ],
        ),
    ],
)
def test_gold_spans(
    misses: tuple[Miss, ...], over: tuple[tuple[int, int], ...], expected: list[tuple[Any, ...]]
) -> None:
    gold = gold_spans(ROW, Decision("reviewed", misses, over))
    assert [(g.start, g.end, g.label, g.caught, g.source) for g in gold] == expected


def test_quarantine_entity_is_never_gold() -> None:
    row = {
        **ROW,
        "entities": [
            {"start": 0, "end": 33, "label": QUARANTINE_LABEL, "score": 1.0, "detector": "redactkit"}
        ],
    }
    assert gold_spans(row, Decision("reviewed")) == []
    assert [g.label for g in gold_spans(row, Decision("reviewed", (Miss(5, 15, "PERSON"),)))] == ["PERSON"]


def test_wilson_interval_matches_the_textbook() -> None:
    low, high = wilson_interval(8, 10)
    assert (round(low, 3), round(high, 3)) == (0.490, 0.943)
    assert wilson_interval(0, 0) == (0.0, 1.0)
    low, high = wilson_interval(10, 10)
    assert high == pytest.approx(1.0) and 0.69 < low < 0.73


def _review_of(rows: list[dict[str, Any]], tmp_path: Path) -> ReviewSet:
    folder = tmp_path / "synthetic-review"
    folder.mkdir(exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"format": "redactkit-review", "population": 99}))
    (folder / "rows.json").write_text(json.dumps({"rows": rows}))
    return ReviewSet.load(folder)


def test_summary_weights_recall_by_stratum_and_counts_over_redactions(tmp_path: Path) -> None:
    rows = [
        {**ROW, "key": "a", "id": "a", "weight": 1.0},
        {**ROW, "key": "b", "id": "b", "weight": 9.0},
        {**ROW, "key": "c", "id": "c", "weight": 5.0},  # not reviewed: left out
    ]
    review = _review_of(rows, tmp_path)
    review.decide("a", {"status": "reviewed", "misses": [{"start": 10, "end": 15, "label": "PERSON"}]})
    review.decide("b", {"status": "reviewed", "over": [{"start": 19, "end": 33}], "note": "not a number"})
    review.decide("c", {"misses": [{"start": 0, "end": 4, "label": "PERSON"}]})
    summary = summarize(review)
    assert (
        summary["rows_reviewed"] == 2
        and summary["rows_with_a_miss"] == 1
        and summary["rows_with_a_note"] == 1
    )
    person = summary["labels"]["PERSON"]
    # row a: "john" caught, "smith" missed (weight 1); row b: "john" caught (weight 9)
    assert (person["gold"], person["caught"], person["missed"], person["misses_marked"]) == (3, 2, 1, 1)
    assert person["recall"]["sample"] == pytest.approx(2 / 3, abs=1e-4)
    assert person["recall"]["estimate"] == pytest.approx(10 / 11, abs=1e-4)
    assert person["recall"]["low"] < person["recall"]["estimate"] < person["recall"]["high"]
    phone = summary["labels"]["PHONE_NUMBER"]
    assert (phone["entities"], phone["over_redactions"], phone["over_redaction_rate"]) == (2, 1, 0.5)
    assert summary["overall"]["over_redaction_rate"] == 0.25
    assert "john" not in json.dumps(summary) and "not a number" not in json.dumps(summary)


def test_export_is_bench_jsonl(tmp_path: Path) -> None:
    review = _review_of([{**ROW, "key": "a", "id": "a"}, {**ROW, "key": "b", "id": "b"}], tmp_path)
    review.decide(
        "a",
        {
            "status": "reviewed",
            "misses": [{"start": 5, "end": 15, "label": "PERSON"}],
            "over": [{"start": 19, "end": 33}],
        },
    )
    path = tmp_path / "out" / "reviewed.jsonl"
    assert write_reviewed_jsonl(review, path) == 1  # b is not accepted
    (example,) = read_labeled(path)
    assert example.id == "a" and example.text == ROW["text"]
    assert [(s.start, s.end, s.label, s.source_label) for s in example.spans] == [
        (5, 15, "PERSON", "review:accepted+miss")
    ]
    assert path.stat().st_mode & 0o077 == 0


@pytest.mark.parametrize(
    ("decision", "message"),
    [
        ({"misses": [{"start": 5, "end": 99, "label": "PERSON"}]}, "outside the row"),
        ({"misses": [{"start": 5, "end": 9, "label": "person<script>"}]}, "upper-case"),
        ({"misses": [{"start": "5", "end": 9, "label": "PERSON"}]}, "integer"),
        ({"over": [{"start": 0, "end": 4}]}, "names no entity"),
        ({"status": "done"}, "status must be"),
        ({"colour": "red"}, "unknown decision field"),
        ({"note": "x" * 3000}, "at most 2000"),
    ],
)
def test_decisions_are_validated(tmp_path: Path, decision: dict[str, Any], message: str) -> None:
    review = _review_of([{**ROW, "key": "a"}], tmp_path)
    with pytest.raises(DataError, match=message):
        review.decide("a", decision)
    with pytest.raises(DataError, match="no row"):
        review.decide("zzz", {})


def test_state_is_saved_after_each_action_and_resumes(tmp_path: Path) -> None:
    review = _review_of([{**ROW, "key": "a"}, {**ROW, "key": "b"}], tmp_path)
    review.decide("a", {"misses": [{"start": 10, "end": 15, "label": "PERSON"}]})
    again = ReviewSet.load(review.directory)
    assert again.decision("a").misses == (Miss(10, 15, "PERSON"),)
    assert again.progress() == {"rows": 2, "reviewed": 0, "misses": 1, "over": 0}
    assert (review.directory / "state.json").stat().st_mode & 0o077 == 0


# -- the server -------------------------------------------------------------------------------------


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    rows = _population()[:30]
    write_wav(tmp_path / "data" / "rec.wav")
    audio = ["rec.wav" if i == 1 else None for i in range(len(rows))]
    source, redacted = _dataset(tmp_path / "data", rows, audio_path=audio)
    build_review(source, redacted, tmp_path / "review", sample=30)
    return tmp_path / "review"


def _request(
    server: ReviewServer, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
) -> tuple[int, bytes, http.client.HTTPResponse]:
    host, port = server.address
    connection = http.client.HTTPConnection(host, port, timeout=10)
    payload = None if body is None else json.dumps(body).encode()
    sent = {"Content-Type": "application/json"} if body is not None else {}
    connection.request(method, path, body=payload, headers={**sent, **(headers or {})})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data, response


def test_server_refuses_requests_without_the_token(review_dir: Path) -> None:
    with ReviewServer(review_dir) as server:
        token = server.token
        assert len(token) >= 24
        for path in (
            "/",
            "/api/review",
            "/app.js",
            "/audio/000000.original.wav",
            f"/{token[:-1]}/api/review",
            f"/x{token}/",
        ):
            status, body, _ = _request(server, "GET", path)
            assert status == 403, path
            assert b"transcript" not in body.lower() or b"forbidden" in body
            assert b"call name" not in body
        status, _, _ = _request(
            server, "POST", "/api/decision", {"key": "r00000", "decision": {"status": "reviewed"}}
        )
        assert status == 403
        assert ReviewSet.load(review_dir).progress()["reviewed"] == 0
        status, body, response = _request(server, "GET", f"/{token}/api/review")
        assert status == 200
        assert len(json.loads(body)["rows"]) == len(ReviewSet.load(review_dir).rows) == 29
        assert response.getheader("Cache-Control") == "no-store"
        assert "default-src 'none'" in (response.getheader("Content-Security-Policy") or "")
        status, _, response = _request(server, "GET", f"/{token}")
        assert status == 301 and response.getheader("Location") == f"/{token}/"


def test_server_listens_on_loopback_only_by_default(review_dir: Path) -> None:
    with ReviewServer(review_dir) as server:
        host, port = server.address
        assert host == "127.0.0.1"
        assert server.url.startswith(f"http://127.0.0.1:{port}/")
        addresses = set()
        try:
            for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
                addresses.add(str(info[4][0]))
        except OSError:
            pass
        with socket.socket(
            socket.AF_INET, socket.SOCK_DGRAM
        ) as probe:  # the outward interface, no packet sent
            try:
                probe.connect(("192.0.2.1", 9))
                addresses.add(probe.getsockname()[0])
            except OSError:
                pass
        outside = sorted(a for a in addresses if not a.startswith("127."))
        if not outside:
            pytest.skip("this machine has no non-loopback IPv4 address to try")
        for address in outside:
            with pytest.raises((ConnectionRefusedError, TimeoutError)):
                socket.create_connection((address, port), timeout=2).close()


def test_server_refuses_foreign_hosts_and_origins(review_dir: Path) -> None:
    with ReviewServer(review_dir) as server:
        token = server.token
        status, _, _ = _request(server, "GET", f"/{token}/api/review", headers={"Host": "evil.example:80"})
        assert status == 403  # DNS rebinding
        status, _, _ = _request(
            server,
            "POST",
            f"/{token}/api/decision",
            {"key": "r00000", "decision": {}},
            headers={"Origin": "http://evil.example"},
        )
        assert status == 403
        status, _, _ = _request(
            server, "POST", f"/{token}/api/export", None, headers={"Content-Type": "text/plain"}
        )
        assert status == 415


def test_server_saves_decisions_and_exports(review_dir: Path) -> None:
    with ReviewServer(review_dir) as server:
        token = server.token
        review = ReviewSet.load(review_dir)
        row = next(r for r in review.rows if r["entities"] and r["entities"][0]["label"] == "PERSON")
        entity = row["entities"][0]
        decision = {
            "status": "reviewed",
            "misses": [{"start": 0, "end": 4, "label": "PERSON"}],
            "over": [{"start": entity["start"], "end": entity["end"]}],
            "note": "",
        }
        status, body, _ = _request(
            server, "POST", f"/{token}/api/decision", {"key": row["key"], "decision": decision}
        )
        assert status == 200, body
        assert json.loads(body)["progress"] == {"rows": 29, "reviewed": 1, "misses": 1, "over": 1}
        status, body, _ = _request(
            server, "POST", f"/{token}/api/decision", {"key": row["key"], "decision": {"status": "nope"}}
        )
        assert status == 400 and b"status must be" in body
        status, body, _ = _request(server, "POST", f"/{token}/api/export", {})
        assert status == 200
        assert json.loads(body)["rows"] == 1
        status, body, response = _request(server, "GET", f"/{token}/export/reviewed.jsonl")
        assert status == 200 and "attachment" in (response.getheader("Content-Disposition") or "")
        (record,) = [json.loads(line) for line in body.decode().splitlines()]
        assert record["spans"] == [{"start": 0, "end": 4, "label": "PERSON", "source_label": "review:miss"}]
    # a new server on the same folder resumes
    with ReviewServer(review_dir) as server:
        assert server.review.progress()["reviewed"] == 1


def test_server_serves_audio_with_ranges_and_nothing_outside(review_dir: Path) -> None:
    review = ReviewSet.load(review_dir)
    row = next(r for r in review.rows if r["audio"])
    with ReviewServer(review_dir) as server:
        token = server.token
        status, body, response = _request(server, "GET", f"/{token}/{row['audio']['original']}")
        assert (
            status == 200
            and body[:4] == b"RIFF"
            and response.getheader("Content-Type") in ("audio/x-wav", "audio/wav")
        )
        status, body, response = _request(
            server, "GET", f"/{token}/{row['audio']['original']}", headers={"Range": "bytes=0-3"}
        )
        assert status == 206 and body == b"RIFF"
        for path in (
            "audio/../rows.json",
            "rows.json",
            "state.json",
            "audio/..%2Frows.json",
            "manifest.json",
        ):
            status, _, _ = _request(server, "GET", f"/{token}/{path}")
            assert status == 404, path


def test_server_log_masks_the_token_and_holds_no_text(
    review_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ReviewServer(review_dir, verbose=True) as server:
        _request(server, "GET", f"/{server.token}/api/review")
        _request(server, "POST", f"/{server.token}/api/export", {})
        token = server.token
    logged = capsys.readouterr()
    assert "GET /<token>/api/review 200" in logged.out
    assert token not in logged.out + logged.err
    assert "call name" not in logged.out + logged.err


def test_busy_port_is_a_clear_error(review_dir: Path) -> None:
    with ReviewServer(review_dir) as server, pytest.raises(DataError, match="--port"):
        ReviewServer(review_dir, port=server.address[1])


# -- static export and CLI --------------------------------------------------------------------------


def test_static_html_is_self_contained(review_dir: Path, tmp_path: Path) -> None:
    review = ReviewSet.load(review_dir)
    review.decide(review.rows[0]["key"], {"status": "reviewed"})
    page = tmp_path / "review.html"
    assert write_static_html(review, page, reviewed_only=True) == 1
    html = page.read_text(encoding="utf-8")
    assert "http://" not in html and "https://" not in html  # no external asset, no link out
    assert 'src="app.js"' not in html and 'href="app.css"' not in html
    assert "Content-Security-Policy" in html and "'sha256-" in html
    data = html.split('<script id="review-data" type="application/json">', 1)[1].split("</script>", 1)[0]
    parsed = json.loads(data)
    assert parsed["readonly"] is True and len(parsed["rows"]) == 1 and parsed["rows"][0]["audio"] is None
    assert page.stat().st_mode & 0o077 == 0


def test_cli_build_serve_less_round_trip_prints_no_text(tmp_path: Path) -> None:
    rows = _population()[:60]
    source, redacted = _dataset(tmp_path / "data", rows)
    runner = CliRunner()
    review = tmp_path / "review"
    result = runner.invoke(
        app,
        [
            "review",
            str(source),
            str(redacted),
            "-t",
            "transcript",
            "-o",
            str(review),
            "--sample",
            "20",
            "--no-explain",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "next: redactkit review serve" in result.output
    loaded = ReviewSet.load(review)
    loaded.decide(loaded.rows[0]["key"], {"status": "reviewed"})
    outputs = [result.output]
    for args in (
        ["review", "export", str(review), "-o", str(tmp_path / "gold.jsonl")],
        ["review", "summary", str(review), "--json"],
        ["review", "html", str(review), "-o", str(tmp_path / "page.html")],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    assert json.loads(outputs[2])["rows_reviewed"] == 1
    assert len(read_labeled(tmp_path / "gold.jsonl")) == 1
    for text, _ in rows:
        if text:
            assert all(text not in output for output in outputs)
    result = runner.invoke(
        app,
        [
            "review",
            str(source),
            str(redacted),
            "-o",
            str(tmp_path / "r2"),
            "--stratify",
            "sensitivity",
            "--no-explain",
        ],
    )
    assert result.exit_code == 2
    assert "sensitivity" in result.output
    result = runner.invoke(app, ["review", "serve", str(tmp_path / "nothing")])
    assert result.exit_code == 2 and "not a review folder" in result.output


def test_extra_labels_are_offered_and_checked(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population()[:20])
    build_review(source, redacted, tmp_path / "review", sample=5, labels=["EMPLOYEE_ID"])
    choices = ReviewSet.load(tmp_path / "review").manifest["labels"]
    assert choices[0] == "EMPLOYEE_ID" and {"PERSON", "LOCATION", "US_SSN"} <= set(choices)
    with pytest.raises(DataError, match="--label 'employee id' is not a label name"):
        build_review(source, redacted, tmp_path / "review2", labels=["employee id"])


def test_in_place_output_reads_the_original_from_input(tmp_path: Path) -> None:
    source, redacted = _dataset(tmp_path / "data", _population()[:40])
    table = pq.read_table(redacted).drop_columns(["transcript"])
    names = ["transcript" if n == "transcript_redacted" else n for n in table.column_names]
    pq.write_table(table.rename_columns(names), redacted)
    build_review(source, redacted, tmp_path / "review", sample=40)
    rows = ReviewSet.load(tmp_path / "review").rows
    person = next(row for row in rows if row["entities"] and row["entities"][0]["label"] == "PERSON")
    assert person["text"].startswith("call name") and person["redacted"] == "call [PERSON] now"
    assert person["aligned"] and (person["entities"][0]["rstart"], person["entities"][0]["rend"]) == (5, 13)


def test_cli_serve_prints_a_loopback_url_with_a_token(review_dir: Path) -> None:
    import urllib.error
    import urllib.request

    with serving(review_dir, "--verbose") as served:
        url = served.url
        assert url.endswith("/")
        token = url.rstrip("/").rsplit("/", 1)[1]
        with urllib.request.urlopen(url + "api/review", timeout=10) as response:
            assert response.status == 200
        origin = url.rsplit("/", 2)[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(origin + "/api/review", timeout=10)
        assert refused.value.code == 403
    assert "GET /<token>/api/review 200" in served.out
    assert token not in served.out.replace(url, "") + served.err
    assert "transcript text" in served.err  # the warning


@given(
    st.dictionaries(st.text("abcdef", min_size=1, max_size=3), st.integers(1, 500), min_size=1, max_size=12),
    st.integers(1, 2000),
)
def test_allocation_spends_the_budget_within_each_stratum(sizes: dict[str, int], budget: int) -> None:
    from redactkit.review.build import _allocate

    allocation = _allocate(sizes, budget)
    assert sum(allocation.values()) == min(budget, sum(sizes.values()))
    assert all(0 <= allocation[key] <= sizes[key] for key in sizes)
    if budget >= len(sizes):  # every stratum is seen when the budget allows
        assert all(allocation[key] >= 1 for key in sizes)
