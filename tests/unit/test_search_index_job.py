"""The search index's pieces are written by a thread of the build; a failed build abandons the job so that
nothing is written into the staging folder it removes (hooks/search_index.py `on_build_error`)."""

from __future__ import annotations

import threading
from types import SimpleNamespace

from handbook.search.publish import IndexJob


def test_a_job_writes_every_piece_and_replaces_the_previous_ones(tmp_path):
    target = tmp_path / "site" / "search" / "index"
    (target / "old").mkdir(parents=True)
    IndexJob().write(SimpleNamespace(files={"meta.json": b"{}", "terms/ab.json": b"[1]"}), target)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*") if p.is_file()) == [
        "meta.json",
        "terms/ab.json",
    ]


def test_an_abandoned_job_writes_nothing(tmp_path):
    job = IndexJob()
    job.abandon()
    job.write(SimpleNamespace(files={"meta.json": b"{}"}), tmp_path / "site" / "search" / "index")
    assert not (tmp_path / "site").exists()


def test_abandon_waits_for_a_write_under_way(tmp_path):
    started, release = threading.Event(), threading.Event()

    class SlowFiles:
        def items(self):
            yield "a.json", b"1"
            started.set()
            release.wait(5)
            yield "b.json", b"2"

    job = IndexJob()
    target = tmp_path / "index"
    writer = threading.Thread(target=job.write, args=(SimpleNamespace(files=SlowFiles()), target))
    writer.start()
    assert started.wait(5)
    abandoning = threading.Thread(target=job.abandon)
    abandoning.start()
    abandoning.join(0.3)
    assert abandoning.is_alive(), "abandon returned while pieces were still being written"
    release.set()
    writer.join(5)
    abandoning.join(5)
    assert not abandoning.is_alive()
    assert sorted(p.name for p in target.iterdir()) == ["a.json", "b.json"]
    job.write(SimpleNamespace(files={"c.json": b"3"}), target)
    assert not (target / "c.json").exists()
