"""The review page in a real browser: `redactkit review serve` driven by headless Chromium.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/install-browser`` installs them in CI) and
the ``selenium`` package; without them the test is skipped with the reason. The screenshot lands in
the test's tmp folder (``review-page.png``); set ``REDACTKIT_REVIEW_SCREENSHOT=path.png`` to also copy
it there (docs/how-to/review-page.png is made that way).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from _review_support import REVIEW_CONFIG, make_redacted_set, review_records, serving
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.bench import read_labeled
from redactkit.cli import app
from redactkit.review import build_review

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[dev]')")
if CHROMIUM is None or CHROMEDRIVER is None:
    pytest.skip(
        "no headless browser: install Debian's chromium and chromium-driver (.ci/install-browser)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.actions.action_builder import ActionBuilder  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

pytestmark = pytest.mark.slow

CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1280,760",
)


def chromium_driver(profile: Path) -> Any:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    return webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)


@pytest.fixture
def review_dir(tmp_path: Path) -> Path:
    data = make_redacted_set(tmp_path / "data", rows=120)
    directory = tmp_path / "review"
    build_review(
        data.input,
        data.redacted,
        directory,
        text_column="transcript",
        sample=40,
        seed=3,
        id_column="utterance_id",
        pipeline=Pipeline.from_config(REVIEW_CONFIG),
    )
    return directory


@pytest.fixture
def served(review_dir: Path) -> Iterator[str]:
    """`redactkit review serve` in a subprocess; yields the URL it prints."""
    with serving(review_dir) as served:
        yield served.url


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    driver = chromium_driver(tmp_path / "chromium-profile")
    try:
        yield driver
    finally:
        driver.quit()


def _wait_ready(driver: Any) -> None:
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")


def _press(driver: Any, keys: str) -> None:
    ActionChains(driver).send_keys(keys).perform()


def _saved(driver: Any) -> int:
    return int(driver.execute_script("return Number(document.body.dataset.saved || 0)"))


def _wait_saved(driver: Any, count: int) -> None:
    WebDriverWait(driver, 10).until(lambda d: _saved(d) >= count)


def _word_centre(driver: Any, start: int, end: int) -> tuple[float, float]:
    """Viewport coordinates of the middle of original[start:end] (ASCII text)."""
    point = driver.execute_script(
        """
        const [start, end] = arguments;
        for (const seg of document.querySelectorAll('#original [data-start]')) {
          const s = Number(seg.dataset.start), e = Number(seg.dataset.end);
          if (s <= start && end <= e) {
            const range = document.createRange();
            range.setStart(seg.firstChild, start - s);
            range.setEnd(seg.firstChild, end - s);
            const box = range.getBoundingClientRect();
            return [box.left + box.width / 2, box.top + box.height / 2];
          }
        }
        return null;
        """,
        start,
        end,
    )
    assert point is not None, "the word is not in one plain segment of the original text"
    return float(point[0]), float(point[1])


def _targets(review_dir: Path) -> tuple[int, dict[str, Any], dict[str, Any], int, dict[str, Any]]:
    """A row with a missed one-word name next to a found entity, and one with an over-redaction."""
    rows = json.loads((review_dir / "rows.json").read_text(encoding="utf-8"))["rows"]
    gold = {f"utt-{i:06d}": item for i, item in enumerate(review_records(120))}
    miss_index = miss = None
    for index, row in enumerate(rows):
        item = gold[row["id"]]
        if item.text != row["text"] or not row["entities"]:
            continue
        for span in item.spans:
            value = row["text"][span.start : span.end]
            covered = any(e["start"] < span.end and span.start < e["end"] for e in row["entities"])
            if span.label == "PERSON" and " " not in value and not covered:
                miss_index, miss = index, {"start": span.start, "end": span.end, "label": "PERSON"}
                break
        if miss is not None:
            break
    over_index, over_entity = next(
        (index, entity)
        for index, row in enumerate(rows)
        if index != miss_index and gold[row["id"]].text == row["text"]
        for entity in row["entities"]
        if not any(s.start < entity["end"] and entity["start"] < s.end for s in gold[row["id"]].spans)
    )
    assert miss_index is not None and miss is not None, "the generated sample has no missed one-word name"
    return miss_index, miss, rows[miss_index], over_index, over_entity


def test_review_page_end_to_end(review_dir: Path, served: str, browser: Any, tmp_path: Path) -> None:
    miss_index, miss, miss_row, over_index, over_entity = _targets(review_dir)
    browser.get(served)
    _wait_ready(browser)
    assert "transcript text" in browser.find_element(By.ID, "privacy").text
    assert browser.find_element(By.ID, "progress-text").text.startswith("0 / 40")

    # -- a miss: keyboard to the row, mouse double-click on the name, m, label by keyboard ----------
    _press(browser, "j" * miss_index)
    assert browser.find_element(By.ID, "row-title").text == f"Row {miss_index + 1} of 40"
    x, y = _word_centre(browser, miss["start"], miss["end"])
    mouse = ActionBuilder(browser)
    mouse.pointer_action.move_to_location(int(x), int(y))
    mouse.pointer_action.double_click()
    mouse.perform()
    _press(browser, "m")
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "label-picker").get_attribute("open"))
    _press(browser, "PERSON" + Keys.ENTER)
    _wait_saved(browser, 1)
    marked = browser.find_elements(By.CSS_SELECTOR, "#original .seg.miss")
    assert marked and "".join(seg.text for seg in marked) == miss_row["text"][miss["start"] : miss["end"]]

    # hover a found entity: its detector, score and explanation show; this is the screenshot
    entity = miss_row["entities"][0]
    hover = browser.find_element(By.CSS_SELECTOR, "#redacted .seg.ent[data-ent='0']")
    ActionChains(browser).move_to_element(hover).perform()
    tooltip = browser.find_element(By.ID, "tooltip")
    WebDriverWait(browser, 5).until(lambda d: tooltip.is_displayed())
    assert entity["detector"] in tooltip.text and entity["label"] in tooltip.text
    assert "why" in tooltip.text and entity["explanation"] and entity["explanation"][:20] in tooltip.text
    shot = tmp_path / "review-page.png"
    browser.save_screenshot(str(shot))
    assert shot.stat().st_size > 10_000
    if os.environ.get("REDACTKIT_REVIEW_SCREENSHOT"):
        shutil.copyfile(shot, os.environ["REDACTKIT_REVIEW_SCREENSHOT"])

    _press(browser, "n")
    _press(browser, "caller spelled the name" + Keys.ESCAPE)
    _wait_saved(browser, 2)
    _press(browser, "a")  # accept: saves and moves to the next open row
    _wait_saved(browser, 3)

    # -- an over-redaction: mouse click on the span, o by keyboard ------------------------------------
    current = int(
        browser.execute_script("return Number(document.querySelector('#row-list .current').dataset.index)")
    )
    steps = over_index - current
    _press(browser, ("j" * steps) if steps >= 0 else ("k" * -steps))
    assert browser.find_element(By.ID, "row-title").text == f"Row {over_index + 1} of 40"
    rows = json.loads((review_dir / "rows.json").read_text(encoding="utf-8"))["rows"]
    first_words = rows[over_index]["text"].split()
    _press(browser, "w")  # keyboard word selection: the first word, then one more
    assert browser.execute_script("return window.getSelection().toString()") == first_words[0]
    _press(browser, "W")
    assert browser.execute_script("return window.getSelection().toString()").split() == first_words[:2]
    position = rows[over_index]["entities"].index(over_entity)
    browser.find_element(By.CSS_SELECTOR, f"#original .seg.ent[data-ent='{position}']").click()
    _press(browser, "o")
    _wait_saved(browser, 4)
    assert browser.find_elements(By.CSS_SELECTOR, "#original .seg.ent.over")
    _press(browser, "a")
    _wait_saved(browser, 5)
    assert browser.find_element(By.ID, "progress-text").text.startswith(
        "2 / 40 rows accepted · 1 misses · 1 over"
    )

    # -- audio: a row with recordings plays both through the token URL -------------------------------
    audio_index = next(i for i, row in enumerate(rows) if row["audio"] and row["audio"]["redacted"])
    browser.find_element(By.CSS_SELECTOR, f"#row-list button[data-index='{audio_index}']").click()
    durations = browser.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        const players = ['audio-original', 'audio-redacted'].map((id) => document.getElementById(id));
        Promise.all(players.map((p) => new Promise((resolve) => {
          p.addEventListener('loadedmetadata', () => resolve(p.duration), {once: true});
          p.addEventListener('error', () => resolve(-1), {once: true});
          p.preload = 'metadata'; p.load();
        }))).then(done);
        """
    )
    assert all(0.3 < d < 0.5 for d in durations), durations

    # -- export by keyboard, then the JSONL ----------------------------------------------------------
    _press(browser, "E")
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.body.dataset.exported") == "2"
    )
    assert "recall" in browser.find_element(By.ID, "summary").text

    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == [], severe  # nothing blocked by the CSP, nothing failed to load

    # resumable: a reload shows what was saved
    browser.refresh()
    _wait_ready(browser)
    assert browser.find_element(By.ID, "progress-text").text.startswith(
        "2 / 40 rows accepted · 1 misses · 1 over"
    )

    exported = review_dir / "export" / "reviewed.jsonl"
    records = {r["id"]: r for r in map(json.loads, exported.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {miss_row["id"], rows[over_index]["id"]}
    missed = records[miss_row["id"]]
    assert {
        "start": miss["start"],
        "end": miss["end"],
        "label": "PERSON",
        "source_label": "review:miss",
    } in missed["spans"]
    for entity in miss_row["entities"]:  # found entities are gold, unchanged
        assert {"start": entity["start"], "end": entity["end"], "label": entity["label"]}.items() <= next(
            s for s in missed["spans"] if s["start"] == entity["start"]
        ).items()
    over_record = records[rows[over_index]["id"]]
    assert all(s["start"] != over_entity["start"] for s in over_record["spans"])
    assert len(over_record["spans"]) == len(rows[over_index]["entities"]) - 1

    # redactkit bench reads it
    examples = read_labeled(exported)
    assert [len(e.spans) for e in examples] == [len(records[e.id]["spans"]) for e in examples]
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump(REVIEW_CONFIG), encoding="utf-8")
    result = CliRunner().invoke(
        app, ["bench", str(exported), "--config", str(config), "--baseline", "none", "--bootstrap", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "PERSON" in result.output


def test_review_page_refuses_a_url_without_the_token(served: str, browser: Any) -> None:
    origin = served.rsplit("/", 2)[0]
    browser.get(origin + "/")
    assert "forbidden" in browser.find_element(By.TAG_NAME, "body").text
    browser.get(origin + "/api/review")
    assert "forbidden" in browser.find_element(By.TAG_NAME, "body").text
    browser.get(served)
    _wait_ready(browser)
    assert browser.find_element(By.ID, "progress-text").text.startswith("0 / 40")


def test_static_html_export_is_read_only(review_dir: Path, browser: Any, tmp_path: Path) -> None:
    from redactkit.review import ReviewSet, write_static_html

    review = ReviewSet.load(review_dir)
    first = review.rows[0]
    review.decide(first["key"], {"status": "reviewed", "misses": [], "over": [], "note": ""})
    page = tmp_path / "static" / "review.html"
    assert write_static_html(review, page) == 40
    browser.get(page.as_uri())
    _wait_ready(browser)
    assert browser.execute_script("return document.body.classList.contains('readonly')")
    assert browser.find_element(By.ID, "progress-text").text.startswith("1 / 40")
    assert not browser.find_element(By.ID, "accept-button").is_displayed()
    before = page.read_bytes()
    _press(browser, "a")  # does nothing: read-only
    _press(browser, "j")
    assert browser.find_element(By.ID, "row-title").text.startswith("Row ")
    assert browser.find_element(By.ID, "progress-text").text.startswith("1 / 40")
    assert page.read_bytes() == before
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == [], errors  # the CSP lets the inlined script and style run, nothing else
