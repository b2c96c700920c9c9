"""The batch stages pause the cyclic garbage collector and always restore it."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from redactkit import Pipeline
from redactkit._gc import paused_gc


@pytest.fixture
def collector_enabled() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


@pytest.mark.usefixtures("collector_enabled")
def test_paused_inside_and_restored_after() -> None:
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():  # nested: the inner block must not switch it back on
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.usefixtures("collector_enabled")
def test_restored_when_the_block_raises() -> None:
    with pytest.raises(RuntimeError), paused_gc():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_a_collector_the_user_disabled_stays_disabled() -> None:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


@pytest.mark.usefixtures("collector_enabled")
def test_pipeline_stages_leave_the_collector_enabled() -> None:
    pipe = Pipeline.from_config(
        {"replace": True, "normalizers": [{"name": "whitespace"}, {"name": "spoken_numbers"}]}
    )
    pipe.normalize_batch(["call five five five one two three four", "", "hello"])
    assert gc.isenabled()
