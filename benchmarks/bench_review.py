"""How long the review page takes to load a review set, measured in headless Chromium.

Builds review sets of 10 (the baseline, same run) and --rows (default 1,000) rows from generated
transcripts redacted by a model-free pipeline, serves each with :class:`redactkit.review.ReviewServer`
on loopback, and opens the page --repeat times in a fresh tab. "ready" is ``performance.now()`` when
the page has fetched the set, drawn the row list and the first row (``window.reviewReadyMs``, from the
navigation's start: HTML, script, style, the JSON of every row and the first render).

Needs Debian's chromium + chromium-driver and selenium (``make setup``; ``.ci/install-browser``).

    python benchmarks/bench_review.py [--rows 1000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from redactkit import Pipeline
from redactkit.io import redact_parquet
from redactkit.review import ReviewServer, build_review
from redactkit.synth import sample_table

CONFIG: dict[str, Any] = {
    "replace": True,  # exactly these components, not merged with the default pipeline
    "normalizers": [{"name": "whitespace"}, {"name": "spoken_numbers"}, {"name": "spoken_symbols"}],
    "detectors": [
        {"name": "identifiers"},
        {"name": "deny_list", "terms": {"james": "PERSON", "mary": "PERSON", "elena": "PERSON"}},
    ],
    "anonymizer": {"name": "tag"},
    "batch_size": 256,
}
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,800",
)


def make_review(folder: Path, rows: int, population: int) -> Path:
    folder.mkdir(parents=True)
    source, redacted = folder / "input.parquet", folder / "redacted.parquet"
    pq.write_table(sample_table(population, seed=11), source)
    redact_parquet(source, redacted, "transcript", Pipeline.from_config(CONFIG), overwrite=True)
    review = folder / f"review-{rows}"
    build_review(source, redacted, review, sample=rows, seed=1, pipeline=Pipeline.from_config(CONFIG))
    return review


def measure(driver: Any, url: str, repeat: int) -> tuple[list[float], int]:
    from selenium.webdriver.support.ui import WebDriverWait

    times: list[float] = []
    rows = 0
    for _ in range(repeat):
        driver.get("about:blank")
        driver.get(url)
        WebDriverWait(driver, 60).until(
            lambda d: d.execute_script("return document.body.dataset.ready") == "1"
        )
        times.append(float(driver.execute_script("return window.reviewReadyMs")))
        rows = int(driver.execute_script("return document.querySelectorAll('#row-list button').length"))
    return times, rows


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if chromium is None or driver_path is None:
        raise SystemExit("needs chromium and chromedriver (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        started = time.perf_counter()
        reviews = {
            10: make_review(root / "small", 10, 40),
            args.rows: make_review(root / "large", args.rows, int(args.rows * 1.3)),
        }
        print(f"built review sets in {time.perf_counter() - started:.1f}s")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={root / 'profile'}")
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        try:
            results = {}
            for rows, review in reviews.items():
                with ReviewServer(review) as server:
                    times, shown = measure(driver, server.url, args.repeat)
                size = (review / "rows.json").stat().st_size
                results[rows] = statistics.median(times)
                print(
                    f"{shown:>6,} rows ({size / 1024:,.0f} KiB of rows JSON): page ready in median "
                    f"{statistics.median(times):,.0f} ms (min {min(times):,.0f}, max {max(times):,.0f}; "
                    f"{args.repeat} loads)"
                )
        finally:
            driver.quit()
    print(f"ratio {args.rows} rows / 10 rows: {results[args.rows] / results[10]:.2f}x")
    verdict = "under" if results[args.rows] < 2000 else "OVER"
    print(f"{args.rows} rows: {verdict} the 2 s target")


if __name__ == "__main__":
    main()
