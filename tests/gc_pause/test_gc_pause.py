"""``wikiparse.gc_pause.paused_collection``: the collector is off inside, restored after, and
shared correctly between threads and nested pauses."""

from __future__ import annotations

import gc
import threading

import pytest

from wikiparse.gc_pause import pause, paused_collection, resume


@pytest.fixture(autouse=True)
def _restore_gc() -> object:
    was = gc.isenabled()
    yield None
    (gc.enable if was else gc.disable)()


def test_off_inside_and_back_after() -> None:
    gc.enable()
    with paused_collection():
        assert not gc.isenabled()
        with paused_collection():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    gc.enable()
    with pytest.raises(KeyError):
        with paused_collection():
            raise KeyError("x")
    assert gc.isenabled()


def test_a_program_that_disabled_the_collector_keeps_it_disabled() -> None:
    gc.disable()
    with paused_collection():
        pass
    assert not gc.isenabled()


def test_young_objects_are_moved_out_of_the_young_generation() -> None:
    gc.enable()
    gc.collect()
    with paused_collection():
        kept = [[i] for i in range(5000)]
    assert gc.get_count()[0] < 100  # no young-generation walk of ``kept`` is due
    assert len(kept) == 5000


def test_threads_overlapping_leave_it_enabled() -> None:
    """Thread A enters, B enters, A leaves, B leaves: enabled again (a per-call saved state
    would have B restore "disabled", which A left behind)."""
    gc.enable()
    a_in, b_in, a_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with paused_collection():
            a_in.set()
            b_in.wait(5)
        a_out.set()

    def second() -> None:
        a_in.wait(5)
        with paused_collection():
            b_in.set()
            a_out.wait(5)
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]  # still paused while B is inside
    assert gc.isenabled()


def test_pause_and_resume_are_the_two_halves() -> None:
    gc.enable()
    pause()
    with paused_collection():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the outer pause() still holds
    resume()
    assert gc.isenabled()


def test_a_parse_restores_the_collector_also_when_it_raises() -> None:
    from wikiparse.config import Limits, SiteConfig
    from wikiparse.parser.driver import parse_wikitext

    gc.enable()
    with pytest.raises(AttributeError):
        parse_wikitext("x", config=None, limits=Limits())  # type: ignore[arg-type]
    assert gc.isenabled()
    assert str(parse_wikitext("[[a]]", config=SiteConfig(), limits=Limits())) == "[[a]]"
    assert gc.isenabled()
