"""Shared fixtures: a model-free test pipeline and a session-wide default pipeline."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest
from _support import RegexDetector, shared_default_pipeline
from hypothesis import settings

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.normalize import WhitespaceNormalizer

# CI replays the same examples every run (no flaky red builds); local runs explore new ones.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
# Local only, for a long hunt: `pytest --hypothesis-profile=stress --hypothesis-seed=N tests/...`
settings.register_profile("stress", deadline=None, max_examples=20_000)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def regex_pipeline() -> Pipeline:
    """Whitespace normalizer -> two regex detectors -> tag anonymizer; loads no model."""
    return Pipeline(
        normalizers=[WhitespaceNormalizer()],
        detectors=[
            RegexDetector(),
            RegexDetector(pattern=r"\b(?:alice|bob)(?: \w+)?", label="PERSON", score=0.8),
        ],
        anonymizer=TagAnonymizer(),
        batch_size=3,
    )


@pytest.fixture(scope="session")
def default_pipeline() -> Pipeline:
    """The shipped default pipeline, loaded once for the whole test session."""
    return shared_default_pipeline()


@pytest.fixture(autouse=True)
def _restore_redactkit_logger() -> Iterator[None]:
    """The CLI sets the level of the ``redactkit`` logger (``-v``, ``-q``, ``--log-level``) and adds
    a handler; restore both after every test so a CLI test does not silence a later one."""
    logger = logging.getLogger("redactkit")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
